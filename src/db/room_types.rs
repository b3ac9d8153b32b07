//! Room types of a hotel.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::room_types;
use super::scope::{scoped_insert, TenantScope};
use super::{versioned, DbResult};
use crate::domain::ids::{HotelId, RoomTypeId, TenantId};
use crate::domain::values::Timestamp;

/// Also a whole row: export and import (`db::transfer`), bulk loads (`TenantScope::load`,
/// which sets `tenant_id` to the scope's before anything is written).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = room_types, treat_none_as_default_value = false)]
pub struct RoomType {
    pub tenant_id: TenantId,
    pub id: RoomTypeId,
    pub hotel_id: HotelId,
    pub code: String,
    pub name: String,
    pub description: Option<String>,
    pub base_occupancy: i32,
    pub max_occupancy: i32,
    pub base_rate: i64,
    pub is_active: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
}

#[derive(Insertable, AsChangeset, Clone, Debug, Serialize)]
#[diesel(table_name = room_types, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct RoomTypeFields {
    pub code: String,
    pub name: String,
    pub description: Option<String>,
    pub base_occupancy: i32,
    pub max_occupancy: i32,
    pub base_rate: i64,
    pub is_active: bool,
}

pub struct RoomTypes<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn room_types(&mut self) -> RoomTypes<'_, 'c> {
        RoomTypes(self)
    }
}

impl RoomTypes<'_, '_> {
    pub fn list(self, hotel: Option<HotelId>) -> DbResult<Vec<RoomType>> {
        let s = self.0;
        let mut q = s.all(room_types::table).into_boxed();
        if let Some(hotel) = hotel {
            q = q.filter(room_types::hotel_id.eq(hotel));
        }
        Ok(q.order((room_types::hotel_id, room_types::base_rate, room_types::code))
            .select(RoomType::as_select())
            .load(s.conn())?)
    }

    pub fn get(self, id: RoomTypeId) -> DbResult<RoomType> {
        let s = self.0;
        Ok(s.all(room_types::table).filter(room_types::id.eq(id)).select(RoomType::as_select()).first(s.conn())?)
    }

    pub fn create(self, hotel: HotelId, fields: &RoomTypeFields) -> DbResult<RoomType> {
        let s = self.0;
        let (id, now) = (RoomTypeId::new(), Timestamp::now());
        scoped_insert!(
            s,
            room_types,
            (
                room_types::id.eq(id),
                room_types::hotel_id.eq(hotel),
                room_types::created_at.eq(now),
                room_types::updated_at.eq(now),
                fields
            )
        )
        .execute(s.conn())?;
        s.room_types().get(id)
    }

    pub fn update(self, id: RoomTypeId, version: i32, fields: &RoomTypeFields) -> DbResult<RoomType> {
        let s = self.0;
        let changed = diesel::update(
            s.all(room_types::table).filter(room_types::id.eq(id)).filter(room_types::version.eq(version)),
        )
        .set((fields, room_types::version.eq(version + 1), room_types::updated_at.eq(Timestamp::now())))
        .execute(s.conn())?;
        versioned::saved(changed, || s.room_types().get(id))
    }

    pub fn delete(self, id: RoomTypeId) -> DbResult<()> {
        let s = self.0;
        versioned::found(diesel::delete(s.all(room_types::table).filter(room_types::id.eq(id))).execute(s.conn())?)
    }
}
