//! `/reports`: occupancy, ADR and RevPAR by hotel and period (day, week or month), with
//! the formulas of docs/ARCHITECTURE.md ("Reservation rules"), as a table or a CSV download.

use actix_web::{web, HttpResponse};
use askama::Template;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use serde::Deserialize;

use super::error::Reply;
use super::extract::TenantCtx;
use super::pages::{ok, Chrome};
use super::state::State;
use super::urls;
use crate::db::hotels::Hotel;
use crate::domain::booking::today_in;
use crate::domain::kpi::{Kpis, Sold};
use crate::domain::money;
use crate::domain::tax;
use crate::domain::HotelId;
use crate::i18n::Msg;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportQuery {
    pub hotel: String,
    pub from: String,
    pub to: String,
    pub period: String,
    pub format: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
}

impl Period {
    fn parse(raw: &str) -> Self {
        match raw {
            "week" => Self::Week,
            "month" => Self::Month,
            _ => Self::Day,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
        }
    }

    /// The first day of the period containing `d`.
    fn start_of(self, d: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => d,
            Self::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
            Self::Month => d.with_day(1).unwrap_or(d),
        }
    }

    fn next(self, d: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => d + Duration::days(1),
            Self::Week => d + Duration::days(7),
            Self::Month => {
                let (y, m) = if d.month() == 12 { (d.year() + 1, 1) } else { (d.year(), d.month() + 1) };
                NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d + Duration::days(31))
            }
        }
    }
}

pub struct Line {
    pub hotel: String,
    pub from: NaiveDate,
    /// Exclusive.
    pub to: NaiveDate,
    pub kpis: Kpis,
}

impl Line {
    /// The period's last day (inclusive).
    pub fn last_day(&self) -> NaiveDate {
        self.to - Duration::days(1)
    }
}

#[derive(Template)]
#[template(path = "reports/show.html")]
struct ReportPage {
    chrome: Chrome,
    hotels: Vec<Hotel>,
    query: ReportQuery,
    period: Period,
    from: NaiveDate,
    to: NaiveDate,
    lines: Vec<Line>,
    total: Kpis,
    csv_href: String,
    note: Option<Msg>,
    /// The taxes the charges posted in the period carry, per rule.
    taxes: Vec<Collected>,
}

/// What one tax rule collected in the period (voids taken back).
pub struct Collected {
    pub hotel: String,
    pub code: String,
    pub name: String,
    pub included: bool,
    pub amount: i64,
}

impl ReportPage {
    /// Occupancy as a ratio (0.303), for `chrome.percent`.
    pub fn occupancy_ratio(&self, k: &Kpis) -> f64 {
        k.occupancy_bp() as f64 / 10_000.0
    }
}

/// What the report's lines are worked out from, read in one transaction.
struct Figures<'a> {
    chosen: &'a [Hotel],
    sold: &'a [(HotelId, Sold)],
    rooms: &'a [(HotelId, i64)],
    rules: &'a [crate::db::taxes::TaxRule],
}

impl Figures<'_> {
    /// A line per hotel and period over `[from, end)`, on net room revenue, and the total.
    fn lines(&self, period: Period, from: NaiveDate, end: NaiveDate) -> (Vec<Line>, Kpis) {
        let mut lines = Vec::new();
        let mut total = Kpis::default();
        for h in self.chosen {
            let room_count = self.rooms.iter().find(|(id, _)| *id == h.id).map_or(0, |(_, n)| *n);
            let stays: Vec<Sold> = self.sold.iter().filter(|(hotel, _)| *hotel == h.id).map(|(_, s)| *s).collect();
            let own: Vec<tax::Rule> = self.rules.iter().filter(|r| r.hotel_id == h.id).map(|r| r.rule()).collect();
            let mut start = period.start_of(from).max(from);
            while start < end {
                let stop = period.next(period.start_of(start)).min(end);
                let kpis = Kpis::compute_net(room_count, &stays, start, stop, |n| tax::included_room_rate(&own, n));
                total.add(kpis);
                lines.push(Line { hotel: h.name.clone(), from: start, to: stop, kpis });
                start = stop;
            }
        }
        (lines, total)
    }
}

/// The report's lines for the chosen hotels, periods and dates (inclusive `to`).
pub async fn show(ctx: TenantCtx, state: State, query: web::Query<ReportQuery>) -> Reply {
    let query = query.into_inner();
    let period = Period::parse(query.period.trim());
    let wanted = query.hotel.parse().ok();
    let parse = |raw: &str| super::forms::day(raw);
    let (asked_from, asked_to) = (parse(&query.from), parse(&query.to));
    let (view, hotels, chosen, sold, rooms, today, rules, collected) = ctx
        .read(&state, move |s, m| {
            let hotels = s.hotels().list()?;
            let chosen: Vec<Hotel> = match wanted {
                Some(id) => vec![s.hotels().get(id)?],
                None => hotels.clone(),
            };
            let today = today_in(&m.acting.tenant.timezone, Utc::now());
            let from = asked_from.unwrap_or(today - Duration::days(30));
            let to = asked_to.unwrap_or(today).max(from);
            let sold = s.reservations().sold(wanted, from, to + Duration::days(1))?;
            let mut rooms = Vec::new();
            for h in &chosen {
                rooms.push((h.id, s.rooms().sellable_by_type(h.id)?.values().sum::<i64>()));
            }
            let rules = s.tax_rules().list(wanted)?;
            let collected = s.tax_rules().collected(from, to + Duration::days(1))?;
            Ok((m.view(), hotels, chosen, sold, rooms, today, rules, collected))
        })
        .await?;
    let mut from = asked_from.unwrap_or(today - Duration::days(30));
    let mut to = asked_to.unwrap_or(today).max(from);
    let mut note = None;
    if (to - from).num_days() > 366 {
        to = from + Duration::days(366);
        note = Some(Msg::new("rep-range-shortened").arg("days", 366));
    }
    if asked_from.is_none() && !query.from.trim().is_empty() {
        note = Some(Msg::new("rep-bad-start").arg("days", 30));
        from = today - Duration::days(30);
    }
    let figures = Figures { chosen: &chosen, sold: &sold, rooms: &rooms, rules: &rules };
    let (lines, total) = figures.lines(period, from, to + Duration::days(1));
    let currency = view.tr.currency().to_owned();
    if query.format == "csv" {
        return Ok(csv(&lines, &currency));
    }
    let csv_href = format!(
        "{}?hotel={}&from={from}&to={to}&period={}&format=csv",
        urls::reports(),
        query.hotel.trim(),
        period.key()
    );
    let taxes = collected
        .into_iter()
        .filter_map(|(id, amount)| {
            let rule = rules.iter().find(|r| r.id == id)?;
            let hotel = chosen.iter().find(|h| h.id == rule.hotel_id).map_or(String::new(), |h| h.name.clone());
            Some(Collected { hotel, code: rule.code.clone(), name: rule.name.clone(), included: rule.included, amount })
        })
        .collect();
    let page = ReportPage {
        chrome: Chrome::new(&ctx, view, "reports"),
        taxes,
        hotels,
        query,
        period,
        from,
        to,
        lines,
        total,
        csv_href,
        note,
    };
    ok(&page)
}

/// The report as CSV, for machines: stable English snake_case headers, never translated, and
/// plain numbers (dot decimal, no grouping) whatever the reader's language.
fn csv(lines: &[Line], currency: &str) -> HttpResponse {
    let decimal = |minor: i64| money::plain(minor, currency);
    let mut out = String::from(
        "hotel,from,to,room_nights_available,room_nights_sold,occupancy_percent,adr,revpar,room_revenue,currency\n",
    );
    for l in lines {
        let k = l.kpis;
        out.push_str(&format!(
            "{},{},{},{},{},{:.2},{},{},{},{currency}\n",
            csv_field(&l.hotel),
            l.from,
            l.to - Duration::days(1),
            k.available,
            k.sold,
            k.occupancy_bp() as f64 / 100.0,
            decimal(k.adr()),
            decimal(k.revpar()),
            decimal(k.revenue),
        ));
    }
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", "attachment; filename=\"hotelier-report.csv\""))
        .body(out)
}

/// Quotes a CSV field when needed, and defuses spreadsheet formulas.
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', '"', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_bucket_dates() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(Period::Week.start_of(d("2026-11-22")), d("2026-11-16"));
        assert_eq!(Period::Month.next(d("2026-12-05")), d("2027-01-01"));
        assert_eq!(csv_field("A, B"), "\"A, B\"");
        assert_eq!(csv_field("=HYPERLINK()"), "'=HYPERLINK()");
    }
}
