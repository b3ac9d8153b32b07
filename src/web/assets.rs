//! Static files, embedded in the binary so it runs from any directory.

use actix_web::HttpResponse;

const APP_CSS: &str = include_str!("../../static/app.css");
const KIOSK_JS: &str = include_str!("../../static/kiosk.js");

fn asset(content_type: &str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok().content_type(content_type).insert_header(("Cache-Control", "public, max-age=3600")).body(body)
}

pub async fn stylesheet() -> HttpResponse {
    asset("text/css; charset=utf-8", APP_CSS)
}

/// The kiosk's idle timer (see `web::kiosk`): the only script, served from here so that
/// the CSP's `default-src 'self'` allows it.
pub async fn kiosk_script() -> HttpResponse {
    asset("text/javascript; charset=utf-8", KIOSK_JS)
}
