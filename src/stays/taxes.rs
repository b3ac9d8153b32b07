//! The taxes of what the stays post: each charge gets its tax lines when it is posted,
//! under the hotel's rules valid on its date (`domain::tax` does the arithmetic), and a
//! void carries its original's lines.

use chrono::NaiveDate;

use crate::db::reservations::Reservation;
use crate::db::taxes::FolioTax;
use crate::db::{DbResult, TenantScope};
use crate::domain::tax::{lines, Charge, Line, Rule};
use crate::domain::{FolioEntryId, HotelId};

/// A hotel's tax rules, read once for an operation that posts several charges.
pub struct Taxes {
    rules: Vec<Rule>,
}

impl Taxes {
    pub fn load(s: &mut TenantScope<'_>, hotel: HotelId) -> DbResult<Taxes> {
        Ok(Taxes { rules: s.tax_rules().list(Some(hotel))?.iter().map(|r| r.rule()).collect() })
    }

    /// Writes the tax lines of room charge `entry`: stay `r`'s night of `night` at `amount`.
    pub fn room_night(
        &self,
        s: &mut TenantScope<'_>,
        entry: FolioEntryId,
        r: &Reservation,
        night: NaiveDate,
        amount: i64,
    ) -> DbResult<()> {
        self.write(s, entry, &Charge { amount, date: night, room: Some((r.adults, r.children)) })
    }

    /// Writes the tax lines of extra `entry`, posted on `date`.
    pub fn extra(&self, s: &mut TenantScope<'_>, entry: FolioEntryId, date: NaiveDate, amount: i64) -> DbResult<()> {
        self.write(s, entry, &Charge { amount, date, room: None })
    }

    fn write(&self, s: &mut TenantScope<'_>, entry: FolioEntryId, charge: &Charge) -> DbResult<()> {
        if self.rules.is_empty() {
            return Ok(());
        }
        let lines = lines(&self.rules, charge);
        if lines.is_empty() {
            return Ok(());
        }
        s.tax_rules().add_lines(entry, &lines)
    }
}

/// Gives void `void` the tax lines of the entry it reverses.
pub fn copy_lines(s: &mut TenantScope<'_>, original: FolioEntryId, void: FolioEntryId) -> DbResult<()> {
    let lines: Vec<Line> = s
        .tax_rules()
        .lines_of(&[original])?
        .iter()
        .map(|t: &FolioTax| Line { rule: t.tax_rule_id, amount: t.amount, included: t.included })
        .collect();
    if lines.is_empty() {
        return Ok(());
    }
    s.tax_rules().add_lines(void, &lines)
}
