//! The organization's users: adding an existing or a new account, role changes, expiry,
//! deactivation, and the owner rules (only owners touch the owner role; the last usable
//! owner cannot be removed).

use hotelier::db::Access;
use hotelier::domain::Role;

use crate::both_backends_async;
use crate::support::{login, world, Backend};

both_backends_async!(
    members_are_added_changed_and_deactivated,
    the_last_owner_stays_and_only_owners_make_owners,
    extra_grants_are_shown_and_edited_and_a_refusal_names_who_has_the_right,
);

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
    // Both go back to the page they came from, which says why: the edit form, as typed
    // (was a bare 409 page), and the users list.
    assert_eq!(demote.status, 409, "{}", demote.short());
    assert!(demote.body.contains("at least one active owner"));
    assert!(demote.body.contains("<form") && demote.body.contains("value=\"admin\" selected"), "{}", demote.short());
    let off = owner.post(&format!("/members/{own}/deactivate"), &[]).await;
    off.assert_redirect("/members");
    let list = owner.get("/members").await;
    assert!(list.body.contains("flash-error") && list.body.contains("at least one active owner"), "{}", list.short());
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

/// A desk agent could not take a payment and nobody could see why: another agent of the
/// same role could, through a grant no page showed. The refusal now names the right and
/// who has it; the member page shows and edits the grant; the users list shows it.
async fn extra_grants_are_shown_and_edited_and_a_refusal_names_who_has_the_right(backend: Backend) {
    let w = world(backend).await;
    let staff = &w.team_a.staff;
    let mut desk = w.browser();
    desk.sign_in(&staff.account.email).await;
    let id = w.a.reservation;
    let payment = [("kind", "payment"), ("amount", "20"), ("method", "cash")];
    let refused = desk.post(&format!("/reservations/{id}/folio"), &payment).await;
    assert_eq!(refused.status, 403, "{}", refused.short());
    // The owner, the admin and the dual member (an owner in A) may; nobody else in A.
    let mut holders = [w.team_a.owner.account.name.clone(), w.team_a.admin.account.name.clone(), w.dual.name.clone()];
    holders.sort();
    let expected = format!(
        "“Take payments, refunds and discounts” is not part of your role. Ask a colleague who has it ({}), or an administrator to grant it.",
        holders.join(", ")
    );
    assert!(refused.body.contains(&expected), "{}", refused.short());
    assert!(refused.body.contains("Folio"), "the reservation page, re-rendered: {}", refused.short());

    let mut admin = w.browser();
    admin.sign_in(&w.team_a.admin.account.email).await;
    let edit = admin.get(&format!("/members/{}/edit", staff.membership)).await;
    assert!(edit.body.contains(r#"name="grant:payments:create" value="on">"#), "unticked: {}", edit.short());
    assert!(edit.body.contains("Take payments, refunds and discounts"));
    let version = membership_of(&w, staff.membership).version.to_string();
    let saved = admin
        .post(
            &format!("/members/{}", staff.membership),
            &[
                ("role", "staff"),
                ("is_active", "on"),
                ("version", &version),
                ("grant:payments:create", "on"),
                // Not a grantable right: a crafted field grants nothing.
                ("grant:users:manage", "on"),
            ],
        )
        .await;
    saved.assert_redirect("/members");
    assert_eq!(membership_of(&w, staff.membership).permissions(), vec!["payments:create".to_owned()]);
    let list = admin.get("/members").await;
    assert!(list.body.contains("+ Take payments, refunds and discounts"), "{}", list.short());
    // "Last used" said "never" for accounts in use: signing in now counts as a use.
    let row_start = list.body.find(&format!("<td>{}</td>", staff.account.email)).expect("the staff row");
    let row = &list.body[row_start..row_start + list.body[row_start..].find("</tr>").unwrap()];
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert!(row.contains(&today) && !row.contains("never"), "{row}");
    let again = admin.get(&format!("/members/{}/edit", staff.membership)).await;
    assert!(again.body.contains(r#"name="grant:payments:create" value="on" checked>"#), "{}", again.short());
    assert!(crate::support::audited(w.db(), &w.a, "member.grants_change").len() == 1);

    desk.post(&format!("/reservations/{id}/folio"), &payment).await.assert_redirect(&format!("/reservations/{id}"));
}
