//! Tax rules of a hotel, and the tax lines of folio entries (append-only, like the folio:
//! a trigger refuses updates and deletes). The arithmetic is `domain::tax`.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::{folio_taxes, tax_rules};
use super::scope::{scoped_insert, TenantScope};
use super::{versioned, DbResult};
use crate::domain::enums::{TaxBase, TaxKind};
use crate::domain::ids::{FolioEntryId, HotelId, TaxRuleId, TenantId};
use crate::domain::tax::{Line, Rule};
use crate::domain::values::Timestamp;

/// Also a whole row: export and import, bulk loads.
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = tax_rules, treat_none_as_default_value = false)]
pub struct TaxRule {
    pub tenant_id: TenantId,
    pub id: TaxRuleId,
    pub hotel_id: HotelId,
    pub code: String,
    pub name: String,
    pub kind: TaxKind,
    pub rate: Option<i64>,
    pub amount: Option<i64>,
    pub included: bool,
    pub applies_to: TaxBase,
    pub exempt_children: bool,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
}

impl TaxRule {
    pub fn rule(&self) -> Rule {
        Rule {
            id: self.id,
            kind: self.kind,
            rate: self.rate,
            amount: self.amount,
            included: self.included,
            applies_to: self.applies_to,
            exempt_children: self.exempt_children,
            valid_from: self.valid_from,
            valid_to: self.valid_to,
        }
    }
}

#[derive(Insertable, AsChangeset, Clone, Debug, Serialize)]
#[diesel(table_name = tax_rules, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct TaxRuleFields {
    pub code: String,
    pub name: String,
    pub kind: TaxKind,
    pub rate: Option<i64>,
    pub amount: Option<i64>,
    pub included: bool,
    pub applies_to: TaxBase,
    pub exempt_children: bool,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// One tax line of a folio entry.
#[derive(Queryable, Selectable, Insertable, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[diesel(table_name = folio_taxes, treat_none_as_default_value = false)]
pub struct FolioTax {
    pub tenant_id: TenantId,
    pub entry_id: FolioEntryId,
    pub tax_rule_id: TaxRuleId,
    pub amount: i64,
    pub included: bool,
}

pub struct TaxRules<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn tax_rules(&mut self) -> TaxRules<'_, 'c> {
        TaxRules(self)
    }
}

impl TaxRules<'_, '_> {
    /// The rules of a hotel (or of every hotel), by code.
    pub fn list(self, hotel: Option<HotelId>) -> DbResult<Vec<TaxRule>> {
        let s = self.0;
        let mut q = s.all(tax_rules::table).into_boxed();
        if let Some(hotel) = hotel {
            q = q.filter(tax_rules::hotel_id.eq(hotel));
        }
        Ok(q.order((tax_rules::hotel_id, tax_rules::code)).select(TaxRule::as_select()).load(s.conn())?)
    }

    pub fn get(self, id: TaxRuleId) -> DbResult<TaxRule> {
        let s = self.0;
        Ok(s.all(tax_rules::table).filter(tax_rules::id.eq(id)).select(TaxRule::as_select()).first(s.conn())?)
    }

    pub fn create(self, hotel: HotelId, fields: &TaxRuleFields) -> DbResult<TaxRule> {
        let s = self.0;
        let (id, now) = (TaxRuleId::new(), Timestamp::now());
        scoped_insert!(
            s,
            tax_rules,
            (
                tax_rules::id.eq(id),
                tax_rules::hotel_id.eq(hotel),
                tax_rules::created_at.eq(now),
                tax_rules::updated_at.eq(now),
                fields
            )
        )
        .execute(s.conn())?;
        s.tax_rules().get(id)
    }

    pub fn update(self, id: TaxRuleId, version: i32, fields: &TaxRuleFields) -> DbResult<TaxRule> {
        let s = self.0;
        let changed =
            diesel::update(s.all(tax_rules::table).filter(tax_rules::id.eq(id)).filter(tax_rules::version.eq(version)))
                .set((fields, tax_rules::version.eq(version + 1), tax_rules::updated_at.eq(Timestamp::now())))
                .execute(s.conn())?;
        versioned::saved(changed, || s.tax_rules().get(id))
    }

    /// Deletes a rule no charge was taxed by (`Reference` otherwise: end its validity instead).
    pub fn delete(self, id: TaxRuleId) -> DbResult<()> {
        let s = self.0;
        versioned::found(diesel::delete(s.all(tax_rules::table).filter(tax_rules::id.eq(id))).execute(s.conn())?)
    }

    /// Writes the tax lines of entry `entry`.
    pub fn add_lines(self, entry: FolioEntryId, lines: &[Line]) -> DbResult<()> {
        let s = self.0;
        let mut rows: Vec<FolioTax> = lines
            .iter()
            .map(|l| FolioTax {
                tenant_id: s.tenant_id(),
                entry_id: entry,
                tax_rule_id: l.rule,
                amount: l.amount,
                included: l.included,
            })
            .collect();
        s.load(&mut rows)?;
        Ok(())
    }

    /// The tax lines of `entries`.
    pub fn lines_of(self, entries: &[FolioEntryId]) -> DbResult<Vec<FolioTax>> {
        let s = self.0;
        let mut out = Vec::new();
        for chunk in entries.chunks(500) {
            out.extend(
                s.all(folio_taxes::table)
                    .filter(folio_taxes::entry_id.eq_any(chunk))
                    .order((folio_taxes::entry_id, folio_taxes::tax_rule_id))
                    .select(FolioTax::as_select())
                    .load(s.conn())?,
            );
        }
        Ok(out)
    }
}

impl TaxRules<'_, '_> {
    /// Writes whole rules (the seeders'), each with this scope's tenant.
    pub fn add_rows(self, mut rules: Vec<TaxRule>) -> DbResult<usize> {
        self.0.load(&mut rules)
    }
}

impl TaxRules<'_, '_> {
    /// What each rule's lines came to on the entries posted in `[from, to)` (by posting
    /// time, UTC); a void's lines count against its rule.
    pub fn collected(self, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<(TaxRuleId, i64)>> {
        use super::schema::folio_entries;
        use diesel::sql_types::BigInt;
        let s = self.0;
        let start = Timestamp(from.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
        let end = Timestamp(to.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
        Ok(s.all(folio_taxes::table)
            .inner_join(super::scope::joins::entry_of_tax())
            .filter(folio_entries::created_at.ge(start))
            .filter(folio_entries::created_at.lt(end))
            .group_by(folio_taxes::tax_rule_id)
            .select((
                folio_taxes::tax_rule_id,
                // PostgreSQL sums a bigint to a numeric; the cast keeps one type on both backends.
                diesel::dsl::sql::<BigInt>(
                    "CAST(SUM(CASE WHEN folio_entries.voids_entry_id IS NULL THEN folio_taxes.amount \
                     ELSE -folio_taxes.amount END) AS BIGINT)",
                ),
            ))
            .load(s.conn())?)
    }
}
