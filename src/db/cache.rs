//! An in-process cache of organizations (their settings, status and plan), keyed by
//! tenant id, so that a request's tenant check does not read the `tenants` row every time.
//!
//! * A change through this process (`update_organization`, `set_status`, `set_plan`, …)
//!   invalidates the entry after its transaction commits.
//! * A read that raced with an invalidation never stores what it read: every
//!   invalidation bumps a generation, and a read stores only if none happened since it
//!   began.
//! * A change made elsewhere (another instance, the CLI, SQL) is seen within the TTL.
//!   A TTL of zero turns the cache off.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::RwLock;
use std::time::{Duration, Instant};

use super::tenants::Tenant;
use crate::domain::TenantId;

/// Entries kept before the cache starts over (far above any one instance's working set).
const MAX_ENTRIES: usize = 10_000;

pub struct TenantCache {
    entries: RwLock<HashMap<TenantId, (Instant, Tenant)>>,
    generation: AtomicU64,
    ttl: Duration,
}

impl TenantCache {
    pub fn new(ttl: Duration) -> Self {
        Self { entries: RwLock::new(HashMap::new()), generation: AtomicU64::new(0), ttl }
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// The cached organization, if fresh.
    pub fn get(&self, id: TenantId) -> Option<Tenant> {
        let ttl = self.ttl;
        if ttl.is_zero() {
            return None;
        }
        let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
        entries.get(&id).filter(|(at, _)| at.elapsed() < ttl).map(|(_, t)| t.clone())
    }

    /// The generation to pass to [`put`](Self::put) for a read that starts now.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Stores `tenant` as read by a read that began at `generation`, unless an
    /// invalidation happened since.
    pub fn put(&self, tenant: Tenant, generation: u64) {
        if self.ttl.is_zero() {
            return;
        }
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(tenant.id, (Instant::now(), tenant));
    }

    pub fn invalidate(&self, id: TenantId) {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        self.generation.fetch_add(1, Ordering::AcqRel);
        entries.remove(&id);
    }
}

/// The organizations one transaction changed, to invalidate once it commits.
#[derive(Default)]
pub(super) struct Touched(RefCell<Vec<TenantId>>);

impl Touched {
    pub(super) fn add(&self, id: TenantId) {
        self.0.borrow_mut().push(id);
    }

    pub(super) fn invalidate_in(self, cache: &TenantCache) {
        for id in self.0.into_inner() {
            cache.invalidate(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenant() -> Tenant {
        serde_json::from_value(serde_json::json!({
            "id": TenantId::new(), "name": "T", "slug": "t", "kind": "independent", "status": "active",
            "email": null, "phone": null, "address": null, "currency": "USD", "timezone": "UTC", "locale": "en",
            "plan": "starter", "trial_ends_at": null, "settings": {}, "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z", "deleted_at": null, "version": 1
        }))
        .unwrap()
    }

    #[test]
    fn a_read_that_raced_an_invalidation_is_not_stored() {
        let cache = TenantCache::new(Duration::from_secs(60));
        let t = tenant();
        let before = cache.generation();
        cache.invalidate(t.id); // a writer committed while the read was in flight
        cache.put(t.clone(), before);
        assert!(cache.get(t.id).is_none());
        cache.put(t.clone(), cache.generation());
        assert_eq!(cache.get(t.id).map(|x| x.version), Some(1));
        cache.invalidate(t.id);
        assert!(cache.get(t.id).is_none());
    }

    #[test]
    fn zero_ttl_turns_it_off() {
        let cache = TenantCache::new(Duration::ZERO);
        let t = tenant();
        cache.put(t.clone(), cache.generation());
        assert!(cache.get(t.id).is_none());
    }
}
