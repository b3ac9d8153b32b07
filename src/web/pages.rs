//! Page structs and the shared error page.

use actix_web::http::StatusCode;
use actix_web::{get, HttpResponse};
use askama::Template;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage;

#[get("/")]
pub async fn home() -> Result<HttpResponse, crate::error::AppError> {
    render(StatusCode::OK, &HomePage)
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage<'a> {
    status: u16,
    title: &'a str,
    message: &'a str,
}

/// Renders a template, turning a template failure into a plain 500.
pub fn render(status: StatusCode, page: &impl Template) -> Result<HttpResponse, crate::error::AppError> {
    let body = page.render().map_err(|e| anyhow::anyhow!("template: {e}"))?;
    Ok(HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body))
}

pub fn error_page(status: StatusCode, message: String) -> HttpResponse {
    let title = status.canonical_reason().unwrap_or("Error");
    let page = ErrorPage { status: status.as_u16(), title, message: &message };
    match page.render() {
        Ok(body) => HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body),
        Err(_) => HttpResponse::build(status).body(message),
    }
}
