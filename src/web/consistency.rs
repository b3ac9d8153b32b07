//! Read-your-writes with read replicas (see `db::replicas`). With replicas configured,
//! every request runs with a [`Consistency`]: whether the route only reads (the route
//! table's GET and HEAD routes), and the WAL position of this browser's last write, which
//! its cookie carries. A request that wrote sends the position it reached back in the
//! cookie, so the same browser's next page reads on a replica only once that replica has
//! replayed it. The cookie opens nothing: a forged value can only send its own reads to
//! the primary, or to a replica that has not caught up with its own writes; row-level
//! security applies on every replica as on the primary.

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;

use crate::db::replicas::{Consistency, REQUEST};

/// The cookie with this browser's last write position (hex).
pub const COOKIE: &str = "hotelier_wal";

pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let secure = match req.app_data::<super::state::State>() {
        Some(state) if state.db.replicas().is_some() => state.settings.secure_cookies,
        _ => return next.call(req).await,
    };
    let read_only = matches!(*req.method(), Method::GET | Method::HEAD);
    let floor = req.cookie(COOKIE).and_then(|c| u64::from_str_radix(c.value(), 16).ok()).unwrap_or(0);
    let request = Arc::new(Consistency::new(read_only, floor));
    let mut res = REQUEST.scope(request.clone(), next.call(req)).await?;
    let wrote = request.wrote();
    if wrote > floor {
        let cookie = Cookie::build(COOKIE, format!("{wrote:x}"))
            .path("/")
            .http_only(true)
            .secure(secure)
            .same_site(SameSite::Lax)
            .finish();
        // A response that already failed keeps its status; the cookie is only a hint.
        let _ = res.response_mut().add_cookie(&cookie);
    }
    Ok(res)
}
