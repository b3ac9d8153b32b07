//! Ids in paths are typed: on every route of the table that takes an `{id}`, a value that
//! is no id at all answers the 404 page (with a request id), GET and POST alike, and
//! changes nothing. A route added to the table is covered without touching this file.

use hotelier::web::{RouteAccess, ROUTES};

use crate::both_backends_async;
use crate::support::{assert_unchanged, is_post, snapshot, world, Backend};

both_backends_async!(a_malformed_id_in_any_path_is_not_found);

async fn a_malformed_id_in_any_path_is_not_found(backend: Backend) {
    let w = world(backend).await;
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    let mut root = w.browser();
    root.sign_in(&w.super_admin.email).await;
    let before = (snapshot(w.db(), w.a.id), snapshot(w.db(), w.b.id));
    let mut seen = 0;
    for route in ROUTES.iter().filter(|r| r.path.contains("{id}")) {
        let who = match route.access {
            RouteAccess::Platform => &root,
            RouteAccess::Tenant(_) => &owner,
            other => panic!("{} {}: an {{id}} route with access {other:?}", route.method, route.path),
        };
        for garbage in ["not-an-id", "1", "00000000-0000-0000-0000"] {
            let path = route.path.replace("{id}", garbage);
            let page = if is_post(route) { who.post(&path, &[("version", "1")]).await } else { who.get(&path).await };
            assert_eq!(page.status, 404, "{} {path}: {}", route.method, page.short());
            assert!(page.body.contains("We could not find that page or record."), "{} {path}", route.method);
            assert!(page.body.contains("Request id"), "{} {path}: no request id: {}", route.method, page.short());
        }
        seen += 1;
    }
    assert!(seen >= 20, "only {seen} routes take an id");
    assert_unchanged(&before.0, &snapshot(w.db(), w.a.id), "A after malformed ids");
    assert_unchanged(&before.1, &snapshot(w.db(), w.b.id), "B after malformed ids");
}
