//! `/platform/health`: the isolation health report, red where a layer is missing. The
//! same report is `hotelier doctor` on the command line.

use crate::web::error::Reply;
use crate::web::state::State;
use crate::web::urls;
use actix_web::http::StatusCode;
use askama::Template;

use crate::db::isolation::{IsolationReport, Verdict};
use crate::web::extract::PlatformCtx;
use crate::web::pages::render;
use crate::web::session::Flash;

#[derive(Template)]
#[template(path = "platform/health.html")]
struct HealthPage {
    tr: crate::i18n::Tr,
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    report: IsolationReport,
    verdict: Verdict,
}

impl HealthPage {
    /// A verdict's word: OK, Warning, FAIL.
    fn verdict_label(&self, verdict: impl std::borrow::Borrow<Verdict>) -> String {
        self.tr.t(match verdict.borrow() {
            Verdict::Ok => "platform-verdict-ok",
            Verdict::Warn => "platform-verdict-warn",
            Verdict::Fail => "platform-verdict-fail",
        })
    }
}

/// Answers 200 when healthy and 503 when a check fails, so a monitor can poll it too.
pub async fn show(ctx: PlatformCtx, state: State) -> Reply {
    let (me, language, report) =
        ctx.read(&state, |p, me| Ok((me.full_name.clone(), me.language.clone(), p.isolation_report()?))).await?;
    let verdict = report.verdict();
    let status = if verdict == Verdict::Fail { StatusCode::SERVICE_UNAVAILABLE } else { StatusCode::OK };
    let tr = ctx.signed_in.tr(language.as_deref());
    render(status, &HealthPage { tr, user_name: me, csrf: ctx.csrf().to_owned(), flash: ctx.flash(), report, verdict })
}
