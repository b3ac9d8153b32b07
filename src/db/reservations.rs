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
use diesel::dsl;
use diesel::prelude::*;
use diesel::BoxableExpression;
use serde::{Deserialize, Serialize};

use super::schema::{guests, reservations};
use super::scope::{joins, scoped_insert, TenantScope};
use super::types::MultiBackend;
use super::{search, versioned, Constraint, DbError, DbResult};
use crate::domain::availability::Held;
use crate::domain::enums::{ReservationSource, ReservationStatus};
use crate::domain::ids::{GuestId, HotelId, ReservationId, RoomId, RoomTypeId, TenantId, UserId};
use crate::domain::kpi::Sold;
use crate::domain::values::Timestamp;

/// Also a whole row: export and import (`db::transfer`), bulk loads (`TenantScope::load`,
/// which sets `tenant_id` to the scope's before anything is written).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = reservations, treat_none_as_default_value = false)]
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

/// Filters of the reservations list.
#[derive(Clone, Debug, Default)]
pub struct ReservationFilter {
    pub hotel: Option<HotelId>,
    pub status: Option<ReservationStatus>,
    pub source: Option<ReservationSource>,
    pub arrival_from: Option<NaiveDate>,
    pub arrival_to: Option<NaiveDate>,
    pub departure_from: Option<NaiveDate>,
    pub departure_to: Option<NaiveDate>,
    /// A confirmation code, or part of a guest's name.
    pub search: Option<String>,
    /// One of the front desk's lists for the day `today` (in the organization's time).
    pub desk: Option<(DeskList, NaiveDate)>,
}

/// The front desk's lists of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskList {
    /// Today's arrivals first, then the guests in house, then the stays to come.
    Current,
    /// Pending and confirmed stays arriving today.
    Arriving,
    /// Checked in.
    InHouse,
    /// Checked in and due out today (or overdue).
    Departing,
}

/// A list row: the reservation with its guest's name.
#[derive(Clone, Debug, Serialize)]
pub struct ReservationRow {
    pub reservation: Reservation,
    pub guest_name: String,
}

/// What the lists with guest names select: `(Reservation::as_select(), guests::first_name,
/// guests::last_name)`.
type WithGuestName = (Reservation, String, String);

impl From<WithGuestName> for ReservationRow {
    fn from((reservation, first, last): WithGuestName) -> Self {
        ReservationRow { reservation, guest_name: format!("{first} {last}") }
    }
}

/// What an edit of a stay changes.
#[derive(Clone, Debug, Serialize)]
pub struct StayChanges {
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub room_type_id: RoomTypeId,
    pub room_id: Option<RoomId>,
    pub adults: i32,
    pub children: i32,
    /// The average of the nights' prices, and their sum.
    pub nightly_rate: i64,
    pub total_amount: i64,
    pub notes: Option<String>,
}

/// The condition of one of the desk's lists on `today`. The current list's stays end
/// today or later, so (no stay being longer than `MAX_NIGHTS`) they began at most
/// `MAX_NIGHTS` ago: that bound lets an index on the arrival skip the tenant's past.
fn desk_condition(
    list: DeskList,
    today: NaiveDate,
) -> Box<dyn BoxableExpression<reservations::table, MultiBackend, SqlType = diesel::sql_types::Bool>> {
    use ReservationStatus::{CheckedIn, Confirmed, Pending};
    let status = reservations::status;
    match list {
        DeskList::Current => Box::new(
            status
                .eq_any([Pending, Confirmed, CheckedIn])
                .and(reservations::check_out.ge(today))
                .and(reservations::check_in.ge(today - chrono::Duration::days(crate::domain::booking::MAX_NIGHTS))),
        ),
        DeskList::Arriving => Box::new(status.eq_any([Pending, Confirmed]).and(reservations::check_in.eq(today))),
        DeskList::InHouse => Box::new(status.eq(CheckedIn)),
        DeskList::Departing => Box::new(status.eq(CheckedIn).and(reservations::check_out.le(today))),
    }
}

/// The desk's order, as its three groups: today's arrivals (not yet in), the guests in
/// house, then the rest; each by arrival. Paging through them one after the other reads a
/// page off an index, where one `ORDER BY` over the three would sort the whole list.
const DESK_GROUPS: usize = 3;

fn desk_group(
    group: usize,
    today: NaiveDate,
) -> Box<dyn BoxableExpression<reservations::table, MultiBackend, SqlType = diesel::sql_types::Bool>> {
    let (status, check_in) = (reservations::status, reservations::check_in);
    match group {
        0 => Box::new(check_in.eq(today).and(status.ne(ReservationStatus::CheckedIn))),
        1 => Box::new(status.eq(ReservationStatus::CheckedIn)),
        _ => Box::new(check_in.ne(today).and(status.ne(ReservationStatus::CheckedIn))),
    }
}

/// One page of the desk's order: the groups one after the other, skipping whole groups by
/// their sizes (counted only for a later page, and cached with the list's total under
/// `key`), then reading what the page still needs from each.
fn desk_page<'q>(
    s: &mut TenantScope<'_>,
    filtered: impl Fn(&TenantScope<'_>) -> reservations::BoxedQuery<'q, MultiBackend>,
    key: &str,
    today: NaiveDate,
    limit: i64,
    offset: i64,
) -> DbResult<Vec<ReservationId>> {
    let (mut ids, mut skip) = (Vec::new(), offset);
    for group in 0..DESK_GROUPS {
        let wanted = limit - ids.len() as i64;
        if wanted <= 0 {
            break;
        }
        // A group's size matters only to a page that starts after it.
        if skip > 0 && group + 1 < DESK_GROUPS {
            let size = s.cached(format!("reservations.count {key} group {group}"), |s| {
                Ok(filtered(s).filter(desk_group(group, today)).count().get_result(s.conn())?)
            })?;
            if skip >= size {
                skip -= size;
                continue;
            }
        }
        let page: Vec<ReservationId> = filtered(s)
            .filter(desk_group(group, today))
            .order((reservations::check_in.asc(), reservations::id.asc()))
            .limit(wanted)
            .offset(skip)
            .select(reservations::id)
            .load(s.conn())?;
        skip = 0;
        ids.extend(page);
    }
    Ok(ids)
}

/// Stays that share a night with `[from, to)`: `check_in < to AND check_out > from`.
/// Since no stay is longer than `MAX_NIGHTS` (a constraint on both backends), check_in
/// also lies after `from - MAX_NIGHTS` and check_out before `to + MAX_NIGHTS`: with those
/// bounds an index on either date reads a few weeks of a hotel's stays rather than all
/// its past or all its future.
#[dsl::auto_type]
fn overlapping(from: NaiveDate, to: NaiveDate) -> _ {
    let longest: chrono::Duration = chrono::Duration::days(crate::domain::booking::MAX_NIGHTS);
    let earliest_check_in: NaiveDate = from - longest;
    let latest_check_out: NaiveDate = to + longest;
    reservations::check_in
        .lt(to)
        .and(reservations::check_out.gt(from))
        .and(reservations::check_in.gt(earliest_check_in))
        .and(reservations::check_out.lt(latest_check_out))
}

/// `status` is one of [`ReservationStatus::ACTIVE`], as a constant in the SQL text: the
/// predicate of the partial index `reservations_active_idx`, which a planner can match
/// only against a constant (a bound list would leave a generic plan on the date index,
/// reading every cancelled stay of those dates). Unlike `dsl::sql`, it leaves the
/// statement cacheable as a prepared statement.
#[derive(Debug, Clone, Copy, diesel::query_builder::QueryId, diesel::expression::ValidGrouping)]
struct HoldsRooms;

impl Expression for HoldsRooms {
    type SqlType = diesel::sql_types::Bool;
}

impl diesel::AppearsOnTable<reservations::table> for HoldsRooms {}

impl<DB: diesel::backend::Backend> diesel::query_builder::QueryFragment<DB> for HoldsRooms {
    fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql(ACTIVE_SQL);
        Ok(())
    }
}

const ACTIVE_SQL: &str = "reservations.status IN ('pending', 'confirmed', 'checked_in')";

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
        // The row as stored, in the insert's own round trip.
        Ok(scoped_insert!(
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
        .returning(reservations::all_columns)
        .get_result::<Reservation>(s.conn())?)
    }

    /// Puts a reservation in `room`, or fails with `Conflict(RoomOverlap)` when another
    /// active stay holds the room on any of its nights. Adjacent stays (one leaves the
    /// day the other arrives) are fine.
    pub fn assign_room(self, id: ReservationId, room: RoomId) -> DbResult<Reservation> {
        let s = self.0;
        let current = s.reservations().get(id)?;
        s.reservations().assign_room_at(id, current.version, room)
    }

    /// `assign_room` if the reservation is still at `version`; otherwise `Stale`, so two
    /// desks assigning rooms to one stay cannot both succeed.
    pub fn assign_room_at(self, id: ReservationId, version: i32, room: RoomId) -> DbResult<Reservation> {
        let s = self.0;
        let current = s.reservations().get(id)?;
        if current.status.is_active() {
            s.reservations().ensure_room_free(room, current.check_in, current.check_out, Some(id))?;
        }
        s.reservations().set_room_at(id, version, Some(room))
    }

    /// Sets the stay's room (or none) if it is still at `version`.
    fn set_room_at(self, id: ReservationId, version: i32, room: Option<RoomId>) -> DbResult<Reservation> {
        let s = self.0;
        let changed = diesel::update(
            s.all(reservations::table).filter(reservations::id.eq(id)).filter(reservations::version.eq(version)),
        )
        .set((
            reservations::room_id.eq(room),
            reservations::version.eq(reservations::version + 1),
            reservations::updated_at.eq(Timestamp::now()),
        ))
        .execute(s.conn())?;
        versioned::saved(changed, || s.reservations().get(id))
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
        versioned::saved(changed, || s.reservations().get(id))
    }

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

    /// The hotel's stay arriving last (for a template's preview with a real stay).
    pub fn latest_of_hotel(self, hotel: HotelId) -> DbResult<Option<Reservation>> {
        let s = self.0;
        Ok(s.all(reservations::table)
            .filter(reservations::hotel_id.eq(hotel))
            .order((reservations::check_in.desc(), reservations::id.desc()))
            .select(Reservation::as_select())
            .first(s.conn())
            .optional()?)
    }

    /// Active stays of a hotel touching `[from, to)`, for availability.
    pub fn held(
        self,
        hotel: HotelId,
        from: NaiveDate,
        to: NaiveDate,
        except: Option<ReservationId>,
    ) -> DbResult<Vec<Held>> {
        let s = self.0;
        let mut q = s
            .all(reservations::table)
            .filter(reservations::hotel_id.eq(hotel))
            .filter(HoldsRooms)
            .filter(overlapping(from, to))
            .into_boxed();
        if let Some(except) = except {
            q = q.filter(reservations::id.ne(except));
        }
        let rows: Vec<(RoomTypeId, Option<RoomId>, NaiveDate, NaiveDate)> = q
            .select((
                reservations::room_type_id,
                reservations::room_id,
                reservations::check_in,
                reservations::check_out,
            ))
            .load(s.conn())?;
        Ok(rows
            .into_iter()
            .map(|(room_type, room, check_in, check_out)| Held { room_type, room, check_in, check_out })
            .collect())
    }

    /// Serializes bookings of one room type: on PostgreSQL a row lock on the room type,
    /// held to the end of the transaction; on SQLite the write transaction's
    /// `BEGIN IMMEDIATE` already admits one writer at a time.
    pub fn lock_inventory(self, room_type: RoomTypeId) -> DbResult<()> {
        use super::schema::room_types;
        let s = self.0;
        let lock = s.all(room_types::table).filter(room_types::id.eq(room_type)).select(room_types::id).for_update();
        if let super::DbConnection::Pg(pg) = s.conn() {
            lock.first::<RoomTypeId>(pg)?;
        }
        Ok(())
    }

    /// One page of reservations with guest names, and the total. Short queries that each
    /// follow an index: the page's ids in `(tenant_id, check_in DESC, id DESC)` order (a
    /// name search as a subquery over the tenant's guests), then those reservations with
    /// their guests; the count comes from the aggregate cache when it can. No join over the
    /// whole tenant, whatever its size.
    pub fn page(
        self,
        f: &ReservationFilter,
        sort: &str,
        desc: bool,
        limit: i64,
        offset: i64,
    ) -> DbResult<(Vec<ReservationRow>, i64)> {
        let s = self.0;
        let term = f.search.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let filtered = |s: &TenantScope<'_>| {
            let mut q = s.all(reservations::table).into_boxed();
            if let Some(v) = f.hotel {
                q = q.filter(reservations::hotel_id.eq(v));
            }
            if let Some(v) = f.status {
                q = q.filter(reservations::status.eq(v));
            }
            if let Some(v) = f.source {
                q = q.filter(reservations::source.eq(v));
            }
            if let Some(v) = f.arrival_from {
                q = q.filter(reservations::check_in.ge(v));
            }
            if let Some(v) = f.arrival_to {
                q = q.filter(reservations::check_in.le(v));
            }
            if let Some(v) = f.departure_from {
                q = q.filter(reservations::check_out.ge(v));
            }
            if let Some(v) = f.departure_to {
                q = q.filter(reservations::check_out.le(v));
            }
            if let Some((list, today)) = f.desk {
                q = q.filter(desk_condition(list, today));
            }
            if let Some(term) = term {
                // The tenant's guests whose name matches, as a subquery: every match counts,
                // however many there are.
                let matching = s
                    .all(guests::table)
                    .filter(search::guest_name().like(search::like_pattern(term)).escape(search::ESCAPE))
                    .select(guests::id);
                q = q.filter(
                    reservations::confirmation_code.eq(term.to_uppercase()).or(reservations::guest_id.eq_any(matching)),
                );
            }
            q
        };
        // The total counts every matching row (60,000 in the biggest seeded organization):
        // kept in the aggregate cache until the tenant's next write.
        let total =
            s.cached(format!("reservations.count {f:?}"), |s| Ok(filtered(s).count().get_result(s.conn())?))?;
        let ids = match (sort, f.desk) {
            ("desk", Some((_, today))) => desk_page(s, filtered, &format!("{f:?}"), today, limit, offset)?,
            _ => {
                let q = filtered(s);
                let q = match (sort, desc) {
                    ("check_out", false) => q.order((reservations::check_out.asc(), reservations::id.asc())),
                    ("check_out", true) => q.order((reservations::check_out.desc(), reservations::id.desc())),
                    ("created", false) => q.order((reservations::created_at.asc(), reservations::id.asc())),
                    ("created", true) => q.order((reservations::created_at.desc(), reservations::id.desc())),
                    ("check_in", false) => q.order((reservations::check_in.asc(), reservations::id.asc())),
                    _ => q.order((reservations::check_in.desc(), reservations::id.desc())),
                };
                // The page's ids first, then their rows: skipping `offset` rows then walks
                // the index alone. Asked for whole rows, PostgreSQL fetched (or sorted)
                // every row it skipped: 80 ms for page 500 of 60,000 reservations, 3 ms
                // this way.
                q.limit(limit).offset(offset).select(reservations::id).load(s.conn())?
            }
        };
        Ok((s.reservations().rows_in_order(&ids)?, total))
    }

    /// The list rows of `ids`, in that order.
    pub fn rows_in_order(self, ids: &[ReservationId]) -> DbResult<Vec<ReservationRow>> {
        let s = self.0;
        let mut found: std::collections::HashMap<ReservationId, ReservationRow> = s
            .all(reservations::table)
            .inner_join(joins::guest_of_reservation())
            .filter(reservations::id.eq_any(ids))
            .select((Reservation::as_select(), guests::first_name, guests::last_name))
            .load::<WithGuestName>(s.conn())?
            .into_iter()
            .map(|row| (row.0.id, ReservationRow::from(row)))
            .collect();
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    /// Changes dates, room type, room, party and notes if still at `version`. The caller
    /// has checked availability; the room guard still applies.
    pub fn update_stay(self, id: ReservationId, version: i32, c: &StayChanges) -> DbResult<Reservation> {
        let s = self.0;
        let current = s.reservations().get(id)?;
        if let (Some(room), true) = (c.room_id, current.status.is_active()) {
            s.reservations().ensure_room_free(room, c.check_in, c.check_out, Some(id))?;
        }
        let changed = diesel::update(
            s.all(reservations::table).filter(reservations::id.eq(id)).filter(reservations::version.eq(version)),
        )
        .set((
            reservations::check_in.eq(c.check_in),
            reservations::check_out.eq(c.check_out),
            reservations::room_type_id.eq(c.room_type_id),
            reservations::room_id.eq(c.room_id),
            reservations::adults.eq(c.adults),
            reservations::children.eq(c.children),
            reservations::nightly_rate.eq(c.nightly_rate),
            reservations::total_amount.eq(c.total_amount),
            reservations::notes.eq(&c.notes),
            reservations::version.eq(version + 1),
            reservations::updated_at.eq(Timestamp::now()),
        ))
        .execute(s.conn())?;
        versioned::saved(changed, || s.reservations().get(id))
    }

    /// Arrivals (check-in on `day`), departures (check-out on `day`) and in-house stays of
    /// a hotel: the front desk's day, in one query.
    pub fn desk_day(self, hotel: HotelId, day: NaiveDate) -> DbResult<Vec<ReservationRow>> {
        let s = self.0;
        // check_in <= day <= check_out: the stay overlaps [day - 1, day + 1).
        let (before, after) = (day - chrono::Days::new(1), day + chrono::Days::new(1));
        let rows: Vec<WithGuestName> = s
            .all(reservations::table)
            .inner_join(joins::guest_of_reservation())
            .filter(reservations::hotel_id.eq(hotel))
            .filter(overlapping(before, after))
            .filter(reservations::status.ne_all([ReservationStatus::Cancelled, ReservationStatus::NoShow]))
            .order((reservations::check_in, reservations::id))
            .select((Reservation::as_select(), guests::first_name, guests::last_name))
            .load(s.conn())?;
        Ok(rows.into_iter().map(ReservationRow::from).collect())
    }

    /// Stays that sold room-nights in `[from, to)` (for KPIs): not cancelled, not no-show;
    /// grouped by hotel and dates in the database.
    pub fn sold(self, hotel: Option<HotelId>, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<(HotelId, Sold)>> {
        use diesel::sql_types::BigInt;
        let s = self.0;
        let mut q = s
            .all(reservations::table)
            .filter(reservations::status.eq_any([
                ReservationStatus::Pending,
                ReservationStatus::Confirmed,
                ReservationStatus::CheckedIn,
                ReservationStatus::CheckedOut,
            ]))
            .filter(overlapping(from, to))
            .group_by((reservations::hotel_id, reservations::check_in, reservations::check_out))
            .select((
                reservations::hotel_id,
                reservations::check_in,
                reservations::check_out,
                diesel::dsl::count_star(),
                // PostgreSQL sums a bigint to a numeric; the cast keeps one type on both backends.
                diesel::dsl::sql::<BigInt>("CAST(SUM(reservations.nightly_rate) AS BIGINT)"),
            ))
            .into_boxed();
        if let Some(hotel) = hotel {
            q = q.filter(reservations::hotel_id.eq(hotel));
        }
        let rows: Vec<(HotelId, NaiveDate, NaiveDate, i64, i64)> = q.load(s.conn())?;
        Ok(rows
            .into_iter()
            .map(|(hotel, check_in, check_out, stays, nightly_revenue)| {
                (hotel, Sold { check_in, check_out, stays, nightly_revenue })
            })
            .collect())
    }

    /// Reservations of a hotel due to arrive by `day` that never did: night audit's no-shows.
    pub fn overdue_arrivals(self, hotel: HotelId, day: NaiveDate) -> DbResult<Vec<Reservation>> {
        let s = self.0;
        Ok(s.all(reservations::table)
            .filter(reservations::hotel_id.eq(hotel))
            .filter(reservations::status.eq_any([ReservationStatus::Pending, ReservationStatus::Confirmed]))
            .filter(reservations::check_in.le(day))
            .select(Reservation::as_select())
            .load(s.conn())?)
    }

    /// Checked-in stays of a hotel that sleep the night of `day`.
    pub fn in_house(self, hotel: HotelId, day: NaiveDate) -> DbResult<Vec<Reservation>> {
        let s = self.0;
        Ok(s.all(reservations::table)
            .filter(reservations::hotel_id.eq(hotel))
            .filter(reservations::status.eq(ReservationStatus::CheckedIn))
            .filter(reservations::check_in.le(day))
            .filter(reservations::check_out.gt(day))
            .select(Reservation::as_select())
            .load(s.conn())?)
    }

    /// Stays of a hotel in `[from, to)` that are not cancelled or no-shows, with or without
    /// a room, for the tape chart: its bars, and what it has left to sell.
    pub fn in_window(self, hotel: HotelId, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<ReservationRow>> {
        let s = self.0;
        let rows: Vec<WithGuestName> = s
            .all(reservations::table)
            .inner_join(joins::guest_of_reservation())
            .filter(reservations::hotel_id.eq(hotel))
            .filter(reservations::status.ne_all([ReservationStatus::Cancelled, ReservationStatus::NoShow]))
            .filter(overlapping(from, to))
            .select((Reservation::as_select(), guests::first_name, guests::last_name))
            .load(s.conn())?;
        Ok(rows.into_iter().map(ReservationRow::from).collect())
    }

    /// The active stays (pending, confirmed, in house) in `room` on a night of `[from,
    /// to)`, with their guests' names, by arrival.
    pub fn in_room(self, room: RoomId, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<ReservationRow>> {
        let s = self.0;
        let rows: Vec<WithGuestName> = s
            .all(reservations::table)
            .inner_join(joins::guest_of_reservation())
            .filter(reservations::room_id.eq(room))
            .filter(reservations::status.eq_any(ReservationStatus::ACTIVE))
            .filter(overlapping(from, to))
            .order((reservations::check_in, reservations::id))
            .select((Reservation::as_select(), guests::first_name, guests::last_name))
            .load(s.conn())?;
        Ok(rows.into_iter().map(ReservationRow::from).collect())
    }

    /// Takes the room away from a stay that has not arrived (it keeps its room type and
    /// its place in availability), if still at `version`.
    pub fn unassign_room_at(self, id: ReservationId, version: i32) -> DbResult<Reservation> {
        self.set_room_at(id, version, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The constant predicate names exactly the active statuses.
    #[test]
    fn the_active_predicate_is_the_active_statuses() {
        let listed: Vec<String> = ReservationStatus::ACTIVE.iter().map(|s| format!("'{}'", s.as_str())).collect();
        assert_eq!(ACTIVE_SQL, format!("reservations.status IN ({})", listed.join(", ")));
    }
}
