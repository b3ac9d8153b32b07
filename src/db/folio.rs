//! Folio entries: the charges and payments of a stay. Append-only (a trigger refuses
//! updates and deletes); a mistake is voided by a reversing entry that points at it. The
//! balance is derived, never stored.

use std::collections::HashSet;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::folio_entries;
use super::scope::{scoped_insert, TenantScope};
use super::taxes::FolioTax;
use super::DbResult;
use crate::domain::enums::{FolioKind, PaymentMethod};
use crate::domain::ids::{FolioEntryId, ReservationId, TenantId, UserId};
use crate::domain::values::Timestamp;

/// Also a whole row: export and import (`db::transfer`), bulk loads (`TenantScope::load`,
/// which sets `tenant_id` to the scope's before anything is written).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = folio_entries, treat_none_as_default_value = false)]
pub struct FolioEntry {
    pub tenant_id: TenantId,
    pub id: FolioEntryId,
    pub reservation_id: ReservationId,
    pub kind: FolioKind,
    pub description: String,
    pub amount: i64,
    pub method: Option<PaymentMethod>,
    pub reference: Option<String>,
    pub service_date: Option<NaiveDate>,
    pub created_by: Option<UserId>,
    pub created_at: Timestamp,
    /// Set on a void: the entry it reverses (same stay, kind and amount).
    #[serde(default)]
    pub voids_entry_id: Option<FolioEntryId>,
    /// Why the entry it reverses was voided; set exactly when `voids_entry_id` is.
    #[serde(default)]
    pub void_reason: Option<String>,
}

impl FolioEntry {
    /// The entry's effect on what the guest owes; a void's is the opposite of its
    /// original's.
    pub fn signed_amount(&self) -> i64 {
        let effect = self.kind.signed(self.amount);
        if self.is_void() {
            -effect
        } else {
            effect
        }
    }

    pub fn is_void(&self) -> bool {
        self.voids_entry_id.is_some()
    }

    /// The entries of `entries` that a later entry voids.
    pub fn voided(entries: &[FolioEntry]) -> HashSet<FolioEntryId> {
        entries.iter().filter_map(|e| e.voids_entry_id).collect()
    }

    /// The taxes this entry adds on top of its amount (`taxes`: the folio's tax lines),
    /// with the entry's effect (a void's are taken back).
    pub fn signed_added_tax(&self, taxes: &[FolioTax]) -> i64 {
        let added: i64 = taxes.iter().filter(|t| t.entry_id == self.id && !t.included).map(|t| t.amount).sum();
        added * self.signed_amount().signum()
    }

    /// What the guest owes on `entries` with their tax lines: every entry's effect and the
    /// taxes added to it.
    pub fn total(entries: &[FolioEntry], taxes: &[FolioTax]) -> i64 {
        entries.iter().map(|e| e.signed_amount() + e.signed_added_tax(taxes)).sum()
    }
}

#[derive(Insertable, Clone, Debug)]
#[diesel(table_name = folio_entries, treat_none_as_default_value = false)]
pub struct NewFolioEntry {
    pub reservation_id: ReservationId,
    pub kind: FolioKind,
    pub description: String,
    pub amount: i64,
    pub method: Option<PaymentMethod>,
    pub reference: Option<String>,
    pub service_date: Option<NaiveDate>,
}

pub struct Folio<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn folio(&mut self) -> Folio<'_, 'c> {
        Folio(self)
    }
}

impl Folio<'_, '_> {
    pub fn entries(self, reservation: ReservationId) -> DbResult<Vec<FolioEntry>> {
        let s = self.0;
        Ok(s.all(folio_entries::table)
            .filter(folio_entries::reservation_id.eq(reservation))
            .order((folio_entries::created_at, folio_entries::id))
            .select(FolioEntry::as_select())
            .load(s.conn())?)
    }

    /// What the guest owes: charges and their added taxes, and refunds, minus payments
    /// and discounts.
    pub fn balance(self, reservation: ReservationId) -> DbResult<i64> {
        let s = self.0;
        let entries = s.folio().entries(reservation)?;
        let taxes = s.tax_rules().lines_of(&entries.iter().map(|e| e.id).collect::<Vec<_>>())?;
        Ok(FolioEntry::total(&entries, &taxes))
    }

    /// Entry `entry` of reservation `reservation`: not found for another stay's.
    pub fn get(self, reservation: ReservationId, entry: FolioEntryId) -> DbResult<FolioEntry> {
        let s = self.0;
        Ok(s.all(folio_entries::table)
            .filter(folio_entries::reservation_id.eq(reservation))
            .filter(folio_entries::id.eq(entry))
            .select(FolioEntry::as_select())
            .first(s.conn())?)
    }

    /// Whether a void of `entry` exists.
    pub fn is_voided(self, entry: FolioEntryId) -> DbResult<bool> {
        let s = self.0;
        let voids: i64 =
            s.all(folio_entries::table).filter(folio_entries::voids_entry_id.eq(entry)).count().get_result(s.conn())?;
        Ok(voids > 0)
    }

    /// Posts the void of `original`: its kind, amount, method and service date, pointing
    /// at it, with `reason`. The unique index refuses a second void of one entry
    /// ([`Constraint::FolioVoid`](super::Constraint::FolioVoid)).
    pub fn void(self, original: &FolioEntry, reason: &str) -> DbResult<FolioEntryId> {
        let s = self.0;
        let entry = NewFolioEntry {
            reservation_id: original.reservation_id,
            kind: original.kind,
            description: original.description.clone(),
            amount: original.amount,
            method: original.method,
            reference: original.reference.clone(),
            service_date: original.service_date,
        };
        s.folio().insert(&entry, Some((original.id, reason)))
    }

    /// Posts an entry. The composite foreign key refuses another tenant's reservation.
    pub fn post(self, entry: &NewFolioEntry) -> DbResult<FolioEntryId> {
        self.insert(entry, None)
    }

    /// Writes `entry` as this scope's user, now; with `voids`, as the void of that entry
    /// with that reason.
    fn insert(self, entry: &NewFolioEntry, voids: Option<(FolioEntryId, &str)>) -> DbResult<FolioEntryId> {
        let s = self.0;
        let id = FolioEntryId::new();
        scoped_insert!(
            s,
            folio_entries,
            (
                folio_entries::id.eq(id),
                folio_entries::created_by.eq(s.user_id()),
                folio_entries::created_at.eq(Timestamp::now()),
                folio_entries::voids_entry_id.eq(voids.map(|(original, _)| original)),
                folio_entries::void_reason.eq(voids.map(|(_, reason)| reason)),
                entry
            )
        )
        .execute(s.conn())?;
        Ok(id)
    }

    /// Posts the room charge of one night unless it is already there (night audit and
    /// check-out both call this; the unique index backs it). Returns the entry it posted.
    pub fn post_room_night(
        self,
        reservation: ReservationId,
        night: NaiveDate,
        rate: i64,
    ) -> DbResult<Option<FolioEntryId>> {
        let s = self.0;
        let exists: i64 = s
            .all(folio_entries::table)
            .filter(folio_entries::reservation_id.eq(reservation))
            .filter(folio_entries::kind.eq(FolioKind::RoomCharge))
            .filter(folio_entries::service_date.eq(night))
            .count()
            .get_result(s.conn())?;
        if exists > 0 {
            return Ok(None);
        }
        let id = s.folio().post(&NewFolioEntry {
            reservation_id: reservation,
            kind: FolioKind::RoomCharge,
            description: format!("Room, night of {night}"),
            amount: rate,
            method: None,
            reference: None,
            service_date: Some(night),
        })?;
        Ok(Some(id))
    }
}
