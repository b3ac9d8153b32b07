//! Liveness and readiness probes.

use actix_web::{web, HttpResponse};

use super::state::State;

/// The process is alive; touches nothing else.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ok")
}

/// The database answers. 503 while it does not.
pub async fn readyz(state: State) -> HttpResponse {
    let db = state.db.clone();
    let outcome = web::block(move || db.ping()).await;
    match outcome {
        Ok(Ok(())) => {
            // The listener's state is told, not required: without it this instance's
            // caches only follow other instances within their TTL.
            let listener = match &state.listener {
                Some(l) if l.connected.load(std::sync::atomic::Ordering::Relaxed) => "\ncache listener: connected",
                Some(_) => "\ncache listener: reconnecting",
                None => "",
            };
            HttpResponse::Ok().content_type("text/plain; charset=utf-8").body(format!("ready{listener}"))
        }
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "readiness check failed");
            HttpResponse::ServiceUnavailable().content_type("text/plain; charset=utf-8").body("database unavailable")
        }
        Err(_) => HttpResponse::ServiceUnavailable().body("database unavailable"),
    }
}
