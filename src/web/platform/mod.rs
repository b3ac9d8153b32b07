//! `/platform`: the super-admin console. Organizations with their counts and last
//! activity, and each organization's users and audit trail, with a button to switch
//! in. Anyone who is not an active super admin (checked in the database on every
//! request) gets 404, so the console's existence does not leak.

pub mod analytics;
pub mod health;

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::extract::{check_account, SignedIn};
use super::forms::{self, FieldErrors};
use super::pages::{ok, render};
use super::session::{self, Flash};
use super::switch::ended_if_unauthenticated;
use super::AppState;
use crate::db::audit::{AuditEntry, Event};
use crate::db::hotels::HotelFields;
use crate::db::memberships::Membership;
use crate::db::onboarding::Onboarding;
use crate::db::platform::OrgSummary;
use crate::db::tenants::NewTenant;
use crate::db::tenants::Tenant;
use crate::db::users::User;
use crate::db::{Access, DbError, PlatformScope};
use crate::domain::{password, Plan, TenantId, TenantKind, TenantStatus, Timestamp};
use crate::error::AppError;

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
        F: FnOnce(&mut PlatformScope<'_>, &User) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(state, Access::Read, f).await
    }

    pub async fn write<T, F>(&self, state: &AppState, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PlatformScope<'_>, &User) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(state, Access::Write, f).await
    }

    async fn run<T, F>(&self, state: &AppState, access: Access, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PlatformScope<'_>, &User) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let (user, epoch) = self.signed_in.identity();
        let result = state
            .db
            .blocking_as(access, move |db| {
                let me = check_account(db, user, epoch)?;
                // Not a super admin: 404. A database that is down stays a 503.
                let grant = db.user(user, Access::Read, |u| u.platform_grant()).map_err(|e| match e {
                    DbError::NotFound => AppError::NotFound,
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

    pub fn flash(&self) -> Option<Flash> {
        session::take_flash(&self.signed_in.session)
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConsoleQuery {
    pub q: String,
    pub status: String,
    pub kind: String,
}

#[derive(Template)]
#[template(path = "platform/index.html")]
struct ConsolePage {
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    orgs: Vec<OrgSummary>,
    query: ConsoleQuery,
    statuses: &'static [TenantStatus],
    kinds: &'static [TenantKind],
}

pub async fn index(
    ctx: PlatformCtx,
    state: web::Data<AppState>,
    query: web::Query<ConsoleQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let search = super::forms::clean(&query.q);
    let (status, kind) = (query.status.parse::<TenantStatus>().ok(), query.kind.parse::<TenantKind>().ok());
    let (me, orgs) = ctx
        .read(&state, move |p, me| {
            let orgs = p
                .org_summaries(Some(search.as_str()))?
                .into_iter()
                .filter(|o| status.is_none_or(|s| o.tenant.status == s) && kind.is_none_or(|k| o.tenant.kind == k))
                .collect();
            Ok((me.full_name.clone(), orgs))
        })
        .await?;
    let page = ConsolePage {
        user_name: me,
        csrf: ctx.csrf().to_owned(),
        flash: ctx.flash(),
        orgs,
        query,
        statuses: TenantStatus::ALL,
        kinds: TenantKind::ALL,
    };
    ok(&page)
}

pub struct TrailLine {
    pub entry: AuditEntry,
    pub who: String,
}

#[derive(Template)]
#[template(path = "platform/org.html")]
struct OrgPage {
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    next_statuses: Vec<TenantStatus>,
    plans: &'static [Plan],
    org: Tenant,
    members: Vec<(Membership, User)>,
    trail: Vec<TrailLine>,
    /// What a refused status or plan change typed, with its messages.
    form: ChangeForm,
    errors: FieldErrors,
    problem: Option<String>,
}

impl OrgPage {
    /// The status the form shows selected: what was typed, else the first move offered.
    fn status_selected(&self, s: &TenantStatus) -> bool {
        self.form.status.trim() == s.as_str()
    }

    /// The plan the form shows selected: what was typed, else the current plan.
    fn plan_selected(&self, p: &Plan) -> bool {
        match self.form.plan.trim() {
            "" => *p == self.org.plan,
            typed => typed == p.as_str(),
        }
    }
}

pub async fn org(
    ctx: PlatformCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = org_id(&path)?;
    org_page(&ctx, &state, id, ChangeForm::default(), FieldErrors::default(), None, StatusCode::OK).await
}

/// The organization's page; after a refused change, with what was typed and why.
async fn org_page(
    ctx: &PlatformCtx,
    state: &AppState,
    id: TenantId,
    form: ChangeForm,
    errors: FieldErrors,
    problem: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (me, org, members, trail) = ctx
        .read(state, move |p, me| {
            let org = p.tenants().get(id)?;
            let members = p.org_members(id)?;
            let entries = p.org_audit(id, 50)?;
            let ids: Vec<_> = entries.iter().filter_map(|e| e.user_id).collect();
            let names = p.user_names(&ids)?;
            let trail = entries
                .into_iter()
                .map(|entry| {
                    let who = entry.user_id.and_then(|u| names.get(&u).cloned()).unwrap_or_else(|| "System".into());
                    TrailLine { entry, who }
                })
                .collect();
            Ok((me.full_name.clone(), org, members, trail))
        })
        .await?;
    let next_statuses = crate::domain::lifecycle::next(org.status);
    let page = OrgPage {
        user_name: me,
        csrf: ctx.csrf().to_owned(),
        flash: ctx.flash(),
        next_statuses,
        plans: Plan::ALL,
        org,
        members,
        trail,
        form,
        errors,
        problem,
    };
    render(status, &page)
}

/// Downloads all of an organization's data, whatever its plan or status (a cancelled
/// organization's data stays for exactly this).
pub async fn export(
    ctx: PlatformCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = org_id(&path)?;
    let meta = ctx.signed_in.meta.clone();
    let (slug, user) = ctx
        .write(&state, move |p, me| {
            let org = p.tenants().get(id)?;
            p.audit(Some(id), &meta.stamp(Event::new("organization.export", "tenant", id)))?;
            Ok((org.slug, me.id))
        })
        .await?;
    Ok(super::export::stream(state.db.clone(), id, Some(user), &slug))
}

/// The onboarding form. The command line (`hotelier tenant create`) fills the same
/// struct, so both share one validation.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct OnboardForm {
    pub name: String,
    pub slug: String,
    pub kind: String,
    pub plan: String,
    pub status: String,
    pub currency: String,
    pub timezone: String,
    pub locale: String,
    pub owner_email: String,
    pub owner_name: String,
    pub owner_password: String,
    pub hotel_code: String,
    pub hotel_name: String,
}

/// A parsed onboarding and the owner's initial password (typed or generated).
pub struct ParsedOnboarding {
    pub onboarding: Onboarding,
    pub password: String,
    pub generated: bool,
}

impl OnboardForm {
    pub fn parse(&self) -> Result<ParsedOnboarding, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = forms::required(&mut e, "name", &self.name, 200);
        let slug = forms::clean(&self.slug).to_lowercase();
        if slug.len() < 2
            || slug.len() > 63
            || slug.starts_with('-')
            || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            e.add("slug", "Use 2 to 63 lowercase letters, digits or dashes, like harbour-hotels.");
        }
        let kind: Option<TenantKind> = forms::choice(&mut e, "kind", &self.kind);
        let plan: Option<Plan> = forms::choice(&mut e, "plan", &self.plan);
        let status = match forms::clean(&self.status).as_str() {
            "" | "trial" => TenantStatus::Trial,
            "active" => TenantStatus::Active,
            _ => {
                e.add("status", "A new organization starts on a trial or active.");
                TenantStatus::Trial
            }
        };
        let currency = forms::clean(&self.currency).to_uppercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            e.add("currency", "Use a three-letter ISO 4217 code, like USD.");
        }
        let timezone = forms::timezone(&mut e, "timezone", &self.timezone);
        let locale = match forms::clean(&self.locale) {
            l if l.is_empty() => "en".to_owned(),
            l => l.chars().take(10).collect(),
        };
        let owner_email = forms::clean(&self.owner_email).to_lowercase();
        if !forms::looks_like_email(&owner_email) {
            e.add("owner_email", "Enter the owner's email address.");
        }
        let owner_name = forms::required(&mut e, "owner_name", &self.owner_name, 200);
        let typed = forms::clean(&self.owner_password);
        if !typed.is_empty() && typed.chars().count() < password::MIN_LENGTH {
            e.add(
                "owner_password",
                format!("Use at least {} characters, or leave it empty to generate one.", password::MIN_LENGTH),
            );
        }
        let hotel_code = forms::code(&mut e, "hotel_code", &self.hotel_code);
        let hotel_name = forms::required(&mut e, "hotel_name", &self.hotel_name, 200);
        if !e.is_empty() {
            return Err(e);
        }
        let (password, generated) =
            if typed.is_empty() { (super::session::random_token()[..16].to_owned(), true) } else { (typed, false) };
        let hash = password::hash(&password).map_err(|_| {
            let mut e = FieldErrors::default();
            e.add("owner_password", "This password could not be used.");
            e
        })?;
        let trial_ends_at =
            (status == TenantStatus::Trial).then(|| Timestamp(chrono::Utc::now() + chrono::Duration::days(30)));
        Ok(ParsedOnboarding {
            onboarding: Onboarding {
                tenant: NewTenant {
                    id: TenantId::new(),
                    name,
                    slug,
                    kind: kind.unwrap_or(TenantKind::Independent),
                    status,
                    email: None,
                    phone: None,
                    address: None,
                    currency,
                    timezone: timezone.clone(),
                    locale,
                    plan: plan.unwrap_or(Plan::Starter),
                    trial_ends_at,
                    settings: crate::domain::settings::TenantSettings::default().to_json().into(),
                },
                owner_email,
                owner_name,
                owner_password_hash: hash,
                hotel: HotelFields {
                    code: hotel_code,
                    name: hotel_name,
                    timezone,
                    is_active: true,
                    ..HotelFields::default()
                },
            },
            password,
            generated,
        })
    }
}

#[derive(Template)]
#[template(path = "platform/new.html")]
struct NewOrgPage {
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    form: OnboardForm,
    errors: FieldErrors,
    kinds: &'static [TenantKind],
    plans: &'static [Plan],
    timezones: &'static [&'static str],
}

pub async fn new_form(ctx: PlatformCtx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let me = ctx.read(&state, |_, me| Ok(me.full_name.clone())).await?;
    let form = OnboardForm {
        kind: "independent".into(),
        plan: "starter".into(),
        status: "trial".into(),
        currency: "USD".into(),
        timezone: "UTC".into(),
        ..Default::default()
    };
    let page = NewOrgPage {
        user_name: me,
        csrf: ctx.csrf().to_owned(),
        flash: ctx.flash(),
        form,
        errors: FieldErrors::default(),
        kinds: TenantKind::ALL,
        plans: Plan::ALL,
        timezones: forms::TIMEZONES,
    };
    ok(&page)
}

#[derive(Template)]
#[template(path = "platform/onboarded.html")]
struct OnboardedPage {
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    org: Tenant,
    owner_email: String,
    password: Option<String>,
}

pub async fn create(
    ctx: PlatformCtx,
    state: web::Data<AppState>,
    form: web::Form<OnboardForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let submitted = form.clone();
    let result = ctx
        .write(&state, move |p, me| {
            // Argon2 runs here, on the blocking pool, after the super-admin check.
            let parsed = match submitted.parse() {
                Ok(parsed) => parsed,
                Err(errors) => return Ok(Err(errors)),
            };
            let done = p.onboard(&parsed.onboarding)?;
            let shown = (done.new_account && parsed.generated).then_some(parsed.password);
            Ok(Ok((me.full_name.clone(), done.tenant, done.owner.email, shown)))
        })
        .await;
    let errors = match result {
        Ok(Ok((me, org, owner_email, password))) => {
            return ok(&OnboardedPage {
                user_name: me,
                csrf: ctx.csrf().to_owned(),
                flash: None,
                org,
                owner_email,
                password,
            });
        }
        Ok(Err(errors)) => errors,
        Err(AppError::Db(crate::db::DbError::Conflict(crate::db::Constraint::TenantSlug))) => {
            let mut e = FieldErrors::default();
            e.add("slug", "Another organization already uses this slug.");
            e
        }
        Err(e) => return Err(e),
    };
    let me = ctx.read(&state, |_, me| Ok(me.full_name.clone())).await?;
    let page = NewOrgPage {
        user_name: me,
        csrf: ctx.csrf().to_owned(),
        flash: None,
        form,
        errors,
        kinds: TenantKind::ALL,
        plans: Plan::ALL,
        timezones: forms::TIMEZONES,
    };
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangeForm {
    pub status: String,
    pub plan: String,
    pub reason: String,
    pub version: String,
}

fn org_id(raw: &str) -> Result<TenantId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// Changes an organization's status, with a reason, audited in its trail.
pub async fn change_status(
    ctx: PlatformCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    change(ctx, state, &path, form.into_inner(), Change::Status).await
}

/// Changes an organization's plan, audited in its trail.
pub async fn change_plan(
    ctx: PlatformCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    change(ctx, state, &path, form.into_inner(), Change::Plan).await
}

#[derive(Clone, Copy)]
enum Change {
    Status,
    Plan,
}

/// One change from the organization's page. Bad input re-renders the page with a
/// message per field and what was typed (422); a move the lifecycle forbids, or a save
/// over someone else's, says so on the page (409).
async fn change(
    ctx: PlatformCtx,
    state: web::Data<AppState>,
    path: &str,
    form: ChangeForm,
    change: Change,
) -> Result<HttpResponse, AppError> {
    let id = org_id(path)?;
    let typed = form.clone();
    let result = ctx
        .write(&state, move |p, _| {
            let current = p.tenants().get(id)?;
            let version = forms::version(&form.version);
            let mut e = FieldErrors::default();
            let (after, event) = match change {
                Change::Status => {
                    let to: Option<TenantStatus> = forms::choice(&mut e, "status", &form.status);
                    let reason = forms::required(&mut e, "reason", &form.reason, 500);
                    let Some(to) = to.filter(|_| e.is_empty()) else { return Ok(Err(e)) };
                    if !crate::domain::lifecycle::allowed(current.status, to) {
                        return Err(AppError::Conflict(format!(
                            "An organization that is {} cannot become {}.",
                            current.status.label().to_lowercase(),
                            to.label().to_lowercase()
                        )));
                    }
                    let after = p.tenants().set_status(id, version, to)?;
                    let event = Event::new("tenant.status", "tenant", id)
                        .before(serde_json::json!({ "status": current.status }))
                        .after(serde_json::json!({ "status": after.status, "reason": reason }));
                    (after, event)
                }
                Change::Plan => {
                    let plan: Option<Plan> = forms::choice(&mut e, "plan", &form.plan);
                    let note = forms::optional(&mut e, "plan_reason", &form.reason, 500);
                    let Some(plan) = plan.filter(|_| e.is_empty()) else { return Ok(Err(e)) };
                    let after = p.tenants().set_plan(id, version, plan)?;
                    let event = Event::new("tenant.plan", "tenant", id)
                        .before(serde_json::json!({ "plan": current.plan }))
                        .after(serde_json::json!({ "plan": after.plan, "reason": note }));
                    (after, event)
                }
            };
            p.audit(Some(id), &event)?;
            Ok(Ok(after))
        })
        .await;
    let refused = |errors, problem, status| org_page(&ctx, &state, id, typed.clone(), errors, problem, status);
    match result {
        Ok(Ok(org)) => {
            let done = match change {
                Change::Status => format!("{} is now {}.", org.name, org.status.label().to_lowercase()),
                Change::Plan => format!("{} is now on the {} plan.", org.name, org.plan.label()),
            };
            session::set_flash(&ctx.signed_in.session, "success", done);
            Ok(super::pages::see_other(&format!("/platform/orgs/{id}")))
        }
        Ok(Err(errors)) => refused(errors, None, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(AppError::Conflict(msg)) => refused(FieldErrors::default(), Some(msg), StatusCode::CONFLICT).await,
        Err(AppError::Stale) => {
            let msg = "Someone changed this organization since you opened it: here it is as it is now.".to_owned();
            refused(FieldErrors::default(), Some(msg), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e),
    }
}
