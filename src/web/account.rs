//! The signed-in user's own account: changing the password ends every other session.

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
use crate::web::error::AppError;

#[derive(Template)]
#[template(path = "auth/password.html")]
struct PasswordPage {
    csrf: String,
    errors: FieldErrors,
    flash: Option<Flash>,
}

pub async fn password_form(signed_in: SignedIn, state: State) -> Reply {
    let (user, epoch) = signed_in.identity();
    let result = state.db.blocking(move |db| check_account(db, user, epoch)).await;
    ended_if_unauthenticated(&signed_in, result)?;
    let flash = session::take_flash(&signed_in.session);
    render(StatusCode::OK, &PasswordPage { csrf: signed_in.state.csrf.clone(), errors: FieldErrors::default(), flash })
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
    let epoch = signed_in.state.epoch;
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
                let epoch = db.user(user, Access::Write, |u| u.set_password(&hash))?;
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
            // Keep this session; every other one now carries a stale epoch.
            let mut s = signed_in.state;
            s.renew(&signed_in.session);
            s.epoch = epoch;
            s.save(&signed_in.session);
            session::set_flash(
                &signed_in.session,
                "success",
                "Password changed. Your other sessions have been signed out.",
            );
            Ok(see_other(&urls::account_password()))
        }
        Err(AppError::Validation(errors)) => {
            let page = PasswordPage { csrf: signed_in.state.csrf.clone(), errors, flash: None };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other),
    }
}
