//! Booking a stay, and the checks a stay's dates and party must pass.

use chrono::NaiveDate;

use super::availability::{Inventory, Window};
use super::rates::{price_stay, sales, RateBook, Sale};
use super::{today_at, Actor, Refused, StayResult};
use crate::db::audit::Event;
use crate::db::guests::{Guest, GuestFields};
use crate::db::hotels::Hotel;
use crate::db::nights::ReservationNight;
use crate::db::reservations::{NewReservation, Reservation};
use crate::db::room_types::RoomType;
use crate::db::{DbError, TenantScope};
use crate::domain::availability::TypeAvailability;
use crate::domain::booking::{check_stay, confirmation_code};
use crate::domain::rates::Quote;
use crate::domain::roles::Capability;
use crate::domain::{GuestId, HotelId, RatePlanId, ReservationSource, ReservationStatus, RoomId, RoomTypeId};

/// A stay asked for: where, when, and for how many.
#[derive(Clone, Copy, Debug)]
pub struct Stay {
    pub hotel: HotelId,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub adults: i32,
    pub children: i32,
}

impl Stay {
    pub fn window(&self) -> Window {
        Window { hotel: self.hotel, check_in: self.check_in, check_out: self.check_out, except: None }
    }

    /// Refuses dates or a party the hotel cannot take: departure after arrival, at most
    /// the longest stay, no arrival in the hotel's past unless `may_backdate`, and no more
    /// guests than the room type's `max_occupancy` (when known).
    pub fn check(&self, hotel: &Hotel, may_backdate: bool, max_occupancy: Option<i32>) -> Result<(), Refused> {
        let guests = self.adults + self.children;
        check_stay(self.check_in, self.check_out, today_at(hotel), may_backdate, guests, max_occupancy)
            .map_err(Refused::Stay)
    }
}

/// The guest of a booking.
#[derive(Clone, Debug)]
pub enum GuestChoice {
    Existing(GuestId),
    /// A new guest, created with the booking (needs `GuestsEdit`).
    New(GuestFields),
}

/// A booking as the desk asks for it.
#[derive(Clone, Debug)]
pub struct Booking {
    pub stay: Stay,
    pub room_type: RoomTypeId,
    pub room: Option<RoomId>,
    pub guest: GuestChoice,
    pub source: ReservationSource,
    pub notes: Option<String>,
    /// Book as pending (a hold) rather than confirmed.
    pub hold: bool,
    /// The rate plan; `None` takes the room type's first plan (see [`price_stay`]).
    pub rate_plan: Option<RatePlanId>,
}

/// A room type of the hotel with its availability over a stay, whether the party fits,
/// and what each of its rate plans sells the stay at (or why it cannot).
pub struct Offer {
    pub room_type: RoomType,
    pub availability: TypeAvailability,
    pub fits: bool,
    pub sales: Vec<Sale>,
}

/// The hotel and room type of a stay, after its dates and party are checked: what booking
/// checks first, and what a form with other faults still reports. Another tenant's hotel
/// or room type is not found; a room type of another hotel is not found either.
pub fn check_request(
    s: &mut TenantScope<'_>,
    actor: &impl Actor,
    stay: &Stay,
    room_type: RoomTypeId,
) -> StayResult<(Hotel, RoomType)> {
    let hotel = s.hotels().get(stay.hotel)?;
    let room_type = s.room_types().get(room_type)?;
    if room_type.hotel_id != hotel.id {
        return Err(DbError::NotFound.into());
    }
    stay.check(&hotel, actor.can(Capability::Backdate), Some(room_type.max_occupancy))?;
    Ok((hotel, room_type))
}

/// Every active room type of the hotel with its availability over `stay`, cheapest first.
pub fn offers(s: &mut TenantScope<'_>, actor: &impl Actor, stay: &Stay) -> StayResult<Vec<Offer>> {
    let hotel = s.hotels().get(stay.hotel)?;
    stay.check(&hotel, actor.can(Capability::Backdate), None)?;
    let types: Vec<RoomType> = s.room_types().list(Some(stay.hotel))?.into_iter().filter(|t| t.is_active).collect();
    let overbooking = actor.tenant().settings().overbooking_percent;
    let inventory = Inventory::load(s, stay.window(), overbooking)?;
    let ids: Vec<RoomTypeId> = types.iter().map(|t| t.id).collect();
    let book = RateBook::load(s, stay.hotel, None, stay.check_in, stay.check_out)?;
    let mut offers: Vec<Offer> = inventory
        .by_type(&ids)
        .into_iter()
        .filter_map(|availability| {
            let room_type = types.iter().find(|t| t.id == availability.room_type)?.clone();
            let fits = stay.adults + stay.children <= room_type.max_occupancy;
            let sales = sales(&book, &room_type, stay.check_in, stay.check_out);
            Some(Offer { room_type, availability, fits, sales })
        })
        .collect();
    offers.sort_by_key(|o| o.room_type.base_rate);
    Ok(offers)
}

/// Books inside the caller's write transaction: the inventory lock, the availability
/// check and the insert happen together, so two desks cannot both take the last room.
pub fn book(s: &mut TenantScope<'_>, actor: &impl Actor, b: &Booking) -> StayResult<Reservation> {
    let (hotel, room_type) = check_request(s, actor, &b.stay, b.room_type)?;
    // What does not depend on inventory is read before taking its lock, which serializes
    // the bookings of one room type: the existing guest, and a free confirmation code
    // (the unique index still guards it).
    let guest = match &b.guest {
        GuestChoice::Existing(id) => Ok(s.guests().get(*id)?),
        GuestChoice::New(fields) => Err(fields),
    };
    let code = free_confirmation_code(s)?;
    let prepared = super::messages::prepare(s, hotel.id)?;
    let book = RateBook::load(s, hotel.id, Some(room_type.id), b.stay.check_in, b.stay.check_out)?;
    let (plan, quote) = price_stay(&book, &room_type, b.rate_plan, b.stay.check_in, b.stay.check_out)?;
    s.reservations().lock_inventory(room_type.id)?;
    let overbooking = actor.tenant().settings().overbooking_percent;
    let inventory = Inventory::load(s, b.stay.window(), overbooking)?;
    let room = b.room.map(|id| s.rooms().get(id)).transpose()?;
    inventory.check(room_type.id, &room_type.name, room.as_ref())?;
    let guest = match guest {
        Ok(existing) => existing,
        Err(fields) => create_guest(s, actor, fields)?,
    };
    let new = NewReservation {
        hotel_id: hotel.id,
        room_type_id: room_type.id,
        room_id: b.room,
        guest_id: guest.id,
        confirmation_code: code,
        check_in: b.stay.check_in,
        check_out: b.stay.check_out,
        adults: b.stay.adults,
        children: b.stay.children,
        status: if b.hold { ReservationStatus::Pending } else { ReservationStatus::Confirmed },
        nightly_rate: average_night(&quote),
        total_amount: quote.total,
        source: b.source,
        notes: b.notes.clone(),
    };
    let r = s.reservations().create(&new)?;
    let plan_id = plan.as_ref().map(|p| p.id);
    let nights = quote.nights.iter().map(|(night, price)| ReservationNight::new(r.id, *night, plan_id, *price));
    s.nights().write(nights.collect())?;
    actor.audit(s, Event::new("reservation.create", "reservation", r.id).after(&r))?;
    super::messages::booked(s, &r, &hotel, prepared)?;
    Ok(r)
}

/// A stay's average nightly price, kept on the reservation for lists and figures (the
/// nights keep each night's own).
pub fn average_night(quote: &Quote) -> i64 {
    let nights = quote.nights.len().max(1) as i64;
    quote.total / nights
}

fn free_confirmation_code(s: &mut TenantScope<'_>) -> StayResult<String> {
    let mut rng = rand::thread_rng();
    loop {
        let code = confirmation_code(&mut rng);
        match s.reservations().by_confirmation(&code) {
            Err(DbError::NotFound) => return Ok(code),
            Ok(_) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

fn create_guest(s: &mut TenantScope<'_>, actor: &impl Actor, fields: &GuestFields) -> StayResult<Guest> {
    super::require(s, actor, Capability::GuestsEdit)?;
    let guest = s.guests().create(fields)?;
    actor.audit(s, Event::new("guest.create", "guest", guest.id).after(fields))?;
    Ok(guest)
}
