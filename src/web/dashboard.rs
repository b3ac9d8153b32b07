//! `/`: today at each hotel (in the hotel's timezone), KPIs for the last and next 30
//! days, and an occupancy chart drawn as server-rendered SVG.

use askama::Template;
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::error::Reply;
use super::extract::TenantCtx;
use super::pages::{ok, Chrome};
use super::state::State;
use super::urls;
use crate::db::hotels::Hotel;
use crate::db::reservations::Reservation;
use crate::db::{DbResult, TenantScope};
use crate::domain::availability::nights;
use crate::domain::booking::today_in;
use crate::domain::kpi::{Kpis, Sold};
use crate::domain::tax;
use crate::domain::HotelId;
use crate::domain::{HousekeepingStatus, ReservationStatus};
use crate::i18n::Tr;

/// One hotel's day.
#[derive(Clone)]
pub struct HotelToday {
    pub hotel: Hotel,
    pub today: NaiveDate,
    pub arrivals: usize,
    pub departures: usize,
    pub in_house: usize,
    pub to_clean: usize,
    pub rooms: i64,
    pub tonight: usize,
}

/// The chart's bars, already in SVG coordinates.
pub struct Bar {
    pub x: i64,
    pub y: i64,
    pub height: i64,
    pub past: bool,
    /// The bar's tooltip: the day and its occupancy, in the reader's language.
    pub label: String,
}

pub struct Chart {
    pub bars: Vec<Bar>,
    pub today_x: i64,
    pub width: i64,
    pub height: i64,
    pub bar_width: i64,
}

const CHART_DAYS: i64 = 30;

#[derive(Template)]
#[template(path = "dashboard/show.html")]
struct DashboardPage {
    chrome: Chrome,
    hotels: Vec<HotelToday>,
    last30: Kpis,
    next30: Kpis,
    chart: Chart,
    totals: (usize, usize, usize, usize),
}

impl DashboardPage {
    /// Tonight's occupancy of a hotel, in whole percent ("75%"), or "—" without rooms.
    pub fn occupancy(&self, h: &HotelToday) -> String {
        if h.rooms == 0 {
            "—".into()
        } else {
            self.chrome.whole_percent(h.tonight as f64 * 100.0 / h.rooms as f64)
        }
    }

    /// Occupancy as a ratio (0.303), for `chrome.percent`.
    pub fn occupancy_ratio(&self, k: &Kpis) -> f64 {
        k.occupancy_bp() as f64 / 10_000.0
    }

    /// The chart's top line: "100%".
    pub fn full_scale(&self) -> String {
        self.chrome.whole_percent(100.0)
    }
}

/// What the dashboard shows, read in one transaction and kept in the aggregate cache
/// until the organization's next write (the window's stays are thousands of rows in a
/// big organization).
#[derive(Clone)]
struct Figures {
    hotels: Vec<HotelToday>,
    /// The window's stays, by hotel.
    sold: Vec<(HotelId, Sold)>,
    rooms_total: i64,
    /// Each hotel's tax rules: ADR and RevPAR are on net room revenue.
    taxes: Vec<(HotelId, Vec<tax::Rule>)>,
}

/// The KPIs of every hotel together over `[from, to)`, on net room revenue.
fn net_kpis(f: &Figures, from: NaiveDate, to: NaiveDate) -> Kpis {
    let mut k = Kpis::compute(f.rooms_total, &[], from, to);
    for (hotel, rules) in &f.taxes {
        let stays: Vec<Sold> = f.sold.iter().filter(|(h, _)| h == hotel).map(|(_, s)| *s).collect();
        k.add(Kpis::compute_net(0, &stays, from, to, |night| tax::included_room_rate(rules, night)));
    }
    k
}

pub async fn show(ctx: TenantCtx, state: State) -> Reply {
    let (view, figures, org_today) = ctx
        .read(&state, |s, m| {
            let now = Utc::now();
            let org_today = today_in(&m.acting.tenant.timezone, now);
            // The key names every date the figures use: the organization's and each hotel's.
            let days: Vec<NaiveDate> = s.hotels().list()?.iter().map(|h| today_in(&h.timezone, now)).collect();
            let figures = s.cached(format!("dashboard {org_today} {days:?}"), |s| figures(s, org_today, now))?;
            Ok((m.view(), figures, org_today))
        })
        .await?;
    let last30 = net_kpis(&figures, org_today - Duration::days(CHART_DAYS), org_today);
    let next30 = net_kpis(&figures, org_today, org_today + Duration::days(CHART_DAYS));
    let sold: Vec<Sold> = figures.sold.iter().map(|(_, s)| *s).collect();
    let chart = chart(&view.tr, figures.rooms_total, &sold, org_today);
    let hotels = figures.hotels;
    let totals = hotels
        .iter()
        .fold((0, 0, 0, 0), |t, h| (t.0 + h.arrivals, t.1 + h.departures, t.2 + h.in_house, t.3 + h.to_clean));
    ok(&DashboardPage { chrome: Chrome::new(&ctx, view, "dashboard"), hotels, last30, next30, chart, totals })
}

/// Each active hotel's day (in its own timezone) and the stays of the chart's window.
fn figures(s: &mut TenantScope<'_>, org_today: NaiveDate, now: DateTime<Utc>) -> DbResult<Figures> {
    let mut hotels = Vec::new();
    let mut rooms_total = 0;
    // All rooms in one query; each hotel's day needs its own date, so one each.
    let all_rooms = s.rooms().list(None)?;
    for hotel in s.hotels().list()?.into_iter().filter(|h| h.is_active) {
        let today = today_in(&hotel.timezone, now);
        let rooms: Vec<_> = all_rooms.iter().filter(|r| r.hotel_id == hotel.id).collect();
        let sellable = rooms.iter().filter(|r| r.is_sellable()).count() as i64;
        rooms_total += sellable;
        let day = s.reservations().desk_day(hotel.id, today)?;
        let count = |wanted: &dyn Fn(&Reservation) -> bool| day.iter().filter(|r| wanted(&r.reservation)).count();
        hotels.push(HotelToday {
            arrivals: count(&|r| {
                r.check_in == today && matches!(r.status, ReservationStatus::Pending | ReservationStatus::Confirmed)
            }),
            departures: count(&|r| r.check_out == today && r.status == ReservationStatus::CheckedIn),
            in_house: count(&|r| r.status == ReservationStatus::CheckedIn && r.check_out > today),
            tonight: count(&|r| r.status.is_active() && r.check_out > today),
            to_clean: rooms.iter().filter(|r| r.housekeeping_status == HousekeepingStatus::Dirty).count(),
            rooms: sellable,
            today,
            hotel,
        });
    }
    let window = (org_today - Duration::days(CHART_DAYS), org_today + Duration::days(CHART_DAYS));
    let sold = s.reservations().sold(None, window.0, window.1)?;
    let mut taxes: Vec<(HotelId, Vec<tax::Rule>)> = Vec::new();
    for rule in s.tax_rules().list(None)? {
        match taxes.iter_mut().find(|(h, _)| *h == rule.hotel_id) {
            Some((_, rules)) => rules.push(rule.rule()),
            None => taxes.push((rule.hotel_id, vec![rule.rule()])),
        }
    }
    // Hotels without tax rules count at their prices as sold.
    for (hotel, _) in &sold {
        if !taxes.iter().any(|(h, _)| h == hotel) {
            taxes.push((*hotel, Vec::new()));
        }
    }
    Ok(Figures { hotels, sold, rooms_total, taxes })
}

/// Daily occupancy from 30 days back to 30 days ahead, as bars.
fn chart(tr: &Tr, rooms: i64, stays: &[Sold], today: NaiveDate) -> Chart {
    let (width, height, bar_width) = (720, 160, 12);
    let from = today - Duration::days(CHART_DAYS);
    let mut per_day = vec![0i64; (2 * CHART_DAYS) as usize];
    for s in stays {
        for night in nights(s.check_in.max(from), s.check_out.min(today + Duration::days(CHART_DAYS))) {
            per_day[(night - from).num_days() as usize] += s.stays;
        }
    }
    let step = width / (2 * CHART_DAYS);
    let bars = per_day
        .iter()
        .enumerate()
        .map(|(i, sold)| {
            let pct = if rooms == 0 { 0 } else { (sold * 100 / rooms).min(100) };
            let h = pct * (height - 20) / 100;
            let day = from + Duration::days(i as i64);
            let label = tr.place2("dash-chart-bar", "day", &tr.day(day), "percent", &tr.whole_percent(pct as f64));
            Bar { x: i as i64 * step, y: height - h, height: h, past: day < today, label }
        })
        .collect();
    Chart { bars, today_x: CHART_DAYS * step, width, height, bar_width: bar_width.min(step - 1) }
}
