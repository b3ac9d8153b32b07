//! The new-booking flow: dates and party → availability per room type and night →
//! room type (and optionally a free room) → an existing or new guest → confirm.

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use super::desk::refused_field;
use super::error::Reply;
use super::extract::{Member, TenantCtx};
use super::forms::{self, FieldErrors};
use super::guests::GuestForm;
use super::metrics::Business;
use super::pages::{ok, render, see_other, Chrome};
use super::state::State;
use super::urls;
use crate::db::guests::Guest;
use crate::db::hotels::Hotel;
use crate::db::rates::RatePlan;
use crate::db::reservations::Reservation;
use crate::db::room_types::RoomType;
use crate::db::rooms::Room;
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::availability;
use crate::domain::rates::Quote;
use crate::domain::{GuestId, HotelId, RatePlanId, ReservationSource, RoomId, RoomTypeId};
use crate::i18n::Msg;
use crate::stays::availability::Occupied;
use crate::stays::{self, Booking, GuestChoice, Offer, RateBook, Sale, Stay, StayError};
use crate::web::error::AppError;

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
    /// The rate plan chosen (empty: the room type's rack rate).
    pub rate_plan: String,
    pub q: String,
}

impl Search {
    /// The rate plan chosen, if any; a malformed one is an id of nothing (not found).
    fn plan(&self) -> Result<Option<RatePlanId>, AppError> {
        match self.rate_plan.trim() {
            "" => Ok(None),
            raw => raw.parse().map(Some).map_err(|_| AppError::NotFound),
        }
    }

    fn is_blank(&self) -> bool {
        self.check_in.trim().is_empty() && self.check_out.trim().is_empty()
    }

    pub fn parse(&self) -> Result<Stay, FieldErrors> {
        let mut e = FieldErrors::default();
        let hotel: Option<HotelId> = forms::id(&mut e, "hotel", &self.hotel);
        let check_in = forms::date(&mut e, "check_in", &self.check_in);
        let check_out = forms::date(&mut e, "check_out", &self.check_out);
        forms::stay_dates(&mut e, check_in, check_out);
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

#[derive(Template)]
#[template(path = "reservations/new.html")]
struct SearchPage {
    chrome: Chrome,
    hotels: Vec<Hotel>,
    search: Search,
    errors: FieldErrors,
    options: Vec<Offer>,
    nights: Vec<NaiveDate>,
    searched: bool,
    query: String,
}

impl SearchPage {
    /// The choose link's plan (nothing for the rack rate).
    fn plan_param(&self, sale: &Sale) -> String {
        sale.plan.as_ref().map(|p| format!("&rate_plan={}", p.id)).unwrap_or_default()
    }

    /// Why a plan cannot sell the stay: which restriction, which date.
    fn refusal(&self, sale: &Sale) -> String {
        match (&sale.plan, &sale.quote) {
            (Some(plan), Err(refusal)) => {
                self.chrome.msg(&stays::Refused::Rate { plan: plan.name.clone(), refusal: *refusal }.msg())
            }
            _ => String::new(),
        }
    }
}

pub async fn search(ctx: TenantCtx, state: State, query: web::Query<Search>) -> Reply {
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
                let options = match stays::offers(s, m, &stay) {
                    Ok(options) => options,
                    Err(StayError::Refused(refused)) => {
                        let mut errors = FieldErrors::default();
                        if !refused_field(&mut errors, &refused) {
                            return Err(AppError::Refused(refused));
                        }
                        return Ok((m.view(), hotels, Some(Err(errors))));
                    }
                    Err(e) => return Err(e.into()),
                };
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
        Some(Ok((stay, options))) => {
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
    /// The stay searched for, carried through the details step.
    #[serde(flatten)]
    pub search: Search,
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
    /// The plan and its price for the stay (night by night).
    sale: Result<(Option<RatePlan>, Quote), Msg>,
    /// What the plan asks of the stay: deposit, cancellation, no-show (when it is sold).
    terms: Option<stays::Terms>,
    free_rooms: Vec<Room>,
    guests: Vec<Guest>,
    form: BookingForm,
    errors: FieldErrors,
    problem: Option<Msg>,
    sources: &'static [ReservationSource],
    q: String,
    back: String,
}

impl DetailsPage {
    fn new(chrome: Chrome, search: &Search, stay: Stay, data: DetailsData, form: BookingForm, q: String) -> Self {
        Self {
            chrome,
            back: format!("{}?{}", urls::booking_search(), search.query_string()),
            hotel: data.hotel,
            room_type: data.room_type,
            stay,
            sale: data.sale,
            terms: data.terms,
            free_rooms: data.free_rooms,
            guests: data.guests,
            form,
            errors: FieldErrors::default(),
            problem: None,
            sources: ReservationSource::ALL,
            q,
        }
    }

    /// The page with the messages of a refused booking.
    fn with(self, errors: FieldErrors, problem: Option<Msg>) -> Self {
        Self { errors, problem, ..self }
    }

    /// The dates, the party and the stay's total, under the page's title.
    fn subtitle(&self) -> String {
        let tr = &self.chrome;
        let party = Msg::new("res-party").arg("adults", self.stay.adults).arg("children", self.stay.children);
        let total = self.sale.as_ref().map_or(0, |(_, q)| q.total);
        tr.msg(
            &Msg::new("res-details-subtitle")
                .arg("check_in", tr.date(self.stay.check_in))
                .arg("check_out", tr.date(self.stay.check_out))
                .arg("party", party)
                .money("total", total),
        )
    }

    /// The plan's name, or the rack rate's.
    fn plan_name(&self) -> String {
        match &self.sale {
            Ok((Some(plan), _)) => plan.name.clone(),
            _ => self.chrome.t("rates-rack-rate"),
        }
    }
}

struct DetailsData {
    hotel: Hotel,
    room_type: RoomType,
    sale: Result<(Option<RatePlan>, Quote), Msg>,
    terms: Option<stays::Terms>,
    free_rooms: Vec<Room>,
    guests: Vec<Guest>,
}

fn details_data(
    s: &mut TenantScope<'_>,
    stay: &Stay,
    room_type: RoomTypeId,
    plan: Option<RatePlanId>,
    q: &str,
) -> Result<DetailsData, AppError> {
    let hotel = s.hotels().get(stay.hotel)?;
    let room_type = s.room_types().get(room_type)?;
    if room_type.hotel_id != hotel.id {
        return Err(AppError::NotFound);
    }
    let book = RateBook::load(s, hotel.id, Some(room_type.id), stay.check_in, stay.check_out)?;
    let sale = match stays::price_stay(&book, &room_type, plan, stay.check_in, stay.check_out) {
        Ok(sale) => Ok(sale),
        Err(StayError::Refused(refused)) => Err(refused.msg()),
        Err(e) => return Err(e.into()),
    };
    let now = stays::now_at(&hotel);
    let terms = sale
        .as_ref()
        .ok()
        .map(|(plan, quote)| stays::Terms::offered(plan.as_ref(), quote.clone(), stay.check_in, now.date(), now));
    let occupied = Occupied::load(s, stay.window())?;
    let free_rooms = occupied.free_rooms(s.rooms().list(Some(hotel.id))?, room_type.id);
    let guests = if q.trim().is_empty() { vec![] } else { s.guests().list(Some(q), 20, 0)? };
    Ok(DetailsData { hotel, room_type, sale, terms, free_rooms, guests })
}

pub async fn details(ctx: TenantCtx, state: State, query: web::Query<Search>) -> Reply {
    let search = query.into_inner();
    // Without a complete search (a bookmark, a hand-edited link) go back to step one.
    let (Ok(stay), Ok(room_type)) = (search.parse(), search.room_type.parse::<RoomTypeId>()) else {
        return self::search(ctx, state, web::Query(search)).await;
    };
    let q = forms::clean(&search.q);
    let plan = search.plan()?;
    let (view, data) = {
        let q = q.clone();
        ctx.read(&state, move |s, m| Ok((m.view(), details_data(s, &stay, room_type, plan, &q)?))).await?
    };
    let form = BookingForm {
        search: Search { q: String::new(), ..search.clone() },
        source: "direct".into(),
        ..BookingForm::default()
    };
    let chrome = Chrome::new(&ctx, view, "reservations");
    ok(&DetailsPage::new(chrome, &search, stay, data, form, q))
}

impl BookingForm {
    /// The booking, or a message for every field at fault.
    fn parse(&self) -> Result<Booking, FieldErrors> {
        let stay = self.search.parse();
        let mut e = stay.as_ref().err().cloned().unwrap_or_default();
        let room_type: Option<RoomTypeId> = forms::id(&mut e, "room_type", &self.search.room_type);
        let room: Option<RoomId> = match forms::clean(&self.room).as_str() {
            "" => None,
            raw => forms::id(&mut e, "room", raw),
        };
        let rate_plan: Option<RatePlanId> = match forms::clean(&self.search.rate_plan).as_str() {
            "" => None,
            raw => forms::id(&mut e, "rate_plan", raw),
        };
        let source: Option<ReservationSource> = forms::choice(&mut e, "source", &self.source);
        let notes = forms::optional(&mut e, "notes", &self.notes, 2000);
        let guest = match forms::clean(&self.guest).as_str() {
            "" | "new" => match self.new_guest().parse() {
                Ok(fields) => Some(GuestChoice::New(fields)),
                Err(guest_errors) => {
                    for field in ["first_name", "last_name", "email", "phone"] {
                        if let Some(msg) = guest_errors.get(field) {
                            e.add(field, msg.to_owned());
                        }
                    }
                    None
                }
            },
            raw => forms::id::<GuestId>(&mut e, "guest", raw).map(GuestChoice::Existing),
        };
        match (stay, room_type, source, guest) {
            (Ok(stay), Some(room_type), Some(source), Some(guest)) if e.is_empty() => {
                Ok(Booking { stay, room_type, room, guest, source, notes, hold: self.hold.is_some(), rate_plan })
            }
            _ => Err(e),
        }
    }
}

/// Books inside one write transaction (see `stays::book`). A form with faults still has
/// its stay checked, so that every message shows at once.
fn book(s: &mut TenantScope<'_>, m: &Member, form: &BookingForm) -> Result<Result<Reservation, FieldErrors>, AppError> {
    let mut errors = match form.parse() {
        Ok(booking) => return Ok(Ok(stays::book(s, m, &booking)?)),
        Err(errors) => errors,
    };
    if let (Ok(stay), Ok(room_type)) = (form.search.parse(), form.search.room_type.trim().parse::<RoomTypeId>()) {
        match stays::check_request(s, m, &stay, room_type) {
            Err(StayError::Refused(refused)) => {
                refused_field(&mut errors, &refused);
            }
            Err(e) => return Err(e.into()),
            Ok(_) => {}
        }
    }
    Ok(Err(errors))
}

pub async fn create(ctx: TenantCtx, state: State, form: web::Form<BookingForm>) -> Reply {
    let form = form.into_inner();
    let submitted = form.clone();
    let result = ctx.write(&state, move |s, m| book(s, m, &submitted)).await;
    let (status, errors, problem) = match result {
        Ok(Ok(r)) => {
            state.metrics.count(Business::ReservationCreated, Some(ctx.tenant));
            ctx.flash("success", Msg::new("res-booked").arg("code", &r.confirmation_code));
            return Ok(see_other(&urls::reservation(r.id)));
        }
        Ok(Err(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Err(AppError::Refused(refused)) => {
            let mut errors = FieldErrors::default();
            match refused_field(&mut errors, &refused) {
                true => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
                false => (StatusCode::CONFLICT, errors, Some(refused.msg())),
            }
        }
        Err(AppError::Db(DbError::Conflict(Constraint::RoomOverlap))) => {
            (StatusCode::CONFLICT, FieldErrors::default(), Some(Msg::new("res-room-just-taken-booking")))
        }
        Err(AppError::Db(DbError::Conflict(Constraint::GuestEmail))) => {
            let mut errors = FieldErrors::default();
            errors.add("email", Msg::new("res-guest-email-exists"));
            (StatusCode::UNPROCESSABLE_ENTITY, errors, None)
        }
        Err(e) => return Err(e),
    };
    // Re-render the details step with everything the user typed.
    let search = Search { q: String::new(), ..form.search.clone() };
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
    let room_type: RoomTypeId = form.search.room_type.parse().map_err(|_| AppError::NotFound)?;
    let plan = form.search.plan()?;
    let (view, data) =
        ctx.read(&state, move |s, m| Ok((m.view(), details_data(s, &stay, room_type, plan, "")?))).await?;
    let chrome = Chrome::new(&ctx, view, "reservations");
    render(status, &DetailsPage::new(chrome, &search, stay, data, form, String::new()).with(errors, problem))
}
