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
use crate::i18n::{Msg, Tr};
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
    tr: Tr,
    csrf: String,
    name: String,
    email: String,
    sessions: Vec<SessionLine>,
    flash: Option<Flash>,
    /// The user has a kiosk PIN.
    has_pin: bool,
    /// The user's own language (a tag), or "" for the organization's.
    language: String,
    /// Every shipped language: its tag and its own name.
    languages: Vec<(String, String)>,
    errors: FieldErrors,
}

/// "Chrome on Linux" from a user agent, or the agent itself when it names no browser we
/// know.
pub fn device_label(tr: &Tr, user_agent: Option<&str>) -> String {
    let Some(ua) = user_agent.filter(|ua| !ua.trim().is_empty()) else {
        return tr.t("account-device-unknown");
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
        (Some(b), Some(s)) => tr.t2("account-device-on", "browser", b, "system", s),
        (Some(b), None) => b.into(),
        _ => ua.chars().take(60).collect(),
    }
}

/// "just now", "12 minutes ago", "3 hours ago", or the date and time (UTC).
fn seen(tr: &Tr, at: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> String {
    let minutes = (now - at).num_minutes();
    match minutes {
        ..=0 => tr.t("account-seen-just-now"),
        1..=59 => tr.t1("account-seen-minutes", "count", minutes),
        60..=1439 => tr.t1("account-seen-hours", "count", minutes / 60),
        _ => tr.t1("account-seen-at", "time", tr.datetime(Timestamp(at))),
    }
}

/// The account page of `me`, with the form's `errors` (the language's).
async fn account_page(
    signed_in: &SignedIn,
    state: &State,
    me: crate::db::users::User,
    language: String,
    errors: FieldErrors,
) -> Result<AccountPage, AppError> {
    let user = signed_in.user;
    let rows = state
        .db
        .blocking(move |db| Ok::<_, AppError>(db.user(user, Access::Read, |u| u.sessions().mine(Timestamp::now()))?))
        .await;
    let rows = ended_if_unauthenticated(signed_in, rows)?;
    let tr = signed_in.tr(me.language.as_deref());
    let now = chrono::Utc::now();
    let mine = signed_in.state.sid.as_str();
    let mut sessions: Vec<SessionLine> = rows
        .into_iter()
        .map(|r| r.fields)
        .map(|r| SessionLine {
            device: device_label(&tr, r.user_agent.as_deref()),
            address: r.ip.unwrap_or_else(|| tr.t("account-address-unknown")),
            last_seen: seen(&tr, r.last_seen_at.0, now),
            this_one: r.sid.as_deref() == Some(mine),
        })
        .collect();
    // This device first, then the others by when they were last seen.
    sessions.sort_by_key(|s| !s.this_one);
    let flash = session::take_flash(&signed_in.session);
    let has_pin = me.kiosk_pin_hash.is_some();
    let languages = crate::i18n::languages().iter().map(|l| (l.tag().to_owned(), l.name())).collect();
    Ok(AccountPage {
        tr,
        csrf: signed_in.state.csrf.clone(),
        name: me.full_name,
        email: me.email,
        sessions,
        flash,
        has_pin,
        language,
        languages,
        errors,
    })
}

pub async fn show(signed_in: SignedIn, state: State) -> Reply {
    let (user, epoch) = signed_in.identity();
    let result = state.db.blocking(move |db| check_account(db, user, epoch)).await;
    let me = ended_if_unauthenticated(&signed_in, result)?;
    let language = me.language.clone().unwrap_or_default();
    let page = account_page(&signed_in, &state, me, language, FieldErrors::default()).await?;
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct LanguageForm {
    /// A shipped language's tag, or "" for the organization's language.
    #[serde(default)]
    language: String,
}

/// Sets the user's own language (or, with "", follows the organization's again); this
/// session reads its pages in the result from now on.
pub async fn set_language(signed_in: SignedIn, state: State, form: web::Form<LanguageForm>) -> Reply {
    let typed = form.into_inner().language.trim().to_owned();
    let chosen = match typed.as_str() {
        "" => Some(None),
        tag => crate::i18n::by_tag(tag).map(|l| Some(l.tag().to_owned())),
    };
    let (user, epoch) = signed_in.identity();
    let Some(chosen) = chosen else {
        let result = state.db.blocking(move |db| check_account(db, user, epoch)).await;
        let me = ended_if_unauthenticated(&signed_in, result)?;
        let mut errors = FieldErrors::default();
        errors.add("language", Msg::new("account-language-invalid"));
        let saved = me.language.clone().unwrap_or_default();
        let page = account_page(&signed_in, &state, me, saved, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let (meta, tenant) = (signed_in.meta.clone(), signed_in.state.tenant);
    let saved = chosen.clone();
    let result = state
        .db
        .blocking(move |db| {
            check_account(db, user, epoch)?;
            db.user(user, Access::Write, |u| u.set_language(saved.as_deref()))?;
            let event =
                meta.stamp(Event::new("user.language", "user", user)).after(serde_json::json!({ "language": saved }));
            // The organization this session is in decides when the user leaves it to it.
            let locale = match tenant {
                Some(t) => Some(
                    db.tenant(t, Some(user), Access::Write, |s| {
                        s.audit(&event)?;
                        s.organization()
                    })?
                    .locale,
                ),
                None => {
                    db.user(user, Access::Write, |u| u.audit_platform_event(&event))?;
                    None
                }
            };
            Ok::<_, AppError>(locale)
        })
        .await;
    let locale = ended_if_unauthenticated(&signed_in, result)?;
    let mut s = signed_in.state.clone();
    s.lang = match &locale {
        Some(locale) => Some(crate::i18n::for_user(chosen.as_deref(), Some(locale.as_str())).tag().to_owned()),
        None => chosen,
    };
    s.save(&signed_in.session);
    session::set_flash(&signed_in.session, "success", Msg::new("account-language-saved"));
    Ok(see_other(&urls::account()))
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
    session::set_flash(&signed_in.session, "success", Msg::new("account-sessions-ended").arg("count", ended));
    Ok(see_other(&urls::account()))
}

#[derive(Template)]
#[template(path = "auth/password.html")]
struct PasswordPage {
    tr: Tr,
    csrf: String,
    errors: FieldErrors,
    flash: Option<Flash>,
}

pub async fn password_form(signed_in: SignedIn, state: State) -> Reply {
    let (user, epoch) = signed_in.identity();
    let result = state.db.blocking(move |db| check_account(db, user, epoch)).await;
    let me = ended_if_unauthenticated(&signed_in, result)?;
    let flash = session::take_flash(&signed_in.session);
    let page = PasswordPage {
        tr: signed_in.tr(me.language.as_deref()),
        csrf: signed_in.state.csrf.clone(),
        errors: FieldErrors::default(),
        flash,
    };
    render(StatusCode::OK, &page)
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
        errors.add("new", Msg::new("account-password-too-short").arg("min", password::MIN_LENGTH));
    } else if form.new.chars().count() > 200 {
        errors.add("new", Msg::new("form-too-long").arg("max", 200));
    }
    if form.new != form.confirm {
        errors.add("confirm", Msg::new("account-passwords-differ"));
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
                    errors.add("current", Msg::new("account-password-wrong"));
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
            session::set_flash(&signed_in.session, "success", Msg::new("account-password-changed"));
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
    tr: Tr,
    csrf: String,
    errors: FieldErrors,
    has_pin: bool,
}

pub async fn pin_form(signed_in: SignedIn, state: State) -> Reply {
    let (user, epoch) = signed_in.identity();
    let result = state.db.blocking(move |db| check_account(db, user, epoch)).await;
    let me = ended_if_unauthenticated(&signed_in, result)?;
    let page = PinPage {
        tr: signed_in.tr(me.language.as_deref()),
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
            errors.add("confirm", Msg::new("account-pins-differ"));
        }
    }
    let outcome = state
        .db
        .blocking(move |db| {
            let me = check_account(db, user, epoch)?;
            if !password::verify(&form.current, &me.password_hash) {
                errors.add("current", Msg::new("account-password-wrong"));
            }
            if !errors.is_empty() {
                return Ok(Err((errors, me.kiosk_pin_hash.is_some(), me.language)));
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
            let message = if removing { "account-pin-removed" } else { "account-pin-saved" };
            session::set_flash(&signed_in.session, "success", Msg::new(message));
            Ok(see_other(&urls::account()))
        }
        Err((errors, has_pin, language)) => {
            let page =
                PinPage { tr: signed_in.tr(language.as_deref()), csrf: signed_in.state.csrf.clone(), errors, has_pin };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Tr {
        Tr::english()
    }

    #[test]
    fn a_device_is_named_by_its_browser_and_system() {
        let tr = english();
        let chrome =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
        assert_eq!(device_label(&tr, Some(chrome)), "Chrome on Linux");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1";
        assert_eq!(device_label(&tr, Some(iphone)), "Safari on iPhone");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0";
        assert_eq!(device_label(&tr, Some(edge)), "Edge on Windows");
        assert_eq!(device_label(&tr, Some("curl/8.5.0")), "curl/8.5.0");
        assert_eq!(device_label(&tr, None), "Unknown device");
        let pt = Tr::new(crate::i18n::by_tag("pt-BR").expect("pt-BR"), crate::i18n::Currency::USD);
        assert_eq!(device_label(&pt, Some(chrome)), "Chrome no Linux");
    }

    #[test]
    fn last_seen_reads_as_a_person_would_say_it() {
        let tr = english();
        let now = chrono::Utc::now();
        assert_eq!(seen(&tr, now, now), "just now");
        assert_eq!(seen(&tr, now - chrono::Duration::minutes(1), now), "a minute ago");
        assert_eq!(seen(&tr, now - chrono::Duration::minutes(12), now), "12 minutes ago");
        assert_eq!(seen(&tr, now - chrono::Duration::minutes(61), now), "an hour ago");
        assert_eq!(seen(&tr, now - chrono::Duration::minutes(185), now), "3 hours ago");
        let old = now - chrono::Duration::days(3);
        assert_eq!(seen(&tr, old, now), format!("{} UTC", tr.datetime(Timestamp(old))));
    }
}
