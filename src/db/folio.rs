//! Folio entries: the charges and payments of a stay. Append-only; the balance is
//! derived, never stored.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::folio_entries;
use super::scope::{scoped_insert, TenantScope};
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
}

impl FolioEntry {
    pub fn signed_amount(&self) -> i64 {
        self.kind.signed(self.amount)
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

    /// What the guest owes: charges and refunds minus payments and discounts.
    pub fn balance(self, reservation: ReservationId) -> DbResult<i64> {
        Ok(self.entries(reservation)?.iter().map(FolioEntry::signed_amount).sum())
    }

    /// Posts an entry. The composite foreign key refuses another tenant's reservation.
    pub fn post(self, entry: &NewFolioEntry) -> DbResult<FolioEntryId> {
        let s = self.0;
        let id = FolioEntryId::new();
        scoped_insert!(
            s,
            folio_entries,
            (
                folio_entries::id.eq(id),
                folio_entries::created_by.eq(s.user_id()),
                folio_entries::created_at.eq(Timestamp::now()),
                entry
            )
        )
        .execute(s.conn())?;
        Ok(id)
    }

    /// Posts the room charge of one night unless it is already there (night audit and
    /// check-out both call this; the unique index backs it). Returns whether it posted.
    pub fn post_room_night(self, reservation: ReservationId, night: NaiveDate, rate: i64) -> DbResult<bool> {
        let s = self.0;
        let exists: i64 = s
            .all(folio_entries::table)
            .filter(folio_entries::reservation_id.eq(reservation))
            .filter(folio_entries::kind.eq(FolioKind::RoomCharge))
            .filter(folio_entries::service_date.eq(night))
            .count()
            .get_result(s.conn())?;
        if exists > 0 {
            return Ok(false);
        }
        s.folio().post(&NewFolioEntry {
            reservation_id: reservation,
            kind: FolioKind::RoomCharge,
            description: format!("Room, night of {night}"),
            amount: rate,
            method: None,
            reference: None,
            service_date: Some(night),
        })?;
        Ok(true)
    }
}
