//! Onboarding: an organization, its owner and its first hotel, created in one platform
//! transaction. A failure anywhere leaves nothing behind.

use super::hotels::{Hotel, HotelFields};
use super::memberships::NewMembership;
use super::scope::PlatformScope;
use super::tenants::{NewTenant, Tenant};
use super::users::User;
use super::{DbError, DbResult};
use crate::domain::onboarding::NewOrganization;
use crate::domain::settings::TenantSettings;
use crate::domain::{Role, TenantId, TenantStatus, Timestamp};

/// What onboarding needs; validated by the caller (see [`NewOrganization`]).
#[derive(Clone, Debug)]
pub struct Onboarding {
    pub tenant: NewTenant,
    pub owner_email: String,
    pub owner_name: String,
    /// Used only when the owner's account is new.
    pub owner_password_hash: String,
    pub hotel: HotelFields,
}

/// The rows of a checked organization: a fresh id, default settings, and a trial of 30
/// days from now when it starts on a trial.
impl From<&NewOrganization> for Onboarding {
    fn from(o: &NewOrganization) -> Self {
        let trial_ends_at =
            (o.status == TenantStatus::Trial).then(|| Timestamp(chrono::Utc::now() + chrono::Duration::days(30)));
        Self {
            tenant: NewTenant {
                id: TenantId::new(),
                name: o.name.clone(),
                slug: o.slug.clone(),
                kind: o.kind,
                status: o.status,
                email: None,
                phone: None,
                address: None,
                currency: o.currency.clone(),
                timezone: o.timezone.clone(),
                locale: o.locale.clone(),
                plan: o.plan,
                trial_ends_at,
                settings: TenantSettings::default().to_json().into(),
            },
            owner_email: o.owner_email.clone(),
            owner_name: o.owner_name.clone(),
            owner_password_hash: o.owner_password_hash.clone(),
            hotel: HotelFields {
                code: o.hotel_code.clone(),
                name: o.hotel_name.clone(),
                timezone: o.timezone.clone(),
                is_active: true,
                ..HotelFields::default()
            },
        }
    }
}

#[derive(Debug)]
pub struct Onboarded {
    pub tenant: Tenant,
    pub owner: User,
    /// The owner's account was created now (its initial password is the caller's to show).
    pub new_account: bool,
    pub hotel: Hotel,
}

/// Test hook: with `HOTELIER_FAILPOINT=onboarding.after_hotel`, onboarding fails right
/// after inserting the hotel, so a test can show that nothing remains.
fn failpoint(name: &str) -> DbResult<()> {
    match std::env::var("HOTELIER_FAILPOINT") {
        Ok(v) if v == name => Err(DbError::Check(format!("failpoint {name}"))),
        _ => Ok(()),
    }
}

impl PlatformScope<'_> {
    pub fn onboard(&mut self, o: &Onboarding) -> DbResult<Onboarded> {
        let tenant = self.tenants().create(&o.tenant)?;
        let id: TenantId = tenant.id;
        let mut t = self.tenant(id);
        let (owner, new_account) = t.find_or_create_user(&o.owner_email, &o.owner_name, &o.owner_password_hash)?;
        t.memberships().create(&NewMembership {
            user_id: owner.id,
            role: Role::Owner,
            permissions: vec![],
            is_primary: false,
            expires_at: None,
        })?;
        let hotel = t.hotels().create(&o.hotel)?;
        failpoint("onboarding.after_hotel")?;
        t.audit(
            &super::audit::Event::new("tenant.onboard", "tenant", id)
                .after(serde_json::json!({ "slug": tenant.slug, "owner": owner.email, "hotel": hotel.code })),
        )?;
        Ok(Onboarded { tenant, owner, new_account, hotel })
    }
}
