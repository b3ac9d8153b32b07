//! The audit log viewer: filter by user, action, entity and date; paginated.

use actix_web::web;
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use super::error::Reply;
use super::extract::TenantCtx;
use super::forms;
use super::list::{ListQuery, Listing, PER_PAGE};
use super::pages::{ok, Chrome};
use super::state::State;
use super::urls;
use crate::db::audit::{AuditEntry, AuditFilter};
use crate::db::users::User;
use crate::domain::{Timestamp, UserId};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    pub user: String,
    pub action: String,
    pub entity: String,
    pub from: String,
    pub until: String,
    pub page: String,
}

fn day(raw: &str) -> Option<NaiveDate> {
    forms::day(raw)
}

impl AuditQuery {
    fn filter(&self) -> AuditFilter {
        let text = |raw: &str| Some(forms::clean(raw)).filter(|v| !v.is_empty()).map(|v| v.chars().take(60).collect());
        AuditFilter {
            user: self.user.parse::<UserId>().ok(),
            action: text(&self.action),
            entity_type: text(&self.entity),
            from: day(&self.from).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| Timestamp(t.and_utc())),
            until: day(&self.until)
                .and_then(|d| d.succ_opt())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|t| Timestamp(t.and_utc())),
        }
    }
}

pub struct Row {
    pub entry: AuditEntry,
    pub who: String,
    pub before: String,
    pub after: String,
}

#[derive(Template)]
#[template(path = "audit/index.html")]
struct AuditPage {
    chrome: Chrome,
    rows: Vec<Row>,
    users: Vec<User>,
    query: AuditQuery,
    listing: Listing,
    entities: &'static [&'static str],
}

const ENTITIES: &[&str] = &["hotel", "room_type", "room", "guest", "membership", "tenant", "user", "reservation"];

fn compact(value: &Option<crate::domain::JsonValue>) -> String {
    let text = value.as_ref().map(|v| v.0.to_string()).unwrap_or_default();
    if text.chars().count() > 400 {
        format!("{}…", text.chars().take(400).collect::<String>())
    } else {
        text
    }
}

pub async fn index(ctx: TenantCtx, state: State, query: web::Query<AuditQuery>) -> Reply {
    let query = query.into_inner();
    let filter = query.filter();
    let paging = ListQuery { page: query.page.clone(), ..ListQuery::default() };
    let offset = paging.offset();
    let (view, entries, total, members) = ctx
        .read(&state, move |s, m| {
            let (entries, total) = s.audit_page(&filter, PER_PAGE, offset)?;
            Ok((m.view(), entries, total, s.memberships().list()?))
        })
        .await?;
    let users: Vec<User> = members.into_iter().map(|(_, u)| u).collect();
    let rows = entries
        .into_iter()
        .map(|entry| {
            let who = entry
                .user_id
                .and_then(|id| users.iter().find(|u| u.id == id).map(|u| u.full_name.clone()))
                .unwrap_or_else(|| if entry.user_id.is_some() { "Platform staff".into() } else { "System".into() });
            Row { before: compact(&entry.before), after: compact(&entry.after), who, entry }
        })
        .collect();
    let keep = [
        ("user", query.user.as_str()),
        ("action", query.action.as_str()),
        ("entity", query.entity.as_str()),
        ("from", query.from.as_str()),
        ("until", query.until.as_str()),
    ];
    let listing = Listing::new(&urls::audit(), &paging, &["time"], total, &keep);
    ok(&AuditPage { chrome: Chrome::new(&ctx, view, "audit"), rows, users, query, listing, entities: ENTITIES })
}
