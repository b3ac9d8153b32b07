//! `/switch`: choosing the active organization. The only way the tenant in the session
//! changes. Checks an active, unexpired membership (or the super-admin flag, checked in
//! the database), renews the session and writes an audit record either way.

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;
use serde::Deserialize;

use super::error::Reply;
use super::extract::{check_account, ended_if_unauthenticated, SignedIn};
use super::pages::{render, see_other};
use super::session::{self, Flash};
use super::state::State;
use super::urls;
use crate::db::audit::Event;
use crate::db::memberships::Membership;
use crate::db::tenants::Tenant;
use crate::db::{Access, DbError};
use crate::domain::{TenantId, TenantStatus, Timestamp};
use crate::i18n::{Msg, Tr};
use crate::web::error::AppError;

pub struct Choice {
    pub id: TenantId,
    pub name: String,
    pub detail: String,
    pub current: bool,
    pub status: TenantStatus,
}

#[derive(Template)]
#[template(path = "auth/switch.html")]
struct SwitchPage {
    tr: Tr,
    csrf: String,
    user_name: String,
    choices: Vec<Choice>,
    super_admin: bool,
    q: String,
    flash: Option<Flash>,
}

#[derive(Deserialize)]
pub struct SwitchQuery {
    #[serde(default)]
    q: String,
}

/// "Owner · Hotel chain · Active · last used Dec 1, 2026": the role (or "super admin"),
/// the organization's kind and status, and when the membership was last used.
fn describe(tr: &Tr, m: Option<&Membership>, t: &Tenant) -> String {
    let role = m.map_or_else(|| tr.t("switch-super-admin"), |m| tr.label(m.role));
    let (kind, status) = (tr.label(t.kind), tr.label(t.status));
    match m.and_then(|m| m.last_accessed_at) {
        Some(used) => {
            let date = tr.date(used.date_naive());
            let words = Msg::new("switch-detail-used").arg("role", role).arg("kind", kind).arg("status", status);
            tr.msg(&words.arg("date", date))
        }
        None => tr.t3("switch-detail", "role", role, "kind", kind, "status", status),
    }
}

pub async fn picker(signed_in: SignedIn, state: State, query: web::Query<SwitchQuery>) -> Reply {
    let (user, current) = (signed_in.user, signed_in.state.tenant);
    let (_, epoch) = signed_in.identity();
    let q = super::forms::clean(&query.q);
    let search = q.clone();
    let (meta, session_lang) = (signed_in.meta.clone(), signed_in.state.lang.clone());
    let result = state
        .db
        .blocking(move |db| {
            let me = check_account(db, user, epoch)?;
            let tr = meta.tr(me.language.as_deref(), session_lang.as_deref());
            let memberships = db.user(user, Access::Read, |u| u.memberships())?;
            let now = Timestamp::now();
            let mut choices: Vec<Choice> = memberships
                .iter()
                .filter(|(m, _)| m.is_usable(now))
                .map(|(m, t)| Choice {
                    id: t.id,
                    name: t.name.clone(),
                    detail: describe(&tr, Some(m), t),
                    current: Some(t.id) == current,
                    status: t.status,
                })
                .collect();
            if me.is_super_admin {
                let grant = db.user(user, Access::Read, |u| u.platform_grant())?;
                let all = db.platform(&grant, Access::Read, |p| p.tenants().search(&search, 200))?;
                let already: Vec<TenantId> = choices.iter().map(|c| c.id).collect();
                for t in all.iter().filter(|t| !already.contains(&t.id)) {
                    choices.push(Choice {
                        id: t.id,
                        name: t.name.clone(),
                        detail: describe(&tr, None, t),
                        current: Some(t.id) == current,
                        status: t.status,
                    });
                }
            }
            Ok::<_, AppError>((me, choices, tr))
        })
        .await;
    let (me, choices, tr) = ended_if_unauthenticated(&signed_in, result)?;
    let page = SwitchPage {
        tr,
        csrf: signed_in.state.csrf.clone(),
        user_name: me.full_name,
        super_admin: me.is_super_admin,
        choices,
        q,
        flash: session::take_flash(&signed_in.session),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct SwitchForm {
    #[serde(default)]
    tenant_id: String,
}

pub async fn switch(signed_in: SignedIn, state: State, form: web::Form<SwitchForm>) -> Reply {
    let Ok(target) = form.tenant_id.trim().parse::<TenantId>() else {
        return Err(AppError::NotFound);
    };
    let (user, epoch) = signed_in.identity();
    let meta = signed_in.meta.clone();
    let result = state
        .db
        .blocking(move |db| {
            let now = Timestamp::now();
            let me = check_account(db, user, epoch)?;
            let memberships = db.user(user, Access::Read, |u| u.memberships())?;
            let member = memberships.iter().find(|(m, _)| m.tenant_id == target);
            // The same membership rule as every tenant request (`admission`).
            // The organization's locale, when the user may enter it.
            let allowed = match super::admission::membership(&me, member.map(|(m, _)| m), now) {
                Ok(admitted) if !admitted.visiting => member.map(|(_, t)| t.locale.clone()),
                Ok(_) => {
                    let grant = db.user(user, Access::Read, |u| u.platform_grant())?;
                    match db.platform(&grant, Access::Read, |p| p.tenants().get(target)) {
                        Ok(t) => Some(t.locale),
                        Err(DbError::NotFound) => None,
                        Err(e) => return Err(e.into()),
                    }
                }
                Err(_) => None,
            };
            match allowed {
                Some(locale) => {
                    let visiting = member.is_none();
                    let event = meta.stamp(
                        Event::new("tenant.switch", "tenant", target)
                            .after(serde_json::json!({ "super_admin": visiting })),
                    );
                    db.tenant(target, Some(user), Access::Write, |s| {
                        s.memberships().touch(user)?;
                        s.audit(&event)
                    })?;
                    let lang = crate::i18n::for_user(me.language.as_deref(), Some(locale.as_str()));
                    Ok::<_, AppError>(Some(lang.tag().to_owned()))
                }
                None => {
                    let reason = match member {
                        Some(_) => "membership inactive or expired",
                        None => "not a member",
                    };
                    let event = meta.stamp(
                        Event::new("tenant.switch_refused", "tenant", target)
                            .after(serde_json::json!({ "reason": reason })),
                    );
                    db.user(user, Access::Write, |u| u.audit_platform_event(&event))?;
                    Ok(None)
                }
            }
        })
        .await;
    let Some(lang) = ended_if_unauthenticated(&signed_in, result)? else {
        return Err(AppError::NotFound);
    };
    let mut s = signed_in.state;
    s.renew(&signed_in.session);
    s.tenant = Some(target);
    s.kiosk_hotel = None;
    s.lang = Some(lang);
    s.save(&signed_in.session);
    Ok(see_other(&urls::dashboard()))
}
