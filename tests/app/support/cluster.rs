//! Private PostgreSQL clusters that a test may stop, start and promote (never the shared
//! one): a primary from `initdb`, and streaming standbys of it from `pg_basebackup -R -X
//! stream -C -S <slot>`, built from the machine's PostgreSQL binaries (Debian's packages,
//! which `.ci/run` installs). Each has a private data directory and a port below 32768 (the
//! ephemeral range above it collides with the clients' own ports); dropping one stops
//! only that cluster.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU16, Ordering};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::Connection;
use hotelier::db::users::NewUser;
use hotelier::db::{Access, DatabaseUrl, Db, DbError, PlatformGrant, PoolOptions};
use hotelier::domain::{Role, UserId};

use super::{new_membership, two_orgs, Org, PASSWORD};

pub struct Cluster {
    bin: PathBuf,
    pub data: PathBuf,
    pub port: u16,
    owner: Option<(u32, u32)>,
    _dir: tempfile::TempDir,
}

/// A port below the ephemeral range, free now: walked from a point that differs per
/// process so that two test runs on one machine rarely try the same.
fn private_port() -> u16 {
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let _ =
        NEXT.compare_exchange(0, 20_000 + (std::process::id() % 5_000) as u16 * 2, Ordering::AcqRel, Ordering::Acquire);
    loop {
        let port = NEXT.fetch_add(1, Ordering::AcqRel);
        assert!(port < 32_768, "no private port left");
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

impl Cluster {
    /// An empty directory for a cluster; `None` without local PostgreSQL binaries.
    fn prepare() -> Option<Self> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path().join("bin"))
            .find(|b| b.join("pg_ctl").exists())?;
        let dir = tempfile::Builder::new().prefix("hotelier-test-pg").tempdir().ok()?;
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
        Some(Self { bin, data: dir.path().join("data"), port: private_port(), owner, _dir: dir })
    }

    /// A new primary (not started); `None` without local PostgreSQL binaries.
    pub fn new() -> Option<Self> {
        let cluster = Self::prepare()?;
        let ok = cluster
            .command("initdb")
            .args(["-D", cluster.data.to_str()?, "-U", "postgres", "-A", "trust", "--no-sync"])
            .status()
            .ok()?
            .success();
        ok.then_some(cluster)
    }

    /// A streaming standby of the running `primary` (not started), on a replication slot
    /// of its own, with `standby.signal` and `primary_conninfo` written by
    /// `pg_basebackup -R`. Its walreceiver names itself `name` (for
    /// `synchronous_standby_names`).
    pub fn standby_of(primary: &Cluster, name: &str) -> Self {
        let standby = Self::prepare().expect("a second cluster directory");
        let port = primary.port.to_string();
        let status = standby
            .command("pg_basebackup")
            .args(["-D", standby.data.to_str().unwrap(), "-h", "127.0.0.1", "-p", &port, "-U", "postgres"])
            .args(["-R", "-X", "stream", "-C", "-S", name, "--no-sync", "--checkpoint=fast"])
            .status()
            .unwrap();
        assert!(status.success(), "pg_basebackup");
        standby.configure(&format!("cluster_name = '{name}'"));
        standby
    }

    /// Appends `line` to `postgresql.conf` (read at the next start or reload).
    pub fn configure(&self, line: &str) {
        use std::io::Write;
        let mut conf = std::fs::OpenOptions::new().append(true).open(self.data.join("postgresql.conf")).unwrap();
        writeln!(conf, "{line}").unwrap();
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

    /// Runs `pg_ctl` on this cluster (`start`, `stop`, `promote`, `reload`…) and waits.
    pub fn pg_ctl(&self, args: &[&str]) {
        let options = format!("-p {} -k {} -c listen_addresses=127.0.0.1", self.port, self.data.display());
        let status = self
            .command("pg_ctl")
            .args(["-D", self.data.to_str().unwrap(), "-o", &options, "-w", "-t", "30"])
            .args(args)
            .status()
            .unwrap();
        assert!(status.success(), "pg_ctl {args:?}");
    }

    pub fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.command("pg_ctl").args(["-D", self.data.to_str().unwrap(), "-m", "immediate", "stop"]).status();
    }
}

/// A manager of `org` who can sign in with the suite's password.
pub fn manager(db: &Db, org: &Org) -> String {
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

/// A private primary with the app's role and migrated database, its organizations and
/// a manager's email; `None` (or a failure under CI) without PostgreSQL binaries.
pub fn private_primary(test: &str) -> Option<(Cluster, Org, String)> {
    let Some(cluster) = Cluster::new() else {
        assert!(std::env::var("CI").is_err(), "{test} needs local PostgreSQL binaries under CI");
        eprintln!("{test} SKIPPED: no local PostgreSQL binaries");
        return None;
    };
    cluster.pg_ctl(&["start"]);
    let mut admin = diesel::PgConnection::establish(&cluster.admin_url()).unwrap();
    admin.batch_execute("CREATE ROLE app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS").unwrap();
    admin.batch_execute("CREATE DATABASE app OWNER app").unwrap();
    drop(admin);
    let url = DatabaseUrl::parse(&format!("postgres://app:app@127.0.0.1:{}/app", cluster.port)).unwrap();
    let db = Db::connect(&url, &PoolOptions { max_size: 2, acquire_timeout: Duration::from_secs(5) }).unwrap();
    hotelier::db::migrations::run_pending(&mut db.checkout().unwrap()).unwrap();
    let (a, _) = two_orgs(&db);
    let email = manager(&db, &a);
    Some((cluster, a, email))
}

impl Cluster {
    /// The app's database on this cluster, as the app's role.
    pub fn app_url(&self) -> DatabaseUrl {
        DatabaseUrl::parse(&format!("postgres://app:app@127.0.0.1:{}/app", self.port)).unwrap()
    }
}
