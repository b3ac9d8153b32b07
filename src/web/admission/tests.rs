//! Every branch of [`admit`], as a table: one row per case, the columns in the order the
//! checks run.

use chrono::Duration;

use super::*;
use crate::domain::ids::{AssociationId, TenantId, UserId};
use crate::domain::values::JsonValue;
use crate::domain::TenantKind;

/// The membership the user has in this organization.
#[derive(Clone, Copy, Debug)]
enum Ms {
    None,
    Usable(Role),
    /// Usable, with one extra grant (`Membership::permissions`).
    Granted(Role, Capability),
    Inactive(Role),
    Expired(Role),
}

/// The organization's state.
#[derive(Clone, Copy, Debug)]
enum Org {
    Active,
    /// A trial; `true` when `trial_ends_at` has passed.
    Trial(bool),
    /// A trial without an end date.
    TrialOpen,
    /// Active, with a past `trial_ends_at` left over from its trial.
    ActiveAfterTrial,
    Inactive,
    Suspended,
    Cancelled,
    Deleted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    Member(Role),
    Visiting,
    Unauthenticated,
    NoTenant,
    TenantBlocked,
    TrialEnded,
    Forbidden,
    NotInPlan,
}

const R: Access = Access::Read;
const W: Access = Access::Write;

use Capability as C;
use Expect as E;
use Plan::{Enterprise as Ent, Professional as Pro, Starter};
use Role::{Admin, Owner, Staff, Viewer};

/// (account active, epoch current, membership, super admin, organization, access,
///  route capability, plan) → outcome.
type Row = (bool, bool, Ms, bool, Org, Access, Capability, Plan, Expect);

#[rustfmt::skip]
const TABLE: &[Row] = &[
    // The account comes first: nothing else matters if it fails.
    (true,  true,  Ms::Usable(Staff),   false, Org::Active,    R, C::View,             Pro,     E::Member(Staff)),
    (false, true,  Ms::Usable(Staff),   false, Org::Active,    R, C::View,             Pro,     E::Unauthenticated),
    (true,  false, Ms::Usable(Staff),   false, Org::Active,    R, C::View,             Pro,     E::Unauthenticated),
    (false, true,  Ms::None,            true,  Org::Active,    R, C::View,             Pro,     E::Unauthenticated),
    (true,  false, Ms::None,            true,  Org::Active,    R, C::View,             Pro,     E::Unauthenticated),
    (true,  false, Ms::None,            false, Org::Suspended, W, C::UsersManage,      Starter, E::Unauthenticated),
    // The membership: usable, or a super admin visiting as owner.
    (true,  true,  Ms::None,            false, Org::Active,    R, C::View,             Pro,     E::NoTenant),
    (true,  true,  Ms::Inactive(Admin), false, Org::Active,    R, C::View,             Pro,     E::NoTenant),
    (true,  true,  Ms::Expired(Admin),  false, Org::Active,    R, C::View,             Pro,     E::NoTenant),
    (true,  true,  Ms::None,            true,  Org::Active,    W, C::UsersManage,      Pro,     E::Visiting),
    (true,  true,  Ms::Inactive(Staff), true,  Org::Active,    W, C::UsersManage,      Pro,     E::Visiting),
    (true,  true,  Ms::Expired(Viewer), true,  Org::Active,    R, C::View,             Pro,     E::Visiting),
    (true,  true,  Ms::Usable(Viewer),  true,  Org::Active,    R, C::View,             Pro,     E::Member(Viewer)),
    (true,  true,  Ms::None,            false, Org::Suspended, R, C::View,             Pro,     E::NoTenant),
    // The organization: deleted, suspended, cancelled (a super admin still gets in).
    (true,  true,  Ms::Usable(Owner),   false, Org::Deleted,   R, C::View,             Pro,     E::NoTenant),
    (true,  true,  Ms::None,            true,  Org::Deleted,   R, C::View,             Pro,     E::Visiting),
    (true,  true,  Ms::Usable(Owner),   false, Org::Suspended, R, C::View,             Pro,     E::TenantBlocked),
    (true,  true,  Ms::Usable(Owner),   false, Org::Cancelled, R, C::View,             Pro,     E::TenantBlocked),
    (true,  true,  Ms::Usable(Viewer),  false, Org::Suspended, W, C::UsersManage,      Pro,     E::TenantBlocked),
    (true,  true,  Ms::None,            true,  Org::Suspended, W, C::View,             Pro,     E::Visiting),
    (true,  true,  Ms::None,            true,  Org::Cancelled, R, C::View,             Pro,     E::Visiting),
    (true,  true,  Ms::Usable(Staff),   true,  Org::Suspended, R, C::View,             Pro,     E::Member(Staff)),
    (true,  true,  Ms::Usable(Staff),   false, Org::Inactive,  W, C::View,             Pro,     E::Member(Staff)),
    // The trial: ended means read-only for members, not for a visiting super admin.
    (true,  true,  Ms::Usable(Owner),   false, Org::Trial(true),  W, C::View,          Pro,     E::TrialEnded),
    (true,  true,  Ms::Usable(Owner),   false, Org::Trial(true),  R, C::View,          Pro,     E::Member(Owner)),
    (true,  true,  Ms::Usable(Owner),   false, Org::Trial(false), W, C::View,          Pro,     E::Member(Owner)),
    (true,  true,  Ms::Usable(Owner),   false, Org::TrialOpen,    W, C::View,          Pro,     E::Member(Owner)),
    (true,  true,  Ms::Usable(Owner),   false, Org::ActiveAfterTrial, W, C::View,      Pro,     E::Member(Owner)),
    (true,  true,  Ms::None,            true,  Org::Trial(true),  W, C::View,          Pro,     E::Visiting),
    (true,  true,  Ms::Usable(Staff),   true,  Org::Trial(true),  W, C::View,          Pro,     E::TrialEnded),
    (true,  true,  Ms::Usable(Viewer),  false, Org::Trial(true),  W, C::UsersManage,   Pro,     E::TrialEnded),
    // The capability: the role, or an extra grant.
    (true,  true,  Ms::Usable(Viewer),  false, Org::Active,    W, C::ReservationsEdit, Pro,     E::Forbidden),
    (true,  true,  Ms::Usable(Staff),   false, Org::Active,    W, C::PaymentsCreate,   Pro,     E::Forbidden),
    (true,  true,  Ms::Granted(Staff, C::PaymentsCreate), false, Org::Active, W, C::PaymentsCreate, Pro, E::Member(Staff)),
    (true,  true,  Ms::Granted(Staff, C::PaymentsCreate), false, Org::Active, W, C::UsersManage,    Pro, E::Forbidden),
    (true,  true,  Ms::Usable(Admin),   false, Org::Active,    W, C::UsersManage,      Pro,     E::Member(Admin)),
    (true,  true,  Ms::Usable(Viewer),  false, Org::Active,    R, C::DataExport,       Starter, E::Forbidden),
    // The plan: the capability's feature (for a visiting super admin too).
    (true,  true,  Ms::Usable(Staff),   false, Org::Active,    R, C::Kiosk,            Starter, E::NotInPlan),
    (true,  true,  Ms::Usable(Staff),   false, Org::Active,    R, C::Kiosk,            Pro,     E::Member(Staff)),
    (true,  true,  Ms::Usable(Viewer),  false, Org::Active,    R, C::Reports,          Starter, E::NotInPlan),
    (true,  true,  Ms::Usable(Owner),   false, Org::Active,    W, C::DataExport,       Pro,     E::NotInPlan),
    (true,  true,  Ms::Usable(Owner),   false, Org::Active,    W, C::DataExport,       Ent,     E::Member(Owner)),
    (true,  true,  Ms::None,            true,  Org::Active,    R, C::Kiosk,            Starter, E::NotInPlan),
    (true,  true,  Ms::Usable(Viewer),  false, Org::Active,    R, C::View,             Starter, E::Member(Viewer)),
];

const EPOCH: i32 = 3;

fn now() -> Timestamp {
    Timestamp::now()
}

fn user(active: bool, super_admin: bool) -> User {
    let t = now();
    User {
        id: UserId::new(),
        email: "someone@example.com".into(),
        full_name: "Some One".into(),
        password_hash: String::new(),
        is_super_admin: super_admin,
        is_active: active,
        failed_logins: 0,
        last_failed_login_at: None,
        locked_until: None,
        session_epoch: EPOCH,
        last_login_at: None,
        created_at: t,
        updated_at: t,
        version: 1,
        kiosk_pin_hash: None,
        language: None,
    }
}

fn membership(ms: Ms, tenant: TenantId, user: UserId) -> Option<Membership> {
    let t = now();
    let (role, is_active, expires_at, grants) = match ms {
        Ms::None => return None,
        Ms::Usable(role) => (role, true, None, vec![]),
        Ms::Granted(role, cap) => (role, true, Some(*t + Duration::days(1)), vec![cap.key()]),
        Ms::Inactive(role) => (role, false, None, vec![]),
        Ms::Expired(role) => (role, true, Some(*t - Duration::minutes(1)), vec![]),
    };
    Some(Membership {
        tenant_id: tenant,
        id: AssociationId::new(),
        user_id: user,
        role,
        permissions: JsonValue(serde_json::json!(grants)),
        is_active,
        is_primary: true,
        assigned_at: t,
        expires_at: expires_at.map(Timestamp),
        last_accessed_at: None,
        created_at: t,
        updated_at: t,
        version: 1,
    })
}

fn tenant(org: Org, plan: Plan) -> Tenant {
    let t = now();
    let past = Some(Timestamp(*t - Duration::days(1)));
    let future = Some(Timestamp(*t + Duration::days(1)));
    let (status, trial_ends_at, deleted_at) = match org {
        Org::Active => (TenantStatus::Active, None, None),
        Org::Trial(ended) => (TenantStatus::Trial, if ended { past } else { future }, None),
        Org::TrialOpen => (TenantStatus::Trial, None, None),
        Org::ActiveAfterTrial => (TenantStatus::Active, past, None),
        Org::Inactive => (TenantStatus::Inactive, None, None),
        Org::Suspended => (TenantStatus::Suspended, None, None),
        Org::Cancelled => (TenantStatus::Cancelled, None, None),
        Org::Deleted => (TenantStatus::Active, None, Some(t)),
    };
    Tenant {
        id: TenantId::new(),
        name: "Alpha Hotels".into(),
        slug: "alpha-hotels".into(),
        kind: TenantKind::Chain,
        status,
        email: None,
        phone: None,
        address: None,
        currency: "USD".into(),
        timezone: "UTC".into(),
        locale: "en-US".into(),
        plan,
        trial_ends_at,
        settings: JsonValue::default(),
        created_at: t,
        updated_at: t,
        deleted_at,
        version: 1,
    }
}

fn outcome(result: Result<Admitted, Refusal>) -> Expect {
    match result {
        Ok(Admitted { visiting: true, grants }) => {
            assert_eq!(grants.role, Owner, "a visiting super admin acts as an owner");
            E::Visiting
        }
        Ok(Admitted { visiting: false, grants }) => E::Member(grants.role),
        Err(Refusal::Unauthenticated) => E::Unauthenticated,
        Err(Refusal::NoTenant) => E::NoTenant,
        Err(Refusal::TenantBlocked { .. }) => E::TenantBlocked,
        Err(Refusal::TrialEnded) => E::TrialEnded,
        Err(Refusal::Forbidden) => E::Forbidden,
        Err(Refusal::NotInPlan { .. }) => E::NotInPlan,
    }
}

#[test]
fn admission_table() {
    for (i, &(active, epoch_current, ms, super_admin, org, access, capability, plan, expect)) in
        TABLE.iter().enumerate()
    {
        let user = user(active, super_admin);
        let tenant = tenant(org, plan);
        let acting = Acting { membership: membership(ms, tenant.id, user.id), user, tenant };
        let epoch = if epoch_current { EPOCH } else { EPOCH - 1 };
        let request = Admission { epoch, access, capability, now: now() };
        let got = outcome(admit(&acting, &request));
        assert_eq!(got, expect, "row {i}: {:?}", TABLE[i]);
    }
}

#[test]
fn every_outcome_has_a_row() {
    let all =
        [E::Visiting, E::Unauthenticated, E::NoTenant, E::TenantBlocked, E::TrialEnded, E::Forbidden, E::NotInPlan];
    for want in all {
        assert!(TABLE.iter().any(|row| row.8 == want), "no row expects {want:?}");
    }
    assert!(TABLE.iter().any(|row| matches!(row.8, E::Member(_))));
}

#[test]
fn refusals_keep_their_messages_and_statuses() {
    use actix_web::ResponseError;
    let blocked = Refusal::TenantBlocked { name: "Alpha Hotels".into(), status: TenantStatus::Suspended };
    let err = AppError::from(blocked);
    assert_eq!(err.status_code(), actix_web::http::StatusCode::FORBIDDEN);
    assert!(crate::i18n::Tr::english().msg(&err.public_message()).starts_with("Alpha Hotels is suspended"));
    let err = AppError::from(Refusal::NotInPlan { feature: Feature::Kiosk, plan: Plan::Starter });
    assert_eq!(
        crate::i18n::Tr::english().msg(&err.public_message()),
        "The front-desk kiosk is not part of the Starter plan. An owner can ask Hotelier to upgrade."
    );
}
