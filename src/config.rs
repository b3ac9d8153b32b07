//! Settings from flags and environment variables. Secrets are never logged.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::db::{DatabaseUrl, PoolOptions};

#[derive(Clone, Debug)]
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
        }
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
