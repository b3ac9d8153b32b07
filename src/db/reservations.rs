//! Reservations, and the double-booking guard.
//!
//! Two active stays never hold one room on one night:
//! * PostgreSQL: the `reservations_room_overlap` exclusion constraint (btree_gist);
//! * SQLite: the overlap check below runs inside the request's `BEGIN IMMEDIATE`
//!   transaction, which holds SQLite's single write lock, and the
//!   `reservations_room_overlap_*` triggers back it.
//!
//! Both surface as `DbError::Conflict(Constraint::RoomOverlap)`.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::schema::reservations;
use super::scope::{scoped_insert, TenantScope};
use super::{Constraint, DbError, DbResult};
use crate::domain::enums::{ReservationSource, ReservationStatus};
use crate::domain::ids::{GuestId, HotelId, ReservationId, RoomId, RoomTypeId, TenantId, UserId};
use crate::domain::values::Timestamp;

#[derive(Queryable, Selectable, Clone, Debug, Serialize)]
#[diesel(table_name = reservations)]
pub struct Reservation {
    pub tenant_id: TenantId,
    pub id: ReservationId,
    pub hotel_id: HotelId,
    pub room_type_id: RoomTypeId,
    pub room_id: Option<RoomId>,
    pub guest_id: GuestId,
    pub confirmation_code: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub adults: i32,
    pub children: i32,
    pub status: ReservationStatus,
    pub nightly_rate: i64,
    pub total_amount: i64,
    pub source: ReservationSource,
    pub notes: Option<String>,
    pub cancellation_reason: Option<String>,
    pub confirmed_at: Option<Timestamp>,
    pub checked_in_at: Option<Timestamp>,
    pub checked_out_at: Option<Timestamp>,
    pub cancelled_at: Option<Timestamp>,
    pub no_show_at: Option<Timestamp>,
    pub created_by: Option<UserId>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
}

impl Reservation {
    pub fn nights(&self) -> i64 {
        (self.check_out - self.check_in).num_days()
    }
}

#[derive(Insertable, Clone, Debug)]
#[diesel(table_name = reservations, treat_none_as_default_value = false)]
pub struct NewReservation {
    pub hotel_id: HotelId,
    pub room_type_id: RoomTypeId,
    pub room_id: Option<RoomId>,
    pub guest_id: GuestId,
    pub confirmation_code: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub adults: i32,
    pub children: i32,
    pub status: ReservationStatus,
    pub nightly_rate: i64,
    pub total_amount: i64,
    pub source: ReservationSource,
    pub notes: Option<String>,
}

pub struct Reservations<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn reservations(&mut self) -> Reservations<'_, 'c> {
        Reservations(self)
    }
}

impl Reservations<'_, '_> {
    pub fn get(self, id: ReservationId) -> DbResult<Reservation> {
        let s = self.0;
        Ok(s.all(reservations::table)
            .filter(reservations::id.eq(id))
            .select(Reservation::as_select())
            .first(s.conn())?)
    }

    pub fn by_confirmation(self, code: &str) -> DbResult<Reservation> {
        let s = self.0;
        Ok(s.all(reservations::table)
            .filter(reservations::confirmation_code.eq(code.trim().to_uppercase()))
            .select(Reservation::as_select())
            .first(s.conn())?)
    }

    /// Reservations of a hotel (or all hotels), newest arrival first.
    pub fn list(self, hotel: Option<HotelId>, limit: i64) -> DbResult<Vec<Reservation>> {
        let s = self.0;
        let mut q = s.all(reservations::table).into_boxed();
        if let Some(hotel) = hotel {
            q = q.filter(reservations::hotel_id.eq(hotel));
        }
        Ok(q.order((reservations::check_in.desc(), reservations::id.desc()))
            .limit(limit)
            .select(Reservation::as_select())
            .load(s.conn())?)
    }

    pub fn count(self) -> DbResult<i64> {
        let s = self.0;
        Ok(s.all(reservations::table).count().get_result(s.conn())?)
    }

    /// Books a stay. With a room, the double-booking guard applies.
    pub fn create(self, new: &NewReservation) -> DbResult<Reservation> {
        let s = self.0;
        if let (Some(room), true) = (new.room_id, new.status.is_active()) {
            s.reservations().ensure_room_free(room, new.check_in, new.check_out, None)?;
        }
        let (id, now) = (ReservationId::new(), Timestamp::now());
        let confirmed_at = (new.status != ReservationStatus::Pending).then_some(now);
        scoped_insert!(
            s,
            reservations,
            (
                reservations::id.eq(id),
                reservations::created_by.eq(s.user_id()),
                reservations::confirmed_at.eq(confirmed_at),
                reservations::created_at.eq(now),
                reservations::updated_at.eq(now),
                new
            )
        )
        .execute(s.conn())?;
        s.reservations().get(id)
    }

    /// Puts a reservation in `room`, or fails with `Conflict(RoomOverlap)` when another
    /// active stay holds the room on any of its nights. Adjacent stays (one leaves the
    /// day the other arrives) are fine.
    pub fn assign_room(self, id: ReservationId, room: RoomId) -> DbResult<Reservation> {
        let s = self.0;
        let current = s.reservations().get(id)?;
        if current.status.is_active() {
            s.reservations().ensure_room_free(room, current.check_in, current.check_out, Some(id))?;
        }
        diesel::update(s.all(reservations::table).filter(reservations::id.eq(id)))
            .set((
                reservations::room_id.eq(Some(room)),
                reservations::version.eq(reservations::version + 1),
                reservations::updated_at.eq(Timestamp::now()),
            ))
            .execute(s.conn())?;
        s.reservations().get(id)
    }

    /// The overlap check. Inside a write transaction it is race-free on SQLite (one
    /// writer); on PostgreSQL the exclusion constraint catches what slips between.
    fn ensure_room_free(
        self,
        room: RoomId,
        check_in: NaiveDate,
        check_out: NaiveDate,
        except: Option<ReservationId>,
    ) -> DbResult<()> {
        let s = self.0;
        let mut q = s
            .all(reservations::table)
            .filter(reservations::room_id.eq(room))
            .filter(reservations::status.eq_any(ReservationStatus::ACTIVE))
            .filter(reservations::check_in.lt(check_out))
            .filter(reservations::check_out.gt(check_in))
            .into_boxed();
        if let Some(except) = except {
            q = q.filter(reservations::id.ne(except));
        }
        let clash: Option<ReservationId> = q.select(reservations::id).first(s.conn()).optional()?;
        match clash {
            Some(_) => Err(DbError::Conflict(Constraint::RoomOverlap)),
            None => Ok(()),
        }
    }

    /// Moves a reservation to `status`, stamping the matching time. The caller checks the
    /// transition against the state machine first.
    pub fn set_status(
        self,
        id: ReservationId,
        version: i32,
        status: ReservationStatus,
        reason: Option<&str>,
    ) -> DbResult<Reservation> {
        let s = self.0;
        let now = Some(Timestamp::now());
        let target =
            s.all(reservations::table).filter(reservations::id.eq(id)).filter(reservations::version.eq(version));
        let bump = (
            reservations::status.eq(status),
            reservations::version.eq(version + 1),
            reservations::updated_at.eq(Timestamp::now()),
        );
        let changed = match status {
            ReservationStatus::Confirmed => {
                diesel::update(target).set((bump, reservations::confirmed_at.eq(now))).execute(s.conn())
            }
            ReservationStatus::CheckedIn => {
                diesel::update(target).set((bump, reservations::checked_in_at.eq(now))).execute(s.conn())
            }
            ReservationStatus::CheckedOut => {
                diesel::update(target).set((bump, reservations::checked_out_at.eq(now))).execute(s.conn())
            }
            ReservationStatus::Cancelled => diesel::update(target)
                .set((bump, reservations::cancelled_at.eq(now), reservations::cancellation_reason.eq(reason)))
                .execute(s.conn()),
            ReservationStatus::NoShow => {
                diesel::update(target).set((bump, reservations::no_show_at.eq(now))).execute(s.conn())
            }
            ReservationStatus::Pending => diesel::update(target).set(bump).execute(s.conn()),
        }?;
        if changed == 0 {
            s.reservations().get(id)?;
            return Err(DbError::Stale);
        }
        s.reservations().get(id)
    }
}

impl Reservations<'_, '_> {
    /// A guest's stays, newest first.
    pub fn for_guest(self, guest: GuestId, limit: i64) -> DbResult<Vec<Reservation>> {
        let s = self.0;
        Ok(s.all(reservations::table)
            .filter(reservations::guest_id.eq(guest))
            .order((reservations::check_in.desc(), reservations::id.desc()))
            .limit(limit)
            .select(Reservation::as_select())
            .load(s.conn())?)
    }
}
