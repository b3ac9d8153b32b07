//! Invoices from a folio, and credit notes that cancel them.
//!
//! * An invoice bills a stay's **open** entries (room charges, charges, discounts that no
//!   invoice holds now; payments and refunds are listed, never billed), all of them or a
//!   chosen subset, to the guest or to a company (kept with the organization).
//! * It is stored as it is issued (lines with their taxes, totals, bill-to, the hotel's and
//!   the organization's details, the payments) and never changed: triggers refuse it.
//! * A **credit note** cancels some or all lines of an invoice; their entries are open
//!   again, to be invoiced anew.
//! * **Numbers** are gapless per hotel and series (`AUR-NY-2027-000123`; credit notes have
//!   their own series, `CN-AUR-NY-2027-000004`): the series' counter is taken first, and
//!   its lock (or SQLite's writer lock) serializes the issues of one series; a refusal rolls
//!   the number back with the rest.

use chrono::Datelike;
use serde_json::json;

use super::{now_at, org_words, Actor, Refused, StayResult};
use crate::db::audit::Event;
use crate::db::folio::FolioEntry;
use crate::db::hotels::Hotel;
use crate::db::invoices::{CompanyFields, Invoice, InvoiceLine};
use crate::db::reservations::Reservation;
use crate::db::taxes::FolioTax;
use crate::db::TenantScope;
use crate::domain::message::Msg;
use crate::domain::roles::Capability;
use crate::domain::{CompanyId, FolioEntryId, FolioKind, InvoiceId, InvoiceKind, ReservationId, Timestamp};
use crate::i18n::Tr;

/// Whom an invoice bills.
#[derive(Clone, Debug)]
pub enum BillTo {
    Guest,
    Company(CompanyId),
    /// A company to keep for next time, billed now.
    NewCompany(CompanyFields),
}

/// An invoice as the desk asks for it.
#[derive(Clone, Debug)]
pub struct Issue {
    pub reservation: ReservationId,
    /// The entries to bill; `None`: every open one.
    pub entries: Option<Vec<FolioEntryId>>,
    pub bill_to: BillTo,
}

/// The entries an invoice may bill.
fn billable(e: &FolioEntry) -> bool {
    matches!(e.kind, FolioKind::RoomCharge | FolioKind::Charge | FolioKind::Discount)
}

/// The stay's entries no invoice holds now (not voided, not voids), oldest first.
pub fn open_entries(s: &mut TenantScope<'_>, reservation: ReservationId) -> StayResult<Vec<FolioEntry>> {
    let entries = s.folio().entries(reservation)?;
    let voided = FolioEntry::voided(&entries);
    let candidates: Vec<FolioEntry> =
        entries.into_iter().filter(|e| billable(e) && !e.is_void() && !voided.contains(&e.id)).collect();
    let ids: Vec<FolioEntryId> = candidates.iter().map(|e| e.id).collect();
    let invoiced = s.invoices().invoiced(&ids)?;
    Ok(candidates.into_iter().filter(|e| invoiced.get(&e.id).copied().unwrap_or(0) == 0).collect())
}

/// Whether entry `entry` is on an invoice now (it can then only be credited, not voided).
pub fn is_invoiced(s: &mut TenantScope<'_>, entry: FolioEntryId) -> StayResult<bool> {
    Ok(s.invoices().invoiced(&[entry])?.get(&entry).copied().unwrap_or(0) > 0)
}

/// The first three letters of the organization's slug: the series' prefix.
fn org_prefix(slug: &str) -> String {
    slug.chars().filter(|c| c.is_ascii_alphanumeric()).take(3).collect::<String>().to_uppercase()
}

/// Issues the invoice `issue` asks for, inside the caller's transaction.
pub fn issue(s: &mut TenantScope<'_>, actor: &impl Actor, issue: &Issue) -> StayResult<Invoice> {
    let r = s.reservations().get(issue.reservation)?;
    let hotel = s.hotels().get(r.hotel_id)?;
    let tenant = actor.tenant().clone();
    let year = now_at(&hotel).year();
    let series = format!("{}-{}-{year}", org_prefix(&tenant.slug), hotel.code);
    // The counter first: its lock serializes this series' issues, so the open entries
    // read below are the ones no concurrent issue is billing.
    let number = s.invoices().next_number(hotel.id, &series)?;
    let open = open_entries(s, r.id)?;
    let chosen: Vec<FolioEntry> = match &issue.entries {
        None => open,
        Some(ids) => {
            if ids.iter().any(|id| !open.iter().any(|e| e.id == *id)) {
                return Err(Refused::Invoice(Msg::new("invoice-entry-not-open")).into());
            }
            open.into_iter().filter(|e| ids.contains(&e.id)).collect()
        }
    };
    if chosen.is_empty() {
        return Err(Refused::Invoice(Msg::new("invoice-nothing-open")).into());
    }
    let (bill_to_name, bill_to, company_id) = bill_to(s, &r, &issue.bill_to)?;
    let words = org_words(&tenant);
    let id = InvoiceId::new();
    let taxes = s.tax_rules().lines_of(&chosen.iter().map(|e| e.id).collect::<Vec<_>>())?;
    let rules = s.tax_rules().list(Some(hotel.id))?;
    let lines: Vec<InvoiceLine> =
        chosen.iter().enumerate().map(|(i, e)| line_of(id, i as i32 + 1, e, &taxes, &rules, &words)).collect();
    let invoice = Invoice {
        tenant_id: tenant.id,
        id,
        hotel_id: hotel.id,
        reservation_id: r.id,
        kind: InvoiceKind::Invoice,
        code: format!("{series}-{number:06}"),
        series,
        number,
        credits_invoice_id: None,
        company_id,
        bill_to_name,
        bill_to: bill_to.into(),
        issuer: issuer(&tenant, &hotel).into(),
        currency: tenant.currency.clone(),
        language: words.lang().to_owned(),
        net: lines.iter().map(|l| l.net).sum(),
        tax: lines.iter().map(|l| l.tax).sum(),
        total: lines.iter().map(|l| l.total).sum(),
        payments: payments(&s.folio().entries(r.id)?).into(),
        issued_at: Timestamp::now(),
        issued_by: s.user_id(),
    };
    let saved = s.invoices().create(invoice, lines)?;
    let event = Event::new("invoice.issue", "invoice", saved.id).after(json!({
        "code": saved.code, "reservation": r.id, "bill_to": saved.bill_to_name, "total": saved.total,
        "entries": chosen.iter().map(|e| e.id).collect::<Vec<_>>(),
    }));
    actor.audit(s, event)?;
    let extra = super::messages::Extra { penalty: None, invoice: Some((saved.code.clone(), saved.total)) };
    super::messages::notify(s, &tenant, &r, crate::domain::MessageEvent::InvoiceIssued, &extra)?;
    Ok(saved)
}

/// Issues a credit note cancelling lines `lines` of invoice `id` (none: all of its lines
/// not yet credited). Needs `FolioVoid` (a manager's). A line is credited once.
pub fn credit(
    s: &mut TenantScope<'_>,
    actor: &impl Actor,
    id: InvoiceId,
    lines: Option<Vec<i32>>,
) -> StayResult<Invoice> {
    super::require(s, actor, Capability::FolioVoid)?;
    let original = s.invoices().get(id)?;
    if original.kind != InvoiceKind::Invoice {
        return Err(Refused::Invoice(Msg::new("invoice-credit-of-credit")).into());
    }
    let hotel = s.hotels().get(original.hotel_id)?;
    let series = format!("CN-{}", original.series);
    let number = s.invoices().next_number(hotel.id, &series)?;
    let credited = s.invoices().credited_lines(id)?;
    let open: Vec<InvoiceLine> =
        s.invoices().lines(id)?.into_iter().filter(|l| !credited.contains(&l.line_no)).collect();
    let chosen: Vec<&InvoiceLine> = match &lines {
        None => open.iter().collect(),
        Some(wanted) => open.iter().filter(|l| wanted.contains(&l.line_no)).collect(),
    };
    if chosen.is_empty() || lines.as_ref().is_some_and(|w| w.len() != chosen.len()) {
        return Err(Refused::Invoice(Msg::new("invoice-nothing-to-credit")).into());
    }
    let note_id = InvoiceId::new();
    let negated = |v: &serde_json::Value| {
        let mut v = v.clone();
        if let Some(items) = v.as_array_mut() {
            for t in items {
                if let Some(a) = t.get("amount").and_then(|a| a.as_i64()) {
                    t["amount"] = json!(-a);
                }
            }
        }
        v
    };
    let note_lines: Vec<InvoiceLine> = chosen
        .iter()
        .enumerate()
        .map(|(i, l)| InvoiceLine {
            invoice_id: note_id,
            line_no: i as i32 + 1,
            credits_line: Some(l.line_no),
            net: -l.net,
            tax: -l.tax,
            total: -l.total,
            taxes: negated(&l.taxes).into(),
            ..(*l).clone()
        })
        .collect();
    let note = Invoice {
        id: note_id,
        kind: InvoiceKind::CreditNote,
        code: format!("{series}-{number:06}"),
        series,
        number,
        credits_invoice_id: Some(id),
        net: note_lines.iter().map(|l| l.net).sum(),
        tax: note_lines.iter().map(|l| l.tax).sum(),
        total: note_lines.iter().map(|l| l.total).sum(),
        payments: json!([]).into(),
        issued_at: Timestamp::now(),
        issued_by: s.user_id(),
        ..original.clone()
    };
    let saved = s.invoices().create(note, note_lines)?;
    let event = Event::new("invoice.credit", "invoice", saved.id)
        .after(json!({ "code": saved.code, "credits": original.code, "total": saved.total }));
    actor.audit(s, event)?;
    Ok(saved)
}

/// The bill-to: its name, what the invoice keeps of it, and the company it names.
fn bill_to(
    s: &mut TenantScope<'_>,
    r: &Reservation,
    to: &BillTo,
) -> StayResult<(String, serde_json::Value, Option<CompanyId>)> {
    let company = match to {
        BillTo::Guest => {
            let g = s.guests().get(r.guest_id)?;
            let name = format!("{} {}", g.first_name, g.last_name);
            let kept = json!({ "name": name, "email": g.email, "document": g.document_number });
            return Ok((name, kept, None));
        }
        BillTo::Company(id) => s.companies().get(*id)?,
        BillTo::NewCompany(fields) => s.companies().create(fields)?,
    };
    Ok((company.name.clone(), company.bill_to(), Some(company.id)))
}

/// The organization's and the hotel's details, as the invoice shows them.
fn issuer(t: &crate::db::tenants::Tenant, h: &Hotel) -> serde_json::Value {
    let settings = t.settings();
    let legal_name = Some(settings.legal_name).filter(|n| !n.is_empty()).unwrap_or_else(|| t.name.clone());
    json!({
        "organization": legal_name, "tax_id": settings.tax_id, "address": t.address, "email": t.email, "phone": t.phone,
        "hotel": h.name, "hotel_address": h.address, "city": h.city, "country": h.country,
        "hotel_email": h.email, "hotel_phone": h.phone,
    })
}

/// One line: the entry's amount with its effect (a discount is negative), its taxes by
/// rule, its net (without the included taxes) and its total (with the added ones).
fn line_of(
    invoice: InvoiceId,
    line_no: i32,
    e: &FolioEntry,
    taxes: &[FolioTax],
    rules: &[crate::db::taxes::TaxRule],
    words: &Tr,
) -> InvoiceLine {
    let amount = e.signed_amount();
    let own: Vec<&FolioTax> = taxes.iter().filter(|t| t.entry_id == e.id).collect();
    let included: i64 = own.iter().filter(|t| t.included).map(|t| t.amount).sum();
    let added: i64 = own.iter().filter(|t| !t.included).map(|t| t.amount).sum();
    let described = own
        .iter()
        .map(|t| {
            let rule = rules.iter().find(|r| r.id == t.tax_rule_id);
            json!({
                "rule": t.tax_rule_id, "code": rule.map(|r| r.code.clone()), "name": rule.map(|r| r.name.clone()),
                "amount": t.amount, "included": t.included,
            })
        })
        .collect::<Vec<_>>();
    let description = match (e.kind, e.service_date) {
        (FolioKind::RoomCharge, Some(night)) => words.t1("folio-room-night", "date", night),
        _ => e.description.clone(),
    };
    InvoiceLine {
        tenant_id: e.tenant_id,
        invoice_id: invoice,
        line_no,
        entry_id: e.id,
        credits_line: None,
        description,
        service_date: e.service_date.or(Some(e.created_at.0.date_naive())),
        net: amount - included,
        tax: included + added,
        total: amount + added,
        taxes: serde_json::Value::Array(described).into(),
    }
}

/// The payments and refunds on the folio (not voided), for the invoice to list.
fn payments(entries: &[FolioEntry]) -> serde_json::Value {
    let voided = FolioEntry::voided(entries);
    let paid: Vec<serde_json::Value> = entries
        .iter()
        .filter(|e| matches!(e.kind, FolioKind::Payment | FolioKind::Refund) && !e.is_void() && !voided.contains(&e.id))
        .map(|e| json!({ "date": e.created_at.0.date_naive(), "method": e.method, "amount": -e.signed_amount() }))
        .collect();
    serde_json::Value::Array(paid)
}

/// Refuses a void of an entry an invoice holds: credit the invoice instead.
pub(super) fn refuse_void_if_invoiced(s: &mut TenantScope<'_>, entry: FolioEntryId) -> StayResult<()> {
    if is_invoiced(s, entry)? {
        return Err(Refused::Invoice(Msg::new("invoice-void-invoiced")).into());
    }
    Ok(())
}
