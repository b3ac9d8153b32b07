//! Several instances on one database (issue 16, part 1): what one instance changes,
//! another sees within a second, its 10 s cache TTL left as it is; after its listener's
//! connection is killed, within a second of the reconnect; a rolled-back write tells no
//! one. SQLite serves one instance: a second `serve` on the same file is refused.

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use hotelier::db::{Access, DbConnection, DbError, PlatformGrant};
use hotelier::domain::{Plan, TenantStatus};

use crate::support::*;
use crate::{postgres_only, sqlite_only};

postgres_only!(
    another_instance_agrees_within_a_second,
    a_rolled_back_write_tells_no_one,
    a_command_line_write_tells_the_instances,
    one_session_moves_between_instances
);
sqlite_only!(a_second_server_on_one_sqlite_file_is_refused);

/// How long another instance may take to agree.
const AGREE: Duration = Duration::from_secs(1);

/// How long a joining instance takes to be seen by the others (they look every 500 ms)
/// and to flush once more.
const SETTLE: Duration = Duration::from_millis(1_500);

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

fn block<F: std::future::Future>(f: F) -> F::Output {
    runtime().block_on(f)
}

fn guest(name: &str) -> hotelier::db::guests::GuestFields {
    hotelier::db::guests::GuestFields { first_name: name.into(), last_name: "Probe".into(), ..Default::default() }
}

/// Polls `seen` until it holds (at most 5 s); answers how long that took.
async fn until<F: std::future::Future<Output = bool>>(mut seen: impl FnMut() -> F) -> Duration {
    let start = Instant::now();
    while !seen().await {
        assert!(start.elapsed() < Duration::from_secs(5), "not seen after 5 s");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    start.elapsed()
}

/// The cache listener's figures on `/metrics` of the instance at `address`.
async fn listener(address: &str) -> (i64, i64) {
    let body = reqwest::get(format!("{address}/metrics")).await.unwrap().text().await.unwrap();
    let value = |state: &str| {
        let key = format!("hotelier_cache_listener{{state=\"{state}\"}} ");
        body.lines().find_map(|l| l.strip_prefix(&key)).map_or(0, |v| v.trim().parse().unwrap())
    };
    (value("connected"), value("connects"))
}

/// The total in the reservations list's subtitle.
fn listed(page: &Page) -> i64 {
    let after = page.body.split("<p class=\"subtitle\">").nth(1).expect("the list's subtitle");
    after.split(' ').next().unwrap().parse().unwrap()
}

fn set_status(w: &World, status: TenantStatus) {
    w.db()
        .platform(&PlatformGrant::operator(), Access::Write, |p| {
            let v = p.tenants().get(w.a.id)?.version;
            p.tenants().set_status(w.a.id, v, status)
        })
        .unwrap();
}

/// Instance A (the world's server) and instance B (its own `Db`, so its own caches) on
/// one PostgreSQL database: each change on A shows on B within a second, also right
/// after B's listener lost its connection.
fn another_instance_agrees_within_a_second() {
    block(async {
        let w = world(Backend::Postgres).await;
        let b = start_instance(&w.app.test_db, |_| {});
        until(|| async { listener(&b).await.0 == 1 }).await;
        tokio::time::sleep(SETTLE).await;
        let mut owner = Browser::new(&b);
        owner.sign_in(&w.team_a.owner.account.email).await;
        let mut lags = Vec::new();

        // A setting: the organization's language, which every page is in.
        assert!(owner.get("/hotels").await.body.contains(r#"<html lang="en">"#));
        w.db()
            .tenant(w.a.id, None, Access::Write, |s| {
                let org = s.organization()?;
                let changes = hotelier::db::tenants::OrganizationChanges {
                    currency: org.currency.clone(),
                    timezone: org.timezone.clone(),
                    locale: "pt-BR".into(),
                    settings: org.settings.clone(),
                };
                s.update_organization(org.version, &changes)
            })
            .unwrap();
        let in_portuguese = || async { owner.get("/hotels").await.body.contains(r#"<html lang="pt-BR">"#) };
        lags.push(("settings", until(in_portuguese).await));

        // A booking: B's cached total of the list counts it.
        let before = listed(&owner.get("/reservations").await);
        let staff = desk(&w, &w.team_a.staff).await;
        booked_id(&staff.post_form("/reservations", &booking(&w.a, day(3), day(5))).await);
        lags.push(("booking", until(|| async { listed(&owner.get("/reservations").await) == before + 1 }).await));

        // A plan without reports.
        assert_eq!(owner.get("/reports").await.status, 200);
        set_plan(&w, w.a.id, Plan::Starter);
        lags.push(("plan", until(|| async { owner.get("/reports").await.status == 403 }).await));
        set_plan(&w, w.a.id, Plan::Enterprise);
        lags.push(("plan back", until(|| async { owner.get("/reports").await.status == 200 }).await));

        // A suspension, and the way back.
        set_status(&w, TenantStatus::Suspended);
        lags.push(("suspension", until(|| async { owner.get("/hotels").await.status == 403 }).await));
        set_status(&w, TenantStatus::Active);
        lags.push(("reactivation", until(|| async { owner.get("/hotels").await.status == 200 }).await));

        // B's listener loses its connection; a change made meanwhile still shows within a
        // second of the reconnect (which flushes).
        let (_, connects) = listener(&b).await;
        let mut raw = w.app.test_db.raw();
        let DbConnection::Pg(pg) = &mut raw else { unreachable!() };
        let killed: Vec<bool> = diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(
            "pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE application_name = 'hotelier cache listener' AND datname = current_database()",
        ))
        .load(pg)
        .unwrap();
        assert!(killed.len() >= 2 && killed.iter().all(|k| *k), "both instances' listeners: {killed:?}");
        set_status(&w, TenantStatus::Suspended);
        until(|| async { listener(&b).await == (1, connects + 1) }).await;
        lags.push(("after the reconnect", until(|| async { owner.get("/hotels").await.status == 403 }).await));

        eprintln!("cross-instance lag: {lags:?}");
        for (what, lag) in &lags {
            assert!(*lag < AGREE, "{what}: B agreed after {lag:?}");
        }
    });
}

/// A write that rolls back sends no notification; one that commits sends one naming its
/// organization.
fn a_rolled_back_write_tells_no_one() {
    let w = block(world(Backend::Postgres));
    let hotelier::db::DatabaseUrl::Postgres(url) = &w.app.test_db.url else { unreachable!() };
    let mut listen = PgConnection::establish(url).unwrap();
    // Named as an instance's listener, so that the world's instance sees a peer and notifies.
    listen.batch_execute("SET application_name = 'hotelier cache listener'; LISTEN hotelier_cache").unwrap();
    std::thread::sleep(SETTLE);
    let refused: Result<(), DbError> = w.db().tenant(w.a.id, None, Access::Write, |s| {
        s.guests().create(&guest("Rolled Back"))?;
        Err(DbError::NotFound)
    });
    assert!(refused.is_err());
    w.db().tenant(w.a.id, None, Access::Write, |s| s.guests().create(&guest("Committed")).map(|_| ())).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let heard: Vec<String> = listen.notifications_iter().map(|n| n.unwrap().payload).collect();
    assert_eq!(heard.len(), 1, "only the committed write: {heard:?}");
    assert!(heard[0].ends_with(&format!(" t:{}", w.a.id)), "{heard:?}");
}

/// A load balancer without stickiness sends one browser's requests to either instance:
/// what the session holds (here the kiosk's hotel, kept in its stored state) is the same
/// on both at once, though each caches the session's state for 10 s; and a sign-out on
/// one ends the session on the other.
fn one_session_moves_between_instances() {
    runtime().block_on(async {
        let w = world(Backend::Postgres).await;
        let b_address = start_instance(&w.app.test_db, |_| {});
        tokio::time::sleep(SETTLE).await;
        let mut on_a = w.browser();
        on_a.sign_in(&w.team_a.staff.account.email).await;
        // The same cookie jar (cookies ignore the port): the same browser, instance B.
        let on_b = Browser { client: on_a.client.clone(), base: b_address, csrf: on_a.csrf.clone() };
        let choose = on_b.get("/kiosk").await;
        assert!(choose.body.contains("Which hotel is this desk?"), "B caches the session: {}", choose.short());
        on_a.post("/kiosk/hotel", &[("hotel", &w.a.hotel.to_string())]).await.assert_redirect("/kiosk");
        let lag = until(|| async { on_b.get("/kiosk").await.body.contains("Guest of alpha-hotels") }).await;
        println!("session moved to instance B after {lag:?}");
        assert!(lag < AGREE, "B agreed after {lag:?}");

        // Signed out on B: A no longer serves the session.
        let on_a_page = on_a.get("/reservations").await;
        assert_eq!(on_a_page.status, 200, "{}", on_a_page.short());
        on_b.post("/logout", &[]).await;
        let lag = until(|| async { on_a.get("/reservations").await.status != 200 }).await;
        assert!(lag < AGREE, "A still served the session {lag:?} after the sign-out");
        assert!(on_a.get("/reservations").await.location.is_some_and(|l| l.starts_with("/login")));
    });
}

/// The command line writes through the same transactions as the server, so the night
/// audit run from cron tells every instance what it changed.
fn a_command_line_write_tells_the_instances() {
    let w = block(world(Backend::Postgres));
    let hotelier::db::DatabaseUrl::Postgres(url) = &w.app.test_db.url else { unreachable!() };
    let mut listen = PgConnection::establish(url).unwrap();
    listen.batch_execute("LISTEN hotelier_cache").unwrap();
    let data = tempfile::tempdir().unwrap();
    let date = day(-1).to_string();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hotelier"))
        .args(["night-audit", "--tenant", &w.b.slug, "--hotel", "hq", "--date", &date, "--database-url", url])
        .arg("--data-dir")
        .arg(data.path())
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "error")
        .output()
        .unwrap();
    assert!(out.status.success(), "night-audit failed: {}", String::from_utf8_lossy(&out.stderr));
    std::thread::sleep(Duration::from_millis(300));
    let heard: Vec<String> = listen.notifications_iter().map(|n| n.unwrap().payload).collect();
    assert!(!heard.is_empty(), "the night audit told no one");
    assert!(heard.iter().all(|p| p.contains(&format!("t:{}", w.b.id))), "{heard:?}");
    assert!(!heard.iter().any(|p| p.contains(&w.a.id.to_string())), "A was not touched: {heard:?}");
}

/// A second process's `serve` on the file this process serves exits at once, with why,
/// and writes nothing (not even demo data).
fn a_second_server_on_one_sqlite_file_is_refused() {
    // The runtime outlives the second server's attempt: the first server runs on it.
    let rt = runtime();
    let w = rt.block_on(world(Backend::Sqlite));
    let hotelier::db::DatabaseUrl::Sqlite(path) = &w.app.test_db.url else { unreachable!() };
    let count = || w.db().platform(&PlatformGrant::operator(), Access::Read, |p| p.tenants().count()).unwrap();
    let before = count();
    let mut second = std::process::Command::new(env!("CARGO_BIN_EXE_hotelier"))
        .args(["--database-url", path.to_str().unwrap(), "serve", "--demo", "--bind", "127.0.0.1:0"])
        .env("HOTELIER_SESSION_KEY", "k".repeat(64))
        .env_remove("DATABASE_URL")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > Duration::from_secs(20) {
            second.kill().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(second.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert!(status.is_some_and(|s| !s.success()), "the second server did not stop: {stderr}");
    assert!(stderr.contains("another `hotelier serve` is already using"), "{stderr}");
    assert_eq!(count(), before, "nothing was written");
}
