//! What every handler can reach, in a module of its own so that handlers need not
//! depend on the router (`web::mod`) for it.

use std::sync::Arc;

use super::{auth, metrics};
use crate::config::Settings;
use crate::db::Db;

/// What every handler is given.
pub type State = actix_web::web::Data<AppState>;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub login_limiter: auth::LoginLimiter,
    pub metrics: Arc<metrics::Metrics>,
    /// The session store's cache, for handlers that end a user's sessions.
    pub sessions: std::sync::Arc<crate::db::cache::SessionCache>,
    /// PostgreSQL: the cache listener's state, for `/readyz` and `/metrics`.
    pub listener: Option<Arc<crate::db::invalidation::ListenerStatus>>,
}

impl AppState {
    pub fn new(db: Db, settings: Settings, listener: Option<Arc<crate::db::invalidation::ListenerStatus>>) -> Self {
        let sessions = db.session_cache();
        Self {
            db,
            settings: Arc::new(settings),
            login_limiter: auth::login_limiter(),
            metrics: metrics::Metrics::new(),
            sessions,
            listener,
        }
    }
}
