//! The prices both generators give a hotel: a best-available plan (`BAR`) selling every
//! room type at its rate, with weekend prices and a two-night minimum on some Fridays, and
//! a non-refundable plan (`NRF`) that follows it at −10 %, paid in full at booking, and
//! breakfast included (`BB`) at BAR plus 25.00 a night. The
//! rows are built here; `demo` writes them through the repositories, `bulk` in bulk.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::db::rates::{RateDay, RatePlan, RatePlanPrice};
use crate::domain::enums::{Adjustment, ChargeBasis};
use crate::domain::ids::{HotelId, RatePlanId, RoomTypeId, TenantId};
use crate::domain::rates::{percent_of, DayRule, Derivation, PlanCalendar};
use crate::domain::Timestamp;

/// Weekend nights cost this much more (hundredths of a percent).
const WEEKEND_MARKUP: i64 = 2000;
/// The non-refundable plan's discount.
const NRF_DISCOUNT: i64 = -1000;
/// What breakfast adds to a night, in minor units.
const BREAKFAST: i64 = 2500;

/// A hotel's two plans, their rows, and the calendars that price its stays.
pub struct HotelRates {
    pub plans: Vec<RatePlan>,
    pub prices: Vec<RatePlanPrice>,
    pub days: Vec<RateDay>,
    /// Per room type: (BAR's calendar, NRF's calendar).
    calendars: BTreeMap<RoomTypeId, (PlanCalendar, PlanCalendar)>,
}

impl HotelRates {
    pub fn bar(&self) -> RatePlanId {
        self.plans[0].id
    }
    pub fn nrf(&self) -> RatePlanId {
        self.plans[1].id
    }
    /// Breakfast included: BAR plus a fixed amount a night.
    pub fn bb(&self) -> RatePlanId {
        self.plans[2].id
    }

    /// Each night's price of a stay on BAR (or on NRF).
    pub fn nights(
        &self,
        room_type: RoomTypeId,
        check_in: NaiveDate,
        check_out: NaiveDate,
        nrf: bool,
    ) -> Vec<(NaiveDate, i64)> {
        let Some((bar, non_refundable)) = self.calendars.get(&room_type) else { return Vec::new() };
        let calendar = if nrf { non_refundable } else { bar };
        calendar.prices(check_in, check_out).nights
    }
}

fn plan(tenant: TenantId, hotel: HotelId, code: &str, name: String, now: Timestamp) -> RatePlan {
    RatePlan {
        tenant_id: tenant,
        id: RatePlanId::new(),
        hotel_id: hotel,
        code: code.into(),
        name,
        parent_id: None,
        adjust_kind: None,
        adjust_value: None,
        is_active: true,
        deposit_kind: ChargeBasis::Nothing,
        deposit_value: 0,
        deposit_due_days: 0,
        cancel_hours: Some(24),
        penalty_kind: ChargeBasis::FirstNight,
        penalty_value: 0,
        no_show_kind: ChargeBasis::FirstNight,
        no_show_value: 0,
        created_at: now,
        updated_at: now,
        version: 1,
    }
}

/// The plans of one hotel selling `types` (id and rate), with dates set from `from` for
/// `days` days. `names` are the plans' names in the organization's language.
pub fn hotel_rates(
    tenant: TenantId,
    hotel: HotelId,
    types: &[(RoomTypeId, i64)],
    names: (String, String, String),
    from: NaiveDate,
    days: i64,
    now: Timestamp,
) -> HotelRates {
    let bar = plan(tenant, hotel, "BAR", names.0, now);
    let derivation = Derivation { kind: Adjustment::Percent, value: NRF_DISCOUNT };
    let nrf = RatePlan {
        parent_id: Some(bar.id),
        adjust_kind: Some(derivation.kind),
        adjust_value: Some(derivation.value),
        deposit_kind: ChargeBasis::Percent,
        deposit_value: 10_000,
        cancel_hours: None,
        penalty_kind: ChargeBasis::Percent,
        penalty_value: 10_000,
        no_show_kind: ChargeBasis::Percent,
        no_show_value: 10_000,
        ..plan(tenant, hotel, "NRF", names.1, now)
    };
    let breakfast = RatePlan {
        parent_id: Some(bar.id),
        adjust_kind: Some(Adjustment::Amount),
        adjust_value: Some(BREAKFAST),
        ..plan(tenant, hotel, "BB", names.2, now)
    };
    let mut rates = HotelRates { prices: Vec::new(), days: Vec::new(), calendars: BTreeMap::new(), plans: vec![] };
    for &(room_type, rate) in types {
        let price = |plan: &RatePlan, price| RatePlanPrice {
            tenant_id: tenant,
            rate_plan_id: plan.id,
            room_type_id: room_type,
            hotel_id: hotel,
            price,
        };
        rates.prices.push(price(&bar, Some(rate)));
        rates.prices.push(price(&nrf, None));
        rates.prices.push(price(&breakfast, None));
        let mut calendar = PlanCalendar::flat(rate);
        for offset in 0..days {
            let day = from + Duration::days(offset);
            let rule = match day.weekday() {
                Weekday::Fri => DayRule {
                    price: Some(rate + percent_of(rate, WEEKEND_MARKUP)),
                    // A two-night minimum on every fourth Friday.
                    min_stay: (day.ordinal() % 28 < 7).then_some(2),
                    ..DayRule::default()
                },
                Weekday::Sat => DayRule { price: Some(rate + percent_of(rate, WEEKEND_MARKUP)), ..DayRule::default() },
                _ => continue,
            };
            calendar.days.insert(day, rule);
            rates.days.push(RateDay { tenant_id: tenant, ..RateDay::of(bar.id, room_type, day, rule) });
        }
        let derived = PlanCalendar {
            base: derivation.apply(rate),
            days: BTreeMap::new(),
            parent: Some((derivation, Box::new(calendar.clone()))),
        };
        rates.calendars.insert(room_type, (calendar, derived));
    }
    rates.plans = vec![bar, nrf, breakfast];
    rates
}
