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
    /// The outbox worker, when this instance runs one; stopped with the application.
    mailer: Option<crate::mailer::WorkerHandle>,
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
        let db = db.with_tenant_cache_ttl(settings.tenant_cache_ttl);
        let mailer = if settings.mail.worker {
            let transport = crate::mailer::Transport::of(&settings.mail, &settings.data_dir)?;
            Some(crate::mailer::Worker::new(db.clone(), transport, &settings.mail).spawn(settings.mail.poll))
        } else {
            None
        };
        let state = web::AppState::new(db, settings.clone());
        let sessions = web::session_store::DbSessionStore::new(state.db.clone(), state.sessions.clone());
        let mut server = HttpServer::new(move || {
            // The last `wrap` is the outermost: logging sees everything; the session is
            // loaded before the error pages and the CSRF guard run.
            App::new()
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
        Ok(Self { port, server: server.run(), mailer })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let Self { server, mailer, .. } = self;
        let out = server.await;
        drop(mailer);
        out
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
