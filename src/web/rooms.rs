//! Rooms: the list with filters, create, edit, delete, and the housekeeping board that
//! changes a room's status in one click.

use std::collections::HashMap;

use actix_web::web;
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::error::Reply;
use super::extract::{Member, TenantCtx};
use super::forms::{self, Diff, FieldErrors};
use super::list::{ListQuery, Listing, PER_PAGE};
use super::manage::{self, Done, Heading, Managed, Shown};
use super::pages::{ok, see_other, Chrome, MemberView};
use super::state::State;
use super::urls;
use crate::db::audit::Event;
use crate::db::hotels::Hotel;
use crate::db::room_blocks::RoomBlock;
use crate::db::room_types::RoomType;
use crate::db::rooms::{Room, RoomFields, RoomFilter};
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::booking::today_in;
use crate::domain::plans::Limited;
use crate::domain::{HotelId, HousekeepingStatus, RoomId, RoomTypeId};
use crate::i18n::Msg;
use crate::stays::RoomToday;
use crate::web::error::AppError;

const SORTS: &[&str] = &["number", "floor", "status"];

/// Why a click or the room form cannot set a room out of order or service (a catalogue key).
const OFF_SALE_NEEDS_DATES: &str = "room-off-sale-needs-dates";

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

pub async fn index(ctx: TenantCtx, state: State, query: web::Query<ListQuery>) -> Reply {
    let q = query.into_inner();
    let filter = filter_of(&q);
    let (sort, desc, offset) = (q.sort_key(SORTS), q.desc(), q.offset());
    let (view, rooms, total, catalog) = ctx
        .read(&state, move |s, m| {
            let (rooms, total) = s.rooms().page(&filter, sort, desc, PER_PAGE, offset)?;
            Ok((m.view(), rooms, total, Catalog::load(s)?))
        })
        .await?;
    let listing = Listing::new(&urls::rooms(), &q, SORTS, total, &[("hotel", &q.hotel), ("status", &q.status)]);
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
    /// Who is in each room and who comes or goes today (rooms without a stay are vacant).
    today: HashMap<RoomId, RoomToday>,
    /// Each room's block that is current or next to come.
    blocks: HashMap<RoomId, RoomBlock>,
    /// The hotel's today.
    day: chrono::NaiveDate,
    catalog: Catalog,
    /// What one click sets: the cleaning states (off sale takes dates and a reason).
    statuses: &'static [HousekeepingStatus],
}

impl BoardPage {
    fn day_of(&self, room: &RoomId) -> RoomToday {
        self.today.get(room).cloned().unwrap_or_default()
    }

    /// The block that has the room off sale today.
    fn blocked_now(&self, room: &RoomId) -> Option<&RoomBlock> {
        self.blocks.get(room).filter(|b| b.covers(self.day))
    }

    /// The block to come, when none is current.
    fn blocked_later(&self, room: &RoomId) -> Option<&RoomBlock> {
        self.blocks.get(room).filter(|b| b.starts_on > self.day)
    }
}

/// The housekeeping board of one hotel (the first, unless `?hotel=` says which).
pub async fn board(ctx: TenantCtx, state: State, query: web::Query<ListQuery>) -> Reply {
    let wanted: Option<HotelId> = query.hotel.parse().ok();
    let (view, catalog, hotel, day, rooms, today, blocks) = ctx
        .read(&state, move |s, m| {
            let catalog = Catalog::load(s)?;
            let hotel = match wanted {
                Some(id) => Some(s.hotels().get(id)?),
                None => catalog.hotels.first().cloned(),
            };
            let day = hotel.as_ref().map_or_else(|| Utc::now().date_naive(), |h| today_in(&h.timezone, Utc::now()));
            let (rooms, today, blocks) = match &hotel {
                Some(h) => {
                    (s.rooms().list(Some(h.id))?, RoomToday::of_hotel(s, h)?, s.room_blocks().next_of_hotel(h.id, day)?)
                }
                None => (vec![], HashMap::new(), HashMap::new()),
            };
            Ok((m.view(), catalog, hotel, day, rooms, today, blocks))
        })
        .await?;
    let page = BoardPage {
        chrome: Chrome::new(&ctx, view, "housekeeping"),
        hotels: catalog.hotels.clone(),
        hotel,
        rooms,
        today,
        blocks,
        day,
        catalog,
        statuses: &HousekeepingStatus::CLEANING,
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
    state: State,
    path: web::Path<RoomId>,
    form: web::Form<StatusForm>,
) -> Reply {
    let id = path.into_inner();
    let status = form.status.parse::<HousekeepingStatus>();
    let changed = ctx
        .write(&state, move |s, m| {
            let before = s.rooms().get(id)?;
            // Validated after the capability check (in `write`), like every form; a
            // refusal goes back to the board with why, writing nothing.
            let status = match status {
                Ok(status) if status.is_sellable() => status,
                Ok(_) => return Ok(Err((before, OFF_SALE_NEEDS_DATES))),
                Err(_) => return Ok(Err((before, "hk-choose-status"))),
            };
            let after = s.rooms().set_housekeeping(id, status)?;
            m.audit(
                s,
                Event::new("room.housekeeping", "room", id)
                    .before(serde_json::json!({ "housekeeping_status": before.housekeeping_status }))
                    .after(serde_json::json!({ "housekeeping_status": after.housekeeping_status })),
            )?;
            Ok(Ok(after))
        })
        .await?;
    let room = match changed {
        Ok(room) => {
            let now = Msg::new("hk-now").arg("number", &room.number).arg("status", room.housekeeping_status.as_str());
            ctx.flash("success", now);
            room
        }
        Err((room, why)) => {
            ctx.flash("error", Msg::new(why));
            room
        }
    };
    // Back to the same place: the board of the room's hotel, scrolled to the room.
    let back = match form.back.as_str() {
        "rooms" => urls::rooms(),
        _ => format!("{}#room-{}", urls::housekeeping_of(room.hotel_id), room.id),
    };
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
            e.add("hotel_id", Msg::new("room-choose-hotel"));
        }
        let room_type: Option<RoomTypeId> = self.room_type_id.parse().ok();
        let room_type =
            room_type.filter(|t| catalog.room_types.iter().any(|x| x.id == *t && Some(x.hotel_id) == hotel));
        if room_type.is_none() {
            e.add("room_type_id", Msg::new("room-choose-type"));
        }
        let status: Option<HousekeepingStatus> =
            forms::choice(&mut e, "housekeeping_status", &self.housekeeping_status);
        // A new room starts clean, dirty or inspected; an existing one may keep an out of
        // order or service status from before room blocks.
        if status.is_some_and(|st| !st.is_sellable()) && self.version.is_empty() {
            e.add("housekeeping_status", Msg::new(OFF_SALE_NEEDS_DATES));
        }
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
            ("room-field-number", self.number.clone(), current.number.clone()),
            ("room-field-floor", self.floor.clone(), current.floor.clone()),
            ("room-field-type", type_name(&self.room_type_id), type_name(&current.room_type_id)),
            ("room-field-housekeeping", self.housekeeping_status.clone(), current.housekeeping_status.clone()),
            ("room-field-notes", self.notes.clone(), current.notes.clone()),
        ])
    }
}

#[derive(Template)]
#[template(path = "rooms/form.html")]
pub struct FormPage {
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

/// Rooms as a managed resource (see [`Managed`]). The parent is the hotel a new room's
/// form starts with (`?hotel=`); a room names its hotel in the form.
pub struct Rooms;

impl Managed for Rooms {
    type Id = RoomId;
    type Record = Room;
    type Form = RoomForm;
    type Fields = (HotelId, RoomFields);
    type Parent = Option<HotelId>;
    type Env = Catalog;
    type Page = FormPage;
    const AREA: &'static str = "rooms";
    const KIND: &'static str = "room";
    const IN_USE: &'static str = "room-in-use";

    fn env(s: &mut TenantScope<'_>, _: Option<HotelId>) -> Result<Catalog, AppError> {
        Catalog::load(s)
    }
    fn parent_of(r: &Room) -> Option<HotelId> {
        Some(r.hotel_id)
    }
    fn id_of(r: &Room) -> RoomId {
        r.id
    }

    fn get(s: &mut TenantScope<'_>, id: RoomId) -> Result<Room, AppError> {
        Ok(s.rooms().get(id)?)
    }
    fn insert(
        s: &mut TenantScope<'_>,
        m: &Member,
        _: Option<HotelId>,
        f: &(HotelId, RoomFields),
    ) -> Result<Room, AppError> {
        m.within_plan(Limited::Rooms, s.rooms().count()?)?;
        Ok(s.rooms().create(f.0, &f.1)?)
    }
    fn update(s: &mut TenantScope<'_>, id: RoomId, version: i32, f: &(HotelId, RoomFields)) -> Result<Room, AppError> {
        let status = f.1.housekeeping_status;
        if !status.is_sellable() && s.rooms().get(id)?.housekeeping_status != status {
            return Err(AppError::Conflict(Msg::new(OFF_SALE_NEEDS_DATES)));
        }
        Ok(s.rooms().update(id, version, &f.1)?)
    }
    fn remove(s: &mut TenantScope<'_>, id: RoomId) -> Result<(), AppError> {
        Ok(s.rooms().delete(id)?)
    }

    fn blank(_: &MemberView, catalog: &Catalog, hotel: Option<HotelId>) -> RoomForm {
        let hotel = hotel.or_else(|| catalog.hotels.first().map(|h| h.id));
        RoomForm {
            hotel_id: hotel.map(|h| h.to_string()).unwrap_or_default(),
            housekeeping_status: "clean".into(),
            is_active: Some("on".into()),
            ..Default::default()
        }
    }
    fn form_of(r: &Room, _: &MemberView) -> RoomForm {
        RoomForm::from_room(r)
    }
    fn parse(form: &RoomForm, catalog: &Catalog, _: &MemberView) -> Result<(HotelId, RoomFields), FieldErrors> {
        form.parse(catalog)
    }
    fn version(form: &mut RoomForm) -> &mut String {
        &mut form.version
    }
    fn diffs(yours: &RoomForm, current: &RoomForm, catalog: &Catalog) -> Vec<Diff> {
        yours.diffs(current, catalog)
    }
    /// A room stays in its hotel; the form cannot move it.
    fn pin(form: RoomForm, saved: &Room) -> RoomForm {
        RoomForm { hotel_id: saved.hotel_id.to_string(), ..form }
    }
    fn page(chrome: Chrome, catalog: Catalog, existing: Option<&Room>, shown: Shown<RoomForm>) -> FormPage {
        let editing = existing.map(|r| (chrome.t1("room-edit-title", "number", r.number.as_str()), urls::room(r.id)));
        let Heading { title, action, delete: delete_action } =
            Heading::of(editing, &chrome.t("room-new"), urls::rooms());
        let Shown { form, errors, conflict } = shown;
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

    fn created(r: &Room) -> Done {
        Done::new(Msg::new("room-added").arg("number", &r.number), urls::rooms_of(r.hotel_id))
    }
    fn saved(r: &Room) -> Done {
        Done::new(Msg::new("room-saved").arg("number", &r.number), urls::rooms_of(r.hotel_id))
    }
    fn deleted(r: &Room) -> Done {
        Done::new(Msg::new("room-deleted").arg("number", &r.number), urls::rooms_of(r.hotel_id))
    }
    fn delete_from(id: Self::Id) -> String {
        urls::room_edit(id)
    }
    fn taken(e: &AppError) -> Option<FieldErrors> {
        matches!(e, AppError::Db(DbError::Conflict(Constraint::RoomNumber)))
            .then(|| manage::field_error("number", Msg::new("room-number-taken")))
    }
    /// The new room as saved, with its hotel and id.
    fn audit_new(event: Event, _: &(HotelId, RoomFields), room: &Room) -> Event {
        event.after(room)
    }
}

pub async fn new_form(ctx: TenantCtx, state: State, query: web::Query<ListQuery>) -> Reply {
    manage::new_form::<Rooms>(&ctx, &state, query.hotel.parse().ok()).await
}

pub async fn create(ctx: TenantCtx, state: State, form: web::Form<RoomForm>) -> Reply {
    manage::create::<Rooms>(&ctx, &state, None, form.into_inner()).await
}

// edit_form, update, delete (see `manage::handlers`).
manage::handlers!(edit: Rooms);

impl Catalog {
    /// Room types grouped by hotel, for the form's select (optgroups).
    pub fn grouped(&self) -> Vec<(&Hotel, Vec<&RoomType>)> {
        let by_hotel = self.types_by_hotel();
        self.hotels.iter().map(|h| (h, by_hotel.get(&h.id).cloned().unwrap_or_default())).collect()
    }
}
