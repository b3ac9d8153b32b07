//! The organization's users: adding an existing or a new account, role changes, expiry,
//! deactivation, and the owner rules (only owners touch the owner role; the last usable
//! owner cannot be removed).

use hotelier::db::Access;
use hotelier::domain::Role;

use crate::both_backends_async;
use crate::support::{login, world, Backend};

both_backends_async!(members_are_added_changed_and_deactivated, the_last_owner_stays_and_only_owners_make_owners);

fn membership_of(
    w: &crate::support::World,
    id: hotelier::domain::AssociationId,
) -> hotelier::db::memberships::Membership {
    w.db().tenant(w.a.id, None, Access::Read, |s| s.memberships().get(id)).unwrap()
}

async fn members_are_added_changed_and_deactivated(backend: Backend) {
    let w = world(backend).await;
    let mut admin = w.browser();
    admin.sign_in(&w.team_a.admin.account.email).await;

    // A brand-new account: the generated password is shown once and works.
    let added = admin
        .post("/members", &[("email", "New.Hire@Example.com"), ("full_name", "New Hire"), ("role", "staff")])
        .await;
    assert_eq!(added.status, 200, "{}", added.short());
    let start = added.body.find("password-reveal\">").expect("password shown") + "password-reveal\">".len();
    let password = added.body[start..start + 16].to_owned();
    let first = login(&crate::support::client(), w.address(), "new.hire@example.com", &password).await;
    assert_eq!(first.status, 303, "the shown password signs in: {}", first.short());

    // An existing account of the other organization joins with the role given.
    let existing = &w.team_b.viewer.account.email;
    admin.post("/members", &[("email", existing), ("role", "manager")]).await.assert_redirect("/members");
    let twice = admin.post("/members", &[("email", existing), ("role", "manager")]).await;
    assert_eq!(twice.status, 422, "{}", twice.short());
    assert!(twice.body.contains("already a member"));
    // Bad input keeps what was typed.
    let bad = admin.post("/members", &[("email", "not-an-email"), ("role", "staff"), ("expires_on", "someday")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains(r#"value="not-an-email""#) && bad.body.contains("Enter a date like"), "{}", bad.short());

    // Role change with an expiry, audited as a role change.
    let staff = w.team_a.staff.membership;
    let version = membership_of(&w, staff).version.to_string();
    let path = format!("/members/{staff}");
    admin
        .post(&path, &[("role", "manager"), ("expires_on", "2099-12-31"), ("is_active", "on"), ("version", &version)])
        .await
        .assert_redirect("/members");
    let m = membership_of(&w, staff);
    assert_eq!(m.role, Role::Manager);
    assert_eq!(m.expires_at.map(|t| t.format("%Y-%m-%d").to_string()).as_deref(), Some("2099-12-31"));
    let audit = w.db().tenant(w.a.id, None, Access::Read, |s| s.audit_entries(50)).unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "member.role_change" && e.entity_id.as_deref() == Some(&staff.to_string())));
    // The same save again, on the old version, is refused and changes nothing.
    let stale = admin.post(&path, &[("role", "viewer"), ("version", &version)]).await;
    assert_eq!(stale.status, 409);
    assert_eq!(membership_of(&w, staff).role, Role::Manager);

    // Deactivation takes access away at once and ends their sessions in this organization.
    let mut victim = w.browser();
    victim.sign_in(&w.team_a.staff.account.email).await;
    assert_eq!(victim.get("/hotels").await.status, 200);
    admin.post(&format!("/members/{staff}/deactivate"), &[]).await.assert_redirect("/members");
    assert!(!membership_of(&w, staff).is_active);
    victim.get("/hotels").await.assert_redirect("/login");
}

async fn the_last_owner_stays_and_only_owners_make_owners(backend: Backend) {
    let w = world(backend).await;
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    let mut admin = w.browser();
    admin.sign_in(&w.team_a.admin.account.email).await;
    let own = w.team_a.owner.membership;

    // The fixture's second owner (`dual`) becomes staff: now there is one owner.
    let dual = w
        .db()
        .tenant(w.a.id, None, Access::Read, |s| s.memberships().for_user(w.dual.id))
        .unwrap()
        .expect("dual is a member of A");
    let v = dual.version.to_string();
    owner
        .post(&format!("/members/{}", dual.id), &[("role", "staff"), ("is_active", "on"), ("version", &v)])
        .await
        .assert_redirect("/members");

    // The only owner can neither step down nor be deactivated.
    let version = membership_of(&w, own).version.to_string();
    let demote =
        owner.post(&format!("/members/{own}"), &[("role", "admin"), ("is_active", "on"), ("version", &version)]).await;
    assert_eq!(demote.status, 409, "{}", demote.short());
    assert!(demote.body.contains("at least one active owner"));
    let off = owner.post(&format!("/members/{own}/deactivate"), &[]).await;
    assert_eq!(off.status, 409);
    let m = membership_of(&w, own);
    assert!(m.role == Role::Owner && m.is_active, "the last owner is intact");

    // An admin may not create owners, nor touch an owner's membership.
    let grant = admin.post("/members", &[("email", "someone@example.com"), ("role", "owner")]).await;
    assert_eq!(grant.status, 403);
    assert_eq!(admin.get(&format!("/members/{own}/edit")).await.status, 403);
    let admin_m = w.team_a.admin.membership;
    let v = membership_of(&w, admin_m).version.to_string();
    assert_eq!(
        admin
            .post(&format!("/members/{admin_m}"), &[("role", "owner"), ("is_active", "on"), ("version", &v)])
            .await
            .status,
        403
    );
    assert_eq!(membership_of(&w, admin_m).role, Role::Admin);

    // An owner can make a second owner; then the first may step down.
    owner
        .post(&format!("/members/{admin_m}"), &[("role", "owner"), ("is_active", "on"), ("version", &v)])
        .await
        .assert_redirect("/members");
    let version = membership_of(&w, own).version.to_string();
    owner
        .post(&format!("/members/{own}"), &[("role", "admin"), ("is_active", "on"), ("version", &version)])
        .await
        .assert_redirect("/members");
    assert_eq!(membership_of(&w, own).role, Role::Admin);
}
