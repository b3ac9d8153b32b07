//! Room types of a hotel: create, edit, delete. They are listed on the hotel's page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::extract::TenantCtx;
use super::forms::Diff;
use super::forms::{self, FieldErrors};
use super::pages::{ok, render, see_other, Chrome};
use super::AppState;
use crate::db::audit::Event;
use crate::db::hotels::Hotel;
use crate::db::room_types::{RoomType, RoomTypeFields};
use crate::db::{Constraint, DbError};
use crate::domain::{money, HotelId, RoomTypeId};
use crate::error::AppError;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoomTypeForm {
    pub code: String,
    pub name: String,
    pub description: String,
    pub base_occupancy: String,
    pub max_occupancy: String,
    pub base_rate: String,
    pub is_active: Option<String>,
    pub version: String,
}

impl RoomTypeForm {
    fn from_room_type(t: &RoomType, currency: &str) -> Self {
        Self {
            code: t.code.clone(),
            name: t.name.clone(),
            description: t.description.clone().unwrap_or_default(),
            base_occupancy: t.base_occupancy.to_string(),
            max_occupancy: t.max_occupancy.to_string(),
            base_rate: money::to_input(t.base_rate, currency),
            is_active: t.is_active.then(|| "on".into()),
            version: t.version.to_string(),
        }
    }

    fn parse(&self, currency: &str) -> Result<RoomTypeFields, FieldErrors> {
        let mut e = FieldErrors::default();
        let base = forms::integer(&mut e, "base_occupancy", &self.base_occupancy, 1, 20);
        let max = forms::integer(&mut e, "max_occupancy", &self.max_occupancy, 1, 20);
        if let (Some(b), Some(m)) = (base, max) {
            if m < b {
                e.add("max_occupancy", "The maximum cannot be below the standard occupancy.");
            }
        }
        let rate = money::parse(&self.base_rate, currency);
        if rate.is_none() {
            e.add("base_rate", "Enter an amount like 120 or 120.50.");
        }
        let fields = RoomTypeFields {
            code: forms::code(&mut e, "code", &self.code),
            name: forms::required(&mut e, "name", &self.name, 200),
            description: forms::optional(&mut e, "description", &self.description, 1000),
            base_occupancy: base.unwrap_or(1) as i32,
            max_occupancy: max.unwrap_or(1) as i32,
            base_rate: rate.unwrap_or(0),
            is_active: self.is_active.is_some(),
        };
        e.into_result(fields)
    }

    fn diffs(&self, current: &RoomTypeForm) -> Vec<Diff> {
        forms::changed([
            ("Code", &self.code, &current.code),
            ("Name", &self.name, &current.name),
            ("Standard occupancy", &self.base_occupancy, &current.base_occupancy),
            ("Maximum occupancy", &self.max_occupancy, &current.max_occupancy),
            ("Nightly rate", &self.base_rate, &current.base_rate),
            ("Description", &self.description, &current.description),
        ])
    }
}

#[derive(Template)]
#[template(path = "room_types/form.html")]
struct FormPage {
    chrome: Chrome,
    hotel: Hotel,
    title: String,
    action: String,
    form: RoomTypeForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    delete_action: Option<String>,
}

fn page(
    chrome: Chrome,
    hotel: Hotel,
    existing: Option<&RoomType>,
    form: RoomTypeForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
) -> FormPage {
    let (title, action, delete_action) = match existing {
        Some(t) => {
            (format!("Edit {}", t.name), format!("/room-types/{}", t.id), Some(format!("/room-types/{}/delete", t.id)))
        }
        None => ("New room type".into(), format!("/hotels/{}/room-types", hotel.id), None),
    };
    FormPage { chrome, hotel, title, action, form, errors, conflict, delete_action }
}

fn parse_hotel(raw: &str) -> Result<HotelId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

fn parse_id(raw: &str) -> Result<RoomTypeId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

fn code_taken(e: &AppError) -> bool {
    matches!(e, AppError::Db(DbError::Conflict(Constraint::RoomTypeCode)))
}

pub async fn new_form(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let hotel_id = parse_hotel(&path)?;
    let (view, hotel) = ctx.read(&state, move |s, m| Ok((m.view(), s.hotels().get(hotel_id)?))).await?;
    let form = RoomTypeForm {
        base_occupancy: "2".into(),
        max_occupancy: "2".into(),
        is_active: Some("on".into()),
        ..Default::default()
    };
    ok(&page(Chrome::new(&ctx, view, "hotels"), hotel, None, form, FieldErrors::default(), vec![]))
}

pub async fn create(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<RoomTypeForm>,
) -> Result<HttpResponse, AppError> {
    let hotel_id = parse_hotel(&path)?;
    let form = form.into_inner();
    let submitted = form.clone();
    let result = ctx
        .write(&state, move |s, m| {
            let hotel = s.hotels().get(hotel_id)?;
            let fields = match submitted.parse(&m.acting.tenant.currency) {
                Ok(fields) => fields,
                Err(errors) => return Ok(Err((m.view(), hotel, errors))),
            };
            let created = s.room_types().create(hotel_id, &fields)?;
            m.audit(s, Event::new("room_type.create", "room_type", created.id).after(&fields))?;
            Ok(Ok(created))
        })
        .await;
    let (view, hotel, errors) = match result {
        Ok(Ok(created)) => {
            ctx.flash("success", format!("Room type {} added.", created.name));
            return Ok(see_other(&format!("/hotels/{hotel_id}")));
        }
        Ok(Err(invalid)) => invalid,
        Err(e) if code_taken(&e) => {
            let (view, hotel) = ctx.read(&state, move |s, m| Ok((m.view(), s.hotels().get(hotel_id)?))).await?;
            let mut errors = FieldErrors::default();
            errors.add("code", "This hotel already has a room type with this code.");
            (view, hotel, errors)
        }
        Err(e) => return Err(e),
    };
    render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &page(Chrome::new(&ctx, view, "hotels"), hotel, None, form, errors, vec![]),
    )
}

pub async fn edit_form(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let (view, hotel, t) = ctx
        .read(&state, move |s, m| {
            let t = s.room_types().get(id)?;
            Ok((m.view(), s.hotels().get(t.hotel_id)?, t))
        })
        .await?;
    let form = RoomTypeForm::from_room_type(&t, &view.currency);
    ok(&page(Chrome::new(&ctx, view, "hotels"), hotel, Some(&t), form, FieldErrors::default(), vec![]))
}

pub async fn update(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<RoomTypeForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let mut form = form.into_inner();
    let submitted = form.clone();
    let result = ctx
        .write(&state, move |s, m| {
            let before = s.room_types().get(id)?;
            let fields = match submitted.parse(&m.acting.tenant.currency) {
                Ok(fields) => fields,
                Err(errors) => return Ok(Err(errors)),
            };
            let version = forms::version(&submitted.version);
            let after = s.room_types().update(id, version, &fields)?;
            m.audit(s, Event::new("room_type.update", "room_type", id).before(&before).after(&after))?;
            Ok(Ok(after))
        })
        .await;
    let (status, errors, stale) = match result {
        Ok(Ok(t)) => {
            ctx.flash("success", format!("{} saved.", t.name));
            return Ok(see_other(&format!("/hotels/{}", t.hotel_id)));
        }
        Ok(Err(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, false),
        Err(AppError::Stale) => (StatusCode::CONFLICT, FieldErrors::default(), true),
        Err(e) if code_taken(&e) => {
            let mut errors = FieldErrors::default();
            errors.add("code", "This hotel already has a room type with this code.");
            (StatusCode::UNPROCESSABLE_ENTITY, errors, false)
        }
        Err(e) => return Err(e),
    };
    let (view, hotel, current) = ctx
        .read(&state, move |s, m| {
            let t = s.room_types().get(id)?;
            Ok((m.view(), s.hotels().get(t.hotel_id)?, t))
        })
        .await?;
    let conflict = if stale {
        let diffs = form.diffs(&RoomTypeForm::from_room_type(&current, &view.currency));
        form.version = current.version.to_string();
        diffs
    } else {
        vec![]
    };
    render(status, &page(Chrome::new(&ctx, view, "hotels"), hotel, Some(&current), form, errors, conflict))
}

pub async fn delete(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let t = ctx
        .write(&state, move |s, m| {
            let t = s.room_types().get(id)?;
            s.room_types().delete(id)?;
            m.audit(s, Event::new("room_type.delete", "room_type", id).before(&t))?;
            Ok(t)
        })
        .await
        .map_err(forms::in_use(
            "Rooms or reservations still use this room type, so it cannot be deleted. Mark it inactive instead.",
        ))?;
    ctx.flash("success", format!("Room type {} deleted.", t.name));
    Ok(see_other(&format!("/hotels/{}", t.hotel_id)))
}
