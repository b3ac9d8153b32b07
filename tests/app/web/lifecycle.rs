//! An organization's status lifecycle from the console (with reasons, audited), what each
//! status means to its members, the read-only expired trial, and plan changes.

use diesel::connection::SimpleConnection;
use hotelier::db::Access;
use hotelier::domain::{Plan, TenantStatus};

use crate::both_backends_async;
use crate::support::{world, Backend};

both_backends_async!(status_changes_follow_the_lifecycle, an_expired_trial_is_read_only);

async fn status_changes_follow_the_lifecycle(backend: Backend) {
    let w = world(backend).await;
    let mut root = w.browser();
    root.sign_in(&w.super_admin.email).await;
    let mut member = w.browser();
    member.sign_in(&w.team_b.owner.account.email).await;
    let b = w.b.id;
    let path = format!("/platform/orgs/{b}/status");
    let version =
        || w.db().platform(&hotelier::db::PlatformGrant::operator(), Access::Read, |p| p.tenants().get(b)).unwrap();

    // A reason is required, and only the lifecycle's moves are allowed.
    let v = version().version.to_string();
    let no_reason = root.post(&path, &[("status", "suspended"), ("reason", "  "), ("version", &v)]).await;
    assert_eq!(no_reason.status, 422, "{}", no_reason.short());
    assert!(no_reason.body.contains(r#"id="reason-error""#), "the reason field says what is missing");
    assert!(no_reason.body.contains(r#"<option value="suspended" selected>"#), "the chosen move is kept");
    let refused = root.post(&path, &[("status", "trial"), ("reason", "back to trial"), ("version", &v)]).await;
    assert_eq!(refused.status, 409);
    assert!(refused.body.contains("cannot become trial"), "{}", refused.short());
    assert!(refused.body.contains(r#"value="back to trial""#), "the reason typed is kept");
    let stale = root.post(&path, &[("status", "suspended"), ("reason", "late"), ("version", "0")]).await;
    assert_eq!(stale.status, 409);
    assert!(stale.body.contains("Someone changed this organization"), "{}", stale.short());
    assert_eq!(version().status, TenantStatus::Active);

    // Suspended: members see the explanation; the super admin still gets in.
    root.post(&path, &[("status", "suspended"), ("reason", "unpaid invoice 2026-11"), ("version", &v)])
        .await
        .assert_redirect(&format!("/platform/orgs/{b}"));
    let blocked = member.get("/hotels").await;
    assert_eq!(blocked.status, 403);
    assert!(blocked.body.contains("suspended"));
    let trail = w.db().tenant(b, None, Access::Read, |s| s.audit_entries(20)).unwrap();
    let entry = trail.iter().find(|e| e.action == "tenant.status").expect("audited");
    assert!(entry.after.as_ref().unwrap().0.to_string().contains("unpaid invoice 2026-11"));
    assert_eq!(entry.user_id, Some(w.super_admin.id));

    // Back to active, then cancelled: soft-deleted and gone from its members' lists.
    let v = version().version.to_string();
    root.post(&path, &[("status", "active"), ("reason", "paid"), ("version", &v)])
        .await
        .assert_redirect(&format!("/platform/orgs/{b}"));
    assert_eq!(member.get("/hotels").await.status, 200);
    let v = version().version.to_string();
    root.post(&path, &[("status", "cancelled"), ("reason", "contract ended"), ("version", &v)])
        .await
        .assert_redirect(&format!("/platform/orgs/{b}"));
    let cancelled = version();
    assert_eq!(cancelled.status, TenantStatus::Cancelled);
    assert!(cancelled.deleted_at.is_some(), "cancelled is a soft delete");
    member.get("/hotels").await.assert_redirect("/switch");
    assert!(
        !member.get("/switch").await.body.contains("bravo-inns org"),
        "a cancelled organization is no longer offered"
    );
    // Its data stays (for export), and cancelled is final.
    assert_eq!(w.db().tenant(b, None, Access::Read, |s| s.hotels().count()).unwrap(), 2);
    let v = cancelled.version.to_string();
    assert_eq!(root.post(&path, &[("status", "active"), ("reason", "oops"), ("version", &v)]).await.status, 409);

    // Plan changes are audited too.
    let a = w.a.id;
    let v = w
        .db()
        .platform(&hotelier::db::PlatformGrant::operator(), Access::Read, |p| p.tenants().get(a))
        .unwrap()
        .version
        .to_string();
    root.post(&format!("/platform/orgs/{a}/plan"), &[("plan", "starter"), ("reason", "downgrade"), ("version", &v)])
        .await
        .assert_redirect(&format!("/platform/orgs/{a}"));
    let org = w.db().platform(&hotelier::db::PlatformGrant::operator(), Access::Read, |p| p.tenants().get(a)).unwrap();
    assert_eq!(org.plan, Plan::Starter);
    let trail = w.db().tenant(a, None, Access::Read, |s| s.audit_entries(20)).unwrap();
    assert!(trail.iter().any(|e| e.action == "tenant.plan"));
}

async fn an_expired_trial_is_read_only(backend: Backend) {
    let w = world(backend).await;
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    let a = w.a.id;
    w.app
        .test_db
        .raw()
        .batch_execute(&format!(
            "UPDATE tenants SET status = 'trial', trial_ends_at = '2020-01-01T00:00:00.000000Z' WHERE id = '{a}'"
        ))
        .unwrap();
    // Raw SQL goes around the scopes, so the app's organizations cache is told by hand.
    w.db().tenant_cache().invalidate(a);
    // Pages show…
    assert_eq!(owner.get("/hotels").await.status, 200);
    assert_eq!(owner.get("/reservations").await.status, 200);
    // …changes are refused with the explanation, and nothing changes.
    let before = w.db().tenant(a, None, Access::Read, |s| s.hotels().count()).unwrap();
    let refused = owner
        .post("/hotels", &[("code", "NEW"), ("name", "New Hotel"), ("timezone", "UTC"), ("is_active", "on")])
        .await;
    assert_eq!(refused.status, 403, "{}", refused.short());
    assert!(refused.body.contains("trial has ended"));
    assert_eq!(w.db().tenant(a, None, Access::Read, |s| s.hotels().count()).unwrap(), before);
    // A visiting super admin can still act (to help, or to convert the trial).
    let mut root = w.browser();
    root.sign_in(&w.super_admin.email).await;
    root.post("/switch", &[("tenant_id", &a.to_string())]).await.assert_redirect("/");
    root.refresh_csrf().await;
    let created = root
        .post("/hotels", &[("code", "HLP"), ("name", "Helped Hotel"), ("timezone", "UTC"), ("is_active", "on")])
        .await;
    assert_eq!(created.status, 303, "{}", created.short());
}
