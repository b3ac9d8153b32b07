//! Rooms of a hotel and their housekeeping status.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::rooms;
use super::scope::{scoped_insert, TenantScope};
use super::{versioned, DbResult};
use crate::domain::enums::HousekeepingStatus;
use crate::domain::ids::{HotelId, RoomId, RoomTypeId, TenantId};
use crate::domain::values::Timestamp;

/// Also a whole row: export and import (`db::transfer`), bulk loads (`TenantScope::load`,
/// which sets `tenant_id` to the scope's before anything is written).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = rooms, treat_none_as_default_value = false)]
pub struct Room {
    pub tenant_id: TenantId,
    pub id: RoomId,
    pub hotel_id: HotelId,
    pub room_type_id: RoomTypeId,
    pub number: String,
    pub floor: Option<i32>,
    pub housekeeping_status: HousekeepingStatus,
    pub is_active: bool,
    pub notes: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
}

impl Room {
    /// Whether the room can be sold at all: active, and not out of order or out of
    /// service. `Rooms::sellable_by_type` counts the same rooms in SQL.
    pub fn is_sellable(&self) -> bool {
        self.is_active && self.housekeeping_status.is_sellable()
    }
}

#[derive(Insertable, AsChangeset, Clone, Debug, Serialize)]
#[diesel(table_name = rooms, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct RoomFields {
    pub room_type_id: RoomTypeId,
    pub number: String,
    pub floor: Option<i32>,
    pub housekeeping_status: HousekeepingStatus,
    pub is_active: bool,
    pub notes: Option<String>,
}

/// Filters for the rooms list.
#[derive(Clone, Debug, Default)]
pub struct RoomFilter {
    pub hotel: Option<HotelId>,
    pub status: Option<HousekeepingStatus>,
}

pub struct Rooms<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn rooms(&mut self) -> Rooms<'_, 'c> {
        Rooms(self)
    }
}

impl Rooms<'_, '_> {
    pub fn list(self, hotel: Option<HotelId>) -> DbResult<Vec<Room>> {
        let s = self.0;
        let mut q = s.all(rooms::table).into_boxed();
        if let Some(hotel) = hotel {
            q = q.filter(rooms::hotel_id.eq(hotel));
        }
        Ok(q.order((rooms::hotel_id, rooms::floor, rooms::number)).select(Room::as_select()).load(s.conn())?)
    }

    /// The numbers of rooms `ids` (a list page's rooms).
    pub fn numbers(self, ids: &[RoomId]) -> DbResult<std::collections::HashMap<RoomId, String>> {
        let s = self.0;
        let rows: Vec<(RoomId, String)> =
            s.all(rooms::table).filter(rooms::id.eq_any(ids)).select((rooms::id, rooms::number)).load(s.conn())?;
        Ok(rows.into_iter().collect())
    }

    pub fn count(self) -> DbResult<i64> {
        let s = self.0;
        Ok(s.all(rooms::table).count().get_result(s.conn())?)
    }

    pub fn get(self, id: RoomId) -> DbResult<Room> {
        let s = self.0;
        Ok(s.all(rooms::table).filter(rooms::id.eq(id)).select(Room::as_select()).first(s.conn())?)
    }

    /// Creates a room. The composite foreign key refuses a room type of another hotel or
    /// tenant with `Reference`.
    pub fn create(self, hotel: HotelId, fields: &RoomFields) -> DbResult<Room> {
        let s = self.0;
        let (id, now) = (RoomId::new(), Timestamp::now());
        scoped_insert!(
            s,
            rooms,
            (rooms::id.eq(id), rooms::hotel_id.eq(hotel), rooms::created_at.eq(now), rooms::updated_at.eq(now), fields)
        )
        .execute(s.conn())?;
        s.rooms().get(id)
    }

    pub fn update(self, id: RoomId, version: i32, fields: &RoomFields) -> DbResult<Room> {
        let s = self.0;
        let changed = diesel::update(s.all(rooms::table).filter(rooms::id.eq(id)).filter(rooms::version.eq(version)))
            .set((fields, rooms::version.eq(version + 1), rooms::updated_at.eq(Timestamp::now())))
            .execute(s.conn())?;
        versioned::saved(changed, || s.rooms().get(id))
    }

    /// The one-click housekeeping change; last writer wins, as on a paper board.
    pub fn set_housekeeping(self, id: RoomId, status: HousekeepingStatus) -> DbResult<Room> {
        let s = self.0;
        let changed = diesel::update(s.all(rooms::table).filter(rooms::id.eq(id)))
            .set((
                rooms::housekeeping_status.eq(status),
                rooms::version.eq(rooms::version + 1),
                rooms::updated_at.eq(Timestamp::now()),
            ))
            .execute(s.conn())?;
        versioned::found(changed)?;
        s.rooms().get(id)
    }

    pub fn delete(self, id: RoomId) -> DbResult<()> {
        let s = self.0;
        versioned::found(diesel::delete(s.all(rooms::table).filter(rooms::id.eq(id))).execute(s.conn())?)
    }

    /// One page of rooms, sorted by `number`, `floor` or `status`, and the total.
    pub fn page(
        self,
        filter: &RoomFilter,
        sort: &str,
        desc: bool,
        limit: i64,
        offset: i64,
    ) -> DbResult<(Vec<Room>, i64)> {
        let s = self.0;
        let filtered = |s: &TenantScope<'_>| {
            let mut q = s.all(rooms::table).into_boxed();
            if let Some(hotel) = filter.hotel {
                q = q.filter(rooms::hotel_id.eq(hotel));
            }
            if let Some(status) = filter.status {
                q = q.filter(rooms::housekeeping_status.eq(status));
            }
            q
        };
        let total = filtered(s).count().get_result(s.conn())?;
        let q = filtered(s);
        let q = match (sort, desc) {
            ("floor", false) => q.order((rooms::floor.asc(), rooms::number, rooms::id)),
            ("floor", true) => q.order((rooms::floor.desc(), rooms::number, rooms::id)),
            ("status", false) => q.order((rooms::housekeeping_status.asc(), rooms::number, rooms::id)),
            ("status", true) => q.order((rooms::housekeeping_status.desc(), rooms::number, rooms::id)),
            (_, true) => q.order((rooms::hotel_id, rooms::number.desc(), rooms::id)),
            _ => q.order((rooms::hotel_id, rooms::number.asc(), rooms::id)),
        };
        Ok((q.limit(limit).offset(offset).select(Room::as_select()).load(s.conn())?, total))
    }

    /// Rooms that can be sold, per room type: [`Room::is_sellable`] in SQL (active, and
    /// not in one of [`HousekeepingStatus::UNSELLABLE`]).
    pub fn sellable_by_type(self, hotel: HotelId) -> DbResult<std::collections::HashMap<RoomTypeId, i64>> {
        let s = self.0;
        let rows: Vec<(RoomTypeId, i64)> = s
            .all(rooms::table)
            .filter(rooms::hotel_id.eq(hotel))
            .filter(rooms::is_active.eq(true))
            .filter(rooms::housekeeping_status.ne_all(HousekeepingStatus::UNSELLABLE))
            .group_by(rooms::room_type_id)
            .select((rooms::room_type_id, diesel::dsl::count_star()))
            .load(s.conn())?;
        Ok(rows.into_iter().collect())
    }

    /// Marks a room dirty after a check-out.
    pub fn mark_dirty(self, id: RoomId) -> DbResult<Room> {
        self.set_housekeeping(id, HousekeepingStatus::Dirty)
    }
}
