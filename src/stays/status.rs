//! Status transitions (confirm, check in, check out, cancel, no-show and the reversals),
//! with room assignment at check-in and check-out's charges and balance.

use chrono::{Duration, NaiveDate};

use super::rates::renight;
use super::taxes::Taxes;
use super::{now_at, org_words, policy, today_at, Actor, Refused, StayResult};
use crate::db::audit::Event;
use crate::db::folio::FolioEntry;
use crate::db::hotels::Hotel;
use crate::db::nights::ReservationNight;
use crate::db::reservations::{Reservation, StayChanges};
use crate::db::tenants::Tenant;
use crate::db::{DbError, TenantScope};
use crate::domain::roles::Capability;
use crate::domain::stay::{self, Action};
use crate::domain::{FolioKind, ReservationId, ReservationStatus, RoomId};

/// A status change as asked, based on the reservation at `version`.
#[derive(Clone, Debug, Default)]
pub struct Change {
    pub action: Option<Action>,
    pub version: i32,
    pub reason: Option<String>,
    /// Check in to this room (assigning it first).
    pub room: Option<RoomId>,
    /// A manager's override of an open balance at check-out.
    pub override_balance: bool,
    /// What a cancellation after the plan's deadline does about the penalty.
    pub penalty: PenaltyChoice,
    /// What check-out does with charges no invoice holds yet.
    pub invoice: InvoiceChoice,
}

/// Check-out and the stay's uninvoiced charges: invoiced to the guest, unless someone
/// with `CheckoutOverride` checks out without (audited).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InvoiceChoice {
    #[default]
    IssueToGuest,
    Skip,
}

/// A cancellation's penalty, once the desk has seen it: asked first, then posted or
/// (by someone with `PenaltyWaive`) waived with a reason.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PenaltyChoice {
    /// Refuse with the amount (`Refused::PenaltyDue`) so the desk can confirm.
    #[default]
    Ask,
    Post,
    Waive(String),
}

/// Applies `change` to reservation `id` and audits it, or refuses with what the desk can
/// do about it.
pub fn transition(
    s: &mut TenantScope<'_>,
    actor: &impl Actor,
    id: ReservationId,
    change: &Change,
) -> StayResult<Reservation> {
    let action = change.action.ok_or(Refused::NoAction)?;
    let current = s.reservations().get(id)?;
    if current.version != change.version {
        return Err(DbError::Stale.into());
    }
    if action.is_reversal() {
        super::require(s, actor, Capability::ReservationsReverse)?;
    }
    if action.needs_reason() && change.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
        return Err(Refused::NeedsReason(action).into());
    }
    let hotel = s.hotels().get(current.hotel_id)?;
    let today = today_at(&hotel);
    let to = stay::next(current.status, action, current.check_in, today).map_err(Refused::Transition)?;
    let mut penalty = None;
    let working = match action {
        Action::CheckIn => check_in(s, &current, change)?,
        Action::CheckOut => {
            check_out_charges(s, actor, &current, today, change.override_balance)?;
            let shortened = shorten_to(s, &current, today)?;
            invoice_at_check_out(s, actor, &current, change.invoice)?;
            shortened
        }
        Action::Cancel => {
            penalty = cancellation(s, actor, &current, &hotel, &change.penalty)?;
            current.clone()
        }
        Action::NoShow => {
            no_show_fee(s, actor.tenant(), &current, &hotel)?;
            current.clone()
        }
        _ => current.clone(),
    };
    let reason = change.reason.as_deref().filter(|_| to == ReservationStatus::Cancelled);
    let after = s.reservations().set_status(id, working.version, to, reason)?;
    if let (Action::CheckOut, Some(room)) = (action, after.room_id) {
        s.rooms().mark_dirty(room)?;
    }
    let event = Event::new(&format!("reservation.{}", action.key()), "reservation", id)
        .before(serde_json::json!({
            "status": current.status, "room_id": current.room_id,
            "check_in": current.check_in, "check_out": current.check_out, "total_amount": current.total_amount
        }))
        .after(serde_json::json!({
            "status": after.status, "room_id": after.room_id,
            "check_in": after.check_in, "check_out": after.check_out, "total_amount": after.total_amount,
            "reason": change.reason, "override": change.override_balance
        }));
    actor.audit(s, event)?;
    super::messages::status_changed(s, current.status, &after, penalty)?;
    Ok(after)
}

/// A cancellation after the plan's deadline: refused with the penalty until the desk
/// confirms it (posted as a charge) or waives it (audited, with the reason). Answers the
/// penalty posted.
fn cancellation(
    s: &mut TenantScope<'_>,
    actor: &impl Actor,
    r: &Reservation,
    hotel: &Hotel,
    choice: &PenaltyChoice,
) -> StayResult<Option<i64>> {
    let terms = policy::terms(s, r, now_at(hotel))?;
    if terms.penalty_now == 0 {
        return Ok(None);
    }
    match choice {
        PenaltyChoice::Ask => {
            let may_waive = actor.can(Capability::PenaltyWaive);
            Err(Refused::PenaltyDue { amount: terms.penalty_now, may_waive }.into())
        }
        PenaltyChoice::Post => {
            let words = org_words(actor.tenant());
            policy::post_charge(s, r, &words, "folio-cancellation-penalty", terms.penalty_now)?;
            Ok(Some(terms.penalty_now))
        }
        PenaltyChoice::Waive(reason) => {
            super::require(s, actor, Capability::PenaltyWaive)?;
            if reason.trim().is_empty() {
                return Err(Refused::WaiverNeedsReason.into());
            }
            let event = Event::new("reservation.penalty_waive", "reservation", r.id)
                .after(serde_json::json!({ "amount": terms.penalty_now, "reason": reason.trim() }));
            actor.audit(s, event)?;
            Ok(None)
        }
    }
}

/// Check-out invoices what no invoice holds yet to the guest, or (with
/// `CheckoutOverride`) leaves it uninvoiced, audited.
fn invoice_at_check_out(
    s: &mut TenantScope<'_>,
    actor: &impl Actor,
    r: &Reservation,
    choice: InvoiceChoice,
) -> StayResult<()> {
    let open = super::invoicing::open_entries(s, r.id)?;
    if open.is_empty() {
        return Ok(());
    }
    match choice {
        InvoiceChoice::IssueToGuest => {
            let issue = super::Issue { reservation: r.id, entries: None, bill_to: super::BillTo::Guest };
            super::invoicing::issue(s, actor, &issue)?;
        }
        InvoiceChoice::Skip => {
            super::require(s, actor, Capability::CheckoutOverride)?;
            let event = Event::new("reservation.check_out_uninvoiced", "reservation", r.id)
                .after(serde_json::json!({ "entries": open.iter().map(|e| e.id).collect::<Vec<_>>() }));
            actor.audit(s, event)?;
        }
    }
    Ok(())
}

/// A no-show's fee under its plan, posted as a charge (the night audit and the desk's
/// no-show action both post it).
pub(super) fn no_show_fee(s: &mut TenantScope<'_>, tenant: &Tenant, r: &Reservation, hotel: &Hotel) -> StayResult<i64> {
    let fee = policy::terms(s, r, now_at(hotel))?.no_show_fee;
    if fee > 0 {
        policy::post_charge(s, r, &org_words(tenant), "folio-no-show-fee", fee)?;
    }
    Ok(fee)
}

/// Assigns the asked room (when it differs), then checks that the stay's room is ready
/// and sellable for its type. Returns the reservation as it now is.
fn check_in(s: &mut TenantScope<'_>, current: &Reservation, change: &Change) -> StayResult<Reservation> {
    let working = match change.room.filter(|r| Some(*r) != current.room_id) {
        Some(room) => assign_room(s, current, change.version, room)?,
        None => current.clone(),
    };
    let room = working.room_id.ok_or(Refused::NoRoom)?;
    let r = s.rooms().get(room)?;
    if !r.housekeeping_status.is_ready() {
        return Err(Refused::RoomNotReady { number: r.number, status: r.housekeeping_status }.into());
    }
    // Clean or inspected (checked above) is always sellable.
    if r.room_type_id != working.room_type_id || !r.is_active {
        return Err(Refused::RoomNotForStay(r.number).into());
    }
    Ok(working)
}

/// Puts a stay in `room` if it is still at `version`. A room of another hotel is not
/// found; one another active stay holds on any of its nights is a `RoomOverlap` conflict
/// (the database's guard, on both backends).
pub fn assign_room(
    s: &mut TenantScope<'_>,
    current: &Reservation,
    version: i32,
    room: RoomId,
) -> StayResult<Reservation> {
    let r = s.rooms().get(room)?;
    if r.hotel_id != current.hotel_id {
        return Err(DbError::NotFound.into());
    }
    // Room assignments of a type queue behind each other, as bookings do: two desks racing
    // into one room then meet the guard, not a deadlock.
    s.reservations().lock_inventory(current.room_type_id)?;
    Ok(s.reservations().assign_room_at(current.id, version, room)?)
}

/// The nights check-out charges: up to the night before departure, or before `today` for
/// an early departure, and at least the first night (a same-day stay).
pub fn nights_slept(r: &Reservation, today: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let last = (today.min(r.check_out) - Duration::days(1)).max(r.check_in);
    crate::domain::availability::nights(r.check_in, last + Duration::days(1))
}

/// What checking out today would add to the folio of an in-house stay: its nights slept
/// that no room charge covers yet, each at its agreed price. Zero for any other status.
pub fn charges_due(r: &Reservation, entries: &[FolioEntry], nights: &[ReservationNight], today: NaiveDate) -> i64 {
    if r.status != ReservationStatus::CheckedIn {
        return 0;
    }
    let charged =
        |night: NaiveDate| entries.iter().any(|e| e.kind == FolioKind::RoomCharge && e.service_date == Some(night));
    nights_slept(r, today).filter(|n| !charged(*n)).map(|n| agreed_price(r, nights, n)).sum()
}

/// The price stay `r` was sold at for the night of `night` (its rate, for a stay booked
/// before nights were stored, or a night it never had).
pub fn agreed_price(r: &Reservation, nights: &[ReservationNight], night: NaiveDate) -> i64 {
    nights.iter().find(|n| n.night == night).map_or(r.nightly_rate, |n| n.price)
}

/// An early departure ends the stay today (after at least one night): the nights after
/// it go back on sale, and the nights and total follow. Returns the stay as it now is.
fn shorten_to(s: &mut TenantScope<'_>, r: &Reservation, today: NaiveDate) -> StayResult<Reservation> {
    let departure = today.max(r.check_in + Duration::days(1));
    if departure >= r.check_out {
        return Ok(r.clone());
    }
    let room_type = s.room_types().get(r.room_type_id)?;
    let nights = renight(s, r, &room_type, r.check_in, departure)?;
    let changes = StayChanges {
        check_in: r.check_in,
        check_out: departure,
        room_type_id: r.room_type_id,
        room_id: r.room_id,
        adults: r.adults,
        children: r.children,
        nightly_rate: nights.nightly_rate,
        total_amount: nights.total,
        notes: r.notes.clone(),
    };
    Ok(s.reservations().update_stay(r.id, r.version, &changes)?)
}

/// Charges the nights slept, then refuses while money is owed unless a manager
/// overrides. A refusal rolls the charges back with the rest of the transaction.
fn check_out_charges(
    s: &mut TenantScope<'_>,
    actor: &impl Actor,
    r: &Reservation,
    today: NaiveDate,
    override_balance: bool,
) -> StayResult<()> {
    let nights = s.nights().of(r.id)?;
    let taxes = Taxes::load(s, r.hotel_id)?;
    for night in nights_slept(r, today) {
        let price = agreed_price(r, &nights, night);
        if let Some(entry) = s.folio().post_room_night(r.id, night, price)? {
            taxes.room_night(s, entry, r, night, price)?;
        }
    }
    let owed = s.folio().balance(r.id)?;
    let may_override = actor.can(Capability::CheckoutOverride);
    if owed > 0 && !(override_balance && may_override) {
        let t = actor.tenant();
        return Err(Refused::OpenBalance { owed, currency: t.currency.clone(), may_override }.into());
    }
    Ok(())
}
