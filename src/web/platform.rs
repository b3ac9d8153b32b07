//! `/platform`: the super-admin console. Organizations with their counts and last
//! activity, and each organization's users and audit trail, with a button to switch
//! in. Anyone who is not an active super admin (checked in the database on every
//! request) gets 404, so the console's existence does not leak.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::extract::{check_account, SignedIn};
use super::pages::ok;
use super::session::{self, Flash};
use super::switch::ended_if_unauthenticated;
use super::AppState;
use crate::db::audit::AuditEntry;
use crate::db::memberships::Membership;
use crate::db::platform::OrgSummary;
use crate::db::tenants::Tenant;
use crate::db::users::User;
use crate::db::{Access, PlatformScope};
use crate::domain::{TenantId, TenantKind, TenantStatus};
use crate::error::AppError;

/// A signed-in user on a platform route. The super-admin check happens in `read`.
pub struct PlatformCtx {
    signed_in: SignedIn,
}

impl FromRequest for PlatformCtx {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // Not signed in: 404 too, rather than a sign-in redirect that admits the page.
        ready(match SignedIn::from_http(req) {
            Ok(signed_in) => Ok(Self { signed_in }),
            Err(_) => Err(AppError::NotFound),
        })
    }
}

impl PlatformCtx {
    /// One platform transaction, after checking in the database that the account is an
    /// active super admin whose session is current.
    pub async fn read<T, F>(&self, state: &AppState, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PlatformScope<'_>, &User) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let (user, epoch) = self.signed_in.identity();
        let result = state
            .db
            .blocking(move |db| {
                let me = check_account(db, user, epoch)?;
                let grant = db.user(user, Access::Read, |u| u.platform_grant()).map_err(|_| AppError::NotFound)?;
                db.platform(&grant, Access::Read, |p| f(p, &me))
            })
            .await;
        ended_if_unauthenticated(&self.signed_in, result)
    }

    pub fn csrf(&self) -> &str {
        &self.signed_in.state.csrf
    }

    pub fn flash(&self) -> Option<Flash> {
        session::take_flash(&self.signed_in.session)
    }
}

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
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    orgs: Vec<OrgSummary>,
    query: ConsoleQuery,
    statuses: &'static [TenantStatus],
    kinds: &'static [TenantKind],
}

pub async fn index(
    ctx: PlatformCtx,
    state: web::Data<AppState>,
    query: web::Query<ConsoleQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let search = super::forms::clean(&query.q);
    let (status, kind) = (query.status.parse::<TenantStatus>().ok(), query.kind.parse::<TenantKind>().ok());
    let (me, orgs) = ctx
        .read(&state, move |p, me| {
            let orgs = p
                .org_summaries(Some(search.as_str()))?
                .into_iter()
                .filter(|o| status.is_none_or(|s| o.tenant.status == s) && kind.is_none_or(|k| o.tenant.kind == k))
                .collect();
            Ok((me.full_name.clone(), orgs))
        })
        .await?;
    let page = ConsolePage {
        user_name: me,
        csrf: ctx.csrf().to_owned(),
        flash: ctx.flash(),
        orgs,
        query,
        statuses: TenantStatus::ALL,
        kinds: TenantKind::ALL,
    };
    ok(&page)
}

pub struct TrailLine {
    pub entry: AuditEntry,
    pub who: String,
}

#[derive(Template)]
#[template(path = "platform/org.html")]
struct OrgPage {
    user_name: String,
    csrf: String,
    flash: Option<Flash>,
    org: Tenant,
    members: Vec<(Membership, User)>,
    trail: Vec<TrailLine>,
}

pub async fn org(
    ctx: PlatformCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id: TenantId = path.parse().map_err(|_| AppError::NotFound)?;
    let (me, org, members, trail) = ctx
        .read(&state, move |p, me| {
            let org = p.org(id)?;
            let members = p.org_members(id)?;
            let entries = p.org_audit(id, 50)?;
            let ids: Vec<_> = entries.iter().filter_map(|e| e.user_id).collect();
            let names = p.user_names(&ids)?;
            let trail = entries
                .into_iter()
                .map(|entry| {
                    let who = entry.user_id.and_then(|u| names.get(&u).cloned()).unwrap_or_else(|| "System".into());
                    TrailLine { entry, who }
                })
                .collect();
            Ok((me.full_name.clone(), org, members, trail))
        })
        .await?;
    ok(&OrgPage { user_name: me, csrf: ctx.csrf().to_owned(), flash: ctx.flash(), org, members, trail })
}
