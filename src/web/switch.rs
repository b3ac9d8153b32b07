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
use crate::domain::{Role, TenantId, TenantStatus, Timestamp};
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
    tr: crate::i18n::Tr,
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

fn describe(m: Option<&Membership>, t: &Tenant) -> String {
    let role = m.map_or("super admin", |m| m.role.label());
    let used = m.and_then(|m| m.last_accessed_at).map(|t| format!(" · last used {}", t.format("%Y-%m-%d")));
    format!("{role} · {} · {}{}", t.kind.label(), t.status.label(), used.unwrap_or_default())
}

pub async fn picker(signed_in: SignedIn, state: State, query: web::Query<SwitchQuery>) -> Reply {
    let (user, current) = (signed_in.user, signed_in.state.tenant);
    let (_, epoch) = signed_in.identity();
    let q = super::forms::clean(&query.q);
    let search = q.clone();
    let result = state
        .db
        .blocking(move |db| {
            let me = check_account(db, user, epoch)?;
            let memberships = db.user(user, Access::Read, |u| u.memberships())?;
            let now = Timestamp::now();
            let mut choices: Vec<Choice> = memberships
                .iter()
                .filter(|(m, _)| m.is_usable(now))
                .map(|(m, t)| Choice {
                    id: t.id,
                    name: t.name.clone(),
                    detail: describe(Some(m), t),
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
                        detail: describe(None, t),
                        current: Some(t.id) == current,
                        status: t.status,
                    });
                }
            }
            Ok::<_, AppError>((me, choices))
        })
        .await;
    let (me, choices) = ended_if_unauthenticated(&signed_in, result)?;
    let page = SwitchPage {
        tr: signed_in.tr(me.language.as_deref()),
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
            let allowed = match super::admission::membership(&me, member.map(|(m, _)| m), now) {
                Ok(admitted) if !admitted.visiting => Some(admitted.grants.role),
                Ok(_) => {
                    let grant = db.user(user, Access::Read, |u| u.platform_grant())?;
                    match db.platform(&grant, Access::Read, |p| p.tenants().get(target)) {
                        Ok(_) => Some(Role::Owner),
                        Err(DbError::NotFound) => None,
                        Err(e) => return Err(e.into()),
                    }
                }
                Err(_) => None,
            };
            match allowed {
                Some(_) => {
                    let visiting = member.is_none();
                    let event = meta.stamp(
                        Event::new("tenant.switch", "tenant", target)
                            .after(serde_json::json!({ "super_admin": visiting })),
                    );
                    db.tenant(target, Some(user), Access::Write, |s| {
                        s.memberships().touch(user)?;
                        s.audit(&event)
                    })?;
                    Ok::<_, AppError>(true)
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
                    Ok(false)
                }
            }
        })
        .await;
    let allowed = ended_if_unauthenticated(&signed_in, result)?;
    if !allowed {
        return Err(AppError::NotFound);
    }
    let mut s = signed_in.state;
    s.renew(&signed_in.session);
    s.tenant = Some(target);
    s.kiosk_hotel = None;
    s.save(&signed_in.session);
    Ok(see_other(&urls::dashboard()))
}
