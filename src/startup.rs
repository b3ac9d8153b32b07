//! Building the database and the HTTP server: shared by `main` and the tests, so the
//! tests start the real app.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::{web as aweb, App, HttpServer};
use anyhow::Context;
use tracing_actix_web::TracingLogger;

use crate::config::Settings;
use crate::db::{self, health, migrations, Db};
use crate::web;

/// Connects, refuses a role that would defeat row-level security, and migrates.
/// Blocking: call it before starting the server, or from a blocking task.
pub fn prepare_database(settings: &Settings) -> anyhow::Result<Db> {
    let db = connect(settings)?;
    let mut conn = db.checkout()?;
    if let Some(role) = health::current_role(&mut conn).context("cannot read the database role")? {
        if role.defeats_rls() {
            let why = if role.is_superuser { "is a superuser" } else { "has BYPASSRLS" };
            if !settings.allow_rls_bypass {
                anyhow::bail!(
                    "database role `{}` {why}, so row-level security would not apply; connect as the \
                     non-superuser app role (see README, \"PostgreSQL\") or pass --allow-rls-bypass",
                    role.name
                );
            }
            tracing::warn!(role = %role.name, "database role {why}: row-level security is NOT enforced (--allow-rls-bypass)");
        }
    }
    let applied = migrations::run_pending(&mut conn).map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
    if !applied.is_empty() {
        tracing::info!(count = applied.len(), "applied migrations");
    }
    Ok(db)
}

/// Connects and nothing else: no role check, no migrations (`hotelier doctor`).
pub fn connect(settings: &Settings) -> anyhow::Result<Db> {
    let url = &settings.database_url;
    Db::connect(url, &settings.pool)
        .map(|db| db.with_statement_timeout(settings.statement_timeout))
        .map_err(|e| anyhow::anyhow!("cannot connect to database {}: {}", url.redacted(), plain(&e.to_string())))
}

/// Turns a multi-line driver message into one line.
fn plain(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub struct Application {
    port: u16,
    server: Server,
    /// The outbox worker's senders, when this instance runs one; stopped with the
    /// application.
    mailer: Vec<crate::mailer::WorkerHandle>,
    /// PostgreSQL: the listener that applies other instances' changes to the caches.
    listener: Option<db::invalidation::Listener>,
    /// SQLite: this instance's claim on the file (see [`claim_sqlite`]).
    _sqlite: Option<std::sync::Arc<std::fs::File>>,
}

impl Application {
    /// Binds the listener (port 0 picks a free one) and builds the server.
    pub fn build(settings: Settings, db: Db) -> anyhow::Result<Self> {
        let listener =
            TcpListener::bind(&settings.bind).with_context(|| format!("cannot listen on {}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let (session_key, generated) =
            crate::config::load_or_create_session_key(settings.session_key.as_deref(), &settings.data_dir)
                .context("cannot read or create the session key")?;
        if generated {
            tracing::warn!(dir = %settings.data_dir.display(), "no session key configured: generated one and kept it in the data directory");
        }
        let sqlite = claim_sqlite(&settings.database_url)?;
        let db = with_replicas(db.with_tenant_cache_ttl(settings.tenant_cache_ttl), &settings)?;
        let caches = match &settings.database_url {
            db::DatabaseUrl::Postgres(url) => {
                let url = settings.listen_url.clone().unwrap_or_else(|| url.clone());
                Some(db::invalidation::Listener::spawn(url, db.caches()))
            }
            db::DatabaseUrl::Sqlite(_) => None,
        };
        let mailer = if settings.mail.worker {
            let transport = crate::mailer::Transport::of(&settings.mail, &settings.data_dir)?;
            crate::mailer::Worker::spawn_senders(&db, &transport, &settings.mail)
        } else {
            vec![]
        };
        let state = web::AppState::new(db, settings.clone(), caches.as_ref().map(|l| l.status.clone()));
        let sessions = web::session_store::DbSessionStore::new(state.db.clone());
        let mut server = HttpServer::new(move || {
            // The last `wrap` is the outermost: logging sees everything; the session is
            // loaded before the error pages and the CSRF guard run.
            App::new()
                .wrap(actix_web::middleware::from_fn(web::consistency::track))
                .wrap(actix_web::middleware::from_fn(web::csrf::guard))
                .wrap(actix_web::middleware::from_fn(web::pages::error_pages))
                .wrap(web::session::middleware(&state.settings, &session_key, sessions.clone()))
                .wrap(actix_web::middleware::from_fn(web::session_store::unavailable))
                .wrap(web::security_headers())
                .wrap(actix_web::middleware::from_fn(web::metrics::record))
                .wrap(TracingLogger::<crate::telemetry::RequestSpan>::new())
                .app_data(aweb::Data::new(state.clone()))
                .app_data(web::form_config())
                .configure(web::routes)
        })
        .listen(listener)?;
        if let Some(workers) = settings.workers {
            server = server.workers(workers);
        }
        Ok(Self { port, server: server.run(), mailer, listener: caches, _sqlite: sqlite })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let Self { server, mailer, listener, _sqlite: sqlite, .. } = self;
        let out = server.await;
        drop(mailer);
        drop(listener);
        drop(sqlite);
        out
    }
}

/// `db` with the read replicas of `settings`, if any (PostgreSQL only).
fn with_replicas(db: Db, settings: &Settings) -> anyhow::Result<Db> {
    if settings.replica_urls.is_empty() {
        return Ok(db);
    }
    anyhow::ensure!(db.backend() == db::Backend::Postgres, "read replicas need a PostgreSQL database");
    let mut urls = Vec::with_capacity(settings.replica_urls.len());
    for raw in &settings.replica_urls {
        match db::DatabaseUrl::parse(raw) {
            Ok(url @ db::DatabaseUrl::Postgres(_)) => urls.push(url),
            Ok(_) => anyhow::bail!("a replica URL must be postgres://…"),
            Err(e) => anyhow::bail!("replica URL: {e}"),
        }
    }
    let replicas = db::replicas::Replicas::start(&urls, &settings.pool, settings.replica_max_lag);
    tracing::info!(replicas = urls.len(), "read replicas configured");
    Ok(db.with_replicas(replicas))
}

/// SQLite serves one instance: its caches are the process's own, and only a PostgreSQL
/// database tells other instances what changed. A second process's `serve` on the same
/// file is refused while the first holds this lock (released when it exits, however it
/// exits); servers within one process (the tests) share it. The CLI's commands still work
/// beside a running server.
pub fn claim_sqlite(url: &db::DatabaseUrl) -> anyhow::Result<Option<std::sync::Arc<std::fs::File>>> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, Weak};
    static HELD: Mutex<Option<HashMap<std::path::PathBuf, Weak<std::fs::File>>>> = Mutex::new(None);
    let db::DatabaseUrl::Sqlite(path) = url else { return Ok(None) };
    if path.as_os_str() == ":memory:" {
        return Ok(None);
    }
    let mut lock = path.clone().into_os_string();
    lock.push(".serve-lock");
    let lock = std::path::PathBuf::from(lock);
    let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
    let held = held.get_or_insert_with(HashMap::new);
    if let Some(file) = held.get(&lock).and_then(Weak::upgrade) {
        return Ok(Some(file));
    }
    // The lock is taken before the first connection, which is what creates the file's
    // directory: on a fresh machine (`data/`) it does not exist yet.
    if let Some(dir) = lock.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .with_context(|| format!("cannot open {}", lock.display()))?;
    match file.try_lock() {
        Ok(()) => {
            let file = Arc::new(file);
            held.insert(lock, Arc::downgrade(&file));
            Ok(Some(file))
        }
        Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
            "another `hotelier serve` is already using {}: a SQLite database serves one instance \
             (several instances need PostgreSQL; see docs/SCALING.md)",
            path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => Err(e).with_context(|| format!("cannot lock {}", lock.display())),
    }
}

/// For `hotelier migrate`.
pub fn migrate_only(settings: &Settings) -> anyhow::Result<Vec<String>> {
    let db = db::Db::connect(&settings.database_url, &settings.pool).map_err(|e| {
        anyhow::anyhow!("cannot connect to database {}: {}", settings.database_url.redacted(), plain(&e.to_string()))
    })?;
    let mut conn = db.checkout()?;
    migrations::run_pending(&mut conn).map_err(|e| anyhow::anyhow!("migrations failed: {e}"))
}
