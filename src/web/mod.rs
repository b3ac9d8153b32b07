//! HTTP: routes, extractors, handlers and page structs. Handlers contain no Diesel code.

pub mod assets;
pub mod health;
pub mod pages;

use std::sync::Arc;

use actix_web::middleware::DefaultHeaders;
use actix_web::web::ServiceConfig;

use crate::config::Settings;
use crate::db::Db;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub session_key: Arc<Vec<u8>>,
}

impl AppState {
    pub fn new(db: Db, settings: Settings, session_key: Vec<u8>) -> Self {
        Self { db, settings: Arc::new(settings), session_key: Arc::new(session_key) }
    }
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz).service(health::readyz).service(assets::stylesheet).service(pages::home);
}

/// DESIGN §7's headers on every response.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "same-origin"))
}
