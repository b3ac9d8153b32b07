//! The front-desk kiosk: chosen hotel remembered, the idle lock that works without
//! JavaScript, and the lock screen's sign-in that returns to the kiosk.

use hotelier::db::Access;

use crate::both_backends_async;
use crate::support::{world, Backend, Browser};

both_backends_async!(
    kiosk_remembers_its_hotel_and_locks_when_idle,
    kiosk_is_for_staff_and_up,
    a_refused_payment_keeps_the_amount_typed,
    late_kiosk_writes_land_on_the_lock_and_write_nothing
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

    // The page sends an untouched screen to the lock after the organization's idle time:
    // 5 minutes by default, 7 once the settings say so.
    assert!(home.body.contains(r#"<meta http-equiv="refresh" content="300;url=/kiosk/lock">"#), "{}", home.short());
    crate::support::update_settings(w.db(), w.a.id, |s| s.kiosk_idle_minutes = 7);
    assert!(desk.get("/kiosk").await.body.contains(r#"content="420;url=/kiosk/lock""#));

    // The lock ends the session but the screen keeps its hotel; signing in from the lock
    // screen returns to that hotel's desk.
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
    let pay = desk.post(&format!("/kiosk/stay/{id}/pay"), &[("amount", "10"), ("method", "card")]).await;
    pay.assert_redirect("/kiosk/lock");
    crate::support::assert_unchanged(&before, &crate::support::snapshot(w.db(), w.a.id), "after late kiosk taps");
}
