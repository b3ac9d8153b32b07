//! The new-booking flow: dates and party → availability per room type and night →
//! room type (and optionally a free room) → an existing or new guest → confirm.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use chrono::{NaiveDate, Utc};
use serde::Deserialize;

use super::extract::{Member, TenantCtx};
use super::forms::{self, FieldErrors};
use super::guests::GuestForm;
use super::metrics::Business;
use super::pages::{ok, render, see_other, Chrome};
use super::AppState;
use crate::db::audit::Event;
use crate::db::guests::Guest;
use crate::db::hotels::Hotel;
use crate::db::reservations::NewReservation;
use crate::db::room_types::RoomType;
use crate::db::rooms::Room;
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::availability::{self, TypeAvailability};
use crate::domain::booking::{check_stay, confirmation_code, today_in};
use crate::domain::roles::Capability;
use crate::domain::{GuestId, HotelId, ReservationSource, ReservationStatus, RoomId, RoomTypeId};
use crate::error::AppError;

/// The search: every field text, so any input re-renders.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Search {
    pub hotel: String,
    pub check_in: String,
    pub check_out: String,
    pub adults: String,
    pub children: String,
    pub room_type: String,
    pub q: String,
}

/// A search that parsed.
#[derive(Clone, Copy, Debug)]
pub struct Stay {
    pub hotel: HotelId,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub adults: i32,
    pub children: i32,
}

pub fn date(errors: &mut FieldErrors, field: &'static str, raw: &str) -> Option<NaiveDate> {
    let v = forms::clean(raw);
    match forms::day(&v) {
        Some(d) => Some(d),
        None => {
            errors.add(field, if v.is_empty() { "Choose a date." } else { "Enter a date like 2026-12-24." });
            None
        }
    }
}

impl Search {
    fn is_blank(&self) -> bool {
        self.check_in.trim().is_empty() && self.check_out.trim().is_empty()
    }

    pub fn parse(&self) -> Result<Stay, FieldErrors> {
        let mut e = FieldErrors::default();
        let hotel: Option<HotelId> = forms::id(&mut e, "hotel", &self.hotel);
        let check_in = date(&mut e, "check_in", &self.check_in);
        let check_out = date(&mut e, "check_out", &self.check_out);
        let adults = forms::integer(&mut e, "adults", &self.adults, 1, 20);
        let children = forms::optional_integer(&mut e, "children", &self.children, 0, 20).unwrap_or(0);
        let stay = Stay {
            hotel: hotel.unwrap_or_default(),
            check_in: check_in.unwrap_or_default(),
            check_out: check_out.unwrap_or_default(),
            adults: adults.unwrap_or(1) as i32,
            children: children as i32,
        };
        e.into_result(stay)
    }

    pub fn query_string(&self) -> String {
        let pairs = [
            ("hotel", &self.hotel),
            ("check_in", &self.check_in),
            ("check_out", &self.check_out),
            ("adults", &self.adults),
            ("children", &self.children),
        ];
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter().map(|(k, v)| (*k, v.trim())))
            .finish()
    }
}

/// Dates, length and party size against the hotel's today and the member's rights.
fn stay_errors(stay: &Stay, hotel: &Hotel, m: &Member, max_occupancy: Option<i32>) -> FieldErrors {
    let mut e = FieldErrors::default();
    let today = today_in(&hotel.timezone, Utc::now());
    if let Err(problem) = check_stay(
        stay.check_in,
        stay.check_out,
        today,
        m.can(Capability::Backdate),
        stay.adults + stay.children,
        max_occupancy,
    ) {
        let field = match problem {
            crate::domain::booking::StayProblem::TooManyGuests(_) => "adults",
            crate::domain::booking::StayProblem::InThePast => "check_in",
            _ => "check_out",
        };
        e.add(field, problem.to_string());
    }
    e
}

/// Availability of every room type of the hotel over the stay.
fn availability(
    s: &mut TenantScope<'_>,
    stay: &Stay,
    overbooking: u32,
) -> Result<(Vec<RoomType>, Vec<TypeAvailability>), AppError> {
    let types: Vec<RoomType> = s.room_types().list(Some(stay.hotel))?.into_iter().filter(|t| t.is_active).collect();
    let mut sellable = s.rooms().sellable_by_type(stay.hotel)?;
    for t in &types {
        sellable.entry(t.id).or_insert(0);
    }
    sellable.retain(|id, _| types.iter().any(|t| t.id == *id));
    let held = s.reservations().held(stay.hotel, stay.check_in, stay.check_out, None)?;
    Ok((types, availability::by_type(&sellable, &held, stay.check_in, stay.check_out, overbooking)))
}

pub struct TypeOption {
    pub room_type: RoomType,
    pub availability: TypeAvailability,
    pub fits: bool,
}

#[derive(Template)]
#[template(path = "reservations/new.html")]
struct SearchPage {
    chrome: Chrome,
    hotels: Vec<Hotel>,
    search: Search,
    errors: FieldErrors,
    options: Vec<TypeOption>,
    nights: Vec<NaiveDate>,
    searched: bool,
    query: String,
}

pub async fn search(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    query: web::Query<Search>,
) -> Result<HttpResponse, AppError> {
    let mut search = query.into_inner();
    let (view, hotels, outcome) = ctx
        .read(&state, {
            let search = search.clone();
            move |s, m| {
                let hotels: Vec<Hotel> = s.hotels().list()?.into_iter().filter(|h| h.is_active).collect();
                if search.is_blank() {
                    return Ok((m.view(), hotels, None));
                }
                let stay = match search.parse() {
                    Ok(stay) => stay,
                    Err(errors) => return Ok((m.view(), hotels, Some(Err(errors)))),
                };
                let hotel = s.hotels().get(stay.hotel)?;
                let errors = stay_errors(&stay, &hotel, m, None);
                if !errors.is_empty() {
                    return Ok((m.view(), hotels, Some(Err(errors))));
                }
                let overbooking = m.acting.tenant.settings().overbooking_percent;
                let (types, avail) = availability(s, &stay, overbooking)?;
                let options = avail
                    .into_iter()
                    .filter_map(|a| {
                        let t = types.iter().find(|t| t.id == a.room_type)?.clone();
                        let fits = stay.adults + stay.children <= t.max_occupancy;
                        Some(TypeOption { room_type: t, availability: a, fits })
                    })
                    .collect::<Vec<_>>();
                Ok((m.view(), hotels, Some(Ok((stay, options)))))
            }
        })
        .await?;
    if search.hotel.is_empty() {
        search.hotel = hotels.first().map(|h| h.id.to_string()).unwrap_or_default();
    }
    if search.adults.is_empty() {
        search.adults = "2".into();
    }
    let chrome = Chrome::new(&ctx, view, "reservations");
    let (errors, options, nights, searched) = match outcome {
        None => (FieldErrors::default(), vec![], vec![], false),
        Some(Err(errors)) => (errors, vec![], vec![], true),
        Some(Ok((stay, mut options))) => {
            options.sort_by_key(|o| o.room_type.base_rate);
            (FieldErrors::default(), options, availability::nights(stay.check_in, stay.check_out).collect(), true)
        }
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let query = search.query_string();
    render(status, &SearchPage { chrome, hotels, search, errors, options, nights, searched, query })
}

/// The details step: room, guest and confirmation.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct BookingForm {
    pub hotel: String,
    pub check_in: String,
    pub check_out: String,
    pub adults: String,
    pub children: String,
    pub room_type: String,
    pub room: String,
    pub guest: String,
    pub source: String,
    pub notes: String,
    pub hold: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
}

impl BookingForm {
    fn search(&self) -> Search {
        Search {
            hotel: self.hotel.clone(),
            check_in: self.check_in.clone(),
            check_out: self.check_out.clone(),
            adults: self.adults.clone(),
            children: self.children.clone(),
            room_type: self.room_type.clone(),
            q: String::new(),
        }
    }

    fn new_guest(&self) -> GuestForm {
        GuestForm {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            ..GuestForm::default()
        }
    }
}

#[derive(Template)]
#[template(path = "reservations/details.html")]
struct DetailsPage {
    chrome: Chrome,
    hotel: Hotel,
    room_type: RoomType,
    stay: Stay,
    free_rooms: Vec<Room>,
    guests: Vec<Guest>,
    form: BookingForm,
    errors: FieldErrors,
    problem: Option<String>,
    sources: &'static [ReservationSource],
    q: String,
    back: String,
}

struct DetailsData {
    hotel: Hotel,
    room_type: RoomType,
    free_rooms: Vec<Room>,
    guests: Vec<Guest>,
}

fn details_data(s: &mut TenantScope<'_>, stay: &Stay, room_type: RoomTypeId, q: &str) -> Result<DetailsData, AppError> {
    let hotel = s.hotels().get(stay.hotel)?;
    let room_type = s.room_types().get(room_type)?;
    if room_type.hotel_id != hotel.id {
        return Err(AppError::NotFound);
    }
    let held = s.reservations().held(stay.hotel, stay.check_in, stay.check_out, None)?;
    let free_rooms = s
        .rooms()
        .list(Some(hotel.id))?
        .into_iter()
        .filter(|r| r.room_type_id == room_type.id && r.is_active && r.housekeeping_status.is_sellable())
        .filter(|r| availability::room_free(r.id, &held, stay.check_in, stay.check_out))
        .collect();
    let guests = if q.trim().is_empty() { vec![] } else { s.guests().list(Some(q), 20, 0)? };
    Ok(DetailsData { hotel, room_type, free_rooms, guests })
}

pub async fn details(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    query: web::Query<Search>,
) -> Result<HttpResponse, AppError> {
    let search = query.into_inner();
    // Without a complete search (a bookmark, a hand-edited link) go back to step one.
    let (Ok(stay), Ok(room_type)) = (search.parse(), search.room_type.parse::<RoomTypeId>()) else {
        return self::search(ctx, state, web::Query(search)).await;
    };
    let q = forms::clean(&search.q);
    let (view, data) = {
        let q = q.clone();
        ctx.read(&state, move |s, m| Ok((m.view(), details_data(s, &stay, room_type, &q)?))).await?
    };
    let form = BookingForm {
        hotel: search.hotel.clone(),
        check_in: search.check_in.clone(),
        check_out: search.check_out.clone(),
        adults: search.adults.clone(),
        children: search.children.clone(),
        room_type: search.room_type.clone(),
        source: "direct".into(),
        ..BookingForm::default()
    };
    let page = DetailsPage {
        chrome: Chrome::new(&ctx, view, "reservations"),
        back: format!("/reservations/new?{}", search.query_string()),
        hotel: data.hotel,
        room_type: data.room_type,
        stay,
        free_rooms: data.free_rooms,
        guests: data.guests,
        form,
        errors: FieldErrors::default(),
        problem: None,
        sources: ReservationSource::ALL,
        q,
    };
    ok(&page)
}

enum Booked {
    Done { id: crate::domain::ReservationId, code: String },
    Invalid(FieldErrors),
    Refused(String),
}

/// Books inside one write transaction: the inventory lock, the availability check and
/// the insert happen together, so two desks cannot both take the last room.
fn book(s: &mut TenantScope<'_>, m: &Member, form: &BookingForm) -> Result<Booked, AppError> {
    let stay = match form.search().parse() {
        Ok(stay) => stay,
        Err(errors) => return Ok(Booked::Invalid(errors)),
    };
    let mut e = FieldErrors::default();
    let room_type_id: Option<RoomTypeId> = forms::id(&mut e, "room_type", &form.room_type);
    let room: Option<RoomId> = match forms::clean(&form.room).as_str() {
        "" => None,
        raw => forms::id(&mut e, "room", raw),
    };
    let source: Option<ReservationSource> = forms::choice(&mut e, "source", &form.source);
    let notes = forms::optional(&mut e, "notes", &form.notes, 2000);
    let existing_guest: Option<GuestId> = match forms::clean(&form.guest).as_str() {
        "" | "new" => None,
        raw => forms::id(&mut e, "guest", raw),
    };
    let new_guest = match existing_guest {
        Some(_) => None,
        None => match form.new_guest().parse() {
            Ok(fields) => Some(fields),
            Err(guest_errors) => {
                for field in ["first_name", "last_name", "email", "phone"] {
                    if let Some(msg) = guest_errors.get(field) {
                        e.add(field, msg.to_owned());
                    }
                }
                None
            }
        },
    };
    let (Some(room_type_id), Some(source)) = (room_type_id, source) else { return Ok(Booked::Invalid(e)) };
    // Another tenant's hotel, room type, room or guest is simply not found here.
    let hotel = s.hotels().get(stay.hotel)?;
    let room_type = s.room_types().get(room_type_id)?;
    if room_type.hotel_id != hotel.id {
        return Err(AppError::NotFound);
    }
    e.merge(stay_errors(&stay, &hotel, m, Some(room_type.max_occupancy)));
    if !e.is_empty() {
        return Ok(Booked::Invalid(e));
    }
    // What does not depend on inventory is read before taking its lock, which serializes
    // the bookings of one room type: the existing guest, and a free confirmation code
    // (the unique index still guards it).
    let existing_guest = existing_guest.map(|id| s.guests().get(id)).transpose()?;
    let mut rng = rand::thread_rng();
    let code = loop {
        let code = confirmation_code(&mut rng);
        if matches!(s.reservations().by_confirmation(&code), Err(DbError::NotFound)) {
            break code;
        }
    };
    s.reservations().lock_inventory(room_type.id)?;
    let overbooking = m.acting.tenant.settings().overbooking_percent;
    let held = s.reservations().held(hotel.id, stay.check_in, stay.check_out, None)?;
    let sellable = s.rooms().sellable_by_type(hotel.id)?;
    let sellable = HashMap::from([(room_type.id, sellable.get(&room_type.id).copied().unwrap_or(0))]);
    let free = availability::by_type(&sellable, &held, stay.check_in, stay.check_out, overbooking)[0].bookable();
    if free < 1 {
        return Ok(Booked::Refused(format!(
            "No {} is available for every night from {} to {}. Try other dates or another room type.",
            room_type.name, stay.check_in, stay.check_out
        )));
    }
    if let Some(room) = room {
        let r = s.rooms().get(room)?;
        if r.hotel_id != hotel.id
            || r.room_type_id != room_type.id
            || !r.is_active
            || !r.housekeeping_status.is_sellable()
        {
            return Ok(Booked::Refused(format!("Room {} cannot be sold for this room type.", r.number)));
        }
        if !availability::room_free(room, &held, stay.check_in, stay.check_out) {
            return Ok(Booked::Refused(format!("Room {} is already taken on some of these nights.", r.number)));
        }
    }
    let guest = match (existing_guest, new_guest) {
        (Some(guest), _) => guest,
        (None, Some(fields)) => {
            if !m.can(Capability::GuestsEdit) {
                return Err(AppError::Forbidden);
            }
            let g = s.guests().create(&fields)?;
            m.audit(s, Event::new("guest.create", "guest", g.id).after(&fields))?;
            g
        }
        (None, None) => return Ok(Booked::Invalid(e)),
    };
    let nights = (stay.check_out - stay.check_in).num_days();
    let new = NewReservation {
        hotel_id: hotel.id,
        room_type_id: room_type.id,
        room_id: room,
        guest_id: guest.id,
        confirmation_code: code.clone(),
        check_in: stay.check_in,
        check_out: stay.check_out,
        adults: stay.adults,
        children: stay.children,
        status: if form.hold.is_some() { ReservationStatus::Pending } else { ReservationStatus::Confirmed },
        nightly_rate: room_type.base_rate,
        total_amount: room_type.base_rate * nights,
        source,
        notes,
    };
    let r = s.reservations().create(&new)?;
    m.audit(s, Event::new("reservation.create", "reservation", r.id).after(&r))?;
    Ok(Booked::Done { id: r.id, code })
}

pub async fn create(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    form: web::Form<BookingForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let submitted = form.clone();
    let result = ctx.write(&state, move |s, m| book(s, m, &submitted)).await;
    let (status, errors, problem) = match result {
        Ok(Booked::Done { id, code }) => {
            state.metrics.count(Business::ReservationCreated, Some(ctx.tenant));
            ctx.flash("success", format!("Booked. Confirmation code {code}."));
            return Ok(see_other(&format!("/reservations/{id}")));
        }
        Ok(Booked::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Ok(Booked::Refused(msg)) => (StatusCode::CONFLICT, FieldErrors::default(), Some(msg)),
        Err(AppError::Db(DbError::Conflict(Constraint::RoomOverlap))) => (
            StatusCode::CONFLICT,
            FieldErrors::default(),
            Some("That room was just taken by another booking. Choose another room.".into()),
        ),
        Err(AppError::Db(DbError::Conflict(Constraint::GuestEmail))) => {
            let mut errors = FieldErrors::default();
            errors.add("email", "A guest with this email exists already: search for them above and choose them.");
            (StatusCode::UNPROCESSABLE_ENTITY, errors, None)
        }
        Err(e) => return Err(e),
    };
    // Re-render the details step with everything the user typed.
    let search = form.search();
    let Ok(stay) = search.parse() else {
        let view = ctx.read(&state, |_, m| Ok(m.view())).await?;
        let chrome = Chrome::new(&ctx, view, "reservations");
        let page = SearchPage {
            chrome,
            hotels: vec![],
            query: search.query_string(),
            search,
            errors,
            options: vec![],
            nights: vec![],
            searched: true,
        };
        return render(status, &page);
    };
    let room_type: RoomTypeId = form.room_type.parse().map_err(|_| AppError::NotFound)?;
    let (view, data) = ctx.read(&state, move |s, m| Ok((m.view(), details_data(s, &stay, room_type, "")?))).await?;
    let page = DetailsPage {
        chrome: Chrome::new(&ctx, view, "reservations"),
        back: format!("/reservations/new?{}", search.query_string()),
        hotel: data.hotel,
        room_type: data.room_type,
        stay,
        free_rooms: data.free_rooms,
        guests: data.guests,
        form,
        errors,
        problem,
        sources: ReservationSource::ALL,
        q: String::new(),
    };
    render(status, &page)
}
