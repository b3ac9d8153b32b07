//! Guests: search, show, create, edit, delete.

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
use crate::db::guests::{Guest, GuestFields};
use crate::db::reservations::Reservation;
use crate::db::{Constraint, DbError};
use crate::domain::{DocumentType, GuestId};
use crate::error::AppError;

const SORTS: &[&str] = &["name", "created"];

#[derive(Template)]
#[template(path = "guests/index.html")]
struct IndexPage {
    chrome: Chrome,
    guests: Vec<Guest>,
    listing: Listing,
    q: String,
}

pub async fn index(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let search = q.search();
    let (sort, desc, offset) = (q.sort_key(SORTS), q.desc(), q.offset());
    let term = search.clone();
    let (view, guests, total) = ctx
        .read(&state, move |s, m| {
            let (guests, total) = s.guests().page(term.as_deref(), sort, desc, PER_PAGE, offset)?;
            Ok((m.view(), guests, total))
        })
        .await?;
    let shown = search.unwrap_or_default();
    let listing = Listing::new("/guests", &q, SORTS, total, &[("q", &shown)]);
    ok(&IndexPage { chrome: Chrome::new(&ctx, view, "guests"), guests, listing, q: shown })
}

#[derive(Template)]
#[template(path = "guests/show.html")]
struct ShowPage {
    chrome: Chrome,
    guest: Guest,
    stays: Vec<Reservation>,
}

pub async fn show(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let (view, guest, stays) =
        ctx.read(&state, move |s, m| Ok((m.view(), s.guests().get(id)?, s.reservations().for_guest(id, 50)?))).await?;
    ok(&ShowPage { chrome: Chrome::new(&ctx, view, "guests"), guest, stays })
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GuestForm {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub document_type: String,
    pub document_number: String,
    pub nationality: String,
    pub notes: String,
    pub vip: Option<String>,
    pub version: String,
}

impl GuestForm {
    fn from_guest(g: &Guest) -> Self {
        Self {
            first_name: g.first_name.clone(),
            last_name: g.last_name.clone(),
            email: g.email.clone().unwrap_or_default(),
            phone: g.phone.clone().unwrap_or_default(),
            document_type: g.document_type.map(|d| d.as_str().to_owned()).unwrap_or_default(),
            document_number: g.document_number.clone().unwrap_or_default(),
            nationality: g.nationality.clone().unwrap_or_default(),
            notes: g.notes.clone().unwrap_or_default(),
            vip: g.vip.then(|| "on".into()),
            version: g.version.to_string(),
        }
    }

    pub fn parse(&self) -> Result<GuestFields, FieldErrors> {
        let mut e = FieldErrors::default();
        let document_type = match forms::clean(&self.document_type).as_str() {
            "" => None,
            other => forms::choice::<DocumentType>(&mut e, "document_type", other),
        };
        let nationality = forms::optional(&mut e, "nationality", &self.nationality, 2).map(|n| n.to_uppercase());
        if nationality.as_deref().is_some_and(|n| n.len() != 2 || !n.chars().all(|c| c.is_ascii_uppercase())) {
            e.add("nationality", "Use the two-letter country code, like BR or GB.");
        }
        let fields = GuestFields {
            first_name: forms::required(&mut e, "first_name", &self.first_name, 100),
            last_name: forms::required(&mut e, "last_name", &self.last_name, 100),
            email: forms::optional_email(&mut e, "email", &self.email),
            phone: forms::optional(&mut e, "phone", &self.phone, 40),
            document_type,
            document_number: forms::optional(&mut e, "document_number", &self.document_number, 40),
            nationality,
            notes: forms::optional(&mut e, "notes", &self.notes, 2000),
            vip: self.vip.is_some(),
        };
        e.into_result(fields)
    }

    fn diffs(&self, current: &GuestForm) -> Vec<Diff> {
        forms::changed([
            ("First name", &self.first_name, &current.first_name),
            ("Last name", &self.last_name, &current.last_name),
            ("Email", &self.email, &current.email),
            ("Phone", &self.phone, &current.phone),
            ("Document", &self.document_number, &current.document_number),
            ("Nationality", &self.nationality, &current.nationality),
            ("Notes", &self.notes, &current.notes),
        ])
    }
}

#[derive(Template)]
#[template(path = "guests/form.html")]
struct FormPage {
    chrome: Chrome,
    title: String,
    action: String,
    cancel: String,
    form: GuestForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    documents: &'static [DocumentType],
}

fn page(
    chrome: Chrome,
    existing: Option<&Guest>,
    form: GuestForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
) -> FormPage {
    let (title, action, cancel) = match existing {
        Some(g) => (format!("Edit {}", g.full_name()), format!("/guests/{}", g.id), format!("/guests/{}", g.id)),
        None => ("New guest".into(), "/guests".into(), "/guests".into()),
    };
    FormPage { chrome, title, action, cancel, form, errors, conflict, documents: DocumentType::ALL }
}

fn parse_id(raw: &str) -> Result<GuestId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

fn email_taken(e: &AppError) -> bool {
    matches!(e, AppError::Db(DbError::Conflict(Constraint::GuestEmail)))
}

fn email_taken_errors() -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add("email", "Another guest already has this email. Search for them instead of adding a duplicate.");
    errors
}

pub async fn new_form(ctx: TenantCtx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let view = ctx.read(&state, |_, m| Ok(m.view())).await?;
    ok(&page(Chrome::new(&ctx, view, "guests"), None, GuestForm::default(), FieldErrors::default(), vec![]))
}

pub async fn create(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    form: web::Form<GuestForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let errors = match form.parse() {
        Ok(fields) => {
            let result = ctx
                .write(&state, move |s, m| {
                    let guest = s.guests().create(&fields)?;
                    m.audit(s, Event::new("guest.create", "guest", guest.id).after(&fields))?;
                    Ok(guest)
                })
                .await;
            match result {
                Ok(guest) => {
                    ctx.flash("success", format!("Guest {} added.", guest.full_name()));
                    return Ok(see_other(&format!("/guests/{}", guest.id)));
                }
                Err(e) if email_taken(&e) => email_taken_errors(),
                Err(e) => return Err(e),
            }
        }
        Err(errors) => errors,
    };
    let view = ctx.read(&state, |_, m| Ok(m.view())).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page(Chrome::new(&ctx, view, "guests"), None, form, errors, vec![]))
}

pub async fn edit_form(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let (view, guest) = ctx.read(&state, move |s, m| Ok((m.view(), s.guests().get(id)?))).await?;
    let form = GuestForm::from_guest(&guest);
    ok(&page(Chrome::new(&ctx, view, "guests"), Some(&guest), form, FieldErrors::default(), vec![]))
}

pub async fn update(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<GuestForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let mut form = form.into_inner();
    let version = forms::version(&form.version);
    let (status, errors, stale) = match form.parse() {
        Ok(fields) => {
            let result = ctx
                .write(&state, move |s, m| {
                    let before = s.guests().get(id)?;
                    let after = s.guests().update(id, version, &fields)?;
                    m.audit(s, Event::new("guest.update", "guest", id).before(&before).after(&after))?;
                    Ok(after)
                })
                .await;
            match result {
                Ok(guest) => {
                    ctx.flash("success", format!("{} saved.", guest.full_name()));
                    return Ok(see_other(&format!("/guests/{id}")));
                }
                Err(AppError::Stale) => (StatusCode::CONFLICT, FieldErrors::default(), true),
                Err(e) if email_taken(&e) => (StatusCode::UNPROCESSABLE_ENTITY, email_taken_errors(), false),
                Err(e) => return Err(e),
            }
        }
        Err(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors, false),
    };
    let (view, current) = ctx.read(&state, move |s, m| Ok((m.view(), s.guests().get(id)?))).await?;
    let conflict = if stale {
        let diffs = form.diffs(&GuestForm::from_guest(&current));
        form.version = current.version.to_string();
        diffs
    } else {
        vec![]
    };
    render(status, &page(Chrome::new(&ctx, view, "guests"), Some(&current), form, errors, conflict))
}

pub async fn delete(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&path)?;
    let guest = ctx
        .write(&state, move |s, m| {
            let guest = s.guests().get(id)?;
            s.guests().delete(id)?;
            m.audit(s, Event::new("guest.delete", "guest", id).before(&guest))?;
            Ok(guest)
        })
        .await
        .map_err(forms::in_use("This guest has reservations, so the record is kept for the hotel's books."))?;
    ctx.flash("success", format!("{} deleted.", guest.full_name()));
    Ok(see_other("/guests"))
}
