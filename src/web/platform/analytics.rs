//! `/platform/analytics`: organizations by kind and status, each organization's last 30
//! days with totals per currency (never summed across currencies), and growth over the
//! last twelve months as server-rendered SVG.

use crate::web::error::Reply;
use crate::web::state::State;
use crate::web::urls;
use askama::Template;
use chrono::{Datelike, Duration, Utc};

use crate::domain::analytics::{last_months, month_key, totals_by_currency, CurrencyTotal, OrgActivity};
use crate::domain::{TenantKind, TenantStatus, Timestamp};
use crate::web::extract::PlatformCtx;
use crate::web::pages::ok;
use crate::web::session::Flash;

/// How many organizations the activity table lists; the totals cover all of them.
const TOP: usize = 50;
const MONTHS: u32 = 12;

pub struct KindRow {
    pub kind: TenantKind,
    pub counts: Vec<i64>,
    pub total: i64,
}

/// A bar chart in SVG coordinates; its title is a catalogue key.
pub struct BarChart {
    pub title: &'static str,
    pub bars: Vec<ChartBar>,
    pub width: i64,
    pub height: i64,
    pub bar_width: i64,
    pub max: i64,
}

pub struct ChartBar {
    pub x: i64,
    pub y: i64,
    pub height: i64,
    pub label: String,
    pub value: i64,
}

impl BarChart {
    fn new(title: &'static str, points: Vec<(String, i64)>) -> Self {
        let (width, height) = (720i64, 160i64);
        let step = width / points.len().max(1) as i64;
        let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1);
        let bars = points
            .into_iter()
            .enumerate()
            .map(|(i, (label, value))| {
                let h = value * (height - 24) / max;
                ChartBar { x: i as i64 * step + 4, y: height - h, height: h, label, value }
            })
            .collect();
        Self { title, bars, width, height, bar_width: step - 8, max }
    }
}

#[derive(Template)]
#[template(path = "platform/analytics.html")]
struct AnalyticsPage {
    tr: crate::i18n::Tr,
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    statuses: &'static [TenantStatus],
    kinds: Vec<KindRow>,
    status_totals: Vec<i64>,
    organizations: i64,
    top: Vec<OrgActivity>,
    more: usize,
    totals: Vec<CurrencyTotal>,
    charts: Vec<BarChart>,
}

impl AnalyticsPage {
    /// An amount in its own currency (the platform's figures are per currency).
    fn money(&self, minor: impl std::borrow::Borrow<i64>, currency: &str) -> String {
        self.tr.money_in(*minor.borrow(), currency)
    }
}

pub async fn show(ctx: PlatformCtx, state: State) -> Reply {
    let months = last_months(Utc::now().date_naive(), MONTHS);
    let since = Timestamp(months[0].and_hms_opt(0, 0, 0).expect("midnight").and_utc());
    let (me, language, tenants, mut activity, made) = ctx
        .read(&state, move |p, me| {
            let tenants = p.tenants().list()?;
            let activity = p.org_activity(&tenants)?;
            let made = p.reservations_by_month(since)?;
            Ok((me.full_name.clone(), me.language.clone(), tenants, activity, made))
        })
        .await?;
    let tr = ctx.signed_in.tr(language.as_deref());

    let statuses = TenantStatus::ALL;
    let kinds: Vec<KindRow> = TenantKind::ALL
        .iter()
        .map(|&kind| {
            let counts: Vec<i64> = statuses
                .iter()
                .map(|&s| tenants.iter().filter(|t| t.kind == kind && t.status == s).count() as i64)
                .collect();
            KindRow { kind, total: counts.iter().sum(), counts }
        })
        .collect();
    let status_totals = statuses.iter().map(|&s| tenants.iter().filter(|t| t.status == s).count() as i64).collect();

    let organizations_at = |end: chrono::NaiveDate| {
        let end = end.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
        tenants.iter().filter(|t| t.created_at.0 < end).count() as i64
    };
    let month_label = |m: chrono::NaiveDate| tr.month(m);
    let orgs_chart = BarChart::new(
        "platform-chart-organizations",
        months
            .iter()
            .map(|&m| {
                let next = (m + Duration::days(32)).with_day0(0).expect("first of month");
                (month_label(m), organizations_at(next))
            })
            .collect(),
    );
    let made_chart = BarChart::new(
        "platform-chart-reservations",
        months.iter().map(|&m| (month_label(m), made.get(&month_key(m)).copied().unwrap_or(0))).collect(),
    );

    let totals = totals_by_currency(&activity);
    activity.sort_by(|a, b| b.reservations.cmp(&a.reservations).then_with(|| a.name.cmp(&b.name)));
    let organizations = activity.len() as i64;
    let more = activity.len().saturating_sub(TOP);
    activity.truncate(TOP);
    ok(&AnalyticsPage {
        tr,
        user_name: me,
        csrf: ctx.csrf().to_owned(),
        flash: ctx.flash(),
        statuses,
        kinds,
        status_totals,
        organizations,
        top: activity,
        more,
        totals,
        charts: vec![orgs_chart, made_chart],
    })
}
