//! Hotels of one organization.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::hotels;
use super::scope::{scoped_insert, TenantScope};
use super::{versioned, DbResult};
use crate::domain::ids::{HotelId, TenantId};
use crate::domain::values::Timestamp;

/// Also a whole row: export and import (`db::transfer`), bulk loads (`TenantScope::load`,
/// which sets `tenant_id` to the scope's before anything is written).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = hotels, treat_none_as_default_value = false)]
pub struct Hotel {
    pub tenant_id: TenantId,
    pub id: HotelId,
    pub code: String,
    pub name: String,
    pub brand: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub timezone: String,
    pub star_rating: Option<i32>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub is_active: bool,
    pub business_date: Option<NaiveDate>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
}

/// What a manager edits. Used for both insert and update; `tenant_id` is not here.
#[derive(Insertable, AsChangeset, Clone, Debug, Default, Serialize)]
#[diesel(table_name = hotels, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct HotelFields {
    pub code: String,
    pub name: String,
    pub brand: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub timezone: String,
    pub star_rating: Option<i32>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub is_active: bool,
}

pub struct Hotels<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn hotels(&mut self) -> Hotels<'_, 'c> {
        Hotels(self)
    }
}

impl Hotels<'_, '_> {
    /// Every hotel, by name. Most pages show them (filters, the switcher of the tape
    /// chart), so a read keeps them in the aggregate cache until the tenant's next write.
    pub fn list(self) -> DbResult<Vec<Hotel>> {
        self.0.cached("hotels".into(), |s| {
            Ok(s.all(hotels::table).order((hotels::name, hotels::id)).select(Hotel::as_select()).load(s.conn())?)
        })
    }

    pub fn count(self) -> DbResult<i64> {
        let s = self.0;
        Ok(s.all(hotels::table).count().get_result(s.conn())?)
    }

    pub fn get(self, id: HotelId) -> DbResult<Hotel> {
        let s = self.0;
        Ok(s.all(hotels::table).filter(hotels::id.eq(id)).select(Hotel::as_select()).first(s.conn())?)
    }

    pub fn by_code(self, code: &str) -> DbResult<Hotel> {
        let s = self.0;
        Ok(s.all(hotels::table).filter(hotels::code.eq(code)).select(Hotel::as_select()).first(s.conn())?)
    }

    pub fn create(self, fields: &HotelFields) -> DbResult<Hotel> {
        let s = self.0;
        let (id, now) = (HotelId::new(), Timestamp::now());
        scoped_insert!(s, hotels, (hotels::id.eq(id), hotels::created_at.eq(now), hotels::updated_at.eq(now), fields))
            .execute(s.conn())?;
        s.hotels().get(id)
    }

    /// Saves `fields` if the row is still at `version`; otherwise `Stale`.
    pub fn update(self, id: HotelId, version: i32, fields: &HotelFields) -> DbResult<Hotel> {
        let s = self.0;
        let changed =
            diesel::update(s.all(hotels::table).filter(hotels::id.eq(id)).filter(hotels::version.eq(version)))
                .set((fields, hotels::version.eq(version + 1), hotels::updated_at.eq(Timestamp::now())))
                .execute(s.conn())?;
        versioned::saved(changed, || s.hotels().get(id))
    }

    pub fn set_business_date(self, id: HotelId, date: NaiveDate) -> DbResult<()> {
        let s = self.0;
        let changed = diesel::update(s.all(hotels::table).filter(hotels::id.eq(id)))
            .set((
                hotels::business_date.eq(date),
                hotels::updated_at.eq(Timestamp::now()),
                hotels::version.eq(hotels::version + 1),
            ))
            .execute(s.conn())?;
        versioned::found(changed)
    }

    /// Deletes a hotel that nothing references yet; `Reference` if rooms or bookings do.
    pub fn delete(self, id: HotelId) -> DbResult<()> {
        let s = self.0;
        versioned::found(diesel::delete(s.all(hotels::table).filter(hotels::id.eq(id))).execute(s.conn())?)
    }

    /// One page of hotels, sorted by `sort` (`name`, `code` or `city`), and the total.
    pub fn page(self, sort: &str, desc: bool, limit: i64, offset: i64) -> DbResult<(Vec<Hotel>, i64)> {
        let s = self.0;
        let total = s.all(hotels::table).count().get_result(s.conn())?;
        let q = s.all(hotels::table).into_boxed();
        let q = match (sort, desc) {
            ("code", false) => q.order((hotels::code.asc(), hotels::id)),
            ("code", true) => q.order((hotels::code.desc(), hotels::id)),
            ("city", false) => q.order((hotels::city.asc(), hotels::name, hotels::id)),
            ("city", true) => q.order((hotels::city.desc(), hotels::name, hotels::id)),
            (_, true) => q.order((hotels::name.desc(), hotels::id)),
            _ => q.order((hotels::name.asc(), hotels::id)),
        };
        let rows = q.limit(limit).offset(offset).select(Hotel::as_select()).load(s.conn())?;
        Ok((rows, total))
    }

    /// Rooms per hotel, for list pages.
    pub fn room_counts(self) -> DbResult<std::collections::HashMap<HotelId, i64>> {
        use super::schema::rooms;
        let s = self.0;
        let rows: Vec<(HotelId, i64)> = s
            .all(rooms::table)
            .group_by(rooms::hotel_id)
            .select((rooms::hotel_id, diesel::dsl::count_star()))
            .load(s.conn())?;
        Ok(rows.into_iter().collect())
    }
}
