//! The bulk seeder's invoices: every stay that has checked out was invoiced at check-out
//! (one in four to the organization's corporate client, the rest to the guest), numbered
//! in order of departure within its hotel's series for the year, one line per folio
//! charge with its taxes (what `stays::invoicing` would have issued).

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;
use serde_json::json;

use super::bulk::{Catalogue, Stays};
use crate::db::folio::FolioEntry;
use crate::db::invoices::{Company, Invoice, InvoiceCounter, InvoiceLine};
use crate::db::tenants::Tenant;
use crate::domain::{
    CompanyId, FolioEntryId, FolioKind, HotelId, InvoiceId, InvoiceKind, ReservationId, ReservationStatus, Timestamp,
};

/// A stay that left: when, and where it is (unit, index).
type Departure = (crate::domain::Timestamp, usize, usize);

/// Adds the invoices of `units`' checked-out stays, and their series' counters to `c`.
pub(super) fn invoice_check_outs(tenant: &Tenant, c: &mut Catalogue, units: &mut [Stays]) {
    let prefix: String =
        tenant.slug.chars().filter(|ch| ch.is_ascii_alphanumeric()).take(3).collect::<String>().to_uppercase();
    let client = corporate_client(tenant, &prefix);
    let client_kept = client.bill_to();
    // Each unit's folio by stay, and tax lines by entry: looked up, never scanned.
    let folio_of: Vec<_> = units.iter().map(folio_by_stay).collect();
    let taxes_of: Vec<_> = units.iter().map(taxes_by_entry).collect();
    for ((hotel_id, year), mut stays) in departures(units) {
        stays.sort_by_key(|(at, u, i)| (*at, *u, *i));
        let code = c.hotels.iter().find(|h| h.id == hotel_id).map_or("", |h| h.code.as_str()).to_owned();
        let series = format!("{prefix}-{code}-{year}");
        c.invoice_counters.push(InvoiceCounter {
            tenant_id: tenant.id,
            hotel_id,
            series: series.clone(),
            last_number: stays.len() as i64,
        });
        for (n, (at, u, i)) in stays.into_iter().enumerate() {
            let unit = &units[u];
            let r = unit.reservations[i].clone();
            let id = InvoiceId::new();
            let entries: Vec<&FolioEntry> =
                folio_of[u].get(&r.id).into_iter().flatten().map(|k| &unit.folio[*k]).collect();
            let lines = invoice_lines(tenant, id, unit, &taxes_of[u], &entries);
            let paid: i64 = entries.iter().filter(|e| e.kind == FolioKind::Payment).map(|e| e.amount).sum();
            let number = n as i64 + 1;
            let to_client = number % 4 == 0;
            let invoice = Invoice {
                tenant_id: tenant.id,
                id,
                hotel_id,
                reservation_id: r.id,
                kind: InvoiceKind::Invoice,
                code: format!("{series}-{number:06}"),
                series: series.clone(),
                number,
                credits_invoice_id: None,
                company_id: to_client.then_some(client.id),
                bill_to_name: if to_client { client.name.clone() } else { "Guest".into() },
                bill_to: if to_client { client_kept.clone() } else { json!({ "guest": r.guest_id }) }.into(),
                issuer: json!({ "organization": tenant.name }).into(),
                currency: tenant.currency.clone(),
                language: tenant.locale.clone(),
                net: lines.iter().map(|l| l.net).sum(),
                tax: lines.iter().map(|l| l.tax).sum(),
                total: lines.iter().map(|l| l.total).sum(),
                payments: json!([{ "date": at.0.date_naive(), "amount": paid }]).into(),
                issued_at: at,
                issued_by: None,
            };
            units[u].invoices.push(invoice);
            units[u].invoice_lines.extend(lines);
        }
    }
    c.companies.push(client);
}

/// The company `tenant` bills some stays to.
fn corporate_client(tenant: &Tenant, prefix: &str) -> Company {
    let now = Timestamp::now();
    Company {
        tenant_id: tenant.id,
        id: CompanyId::new(),
        name: format!("{} Corporate Travel", tenant.name),
        tax_id: Some(format!("TX-{prefix}-0001")),
        address: Some("1 Market Street".into()),
        email: Some(format!("billing@{}.example", tenant.slug)),
        created_at: now,
        updated_at: now,
        version: 1,
    }
}

/// The stays of `units` that left, by (hotel, year of departure), as (when, unit, index).
fn departures(units: &[Stays]) -> BTreeMap<(HotelId, i32), Vec<Departure>> {
    let mut leaving: BTreeMap<(HotelId, i32), Vec<Departure>> = BTreeMap::new();
    for (u, unit) in units.iter().enumerate() {
        for (i, r) in unit.reservations.iter().enumerate() {
            if let (ReservationStatus::CheckedOut, Some(at)) = (r.status, r.checked_out_at) {
                leaving.entry((r.hotel_id, at.0.year())).or_default().push((at, u, i));
            }
        }
    }
    leaving
}

/// Where each stay's folio entries are in `unit.folio`.
fn folio_by_stay(unit: &Stays) -> HashMap<ReservationId, Vec<usize>> {
    let mut by_stay: HashMap<ReservationId, Vec<usize>> = HashMap::new();
    for (k, e) in unit.folio.iter().enumerate() {
        by_stay.entry(e.reservation_id).or_default().push(k);
    }
    by_stay
}

/// Where each folio entry's tax lines are in `unit.folio_taxes`.
fn taxes_by_entry(unit: &Stays) -> HashMap<FolioEntryId, Vec<usize>> {
    let mut by_entry: HashMap<FolioEntryId, Vec<usize>> = HashMap::new();
    for (k, t) in unit.folio_taxes.iter().enumerate() {
        by_entry.entry(t.entry_id).or_default().push(k);
    }
    by_entry
}

/// Invoice `id`'s lines: one per charge among a stay's folio `entries`, with its taxes.
fn invoice_lines(
    tenant: &Tenant,
    id: InvoiceId,
    unit: &Stays,
    taxes_of: &HashMap<FolioEntryId, Vec<usize>>,
    entries: &[&FolioEntry],
) -> Vec<InvoiceLine> {
    let charges: Vec<_> =
        entries.iter().filter(|e| matches!(e.kind, FolioKind::RoomCharge | FolioKind::Charge)).collect();
    let mut lines = Vec::with_capacity(charges.len());
    for (l, e) in charges.iter().enumerate() {
        let own: Vec<_> = taxes_of.get(&e.id).into_iter().flatten().map(|k| &unit.folio_taxes[*k]).collect();
        let included: i64 = own.iter().filter(|t| t.included).map(|t| t.amount).sum();
        let added: i64 = own.iter().filter(|t| !t.included).map(|t| t.amount).sum();
        let taxes: Vec<_> =
            own.iter().map(|t| json!({ "rule": t.tax_rule_id, "amount": t.amount, "included": t.included })).collect();
        lines.push(InvoiceLine {
            tenant_id: tenant.id,
            invoice_id: id,
            line_no: l as i32 + 1,
            entry_id: e.id,
            credits_line: None,
            description: e.description.clone(),
            service_date: e.service_date,
            net: e.amount - included,
            tax: included + added,
            total: e.amount + added,
            taxes: serde_json::Value::Array(taxes).into(),
        });
    }
    lines
}
