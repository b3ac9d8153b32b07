//! Onboarding from the console: the "new organization" form, and its submission, which
//! creates the organization, its owner and its first hotel in one transaction. The input
//! is checked by `domain::onboarding` (as for `hotelier tenant create`); this module shows
//! its problems next to their fields.

use crate::web::error::Reply;
use crate::web::state::State;
use crate::web::urls;
use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;

use crate::db::onboarding::Onboarding;
use crate::db::tenants::Tenant;
use crate::db::{Constraint, DbError};
use crate::domain::onboarding::{Invalid, NewOrganization, OnboardingRequest};
use crate::domain::{Plan, TenantKind};
use crate::i18n::Msg;
use crate::web::error::AppError;
use crate::web::extract::PlatformCtx;
use crate::web::forms::{self, FieldErrors};
use crate::web::pages::{ok, render};
use crate::web::session::Flash;

#[derive(Template)]
#[template(path = "platform/new.html")]
struct NewOrgPage {
    tr: crate::i18n::Tr,
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    form: OnboardingRequest,
    errors: FieldErrors,
    kinds: &'static [TenantKind],
    plans: &'static [Plan],
    timezones: &'static [&'static str],
}

impl NewOrgPage {
    fn new(
        ctx: &PlatformCtx,
        (user_name, language): (String, Option<String>),
        flash: Option<Flash>,
        form: OnboardingRequest,
        errors: FieldErrors,
    ) -> Self {
        Self {
            tr: ctx.signed_in.tr(language.as_deref()),
            user_name,
            csrf: ctx.csrf().to_owned(),
            flash,
            form,
            errors,
            kinds: TenantKind::ALL,
            plans: Plan::ALL,
            timezones: forms::TIMEZONES,
        }
    }
}

pub async fn new_form(ctx: PlatformCtx, state: State) -> Reply {
    let me = ctx.read(&state, |_, me| Ok((me.full_name.clone(), me.language.clone()))).await?;
    let form = OnboardingRequest {
        kind: "independent".into(),
        plan: "starter".into(),
        status: "trial".into(),
        currency: "USD".into(),
        timezone: "UTC".into(),
        ..Default::default()
    };
    ok(&NewOrgPage::new(&ctx, me, ctx.flash(), form, FieldErrors::default()))
}

#[derive(Template)]
#[template(path = "platform/onboarded.html")]
struct OnboardedPage {
    tr: crate::i18n::Tr,
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    org: Tenant,
    owner_email: String,
    password: Option<String>,
}

impl OnboardedPage {
    /// "The owner, <strong>email</strong>, can sign in now": the catalogue's words, the
    /// email escaped.
    fn owner_line_html(&self) -> String {
        crate::web::pages::with_bold(&self.tr, "platform-onboarded-owner", "email", &self.owner_email)
    }
}

pub async fn create(ctx: PlatformCtx, state: State, form: web::Form<OnboardingRequest>) -> Reply {
    let form = form.into_inner();
    let submitted = form.clone();
    let result = ctx
        .write(&state, move |p, me| {
            // Argon2 runs here, on the blocking pool, after the super-admin check.
            let org = match NewOrganization::try_from(&submitted) {
                Ok(org) => org,
                Err(invalid) => return Ok(Err(field_errors(&invalid))),
            };
            let done = p.onboard(&Onboarding::from(&org))?;
            let shown = org.password_to_show(done.new_account).map(str::to_owned);
            Ok(Ok(((me.full_name.clone(), me.language.clone()), done.tenant, done.owner.email, shown)))
        })
        .await;
    let errors = match result {
        Ok(Ok(((me, language), org, owner_email, password))) => {
            return ok(&OnboardedPage {
                tr: ctx.signed_in.tr(language.as_deref()),
                user_name: me,
                csrf: ctx.csrf().to_owned(),
                flash: None,
                org,
                owner_email,
                password,
            });
        }
        Ok(Err(errors)) => errors,
        Err(AppError::Db(DbError::Conflict(Constraint::TenantSlug))) => {
            let mut e = FieldErrors::default();
            e.add("slug", Msg::new("platform-slug-taken"));
            e
        }
        Err(e) => return Err(e),
    };
    let me = ctx.read(&state, |_, me| Ok((me.full_name.clone(), me.language.clone()))).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &NewOrgPage::new(&ctx, me, None, form, errors))
}

/// Each refused field's message, next to its field.
fn field_errors(invalid: &Invalid) -> FieldErrors {
    let mut e = FieldErrors::default();
    for (field, problem) in invalid.problems() {
        e.add(field.name(), problem.msg());
    }
    e
}
