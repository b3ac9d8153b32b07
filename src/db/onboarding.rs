//! Onboarding: an organization, its owner and its first hotel, created in one platform
//! transaction. A failure anywhere leaves nothing behind.

use super::hotels::{Hotel, HotelFields};
use super::memberships::NewMembership;
use super::scope::PlatformScope;
use super::tenants::{NewTenant, Tenant};
use super::users::User;
use super::{DbError, DbResult};
use crate::domain::{Role, TenantId};

/// What onboarding needs; validated by the caller.
#[derive(Clone, Debug)]
pub struct Onboarding {
    pub tenant: NewTenant,
    pub owner_email: String,
    pub owner_name: String,
    /// Used only when the owner's account is new.
    pub owner_password_hash: String,
    pub hotel: HotelFields,
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
