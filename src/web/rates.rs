//! `/rates`: the rate calendar of a hotel. Room types are blocks of rows, dates are
//! columns (14 or 30 days): per room type the rooms left to sell each night, then a row
//! per plan with its price and restrictions at a glance. Below it, the hotel's plans and
//! the bulk editor (`POST /rates`: a change over a date range and some weekdays).
//! Server-rendered; no JavaScript.

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use serde::Deserialize;

use super::desk::refused_field;
use super::error::Reply;
use super::extract::TenantCtx;
use super::forms::{self, FieldErrors};
use super::pages::{render, see_other, Chrome};
use super::state::State;
use super::urls;
use crate::db::hotels::Hotel;
use crate::db::rates::RatePlan;
use crate::db::room_types::RoomType;
use crate::domain::booking::today_in;
use crate::domain::rates::{DayChange, DayRule};
use crate::domain::{HotelId, RatePlanId, RoomTypeId};
use crate::i18n::Msg;
use crate::stays::availability::{Inventory, Window};
use crate::stays::{self, CalendarChange, RateBook};
use crate::web::error::AppError;

/// The weekdays of the bulk editor, Monday first, with their form names.
pub const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "mon"),
    (Weekday::Tue, "tue"),
    (Weekday::Wed, "wed"),
    (Weekday::Thu, "thu"),
    (Weekday::Fri, "fri"),
    (Weekday::Sat, "sat"),
    (Weekday::Sun, "sun"),
];

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RatesQuery {
    pub hotel: String,
    pub start: String,
    pub days: String,
}

/// The bulk editor as posted: every field text, so any input re-renders.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct BulkForm {
    pub hotel: String,
    pub start: String,
    pub days: String,
    pub rate_plan: String,
    /// One room type, or empty for every one the plan sells.
    pub room_type: String,
    pub from: String,
    pub to: String,
    pub mon: Option<String>,
    pub tue: Option<String>,
    pub wed: Option<String>,
    pub thu: Option<String>,
    pub fri: Option<String>,
    pub sat: Option<String>,
    pub sun: Option<String>,
    /// Blank: unchanged.
    pub price: String,
    pub price_clear: Option<String>,
    pub min_stay: String,
    pub min_stay_clear: Option<String>,
    pub max_stay: String,
    pub max_stay_clear: Option<String>,
    /// `keep`, `set` or `clear`.
    pub closed: String,
    pub closed_to_arrival: String,
    pub closed_to_departure: String,
}

impl BulkForm {
    pub fn day_checked(&self, name: &str) -> bool {
        match name {
            "mon" => self.mon.is_some(),
            "tue" => self.tue.is_some(),
            "wed" => self.wed.is_some(),
            "thu" => self.thu.is_some(),
            "fri" => self.fri.is_some(),
            "sat" => self.sat.is_some(),
            _ => self.sun.is_some(),
        }
    }

    /// A fresh editor: every weekday, the window's dates.
    fn blank(start: NaiveDate, length: i64) -> Self {
        let on = Some("on".to_owned());
        Self {
            from: start.to_string(),
            to: (start + Duration::days(length - 1)).to_string(),
            mon: on.clone(),
            tue: on.clone(),
            wed: on.clone(),
            thu: on.clone(),
            fri: on.clone(),
            sat: on.clone(),
            sun: on,
            ..Self::default()
        }
    }

    fn parse(&self, tr: &crate::i18n::Tr) -> Result<CalendarChange, FieldErrors> {
        let mut e = FieldErrors::default();
        let plan: Option<RatePlanId> = forms::id(&mut e, "rate_plan", &self.rate_plan);
        let room_types: Vec<RoomTypeId> = match forms::clean(&self.room_type).as_str() {
            "" => vec![],
            raw => forms::id(&mut e, "room_type", raw).into_iter().collect(),
        };
        let from = forms::date(&mut e, "from", &self.from);
        let to = forms::date(&mut e, "to", &self.to);
        let weekdays = WEEKDAYS.iter().filter(|(_, name)| self.day_checked(name)).map(|(d, _)| *d).collect();
        let price = match (self.price_clear.is_some(), forms::clean(&self.price).as_str()) {
            (true, _) => Some(None),
            (false, "") => None,
            (false, raw) => forms::amount_or_zero(&mut e, "price", raw, tr).map(Some),
        };
        let stay = |e: &mut FieldErrors, field, raw: &str, clear: bool| match (clear, forms::clean(raw).as_str()) {
            (true, _) => Some(None),
            (false, "") => None,
            (false, raw) => forms::integer(e, field, raw, 1, 60).map(|n| Some(n as i32)),
        };
        let min_stay = stay(&mut e, "min_stay", &self.min_stay, self.min_stay_clear.is_some());
        let max_stay = stay(&mut e, "max_stay", &self.max_stay, self.max_stay_clear.is_some());
        let flag = |value: &str| match value {
            "set" => Some(true),
            "clear" => Some(false),
            _ => None,
        };
        let change = DayChange {
            price,
            min_stay,
            max_stay,
            closed: flag(&self.closed),
            closed_to_arrival: flag(&self.closed_to_arrival),
            closed_to_departure: flag(&self.closed_to_departure),
        };
        match (plan, from, to) {
            (Some(plan), Some(from), Some(to)) if e.is_empty() => {
                Ok(CalendarChange { plan, room_types, from, to, weekdays, change })
            }
            _ => Err(e),
        }
    }
}

/// One plan's date: its price, and its restrictions.
pub struct PriceCell {
    pub rule: DayRule,
    pub weekend: bool,
}

pub struct PlanRow {
    pub plan: RatePlan,
    pub cells: Vec<PriceCell>,
}

/// A room type: its rooms left per night, and the plans that sell it.
pub struct TypeBlock {
    pub room_type: RoomType,
    pub left: Vec<i64>,
    pub plans: Vec<PlanRow>,
}

pub struct Day {
    pub date: NaiveDate,
    pub weekend: bool,
}

#[derive(Template)]
#[template(path = "rates/calendar.html")]
struct RatesPage {
    chrome: Chrome,
    hotels: Vec<Hotel>,
    hotel: Option<Hotel>,
    room_types: Vec<RoomType>,
    plans: Vec<RatePlan>,
    days: Vec<Day>,
    blocks: Vec<TypeBlock>,
    start: NaiveDate,
    length: i64,
    today: NaiveDate,
    form: BulkForm,
    errors: FieldErrors,
    weekdays: [(Weekday, &'static str); 7],
}

impl RatesPage {
    fn link(&self, start: NaiveDate, length: i64) -> String {
        let hotel = self.hotel.as_ref().map(|h| h.id.to_string()).unwrap_or_default();
        format!("{}?hotel={hotel}&start={start}&days={length}", urls::rates())
    }
    pub fn prev(&self) -> String {
        self.link(self.start - Duration::days(self.length), self.length)
    }
    pub fn next(&self) -> String {
        self.link(self.start + Duration::days(self.length), self.length)
    }
    pub fn this_week(&self) -> String {
        self.link(self.today, self.length)
    }
    pub fn with_length(&self, days: i64) -> String {
        self.link(self.start, days)
    }
    pub fn last_day(&self) -> NaiveDate {
        self.start + Duration::days(self.length - 1)
    }
    /// The catalogue key of a weekday's name.
    pub fn weekday_key(&self, day: &Weekday) -> &'static str {
        match day {
            Weekday::Mon => "weekday-mon",
            Weekday::Tue => "weekday-tue",
            Weekday::Wed => "weekday-wed",
            Weekday::Thu => "weekday-thu",
            Weekday::Fri => "weekday-fri",
            Weekday::Sat => "weekday-sat",
            Weekday::Sun => "weekday-sun",
        }
    }
    /// The bulk editor's choice for a flag (`keep` when none).
    pub fn flag(&self, field: &str) -> &str {
        let value = match field {
            "closed" => &self.form.closed,
            "closed_to_arrival" => &self.form.closed_to_arrival,
            _ => &self.form.closed_to_departure,
        };
        if value.is_empty() {
            "keep"
        } else {
            value
        }
    }
    /// The name of the plan a derived plan follows.
    pub fn parent_name(&self, plan: &RatePlan) -> String {
        let parent = plan.parent_id.and_then(|id| self.plans.iter().find(|p| p.id == id));
        parent.map(|p| p.code.clone()).unwrap_or_default()
    }
    /// A derived plan's adjustment, as people read it: `−10 %`, `+R$ 40,00`.
    pub fn adjustment(&self, plan: &RatePlan) -> String {
        let Some(d) = plan.derivation() else { return String::new() };
        let sign = if d.value < 0 { "−" } else { "+" };
        let magnitude = match d.kind {
            crate::domain::Adjustment::Percent => self.chrome.percent(d.value.abs() as f64 / 10_000.0),
            crate::domain::Adjustment::Amount => self.chrome.money(d.value.abs()),
        };
        format!("{sign}{magnitude}")
    }
}

/// What the page shows: the hotel's room types, plans and calendar over the window.
struct Shown {
    hotels: Vec<Hotel>,
    hotel: Option<Hotel>,
    room_types: Vec<RoomType>,
    plans: Vec<RatePlan>,
    blocks: Vec<TypeBlock>,
    start: NaiveDate,
    today: NaiveDate,
}

fn load(
    s: &mut crate::db::TenantScope<'_>,
    m: &super::extract::Member,
    wanted: Option<HotelId>,
    asked_start: Option<NaiveDate>,
    length: i64,
) -> Result<Shown, AppError> {
    let hotels = s.hotels().list()?;
    let hotel = match wanted {
        Some(id) => Some(s.hotels().get(id)?),
        None => hotels.iter().find(|h| h.is_active).or(hotels.first()).cloned(),
    };
    let tz = hotel.as_ref().map_or(m.acting.tenant.timezone.clone(), |h| h.timezone.clone());
    let today = today_in(&tz, Utc::now());
    let start = asked_start.unwrap_or(today);
    let Some(h) = &hotel else {
        return Ok(Shown { hotels, hotel, room_types: vec![], plans: vec![], blocks: vec![], start, today });
    };
    let end = start + Duration::days(length);
    let room_types: Vec<RoomType> = s.room_types().list(Some(h.id))?.into_iter().filter(|t| t.is_active).collect();
    let overbooking = m.acting.tenant.settings().overbooking_percent;
    let inventory =
        Inventory::load(s, Window { hotel: h.id, check_in: start, check_out: end, except: None }, overbooking)?;
    let book = RateBook::load(s, h.id, None, start, end)?;
    let ids: Vec<RoomTypeId> = room_types.iter().map(|t| t.id).collect();
    let availability = inventory.by_type(&ids);
    let days: Vec<NaiveDate> = (0..length).map(|i| start + Duration::days(i)).collect();
    let blocks = room_types
        .iter()
        .map(|t| {
            let left = availability
                .iter()
                .find(|a| a.room_type == t.id)
                .map(|a| a.nights.iter().map(|(_, _, free)| (*free).max(0)).collect())
                .unwrap_or_default();
            let plans = book
                .plans()
                .iter()
                .filter_map(|p| {
                    let calendar = book.calendar(p.id, t.id)?;
                    let cells = days
                        .iter()
                        .map(|d| PriceCell { rule: calendar.rule_on(*d), weekend: is_weekend(*d) })
                        .collect();
                    Some(PlanRow { plan: p.clone(), cells })
                })
                .collect();
            TypeBlock { room_type: t.clone(), left, plans }
        })
        .collect();
    Ok(Shown { hotels, hotel, room_types, plans: book.plans().to_vec(), blocks, start, today })
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn window(q_days: &str, q_start: &str) -> (i64, Option<NaiveDate>) {
    let length = if q_days.trim() == "30" { 30 } else { 14 };
    (length, forms::day(q_start))
}

async fn page(
    ctx: &TenantCtx,
    state: &State,
    wanted: Option<HotelId>,
    (length, start): (i64, Option<NaiveDate>),
    form: Option<BulkForm>,
    errors: FieldErrors,
) -> Reply {
    let (view, shown) = ctx.read(state, move |s, m| Ok((m.view(), load(s, m, wanted, start, length)?))).await?;
    let Shown { hotels, hotel, room_types, plans, blocks, start, today } = shown;
    let days =
        (0..length).map(|i| start + Duration::days(i)).map(|date| Day { date, weekend: is_weekend(date) }).collect();
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let form = form.unwrap_or_else(|| BulkForm::blank(start, length));
    let chrome = Chrome::new(ctx, view, "rates");
    let page = RatesPage {
        chrome,
        hotels,
        hotel,
        room_types,
        plans,
        days,
        blocks,
        start,
        length,
        today,
        form,
        errors,
        weekdays: WEEKDAYS,
    };
    render(status, &page)
}

pub async fn calendar(ctx: TenantCtx, state: State, query: web::Query<RatesQuery>) -> Reply {
    let q = query.into_inner();
    page(&ctx, &state, q.hotel.parse().ok(), window(&q.days, &q.start), None, FieldErrors::default()).await
}

/// The bulk editor: applies the change (see `stays::change_calendar`) and goes back to
/// the calendar, or shows the form again with a message per field.
pub async fn bulk_update(ctx: TenantCtx, state: State, form: web::Form<BulkForm>) -> Reply {
    let form = form.into_inner();
    let submitted = form.clone();
    let result = ctx
        .write(&state, move |s, m| {
            let change = match submitted.parse(&m.view().tr) {
                Ok(change) => change,
                Err(errors) => return Ok(Err(errors)),
            };
            let plan = s.rate_plans().get(change.plan)?;
            let changed = stays::change_calendar(s, m, &change)?;
            Ok(Ok((plan, changed)))
        })
        .await;
    let wanted: Option<HotelId> = form.hotel.parse().ok();
    let errors = match result {
        Ok(Ok((plan, changed))) => {
            ctx.flash("success", Msg::new("rates-changed").arg("count", changed).arg("plan", &plan.name));
            let back = format!("{}?hotel={}&start={}&days={}", urls::rates(), plan.hotel_id, form.start, form.days);
            return Ok(see_other(&back));
        }
        Ok(Err(errors)) => errors,
        Err(AppError::Refused(refused)) => {
            let mut errors = FieldErrors::default();
            if !refused_field(&mut errors, &refused) {
                errors.add("rate_plan", refused.msg());
            }
            errors
        }
        Err(e) => return Err(e),
    };
    page(&ctx, &state, wanted, window(&form.days, &form.start), Some(form), errors).await
}
