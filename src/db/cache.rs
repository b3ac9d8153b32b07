//! In-process caches: organizations (their settings, status and plan), keyed by tenant
//! id, so that a request's tenant check does not read the `tenants` row every time; and
//! [`AggregateCache`], figures that would otherwise scan a tenant's data on every page.
//!
//! The organizations cache:
//! * A change through this process (`update_organization`, `set_status`, `set_plan`, …)
//!   invalidates the entry after its transaction commits.
//! * A read that raced with an invalidation never stores what it read: every
//!   invalidation bumps a generation, and a read stores only if none happened since it
//!   began.
//! * A change made by another instance or the CLI on the same PostgreSQL database is
//!   seen once that process's notification arrives (`invalidation`: within
//!   milliseconds); one made in SQL by hand, or missed while the listener was away, within
//!   the TTL. A TTL of zero turns the cache off.

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

    /// Forgets every organization (see `invalidation`: after the listener was away).
    pub fn clear(&self) {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        self.generation.fetch_add(1, Ordering::AcqRel);
        entries.clear();
    }
}

/// Figures that cost a scan of a tenant's data (the dashboard's occupancy, a list's
/// total), kept per tenant and key.
///
/// * Every write transaction this process runs in a tenant bumps that tenant's
///   generation once it ends; a platform write bumps every tenant's. An entry counts only
///   while the generation it was computed under is current.
/// * A computation stores its answer only if no write ended since its transaction began
///   (the generation is read before `BEGIN`), so a figure never outlives the snapshot it
///   came from.
/// * A write by another instance or the CLI on PostgreSQL is seen once its notification
///   arrives (`invalidation`); one in SQL by hand within the TTL, the organizations
///   cache's; zero turns both off.
pub struct AggregateCache {
    state: RwLock<Aggregates>,
    ttl: Duration,
}

#[derive(Default)]
struct Aggregates {
    everywhere: u64,
    written: HashMap<TenantId, u64>,
    entries: HashMap<(TenantId, String), Figure>,
}

struct Figure {
    at: Instant,
    generation: u64,
    value: std::sync::Arc<dyn std::any::Any + Send + Sync>,
}

impl Aggregates {
    fn generation(&self, tenant: TenantId) -> u64 {
        self.everywhere + self.written.get(&tenant).copied().unwrap_or(0)
    }
}

impl AggregateCache {
    pub fn new(ttl: Duration) -> Self {
        Self { state: RwLock::new(Aggregates::default()), ttl }
    }

    /// The generation to pass to [`put`](Self::put) for a transaction that begins now.
    pub fn generation(&self, tenant: TenantId) -> u64 {
        self.state.read().unwrap_or_else(|e| e.into_inner()).generation(tenant)
    }

    /// The figure under `key`, if fresh and no write to the tenant ended since.
    pub fn get<T: Clone + 'static>(&self, tenant: TenantId, key: &str) -> Option<T> {
        if self.ttl.is_zero() {
            return None;
        }
        let state = self.state.read().unwrap_or_else(|e| e.into_inner());
        let current = state.generation(tenant);
        let figure = state.entries.get(&(tenant, key.to_string()))?;
        if figure.generation != current || figure.at.elapsed() >= self.ttl {
            return None;
        }
        figure.value.downcast_ref::<T>().cloned()
    }

    /// Stores `value`, computed in a transaction that began at `generation`, unless a
    /// write to the tenant ended since.
    pub fn put<T: Send + Sync + 'static>(&self, tenant: TenantId, key: String, value: T, generation: u64) {
        if self.ttl.is_zero() {
            return;
        }
        let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
        if state.generation(tenant) != generation {
            return;
        }
        if state.entries.len() >= MAX_ENTRIES {
            state.entries.clear();
        }
        let figure = Figure { at: Instant::now(), generation, value: std::sync::Arc::new(value) };
        state.entries.insert((tenant, key), figure);
    }

    /// A write transaction in `tenant` ended: its figures no longer count.
    pub fn written(&self, tenant: TenantId) {
        let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
        *state.written.entry(tenant).or_default() += 1;
    }

    /// A platform write ended: no tenant's figures count.
    pub fn written_everywhere(&self) {
        let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
        state.everywhere += 1;
        state.entries.clear();
    }
}

/// The organizations one transaction changed, to invalidate once it commits.
#[derive(Default)]
pub(super) struct Touched(RefCell<Vec<TenantId>>);

impl Touched {
    pub(super) fn add(&self, id: TenantId) {
        self.0.borrow_mut().push(id);
    }

    /// The organizations changed so far.
    pub(super) fn ids(&self) -> Vec<TenantId> {
        self.0.borrow().clone()
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
    fn a_figure_counts_until_its_tenant_is_written() {
        let cache = AggregateCache::new(Duration::from_secs(60));
        let (a, b) = (TenantId::new(), TenantId::new());
        let began = cache.generation(a);
        cache.put(a, "count".into(), 7_i64, began);
        cache.put(b, "count".into(), 9_i64, cache.generation(b));
        assert_eq!(cache.get::<i64>(a, "count"), Some(7));
        assert_eq!(cache.get::<i64>(a, "other"), None);
        assert_eq!(cache.get::<String>(a, "count"), None, "a figure is only read back as its own type");
        cache.written(a);
        assert_eq!(cache.get::<i64>(a, "count"), None);
        assert_eq!(cache.get::<i64>(b, "count"), Some(9), "a write to one tenant leaves the others' figures");
        cache.written_everywhere();
        assert_eq!(cache.get::<i64>(b, "count"), None);
    }

    #[test]
    fn a_figure_from_before_a_write_is_not_stored() {
        let cache = AggregateCache::new(Duration::from_secs(60));
        let t = TenantId::new();
        let began = cache.generation(t);
        cache.written(t); // a write ended while the figure was being computed
        cache.put(t, "count".into(), 7_i64, began);
        assert_eq!(cache.get::<i64>(t, "count"), None);
        let off = AggregateCache::new(Duration::ZERO);
        off.put(t, "count".into(), 7_i64, off.generation(t));
        assert_eq!(off.get::<i64>(t, "count"), None);
    }

    #[test]
    fn zero_ttl_turns_it_off() {
        let cache = TenantCache::new(Duration::ZERO);
        let t = tenant();
        cache.put(t.clone(), cache.generation());
        assert!(cache.get(t.id).is_none());
    }
}

/// A signed-in session's state as the session store keeps it (`web::session_store`).
pub type SessionState = HashMap<String, String>;

/// Signed-in sessions' states by the hash of their key, so that a request does not read
/// its `sessions` row every time (reading it on every request cost a quarter of the
/// throughput: bench, pg-small).
///
/// * A session written through this process is stored as written.
/// * A session another instance wrote or ended is forgotten once its notification
///   arrives (`invalidation`: within milliseconds); a read that began before that never
///   stores what it read (the forgotten entry stays as a marker until the TTL).
/// * Anything else (a row changed in SQL by hand, a notification missed while the listener
///   was away and before it flushed) is seen within [`SessionCache::TTL`].
#[derive(Default)]
pub struct SessionCache {
    inner: parking_lot::Mutex<Sessions>,
}

#[derive(Default)]
struct Sessions {
    entries: HashMap<String, SessionEntry>,
    /// When everything was last forgotten.
    cleared: Option<Instant>,
}

enum SessionEntry {
    Kept { state: SessionState, user: Option<crate::domain::UserId>, at: Instant },
    Forgotten(Instant),
}

impl SessionCache {
    /// How long a session's state is trusted without reading its row.
    pub const TTL: Duration = Duration::from_secs(10);

    /// At most this many entries; past it the cache starts again empty.
    const MAX: usize = 50_000;

    pub fn get(&self, hash: &str) -> Option<SessionState> {
        match self.inner.lock().entries.get(hash) {
            Some(SessionEntry::Kept { state, at, .. }) if at.elapsed() < Self::TTL => Some(state.clone()),
            _ => None,
        }
    }

    /// Stores `state`, read or written by an operation that began at `began`, unless the
    /// session (or everything) was forgotten since.
    pub fn put(&self, hash: String, state: &SessionState, user: Option<crate::domain::UserId>, began: Instant) {
        let mut inner = self.inner.lock();
        let forgotten = match inner.entries.get(&hash) {
            Some(SessionEntry::Forgotten(at)) => Some(*at),
            _ => None,
        };
        if forgotten.into_iter().chain(inner.cleared).any(|at| at >= began) {
            return;
        }
        inner.insert(hash, SessionEntry::Kept { state: state.clone(), user, at: Instant::now() });
    }

    /// Forgets one session: it was written or ended elsewhere, or ended here.
    pub fn forget(&self, hash: &str) {
        self.inner.lock().insert(hash.to_owned(), SessionEntry::Forgotten(Instant::now()));
    }

    /// Forgets every session of `user`: their other sessions were just ended here.
    pub fn forget_user(&self, user: crate::domain::UserId) {
        let mine = |e: &SessionEntry| matches!(e, SessionEntry::Kept { user: Some(u), .. } if *u == user);
        self.inner.lock().entries.retain(|_, e| !mine(e));
    }

    /// Forgets everything (see `invalidation`: after the listener was away).
    pub fn clear(&self) {
        let mut inner = self.inner.lock();
        inner.entries.clear();
        inner.cleared = Some(Instant::now());
    }
}

impl Sessions {
    fn insert(&mut self, hash: String, entry: SessionEntry) {
        if self.entries.len() >= SessionCache::MAX {
            self.entries.clear();
            // What was forgotten is forgotten still: reads begun before are not stored.
            self.cleared = Some(Instant::now());
        }
        self.entries.insert(hash, entry);
    }
}
