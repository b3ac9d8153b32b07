//! The organization's users: add an existing or new account with a role, change the role
//! or expiry, deactivate. Only owners touch the owner role, and the last usable owner
//! can never be removed.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::extract::{Member, TenantCtx};
use super::forms::{self, FieldErrors};
use super::pages::{ok, render, see_other, Chrome};
use super::AppState;
use crate::db::audit::Event;
use crate::db::memberships::{Membership, MembershipChanges, NewMembership};
use crate::db::users::User;
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::roles::Capability;
use crate::domain::{password, AssociationId, Role, Timestamp};
use crate::error::AppError;

#[derive(Template)]
#[template(path = "members/index.html")]
struct IndexPage {
    chrome: Chrome,
    members: Vec<(Membership, User)>,
    now: Timestamp,
}

pub async fn index(ctx: TenantCtx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let (view, members) = ctx.read(&state, |s, m| Ok((m.view(), s.memberships().list()?))).await?;
    ok(&IndexPage { chrome: Chrome::new(&ctx, view, "members"), members, now: Timestamp::now() })
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddForm {
    pub email: String,
    pub full_name: String,
    pub role: String,
    pub expires_on: String,
    pub password: String,
}

struct NewMember {
    email: String,
    full_name: String,
    role: Role,
    expires_at: Option<Timestamp>,
    password: Option<String>,
}

fn expiry(errors: &mut FieldErrors, raw: &str) -> Option<Timestamp> {
    let raw = forms::clean(raw);
    if raw.is_empty() {
        return None;
    }
    match forms::day(&raw) {
        Some(date) => date.and_hms_opt(0, 0, 0).map(|t| Timestamp(t.and_utc())),
        None => {
            errors.add("expires_on", "Enter a date like 2027-01-31, or leave it empty.");
            None
        }
    }
}

impl AddForm {
    fn parse(&self) -> Result<NewMember, FieldErrors> {
        let mut e = FieldErrors::default();
        let email = forms::clean(&self.email).to_lowercase();
        if !forms::looks_like_email(&email) {
            e.add("email", "Enter an email address like name@example.com.");
        }
        let role = forms::choice(&mut e, "role", &self.role);
        let expires_at = expiry(&mut e, &self.expires_on);
        let typed = forms::clean(&self.password);
        if !typed.is_empty() && typed.chars().count() < password::MIN_LENGTH {
            e.add(
                "password",
                format!("Use at least {} characters, or leave it empty to generate one.", password::MIN_LENGTH),
            );
        }
        let member = NewMember {
            email,
            full_name: forms::optional(&mut e, "full_name", &self.full_name, 200).unwrap_or_default(),
            role: role.unwrap_or(Role::Viewer),
            expires_at,
            password: (!typed.is_empty()).then_some(typed),
        };
        e.into_result(member)
    }
}

#[derive(Template)]
#[template(path = "members/new.html")]
struct NewPage {
    chrome: Chrome,
    form: AddForm,
    errors: FieldErrors,
    roles: Vec<Role>,
}

fn assignable_roles(chrome_can_owners: bool) -> Vec<Role> {
    Role::ALL.iter().copied().filter(|r| chrome_can_owners || *r != Role::Owner).collect()
}

pub async fn new_form(ctx: TenantCtx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let view = ctx.read(&state, |_, m| Ok(m.view())).await?;
    let chrome = Chrome::new(&ctx, view, "members");
    let roles = assignable_roles(chrome.can(Capability::OwnersManage));
    ok(&NewPage {
        chrome,
        form: AddForm { role: "staff".into(), ..Default::default() },
        errors: FieldErrors::default(),
        roles,
    })
}

#[derive(Template)]
#[template(path = "members/added.html")]
struct AddedPage {
    chrome: Chrome,
    email: String,
    password: String,
}

enum Added {
    Existing(String),
    New { email: String, password: String },
    Invalid(FieldErrors),
}

pub async fn create(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    form: web::Form<AddForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let submitted = form.clone();
    let result = ctx
        .write(&state, move |s, m| {
            let new = match submitted.parse() {
                Ok(new) => new,
                Err(errors) => return Ok(Added::Invalid(errors)),
            };
            if new.role == Role::Owner && !m.can(Capability::OwnersManage) {
                return Err(AppError::Forbidden);
            }
            m.within_plan(crate::domain::plans::Limited::Users, s.memberships().count_active()?)?;
            // A generated password is shown once; only its hash is stored.
            let generated = new.password.clone().unwrap_or_else(generate_password);
            let hash = password::hash(&generated)?;
            let name = if new.full_name.is_empty() { new.email.split('@').next().unwrap_or_default().to_owned() } else { new.full_name.clone() };
            let (user, created) = s.find_or_create_user(&new.email, &name, &hash)?;
            let membership = s.memberships().create(&NewMembership {
                user_id: user.id,
                role: new.role,
                permissions: vec![],
                is_primary: false,
                expires_at: new.expires_at,
            })?;
            m.audit(
                s,
                Event::new("member.add", "membership", membership.id)
                    .after(serde_json::json!({ "email": user.email, "role": new.role, "expires_at": new.expires_at, "new_account": created })),
            )?;
            Ok(if created && new.password.is_none() {
                Added::New { email: user.email, password: generated }
            } else {
                Added::Existing(user.email)
            })
        })
        .await;
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    let errors = match result {
        Ok(Added::Existing(email)) => {
            ctx.flash("success", format!("{email} can now sign in to this organization."));
            return Ok(see_other("/members"));
        }
        Ok(Added::New { email, password }) => {
            let view = ctx.read(&state, |_, m| Ok(m.view())).await?;
            return ok(&AddedPage { chrome: Chrome::new(&ctx, view, "members"), email, password });
        }
        Ok(Added::Invalid(errors)) => errors,
        Err(AppError::Db(DbError::Conflict(Constraint::Membership))) => {
            let mut errors = FieldErrors::default();
            errors.add("email", "This person is already a member. Change their role from the list instead.");
            errors
        }
        Err(AppError::NotInPlan(msg)) => {
            status = StatusCode::FORBIDDEN;
            FieldErrors::for_form(msg)
        }
        Err(e) => return Err(e),
    };
    let view = ctx.read(&state, |_, m| Ok(m.view())).await?;
    let chrome = Chrome::new(&ctx, view, "members");
    let roles = assignable_roles(chrome.can(Capability::OwnersManage));
    render(status, &NewPage { chrome, form, errors, roles })
}

fn generate_password() -> String {
    super::session::random_token().chars().take(16).collect()
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditForm {
    pub role: String,
    pub expires_on: String,
    pub is_active: Option<String>,
    pub version: String,
}

impl EditForm {
    fn from_membership(m: &Membership) -> Self {
        Self {
            role: m.role.as_str().into(),
            expires_on: m.expires_at.map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            is_active: m.is_active.then(|| "on".into()),
            version: m.version.to_string(),
        }
    }

    fn parse(&self) -> Result<MembershipChanges, FieldErrors> {
        let mut e = FieldErrors::default();
        let role = forms::choice(&mut e, "role", &self.role);
        let expires_at = expiry(&mut e, &self.expires_on);
        e.into_result(MembershipChanges {
            role: role.unwrap_or(Role::Viewer),
            expires_at,
            is_active: self.is_active.is_some(),
        })
    }
}

#[derive(Template)]
#[template(path = "members/edit.html")]
struct EditPage {
    chrome: Chrome,
    membership: Membership,
    user: User,
    form: EditForm,
    errors: FieldErrors,
    roles: Vec<Role>,
    stale: bool,
}

fn parse_id(raw: &str) -> Result<AssociationId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

fn load(s: &mut TenantScope<'_>, id: AssociationId) -> Result<(Membership, User), AppError> {
    Ok(s.memberships().get_with_user(id)?)
}

pub async fn edit_form(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let (view, membership, user) = ctx
        .read(&state, move |s, m| {
            let (membership, user) = load(s, id)?;
            Ok((m.view(), membership, user))
        })
        .await?;
    let chrome = Chrome::new(&ctx, view, "members");
    if membership.role == Role::Owner && !chrome.can(Capability::OwnersManage) {
        return Err(AppError::Forbidden);
    }
    let roles = assignable_roles(chrome.can(Capability::OwnersManage));
    let form = EditForm::from_membership(&membership);
    ok(&EditPage { chrome, membership, user, form, errors: FieldErrors::default(), roles, stale: false })
}

/// Applies a membership change under the owner rules, and audits it.
fn apply(
    s: &mut TenantScope<'_>,
    m: &Member,
    id: AssociationId,
    version: i32,
    changes: &MembershipChanges,
) -> Result<Membership, AppError> {
    let before = s.memberships().get(id)?;
    let touches_owner = before.role == Role::Owner || changes.role == Role::Owner;
    if touches_owner && !m.can(Capability::OwnersManage) {
        return Err(AppError::Forbidden);
    }
    let after = s.memberships().update(id, version, changes)?;
    if s.memberships().usable_owners()? == 0 {
        return Err(AppError::Conflict(
            "An organization needs at least one active owner. Make someone else owner first.".into(),
        ));
    }
    let action = if before.role != after.role { "member.role_change" } else { "member.update" };
    m.audit(s, Event::new(action, "membership", id).before(&before).after(&after))?;
    Ok(after)
}

pub async fn update(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<EditForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let mut form = form.into_inner();
    let version = forms::version(&form.version);
    let (status, errors, stale) = match form.parse() {
        Ok(changes) => match ctx.write(&state, move |s, m| apply(s, m, id, version, &changes)).await {
            Ok(_) => {
                ctx.flash("success", "Membership saved.");
                return Ok(see_other("/members"));
            }
            Err(AppError::Stale) => (StatusCode::CONFLICT, FieldErrors::default(), true),
            Err(e) => return Err(e),
        },
        Err(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors, false),
    };
    let (view, membership, user) = ctx
        .read(&state, move |s, m| {
            let (membership, user) = load(s, id)?;
            Ok((m.view(), membership, user))
        })
        .await?;
    if stale {
        form.version = membership.version.to_string();
    }
    let chrome = Chrome::new(&ctx, view, "members");
    let roles = assignable_roles(chrome.can(Capability::OwnersManage));
    render(status, &EditPage { chrome, membership, user, form, errors, roles, stale })
}

/// Deactivates (or reactivates) a membership in one click from the list.
pub async fn toggle_active(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let after = ctx
        .write(&state, move |s, m| {
            let current = s.memberships().get(id)?;
            let changes =
                MembershipChanges { role: current.role, expires_at: current.expires_at, is_active: !current.is_active };
            apply(s, m, id, current.version, &changes)
        })
        .await?;
    ctx.flash(
        "success",
        if after.is_active {
            "Membership reactivated."
        } else {
            "Membership deactivated: that person has lost access."
        },
    );
    Ok(see_other("/members"))
}
