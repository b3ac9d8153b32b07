//! The night-audit button on a hotel's page.

use actix_web::{web, HttpResponse};
use chrono::{Duration, Utc};
use serde::Deserialize;

use super::booking::date;
use super::extract::TenantCtx;
use super::forms::FieldErrors;
use super::pages::see_other;
use super::AppState;
use crate::domain::booking::today_in;
use crate::domain::HotelId;
use crate::error::AppError;

#[derive(Deserialize)]
pub struct AuditForm {
    #[serde(default)]
    date: String,
}

/// Runs the audit for the date asked, or for the hotel's business date (yesterday, the
/// first time). A date after the hotel's today is refused.
pub async fn run(
    ctx: TenantCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<AuditForm>,
) -> Result<HttpResponse, AppError> {
    let hotel: HotelId = path.parse().map_err(|_| AppError::NotFound)?;
    let raw = form.into_inner().date;
    let report = ctx
        .write(&state, move |s, _| {
            let h = s.hotels().get(hotel)?;
            let today = today_in(&h.timezone, Utc::now());
            let day = if raw.trim().is_empty() {
                h.business_date.unwrap_or(today - Duration::days(1)).min(today)
            } else {
                date(&mut FieldErrors::default(), "date", &raw)
                    .ok_or_else(|| AppError::Conflict("Enter the date to audit like 2026-11-21.".into()))?
            };
            if day > today {
                return Err(AppError::Conflict(format!(
                    "{day} has not happened yet at {}; its night audit cannot run.",
                    h.name
                )));
            }
            Ok(s.night_audit(hotel, day)?)
        })
        .await?;
    ctx.flash(
        "success",
        format!(
            "Night audit for {}: {} no-show{}, {} room charge{} posted. Business date is now {}.",
            report.date,
            report.no_shows,
            if report.no_shows == 1 { "" } else { "s" },
            report.charges_posted,
            if report.charges_posted == 1 { "" } else { "s" },
            report.business_date.map(|d| d.to_string()).unwrap_or_default()
        ),
    );
    Ok(see_other(&format!("/hotels/{hotel}")))
}
