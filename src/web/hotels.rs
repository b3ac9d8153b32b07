//! Hotels: list, show, create, edit, delete.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::extract::TenantCtx;
use super::forms::{self, Diff, FieldErrors};
use super::list::{ListQuery, Listing, PER_PAGE};
use super::pages::{ok, render, see_other, Chrome};
use super::AppState;
use crate::db::audit::Event;
use crate::db::hotels::{Hotel, HotelFields};
use crate::db::room_types::RoomType;
use crate::db::{Constraint, DbError};
use crate::domain::roles::Capability;
use crate::domain::HotelId;
use crate::error::AppError;

const SORTS: &[&str] = &["name", "code", "city"];

#[derive(Template)]
#[template(path = "hotels/index.html")]
struct IndexPage {
    chrome: Chrome,
    rows: Vec<(Hotel, i64)>,
    listing: Listing,
}

pub async fn index(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let (sort, desc, offset) = (q.sort_key(SORTS), q.desc(), q.offset());
    let (view, hotels, total, counts) = ctx
        .read(&state, move |s, m| {
            let (hotels, total) = s.hotels().page(sort, desc, PER_PAGE, offset)?;
            Ok((m.view(), hotels, total, s.hotels().room_counts()?))
        })
        .await?;
    let rows = hotels.into_iter().map(|h| (counts.get(&h.id).copied().unwrap_or(0), h)).map(|(n, h)| (h, n)).collect();
    let listing = Listing::new("/hotels", &q, SORTS, total, &[]);
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
    rooms: i64,
}

pub async fn show(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let (view, hotel, room_types, rooms) = ctx
        .read(&state, move |s, m| {
            let hotel = s.hotels().get(id)?;
            let rooms = s.hotels().room_counts()?.get(&id).copied().unwrap_or(0);
            Ok((m.view(), hotel, s.room_types().list(Some(id))?, rooms))
        })
        .await?;
    let yesterday = crate::domain::booking::today_in(&hotel.timezone, chrono::Utc::now()) - chrono::Duration::days(1);
    let audit_date = hotel.business_date.map_or(yesterday, |d| d.min(yesterday));
    ok(&ShowPage { chrome: Chrome::new(&ctx, view, "hotels"), audit_date, hotel, room_types, rooms })
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
            e.add("country", "Use the two-letter country code, like US or PT.");
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

fn diffs(yours: &HotelForm, current: &HotelForm) -> Vec<Diff> {
    forms::changed([
        ("Code", &yours.code, &current.code),
        ("Name", &yours.name, &current.name),
        ("Brand", &yours.brand, &current.brand),
        ("Address", &yours.address, &current.address),
        ("City", &yours.city, &current.city),
        ("Country", &yours.country, &current.country),
        ("Timezone", &yours.timezone, &current.timezone),
        ("Email", &yours.email, &current.email),
        ("Phone", &yours.phone, &current.phone),
    ])
}

#[derive(Template)]
#[template(path = "hotels/form.html")]
struct FormPage {
    chrome: Chrome,
    title: String,
    action: String,
    cancel: String,
    form: HotelForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    timezones: &'static [&'static str],
}

fn form_page(
    chrome: Chrome,
    hotel: Option<&Hotel>,
    form: HotelForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
) -> FormPage {
    let (title, action, cancel) = match hotel {
        Some(h) => (format!("Edit {}", h.name), format!("/hotels/{}", h.id), format!("/hotels/{}", h.id)),
        None => ("New hotel".into(), "/hotels".into(), "/hotels".into()),
    };
    FormPage { chrome, title, action, cancel, form, errors, conflict, timezones: forms::TIMEZONES }
}

pub async fn new_form(ctx: TenantCtx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let view = ctx.read(&state, |_, m| Ok(m.view())).await?;
    let form = HotelForm { timezone: view.timezone.clone(), is_active: Some("on".into()), ..HotelForm::default() };
    ok(&form_page(Chrome::new(&ctx, view, "hotels"), None, form, FieldErrors::default(), vec![]))
}

fn code_taken(e: &AppError) -> bool {
    matches!(e, AppError::Db(DbError::Conflict(Constraint::HotelCode)))
}

pub async fn create(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    form: web::Form<HotelForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    let mut errors = match form.parse() {
        Ok(fields) => {
            let result = ctx
                .write(&state, move |s, m| {
                    m.within_plan(crate::domain::plans::Limited::Hotels, s.hotels().count()?)?;
                    let hotel = s.hotels().create(&fields)?;
                    m.audit(s, Event::new("hotel.create", "hotel", hotel.id).after(&fields))?;
                    Ok(hotel)
                })
                .await;
            match result {
                Ok(hotel) => {
                    ctx.flash("success", format!("Hotel {} created. Add its room types next.", hotel.name));
                    return Ok(see_other(&format!("/hotels/{}", hotel.id)));
                }
                Err(e) if code_taken(&e) => FieldErrors::default(),
                Err(AppError::NotInPlan(msg)) => {
                    status = StatusCode::FORBIDDEN;
                    FieldErrors::for_form(msg)
                }
                Err(e) => return Err(e),
            }
        }
        Err(errors) => errors,
    };
    if errors.is_empty() {
        errors.add("code", "Another hotel already uses this code.");
    }
    let view = ctx.read(&state, |_, m| Ok(m.view())).await?;
    render(status, &form_page(Chrome::new(&ctx, view, "hotels"), None, form, errors, vec![]))
}

pub async fn edit_form(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let (view, hotel) = ctx.read(&state, move |s, m| Ok((m.view(), s.hotels().get(id)?))).await?;
    let form = HotelForm::from_hotel(&hotel);
    ok(&form_page(Chrome::new(&ctx, view, "hotels"), Some(&hotel), form, FieldErrors::default(), vec![]))
}

pub async fn update(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<HotelForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let mut form = form.into_inner();
    let version = forms::version(&form.version);
    let errors = match form.parse() {
        Ok(fields) => {
            let result = ctx
                .write(&state, move |s, m| {
                    let before = s.hotels().get(id)?;
                    let after = s.hotels().update(id, version, &fields)?;
                    m.audit(s, Event::new("hotel.update", "hotel", id).before(&before).after(&after))?;
                    Ok(after)
                })
                .await;
            match result {
                Ok(hotel) => {
                    ctx.flash("success", format!("{} saved.", hotel.name));
                    return Ok(see_other(&format!("/hotels/{id}")));
                }
                Err(AppError::Stale) => {
                    // Someone saved first: show both versions and let the user decide.
                    let (view, current) = ctx.read(&state, move |s, m| Ok((m.view(), s.hotels().get(id)?))).await?;
                    let current_form = HotelForm::from_hotel(&current);
                    let conflict = diffs(&form, &current_form);
                    form.version = current.version.to_string();
                    let page = form_page(
                        Chrome::new(&ctx, view, "hotels"),
                        Some(&current),
                        form,
                        FieldErrors::default(),
                        conflict,
                    );
                    return render(StatusCode::CONFLICT, &page);
                }
                Err(e) if code_taken(&e) => {
                    let mut errors = FieldErrors::default();
                    errors.add("code", "Another hotel already uses this code.");
                    errors
                }
                Err(e) => return Err(e),
            }
        }
        Err(errors) => errors,
    };
    let (view, hotel) = ctx.read(&state, move |s, m| Ok((m.view(), s.hotels().get(id)?))).await?;
    render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form_page(Chrome::new(&ctx, view, "hotels"), Some(&hotel), form, errors, vec![]),
    )
}

pub async fn delete(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let hotel = ctx
        .write(&state, move |s, m| {
            let hotel = s.hotels().get(id)?;
            s.hotels().delete(id)?;
            m.audit(s, Event::new("hotel.delete", "hotel", id).before(&hotel))?;
            Ok(hotel)
        })
        .await
        .map_err(forms::in_use("This hotel still has room types, rooms or reservations, so it cannot be deleted. Mark it inactive instead."))?;
    ctx.flash("success", format!("{} deleted.", hotel.name));
    Ok(see_other("/hotels"))
}

pub fn parse_id(raw: &str) -> Result<HotelId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// For templates: whether the current member may do `cap`.
pub const MANAGE: Capability = Capability::PropertyManage;
pub const EDIT: Capability = Capability::PropertyEdit;
