//! The console's organization pages: the list with counts and last activity, one
//! organization's members and audit trail, its status and plan changes, and its export.

use crate::web::error::Reply;
use crate::web::state::State;
use crate::web::urls;
use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;
use serde::Deserialize;

use crate::db::audit::{AuditEntry, Event};
use crate::db::memberships::Membership;
use crate::db::platform::OrgSummary;
use crate::db::tenants::Tenant;
use crate::db::users::User;
use crate::domain::{Plan, TenantId, TenantKind, TenantStatus};
use crate::i18n::{Labelled, Msg};
use crate::web::error::AppError;
use crate::web::extract::PlatformCtx;
use crate::web::forms::{self, FieldErrors};
use crate::web::pages::{ok, render};
use crate::web::session::{self, Flash};
use crate::web::AppState;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConsoleQuery {
    pub q: String,
    pub status: String,
    pub kind: String,
}

#[derive(Template)]
#[template(path = "platform/index.html")]
struct ConsolePage {
    tr: crate::i18n::Tr,
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    orgs: Vec<OrgSummary>,
    query: ConsoleQuery,
    statuses: &'static [TenantStatus],
    kinds: &'static [TenantKind],
    /// This month's guest messages per organization.
    volumes: std::collections::HashMap<TenantId, Volume>,
}

/// An organization's guest messages this month: written, sent, failed, against its plan.
#[derive(Clone, Copy, Debug, Default)]
pub struct Volume {
    pub written: i64,
    pub sent: i64,
    pub failed: i64,
}

impl ConsolePage {
    fn volume(&self, tenant: &Tenant) -> Volume {
        self.volumes.get(&tenant.id).copied().unwrap_or_default()
    }

    /// Sent against the cap, "12 of 500"; on an unlimited plan, the messages written.
    fn volume_line(&self, tenant: &Tenant) -> String {
        let v = self.volume(tenant);
        match tenant.plan.monthly_messages() {
            Some(cap) => {
                self.tr.t2("platform-messages-of", "count", self.tr.number(v.sent), "cap", self.tr.number(cap))
            }
            None => self.tr.number(v.written),
        }
    }

    /// The share of this month's finished messages that failed, when any finished.
    fn failure_rate(&self, tenant: &Tenant) -> Option<String> {
        let v = self.volume(tenant);
        let done = v.sent + v.failed;
        (done > 0).then(|| self.tr.percent(v.failed as f64 / done as f64))
    }

    /// The plan's cap is 80 % used or more.
    fn near_cap(&self, tenant: &Tenant) -> bool {
        let v = self.volume(tenant);
        !matches!(
            crate::domain::messages::Allowance::of(v.sent, tenant.plan.monthly_messages()),
            crate::domain::messages::Allowance::Unlimited | crate::domain::messages::Allowance::Fine { .. }
        )
    }
}

pub async fn index(ctx: PlatformCtx, state: State, query: web::Query<ConsoleQuery>) -> Reply {
    let query = query.into_inner();
    let search = forms::clean(&query.q);
    let (status, kind) = (query.status.parse::<TenantStatus>().ok(), query.kind.parse::<TenantKind>().ok());
    let (me, language, orgs, volumes) = ctx
        .read(&state, move |p, me| {
            let volumes = p
                .outbox()
                .volume(crate::stays::messages::month_start())?
                .into_iter()
                .map(|(t, written, sent, failed)| (t, Volume { written, sent, failed }))
                .collect();
            let orgs = p
                .org_summaries(Some(search.as_str()))?
                .into_iter()
                .filter(|o| status.is_none_or(|s| o.tenant.status == s) && kind.is_none_or(|k| o.tenant.kind == k))
                .collect();
            Ok((me.full_name.clone(), me.language.clone(), orgs, volumes))
        })
        .await?;
    let page = ConsolePage {
        tr: ctx.signed_in.tr(language.as_deref()),
        user_name: me,
        csrf: ctx.csrf().to_owned(),
        flash: ctx.flash(),
        orgs,
        query,
        statuses: TenantStatus::ALL,
        kinds: TenantKind::ALL,
        volumes,
    };
    ok(&page)
}

pub struct TrailLine {
    pub entry: AuditEntry,
    /// The user's name; `None` for the system.
    pub who: Option<String>,
}

#[derive(Template)]
#[template(path = "platform/org.html")]
struct OrgPage {
    tr: crate::i18n::Tr,
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    next_statuses: Vec<TenantStatus>,
    plans: &'static [Plan],
    org: Tenant,
    members: Vec<(Membership, User)>,
    trail: Vec<TrailLine>,
    /// What a refused status or plan change typed, with its messages.
    form: ChangeForm,
    errors: FieldErrors,
    problem: Option<Msg>,
}

impl OrgPage {
    /// The status the form shows selected: what was typed, else the first move offered.
    fn status_selected(&self, s: &TenantStatus) -> bool {
        self.form.status.trim() == s.as_str()
    }

    /// The plan the form shows selected: what was typed, else the current plan.
    fn plan_selected(&self, p: &Plan) -> bool {
        match self.form.plan.trim() {
            "" => *p == self.org.plan,
            typed => typed == p.as_str(),
        }
    }
}

pub async fn org(ctx: PlatformCtx, state: State, path: web::Path<TenantId>) -> Reply {
    let id = path.into_inner();
    org_page(&ctx, &state, id, ChangeForm::default(), FieldErrors::default(), None, StatusCode::OK).await
}

/// The organization's page; after a refused change, with what was typed and why.
async fn org_page(
    ctx: &PlatformCtx,
    state: &AppState,
    id: TenantId,
    form: ChangeForm,
    errors: FieldErrors,
    problem: Option<Msg>,
    status: StatusCode,
) -> Reply {
    let (me, language, org, members, trail) = ctx
        .read(state, move |p, me| {
            let org = p.tenants().get(id)?;
            let members = p.org_members(id)?;
            let entries = p.org_audit(id, 50)?;
            let ids: Vec<_> = entries.iter().filter_map(|e| e.user_id).collect();
            let names = p.user_names(&ids)?;
            let trail = entries
                .into_iter()
                .map(|entry| {
                    let who = entry.user_id.and_then(|u| names.get(&u).cloned());
                    TrailLine { entry, who }
                })
                .collect();
            Ok((me.full_name.clone(), me.language.clone(), org, members, trail))
        })
        .await?;
    let next_statuses = crate::domain::lifecycle::next(org.status);
    let page = OrgPage {
        tr: ctx.signed_in.tr(language.as_deref()),
        user_name: me,
        csrf: ctx.csrf().to_owned(),
        flash: ctx.flash(),
        next_statuses,
        plans: Plan::ALL,
        org,
        members,
        trail,
        form,
        errors,
        problem,
    };
    render(status, &page)
}

/// Downloads all of an organization's data, whatever its plan or status (a cancelled
/// organization's data stays for exactly this).
pub async fn export(ctx: PlatformCtx, state: State, path: web::Path<TenantId>) -> Reply {
    let id = path.into_inner();
    let meta = ctx.signed_in.meta.clone();
    let (slug, user) = ctx
        .write(&state, move |p, me| {
            let org = p.tenants().get(id)?;
            p.audit(Some(id), &meta.stamp(Event::new("organization.export", "tenant", id)))?;
            Ok((org.slug, me.id))
        })
        .await?;
    Ok(crate::web::export::stream(state.db.clone(), id, Some(user), &slug))
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangeForm {
    pub status: String,
    pub plan: String,
    pub reason: String,
    pub version: String,
}

/// Changes an organization's status, with a reason, audited in its trail.
pub async fn change_status(
    ctx: PlatformCtx,
    state: State,
    path: web::Path<TenantId>,
    form: web::Form<ChangeForm>,
) -> Reply {
    change(ctx, state, path.into_inner(), form.into_inner(), Change::Status).await
}

/// Changes an organization's plan, audited in its trail.
pub async fn change_plan(
    ctx: PlatformCtx,
    state: State,
    path: web::Path<TenantId>,
    form: web::Form<ChangeForm>,
) -> Reply {
    change(ctx, state, path.into_inner(), form.into_inner(), Change::Plan).await
}

#[derive(Clone, Copy)]
enum Change {
    Status,
    Plan,
}

/// One change from the organization's page. Bad input re-renders the page with a
/// message per field and what was typed (422); a move the lifecycle forbids, or a save
/// over someone else's, says so on the page (409).
async fn change(ctx: PlatformCtx, state: State, id: TenantId, form: ChangeForm, change: Change) -> Reply {
    let typed = form.clone();
    let result = ctx
        .write(&state, move |p, _| {
            let current = p.tenants().get(id)?;
            let version = forms::version(&form.version);
            let mut e = FieldErrors::default();
            let (after, event) = match change {
                Change::Status => {
                    let to: Option<TenantStatus> = forms::choice(&mut e, "status", &form.status);
                    let reason = forms::required(&mut e, "reason", &form.reason, 500);
                    let Some(to) = to.filter(|_| e.is_empty()) else { return Ok(Err(e)) };
                    if !crate::domain::lifecycle::allowed(current.status, to) {
                        return Err(AppError::Conflict(
                            Msg::new("platform-cannot-become")
                                .arg("from", status_word(current.status))
                                .arg("to", status_word(to)),
                        ));
                    }
                    let after = p.tenants().set_status(id, version, to)?;
                    let event = Event::new("tenant.status", "tenant", id)
                        .before(serde_json::json!({ "status": current.status }))
                        .after(serde_json::json!({ "status": after.status, "reason": reason }));
                    (after, event)
                }
                Change::Plan => {
                    let plan: Option<Plan> = forms::choice(&mut e, "plan", &form.plan);
                    let note = forms::optional(&mut e, "plan_reason", &form.reason, 500);
                    let Some(plan) = plan.filter(|_| e.is_empty()) else { return Ok(Err(e)) };
                    let after = p.tenants().set_plan(id, version, plan)?;
                    let event = Event::new("tenant.plan", "tenant", id)
                        .before(serde_json::json!({ "plan": current.plan }))
                        .after(serde_json::json!({ "plan": after.plan, "reason": note }));
                    (after, event)
                }
            };
            p.audit(Some(id), &event)?;
            Ok(Ok(after))
        })
        .await;
    let refused = |errors, problem, status| org_page(&ctx, &state, id, typed.clone(), errors, problem, status);
    match result {
        Ok(Ok(org)) => {
            let done = match change {
                Change::Status => {
                    Msg::new("platform-now-status").arg("name", &org.name).arg("status", status_word(org.status))
                }
                Change::Plan => Msg::new("platform-now-plan").arg("name", &org.name).arg("plan", org.plan.label_msg()),
            };
            session::set_flash(&ctx.signed_in.session, "success", done);
            Ok(crate::web::pages::see_other(&crate::web::urls::platform_org(id)))
        }
        Ok(Err(errors)) => refused(errors, None, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(AppError::Conflict(msg)) => refused(FieldErrors::default(), Some(msg), StatusCode::CONFLICT).await,
        Err(AppError::Stale) => {
            let msg = Msg::new("platform-stale");
            refused(FieldErrors::default(), Some(msg), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e),
    }
}

/// A status as a word inside a sentence ("is now suspended"), in its own key: a label
/// is capitalized, and the sentence's grammar may want another form of it.
fn status_word(status: TenantStatus) -> Msg {
    Msg::new(match status {
        TenantStatus::Trial => "platform-status-word-trial",
        TenantStatus::Active => "platform-status-word-active",
        TenantStatus::Suspended => "platform-status-word-suspended",
        TenantStatus::Inactive => "platform-status-word-inactive",
        TenantStatus::Cancelled => "platform-status-word-cancelled",
    })
}
