//! The role matrix, walked over the route table: for each role in tenant A and each
//! tenant route, a role the capability allows is served, and any other role is refused
//! with 403 (or 404) and changes nothing. New routes are covered as they are added.

use hotelier::domain::Role;
use hotelier::web::RouteAccess;

use crate::both_backends_async;
use crate::support::{assert_unchanged, is_post, probe_form, snapshot, tenant_routes, world, Backend};

both_backends_async!(refusal_precedes_validation, role_matrix_follows_the_route_table);

async fn role_matrix_follows_the_route_table(backend: Backend) {
    let w = world(backend).await;
    let ids = w.ids_a();
    // A body the route would accept, so that only the role stands in the way.
    let probe = probe_form(&ids);
    let routes: Vec<_> = tenant_routes().collect();
    let mut summary = Vec::new();
    for &role in Role::ALL {
        let mut b = w.browser();
        b.sign_in(&w.team_a.role(role).account.email).await.assert_redirect("/");
        let cap = |r: &hotelier::web::Route| match r.access {
            RouteAccess::Tenant(cap) => cap,
            _ => unreachable!(),
        };
        let (allowed, refused): (Vec<&hotelier::web::Route>, Vec<_>) =
            routes.iter().copied().partition(|r| role.allows(cap(r)));

        // Refused first, between two snapshots: a refusal must leave no trace.
        let before = snapshot(w.db(), w.a.id);
        for route in &refused {
            let path = ids.fill(route.path);
            let p = if is_post(route) { b.post_form(&path, &probe).await } else { b.get(&path).await };
            let what = format!("{role:?} {} {path} (needs {:?})", route.method, cap(route));
            assert!(p.status == 403 || p.status == 404, "{what}: must be refused: {}", p.short());
            if p.status == 403 {
                assert!(p.body.contains("Your role does not allow this."), "{what}: {}", p.short());
            }
        }
        assert_unchanged(&before, &snapshot(w.db(), w.a.id), &format!("A after {role:?}'s refused requests"));

        for route in &allowed {
            let path = ids.fill(route.path);
            let what = format!("{role:?} {} {path} (needs {:?})", route.method, cap(route));
            if is_post(route) {
                let p = b.post_form(&path, &probe).await;
                assert!(
                    ![403, 404].contains(&p.status) && p.status < 500,
                    "{what}: must be served (any answer but 403/404/5xx): {}",
                    p.short()
                );
                assert!(
                    !matches!(p.location.as_deref(), Some("/login") | Some("/switch")),
                    "{what}: the session was lost: {}",
                    p.short()
                );
            } else {
                let p = b.get(&path).await;
                assert_eq!(p.status, 200, "{what}: {}", p.short());
            }
        }
        summary.push((role, allowed.len(), refused.len()));
    }
    eprintln!("role matrix over {} tenant routes (role, served, refused): {summary:?}", routes.len());
    let refused = |r: Role| summary.iter().find(|(role, ..)| *role == r).map_or(0, |s| s.2);
    assert_eq!(refused(Role::Owner), 0, "the owner may do everything");
    // Not vacuous: the table has routes below the top roles, and they were refused.
    assert!(refused(Role::Manager) > 0 && refused(Role::Viewer) > refused(Role::Manager), "{summary:?}");
}

// ---- Regression: a defect found by this suite and fixed in src/. ---------------------------

/// The capability is checked before any validation: a viewer's empty POST to any route
/// is refused (403/404), never judged on its content.
async fn refusal_precedes_validation(backend: Backend) {
    let w = world(backend).await;
    let ids = w.ids_a();
    let mut b = w.browser();
    b.sign_in(&w.team_a.viewer.account.email).await;
    let mut wrong = Vec::new();
    for route in tenant_routes().filter(|r| is_post(r)) {
        let path = ids.fill(route.path);
        let p = b.post(&path, &[]).await;
        if p.status != 403 && p.status != 404 {
            wrong.push(format!("{path}: {}", p.status));
        }
    }
    assert!(wrong.is_empty(), "a viewer's empty POST was judged before the role: {wrong:?}");
}
