//! Database faults: an exhausted pool and a stuck statement answer 503 after a bounded
//! wait; a PostgreSQL restart under load answers 503 pages quickly, recovers by itself
//! and loses nothing committed; SIGTERM drains a request already in flight.

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::Connection;
use hotelier::db::users::NewUser;
use hotelier::db::{Access, DatabaseUrl, Db, DbError, PlatformGrant, PoolOptions};
use hotelier::domain::{Role, UserId};

use crate::support::{free_port, new_membership, start_app, two_orgs, Backend, Browser, Org, TestDb, PASSWORD};
use crate::{both_backends_async, postgres_only};

both_backends_async!(exhausted_pool_answers_503_after_a_bounded_wait);
postgres_only!(stuck_statement_is_cancelled_by_the_timeout);

/// A manager of `org` who can sign in with the suite's password.
fn manager(db: &Db, org: &Org) -> String {
    let email = format!("manager-{}@{}.test", UserId::new(), org.slug);
    let user = UserId::new();
    let hash = hotelier::domain::password::hash(PASSWORD).unwrap();
    db.platform(&PlatformGrant::operator(), Access::Write, |p| {
        p.users().create(&NewUser {
            id: user,
            email: email.clone(),
            full_name: "Fault Finder".into(),
            password_hash: hash,
            is_super_admin: false,
        })?;
        p.tenant(org.id).memberships().create(&new_membership(user, Role::Manager, true, None))?;
        Ok::<_, DbError>(())
    })
    .unwrap();
    email
}

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

/// A private PostgreSQL cluster that the test may stop and start (never the shared one).
struct Cluster {
    bin: std::path::PathBuf,
    data: std::path::PathBuf,
    port: u16,
    owner: Option<(u32, u32)>,
    _dir: tempfile::TempDir,
}

impl Cluster {
    /// `None` without local PostgreSQL binaries.
    fn new() -> Option<Self> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path().join("bin"))
            .find(|b| b.join("pg_ctl").exists())?;
        let dir = tempfile::Builder::new().prefix("hotelier-fault-pg").tempdir().ok()?;
        // initdb refuses root: run the server as `postgres` then.
        let owner = if unsafe { libc::geteuid() } == 0 {
            let name = std::ffi::CString::new("postgres").unwrap();
            let pw = unsafe { libc::getpwnam(name.as_ptr()) };
            if pw.is_null() {
                return None;
            }
            let ids = unsafe { ((*pw).pw_uid, (*pw).pw_gid) };
            std::os::unix::fs::chown(dir.path(), Some(ids.0), Some(ids.1)).ok()?;
            Some(ids)
        } else {
            None
        };
        let cluster = Self { bin, data: dir.path().join("data"), port: free_port(), owner, _dir: dir };
        let ok = cluster
            .command("initdb")
            .args(["-D", cluster.data.to_str()?, "-U", "postgres", "-A", "trust", "--no-sync"])
            .status()
            .ok()?
            .success();
        ok.then_some(cluster)
    }

    fn command(&self, tool: &str) -> Command {
        use std::os::unix::process::CommandExt;
        let mut cmd = Command::new(self.bin.join(tool));
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        if let Some((uid, gid)) = self.owner {
            cmd.uid(uid).gid(gid);
        }
        cmd
    }

    fn pg_ctl(&self, args: &[&str]) {
        let options = format!("-p {} -k {} -c listen_addresses=127.0.0.1", self.port, self.data.display());
        let status = self
            .command("pg_ctl")
            .args(["-D", self.data.to_str().unwrap(), "-o", &options, "-w", "-t", "30"])
            .args(args)
            .status()
            .unwrap();
        assert!(status.success(), "pg_ctl {args:?}");
    }

    fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.command("pg_ctl").args(["-D", self.data.to_str().unwrap(), "-m", "immediate", "stop"]).status();
    }
}

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

fn postgres_restart_under_load() {
    let Some(cluster) = Cluster::new() else {
        assert!(std::env::var("CI").is_err(), "the fault test needs local PostgreSQL binaries under CI");
        eprintln!("postgres_restart_under_load SKIPPED: no local PostgreSQL binaries");
        return;
    };
    cluster.pg_ctl(&["start"]);
    let mut admin = diesel::PgConnection::establish(&cluster.admin_url()).unwrap();
    admin.batch_execute("CREATE ROLE app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS").unwrap();
    admin.batch_execute("CREATE DATABASE app OWNER app").unwrap();
    drop(admin);
    let url = DatabaseUrl::parse(&format!("postgres://app:app@127.0.0.1:{}/app", cluster.port)).unwrap();
    let pool = PoolOptions { max_size: 4, acquire_timeout: Duration::from_secs(1) };
    let db = Db::connect(&url, &pool).unwrap();
    hotelier::db::migrations::run_pending(&mut db.checkout().unwrap()).unwrap();
    let (a, _) = two_orgs(&db);
    let email = manager(&db, &a);

    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let outcomes = rt.block_on(async {
        let mut settings = hotelier::config::Settings::for_database(url.clone());
        settings.bind = "127.0.0.1:0".into();
        settings.session_key = Some(vec![9u8; 64]);
        settings.workers = Some(2);
        settings.pool = pool.clone();
        let app = hotelier::Application::build(settings, db.clone()).unwrap();
        let address = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        let mut b = Browser::new(&address);
        b.sign_in(&email).await;
        let b = Arc::new(b);

        // Eight clients create guests without pause; the database stops after a second
        // and comes back three seconds later.
        let stop_at = Instant::now() + Duration::from_secs(1);
        let until = stop_at + Duration::from_secs(9);
        let mut clients = Vec::new();
        for c in 0..8 {
            let b = b.clone();
            clients.push(tokio::spawn(async move {
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
            }));
        }
        tokio::time::sleep_until(stop_at.into()).await;
        tokio::task::block_in_place(|| cluster.pg_ctl(&["-m", "fast", "stop"]));
        let down = Instant::now();
        tokio::time::sleep(Duration::from_secs(3)).await;
        let starting = Instant::now();
        tokio::task::block_in_place(|| cluster.pg_ctl(&["start"]));
        let up = Instant::now();
        let mut all = Vec::new();
        for c in clients {
            all.extend(c.await.unwrap());
        }
        (all, down, starting, up)
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
    // Nothing committed is lost.
    let committed: Vec<&String> = outcomes.iter().filter_map(|o| o.committed.as_ref()).collect();
    assert!(committed.len() > 20, "the load committed only {}", committed.len());
    let db = Db::connect(&url, &PoolOptions { max_size: 1, acquire_timeout: Duration::from_secs(5) }).unwrap();
    let names: std::collections::HashSet<String> = db
        .tenant(a.id, None, Access::Read, |s| s.guests().list(Some("Load"), 100_000, 0))
        .unwrap()
        .into_iter()
        .map(|g| g.last_name)
        .collect();
    for last in committed {
        assert!(names.contains(last), "guest {last} was answered 303 but is not in the database");
    }
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
