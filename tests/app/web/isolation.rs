//! The route-wide isolation suite, generic over `web::ROUTES`: signed in to tenant A,
//! every route that takes an `{id}` answers 404 for B's record (GET, and POST with a
//! valid token and a body that would otherwise be accepted), every list and form page
//! (with searches and filters aimed at B) shows nothing of B, POSTs that carry B's ids in
//! the body change nothing in B, and B's data is byte-for-byte the same afterwards.
//! A route added to the table is covered without touching this file; an `{id}` route
//! under a path segment this suite cannot map fails loudly (see `Ids::for_segment`).

use std::collections::BTreeSet;

use hotelier::web::{Route, RouteAccess, ROUTES};

use crate::both_backends_async;
use crate::support::{assert_unchanged, is_post, probe_form, snapshot, world, Backend, Page};

both_backends_async!(tenant_a_cannot_reach_tenant_b_through_any_route);

fn key(route: &Route) -> (&'static str, &'static str) {
    (route.method, route.path)
}

/// Panics if `page` shows any of `secrets`. Values the request itself carried (`echoed`),
/// which a form may legitimately repeat back, are allowed in the body, never in headers.
#[track_caller]
fn assert_no_leak(what: &str, page: &Page, secrets: &[String], echoed: &[String]) {
    for secret in secrets {
        if !echoed.contains(secret) {
            assert!(!page.body.contains(secret.as_str()), "{what}: A's page shows B's {secret:?}: {}", page.short());
        }
        // The session cookie is ciphertext: by chance it may spell a short code.
        for (name, value) in page.headers.iter().filter(|(name, _)| *name != "set-cookie") {
            let value = value.to_str().unwrap_or("");
            assert!(!value.contains(secret.as_str()), "{what}: header {name} shows B's {secret:?}");
        }
    }
}

/// The secrets a query string carries, once decoded (a search box shows its query).
fn carried(query: &str, secrets: &[String]) -> Vec<String> {
    let values: Vec<String> =
        url::form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).map(|(_, v)| v.into_owned()).collect();
    secrets.iter().filter(|s| values.iter().any(|v| v.contains(s.as_str()))).cloned().collect()
}

async fn tenant_a_cannot_reach_tenant_b_through_any_route(backend: Backend) {
    let w = world(backend).await;
    let mut b = w.browser();
    b.sign_in(&w.team_a.owner.account.email).await.assert_redirect("/");
    let (ids_a, ids_b) = (w.ids_a(), w.ids_b());
    let secrets = w.b_secrets();
    let probe_b = probe_form(&ids_b);
    let b_ids_in_probe: Vec<String> = ids_b.all();
    let b_before = snapshot(w.db(), w.b.id);
    let mut exercised = BTreeSet::new();

    // 1. Every route with an {id}, every method, with B's id: 404, and nothing of B shown.
    // (Platform routes take any organization's id by design; `web::platform` shows they
    // answer 404 to every member.)
    for route in ROUTES.iter().filter(|r| r.path.contains("{id}") && r.access != RouteAccess::Platform) {
        let path = ids_b.fill(route.path);
        let what = format!("{} {path}", route.method);
        let p = if is_post(route) { b.post_form(&path, &probe_b).await } else { b.get(&path).await };
        assert_eq!(p.status, 404, "{what}: B's record must not exist for A: {}", p.short());
        assert_no_leak(&what, &p, &secrets, &[]);
        exercised.insert(key(route));
    }

    // 2. Every signed-in GET page without an {id}: as is, searching for B, filtered on B.
    let queries = [
        String::new(),
        "?q=bravo".into(),
        "?q=BABC123".into(),
        "?q=guest%40bravo-inns.test".into(),
        "?q=Bravo+Secret&sort=name&dir=desc".into(),
        format!("?hotel={}", w.b.hotel),
        format!("?hotel={}&status=clean&page=1", w.b_lodge),
    ];
    let gets = ROUTES.iter().filter(|r| !is_post(r) && !r.path.contains("{id}"));
    // Platform routes are cross-tenant by design and answer 404 to every member: the
    // platform suite (`web::platform`) walks them.
    for route in gets.filter(|r| !matches!(r.access, RouteAccess::Public | RouteAccess::Platform)) {
        for query in &queries {
            let path = format!("{}{query}", route.path);
            let p = b.get(&path).await;
            let aimed_at_b = query.contains("hotel=");
            let ok = p.status == 200 || (aimed_at_b && p.status == 404);
            assert!(ok, "GET {path}: {}", p.short());
            assert_no_leak(&format!("GET {path}"), &p, &secrets, &carried(query, &secrets));
        }
        exercised.insert(key(route));
    }

    // The pages do render the tenant's own records, so a leak would have shown.
    let (a_hotel, a_room) = (w.a.hotel.to_string(), w.a.rooms[0].to_string());
    for (path, name, id) in
        [("/hotels", "alpha-hotels Central", &a_hotel), ("/rooms", "101", &a_room), ("/housekeeping", "101", &a_room)]
    {
        let p = b.get(path).await;
        assert!(p.body.contains(name) && p.body.contains(id.as_str()), "GET {path} lacks A's {name} and {id}");
    }

    // 3. Tenant POSTs without an {id}, with B's ids (and B's tenant id) in the body.
    let posts = ROUTES.iter().filter(|r| is_post(r) && !r.path.contains("{id}"));
    for route in posts.filter(|r| matches!(r.access, RouteAccess::Tenant(_))) {
        let p = b.post_form(route.path, &probe_b).await;
        let what = format!("POST {} with B's ids", route.path);
        assert!(p.status < 500 && p.status != 403, "{what}: {}", p.short());
        assert_no_leak(&what, &p, &secrets, &b_ids_in_probe);
        exercised.insert(key(route));
    }

    // B is untouched, and nothing A made points at B.
    assert_unchanged(&b_before, &snapshot(w.db(), w.b.id), "B after A's requests");
    let mut a_after = snapshot(w.db(), w.a.id);
    a_after.as_object_mut().unwrap().remove("audit");
    let a_text = a_after.to_string();
    for id in &secrets {
        assert!(!a_text.contains(id.as_str()), "an A record refers to B's {id:?}");
    }
    let home = b.get("/").await;
    assert!(home.status == 200 && home.body.contains("alpha-hotels org"), "still A: {}", home.short());

    // Control: the same {id} requests with A's own ids are served, so the 404s above were
    // about whose record it is. Pages first, then changes, deletions last.
    let with_id: Vec<&Route> =
        ROUTES.iter().filter(|r| r.path.contains("{id}") && r.access != RouteAccess::Platform).collect();
    let destructive = |r: &Route| r.path.ends_with("/delete") || r.path.ends_with("/deactivate");
    let ordered = with_id
        .iter()
        .filter(|r| !is_post(r))
        .chain(with_id.iter().filter(|r| is_post(r) && !destructive(r)))
        .chain(with_id.iter().filter(|r| is_post(r) && destructive(r)));
    let probe_a = probe_form(&ids_a);
    for route in ordered {
        let path = ids_a.fill(route.path);
        let p = if is_post(route) { b.post_form(&path, &probe_a).await } else { b.get(&path).await };
        let ok = if is_post(route) { p.status != 404 && p.status < 500 } else { p.status == 200 };
        assert!(ok, "control {} {path} with A's own id: {}", route.method, p.short());
    }

    // Every route was walked, or needs no tenant (sign-in, sign-out, switch: see switch.rs).
    for route in ROUTES {
        assert!(
            exercised.contains(&key(route))
                || matches!(route.access, RouteAccess::Public | RouteAccess::SignedIn | RouteAccess::Platform),
            "route {} {} was not exercised by the isolation suite",
            route.method,
            route.path
        );
    }
    eprintln!(
        "isolation ({backend:?}): {} of {} routes exercised ({} with an {{id}})",
        exercised.len(),
        ROUTES.len(),
        with_id.len()
    );
    assert!(exercised.len() > 20, "only {} routes exercised", exercised.len());
}
