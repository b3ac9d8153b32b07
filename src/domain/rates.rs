//! Pricing a stay: a rate plan's price and restrictions night by night, and the charges
//! of its policy. Pure: the database layer loads a [`PlanCalendar`], this answers.
//!
//! * A **base plan** sells a room type at a base nightly price; a date may override it.
//! * A **derived plan** follows its parent: each night the parent's price (its override
//!   or its base) adjusted by a percentage or a fixed amount, unless the derived plan
//!   overrides that date itself. It also keeps the parent's restrictions, adding its own
//!   (the stricter of both applies).
//! * **Restrictions** of a date: closed (no stay may sleep that night), closed to arrival,
//!   closed to departure (read on the departure date, which is not a night of the stay),
//!   and a minimum and maximum stay for an arrival that date.
//!
//! Percentages are in hundredths of a percent (`-1000` is −10 %). Every amount is in the
//! currency's minor units and rounded to them half away from zero, per night (a derived
//! price) or once per charge (a policy's percentage of the stay).

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::enums::{Adjustment, ChargeBasis};

/// 100 % in hundredths of a percent.
pub const HUNDRED_PERCENT: i64 = 10_000;

/// `amount × bp / 10 000`, rounded to the minor unit half away from zero.
pub fn percent_of(amount: i64, bp: i64) -> i64 {
    let product = amount as i128 * bp as i128;
    let half = HUNDRED_PERCENT as i128 / 2;
    let rounded = if product >= 0 { (product + half) / 10_000 } else { (product - half) / 10_000 };
    rounded as i64
}

/// How a derived plan follows its parent: a percentage (hundredths) or a fixed amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Derivation {
    pub kind: Adjustment,
    pub value: i64,
}

impl Derivation {
    /// The parent's price of a night, adjusted; never below zero.
    pub fn apply(self, parent: i64) -> i64 {
        let adjusted = match self.kind {
            Adjustment::Percent => parent + percent_of(parent, self.value),
            Adjustment::Amount => parent + self.value,
        };
        adjusted.max(0)
    }
}

/// What a date of the rate calendar says for one plan and room type. The default is an
/// open date at the base price.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayRule {
    pub price: Option<i64>,
    pub min_stay: Option<i32>,
    pub max_stay: Option<i32>,
    pub closed: bool,
    pub closed_to_arrival: bool,
    pub closed_to_departure: bool,
}

impl DayRule {
    /// The restrictions of both (the stricter of each), and this one's price.
    fn with_restrictions_of(self, other: DayRule) -> DayRule {
        let tighter = |a: Option<i32>, b: Option<i32>, pick: fn(i32, i32) -> i32| match (a, b) {
            (Some(a), Some(b)) => Some(pick(a, b)),
            (a, b) => a.or(b),
        };
        DayRule {
            price: self.price,
            min_stay: tighter(self.min_stay, other.min_stay, i32::max),
            max_stay: tighter(self.max_stay, other.max_stay, i32::min),
            closed: self.closed || other.closed,
            closed_to_arrival: self.closed_to_arrival || other.closed_to_arrival,
            closed_to_departure: self.closed_to_departure || other.closed_to_departure,
        }
    }

    /// Whether it restricts anything (the calendar marks such dates).
    pub fn restricts(&self) -> bool {
        self.closed
            || self.closed_to_arrival
            || self.closed_to_departure
            || self.min_stay.is_some_and(|n| n > 1)
            || self.max_stay.is_some()
    }
}

/// One plan's prices and restrictions for one room type, over the dates loaded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanCalendar {
    /// The base nightly price (a derived plan's is its parent's, adjusted).
    pub base: i64,
    pub days: BTreeMap<NaiveDate, DayRule>,
    /// A derived plan's parent, and how it follows it.
    pub parent: Option<(Derivation, Box<PlanCalendar>)>,
}

/// Why a plan cannot sell a stay: the restriction, and the date it sits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateRefusal {
    /// The night `0` is closed.
    Closed(NaiveDate),
    ClosedToArrival(NaiveDate),
    ClosedToDeparture(NaiveDate),
    /// An arrival on `day` must stay at least `nights`.
    MinStay {
        day: NaiveDate,
        nights: i32,
    },
    /// An arrival on `day` may stay at most `nights`.
    MaxStay {
        day: NaiveDate,
        nights: i32,
    },
}

/// A stay priced: each night's price, and the total.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quote {
    pub nights: Vec<(NaiveDate, i64)>,
    pub total: i64,
}

impl Quote {
    pub fn first_night(&self) -> i64 {
        self.nights.first().map_or(0, |(_, p)| *p)
    }
}

impl PlanCalendar {
    /// A plan at one price every night, with no dates set.
    pub fn flat(base: i64) -> Self {
        Self { base, ..Self::default() }
    }

    /// The price of the night of `day`.
    pub fn price_on(&self, day: NaiveDate) -> i64 {
        let own = self.days.get(&day).and_then(|d| d.price);
        match (own, &self.parent) {
            (Some(price), _) => price,
            (None, Some((derivation, parent))) => derivation.apply(parent.price_on(day)),
            (None, None) => self.base,
        }
    }

    /// The restrictions of `day`: this plan's, and its parent's.
    pub fn rule_on(&self, day: NaiveDate) -> DayRule {
        let own = self.days.get(&day).copied().unwrap_or_default();
        let rule = match &self.parent {
            Some((_, parent)) => own.with_restrictions_of(parent.rule_on(day)),
            None => own,
        };
        DayRule { price: Some(self.price_on(day)), ..rule }
    }

    /// Each night's price from `check_in` to `check_out`, whatever the restrictions (what
    /// a stay edit charges for the nights it adds).
    pub fn prices(&self, check_in: NaiveDate, check_out: NaiveDate) -> Quote {
        let nights: Vec<(NaiveDate, i64)> =
            super::availability::nights(check_in, check_out).map(|n| (n, self.price_on(n))).collect();
        let total = nights.iter().map(|(_, p)| p).sum();
        Quote { nights, total }
    }

    /// The stay priced, or the first restriction that refuses it: closed to arrival, the
    /// arrival's minimum and maximum stay, a closed night, closed to departure.
    pub fn quote(&self, check_in: NaiveDate, check_out: NaiveDate) -> Result<Quote, RateRefusal> {
        let arrival = self.rule_on(check_in);
        let length = (check_out - check_in).num_days() as i32;
        if arrival.closed_to_arrival {
            return Err(RateRefusal::ClosedToArrival(check_in));
        }
        if let Some(min) = arrival.min_stay.filter(|min| length < *min) {
            return Err(RateRefusal::MinStay { day: check_in, nights: min });
        }
        if let Some(max) = arrival.max_stay.filter(|max| length > *max) {
            return Err(RateRefusal::MaxStay { day: check_in, nights: max });
        }
        let mut night = check_in;
        while night < check_out {
            if self.rule_on(night).closed {
                return Err(RateRefusal::Closed(night));
            }
            night += Duration::days(1);
        }
        if self.rule_on(check_out).closed_to_departure {
            return Err(RateRefusal::ClosedToDeparture(check_out));
        }
        Ok(self.prices(check_in, check_out))
    }
}

/// The hour (hotel time) a stay counts as arriving on its check-in date, for its
/// cancellation deadline: the usual check-in hour.
pub const ARRIVAL_HOUR: u32 = 15;

/// The last moment (hotel time) a stay arriving `check_in` may be cancelled free under a
/// deadline of `cancel_hours` before arrival; `None` when it never may (non-refundable).
pub fn free_until(check_in: NaiveDate, cancel_hours: Option<i32>) -> Option<NaiveDateTime> {
    let arrival = check_in.and_hms_opt(ARRIVAL_HOUR, 0, 0)?;
    cancel_hours.map(|hours| arrival - Duration::hours(i64::from(hours)))
}

/// A policy's deposit, penalty or fee: what it is based on, and its value (hundredths of
/// a percent for `Percent`, minor units for `Amount`, unused otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Charge {
    pub basis: ChargeBasis,
    pub value: i64,
}

impl Charge {
    pub const NONE: Charge = Charge { basis: ChargeBasis::Nothing, value: 0 };

    /// What it comes to for a stay priced `quote`: a percentage of the stay's total, its
    /// first night, or the fixed amount (never more than the stay's total).
    pub fn amount(self, quote: &Quote) -> i64 {
        let due = match self.basis {
            ChargeBasis::Nothing => 0,
            ChargeBasis::Percent => percent_of(quote.total, self.value),
            ChargeBasis::FirstNight => quote.first_night(),
            ChargeBasis::Amount => self.value,
        };
        due.clamp(0, quote.total)
    }

    pub fn is_none(self) -> bool {
        self.basis == ChargeBasis::Nothing
    }
}

/// A change the bulk editor makes to each date it covers: `None` leaves a value as it is,
/// `Some(None)` clears it, `Some(Some(v))` sets it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayChange {
    pub price: Option<Option<i64>>,
    pub min_stay: Option<Option<i32>>,
    pub max_stay: Option<Option<i32>>,
    pub closed: Option<bool>,
    pub closed_to_arrival: Option<bool>,
    pub closed_to_departure: Option<bool>,
}

impl DayChange {
    /// Whether it changes nothing at all.
    pub fn is_empty(&self) -> bool {
        *self == DayChange::default()
    }

    pub fn apply(&self, day: DayRule) -> DayRule {
        DayRule {
            price: self.price.unwrap_or(day.price),
            min_stay: self.min_stay.unwrap_or(day.min_stay),
            max_stay: self.max_stay.unwrap_or(day.max_stay),
            closed: self.closed.unwrap_or(day.closed),
            closed_to_arrival: self.closed_to_arrival.unwrap_or(day.closed_to_arrival),
            closed_to_departure: self.closed_to_departure.unwrap_or(day.closed_to_departure),
        }
    }
}

// Amounts in the tests are written as units_cents (`420_00` is 420.00).
#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, day).unwrap()
    }

    #[test]
    fn percentages_round_half_away_from_zero_in_minor_units() {
        // 10 % of 123.45 is 12.345 → 12.35; of 12.35 is 1.235 → 1.24; of 12.34 is 1.234 → 1.23.
        assert_eq!(percent_of(123_45, 1000), 12_35);
        assert_eq!(percent_of(12_34, 1000), 1_23);
        assert_eq!(percent_of(1235, 1000), 124);
        assert_eq!(percent_of(-1235, 1000), -124);
        assert_eq!(percent_of(333, 3333), 111);
        assert_eq!(percent_of(0, 1000), 0);
    }

    #[test]
    fn a_derived_plan_follows_the_parents_price_and_override_night_by_night() {
        let mut parent = PlanCalendar::flat(200_00);
        parent.days.insert(d(8), DayRule { price: Some(420_00), ..DayRule::default() });
        let non_refundable = PlanCalendar {
            base: 0,
            days: BTreeMap::new(),
            parent: Some((Derivation { kind: Adjustment::Percent, value: -1000 }, Box::new(parent.clone()))),
        };
        let q = non_refundable.quote(d(7), d(10)).unwrap();
        assert_eq!(q.nights, vec![(d(7), 180_00), (d(8), 378_00), (d(9), 180_00)]);
        assert_eq!(q.total, 738_00);
        let breakfast = PlanCalendar {
            parent: Some((Derivation { kind: Adjustment::Amount, value: 40_00 }, Box::new(parent))),
            ..PlanCalendar::default()
        };
        assert_eq!(breakfast.prices(d(8), d(9)).total, 460_00);
        // A cut larger than the price stops at zero.
        assert_eq!(Derivation { kind: Adjustment::Amount, value: -500_00 }.apply(200_00), 0);
    }

    #[test]
    fn restrictions_name_the_rule_and_the_date() {
        let mut plan = PlanCalendar::flat(100_00);
        plan.days.insert(d(8), DayRule { min_stay: Some(2), ..DayRule::default() });
        plan.days.insert(d(12), DayRule { closed: true, ..DayRule::default() });
        plan.days.insert(d(15), DayRule { closed_to_arrival: true, ..DayRule::default() });
        plan.days.insert(d(20), DayRule { closed_to_departure: true, max_stay: Some(3), ..DayRule::default() });
        assert_eq!(plan.quote(d(8), d(9)), Err(RateRefusal::MinStay { day: d(8), nights: 2 }));
        assert!(plan.quote(d(8), d(10)).is_ok());
        assert_eq!(plan.quote(d(10), d(14)), Err(RateRefusal::Closed(d(12))));
        // The night before a closed one is sold; leaving on the closed date is allowed.
        assert!(plan.quote(d(10), d(12)).is_ok());
        assert_eq!(plan.quote(d(15), d(16)), Err(RateRefusal::ClosedToArrival(d(15))));
        assert_eq!(plan.quote(d(18), d(20)), Err(RateRefusal::ClosedToDeparture(d(20))));
        assert_eq!(plan.quote(d(20), d(25)), Err(RateRefusal::MaxStay { day: d(20), nights: 3 }));
    }

    #[test]
    fn a_derived_plan_keeps_the_stricter_restrictions_of_both() {
        let mut parent = PlanCalendar::flat(100_00);
        parent.days.insert(d(5), DayRule { min_stay: Some(2), closed: false, ..DayRule::default() });
        parent.days.insert(d(6), DayRule { closed: true, ..DayRule::default() });
        let mut child = PlanCalendar {
            parent: Some((Derivation { kind: Adjustment::Amount, value: 0 }, Box::new(parent))),
            ..PlanCalendar::default()
        };
        child.days.insert(d(5), DayRule { min_stay: Some(3), ..DayRule::default() });
        assert_eq!(child.rule_on(d(5)).min_stay, Some(3));
        assert_eq!(child.quote(d(3), d(7)), Err(RateRefusal::Closed(d(6))));
    }

    #[test]
    fn a_bulk_change_sets_clears_and_keeps() {
        let day = DayRule { price: Some(300_00), min_stay: Some(2), closed: true, ..DayRule::default() };
        let change =
            DayChange { price: Some(Some(420_00)), min_stay: Some(None), closed: Some(false), ..DayChange::default() };
        let after = change.apply(day);
        assert_eq!(after, DayRule { price: Some(420_00), min_stay: None, closed: false, ..DayRule::default() });
        assert!(DayChange::default().is_empty() && !change.is_empty());
    }

    #[test]
    fn the_free_cancellation_deadline_counts_back_from_the_arrival_hour() {
        let arrival = d(10);
        let until = free_until(arrival, Some(24)).unwrap();
        assert_eq!(until, d(9).and_hms_opt(ARRIVAL_HOUR, 0, 0).unwrap());
        assert_eq!(free_until(arrival, None), None);
        assert_eq!(free_until(arrival, Some(0)).unwrap(), arrival.and_hms_opt(ARRIVAL_HOUR, 0, 0).unwrap());
    }

    #[test]
    fn policy_charges_come_from_the_booked_nights() {
        let quote = Quote { nights: vec![(d(1), 150_00), (d(2), 99_99), (d(3), 99_99)], total: 349_98 };
        assert_eq!(Charge { basis: ChargeBasis::FirstNight, value: 0 }.amount(&quote), 150_00);
        // 30 % of 349.98 = 104.994 → 104.99
        assert_eq!(Charge { basis: ChargeBasis::Percent, value: 3000 }.amount(&quote), 104_99);
        assert_eq!(Charge { basis: ChargeBasis::Amount, value: 50_00 }.amount(&quote), 50_00);
        assert_eq!(Charge { basis: ChargeBasis::Amount, value: 900_00 }.amount(&quote), 349_98);
        assert_eq!(Charge::NONE.amount(&quote), 0);
    }
}
