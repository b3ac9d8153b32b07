//! Test harness: fresh databases per test on both backends, fixtures with two tenants,
//! and the real app on a random port.
//!
//! PostgreSQL: `HOTELIER_TEST_PG_URL` names an admin URL (a role that may create roles
//! and databases). Without it, a throwaway cluster is started from local PostgreSQL
//! binaries when the tests do not run as root. Otherwise the PostgreSQL tests print that
//! they were skipped; under `CI=true` a skip is a failure.
//!
//! Each PostgreSQL test gets its own database, cloned from a template migrated once per
//! test process, owned by and connected as `hotelier_test_app`: a role with neither
//! SUPERUSER nor BYPASSRLS, so row-level security is live in every PostgreSQL test.

#![allow(dead_code)]

use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::Connection;
use hotelier::config::Settings;
use hotelier::db::{Access, DatabaseUrl, Db, PlatformGrant, PoolOptions};
use hotelier::domain::{GuestId, HotelId, Plan, ReservationId, RoomId, RoomTypeId, TenantId, TenantKind, TenantStatus};

pub const APP_ROLE: &str = "hotelier_test_app";
pub const APP_PASSWORD: &str = "hotelier-test-app";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Generates `NAME::sqlite` and `NAME::postgres` tests from `fn NAME(backend: Backend)`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[test]
            fn sqlite() {
                super::$name($crate::support::Backend::Sqlite)
            }
            #[test]
            fn postgres() {
                if $crate::support::postgres_available() {
                    super::$name($crate::support::Backend::Postgres)
                }
            }
        }
    )*};
}

/// Like `both_backends!` for `async fn NAME(backend: Backend)`.
#[macro_export]
macro_rules! both_backends_async {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::support::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::support::postgres_available() {
                    super::$name($crate::support::Backend::Postgres).await
                }
            }
        }
    )*};
}

/// Only PostgreSQL; skipped (or failed under CI) when none is available.
#[macro_export]
macro_rules! postgres_only {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[test]
            fn postgres() {
                if $crate::support::postgres_available() {
                    super::$name()
                }
            }
        }
    )*};
}

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
        Self::with_pool(backend, PoolOptions { max_size: 8, acquire_timeout: Duration::from_secs(20) })
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
        settings.pool = PoolOptions { max_size: 8, acquire_timeout: Duration::from_secs(20) };
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

// ---- Fixtures ---------------------------------------------------------------------------

/// One tenant's worth of records, made through the real repositories.
#[derive(Clone, Debug)]
pub struct Org {
    pub id: TenantId,
    pub slug: String,
    pub hotel: HotelId,
    pub room_type: RoomTypeId,
    pub rooms: Vec<RoomId>,
    pub guest: GuestId,
    pub reservation: ReservationId,
}

/// Two organizations, A and B, with the same shape: every test is an isolation test.
pub fn two_orgs(db: &Db) -> (Org, Org) {
    (make_org(db, "alpha-hotels", "USD"), make_org(db, "bravo-inns", "EUR"))
}

pub fn make_org(db: &Db, slug: &str, currency: &str) -> Org {
    use hotelier::db::guests::GuestFields;
    use hotelier::db::hotels::HotelFields;
    use hotelier::db::reservations::NewReservation;
    use hotelier::db::room_types::RoomTypeFields;
    use hotelier::db::rooms::RoomFields;
    use hotelier::db::tenants::NewTenant;
    use hotelier::domain::{HousekeepingStatus, ReservationSource, ReservationStatus};

    let id = TenantId::new();
    db.platform(&PlatformGrant::operator(), Access::Write, |p| {
        p.tenants().create(&NewTenant {
            id,
            name: format!("{slug} org"),
            slug: slug.into(),
            kind: TenantKind::Chain,
            status: TenantStatus::Active,
            email: None,
            phone: None,
            address: None,
            currency: currency.into(),
            timezone: "UTC".into(),
            locale: "en".into(),
            plan: Plan::Enterprise,
            trial_ends_at: None,
            settings: serde_json::json!({}).into(),
        })?;
        let mut t = p.tenant(id);
        let hotel = t.hotels().create(&HotelFields {
            code: "HQ".into(),
            name: format!("{slug} Central"),
            timezone: "UTC".into(),
            is_active: true,
            ..HotelFields::default()
        })?;
        let room_type = t.room_types().create(
            hotel.id,
            &RoomTypeFields {
                code: "STD".into(),
                name: "Standard".into(),
                description: None,
                base_occupancy: 2,
                max_occupancy: 3,
                base_rate: 10_000,
                is_active: true,
            },
        )?;
        let mut rooms = Vec::new();
        for number in ["101", "102", "103"] {
            let room = t.rooms().create(
                hotel.id,
                &RoomFields {
                    room_type_id: room_type.id,
                    number: number.into(),
                    floor: Some(1),
                    housekeeping_status: HousekeepingStatus::Clean,
                    is_active: true,
                    notes: None,
                },
            )?;
            rooms.push(room.id);
        }
        let guest = t.guests().create(&GuestFields {
            first_name: "Guest".into(),
            last_name: format!("of {slug}"),
            email: Some(format!("guest@{slug}.test")),
            ..GuestFields::default()
        })?;
        let today = chrono::Utc::now().date_naive();
        let reservation = t.reservations().create(&NewReservation {
            hotel_id: hotel.id,
            room_type_id: room_type.id,
            room_id: Some(rooms[0]),
            guest_id: guest.id,
            confirmation_code: format!("{}ABC123", &slug[..1].to_uppercase()),
            check_in: today,
            check_out: today + chrono::Duration::days(2),
            adults: 2,
            children: 0,
            status: ReservationStatus::Confirmed,
            nightly_rate: 10_000,
            total_amount: 20_000,
            source: ReservationSource::Direct,
            notes: None,
        })?;
        Ok::<_, hotelier::db::DbError>(Org {
            id,
            slug: slug.into(),
            hotel: hotel.id,
            room_type: room_type.id,
            rooms,
            guest: guest.id,
            reservation: reservation.id,
        })
    })
    .expect("fixture organization")
}

/// Changes an organization's settings through the same repository call the settings page
/// uses, keeping everything else.
pub fn update_settings(
    db: &Db,
    tenant: TenantId,
    change: impl FnOnce(&mut hotelier::domain::settings::TenantSettings),
) {
    db.tenant(tenant, None, Access::Write, |s| {
        let t = s.organization()?;
        let mut settings = t.settings();
        change(&mut settings);
        s.update_organization(
            t.version,
            &hotelier::db::tenants::OrganizationChanges {
                currency: t.currency.clone(),
                timezone: t.timezone.clone(),
                locale: t.locale.clone(),
                settings: settings.to_json().into(),
            },
        )
    })
    .expect("organization settings");
}

// ---- The app over HTTP ------------------------------------------------------------------

pub struct TestApp {
    pub address: String,
    pub test_db: TestDb,
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    let test_db = TestDb::new(backend);
    let settings = test_db.settings();
    let db = test_db.db.clone();
    let app = hotelier::Application::build(settings, db).expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    TestApp { address, test_db }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}
