//! CSRF: every state-changing request carries the session's token, as the `csrf_token`
//! form field or the `X-CSRF-Token` header. Checked here, once, for every route.

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{Error, HttpMessage};

use super::session::SessionState;
use crate::web::error::AppError;

pub const FIELD: &str = "csrf_token";
const HEADER: &str = "x-csrf-token";

pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let expected = SessionState::load(&req.get_session()).csrf;
    let mut presented = req.headers().get(HEADER).and_then(|v| v.to_str().ok()).map(str::to_owned);
    if presented.is_none() && req.content_type() == "application/x-www-form-urlencoded" {
        let body = req.extract::<Bytes>().await?;
        presented = form_field(&body, FIELD);
        req.set_payload(actix_web::dev::Payload::from(body));
    }
    match presented {
        Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => {
            Ok(next.call(req).await?.map_into_boxed_body())
        }
        // A response (not an Err) so the error-page middleware outside can dress it.
        _ => Ok(req.error_response(AppError::Csrf)),
    }
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(body).find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
}

pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_the_token_field() {
        assert_eq!(super::form_field(b"a=1&csrf_token=ab%20c&b=2", "csrf_token").as_deref(), Some("ab c"));
        assert_eq!(super::form_field(b"a=1", "csrf_token"), None);
        assert!(super::constant_time_eq(b"abc", b"abc") && !super::constant_time_eq(b"abc", b"abd"));
        assert!(!super::constant_time_eq(b"abc", b"ab"));
    }
}
