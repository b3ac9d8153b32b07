//! Organizations. `tenants` is a platform table: a tenant reads only its own row, through
//! `TenantScope::organization`; listing and creating go through `PlatformScope`.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::tenants;
use super::scope::{PlatformScope, TenantScope};
use super::{search, versioned, DbResult};
use crate::domain::enums::{Plan, TenantKind, TenantStatus};
use crate::domain::ids::TenantId;
use crate::domain::settings::TenantSettings;
use crate::domain::values::{JsonValue, Timestamp};

/// Also a whole row: export and import (`db::transfer`), bulk loads (`PlatformScope::load`).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = tenants, treat_none_as_default_value = false)]
pub struct Tenant {
    pub id: TenantId,
    pub name: String,
    pub slug: String,
    pub kind: TenantKind,
    pub status: TenantStatus,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub currency: String,
    pub timezone: String,
    pub locale: String,
    pub plan: Plan,
    pub trial_ends_at: Option<Timestamp>,
    pub settings: JsonValue,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i32,
}

impl Tenant {
    pub fn settings(&self) -> TenantSettings {
        TenantSettings::from_json(&self.settings)
    }
}

#[derive(Insertable, Clone, Debug)]
#[diesel(table_name = tenants, treat_none_as_default_value = false)]
pub struct NewTenant {
    pub id: TenantId,
    pub name: String,
    pub slug: String,
    pub kind: TenantKind,
    pub status: TenantStatus,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub currency: String,
    pub timezone: String,
    pub locale: String,
    pub plan: Plan,
    pub trial_ends_at: Option<Timestamp>,
    pub settings: JsonValue,
}

/// What the organization's settings page changes.
#[derive(Clone, Debug, Serialize)]
pub struct OrganizationChanges {
    pub currency: String,
    pub timezone: String,
    pub locale: String,
    pub settings: JsonValue,
}

impl TenantScope<'_> {
    /// This scope's own organization.
    pub fn organization(&mut self) -> DbResult<Tenant> {
        let id = self.tenant_id();
        Ok(tenants::table.filter(tenants::id.eq(id)).select(Tenant::as_select()).first(self.conn())?)
    }

    pub fn update_organization(&mut self, version: i32, changes: &OrganizationChanges) -> DbResult<Tenant> {
        let id = self.tenant_id();
        let changed = diesel::update(tenants::table.filter(tenants::id.eq(id)).filter(tenants::version.eq(version)))
            .set((
                tenants::currency.eq(&changes.currency),
                tenants::timezone.eq(&changes.timezone),
                tenants::locale.eq(&changes.locale),
                tenants::settings.eq(&changes.settings),
                tenants::version.eq(version + 1),
                tenants::updated_at.eq(Timestamp::now()),
            ))
            .execute(self.conn())?;
        let saved = versioned::saved(changed, || self.organization())?;
        self.touch_organization();
        Ok(saved)
    }

    /// The organization as the tenant check needs it: from the cache when fresh.
    pub fn cached_organization(&mut self) -> DbResult<Tenant> {
        if let Some(tenant) = self.tenant_cache().get(self.tenant_id()) {
            return Ok(tenant);
        }
        let generation = self.tenant_cache().generation();
        let tenant = self.organization()?;
        if self.keeps() {
            self.tenant_cache().put(tenant.clone(), generation);
        }
        Ok(tenant)
    }
}

pub struct Tenants<'s, 'c>(&'s mut PlatformScope<'c>);

impl<'c> PlatformScope<'c> {
    pub fn tenants(&mut self) -> Tenants<'_, 'c> {
        Tenants(self)
    }
}

impl Tenants<'_, '_> {
    pub fn list(self) -> DbResult<Vec<Tenant>> {
        Ok(tenants::table.order(tenants::name).select(Tenant::as_select()).load(self.0.conn())?)
    }

    pub fn get(self, id: TenantId) -> DbResult<Tenant> {
        Ok(tenants::table.filter(tenants::id.eq(id)).select(Tenant::as_select()).first(self.0.conn())?)
    }

    pub fn by_slug(self, slug: &str) -> DbResult<Tenant> {
        Ok(tenants::table.filter(tenants::slug.eq(slug)).select(Tenant::as_select()).first(self.0.conn())?)
    }

    /// Inserts an organization exactly as exported (import).
    pub fn restore(self, tenant: &Tenant) -> DbResult<()> {
        self.0.touch_organization(tenant.id);
        diesel::insert_into(tenants::table).values(tenant).execute(self.0.conn())?;
        Ok(())
    }

    pub fn count(self) -> DbResult<i64> {
        Ok(tenants::table.count().get_result(self.0.conn())?)
    }

    pub fn create(self, new: &NewTenant) -> DbResult<Tenant> {
        let now = Timestamp::now();
        diesel::insert_into(tenants::table)
            .values((new, tenants::created_at.eq(now), tenants::updated_at.eq(now)))
            .execute(self.0.conn())?;
        self.0.tenants().get(new.id)
    }

    /// Moves an organization to `status`; cancelling also soft-deletes it (`deleted_at`).
    pub fn set_status(self, id: TenantId, version: i32, status: TenantStatus) -> DbResult<Tenant> {
        self.0.touch_organization(id);
        let now = Timestamp::now();
        let deleted_at = (status == TenantStatus::Cancelled).then_some(now);
        let changed = diesel::update(tenants::table.filter(tenants::id.eq(id)).filter(tenants::version.eq(version)))
            .set((
                tenants::status.eq(status),
                tenants::deleted_at.eq(deleted_at),
                tenants::version.eq(version + 1),
                tenants::updated_at.eq(now),
            ))
            .execute(self.0.conn())?;
        versioned::saved(changed, || self.0.tenants().get(id))
    }

    pub fn set_plan(self, id: TenantId, version: i32, plan: Plan) -> DbResult<Tenant> {
        self.0.touch_organization(id);
        let changed = diesel::update(tenants::table.filter(tenants::id.eq(id)).filter(tenants::version.eq(version)))
            .set((tenants::plan.eq(plan), tenants::version.eq(version + 1), tenants::updated_at.eq(Timestamp::now())))
            .execute(self.0.conn())?;
        versioned::saved(changed, || self.0.tenants().get(id))
    }

    /// Organizations whose name or slug contains `search`, for the super admin's picker.
    pub fn search(self, search: &str, limit: i64) -> DbResult<Vec<Tenant>> {
        let pattern = super::search::like_pattern(search);
        Ok(tenants::table
            .filter(
                diesel::dsl::sql::<diesel::sql_types::Text>("lower(name)")
                    .like(pattern.clone())
                    .escape(search::ESCAPE)
                    .or(tenants::slug.like(pattern).escape(search::ESCAPE)),
            )
            .order(tenants::name)
            .limit(limit)
            .select(Tenant::as_select())
            .load(self.0.conn())?)
    }
}
