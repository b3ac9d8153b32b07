//! Structured logging with `tracing`. Each request has one root span (tracing-actix-web,
//! built by [`RequestSpan`]) carrying the request id and route, and the `user` and
//! `tenant` fields, which the extractors fill in (`SignedIn`: user, `TenantCtx`: tenant)
//! through [`record_user`] and [`record_tenant`]. `Db::blocking` runs its closure inside
//! the caller's span, so the log lines of the database work carry them too.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::{HttpMessage, HttpRequest};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RootSpan, RootSpanBuilder};
use tracing_subscriber::{fmt, EnvFilter};

use crate::domain::{TenantId, UserId};

pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn"));
    let _ = fmt().with_env_filter(filter).with_target(false).with_writer(std::io::stderr).try_init();
}

/// The root span of a request: tracing-actix-web's fields, plus `user` and `tenant`
/// (empty until an extractor records them).
pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        tracing_actix_web::root_span!(request, user = tracing::field::Empty, tenant = tracing::field::Empty)
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, actix_web::Error>) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// Records the signed-in user on the request's root span.
pub fn record_user(req: &HttpRequest, user: UserId) {
    if let Some(span) = req.extensions().get::<RootSpan>() {
        span.record("user", tracing::field::display(user));
    }
}

/// Records the organization the request works in on its root span.
pub fn record_tenant(req: &HttpRequest, tenant: TenantId) {
    if let Some(span) = req.extensions().get::<RootSpan>() {
        span.record("tenant", tracing::field::display(tenant));
    }
}
