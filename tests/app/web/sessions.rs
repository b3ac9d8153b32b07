//! Sessions live in the database (`sessions`), so one of them ends without the others:
//! signing out on one desk leaves the other desks signed in, the account page lists
//! where the user is signed in and signs out everywhere else, and expired rows go.

use hotelier::db::sessions::{SessionFields, SessionRow};
use hotelier::db::Access;
use hotelier::domain::values::Timestamp;
use hotelier::domain::UserId;

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(
    signing_out_ends_only_this_session,
    the_account_page_lists_sessions_and_signs_out_everywhere_else,
    visitors_leave_no_rows_and_expired_sessions_are_purged,
    reading_pages_writes_no_session,
);

/// The user's sessions as the table holds them.
fn rows(w: &World, user: UserId) -> Vec<SessionRow> {
    w.db().user(user, Access::Read, |u| u.sessions().mine(Timestamp::now())).unwrap()
}

fn all_rows(w: &World) -> i64 {
    let far = Timestamp(chrono::Utc::now() - chrono::Duration::days(3650));
    // Every row, expired or not: none expires before ten years ago.
    w.db().anonymous(Access::Read, |u| u.sessions().count_since(far)).unwrap()
}

/// One desk signs out: the other desk, signed in as the same person, carries on. (The
/// cookie store could not end one session: sign-out ended every session of the user.)
async fn signing_out_ends_only_this_session(backend: Backend) {
    let w = world(backend).await;
    let owner = &w.team_a.owner.account;
    let mut front = w.browser();
    let cookie = front.sign_in(&owner.email).await.session_cookie().expect("cookie");
    let mut back = w.browser();
    back.sign_in(&owner.email).await;
    assert_eq!(rows(&w, owner.id).len(), 2, "one row per signed-in device");
    for row in rows(&w, owner.id) {
        assert!(row.id_hash.len() == 64 && row.id_hash.chars().all(|c| c.is_ascii_hexdigit()), "a SHA-256");
        assert_eq!((row.fields.user_id, row.fields.active_tenant_id), (Some(owner.id), Some(w.a.id)));
    }

    front.post("/logout", &[]).await.assert_redirect("/login");
    front.get("/hotels").await.assert_redirect("/login");
    replay(w.address(), "/hotels", &cookie).await.assert_redirect("/login");
    assert_eq!(back.get("/hotels").await.status, 200, "the other desk is still signed in");
    assert_eq!(rows(&w, owner.id).len(), 1);
}

/// The account page says where the user is signed in; "sign out everywhere else" ends
/// the other devices and keeps this one.
async fn the_account_page_lists_sessions_and_signs_out_everywhere_else(backend: Backend) {
    let w = world(backend).await;
    let admin = &w.team_a.admin.account;
    let mut laptop = w.browser();
    laptop.sign_in(&admin.email).await;
    let mut tablet = w.browser();
    tablet.sign_in(&admin.email).await;
    // A phone on another instance of the app, which caches the sessions it has read.
    let second = start_app(&w.app.test_db, |_| {});
    let mut phone = Browser::new(&second);
    phone.sign_in(&admin.email).await;
    assert_eq!(phone.get("/hotels").await.status, 200);
    let mut other_user = w.browser();
    other_user.sign_in(&w.team_a.staff.account.email).await;

    let page = laptop.get("/account").await;
    assert_eq!(page.status, 200, "{}", page.short());
    assert_eq!(page.body.matches("<tr><td>").count(), 3, "three sessions listed: {}", page.short());
    assert_eq!(page.body.matches("This device").count(), 1);
    assert!(page.body.contains("127.0.0.1") && page.body.contains("just now"), "{}", page.short());
    assert!(page.body.contains("Sign out everywhere else"));

    let done = laptop.post("/account/sessions/end-others", &[]).await;
    done.assert_redirect("/account");
    let after = laptop.get("/account").await;
    assert!(after.body.contains("Signed out of 2 other sessions."), "{}", after.short());
    assert_eq!(after.body.matches("<tr><td>").count(), 1);
    assert!(after.body.contains("You are signed in on this device only."));
    tablet.get("/hotels").await.assert_redirect("/login");
    phone.get("/hotels").await.assert_redirect("/login");
    assert_eq!(laptop.get("/hotels").await.status, 200);
    assert_eq!(other_user.get("/hotels").await.status, 200, "another user's session is not touched");
    let audited = audited(w.db(), &w.a, "user.sessions_ended");
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0].after.as_ref().unwrap()["ended"], 2);

    // Without the form's token nothing ends.
    let mut again = w.browser();
    again.sign_in(&admin.email).await;
    let forged = laptop.post_raw("/account/sessions/end-others", &[]).await;
    assert_eq!(forged.status, 403, "{}", forged.short());
    assert_eq!(again.get("/hotels").await.status, 200);
}

/// A visitor who never signs in costs no row (the sign-in page's token travels in the
/// encrypted cookie), and a sign-in purges the rows that have expired.
async fn visitors_leave_no_rows_and_expired_sessions_are_purged(backend: Backend) {
    let w = world(backend).await;
    let before = all_rows(&w);
    for _ in 0..3 {
        let page = Browser::new(w.address()).get("/login").await;
        assert_eq!(page.status, 200);
        assert!(page.session_cookie().is_some(), "the token's session is in a cookie");
    }
    assert_eq!(all_rows(&w), before, "anonymous visits wrote no session");

    let long_ago = Timestamp(chrono::Utc::now() - chrono::Duration::days(30));
    let expired = SessionRow {
        id_hash: "e".repeat(64),
        created_at: long_ago,
        fields: SessionFields {
            user_id: Some(w.team_a.viewer.account.id),
            active_tenant_id: Some(w.a.id),
            sid: Some("f".repeat(48)),
            state: "{}".into(),
            user_agent: None,
            ip: None,
            last_seen_at: long_ago,
            expires_at: Timestamp(long_ago.0 + chrono::Duration::days(1)),
        },
    };
    w.db().anonymous(Access::Write, |u| u.sessions().insert(&expired)).unwrap();
    // A fresh instance purges on its first new session.
    let fresh = start_app(&w.app.test_db, |_| {});
    Browser::new(&fresh).sign_in(&w.team_a.manager.account.email).await;
    let left = w.db().anonymous(Access::Read, |u| u.sessions().count_since(long_ago)).unwrap();
    assert_eq!(left, before + 1, "the expired row is gone and the new one is there");
}

/// A page view reads the session and writes nothing back (a write per request was what
/// made the first version of the store four times slower): the row stays as it was until
/// the idle clock's once-a-minute refresh, a notice, or a switch changes it.
async fn reading_pages_writes_no_session(backend: Backend) {
    let w = world(backend).await;
    let manager = &w.team_a.manager.account;
    let mut b = w.browser();
    b.sign_in(&manager.email).await;
    let before = rows(&w, manager.id);
    for path in ["/", "/hotels", "/reservations", "/calendar", "/account"] {
        assert_eq!(b.get(path).await.status, 200, "{path}");
    }
    let after = rows(&w, manager.id);
    assert_eq!(after.len(), 1);
    assert_eq!(
        (after[0].fields.last_seen_at, &after[0].fields.state),
        (before[0].fields.last_seen_at, &before[0].fields.state),
        "a page view wrote the session"
    );

    // A change that leaves a notice ("Room 102 is now dirty.") writes no session either:
    // the notice travels in the encrypted cookie, and shows once.
    let room = w.a.rooms[1];
    b.post(&format!("/rooms/{room}/housekeeping"), &[("status", "dirty")]).await;
    let shown = b.get(&format!("/housekeeping?hotel={}", w.a.hotel)).await;
    assert!(shown.body.contains("is now dirty."), "{}", shown.short());
    assert!(!b.get(&format!("/housekeeping?hotel={}", w.a.hotel)).await.body.contains("is now dirty."), "shown once");
    let after = rows(&w, manager.id);
    assert_eq!(after[0].fields.state, before[0].fields.state, "a notice was written to the session row");
    assert!(!after[0].fields.state.contains("dirty"));
}
