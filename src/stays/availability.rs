//! The one availability check: (scope, hotel, room type, dates, room, except this stay).
//! Booking, stay edits, the reservation page, the kiosk and the tape chart all read it.
//!
//! The rules themselves are plain functions in `domain::availability`; this module loads
//! what they need (the sellable rooms per type, the active stays and the room blocks over
//! the dates) in three queries and answers with a typed refusal.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Refused, StayResult};
use crate::db::reservations::Reservation;
use crate::db::rooms::Room;
use crate::db::{DbResult, TenantScope};
use crate::domain::availability::{self as rules, Held, TypeAvailability};
use crate::domain::{HotelId, ReservationId, RoomId, RoomTypeId};

/// The dates asked about, and the stay to leave out (when it is the one being moved).
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub hotel: HotelId,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub except: Option<ReservationId>,
}

/// The active stays of a hotel over a window, and its room blocks: which rooms they hold.
pub struct Occupied {
    window: Window,
    held: Vec<Held>,
    blocked: Vec<Held>,
}

impl Occupied {
    pub fn load(s: &mut TenantScope<'_>, window: Window) -> DbResult<Self> {
        let held = s.reservations().held(window.hotel, window.check_in, window.check_out, window.except)?;
        Self::with_held(s, window, held)
    }

    fn with_held(s: &mut TenantScope<'_>, window: Window, held: Vec<Held>) -> DbResult<Self> {
        let blocked = s.room_blocks().held(window.hotel, window.check_in, window.check_out)?;
        Ok(Self { window, held, blocked })
    }

    /// No active stay (but the one left out) and no block holds `room` on a night of the
    /// window.
    pub fn room_free(&self, room: RoomId) -> bool {
        let (from, to) = (self.window.check_in, self.window.check_out);
        rules::room_free(room, &self.held, from, to) && rules::room_free(room, &self.blocked, from, to)
    }

    /// The rooms of `rooms` that could be given to a stay of `room_type` over the window:
    /// sellable, of that type, and free.
    pub fn free_rooms(&self, rooms: Vec<Room>, room_type: RoomTypeId) -> Vec<Room> {
        rooms.into_iter().filter(|r| r.room_type_id == room_type && r.is_sellable() && self.room_free(r.id)).collect()
    }

    /// Refuses `room` for a stay of `room_type` unless it is sellable, of that type, in the
    /// window's hotel, and free.
    pub fn check_room(&self, room: &Room, room_type: RoomTypeId) -> StayResult<()> {
        if room.hotel_id != self.window.hotel || room.room_type_id != room_type || !room.is_sellable() {
            return Err(Refused::RoomNotSellable(room.number.clone()).into());
        }
        if !self.room_free(room.id) {
            return Err(Refused::RoomTaken(room.number.clone()).into());
        }
        Ok(())
    }
}

/// What is sold and what is held in a hotel over a window.
pub struct Inventory {
    occupied: Occupied,
    sellable: HashMap<RoomTypeId, i64>,
    overbooking_percent: u32,
}

impl Inventory {
    /// Reads the sellable rooms per type and the active stays over `window`.
    pub fn load(s: &mut TenantScope<'_>, window: Window, overbooking_percent: u32) -> DbResult<Self> {
        let sellable = s.rooms().sellable_by_type(window.hotel)?;
        Ok(Self { occupied: Occupied::load(s, window)?, sellable, overbooking_percent })
    }

    /// The same from stays the caller has read already (`held`: the active stays over
    /// `window`), reading only the sellable rooms.
    pub fn with_held(
        s: &mut TenantScope<'_>,
        window: Window,
        held: Vec<Held>,
        overbooking_percent: u32,
    ) -> DbResult<Self> {
        let sellable = s.rooms().sellable_by_type(window.hotel)?;
        Ok(Self { occupied: Occupied::with_held(s, window, held)?, sellable, overbooking_percent })
    }

    /// Availability per night of each of `types` (a type with no sellable room has none).
    pub fn by_type(&self, types: &[RoomTypeId]) -> Vec<TypeAvailability> {
        let sellable: HashMap<RoomTypeId, i64> =
            types.iter().map(|t| (*t, self.sellable.get(t).copied().unwrap_or(0))).collect();
        let w = &self.occupied.window;
        let (held, blocked) = (&self.occupied.held, &self.occupied.blocked);
        rules::by_type(&sellable, held, blocked, w.check_in, w.check_out, self.overbooking_percent)
    }

    /// How many more stays of `room_type` fit on every night of the window.
    pub fn bookable(&self, room_type: RoomTypeId) -> i64 {
        self.by_type(&[room_type]).first().map_or(0, TypeAvailability::bookable)
    }

    /// Refuses unless one more stay of `room_type` (named `type_name`), in `room` when one
    /// is given, fits the window.
    pub fn check(&self, room_type: RoomTypeId, type_name: &str, room: Option<&Room>) -> StayResult<()> {
        if self.bookable(room_type) < 1 {
            let w = &self.occupied.window;
            let room_type = type_name.to_owned();
            return Err(Refused::SoldOut { room_type, check_in: w.check_in, check_out: w.check_out }.into());
        }
        match room {
            Some(room) => self.occupied.check_room(room, room_type),
            None => Ok(()),
        }
    }
}

/// The rooms a stay could move to: active, sellable rooms of its type in its hotel that no
/// other active stay holds on any of its nights.
pub fn free_rooms_for(s: &mut TenantScope<'_>, r: &Reservation) -> DbResult<Vec<Room>> {
    let window = Window { hotel: r.hotel_id, check_in: r.check_in, check_out: r.check_out, except: Some(r.id) };
    let occupied = Occupied::load(s, window)?;
    Ok(occupied.free_rooms(s.rooms().list(Some(r.hotel_id))?, r.room_type_id))
}
