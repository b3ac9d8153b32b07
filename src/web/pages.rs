//! Rendering: the page chrome shared by every signed-in page, the render helpers, and
//! the error page (which shows the request id, never internals).

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse};
use askama::Template;
use tracing_actix_web::RequestId;

use super::error::Reply;
use super::extract::{Member, TenantCtx};
use super::session::{self, Flash};
use super::urls;
use crate::domain::roles::{Capability, Grants};
use crate::domain::Role;
use crate::web::error::AppError;

/// What the layout needs to know about the member, gathered inside the transaction.
#[derive(Clone, Debug)]
pub struct MemberView {
    pub org_name: String,
    pub org_plan: &'static str,
    pub currency: String,
    pub locale: String,
    pub timezone: String,
    pub user_name: String,
    pub role: Role,
    pub visiting: bool,
    pub grants: Grants,
    pub plan: crate::domain::Plan,
}

impl Member {
    pub fn view(&self) -> MemberView {
        let tenant = &self.acting.tenant;
        MemberView {
            org_name: tenant.name.clone(),
            org_plan: tenant.plan.as_str(),
            currency: tenant.currency.clone(),
            locale: tenant.locale.clone(),
            timezone: tenant.timezone.clone(),
            user_name: self.acting.user.full_name.clone(),
            role: self.role(),
            visiting: self.visiting,
            grants: self.grants.clone(),
            plan: tenant.plan,
        }
    }
}

impl MemberView {
    /// The role (or a grant) allows it, and the plan includes what it needs: the route
    /// check of `admission`, so the navigation shows exactly what would be admitted.
    pub fn can(&self, cap: Capability) -> bool {
        super::admission::capability(&self.grants, self.plan, cap).is_ok()
    }
}

pub struct NavItem {
    pub key: &'static str,
    pub label: &'static str,
    pub href: String,
}

/// A navigation entry: its key (for the active page), label, where it goes, and the
/// capability it needs.
type NavEntry = (&'static str, &'static str, fn() -> String, Capability);

/// The navigation, in order, with the capability each entry needs.
const NAV: &[NavEntry] = &[
    ("dashboard", "Dashboard", urls::dashboard, Capability::View),
    ("reservations", "Reservations", urls::reservations, Capability::View),
    ("calendar", "Tape chart", urls::calendar, Capability::View),
    ("reports", "Reports", urls::reports, Capability::Reports),
    ("kiosk", "Front desk kiosk", urls::kiosk, Capability::Kiosk),
    ("hotels", "Hotels", urls::hotels, Capability::View),
    ("rooms", "Rooms", urls::rooms, Capability::View),
    ("housekeeping", "Housekeeping", urls::housekeeping, Capability::View),
    ("guests", "Guests", urls::guests, Capability::View),
];
const NAV_ORG: &[NavEntry] = &[
    ("members", "Users", urls::members, Capability::SettingsView),
    ("settings", "Settings", urls::settings, Capability::SettingsView),
    ("audit", "Audit log", urls::audit, Capability::AuditView),
];

/// The layout around every signed-in page.
pub struct Chrome {
    pub member: MemberView,
    pub csrf: String,
    pub flash: Option<Flash>,
    pub active: &'static str,
    pub nav: Vec<NavItem>,
    pub nav_org: Vec<NavItem>,
}

fn nav_for(member: &MemberView, items: &[NavEntry]) -> Vec<NavItem> {
    items
        .iter()
        .filter(|(.., cap)| member.can(*cap))
        .map(|&(key, label, href, _)| NavItem { key, label, href: href() })
        .collect()
}

impl Chrome {
    pub fn new(ctx: &TenantCtx, member: MemberView, active: &'static str) -> Self {
        let nav = nav_for(&member, NAV);
        let nav_org = nav_for(&member, NAV_ORG);
        Self { flash: session::take_flash(ctx.session()), csrf: ctx.csrf().to_owned(), member, active, nav, nav_org }
    }

    pub fn can(&self, cap: Capability) -> bool {
        self.member.can(cap)
    }

    pub fn role_label(&self) -> &'static str {
        self.member.role.label()
    }

    pub fn role_key(&self) -> &'static str {
        self.member.role.as_str()
    }

    /// A folio balance as the desk reads it: "Balance due $75.50", "Credit $75.50" or
    /// "Settled", never a negative amount due.
    pub fn standing(&self, balance: impl std::borrow::Borrow<i64>) -> String {
        let standing = crate::domain::money::Standing::of(*balance.borrow());
        match standing.amount() {
            Some(amount) => format!("{} {}", standing.label(), self.money(amount)),
            None => standing.label().to_owned(),
        }
    }

    /// The same, to follow "Folio · ": "balance due $75.50", "credit $75.50", "settled".
    pub fn standing_after(&self, balance: impl std::borrow::Borrow<i64>) -> String {
        let text = self.standing(balance);
        let mut chars = text.chars();
        chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
    }

    /// Formats minor units in the organization's currency.
    pub fn money(&self, minor: impl std::borrow::Borrow<i64>) -> String {
        crate::domain::money::format(*minor.borrow(), &self.member.currency, &self.member.locale)
    }
}

/// Renders a template with a status.
pub fn render(status: StatusCode, page: &impl Template) -> Reply {
    let body = page.render().map_err(|e| anyhow::anyhow!("template: {e}"))?;
    Ok(HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body))
}

pub fn ok(page: &impl Template) -> Reply {
    render(StatusCode::OK, page)
}

/// 303 See Other: the answer to a successful POST.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header(("Location", location)).finish()
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage<'a> {
    status: u16,
    title: &'a str,
    message: &'a str,
    request_id: Option<&'a str>,
}

pub fn error_page(status: StatusCode, message: &str, request_id: Option<&str>) -> HttpResponse {
    let title = status.canonical_reason().unwrap_or("Error");
    let page = ErrorPage { status: status.as_u16(), title, message, request_id };
    match page.render() {
        Ok(body) => HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body),
        Err(_) => HttpResponse::build(status).body(message.to_owned()),
    }
}

/// Renders the error page, once, with the request id: for an `AppError` (whose own
/// response has no body, see `web::error`), and for bare 404/405s (no route) and other
/// plain-text client and server errors. An HTML error response made elsewhere (the form
/// reader's 400) is left as it is.
pub async fn error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let request_id = req.extensions().get::<RequestId>().map(|id| id.to_string());
    let res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(res);
    }
    let is_html =
        res.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    let message = match res.response().error().and_then(|e| e.as_error::<AppError>()) {
        Some(app) => app.public_message(),
        None if is_html => return Ok(res),
        None if status == StatusCode::NOT_FOUND => AppError::NotFound.public_message(),
        None if status == StatusCode::METHOD_NOT_ALLOWED => "That action is not available here.".into(),
        None if status.is_client_error() => "The request could not be understood. Go back and try again.".into(),
        None => AppError::Unexpected(anyhow::anyhow!("")).public_message(),
    };
    let (req, res) = res.into_parts();
    let mut page = error_page(status, &message, request_id.as_deref());
    for (name, value) in res.headers() {
        if name.as_str().starts_with("set-cookie") || name == "location" {
            page.headers_mut().append(name.clone(), value.clone());
        }
    }
    Ok(ServiceResponse::new(req, page))
}
