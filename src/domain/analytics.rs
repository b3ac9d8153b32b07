//! Platform analytics: per-organization activity and its totals per currency. Amounts in
//! different currencies are never added together: every total is keyed by currency.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::ids::TenantId;

/// One organization's last 30 days.
#[derive(Clone, Debug, Serialize)]
pub struct OrgActivity {
    pub tenant_id: TenantId,
    pub name: String,
    pub slug: String,
    pub currency: String,
    pub reservations: i64,
    /// Room charges posted, in minor units of `currency`.
    pub room_revenue: i64,
}

/// The sum of the organizations that share one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CurrencyTotal {
    pub currency: String,
    pub organizations: i64,
    pub reservations: i64,
    pub room_revenue: i64,
}

/// Totals per currency, in currency order. There is deliberately no grand total.
pub fn totals_by_currency(orgs: &[OrgActivity]) -> Vec<CurrencyTotal> {
    let mut by: BTreeMap<&str, CurrencyTotal> = BTreeMap::new();
    for o in orgs {
        let t = by.entry(o.currency.as_str()).or_insert_with(|| CurrencyTotal {
            currency: o.currency.clone(),
            organizations: 0,
            reservations: 0,
            room_revenue: 0,
        });
        t.organizations += 1;
        t.reservations += o.reservations;
        t.room_revenue += o.room_revenue;
    }
    by.into_values().collect()
}

/// The first day of each of the `count` months ending with `today`'s, oldest first.
pub fn last_months(today: NaiveDate, count: u32) -> Vec<NaiveDate> {
    let current = today.year() * 12 + today.month0() as i32;
    (0..count as i32)
        .rev()
        .map(|back| {
            let m = current - back;
            NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1).expect("first of month")
        })
        .collect()
}

/// `YYYY-MM`, the key both backends group months by.
pub fn month_key(month: NaiveDate) -> String {
    month.format("%Y-%m").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(currency: &str, reservations: i64, revenue: i64) -> OrgActivity {
        OrgActivity {
            tenant_id: TenantId::new(),
            name: currency.into(),
            slug: currency.to_lowercase(),
            currency: currency.into(),
            reservations,
            room_revenue: revenue,
        }
    }

    #[test]
    fn totals_never_mix_currencies() {
        let totals = totals_by_currency(&[org("USD", 3, 30_000), org("EUR", 2, 50_000), org("USD", 1, 10_000)]);
        assert_eq!(
            totals,
            vec![
                CurrencyTotal { currency: "EUR".into(), organizations: 1, reservations: 2, room_revenue: 50_000 },
                CurrencyTotal { currency: "USD".into(), organizations: 2, reservations: 4, room_revenue: 40_000 },
            ]
        );
    }

    #[test]
    fn months_cross_the_year() {
        let months = last_months(NaiveDate::from_ymd_opt(2026, 2, 17).unwrap(), 4);
        let keys: Vec<_> = months.into_iter().map(month_key).collect();
        assert_eq!(keys, ["2025-11", "2025-12", "2026-01", "2026-02"]);
    }
}
