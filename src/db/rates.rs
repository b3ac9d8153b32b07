//! Rate plans: their policy, the room types each sells (at a base price), and the rate
//! calendar's dates (a price override and restrictions per plan, room type and date).
//! Pricing itself is `domain::rates`; `stays::rates` puts the two together.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::{rate_days, rate_plan_prices, rate_plans};
use super::scope::{scoped_insert, TenantScope};
use super::{versioned, DbResult};
use crate::domain::enums::{Adjustment, ChargeBasis};
use crate::domain::ids::{HotelId, RatePlanId, RoomTypeId, TenantId};
use crate::domain::rates::{Charge, DayRule, Derivation};
use crate::domain::values::Timestamp;

/// Also a whole row: export and import (`db::transfer`), bulk loads.
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = rate_plans, treat_none_as_default_value = false)]
pub struct RatePlan {
    pub tenant_id: TenantId,
    pub id: RatePlanId,
    pub hotel_id: HotelId,
    pub code: String,
    pub name: String,
    pub parent_id: Option<RatePlanId>,
    pub adjust_kind: Option<Adjustment>,
    pub adjust_value: Option<i64>,
    pub is_active: bool,
    pub deposit_kind: ChargeBasis,
    pub deposit_value: i64,
    pub deposit_due_days: i32,
    pub cancel_hours: Option<i32>,
    pub penalty_kind: ChargeBasis,
    pub penalty_value: i64,
    pub no_show_kind: ChargeBasis,
    pub no_show_value: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
}

impl RatePlan {
    /// How a derived plan follows its parent; `None` for a base plan.
    pub fn derivation(&self) -> Option<Derivation> {
        match (self.parent_id, self.adjust_kind, self.adjust_value) {
            (Some(_), Some(kind), Some(value)) => Some(Derivation { kind, value }),
            _ => None,
        }
    }
    pub fn deposit(&self) -> Charge {
        Charge { basis: self.deposit_kind, value: self.deposit_value }
    }
    pub fn penalty(&self) -> Charge {
        Charge { basis: self.penalty_kind, value: self.penalty_value }
    }
    pub fn no_show_fee(&self) -> Charge {
        Charge { basis: self.no_show_kind, value: self.no_show_value }
    }
}

/// What the plan form sets.
#[derive(Insertable, AsChangeset, Clone, Debug, Default, Serialize)]
#[diesel(table_name = rate_plans, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct RatePlanFields {
    pub code: String,
    pub name: String,
    pub parent_id: Option<RatePlanId>,
    pub adjust_kind: Option<Adjustment>,
    pub adjust_value: Option<i64>,
    pub is_active: bool,
    pub deposit_kind: ChargeBasis,
    pub deposit_value: i64,
    pub deposit_due_days: i32,
    pub cancel_hours: Option<i32>,
    pub penalty_kind: ChargeBasis,
    pub penalty_value: i64,
    pub no_show_kind: ChargeBasis,
    pub no_show_value: i64,
}

/// A room type a plan sells, at a base price (`None` on a derived plan).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[diesel(table_name = rate_plan_prices, treat_none_as_default_value = false)]
pub struct RatePlanPrice {
    pub tenant_id: TenantId,
    pub rate_plan_id: RatePlanId,
    pub room_type_id: RoomTypeId,
    pub hotel_id: HotelId,
    pub price: Option<i64>,
}

/// One date of the rate calendar for a plan and room type.
#[derive(Queryable, Selectable, Insertable, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[diesel(table_name = rate_days, treat_none_as_default_value = false)]
pub struct RateDay {
    pub tenant_id: TenantId,
    pub rate_plan_id: RatePlanId,
    pub room_type_id: RoomTypeId,
    pub day: NaiveDate,
    pub price: Option<i64>,
    pub min_stay: Option<i32>,
    pub max_stay: Option<i32>,
    pub closed: bool,
    pub closed_to_arrival: bool,
    pub closed_to_departure: bool,
}

impl RateDay {
    pub fn rule(&self) -> DayRule {
        DayRule {
            price: self.price,
            min_stay: self.min_stay,
            max_stay: self.max_stay,
            closed: self.closed,
            closed_to_arrival: self.closed_to_arrival,
            closed_to_departure: self.closed_to_departure,
        }
    }

    /// The row that stores `rule` (its tenant is set by the scope on insert).
    pub fn of(plan: RatePlanId, room_type: RoomTypeId, day: NaiveDate, rule: DayRule) -> Self {
        RateDay {
            tenant_id: TenantId::from_uuid(uuid::Uuid::nil()),
            rate_plan_id: plan,
            room_type_id: room_type,
            day,
            price: rule.price,
            min_stay: rule.min_stay,
            max_stay: rule.max_stay,
            closed: rule.closed,
            closed_to_arrival: rule.closed_to_arrival,
            closed_to_departure: rule.closed_to_departure,
        }
    }
}

pub struct RatePlans<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn rate_plans(&mut self) -> RatePlans<'_, 'c> {
        RatePlans(self)
    }
}

impl RatePlans<'_, '_> {
    /// The plans of a hotel (or of every hotel), base plans first, by code.
    pub fn list(self, hotel: Option<HotelId>) -> DbResult<Vec<RatePlan>> {
        let s = self.0;
        let mut q = s.all(rate_plans::table).into_boxed();
        if let Some(hotel) = hotel {
            q = q.filter(rate_plans::hotel_id.eq(hotel));
        }
        let mut plans: Vec<RatePlan> =
            q.order((rate_plans::hotel_id, rate_plans::code)).select(RatePlan::as_select()).load(s.conn())?;
        plans.sort_by_key(|p| (p.hotel_id, p.parent_id.is_some()));
        Ok(plans)
    }

    pub fn get(self, id: RatePlanId) -> DbResult<RatePlan> {
        let s = self.0;
        Ok(s.all(rate_plans::table).filter(rate_plans::id.eq(id)).select(RatePlan::as_select()).first(s.conn())?)
    }

    pub fn create(self, hotel: HotelId, fields: &RatePlanFields) -> DbResult<RatePlan> {
        let s = self.0;
        let (id, now) = (RatePlanId::new(), Timestamp::now());
        scoped_insert!(
            s,
            rate_plans,
            (
                rate_plans::id.eq(id),
                rate_plans::hotel_id.eq(hotel),
                rate_plans::created_at.eq(now),
                rate_plans::updated_at.eq(now),
                fields
            )
        )
        .execute(s.conn())?;
        s.rate_plans().get(id)
    }

    pub fn update(self, id: RatePlanId, version: i32, fields: &RatePlanFields) -> DbResult<RatePlan> {
        let s = self.0;
        let changed = diesel::update(
            s.all(rate_plans::table).filter(rate_plans::id.eq(id)).filter(rate_plans::version.eq(version)),
        )
        .set((fields, rate_plans::version.eq(version + 1), rate_plans::updated_at.eq(Timestamp::now())))
        .execute(s.conn())?;
        versioned::saved(changed, || s.rate_plans().get(id))
    }

    /// Deletes a plan with its prices and dates; refused (`Reference`) while a stay was
    /// booked on it or another plan follows it.
    pub fn delete(self, id: RatePlanId) -> DbResult<()> {
        let s = self.0;
        versioned::found(diesel::delete(s.all(rate_plans::table).filter(rate_plans::id.eq(id))).execute(s.conn())?)
    }

    /// The room types the plans of `hotel` sell, with their base prices.
    pub fn prices(self, hotel: HotelId) -> DbResult<Vec<RatePlanPrice>> {
        let s = self.0;
        Ok(s.all(rate_plan_prices::table)
            .filter(rate_plan_prices::hotel_id.eq(hotel))
            .select(RatePlanPrice::as_select())
            .load(s.conn())?)
    }

    /// Whether another plan follows plan `id` (a base plan cannot then follow one itself).
    pub fn is_followed(self, id: RatePlanId) -> DbResult<bool> {
        let s = self.0;
        let followers: i64 =
            s.all(rate_plans::table).filter(rate_plans::parent_id.eq(id)).count().get_result(s.conn())?;
        Ok(followers > 0)
    }

    /// Makes plan `plan` (of `hotel`) sell exactly `sells`, at those base prices. A room
    /// type it stops selling loses its dates.
    pub fn set_prices(self, plan: &RatePlan, sells: &[(RoomTypeId, Option<i64>)]) -> DbResult<()> {
        let s = self.0;
        let kept: Vec<RoomTypeId> = sells.iter().map(|(t, _)| *t).collect();
        diesel::delete(
            s.all(rate_plan_prices::table)
                .filter(rate_plan_prices::rate_plan_id.eq(plan.id))
                .filter(rate_plan_prices::room_type_id.ne_all(&kept)),
        )
        .execute(s.conn())?;
        for (room_type, price) in sells {
            let changed = diesel::update(
                s.all(rate_plan_prices::table)
                    .filter(rate_plan_prices::rate_plan_id.eq(plan.id))
                    .filter(rate_plan_prices::room_type_id.eq(room_type)),
            )
            .set(rate_plan_prices::price.eq(price))
            .execute(s.conn())?;
            if changed == 0 {
                scoped_insert!(
                    s,
                    rate_plan_prices,
                    (
                        rate_plan_prices::rate_plan_id.eq(plan.id),
                        rate_plan_prices::room_type_id.eq(room_type),
                        rate_plan_prices::hotel_id.eq(plan.hotel_id),
                        rate_plan_prices::price.eq(price),
                    )
                )
                .execute(s.conn())?;
            }
        }
        Ok(())
    }

    /// The dates set for `plans` from `from` to `to`, both included.
    pub fn days(self, plans: &[RatePlanId], from: NaiveDate, to: NaiveDate) -> DbResult<Vec<RateDay>> {
        let s = self.0;
        Ok(s.all(rate_days::table)
            .filter(rate_days::rate_plan_id.eq_any(plans))
            .filter(rate_days::day.between(from, to))
            .select(RateDay::as_select())
            .load(s.conn())?)
    }

    /// Replaces plan `plan`'s dates `days` for `room_type` by `rows` (dates with nothing
    /// set are simply not among them).
    pub fn replace_days(
        self,
        plan: RatePlanId,
        room_type: RoomTypeId,
        days: &[NaiveDate],
        mut rows: Vec<RateDay>,
    ) -> DbResult<usize> {
        let s = self.0;
        for chunk in days.chunks(500) {
            diesel::delete(
                s.all(rate_days::table)
                    .filter(rate_days::rate_plan_id.eq(plan))
                    .filter(rate_days::room_type_id.eq(room_type))
                    .filter(rate_days::day.eq_any(chunk)),
            )
            .execute(s.conn())?;
        }
        s.load(&mut rows)
    }
}

impl RatePlans<'_, '_> {
    /// Writes whole rows (the seeders'), each with this scope's tenant: plans (base plans
    /// before the plans that follow them), their prices, their dates.
    pub fn add_rows(
        self,
        mut plans: Vec<RatePlan>,
        mut prices: Vec<RatePlanPrice>,
        mut days: Vec<RateDay>,
    ) -> DbResult<()> {
        let s = self.0;
        plans.sort_by_key(|p| p.parent_id.is_some());
        s.load(&mut plans)?;
        s.load(&mut prices)?;
        s.load(&mut days)?;
        Ok(())
    }
}
