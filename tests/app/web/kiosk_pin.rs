//! A per-user kiosk PIN: 4–8 digits set on the account page after the password, turned on
//! by an owner, unlocking only a kiosk its holder locked (on that device), counted like a
//! password against the lockout, and never a way in from the sign-in page.

use hotelier::db::Access;

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(a_pin_unlocks_the_kiosk_its_holder_locked_where_an_owner_allows_it);

/// The lock screen's unlock form with `field` set to `value`.
fn unlock(lock: &Page, email: &str, field: &str, value: &str) -> Vec<(String, String)> {
    vec![
        ("csrf_token".to_owned(), lock.csrf().expect("lock screen token")),
        ("email".to_owned(), email.to_owned()),
        (field.to_owned(), value.to_owned()),
        ("next".to_owned(), "/kiosk".to_owned()),
    ]
}

/// Posts the settings form as `who`, with the PIN box ticked.
async fn tick_pins(w: &World, who: &Browser) {
    let fields = settings_form(w.db(), w.a.id, &[("kiosk_pin", "on")]);
    who.post_form("/settings", &fields).await.assert_redirect("/settings");
}

fn pins_allowed(w: &World) -> bool {
    w.db().tenant(w.a.id, None, Access::Read, |s| s.organization()).unwrap().settings().kiosk_pin
}

/// Opens the kiosk of `w.a`'s hotel on the signed-in `desk` and locks it.
async fn lock_kiosk(w: &World, desk: &Browser) -> Page {
    desk.post("/kiosk/hotel", &[("hotel", &w.a.hotel.to_string())]).await.assert_redirect("/kiosk");
    desk.post("/kiosk/lock", &[]).await.assert_redirect("/kiosk/lock");
    desk.get("/kiosk/lock").await
}

async fn a_pin_unlocks_the_kiosk_its_holder_locked_where_an_owner_allows_it(backend: Backend) {
    let w = world(backend).await;
    let staff = &w.team_a.staff.account;
    let mut desk = w.browser();
    desk.sign_in(&staff.email).await;

    // Setting a PIN takes the password, and refuses the first guesses; all messages at once.
    let pin = |current: &str, pin: &str, confirm: &str| {
        vec![("current", current.to_owned()), ("pin", pin.to_owned()), ("confirm", confirm.to_owned())]
    };
    for (form, message) in [
        (pin("wrong-password", "2580", "2580"), "That is not your current password."),
        (pin(PASSWORD, "1234", "1234"), "not one digit repeated or a run such as 1234"),
        (pin(PASSWORD, "12", "12"), "A PIN is 4 to 8 digits."),
        (pin(PASSWORD, "2580", "2581"), "The two PINs differ."),
    ] {
        let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_says(&desk.post("/account/pin", &fields).await, 422, message);
    }
    let hash = |w: &World| {
        w.db().anonymous(Access::Read, |u| u.by_email(&w.team_a.staff.account.email)).unwrap().unwrap().kiosk_pin_hash
    };
    assert_eq!(hash(&w), None, "no PIN saved by a refused form");
    desk.post("/account/pin", &[("current", PASSWORD), ("pin", "2580"), ("confirm", "2580")])
        .await
        .assert_redirect("/account");
    let stored = hash(&w).expect("the PIN is saved");
    assert!(stored.starts_with("$argon2") && !stored.contains("2580"), "only its hash");

    // The organization does not allow PINs yet: the lock asks for the password, and a PIN
    // sent anyway does not unlock.
    let lock = lock_kiosk(&w, &desk).await;
    assert!(lock.body.contains("name=\"password\"") && !lock.body.contains("name=\"pin\""), "{}", lock.short());
    desk.post_raw("/login", &unlock(&lock, &staff.email, "pin", "2580")).await.assert_redirect("/kiosk/lock");
    desk.get("/kiosk").await.assert_redirect("/login");

    // An admin's settings form cannot allow PINs; an owner's does. Then the lock screen
    // asks for the PIN of whoever locked it.
    tick_pins(&w, &desk_as(&w, &w.team_a.admin.account.email).await).await;
    assert!(!pins_allowed(&w), "an admin turned PINs on");
    tick_pins(&w, &desk_as(&w, &w.team_a.owner.account.email).await).await;
    assert!(pins_allowed(&w));
    desk.post_raw("/login", &unlock(&lock, &staff.email, "password", PASSWORD)).await.assert_redirect("/kiosk");
    desk.refresh_csrf().await;
    desk.post("/kiosk/lock", &[]).await.assert_redirect("/kiosk/lock");
    let lock = desk.get("/kiosk/lock").await;
    assert!(lock.body.contains("name=\"pin\"") && lock.body.contains("inputmode=\"numeric\""), "{}", lock.short());
    assert!(lock.body.contains("Use your password instead"), "{}", lock.short());

    // A wrong PIN stays locked, says so, and counts towards the lockout; the right one
    // opens the desk again.
    desk.post_raw("/login", &unlock(&lock, &staff.email, "pin", "9999")).await.assert_redirect("/kiosk/lock");
    let wrong = desk.get("/kiosk/lock").await;
    assert!(wrong.body.contains("That PIN is not right"), "{}", wrong.short());
    let failures = w.db().anonymous(Access::Read, |u| u.by_email(&staff.email)).unwrap().unwrap().failed_logins;
    assert_eq!(failures, 1);
    desk.post_raw("/login", &unlock(&wrong, &staff.email, "pin", "2580")).await.assert_redirect("/kiosk");
    assert!(desk.get("/kiosk").await.body.contains("Arrivals"));

    // A PIN opens nothing but the kiosk: the sign-in page takes passwords only.
    let other = w.browser();
    let token = crate::support::csrf(&other.client, &other.url("/login")).await;
    let form = [
        ("csrf_token".to_owned(), token),
        ("email".to_owned(), staff.email.clone()),
        ("pin".to_owned(), "2580".to_owned()),
    ];
    let refused = other.post_raw("/login", &form).await;
    assert_says(&refused, 422, "The email or password is incorrect.");

    // Nor does it open a kiosk that this user did not lock: another device posting the
    // kiosk's unlock form with the right PIN stays signed out.
    let token = crate::support::csrf(&other.client, &other.url("/kiosk/lock")).await;
    let forged = [
        ("csrf_token".to_owned(), token),
        ("email".to_owned(), staff.email.clone()),
        ("pin".to_owned(), "2580".to_owned()),
        ("next".to_owned(), "/kiosk".to_owned()),
    ];
    other.post_raw("/login", &forged).await.assert_redirect("/kiosk/lock");
    other.get("/kiosk").await.assert_redirect("/login");
    assert_eq!(other.get("/reservations").await.location.as_deref(), Some("/login"), "no session was made");
}
