//! The organizations cache: a change made through this instance applies on the next
//! request; a change made by another instance (its own cache, the same database) applies
//! once this instance's entry expires, never later.

use std::time::Duration;

use hotelier::db::{Access, Db, PlatformGrant, PoolOptions};
use hotelier::domain::TenantStatus;

use super::{start_app, world, Browser};
use crate::both_backends_async;
use crate::support::Backend;

both_backends_async!(changes_here_apply_at_once_changes_elsewhere_within_the_ttl);

async fn changes_here_apply_at_once_changes_elsewhere_within_the_ttl(backend: Backend) {
    let w = world(backend).await;
    // Five seconds: ample for the steps below on a loaded machine, which the test checks.
    let ttl = Duration::from_secs(5);
    let address = start_app(&w.app.test_db, |s| s.tenant_cache_ttl = ttl);
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
