//! Prices: a hotel's rate plans read into calendars (`RateBook`), what each plan sells a
//! stay at (`sales`, `price_stay`), and the bulk editor of the rate calendar
//! (`change_calendar`).

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{Actor, Refused, StayResult};
use crate::db::audit::Event;
use crate::db::rates::{RateDay, RatePlan};
use crate::db::room_types::RoomType;
use crate::db::{DbError, TenantScope};
use crate::domain::message::Msg;
use crate::domain::rates::{DayChange, DayRule, PlanCalendar, Quote, RateRefusal};
use crate::domain::{HotelId, RatePlanId, RoomTypeId};

/// The most dates one bulk change covers.
pub const MAX_CALENDAR_DAYS: i64 = 366;

/// A hotel's rate plans with their calendars over some dates, per room type.
#[derive(Clone, Debug, Default)]
pub struct RateBook {
    plans: Vec<RatePlan>,
    calendars: HashMap<(RatePlanId, RoomTypeId), PlanCalendar>,
}

impl RateBook {
    /// The plans of `hotel` (all, active or not) and their calendars from `from` to `to`
    /// (both included), for `room_type` only or for every room type.
    pub fn load(
        s: &mut TenantScope<'_>,
        hotel: HotelId,
        room_type: Option<RoomTypeId>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StayResult<RateBook> {
        let plans = s.rate_plans().list(Some(hotel))?;
        if plans.is_empty() {
            return Ok(RateBook::default());
        }
        let ids: Vec<RatePlanId> = plans.iter().map(|p| p.id).collect();
        let prices = s.rate_plans().prices(hotel)?;
        let days = s.rate_plans().days(&ids, from, to)?;
        let mut by_key: HashMap<(RatePlanId, RoomTypeId), PlanCalendar> = HashMap::new();
        for p in prices.iter().filter(|p| room_type.is_none_or(|t| t == p.room_type_id)) {
            by_key.insert((p.rate_plan_id, p.room_type_id), PlanCalendar::flat(p.price.unwrap_or(0)));
        }
        for d in days.iter().filter(|d| room_type.is_none_or(|t| t == d.room_type_id)) {
            if let Some(c) = by_key.get_mut(&(d.rate_plan_id, d.room_type_id)) {
                c.days.insert(d.day, d.rule());
            }
        }
        // A derived plan's calendar holds its parent's (parents are base plans).
        let mut calendars = HashMap::new();
        for ((plan_id, type_id), own) in &by_key {
            let Some(plan) = plans.iter().find(|p| p.id == *plan_id) else { continue };
            let calendar = match (plan.parent_id, plan.derivation()) {
                (Some(parent), Some(derivation)) => {
                    let Some(parent) = by_key.get(&(parent, *type_id)) else { continue };
                    PlanCalendar {
                        base: derivation.apply(parent.base),
                        days: own.days.clone(),
                        parent: Some((derivation, Box::new(parent.clone()))),
                    }
                }
                _ => own.clone(),
            };
            calendars.insert((*plan_id, *type_id), calendar);
        }
        Ok(RateBook { plans, calendars })
    }

    pub fn plans(&self) -> &[RatePlan] {
        &self.plans
    }

    pub fn calendar(&self, plan: RatePlanId, room_type: RoomTypeId) -> Option<&PlanCalendar> {
        self.calendars.get(&(plan, room_type))
    }

    /// The active plans that sell `room_type`, base plans first, by code.
    pub fn selling(&self, room_type: RoomTypeId) -> impl Iterator<Item = &RatePlan> {
        self.plans.iter().filter(move |p| p.is_active && self.calendars.contains_key(&(p.id, room_type)))
    }
}

/// What one plan sells a stay at: its nights and total, or the restriction that refuses it.
/// `plan` is `None` for the room type's rack rate (no active plan sells the room type).
#[derive(Clone, Debug)]
pub struct Sale {
    pub plan: Option<RatePlan>,
    pub quote: Result<Quote, RateRefusal>,
}

/// Every way `room_type` is sold for the stay: each active plan that sells it, or the rack
/// rate when none does.
pub fn sales(book: &RateBook, room_type: &RoomType, check_in: NaiveDate, check_out: NaiveDate) -> Vec<Sale> {
    let sales: Vec<Sale> = book
        .selling(room_type.id)
        .filter_map(|plan| {
            let calendar = book.calendar(plan.id, room_type.id)?;
            Some(Sale { plan: Some(plan.clone()), quote: calendar.quote(check_in, check_out) })
        })
        .collect();
    if sales.is_empty() {
        let rack = PlanCalendar::flat(room_type.base_rate).prices(check_in, check_out);
        return vec![Sale { plan: None, quote: Ok(rack) }];
    }
    sales
}

/// The plan a booking is made on and the stay's price under it. `plan` `None` takes the
/// first plan that sells the room type (a base plan, by code), or the rack rate when none
/// does. A plan of another tenant is not found; one that does not sell the room type, or
/// whose restrictions refuse the dates, is refused, naming the restriction and the date.
pub fn price_stay(
    book: &RateBook,
    room_type: &RoomType,
    plan: Option<RatePlanId>,
    check_in: NaiveDate,
    check_out: NaiveDate,
) -> StayResult<(Option<RatePlan>, Quote)> {
    let chosen = match plan {
        Some(id) => {
            let plan = book.plans().iter().find(|p| p.id == id).ok_or(DbError::NotFound)?;
            if !book.selling(room_type.id).any(|p| p.id == id) {
                return Err(Refused::PlanNotSold { plan: plan.name.clone(), room_type: room_type.name.clone() }.into());
            }
            Some(plan)
        }
        None => book.selling(room_type.id).next(),
    };
    let Some(plan) = chosen else {
        return Ok((None, PlanCalendar::flat(room_type.base_rate).prices(check_in, check_out)));
    };
    let calendar = book.calendar(plan.id, room_type.id).ok_or(DbError::NotFound)?;
    let quote =
        calendar.quote(check_in, check_out).map_err(|refusal| Refused::Rate { plan: plan.name.clone(), refusal })?;
    Ok((Some(plan.clone()), quote))
}

/// A bulk change of the rate calendar: for plan `plan`, the room types `room_types` (none:
/// every one it sells), each date from `from` to `to` (both included) on `weekdays`.
#[derive(Clone, Debug)]
pub struct CalendarChange {
    pub plan: RatePlanId,
    pub room_types: Vec<RoomTypeId>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub weekdays: Vec<Weekday>,
    pub change: DayChange,
}

impl CalendarChange {
    /// The dates it covers.
    pub fn days(&self) -> Vec<NaiveDate> {
        let mut days = Vec::new();
        let mut day = self.from;
        while day <= self.to {
            if self.weekdays.contains(&day.weekday()) {
                days.push(day);
            }
            day += Duration::days(1);
        }
        days
    }
}

fn calendar_refusal(field: &'static str, message: Msg) -> Refused {
    Refused::Calendar { field, message }
}

/// Applies `c` to every date it covers and answers how many dates of how many room types
/// changed. Refuses an empty change, a range backwards or longer than a year, no weekday,
/// and a minimum stay above the maximum on some date (naming it). Audited once.
pub fn change_calendar(s: &mut TenantScope<'_>, actor: &impl Actor, c: &CalendarChange) -> StayResult<usize> {
    if c.to < c.from {
        return Err(calendar_refusal("to", Msg::new("rates-to-before-from")).into());
    }
    if (c.to - c.from).num_days() >= MAX_CALENDAR_DAYS {
        return Err(calendar_refusal("to", Msg::new("rates-range-too-long").arg("days", MAX_CALENDAR_DAYS)).into());
    }
    if c.weekdays.is_empty() {
        return Err(calendar_refusal("weekdays", Msg::new("rates-no-weekday")).into());
    }
    if c.change.is_empty() {
        return Err(calendar_refusal("price", Msg::new("rates-nothing-to-change")).into());
    }
    let plan = s.rate_plans().get(c.plan)?;
    let sold: Vec<RoomTypeId> = s
        .rate_plans()
        .prices(plan.hotel_id)?
        .into_iter()
        .filter(|p| p.rate_plan_id == plan.id)
        .map(|p| p.room_type_id)
        .collect();
    let types: Vec<RoomTypeId> = if c.room_types.is_empty() { sold.clone() } else { c.room_types.clone() };
    if let Some(missing) = types.iter().find(|t| !sold.contains(t)) {
        let name = s.room_types().get(*missing)?.name;
        return Err(Refused::PlanNotSold { plan: plan.name, room_type: name }.into());
    }
    let days = c.days();
    let existing = s.rate_plans().days(&[plan.id], c.from, c.to)?;
    let mut changed = 0;
    for room_type in &types {
        let mut rows = Vec::with_capacity(days.len());
        for day in &days {
            let before = existing
                .iter()
                .find(|d| d.room_type_id == *room_type && d.day == *day)
                .map(RateDay::rule)
                .unwrap_or_default();
            let after = c.change.apply(before);
            if let (Some(min), Some(max)) = (after.min_stay, after.max_stay) {
                if min > max {
                    let message = Msg::new("rates-min-above-max").arg("day", *day).arg("min", min).arg("max", max);
                    return Err(calendar_refusal("max_stay", message).into());
                }
            }
            if after != DayRule::default() {
                rows.push(RateDay::of(plan.id, *room_type, *day, after));
            }
        }
        s.rate_plans().replace_days(plan.id, *room_type, &days, rows)?;
        changed += days.len();
    }
    let weekdays: Vec<String> = c.weekdays.iter().map(|d| d.to_string()).collect();
    let event = Event::new("rates.update", "rate_plan", plan.id).after(serde_json::json!({
        "from": c.from, "to": c.to, "weekdays": weekdays, "room_types": types,
        "price": c.change.price, "min_stay": c.change.min_stay, "max_stay": c.change.max_stay,
        "closed": c.change.closed, "closed_to_arrival": c.change.closed_to_arrival,
        "closed_to_departure": c.change.closed_to_departure, "dates": changed,
    }));
    actor.audit(s, event)?;
    Ok(changed)
}

/// A stay's nights after its dates moved: the price of each night it adds, and the
/// average and total of all its nights.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Renighted {
    pub added: Vec<(NaiveDate, i64)>,
    pub nightly_rate: i64,
    pub total: i64,
}

/// Moves the nights of stay `r` to `[check_in, check_out)`: the nights it keeps keep the
/// price they were booked at; the nights it adds take the stay's plan's price of today
/// for those dates (its restrictions aside: the guest is staying), or the room type's rate
/// when the plan no longer sells it. A stay booked before rate plans (no nights stored)
/// keeps its one rate for every night.
pub(super) fn renight(
    s: &mut TenantScope<'_>,
    r: &crate::db::reservations::Reservation,
    room_type: &RoomType,
    check_in: NaiveDate,
    check_out: NaiveDate,
) -> StayResult<Renighted> {
    use crate::db::nights::ReservationNight;
    let existing = s.nights().of(r.id)?;
    let kept: Vec<&ReservationNight> = existing.iter().filter(|n| n.night >= check_in && n.night < check_out).collect();
    let missing: Vec<NaiveDate> = crate::domain::availability::nights(check_in, check_out)
        .filter(|night| !kept.iter().any(|k| k.night == *night))
        .collect();
    let plan = existing.first().and_then(|n| n.rate_plan_id);
    let mut added = Vec::with_capacity(missing.len());
    if let (Some(first), Some(last)) = (missing.first(), missing.last()) {
        let book = RateBook::load(s, r.hotel_id, Some(room_type.id), *first, *last)?;
        let calendar = plan.and_then(|p| book.calendar(p, room_type.id));
        for night in &missing {
            let price = match calendar {
                Some(c) => c.price_on(*night),
                None if existing.is_empty() => r.nightly_rate,
                None => room_type.base_rate,
            };
            added.push((*night, price));
        }
    }
    s.nights().keep_only(r.id, check_in, check_out)?;
    let rows = added.iter().map(|(night, price)| ReservationNight::new(r.id, *night, plan, *price)).collect();
    s.nights().write(rows)?;
    let total: i64 = kept.iter().map(|n| n.price).sum::<i64>() + added.iter().map(|(_, p)| p).sum::<i64>();
    let count = (check_out - check_in).num_days().max(1);
    // A legacy stay's added nights are not news: it had no nights stored at all.
    let added = if existing.is_empty() { Vec::new() } else { added };
    Ok(Renighted { added, nightly_rate: total / count, total })
}
