//! Room types of a hotel: create, edit, delete. They are listed on the hotel's page.

use crate::i18n::{Msg, Tr};
use actix_web::web;
use askama::Template;
use serde::Deserialize;

use super::error::Reply;
use super::extract::{Member, TenantCtx};
use super::forms::{self, Diff, FieldErrors};
use super::manage::{self, Done, Heading, Managed, Shown};
use super::pages::{Chrome, MemberView};
use super::state::State;
use super::urls;
use crate::db::hotels::Hotel;
use crate::db::room_types::{RoomType, RoomTypeFields};
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::{HotelId, RoomTypeId};
use crate::web::error::AppError;

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
    fn from_room_type(t: &RoomType, tr: &Tr) -> Self {
        Self {
            code: t.code.clone(),
            name: t.name.clone(),
            description: t.description.clone().unwrap_or_default(),
            base_occupancy: t.base_occupancy.to_string(),
            max_occupancy: t.max_occupancy.to_string(),
            base_rate: tr.amount_input(t.base_rate),
            is_active: t.is_active.then(|| "on".into()),
            version: t.version.to_string(),
        }
    }

    fn parse(&self, tr: &Tr) -> Result<RoomTypeFields, FieldErrors> {
        let mut e = FieldErrors::default();
        let base = forms::integer(&mut e, "base_occupancy", &self.base_occupancy, 1, 20);
        let max = forms::integer(&mut e, "max_occupancy", &self.max_occupancy, 1, 20);
        if let (Some(b), Some(m)) = (base, max) {
            if m < b {
                e.add("max_occupancy", Msg::new("rtype-max-below-base"));
            }
        }
        let rate = forms::amount_or_zero(&mut e, "base_rate", &self.base_rate, tr);
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
            ("rtype-field-code", &self.code, &current.code),
            ("rtype-field-name", &self.name, &current.name),
            ("rtype-field-base-occupancy", &self.base_occupancy, &current.base_occupancy),
            ("rtype-field-max-occupancy", &self.max_occupancy, &current.max_occupancy),
            ("rtype-field-rate", &self.base_rate, &current.base_rate),
            ("rtype-field-description", &self.description, &current.description),
        ])
    }
}

#[derive(Template)]
#[template(path = "room_types/form.html")]
pub struct FormPage {
    chrome: Chrome,
    hotel: Hotel,
    title: String,
    action: String,
    form: RoomTypeForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    delete_action: Option<String>,
}

/// Room types as a managed resource (see [`Managed`]): each belongs to a hotel, whose
/// page lists them.
pub struct RoomTypes;

impl Managed for RoomTypes {
    type Id = RoomTypeId;
    type Record = RoomType;
    type Form = RoomTypeForm;
    type Fields = RoomTypeFields;
    type Parent = HotelId;
    type Env = Hotel;
    type Page = FormPage;
    const AREA: &'static str = "hotels";
    const KIND: &'static str = "room_type";
    const IN_USE: &'static str = "rtype-in-use";

    fn env(s: &mut TenantScope<'_>, hotel: HotelId) -> Result<Hotel, AppError> {
        Ok(s.hotels().get(hotel)?)
    }
    fn parent_of(t: &RoomType) -> HotelId {
        t.hotel_id
    }
    fn id_of(t: &RoomType) -> RoomTypeId {
        t.id
    }

    fn get(s: &mut TenantScope<'_>, id: RoomTypeId) -> Result<RoomType, AppError> {
        Ok(s.room_types().get(id)?)
    }
    fn insert(
        s: &mut TenantScope<'_>,
        _: &Member,
        hotel: HotelId,
        fields: &RoomTypeFields,
    ) -> Result<RoomType, AppError> {
        Ok(s.room_types().create(hotel, fields)?)
    }
    fn update(
        s: &mut TenantScope<'_>,
        id: RoomTypeId,
        version: i32,
        fields: &RoomTypeFields,
    ) -> Result<RoomType, AppError> {
        Ok(s.room_types().update(id, version, fields)?)
    }
    fn remove(s: &mut TenantScope<'_>, id: RoomTypeId) -> Result<(), AppError> {
        Ok(s.room_types().delete(id)?)
    }

    fn blank(_: &MemberView, _: &Hotel, _: HotelId) -> RoomTypeForm {
        RoomTypeForm {
            base_occupancy: "2".into(),
            max_occupancy: "2".into(),
            is_active: Some("on".into()),
            ..Default::default()
        }
    }
    fn form_of(t: &RoomType, view: &MemberView) -> RoomTypeForm {
        RoomTypeForm::from_room_type(t, &view.tr)
    }
    fn parse(form: &RoomTypeForm, _: &Hotel, view: &MemberView) -> Result<RoomTypeFields, FieldErrors> {
        form.parse(&view.tr)
    }
    fn version(form: &mut RoomTypeForm) -> &mut String {
        &mut form.version
    }
    fn diffs(yours: &RoomTypeForm, current: &RoomTypeForm, _: &Hotel) -> Vec<Diff> {
        yours.diffs(current)
    }
    fn page(chrome: Chrome, hotel: Hotel, existing: Option<&RoomType>, shown: Shown<RoomTypeForm>) -> FormPage {
        let editing = existing.map(|t| (chrome.t1("rtype-edit-title", "name", t.name.as_str()), urls::room_type(t.id)));
        let new_action = urls::room_types_of(hotel.id);
        let Heading { title, action, delete: delete_action } = Heading::of(editing, &chrome.t("rtype-new"), new_action);
        let Shown { form, errors, conflict } = shown;
        FormPage { chrome, hotel, title, action, form, errors, conflict, delete_action }
    }

    fn created(t: &RoomType) -> Done {
        Done::new(Msg::new("rtype-added").arg("name", &t.name), urls::hotel(t.hotel_id))
    }
    fn saved(t: &RoomType) -> Done {
        Done::new(Msg::new("rtype-saved").arg("name", &t.name), urls::hotel(t.hotel_id))
    }
    fn deleted(t: &RoomType) -> Done {
        Done::new(Msg::new("rtype-deleted").arg("name", &t.name), urls::hotel(t.hotel_id))
    }
    fn delete_from(id: Self::Id) -> String {
        urls::room_type_edit(id)
    }
    fn taken(e: &AppError) -> Option<FieldErrors> {
        matches!(e, AppError::Db(DbError::Conflict(Constraint::RoomTypeCode)))
            .then(|| manage::field_error("code", Msg::new("rtype-code-taken")))
    }
}

pub async fn new_form(ctx: TenantCtx, state: State, path: web::Path<HotelId>) -> Reply {
    manage::new_form::<RoomTypes>(&ctx, &state, path.into_inner()).await
}

pub async fn create(ctx: TenantCtx, state: State, path: web::Path<HotelId>, form: web::Form<RoomTypeForm>) -> Reply {
    manage::create::<RoomTypes>(&ctx, &state, path.into_inner(), form.into_inner()).await
}

// edit_form, update, delete (see `manage::handlers`).
manage::handlers!(edit: RoomTypes);
