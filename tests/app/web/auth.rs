//! Sign-in, lockout, the per-address limit, session renewal, sign-out, timeouts, and the
//! headers and cookie flags of docs/ARCHITECTURE.md's "Security baseline".

use std::time::Duration;

use hotelier::db::{Access, PlatformGrant};

use crate::both_backends_async;
use crate::support::{
    client, login, platform_events, replay, start_app, wait_past, world, Backend, Browser, Page, World, PASSWORD,
};

both_backends_async!(
    sign_out_notice_is_shown,
    signed_out_cookie_cannot_open_the_picker,
    login_succeeds_and_fails,
    wrong_passwords_lock_the_account,
    login_is_rate_limited_per_address,
    session_is_renewed_at_login,
    logout_ends_the_session,
    sessions_time_out_as_configured,
    security_headers_on_every_response,
    session_cookie_flags
);

fn user(w: &World, email: &str) -> hotelier::db::users::User {
    w.db().platform(&PlatformGrant::operator(), Access::Read, |p| p.users().by_email(email)).unwrap().expect("user")
}

async fn login_succeeds_and_fails(backend: Backend) {
    let w = world(backend).await;
    let c = client();
    let owner = &w.team_a.owner.account;

    let wrong = login(&c, w.address(), &owner.email, "not the password").await;
    assert_eq!(wrong.status, 422, "{}", wrong.short());
    assert!(wrong.body.contains("The email or password is incorrect."), "{}", wrong.short());
    assert!(wrong.body.contains(&format!(r#"value="{}""#, owner.email)), "the typed email is kept");
    Page::from(c.get(format!("{}/", w.address())).send().await.unwrap()).await.assert_redirect("/login");

    // An unknown email gets the very same answer.
    let unknown = login(&c, w.address(), "nobody@alpha-hotels.test", PASSWORD).await;
    assert_eq!(unknown.status, 422);
    assert!(unknown.body.contains("The email or password is incorrect."), "{}", unknown.short());
    assert!(!unknown.body.to_lowercase().contains("unknown") && !unknown.body.contains("locked"));

    // Both failures are audited as platform events; the known account's carries its id.
    let failed = platform_events(&w.app.test_db, "login.failed");
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert_eq!(failed[0].0.as_deref(), Some(owner.id.to_string().as_str()));
    assert!(failed[0].2.as_deref().unwrap_or("").contains("wrong password"), "{failed:?}");
    assert_eq!((failed[1].0.as_deref(), failed[1].1.as_deref()), (None, Some("nobody@alpha-hotels.test")));
    assert_eq!(user(&w, &owner.email).failed_logins, 1);

    // Email case and surrounding spaces do not matter.
    let ok = login(&c, w.address(), &format!("  {}  ", owner.email.to_uppercase()), PASSWORD).await;
    ok.assert_redirect("/");
    let home = Page::from(c.get(format!("{}/", w.address())).send().await.unwrap()).await;
    assert_eq!(home.status, 200, "{}", home.short());
    assert!(home.body.contains("alpha-hotels org") && home.body.contains("Alpha Owner"), "{}", home.short());
    let after = user(&w, &owner.email);
    assert_eq!(after.failed_logins, 0, "a success clears the failure count");
    assert!(after.last_login_at.is_some());

    // A user with no membership (here: the super admin) is sent to pick an organization.
    let mut root = Browser::new(w.address());
    root.sign_in(&w.super_admin.email).await.assert_redirect("/switch");
    root.get("/").await.assert_redirect("/switch");
}

async fn wrong_passwords_lock_the_account(backend: Backend) {
    let w = world(backend).await;
    let c = client();
    let victim = &w.team_a.staff.account;
    for attempt in 1..=4 {
        let p = login(&c, w.address(), &victim.email, &format!("guess-{attempt}")).await;
        assert_eq!(p.status, 422, "attempt {attempt}");
        assert!(p.body.contains("The email or password is incorrect."), "attempt {attempt}: {}", p.short());
        assert!(!p.body.contains("locked until"), "attempt {attempt} already locked");
    }
    let fifth = login(&c, w.address(), &victim.email, "guess-5").await;
    assert_eq!(fifth.status, 422);
    let locked = user(&w, &victim.email).locked_until.expect("locked_until is set on the fifth failure");
    let text = format!("locked until {} UTC", locked.format("%H:%M"));
    assert!(fifth.body.contains(&text), "expected {text:?}: {}", fifth.short());

    // While locked, even the right password is refused, and no session is made.
    let right = login(&c, w.address(), &victim.email, PASSWORD).await;
    assert_eq!(right.status, 422, "{}", right.short());
    assert!(right.body.contains(&text), "{}", right.short());
    Page::from(c.get(format!("{}/", w.address())).send().await.unwrap()).await.assert_redirect("/login");
    assert!(!platform_events(&w.app.test_db, "login.locked").is_empty(), "the refused attempt is audited");

    // The lock is per account: a colleague signs in from the same address.
    let mut colleague = Browser::new(w.address());
    colleague.sign_in(&w.team_a.viewer.account.email).await.assert_redirect("/");
}

async fn login_is_rate_limited_per_address(backend: Backend) {
    let w = world(backend).await;
    let c = client();
    for attempt in 1..=10 {
        let p = login(&c, w.address(), &format!("nobody{attempt}@example.test"), "whatever").await;
        assert_eq!(p.status, 422, "attempt {attempt} is within the burst: {}", p.short());
    }
    // The eleventh attempt is refused before the password is looked at, even a right one.
    let limited = login(&c, w.address(), &w.team_a.owner.account.email, PASSWORD).await;
    assert_eq!(limited.status, 429, "{}", limited.short());
    assert!(limited.body.contains("Too many attempts"), "{}", limited.short());
    Page::from(c.get(format!("{}/", w.address())).send().await.unwrap()).await.assert_redirect("/login");
    assert!(user(&w, &w.team_a.owner.account.email).last_login_at.is_none());
}

async fn session_is_renewed_at_login(backend: Backend) {
    let w = world(backend).await;
    let c = client();
    let form = Page::from(c.get(format!("{}/login", w.address())).send().await.unwrap()).await;
    let (anonymous_cookie, anonymous_token) =
        (form.session_cookie().expect("GET /login sets a session"), form.csrf().expect("token"));
    let email = &w.team_a.manager.account.email;
    let fields = [("csrf_token", anonymous_token.as_str()), ("email", email), ("password", PASSWORD)];
    let signed_in = Page::from(c.post(format!("{}/login", w.address())).form(&fields).send().await.unwrap()).await;
    signed_in.assert_redirect("/");
    let cookie = signed_in.session_cookie().expect("sign-in re-issues the cookie");
    assert_ne!(cookie, anonymous_cookie);
    let token = crate::support::csrf(&c, &format!("{}/switch", w.address())).await;
    assert_ne!(token, anonymous_token, "the CSRF token is renewed with the session");

    // Session fixation: a cookie planted before sign-in is still anonymous afterwards.
    replay(w.address(), "/", &anonymous_cookie).await.assert_redirect("/login");
    let real = replay(w.address(), "/", &cookie).await;
    assert_eq!(real.status, 200, "{}", real.short());
}

async fn logout_ends_the_session(backend: Backend) {
    let w = world(backend).await;
    let mut b = w.browser();
    let owner = &w.team_a.owner.account;
    let cookie = b.sign_in(&owner.email).await.session_cookie().expect("session cookie");
    assert_eq!(replay(w.address(), "/hotels", &cookie).await.status, 200, "a copied cookie works before sign-out");

    b.post("/logout", &[]).await.assert_redirect("/login");
    b.get("/").await.assert_redirect("/login");

    // The copy taken before sign-out is dead too.
    for path in ["/", "/hotels", &format!("/hotels/{}", w.a.hotel)] {
        replay(w.address(), path, &cookie).await.assert_redirect("/login");
    }
}

async fn sessions_time_out_as_configured(backend: Backend) {
    let w = world(backend).await;
    let idle_app = start_app(&w.app.test_db, |s| s.session_idle_timeout = Duration::from_secs(1));
    let absolute_app = start_app(&w.app.test_db, |s| s.session_absolute_timeout = Duration::from_secs(1));

    // Each session is used right after sign-in (well within its one second), then again
    // two whole seconds later: the timestamps in the session count whole seconds.
    let mut control = w.browser();
    control.sign_in(&w.team_a.manager.account.email).await;
    assert_eq!(control.get("/").await.status, 200);

    let mut absolute = Browser::new(&absolute_app);
    let signed_in = absolute.sign_in(&w.team_a.admin.account.email).await;
    let absolute_cookie = signed_in.session_cookie().expect("cookie");
    let attrs: Vec<&str> = signed_in.set_cookie_line().unwrap_or_default().split(';').map(str::trim).collect();
    assert!(attrs.contains(&"Max-Age=1"), "the cookie lives as long as the session may: {attrs:?}");
    assert_eq!(replay(&absolute_app, "/", &absolute_cookie).await.status, 200);

    let mut idle = Browser::new(&idle_app);
    let idle_cookie = idle.sign_in(&w.team_a.owner.account.email).await.session_cookie().expect("cookie");
    assert_eq!(idle.get("/").await.status, 200);
    let last_used = chrono::Utc::now().timestamp();

    wait_past(last_used, 2).await;
    idle.get("/").await.assert_redirect("/login");
    replay(&idle_app, "/hotels", &idle_cookie).await.assert_redirect("/login");
    // Replayed by hand: a browser would drop the expired cookie by itself; the server must
    // refuse it on its own.
    replay(&absolute_app, "/", &absolute_cookie).await.assert_redirect("/login");
    let still = control.get("/").await;
    assert_eq!(still.status, 200, "the default timeouts keep a two-second-old session: {}", still.short());
}

async fn security_headers_on_every_response(backend: Backend) {
    let w = world(backend).await;
    let mut b = w.browser();
    let mut pages = vec![("GET /login", b.get("/login").await), ("GET / signed out", b.get("/").await)];
    pages.push(("POST /login without a token", b.post_raw("/login", &[]).await));
    b.sign_in(&w.team_a.owner.account.email).await;
    pages.push(("GET /", b.get("/").await));
    pages.push(("GET /hotels/{other tenant}", b.get(&format!("/hotels/{}", w.b.hotel)).await));
    pages.push(("GET /no-such-page", b.get("/no-such-page").await));
    pages.push(("GET /static/app.css", b.get("/static/app.css").await));
    let statuses: Vec<u16> = pages.iter().map(|(_, p)| p.status).collect();
    assert_eq!(statuses, vec![200, 303, 403, 200, 404, 404, 200]);
    for (what, p) in &pages {
        let csp = p.header("content-security-policy");
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{what}: CSP {csp:?}");
        assert_eq!(p.header("x-content-type-options"), "nosniff", "{what}");
        let referrer = p.header("referrer-policy");
        assert!(
            ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"].contains(&referrer),
            "{what}: referrer policy {referrer:?}"
        );
        assert_eq!(p.header("x-frame-options"), "DENY", "{what}");
    }
    // Error pages show a request id and nothing internal.
    for (what, p) in pages.iter().filter(|(_, p)| p.status >= 400) {
        assert!(p.body.contains("Request id:"), "{what}: {}", p.short());
    }
}

async fn session_cookie_flags(backend: Backend) {
    let w = world(backend).await;
    let mut b = w.browser();
    let form = b.get("/login").await;
    let signed_in = b.sign_in(&w.team_a.owner.account.email).await;
    for (what, p) in [("GET /login", &form), ("POST /login", &signed_in)] {
        let line = p.set_cookie_line().unwrap_or_else(|| panic!("{what} sets no session cookie"));
        let attrs: Vec<&str> = line.split(';').map(str::trim).collect();
        assert!(attrs.contains(&"HttpOnly"), "{what}: {line}");
        assert!(attrs.contains(&"SameSite=Lax"), "{what}: {line}");
        assert!(attrs.contains(&"Path=/"), "{what}: {line}");
        assert!(!attrs.contains(&"Secure"), "{what}: Secure is off unless configured: {line}");
    }
    let secure_app = start_app(&w.app.test_db, |s| s.secure_cookies = true);
    let secure = Page::from(client().get(format!("{secure_app}/login")).send().await.unwrap()).await;
    let line = secure.set_cookie_line().expect("cookie");
    assert!(line.split(';').map(str::trim).any(|a| a == "Secure"), "{line}");
    assert!(line.contains("HttpOnly") && line.contains("SameSite=Lax"), "{line}");
}

// ---- Regressions: defects found by this suite and fixed in src/. ----------------------------

/// Sign-out leaves a notice for the sign-in page (actix-session drops inserts into a
/// purged session, so ending a session must clear and renew instead).
async fn sign_out_notice_is_shown(backend: Backend) {
    let w = world(backend).await;
    let mut b = w.browser();
    b.sign_in(&w.team_a.owner.account.email).await;
    b.post("/logout", &[]).await.assert_redirect("/login");
    let form = b.get("/login").await;
    assert!(form.body.contains("You have signed out."), "{}", form.short());
}

/// `SignedIn` routes (`/switch`, `/account/password`, `/logout`) check the account's
/// `session_epoch` and `is_active` in the database: a copy of a signed-out cookie cannot
/// open the picker, which for a super admin would list every organization.
async fn signed_out_cookie_cannot_open_the_picker(backend: Backend) {
    let w = world(backend).await;
    let mut root = w.browser();
    let cookie = root.sign_in(&w.super_admin.email).await.session_cookie().expect("cookie");
    root.post("/logout", &[]).await.assert_redirect("/login");
    let replayed = replay(w.address(), "/switch?q=bravo", &cookie).await;
    assert!(!replayed.body.contains("bravo-inns org"), "an ended session lists organizations: {}", replayed.short());
    replayed.assert_redirect("/login");
}
