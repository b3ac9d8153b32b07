//! The audit log viewer: filter by user, action, entity and date; paginated.

use std::collections::{HashMap, HashSet};

use actix_web::web;
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use super::audit_view::{self, Change, Vocabulary};
use super::error::AppError;
use super::error::Reply;
use super::extract::TenantCtx;
use super::forms;
use super::list::{ListQuery, Listing, PER_PAGE};
use super::pages::{ok, Chrome};
use super::state::State;
use super::urls;
use crate::db::audit::{AuditEntry, AuditFilter};
use crate::db::memberships::Membership;
use crate::db::users::User;
use crate::db::{DbError, TenantScope};
use crate::domain::{GuestId, ReservationId, Timestamp, UserId};
use crate::i18n::Tr;

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
    /// The record by its kind and code or name ("Reservation AABC123 · Ana Silva").
    pub record: String,
    pub changes: Vec<Change>,
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

const ENTITIES: &[&str] = audit_view::ENTITIES;

/// The names of the records `entries` mention: the organization's hotels, room types,
/// rooms and `users` (the members, by membership and by account), and the reservations
/// and guests the rows are about.
fn names_of(
    s: &mut TenantScope<'_>,
    tr: &Tr,
    users: &[(Membership, User)],
    entries: &[AuditEntry],
) -> Result<HashMap<String, String>, AppError> {
    let mut names = HashMap::new();
    for h in s.hotels().list()? {
        names.insert(h.id.to_string(), h.name);
    }
    for t in s.room_types().list(None)? {
        names.insert(t.id.to_string(), t.name);
    }
    for r in s.rooms().list(None)? {
        names.insert(r.id.to_string(), tr.t1("audit-room", "number", r.number.as_str()));
    }
    for (m, u) in users {
        names.insert(m.id.to_string(), u.full_name.clone());
        names.insert(u.id.to_string(), u.full_name.clone());
    }
    let about = |kind: &'static str| {
        entries.iter().filter(move |e| e.entity_type == kind).filter_map(|e| e.entity_id.as_deref())
    };
    let stays: Vec<ReservationId> = about("reservation").filter_map(|id| id.parse().ok()).collect();
    for row in s.reservations().rows_in_order(&stays)? {
        names.insert(
            row.reservation.id.to_string(),
            format!("{} · {}", row.reservation.confirmation_code, row.guest_name),
        );
    }
    let guests: HashSet<GuestId> = about("guest").filter_map(|id| id.parse().ok()).collect();
    for id in guests {
        match s.guests().get(id) {
            Ok(g) => names.insert(id.to_string(), g.full_name()),
            Err(DbError::NotFound) => None,
            Err(e) => return Err(e.into()),
        };
    }
    Ok(names)
}

/// "Reservation AABC123 · Ana Silva", or the kind alone.
fn record(tr: &Tr, entry: &AuditEntry, names: &HashMap<String, String>) -> String {
    let kind = audit_view::entity(tr, &entry.entity_type);
    match entry.entity_id.as_deref().and_then(|id| names.get(id)) {
        Some(name) if name.starts_with(&kind) => name.clone(),
        Some(name) => tr.t2("audit-record", "kind", kind, "name", name.as_str()),
        None => kind,
    }
}

pub async fn index(ctx: TenantCtx, state: State, query: web::Query<AuditQuery>) -> Reply {
    let query = query.into_inner();
    let filter = query.filter();
    let paging = ListQuery { page: query.page.clone(), ..ListQuery::default() };
    let offset = paging.offset();
    let (view, entries, total, members, names) = ctx
        .read(&state, move |s, m| {
            let (entries, total) = s.audit_page(&filter, PER_PAGE, offset)?;
            let members = s.memberships().list()?;
            let names = names_of(s, &m.tr(), &members, &entries)?;
            Ok((m.view(), entries, total, members, names))
        })
        .await?;
    let tr = view.tr;
    let words = Vocabulary { names: &names, tr };
    let users: Vec<User> = members.into_iter().map(|(_, u)| u).collect();
    let rows = entries
        .into_iter()
        .map(|entry| {
            // A member by name; someone who is not one is platform staff.
            let who = match entry.user_id {
                Some(id) => names.get(&id.to_string()).cloned().unwrap_or_else(|| tr.t("audit-platform-staff")),
                None => tr.t("audit-system"),
            };
            let changes = words.changes(entry.before.as_ref().map(|v| &v.0), entry.after.as_ref().map(|v| &v.0));
            Row { record: record(&tr, &entry, &names), changes, who, entry }
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
