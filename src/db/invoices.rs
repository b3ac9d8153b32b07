//! Invoices and credit notes (append-only: triggers refuse updates and deletes), their
//! lines, the companies they may be billed to, and the gapless counter of each hotel's
//! series. `stays::invoicing` decides what an invoice holds; this stores and reads it.

use std::collections::HashMap;

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::connection::DbConnection;
use super::schema::{companies, invoice_counters, invoice_lines, invoices};
use super::scope::{scoped_insert, TenantScope};
use super::search;
use super::{versioned, DbResult};
use crate::domain::enums::InvoiceKind;
use crate::domain::ids::{CompanyId, FolioEntryId, HotelId, InvoiceId, ReservationId, TenantId, UserId};
use crate::domain::values::{JsonValue, Timestamp};

/// Also a whole row: export and import.
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = companies, treat_none_as_default_value = false)]
pub struct Company {
    pub tenant_id: TenantId,
    pub id: CompanyId,
    pub name: String,
    pub tax_id: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
}

impl Company {
    /// What an invoice keeps of the company it is billed to, as it is at issue.
    pub fn bill_to(&self) -> serde_json::Value {
        serde_json::json!({ "name": self.name, "tax_id": self.tax_id, "address": self.address, "email": self.email })
    }
}

#[derive(Insertable, AsChangeset, Clone, Debug, Serialize)]
#[diesel(table_name = companies, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct CompanyFields {
    pub name: String,
    pub tax_id: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
}

/// A series' counter (a whole row, for export and import).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = invoice_counters, treat_none_as_default_value = false)]
pub struct InvoiceCounter {
    pub tenant_id: TenantId,
    pub hotel_id: HotelId,
    pub series: String,
    pub last_number: i64,
}

/// An issued invoice or credit note, as it was issued. Also a whole row.
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = invoices, treat_none_as_default_value = false)]
pub struct Invoice {
    pub tenant_id: TenantId,
    pub id: InvoiceId,
    pub hotel_id: HotelId,
    pub reservation_id: ReservationId,
    pub kind: InvoiceKind,
    pub series: String,
    pub number: i64,
    pub code: String,
    pub credits_invoice_id: Option<InvoiceId>,
    pub company_id: Option<CompanyId>,
    /// Whom it bills, by name (for the list and its search).
    pub bill_to_name: String,
    /// `{name, tax_id, address, email}` as billed.
    pub bill_to: JsonValue,
    /// The organization's and the hotel's details as they were.
    pub issuer: JsonValue,
    pub currency: String,
    pub language: String,
    pub net: i64,
    pub tax: i64,
    pub total: i64,
    /// `[{date, method, amount}]`: the payments on the folio when it was issued.
    pub payments: JsonValue,
    pub issued_at: Timestamp,
    pub issued_by: Option<UserId>,
}

/// One line, as issued. Also a whole row.
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = invoice_lines, treat_none_as_default_value = false)]
pub struct InvoiceLine {
    pub tenant_id: TenantId,
    pub invoice_id: InvoiceId,
    pub line_no: i32,
    pub entry_id: FolioEntryId,
    /// On a credit note: the line of the credited invoice it cancels.
    pub credits_line: Option<i32>,
    pub description: String,
    pub service_date: Option<chrono::NaiveDate>,
    pub net: i64,
    pub tax: i64,
    pub total: i64,
    /// `[{rule, code, name, amount, included}]`.
    pub taxes: JsonValue,
}

pub struct Invoices<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn invoices(&mut self) -> Invoices<'_, 'c> {
        Invoices(self)
    }
}

impl Invoices<'_, '_> {
    /// The next number of `series` at `hotel`, taken inside the caller's transaction: the
    /// counter's row stays locked until it ends (PostgreSQL; SQLite's writer lock holds
    /// everything), and a rollback gives the number back. No gap, no duplicate.
    pub fn next_number(self, hotel: HotelId, series: &str) -> DbResult<i64> {
        let s = self.0;
        let insert = scoped_insert!(
            s,
            invoice_counters,
            (
                invoice_counters::hotel_id.eq(hotel),
                invoice_counters::series.eq(series),
                invoice_counters::last_number.eq(0i64)
            )
        )
        .on_conflict_do_nothing();
        match s.conn() {
            DbConnection::Pg(pg) => insert.execute(pg)?,
            DbConnection::Sqlite(lite) => insert.execute(lite)?,
        };
        let counter = s
            .all(invoice_counters::table)
            .filter(invoice_counters::hotel_id.eq(hotel))
            .filter(invoice_counters::series.eq(series));
        diesel::update(counter)
            .set(invoice_counters::last_number.eq(invoice_counters::last_number + 1))
            .execute(s.conn())?;
        Ok(s.all(invoice_counters::table)
            .filter(invoice_counters::hotel_id.eq(hotel))
            .filter(invoice_counters::series.eq(series))
            .select(invoice_counters::last_number)
            .first(s.conn())?)
    }

    /// Stores an issued invoice and its lines (their tenant is the scope's).
    pub fn create(self, mut invoice: Invoice, mut lines: Vec<InvoiceLine>) -> DbResult<Invoice> {
        let s = self.0;
        invoice.tenant_id = s.tenant_id();
        scoped_insert!(s, invoices, (invoices::id.eq(invoice.id), invoice_values(&invoice))).execute(s.conn())?;
        s.load(&mut lines)?;
        s.invoices().get(invoice.id)
    }

    pub fn get(self, id: InvoiceId) -> DbResult<Invoice> {
        let s = self.0;
        Ok(s.all(invoices::table).filter(invoices::id.eq(id)).select(Invoice::as_select()).first(s.conn())?)
    }

    pub fn lines(self, id: InvoiceId) -> DbResult<Vec<InvoiceLine>> {
        let s = self.0;
        Ok(s.all(invoice_lines::table)
            .filter(invoice_lines::invoice_id.eq(id))
            .order(invoice_lines::line_no)
            .select(InvoiceLine::as_select())
            .load(s.conn())?)
    }

    /// The invoices and credit notes of a stay, oldest first.
    pub fn of_reservation(self, reservation: ReservationId) -> DbResult<Vec<Invoice>> {
        let s = self.0;
        Ok(s.all(invoices::table)
            .filter(invoices::reservation_id.eq(reservation))
            .order((invoices::issued_at, invoices::number))
            .select(Invoice::as_select())
            .load(s.conn())?)
    }

    /// The credit notes that cancel lines of invoice `id`.
    pub fn credits_of(self, id: InvoiceId) -> DbResult<Vec<Invoice>> {
        let s = self.0;
        Ok(s.all(invoices::table)
            .filter(invoices::credits_invoice_id.eq(id))
            .order(invoices::number)
            .select(Invoice::as_select())
            .load(s.conn())?)
    }

    /// The line numbers of invoice `id` that its credit notes cancel already (one query).
    pub fn credited_lines(self, id: InvoiceId) -> DbResult<Vec<i32>> {
        let s = self.0;
        let lines: Vec<Option<i32>> = s
            .all(invoice_lines::table)
            .inner_join(super::scope::joins::invoice_of_line())
            .filter(invoices::credits_invoice_id.eq(id))
            .order(invoice_lines::credits_line)
            .select(invoice_lines::credits_line)
            .load(s.conn())?;
        Ok(lines.into_iter().flatten().collect())
    }

    /// How many times each of `entries` is invoiced now: its lines on invoices less its
    /// lines on credit notes (0: open, 1: invoiced).
    pub fn invoiced(self, entries: &[FolioEntryId]) -> DbResult<HashMap<FolioEntryId, i64>> {
        let s = self.0;
        let mut out = HashMap::new();
        for chunk in entries.chunks(500) {
            let rows: Vec<(FolioEntryId, InvoiceKind)> = s
                .all(invoice_lines::table)
                .inner_join(super::scope::joins::invoice_of_line())
                .filter(invoice_lines::entry_id.eq_any(chunk))
                .select((invoice_lines::entry_id, invoices::kind))
                .load(s.conn())?;
            for (entry, kind) in rows {
                *out.entry(entry).or_insert(0) += if kind == InvoiceKind::Invoice { 1 } else { -1 };
            }
        }
        Ok(out)
    }

    /// A hotel's invoices and credit notes (or every hotel's), newest first, matching
    /// `q` (a code, or part of the bill-to's name), a page at a time.
    pub fn list(self, hotel: Option<HotelId>, q: Option<&str>, limit: i64, offset: i64) -> DbResult<Vec<Invoice>> {
        let s = self.0;
        let mut query = s.all(invoices::table).into_boxed();
        if let Some(hotel) = hotel {
            query = query.filter(invoices::hotel_id.eq(hotel));
        }
        if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
            let pattern = search::like_pattern(q);
            let lower = |column| diesel::dsl::sql::<diesel::sql_types::Text>(column);
            query = query.filter(
                lower("lower(invoices.code)").like(pattern.clone()).escape(search::ESCAPE).or(lower(
                    "lower(invoices.bill_to_name)",
                )
                .like(pattern)
                .escape(search::ESCAPE)),
            );
        }
        Ok(query
            .order((invoices::issued_at.desc(), invoices::id.desc()))
            .limit(limit)
            .offset(offset)
            .select(Invoice::as_select())
            .load(s.conn())?)
    }
}

/// Every column but the tenant's and the id (which the insert sets from the scope).
#[allow(clippy::type_complexity)]
fn invoice_values(
    i: &Invoice,
) -> (
    diesel::dsl::Eq<invoices::hotel_id, HotelId>,
    diesel::dsl::Eq<invoices::reservation_id, ReservationId>,
    diesel::dsl::Eq<invoices::kind, InvoiceKind>,
    diesel::dsl::Eq<invoices::series, String>,
    diesel::dsl::Eq<invoices::number, i64>,
    diesel::dsl::Eq<invoices::code, String>,
    diesel::dsl::Eq<invoices::credits_invoice_id, Option<InvoiceId>>,
    diesel::dsl::Eq<invoices::company_id, Option<CompanyId>>,
    (diesel::dsl::Eq<invoices::bill_to_name, String>, diesel::dsl::Eq<invoices::bill_to, JsonValue>),
    diesel::dsl::Eq<invoices::issuer, JsonValue>,
    diesel::dsl::Eq<invoices::currency, String>,
    diesel::dsl::Eq<invoices::language, String>,
    (
        diesel::dsl::Eq<invoices::net, i64>,
        diesel::dsl::Eq<invoices::tax, i64>,
        diesel::dsl::Eq<invoices::total, i64>,
        diesel::dsl::Eq<invoices::payments, JsonValue>,
        diesel::dsl::Eq<invoices::issued_at, Timestamp>,
        diesel::dsl::Eq<invoices::issued_by, Option<UserId>>,
    ),
) {
    (
        invoices::hotel_id.eq(i.hotel_id),
        invoices::reservation_id.eq(i.reservation_id),
        invoices::kind.eq(i.kind),
        invoices::series.eq(i.series.clone()),
        invoices::number.eq(i.number),
        invoices::code.eq(i.code.clone()),
        invoices::credits_invoice_id.eq(i.credits_invoice_id),
        invoices::company_id.eq(i.company_id),
        (invoices::bill_to_name.eq(i.bill_to_name.clone()), invoices::bill_to.eq(i.bill_to.clone())),
        invoices::issuer.eq(i.issuer.clone()),
        invoices::currency.eq(i.currency.clone()),
        invoices::language.eq(i.language.clone()),
        (
            invoices::net.eq(i.net),
            invoices::tax.eq(i.tax),
            invoices::total.eq(i.total),
            invoices::payments.eq(i.payments.clone()),
            invoices::issued_at.eq(i.issued_at),
            invoices::issued_by.eq(i.issued_by),
        ),
    )
}

pub struct Companies<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn companies(&mut self) -> Companies<'_, 'c> {
        Companies(self)
    }
}

impl Companies<'_, '_> {
    pub fn list(self) -> DbResult<Vec<Company>> {
        let s = self.0;
        Ok(s.all(companies::table)
            .order((companies::name, companies::id))
            .select(Company::as_select())
            .load(s.conn())?)
    }

    /// The companies whose name, tax id or email contains `term` (all of them without
    /// one), by name, with how many invoices and credit notes name each.
    pub fn search(self, term: Option<&str>) -> DbResult<Vec<(Company, i64)>> {
        let s = self.0;
        let mut q = s.all(companies::table).into_boxed();
        if let Some(term) = term.filter(|t| !t.trim().is_empty()) {
            q = q.filter(search::company_text().like(search::like_pattern(term)).escape(search::ESCAPE));
        }
        let found: Vec<Company> =
            q.order((companies::name, companies::id)).select(Company::as_select()).load(s.conn())?;
        let counts: HashMap<CompanyId, i64> = s
            .all(invoices::table)
            .filter(invoices::company_id.is_not_null())
            .group_by(invoices::company_id)
            .select((invoices::company_id.assume_not_null(), diesel::dsl::count_star()))
            .load::<(CompanyId, i64)>(s.conn())?
            .into_iter()
            .collect();
        Ok(found
            .into_iter()
            .map(|c| {
                let n = counts.get(&c.id).copied().unwrap_or(0);
                (c, n)
            })
            .collect())
    }

    pub fn get(self, id: CompanyId) -> DbResult<Company> {
        let s = self.0;
        Ok(s.all(companies::table).filter(companies::id.eq(id)).select(Company::as_select()).first(s.conn())?)
    }

    /// Saves version `version`'s successor (`Stale` when someone saved first). Issued
    /// invoices keep the bill-to as it was when they were issued.
    pub fn update(self, id: CompanyId, version: i32, fields: &CompanyFields) -> DbResult<Company> {
        let s = self.0;
        let changed =
            diesel::update(s.all(companies::table).filter(companies::id.eq(id)).filter(companies::version.eq(version)))
                .set((fields, companies::version.eq(version + 1), companies::updated_at.eq(Timestamp::now())))
                .execute(s.conn())?;
        versioned::saved(changed, || s.companies().get(id))
    }

    pub fn create(self, fields: &CompanyFields) -> DbResult<Company> {
        let s = self.0;
        let (id, now) = (CompanyId::new(), Timestamp::now());
        scoped_insert!(
            s,
            companies,
            (companies::id.eq(id), companies::created_at.eq(now), companies::updated_at.eq(now), fields)
        )
        .execute(s.conn())?;
        s.companies().get(id)
    }

    /// Deletes a company no invoice names.
    pub fn delete(self, id: CompanyId) -> DbResult<()> {
        let s = self.0;
        versioned::found(diesel::delete(s.all(companies::table).filter(companies::id.eq(id))).execute(s.conn())?)
    }
}
