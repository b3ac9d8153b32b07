//! The super-admin console: every platform route answers 404 to anyone who is not an
//! active super admin (members of any role, signed-out visitors); the super admin sees
//! every organization with its counts, each organization's users and audit trail, and
//! can switch in from there.

use hotelier::web::{RouteAccess, ROUTES};

use super::{world, Browser};
use crate::both_backends_async;
use crate::support::Backend;

both_backends_async!(platform_routes_are_invisible_to_members, super_admin_sees_every_organization);

fn platform_paths(w: &super::World) -> Vec<String> {
    let paths: Vec<String> = ROUTES
        .iter()
        .filter(|r| r.access == RouteAccess::Platform)
        .map(|r| r.path.replace("{id}", &w.b.id.to_string()))
        .collect();
    assert!(paths.len() >= 2, "the route table lists the platform routes");
    paths
}

async fn platform_routes_are_invisible_to_members(backend: Backend) {
    let w = world(backend).await;
    let paths = platform_paths(&w);
    let anonymous = Browser::new(w.address());
    for path in &paths {
        assert_eq!(anonymous.get(path).await.status, 404, "anonymous {path}");
    }
    for member in [&w.team_a.owner, &w.team_a.admin, &w.team_a.manager, &w.team_a.staff, &w.team_a.viewer] {
        let mut b = w.browser();
        b.sign_in(&member.account.email).await;
        for path in &paths {
            let p = b.get(path).await;
            assert_eq!(p.status, 404, "{} on {path}: {}", member.account.email, p.short());
            assert!(!p.body.contains("bravo-inns"), "a member's 404 shows another organization");
        }
    }
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
