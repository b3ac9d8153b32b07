//! The append-only audit log. Rows with a tenant belong to it; rows without are
//! platform events (failed logins of unknown emails, super-admin actions).

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::audit_log;
use super::scope::{PlatformScope, TenantScope, UserScope};
use super::{search, DbResult};
use crate::domain::ids::{AuditId, TenantId, UserId};
use crate::domain::values::{JsonValue, Timestamp};

/// Also a whole row for export and import (`db::transfer`), which inserts it with the
/// scope's `tenant_id`.
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = audit_log, treat_none_as_default_value = false)]
pub struct AuditEntry {
    pub id: AuditId,
    #[diesel(skip_insertion)]
    pub tenant_id: Option<TenantId>,
    pub user_id: Option<UserId>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub before: Option<JsonValue>,
    pub after: Option<JsonValue>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
    pub created_at: Timestamp,
}

/// One event to record. `tenant_id` and `user_id` come from the scope that writes it.
#[derive(Clone, Debug, Default)]
pub struct Event {
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub before: Option<JsonValue>,
    pub after: Option<JsonValue>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

impl Event {
    pub fn new(action: &str, entity_type: &str, entity_id: impl ToString) -> Self {
        Self {
            action: action.into(),
            entity_type: entity_type.into(),
            entity_id: Some(entity_id.to_string()),
            ..Self::default()
        }
    }

    pub fn before(mut self, value: impl Serialize) -> Self {
        self.before = serde_json::to_value(value).ok().map(JsonValue);
        self
    }

    pub fn after(mut self, value: impl Serialize) -> Self {
        self.after = serde_json::to_value(value).ok().map(JsonValue);
        self
    }
}

/// Filters of the audit log viewer.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub user: Option<UserId>,
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub from: Option<Timestamp>,
    pub until: Option<Timestamp>,
}

fn insert(
    conn: &mut super::DbConnection,
    tenant: Option<TenantId>,
    user: Option<UserId>,
    event: &Event,
) -> DbResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(AuditId::new()),
            audit_log::tenant_id.eq(tenant),
            audit_log::user_id.eq(user),
            audit_log::action.eq(&event.action),
            audit_log::entity_type.eq(&event.entity_type),
            audit_log::entity_id.eq(&event.entity_id),
            audit_log::before.eq(&event.before),
            audit_log::after.eq(&event.after),
            audit_log::ip.eq(&event.ip),
            audit_log::user_agent.eq(&event.user_agent),
            audit_log::request_id.eq(&event.request_id),
            audit_log::created_at.eq(Timestamp::now()),
        ))
        .execute(conn)?;
    Ok(())
}

impl TenantScope<'_> {
    pub fn audit(&mut self, event: &Event) -> DbResult<()> {
        let (tenant, user) = (self.tenant_id(), self.user_id());
        insert(self.conn(), Some(tenant), user, event)
    }

    pub fn audit_entries(&mut self, limit: i64) -> DbResult<Vec<AuditEntry>> {
        Ok(self
            .all(audit_log::table)
            .order((audit_log::created_at.desc(), audit_log::id.desc()))
            .limit(limit)
            .select(AuditEntry::as_select())
            .load(self.conn())?)
    }

    /// One page of this tenant's audit log, newest first, and the total.
    pub fn audit_page(&mut self, filter: &AuditFilter, limit: i64, offset: i64) -> DbResult<(Vec<AuditEntry>, i64)> {
        let filtered = |s: &TenantScope<'_>| {
            let mut q = s.all(audit_log::table).into_boxed();
            if let Some(user) = filter.user {
                q = q.filter(audit_log::user_id.eq(user));
            }
            if let Some(action) = &filter.action {
                q = q.filter(audit_log::action.like(search::prefix_pattern(action)).escape(search::ESCAPE));
            }
            if let Some(entity) = &filter.entity_type {
                q = q.filter(audit_log::entity_type.eq(entity.clone()));
            }
            if let Some(from) = filter.from {
                q = q.filter(audit_log::created_at.ge(from));
            }
            if let Some(until) = filter.until {
                q = q.filter(audit_log::created_at.lt(until));
            }
            q
        };
        let total = filtered(self).count().get_result(self.conn())?;
        let rows = filtered(self)
            .order((audit_log::created_at.desc(), audit_log::id.desc()))
            .limit(limit)
            .offset(offset)
            .select(AuditEntry::as_select())
            .load(self.conn())?;
        Ok((rows, total))
    }
}

impl UserScope<'_> {
    /// A platform event (no tenant), such as a failed login.
    pub fn audit_platform_event(&mut self, event: &Event) -> DbResult<()> {
        let user = self.user_id();
        insert(self.conn(), None, user, event)
    }
}

impl PlatformScope<'_> {
    pub fn audit(&mut self, tenant: Option<TenantId>, event: &Event) -> DbResult<()> {
        let user = self.grant().user();
        insert(self.conn(), tenant, user, event)
    }
}
