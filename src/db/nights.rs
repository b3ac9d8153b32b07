//! The nights of a stay: what each was sold at and under which plan. Written by booking,
//! kept by edits (which add and remove nights but never re-price the ones they keep), read
//! by the night audit and check-out (which post each night's agreed price).

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::reservation_nights;
use super::scope::TenantScope;
use super::DbResult;
use crate::domain::ids::{RatePlanId, ReservationId, TenantId};

/// Also a whole row: export and import, bulk loads.
#[derive(Queryable, Selectable, Insertable, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[diesel(table_name = reservation_nights, treat_none_as_default_value = false)]
pub struct ReservationNight {
    pub tenant_id: TenantId,
    pub reservation_id: ReservationId,
    pub night: NaiveDate,
    /// `None`: the room type's rack rate (the hotel had no plan for it).
    pub rate_plan_id: Option<RatePlanId>,
    pub price: i64,
}

impl ReservationNight {
    pub fn new(reservation: ReservationId, night: NaiveDate, plan: Option<RatePlanId>, price: i64) -> Self {
        Self {
            tenant_id: TenantId::from_uuid(uuid::Uuid::nil()),
            reservation_id: reservation,
            night,
            rate_plan_id: plan,
            price,
        }
    }
}

pub struct Nights<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn nights(&mut self) -> Nights<'_, 'c> {
        Nights(self)
    }
}

impl Nights<'_, '_> {
    /// The nights of a stay, in order.
    pub fn of(self, reservation: ReservationId) -> DbResult<Vec<ReservationNight>> {
        let s = self.0;
        Ok(s.all(reservation_nights::table)
            .filter(reservation_nights::reservation_id.eq(reservation))
            .order(reservation_nights::night)
            .select(ReservationNight::as_select())
            .load(s.conn())?)
    }

    /// Writes nights (their tenant is the scope's).
    pub fn write(self, mut nights: Vec<ReservationNight>) -> DbResult<usize> {
        self.0.load(&mut nights)
    }

    /// Removes the nights of a stay outside `[from, to)`.
    pub fn keep_only(self, reservation: ReservationId, from: NaiveDate, to: NaiveDate) -> DbResult<usize> {
        let s = self.0;
        Ok(diesel::delete(
            s.all(reservation_nights::table)
                .filter(reservation_nights::reservation_id.eq(reservation))
                .filter(reservation_nights::night.lt(from).or(reservation_nights::night.ge(to))),
        )
        .execute(s.conn())?)
    }

    /// The agreed price of night `night` of each of `stays` that has one.
    pub fn prices_on(self, stays: &[ReservationId], night: NaiveDate) -> DbResult<HashMap<ReservationId, i64>> {
        let s = self.0;
        let mut prices = HashMap::new();
        for chunk in stays.chunks(500) {
            let rows: Vec<(ReservationId, i64)> = s
                .all(reservation_nights::table)
                .filter(reservation_nights::reservation_id.eq_any(chunk))
                .filter(reservation_nights::night.eq(night))
                .select((reservation_nights::reservation_id, reservation_nights::price))
                .load(s.conn())?;
            prices.extend(rows);
        }
        Ok(prices)
    }
}
