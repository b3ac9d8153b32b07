//! HTTP-level suites: the real app on a random port, driven the way a browser (or an
//! attacker with a browser) drives it. Shared here: the fixture world (two organizations
//! with one member per role, a super admin and a member of both), a small browser with a
//! cookie jar that scrapes and sends CSRF tokens, a generic "probe" form body for walking
//! every POST route, and database snapshots to prove that nothing changed.

mod auth;
mod csrf;
mod export;
mod forms;
mod hostile;
mod hostile_props;
mod isolation;
mod kiosk;
mod lifecycle;
mod members;
mod metrics;
mod onboarding;
mod plans;
mod platform;
mod roles;
mod switch;
mod tenant_cache;

use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use hotelier::config::Settings;
use hotelier::db::hotels::HotelFields;
use hotelier::db::memberships::NewMembership;
use hotelier::db::users::NewUser;
use hotelier::db::{Access, Db, DbError, PlatformGrant};
use hotelier::domain::{AssociationId, HotelId, Role, TenantId, Timestamp, UserId};
use hotelier::web::{RouteAccess, ROUTES};

use crate::support::{spawn_app, two_orgs, Backend, Org, TestApp, TestDb};

/// Every fixture user's password (hashed once per test).
pub const PASSWORD: &str = "correct horse battery staple";
pub const COOKIE: &str = "hotelier_session";

// ---- Fixture ------------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Account {
    pub id: UserId,
    pub email: String,
    pub name: String,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub account: Account,
    pub membership: AssociationId,
}

/// One member per role in one organization, plus `target`: a staff member whose
/// membership the member-management routes act on (so that no test deactivates the user
/// it is signed in as).
#[derive(Clone, Debug)]
pub struct Team {
    pub owner: Member,
    pub admin: Member,
    pub manager: Member,
    pub staff: Member,
    pub viewer: Member,
    pub target: Member,
}

impl Team {
    pub fn role(&self, role: Role) -> &Member {
        match role {
            Role::Owner => &self.owner,
            Role::Admin => &self.admin,
            Role::Manager => &self.manager,
            Role::Staff => &self.staff,
            Role::Viewer => &self.viewer,
        }
    }

    fn all(&self) -> [&Member; 6] {
        [&self.owner, &self.admin, &self.manager, &self.staff, &self.viewer, &self.target]
    }
}

/// Two organizations (see `support::two_orgs`) with their teams, a super admin with no
/// membership, and `dual`: owner in A (primary) and staff in B.
pub struct World {
    pub app: TestApp,
    pub a: Org,
    pub b: Org,
    pub team_a: Team,
    pub team_b: Team,
    pub super_admin: Account,
    pub dual: Account,
    pub dual_in_b: AssociationId,
    /// A second hotel of B, with a code and name that appear nowhere in A.
    pub b_lodge: HotelId,
    /// The argon2 hash of [`PASSWORD`], for tests that add users.
    pub password_hash: String,
}

impl World {
    pub fn db(&self) -> &Db {
        &self.app.test_db.db
    }

    pub fn address(&self) -> &str {
        &self.app.address
    }

    pub fn browser(&self) -> Browser {
        Browser::new(&self.app.address)
    }

    /// A's (or B's) ids, for substituting into `{id}` routes and probe forms.
    pub fn ids_a(&self) -> Ids {
        Ids::of(&self.a, self.team_a.target.membership)
    }

    pub fn ids_b(&self) -> Ids {
        Ids::of(&self.b, self.team_b.target.membership)
    }

    /// Everything of B that must never show up on A's pages: names, codes, emails, ids.
    pub fn b_secrets(&self) -> Vec<String> {
        let mut secrets: Vec<String> = vec!["bravo-inns".into(), "Bravo ".into(), "BSL9".into(), "BABC123".into()];
        secrets.extend(self.ids_b().all());
        secrets.push(self.b_lodge.to_string());
        secrets.extend(self.team_b.all().iter().flat_map(|m| [m.account.id.to_string(), m.membership.to_string()]));
        secrets.push(self.dual_in_b.to_string());
        secrets.extend(self.b.rooms.iter().map(|r| r.to_string()));
        secrets
    }
}

pub async fn world(backend: Backend) -> World {
    let app = spawn_app(backend).await;
    let db = app.test_db.db.clone();
    let (a, b) = two_orgs(&db);
    let password_hash = hotelier::domain::password::hash(PASSWORD).expect("hash");

    let account = |email: &str, name: &str| Account { id: UserId::new(), email: email.into(), name: name.into() };
    let roles = [Role::Owner, Role::Admin, Role::Manager, Role::Staff, Role::Viewer, Role::Staff];
    let people = |org: &str, title: &str| -> Vec<Account> {
        ["owner", "admin", "manager", "staff", "viewer", "target"]
            .iter()
            .map(|r| account(&format!("{r}@{org}.test"), &format!("{title} {}", capitalize(r))))
            .collect()
    };
    let (people_a, people_b) = (people("alpha-hotels", "Alpha"), people("bravo-inns", "Bravo"));
    let super_admin = account("root@hotelier.test", "Platform Root");
    let dual = account("dual@example.test", "Dana Dual");

    let everyone: Vec<(&Account, bool)> =
        people_a.iter().chain(&people_b).map(|p| (p, false)).chain([(&super_admin, true), (&dual, false)]).collect();
    db.platform(&PlatformGrant::operator(), Access::Write, |p| {
        for (who, is_super_admin) in &everyone {
            p.users().create(&NewUser {
                id: who.id,
                email: who.email.clone(),
                full_name: who.name.clone(),
                password_hash: password_hash.clone(),
                is_super_admin: *is_super_admin,
            })?;
        }
        Ok::<_, DbError>(())
    })
    .expect("users");

    let team = |org: &Org,
                people: &[Account],
                extra: Option<(&Account, Role, bool)>|
     -> (Team, Option<AssociationId>) {
        db.tenant(org.id, None, Access::Write, |s| {
            let mut members = Vec::new();
            for (who, role) in people.iter().zip(roles) {
                let m = s.memberships().create(&new_membership(who.id, role, true, None))?;
                members.push(Member { account: who.clone(), membership: m.id });
            }
            let extra = match extra {
                Some((who, role, primary)) => {
                    Some(s.memberships().create(&new_membership(who.id, role, primary, None))?.id)
                }
                None => None,
            };
            let mut it = members.into_iter();
            let mut next = || it.next().unwrap();
            let team =
                Team { owner: next(), admin: next(), manager: next(), staff: next(), viewer: next(), target: next() };
            Ok::<_, DbError>((team, extra))
        })
        .expect("team")
    };
    let (team_a, _) = team(&a, &people_a, Some((&dual, Role::Owner, true)));
    let (team_b, dual_in_b) = team(&b, &people_b, Some((&dual, Role::Staff, false)));

    let b_lodge = db
        .tenant(b.id, None, Access::Write, |s| {
            s.hotels().create(&HotelFields {
                code: "BSL9".into(),
                name: "Bravo Secret Lodge".into(),
                city: Some("Bravotown".into()),
                email: Some("desk@bravo-inns.test".into()),
                timezone: "UTC".into(),
                is_active: true,
                ..HotelFields::default()
            })
        })
        .expect("B's lodge")
        .id;

    World {
        app,
        a,
        b,
        team_a,
        team_b,
        super_admin,
        dual,
        dual_in_b: dual_in_b.expect("dual in B"),
        b_lodge,
        password_hash,
    }
}

pub fn new_membership(user: UserId, role: Role, primary: bool, expires_at: Option<Timestamp>) -> NewMembership {
    NewMembership { user_id: user, role, permissions: vec![], is_primary: primary, expires_at }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// Starts another instance of the app on `test_db`, with settings adjusted by `tweak`.
pub fn start_app(test_db: &TestDb, tweak: impl FnOnce(&mut Settings)) -> String {
    let mut settings = test_db.settings();
    tweak(&mut settings);
    let app = hotelier::Application::build(settings, test_db.db.clone()).expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    address
}

// ---- Ids and probe bodies -------------------------------------------------------------------

/// One organization's records, by the first path segment of the routes that take them.
#[derive(Clone, Debug)]
pub struct Ids {
    pub tenant: String,
    pub hotel: String,
    pub room_type: String,
    pub room: String,
    pub guest: String,
    pub reservation: String,
    pub membership: String,
}

impl Ids {
    pub fn of(org: &Org, membership: AssociationId) -> Self {
        Self {
            tenant: org.id.to_string(),
            hotel: org.hotel.to_string(),
            room_type: org.room_type.to_string(),
            room: org.rooms[0].to_string(),
            guest: org.guest.to_string(),
            reservation: org.reservation.to_string(),
            membership: membership.to_string(),
        }
    }

    pub fn all(&self) -> Vec<String> {
        vec![
            self.tenant.clone(),
            self.hotel.clone(),
            self.room_type.clone(),
            self.room.clone(),
            self.guest.clone(),
            self.reservation.clone(),
            self.membership.clone(),
        ]
    }

    /// The id for a route whose `{id}` sits under `/segment/`. Panics on a segment this
    /// suite does not know, so that a new kind of `{id}` route cannot go untested.
    pub fn for_segment(&self, path: &str) -> &str {
        let segment = path.trim_start_matches('/').split('/').next().unwrap_or_default();
        match segment {
            "hotels" => &self.hotel,
            "room-types" => &self.room_type,
            "rooms" => &self.room,
            "guests" => &self.guest,
            "members" => &self.membership,
            "reservations" | "kiosk" => &self.reservation,
            "platform" => &self.tenant,
            other => panic!(
                "route {path}: its {{id}} sits under /{other}/, which the HTTP suites cannot map to a record; \
                 teach web::Ids::for_segment which record that is"
            ),
        }
    }

    /// `path` with its `{id}` filled in. Panics on any other placeholder.
    pub fn fill(&self, path: &str) -> String {
        let filled = if path.contains("{id}") { path.replace("{id}", self.for_segment(path)) } else { path.to_owned() };
        assert!(!filled.contains('{'), "route {path} has a placeholder the HTTP suites do not know");
        filled
    }
}

/// A form body that most POST routes would accept: the union of the fields of every form,
/// filled with valid values and `ids`. Used where a route must be refused for a reason
/// other than bad input (CSRF, role, tenant), so that the refusal is the only thing
/// standing between the request and a change.
pub fn probe_form(ids: &Ids) -> Vec<(String, String)> {
    let fields: Vec<(&str, &str)> = vec![
        ("code", "PROBE1"),
        ("name", "Probe Name"),
        ("brand", "Probe Brand"),
        ("address", "1 Probe Street"),
        ("city", "Probe City"),
        ("country", "PT"),
        ("timezone", "UTC"),
        ("star_rating", "3"),
        ("email", "probe@example.test"),
        ("phone", "+1 555 0100"),
        ("is_active", "on"),
        ("version", "1"),
        ("description", "Probe description"),
        ("base_occupancy", "2"),
        ("max_occupancy", "3"),
        ("base_rate", "99"),
        ("number", "P-1"),
        ("floor", "2"),
        ("housekeeping_status", "clean"),
        ("status", "dirty"),
        ("notes", "Probe notes"),
        ("first_name", "Probe"),
        ("last_name", "Person"),
        ("full_name", "Probe Person"),
        ("role", "viewer"),
        ("tenant_id", &ids.tenant),
        ("hotel_id", &ids.hotel),
        ("room_type_id", &ids.room_type),
        ("room_id", &ids.room),
        ("guest_id", &ids.guest),
        ("reservation_id", &ids.reservation),
        ("membership_id", &ids.membership),
    ];
    fields.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
}

// ---- Routes ---------------------------------------------------------------------------------

pub fn tenant_routes() -> impl Iterator<Item = &'static hotelier::web::Route> {
    ROUTES.iter().filter(|r| matches!(r.access, RouteAccess::Tenant(_)))
}

pub fn is_post(route: &hotelier::web::Route) -> bool {
    match route.method {
        "Get" => false,
        "Post" => true,
        other => panic!("route {} {}: the HTTP suites only know Get and Post", other, route.path),
    }
}

// ---- A browser ------------------------------------------------------------------------------

/// What a test looks at in a response.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub set_cookies: Vec<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub async fn from(resp: reqwest::Response) -> Self {
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let location = headers.get("location").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let set_cookies =
            headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(str::to_owned).collect();
        let body = resp.text().await.expect("response body");
        Self { status, location, set_cookies, headers, body }
    }

    /// The value of the session cookie this response sets, if it sets one.
    pub fn session_cookie(&self) -> Option<String> {
        self.set_cookie_line().and_then(|line| {
            line.split(';').next().and_then(|kv| kv.trim().strip_prefix(&format!("{COOKIE}="))).map(str::to_owned)
        })
    }

    /// The whole `Set-Cookie` line of the session cookie.
    pub fn set_cookie_line(&self) -> Option<&str> {
        self.set_cookies.iter().map(String::as_str).find(|c| c.starts_with(&format!("{COOKIE}=")))
    }

    pub fn csrf(&self) -> Option<String> {
        scrape_csrf(&self.body)
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// Asserts a 303 to `to`.
    #[track_caller]
    pub fn assert_redirect(&self, to: &str) {
        assert_eq!((self.status, self.location.as_deref()), (303, Some(to)), "expected 303 to {to}: {}", self.short());
    }

    /// The status and the start of the body, for failure messages.
    pub fn short(&self) -> String {
        let text: String = self.body.chars().take(600).collect();
        format!("status {} location {:?} body: {text}", self.status, self.location)
    }
}

pub fn scrape_csrf(html: &str) -> Option<String> {
    let marker = r#"name="csrf_token" value=""#;
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

/// Scrapes the CSRF token from the page at `url`.
pub async fn csrf(client: &reqwest::Client, url: &str) -> String {
    let page = Page::from(client.get(url).send().await.expect("GET for a CSRF token")).await;
    page.csrf().unwrap_or_else(|| panic!("no csrf_token on {url}: {}", page.short()))
}

/// Signs in through the form: fetches `/login` for a token, then posts the credentials.
pub async fn login(client: &reqwest::Client, address: &str, email: &str, password: &str) -> Page {
    let token = csrf(client, &format!("{address}/login")).await;
    let form = [("csrf_token", token.as_str()), ("email", email), ("password", password)];
    Page::from(client.post(format!("{address}/login")).form(&form).send().await.expect("POST /login")).await
}

/// A client with its own cookie jar, redirects off, and the session's current CSRF token.
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    pub csrf: String,
}

impl Browser {
    pub fn new(base: &str) -> Self {
        Self { client: crate::support::client(), base: base.to_owned(), csrf: String::new() }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Signs in and expects success (303 to `/` or `/switch`); keeps the new CSRF token.
    pub async fn sign_in(&mut self, email: &str) -> Page {
        let page = login(&self.client, &self.base, email, PASSWORD).await;
        assert_eq!(page.status, 303, "sign-in of {email} failed: {}", page.short());
        self.refresh_csrf().await;
        page
    }

    /// Reads the session's CSRF token from `/switch` (any signed-in page renders it).
    pub async fn refresh_csrf(&mut self) {
        self.csrf = csrf(&self.client, &self.url("/switch")).await;
    }

    pub async fn get(&self, path: &str) -> Page {
        Page::from(self.client.get(self.url(path)).send().await.expect("GET")).await
    }

    /// Posts `fields` plus this session's CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut form: Vec<(String, String)> = fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        form.push(("csrf_token".into(), self.csrf.clone()));
        self.post_raw(path, &form).await
    }

    /// Posts `form` plus this session's CSRF token.
    pub async fn post_form(&self, path: &str, form: &[(String, String)]) -> Page {
        let mut form = form.to_vec();
        form.push(("csrf_token".into(), self.csrf.clone()));
        self.post_raw(path, &form).await
    }

    /// Posts exactly `form` (no token added).
    pub async fn post_raw(&self, path: &str, form: &[(String, String)]) -> Page {
        Page::from(self.client.post(self.url(path)).form(form).send().await.expect("POST")).await
    }
}

/// A request carrying only `cookie` as the session: a copied cookie, replayed.
pub async fn replay(address: &str, path: &str, cookie: &str) -> Page {
    let bare = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let resp = bare.get(format!("{address}{path}")).header("cookie", format!("{COOKIE}={cookie}")).send().await;
    Page::from(resp.expect("replayed GET")).await
}

// ---- Database state -------------------------------------------------------------------------

/// Everything one organization holds, as JSON, for "nothing changed" assertions.
pub fn snapshot(db: &Db, tenant: TenantId) -> serde_json::Value {
    db.tenant(tenant, None, Access::Read, |s| {
        let reservations = s.reservations().list(None, 100_000)?;
        let mut folios = Vec::new();
        for r in &reservations {
            folios.push(serde_json::to_value(s.folio().entries(r.id)?).unwrap());
        }
        Ok::<_, DbError>(serde_json::json!({
            "organization": s.organization()?,
            "hotels": s.hotels().list()?,
            "room_types": s.room_types().list(None)?,
            "rooms": s.rooms().list(None)?,
            "guests": s.guests().list(None, 100_000, 0)?,
            "reservations": reservations,
            "folios": folios,
            "members": s.memberships().list()?,
            "audit": s.audit_entries(100_000)?,
        }))
    })
    .expect("snapshot")
}

/// Asserts two snapshots are equal, naming the parts that differ.
#[track_caller]
pub fn assert_unchanged(before: &serde_json::Value, after: &serde_json::Value, what: &str) {
    if before != after {
        let parts: Vec<&String> = before
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, v)| after.get(k.as_str()) != Some(*v))
            .map(|(k, _)| k)
            .collect();
        panic!("{what}: these changed: {parts:?}\nbefore: {before:#}\nafter: {after:#}");
    }
}

/// Platform audit events (no tenant) with `action`: (user id, entity id, after as text).
pub fn platform_events(test_db: &TestDb, action: &str) -> Vec<(Option<String>, Option<String>, Option<String>)> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Nullable<Text>)]
        user_id: Option<String>,
        #[diesel(sql_type = Nullable<Text>)]
        entity_id: Option<String>,
        #[diesel(sql_type = Nullable<Text>)]
        after: Option<String>,
    }
    let mut conn = test_db.raw();
    if test_db.backend == Backend::Postgres {
        // Platform rows are visible to platform reads only (RLS), on this connection only.
        diesel::sql_query("SELECT set_config('app.platform', 'on', false)").execute(&mut conn).unwrap();
    }
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT CAST(user_id AS TEXT) AS user_id, entity_id, CAST(after AS TEXT) AS after \
         FROM audit_log WHERE tenant_id IS NULL AND action = '{}' ORDER BY created_at",
        action.replace('\'', "''")
    ))
    .load(&mut conn)
    .expect("platform events");
    rows.into_iter().map(|r| (r.user_id, r.entity_id, r.after)).collect()
}

/// Waits until the wall clock (whole seconds, as the session timestamps count) has moved
/// `seconds` past `since`.
pub async fn wait_past(since: i64, seconds: i64) {
    while chrono::Utc::now().timestamp() < since + seconds {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Moves an organization to another plan, as the operator.
pub fn set_plan(w: &World, tenant: TenantId, plan: hotelier::domain::Plan) {
    w.db()
        .platform(&PlatformGrant::operator(), Access::Write, |p| {
            let v = p.tenants().get(tenant)?.version;
            p.tenants().set_plan(tenant, v, plan)
        })
        .unwrap();
}
