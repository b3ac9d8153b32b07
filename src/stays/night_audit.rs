//! The night audit of one hotel and business date: marks the day's no-shows, posts one
//! room charge per in-house stay, and moves the hotel's business date on. Running it
//! again for the same date changes nothing (the charges' unique index backs that).

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::taxes::Taxes;
use super::{today_at, Refused, StayResult};
use crate::db::audit::Event;
use crate::db::hotels::Hotel;
use crate::db::TenantScope;
use crate::domain::ReservationStatus;

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct NightAuditReport {
    pub date: NaiveDate,
    pub no_shows: usize,
    pub charges_posted: usize,
    /// The no-show fees posted, in minor units.
    #[serde(default)]
    pub no_show_fees: i64,
    pub business_date: Option<NaiveDate>,
}

/// The date a night audit closes when none is asked for: the hotel's business date, or
/// yesterday the first time, never after the hotel's today.
pub fn business_day(hotel: &Hotel) -> NaiveDate {
    let today = today_at(hotel);
    hotel.business_date.unwrap_or(today - Duration::days(1)).min(today)
}

/// Closes business date `date` (by default [`business_day`]) for `h`, as read in this
/// transaction. A date after the hotel's today is refused.
pub fn night_audit(s: &mut TenantScope<'_>, h: &Hotel, date: Option<NaiveDate>) -> StayResult<NightAuditReport> {
    let hotel = h.id;
    let date = date.unwrap_or_else(|| business_day(h));
    if date > today_at(h) {
        return Err(Refused::AuditTooEarly { day: date, hotel: h.name.clone() }.into());
    }
    let mut report = NightAuditReport { date, ..NightAuditReport::default() };
    let tenant = &s.organization()?;
    for r in s.reservations().overdue_arrivals(hotel, date)? {
        // Pending stays that never confirmed are cancelled by policy elsewhere; the audit
        // marks confirmed ones as no-shows, which the status machine allows.
        if r.status != ReservationStatus::Confirmed {
            continue;
        }
        s.reservations().set_status(r.id, r.version, ReservationStatus::NoShow, None)?;
        report.no_show_fees += super::status::no_show_fee(s, tenant, &r, h)?;
        s.audit(
            &Event::new("reservation.no_show", "reservation", r.id)
                .after(serde_json::json!({ "status": "no_show", "by": "night_audit", "date": date })),
        )?;
        report.no_shows += 1;
    }
    let in_house = s.reservations().in_house(hotel, date)?;
    let ids: Vec<_> = in_house.iter().map(|r| r.id).collect();
    let agreed = s.nights().prices_on(&ids, date)?;
    let taxes = Taxes::load(s, hotel)?;
    for r in in_house {
        // Each night's agreed price (a stay booked before nights were stored: its rate).
        let price = agreed.get(&r.id).copied().unwrap_or(r.nightly_rate);
        if let Some(entry) = s.folio().post_room_night(r.id, date, price)? {
            taxes.room_night(s, entry, &r, date, price)?;
            report.charges_posted += 1;
        }
    }
    let next = date + Duration::days(1);
    if h.business_date.is_none_or(|d| d < next) {
        s.hotels().set_business_date(hotel, next)?;
    }
    report.business_date = Some(s.hotels().get(hotel)?.business_date.unwrap_or(next));
    if report.no_shows + report.charges_posted > 0 || h.business_date != report.business_date {
        s.audit(&Event::new("night_audit.run", "hotel", hotel).after(&report))?;
    }
    Ok(report)
}
