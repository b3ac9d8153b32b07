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
            let replicas = state.db.replicas().map(|r| replica_lines(r)).unwrap_or_default();
            HttpResponse::Ok().content_type("text/plain; charset=utf-8").body(format!("ready{listener}{replicas}"))
        }
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "readiness check failed");
            HttpResponse::ServiceUnavailable().content_type("text/plain; charset=utf-8").body("database unavailable")
        }
        Err(_) => HttpResponse::ServiceUnavailable().body("database unavailable"),
    }
}

/// A line per replica: up or skipped, its lag, and its share of the reads that could
/// have run on a replica.
fn replica_lines(replicas: &crate::db::replicas::Replicas) -> String {
    let status = replicas.status();
    let primary = replicas.primary_served.load(std::sync::atomic::Ordering::Relaxed);
    let total = primary + status.iter().map(|r| r.served).sum::<u64>();
    let share = |n: u64| (n * 100).checked_div(total).unwrap_or(0);
    let mut out = format!("\nreads on the primary: {} %", share(primary));
    for (n, r) in status.iter().enumerate() {
        let state = if r.up { "up" } else { "skipped" };
        out.push_str(&format!(
            "\nreplica {n} ({}): {state}, lag {} ms, {} % of reads",
            r.name,
            r.lag.as_millis(),
            share(r.served)
        ));
    }
    out
}
