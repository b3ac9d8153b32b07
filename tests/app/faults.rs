//! Database faults: an exhausted pool and a stuck statement answer 503 after a bounded
//! wait; a PostgreSQL restart under load answers 503 pages quickly, recovers by itself
//! and loses nothing committed; SIGTERM drains a request already in flight.

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::Connection;
use hotelier::db::{Access, DatabaseUrl, Db, DbError, PoolOptions};

use crate::support::cluster::{manager, private_primary, Cluster};
use crate::support::{free_port, start_app, two_orgs, Backend, Browser, TestDb, PASSWORD};
use crate::{both_backends_async, postgres_only};

both_backends_async!(exhausted_pool_answers_503_after_a_bounded_wait);
postgres_only!(stuck_statement_is_cancelled_by_the_timeout);

async fn exhausted_pool_answers_503_after_a_bounded_wait(backend: Backend) {
    let t = TestDb::with_pool(backend, PoolOptions { max_size: 1, acquire_timeout: Duration::from_millis(400) });
    let (a, _) = two_orgs(&t.db);
    let email = manager(&t.db, &a);
    let address = start_app(&t, |_| {});
    let mut b = Browser::new(&address);
    b.sign_in(&email).await;
    assert_eq!(b.get("/hotels").await.status, 200);

    // Something else holds the only connection.
    let held = t.db.checkout().unwrap();
    let started = Instant::now();
    let page = b.get("/hotels").await;
    let waited = started.elapsed();
    assert_eq!(page.status, 503, "{}", page.short());
    assert!(page.header("content-type").starts_with("text/html"), "a page, not a bare error");
    assert!(page.body.contains("briefly unavailable"), "{}", page.short());
    assert!(waited >= Duration::from_millis(350) && waited < Duration::from_secs(2), "waited {waited:?}");
    assert_eq!(b.get("/readyz").await.status, 503);

    drop(held);
    assert_eq!(b.get("/hotels").await.status, 200, "back as soon as a connection is free");
}

/// A statement that waits on a lock another session holds is cancelled by the request
/// transaction's statement timeout, and the request's error is "unavailable" (503).
fn stuck_statement_is_cancelled_by_the_timeout() {
    let t = TestDb::new(Backend::Postgres);
    let (a, _) = two_orgs(&t.db);
    let db = t.db.clone().with_statement_timeout(Duration::from_millis(200));
    let mut locker = t.raw();
    locker.batch_execute(&format!("BEGIN; SELECT 1 FROM tenants WHERE id = '{}' FOR UPDATE", a.id)).unwrap();
    let started = Instant::now();
    let result = db.tenant(a.id, None, Access::Write, |s| {
        let org = s.organization()?;
        s.update_organization(
            org.version,
            &hotelier::db::tenants::OrganizationChanges {
                currency: org.currency.clone(),
                timezone: org.timezone.clone(),
                locale: org.locale.clone(),
                settings: org.settings.clone(),
            },
        )
    });
    let waited = started.elapsed();
    assert!(matches!(result, Err(DbError::Unavailable(_))), "{result:?}");
    assert!(waited < Duration::from_secs(2), "cancelled after {waited:?}");
    locker.batch_execute("ROLLBACK").unwrap();
    // The connection went back to the pool in a usable state.
    assert!(db.tenant(a.id, None, Access::Read, |s| s.organization()).is_ok());
}

// ---- PostgreSQL restart under load ------------------------------------------------------

postgres_only!(postgres_restart_under_load);

/// What one request of the load saw.
struct Outcome {
    sent: Instant,
    took: Duration,
    status: u16,
    html: bool,
    /// The guest's last name when the create answered 303 (committed).
    committed: Option<String>,
}

/// Signs a manager of `org` in on a new instance of the app on `url`.
async fn serve_signed_in(url: &DatabaseUrl, db: &Db, pool: &PoolOptions, email: &str) -> (String, Arc<Browser>) {
    let mut settings = hotelier::config::Settings::for_database(url.clone());
    settings.bind = "127.0.0.1:0".into();
    settings.session_key = Some(vec![9u8; 64]);
    settings.workers = Some(2);
    settings.pool = pool.clone();
    let app = hotelier::Application::build(settings, db.clone()).unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let mut b = Browser::new(&address);
    b.sign_in(email).await;
    (address, Arc::new(b))
}

/// Eight clients that create guests without pause until `until`.
async fn eight_writers(b: &Arc<Browser>, until: Instant) -> Vec<tokio::task::JoinHandle<Vec<Outcome>>> {
    (0..8)
        .map(|c| {
            let b = b.clone();
            tokio::spawn(async move {
                let mut seen = Vec::new();
                let mut n = 0;
                while Instant::now() < until {
                    n += 1;
                    let last = format!("Load{c}x{n}");
                    let sent = Instant::now();
                    let page = b.post("/guests", &[("first_name", "Under"), ("last_name", &last)]).await;
                    seen.push(Outcome {
                        sent,
                        took: sent.elapsed(),
                        status: page.status,
                        html: page.header("content-type").starts_with("text/html"),
                        committed: (page.status == 303).then_some(last),
                    });
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                seen
            })
        })
        .collect()
}

async fn outcomes(clients: Vec<tokio::task::JoinHandle<Vec<Outcome>>>) -> Vec<Outcome> {
    let mut all = Vec::new();
    for c in clients {
        all.extend(c.await.unwrap());
    }
    all
}

/// Every guest answered 303 is in the database at `url` (nothing committed was lost).
fn assert_all_committed_in(url: &DatabaseUrl, tenant: hotelier::domain::TenantId, outcomes: &[Outcome]) {
    let committed: Vec<&String> = outcomes.iter().filter_map(|o| o.committed.as_ref()).collect();
    assert!(committed.len() > 20, "the load committed only {}", committed.len());
    let db = Db::connect(url, &PoolOptions { max_size: 1, acquire_timeout: Duration::from_secs(5) }).unwrap();
    let names: std::collections::HashSet<String> = db
        .tenant(tenant, None, Access::Read, |s| s.guests().list(Some("Load"), 100_000, 0))
        .unwrap()
        .into_iter()
        .map(|g| g.last_name)
        .collect();
    for last in committed {
        assert!(names.contains(last), "guest {last} was answered 303 but is not in the database");
    }
}

fn postgres_restart_under_load() {
    let Some((cluster, a, email)) = private_primary("postgres_restart_under_load") else { return };
    let url = DatabaseUrl::parse(&format!("postgres://app:app@127.0.0.1:{}/app", cluster.port)).unwrap();
    let pool = PoolOptions { max_size: 4, acquire_timeout: Duration::from_secs(1) };
    let db = Db::connect(&url, &pool).unwrap();

    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let outcomes = rt.block_on(async {
        let (_, b) = serve_signed_in(&url, &db, &pool, &email).await;
        // Eight clients create guests without pause; the database stops after a second
        // and comes back three seconds later.
        let stop_at = Instant::now() + Duration::from_secs(1);
        let clients = eight_writers(&b, stop_at + Duration::from_secs(9)).await;
        tokio::time::sleep_until(stop_at.into()).await;
        tokio::task::block_in_place(|| cluster.pg_ctl(&["-m", "fast", "stop"]));
        let down = Instant::now();
        tokio::time::sleep(Duration::from_secs(3)).await;
        let starting = Instant::now();
        tokio::task::block_in_place(|| cluster.pg_ctl(&["start"]));
        let up = Instant::now();
        (outcomes(clients).await, down, starting, up)
    });
    let (outcomes, down, starting, up) = outcomes;

    // None hangs: every answer within two seconds, and each is a success or a 503 page.
    for o in &outcomes {
        assert!(o.took < Duration::from_secs(2), "a request took {:?} (status {})", o.took, o.status);
        assert!(o.status == 303 || (o.status == 503 && o.html), "status {} during the restart", o.status);
    }
    let during: Vec<_> = outcomes.iter().filter(|o| o.sent >= down && o.sent + o.took < starting).collect();
    let statuses: Vec<u16> = during.iter().map(|o| o.status).collect();
    assert!(during.len() >= 8 && statuses.iter().all(|s| *s == 503), "the outage answers 503: {statuses:?}");
    // Recovery without a restart of the app: a success within five seconds of the return.
    let back = outcomes.iter().filter(|o| o.sent >= up && o.status == 303).map(|o| o.sent).min();
    let back = back.expect("the app recovered");
    assert!(back - up < Duration::from_secs(5), "recovered {:?} after the database returned", back - up);
    assert_all_committed_in(&url, a.id, &outcomes);
}

postgres_only!(failover_to_a_promoted_standby);

/// The primary is lost (stopped at once, as a crash would) while eight clients write; the
/// synchronous standby is promoted. The app, given both hosts with
/// `target_session_attrs=read-write`, answers 503 pages while no primary can be reached,
/// never a 500, writes again within 10 s of the promotion without a restart, its cache
/// listener re-subscribes, and every write it answered 303 is on the new primary.
fn failover_to_a_promoted_standby() {
    let Some((primary, a, email)) = private_primary("failover_to_a_promoted_standby") else { return };
    let standby = Cluster::standby_of(&primary, "standby1");
    standby.pg_ctl(&["start"]);
    // Synchronous from here on: a commit waits until the standby has it.
    primary.configure("synchronous_standby_names = 'standby1'");
    primary.pg_ctl(&["reload"]);
    let mut admin = diesel::PgConnection::establish(&primary.admin_url()).unwrap();
    let sync = || -> bool {
        #[derive(diesel::QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let q =
            "SELECT count(*) AS n FROM pg_stat_replication WHERE application_name = 'standby1' AND sync_state = 'sync'";
        diesel::RunQueryDsl::get_result::<N>(diesel::sql_query(q), &mut admin).unwrap().n == 1
    };
    let waited = Instant::now();
    let mut sync = sync;
    while !sync() {
        assert!(waited.elapsed() < Duration::from_secs(20), "the standby never became synchronous");
        std::thread::sleep(Duration::from_millis(50));
    }

    let hosts = format!("127.0.0.1:{},127.0.0.1:{}", primary.port, standby.port);
    let url = DatabaseUrl::parse(&format!(
        "postgres://app:app@{hosts}/app?target_session_attrs=read-write&connect_timeout=2"
    ))
    .unwrap();
    let pool = PoolOptions { max_size: 4, acquire_timeout: Duration::from_secs(1) };
    let db = Db::connect(&url, &pool).unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let (outcomes, lost, promoted, listener_back) = rt.block_on(async {
        let (address, b) = serve_signed_in(&url, &db, &pool, &email).await;
        let lose_at = Instant::now() + Duration::from_secs(1);
        let clients = eight_writers(&b, lose_at + Duration::from_secs(13)).await;
        // What /readyz says of the cache listener, every 50 ms.
        let watch_until = lose_at + Duration::from_secs(13);
        let watcher = tokio::spawn(async move {
            let mut seen = Vec::new();
            while Instant::now() < watch_until {
                let ready = match reqwest::get(format!("{address}/readyz")).await {
                    Ok(r) => r.text().await.unwrap_or_default(),
                    Err(_) => String::new(),
                };
                seen.push((Instant::now(), ready.contains("cache listener: connected")));
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            seen
        });
        tokio::time::sleep_until(lose_at.into()).await;
        tokio::task::block_in_place(|| primary.pg_ctl(&["-m", "immediate", "stop"]));
        let lost = Instant::now();
        tokio::time::sleep(Duration::from_secs(2)).await;
        tokio::task::block_in_place(|| standby.pg_ctl(&["promote"]));
        let promoted = Instant::now();
        let outcomes = outcomes(clients).await;
        let seen = watcher.await.unwrap();
        assert!(seen.iter().any(|(at, up)| *at > lost && *at < promoted && !up), "the listener saw the loss");
        let listener_back = seen.iter().find(|(at, up)| *at > promoted && *up).map(|(at, _)| *at - promoted);
        (outcomes, lost, promoted, listener_back)
    });

    for o in &outcomes {
        assert!(o.took < Duration::from_secs(5), "a request took {:?} (status {})", o.took, o.status);
        assert!(o.status == 303 || (o.status == 503 && o.html), "status {} during the failover", o.status);
    }
    let before = outcomes.iter().filter(|o| o.sent + o.took < lost && o.status == 303).count();
    assert!(before > 0, "the load wrote before the loss");
    let back = outcomes.iter().filter(|o| o.sent >= promoted && o.status == 303).map(|o| o.sent).min();
    let back = back.expect("writes succeeded again after the promotion") - promoted;
    let unavailable = outcomes.iter().filter(|o| o.status == 503).count();
    println!(
        "failover: {unavailable} answers 503 of {}; writes again {back:?} after the promotion ({:?} after the loss); \
         cache listener back {listener_back:?} after the promotion",
        outcomes.len(),
        back + (promoted - lost)
    );
    assert!(back < Duration::from_secs(10), "writes came back {back:?} after the promotion");
    assert!(listener_back.is_some(), "the cache listener did not re-subscribe");
    let new_primary = DatabaseUrl::parse(&format!("postgres://app:app@127.0.0.1:{}/app", standby.port)).unwrap();
    assert_all_committed_in(&new_primary, a.id, &outcomes);
}

// ---- Graceful shutdown ------------------------------------------------------------------

/// SIGTERM while a sign-in waits on SQLite's write lock: the server stops taking new
/// connections, lets that request finish (303), then exits cleanly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_drains_a_request_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::Sqlite(dir.path().join("hotelier.db"));
    let db = Db::connect(&url, &crate::support::patient_pool()).unwrap();
    hotelier::db::migrations::run_pending(&mut db.checkout().unwrap()).unwrap();
    let (a, _) = two_orgs(&db);
    let email = manager(&db, &a);
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_hotelier"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--database-url"])
        .arg(dir.path().join("hotelier.db"))
        .arg("--data-dir")
        .arg(dir.path())
        .env_remove("DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while reqwest::get(format!("{base}/readyz")).await.is_err() {
        assert!(started.elapsed() < Duration::from_secs(30), "server did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let mut lock = url.connect().unwrap();
    lock.batch_execute("BEGIN IMMEDIATE").unwrap();
    let in_flight = {
        let (base, email) = (base.clone(), email.clone());
        tokio::spawn(async move { crate::support::login(&crate::support::client(), &base, &email, PASSWORD).await })
    };
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(!in_flight.is_finished(), "the sign-in waits for the write lock");
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(reqwest::get(format!("{base}/healthz")).await.is_err(), "no new connections after SIGTERM");
    assert!(!in_flight.is_finished());

    lock.batch_execute("COMMIT").unwrap();
    let page = in_flight.await.unwrap();
    assert_eq!(page.status, 303, "the request in flight completed: {}", page.short());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not exit after draining");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "exit status {status:?}");
}
