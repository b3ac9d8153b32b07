//! `/`: the organization at a glance. The reservations work fills in arrivals,
//! departures and KPIs; for now it counts what the organization has set up.

use actix_web::{web, HttpResponse};
use askama::Template;

use super::extract::TenantCtx;
use super::pages::{ok, Chrome};
use super::AppState;
use crate::domain::HousekeepingStatus;
use crate::error::AppError;

#[derive(Template)]
#[template(path = "dashboard/show.html")]
struct DashboardPage {
    chrome: Chrome,
    hotels: i64,
    rooms: i64,
    reservations: i64,
    to_clean: usize,
    out_of_order: usize,
}

pub async fn show(ctx: TenantCtx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let (view, hotels, rooms, reservations, statuses) = ctx
        .read(&state, |s, m| {
            let rooms = s.rooms().list(None)?;
            let statuses: Vec<HousekeepingStatus> = rooms.iter().map(|r| r.housekeeping_status).collect();
            Ok::<_, AppError>((m.view(), s.hotels().count()?, rooms.len() as i64, s.reservations().count()?, statuses))
        })
        .await?;
    let to_clean = statuses.iter().filter(|s| **s == HousekeepingStatus::Dirty).count();
    let out_of_order = statuses.iter().filter(|s| !s.is_sellable()).count();
    ok(&DashboardPage {
        chrome: Chrome::new(&ctx, view, "dashboard"),
        hotels,
        rooms,
        reservations,
        to_clean,
        out_of_order,
    })
}
