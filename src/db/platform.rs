//! Cross-tenant reads for the super-admin console. Everything here needs a
//! `PlatformScope`, which only a verified super admin or the operator CLI can open.

use std::collections::HashMap;

use chrono::{Duration, Utc};
use diesel::prelude::*;
use serde::Serialize;

use super::audit::AuditEntry;
use super::connection::DbConnection;
use super::memberships::Membership;
use super::schema::{audit_log, folio_entries, hotels, reservations, rooms, user_tenant_associations as uta, users};
use super::scope::PlatformScope;
use super::tenants::Tenant;
use super::users::User;
use super::DbResult;
use crate::domain::analytics::OrgActivity;
use crate::domain::{FolioKind, TenantId, Timestamp};

/// One organization's line in the console.
#[derive(Clone, Debug, Serialize)]
pub struct OrgSummary {
    pub tenant: Tenant,
    pub hotels: i64,
    pub rooms: i64,
    pub users: i64,
    pub reservations_30d: i64,
    pub last_activity: Option<Timestamp>,
}

fn counts<T: Into<TenantId> + Copy + std::hash::Hash + Eq>(rows: Vec<(T, i64)>) -> HashMap<T, i64> {
    rows.into_iter().collect()
}

impl PlatformScope<'_> {
    /// Every organization matching `search` (name or slug), with counts, in a fixed number
    /// of queries: one per counted table, grouped by tenant.
    pub fn org_summaries(&mut self, search: Option<&str>) -> DbResult<Vec<OrgSummary>> {
        let list = match search.filter(|s| !s.trim().is_empty()) {
            Some(term) => self.tenants().search(term, 500)?,
            None => self.tenants().list()?,
        };
        let since = Utc::now().date_naive() - Duration::days(30);
        let hotels: HashMap<TenantId, i64> = counts(
            self.all(hotels::table)
                .group_by(hotels::tenant_id)
                .select((hotels::tenant_id, diesel::dsl::count_star()))
                .load(self.conn())?,
        );
        let rooms: HashMap<TenantId, i64> = counts(
            self.all(rooms::table)
                .group_by(rooms::tenant_id)
                .select((rooms::tenant_id, diesel::dsl::count_star()))
                .load(self.conn())?,
        );
        let users: HashMap<TenantId, i64> = counts(
            self.all(uta::table)
                .filter(uta::is_active.eq(true))
                .group_by(uta::tenant_id)
                .select((uta::tenant_id, diesel::dsl::count_star()))
                .load(self.conn())?,
        );
        let recent: HashMap<TenantId, i64> = counts(
            self.all(reservations::table)
                .filter(reservations::check_in.ge(since))
                .group_by(reservations::tenant_id)
                .select((reservations::tenant_id, diesel::dsl::count_star()))
                .load(self.conn())?,
        );
        let activity: Vec<(Option<TenantId>, Option<Timestamp>)> = self
            .all(audit_log::table)
            .filter(audit_log::tenant_id.is_not_null())
            .group_by(audit_log::tenant_id)
            .select((audit_log::tenant_id, diesel::dsl::max(audit_log::created_at)))
            .load(self.conn())?;
        let activity: HashMap<TenantId, Timestamp> =
            activity.into_iter().filter_map(|(t, at)| Some((t?, at?))).collect();
        Ok(list
            .into_iter()
            .map(|tenant| OrgSummary {
                hotels: hotels.get(&tenant.id).copied().unwrap_or(0),
                rooms: rooms.get(&tenant.id).copied().unwrap_or(0),
                users: users.get(&tenant.id).copied().unwrap_or(0),
                reservations_30d: recent.get(&tenant.id).copied().unwrap_or(0),
                last_activity: activity.get(&tenant.id).copied(),
                tenant,
            })
            .collect())
    }

    /// The reservations made and room charges posted by each organization of `list` over
    /// the 30 days up to now, each in the organization's own currency.
    pub fn org_activity(&mut self, list: &[Tenant]) -> DbResult<Vec<OrgActivity>> {
        let since = Timestamp(Utc::now() - Duration::days(30));
        let since_day = since.0.date_naive();
        let made: HashMap<TenantId, i64> = counts(
            self.all(reservations::table)
                .filter(reservations::created_at.ge(since))
                .group_by(reservations::tenant_id)
                .select((reservations::tenant_id, diesel::dsl::count_star()))
                .load(self.conn())?,
        );
        let revenue: Vec<(TenantId, Option<i64>)> = self
            .all(folio_entries::table)
            .filter(folio_entries::kind.eq(FolioKind::RoomCharge))
            .filter(folio_entries::service_date.ge(since_day))
            .group_by(folio_entries::tenant_id)
            // PostgreSQL sums a bigint to a numeric; the cast keeps one type on both backends.
            .select((
                folio_entries::tenant_id,
                diesel::dsl::sql::<diesel::sql_types::Nullable<diesel::sql_types::BigInt>>(
                    "CAST(SUM(folio_entries.amount) AS BIGINT)",
                ),
            ))
            .load(self.conn())?;
        let revenue: HashMap<TenantId, i64> = revenue.into_iter().map(|(t, s)| (t, s.unwrap_or(0))).collect();
        Ok(list
            .iter()
            .map(|t| OrgActivity {
                reservations: made.get(&t.id).copied().unwrap_or(0),
                room_revenue: revenue.get(&t.id).copied().unwrap_or(0),
                tenant_id: t.id,
                name: t.name.clone(),
                slug: t.slug.clone(),
                currency: t.currency.clone(),
            })
            .collect())
    }

    /// Reservations made per calendar month (UTC) since `since`, keyed `YYYY-MM`.
    pub fn reservations_by_month(&mut self, since: Timestamp) -> DbResult<HashMap<String, i64>> {
        let month = match self.conn() {
            DbConnection::Pg(_) => "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM')",
            DbConnection::Sqlite(_) => "substr(created_at, 1, 7)",
        };
        let rows: Vec<(String, i64)> = self
            .all(reservations::table)
            .filter(reservations::created_at.ge(since))
            .group_by(diesel::dsl::sql::<diesel::sql_types::Text>(month))
            .select((diesel::dsl::sql::<diesel::sql_types::Text>(month), diesel::dsl::count_star()))
            .load(self.conn())?;
        Ok(rows.into_iter().collect())
    }

    /// An organization's members with their accounts.
    pub fn org_members(&mut self, tenant: TenantId) -> DbResult<Vec<(Membership, User)>> {
        self.tenant(tenant).memberships().list()
    }

    /// The latest entries of an organization's audit trail.
    pub fn org_audit(&mut self, tenant: TenantId, limit: i64) -> DbResult<Vec<AuditEntry>> {
        self.tenant(tenant).audit_entries(limit)
    }

    /// The account of a user, for the audit trail's names.
    pub fn user_names(&mut self, ids: &[crate::domain::UserId]) -> DbResult<HashMap<crate::domain::UserId, String>> {
        let rows: Vec<(crate::domain::UserId, String)> =
            users::table.filter(users::id.eq_any(ids)).select((users::id, users::full_name)).load(self.conn())?;
        Ok(rows.into_iter().collect())
    }
}
