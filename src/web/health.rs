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
        Ok(Ok(())) => HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ready"),
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "readiness check failed");
            HttpResponse::ServiceUnavailable().content_type("text/plain; charset=utf-8").body("database unavailable")
        }
        Err(_) => HttpResponse::ServiceUnavailable().body("database unavailable"),
    }
}
