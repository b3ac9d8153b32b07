//! Settings from flags and environment variables. Secrets are never logged.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::db::{DatabaseUrl, PoolOptions, UrlError};

/// How long an operator command's statements may run: seed, import and export run
/// statements far longer than a page's. `serve` sets its own.
const OPERATOR_STATEMENT_TIMEOUT: Duration = Duration::from_secs(3600);

/// The database flags every command takes, before or after its name.
#[derive(clap::Args, Clone)]
pub struct DatabaseArgs {
    /// postgres://… for PostgreSQL; sqlite://PATH or a file path for SQLite.
    #[arg(long, global = true, env = "DATABASE_URL", hide_env_values = true, default_value = DatabaseUrl::DEFAULT_SQLITE)]
    pub database_url: String,

    /// Where the default SQLite file and the generated session key live.
    #[arg(long, global = true, env = "HOTELIER_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Start even though the database role is a superuser or has BYPASSRLS.
    #[arg(long, global = true, env = "HOTELIER_ALLOW_RLS_BYPASS")]
    pub allow_rls_bypass: bool,
}

/// `serve`'s own flags.
#[derive(clap::Args, Clone)]
pub struct ServeArgs {
    #[arg(long, env = "HOTELIER_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Seed demo organizations, hotels and bookings into an empty database.
    #[arg(long)]
    pub demo: bool,
    /// Mark session cookies Secure (serve behind HTTPS).
    #[arg(long, env = "HOTELIER_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Session key (at least 64 bytes of text). Without it one is generated and kept in the data directory.
    #[arg(long, env = "HOTELIER_SESSION_KEY", hide_env_values = true)]
    pub session_key: Option<String>,
    /// Database connections in the pool.
    #[arg(long, env = "HOTELIER_POOL_SIZE")]
    pub pool_size: Option<u32>,
    /// Milliseconds a request waits for a free database connection before answering 503.
    #[arg(long, env = "HOTELIER_POOL_TIMEOUT_MS", default_value_t = 1000)]
    pub pool_timeout_ms: u64,
    /// Milliseconds before a request's database statement is cancelled (PostgreSQL; 503).
    #[arg(long, env = "HOTELIER_STATEMENT_TIMEOUT_MS", default_value_t = 5000)]
    pub statement_timeout_ms: u64,
    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "HOTELIER_WORKERS")]
    pub workers: Option<usize>,
    /// Minutes of inactivity before a session ends.
    #[arg(long, env = "HOTELIER_SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: u64,
    /// Bearer token that lets a scraper read /metrics from anywhere (otherwise loopback only).
    #[arg(long, env = "HOTELIER_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Seconds an organization's settings and status are cached in this process; changes
    /// made by another instance show within this time. 0 turns the cache off.
    #[arg(long, env = "HOTELIER_TENANT_CACHE_SECONDS", default_value_t = 10)]
    pub tenant_cache_seconds: u64,
    /// Hours after sign-in before a session ends regardless.
    #[arg(long, env = "HOTELIER_SESSION_MAX_HOURS", default_value_t = 12)]
    pub session_max_hours: u64,
    /// Where guest messages go: `smtp://user:pass@host:587` (STARTTLS; `?tls=none` for a
    /// local relay without it) or `smtps://…` (TLS). Without it they are written to
    /// `.eml` files under the data directory's `outbox/`.
    #[arg(long, env = "HOTELIER_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The envelope sender of every guest message (the hotel's name is shown with it).
    #[arg(long, env = "HOTELIER_MAIL_FROM", default_value = "no-reply@hotelier.localhost")]
    pub mail_from: String,
    /// Seconds a worker holds the messages it claimed before another may take them over.
    #[arg(long, env = "HOTELIER_MAIL_LEASE_SECONDS", default_value_t = 60)]
    pub mail_lease_seconds: u64,
    /// Do not run the outbox worker in this instance (another one sends).
    #[arg(long, env = "HOTELIER_NO_MAIL_WORKER")]
    pub no_mail_worker: bool,
    /// Messages the worker sends at once, each over its own SMTP connection: a send waits
    /// on the server's answers, so one at a time would leave the worker idle.
    #[arg(long, env = "HOTELIER_MAIL_SENDERS", default_value_t = 4)]
    pub mail_senders: usize,
    /// PostgreSQL: the direct connection the cache listener `LISTEN`s on (a pooler in
    /// transaction mode cannot); by default the database URL.
    #[arg(long, env = "HOTELIER_LISTEN_URL", hide_env_values = true)]
    pub listen_url: Option<String>,
    /// PostgreSQL: a read replica (a streaming standby) for the read-only pages; give it
    /// once per replica. In the environment, the URLs separated by spaces.
    #[arg(long = "replica-url", env = "HOTELIER_REPLICA_URLS", value_delimiter = ' ', hide_env_values = true)]
    pub replica_urls: Vec<String>,
    /// Milliseconds of replay lag past which a replica is skipped until it catches up.
    #[arg(long, env = "HOTELIER_REPLICA_MAX_LAG_MS", default_value_t = 5000)]
    pub replica_max_lag_ms: u64,
}

/// The outbox worker's settings. The SMTP URL's password is redacted in `Debug`.
#[derive(Clone)]
pub struct MailSettings {
    /// Run the worker in this process.
    pub worker: bool,
    pub smtp_url: Option<String>,
    pub from: String,
    pub lease: Duration,
    /// Messages claimed per round, by each sender.
    pub batch: i64,
    /// Senders (threads, each with its own rounds, claims and SMTP connection).
    pub senders: usize,
    /// The wait after a round that found nothing due.
    pub poll: Duration,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            worker: false,
            smtp_url: None,
            from: "no-reply@hotelier.localhost".into(),
            lease: Duration::from_secs(60),
            batch: 10,
            senders: 4,
            poll: Duration::from_secs(1),
        }
    }
}

impl std::fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Self { worker, smtp_url, from, lease, batch, senders, poll } = self;
        f.debug_struct("MailSettings")
            .field("worker", worker)
            .field("smtp_url", &smtp_url.as_deref().map(crate::mailer::redact))
            .field("from", from)
            .field("lease", lease)
            .field("batch", batch)
            .field("senders", senders)
            .field("poll", poll)
            .finish()
    }
}

/// Secrets (the session key, the metrics token, a database password) are redacted in
/// `Debug`, so that logging the settings never logs them.
#[derive(Clone)]
pub struct Settings {
    pub bind: String,
    pub database_url: DatabaseUrl,
    pub pool: PoolOptions,
    /// Where the SQLite file and the generated session key live by default.
    pub data_dir: PathBuf,
    /// 64 bytes or more that sign and encrypt the session cookie; generated and kept in
    /// `data_dir` when not configured.
    pub session_key: Option<Vec<u8>>,
    pub secure_cookies: bool,
    /// Start even though the database role defeats row-level security (warns each start).
    pub allow_rls_bypass: bool,
    pub session_idle_timeout: Duration,
    pub session_absolute_timeout: Duration,
    /// Worker threads; defaults to the number of cores.
    pub workers: Option<usize>,
    /// Bearer token for `/metrics` from anywhere; without one only loopback may scrape.
    pub metrics_token: Option<String>,
    /// How long an organization's settings and status are cached (zero: not at all).
    pub tenant_cache_ttl: Duration,
    /// Each statement of a request's transaction is cancelled after this (PostgreSQL).
    pub statement_timeout: Duration,
    /// Guest messages: the worker and where it sends.
    pub mail: MailSettings,
    /// PostgreSQL: where the cache listener connects (see `db::invalidation`); `None`:
    /// the database URL.
    pub listen_url: Option<String>,
    /// PostgreSQL: the read replicas' URLs (see `db::replicas`).
    pub replica_urls: Vec<String>,
    /// A replica lagging more than this is skipped.
    pub replica_max_lag: Duration,
}

impl Settings {
    /// Defaults for a given database, as `serve` would use them.
    pub fn for_database(database_url: DatabaseUrl) -> Self {
        Self {
            bind: "127.0.0.1:8080".into(),
            database_url,
            pool: PoolOptions::default(),
            data_dir: PathBuf::from("data"),
            session_key: None,
            secure_cookies: false,
            allow_rls_bypass: false,
            session_idle_timeout: Duration::from_secs(30 * 60),
            session_absolute_timeout: Duration::from_secs(12 * 60 * 60),
            workers: None,
            metrics_token: None,
            tenant_cache_ttl: crate::db::DEFAULT_TENANT_CACHE_TTL,
            statement_timeout: crate::db::DEFAULT_STATEMENT_TIMEOUT,
            mail: MailSettings::default(),
            listen_url: None,
            replica_urls: Vec::new(),
            replica_max_lag: crate::db::replicas::DEFAULT_MAX_LAG,
        }
    }

    /// `serve`'s flags over the database settings. The session key's length is checked
    /// by the caller, which can fail.
    pub fn serving(self, args: ServeArgs) -> Self {
        let mut pool = self.pool;
        if let Some(size) = args.pool_size {
            pool.max_size = size.max(1);
        }
        pool.acquire_timeout = Duration::from_millis(args.pool_timeout_ms.max(1));
        Self {
            bind: args.bind,
            secure_cookies: args.secure_cookies,
            session_key: args.session_key.map(String::into_bytes),
            pool,
            workers: args.workers,
            statement_timeout: Duration::from_millis(args.statement_timeout_ms.max(1)),
            metrics_token: args.metrics_token,
            tenant_cache_ttl: Duration::from_secs(args.tenant_cache_seconds),
            session_idle_timeout: Duration::from_secs(args.session_idle_minutes * 60),
            session_absolute_timeout: Duration::from_secs(args.session_max_hours * 3600),
            mail: MailSettings {
                worker: !args.no_mail_worker,
                smtp_url: args.smtp_url,
                from: args.mail_from,
                lease: Duration::from_secs(args.mail_lease_seconds.max(1)),
                senders: args.mail_senders.clamp(1, 32),
                ..self.mail
            },
            listen_url: args.listen_url,
            replica_urls: args.replica_urls.into_iter().filter(|u| !u.trim().is_empty()).collect(),
            replica_max_lag: Duration::from_millis(args.replica_max_lag_ms),
            ..self
        }
    }
}

/// An operator command's settings: the database and data directory from the flags.
impl TryFrom<&DatabaseArgs> for Settings {
    type Error = UrlError;

    fn try_from(args: &DatabaseArgs) -> Result<Self, UrlError> {
        // The default file follows --data-dir.
        let url = if args.database_url == DatabaseUrl::DEFAULT_SQLITE {
            DatabaseUrl::Sqlite(args.data_dir.join("hotelier.db"))
        } else {
            DatabaseUrl::parse(&args.database_url)?
        };
        Ok(Self {
            data_dir: args.data_dir.clone(),
            allow_rls_bypass: args.allow_rls_bypass,
            statement_timeout: OPERATOR_STATEMENT_TIMEOUT,
            ..Self::for_database(url)
        })
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Destructured, so that a new field has to be placed here, redacted or not.
        let Self {
            bind,
            database_url,
            pool,
            data_dir,
            session_key,
            secure_cookies,
            allow_rls_bypass,
            session_idle_timeout,
            session_absolute_timeout,
            workers,
            metrics_token,
            tenant_cache_ttl,
            statement_timeout,
            mail,
            listen_url,
            replica_urls,
            replica_max_lag,
        } = self;
        let redacted = |set: bool| if set { "Some([redacted])" } else { "None" };
        f.debug_struct("Settings")
            .field("bind", bind)
            // DatabaseUrl's Debug replaces the password.
            .field("database_url", database_url)
            .field("pool", pool)
            .field("data_dir", data_dir)
            .field("session_key", &format_args!("{}", redacted(session_key.is_some())))
            .field("secure_cookies", secure_cookies)
            .field("allow_rls_bypass", allow_rls_bypass)
            .field("session_idle_timeout", session_idle_timeout)
            .field("session_absolute_timeout", session_absolute_timeout)
            .field("workers", workers)
            .field("metrics_token", &format_args!("{}", redacted(metrics_token.is_some())))
            .field("tenant_cache_ttl", tenant_cache_ttl)
            .field("statement_timeout", statement_timeout)
            .field("mail", mail)
            .field("listen_url", &listen_url.clone().map(crate::db::DatabaseUrl::Postgres))
            .field(
                "replica_urls",
                &replica_urls.iter().cloned().map(crate::db::DatabaseUrl::Postgres).collect::<Vec<_>>(),
            )
            .field("replica_max_lag", replica_max_lag)
            .finish()
    }
}

/// The session key from config, or the one kept in `data_dir/session.key`, made on first
/// use. Returns whether it was generated now, so the caller can warn.
pub fn load_or_create_session_key(configured: Option<&[u8]>, data_dir: &Path) -> std::io::Result<(Vec<u8>, bool)> {
    if let Some(key) = configured {
        return Ok((key.to_vec(), false));
    }
    let path = data_dir.join("session.key");
    match std::fs::read(&path) {
        Ok(key) if key.len() >= 64 => Ok((key, false)),
        _ => {
            use rand::RngCore;
            let mut key = vec![0u8; 64];
            rand::rngs::OsRng.fill_bytes(&mut key);
            std::fs::create_dir_all(data_dir)?;
            write_private(&path, &key)?;
            Ok((key, true))
        }
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?;
    file.write_all(bytes)
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_no_secret() {
        let url = DatabaseUrl::parse("postgres://hotelier:db-pa55word@db.example:5432/hotelier").unwrap();
        let mut settings = Settings::for_database(url);
        settings.session_key = Some(b"session-key-bytes-".repeat(4));
        settings.metrics_token = Some("metrics-t0ken".into());
        let shown = format!("{settings:?}");
        for secret in ["db-pa55word", "session-key-bytes-", "metrics-t0ken"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        // Bytes would show as numbers: the key's first byte must not either.
        assert!(!shown.contains("[115, 101"), "{shown}");
        // What is not secret still shows.
        assert!(shown.contains("db.example") && shown.contains("127.0.0.1:8080"), "{shown}");
        assert!(shown.contains("session_key: Some([redacted])"), "{shown}");
    }

    #[test]
    fn serve_flags_over_the_database_settings() {
        use clap::Parser;
        #[derive(Parser)]
        struct Flags {
            #[command(flatten)]
            database: DatabaseArgs,
            #[command(flatten)]
            serve: ServeArgs,
        }
        let flags = Flags::parse_from(["hotelier", "--data-dir", "/tmp/h", "--pool-size", "0", "--metrics-token", "t"]);
        let settings = Settings::try_from(&flags.database).unwrap();
        assert_eq!(settings.statement_timeout, OPERATOR_STATEMENT_TIMEOUT);
        assert_eq!(settings.database_url, DatabaseUrl::Sqlite(PathBuf::from("/tmp/h/hotelier.db")));
        let settings = settings.serving(flags.serve);
        assert_eq!(settings.pool.max_size, 1);
        assert_eq!(settings.statement_timeout, Duration::from_millis(5000));
        assert_eq!(settings.session_idle_timeout, Duration::from_secs(30 * 60));
        assert_eq!(settings.metrics_token.as_deref(), Some("t"));
        assert_eq!(settings.data_dir, PathBuf::from("/tmp/h"));
    }
}
