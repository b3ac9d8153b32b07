//! `user_tenant_associations`: who belongs to which organization, with what role.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::{tenants, user_tenant_associations as uta, users};
use super::scope::{scoped_insert, TenantScope, UserScope};
use super::tenants::Tenant;
use super::users::User;
use super::{versioned, DbResult};
use crate::domain::enums::Role;
use crate::domain::ids::{AssociationId, TenantId, UserId};
use crate::domain::values::{JsonValue, Timestamp};

/// Also a whole row: export and import (`db::transfer`), bulk loads (`TenantScope::load`,
/// which sets `tenant_id` to the scope's before anything is written).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = uta, treat_none_as_default_value = false)]
pub struct Membership {
    pub tenant_id: TenantId,
    pub id: AssociationId,
    pub user_id: UserId,
    pub role: Role,
    pub permissions: JsonValue,
    pub is_active: bool,
    pub is_primary: bool,
    pub assigned_at: Timestamp,
    pub expires_at: Option<Timestamp>,
    pub last_accessed_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
}

impl Membership {
    /// Active and not expired at `now`: the only memberships that grant access.
    pub fn is_usable(&self, now: Timestamp) -> bool {
        self.is_active && self.expires_at.is_none_or(|t| t > now)
    }

    /// Extra grants such as `payments:create`.
    pub fn permissions(&self) -> Vec<String> {
        serde_json::from_value(self.permissions.0.clone()).unwrap_or_default()
    }

    /// The rights the extra grants add to the role ("Take payments" for a desk agent).
    pub fn extra_grants(&self) -> Vec<crate::domain::roles::Capability> {
        crate::domain::roles::Grants { role: self.role, extra: self.permissions() }.extras()
    }
}

#[derive(Clone, Debug)]
pub struct NewMembership {
    pub user_id: UserId,
    pub role: Role,
    pub permissions: Vec<String>,
    pub is_primary: bool,
    pub expires_at: Option<Timestamp>,
}

/// What an owner or admin may change on a membership.
#[derive(Clone, Debug, Serialize)]
pub struct MembershipChanges {
    pub role: Role,
    pub expires_at: Option<Timestamp>,
    pub is_active: bool,
    /// Extra grants beyond the role (`Capability::key`s).
    pub permissions: Vec<String>,
}

/// Who is acting in a tenant transaction: the user row, their membership in this tenant
/// (none for a visiting super admin) and the tenant itself. Loaded at the start of every
/// request, inside the request's transaction.
pub struct Acting {
    pub user: User,
    pub membership: Option<Membership>,
    pub tenant: Tenant,
}

pub struct Memberships<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn memberships(&mut self) -> Memberships<'_, 'c> {
        Memberships(self)
    }

    pub fn acting(&mut self, user: UserId) -> DbResult<Acting> {
        // The account and its membership here in one query; the organization from the cache.
        let (user, membership): (User, Option<Membership>) = users::table
            .left_join(super::scope::joins::membership_in(self.tenant_id()))
            .filter(users::id.eq(user))
            .select((User::as_select(), Option::<Membership>::as_select()))
            .first(self.conn())?;
        let tenant = self.cached_organization()?;
        Ok(Acting { user, membership, tenant })
    }

    /// The account for `email`, creating it with `password_hash` when none exists.
    /// Returns whether it was created.
    pub fn find_or_create_user(&mut self, email: &str, full_name: &str, password_hash: &str) -> DbResult<(User, bool)> {
        let email = super::users::normalize_email(email);
        let existing =
            users::table.filter(users::email.eq(&email)).select(User::as_select()).first(self.conn()).optional()?;
        if let Some(user) = existing {
            return Ok((user, false));
        }
        let id = UserId::new();
        let now = Timestamp::now();
        diesel::insert_into(users::table)
            .values((
                users::id.eq(id),
                users::email.eq(&email),
                users::full_name.eq(full_name),
                users::password_hash.eq(password_hash),
                users::created_at.eq(now),
                users::updated_at.eq(now),
            ))
            .execute(self.conn())?;
        Ok((users::table.filter(users::id.eq(id)).select(User::as_select()).first(self.conn())?, true))
    }
}

impl Memberships<'_, '_> {
    /// The organization's members with their user rows.
    pub fn list(self) -> DbResult<Vec<(Membership, User)>> {
        let s = self.0;
        Ok(s.all(uta::table)
            .inner_join(users::table.on(users::id.eq(uta::user_id)))
            .order(users::full_name)
            .select((Membership::as_select(), User::as_select()))
            .load(s.conn())?)
    }

    pub fn get(self, id: AssociationId) -> DbResult<Membership> {
        let s = self.0;
        Ok(s.all(uta::table).filter(uta::id.eq(id)).select(Membership::as_select()).first(s.conn())?)
    }

    /// One membership with its account, in one query.
    pub fn get_with_user(self, id: AssociationId) -> DbResult<(Membership, User)> {
        let s = self.0;
        Ok(s.all(uta::table)
            .filter(uta::id.eq(id))
            .inner_join(users::table.on(users::id.eq(uta::user_id)))
            .select((Membership::as_select(), User::as_select()))
            .first(s.conn())?)
    }

    /// Active memberships, for the plan's user limit.
    pub fn count_active(self) -> DbResult<i64> {
        let s = self.0;
        Ok(s.all(uta::table).filter(uta::is_active.eq(true)).count().get_result(s.conn())?)
    }

    pub fn for_user(self, user: UserId) -> DbResult<Option<Membership>> {
        let s = self.0;
        Ok(s.all(uta::table)
            .filter(uta::user_id.eq(user))
            .select(Membership::as_select())
            .first(s.conn())
            .optional()?)
    }

    pub fn create(self, new: &NewMembership) -> DbResult<Membership> {
        let s = self.0;
        let (id, now) = (AssociationId::new(), Timestamp::now());
        scoped_insert!(
            s,
            user_tenant_associations,
            (
                uta::id.eq(id),
                uta::user_id.eq(new.user_id),
                uta::role.eq(new.role),
                uta::permissions.eq(JsonValue(serde_json::json!(new.permissions))),
                uta::is_primary.eq(new.is_primary),
                uta::expires_at.eq(new.expires_at),
                uta::assigned_at.eq(now),
                uta::created_at.eq(now),
                uta::updated_at.eq(now),
            )
        )
        .execute(s.conn())?;
        s.memberships().get(id)
    }

    pub fn set_role(self, id: AssociationId, version: i32, role: Role) -> DbResult<Membership> {
        let s = self.0;
        let changed = diesel::update(s.all(uta::table).filter(uta::id.eq(id)).filter(uta::version.eq(version)))
            .set((uta::role.eq(role), uta::version.eq(version + 1), uta::updated_at.eq(Timestamp::now())))
            .execute(s.conn())?;
        versioned::saved(changed, || s.memberships().get(id))
    }

    pub fn touch(self, user: UserId) -> DbResult<()> {
        let s = self.0;
        diesel::update(s.all(uta::table).filter(uta::user_id.eq(user)))
            .set(uta::last_accessed_at.eq(Some(Timestamp::now())))
            .execute(s.conn())?;
        Ok(())
    }

    pub fn delete(self, id: AssociationId) -> DbResult<()> {
        let s = self.0;
        versioned::found(diesel::delete(s.all(uta::table).filter(uta::id.eq(id))).execute(s.conn())?)
    }

    pub fn update(self, id: AssociationId, version: i32, changes: &MembershipChanges) -> DbResult<Membership> {
        let s = self.0;
        let changed = diesel::update(s.all(uta::table).filter(uta::id.eq(id)).filter(uta::version.eq(version)))
            .set((
                uta::role.eq(changes.role),
                uta::expires_at.eq(changes.expires_at),
                uta::is_active.eq(changes.is_active),
                uta::permissions.eq(JsonValue(serde_json::json!(changes.permissions))),
                uta::version.eq(version + 1),
                uta::updated_at.eq(Timestamp::now()),
            ))
            .execute(s.conn())?;
        versioned::saved(changed, || s.memberships().get(id))
    }

    /// Owners who can still act: the organization must always keep one.
    pub fn usable_owners(self) -> DbResult<usize> {
        let now = Timestamp::now();
        let s = self.0;
        let owners: Vec<Membership> =
            s.all(uta::table).filter(uta::role.eq(Role::Owner)).select(Membership::as_select()).load(s.conn())?;
        Ok(owners.iter().filter(|m| m.is_usable(now)).count())
    }
}

impl UserScope<'_> {
    /// This user's memberships with their organizations, primary first. Cancelled
    /// (soft-deleted) organizations are left out.
    pub fn memberships(&mut self) -> DbResult<Vec<(Membership, Tenant)>> {
        let q = self.own_memberships()?;
        Ok(q.inner_join(tenants::table.on(tenants::id.eq(uta::tenant_id)))
            .filter(tenants::deleted_at.is_null())
            .order((uta::is_primary.desc(), tenants::name))
            .select((Membership::as_select(), Tenant::as_select()))
            .load(self.conn())?)
    }
}
