//! `/switch`: the only way the active tenant changes. Allowed switches renew the session
//! and are audited in the target tenant; refused ones answer 404 and are audited as
//! platform events; super admins enter any organization under a banner, audited as
//! themselves; suspended and cancelled organizations are closed to members.

use hotelier::db::audit::AuditEntry;
use hotelier::db::users::NewUser;
use hotelier::db::{Access, PlatformGrant};
use hotelier::domain::{HousekeepingStatus, Role, TenantId, TenantStatus, Timestamp, UserId};

use crate::both_backends_async;
use crate::support::{assert_unchanged, new_membership, platform_events, snapshot, world, Backend, World};

both_backends_async!(
    member_switches_and_it_is_audited,
    switch_to_a_foreign_tenant_is_refused,
    switch_with_an_expired_membership_is_refused,
    super_admin_enters_any_tenant_under_a_banner,
    suspended_and_cancelled_tenants_are_closed_to_members
);

fn audit(w: &World, tenant: TenantId) -> Vec<AuditEntry> {
    w.db().tenant(tenant, None, Access::Read, |s| s.audit_entries(1000)).unwrap()
}

fn set_status(w: &World, tenant: TenantId, status: TenantStatus) {
    w.db()
        .platform(&PlatformGrant::operator(), Access::Write, |p| {
            let version = p.tenants().get(tenant)?.version;
            p.tenants().set_status(tenant, version, status)
        })
        .unwrap();
}

async fn member_switches_and_it_is_audited(backend: Backend) {
    let w = world(backend).await;
    let mut b = w.browser();
    b.sign_in(&w.dual.email).await.assert_redirect("/");
    let home = b.get("/").await;
    assert!(home.body.contains("alpha-hotels org"), "the primary membership opens first: {}", home.short());

    let picker = b.get("/switch").await;
    assert_eq!(picker.status, 200);
    for expected in ["alpha-hotels org", "bravo-inns org", &w.a.id.to_string(), &w.b.id.to_string()] {
        assert!(picker.body.contains(expected), "picker lacks {expected}: {}", picker.short());
    }

    let old_token = b.csrf.clone();
    let switched = b.post("/switch", &[("tenant_id", &w.b.id.to_string())]).await;
    switched.assert_redirect("/");
    assert!(switched.session_cookie().is_some(), "the switch re-issues the session cookie");
    b.refresh_csrf().await;
    assert_ne!(b.csrf, old_token, "the switch renews the session (and its CSRF token)");

    let home = b.get("/").await;
    assert_eq!(home.status, 200, "{}", home.short());
    assert!(home.body.contains("bravo-inns org") && home.body.contains("Staff"), "{}", home.short());
    let hotels = b.get("/hotels").await;
    assert!(hotels.body.contains("Bravo Secret Lodge") && !hotels.body.contains("alpha-hotels"), "{}", hotels.short());

    // The old session's token is worthless now.
    let form = vec![("tenant_id".to_owned(), w.a.id.to_string()), ("csrf_token".to_owned(), old_token)];
    assert_eq!(b.post_raw("/switch", &form).await.status, 403);
    assert!(b.get("/").await.body.contains("bravo-inns org"));

    let switches: Vec<AuditEntry> = audit(&w, w.b.id).into_iter().filter(|e| e.action == "tenant.switch").collect();
    assert_eq!(switches.len(), 1, "{switches:?}");
    assert_eq!(switches[0].user_id, Some(w.dual.id));
    assert_eq!(switches[0].entity_id.as_deref(), Some(w.b.id.to_string().as_str()));
    assert_eq!(switches[0].after.as_ref().map(|j| j.0["super_admin"].clone()), Some(serde_json::json!(false)));
    assert!(audit(&w, w.a.id).iter().all(|e| e.action != "tenant.switch"), "audited in the target tenant");
    let touched = w.db().tenant(w.b.id, None, Access::Read, |s| s.memberships().get(w.dual_in_b)).unwrap();
    assert!(touched.last_accessed_at.is_some());
}

async fn switch_to_a_foreign_tenant_is_refused(backend: Backend) {
    let w = world(backend).await;
    let mut b = w.browser();
    let owner = &w.team_a.owner.account;
    b.sign_in(&owner.email).await;
    let picker = b.get("/switch").await;
    assert!(!picker.body.contains("bravo-inns"), "a non-member is not offered B: {}", picker.short());
    assert!(!picker.body.contains("Find an organization"), "only super admins search organizations");
    let b_before = snapshot(w.db(), w.b.id);

    let refused = b.post("/switch", &[("tenant_id", &w.b.id.to_string())]).await;
    assert_eq!(refused.status, 404, "{}", refused.short());
    assert!(!refused.body.contains("bravo-inns"), "{}", refused.short());
    for garbage in ["", "not-a-uuid", &UserId::new().to_string()] {
        assert_eq!(b.post("/switch", &[("tenant_id", garbage)]).await.status, 404, "tenant_id {garbage:?}");
    }

    let home = b.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("alpha-hotels org") && !home.body.contains("bravo-inns"), "still in A");
    let events: Vec<_> = platform_events(&w.app.test_db, "tenant.switch_refused")
        .into_iter()
        .filter(|(_, entity, _)| entity.as_deref() == Some(w.b.id.to_string().as_str()))
        .collect();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].0.as_deref(), Some(owner.id.to_string().as_str()));
    assert!(events[0].2.as_deref().unwrap_or("").contains("not a member"), "{events:?}");
    assert_unchanged(&b_before, &snapshot(w.db(), w.b.id), "B after a refused switch");
}

async fn switch_with_an_expired_membership_is_refused(backend: Backend) {
    let w = world(backend).await;
    let id = UserId::new();
    let email = "expired@example.test";
    w.db()
        .platform(&PlatformGrant::operator(), Access::Write, |p| {
            p.users().create(&NewUser {
                id,
                email: email.into(),
                full_name: "Ex Pired".into(),
                password_hash: w.password_hash.clone(),
                is_super_admin: false,
            })
        })
        .unwrap();
    let yesterday = Timestamp(chrono::Utc::now() - chrono::Duration::days(1));
    w.db()
        .tenant(w.a.id, None, Access::Write, |s| s.memberships().create(&new_membership(id, Role::Staff, true, None)))
        .unwrap();
    w.db()
        .tenant(w.b.id, None, Access::Write, |s| {
            s.memberships().create(&new_membership(id, Role::Owner, false, Some(yesterday)))
        })
        .unwrap();

    let mut b = w.browser();
    b.sign_in(email).await.assert_redirect("/");
    let picker = b.get("/switch").await;
    assert!(picker.body.contains("alpha-hotels org"));
    assert!(!picker.body.contains("bravo-inns"), "an expired membership is not offered: {}", picker.short());

    let refused = b.post("/switch", &[("tenant_id", &w.b.id.to_string())]).await;
    assert_eq!(refused.status, 404, "{}", refused.short());
    assert!(b.get("/").await.body.contains("alpha-hotels org"), "still in A");
    let events = platform_events(&w.app.test_db, "tenant.switch_refused");
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].0.as_deref(), Some(id.to_string().as_str()));
    assert_eq!(events[0].1.as_deref(), Some(w.b.id.to_string().as_str()));
    assert!(events[0].2.as_deref().unwrap_or("").contains("membership inactive or expired"), "{events:?}");
    assert!(audit(&w, w.b.id).iter().all(|e| e.action != "tenant.switch"));

    // Expired is expired even for a user whose only membership it is.
    let lone = UserId::new();
    w.db()
        .platform(&PlatformGrant::operator(), Access::Write, |p| {
            p.users().create(&NewUser {
                id: lone,
                email: "lone@example.test".into(),
                full_name: "Lone Expired".into(),
                password_hash: w.password_hash.clone(),
                is_super_admin: false,
            })
        })
        .unwrap();
    w.db()
        .tenant(w.b.id, None, Access::Write, |s| {
            s.memberships().create(&new_membership(lone, Role::Owner, true, Some(yesterday)))
        })
        .unwrap();
    let mut lone_browser = w.browser();
    lone_browser.sign_in("lone@example.test").await.assert_redirect("/switch");
    lone_browser.get("/").await.assert_redirect("/switch");
    lone_browser.get("/hotels").await.assert_redirect("/switch");
}

async fn super_admin_enters_any_tenant_under_a_banner(backend: Backend) {
    let w = world(backend).await;
    let root = &w.super_admin;
    let mut b = w.browser();
    b.sign_in(&root.email).await.assert_redirect("/switch");
    let all = b.get("/switch").await;
    assert!(all.body.contains("alpha-hotels org") && all.body.contains("bravo-inns org"), "{}", all.short());
    let found = b.get("/switch?q=bravo").await;
    assert!(found.body.contains("bravo-inns org") && !found.body.contains("alpha-hotels org"), "{}", found.short());

    b.post("/switch", &[("tenant_id", &w.b.id.to_string())]).await.assert_redirect("/");
    b.refresh_csrf().await;
    let home = b.get("/").await;
    assert_eq!(home.status, 200, "{}", home.short());
    assert!(home.body.contains("as a super admin") && home.body.contains("bravo-inns org"), "{}", home.short());

    let room = w.b.rooms[1];
    b.post(&format!("/rooms/{room}/housekeeping"), &[("status", "dirty")])
        .await
        .assert_redirect(&format!("/housekeeping?hotel={}#room-{room}", w.b.hotel));
    let status = w.db().tenant(w.b.id, None, Access::Read, |s| s.rooms().get(room)).unwrap().housekeeping_status;
    assert_eq!(status, HousekeepingStatus::Dirty);

    let entries = audit(&w, w.b.id);
    let switch = entries.iter().find(|e| e.action == "tenant.switch").expect("the entry is audited");
    assert_eq!(switch.user_id, Some(root.id));
    assert_eq!(switch.after.as_ref().map(|j| j.0["super_admin"].clone()), Some(serde_json::json!(true)));
    let action = entries.iter().find(|e| e.action == "room.housekeeping").expect("the action is audited");
    assert_eq!(action.user_id, Some(root.id), "audited as the super admin");
    assert_eq!(action.after.as_ref().map(|j| j.0["super_admin"].clone()), Some(serde_json::json!(true)));

    // Members never see the banner.
    let mut member = w.browser();
    member.sign_in(&w.team_b.owner.account.email).await;
    assert!(!member.get("/").await.body.contains("as a super admin"));
}

async fn suspended_and_cancelled_tenants_are_closed_to_members(backend: Backend) {
    let w = world(backend).await;
    set_status(&w, w.a.id, TenantStatus::Suspended);
    set_status(&w, w.b.id, TenantStatus::Cancelled);
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    let a_before = snapshot(w.db(), w.a.id);
    for path in ["/", "/hotels", &format!("/hotels/{}", w.a.hotel)] {
        let p = owner.get(path).await;
        assert_eq!(p.status, 403, "{path}: {}", p.short());
        assert!(p.body.contains("suspended"), "{path}: {}", p.short());
    }
    let edit = owner.post(&format!("/rooms/{}/housekeeping", w.a.rooms[1]), &[("status", "dirty")]).await;
    assert_eq!(edit.status, 403, "{}", edit.short());
    assert_unchanged(&a_before, &snapshot(w.db(), w.a.id), "a suspended tenant");

    // A cancelled organization is soft-deleted: it no longer appears to its members, who
    // are sent to pick another one.
    let mut b_owner = w.browser();
    b_owner.sign_in(&w.team_b.owner.account.email).await;
    b_owner.get("/").await.assert_redirect("/switch");
    let picker = b_owner.get("/switch").await;
    assert!(!picker.body.contains("bravo-inns org"), "{}", picker.short());

    // The super admin still gets in, to help.
    let mut root = w.browser();
    root.sign_in(&w.super_admin.email).await;
    for (tenant, name) in [(w.a.id, "alpha-hotels Central"), (w.b.id, "Bravo Secret Lodge")] {
        root.post("/switch", &[("tenant_id", &tenant.to_string())]).await.assert_redirect("/");
        root.refresh_csrf().await;
        let home = root.get("/").await;
        assert_eq!(home.status, 200, "{}", home.short());
        assert!(home.body.contains("as a super admin"));
        let hotels = root.get("/hotels").await;
        assert!(hotels.status == 200 && hotels.body.contains(name), "{}", hotels.short());
    }
}
