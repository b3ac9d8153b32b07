//! Onboarding: one form (or `hotelier tenant create`) creates the organization, its owner
//! and its first hotel in a single transaction; a failure after the hotel insert leaves
//! nothing behind.

use std::process::Command;

use hotelier::db::{Access, PlatformGrant};
use hotelier::domain::Role;

use crate::both_backends_async;
use crate::support::{login, world, Backend};

both_backends_async!(super_admin_onboards_an_organization, onboarding_is_atomic);

fn form<'a>(slug: &'a str, owner: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Harbour Hotels"),
        ("slug", slug),
        ("kind", "franchise"),
        ("plan", "professional"),
        ("status", "trial"),
        ("currency", "GBP"),
        ("timezone", "Europe/London"),
        ("owner_email", owner),
        ("owner_name", "Hattie Harbour"),
        ("hotel_code", "HBR"),
        ("hotel_name", "Harbour Quay"),
    ]
}

async fn super_admin_onboards_an_organization(backend: Backend) {
    let w = world(backend).await;
    let mut root = w.browser();
    root.sign_in(&w.super_admin.email).await;
    let grant = PlatformGrant::operator();

    // A new owner account: its generated password is shown once and signs in to the new
    // organization, where the owner finds the first hotel.
    let done = root.post("/platform/orgs", &form("harbour-hotels", "hattie@harbour.test")).await;
    assert_eq!(done.status, 200, "{}", done.short());
    let start = done.body.find("password-reveal\">").expect("password shown once") + "password-reveal\">".len();
    let password = done.body[start..start + 16].to_owned();
    let org = w.db().platform(&grant, Access::Read, |p| p.tenants().by_slug("harbour-hotels")).unwrap();
    assert_eq!((org.currency.as_str(), org.plan.as_str(), org.status.as_str()), ("GBP", "professional", "trial"));
    assert!(org.trial_ends_at.is_some());
    let owner = crate::support::client();
    assert_eq!(login(&owner, w.address(), "hattie@harbour.test", &password).await.status, 303);
    let hotels = owner.get(format!("{}/hotels", w.address())).send().await.unwrap().text().await.unwrap();
    assert!(
        hotels.contains("Harbour Quay") && hotels.contains("Harbour Hotels"),
        "the owner lands in the new organization"
    );

    // An existing account becomes the owner of another organization: linked, not copied.
    let users_before = w.db().platform(&grant, Access::Read, |p| p.users().count()).unwrap();
    let existing = w.team_a.viewer.account.email.clone();
    let linked = root.post("/platform/orgs", &form("second-harbour", &existing)).await;
    assert_eq!(linked.status, 200);
    assert!(!linked.body.contains("password-reveal"), "no password for an existing account");
    assert_eq!(w.db().platform(&grant, Access::Read, |p| p.users().count()).unwrap(), users_before);
    let second = w.db().platform(&grant, Access::Read, |p| p.tenants().by_slug("second-harbour")).unwrap();
    let members = w.db().tenant(second.id, None, Access::Read, |s| s.memberships().list()).unwrap();
    assert_eq!(
        members.iter().map(|(m, u)| (m.role, u.email.as_str())).collect::<Vec<_>>(),
        vec![(Role::Owner, existing.as_str())]
    );

    // Bad input keeps what was typed; a taken slug is a field error.
    let mut bad = form("Bad Slug!", "nobody");
    bad.retain(|(k, _)| *k != "hotel_name");
    let page = root.post("/platform/orgs", &bad).await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains(r#"value="Bad Slug!""#) && page.body.contains("Enter the owner"), "{}", page.short());
    let taken = root.post("/platform/orgs", &form("harbour-hotels", "other@harbour.test")).await;
    assert_eq!(taken.status, 422);
    assert!(taken.body.contains("already uses this slug"));

    // Members cannot onboard (404, nothing created).
    let mut owner_a = w.browser();
    owner_a.sign_in(&w.team_a.owner.account.email).await;
    assert_eq!(owner_a.post("/platform/orgs", &form("sneaky-org", "sneak@x.test")).await.status, 404);
    assert!(w.db().platform(&grant, Access::Read, |p| p.tenants().by_slug("sneaky-org")).is_err());
}

async fn onboarding_is_atomic(backend: Backend) {
    let w = world(backend).await;
    let url = match &w.app.test_db.url {
        hotelier::db::DatabaseUrl::Postgres(url) => url.clone(),
        hotelier::db::DatabaseUrl::Sqlite(path) => path.display().to_string(),
    };
    let run = |failpoint: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hotelier"));
        cmd.args([
            "tenant",
            "create",
            "--name",
            "Atomic Inns",
            "--slug",
            "atomic-inns",
            "--owner-email",
            "ann@atomic.test",
        ])
        .args([
            "--owner-name",
            "Ann Atomic",
            "--hotel-code",
            "ATM",
            "--hotel-name",
            "Atomic Central",
            "--database-url",
            &url,
        ])
        .env_remove("HOTELIER_PASSWORD")
        .env_remove("HOTELIER_FAILPOINT");
        if let Some(f) = failpoint {
            cmd.env("HOTELIER_FAILPOINT", f);
        }
        cmd.output().unwrap()
    };
    let grant = PlatformGrant::operator();
    let users_before = w.db().platform(&grant, Access::Read, |p| p.users().count()).unwrap();
    let tenants_before = w.db().platform(&grant, Access::Read, |p| p.tenants().count()).unwrap();

    // A failure right after the hotel insert: nothing of the organization, owner or hotel.
    let failed = run(Some("onboarding.after_hotel"));
    assert!(!failed.status.success(), "the failpoint fails the command");
    // It failed at the failpoint, after the inserts, not earlier for another reason.
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(stderr.contains("failpoint onboarding.after_hotel"), "{stderr}");
    assert_eq!(w.db().platform(&grant, Access::Read, |p| p.tenants().count()).unwrap(), tenants_before);
    assert_eq!(w.db().platform(&grant, Access::Read, |p| p.users().count()).unwrap(), users_before);
    assert!(w.db().platform(&grant, Access::Read, |p| p.users().by_email("ann@atomic.test")).unwrap().is_none());

    // Without it, the same command creates all three and prints the password once.
    let ok = run(None);
    assert!(
        ok.status.success(),
        "{:?}\nstdout: {}\nstderr: {}",
        ok.status,
        String::from_utf8_lossy(&ok.stdout),
        String::from_utf8_lossy(&ok.stderr)
    );
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(
        out.contains("organization Atomic Inns (atomic-inns) created") && out.contains("initial password"),
        "{out}"
    );
    let org = w.db().platform(&grant, Access::Read, |p| p.tenants().by_slug("atomic-inns")).unwrap();
    let hotel = w.db().tenant(org.id, None, Access::Read, |s| s.hotels().by_code("ATM")).unwrap();
    assert_eq!(hotel.name, "Atomic Central");
    // Bad arguments give one clear line and write nothing.
    let again = run(None);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("the slug `atomic-inns` is taken"));
}
