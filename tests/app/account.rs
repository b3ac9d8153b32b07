//! Changing a password keeps the current session and ends every other one.

use hotelier::db::{Access, PlatformGrant};

use crate::both_backends_async;
use crate::browser::owner_of_two;
use crate::support::{client, spawn_app, Backend};

both_backends_async!(password_change_ends_other_sessions);

fn csrf_of(html: &str) -> String {
    let start = html.find("name=\"csrf_token\" value=\"").expect("csrf field") + 25;
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

async fn sign_in(app: &crate::support::TestApp, email: &str, password: &str) -> reqwest::Client {
    let c = client();
    let page = c.get(format!("{}/login", app.address)).send().await.unwrap().text().await.unwrap();
    let res = c
        .post(format!("{}/login", app.address))
        .form(&[("csrf_token", csrf_of(&page).as_str()), ("email", email), ("password", password)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "sign-in");
    c
}

async fn password_change_ends_other_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = owner_of_two(&app);
    let laptop = sign_in(&app, &email, crate::browser::PASSWORD).await;
    let phone = sign_in(&app, &email, crate::browser::PASSWORD).await;
    assert_eq!(phone.get(format!("{}/hotels", app.address)).send().await.unwrap().status(), 200);

    let form = laptop.get(format!("{}/account/password", app.address)).send().await.unwrap().text().await.unwrap();
    let token = csrf_of(&form);
    // A wrong current password changes nothing.
    let wrong = laptop
        .post(format!("{}/account/password", app.address))
        .form(&[
            ("csrf_token", token.as_str()),
            ("current", "not-it-at-all"),
            ("new", "a-brand-new-secret"),
            ("confirm", "a-brand-new-secret"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    assert!(wrong.text().await.unwrap().contains("That is not your current password."));
    assert_eq!(phone.get(format!("{}/hotels", app.address)).send().await.unwrap().status(), 200);

    let ok = laptop
        .post(format!("{}/account/password", app.address))
        .form(&[
            ("csrf_token", token.as_str()),
            ("current", crate::browser::PASSWORD),
            ("new", "a-brand-new-secret"),
            ("confirm", "a-brand-new-secret"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    // This device stays in; the other one is sent to sign in.
    assert_eq!(laptop.get(format!("{}/hotels", app.address)).send().await.unwrap().status(), 200);
    let other = phone.get(format!("{}/hotels", app.address)).send().await.unwrap();
    assert_eq!((other.status().as_u16(), other.headers()["location"].to_str().unwrap()), (303, "/login"));
    // The new password works; the old one does not.
    sign_in(&app, &email, "a-brand-new-secret").await;
    let user = app
        .test_db
        .db
        .platform(&PlatformGrant::operator(), Access::Read, |p| p.users().by_email(&email))
        .unwrap()
        .unwrap();
    assert!(!hotelier::domain::password::verify(crate::browser::PASSWORD, &user.password_hash));
}
