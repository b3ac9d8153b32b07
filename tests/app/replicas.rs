//! Read replicas (issue 16, part 2), with real parts: a private primary and a streaming
//! standby of it (`support::cluster`), the standby's replay delayed with
//! `recovery_min_apply_delay`, and the app given the standby as `--replica-url`.
//! * Read-only pages run on the replica: its own count of committed transactions grows
//!   with them.
//! * A write followed by a read from the same browser sees the write, every time, in 200
//!   iterations, though the replica is always 300 ms behind.
//! * A replica lagging past the limit, or stopped, sends reads to the primary, and no
//!   page answers an error.

use std::time::{Duration, Instant};

use diesel::{Connection, RunQueryDsl};
use hotelier::db::{Db, PoolOptions};

use crate::postgres_only;
use crate::support::cluster::{private_primary, Cluster};
use crate::support::{Browser, Org};

postgres_only!(
    reads_run_on_the_replica_and_each_browser_reads_its_own_writes,
    a_lagging_or_stopped_replica_sends_reads_to_the_primary
);

/// A primary, a standby replaying `delay_ms` behind it, the organization and a manager.
fn pair(test: &str, delay_ms: u64) -> Option<(Cluster, Cluster, Org, String)> {
    let (primary, org, email) = private_primary(test)?;
    let standby = Cluster::standby_of(&primary, "replica1");
    standby.configure(&format!("recovery_min_apply_delay = '{delay_ms}ms'"));
    standby.pg_ctl(&["start"]);
    Some((primary, standby, org, email))
}

/// The app on `primary` with `standby` as its replica, and a manager signed in.
async fn serve(primary: &Cluster, standby: &Cluster, max_lag: Duration, email: &str) -> (String, Browser) {
    let url = primary.app_url();
    let mut settings = hotelier::config::Settings::for_database(url.clone());
    settings.bind = "127.0.0.1:0".into();
    settings.session_key = Some(vec![5u8; 64]);
    settings.workers = Some(2);
    settings.replica_urls = vec![format!("postgres://app:app@127.0.0.1:{}/app", standby.port)];
    settings.replica_max_lag = max_lag;
    let db = Db::connect(&url, &PoolOptions { max_size: 4, acquire_timeout: Duration::from_secs(5) }).unwrap();
    let app = hotelier::Application::build(settings, db).unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let mut b = Browser::new(&address);
    b.sign_in(email).await;
    (address, b)
}

async fn ready(address: &str) -> String {
    reqwest::get(format!("{address}/readyz")).await.unwrap().text().await.unwrap()
}

/// A read pool's figure on `/metrics` (`pool` is `primary` or `replica-0`).
async fn read_pool(address: &str, pool: &str, state: &str) -> i64 {
    let body = reqwest::get(format!("{address}/metrics")).await.unwrap().text().await.unwrap();
    let key = format!("hotelier_read_pool{{pool=\"{pool}\",state=\"{state}\"}} ");
    body.lines().find_map(|l| l.strip_prefix(&key)).map_or(0, |v| v.trim().parse().unwrap())
}

/// Waits (at most 10 s) until `/readyz` says `wanted` of the replica.
async fn replica_is(address: &str, wanted: &str) {
    let start = Instant::now();
    while !ready(address).await.contains(&format!("): {wanted},")) {
        assert!(start.elapsed() < Duration::from_secs(10), "the replica never was {wanted}: {}", ready(address).await);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The transactions the standby itself committed in the app's database (its statistics
/// count its own read-only transactions; they reach the view within a second or so).
fn replica_commits(standby: &Cluster) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut c = diesel::PgConnection::establish(&standby.admin_url()).unwrap();
    let q = "SELECT xact_commit AS n FROM pg_stat_database WHERE datname = 'app'";
    diesel::sql_query(q).get_result::<N>(&mut c).unwrap().n
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

fn reads_run_on_the_replica_and_each_browser_reads_its_own_writes() {
    let Some((primary, standby, _org, email)) = pair("replica routing", 300) else { return };
    runtime().block_on(async {
        let (address, b) = serve(&primary, &standby, Duration::from_secs(5), &email).await;
        replica_is(&address, "up").await;
        // The sign-in's own write is replayed 300 ms later; then this browser's pages may
        // read on the replica.
        tokio::time::sleep(Duration::from_millis(600)).await;
        let before = replica_commits(&standby);
        for _ in 0..30 {
            assert_eq!(b.get("/guests").await.status, 200);
        }
        let start = Instant::now();
        while replica_commits(&standby) < before + 30 {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the replica ran {} of 30 reads",
                replica_commits(&standby) - before
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(read_pool(&address, "replica-0", "reads").await >= 30);

        // Written, then read by the same browser: always seen, though the replica is
        // always 300 ms behind (its reads go to the primary until it catches up).
        for i in 0..200 {
            let name = format!("Ryw{i:03}");
            let made = b.post("/guests", &[("first_name", "Read"), ("last_name", &name)]).await;
            assert_eq!(made.status, 303, "{}", made.short());
            let list = b.get(&format!("/guests?q={name}")).await;
            assert_eq!(list.status, 200);
            // The result row, not the search box that echoes the query.
            assert!(
                list.body.contains(&format!("{name}, Read</a>")),
                "iteration {i}: the guest just created is missing from the next page"
            );
        }
        let (on_primary, on_replica) =
            (read_pool(&address, "primary", "reads").await, read_pool(&address, "replica-0", "reads").await);
        println!(
            "replica routing: {on_replica} read transactions on the replica, {on_primary} on the primary \
             ({} % on the replica)",
            on_replica * 100 / (on_replica + on_primary).max(1)
        );
        println!("{}", ready(&address).await);
    });
}

fn a_lagging_or_stopped_replica_sends_reads_to_the_primary() {
    let Some((primary, standby, org, email)) = pair("replica lag", 1_000) else { return };
    runtime().block_on(async {
        let (address, b) = serve(&primary, &standby, Duration::from_millis(200), &email).await;
        replica_is(&address, "up").await;
        // Writes keep arriving and the standby applies each a second late: it lags past
        // the 200 ms allowed, so the pages read on the primary.
        let db = Db::connect(&primary.app_url(), &PoolOptions { max_size: 1, acquire_timeout: Duration::from_secs(5) })
            .unwrap();
        let writing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let (flag, tenant) = (writing.clone(), org.id);
        let writer = std::thread::spawn(move || {
            let mut n = 0;
            while flag.load(std::sync::atomic::Ordering::Acquire) {
                n += 1;
                let fields = hotelier::db::guests::GuestFields {
                    first_name: "Lag".into(),
                    last_name: format!("Writer{n}"),
                    ..Default::default()
                };
                db.tenant(tenant, None, hotelier::db::Access::Write, |s| s.guests().create(&fields).map(|_| ()))
                    .unwrap();
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        tokio::time::sleep(Duration::from_millis(1_500)).await;
        let replica_before = read_pool(&address, "replica-0", "reads").await;
        for _ in 0..30 {
            let page = b.get("/guests").await;
            assert_eq!(page.status, 200, "{}", page.short());
        }
        assert_eq!(read_pool(&address, "replica-0", "reads").await, replica_before, "a lagging replica served reads");
        writing.store(false, std::sync::atomic::Ordering::Release);
        writer.join().unwrap();

        // Caught up (nothing left to apply): it serves again.
        let start = Instant::now();
        loop {
            assert_eq!(b.get("/guests").await.status, 200);
            if read_pool(&address, "replica-0", "reads").await > replica_before {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "the replica never served after catching up");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        // Stopped: every page still answers, from the primary; /readyz says it is skipped.
        tokio::task::block_in_place(|| standby.pg_ctl(&["-m", "fast", "stop"]));
        let primary_before = read_pool(&address, "primary", "reads").await;
        for _ in 0..30 {
            let page = b.get("/guests").await;
            assert_eq!(page.status, 200, "{}", page.short());
        }
        assert!(read_pool(&address, "primary", "reads").await >= primary_before + 30);
        replica_is(&address, "skipped").await;
    });
}
