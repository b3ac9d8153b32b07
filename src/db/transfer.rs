//! Moving an organization between instances.
//!
//! * [`TenantScope::export`] writes everything one organization owns as one JSON document:
//!   the organization, the accounts of its members (and of anyone its rows name), then
//!   every tenant-owned table, each a page of rows at a time in id order. Memory stays
//!   flat however large the organization; the caller streams the writer out.
//! * [`import`] reads such a document into another database (either backend) with every
//!   id preserved. It refuses, before writing anything and inside one transaction, an
//!   organization whose id or slug exists, or any row id that exists. Accounts that exist
//!   on the target (by email) are linked, not duplicated; new ones are never super admins.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Read, Write};

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::audit::{AuditEntry, Event};
use super::folio::FolioEntry;
use super::guests::Guest;
use super::hotels::Hotel;
use super::invoices::{Company, Invoice, InvoiceCounter, InvoiceLine};
use super::memberships::Membership;
use super::messages::{HotelMessaging, OutboxMessage, StayNote, Template};
use super::nights::ReservationNight;
use super::rates::{RateDay, RatePlan, RatePlanPrice};
use super::reservations::Reservation;
use super::room_blocks::RoomBlock;
use super::room_types::RoomType;
use super::rooms::Room;
use super::schema::{
    audit_log, companies, folio_entries, folio_taxes, guests, hotel_messaging, hotels, invoice_counters, invoice_lines,
    invoices, message_templates, outbox_messages, rate_days, rate_plan_prices, rate_plans, reservation_nights,
    reservations, room_blocks, room_types, rooms, stay_notes, tax_rules, user_tenant_associations as uta, users,
};
use super::scope::{scoped_insert, PlatformGrant, PlatformScope, TenantScope};
use super::taxes::{FolioTax, TaxRule};
use super::tenants::Tenant;
use super::users::{normalize_email, NewUser};
use super::{Access, Db, DbError};
use crate::domain::ids::*;
use crate::domain::Timestamp;

pub const FORMAT: &str = "hotelier.organization";
pub const VERSION: u32 = 1;
/// Rows read per query while exporting.
const PAGE: i64 = 1_000;
/// Ids per `IN (…)` list while checking for conflicts (SQLite allows 32,766 variables).
const CHUNK: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("not a Hotelier organization export: {0}")]
    Format(String),
    /// The target already holds something the file would create.
    #[error("{0}; nothing was imported")]
    Conflict(String),
}

impl From<diesel::result::Error> for TransferError {
    fn from(e: diesel::result::Error) -> Self {
        TransferError::Db(e.into())
    }
}

impl From<serde_json::Error> for TransferError {
    fn from(e: serde_json::Error) -> Self {
        if e.is_io() {
            TransferError::Io(e.into())
        } else {
            TransferError::Format(e.to_string())
        }
    }
}

/// A member's (or a named author's) account. The password hash travels only in an
/// operator's export (`hotelier tenant export`), never in a download from the web.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ExportedUser {
    pub id: UserId,
    pub email: String,
    pub full_name: String,
    pub is_active: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_hash: Option<String>,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct ExportOptions {
    /// Include password hashes, so members can sign in on the target instance.
    pub credentials: bool,
}

/// Rows written (export) or read (import) per table, in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TableCounts(pub Vec<(&'static str, usize)>);

impl TableCounts {
    pub fn get(&self, table: &str) -> usize {
        self.0.iter().find(|(t, _)| *t == table).map_or(0, |(_, n)| *n)
    }
}

impl std::fmt::Display for TableCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|(t, n)| format!("{t} {n}")).collect();
        f.write_str(&parts.join(", "))
    }
}

/// The whole document, as `import` reads it.
#[derive(Deserialize)]
struct Document {
    format: String,
    version: u32,
    tenant: Tenant,
    users: Vec<ExportedUser>,
    memberships: Vec<Membership>,
    hotels: Vec<Hotel>,
    room_types: Vec<RoomType>,
    rooms: Vec<Room>,
    guests: Vec<Guest>,
    reservations: Vec<Reservation>,
    folio_entries: Vec<FolioEntry>,
    /// Absent from files written before room blocks.
    #[serde(default)]
    room_blocks: Vec<RoomBlock>,
    /// Absent from files written before rate plans (such stays keep their one rate).
    #[serde(default)]
    rate_plans: Vec<RatePlan>,
    #[serde(default)]
    rate_plan_prices: Vec<RatePlanPrice>,
    #[serde(default)]
    rate_days: Vec<RateDay>,
    #[serde(default)]
    reservation_nights: Vec<ReservationNight>,
    /// Absent from files written before taxes.
    #[serde(default)]
    tax_rules: Vec<TaxRule>,
    #[serde(default)]
    folio_taxes: Vec<FolioTax>,
    /// Absent from files written before invoices.
    #[serde(default)]
    companies: Vec<Company>,
    #[serde(default)]
    invoice_counters: Vec<InvoiceCounter>,
    #[serde(default)]
    invoices: Vec<Invoice>,
    #[serde(default)]
    invoice_lines: Vec<InvoiceLine>,
    /// Absent from files written before guest messages.
    #[serde(default)]
    hotel_messaging: Vec<HotelMessaging>,
    #[serde(default)]
    message_templates: Vec<Template>,
    #[serde(default)]
    outbox_messages: Vec<OutboxMessage>,
    #[serde(default)]
    stay_notes: Vec<StayNote>,
    audit_log: Vec<AuditEntry>,
}

/// The header `export` writes before the tables.
#[derive(Serialize)]
struct Header<'a> {
    format: &'a str,
    version: u32,
    exported_at: Timestamp,
    tenant: &'a Tenant,
}

/// Writes `"key":[row,\nrow…]` pieces after a header object whose closing brace is held back.
struct JsonOut<'w> {
    w: &'w mut dyn Write,
}

impl JsonOut<'_> {
    fn table<R: Serialize, K: Copy>(
        &mut self,
        key: &str,
        start: K,
        mut page: impl FnMut(K) -> Result<Vec<R>, DbError>,
        id: impl Fn(&R) -> K,
    ) -> Result<usize, TransferError> {
        write!(self.w, ",\n\"{key}\":[")?;
        let (mut after, mut written) = (start, 0usize);
        loop {
            let rows = page(after)?;
            for row in &rows {
                self.w.write_all(if written == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *self.w, row)?;
                written += 1;
            }
            match rows.last() {
                Some(last) if rows.len() as i64 == PAGE => after = id(last),
                _ => break,
            }
        }
        self.w.write_all(b"\n]")?;
        Ok(written)
    }

    /// A table whose rows have no id of their own but hang under a parent's: a page of
    /// parent ids at a time (`parents`, keyset-paginated like [`JsonOut::table`]), then
    /// all the rows of those parents (`rows`).
    fn children<S, R: Serialize, K: Copy>(
        &mut self,
        key: &str,
        start: K,
        scope: &mut S,
        parents: impl Fn(&mut S, K) -> Result<Vec<K>, DbError>,
        rows: impl Fn(&mut S, &[K]) -> Result<Vec<R>, DbError>,
    ) -> Result<usize, TransferError> {
        write!(self.w, ",\n\"{key}\":[")?;
        let (mut after, mut written) = (start, 0usize);
        loop {
            let ids = parents(scope, after)?;
            for row in rows(scope, &ids)? {
                self.w.write_all(if written == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *self.w, &row)?;
                written += 1;
            }
            match ids.last() {
                Some(last) if ids.len() as i64 == PAGE => after = *last,
                _ => break,
            }
        }
        self.w.write_all(b"\n]")?;
        Ok(written)
    }
}

/// A tenant-owned table of the document: its key, and the pass that writes its rows
/// (answering how many).
type Dump = (&'static str, fn(&mut TenantScope<'_>, &mut JsonOut<'_>) -> Result<usize, TransferError>);

/// A table with ids of its own: one keyset-paginated pass, in id order, through the scope.
macro_rules! by_id {
    ($table:ident as $key:literal: $row:ty, $id:ident) => {
        ($key, |s, out| {
            out.table(
                $key,
                $id::from_uuid(Uuid::nil()),
                |after| {
                    Ok(s.all($table::table)
                        .filter($table::id.gt(after))
                        .order($table::id)
                        .limit(PAGE)
                        .select(<$row>::as_select())
                        .load(s.conn())?)
                },
                |r| r.id,
            )
        })
    };
}

/// A table keyed under a plan, a stay, an entry, a hotel or an invoice: a page of parents
/// at a time.
macro_rules! under_parent {
    ($table:ident as $key:literal: $row:ty, under $parent:ident . $col:ident, $id:ident) => {
        ($key, |s, out| {
            out.children(
                $key,
                $id::from_uuid(Uuid::nil()),
                s,
                |s: &mut TenantScope<'_>, after| {
                    Ok(s.all($parent::table)
                        .filter($parent::id.gt(after))
                        .order($parent::id)
                        .limit(PAGE)
                        .select($parent::id)
                        .load(s.conn())?)
                },
                |s: &mut TenantScope<'_>, ids| {
                    Ok(s.all($table::table)
                        .filter($table::$col.eq_any(ids))
                        .select(<$row>::as_select())
                        .load(s.conn())?)
                },
            )
        })
    };
}

/// The tables `export` writes after the accounts, in document order.
const TABLES: &[Dump] = &[
    by_id!(uta as "memberships": Membership, AssociationId),
    by_id!(hotels as "hotels": Hotel, HotelId),
    by_id!(room_types as "room_types": RoomType, RoomTypeId),
    by_id!(rooms as "rooms": Room, RoomId),
    by_id!(guests as "guests": Guest, GuestId),
    by_id!(reservations as "reservations": Reservation, ReservationId),
    by_id!(folio_entries as "folio_entries": FolioEntry, FolioEntryId),
    by_id!(room_blocks as "room_blocks": RoomBlock, RoomBlockId),
    by_id!(rate_plans as "rate_plans": RatePlan, RatePlanId),
    by_id!(tax_rules as "tax_rules": TaxRule, TaxRuleId),
    by_id!(companies as "companies": Company, CompanyId),
    by_id!(invoices as "invoices": Invoice, InvoiceId),
    under_parent!(rate_plan_prices as "rate_plan_prices": RatePlanPrice, under rate_plans.rate_plan_id, RatePlanId),
    under_parent!(rate_days as "rate_days": RateDay, under rate_plans.rate_plan_id, RatePlanId),
    under_parent!(
        reservation_nights as "reservation_nights": ReservationNight, under reservations.reservation_id, ReservationId
    ),
    under_parent!(folio_taxes as "folio_taxes": FolioTax, under folio_entries.entry_id, FolioEntryId),
    under_parent!(invoice_counters as "invoice_counters": InvoiceCounter, under hotels.hotel_id, HotelId),
    under_parent!(invoice_lines as "invoice_lines": InvoiceLine, under invoices.invoice_id, InvoiceId),
    under_parent!(hotel_messaging as "hotel_messaging": HotelMessaging, under hotels.hotel_id, HotelId),
    under_parent!(message_templates as "message_templates": Template, under hotels.hotel_id, HotelId),
    by_id!(outbox_messages as "outbox_messages": OutboxMessage, MessageId),
    by_id!(stay_notes as "stay_notes": StayNote, NoteId),
    by_id!(audit_log as "audit_log": AuditEntry, AuditId),
];

impl TenantScope<'_> {
    /// Writes this organization as one JSON document (see the module docs). Run it in a
    /// snapshot transaction ([`Access::Snapshot`]) so that the tables agree.
    pub fn export(&mut self, out: &mut dyn Write, options: ExportOptions) -> Result<TableCounts, TransferError> {
        let tenant = self.organization()?;
        let header = Header { format: FORMAT, version: VERSION, exported_at: Timestamp::now(), tenant: &tenant };
        let mut head = serde_json::to_vec(&header)?;
        head.pop(); // the closing brace comes after the tables
        out.write_all(&head)?;

        let users = self.accounts(options)?;
        let mut counts = vec![("users", users.len())];
        let mut out = JsonOut { w: out };
        write!(out.w, ",\n\"users\":[")?;
        for (i, u) in users.iter().enumerate() {
            out.w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer(&mut *out.w, u)?;
        }
        out.w.write_all(b"\n]")?;

        for (key, dump) in TABLES {
            counts.push((*key, dump(self, &mut out)?));
        }
        out.w.write_all(b"\n}\n")?;
        out.w.flush()?;
        Ok(TableCounts(counts))
    }

    /// The accounts of the members and of every user the organization's rows name (a
    /// reservation's author may be a super admin who has since left).
    fn accounts(&mut self, options: ExportOptions) -> Result<Vec<ExportedUser>, DbError> {
        let mut ids: HashSet<UserId> =
            self.all(uta::table).select(uta::user_id).load(self.conn())?.into_iter().collect();
        let authors: Vec<Option<UserId>> =
            self.all(reservations::table).select(reservations::created_by).distinct().load(self.conn())?;
        ids.extend(authors.into_iter().flatten());
        let authors: Vec<Option<UserId>> =
            self.all(folio_entries::table).select(folio_entries::created_by).distinct().load(self.conn())?;
        ids.extend(authors.into_iter().flatten());
        let authors: Vec<Option<UserId>> =
            self.all(room_blocks::table).select(room_blocks::created_by).distinct().load(self.conn())?;
        ids.extend(authors.into_iter().flatten());
        let authors: Vec<Option<UserId>> =
            self.all(invoices::table).select(invoices::issued_by).distinct().load(self.conn())?;
        ids.extend(authors.into_iter().flatten());
        let authors: Vec<Option<UserId>> =
            self.all(audit_log::table).select(audit_log::user_id).distinct().load(self.conn())?;
        ids.extend(authors.into_iter().flatten());
        let mut ids: Vec<UserId> = ids.into_iter().collect();
        ids.sort();
        let mut accounts = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            let rows: Vec<(UserId, String, String, bool, String)> = users::table
                .filter(users::id.eq_any(chunk))
                .order(users::id)
                .select((users::id, users::email, users::full_name, users::is_active, users::password_hash))
                .load(self.conn())?;
            accounts.extend(rows.into_iter().map(|(id, email, full_name, is_active, hash)| ExportedUser {
                id,
                email,
                full_name,
                is_active,
                password_hash: options.credentials.then_some(hash),
            }));
        }
        Ok(accounts)
    }
}

/// What an import did.
#[derive(Clone, Debug)]
pub struct ImportSummary {
    pub tenant: Tenant,
    pub counts: TableCounts,
    /// Accounts that already existed here (by email) and were linked.
    pub linked_users: usize,
    /// Accounts created; those without a password hash in the file must reset it.
    pub created_users: usize,
}

/// Reads an export into this database (see the module docs).
pub fn import(db: &Db, input: impl Read) -> Result<ImportSummary, TransferError> {
    let mut doc: Document = serde_json::from_reader(BufReader::with_capacity(1 << 16, input))?;
    if doc.format != FORMAT {
        return Err(TransferError::Format(format!("the format is `{}`, not `{FORMAT}`", doc.format)));
    }
    if doc.version != VERSION {
        return Err(TransferError::Format(format!("version {} is not supported (this is {VERSION})", doc.version)));
    }
    doc.check_ownership()?;
    db.platform(&PlatformGrant::operator(), Access::Write, |p| {
        refuse_conflicts(p, &doc)?;
        let (users, linked, created) = restore_accounts(p, &doc.users)?;
        p.tenants().restore(&doc.tenant)?;
        let counts = restore_rows(&mut p.tenant(doc.tenant.id), &mut doc, &users)?;
        p.audit(
            Some(doc.tenant.id),
            &Event::new("organization.import", "tenant", doc.tenant.id).after(serde_json::json!({
                "slug": doc.tenant.slug,
                "rows": counts,
                "linked_users": linked,
                "created_users": created,
            })),
        )?;
        Ok(ImportSummary { tenant: doc.tenant.clone(), counts, linked_users: linked, created_users: created })
    })
}

impl Document {
    /// Every row must belong to the document's organization.
    fn check_ownership(&self) -> Result<(), TransferError> {
        let me = self.tenant.id;
        let tenants = self
            .memberships
            .iter()
            .map(|r| r.tenant_id)
            .chain(self.hotels.iter().map(|r| r.tenant_id))
            .chain(self.room_types.iter().map(|r| r.tenant_id))
            .chain(self.rooms.iter().map(|r| r.tenant_id))
            .chain(self.guests.iter().map(|r| r.tenant_id))
            .chain(self.reservations.iter().map(|r| r.tenant_id))
            .chain(self.folio_entries.iter().map(|r| r.tenant_id))
            .chain(self.room_blocks.iter().map(|r| r.tenant_id))
            .chain(self.rate_plans.iter().map(|r| r.tenant_id))
            .chain(self.rate_plan_prices.iter().map(|r| r.tenant_id))
            .chain(self.rate_days.iter().map(|r| r.tenant_id))
            .chain(self.reservation_nights.iter().map(|r| r.tenant_id))
            .chain(self.tax_rules.iter().map(|r| r.tenant_id))
            .chain(self.folio_taxes.iter().map(|r| r.tenant_id))
            .chain(self.companies.iter().map(|r| r.tenant_id))
            .chain(self.invoice_counters.iter().map(|r| r.tenant_id))
            .chain(self.invoices.iter().map(|r| r.tenant_id))
            .chain(self.invoice_lines.iter().map(|r| r.tenant_id))
            .chain(self.hotel_messaging.iter().map(|r| r.tenant_id))
            .chain(self.message_templates.iter().map(|r| r.tenant_id))
            .chain(self.outbox_messages.iter().map(|r| r.tenant_id))
            .chain(self.stay_notes.iter().map(|r| r.tenant_id))
            .chain(self.audit_log.iter().map(|r| r.tenant_id.unwrap_or(me)));
        if let Some(other) = tenants.into_iter().find(|t| *t != me) {
            return Err(TransferError::Format(format!("it holds rows of organization {other}, not only of {me}")));
        }
        let members: HashSet<UserId> = self.users.iter().map(|u| u.id).collect();
        if let Some(m) = self.memberships.iter().find(|m| !members.contains(&m.user_id)) {
            return Err(TransferError::Format(format!(
                "membership {} names user {}, who is not in it",
                m.id, m.user_id
            )));
        }
        Ok(())
    }
}

/// Fails with a clear message if anything in the document already exists here.
fn refuse_conflicts(p: &mut PlatformScope<'_>, doc: &Document) -> Result<(), TransferError> {
    let t = &doc.tenant;
    if p.tenants().get(t.id).is_ok() {
        return Err(TransferError::Conflict(format!("an organization with the id {} already exists here", t.id)));
    }
    if let Ok(existing) = p.tenants().by_slug(&t.slug) {
        return Err(TransferError::Conflict(format!(
            "the slug `{}` is already used here by {}",
            t.slug, existing.name
        )));
    }
    macro_rules! taken {
        ($table:ident, $id:ty, $rows:expr, $label:literal) => {{
            let ids: Vec<$id> = $rows.iter().map(|r| r.id).collect();
            for chunk in ids.chunks(CHUNK) {
                let found: Vec<$id> =
                    p.all($table::table).filter($table::id.eq_any(chunk)).select($table::id).limit(1).load(p.conn())?;
                if let Some(id) = found.first() {
                    return Err(TransferError::Conflict(format!("{} {} already exists here", $label, id)));
                }
            }
        }};
    }
    taken!(uta, AssociationId, doc.memberships, "the membership");
    taken!(hotels, HotelId, doc.hotels, "the hotel");
    taken!(room_types, RoomTypeId, doc.room_types, "the room type");
    taken!(rooms, RoomId, doc.rooms, "the room");
    taken!(guests, GuestId, doc.guests, "the guest");
    taken!(reservations, ReservationId, doc.reservations, "the reservation");
    taken!(folio_entries, FolioEntryId, doc.folio_entries, "the folio entry");
    taken!(room_blocks, RoomBlockId, doc.room_blocks, "the room block");
    taken!(rate_plans, RatePlanId, doc.rate_plans, "the rate plan");
    taken!(tax_rules, TaxRuleId, doc.tax_rules, "the tax rule");
    taken!(companies, CompanyId, doc.companies, "the company");
    taken!(invoices, InvoiceId, doc.invoices, "the invoice");
    taken!(audit_log, AuditId, doc.audit_log, "the audit entry");
    Ok(())
}

/// Links accounts that exist here by email and creates the others (never as super admins,
/// with an unusable password when the file carries none). Returns the id map.
fn restore_accounts(
    p: &mut PlatformScope<'_>,
    accounts: &[ExportedUser],
) -> Result<(HashMap<UserId, UserId>, usize, usize), TransferError> {
    let mut map = HashMap::with_capacity(accounts.len());
    let (mut linked, mut created) = (0, 0);
    for account in accounts {
        let email = normalize_email(&account.email);
        if let Some(existing) = p.users().by_email(&email)? {
            map.insert(account.id, existing.id);
            linked += 1;
            continue;
        }
        if let Ok(other) = p.users().get(account.id) {
            return Err(TransferError::Conflict(format!(
                "the user id {} already exists here with another email ({})",
                account.id, other.email
            )));
        }
        p.users().create(&NewUser {
            id: account.id,
            email,
            full_name: account.full_name.clone(),
            // `!` is never a valid PHC string: nobody can sign in until the password is set.
            password_hash: account.password_hash.clone().unwrap_or_else(|| "!imported".into()),
            is_super_admin: false,
        })?;
        map.insert(account.id, account.id);
        created += 1;
    }
    Ok((map, linked, created))
}

/// Inserts every tenant-owned row, parents first, with user ids mapped to this instance:
/// in bulk (`TenantScope::load`: COPY on PostgreSQL, multi-row INSERTs on SQLite), every
/// row with the scope's `tenant_id`, through every constraint, trigger and policy.
fn restore_rows(
    t: &mut TenantScope<'_>,
    doc: &mut Document,
    users: &HashMap<UserId, UserId>,
) -> Result<TableCounts, TransferError> {
    let user = |id: Option<UserId>| id.and_then(|u| users.get(&u).copied());
    let mut counts = vec![("users", doc.users.len())];
    for m in &mut doc.memberships {
        m.user_id = users[&m.user_id];
    }
    counts.push(("memberships", t.load(&mut doc.memberships)?));
    counts.push(("hotels", t.load(&mut doc.hotels)?));
    counts.push(("room_types", t.load(&mut doc.room_types)?));
    counts.push(("rooms", t.load(&mut doc.rooms)?));
    // A derived plan references its parent: base plans first.
    doc.rate_plans.sort_by_key(|p| p.parent_id.is_some());
    counts.push(("rate_plans", t.load(&mut doc.rate_plans)?));
    counts.push(("rate_plan_prices", t.load(&mut doc.rate_plan_prices)?));
    counts.push(("rate_days", t.load(&mut doc.rate_days)?));
    counts.push(("tax_rules", t.load(&mut doc.tax_rules)?));
    counts.push(("guests", t.load(&mut doc.guests)?));
    for r in &mut doc.reservations {
        r.created_by = user(r.created_by);
    }
    counts.push(("reservations", t.load(&mut doc.reservations)?));
    counts.push(("reservation_nights", t.load(&mut doc.reservation_nights)?));
    for e in &mut doc.folio_entries {
        e.created_by = user(e.created_by);
    }
    // A void references the entry it reverses: originals first.
    doc.folio_entries.sort_by_key(FolioEntry::is_void);
    counts.push(("folio_entries", t.load(&mut doc.folio_entries)?));
    counts.push(("folio_taxes", t.load(&mut doc.folio_taxes)?));
    counts.push(("companies", t.load(&mut doc.companies)?));
    counts.push(("invoice_counters", t.load(&mut doc.invoice_counters)?));
    // A credit note references the invoice it cancels: invoices first.
    doc.invoices.sort_by_key(|i| i.credits_invoice_id.is_some());
    for i in &mut doc.invoices {
        i.issued_by = user(i.issued_by);
    }
    counts.push(("invoices", t.load(&mut doc.invoices)?));
    counts.push(("invoice_lines", t.load(&mut doc.invoice_lines)?));
    for b in &mut doc.room_blocks {
        b.created_by = user(b.created_by);
    }
    counts.push(("room_blocks", t.load(&mut doc.room_blocks)?));
    counts.push(("hotel_messaging", t.load(&mut doc.hotel_messaging)?));
    counts.push(("message_templates", t.load(&mut doc.message_templates)?));
    // A message sent again references the one it repeats: originals first.
    doc.outbox_messages.sort_by_key(|m| m.resend_of.is_some());
    for m in &mut doc.outbox_messages {
        m.created_by = user(m.created_by);
    }
    counts.push(("outbox_messages", t.load(&mut doc.outbox_messages)?));
    for n in &mut doc.stay_notes {
        n.created_by = user(n.created_by);
    }
    counts.push(("stay_notes", t.load(&mut doc.stay_notes)?));
    // The audit trail row by row: it has no bulk path (its tenant may be NULL elsewhere).
    for r in &doc.audit_log {
        let r = AuditEntry { user_id: user(r.user_id), ..r.clone() };
        scoped_insert!(t, audit_log, &r).execute(t.conn())?;
    }
    counts.push(("audit_log", doc.audit_log.len()));
    Ok(TableCounts(counts))
}
