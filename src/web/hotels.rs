//! Hotels: list, show, create, edit, delete.

use actix_web::web;
use askama::Template;
use serde::Deserialize;

use super::error::Reply;
use super::extract::{Member, TenantCtx};
use super::forms::{self, Diff, FieldErrors};
use super::list::{ListQuery, Listing, PER_PAGE};
use super::manage::{self, Done, Heading, Managed, Shown};
use super::pages::{ok, Chrome, MemberView};
use super::state::State;
use super::urls;
use crate::db::hotels::{Hotel, HotelFields};
use crate::db::room_types::RoomType;
use crate::db::taxes::TaxRule;
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::plans::Limited;
use crate::domain::roles::Capability;
use crate::domain::HotelId;
use crate::i18n::Msg;
use crate::web::error::AppError;

const SORTS: &[&str] = &["name", "code", "city"];

#[derive(Template)]
#[template(path = "hotels/index.html")]
struct IndexPage {
    chrome: Chrome,
    rows: Vec<(Hotel, i64)>,
    listing: Listing,
}

pub async fn index(ctx: TenantCtx, state: State, query: web::Query<ListQuery>) -> Reply {
    let q = query.into_inner();
    let (sort, desc, offset) = (q.sort_key(SORTS), q.desc(), q.offset());
    let (view, hotels, total, counts) = ctx
        .read(&state, move |s, m| {
            let (hotels, total) = s.hotels().page(sort, desc, PER_PAGE, offset)?;
            Ok((m.view(), hotels, total, s.hotels().room_counts()?))
        })
        .await?;
    let rows = hotels.into_iter().map(|h| (counts.get(&h.id).copied().unwrap_or(0), h)).map(|(n, h)| (h, n)).collect();
    let listing = Listing::new(&urls::hotels(), &q, SORTS, total, &[]);
    ok(&IndexPage { chrome: Chrome::new(&ctx, view, "hotels"), rows, listing })
}

#[derive(Template)]
#[template(path = "hotels/show.html")]
struct ShowPage {
    chrome: Chrome,
    /// The date the night-audit form offers: the business date, but never a day that is
    /// not over yet at the hotel.
    audit_date: chrono::NaiveDate,
    hotel: Hotel,
    room_types: Vec<RoomType>,
    tax_rules: Vec<TaxRule>,
    rooms: i64,
}

impl ShowPage {
    /// A rule's rate or amount as people read it: `8.875%`, `R$ 3,50 per person per night`.
    fn tax_value(&self, t: &TaxRule) -> String {
        match (t.rate, t.amount) {
            (Some(rate), _) => self.chrome.percent(rate as f64 / 10_000.0),
            (_, Some(amount)) => self.chrome.t1("tax-per-person-night", "amount", self.chrome.money(amount)),
            _ => String::new(),
        }
    }
}

pub async fn show(ctx: TenantCtx, state: State, path: web::Path<HotelId>) -> Reply {
    let id = path.into_inner();
    let (view, hotel, room_types, tax_rules, rooms) = ctx
        .read(&state, move |s, m| {
            let hotel = s.hotels().get(id)?;
            let rooms = s.hotels().room_counts()?.get(&id).copied().unwrap_or(0);
            Ok((m.view(), hotel, s.room_types().list(Some(id))?, s.tax_rules().list(Some(id))?, rooms))
        })
        .await?;
    let yesterday = crate::domain::booking::today_in(&hotel.timezone, chrono::Utc::now()) - chrono::Duration::days(1);
    let audit_date = hotel.business_date.map_or(yesterday, |d| d.min(yesterday));
    ok(&ShowPage { chrome: Chrome::new(&ctx, view, "hotels"), audit_date, hotel, room_types, tax_rules, rooms })
}

/// What the hotel form posts. Every field is text, so any input re-renders.
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize)]
#[serde(default)]
pub struct HotelForm {
    pub code: String,
    pub name: String,
    pub brand: String,
    pub address: String,
    pub city: String,
    pub country: String,
    pub timezone: String,
    pub star_rating: String,
    pub email: String,
    pub phone: String,
    pub is_active: Option<String>,
    pub version: String,
}

impl HotelForm {
    fn from_hotel(h: &Hotel) -> Self {
        Self {
            code: h.code.clone(),
            name: h.name.clone(),
            brand: h.brand.clone().unwrap_or_default(),
            address: h.address.clone().unwrap_or_default(),
            city: h.city.clone().unwrap_or_default(),
            country: h.country.clone().unwrap_or_default(),
            timezone: h.timezone.clone(),
            star_rating: h.star_rating.map(|s| s.to_string()).unwrap_or_default(),
            email: h.email.clone().unwrap_or_default(),
            phone: h.phone.clone().unwrap_or_default(),
            is_active: h.is_active.then(|| "on".into()),
            version: h.version.to_string(),
        }
    }

    fn parse(&self) -> Result<HotelFields, FieldErrors> {
        let mut e = FieldErrors::default();
        let country = forms::optional(&mut e, "country", &self.country, 2).map(|c| c.to_uppercase());
        if country.as_deref().is_some_and(|c| c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_uppercase())) {
            e.add("country", Msg::new("hotel-country-format"));
        }
        let fields = HotelFields {
            code: forms::code(&mut e, "code", &self.code),
            name: forms::required(&mut e, "name", &self.name, 200),
            brand: forms::optional(&mut e, "brand", &self.brand, 100),
            address: forms::optional(&mut e, "address", &self.address, 300),
            city: forms::optional(&mut e, "city", &self.city, 100),
            country,
            timezone: forms::timezone(&mut e, "timezone", &self.timezone),
            star_rating: forms::optional_integer(&mut e, "star_rating", &self.star_rating, 1, 5).map(|n| n as i32),
            email: forms::optional_email(&mut e, "email", &self.email),
            phone: forms::optional(&mut e, "phone", &self.phone, 40),
            is_active: self.is_active.is_some(),
        };
        e.into_result(fields)
    }
}

#[derive(Template)]
#[template(path = "hotels/form.html")]
pub struct FormPage {
    chrome: Chrome,
    title: String,
    action: String,
    cancel: String,
    form: HotelForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    timezones: &'static [&'static str],
}

/// Hotels as a managed resource (see [`Managed`]).
pub struct Hotels;

impl Managed for Hotels {
    type Id = HotelId;
    type Record = Hotel;
    type Form = HotelForm;
    type Fields = HotelFields;
    type Parent = ();
    type Env = ();
    type Page = FormPage;
    const AREA: &'static str = "hotels";
    const KIND: &'static str = "hotel";
    const IN_USE: &'static str = "hotel-in-use";

    fn env(_: &mut TenantScope<'_>, _: ()) -> Result<(), AppError> {
        Ok(())
    }
    fn parent_of(_: &Hotel) {}
    fn id_of(h: &Hotel) -> HotelId {
        h.id
    }

    fn get(s: &mut TenantScope<'_>, id: HotelId) -> Result<Hotel, AppError> {
        Ok(s.hotels().get(id)?)
    }
    fn insert(s: &mut TenantScope<'_>, m: &Member, _: (), fields: &HotelFields) -> Result<Hotel, AppError> {
        m.within_plan(Limited::Hotels, s.hotels().count()?)?;
        Ok(s.hotels().create(fields)?)
    }
    fn update(s: &mut TenantScope<'_>, id: HotelId, version: i32, fields: &HotelFields) -> Result<Hotel, AppError> {
        Ok(s.hotels().update(id, version, fields)?)
    }
    fn remove(s: &mut TenantScope<'_>, id: HotelId) -> Result<(), AppError> {
        Ok(s.hotels().delete(id)?)
    }

    fn blank(view: &MemberView, _: &(), _: ()) -> HotelForm {
        HotelForm { timezone: view.timezone.clone(), is_active: Some("on".into()), ..HotelForm::default() }
    }
    fn form_of(h: &Hotel, _: &MemberView) -> HotelForm {
        HotelForm::from_hotel(h)
    }
    fn parse(form: &HotelForm, _: &(), _: &MemberView) -> Result<HotelFields, FieldErrors> {
        form.parse()
    }
    fn version(form: &mut HotelForm) -> &mut String {
        &mut form.version
    }
    fn diffs(yours: &HotelForm, current: &HotelForm, _: &()) -> Vec<Diff> {
        forms::changed([
            ("hotel-field-code", &yours.code, &current.code),
            ("hotel-field-name", &yours.name, &current.name),
            ("hotel-field-brand", &yours.brand, &current.brand),
            ("hotel-field-address", &yours.address, &current.address),
            ("hotel-field-city", &yours.city, &current.city),
            ("hotel-field-country", &yours.country, &current.country),
            ("hotel-field-timezone", &yours.timezone, &current.timezone),
            ("hotel-field-email", &yours.email, &current.email),
            ("hotel-field-phone", &yours.phone, &current.phone),
        ])
    }
    fn page(chrome: Chrome, _: (), hotel: Option<&Hotel>, shown: Shown<HotelForm>) -> FormPage {
        let editing = hotel.map(|h| (chrome.t1("hotel-edit-title", "name", h.name.as_str()), urls::hotel(h.id)));
        let Heading { title, action, .. } = Heading::of(editing, &chrome.t("hotel-new"), urls::hotels());
        let Shown { form, errors, conflict } = shown;
        FormPage { chrome, title, cancel: action.clone(), action, form, errors, conflict, timezones: forms::TIMEZONES }
    }

    fn created(h: &Hotel) -> Done {
        Done::new(Msg::new("hotel-created").arg("name", &h.name), urls::hotel(h.id))
    }
    fn saved(h: &Hotel) -> Done {
        Done::new(Msg::new("hotel-saved").arg("name", &h.name), urls::hotel(h.id))
    }
    fn deleted(h: &Hotel) -> Done {
        Done::new(Msg::new("hotel-deleted").arg("name", &h.name), urls::hotels())
    }
    fn delete_from(id: Self::Id) -> String {
        urls::hotel(id)
    }
    fn taken(e: &AppError) -> Option<FieldErrors> {
        matches!(e, AppError::Db(DbError::Conflict(Constraint::HotelCode)))
            .then(|| manage::field_error("code", Msg::new("hotel-code-taken")))
    }
}

// new_form, create, edit_form, update, delete (see `manage::handlers`).
manage::handlers!(Hotels);

/// For templates: whether the current member may do `cap`.
pub const MANAGE: Capability = Capability::PropertyManage;
pub const EDIT: Capability = Capability::PropertyEdit;
