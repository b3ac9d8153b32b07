//! Guests of one organization.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::guests;
use super::scope::{scoped_insert, TenantScope};
use super::{search, versioned, DbResult};
use crate::domain::enums::DocumentType;
use crate::domain::ids::{GuestId, TenantId};
use crate::domain::values::Timestamp;

/// Also a whole row: export and import (`db::transfer`), bulk loads (`TenantScope::load`,
/// which sets `tenant_id` to the scope's before anything is written).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = guests, treat_none_as_default_value = false)]
pub struct Guest {
    pub tenant_id: TenantId,
    pub id: GuestId,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub document_type: Option<DocumentType>,
    pub document_number: Option<String>,
    pub nationality: Option<String>,
    pub notes: Option<String>,
    pub vip: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
    /// The language messages to this guest are written in; none: the organization's.
    #[serde(default)]
    pub language: Option<String>,
    /// Only transactional messages (confirmations, changes, invoices), no thank-you notes.
    #[serde(default)]
    pub no_marketing: bool,
    /// No email at all.
    #[serde(default)]
    pub no_email: bool,
    /// Why the last message could not be delivered (refused, bounced), until the address
    /// is changed.
    #[serde(default)]
    pub email_problem: Option<String>,
}

impl Guest {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

#[derive(Insertable, AsChangeset, Clone, Debug, Default, Serialize)]
#[diesel(table_name = guests, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct GuestFields {
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub document_type: Option<DocumentType>,
    pub document_number: Option<String>,
    pub nationality: Option<String>,
    pub notes: Option<String>,
    pub vip: bool,
    pub language: Option<String>,
    pub no_marketing: bool,
    pub no_email: bool,
}

pub struct Guests<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn guests(&mut self) -> Guests<'_, 'c> {
        Guests(self)
    }
}

impl Guests<'_, '_> {
    /// Guests whose name, email or phone contains `search` (case-insensitive), by name.
    pub fn list(self, search: Option<&str>, limit: i64, offset: i64) -> DbResult<Vec<Guest>> {
        Ok(self.page(search, "name", false, limit, offset)?.0)
    }

    pub fn get(self, id: GuestId) -> DbResult<Guest> {
        let s = self.0;
        Ok(s.all(guests::table).filter(guests::id.eq(id)).select(Guest::as_select()).first(s.conn())?)
    }

    pub fn create(self, fields: &GuestFields) -> DbResult<Guest> {
        let s = self.0;
        let (id, now) = (GuestId::new(), Timestamp::now());
        scoped_insert!(s, guests, (guests::id.eq(id), guests::created_at.eq(now), guests::updated_at.eq(now), fields))
            .execute(s.conn())?;
        s.guests().get(id)
    }

    /// Saves the form; a new email address clears the old one's delivery problem.
    pub fn update(self, id: GuestId, version: i32, fields: &GuestFields) -> DbResult<Guest> {
        let s = self.0;
        let before = s.guests().get(id)?;
        if before.email != fields.email && before.email_problem.is_some() {
            diesel::update(s.all(guests::table).filter(guests::id.eq(id)))
                .set(guests::email_problem.eq(None::<String>))
                .execute(s.conn())?;
        }
        let changed =
            diesel::update(s.all(guests::table).filter(guests::id.eq(id)).filter(guests::version.eq(version)))
                .set((fields, guests::version.eq(version + 1), guests::updated_at.eq(Timestamp::now())))
                .execute(s.conn())?;
        versioned::saved(changed, || s.guests().get(id))
    }

    pub fn delete(self, id: GuestId) -> DbResult<()> {
        let s = self.0;
        versioned::found(diesel::delete(s.all(guests::table).filter(guests::id.eq(id))).execute(s.conn())?)
    }

    /// One page of guests matching `search`, sorted by `name` or `created`, and the total.
    pub fn page(
        self,
        search: Option<&str>,
        sort: &str,
        desc: bool,
        limit: i64,
        offset: i64,
    ) -> DbResult<(Vec<Guest>, i64)> {
        let s = self.0;
        let filtered = |s: &TenantScope<'_>| {
            let mut q = s.all(guests::table).into_boxed();
            if let Some(term) = search.filter(|t| !t.trim().is_empty()) {
                let pattern = search::like_pattern(term);
                q = q.filter(
                    search::guest_name()
                        .like(pattern.clone())
                        .escape(search::ESCAPE)
                        .or(guests::email.like(pattern.clone()).escape(search::ESCAPE))
                        .or(guests::phone.like(pattern).escape(search::ESCAPE)),
                );
            }
            q
        };
        let total =
            s.cached(format!("guests.count {search:?}"), |s| Ok(filtered(s).count().get_result(s.conn())?))?;
        let q = filtered(s);
        let q = match (sort, desc) {
            ("created", false) => q.order((guests::created_at.asc(), guests::id)),
            ("created", true) => q.order((guests::created_at.desc(), guests::id)),
            (_, true) => q.order((guests::last_name.desc(), guests::first_name.desc(), guests::id)),
            _ => q.order((guests::last_name.asc(), guests::first_name.asc(), guests::id)),
        };
        Ok((q.limit(limit).offset(offset).select(Guest::as_select()).load(s.conn())?, total))
    }
}
