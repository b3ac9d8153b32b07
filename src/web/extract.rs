//! Extractors that turn a request into who is asking and where.
//!
//! * [`RequestMeta`]: ip, user agent and request id, for the audit log.
//! * [`SignedIn`]: a signed-in user, from the session alone (no database).
//! * [`TenantCtx`]: a signed-in user with an active tenant. Its `read`/`write` open the
//!   request's one transaction, load who is acting there, admit the request
//!   ([`admission::admit`]: account, membership, tenant status, trial, capability, plan)
//!   and only then run the handler's queries.
//!
//! They record who is asking (user, and tenant) on the request's root span, so every
//! log line of the request carries them (see `telemetry`).

use std::future::{ready, Ready};

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use chrono::Utc;
use tracing_actix_web::RequestId;

use super::admission::{self, Admission, Admitted};
use super::session::{self, SessionState};
use super::AppState;
use crate::db::audit::Event;
use crate::db::memberships::Acting;
use crate::db::{Access, TenantScope};
use crate::domain::roles::{Capability, Grants};
use crate::domain::{Role, TenantId, Timestamp, UserId};
use crate::web::error::AppError;

/// Where an audit event came from.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: String,
    /// The browser's `Accept-Language`, for pages read before a language is known.
    pub accept_language: Option<String>,
}

impl RequestMeta {
    pub fn from_request(req: &HttpRequest) -> Self {
        Self {
            ip: req.peer_addr().map(|a| a.ip().to_string()),
            user_agent: req
                .headers()
                .get("user-agent")
                .and_then(|v| v.to_str().ok())
                .map(|s| s.chars().take(300).collect()),
            request_id: req.extensions().get::<RequestId>().map(|id| id.to_string()).unwrap_or_default(),
            accept_language: req
                .headers()
                .get("accept-language")
                .and_then(|v| v.to_str().ok())
                .map(|s| s.chars().take(200).collect()),
        }
    }

    /// What a page without a signed-in member is read in: `own` (a user's setting), the
    /// session's last language, the browser's `Accept-Language`, then English.
    pub fn tr(&self, own: Option<&str>, session_lang: Option<&str>) -> crate::i18n::Tr {
        language_of(own, session_lang, self.accept_language.as_deref())
    }

    /// The same, for a page that needs nothing else of the request (the sign-in page, the
    /// kiosk's lock screen): the header is read, no origin is gathered.
    pub fn tr_of(req: &HttpRequest, session_lang: Option<&str>) -> crate::i18n::Tr {
        let accept = req.headers().get("accept-language").and_then(|v| v.to_str().ok());
        language_of(None, session_lang, accept)
    }

    /// Stamps an event with this request's origin.
    pub fn stamp(&self, mut event: Event) -> Event {
        event.ip = self.ip.clone();
        event.user_agent = self.user_agent.clone();
        event.request_id = Some(self.request_id.clone());
        event
    }
}

use actix_web::HttpMessage;

impl FromRequest for RequestMeta {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self::from_request(req)))
    }
}

fn language_of(own: Option<&str>, session_lang: Option<&str>, accept: Option<&str>) -> crate::i18n::Tr {
    let lang = crate::i18n::matching(own.into_iter().chain(session_lang))
        .or_else(|| accept.and_then(crate::i18n::from_accept_language))
        .unwrap_or_else(crate::i18n::default_language);
    crate::i18n::Tr::new(lang, crate::i18n::Currency::USD)
}

/// A signed-in user, from the cookie alone. Enforces the idle and absolute timeouts.
pub struct SignedIn {
    pub user: UserId,
    pub state: SessionState,
    pub session: Session,
    pub meta: RequestMeta,
}

impl SignedIn {
    /// The signed-in user of `req`'s session, with the timeouts enforced.
    pub fn from_http(req: &HttpRequest) -> Result<Self, AppError> {
        let session = req.get_session();
        let mut state = SessionState::load(&session);
        let user = state.user.ok_or(AppError::Unauthenticated)?;
        let settings = &req.app_data::<web::Data<AppState>>().ok_or(AppError::Unauthenticated)?.settings;
        let now = Utc::now().timestamp();
        let idle = settings.session_idle_timeout.as_secs() as i64;
        let absolute = settings.session_absolute_timeout.as_secs() as i64;
        if now - state.seen_at > idle || now - state.signed_in_at > absolute {
            end_session(&session, crate::i18n::Msg::new("auth-session-ended"));
            return Err(AppError::Unauthenticated);
        }
        // Refresh the idle clock at most once a minute (sooner for short timeouts), so
        // most responses set no cookie.
        if now - state.seen_at >= (idle / 4).clamp(1, 60) {
            state.seen_at = now;
            state.save(&session);
        }
        crate::telemetry::record_user(req, user);
        Ok(Self { user, state, session, meta: RequestMeta::from_request(req) })
    }
}

/// Loads the account and checks, in the database, that a session is still valid: the
/// account is active and its sessions were not ended since sign-in (`epoch`), the same
/// check as a tenant request's ([`admission::account`]). Every `SignedIn` route calls it
/// first, on the blocking pool.
pub fn check_account(db: &crate::db::Db, user: UserId, epoch: i32) -> Result<crate::db::users::User, AppError> {
    let account = db.user(user, Access::Read, |u| u.me())?;
    admission::account(&account, epoch)?;
    Ok(account)
}

impl SignedIn {
    /// What this user's pages outside an organization are read in: `own` is their
    /// setting, when the account was loaded.
    pub fn tr(&self, own: Option<&str>) -> crate::i18n::Tr {
        self.meta.tr(own, self.state.lang.as_deref())
    }

    /// The values `check_account` needs, which (unlike the session) cross threads.
    pub fn identity(&self) -> (UserId, i32) {
        (self.user, self.state.epoch)
    }

    /// Ends this session in the browser and leaves a notice for the sign-in page.
    pub fn end(&self, notice: impl Into<crate::i18n::Msg>) {
        end_session(&self.session, notice);
    }
}

/// Clears the session and starts a fresh one that carries only `notice`. (A purged
/// actix session ignores later inserts, so the notice would be lost.)
pub fn end_session(session: &Session, notice: impl Into<crate::i18n::Msg>) {
    session.clear();
    session.renew();
    session::set_flash(session, "info", notice);
}

impl FromRequest for SignedIn {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Self::from_http(req))
    }
}

/// The capability a route needs; set per route by `web::routes`.
#[derive(Clone, Copy, Debug)]
pub struct RouteCap(pub Capability);

/// A signed-in user inside their active tenant, for a route that needs `cap`.
pub struct TenantCtx {
    pub signed_in: SignedIn,
    pub tenant: TenantId,
    cap: Capability,
}

impl FromRequest for TenantCtx {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready((|| {
            let signed_in = SignedIn::from_http(req)?;
            let tenant = signed_in.state.tenant.ok_or(AppError::NoTenant)?;
            crate::telemetry::record_tenant(req, tenant);
            let cap = req
                .app_data::<RouteCap>()
                .map(|c| c.0)
                .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("route {} declares no capability", req.path())))?;
            Ok(Self { signed_in, tenant, cap })
        })())
    }
}

/// The verified actor inside the request's transaction.
pub struct Member {
    pub acting: Acting,
    pub grants: Grants,
    /// A super admin working inside a tenant they do not belong to.
    pub visiting: bool,
    pub meta: RequestMeta,
}

impl Member {
    /// A trial organization past `trial_ends_at` is read-only for its members (a visiting
    /// super admin may still act).
    pub fn trial_ended(&self) -> bool {
        admission::trial_ended(&self.acting.tenant, self.visiting, Timestamp::now())
    }

    pub fn can(&self, cap: Capability) -> bool {
        self.grants.allows(cap)
    }

    pub fn role(&self) -> Role {
        self.grants.role
    }

    /// What this member reads pages in: their own language, else the organization's
    /// locale; amounts in the organization's currency.
    pub fn tr(&self) -> crate::i18n::Tr {
        let (user, tenant) = (&self.acting.user, &self.acting.tenant);
        let lang = crate::i18n::for_user(user.language.as_deref(), Some(&tenant.locale));
        crate::i18n::Tr::new(lang, crate::i18n::Currency::of(&tenant.currency))
    }

    /// Refuses one more of `what` when the organization's plan is at its limit; `count`
    /// is how many it has now.
    pub fn within_plan(&self, what: crate::domain::plans::Limited, count: i64) -> Result<(), AppError> {
        self.acting.tenant.plan.check(what, count).map_err(AppError::NotInPlan)
    }

    /// Records an event for this tenant, as this user, from this request.
    pub fn audit(&self, scope: &mut TenantScope<'_>, event: Event) -> Result<(), AppError> {
        Ok(scope.audit(&self.stamped(event))?)
    }

    /// `event` stamped with this request's origin; a visiting super admin's values are
    /// marked as theirs.
    pub fn stamped(&self, event: Event) -> Event {
        let mut event = self.meta.stamp(event);
        if self.visiting {
            let after = event.after.take().map(|v| v.0).unwrap_or(serde_json::Value::Null);
            event.after = Some(serde_json::json!({ "super_admin": true, "values": after }).into());
        }
        event
    }
}

impl TenantCtx {
    pub async fn read<T, F>(&self, state: &AppState, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut TenantScope<'_>, &Member) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(state, Access::Read, f).await
    }

    pub async fn write<T, F>(&self, state: &AppState, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut TenantScope<'_>, &Member) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(state, Access::Write, f).await
    }

    async fn run<T, F>(&self, state: &AppState, access: Access, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut TenantScope<'_>, &Member) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let (tenant, user, epoch, cap) = (self.tenant, self.signed_in.user, self.signed_in.state.epoch, self.cap);
        let meta = self.signed_in.meta.clone();
        let outcome = state
            .db
            .blocking_as(access, move |db| {
                db.tenant(tenant, Some(user), access, |scope| {
                    let request = Admission { epoch, access, capability: cap, now: Timestamp::now() };
                    let member = verify(scope.acting(user)?, &request, meta)?;
                    f(scope, &member)
                })
            })
            .await;
        ended_if_unauthenticated(&self.signed_in, outcome)
    }

    pub fn session(&self) -> &Session {
        &self.signed_in.session
    }

    pub fn csrf(&self) -> &str {
        &self.signed_in.state.csrf
    }

    pub fn flash(&self, kind: &str, message: impl Into<crate::i18n::Msg>) {
        session::set_flash(&self.signed_in.session, kind, message);
    }
}

/// Admits a tenant request ([`admission::admit`], every check in one place) and makes
/// the member its handler sees.
fn verify(acting: Acting, request: &Admission, meta: RequestMeta) -> Result<Member, AppError> {
    let Admitted { grants, visiting } = admission::admit(&acting, request)?;
    Ok(Member { acting, grants, visiting, meta })
}

// The super-admin console's extractor, and the session ending every extractor shares.

/// Ends the browser's session when the account check failed.
pub fn ended_if_unauthenticated<T>(signed_in: &SignedIn, result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(AppError::Unauthenticated) = &result {
        signed_in.end(crate::i18n::Msg::new("auth-session-has-ended"));
    }
    result
}

/// A signed-in user on a platform route. The super-admin check happens in `read`.
pub struct PlatformCtx {
    pub signed_in: SignedIn,
}

impl FromRequest for PlatformCtx {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // Not signed in: 404 too, rather than a sign-in redirect that admits the page.
        ready(match SignedIn::from_http(req) {
            Ok(signed_in) => Ok(Self { signed_in }),
            Err(_) => Err(AppError::NotFound),
        })
    }
}

impl PlatformCtx {
    /// One platform transaction, after checking in the database that the account is an
    /// active super admin whose session is current.
    pub async fn read<T, F>(&self, state: &AppState, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut crate::db::PlatformScope<'_>, &crate::db::users::User) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(state, Access::Read, f).await
    }

    pub async fn write<T, F>(&self, state: &AppState, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut crate::db::PlatformScope<'_>, &crate::db::users::User) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(state, Access::Write, f).await
    }

    async fn run<T, F>(&self, state: &AppState, access: Access, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut crate::db::PlatformScope<'_>, &crate::db::users::User) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let (user, epoch) = self.signed_in.identity();
        let result = state
            .db
            .blocking_as(access, move |db| {
                let me = check_account(db, user, epoch)?;
                // Not a super admin: 404. A database that is down stays a 503.
                let grant = db.user(user, Access::Read, |u| u.platform_grant()).map_err(|e| match e {
                    crate::db::DbError::NotFound => AppError::NotFound,
                    other => AppError::from(other),
                })?;
                db.platform(&grant, access, |p| f(p, &me))
            })
            .await;
        ended_if_unauthenticated(&self.signed_in, result)
    }

    pub fn csrf(&self) -> &str {
        &self.signed_in.state.csrf
    }

    pub fn flash(&self) -> Option<session::Flash> {
        session::take_flash(&self.signed_in.session)
    }
}
