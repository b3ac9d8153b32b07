//! Editing a stay: its dates, party, room and notes, re-checked as a booking is.

use chrono::NaiveDate;

use super::availability::{Inventory, Window};
use super::rates::renight;
use super::{Actor, Refused, Stay, StayResult};
use crate::db::audit::Event;
use crate::db::reservations::{Reservation, StayChanges};
use crate::db::{DbError, TenantScope};
use crate::domain::roles::Capability;
use crate::domain::{ReservationId, RoomId};

/// A stay edit as asked, based on the reservation at `version`.
#[derive(Clone, Debug)]
pub struct StayEdit {
    pub version: i32,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub adults: i32,
    pub children: i32,
    pub room: Option<RoomId>,
    pub notes: Option<String>,
}

/// Changes a pending, confirmed or in-house stay, with the same rules as booking: the
/// dates and party, then the room type's availability and the room without this stay.
pub fn edit(s: &mut TenantScope<'_>, actor: &impl Actor, id: ReservationId, e: &StayEdit) -> StayResult<Edited> {
    let current = s.reservations().get(id)?;
    if !current.status.is_active() {
        return Err(Refused::Closed(current.status).into());
    }
    let hotel = s.hotels().get(current.hotel_id)?;
    let room_type = s.room_types().get(current.room_type_id)?;
    let stay =
        Stay { hotel: hotel.id, check_in: e.check_in, check_out: e.check_out, adults: e.adults, children: e.children };
    // Arrival may stay where it was once the guest is in house.
    let may_backdate = actor.can(Capability::Backdate) || e.check_in == current.check_in;
    stay.check(&hotel, may_backdate, Some(room_type.max_occupancy))?;
    s.reservations().lock_inventory(room_type.id)?;
    let window = Window { except: Some(id), ..stay.window() };
    let inventory = Inventory::load(s, window, actor.tenant().settings().overbooking_percent)?;
    let room = e.room.map(|room| s.rooms().get(room)).transpose()?;
    if room.as_ref().is_some_and(|r| r.hotel_id != hotel.id) {
        return Err(DbError::NotFound.into());
    }
    inventory.check(room_type.id, &room_type.name, room.as_ref())?;
    let nights = renight(s, &current, &room_type, e.check_in, e.check_out)?;
    let changes = StayChanges {
        check_in: e.check_in,
        check_out: e.check_out,
        room_type_id: room_type.id,
        room_id: e.room,
        adults: e.adults,
        children: e.children,
        nightly_rate: nights.nightly_rate,
        total_amount: nights.total,
        notes: e.notes.clone(),
    };
    let after = s.reservations().update_stay(id, e.version, &changes)?;
    actor.audit(s, Event::new("reservation.update", "reservation", id).before(&current).after(&after))?;
    super::messages::changed(s, &current, &after)?;
    Ok(Edited { reservation: after, added: nights.added })
}

/// A stay as edited, and the nights the edit added with the price each took (the nights
/// it kept kept theirs).
#[derive(Clone, Debug)]
pub struct Edited {
    pub reservation: Reservation,
    pub added: Vec<(NaiveDate, i64)>,
}
