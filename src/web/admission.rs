//! Admission: may this signed-in user run this request in this organization?
//!
//! Every check of a tenant request, in order, in one pure function ([`admit`]) over what
//! the request's transaction loaded ([`Acting`]): the account (active, its sessions not
//! ended since sign-in), the membership (usable, or a super admin visiting), the
//! organization's status, the trial (ended: read-only), the route's capability (role and
//! extra grants) and the plan (the capability's feature). `check_account` (routes without
//! a tenant) and the page chrome's `can` reuse the same steps, so each rule has one home.
//! No I/O here: the checks are a table in the tests below.

use crate::db::memberships::{Acting, Membership};
use crate::db::tenants::Tenant;
use crate::db::users::User;
use crate::db::Access;
use crate::domain::plans::Feature;
use crate::domain::roles::{Capability, Grants};
use crate::domain::{Plan, Role, TenantStatus, Timestamp};
use crate::i18n::{Labelled, Msg};
use crate::web::error::AppError;

/// What the request asks for, beside who asks.
#[derive(Clone, Copy, Debug)]
pub struct Admission {
    /// The session epoch the cookie carries (see `SessionState::epoch`).
    pub epoch: i32,
    pub access: Access,
    /// The route's capability (`RouteCap`).
    pub capability: Capability,
    pub now: Timestamp,
}

/// An admitted member: what they may do, and whether they are a visiting super admin.
#[derive(Clone, Debug)]
pub struct Admitted {
    pub grants: Grants,
    /// A super admin working inside an organization they do not belong to.
    pub visiting: bool,
}

/// Why a request is refused, in the order the checks run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The account is inactive, or its sessions were ended after this one began.
    Unauthenticated,
    /// No usable membership (and not a super admin), or the organization is deleted.
    NoTenant,
    /// The organization is suspended or cancelled.
    TenantBlocked { name: String, status: TenantStatus },
    /// A write in an organization whose trial has ended.
    TrialEnded,
    /// The role and grants lack the route's capability.
    Forbidden,
    /// The plan does not include the capability's feature.
    NotInPlan { feature: Feature, plan: Plan },
}

/// All the checks of a tenant request, in order.
pub fn admit(acting: &Acting, request: &Admission) -> Result<Admitted, Refusal> {
    let user = &acting.user;
    account(user, request.epoch)?;
    let admitted = membership(user, acting.membership.as_ref(), request.now)?;
    tenant_usable(&acting.tenant, user)?;
    if request.access == Access::Write && trial_ended(&acting.tenant, admitted.visiting, request.now) {
        return Err(Refusal::TrialEnded);
    }
    capability(&admitted.grants, acting.tenant.plan, request.capability)?;
    Ok(admitted)
}

/// The account is active and its sessions were not ended since sign-in (`epoch`).
pub fn account(user: &User, epoch: i32) -> Result<(), Refusal> {
    if !user.is_active || user.session_epoch != epoch {
        return Err(Refusal::Unauthenticated);
    }
    Ok(())
}

/// A usable membership grants its role and extra grants; without one, a super admin
/// visits as an owner; anyone else has no organization here.
pub fn membership(user: &User, membership: Option<&Membership>, now: Timestamp) -> Result<Admitted, Refusal> {
    match membership {
        Some(m) if m.is_usable(now) => {
            Ok(Admitted { grants: Grants { role: m.role, extra: m.permissions() }, visiting: false })
        }
        _ if user.is_super_admin => {
            Ok(Admitted { grants: Grants { role: Role::Owner, extra: vec![] }, visiting: true })
        }
        _ => Err(Refusal::NoTenant),
    }
}

/// A deleted organization is gone, a suspended or cancelled one is blocked: for everyone
/// but a super admin.
fn tenant_usable(tenant: &Tenant, user: &User) -> Result<(), Refusal> {
    if user.is_super_admin {
        return Ok(());
    }
    if tenant.deleted_at.is_some() {
        return Err(Refusal::NoTenant);
    }
    if matches!(tenant.status, TenantStatus::Suspended | TenantStatus::Cancelled) {
        return Err(Refusal::TenantBlocked { name: tenant.name.clone(), status: tenant.status });
    }
    Ok(())
}

/// A trial organization past `trial_ends_at` is read-only for its members (a visiting
/// super admin may still act).
pub fn trial_ended(tenant: &Tenant, visiting: bool, now: Timestamp) -> bool {
    !visiting && tenant.status == TenantStatus::Trial && tenant.trial_ends_at.is_some_and(|end| end < now)
}

/// The role (or an extra grant) allows `cap`, and the plan includes what it needs.
pub fn capability(grants: &Grants, plan: Plan, cap: Capability) -> Result<(), Refusal> {
    if !grants.allows(cap) {
        return Err(Refusal::Forbidden);
    }
    match cap.feature() {
        Some(feature) if !plan.includes(feature) => Err(Refusal::NotInPlan { feature, plan }),
        _ => Ok(()),
    }
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::Unauthenticated => AppError::Unauthenticated,
            Refusal::NoTenant => AppError::NoTenant,
            Refusal::TenantBlocked { name, status } => AppError::TenantBlocked { name, status },
            Refusal::TrialEnded => AppError::TrialEnded,
            Refusal::Forbidden => AppError::Forbidden,
            Refusal::NotInPlan { feature, plan } => AppError::NotInPlan(
                Msg::new("rule-not-in-plan").arg("feature", feature.label_msg()).arg("plan", plan.label_msg()),
            ),
        }
    }
}

#[cfg(test)]
mod tests;
