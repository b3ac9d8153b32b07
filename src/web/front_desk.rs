//! Front-desk operations shared by the reservation page and the kiosk: status changes
//! with their rules, folio postings, and check-out's charges and balance. Each runs
//! inside the caller's write transaction and audits what it did.

use chrono::{Duration, Utc};

use super::extract::Member;
use super::forms::FieldErrors;
use crate::db::audit::Event;
use crate::db::folio::NewFolioEntry;
use crate::db::reservations::Reservation;
use crate::db::TenantScope;
use crate::domain::booking::today_in;
use crate::domain::roles::Capability;
use crate::domain::stay::{self, Action};
use crate::domain::{money, FolioKind, PaymentMethod, ReservationId, ReservationStatus, RoomId};
use crate::error::AppError;

/// A status change as asked from a page.
#[derive(Clone, Debug, Default)]
pub struct Change {
    pub action: Option<Action>,
    pub version: i32,
    pub reason: Option<String>,
    /// Check-in into this room (assigning it first).
    pub room: Option<RoomId>,
    /// A manager's override of an open balance at check-out.
    pub override_balance: bool,
}

/// What a status change came to. `Refused` still commits what was done on the way (the
/// room charges a refused check-out posted), unlike an `Err`, which rolls back.
#[derive(Debug)]
pub enum Outcome {
    Done(Box<Reservation>),
    Refused(String),
}

/// Applies `change` to reservation `id`, or refuses with a message the desk can act on.
pub fn transition(
    s: &mut TenantScope<'_>,
    m: &Member,
    id: ReservationId,
    change: &Change,
) -> Result<Outcome, AppError> {
    let action = change.action.ok_or_else(|| AppError::Conflict("Choose an action.".into()))?;
    let current = s.reservations().get(id)?;
    if current.version != change.version {
        return Err(AppError::Stale);
    }
    if action.is_reversal() && !m.can(Capability::ReservationsReverse) {
        return Err(AppError::Forbidden);
    }
    if action.needs_reason() && change.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
        return Err(AppError::Conflict(format!("{} needs a reason.", action.label())));
    }
    let hotel = s.hotels().get(current.hotel_id)?;
    let today = today_in(&hotel.timezone, Utc::now());
    let to =
        stay::next(current.status, action, current.check_in, today).map_err(|r| AppError::Conflict(r.to_string()))?;
    let mut working = current.clone();
    match action {
        Action::CheckIn => {
            if let Some(room) = change.room.filter(|r| Some(*r) != working.room_id) {
                let r = s.rooms().get(room)?;
                if r.hotel_id != working.hotel_id {
                    return Err(AppError::NotFound);
                }
                // Room assignments of a type queue behind each other, as bookings do: two
                // desks racing into one room then meet the guard, not a deadlock.
                s.reservations().lock_inventory(working.room_type_id)?;
                working = s.reservations().assign_room_at(id, change.version, room)?;
            }
            let room = working.room_id.ok_or_else(|| AppError::Conflict("Assign a room before checking in.".into()))?;
            let r = s.rooms().get(room)?;
            if !r.housekeeping_status.is_ready() {
                return Err(AppError::Conflict(format!(
                    "Room {} is {}: it must be clean or inspected before check-in.",
                    r.number,
                    r.housekeeping_status.label().to_lowercase()
                )));
            }
            // Clean or inspected (checked above) is always sellable.
            if r.room_type_id != working.room_type_id || !r.is_active {
                return Err(AppError::Conflict(format!(
                    "Room {} is not a sellable room of this stay's type. Choose another room.",
                    r.number
                )));
            }
        }
        Action::CheckOut => {
            // Charge every night slept: up to the night before departure, or before today
            // for an early departure (at least one night, for a same-day stay).
            let last = (today.min(working.check_out) - Duration::days(1)).max(working.check_in);
            let mut night = working.check_in;
            while night <= last {
                s.folio().post_room_night(id, night, working.nightly_rate)?;
                night += Duration::days(1);
            }
            let balance = s.folio().balance(id)?;
            if balance > 0 && !(change.override_balance && m.can(Capability::CheckoutOverride)) {
                let t = &m.acting.tenant;
                return Ok(Outcome::Refused(format!(
                    "The folio still has {} to pay. Take a payment first{}.",
                    money::format(balance, &t.currency, &t.locale),
                    if m.can(Capability::CheckoutOverride) { ", or tick the override" } else { ", or ask a manager" }
                )));
            }
        }
        _ => {}
    }
    let after = s.reservations().set_status(
        id,
        working.version,
        to,
        change.reason.as_deref().filter(|_| to == ReservationStatus::Cancelled),
    )?;
    if action == Action::CheckOut {
        if let Some(room) = after.room_id {
            s.rooms().mark_dirty(room)?;
        }
    }
    m.audit(
        s,
        Event::new(&format!("reservation.{}", action.key()), "reservation", id)
            .before(serde_json::json!({ "status": current.status, "room_id": current.room_id }))
            .after(serde_json::json!({ "status": after.status, "room_id": after.room_id, "reason": change.reason, "override": change.override_balance })),
    )?;
    Ok(Outcome::Done(Box::new(after)))
}

/// Active, sellable rooms of a stay's type that no other active stay holds on any of its
/// nights: what the desk may assign.
pub fn free_rooms(s: &mut TenantScope<'_>, r: &Reservation) -> Result<Vec<crate::db::rooms::Room>, AppError> {
    let held = s.reservations().held(r.hotel_id, r.check_in, r.check_out, Some(r.id))?;
    Ok(s.rooms()
        .list(Some(r.hotel_id))?
        .into_iter()
        .filter(|x| x.room_type_id == r.room_type_id && x.is_active && x.housekeeping_status.is_sellable())
        .filter(|x| crate::domain::availability::room_free(x.id, &held, r.check_in, r.check_out))
        .collect())
}

/// A folio posting as asked from a page.
#[derive(Clone, Debug)]
pub struct Posting {
    pub kind: FolioKind,
    pub amount: i64,
    pub method: Option<PaymentMethod>,
    pub description: String,
    pub reference: Option<String>,
}

impl Posting {
    /// What the form can fix, field by field: the kind, and the method of a payment or
    /// refund (one the organization accepts). `post` refuses the same.
    pub fn field_errors(&self, m: &Member) -> FieldErrors {
        let mut e = FieldErrors::default();
        if self.kind == FolioKind::RoomCharge {
            e.add("kind", "Room charges are posted by the night audit and at check-out.");
        }
        if matches!(self.kind, FolioKind::Payment | FolioKind::Refund) {
            match self.method {
                None => e.add("method", "Choose how the money was paid."),
                Some(method) if !m.acting.tenant.settings().payment_methods.contains(&method) => {
                    e.add("method", format!("{} is not a payment method this organization accepts.", method.label()))
                }
                Some(_) => {}
            }
        }
        e
    }
}

/// Posts a charge, payment, refund or discount. Money moving (payments, refunds,
/// discounts) needs `PaymentsCreate`; methods must be ones the organization accepts.
pub fn post(s: &mut TenantScope<'_>, m: &Member, id: ReservationId, p: &Posting) -> Result<(), AppError> {
    let r = s.reservations().get(id)?;
    let moves_money = matches!(p.kind, FolioKind::Payment | FolioKind::Refund | FolioKind::Discount);
    if moves_money && !m.can(Capability::PaymentsCreate) {
        return Err(AppError::Forbidden);
    }
    if let Some(msg) = p.field_errors(m).first() {
        return Err(AppError::Conflict(msg.to_owned()));
    }
    let method = p.method.filter(|_| matches!(p.kind, FolioKind::Payment | FolioKind::Refund));
    if matches!(r.status, ReservationStatus::Cancelled | ReservationStatus::NoShow) && p.kind == FolioKind::Charge {
        return Err(AppError::Conflict("This reservation is closed; charges cannot be added.".into()));
    }
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
    m.audit(
        s,
        Event::new(&format!("folio.{}", p.kind.as_str()), "reservation", id).after(serde_json::json!({
            "entry": entry_id, "kind": p.kind, "amount": p.amount, "method": method, "description": p.description
        })),
    )?;
    Ok(())
}
