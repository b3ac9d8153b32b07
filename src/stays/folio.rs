//! Posting to a stay's folio (charges, payments, refunds and discounts) and voiding a
//! posted entry.

use super::{Actor, Refused, StayResult};
use crate::db::audit::Event;
use crate::db::folio::NewFolioEntry;
use crate::db::TenantScope;
use crate::domain::roles::Capability;
use crate::domain::{FolioEntryId, FolioKind, PaymentMethod, ReservationId, ReservationStatus};
use crate::i18n::{Labelled, Msg};

/// The longest reason a void keeps (the database's limit).
pub const VOID_REASON_MAX: usize = 500;

/// A folio posting as asked.
#[derive(Clone, Debug)]
pub struct Posting {
    pub kind: FolioKind,
    /// Minor units, above zero.
    pub amount: i64,
    pub method: Option<PaymentMethod>,
    pub description: String,
    pub reference: Option<String>,
}

impl Posting {
    fn takes_method(&self) -> bool {
        matches!(self.kind, FolioKind::Payment | FolioKind::Refund)
    }

    /// What a form can fix, field by field: the kind (room charges are the night audit's
    /// and check-out's), and the method of a payment or refund (one the organization
    /// accepts). [`post`] refuses the same.
    pub fn refusals(&self, actor: &impl Actor) -> Vec<Refused> {
        let mut out = Vec::new();
        if self.kind == FolioKind::RoomCharge {
            out.push(Refused::Posting { field: "kind", message: Msg::new("rule-posting-room-charge") });
        }
        if self.takes_method() {
            let message = match self.method {
                None => Some(Msg::new("rule-posting-choose-method")),
                Some(m) if !actor.tenant().settings().payment_methods.contains(&m) => {
                    Some(Msg::new("rule-posting-method-not-accepted").arg("method", m.label_msg()))
                }
                Some(_) => None,
            };
            out.extend(message.map(|message| Refused::Posting { field: "method", message }));
        }
        out
    }
}

/// Posts to reservation `id`'s folio and audits it.
pub fn post(s: &mut TenantScope<'_>, actor: &impl Actor, id: ReservationId, p: &Posting) -> StayResult<FolioEntryId> {
    let r = s.reservations().get(id)?;
    if p.kind.moves_money() {
        super::require(s, actor, Capability::PaymentsCreate)?;
    }
    if let Some(refused) = p.refusals(actor).into_iter().next() {
        return Err(refused.into());
    }
    if matches!(r.status, ReservationStatus::Cancelled | ReservationStatus::NoShow) && p.kind == FolioKind::Charge {
        return Err(Refused::FolioClosed.into());
    }
    let method = p.method.filter(|_| p.takes_method());
    let entry = NewFolioEntry {
        reservation_id: id,
        kind: p.kind,
        description: p.description.clone(),
        amount: p.amount,
        method,
        reference: p.reference.clone(),
        service_date: None,
    };
    let entry_id = s.folio().post(&entry)?;
    if p.kind == FolioKind::Charge {
        let hotel = s.hotels().get(r.hotel_id)?;
        super::taxes::Taxes::load(s, hotel.id)?.extra(s, entry_id, super::today_at(&hotel), p.amount)?;
    }
    let event = Event::new(&format!("folio.{}", p.kind.as_str()), "reservation", id).after(serde_json::json!({
        "entry": entry_id, "kind": p.kind, "amount": p.amount, "method": method, "description": p.description
    }));
    actor.audit(s, event)?;
    Ok(entry_id)
}

/// Voids entry `entry` of reservation `id`: posts its reversing entry with `reason` (at
/// most [`VOID_REASON_MAX`] characters, not empty) and audits both. Needs `FolioVoid`,
/// and `PaymentsCreate` for an entry that moved money. Room charges, voids and voided
/// entries are refused; nothing is changed or deleted.
pub fn void(
    s: &mut TenantScope<'_>,
    actor: &impl Actor,
    id: ReservationId,
    entry: FolioEntryId,
    reason: &str,
) -> StayResult<FolioEntryId> {
    super::require(s, actor, Capability::FolioVoid)?;
    let original = s.folio().get(id, entry)?;
    if original.kind.moves_money() {
        super::require(s, actor, Capability::PaymentsCreate)?;
    }
    if original.is_void() {
        return Err(Refused::VoidOfVoid.into());
    }
    if original.kind == FolioKind::RoomCharge {
        return Err(Refused::VoidRoomCharge.into());
    }
    if s.folio().is_voided(entry)? {
        return Err(Refused::AlreadyVoided.into());
    }
    super::invoicing::refuse_void_if_invoiced(s, entry)?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > VOID_REASON_MAX {
        let message = Msg::new("rule-void-needs-reason").arg("max", VOID_REASON_MAX);
        return Err(Refused::Posting { field: "reason", message }.into());
    }
    let void_id = s.folio().void(&original, reason)?;
    super::taxes::copy_lines(s, original.id, void_id)?;
    let event = Event::new("folio.void", "reservation", id)
        .before(serde_json::json!({
            "entry": original.id, "kind": original.kind, "amount": original.amount,
            "method": original.method, "description": original.description
        }))
        .after(serde_json::json!({ "void": void_id, "reason": reason }));
    actor.audit(s, event)?;
    Ok(void_id)
}
