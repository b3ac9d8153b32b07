//! Taxes on a folio charge, worked out once when it is posted.
//!
//! The rules of a hotel that are valid on the charge's date (the night, for a room
//! charge; the posting date otherwise) and apply to its kind (room nights, extras):
//!
//! * an **included percentage** is part of the price: with included rates r₁…rₙ (in
//!   hundredths of a percent), the net is `price × 10 000 / (10 000 + Σr)` rounded to the
//!   minor unit, and each included tax is `net × rᵢ / 10 000` rounded, the last one taking
//!   what rounding left so that net + included taxes = price exactly;
//! * an **added percentage** is owed on top, on the net: `net × r / 10 000` rounded;
//! * a **fixed amount per person per night** (a city tax, room nights only) is owed on top:
//!   the amount × the adults, and the children unless the rule exempts them.
//!
//! Rounding is per line, to the currency's minor unit, half away from zero
//! ([`percent_of`]). Nothing here is floating point.

use chrono::NaiveDate;

use super::enums::{TaxBase, TaxKind};
use super::ids::TaxRuleId;
use super::rates::{percent_of, HUNDRED_PERCENT};

/// A tax rule as the computation needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: TaxRuleId,
    pub kind: TaxKind,
    /// Hundredths of a percent, for a percentage.
    pub rate: Option<i64>,
    /// Minor units per person per night, for a city tax.
    pub amount: Option<i64>,
    pub included: bool,
    pub applies_to: TaxBase,
    pub exempt_children: bool,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

impl Rule {
    fn valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| day <= to)
    }

    fn applies(&self, charge: &Charge) -> bool {
        let base_ok = matches!(
            (self.applies_to, charge.room),
            (TaxBase::Both, _) | (TaxBase::Rooms, Some(_)) | (TaxBase::Extras, None)
        );
        base_ok && self.valid_on(charge.date) && (self.kind == TaxKind::Percent || charge.room.is_some())
    }
}

/// A charge to tax: its amount and date, and for a room night the party.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Charge {
    pub amount: i64,
    pub date: NaiveDate,
    /// A room night's (adults, children); `None` for an extra.
    pub room: Option<(i32, i32)>,
}

/// One tax of a charge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub rule: TaxRuleId,
    pub amount: i64,
    pub included: bool,
}

/// The tax lines of `charge` under `rules` (see the module docs), in the rules' order.
pub fn lines(rules: &[Rule], charge: &Charge) -> Vec<Line> {
    let applying: Vec<&Rule> = rules.iter().filter(|r| r.applies(charge)).collect();
    let included: Vec<&Rule> = applying.iter().copied().filter(|r| r.kind == TaxKind::Percent && r.included).collect();
    let included_rate: i64 = included.iter().filter_map(|r| r.rate).sum();
    let net = net_of(charge.amount, included_rate);
    let mut left = charge.amount - net;
    let mut out = Vec::with_capacity(applying.len());
    for rule in &applying {
        let amount = match (rule.kind, rule.included) {
            (TaxKind::Percent, true) => {
                let last = included.last().is_some_and(|l| l.id == rule.id);
                let tax = if last { left } else { percent_of(net, rule.rate.unwrap_or(0)) };
                left -= tax;
                tax
            }
            (TaxKind::Percent, false) => percent_of(net, rule.rate.unwrap_or(0)),
            (TaxKind::PerPersonNight, _) => {
                let (adults, children) = charge.room.unwrap_or((0, 0));
                let people = i64::from(adults) + if rule.exempt_children { 0 } else { i64::from(children) };
                rule.amount.unwrap_or(0) * people
            }
        };
        out.push(Line { rule: rule.id, amount, included: rule.included && rule.kind == TaxKind::Percent });
    }
    out
}

/// The price without its included taxes at `rate` (hundredths of a percent), rounded.
pub fn net_of(price: i64, rate: i64) -> i64 {
    if rate == 0 {
        return price;
    }
    let numerator = price as i128 * HUNDRED_PERCENT as i128;
    let denominator = (HUNDRED_PERCENT + rate) as i128;
    let half = denominator / 2;
    let rounded = if numerator >= 0 { (numerator + half) / denominator } else { (numerator - half) / denominator };
    rounded as i64
}

/// The included room-tax rate of `rules` on `night` (hundredths of a percent): what a
/// night's price holds besides the net room revenue.
pub fn included_room_rate(rules: &[Rule], night: NaiveDate) -> i64 {
    let charge = Charge { amount: 0, date: night, room: Some((1, 0)) };
    rules.iter().filter(|r| r.included && r.kind == TaxKind::Percent && r.applies(&charge)).filter_map(|r| r.rate).sum()
}

/// What the lines add to the bill (the included ones are already in the price).
pub fn added(lines: &[Line]) -> i64 {
    lines.iter().filter(|l| !l.included).map(|l| l.amount).sum()
}

// Amounts in the tests are written as units_cents (`123_45` is 123.45).
#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, day).unwrap()
    }

    fn percent(rate: i64, included: bool, applies_to: TaxBase) -> Rule {
        Rule {
            id: TaxRuleId::new(),
            kind: TaxKind::Percent,
            rate: Some(rate),
            amount: None,
            included,
            applies_to,
            exempt_children: false,
            valid_from: d(1),
            valid_to: None,
        }
    }

    fn city(amount: i64, exempt_children: bool) -> Rule {
        Rule {
            kind: TaxKind::PerPersonNight,
            rate: None,
            amount: Some(amount),
            included: false,
            exempt_children,
            ..percent(0, false, TaxBase::Rooms)
        }
    }

    fn night(amount: i64, day: u32, party: (i32, i32)) -> Charge {
        Charge { amount, date: d(day), room: Some(party) }
    }

    /// Awkward amounts pin the rounding: each line rounds half away from zero on its own.
    #[test]
    fn added_percentages_round_per_line() {
        let occupancy = percent(1475, false, TaxBase::Both); // 14.75 %
                                                             // 199.99 × 14.75 % = 29.4985 → 29.50; 0.05 → 0.7375 of a cent → 0.01; 1.23 → 18.14 cents → 0.18.
        assert_eq!(lines(std::slice::from_ref(&occupancy), &night(199_99, 5, (2, 0)))[0].amount, 29_50);
        assert_eq!(lines(std::slice::from_ref(&occupancy), &night(5, 5, (2, 0)))[0].amount, 1);
        assert_eq!(lines(&[occupancy], &Charge { amount: 1_23, date: d(5), room: None })[0].amount, 18);
        // 33.33 at 15 %: 4.9995 → 5.00.
        assert_eq!(lines(&[percent(1500, false, TaxBase::Rooms)], &night(33_33, 5, (1, 0)))[0].amount, 5_00);
    }

    #[test]
    fn included_percentages_split_the_price_exactly() {
        // 100.00 with 5 % and 2 % included: net 100 / 1.07 = 93.457… → 93.46; ISS 5 % of
        // 93.46 = 4.673 → 4.67; the last takes the rest: 100.00 − 93.46 − 4.67 = 1.87.
        let iss = percent(500, true, TaxBase::Rooms);
        let other = percent(200, true, TaxBase::Rooms);
        let got = lines(&[iss, other], &night(100_00, 5, (2, 0)));
        assert_eq!(got.iter().map(|l| l.amount).collect::<Vec<_>>(), vec![4_67, 1_87]);
        assert!(got.iter().all(|l| l.included));
        assert_eq!(added(&got), 0);
        assert_eq!(net_of(100_00, 700) + 4_67 + 1_87, 100_00);
    }

    #[test]
    fn a_city_tax_counts_people_and_may_exempt_children() {
        let got = lines(&[city(3_50, true)], &night(250_00, 5, (2, 2)));
        assert_eq!(got[0].amount, 7_00);
        let got = lines(&[city(3_50, false)], &night(250_00, 5, (2, 2)));
        assert_eq!(got[0].amount, 14_00);
        // Never on extras.
        assert!(lines(&[city(3_50, false)], &Charge { amount: 12_00, date: d(5), room: None }).is_empty());
    }

    #[test]
    fn rules_apply_on_their_dates_and_to_their_kind_of_charge() {
        let mut rule = percent(1000, false, TaxBase::Rooms);
        rule.valid_from = d(10);
        rule.valid_to = Some(d(20));
        assert!(lines(std::slice::from_ref(&rule), &night(100_00, 9, (1, 0))).is_empty());
        assert_eq!(lines(std::slice::from_ref(&rule), &night(100_00, 20, (1, 0)))[0].amount, 10_00);
        assert!(lines(std::slice::from_ref(&rule), &night(100_00, 21, (1, 0))).is_empty());
        assert!(lines(&[rule], &Charge { amount: 100_00, date: d(15), room: None }).is_empty());
    }

    #[test]
    fn an_added_percentage_is_on_the_net_when_another_is_included() {
        let got = lines(
            &[percent(1000, true, TaxBase::Rooms), percent(500, false, TaxBase::Rooms)],
            &night(110_00, 5, (1, 0)),
        );
        assert_eq!((got[0].amount, got[1].amount), (10_00, 5_00));
        assert_eq!(added(&got), 5_00);
    }
}
