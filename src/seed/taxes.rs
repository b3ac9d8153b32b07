//! The tax rules both generators give a hotel, by its country: an added percentage in the
//! United States, an included percentage and a city tax in Brazil and Portugal. Valid
//! from well before the data's first stay.

use chrono::NaiveDate;

use crate::db::taxes::TaxRule;
use crate::domain::enums::{TaxBase, TaxKind};
use crate::domain::ids::{HotelId, TaxRuleId, TenantId};
use crate::domain::Timestamp;
use crate::i18n::Tr;

/// `(code, name key, kind, rate or amount, included, on, children exempt)`.
type Spec = (&'static str, &'static str, TaxKind, i64, bool, TaxBase, bool);

fn specs(country: &str) -> &'static [Spec] {
    match country {
        "US" => &[("OCC", "demo-tax-occupancy", TaxKind::Percent, 1475, false, TaxBase::Both, false)],
        "BR" => &[
            ("ISS", "demo-tax-iss", TaxKind::Percent, 500, true, TaxBase::Both, false),
            ("TUR", "demo-tax-city", TaxKind::PerPersonNight, 350, false, TaxBase::Rooms, true),
        ],
        "PT" => &[
            ("IVA", "demo-tax-vat", TaxKind::Percent, 600, true, TaxBase::Rooms, false),
            ("TT", "demo-tax-city", TaxKind::PerPersonNight, 200, false, TaxBase::Rooms, true),
        ],
        _ => &[],
    }
}

/// The rules of a hotel in `country`, named in the organization's language.
pub fn hotel_rules(
    tenant: TenantId,
    hotel: HotelId,
    country: &str,
    words: &Tr,
    valid_from: NaiveDate,
    now: Timestamp,
) -> Vec<TaxRule> {
    specs(country)
        .iter()
        .map(|&(code, name, kind, value, included, applies_to, exempt_children)| TaxRule {
            tenant_id: tenant,
            id: TaxRuleId::new(),
            hotel_id: hotel,
            code: code.into(),
            name: words.t(name),
            kind,
            rate: (kind == TaxKind::Percent).then_some(value),
            amount: (kind == TaxKind::PerPersonNight).then_some(value),
            included,
            applies_to,
            exempt_children,
            valid_from,
            valid_to: None,
            created_at: now,
            updated_at: now,
            version: 1,
        })
        .collect()
}
