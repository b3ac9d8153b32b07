//! The connection enum over both backends and the r2d2 manager that picks one by URL.

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::R2D2Connection;
use diesel::sqlite::SqliteConnection;
use diesel::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One connection to either backend. Diesel's derive implements `Connection` for it and
/// generates `MultiBackend`, which our custom SQL types in `db::types` plug into.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

/// Which database a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Postgres => "postgres",
            Backend::Sqlite => "sqlite",
        }
    }
}

/// A parsed database location. Parsing happens once, up front, so that a bad URL is one
/// clear error at start and never a SQLite file named after a PostgreSQL URL.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Postgres(String),
    Sqlite(PathBuf),
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UrlError {
    #[error("unsupported database URL scheme `{0}`: use postgres://, sqlite:// or a file path")]
    Scheme(String),
    #[error("invalid PostgreSQL URL: {0}")]
    Postgres(String),
    #[error("the SQLite URL names no file")]
    EmptyPath,
}

impl DatabaseUrl {
    pub const DEFAULT_SQLITE: &'static str = "data/hotelier.db";

    pub fn parse(raw: &str) -> Result<Self, UrlError> {
        let raw = raw.trim();
        if let Some((scheme, rest)) = raw.split_once("://") {
            return match scheme.to_ascii_lowercase().as_str() {
                "postgres" | "postgresql" => {
                    // libpq's URLs may list several hosts (`h1:5432,h2:5432`), which the
                    // URL crate does not read: each host is checked in a URL of its own.
                    let (_, hosts) = one_host(raw);
                    for host in hosts.split(',') {
                        url::Url::parse(&raw.replacen(hosts, host, 1))
                            .map_err(|e| UrlError::Postgres(e.to_string()))?;
                    }
                    Ok(Self::Postgres(raw.to_string()))
                }
                "sqlite" | "file" => Self::sqlite_path(rest),
                other => Err(UrlError::Scheme(other.to_string())),
            };
        }
        Self::sqlite_path(raw.strip_prefix("sqlite:").unwrap_or(raw))
    }

    fn sqlite_path(path: &str) -> Result<Self, UrlError> {
        let path = path.split('?').next().unwrap_or_default();
        if path.is_empty() {
            return Err(UrlError::EmptyPath);
        }
        Ok(Self::Sqlite(PathBuf::from(path)))
    }

    pub fn backend(&self) -> Backend {
        match self {
            Self::Postgres(_) => Backend::Postgres,
            Self::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// The URL with any password replaced, for logs and error messages.
    pub fn redacted(&self) -> String {
        match self {
            Self::Postgres(full) => self::redact_pg(full),
            Self::Sqlite(path) => format!("sqlite://{}", path.display()),
        }
    }

    pub fn connect(&self) -> Result<DbConnection, diesel::ConnectionError> {
        match self {
            Self::Postgres(url) => {
                // OpenSSL (libpq's TLS) initialized without its exit handler: at process exit
                // that handler freed OpenSSL's state while an r2d2 worker could still be
                // opening a connection with it, and the process died of SIGSEGV after its
                // work was done (seen in the CLI and the test binary). Once per process,
                // before libpq's own initialization.
                openssl_sys::init();
                let mut conn = PgConnection::establish(url)?;
                // Keep a stuck query from holding a pooled connection forever. Requests
                // tighten this per transaction where they need to.
                conn.batch_execute("SET statement_timeout = '30s'; SET idle_in_transaction_session_timeout = '60s'")
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConnection::Pg(conn))
            }
            Self::Sqlite(path) => {
                create_parent_dir(path)?;
                // busy_timeout first: on a new file, two pooled connections may switch
                // it to WAL at the same moment.
                let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; \
                     PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
                )
                .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }
}

fn create_parent_dir(path: &Path) -> Result<(), diesel::ConnectionError> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir)
            .map_err(|e| diesel::ConnectionError::BadConnection(format!("cannot create {}: {e}", dir.display()))),
        _ => Ok(()),
    }
}

/// The r2d2 manager: it builds connections from a parsed `DatabaseUrl`, never by trial
/// and error across backends.
pub struct Manager {
    url: DatabaseUrl,
}

impl Manager {
    pub fn new(url: DatabaseUrl) -> Self {
        Self { url }
    }
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = diesel::ConnectionError;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        self.url.connect()
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        conn.ping().map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))
    }

    /// A connection left inside a transaction (a panic mid-request) or whose socket died is
    /// dropped rather than handed to the next request.
    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        conn.is_broken()
    }
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConnection = r2d2::PooledConnection<Manager>;

#[derive(Clone, Debug)]
pub struct PoolOptions {
    pub max_size: u32,
    /// How long a request waits for a free connection before answering 503.
    pub acquire_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get() as u32);
        // One second: under an outage a request answers 503 well within two.
        Self { max_size: (cores * 2).clamp(4, 8), acquire_timeout: Duration::from_secs(1) }
    }
}

pub fn build_pool(url: &DatabaseUrl, options: &PoolOptions) -> Result<Pool, r2d2::Error> {
    r2d2::Pool::builder()
        .max_size(options.max_size)
        .min_idle(Some(1))
        .connection_timeout(options.acquire_timeout)
        // No test query on checkout: it costs a round trip per request. Broken connections
        // are still found by `has_broken` and by the failing query itself.
        .test_on_check_out(false)
        .build(Manager::new(url.clone()))
}

/// A PostgreSQL URL with one stand-in host for the host list it may have (`h1,h2:5433`):
/// what the URL crate can read, and the list to put back.
fn one_host(raw: &str) -> (String, &str) {
    let rest = raw.split_once("://").map_or(raw, |(_, rest)| rest);
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    let hosts = authority.rsplit_once('@').map_or(authority, |(_, hosts)| hosts);
    if hosts.contains(',') {
        (raw.replacen(hosts, HOSTS, 1), hosts)
    } else {
        (raw.to_owned(), hosts)
    }
}

const HOSTS: &str = "hotelier-host-list";

/// The URL without its password (in the user part or as `?password=`).
fn redact_pg(full: &str) -> String {
    let (raw, hosts) = one_host(full);
    let shown = match url::Url::parse(&raw) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(Some("***"));
            }
            // libpq also takes the password as a parameter: `?password=…`.
            if u.query_pairs().any(|(k, _)| k == "password") {
                let pairs: Vec<(String, String)> = u
                    .query_pairs()
                    .map(|(k, v)| {
                        let v = if k == "password" { "***".into() } else { v.into_owned() };
                        (k.into_owned(), v)
                    })
                    .collect();
                u.query_pairs_mut().clear().extend_pairs(pairs);
            }
            u.to_string()
        }
        Err(_) => raw.clone(),
    };
    shown.replacen(HOSTS, hosts, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_pick_their_backend() {
        assert_eq!(DatabaseUrl::parse("postgres://u@h/db").unwrap().backend(), Backend::Postgres);
        assert_eq!(DatabaseUrl::parse("postgresql://u@h/db").unwrap().backend(), Backend::Postgres);
        assert_eq!(DatabaseUrl::parse("sqlite://data/x.db").unwrap(), DatabaseUrl::Sqlite("data/x.db".into()));
        assert_eq!(DatabaseUrl::parse("sqlite:x.db").unwrap(), DatabaseUrl::Sqlite("x.db".into()));
        assert_eq!(DatabaseUrl::parse("/tmp/x.db").unwrap(), DatabaseUrl::Sqlite("/tmp/x.db".into()));
        assert_eq!(DatabaseUrl::parse("mysql://h/db"), Err(UrlError::Scheme("mysql".into())));
        assert_eq!(DatabaseUrl::parse("sqlite://"), Err(UrlError::EmptyPath));
        assert!(matches!(DatabaseUrl::parse("postgres://[bad"), Err(UrlError::Postgres(_))));
        assert_eq!(DatabaseUrl::parse("postgres://u@h1,h2:5433/db").unwrap().backend(), Backend::Postgres);
        assert!(matches!(DatabaseUrl::parse("postgres://u@h1,h2:port/db"), Err(UrlError::Postgres(_))));
    }

    #[test]
    fn passwords_are_redacted() {
        let url = DatabaseUrl::parse("postgres://app:s3cret@db:5432/hotelier").unwrap();
        assert!(!url.redacted().contains("s3cret"));
        assert!(!format!("{url:?}").contains("s3cret"));
        // libpq's password parameter too; the other parameters stay readable.
        let url = DatabaseUrl::parse("postgres://app@db/hotelier?sslmode=require&password=s3cret").unwrap();
        let shown = url.redacted();
        assert!(!shown.contains("s3cret") && shown.contains("sslmode=require"), "{shown}");
        // Several hosts, as libpq takes them for failover.
        let url =
            DatabaseUrl::parse("postgres://app:s3cret@db1:5432,db2:5433/hotelier?target_session_attrs=read-write")
                .unwrap();
        let shown = url.redacted();
        assert_eq!(shown, "postgres://app:***@db1:5432,db2:5433/hotelier?target_session_attrs=read-write");
    }
}
