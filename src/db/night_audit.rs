//! The night audit of one hotel and business date: marks the day's no-shows, posts one
//! room charge per in-house stay, and moves the hotel's business date on. Running it
//! again for the same date changes nothing (the charges' unique index backs that).

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::audit::Event;
use super::{DbResult, TenantScope};
use crate::domain::{HotelId, ReservationStatus};

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct NightAuditReport {
    pub date: NaiveDate,
    pub no_shows: usize,
    pub charges_posted: usize,
    pub business_date: Option<NaiveDate>,
}

impl TenantScope<'_> {
    /// Closes business date `date` for `hotel`.
    pub fn night_audit(&mut self, hotel: HotelId, date: NaiveDate) -> DbResult<NightAuditReport> {
        let mut report = NightAuditReport { date, ..NightAuditReport::default() };
        for r in self.reservations().overdue_arrivals(hotel, date)? {
            // Pending stays that never confirmed are cancelled by policy elsewhere; the
            // audit marks confirmed ones as no-shows, which the status machine allows.
            if r.status != ReservationStatus::Confirmed {
                continue;
            }
            self.reservations().set_status(r.id, r.version, ReservationStatus::NoShow, None)?;
            self.audit(
                &Event::new("reservation.no_show", "reservation", r.id)
                    .after(serde_json::json!({ "status": "no_show", "by": "night_audit", "date": date })),
            )?;
            report.no_shows += 1;
        }
        for r in self.reservations().in_house(hotel, date)? {
            if self.folio().post_room_night(r.id, date, r.nightly_rate)? {
                report.charges_posted += 1;
            }
        }
        let current = self.hotels().get(hotel)?;
        let next = date + Duration::days(1);
        if current.business_date.is_none_or(|d| d < next) {
            self.hotels().set_business_date(hotel, next)?;
        }
        report.business_date = Some(self.hotels().get(hotel)?.business_date.unwrap_or(next));
        if report.no_shows + report.charges_posted > 0 || current.business_date != report.business_date {
            self.audit(&Event::new("night_audit.run", "hotel", hotel).after(&report))?;
        }
        Ok(report)
    }
}
