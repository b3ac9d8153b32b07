//! What a stay's rate plan says about money: the deposit and whether it is paid, what
//! cancelling costs now, and the no-show fee. Worked out from the nights the stay was
//! sold at (`reservation_nights`), never from today's prices.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::db::folio::{FolioEntry, NewFolioEntry};
use crate::db::nights::ReservationNight;
use crate::db::rates::RatePlan;
use crate::db::reservations::Reservation;
use crate::db::{DbResult, TenantScope};
use crate::domain::rates::{free_until, Quote};
use crate::domain::FolioKind;
use crate::i18n::Tr;

/// A stay's terms under its plan. A stay on the rack rate (no plan) has none: no deposit,
/// free cancellation, no fee.
#[derive(Clone, Debug, Default)]
pub struct Terms {
    /// What the stay was sold at, night by night.
    pub quote: Quote,
    pub deposit: i64,
    /// The day the deposit is due by (the booking's day when due at booking).
    pub deposit_due: Option<NaiveDate>,
    /// Payments less refunds so far.
    pub paid: i64,
    /// Free cancellation until then (hotel time); `None` with a penalty: never free.
    pub free_until: Option<NaiveDateTime>,
    /// What the plan's penalty comes to, whenever it applies.
    pub penalty: i64,
    /// What cancelling at the moment asked costs.
    pub penalty_now: i64,
    pub no_show_fee: i64,
}

impl Terms {
    /// The terms of stay `r` on `plan`, with its nights and folio, at hotel time `now`.
    pub fn of(
        r: &Reservation,
        plan: Option<&RatePlan>,
        nights: &[ReservationNight],
        entries: &[FolioEntry],
        now: NaiveDateTime,
    ) -> Terms {
        let mut nights: Vec<(NaiveDate, i64)> = nights.iter().map(|n| (n.night, n.price)).collect();
        if nights.is_empty() {
            nights =
                crate::domain::availability::nights(r.check_in, r.check_out).map(|n| (n, r.nightly_rate)).collect();
        }
        let quote = Quote { total: nights.iter().map(|(_, p)| p).sum(), nights };
        let voided = FolioEntry::voided(entries);
        let paid = -entries
            .iter()
            .filter(|e| matches!(e.kind, FolioKind::Payment | FolioKind::Refund))
            .filter(|e| !voided.contains(&e.id) && !e.is_void())
            .map(FolioEntry::signed_amount)
            .sum::<i64>();
        Terms { paid, ..Terms::offered(plan, quote, r.check_in, r.created_at.0.date_naive(), now) }
    }

    /// The terms of a stay arriving `check_in`, sold at `quote` on `plan` on day `booked`,
    /// at hotel time `now`, before anything is paid: what the booking step tells the desk
    /// (and the guest) before the stay is booked.
    pub fn offered(
        plan: Option<&RatePlan>,
        quote: Quote,
        check_in: NaiveDate,
        booked: NaiveDate,
        now: NaiveDateTime,
    ) -> Terms {
        let Some(plan) = plan else {
            return Terms { quote, ..Terms::default() };
        };
        let deposit = plan.deposit().amount(&quote);
        let deposit_due = (deposit > 0)
            .then(|| (check_in - Duration::days(i64::from(plan.deposit_due_days))).max(booked))
            .map(|due| if plan.deposit_due_days == 0 { booked } else { due });
        let penalty = plan.penalty().amount(&quote);
        let free = free_until(check_in, plan.cancel_hours);
        let penalty_now = match free {
            Some(until) if now <= until => 0,
            _ => penalty,
        };
        Terms {
            no_show_fee: plan.no_show_fee().amount(&quote),
            quote,
            deposit,
            deposit_due,
            paid: 0,
            free_until: if penalty > 0 { free } else { None },
            penalty,
            penalty_now,
        }
    }

    /// The deposit is asked for and not yet paid.
    pub fn deposit_owed(&self) -> i64 {
        (self.deposit - self.paid).max(0)
    }

    /// Cancelling costs nothing at any time.
    pub fn always_free(&self) -> bool {
        self.penalty == 0
    }
}

/// The terms of stay `r` now, as read in this transaction.
pub fn terms(s: &mut TenantScope<'_>, r: &Reservation, now: NaiveDateTime) -> DbResult<Terms> {
    let nights = s.nights().of(r.id)?;
    let plan = nights.iter().find_map(|n| n.rate_plan_id).map(|p| s.rate_plans().get(p)).transpose()?;
    let entries = s.folio().entries(r.id)?;
    Ok(Terms::of(r, plan.as_ref(), &nights, &entries, now))
}

/// The terms of stay `r` at its hotel's time now.
pub fn terms_now(s: &mut TenantScope<'_>, r: &Reservation) -> DbResult<Terms> {
    let hotel = s.hotels().get(r.hotel_id)?;
    terms(s, r, super::now_at(&hotel))
}

/// Posts a policy charge (the cancellation penalty, the no-show fee) to the stay's folio,
/// described in the organization's language (`key`, a `folio-` catalogue key).
pub(super) fn post_charge(
    s: &mut TenantScope<'_>,
    r: &Reservation,
    words: &Tr,
    key: &str,
    amount: i64,
) -> DbResult<()> {
    s.folio().post(&NewFolioEntry {
        reservation_id: r.id,
        kind: FolioKind::Charge,
        description: words.t(key),
        amount,
        method: None,
        reference: None,
        service_date: Some(r.check_in),
    })?;
    Ok(())
}
