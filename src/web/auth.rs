//! Sign-in and sign-out.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest};
use askama::Template;
use chrono::Utc;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::Deserialize;

use super::error::Reply;
use super::extract::{RequestMeta, SignedIn};
use super::metrics::Business;
use super::pages::{render, see_other};
use super::session::{self, Flash, SessionState};
use super::state::State;
use super::urls;
use crate::db::audit::Event;
use crate::db::memberships::Membership;
use crate::db::tenants::Tenant;
use crate::db::users::User;
use crate::db::Access;
use crate::domain::{password, TenantId, Timestamp};
use crate::i18n::Msg;
use crate::web::error::AppError;

/// Sign-in attempts per client address: a burst of 10, then one every 6 seconds.
pub type LoginLimiter = Arc<DefaultKeyedRateLimiter<IpAddr>>;

pub fn login_limiter() -> LoginLimiter {
    let quota =
        Quota::per_minute(NonZeroU32::new(10).expect("non-zero")).allow_burst(NonZeroU32::new(10).expect("non-zero"));
    Arc::new(RateLimiter::keyed(quota))
}

#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginPage {
    tr: crate::i18n::Tr,
    csrf: String,
    email: String,
    error: Option<Msg>,
    flash: Option<Flash>,
}

pub async fn login_form(req: HttpRequest, session: Session) -> Reply {
    let state = SessionState::load(&session);
    if state.user.is_some() {
        return Ok(see_other(&urls::dashboard()));
    }
    state.save(&session);
    let flash = session::take_flash(&session);
    let page = LoginPage {
        tr: RequestMeta::tr_of(&req, state.lang.as_deref()),
        csrf: state.csrf,
        email: String::new(),
        error: None,
        flash,
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    /// The kiosk's lock screen may send a PIN instead of the password.
    #[serde(default)]
    pin: String,
    #[serde(default)]
    next: String,
}

/// What proves who signs in: the password, or (unlocking a kiosk only) the kiosk PIN.
enum Secret {
    Password(String),
    Pin(String),
}

impl Secret {
    fn typed(&self) -> &str {
        match self {
            Secret::Password(p) | Secret::Pin(p) => p,
        }
    }
}

enum Attempt {
    Unknown,
    Locked(Timestamp),
    /// `tenant`: the account's primary organization, for the per-tenant counter.
    Wrong {
        locked_until: Option<Timestamp>,
        tenant: Option<TenantId>,
    },
    Inactive,
    Ok {
        user: Box<User>,
        tenant: Option<TenantId>,
        /// The user has a PIN and `tenant` lets it unlock the kiosk.
        pin_unlock: bool,
        /// The language the session's pages are read in: the user's own, else the
        /// organization's (a catalogue's tag).
        lang: Option<String>,
    },
}

pub async fn login(req: HttpRequest, session: Session, state: State, form: web::Form<LoginForm>) -> Reply {
    let meta = RequestMeta::from_request(&req);
    let ip = req.peer_addr().map(|a| a.ip()).unwrap_or(IpAddr::from([0, 0, 0, 0]));
    if state.login_limiter.check_key(&ip).is_err() {
        return Err(AppError::TooManyRequests);
    }
    let LoginForm { email, password: typed, pin, next } = form.into_inner();
    let email = super::forms::clean(&email).to_lowercase();
    // A PIN is taken only from the lock screen of a kiosk that this user locked (the
    // session remembers who, in its encrypted state), and only without a password.
    let mut s = SessionState::load(&session);
    let locked_by_them = s.kiosk_locked_by.as_ref().is_some_and(|who| who.pin && who.email == email);
    let secret = if next == urls::kiosk() && locked_by_them && typed.is_empty() && !pin.is_empty() {
        Secret::Pin(pin)
    } else {
        Secret::Password(typed)
    };
    let by_pin = matches!(secret, Secret::Pin(_));
    let attempt = {
        let (email, meta) = (email.clone(), meta.clone());
        state.db.blocking(move |db| attempt_login(db, &email, &secret, &meta)).await?
    };
    match &attempt {
        Attempt::Wrong { tenant, .. } => state.metrics.count(Business::FailedLogin, *tenant),
        Attempt::Unknown => state.metrics.count(Business::FailedLogin, None),
        _ => {}
    }
    let error = match attempt {
        Attempt::Ok { user, tenant, pin_unlock, lang } => {
            s.renew(&session);
            let now = Utc::now().timestamp();
            s.user = Some(user.id);
            s.epoch = user.session_epoch;
            (s.device, s.address) = (meta.user_agent.clone(), meta.ip.clone());
            s.who = Some(session::Who { email: user.email.clone(), name: user.full_name.clone(), pin: pin_unlock });
            s.kiosk_locked_by = None;
            s.tenant = tenant;
            s.signed_in_at = now;
            s.seen_at = now;
            s.kiosk_seen_at = now;
            s.lang = lang;
            s.save(&session);
            // A kiosk's sign-in screen returns to the kiosk; nowhere else is accepted.
            let next = if next == urls::kiosk() && tenant.is_some() {
                urls::kiosk()
            } else if tenant.is_some() {
                urls::dashboard()
            } else {
                urls::switch()
            };
            return Ok(see_other(&next));
        }
        Attempt::Unknown | Attempt::Inactive | Attempt::Wrong { locked_until: None, .. } if by_pin => {
            Msg::new("auth-wrong-pin")
        }
        Attempt::Unknown | Attempt::Inactive | Attempt::Wrong { locked_until: None, .. } => {
            Msg::new("auth-wrong-password")
        }
        Attempt::Wrong { locked_until: Some(until), .. } | Attempt::Locked(until) => {
            Msg::new("auth-locked").arg("time", until.format("%H:%M").to_string())
        }
    };
    s.save(&session);
    if next == urls::kiosk() {
        // Back to the kiosk's lock screen, which keeps its layout and who locked it.
        session::set_flash(&session, "error", error);
        return Ok(see_other(&urls::kiosk_lock()));
    }
    let page = LoginPage { tr: meta.tr(None, s.lang.as_deref()), csrf: s.csrf, email, error: Some(error), flash: None };
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// The database side of a sign-in, on the blocking pool (argon2 is CPU-heavy too).
fn attempt_login(db: &crate::db::Db, email: &str, secret: &Secret, meta: &RequestMeta) -> Result<Attempt, AppError> {
    let typed = secret.typed();
    let found = db.anonymous(Access::Read, |u| u.by_email(email))?;
    let Some(user) = found else {
        password::verify_dummy(typed);
        let event = meta
            .stamp(Event::new("login.failed", "user", email).after(serde_json::json!({ "reason": "unknown email" })));
        db.anonymous(Access::Write, |u| u.audit_platform_event(&event))?;
        return Ok(Attempt::Unknown);
    };
    let now = Timestamp::now();
    if let Some(until) = user.locked_at(now) {
        password::verify_dummy(typed);
        let event =
            meta.stamp(Event::new("login.locked", "user", user.id).after(serde_json::json!({ "locked_until": until })));
        db.user(user.id, Access::Write, |u| u.audit_platform_event(&event))?;
        return Ok(Attempt::Locked(until));
    }
    let verified = match secret {
        Secret::Password(p) => password::verify(p, &user.password_hash),
        Secret::Pin(p) => pin_unlocks(db, &user, p, now)?,
    };
    if !verified {
        let reason = if matches!(secret, Secret::Pin(_)) { "wrong PIN" } else { "wrong password" };
        let updated = db.user(user.id, Access::Write, |u| {
            let updated = u.record_failed_login(user.id)?;
            let event = meta.stamp(
                Event::new("login.failed", "user", user.id)
                    .after(serde_json::json!({ "reason": reason, "failures": updated.failed_logins })),
            );
            u.audit_platform_event(&event)?;
            let tenant = u.memberships()?.first().map(|(m, _)| m.tenant_id);
            Ok::<_, AppError>((updated, tenant))
        })?;
        let (updated, tenant) = updated;
        return Ok(Attempt::Wrong { locked_until: updated.locked_at(now), tenant });
    }
    if !user.is_active {
        return Ok(Attempt::Inactive);
    }
    let memberships = db.user(user.id, Access::Write, |u| {
        u.record_login(user.id)?;
        u.memberships()
    })?;
    let landing = landing(&memberships, now);
    let tenant = landing.map(|t| t.id);
    let pin_unlock = user.kiosk_pin_hash.is_some() && landing.is_some_and(|t| t.settings().kiosk_pin);
    let lang = match landing {
        Some(t) => Some(crate::i18n::for_user(user.language.as_deref(), Some(t.locale.as_str())).tag().to_owned()),
        None => user.language.clone(),
    };
    let event = meta.stamp(Event::new("login", "user", user.id));
    match tenant {
        // Signing in uses the membership it lands in, as a switch does ("last used").
        Some(tenant) => db.tenant(tenant, Some(user.id), Access::Write, |s| {
            s.memberships().touch(user.id)?;
            s.audit(&event)
        })?,
        None => db.user(user.id, Access::Write, |u| u.audit_platform_event(&event))?,
    }
    Ok(Attempt::Ok { user: Box::new(user), tenant, pin_unlock, lang })
}

/// The organization a sign-in lands in: the primary membership if it is usable, else the
/// most recently used usable one.
fn landing(memberships: &[(Membership, Tenant)], now: Timestamp) -> Option<&Tenant> {
    memberships
        .iter()
        .filter(|(m, _)| m.is_usable(now))
        .max_by_key(|(m, _)| (m.is_primary, m.last_accessed_at))
        .map(|(_, t)| t)
}

/// Whether `pin` is `user`'s kiosk PIN and the organization the sign-in lands in lets PINs
/// unlock its kiosks. Without a PIN the check costs the same time.
fn pin_unlocks(db: &crate::db::Db, user: &User, pin: &str, now: Timestamp) -> Result<bool, AppError> {
    let memberships = db.user(user.id, Access::Read, |u| u.memberships())?;
    let allowed = landing(&memberships, now).is_some_and(|t| t.settings().kiosk_pin);
    match user.kiosk_pin_hash.as_deref() {
        Some(hash) if allowed => Ok(password::verify(pin, hash)),
        _ => {
            password::verify_dummy(pin);
            Ok(false)
        }
    }
}

/// Signs out: ends this session (its row goes, so a copied cookie is worthless), and only
/// this one: the user's other devices stay signed in.
pub async fn logout(signed_in: SignedIn, state: State) -> Reply {
    let (user, tenant) = (signed_in.user, signed_in.state.tenant);
    let event = signed_in.meta.stamp(Event::new("logout", "user", user));
    let (_, epoch) = signed_in.identity();
    state
        .db
        .blocking(move |db| {
            // A cookie from an already-ended session has nothing left to end.
            if let Err(AppError::Unauthenticated) = super::extract::check_account(db, user, epoch) {
                return Ok(());
            }
            match tenant {
                Some(t) => db.tenant(t, Some(user), Access::Write, |s| s.audit(&event))?,
                None => db.user(user, Access::Write, |u| u.audit_platform_event(&event))?,
            }
            Ok::<_, AppError>(())
        })
        .await?;
    signed_in.end(Msg::new("auth-signed-out"));
    Ok(see_other(&urls::login()))
}
