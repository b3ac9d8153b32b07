//! The front-desk kiosk: chosen hotel remembered, the idle lock that works without
//! JavaScript, and the lock screen's sign-in that returns to the kiosk.

use hotelier::db::Access;

use crate::both_backends_async;
use crate::support::{world, Backend, Browser};

both_backends_async!(
    kiosk_remembers_its_hotel_and_locks_when_idle,
    kiosk_is_for_staff_and_up,
    a_refused_payment_keeps_the_amount_typed,
    late_kiosk_writes_land_on_the_lock_and_write_nothing,
    showing_the_lock_signs_nobody_out_and_unlocking_asks_only_the_password,
    the_idle_timer_is_a_script_the_csp_allows_and_reports_interactions,
    a_kiosk_payment_is_confirmed_with_its_amount_and_method,
);

async fn kiosk_remembers_its_hotel_and_locks_when_idle(backend: Backend) {
    let w = world(backend).await;
    let mut desk = w.browser();
    desk.sign_in(&w.team_a.staff.account.email).await;
    // First visit: choose the hotel, once. B's hotel is not a choice here.
    let choose = desk.get("/kiosk").await;
    assert_eq!(choose.status, 200);
    assert!(choose.body.contains("Which hotel is this desk?"), "{}", choose.short());
    let foreign = desk.post("/kiosk/hotel", &[("hotel", &w.b.hotel.to_string())]).await;
    assert_eq!(foreign.status, 409, "{}", foreign.short());
    desk.post("/kiosk/hotel", &[("hotel", &w.a.hotel.to_string())]).await.assert_redirect("/kiosk");
    let home = desk.get("/kiosk").await;
    assert!(home.body.contains("Arrivals") && home.body.contains("Guest of alpha-hotels"), "{}", home.short());

    // Without JavaScript the page sends an untouched screen to the lock after the
    // organization's idle time: 5 minutes by default, 7 once the settings say so. The
    // script counts the same time from the last interaction.
    let noscript = r#"<noscript><meta http-equiv="refresh" content="300;url=/kiosk/lock"></noscript>"#;
    assert!(home.body.contains(noscript), "{}", home.short());
    assert!(home.body.contains(r#"data-idle-seconds="300""#));
    crate::support::update_settings(w.db(), w.a.id, |s| s.kiosk_idle_minutes = 7);
    let seven = desk.get("/kiosk").await;
    assert!(
        seven.body.contains(r#"content="420;url=/kiosk/lock""#) && seven.body.contains(r#"data-idle-seconds="420""#)
    );

    // The lock ends the session but the screen keeps its hotel; signing in from the lock
    // screen returns to that hotel's desk.
    desk.post("/kiosk/lock", &[]).await.assert_redirect("/kiosk/lock");
    let lock = desk.get("/kiosk/lock").await;
    assert_eq!(lock.status, 200);
    assert!(
        lock.body.contains("The kiosk locked") && lock.body.contains(r#"name="next" value="/kiosk""#),
        "{}",
        lock.short()
    );
    desk.get("/kiosk").await.assert_redirect("/login");
    let token = crate::support::csrf(&desk.client, &desk.url("/kiosk/lock")).await;
    let back = desk
        .post_raw(
            "/login",
            &[
                ("csrf_token".into(), token),
                ("email".into(), w.team_a.staff.account.email.clone()),
                ("password".into(), crate::support::PASSWORD.into()),
                ("next".into(), "/kiosk".into()),
            ],
        )
        .await;
    back.assert_redirect("/kiosk");
    let again = desk.get("/kiosk").await;
    assert!(again.body.contains("Arrivals") && !again.body.contains("Which hotel is this desk?"), "{}", again.short());
    // `next` goes nowhere but the kiosk.
    let other = Browser::new(w.address());
    let token = crate::support::csrf(&other.client, &other.url("/login")).await;
    let elsewhere = other
        .post_raw(
            "/login",
            &[
                ("csrf_token".into(), token),
                ("email".into(), w.team_a.staff.account.email.clone()),
                ("password".into(), crate::support::PASSWORD.into()),
                ("next".into(), "https://evil.example/".into()),
            ],
        )
        .await;
    elsewhere.assert_redirect("/");
}

async fn kiosk_is_for_staff_and_up(backend: Backend) {
    let w = world(backend).await;
    let mut viewer = w.browser();
    viewer.sign_in(&w.team_a.viewer.account.email).await;
    assert_eq!(viewer.get("/kiosk").await.status, 403);
    assert!(!viewer.get("/").await.body.contains("Front desk kiosk"), "a viewer's navigation offers the kiosk");
    let mut staff = w.browser();
    staff.sign_in(&w.team_a.staff.account.email).await;
    assert_eq!(staff.get("/kiosk").await.status, 200);
    assert!(staff.get("/").await.body.contains("Front desk kiosk"));
}

async fn a_refused_payment_keeps_the_amount_typed(backend: Backend) {
    let w = world(backend).await;
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    let id = w.a.reservation;
    owner
        .post(&format!("/reservations/{id}/folio"), &[("kind", "charge"), ("amount", "50"), ("description", "Spa")])
        .await
        .assert_redirect(&format!("/reservations/{id}"));
    let refused = owner.post(&format!("/kiosk/stay/{id}/pay"), &[("amount", "12,3x"), ("method", "card")]).await;
    assert_eq!(refused.status, 422, "{}", refused.short());
    assert!(refused.body.contains("Enter an amount such as 1,250.00."), "{}", refused.short());
    assert!(refused.body.contains(r#"value="12,3x""#), "the typed amount is kept: {}", refused.short());
    let balance = w.db().tenant(w.a.id, None, Access::Read, |s| s.folio().balance(id)).unwrap();
    assert_eq!(balance, 5_000, "nothing was paid");
}

/// The server checks the idle lock on writes too: a check-in or a payment tapped on a
/// screen left idle past the organization's idle time writes nothing and lands on the
/// lock. (An idle time of 0 minutes locks a screen after its first idle second.)
async fn late_kiosk_writes_land_on_the_lock_and_write_nothing(backend: Backend) {
    let w = world(backend).await;
    let mut desk = w.browser();
    desk.sign_in(&w.team_a.owner.account.email).await;
    desk.post("/kiosk/hotel", &[("hotel", &w.a.hotel.to_string())]).await.assert_redirect("/kiosk");
    let id = w.a.reservation;
    let stay = desk.get(&format!("/kiosk/stay/{id}")).await;
    assert_eq!(stay.status, 200, "{}", stay.short());
    crate::support::update_settings(w.db(), w.a.id, |s| s.kiosk_idle_minutes = 0);
    let before = crate::support::snapshot(w.db(), w.a.id);
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;

    let room = w.a.rooms[0].to_string();
    let check_in = desk.post(&format!("/kiosk/stay/{id}/check-in"), &[("room", &room), ("version", "1")]).await;
    check_in.assert_redirect("/kiosk/lock");
    desk.get("/kiosk").await.assert_redirect("/login");
    crate::support::assert_unchanged(&before, &crate::support::snapshot(w.db(), w.a.id), "after a late check-in");
    // Signed in again, and left idle again: a confirmed payment lands on the lock too.
    desk.sign_in(&w.team_a.owner.account.email).await;
    let before = crate::support::snapshot(w.db(), w.a.id);
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    let paid = [("amount", "10"), ("method", "card"), ("confirmed", "yes")];
    desk.post(&format!("/kiosk/stay/{id}/pay"), &paid).await.assert_redirect("/kiosk/lock");
    crate::support::assert_unchanged(&before, &crate::support::snapshot(w.db(), w.a.id), "after a late payment");
}

/// `GET /kiosk/lock` is a page, not an action: a link anyone can embed (an image, a
/// prefetch) used to sign the desk out. Locking is a POST with the form's token. The lock
/// screen remembers who was signed in, so unlocking asks only for their password.
async fn showing_the_lock_signs_nobody_out_and_unlocking_asks_only_the_password(backend: Backend) {
    let w = world(backend).await;
    let staff = &w.team_a.staff.account;
    let mut desk = w.browser();
    desk.sign_in(&staff.email).await;
    desk.post("/kiosk/hotel", &[("hotel", &w.a.hotel.to_string())]).await.assert_redirect("/kiosk");

    let shown = desk.get("/kiosk/lock").await;
    assert_eq!(shown.status, 200);
    assert_eq!(desk.get("/kiosk").await.status, 200, "showing the lock screen signed the desk out");
    let forged = desk.post_raw("/kiosk/lock", &[]).await;
    assert_eq!(forged.status, 403, "a lock without the form's token: {}", forged.short());
    assert_eq!(desk.get("/kiosk").await.status, 200);

    desk.post("/kiosk/lock", &[]).await.assert_redirect("/kiosk/lock");
    desk.get("/kiosk").await.assert_redirect("/login");
    let lock = desk.get("/kiosk/lock").await;
    assert!(lock.body.contains(&format!("Locked by <strong>{}</strong>", staff.name)), "{}", lock.short());
    assert!(lock.body.contains(&format!(r#"<input type="hidden" name="email" value="{}">"#, staff.email)));
    assert!(!lock.body.contains(r#"type="email""#), "no email to type: {}", lock.short());

    // A wrong password comes back to the lock screen with the message; the right one
    // returns to the desk of the same hotel.
    let token = lock.csrf().unwrap();
    let unlock = |password: &str| {
        vec![
            ("csrf_token".to_owned(), token.clone()),
            ("email".to_owned(), staff.email.clone()),
            ("password".to_owned(), password.to_owned()),
            ("next".to_owned(), "/kiosk".to_owned()),
        ]
    };
    desk.post_raw("/login", &unlock("not-the-password")).await.assert_redirect("/kiosk/lock");
    let wrong = desk.get("/kiosk/lock").await;
    assert!(wrong.body.contains("The email or password is incorrect.") && wrong.body.contains("Locked by"));
    desk.post_raw("/login", &unlock(crate::support::PASSWORD)).await.assert_redirect("/kiosk");
    assert!(desk.get("/kiosk").await.body.contains("Arrivals"));

    // "Not you?" asks for an email.
    desk.post("/kiosk/lock", &[]).await;
    let other = desk.get("/kiosk/lock?other=1").await;
    assert!(other.body.contains(r#"type="email""#) && !other.body.contains("Locked by"), "{}", other.short());
}

/// The idle timer runs from `static/` (the CSP allows no inline script), and the
/// interactions it reports keep the server's idle clock in step, until the idle time has
/// passed: then the report locks the kiosk.
async fn the_idle_timer_is_a_script_the_csp_allows_and_reports_interactions(backend: Backend) {
    let w = world(backend).await;
    let mut desk = w.browser();
    desk.sign_in(&w.team_a.staff.account.email).await;
    desk.post("/kiosk/hotel", &[("hotel", &w.a.hotel.to_string())]).await.assert_redirect("/kiosk");
    let home = desk.get("/kiosk").await;
    assert!(home.body.contains(r#"<script src="/static/kiosk.js" defer></script>"#), "{}", home.short());
    assert!(!home.body.contains("<script>"), "no inline script");
    assert!(home.header("content-security-policy").contains("default-src 'self'"));
    let script = desk.get("/static/kiosk.js").await;
    assert_eq!(script.status, 200);
    assert!(script.header("content-type").starts_with("text/javascript"));
    assert!(script.body.contains("data-idle-seconds") && script.body.contains("kiosk-lock"));

    let seen = desk.post("/kiosk/seen", &[]).await;
    assert_eq!(seen.status, 204, "{}", seen.short());
    crate::support::update_settings(w.db(), w.a.id, |s| s.kiosk_idle_minutes = 0);
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    desk.post("/kiosk/seen", &[]).await.assert_redirect("/kiosk/lock");
    desk.get("/kiosk").await.assert_redirect("/login");
}

/// A tap on "Pay by card" used to post the payment at once. It now shows the amount and
/// the method and posts only when that is confirmed; "Change" goes back with nothing paid.
async fn a_kiosk_payment_is_confirmed_with_its_amount_and_method(backend: Backend) {
    let w = world(backend).await;
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    let id = w.a.reservation;
    owner
        .post(&format!("/reservations/{id}/folio"), &[("kind", "charge"), ("amount", "120"), ("description", "Spa")])
        .await
        .assert_redirect(&format!("/reservations/{id}"));
    owner.post("/kiosk/hotel", &[("hotel", &w.a.hotel.to_string())]).await.assert_redirect("/kiosk");
    let pay = format!("/kiosk/stay/{id}/pay");
    let balance = || w.db().tenant(w.a.id, None, Access::Read, |s| s.folio().balance(id)).unwrap();

    let before = crate::support::snapshot(w.db(), w.a.id);
    let asked = owner.post(&pay, &[("amount", "120.00"), ("method", "card")]).await;
    assert_eq!(asked.status, 200, "{}", asked.short());
    assert!(asked.body.contains("Take $120.00 by Card?"), "{}", asked.short());
    assert!(asked.body.contains(r#"name="confirmed" value="yes""#) && asked.body.contains("Confirm $120.00"));
    assert!(asked.body.contains(&format!(r#"href="/kiosk/stay/{id}">Change</a>"#)), "a way back: {}", asked.short());
    crate::support::assert_unchanged(&before, &crate::support::snapshot(w.db(), w.a.id), "before the confirmation");
    assert_eq!(balance(), 12_000);

    let taken = owner.post(&pay, &[("amount", "120.00"), ("method", "card"), ("confirmed", "yes")]).await;
    taken.assert_redirect(&format!("/kiosk/stay/{id}"));
    assert_eq!(balance(), 0, "paid once confirmed");
    let folio = w.db().tenant(w.a.id, None, Access::Read, |s| s.folio().entries(id)).unwrap();
    assert_eq!(folio.iter().filter(|e| e.kind == hotelier::domain::FolioKind::Payment).count(), 1);
}
