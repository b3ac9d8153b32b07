//! Guests: search, show, create, edit, delete.

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
use crate::db::guests::{Guest, GuestFields};
use crate::db::reservations::Reservation;
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::{DocumentType, GuestId};
use crate::i18n::Msg;
use crate::web::error::AppError;

const SORTS: &[&str] = &["name", "created"];

#[derive(Template)]
#[template(path = "guests/index.html")]
struct IndexPage {
    chrome: Chrome,
    guests: Vec<Guest>,
    listing: Listing,
    q: String,
}

pub async fn index(ctx: TenantCtx, state: State, query: web::Query<ListQuery>) -> Reply {
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
    let listing = Listing::new(&urls::guests(), &q, SORTS, total, &[("q", &shown)]);
    ok(&IndexPage { chrome: Chrome::new(&ctx, view, "guests"), guests, listing, q: shown })
}

#[derive(Template)]
#[template(path = "guests/show.html")]
struct ShowPage {
    chrome: Chrome,
    guest: Guest,
    stays: Vec<Reservation>,
}

pub async fn show(ctx: TenantCtx, state: State, path: web::Path<GuestId>) -> Reply {
    let id = path.into_inner();
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
    /// A shipped language's tag, or empty for the organization's.
    pub language: String,
    pub no_marketing: Option<String>,
    pub no_email: Option<String>,
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
            language: g.language.clone().unwrap_or_default(),
            no_marketing: g.no_marketing.then(|| "on".into()),
            no_email: g.no_email.then(|| "on".into()),
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
            e.add("nationality", Msg::new("guest-nationality-format"));
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
            language: self.language(&mut e),
            no_marketing: self.no_marketing.is_some(),
            no_email: self.no_email.is_some(),
        };
        e.into_result(fields)
    }

    /// The language chosen: one Hotelier ships, or none (the organization's).
    fn language(&self, e: &mut FieldErrors) -> Option<String> {
        let tag = forms::clean(&self.language);
        if tag.is_empty() {
            return None;
        }
        match crate::i18n::by_tag(&tag) {
            Some(lang) => Some(lang.tag().to_owned()),
            None => {
                e.add("language", Msg::new("guest-language-unknown"));
                None
            }
        }
    }

    fn diffs(&self, current: &GuestForm) -> Vec<Diff> {
        forms::changed([
            ("guest-field-first-name", &self.first_name, &current.first_name),
            ("guest-field-last-name", &self.last_name, &current.last_name),
            ("guest-field-email", &self.email, &current.email),
            ("guest-field-phone", &self.phone, &current.phone),
            ("guest-field-document", &self.document_number, &current.document_number),
            ("guest-field-nationality", &self.nationality, &current.nationality),
            ("guest-field-notes", &self.notes, &current.notes),
        ])
    }
}

#[derive(Template)]
#[template(path = "guests/form.html")]
pub struct FormPage {
    chrome: Chrome,
    title: String,
    action: String,
    cancel: String,
    form: GuestForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    documents: &'static [DocumentType],
    languages: &'static [crate::i18n::Language],
}

/// Guests as a managed resource (see [`Managed`]).
pub struct Guests;

impl Managed for Guests {
    type Id = GuestId;
    type Record = Guest;
    type Form = GuestForm;
    type Fields = GuestFields;
    type Parent = ();
    type Env = ();
    type Page = FormPage;
    const AREA: &'static str = "guests";
    const KIND: &'static str = "guest";
    const IN_USE: &'static str = "guest-in-use";

    fn env(_: &mut TenantScope<'_>, _: ()) -> Result<(), AppError> {
        Ok(())
    }
    fn parent_of(_: &Guest) {}
    fn id_of(g: &Guest) -> GuestId {
        g.id
    }

    fn get(s: &mut TenantScope<'_>, id: GuestId) -> Result<Guest, AppError> {
        Ok(s.guests().get(id)?)
    }
    fn insert(s: &mut TenantScope<'_>, _: &Member, _: (), fields: &GuestFields) -> Result<Guest, AppError> {
        Ok(s.guests().create(fields)?)
    }
    fn update(s: &mut TenantScope<'_>, id: GuestId, version: i32, fields: &GuestFields) -> Result<Guest, AppError> {
        Ok(s.guests().update(id, version, fields)?)
    }
    fn remove(s: &mut TenantScope<'_>, id: GuestId) -> Result<(), AppError> {
        Ok(s.guests().delete(id)?)
    }

    fn blank(_: &MemberView, _: &(), _: ()) -> GuestForm {
        GuestForm::default()
    }
    fn form_of(g: &Guest, _: &MemberView) -> GuestForm {
        GuestForm::from_guest(g)
    }
    fn parse(form: &GuestForm, _: &(), _: &MemberView) -> Result<GuestFields, FieldErrors> {
        form.parse()
    }
    fn version(form: &mut GuestForm) -> &mut String {
        &mut form.version
    }
    fn diffs(yours: &GuestForm, current: &GuestForm, _: &()) -> Vec<Diff> {
        yours.diffs(current)
    }
    fn page(chrome: Chrome, _: (), existing: Option<&Guest>, shown: Shown<GuestForm>) -> FormPage {
        let editing = existing.map(|g| (chrome.t1("guest-edit-title", "name", g.full_name()), urls::guest(g.id)));
        let Heading { title, action, .. } = Heading::of(editing, &chrome.t("guest-new-title"), urls::guests());
        let Shown { form, errors, conflict } = shown;
        FormPage {
            chrome,
            title,
            cancel: action.clone(),
            action,
            form,
            errors,
            conflict,
            documents: DocumentType::ALL,
            languages: crate::i18n::languages(),
        }
    }

    fn created(g: &Guest) -> Done {
        Done::new(Msg::new("guest-added").arg("name", g.full_name()), urls::guest(g.id))
    }
    fn saved(g: &Guest) -> Done {
        Done::new(Msg::new("guest-saved").arg("name", g.full_name()), urls::guest(g.id))
    }
    fn deleted(g: &Guest) -> Done {
        Done::new(Msg::new("guest-deleted").arg("name", g.full_name()), urls::guests())
    }
    fn delete_from(id: Self::Id) -> String {
        urls::guest(id)
    }
    fn taken(e: &AppError) -> Option<FieldErrors> {
        matches!(e, AppError::Db(DbError::Conflict(Constraint::GuestEmail)))
            .then(|| manage::field_error("email", Msg::new("guest-email-taken")))
    }
}

// new_form, create, edit_form, update, delete (see `manage::handlers`).
manage::handlers!(Guests);
