//! A stay as the desk sees it: the reservation with its hotel, guest, room, the rooms it
//! could move to, its folio and what it owes today. The reservation page and the kiosk's
//! stay screen both show this.

use chrono::NaiveDate;

use super::{availability, charges_due, now_at, today_at, Terms};
use crate::db::folio::FolioEntry;
use crate::db::guests::Guest;
use crate::db::hotels::Hotel;
use crate::db::nights::ReservationNight;
use crate::db::rates::RatePlan;
use crate::db::reservations::Reservation;
use crate::db::rooms::Room;
use crate::db::taxes::FolioTax;
use crate::db::{DbResult, TenantScope};
use crate::domain::ReservationId;

pub struct StayView {
    pub reservation: Reservation,
    pub hotel: Hotel,
    pub guest: Guest,
    pub room: Option<Room>,
    /// Active, sellable rooms of its type that no other stay holds on its nights.
    pub free_rooms: Vec<Room>,
    pub entries: Vec<FolioEntry>,
    /// Each night with the price it was sold at.
    pub nights: Vec<ReservationNight>,
    /// The rate plan it was booked on (`None`: the room type's rack rate).
    pub plan: Option<RatePlan>,
    /// What the plan says about money: deposit, cancellation, no-show.
    pub terms: Terms,
    /// The tax lines of the entries.
    pub taxes: Vec<FolioTax>,
    /// The hotel's calendar date now.
    pub today: NaiveDate,
    /// In house: the nights check-out would charge today (see [`charges_due`]).
    pub due: i64,
    /// What the guest owes, `due` included; below zero is a credit.
    pub balance: i64,
}

impl StayView {
    /// The stay `id` of the scope's organization (NotFound for any other).
    pub fn load(s: &mut TenantScope<'_>, id: ReservationId) -> DbResult<Self> {
        let reservation = s.reservations().get(id)?;
        let hotel = s.hotels().get(reservation.hotel_id)?;
        let guest = s.guests().get(reservation.guest_id)?;
        let room = reservation.room_id.map(|id| s.rooms().get(id)).transpose()?;
        let free_rooms = availability::free_rooms_for(s, &reservation)?;
        let entries = s.folio().entries(id)?;
        let nights = s.nights().of(id)?;
        let plan = nights.iter().find_map(|n| n.rate_plan_id).map(|p| s.rate_plans().get(p)).transpose()?;
        let today = today_at(&hotel);
        let due = charges_due(&reservation, &entries, &nights, today);
        let taxes = s.tax_rules().lines_of(&entries.iter().map(|e| e.id).collect::<Vec<_>>())?;
        let balance = FolioEntry::total(&entries, &taxes) + due;
        let terms = Terms::of(&reservation, plan.as_ref(), &nights, &entries, now_at(&hotel));
        Ok(Self {
            reservation,
            hotel,
            guest,
            room,
            free_rooms,
            entries,
            nights,
            plan,
            terms,
            taxes,
            today,
            due,
            balance,
        })
    }
}

/// A room's day as housekeeping needs it: is a guest in it, and does one arrive or leave
/// today.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoomToday {
    /// The guest in house, by name.
    pub occupied_by: Option<String>,
    pub arriving: bool,
    pub departing: bool,
}

impl RoomToday {
    /// The day of every room of `hotel` that a stay holds today (the others are vacant,
    /// with nobody coming).
    pub fn of_hotel(
        s: &mut TenantScope<'_>,
        hotel: &Hotel,
    ) -> DbResult<std::collections::HashMap<crate::domain::RoomId, RoomToday>> {
        use crate::domain::ReservationStatus::{CheckedIn, Confirmed, Pending};
        let today = today_at(hotel);
        let mut days: std::collections::HashMap<_, RoomToday> = std::collections::HashMap::new();
        for row in s.reservations().desk_day(hotel.id, today)? {
            let r = &row.reservation;
            let Some(room) = r.room_id else { continue };
            let day = days.entry(room).or_default();
            match r.status {
                CheckedIn => {
                    day.occupied_by = Some(row.guest_name.clone());
                    day.departing |= r.check_out <= today;
                }
                Pending | Confirmed if r.check_in == today => day.arriving = true,
                _ => {}
            }
        }
        Ok(days)
    }
}
