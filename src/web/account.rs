//! The signed-in user's own account: the sessions signed in as them (each device, its
//! address and when it was last seen), "sign out everywhere else", and the password
//! (changing it ends every other session).

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;
use serde::Deserialize;

use super::error::Reply;
use super::extract::{check_account, ended_if_unauthenticated, SignedIn};
use super::forms::FieldErrors;
use super::pages::{render, see_other};
use super::session::{self, Flash};
use super::state::State;
use super::urls;
use crate::db::audit::Event;
use crate::db::Access;
use crate::domain::password;
use crate::domain::values::Timestamp;
use crate::web::error::AppError;

/// One of the user's sessions, as the account page lists it.
pub struct SessionLine {
    pub device: String,
    pub address: String,
    pub last_seen: String,
    pub this_one: bool,
}

#[derive(Template)]
#[template(path = "auth/account.html")]
struct AccountPage {
    tr: crate::i18n::Tr,
    csrf: String,
    name: String,
    email: String,
    sessions: Vec<SessionLine>,
    flash: Option<Flash>,
    /// The user has a kiosk PIN.
    has_pin: bool,
}

/// "Chrome on Linux" from a user agent, or the agent itself when it names no browser we
/// know.
pub fn device_label(user_agent: Option<&str>) -> String {
    let Some(ua) = user_agent.filter(|ua| !ua.trim().is_empty()) else {
        return "Unknown device".into();
    };
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(mark, _)| ua.contains(mark))
    .map(|(_, name)| name);
    let system = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(mark, _)| ua.contains(mark))
    .map(|(_, name)| name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} on {s}"),
        (Some(b), None) => b.into(),
        _ => ua.chars().take(60).collect(),
    }
}

/// "just now", "12 minutes ago", "3 hours ago", or the date and time (UTC).
fn seen(at: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> String {
    let minutes = (now - at).num_minutes();
    match minutes {
        ..=0 => "just now".into(),
        1 => "a minute ago".into(),
        2..=59 => format!("{minutes} minutes ago"),
        60..=119 => "an hour ago".into(),
        120..=1439 => format!("{} hours ago", minutes / 60),
        _ => at.format("%Y-%m-%d %H:%M UTC").to_string(),
    }
}

pub async fn show(signed_in: SignedIn, state: State) -> Reply {
    let (user, epoch) = signed_in.identity();
    let result = state
        .db
        .blocking(move |db| {
            let me = check_account(db, user, epoch)?;
            let rows = db.user(user, Access::Read, |u| u.sessions().mine(Timestamp::now()))?;
            Ok::<_, AppError>((me, rows))
        })
        .await;
    let (me, rows) = ended_if_unauthenticated(&signed_in, result)?;
    let now = chrono::Utc::now();
    let mine = signed_in.state.sid.as_str();
    let mut sessions: Vec<SessionLine> = rows
        .into_iter()
        .map(|r| r.fields)
        .map(|r| SessionLine {
            device: device_label(r.user_agent.as_deref()),
            address: r.ip.unwrap_or_else(|| "unknown".into()),
            last_seen: seen(r.last_seen_at.0, now),
            this_one: r.sid.as_deref() == Some(mine),
        })
        .collect();
    // This device first, then the others by when they were last seen.
    sessions.sort_by_key(|s| !s.this_one);
    let flash = session::take_flash(&signed_in.session);
    let has_pin = me.kiosk_pin_hash.is_some();
    let csrf = signed_in.state.csrf.clone();
    let page = AccountPage { tr: signed_in.tr(me.language.as_deref()), csrf, name: me.full_name, email: me.email, sessions, flash, has_pin };
    render(StatusCode::OK, &page)
}

/// Ends every other session of this user, on every other device; this one stays. Their
/// rows go, and the epoch moves on, so that no instance's cache keeps one alive.
pub async fn end_other_sessions(signed_in: SignedIn, state: State) -> Reply {
    let (user, epoch) = signed_in.identity();
    let (keep, tenant) = (signed_in.state.sid.clone(), signed_in.state.tenant);
    let meta = signed_in.meta.clone();
    let result = state
        .db
        .blocking(move |db| {
            check_account(db, user, epoch)?;
            let (ended, epoch) = db.user(user, Access::Write, |u| {
                let ended = u.sessions().end_mine_except(&keep)?;
                Ok::<_, AppError>((ended, u.bump_session_epoch()?))
            })?;
            let event = meta
                .stamp(Event::new("user.sessions_ended", "user", user))
                .after(serde_json::json!({ "ended": ended }));
            match tenant {
                Some(t) => db.tenant(t, Some(user), Access::Write, |s| s.audit(&event))?,
                None => db.user(user, Access::Write, |u| u.audit_platform_event(&event))?,
            }
            Ok::<_, AppError>((ended, epoch))
        })
        .await;
    let (ended, epoch) = ended_if_unauthenticated(&signed_in, result)?;
    state.sessions.forget_user(user);
    let mut s = signed_in.state.clone();
    s.epoch = epoch;
    s.save(&signed_in.session);
    let message = match ended {
        0 => "No other session was signed in.".to_owned(),
        1 => "Signed out of 1 other session.".to_owned(),
        n => format!("Signed out of {n} other sessions."),
    };
    session::set_flash(&signed_in.session, "success", message);
    Ok(see_other(&urls::account()))
}

#[derive(Template)]
#[template(path = "auth/password.html")]
struct PasswordPage {
    tr: crate::i18n::Tr,
    csrf: String,
    errors: FieldErrors,
    flash: Option<Flash>,
}

pub async fn password_form(signed_in: SignedIn, state: State) -> Reply {
    let (user, epoch) = signed_in.identity();
    let result = state.db.blocking(move |db| check_account(db, user, epoch)).await;
    ended_if_unauthenticated(&signed_in, result)?;
    let flash = session::take_flash(&signed_in.session);
    render(StatusCode::OK, &PasswordPage { tr: signed_in.tr(None), csrf: signed_in.state.csrf.clone(), errors: FieldErrors::default(), flash })
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

/// The new password's own rules, before any database work.
fn check_new(form: &PasswordForm) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    if form.new.chars().count() < password::MIN_LENGTH {
        errors.add("new", format!("Use at least {} characters.", password::MIN_LENGTH));
    } else if form.new.chars().count() > 200 {
        errors.add("new", "Use at most 200 characters.");
    }
    if form.new != form.confirm {
        errors.add("confirm", "The two new passwords differ.");
    }
    errors.into_result(())
}

pub async fn change_password(signed_in: SignedIn, state: State, form: web::Form<PasswordForm>) -> Reply {
    let form = form.into_inner();
    let (user, meta, tenant) = (signed_in.user, signed_in.meta.clone(), signed_in.state.tenant);
    let (epoch, keep) = (signed_in.state.epoch, signed_in.state.sid.clone());
    let outcome = async {
        check_new(&form)?;
        state
            .db
            .blocking(move |db| {
                let me = check_account(db, user, epoch)?;
                if !password::verify(&form.current, &me.password_hash) {
                    let mut errors = FieldErrors::default();
                    errors.add("current", "That is not your current password.");
                    return Err(errors.into());
                }
                let hash = password::hash(&form.new)?;
                let epoch = db.user(user, Access::Write, |u| {
                    let epoch = u.set_password(&hash)?;
                    u.sessions().end_mine_except(&keep)?;
                    Ok::<_, AppError>(epoch)
                })?;
                let event = meta.stamp(Event::new("user.password_change", "user", user));
                match tenant {
                    Some(t) => db.tenant(t, Some(user), Access::Write, |s| s.audit(&event))?,
                    None => db.user(user, Access::Write, |u| u.audit_platform_event(&event))?,
                }
                Ok::<_, AppError>(epoch)
            })
            .await
    }
    .await;
    match ended_if_unauthenticated(&signed_in, outcome) {
        Ok(epoch) => {
            state.sessions.forget_user(user);
            // Keep this session; every other one is deleted (and carries a stale epoch).
            let mut s = signed_in.state;
            s.renew(&signed_in.session);
            s.epoch = epoch;
            s.save(&signed_in.session);
            session::set_flash(
                &signed_in.session,
                "success",
                "Password changed. Your other sessions have been signed out.",
            );
            Ok(see_other(&urls::account()))
        }
        Err(AppError::Validation(errors)) => {
            let page = PasswordPage { tr: signed_in.tr(None), csrf: signed_in.state.csrf.clone(), errors, flash: None };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other),
    }
}

#[derive(Template)]
#[template(path = "auth/pin.html")]
struct PinPage {
    tr: crate::i18n::Tr,
    csrf: String,
    errors: FieldErrors,
    has_pin: bool,
}

pub async fn pin_form(signed_in: SignedIn, state: State) -> Reply {
    let (user, epoch) = signed_in.identity();
    let result = state.db.blocking(move |db| check_account(db, user, epoch)).await;
    let me = ended_if_unauthenticated(&signed_in, result)?;
    let page = PinPage {
        tr: signed_in.tr(None),
        csrf: signed_in.state.csrf.clone(),
        errors: FieldErrors::default(),
        has_pin: me.kiosk_pin_hash.is_some(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct PinForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    pin: String,
    #[serde(default)]
    confirm: String,
    /// "Remove my PIN".
    #[serde(default)]
    remove: Option<String>,
}

/// Sets, changes or removes the user's kiosk PIN, after their current password.
pub async fn set_pin(signed_in: SignedIn, state: State, form: web::Form<PinForm>) -> Reply {
    let form = form.into_inner();
    let (user, epoch) = signed_in.identity();
    let (meta, tenant) = (signed_in.meta.clone(), signed_in.state.tenant);
    let removing = form.remove.is_some();
    let mut errors = FieldErrors::default();
    if !removing {
        if let Some(problem) = password::pin_problem(form.pin.trim()) {
            errors.add("pin", problem);
        } else if form.pin.trim() != form.confirm.trim() {
            errors.add("confirm", "The two PINs differ.");
        }
    }
    let outcome = state
        .db
        .blocking(move |db| {
            let me = check_account(db, user, epoch)?;
            if !password::verify(&form.current, &me.password_hash) {
                errors.add("current", "That is not your current password.");
            }
            if !errors.is_empty() {
                return Ok(Err((errors, me.kiosk_pin_hash.is_some())));
            }
            let hash = if removing { None } else { Some(password::hash(form.pin.trim())?) };
            db.user(user, Access::Write, |u| u.set_kiosk_pin(hash.as_deref()))?;
            let event =
                meta.stamp(Event::new("user.kiosk_pin", "user", user)).after(serde_json::json!({ "set": !removing }));
            match tenant {
                Some(t) => db.tenant(t, Some(user), Access::Write, |s| s.audit(&event))?,
                None => db.user(user, Access::Write, |u| u.audit_platform_event(&event))?,
            }
            Ok::<_, AppError>(Ok(()))
        })
        .await;
    match ended_if_unauthenticated(&signed_in, outcome)? {
        Ok(()) => {
            let message = if removing { "Kiosk PIN removed." } else { "Kiosk PIN saved." };
            session::set_flash(&signed_in.session, "success", message);
            Ok(see_other(&urls::account()))
        }
        Err((errors, has_pin)) => {
            let page = PinPage { tr: signed_in.tr(None), csrf: signed_in.state.csrf.clone(), errors, has_pin };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_named_by_its_browser_and_system() {
        let chrome =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
        assert_eq!(device_label(Some(chrome)), "Chrome on Linux");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1";
        assert_eq!(device_label(Some(iphone)), "Safari on iPhone");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0";
        assert_eq!(device_label(Some(edge)), "Edge on Windows");
        assert_eq!(device_label(Some("curl/8.5.0")), "curl/8.5.0");
        assert_eq!(device_label(None), "Unknown device");
    }

    #[test]
    fn last_seen_reads_as_a_person_would_say_it() {
        let now = chrono::Utc::now();
        assert_eq!(seen(now, now), "just now");
        assert_eq!(seen(now - chrono::Duration::minutes(12), now), "12 minutes ago");
        assert_eq!(seen(now - chrono::Duration::minutes(185), now), "3 hours ago");
        let old = now - chrono::Duration::days(3);
        assert_eq!(seen(old, now), old.format("%Y-%m-%d %H:%M UTC").to_string());
    }
}
