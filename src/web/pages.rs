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
use crate::i18n::{Msg, Tr};
use crate::web::error::AppError;

/// What the layout needs to know about the member, gathered inside the transaction.
#[derive(Clone, Debug)]
pub struct MemberView {
    pub org_name: String,
    pub timezone: String,
    pub user_name: String,
    pub role: Role,
    pub visiting: bool,
    pub grants: Grants,
    pub plan: crate::domain::Plan,
    pub tr: Tr,
}

impl Member {
    pub fn view(&self) -> MemberView {
        let tenant = &self.acting.tenant;
        MemberView {
            org_name: tenant.name.clone(),
            timezone: tenant.timezone.clone(),
            user_name: self.acting.user.full_name.clone(),
            role: self.role(),
            visiting: self.visiting,
            grants: self.grants.clone(),
            plan: tenant.plan,
            tr: self.tr(),
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
    pub label: String,
    pub href: String,
}

/// A navigation entry: its key (for the active page), its label's catalogue key, where it
/// goes, and the capability it needs.
type NavEntry = (&'static str, &'static str, fn() -> String, Capability);

/// The navigation, in order, with the capability each entry needs.
const NAV: &[NavEntry] = &[
    ("dashboard", "nav-dashboard", urls::dashboard, Capability::View),
    ("reservations", "nav-reservations", urls::reservations, Capability::View),
    ("calendar", "nav-calendar", urls::calendar, Capability::View),
    ("rates", "nav-rates", urls::rates, Capability::View),
    ("invoices", "nav-invoices", urls::invoices, Capability::View),
    ("reports", "nav-reports", urls::reports, Capability::Reports),
    ("kiosk", "nav-kiosk", urls::kiosk, Capability::Kiosk),
    ("hotels", "nav-hotels", urls::hotels, Capability::View),
    ("rooms", "nav-rooms", urls::rooms, Capability::View),
    ("housekeeping", "nav-housekeeping", urls::housekeeping, Capability::View),
    ("guests", "nav-guests", urls::guests, Capability::View),
    ("companies", "nav-companies", urls::companies, Capability::View),
];
const NAV_ORG: &[NavEntry] = &[
    ("members", "nav-members", urls::members, Capability::SettingsView),
    ("settings", "nav-settings", urls::settings, Capability::SettingsView),
    ("audit", "nav-audit", urls::audit, Capability::AuditView),
];

/// The layout around every signed-in page. It reads messages out in the member's
/// language (it dereferences to their [`Tr`]): `{{ chrome.t("key") }}`.
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
        .map(|&(key, label, href, _)| NavItem { key, label: member.tr.t(label), href: href() })
        .collect()
}

impl std::ops::Deref for Chrome {
    type Target = Tr;
    fn deref(&self) -> &Tr {
        &self.member.tr
    }
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

    pub fn role_label(&self) -> String {
        self.member.tr.label(self.member.role)
    }

    pub fn role_key(&self) -> &'static str {
        self.member.role.as_str()
    }

    /// A folio balance as the desk reads it: "Balance due $75.50", "Credit $75.50" or
    /// "Settled", never a negative amount due.
    pub fn standing(&self, balance: impl crate::i18n::Whole) -> String {
        let standing = crate::domain::money::Standing::of(balance.whole());
        match standing.amount() {
            Some(amount) => self.t1(standing.label_key(), "amount", crate::i18n::Arg::Money(amount)),
            None => self.t(standing.label_key()),
        }
    }
}

/// A folio line as the reader reads it: a room charge names its night in their language
/// (the stored description is the system's own note, written when it was posted); any
/// other entry shows the description that was typed.
pub fn entry_text(tr: &Tr, entry: &crate::db::folio::FolioEntry) -> String {
    match (entry.kind, entry.service_date) {
        (crate::domain::FolioKind::RoomCharge, Some(night)) => tr.t1("folio-room-night", "date", night),
        _ => entry.description.clone(),
    }
}

/// A message with one argument set in bold (`<strong>`): the catalogue's words around
/// `value`, which is HTML-escaped, for a template that prints the result with `|safe`.
pub fn with_bold(tr: &Tr, key: &str, name: &str, value: &str) -> String {
    let escaped = askama::filters::escape(value, askama::filters::Html).map(|e| e.to_string()).unwrap_or_default();
    tr.t1(key, name, format!("<strong>{escaped}</strong>"))
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
    tr: Tr,
    status: u16,
    title: String,
    message: String,
    request_id: Option<&'a str>,
}

/// The error page, in `tr`'s language: the status's name and what went wrong.
pub fn error_page(status: StatusCode, message: &Msg, tr: Tr, request_id: Option<&str>) -> HttpResponse {
    let code = status.as_u16();
    let title = match code {
        400 | 403 | 404 | 405 | 409 | 413 | 422 | 429 | 500 | 503 => tr.t(&format!("status-{code}")),
        _ => tr.t("status-other"),
    };
    let page = ErrorPage { tr, status: code, title, message: tr.msg(message), request_id };
    match page.render() {
        Ok(body) => HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body),
        Err(_) => HttpResponse::build(status).body(page.message),
    }
}

/// The language of a page made without a handler's help (the error page): the
/// session's last language, else the browser's.
pub fn request_tr(req: &actix_web::HttpRequest) -> Tr {
    use actix_session::SessionExt;
    let lang = session::SessionState::load(&req.get_session()).lang;
    super::extract::RequestMeta::from_request(req).tr(None, lang.as_deref())
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
        None if status == StatusCode::METHOD_NOT_ALLOWED => Msg::new("error-method"),
        None if status.is_client_error() => Msg::new("error-bad-request"),
        None => AppError::Unexpected(anyhow::anyhow!("")).public_message(),
    };
    let (req, res) = res.into_parts();
    let mut page = error_page(status, &message, request_tr(&req), request_id.as_deref());
    for (name, value) in res.headers() {
        if name.as_str().starts_with("set-cookie") || name == "location" {
            page.headers_mut().append(name.clone(), value.clone());
        }
    }
    Ok(ServiceResponse::new(req, page))
}
