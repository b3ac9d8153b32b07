//! Room blocks: a room out of order or out of service for a range of nights, with a
//! reason. Availability leaves a blocked room out on those nights only.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::{room_blocks, rooms};
use super::scope::{joins, scoped_insert, TenantScope};
use super::{versioned, DbResult};
use crate::domain::availability::Held;
use crate::domain::enums::{BlockKind, HousekeepingStatus};
use crate::domain::ids::{HotelId, RoomBlockId, RoomId, RoomTypeId, TenantId, UserId};
use crate::domain::values::Timestamp;

/// Also a whole row: export and import (`db::transfer`).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = room_blocks, treat_none_as_default_value = false)]
pub struct RoomBlock {
    pub tenant_id: TenantId,
    pub id: RoomBlockId,
    pub hotel_id: HotelId,
    pub room_id: RoomId,
    pub kind: BlockKind,
    pub starts_on: NaiveDate,
    /// The first night the room is back on sale.
    pub ends_on: NaiveDate,
    pub reason: String,
    pub created_by: Option<UserId>,
    pub created_at: Timestamp,
}

impl RoomBlock {
    /// Whether the block takes the room off sale on `night`.
    pub fn covers(&self, night: NaiveDate) -> bool {
        self.starts_on <= night && night < self.ends_on
    }

    /// The last night it is off sale.
    pub fn last_night(&self) -> NaiveDate {
        self.ends_on.pred_opt().unwrap_or(self.ends_on)
    }
}

#[derive(Insertable, Clone, Debug)]
#[diesel(table_name = room_blocks)]
pub struct NewRoomBlock {
    pub hotel_id: HotelId,
    pub room_id: RoomId,
    pub kind: BlockKind,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub reason: String,
}

pub struct RoomBlocks<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn room_blocks(&mut self) -> RoomBlocks<'_, 'c> {
        RoomBlocks(self)
    }
}

impl RoomBlocks<'_, '_> {
    pub fn create(self, new: &NewRoomBlock) -> DbResult<RoomBlock> {
        let s = self.0;
        let id = RoomBlockId::new();
        scoped_insert!(
            s,
            room_blocks,
            (
                room_blocks::id.eq(id),
                room_blocks::created_by.eq(s.user_id()),
                room_blocks::created_at.eq(Timestamp::now()),
                new
            )
        )
        .execute(s.conn())?;
        s.room_blocks().get(id)
    }

    pub fn get(self, id: RoomBlockId) -> DbResult<RoomBlock> {
        let s = self.0;
        Ok(s.all(room_blocks::table).filter(room_blocks::id.eq(id)).select(RoomBlock::as_select()).first(s.conn())?)
    }

    /// The blocks of `room` that are not over by `day` (current and future), soonest first.
    pub fn of_room(self, room: RoomId, day: NaiveDate) -> DbResult<Vec<RoomBlock>> {
        let s = self.0;
        Ok(s.all(room_blocks::table)
            .filter(room_blocks::room_id.eq(room))
            .filter(room_blocks::ends_on.gt(day))
            .order((room_blocks::starts_on, room_blocks::id))
            .select(RoomBlock::as_select())
            .load(s.conn())?)
    }

    /// The block of each room of `hotel` that is current on `day` or the next to come.
    pub fn next_of_hotel(self, hotel: HotelId, day: NaiveDate) -> DbResult<HashMap<RoomId, RoomBlock>> {
        let s = self.0;
        let blocks: Vec<RoomBlock> = s
            .all(room_blocks::table)
            .filter(room_blocks::hotel_id.eq(hotel))
            .filter(room_blocks::ends_on.gt(day))
            .order((room_blocks::starts_on.desc(), room_blocks::id))
            .select(RoomBlock::as_select())
            .load(s.conn())?;
        // Soonest last, so that it is the one kept.
        Ok(blocks.into_iter().map(|b| (b.room_id, b)).collect())
    }

    /// The nights in `[from, to)` on which a block takes a room of `hotel` off sale, as
    /// `Held` rows (room, type, dates), for the rooms that would otherwise be sellable
    /// (active, and not out of order or service without dates).
    pub fn held(self, hotel: HotelId, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<Held>> {
        let s = self.0;
        let rows: Vec<(RoomId, RoomTypeId, NaiveDate, NaiveDate)> = s
            .all(room_blocks::table)
            .inner_join(joins::room_of_block())
            .filter(room_blocks::hotel_id.eq(hotel))
            .filter(room_blocks::starts_on.lt(to))
            .filter(room_blocks::ends_on.gt(from))
            .filter(rooms::is_active.eq(true))
            .filter(rooms::housekeeping_status.ne_all(HousekeepingStatus::UNSELLABLE))
            .select((room_blocks::room_id, rooms::room_type_id, room_blocks::starts_on, room_blocks::ends_on))
            .load(s.conn())?;
        Ok(rows
            .into_iter()
            .map(|(room, room_type, check_in, check_out)| Held { room_type, room: Some(room), check_in, check_out })
            .collect())
    }

    /// Puts the room back on sale from `day`: a block that has started ends then, one
    /// that has not is removed.
    pub fn end(self, block: &RoomBlock, day: NaiveDate) -> DbResult<()> {
        let s = self.0;
        let this = s.all(room_blocks::table).filter(room_blocks::id.eq(block.id));
        let changed = if block.starts_on < day {
            diesel::update(this).set(room_blocks::ends_on.eq(day)).execute(s.conn())?
        } else {
            diesel::delete(this).execute(s.conn())?
        };
        versioned::found(changed)
    }
}
