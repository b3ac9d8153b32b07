//! Fresh, migrated databases per test (SQLite files, PostgreSQL databases cloned from a
//! template), and snapshots of a tenant's data for "nothing changed" assertions.

use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use hotelier::config::Settings;
use hotelier::db::{Access, DatabaseUrl, Db, DbError, PoolOptions};
use hotelier::domain::TenantId;

use super::{Backend, APP_PASSWORD, APP_ROLE};

// ---- PostgreSQL availability ----------------------------------------------------------

struct PgServer {
    admin_url: String,
}

static PG: OnceLock<Option<PgServer>> = OnceLock::new();

fn pg() -> Option<&'static PgServer> {
    PG.get_or_init(|| {
        let admin_url = std::env::var("HOTELIER_TEST_PG_URL").ok().filter(|u| !u.is_empty()).or_else(throwaway_cluster)?;
        let mut admin = diesel::PgConnection::establish(&admin_url)
            .unwrap_or_else(|e| panic!("HOTELIER_TEST_PG_URL does not connect: {e}"));
        // Idempotent across concurrent test processes.
        admin
            .batch_execute(&format!(
                "DO $$ BEGIN
                    CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE CREATEDB PASSWORD '{APP_PASSWORD}';
                 EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;"
            ))
            .expect("create the test app role");
        Some(PgServer { admin_url })
    })
    .as_ref()
}

/// True when the PostgreSQL tests can run. Prints a skip once otherwise; under `CI=true`
/// a missing PostgreSQL fails the test instead.
pub fn postgres_available() -> bool {
    if pg().is_some() {
        return true;
    }
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("PostgreSQL suite skipped under CI: set HOTELIER_TEST_PG_URL");
    }
    static SAID: OnceLock<()> = OnceLock::new();
    SAID.get_or_init(|| eprintln!("PostgreSQL suite SKIPPED: set HOTELIER_TEST_PG_URL or install PostgreSQL"));
    false
}

/// Starts a private cluster from local binaries (not as root: initdb refuses). The server
/// is a child of a thread that lives as long as the test process, and is killed with it.
fn throwaway_cluster() -> Option<String> {
    if unsafe { libc::geteuid() } == 0 {
        return None;
    }
    let bin = ["/usr/lib/postgresql"]
        .iter()
        .filter_map(|root| std::fs::read_dir(root).ok())
        .flat_map(|dir| dir.filter_map(Result::ok).map(|e| e.path().join("bin")))
        .find(|bin| bin.join("initdb").exists())
        .or_else(|| which("initdb").and_then(|p| p.parent().map(|d| d.to_path_buf())))?;
    let dir = std::env::temp_dir().join(format!("hotelier-test-pg-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let ok = Command::new(bin.join("initdb"))
        .args(["-D", dir.join("data").to_str()?, "-U", "postgres", "-A", "trust", "--no-sync"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?
        .success();
    if !ok {
        return None;
    }
    let port = free_port();
    let (tx, rx) = std::sync::mpsc::channel();
    let data = dir.join("data");
    std::thread::spawn(move || {
        use std::os::unix::process::CommandExt;
        let mut cmd = Command::new(bin.join("postgres"));
        cmd.args(["-D", data.to_str().unwrap(), "-p", &port.to_string(), "-k", data.to_str().unwrap()])
            .args(["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=300"])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        unsafe {
            cmd.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let child = cmd.spawn();
        let _ = tx.send(child.is_ok());
        if let Ok(mut child) = child {
            let _ = child.wait();
        }
    });
    if !rx.recv().ok()? {
        return None;
    }
    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    for _ in 0..100 {
        if diesel::PgConnection::establish(&url).is_ok() {
            return Some(url);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

fn which(name: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| std::path::Path::new(d).join(name)).find(|p| p.exists())
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn with_user_and_db(url: &str, user: &str, password: &str, db: &str) -> String {
    let mut u = url::Url::parse(url).expect("admin URL");
    u.set_username(user).unwrap();
    u.set_password(Some(password)).unwrap();
    u.set_path(&format!("/{db}"));
    u.to_string()
}

/// The admin URL pointed at another database (for superuser-only checks).
pub fn pg_admin_url_for(db: &str) -> String {
    let mut u = url::Url::parse(&pg().expect("postgres").admin_url).unwrap();
    u.set_path(&format!("/{db}"));
    u.to_string()
}

/// A template database with the migrations applied, once per test process.
fn pg_template() -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let server = pg().expect("postgres");
        let name = format!("hotelier_tpl_{}", std::process::id());
        let mut admin = diesel::PgConnection::establish(&server.admin_url).unwrap();
        admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name}")).expect("drop old template");
        admin.batch_execute(&format!("CREATE DATABASE {name} OWNER {APP_ROLE}")).expect("create template database");
        let url = DatabaseUrl::parse(&with_user_and_db(&server.admin_url, APP_ROLE, APP_PASSWORD, &name)).unwrap();
        let mut conn = url.connect().expect("connect to template");
        hotelier::db::migrations::run_pending(&mut conn).expect("migrate template");
        name
    })
}

// ---- Test databases ---------------------------------------------------------------------

/// A fresh, migrated database for one test. Dropped (PostgreSQL) or deleted (SQLite) at
/// the end of the test.
pub struct TestDb {
    pub backend: Backend,
    pub url: DatabaseUrl,
    pub db: Db,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres(String),
}

impl TestDb {
    pub fn new(backend: Backend) -> Self {
        Self::with_pool(backend, patient_pool())
    }

    pub fn with_pool(backend: Backend, pool: PoolOptions) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("tempdir");
                let url = DatabaseUrl::Sqlite(dir.path().join("test.db"));
                let db = Db::connect(&url, &pool).expect("sqlite pool");
                hotelier::db::migrations::run_pending(&mut db.checkout().unwrap()).expect("migrate sqlite");
                Self { backend, url, db, cleanup: Cleanup::Sqlite(dir) }
            }
            Backend::Postgres => {
                let server = pg().expect("postgres");
                let name = format!("hotelier_t_{}", uuid::Uuid::now_v7().simple());
                create_pg_database(&server.admin_url, &name, Some(pg_template()));
                let url =
                    DatabaseUrl::parse(&with_user_and_db(&server.admin_url, APP_ROLE, APP_PASSWORD, &name)).unwrap();
                let db = Db::connect(&url, &pool).expect("postgres pool");
                Self { backend, url, db, cleanup: Cleanup::Postgres(name) }
            }
        }
    }

    /// An empty database with no migrations applied.
    pub fn empty(backend: Backend) -> Self {
        let pool = PoolOptions { max_size: 2, acquire_timeout: Duration::from_secs(20) };
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("tempdir");
                let url = DatabaseUrl::Sqlite(dir.path().join("empty.db"));
                let db = Db::connect(&url, &pool).expect("sqlite pool");
                Self { backend, url, db, cleanup: Cleanup::Sqlite(dir) }
            }
            Backend::Postgres => {
                let server = pg().expect("postgres");
                let name = format!("hotelier_e_{}", uuid::Uuid::now_v7().simple());
                create_pg_database(&server.admin_url, &name, None);
                let url =
                    DatabaseUrl::parse(&with_user_and_db(&server.admin_url, APP_ROLE, APP_PASSWORD, &name)).unwrap();
                let db = Db::connect(&url, &pool).expect("postgres pool");
                Self { backend, url, db, cleanup: Cleanup::Postgres(name) }
            }
        }
    }

    pub fn pg_name(&self) -> Option<&str> {
        match &self.cleanup {
            Cleanup::Postgres(name) => Some(name),
            Cleanup::Sqlite(_) => None,
        }
    }

    /// A raw connection for SQL the app itself never runs (the tests' own probes).
    pub fn raw(&self) -> hotelier::db::DbConnection {
        self.url.connect().expect("raw connection")
    }

    pub fn settings(&self) -> Settings {
        let mut settings = Settings::for_database(self.url.clone());
        settings.bind = "127.0.0.1:0".into();
        settings.session_key = Some(vec![7u8; 64]);
        settings.workers = Some(2);
        settings.pool = patient_pool();
        settings
    }
}

fn create_pg_database(admin_url: &str, name: &str, template: Option<&str>) {
    // CREATE DATABASE … TEMPLATE fails while another CREATE copies the same template.
    static LOCK: Mutex<()> = Mutex::new(());
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let mut admin = diesel::PgConnection::establish(admin_url).unwrap();
    let template = template.map(|t| format!(" TEMPLATE {t}")).unwrap_or_default();
    for attempt in 0..20 {
        match admin.batch_execute(&format!("CREATE DATABASE {name} OWNER {APP_ROLE}{template}")) {
            Ok(()) => return,
            Err(e) if attempt < 19 && e.to_string().contains("being accessed by other users") => {
                std::thread::sleep(Duration::from_millis(100))
            }
            Err(e) => panic!("create database {name}: {e}"),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres(name) = &self.cleanup {
            if let Some(server) = pg() {
                if let Ok(mut admin) = diesel::PgConnection::establish(&server.admin_url) {
                    let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            }
        }
    }
}

// ---- Database state -------------------------------------------------------------------------

/// Everything one organization holds, as JSON, for "nothing changed" assertions.
pub fn snapshot(db: &Db, tenant: TenantId) -> serde_json::Value {
    db.tenant(tenant, None, Access::Read, |s| {
        let reservations = s.reservations().list(None, 100_000)?;
        let mut folios = Vec::new();
        let mut nights = Vec::new();
        for r in &reservations {
            folios.push(serde_json::to_value(s.folio().entries(r.id)?).unwrap());
            nights.push(serde_json::to_value(s.nights().of(r.id)?).unwrap());
            let ids: Vec<_> = s.folio().entries(r.id)?.iter().map(|e| e.id).collect();
            nights.push(serde_json::to_value(s.tax_rules().lines_of(&ids)?).unwrap());
        }
        let plans = s.rate_plans().list(None)?;
        let ids: Vec<_> = plans.iter().map(|p| p.id).collect();
        let far = (
            chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2200, 1, 1).unwrap(),
        );
        let mut prices = Vec::new();
        for h in s.hotels().list()? {
            prices.extend(s.rate_plans().prices(h.id)?);
        }
        let days = s.rate_plans().days(&ids, far.0, far.1)?;
        Ok::<_, DbError>(serde_json::json!({
            "organization": s.organization()?,
            "hotels": s.hotels().list()?,
            "room_types": s.room_types().list(None)?,
            "rooms": s.rooms().list(None)?,
            "guests": s.guests().list(None, 100_000, 0)?,
            "reservations": reservations,
            "folios": folios,
            "nights": nights,
            "rate_plans": plans,
            "rate_plan_prices": prices,
            "rate_days": days,
            "tax_rules": s.tax_rules().list(None)?,
            "invoices": s.invoices().list(None, None, 100_000, 0)?,
            "companies": s.companies().list()?,
            "members": s.memberships().list()?,
            "audit": s.audit_entries(100_000)?,
        }))
    })
    .expect("snapshot")
}

/// Asserts two snapshots are equal, naming the parts that differ.
#[track_caller]
pub fn assert_unchanged(before: &serde_json::Value, after: &serde_json::Value, what: &str) {
    if before != after {
        let parts: Vec<&String> = before
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, v)| after.get(k.as_str()) != Some(*v))
            .map(|(k, _)| k)
            .collect();
        panic!("{what}: these changed: {parts:?}\nbefore: {before:#}\nafter: {after:#}");
    }
}

/// Platform audit events (no tenant) with `action`: (user id, entity id, after as text).
pub fn platform_events(test_db: &TestDb, action: &str) -> Vec<(Option<String>, Option<String>, Option<String>)> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Nullable<Text>)]
        user_id: Option<String>,
        #[diesel(sql_type = Nullable<Text>)]
        entity_id: Option<String>,
        #[diesel(sql_type = Nullable<Text>)]
        after: Option<String>,
    }
    let mut conn = test_db.raw();
    if test_db.backend == Backend::Postgres {
        // Platform rows are visible to platform reads only (RLS), on this connection only.
        diesel::sql_query("SELECT set_config('app.platform', 'on', false)").execute(&mut conn).unwrap();
    }
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT CAST(user_id AS TEXT) AS user_id, entity_id, CAST(after AS TEXT) AS after \
         FROM audit_log WHERE tenant_id IS NULL AND action = '{}' ORDER BY created_at",
        action.replace('\'', "''")
    ))
    .load(&mut conn)
    .expect("platform events");
    rows.into_iter().map(|r| (r.user_id, r.entity_id, r.after)).collect()
}

/// A pool for tests: the whole suite runs at once on two cores, so a connection (or the
/// pool's first one, at start) may take far longer than the one second a server waits.
pub fn patient_pool() -> PoolOptions {
    PoolOptions { max_size: 8, acquire_timeout: Duration::from_secs(20) }
}
