//! The reservation suites' helpers: stays added straight into the database, reads of
//! what the database holds afterwards, and readers of what a page shows (the
//! availability grid, flash and problem messages, hidden inputs).

use chrono::{Duration, NaiveDate, Utc};
use hotelier::db::audit::AuditEntry;
use hotelier::db::folio::FolioEntry;
use hotelier::db::hotels::HotelFields;
use hotelier::db::reservations::{NewReservation, Reservation};
use hotelier::db::rooms::Room;
use hotelier::db::{Access, Db};
use hotelier::domain::{HousekeepingStatus, ReservationId, ReservationSource, ReservationStatus, RoomId};

use super::{Browser, Member, Org, Page, World};

/// The fixture rooms' rate (minor units): $100.00 a night.
pub const RATE: i64 = 10_000;

/// UTC's date `offset` days from now: the fixture hotels' today while they stay on UTC.
pub fn day(offset: i64) -> NaiveDate {
    Utc::now().date_naive() + Duration::days(offset)
}

// ---- Fixtures in the database ------------------------------------------------------------

/// A confirmed stay of `org`'s standard room type for `nights` from `check_in`, no room,
/// the fixture rate. Adjust with struct update syntax.
pub fn stay(org: &Org, code: &str, check_in: NaiveDate, nights: i64) -> NewReservation {
    NewReservation {
        hotel_id: org.hotel,
        room_type_id: org.room_type,
        room_id: None,
        guest_id: org.guest,
        confirmation_code: code.into(),
        check_in,
        check_out: check_in + Duration::days(nights),
        adults: 1,
        children: 0,
        status: ReservationStatus::Confirmed,
        nightly_rate: RATE,
        total_amount: RATE * nights,
        source: ReservationSource::Direct,
        notes: None,
    }
}

pub fn add(db: &Db, org: &Org, new: NewReservation) -> Reservation {
    db.tenant(org.id, None, Access::Write, |s| s.reservations().create(&new))
        .unwrap_or_else(|e| panic!("fixture stay {}: {e}", new.confirmation_code))
}

pub fn reservation(db: &Db, org: &Org, id: ReservationId) -> Reservation {
    db.tenant(org.id, None, Access::Read, |s| s.reservations().get(id)).expect("reservation")
}

pub fn reservations(db: &Db, org: &Org) -> Vec<Reservation> {
    db.tenant(org.id, None, Access::Read, |s| s.reservations().list(None, 10_000)).expect("reservations")
}

pub fn folio(db: &Db, org: &Org, id: ReservationId) -> Vec<FolioEntry> {
    db.tenant(org.id, None, Access::Read, |s| s.folio().entries(id)).expect("folio")
}

pub fn balance(db: &Db, org: &Org, id: ReservationId) -> i64 {
    db.tenant(org.id, None, Access::Read, |s| s.folio().balance(id)).expect("balance")
}

/// `org`'s audit rows with `action`, oldest first.
pub fn audited(db: &Db, org: &Org, action: &str) -> Vec<AuditEntry> {
    let mut rows: Vec<AuditEntry> = db
        .tenant(org.id, None, Access::Read, |s| s.audit_entries(100_000))
        .expect("audit")
        .into_iter()
        .filter(|e| e.action == action)
        .collect();
    rows.reverse();
    rows
}

pub fn room(db: &Db, org: &Org, id: RoomId) -> Room {
    db.tenant(org.id, None, Access::Read, |s| s.rooms().get(id)).expect("room")
}

pub fn set_housekeeping(db: &Db, org: &Org, id: RoomId, status: HousekeepingStatus) {
    db.tenant(org.id, None, Access::Write, |s| s.rooms().set_housekeeping(id, status)).expect("housekeeping");
}

/// Sets `overbooking_percent` in the organization's settings, keeping the rest.
pub fn set_overbooking(db: &Db, org: &Org, percent: u32) {
    crate::support::update_settings(db, org.id, |s| s.overbooking_percent = percent);
}

/// Moves `org`'s hotel to `timezone`.
pub fn set_hotel_timezone(db: &Db, org: &Org, timezone: &str) {
    db.tenant(org.id, None, Access::Write, |s| {
        let h = s.hotels().get(org.hotel)?;
        let fields = HotelFields {
            code: h.code,
            name: h.name,
            brand: h.brand,
            address: h.address,
            city: h.city,
            country: h.country,
            timezone: timezone.into(),
            star_rating: h.star_rating,
            email: h.email,
            phone: h.phone,
            is_active: h.is_active,
        };
        s.hotels().update(org.hotel, h.version, &fields)
    })
    .expect("hotel timezone");
}

/// Active stays (pending, confirmed, checked in) of `org`'s standard type on `night`.
pub fn active_on(db: &Db, org: &Org, night: NaiveDate) -> Vec<Reservation> {
    reservations(db, org)
        .into_iter()
        .filter(|r| r.room_type_id == org.room_type && r.status.is_active())
        .filter(|r| r.check_in <= night && night < r.check_out)
        .collect()
}

/// Fails when two active stays of `org` hold one room on one night.
#[track_caller]
pub fn assert_no_room_overlap(db: &Db, org: &Org) {
    let active: Vec<Reservation> = reservations(db, org).into_iter().filter(|r| r.status.is_active()).collect();
    for (i, a) in active.iter().enumerate() {
        for b in &active[i + 1..] {
            if a.room_id.is_some() && a.room_id == b.room_id {
                assert!(
                    a.check_out <= b.check_in || b.check_out <= a.check_in,
                    "{} ({}→{}) and {} ({}→{}) share room {:?}",
                    a.confirmation_code,
                    a.check_in,
                    a.check_out,
                    b.confirmation_code,
                    b.check_in,
                    b.check_out,
                    a.room_id
                );
            }
        }
    }
}

// ---- Browsing ----------------------------------------------------------------------------

/// A browser signed in as `member` on `w`'s app.
pub async fn desk(w: &World, member: &Member) -> Browser {
    desk_as(w, &member.account.email).await
}

/// A browser signed in as `email` on `w`'s app.
pub async fn desk_as(w: &World, email: &str) -> Browser {
    let mut b = w.browser();
    b.sign_in(email).await;
    b
}

/// A form body as posted: (name, value) pairs.
pub type Form = Vec<(String, String)>;

/// The booking form as the details step posts it, for `org`'s standard type and
/// existing guest, without a room.
pub fn booking(org: &Org, check_in: NaiveDate, check_out: NaiveDate) -> Form {
    [
        ("hotel", org.hotel.to_string()),
        ("check_in", check_in.to_string()),
        ("check_out", check_out.to_string()),
        ("adults", "2".into()),
        ("children", "0".into()),
        ("room_type", org.room_type.to_string()),
        ("room", String::new()),
        ("guest", org.guest.to_string()),
        ("source", "direct".into()),
        ("notes", String::new()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// `form` with `key` set to `value` (replaced or added).
pub fn with(mut form: Form, key: &str, value: &str) -> Form {
    form.retain(|(k, _)| k != key);
    form.push((key.to_owned(), value.to_owned()));
    form
}

/// The search URL of the booking flow.
pub fn search_url(org: &Org, check_in: NaiveDate, check_out: NaiveDate, adults: u32) -> String {
    format!(
        "/reservations/new?hotel={}&check_in={check_in}&check_out={check_out}&adults={adults}&children=0",
        org.hotel
    )
}

/// The id a booking's 303 points at.
#[track_caller]
pub fn booked_id(page: &Page) -> ReservationId {
    assert_eq!(page.status, 303, "booking refused: {}", page.short());
    let location = page.location.as_deref().expect("Location");
    let id = location.strip_prefix("/reservations/").unwrap_or_else(|| panic!("Location {location}"));
    id.parse().unwrap_or_else(|_| panic!("Location {location} does not name a reservation"))
}

/// The hidden `version` of the reservation page's status forms.
#[track_caller]
pub fn version_on(page: &Page) -> String {
    let marker = r#"name="version" value=""#;
    let at = page.body.find(marker).unwrap_or_else(|| panic!("no version input: {}", page.short())) + marker.len();
    page.body[at..at + page.body[at..].find('"').unwrap()].to_owned()
}

/// Posts status `action` on reservation `id` with the version the page shows, plus `extra`.
pub async fn act(b: &Browser, id: ReservationId, action: &str, extra: &[(&str, &str)]) -> Page {
    let shown = b.get(&format!("/reservations/{id}")).await;
    assert_eq!(shown.status, 200, "reservation page: {}", shown.short());
    act_at(b, id, action, &version_on(&shown), extra).await
}

/// Posts status `action` with `version`, as a hand-made form would: for actions the page
/// does not offer this member.
pub async fn act_at(b: &Browser, id: ReservationId, action: &str, version: &str, extra: &[(&str, &str)]) -> Page {
    let mut fields = vec![("action", action), ("version", version)];
    fields.extend_from_slice(extra);
    b.post(&format!("/reservations/{id}/status"), &fields).await
}

/// Posts to the folio of reservation `id`.
pub async fn post_folio(b: &Browser, id: ReservationId, fields: &[(&str, &str)]) -> Page {
    b.post(&format!("/reservations/{id}/folio"), fields).await
}

/// The page's text with HTML entities undone, for matching messages.
pub fn text(page: &Page) -> String {
    unescape(&page.body)
}

/// Undoes HTML escaping: the named entities Askama writes and any numeric one.
pub fn unescape(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = rest[1..].find(';').filter(|end| *end <= 8).map(|end| &rest[1..end + 1]);
        let ch = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => e
                .strip_prefix("#x")
                .or_else(|| e.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        });
        match (ch, entity) {
            (Some(ch), Some(e)) => {
                out.push(ch);
                rest = &rest[e.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Asserts `page` answered `status` and shows `message`.
#[track_caller]
pub fn assert_says(page: &Page, status: u16, message: &str) {
    assert_eq!(page.status, status, "expected {status} with {message:?}: {}", page.short());
    assert!(text(page).contains(message), "expected {message:?} on the page: {}", page.short());
}

/// The notice (success or error) the page shows, if any.
pub fn flash(page: &Page) -> Option<String> {
    let at = page.body.find(r#"<div class="flash flash-"#)?;
    let at = at + page.body[at..].find('>')? + 1;
    Some(unescape(&page.body[at..at + page.body[at..].find("</div>")?]))
}

/// Follows a 303 with a GET and returns the page (where the flash shows).
pub async fn follow(b: &Browser, page: &Page) -> Page {
    let to = page.location.as_deref().unwrap_or_else(|| panic!("no redirect: {}", page.short()));
    b.get(to).await
}

/// The availability grid's row for `room_type_name`: the bookable count of each night and
/// the "Bookable" total, as rendered.
#[track_caller]
pub fn grid(page: &Page, room_type_name: &str) -> (Vec<i64>, i64) {
    let at = page
        .body
        .find(&format!("<strong>{room_type_name}</strong>"))
        .unwrap_or_else(|| panic!("no {room_type_name} row: {}", page.short()));
    let row = &page.body[at..at + page.body[at..].find("</tr>").expect("row end")];
    let cells: Vec<String> = row
        .split(r#"<td class="num"#)
        .skip(1)
        .map(|cell| {
            let content = &cell[cell.find('>').unwrap() + 1..cell.find("</td>").unwrap()];
            content.replace("<strong>", "").replace("</strong>", "").trim().to_owned()
        })
        .collect();
    // One cell per night (rooms left), then the bookable total ("3 bookable").
    let (total, nights) = cells.split_last().expect("bookable cell");
    let number = |c: &str| c.parse::<i64>().unwrap_or_else(|_| panic!("cell {c:?}"));
    let total = number(total.split_whitespace().next().unwrap_or_default());
    (nights.iter().map(|c| number(c)).collect(), total)
}

/// The href of the first link whose href starts with `prefix`, unescaped.
pub fn link(page: &Page, prefix: &str) -> Option<String> {
    let marker = format!(r#"href="{prefix}"#);
    let at = page.body.find(&marker)? + r#"href=""#.len();
    Some(unescape(&page.body[at..at + page.body[at..].find('"')?]))
}

/// The hidden inputs of the form posting to `action` (name, value), unescaped.
pub fn hidden_inputs(page: &Page, action: &str) -> Form {
    let at = page.body.find(&format!(r#"action="{action}""#)).expect("form");
    let form = &page.body[at..at + page.body[at..].find("</form>").expect("form end")];
    form.split(r#"<input type="hidden" name=""#)
        .skip(1)
        .map(|rest| {
            let name = &rest[..rest.find('"').unwrap()];
            let v = rest.find(r#"value=""#).unwrap() + r#"value=""#.len();
            (unescape(name), unescape(&rest[v..v + rest[v..].find('"').unwrap()]))
        })
        .collect()
}

/// The number of room `id` of `org`.
pub fn room_number(db: &Db, org: &Org, id: hotelier::domain::RoomId) -> String {
    db.tenant(org.id, None, Access::Read, |s| s.rooms().get(id)).expect("room").number
}
