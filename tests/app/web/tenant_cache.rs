//! The organizations cache and the aggregate cache: a change made through this instance
//! applies on the next request; a change made by another instance (its own caches, the
//! same database) applies once this instance's entry expires, never later. That TTL is
//! the last line of defence: on PostgreSQL these instances run with their cache listener
//! unable to connect (`web/instances.rs` tests the listener itself).

use std::time::Duration;

use hotelier::db::{Access, Db, PlatformGrant, PoolOptions};
use hotelier::domain::TenantStatus;

use crate::both_backends_async;
use crate::support::{start_app, world, Backend, Browser, TestDb};

/// An instance whose caches live by the TTL alone: on PostgreSQL its listener points
/// at a port where nothing answers.
fn start_deaf_app(test_db: &TestDb, ttl: Duration) -> String {
    start_app(test_db, |s| {
        s.tenant_cache_ttl = ttl;
        s.listen_url = Some("postgres://hotelier@127.0.0.1:1/nowhere?connect_timeout=1".into());
    })
}

both_backends_async!(changes_here_apply_at_once_changes_elsewhere_within_the_ttl);

async fn changes_here_apply_at_once_changes_elsewhere_within_the_ttl(backend: Backend) {
    let w = world(backend).await;
    // Five seconds: ample for the steps below on a loaded machine, which the test checks.
    let ttl = Duration::from_secs(5);
    let address = start_deaf_app(&w.app.test_db, ttl);
    let mut owner = Browser::new(&address);
    owner.sign_in(&w.team_a.owner.account.email).await;
    let cached_at = std::time::Instant::now();
    assert_eq!(owner.get("/hotels").await.status, 200);

    // Another instance suspends A: this one still serves A from its cache…
    let other = Db::connect(&w.app.test_db.url, &PoolOptions { max_size: 1, acquire_timeout: Duration::from_secs(10) })
        .unwrap();
    other
        .platform(&PlatformGrant::operator(), Access::Write, |p| {
            let v = p.tenants().get(w.a.id)?.version;
            p.tenants().set_status(w.a.id, v, TenantStatus::Suspended)
        })
        .unwrap();
    assert_eq!(owner.get("/hotels").await.status, 200, "served from the cache within the TTL");
    assert!(cached_at.elapsed() < ttl, "the steps took longer than the TTL: {:?}", cached_at.elapsed());
    // …and no longer once the entry expires.
    tokio::time::sleep((ttl + Duration::from_millis(200)).saturating_sub(cached_at.elapsed())).await;
    let blocked = owner.get("/hotels").await;
    assert_eq!(blocked.status, 403, "{}", blocked.short());
    assert!(blocked.body.contains("suspended"), "{}", blocked.short());

    // Through this instance (the super admin reactivates A here), the change applies to
    // the very next request.
    let mut root = Browser::new(&address);
    root.sign_in(&w.super_admin.email).await;
    let org = root.get(&format!("/platform/orgs/{}", w.a.id)).await;
    let version =
        org.body.split("name=\"version\" value=\"").nth(1).and_then(|r| r.split('"').next()).unwrap().to_owned();
    let done = root
        .post(
            &format!("/platform/orgs/{}/status", w.a.id),
            &[("status", "active"), ("reason", "Paid"), ("version", &version)],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.short());
    assert_eq!(owner.get("/hotels").await.status, 200, "reactivated at once");
}

both_backends_async!(figures_follow_writes_here_at_once_and_elsewhere_within_the_ttl);

/// The number just before `label` in a page, e.g. `12` in
/// `<span class="stat-value">12</span><span class="stat-label">Arrivals today`.
fn figure(body: &str, label: &str) -> i64 {
    let before = &body[..body.find(label).unwrap_or_else(|| panic!("no {label:?} on the page"))];
    let digits: String =
        before.trim_end_matches(|c: char| !c.is_ascii_digit()).chars().rev().take_while(char::is_ascii_digit).collect();
    digits.chars().rev().collect::<String>().parse().unwrap_or_else(|_| panic!("no number before {label:?}"))
}

/// The aggregate cache (the reservations list's total, the dashboard's figures): a
/// booking made through this instance shows on the very next page; one made by another
/// instance shows once the figure's TTL has passed; one organization's figures never
/// answer for another's.
async fn figures_follow_writes_here_at_once_and_elsewhere_within_the_ttl(backend: Backend) {
    use crate::support::{booked_id, booking, day, stay};
    let w = world(backend).await;
    let ttl = Duration::from_secs(5);
    let address = start_deaf_app(&w.app.test_db, ttl);
    let (mut a, mut b) = (Browser::new(&address), Browser::new(&address));
    a.sign_in(&w.team_a.owner.account.email).await;
    b.sign_in(&w.team_b.owner.account.email).await;
    let arrivals = |page: &str| figure(page, "</span><span class=\"stat-label\">Arrivals today");
    // The list's subtitle: `<p class="subtitle">12 reservations</p>`.
    let listed = |page: &str| {
        let after = page.split("<p class=\"subtitle\">").nth(1).expect("the list's subtitle");
        after.split(' ').next().unwrap().parse::<i64>().unwrap_or_else(|_| panic!("no total in {after:.40}"))
    };
    let (list_a, dash_a) = (listed(&a.get("/reservations").await.body), arrivals(&a.get("/").await.body));
    let (list_b, dash_b) = (listed(&b.get("/reservations").await.body), arrivals(&b.get("/").await.body));

    // Booked here: the next pages count it.
    let booked = a.post_form("/reservations", &booking(&w.a, day(0), day(2))).await;
    booked_id(&booked);
    let cached_at = std::time::Instant::now();
    assert_eq!(listed(&a.get("/reservations").await.body), list_a + 1);
    assert_eq!(arrivals(&a.get("/").await.body), dash_a + 1);
    let stored_by = std::time::Instant::now();
    assert_eq!(listed(&b.get("/reservations").await.body), list_b, "B's total is B's own");
    assert_eq!(arrivals(&b.get("/").await.body), dash_b);

    // Booked by another instance (its own Db on the same database): within the TTL this
    // instance still shows the total it computed; after the TTL, the new one.
    let other = Db::connect(&w.app.test_db.url, &PoolOptions { max_size: 1, acquire_timeout: Duration::from_secs(10) })
        .unwrap();
    other
        .tenant(w.a.id, None, Access::Write, |s| s.reservations().create(&stay(&w.a, "ELSEWHERE", day(0), 1)))
        .unwrap();
    let (list_soon, dash_soon) = (listed(&a.get("/reservations").await.body), arrivals(&a.get("/").await.body));
    assert!(cached_at.elapsed() < ttl, "the steps took longer than the TTL: {:?}", cached_at.elapsed());
    assert_eq!(list_soon, list_a + 1, "the list's total served from the cache within the TTL");
    assert_eq!(dash_soon, dash_a + 1, "the dashboard served from the cache within the TTL");
    tokio::time::sleep((ttl + Duration::from_millis(200)).saturating_sub(stored_by.elapsed())).await;
    assert_eq!(listed(&a.get("/reservations").await.body), list_a + 2);
    assert_eq!(arrivals(&a.get("/").await.body), dash_a + 2);
}
