//! Rooms: the list with filters, create, edit, delete, and the housekeeping board that
//! changes a room's status in one click.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::extract::TenantCtx;
use super::forms::Diff;
use super::forms::{self, FieldErrors};
use super::list::{ListQuery, Listing, PER_PAGE};
use super::pages::{ok, render, see_other, Chrome};
use super::AppState;
use crate::db::audit::Event;
use crate::db::hotels::Hotel;
use crate::db::room_types::RoomType;
use crate::db::rooms::{Room, RoomFields, RoomFilter};
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::{HotelId, HousekeepingStatus, RoomId, RoomTypeId};
use crate::error::AppError;

const SORTS: &[&str] = &["number", "floor", "status"];

/// Hotels and room types by id, for showing names and filling selects.
pub struct Catalog {
    pub hotels: Vec<Hotel>,
    pub room_types: Vec<RoomType>,
}

impl Catalog {
    fn load(s: &mut TenantScope<'_>) -> Result<Self, AppError> {
        Ok(Self { hotels: s.hotels().list()?, room_types: s.room_types().list(None)? })
    }

    pub fn hotel_name(&self, id: &HotelId) -> &str {
        self.hotels.iter().find(|h| h.id == *id).map_or("", |h| h.name.as_str())
    }

    pub fn type_name(&self, id: &RoomTypeId) -> &str {
        self.room_types.iter().find(|t| t.id == *id).map_or("", |t| t.name.as_str())
    }

    fn types_by_hotel(&self) -> HashMap<HotelId, Vec<&RoomType>> {
        let mut map: HashMap<HotelId, Vec<&RoomType>> = HashMap::new();
        for t in &self.room_types {
            map.entry(t.hotel_id).or_default().push(t);
        }
        map
    }
}

#[derive(Template)]
#[template(path = "rooms/index.html")]
struct IndexPage {
    chrome: Chrome,
    rooms: Vec<Room>,
    catalog: Catalog,
    listing: Listing,
    hotel: String,
    status: String,
    statuses: &'static [HousekeepingStatus],
}

fn filter_of(q: &ListQuery) -> RoomFilter {
    RoomFilter { hotel: q.hotel.parse().ok(), status: q.status.parse().ok() }
}

pub async fn index(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let filter = filter_of(&q);
    let (sort, desc, offset) = (q.sort_key(SORTS), q.desc(), q.offset());
    let (view, rooms, total, catalog) = ctx
        .read(&state, move |s, m| {
            let (rooms, total) = s.rooms().page(&filter, sort, desc, PER_PAGE, offset)?;
            Ok((m.view(), rooms, total, Catalog::load(s)?))
        })
        .await?;
    let listing = Listing::new("/rooms", &q, SORTS, total, &[("hotel", &q.hotel), ("status", &q.status)]);
    let page = IndexPage {
        chrome: Chrome::new(&ctx, view, "rooms"),
        rooms,
        catalog,
        listing,
        hotel: q.hotel.clone(),
        status: q.status.clone(),
        statuses: HousekeepingStatus::ALL,
    };
    ok(&page)
}

#[derive(Template)]
#[template(path = "rooms/board.html")]
struct BoardPage {
    chrome: Chrome,
    hotels: Vec<Hotel>,
    hotel: Option<Hotel>,
    rooms: Vec<Room>,
    catalog: Catalog,
    statuses: &'static [HousekeepingStatus],
}

/// The housekeeping board of one hotel (the first, unless `?hotel=` says which).
pub async fn board(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let wanted: Option<HotelId> = query.hotel.parse().ok();
    let (view, catalog, hotel, rooms) = ctx
        .read(&state, move |s, m| {
            let catalog = Catalog::load(s)?;
            let hotel = match wanted {
                Some(id) => Some(s.hotels().get(id)?),
                None => catalog.hotels.first().cloned(),
            };
            let rooms = match &hotel {
                Some(h) => s.rooms().list(Some(h.id))?,
                None => vec![],
            };
            Ok((m.view(), catalog, hotel, rooms))
        })
        .await?;
    let page = BoardPage {
        chrome: Chrome::new(&ctx, view, "housekeeping"),
        hotels: catalog.hotels.clone(),
        hotel,
        rooms,
        catalog,
        statuses: HousekeepingStatus::ALL,
    };
    ok(&page)
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    back: String,
}

/// One click on the board.
pub async fn set_housekeeping(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<StatusForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let status = form.status.parse::<HousekeepingStatus>();
    let room = ctx
        .write(&state, move |s, m| {
            // Validated after the capability check (in `write`), like every form.
            let status = status.map_err(|_| AppError::Conflict("Choose one of the housekeeping statuses.".into()))?;
            let before = s.rooms().get(id)?;
            let after = s.rooms().set_housekeeping(id, status)?;
            m.audit(
                s,
                Event::new("room.housekeeping", "room", id)
                    .before(serde_json::json!({ "housekeeping_status": before.housekeeping_status }))
                    .after(serde_json::json!({ "housekeeping_status": after.housekeeping_status })),
            )?;
            Ok(after)
        })
        .await?;
    ctx.flash("success", format!("Room {} is now {}.", room.number, room.housekeeping_status.label().to_lowercase()));
    let back =
        if form.back == "rooms" { "/rooms".to_owned() } else { format!("/housekeeping?hotel={}", room.hotel_id) };
    Ok(see_other(&back))
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoomForm {
    pub hotel_id: String,
    pub room_type_id: String,
    pub number: String,
    pub floor: String,
    pub housekeeping_status: String,
    pub is_active: Option<String>,
    pub notes: String,
    pub version: String,
}

impl RoomForm {
    fn from_room(r: &Room) -> Self {
        Self {
            hotel_id: r.hotel_id.to_string(),
            room_type_id: r.room_type_id.to_string(),
            number: r.number.clone(),
            floor: r.floor.map(|f| f.to_string()).unwrap_or_default(),
            housekeeping_status: r.housekeeping_status.as_str().into(),
            is_active: r.is_active.then(|| "on".into()),
            notes: r.notes.clone().unwrap_or_default(),
            version: r.version.to_string(),
        }
    }

    /// The hotel and fields; the room type must be one of this tenant's, of that hotel.
    fn parse(&self, catalog: &Catalog) -> Result<(HotelId, RoomFields), FieldErrors> {
        let mut e = FieldErrors::default();
        let hotel: Option<HotelId> = forms::id(&mut e, "hotel_id", &self.hotel_id);
        let hotel = hotel.filter(|h| catalog.hotels.iter().any(|x| x.id == *h));
        if hotel.is_none() {
            e.add("hotel_id", "Choose one of your hotels.");
        }
        let room_type: Option<RoomTypeId> = self.room_type_id.parse().ok();
        let room_type =
            room_type.filter(|t| catalog.room_types.iter().any(|x| x.id == *t && Some(x.hotel_id) == hotel));
        if room_type.is_none() {
            e.add("room_type_id", "Choose a room type of this hotel.");
        }
        let status = forms::choice(&mut e, "housekeeping_status", &self.housekeeping_status);
        let fields = RoomFields {
            room_type_id: room_type.unwrap_or_default(),
            number: forms::required(&mut e, "number", &self.number, 16),
            floor: forms::optional_integer(&mut e, "floor", &self.floor, -5, 200).map(|f| f as i32),
            housekeeping_status: status.unwrap_or(HousekeepingStatus::Clean),
            is_active: self.is_active.is_some(),
            notes: forms::optional(&mut e, "notes", &self.notes, 1000),
        };
        e.into_result((hotel.unwrap_or_default(), fields))
    }

    fn diffs(&self, current: &RoomForm, catalog: &Catalog) -> Vec<Diff> {
        let type_name = |raw: &str| raw.parse().map(|id| catalog.type_name(&id).to_owned()).unwrap_or_default();
        forms::changed([
            ("Number", self.number.clone(), current.number.clone()),
            ("Floor", self.floor.clone(), current.floor.clone()),
            ("Room type", type_name(&self.room_type_id), type_name(&current.room_type_id)),
            ("Housekeeping", self.housekeeping_status.clone(), current.housekeeping_status.clone()),
            ("Notes", self.notes.clone(), current.notes.clone()),
        ])
    }
}

#[derive(Template)]
#[template(path = "rooms/form.html")]
struct FormPage {
    chrome: Chrome,
    title: String,
    action: String,
    form: RoomForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    catalog: Catalog,
    statuses: &'static [HousekeepingStatus],
    delete_action: Option<String>,
}

fn page(
    chrome: Chrome,
    existing: Option<&Room>,
    form: RoomForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    catalog: Catalog,
) -> FormPage {
    let (title, action, delete_action) = match existing {
        Some(r) => {
            (format!("Edit room {}", r.number), format!("/rooms/{}", r.id), Some(format!("/rooms/{}/delete", r.id)))
        }
        None => ("New room".into(), "/rooms".into(), None),
    };
    FormPage {
        chrome,
        title,
        action,
        form,
        errors,
        conflict,
        catalog,
        statuses: HousekeepingStatus::ALL,
        delete_action,
    }
}

pub fn parse_id(raw: &str) -> Result<RoomId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

fn number_taken(e: &AppError) -> bool {
    matches!(e, AppError::Db(DbError::Conflict(Constraint::RoomNumber)))
}

pub async fn new_form(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let (view, catalog) = ctx.read(&state, |s, m| Ok((m.view(), Catalog::load(s)?))).await?;
    let hotel = query.hotel.parse::<HotelId>().ok().or_else(|| catalog.hotels.first().map(|h| h.id));
    let form = RoomForm {
        hotel_id: hotel.map(|h| h.to_string()).unwrap_or_default(),
        housekeeping_status: "clean".into(),
        is_active: Some("on".into()),
        ..Default::default()
    };
    ok(&page(Chrome::new(&ctx, view, "rooms"), None, form, FieldErrors::default(), vec![], catalog))
}

pub async fn create(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    form: web::Form<RoomForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let submitted = form.clone();
    let result = ctx
        .write(&state, move |s, m| {
            let catalog = Catalog::load(s)?;
            let (hotel, fields) = match submitted.parse(&catalog) {
                Ok(parsed) => parsed,
                Err(errors) => return Ok(Err((m.view(), catalog, errors))),
            };
            m.within_plan(crate::domain::plans::Limited::Rooms, s.rooms().count()?)?;
            let room = s.rooms().create(hotel, &fields)?;
            m.audit(s, Event::new("room.create", "room", room.id).after(&room))?;
            Ok(Ok(room))
        })
        .await;
    let (status, errors) = match result {
        Ok(Ok(room)) => {
            ctx.flash("success", format!("Room {} added.", room.number));
            return Ok(see_other(&format!("/rooms?hotel={}", room.hotel_id)));
        }
        Ok(Err((view, catalog, errors))) => {
            let page = page(Chrome::new(&ctx, view, "rooms"), None, form, errors, vec![], catalog);
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Err(e) if number_taken(&e) => {
            let mut errors = FieldErrors::default();
            errors.add("number", "This hotel already has a room with this number.");
            (StatusCode::UNPROCESSABLE_ENTITY, errors)
        }
        Err(AppError::NotInPlan(msg)) => (StatusCode::FORBIDDEN, FieldErrors::for_form(msg)),
        Err(e) => return Err(e),
    };
    let (view, catalog) = ctx.read(&state, |s, m| Ok((m.view(), Catalog::load(s)?))).await?;
    render(status, &page(Chrome::new(&ctx, view, "rooms"), None, form, errors, vec![], catalog))
}

pub async fn edit_form(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let (view, room, catalog) =
        ctx.read(&state, move |s, m| Ok((m.view(), s.rooms().get(id)?, Catalog::load(s)?))).await?;
    let form = RoomForm::from_room(&room);
    ok(&page(Chrome::new(&ctx, view, "rooms"), Some(&room), form, FieldErrors::default(), vec![], catalog))
}

pub async fn update(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<RoomForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let mut form = form.into_inner();
    let submitted = form.clone();
    let result = ctx
        .write(&state, move |s, m| {
            let before = s.rooms().get(id)?;
            let catalog = Catalog::load(s)?;
            // A room stays in its hotel; the form cannot move it.
            let submitted = RoomForm { hotel_id: before.hotel_id.to_string(), ..submitted };
            let (_, fields) = match submitted.parse(&catalog) {
                Ok(parsed) => parsed,
                Err(errors) => return Ok(Err(errors)),
            };
            let after = s.rooms().update(id, forms::version(&submitted.version), &fields)?;
            m.audit(s, Event::new("room.update", "room", id).before(&before).after(&after))?;
            Ok(Ok(after))
        })
        .await;
    let (status, errors, stale) = match result {
        Ok(Ok(room)) => {
            ctx.flash("success", format!("Room {} saved.", room.number));
            return Ok(see_other(&format!("/rooms?hotel={}", room.hotel_id)));
        }
        Ok(Err(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, false),
        Err(AppError::Stale) => (StatusCode::CONFLICT, FieldErrors::default(), true),
        Err(e) if number_taken(&e) => {
            let mut errors = FieldErrors::default();
            errors.add("number", "This hotel already has a room with this number.");
            (StatusCode::UNPROCESSABLE_ENTITY, errors, false)
        }
        Err(e) => return Err(e),
    };
    let (view, current, catalog) =
        ctx.read(&state, move |s, m| Ok((m.view(), s.rooms().get(id)?, Catalog::load(s)?))).await?;
    let conflict = if stale {
        let diffs = form.diffs(&RoomForm::from_room(&current), &catalog);
        form.version = current.version.to_string();
        diffs
    } else {
        vec![]
    };
    form.hotel_id = current.hotel_id.to_string();
    render(status, &page(Chrome::new(&ctx, view, "rooms"), Some(&current), form, errors, conflict, catalog))
}

pub async fn delete(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let room = ctx
        .write(&state, move |s, m| {
            let room = s.rooms().get(id)?;
            s.rooms().delete(id)?;
            m.audit(s, Event::new("room.delete", "room", id).before(&room))?;
            Ok(room)
        })
        .await
        .map_err(forms::in_use(
            "This room has reservations, so it cannot be deleted. Mark it inactive or out of service instead.",
        ))?;
    ctx.flash("success", format!("Room {} deleted.", room.number));
    Ok(see_other(&format!("/rooms?hotel={}", room.hotel_id)))
}

impl Catalog {
    /// Room types grouped by hotel, for the form's select (optgroups).
    pub fn grouped(&self) -> Vec<(&Hotel, Vec<&RoomType>)> {
        let by_hotel = self.types_by_hotel();
        self.hotels.iter().map(|h| (h, by_hotel.get(&h.id).cloned().unwrap_or_default())).collect()
    }
}
