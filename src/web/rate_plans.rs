//! Rate plans of a hotel: create, edit, delete. A plan sells some room types at a base
//! price each, or follows a base plan of the same hotel by a percentage or an amount; it
//! carries its policy (deposit, cancellation, no-show). The rate calendar (`/rates`)
//! lists them.

use std::collections::HashMap;

use actix_web::web;
use askama::Template;
use serde::{Deserialize, Serialize};

use super::error::Reply;
use super::extract::{Member, TenantCtx};
use super::forms::{self, Diff, FieldErrors};
use super::manage::{self, Done, Heading, Managed, Shown};
use super::pages::{Chrome, MemberView};
use super::state::State;
use super::urls;
use crate::db::hotels::Hotel;
use crate::db::rates::{RatePlan, RatePlanFields, RatePlanPrice};
use crate::db::room_types::RoomType;
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::{Adjustment, ChargeBasis, HotelId, RatePlanId, RoomTypeId};
use crate::i18n::{Msg, Tr};
use crate::web::error::AppError;

/// The form as posted. The room types come as `sells_<id>` (a checkbox) and
/// `price_<id>` (the base price), gathered in `rooms`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlanForm {
    pub code: String,
    pub name: String,
    pub is_active: Option<String>,
    /// A base plan's id to follow, or empty.
    pub parent: String,
    pub adjust_kind: String,
    pub adjust_value: String,
    pub deposit_kind: String,
    pub deposit_value: String,
    pub deposit_due_days: String,
    /// `free` (until `cancel_hours` before arrival) or `never` (the penalty always applies).
    pub cancel_rule: String,
    pub cancel_hours: String,
    pub penalty_kind: String,
    pub penalty_value: String,
    pub no_show_kind: String,
    pub no_show_value: String,
    pub version: String,
    #[serde(flatten)]
    pub rooms: HashMap<String, String>,
}

impl PlanForm {
    pub fn sells(&self, room_type: impl std::borrow::Borrow<RoomTypeId>) -> bool {
        self.rooms.contains_key(&format!("sells_{}", room_type.borrow()))
    }
    pub fn price(&self, room_type: impl std::borrow::Borrow<RoomTypeId>) -> &str {
        self.rooms.get(&format!("price_{}", room_type.borrow())).map_or("", String::as_str)
    }

    fn of(p: &PlanWithPrices, tr: &Tr) -> Self {
        let plan = &p.plan;
        let charge = |basis: ChargeBasis, value: i64| match basis {
            ChargeBasis::Percent => forms::percent_input(value, tr),
            ChargeBasis::Amount => tr.amount_input(value),
            _ => String::new(),
        };
        let mut rooms = HashMap::new();
        for price in &p.prices {
            rooms.insert(format!("sells_{}", price.room_type_id), "on".into());
            rooms.insert(
                format!("price_{}", price.room_type_id),
                price.price.map(|v| tr.amount_input(v)).unwrap_or_default(),
            );
        }
        Self {
            code: plan.code.clone(),
            name: plan.name.clone(),
            is_active: plan.is_active.then(|| "on".into()),
            parent: plan.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            adjust_kind: plan.adjust_kind.map_or("percent", |k| k.as_str()).into(),
            adjust_value: match (plan.adjust_kind, plan.adjust_value) {
                (Some(Adjustment::Percent), Some(v)) => forms::percent_input(v, tr),
                (Some(Adjustment::Amount), Some(v)) => signed_amount_input(v, tr),
                _ => String::new(),
            },
            deposit_kind: plan.deposit_kind.as_str().into(),
            deposit_value: charge(plan.deposit_kind, plan.deposit_value),
            deposit_due_days: plan.deposit_due_days.to_string(),
            cancel_rule: if plan.cancel_hours.is_some() { "free" } else { "never" }.into(),
            cancel_hours: plan.cancel_hours.map(|h| h.to_string()).unwrap_or_default(),
            penalty_kind: plan.penalty_kind.as_str().into(),
            penalty_value: charge(plan.penalty_kind, plan.penalty_value),
            no_show_kind: plan.no_show_kind.as_str().into(),
            no_show_value: charge(plan.no_show_kind, plan.no_show_value),
            version: plan.version.to_string(),
            rooms,
        }
    }

    fn parse(&self, env: &PlanEnv, tr: &Tr) -> Result<PlanSetup, FieldErrors> {
        let mut e = FieldErrors::default();
        let parent: Option<RatePlanId> = match forms::clean(&self.parent).as_str() {
            "" => None,
            raw => match forms::id::<RatePlanId>(&mut e, "parent", raw) {
                Some(id) if env.parents.iter().any(|p| p.id == id) => Some(id),
                Some(_) => {
                    e.add("parent", Msg::new("plan-parent-not-base"));
                    None
                }
                None => None,
            },
        };
        let derived = parent.is_some() || !forms::clean(&self.parent).is_empty();
        let adjust_kind: Option<Adjustment> =
            derived.then(|| forms::choice(&mut e, "adjust_kind", &self.adjust_kind)).flatten();
        let adjust_value = match adjust_kind {
            Some(Adjustment::Percent) => forms::signed(&mut e, "adjust_value", &self.adjust_value, tr, false)
                .filter(|v| (-10_000..=100_000).contains(v))
                .or_else(|| {
                    e.add("adjust_value", Msg::new("plan-adjust-range"));
                    None
                }),
            Some(Adjustment::Amount) => forms::signed(&mut e, "adjust_value", &self.adjust_value, tr, true),
            None => None,
        };
        let mut sells = Vec::new();
        for t in &env.room_types {
            if !self.sells(t.id) {
                continue;
            }
            let price = if derived {
                None
            } else {
                let field = env.price_field(t.id);
                forms::amount_or_zero(&mut e, field, self.price(t.id), tr)
            };
            sells.push((t.id, price));
        }
        if sells.is_empty() {
            e.add("rooms", Msg::new("plan-sells-nothing"));
        }
        let (deposit_kind, deposit_value) = charge(&mut e, "deposit", &self.deposit_kind, &self.deposit_value, tr);
        let (penalty_kind, penalty_value) = charge(&mut e, "penalty", &self.penalty_kind, &self.penalty_value, tr);
        let (no_show_kind, no_show_value) = charge(&mut e, "no_show", &self.no_show_kind, &self.no_show_value, tr);
        let cancel_hours = match self.cancel_rule.as_str() {
            "never" => None,
            _ => forms::integer(&mut e, "cancel_hours", &self.cancel_hours, 0, 8784).map(|h| h as i32),
        };
        let due = forms::optional_integer(&mut e, "deposit_due_days", &self.deposit_due_days, 0, 365).unwrap_or(0);
        let fields = RatePlanFields {
            code: forms::code(&mut e, "code", &self.code),
            name: forms::required(&mut e, "name", &self.name, 200),
            parent_id: parent,
            adjust_kind,
            adjust_value,
            is_active: self.is_active.is_some(),
            deposit_kind,
            deposit_value,
            deposit_due_days: due as i32,
            cancel_hours,
            penalty_kind,
            penalty_value,
            no_show_kind,
            no_show_value,
        };
        e.into_result(PlanSetup { fields, sells })
    }
}

/// An amount with its sign, as the form shows it (`-25,50`).
fn signed_amount_input(minor: i64, tr: &Tr) -> String {
    let text = tr.amount_input(minor.abs());
    if minor < 0 {
        format!("-{text}")
    } else {
        text
    }
}

/// A policy's deposit, penalty or fee from its two fields (`<name>_kind`, `<name>_value`):
/// a percentage of the stay (0 to 100), the first night, a fixed amount, or nothing.
fn charge(e: &mut FieldErrors, name: &'static str, kind: &str, value: &str, tr: &Tr) -> (ChargeBasis, i64) {
    let (kind_field, value_field) = charge_fields(name);
    let basis: ChargeBasis = match forms::clean(kind).as_str() {
        "" => ChargeBasis::Nothing,
        raw => forms::choice(e, kind_field, raw).unwrap_or(ChargeBasis::Nothing),
    };
    let value = match basis {
        ChargeBasis::Percent => match forms::signed(e, value_field, value, tr, false) {
            Some(v) if (1..=10_000).contains(&v) => v,
            Some(_) => {
                e.add(value_field, Msg::new("plan-charge-percent-range"));
                0
            }
            None => 0,
        },
        ChargeBasis::Amount => forms::amount(e, value_field, value, tr).unwrap_or(0),
        ChargeBasis::FirstNight | ChargeBasis::Nothing => 0,
    };
    (basis, value)
}

/// A plan with the room types it sells.
#[derive(Clone, Debug, Serialize)]
pub struct PlanWithPrices {
    pub plan: RatePlan,
    pub prices: Vec<RatePlanPrice>,
}

/// The parsed form: the plan's fields and what it sells.
#[derive(Clone, Debug, Serialize)]
pub struct PlanSetup {
    pub fields: RatePlanFields,
    pub sells: Vec<(RoomTypeId, Option<i64>)>,
}

/// The hotel, its room types, and the base plans a plan may follow.
pub struct PlanEnv {
    hotel: Hotel,
    room_types: Vec<RoomType>,
    parents: Vec<RatePlan>,
}

impl PlanEnv {
    /// The form field of a room type's price (a leaked, static name per room type id is
    /// not wanted: the field messages key on the room type's position instead).
    fn price_field(&self, room_type: RoomTypeId) -> &'static str {
        const FIELDS: [&str; 12] = [
            "price_0", "price_1", "price_2", "price_3", "price_4", "price_5", "price_6", "price_7", "price_8",
            "price_9", "price_10", "price_11",
        ];
        let i = self.room_types.iter().position(|t| t.id == room_type).unwrap_or(0);
        FIELDS.get(i).copied().unwrap_or("rooms")
    }
}

#[derive(Template)]
#[template(path = "rates/plan_form.html")]
pub struct FormPage {
    chrome: Chrome,
    hotel: Hotel,
    room_types: Vec<RoomType>,
    parents: Vec<RatePlan>,
    title: String,
    action: String,
    form: PlanForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    delete_action: Option<String>,
}

impl FormPage {
    fn price_key(&self, index: &usize) -> String {
        format!("price_{index}")
    }
    fn price_error(&self, index: &usize) -> String {
        self.chrome.opt(self.errors.get(&self.price_key(index)))
    }
    fn kind_key(&self, name: &str) -> &'static str {
        charge_fields(name).0
    }
    fn value_key(&self, name: &str) -> &'static str {
        charge_fields(name).1
    }
    fn bases(&self) -> &'static [ChargeBasis] {
        ChargeBasis::ALL
    }
    fn kind_of(&self, name: &str) -> &str {
        match name {
            "deposit" => &self.form.deposit_kind,
            "penalty" => &self.form.penalty_kind,
            _ => &self.form.no_show_kind,
        }
    }
    fn value_of(&self, name: &str) -> &str {
        match name {
            "deposit" => &self.form.deposit_value,
            "penalty" => &self.form.penalty_value,
            _ => &self.form.no_show_value,
        }
    }
}

/// The two form fields of a policy's charge.
fn charge_fields(name: &str) -> (&'static str, &'static str) {
    match name {
        "deposit" => ("deposit_kind", "deposit_value"),
        "penalty" => ("penalty_kind", "penalty_value"),
        _ => ("no_show_kind", "no_show_value"),
    }
}

/// Rate plans as a managed resource (see [`Managed`]).
pub struct RatePlans;

impl Managed for RatePlans {
    type Id = RatePlanId;
    type Record = PlanWithPrices;
    type Form = PlanForm;
    type Fields = PlanSetup;
    type Parent = HotelId;
    type Env = PlanEnv;
    type Page = FormPage;
    const AREA: &'static str = "rates";
    const KIND: &'static str = "rate_plan";
    const IN_USE: &'static str = "plan-in-use";

    fn env(s: &mut TenantScope<'_>, hotel: HotelId) -> Result<PlanEnv, AppError> {
        let hotel = s.hotels().get(hotel)?;
        let room_types = s.room_types().list(Some(hotel.id))?;
        let parents = s.rate_plans().list(Some(hotel.id))?.into_iter().filter(|p| p.parent_id.is_none()).collect();
        Ok(PlanEnv { hotel, room_types, parents })
    }
    fn parent_of(p: &PlanWithPrices) -> HotelId {
        p.plan.hotel_id
    }
    fn id_of(p: &PlanWithPrices) -> RatePlanId {
        p.plan.id
    }

    fn get(s: &mut TenantScope<'_>, id: RatePlanId) -> Result<PlanWithPrices, AppError> {
        let plan = s.rate_plans().get(id)?;
        let prices = s.rate_plans().prices(plan.hotel_id)?.into_iter().filter(|p| p.rate_plan_id == id).collect();
        Ok(PlanWithPrices { plan, prices })
    }
    fn insert(
        s: &mut TenantScope<'_>,
        _: &Member,
        hotel: HotelId,
        setup: &PlanSetup,
    ) -> Result<PlanWithPrices, AppError> {
        let plan = s.rate_plans().create(hotel, &setup.fields)?;
        s.rate_plans().set_prices(&plan, &setup.sells)?;
        Self::get(s, plan.id)
    }
    fn update(
        s: &mut TenantScope<'_>,
        id: RatePlanId,
        version: i32,
        setup: &PlanSetup,
    ) -> Result<PlanWithPrices, AppError> {
        if setup.fields.parent_id == Some(id) || (setup.fields.parent_id.is_some() && s.rate_plans().is_followed(id)?) {
            return Err(DbError::Conflict(Constraint::RatePlanParent).into());
        }
        let plan = s.rate_plans().update(id, version, &setup.fields)?;
        s.rate_plans().set_prices(&plan, &setup.sells)?;
        Self::get(s, id)
    }
    fn remove(s: &mut TenantScope<'_>, id: RatePlanId) -> Result<(), AppError> {
        Ok(s.rate_plans().delete(id)?)
    }

    fn blank(_: &MemberView, env: &PlanEnv, _: HotelId) -> PlanForm {
        let rooms = env.room_types.iter().map(|t| (format!("sells_{}", t.id), "on".to_owned())).collect();
        PlanForm {
            is_active: Some("on".into()),
            adjust_kind: "percent".into(),
            deposit_kind: "none".into(),
            cancel_rule: "free".into(),
            cancel_hours: "24".into(),
            penalty_kind: "first_night".into(),
            no_show_kind: "first_night".into(),
            deposit_due_days: "0".into(),
            rooms,
            ..PlanForm::default()
        }
    }
    fn form_of(p: &PlanWithPrices, view: &MemberView) -> PlanForm {
        PlanForm::of(p, &view.tr)
    }
    fn parse(form: &PlanForm, env: &PlanEnv, view: &MemberView) -> Result<PlanSetup, FieldErrors> {
        form.parse(env, &view.tr)
    }
    fn version(form: &mut PlanForm) -> &mut String {
        &mut form.version
    }
    fn diffs(yours: &PlanForm, current: &PlanForm, _: &PlanEnv) -> Vec<Diff> {
        forms::changed([
            ("plan-field-code", &yours.code, &current.code),
            ("plan-field-name", &yours.name, &current.name),
            ("plan-field-adjust", &yours.adjust_value, &current.adjust_value),
            ("plan-field-cancel-hours", &yours.cancel_hours, &current.cancel_hours),
        ])
    }
    fn page(chrome: Chrome, env: PlanEnv, existing: Option<&PlanWithPrices>, shown: Shown<PlanForm>) -> FormPage {
        let editing =
            existing.map(|p| (chrome.t1("plan-edit-title", "name", p.plan.name.as_str()), urls::rate_plan(p.plan.id)));
        let new_action = urls::rate_plans_of(env.hotel.id);
        let Heading { title, action, delete: delete_action } = Heading::of(editing, &chrome.t("plan-new"), new_action);
        let Shown { form, errors, conflict } = shown;
        let parents = env.parents.into_iter().filter(|p| existing.is_none_or(|e| e.plan.id != p.id)).collect();
        FormPage {
            chrome,
            hotel: env.hotel,
            room_types: env.room_types,
            parents,
            title,
            action,
            form,
            errors,
            conflict,
            delete_action,
        }
    }

    fn created(p: &PlanWithPrices) -> Done {
        Done::new(Msg::new("plan-added").arg("name", &p.plan.name), urls::rates_of(p.plan.hotel_id))
    }
    fn saved(p: &PlanWithPrices) -> Done {
        Done::new(Msg::new("plan-saved").arg("name", &p.plan.name), urls::rates_of(p.plan.hotel_id))
    }
    fn deleted(p: &PlanWithPrices) -> Done {
        Done::new(Msg::new("plan-deleted").arg("name", &p.plan.name), urls::rates_of(p.plan.hotel_id))
    }
    fn delete_from(id: RatePlanId) -> String {
        urls::rate_plan_edit(id)
    }
    fn taken(e: &AppError) -> Option<FieldErrors> {
        match e {
            AppError::Db(DbError::Conflict(Constraint::RatePlanCode)) => {
                Some(manage::field_error("code", Msg::new("plan-code-taken")))
            }
            AppError::Db(DbError::Conflict(Constraint::RatePlanParent)) => {
                Some(manage::field_error("parent", Msg::new("plan-parent-not-base")))
            }
            _ => None,
        }
    }
}

pub async fn new_form(ctx: TenantCtx, state: State, path: web::Path<HotelId>) -> Reply {
    manage::new_form::<RatePlans>(&ctx, &state, path.into_inner()).await
}

pub async fn create(ctx: TenantCtx, state: State, path: web::Path<HotelId>, form: web::Form<PlanForm>) -> Reply {
    manage::create::<RatePlans>(&ctx, &state, path.into_inner(), form.into_inner()).await
}

// edit_form, update, delete (see `manage::handlers`).
manage::handlers!(edit: RatePlans);
