//! The organization's users: add an existing or new account with a role, change the role
//! or expiry, deactivate. Only owners touch the owner role, and the last usable owner
//! can never be removed.

use std::collections::BTreeMap;

use actix_web::web;
use askama::Template;
use serde::Deserialize;

use super::error::Reply;
use super::extract::{Member, TenantCtx};
use super::forms::{self, FieldErrors};
use super::manage::{self, Done, Refusal, Shown};
use super::pages::{ok, render, see_other, Chrome, MemberView};
use super::state::State;
use super::urls;
use crate::db::audit::Event;
use crate::db::memberships::{Membership, MembershipChanges, NewMembership};
use crate::db::users::User;
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::roles::Capability;
use crate::domain::{password, AssociationId, Role, Timestamp};
use crate::i18n::Msg;
use crate::web::error::AppError;

#[derive(Template)]
#[template(path = "members/index.html")]
struct IndexPage {
    chrome: Chrome,
    members: Vec<(Membership, User)>,
    now: Timestamp,
}

pub async fn index(ctx: TenantCtx, state: State) -> Reply {
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
            errors.add("expires_on", Msg::new("member-expiry-format"));
            None
        }
    }
}

impl AddForm {
    fn parse(&self) -> Result<NewMember, FieldErrors> {
        let mut e = FieldErrors::default();
        let email = forms::clean(&self.email).to_lowercase();
        if !forms::looks_like_email(&email) {
            e.add("email", Msg::new("form-email"));
        }
        let role = forms::choice(&mut e, "role", &self.role);
        let expires_at = expiry(&mut e, &self.expires_on);
        let typed = forms::clean(&self.password);
        if !typed.is_empty() && typed.chars().count() < password::MIN_LENGTH {
            e.add("password", Msg::new("member-password-too-short").arg("min", password::MIN_LENGTH));
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

pub async fn new_form(ctx: TenantCtx, state: State) -> Reply {
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

pub async fn create(ctx: TenantCtx, state: State, form: web::Form<AddForm>) -> Reply {
    let form = form.into_inner();
    let submitted = form.clone();
    let refused = match ctx.write(&state, move |s, m| add(s, m, &submitted)).await {
        Ok(Added::Existing(email)) => {
            let notice = Msg::new("member-can-sign-in").arg("email", email);
            return Ok(Done::new(notice, urls::members()).reply(&ctx));
        }
        Ok(Added::New { email, password }) => {
            let view = ctx.read(&state, |_, m| Ok(m.view())).await?;
            return ok(&AddedPage { chrome: Chrome::new(&ctx, view, "members"), email, password });
        }
        Ok(Added::Invalid(errors)) => Refusal::invalid(errors),
        Err(e) => manage::refusal(e, |e| {
            matches!(e, AppError::Db(DbError::Conflict(Constraint::Membership)))
                .then(|| manage::field_error("email", Msg::new("member-already")))
        })?,
    };
    let view = ctx.read(&state, |_, m| Ok(m.view())).await?;
    let chrome = Chrome::new(&ctx, view, "members");
    let roles = assignable_roles(chrome.can(Capability::OwnersManage));
    render(refused.status, &NewPage { chrome, form, errors: refused.errors, roles })
}

/// Adds a membership for an existing account, or for a new one with the typed or a
/// generated password, within the plan's number of users.
fn add(s: &mut TenantScope<'_>, m: &Member, form: &AddForm) -> Result<Added, AppError> {
    let new = match form.parse() {
        Ok(new) => new,
        Err(errors) => return Ok(Added::Invalid(errors)),
    };
    if new.role == Role::Owner && !m.can(Capability::OwnersManage) {
        return Err(AppError::Forbidden);
    }
    m.within_plan(crate::domain::plans::Limited::Users, s.memberships().count_active()?)?;
    // A generated password is shown once; only its hash is stored.
    let generated = new.password.clone().unwrap_or_else(crate::domain::password::generate);
    let hash = password::hash(&generated)?;
    let name = if new.full_name.is_empty() {
        new.email.split('@').next().unwrap_or_default().to_owned()
    } else {
        new.full_name.clone()
    };
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
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditForm {
    pub role: String,
    pub expires_on: String,
    pub is_active: Option<String>,
    pub version: String,
    /// The extra grants' checkboxes, `grant:<key>` (one per `Capability::GRANTABLE`).
    #[serde(flatten)]
    pub checked: BTreeMap<String, String>,
}

/// A grant's checkbox name.
fn grant_field(cap: Capability) -> String {
    format!("grant:{}", cap.key())
}

impl EditForm {
    fn from_membership(m: &Membership) -> Self {
        let checked = m.permissions().iter().map(|k| (format!("grant:{k}"), "on".to_owned())).collect();
        Self {
            role: m.role.as_str().into(),
            expires_on: m.expires_at.map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            is_active: m.is_active.then(|| "on".into()),
            version: m.version.to_string(),
            checked,
        }
    }

    /// The grantable capability's box is ticked.
    pub fn grants(&self, cap: &Capability) -> bool {
        self.checked.contains_key(&grant_field(*cap))
    }

    fn parse(&self) -> Result<MembershipChanges, FieldErrors> {
        let mut e = FieldErrors::default();
        let role: Option<Role> = forms::choice(&mut e, "role", &self.role);
        let expires_at = expiry(&mut e, &self.expires_on);
        // Only the grantable rights, and only those the role does not already include.
        let role = role.unwrap_or(Role::Viewer);
        let permissions = Capability::GRANTABLE
            .iter()
            .filter(|c| self.grants(c) && !role.allows(**c))
            .map(|c| c.key().to_owned())
            .collect();
        e.into_result(MembershipChanges { role, expires_at, is_active: self.is_active.is_some(), permissions })
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
    grantable: &'static [Capability],
}

/// A membership with its account, and the chrome's view, for the edit page.
type Loaded = (MemberView, Membership, User);

fn load(s: &mut TenantScope<'_>, m: &Member, id: AssociationId) -> Result<Loaded, AppError> {
    let (membership, user) = s.memberships().get_with_user(id)?;
    Ok((m.view(), membership, user))
}

fn edit_page(ctx: &TenantCtx, (view, membership, user): Loaded, shown: Shown<EditForm>, stale: bool) -> EditPage {
    let chrome = Chrome::new(ctx, view, "members");
    let roles = assignable_roles(chrome.can(Capability::OwnersManage));
    EditPage {
        chrome,
        membership,
        user,
        form: shown.form,
        errors: shown.errors,
        roles,
        stale,
        grantable: Capability::GRANTABLE,
    }
}

pub async fn edit_form(ctx: TenantCtx, state: State, path: web::Path<AssociationId>) -> Reply {
    let id = path.into_inner();
    let loaded = ctx.read(&state, move |s, m| load(s, m, id)).await?;
    let form = EditForm::from_membership(&loaded.1);
    let page = edit_page(&ctx, loaded, Shown::new(form), false);
    if page.membership.role == Role::Owner && !page.chrome.can(Capability::OwnersManage) {
        return Err(AppError::Forbidden);
    }
    ok(&page)
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
        return Err(AppError::Conflict(Msg::new("member-last-owner")));
    }
    // A deactivated member's sessions in this organization end now, on every device.
    if before.is_active && !after.is_active {
        s.end_member_sessions(after.user_id)?;
    }
    let action = if before.role != after.role {
        "member.role_change"
    } else if before.permissions() != after.permissions() {
        "member.grants_change"
    } else {
        "member.update"
    };
    m.audit(s, Event::new(action, "membership", id).before(&before).after(&after))?;
    Ok(after)
}

pub async fn update(ctx: TenantCtx, state: State, path: web::Path<AssociationId>, form: web::Form<EditForm>) -> Reply {
    let id = path.into_inner();
    let mut form = form.into_inner();
    let version = forms::version(&form.version);
    let refused = match form.parse() {
        Ok(changes) => match ctx.write(&state, move |s, m| apply(s, m, id, version, &changes)).await {
            Ok(after) => {
                if !after.is_active {
                    state.sessions.forget_user(after.user_id);
                }
                return Ok(Done::new(Msg::new("member-saved"), urls::members()).reply(&ctx));
            }
            Err(e) => manage::refusal(e, |_| None)?,
        },
        Err(errors) => Refusal::invalid(errors),
    };
    let loaded = ctx.read(&state, move |s, m| load(s, m, id)).await?;
    let stale = refused.stale();
    if stale {
        form.version = loaded.1.version.to_string();
    }
    let shown = Shown { form, errors: refused.errors, conflict: vec![] };
    render(refused.status, &edit_page(&ctx, loaded, shown, stale))
}

/// Deactivates (or reactivates) a membership in one click from the list.
pub async fn toggle_active(ctx: TenantCtx, state: State, path: web::Path<AssociationId>) -> Reply {
    let id = path.into_inner();
    let toggled = ctx
        .write(&state, move |s, m| {
            let current = s.memberships().get(id)?;
            let changes = MembershipChanges {
                role: current.role,
                expires_at: current.expires_at,
                is_active: !current.is_active,
                permissions: current.permissions(),
            };
            apply(s, m, id, current.version, &changes)
        })
        .await;
    let after = match toggled {
        Ok(after) => after,
        // The last owner: back to the list, which says why.
        Err(AppError::Conflict(message)) => {
            ctx.flash("error", message);
            return Ok(see_other(&urls::members()));
        }
        Err(e) => return Err(e),
    };
    if !after.is_active {
        state.sessions.forget_user(after.user_id);
    }
    let notice = if after.is_active { "member-reactivated" } else { "member-deactivated-notice" };
    ctx.flash("success", Msg::new(notice));
    Ok(see_other(&urls::members()))
}
