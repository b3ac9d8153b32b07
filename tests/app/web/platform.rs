//! The super-admin console: every platform route answers 404 to anyone who is not an
//! active super admin (members of any role, signed-out visitors); the super admin sees
//! every organization with its counts, each organization's users and audit trail, and
//! can switch in from there.

use hotelier::web::{RouteAccess, ROUTES};

use crate::both_backends_async;
use crate::support::{world, Backend};

both_backends_async!(
    platform_routes_are_invisible_to_members,
    super_admin_sees_every_organization,
    analytics_never_mix_currencies,
    isolation_health_page_is_green
);

/// Every platform route as (is a POST, path with B's id).
fn platform_routes(w: &crate::support::World) -> Vec<(bool, String)> {
    let routes: Vec<(bool, String)> = ROUTES
        .iter()
        .filter(|r| r.access == RouteAccess::Platform)
        .map(|r| (crate::support::is_post(r), r.path.replace("{id}", &w.b.id.to_string())))
        .collect();
    assert!(routes.len() >= 8, "the route table lists the platform routes");
    routes
}

async fn platform_routes_are_invisible_to_members(backend: Backend) {
    let w = world(backend).await;
    let routes = platform_routes(&w);
    let team = &w.team_a;
    for member in
        [None, Some(&team.owner), Some(&team.admin), Some(&team.manager), Some(&team.staff), Some(&team.viewer)]
    {
        let mut b = w.browser();
        match member {
            Some(m) => drop(b.sign_in(&m.account.email).await),
            // A signed-out visitor's session has a CSRF token too (the sign-in form's).
            None => b.csrf = crate::support::csrf(&b.client, &b.url("/login")).await,
        }
        let who = member.map_or("anonymous", |m| m.account.email.as_str());
        for (post, path) in &routes {
            let p = if *post {
                b.post(path, &[("status", "suspended"), ("reason", "x"), ("plan", "starter"), ("version", "1")]).await
            } else {
                b.get(path).await
            };
            assert_eq!(p.status, 404, "{who} on {path}: {}", p.short());
            for secret in w.b_secrets() {
                assert!(!p.body.contains(&secret), "{who} on {path}: the 404 shows {secret}");
            }
        }
    }
    let b = w
        .db()
        .platform(&hotelier::db::PlatformGrant::operator(), hotelier::db::Access::Read, |p| p.tenants().get(w.b.id))
        .unwrap();
    assert_eq!(
        (b.status, b.plan),
        (hotelier::domain::TenantStatus::Active, hotelier::domain::Plan::Enterprise),
        "nothing changed"
    );
}

async fn super_admin_sees_every_organization(backend: Backend) {
    let w = world(backend).await;
    let mut root = w.browser();
    root.sign_in(&w.super_admin.email).await;
    let list = root.get("/platform").await;
    assert_eq!(list.status, 200, "{}", list.short());
    for name in ["alpha-hotels org", "bravo-inns org"] {
        assert!(list.body.contains(name), "{name} listed");
    }
    let searched = root.get("/platform?q=bravo").await;
    assert!(searched.body.contains("bravo-inns org") && !searched.body.contains("alpha-hotels org"));
    let filtered = root.get("/platform?status=suspended").await;
    assert!(!filtered.body.contains("bravo-inns org"), "status filter applies");

    let org = root.get(&format!("/platform/orgs/{}", w.b.id)).await;
    assert_eq!(org.status, 200);
    assert!(org.body.contains(&w.team_b.owner.account.email), "users shown");
    assert!(org.body.contains("Switch into bravo-inns org"));
    assert_eq!(root.get(&format!("/platform/orgs/{}", uuid::Uuid::now_v7())).await.status, 404);
    assert_eq!(root.get("/platform/orgs/not-an-id").await.status, 404);

    // Switching in from the console: audited, then the tenant's pages under the banner.
    root.post("/switch", &[("tenant_id", &w.b.id.to_string())]).await.assert_redirect("/");
    let inside = root.get("/hotels").await;
    assert!(inside.body.contains("as a super admin"), "{}", inside.short());
    let trail = root.get(&format!("/platform/orgs/{}", w.b.id)).await;
    assert!(trail.body.contains("tenant.switch"), "the switch shows in B's audit trail");
}

/// Room charges in USD (A) and EUR (B), plus a second USD organization: each currency has
/// its own total, and no figure anywhere adds dollars to euros.
async fn analytics_never_mix_currencies(backend: Backend) {
    use hotelier::db::folio::NewFolioEntry;
    use hotelier::db::{Access, DbError};
    use hotelier::domain::FolioKind;

    let w = world(backend).await;
    let charlie = crate::support::make_org(w.db(), "charlie-stays", "USD");
    let today = chrono::Utc::now().date_naive();
    for (org, amount) in [(&w.a, 12_345i64), (&w.b, 50_000), (&charlie, 1_000)] {
        w.db()
            .tenant(org.id, None, Access::Write, |s| {
                s.folio().post(&NewFolioEntry {
                    reservation_id: org.reservation,
                    kind: FolioKind::RoomCharge,
                    description: "Room night".into(),
                    amount,
                    method: None,
                    reference: None,
                    service_date: Some(today),
                })
            })
            .map_err(|e: DbError| e)
            .unwrap();
    }
    let mut root = w.browser();
    root.sign_in(&w.super_admin.email).await;
    let page = root.get("/platform/analytics").await;
    assert_eq!(page.status, 200, "{}", page.short());
    let row = |currency: &str| {
        let start =
            page.body.find(&format!("<tr data-currency=\"{currency}\">")).unwrap_or_else(|| panic!("{currency} row"));
        page.body[start..start + page.body[start..].find("</tr>").unwrap()].to_owned()
    };
    let (usd, eur) = (row("USD"), row("EUR"));
    assert!(usd.contains("$133.45") && usd.contains(">2<"), "USD: A and Charlie together: {usd}");
    assert!(eur.contains("€500.00") && eur.contains(">1<"), "EUR: B alone: {eur}");
    // Neither the sum of all three (633.45) nor A + B (623.45) appears in any currency.
    for mixed in ["633.45", "633,45", "623.45", "623,45"] {
        assert!(!page.body.contains(mixed), "a total mixes currencies: {mixed}");
    }
    assert!(page.body.contains("Organizations by kind and status"));
    assert!(page.body.contains("<svg class=\"chart growth\""), "growth chart drawn");
}

async fn isolation_health_page_is_green(backend: Backend) {
    let w = world(backend).await;
    let mut root = w.browser();
    root.sign_in(&w.super_admin.email).await;
    let page = root.get("/platform/health").await;
    assert_eq!(page.status, 200, "{}", page.short());
    assert!(!page.body.contains("verdict-fail"), "nothing red on a sound database");
    for section in ["Row-level security", "Database role", "Tenant consistency", "Orphan rows"] {
        assert!(page.body.contains(section), "{section}");
    }
    assert!(page.body.contains("reservations.guest_id → guests"));
}
