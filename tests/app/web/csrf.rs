//! Every POST route in the table refuses a request without the session's CSRF token (no
//! token, an empty one, another session's, a made-up one, a wrong header, a token in a
//! body that is not a form), and nothing changes in either tenant. The same request
//! with the right token does go through, so the refusals are the token's doing.

use hotelier::web::ROUTES;

use crate::both_backends_async;
use crate::support::{assert_unchanged, is_post, probe_form, snapshot, world, Backend, PASSWORD};

both_backends_async!(every_post_route_needs_the_session_token);

async fn every_post_route_needs_the_session_token(backend: Backend) {
    let w = world(backend).await;
    // `dual` is owner in A and staff in B: with a token, every probe below would succeed,
    // the switch to B included.
    let mut b = w.browser();
    b.sign_in(&w.dual.email).await;
    let mut other = w.browser();
    other.sign_in(&w.team_a.owner.account.email).await;
    assert_ne!(b.csrf, other.csrf);

    let ids = w.ids_a();
    let mut probe = probe_form(&ids);
    for (k, v) in probe.iter_mut() {
        if k == "tenant_id" {
            *v = w.b.id.to_string();
        }
    }
    let login = vec![("email".to_owned(), w.dual.email.clone()), ("password".to_owned(), PASSWORD.to_owned())];
    let (a_before, b_before) = (snapshot(w.db(), w.a.id), snapshot(w.db(), w.b.id));

    let mut exercised = 0;
    for route in ROUTES.iter().filter(|r| is_post(r)) {
        let path = ids.fill(route.path);
        let body = if route.path == "/login" { &login } else { &probe };
        let made_up = "0".repeat(other.csrf.len());
        let tokens: [(&str, Option<&str>); 4] = [
            ("no token", None),
            ("an empty token", Some("")),
            ("another session's token", Some(&other.csrf)),
            ("a made-up token", Some(&made_up)),
        ];
        for (what, token) in tokens {
            let mut form = body.clone();
            if let Some(token) = token {
                form.push(("csrf_token".into(), token.into()));
            }
            let p = b.post_raw(&path, &form).await;
            assert_eq!(p.status, 403, "POST {path} with {what}: {}", p.short());
            assert!(p.body.contains("did not come from Hotelier"), "POST {path} with {what}: {}", p.short());
        }
        // Another session's token in the header fails, even with the right one in the body.
        let mut with_right = body.clone();
        with_right.push(("csrf_token".into(), b.csrf.clone()));
        let wrong_header = b
            .client
            .post(b.url(&path))
            .header("x-csrf-token", other.csrf.as_str())
            .form(&with_right)
            .send()
            .await
            .unwrap();
        assert_eq!(wrong_header.status(), 403, "POST {path} with a wrong header token");
        // The right token in a body that is not a form (an `enctype="text/plain"` trick).
        let mut text = body.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>();
        text.push(format!("csrf_token={}", b.csrf));
        let plain =
            b.client.post(b.url(&path)).header("content-type", "text/plain").body(text.join("&")).send().await.unwrap();
        assert_eq!(plain.status(), 403, "POST {path} with a text/plain body");
        exercised += 1;
    }
    eprintln!("CSRF: {exercised} POST routes refused without the session's token");
    assert!(exercised >= 10, "only {exercised} POST routes");

    assert_unchanged(&a_before, &snapshot(w.db(), w.a.id), "A after token-less POSTs");
    assert_unchanged(&b_before, &snapshot(w.db(), w.b.id), "B after token-less POSTs");
    // Not signed out, not switched to B.
    let home = b.get("/").await;
    assert!(home.status == 200 && home.body.contains("alpha-hotels org"), "{}", home.short());

    // Control: with the token (in the form, then in the header) the same probes go through.
    let room = format!("/rooms/{}/housekeeping", w.a.rooms[1]);
    let board = format!("/housekeeping?hotel={}#room-{}", w.a.hotel, w.a.rooms[1]);
    b.post_form(&room, &probe).await.assert_redirect(&board);
    let via_header = b
        .client
        .post(b.url(&format!("/hotels/{}", w.a.hotel)))
        .header("x-csrf-token", b.csrf.as_str())
        .form(&probe)
        .send()
        .await
        .unwrap();
    assert_eq!(via_header.status(), 303, "the token may come as a header");
    let after = snapshot(w.db(), w.a.id);
    assert_ne!(after["rooms"], a_before["rooms"], "the housekeeping probe changed the room");
    assert_ne!(after["hotels"], a_before["hotels"], "the hotel probe changed the hotel");
}
