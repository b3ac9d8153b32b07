//! `/calendar`: the tape chart. Rooms are rows, days are columns, and each stay is a bar
//! (a cell spanning its nights) coloured by status and linked to the reservation. Plain
//! HTML table, readable without JavaScript.

use actix_web::web;
use askama::Template;
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use serde::Deserialize;

use super::error::Reply;
use super::extract::TenantCtx;
use super::pages::{ok, Chrome};
use super::state::State;
use super::urls;
use crate::db::hotels::Hotel;
use crate::db::reservations::ReservationRow;
use crate::db::room_types::RoomType;
use crate::db::rooms::Room;
use crate::domain::availability::Held;
use crate::domain::booking::today_in;
use crate::domain::HotelId;
use crate::stays::availability::{Inventory, Window};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CalendarQuery {
    pub hotel: String,
    pub start: String,
    pub days: String,
}

pub struct Day {
    pub date: NaiveDate,
    pub today: bool,
    pub weekend: bool,
}

pub enum Cell {
    Free { today: bool, weekend: bool },
    Stay { span: i64, code: String, guest: String, status: &'static str, href: String, cut_left: bool, cut_right: bool },
}

pub struct Row {
    pub room: Room,
    pub type_name: String,
    pub cells: Vec<Cell>,
}

#[derive(Template)]
#[template(path = "calendar/show.html")]
struct CalendarPage {
    chrome: Chrome,
    hotels: Vec<Hotel>,
    hotel: Option<Hotel>,
    days: Vec<Day>,
    rows: Vec<Row>,
    /// Stays the hotel can still sell per night, all active room types together.
    left: Vec<i64>,
    start: NaiveDate,
    length: i64,
    today: NaiveDate,
}

impl CalendarPage {
    fn link(&self, start: NaiveDate) -> String {
        let hotel = self.hotel.as_ref().map(|h| h.id.to_string()).unwrap_or_default();
        format!("{}?hotel={hotel}&start={start}&days={}", urls::calendar(), self.length)
    }
    pub fn last_day(&self) -> NaiveDate {
        self.start + Duration::days(self.length - 1)
    }
    pub fn prev(&self) -> String {
        self.link(self.start - Duration::days(7))
    }
    pub fn next(&self) -> String {
        self.link(self.start + Duration::days(7))
    }
    pub fn this_week(&self) -> String {
        self.link(self.today - Duration::days(1))
    }
    pub fn with_length(&self, days: i64) -> String {
        let hotel = self.hotel.as_ref().map(|h| h.id.to_string()).unwrap_or_default();
        format!("{}?hotel={hotel}&start={}&days={days}", urls::calendar(), self.start)
    }
}

/// Lays the stays of one room over the days: a free cell per empty day, one spanning cell
/// per stay (clipped at the window's edges).
fn lay_out(stays: &[&ReservationRow], days: &[Day], start: NaiveDate, end: NaiveDate) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut day = start;
    let mut sorted: Vec<&&ReservationRow> = stays.iter().collect();
    sorted.sort_by_key(|r| r.reservation.check_in);
    let mut next = sorted.into_iter().peekable();
    while day < end {
        match next.peek() {
            Some(r) if r.reservation.check_in <= day && r.reservation.check_out > day => {
                let r = next.next().expect("peeked");
                let until = r.reservation.check_out.min(end);
                cells.push(Cell::Stay {
                    span: (until - day).num_days(),
                    code: r.reservation.confirmation_code.clone(),
                    guest: r.guest_name.clone(),
                    status: r.reservation.status.as_str(),
                    href: urls::reservation(r.reservation.id),
                    cut_left: r.reservation.check_in < start,
                    cut_right: r.reservation.check_out > end,
                });
                day = until;
            }
            Some(r) if r.reservation.check_out <= day => {
                next.next();
            }
            _ => {
                let d = &days[(day - start).num_days() as usize];
                cells.push(Cell::Free { today: d.today, weekend: d.weekend });
                day += Duration::days(1);
            }
        }
    }
    cells
}

/// The stays that hold inventory (pending, confirmed, in house), as availability counts them.
fn held(stays: &[ReservationRow]) -> Vec<Held> {
    stays
        .iter()
        .map(|row| &row.reservation)
        .filter(|r| r.status.is_active())
        .map(|r| Held { room_type: r.room_type_id, room: r.room_id, check_in: r.check_in, check_out: r.check_out })
        .collect()
}

/// Per night of the window, how many more stays the active room types take (the same
/// count booking checks).
fn left_to_sell(inventory: &Inventory, types: &[RoomType]) -> Vec<i64> {
    let active: Vec<_> = types.iter().filter(|t| t.is_active).map(|t| t.id).collect();
    let per_type = inventory.by_type(&active);
    let nights = per_type.first().map_or(0, |t| t.nights.len());
    (0..nights).map(|i| per_type.iter().map(|t| t.nights[i].2.max(0)).sum()).collect()
}

pub async fn show(ctx: TenantCtx, state: State, query: web::Query<CalendarQuery>) -> Reply {
    let q = query.into_inner();
    let wanted: Option<HotelId> = q.hotel.parse().ok();
    let length: i64 = if q.days.trim() == "30" { 30 } else { 14 };
    let asked_start = super::forms::day(&q.start);
    let (view, hotels, hotel, rooms, types, stays, left, start, today) = ctx
        .read(&state, move |s, m| {
            let hotels = s.hotels().list()?;
            let hotel = match wanted {
                Some(id) => Some(s.hotels().get(id)?),
                None => hotels.first().cloned(),
            };
            let tz = hotel.as_ref().map_or(m.acting.tenant.timezone.clone(), |h| h.timezone.clone());
            let today = today_in(&tz, Utc::now());
            let start = asked_start.unwrap_or(today - Duration::days(1));
            let (rooms, types, stays, left) = match &hotel {
                Some(h) => {
                    let end = start + Duration::days(length);
                    let window = Window { hotel: h.id, check_in: start, check_out: end, except: None };
                    let types = s.room_types().list(Some(h.id))?;
                    let stays = s.reservations().in_window(h.id, start, end)?;
                    let overbooking = m.acting.tenant.settings().overbooking_percent;
                    let inventory = Inventory::with_held(s, window, held(&stays), overbooking)?;
                    let left = left_to_sell(&inventory, &types);
                    (s.rooms().list(Some(h.id))?, types, stays, left)
                }
                None => (vec![], vec![], vec![], vec![]),
            };
            Ok((m.view(), hotels, hotel, rooms, types, stays, left, start, today))
        })
        .await?;
    let end = start + Duration::days(length);
    let days: Vec<Day> = (0..length)
        .map(|i| start + Duration::days(i))
        .map(|date| Day { date, today: date == today, weekend: matches!(date.weekday(), Weekday::Sat | Weekday::Sun) })
        .collect();
    let rows = rooms
        .into_iter()
        .map(|room| {
            let mine: Vec<&ReservationRow> = stays.iter().filter(|r| r.reservation.room_id == Some(room.id)).collect();
            let type_name =
                types.iter().find(|t| t.id == room.room_type_id).map(|t| t.code.clone()).unwrap_or_default();
            let cells = lay_out(&mine, &days, start, end);
            Row { room, type_name, cells }
        })
        .collect();
    let chrome = Chrome::new(&ctx, view, "calendar");
    let page = CalendarPage { chrome, hotels, hotel, days, rows, left, start, length, today };
    ok(&page)
}
