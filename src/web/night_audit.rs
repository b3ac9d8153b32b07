//! The night-audit button on a hotel's page.

use actix_web::web;
use serde::Deserialize;

use super::error::Reply;
use super::extract::TenantCtx;
use super::forms::{self, FieldErrors};
use super::pages::see_other;
use super::state::State;
use super::urls;
use crate::domain::HotelId;
use crate::i18n::Msg;
use crate::stays;
use crate::web::error::AppError;

#[derive(Deserialize)]
pub struct AuditForm {
    #[serde(default)]
    date: String,
}

/// Runs the audit for the date asked, or for the hotel's business date (see
/// `stays::business_day`). A date after the hotel's today is refused.
pub async fn run(ctx: TenantCtx, state: State, path: web::Path<HotelId>, form: web::Form<AuditForm>) -> Reply {
    let hotel = path.into_inner();
    let raw = form.into_inner().date;
    // A bad date is reported only once the hotel is known to be this organization's, so
    // that another tenant's hotel is still not found.
    let day = match raw.trim() {
        "" => Ok(None),
        raw => forms::date(&mut FieldErrors::default(), "date", raw).map(Some).ok_or(()),
    };
    let report = ctx
        .write(&state, move |s, _| {
            let h = s.hotels().get(hotel)?;
            match day {
                Ok(day) => Ok(stays::night_audit(s, &h, day)?),
                Err(()) => Err(AppError::Conflict(Msg::new("res-audit-date-format"))),
            }
        })
        .await?;
    // The dates as ISO days, as the hotel page shows the business date.
    ctx.flash(
        "success",
        Msg::new("res-audit-done")
            .arg("date", report.date.to_string())
            .arg("no_shows", report.no_shows)
            .arg("charges", report.charges_posted)
            .arg("business_date", report.business_date.map(|d| d.to_string()).unwrap_or_default()),
    );
    Ok(see_other(&urls::hotel(hotel)))
}
