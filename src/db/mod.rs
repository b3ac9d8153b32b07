//! The database layer: the only place that knows SQL.
//!
//! Everything a request does runs in one closure on the blocking pool, inside one
//! transaction opened by [`Db::tenant`], [`Db::user`] or [`Db::platform`]. On PostgreSQL
//! that transaction starts with `SET LOCAL app.tenant_id = …` in the same round
//! trip as `BEGIN`, so row-level security sees the tenant for exactly that transaction.

pub mod cache;
mod connection;
mod error;
pub mod migrations;
pub mod onboarding;
pub mod platform;
mod schema;
pub mod scope;
mod search;
pub mod types;
mod versioned;

pub mod audit;
pub mod bulk;
pub mod folio;
pub mod guests;
pub mod hotels;
pub mod invoices;
pub mod memberships;
pub mod messages;
pub mod nights;
pub mod rates;
pub mod replicas;
pub mod reservations;
pub mod room_blocks;
pub mod room_types;
pub mod rooms;
pub mod sessions;
pub mod taxes;
pub mod tenants;
pub mod transfer;
pub mod users;

pub mod health;
pub mod invalidation;
pub mod isolation;
pub mod ops;

pub use connection::{build_pool, Backend, DatabaseUrl, DbConnection, Pool, PoolOptions, UrlError};
pub use error::{Constraint, DbError, DbResult};
pub use scope::{PlatformGrant, PlatformScope, TenantScope, UserScope};
pub use types::sql;

use crate::domain::ids::{TenantId, UserId};
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use invalidation::Change;

/// Whether a transaction may write. Reads run `READ ONLY` on PostgreSQL and as a deferred
/// transaction on SQLite; writes take SQLite's write lock up front (`BEGIN IMMEDIATE`) so
/// that two writers queue on `busy_timeout` instead of failing on lock upgrade.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
    /// A read that must see one consistent snapshot across many queries (export):
    /// `REPEATABLE READ` on PostgreSQL; SQLite's read transactions already are.
    Snapshot,
}

/// The pool plus what the app needs to know about the backend.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    backend: Backend,
    tenants: std::sync::Arc<cache::TenantCache>,
    aggregates: std::sync::Arc<cache::AggregateCache>,
    /// One per pooled connection: how many requests may be on the blocking pool at once.
    permits: std::sync::Arc<tokio::sync::Semaphore>,
    /// When a request's wait for a connection ends (set by [`Db::blocking`], so that the
    /// wait for a permit and the wait for the pool share one bound).
    deadline: Option<std::time::Instant>,
    /// SQLite's one writer at a time, queued in the process (see [`Db::queue_writer`]).
    sqlite_writer: std::sync::Arc<parking_lot::Mutex<()>>,
    /// Requests that will write to SQLite queue here first, without a thread or a permit
    /// (see [`Db::blocking_as`]).
    sqlite_write_requests: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Each statement of a scoped transaction is cancelled after this (PostgreSQL).
    statement_timeout: std::time::Duration,
    /// This handle's name in the invalidations it sends (see `invalidation`), so that its
    /// listener skips its own.
    origin: std::sync::Arc<str>,
    /// Signed-in sessions' states (the session store's; see `cache::SessionCache`).
    sessions: std::sync::Arc<cache::SessionCache>,
    /// Whether other instances may be listening (see [`Db::notify`]); kept by this
    /// instance's listener, true without one.
    peers: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// PostgreSQL: the read replicas, if any (see `replicas`).
    replicas: Option<std::sync::Arc<replicas::Replicas>>,
    /// The request this handle works for, when replicas are configured: whether its reads
    /// may run on one, and what they must have replayed.
    consistency: Option<std::sync::Arc<replicas::Consistency>>,
}

/// How long a SQLite write waits for the writers before it: SQLite's own `busy_timeout`.
const SQLITE_WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Long enough for any page, short enough that a stuck query frees its connection.
pub const DEFAULT_STATEMENT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// How long an organization's row is trusted without reading it again (see `cache`).
pub const DEFAULT_TENANT_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(10);

impl Db {
    pub fn new(pool: Pool, backend: Backend) -> Self {
        let permits = std::sync::Arc::new(tokio::sync::Semaphore::new(pool.max_size() as usize));
        Self {
            pool,
            backend,
            tenants: std::sync::Arc::new(cache::TenantCache::new(DEFAULT_TENANT_CACHE_TTL)),
            aggregates: std::sync::Arc::new(cache::AggregateCache::new(DEFAULT_TENANT_CACHE_TTL)),
            permits,
            deadline: None,
            sqlite_writer: std::sync::Arc::new(parking_lot::Mutex::new(())),
            sqlite_write_requests: std::sync::Arc::new(tokio::sync::Mutex::new(())),
            statement_timeout: DEFAULT_STATEMENT_TIMEOUT,
            origin: uuid::Uuid::now_v7().simple().to_string().into(),
            sessions: std::sync::Arc::default(),
            peers: std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true)),
            replicas: None,
            consistency: None,
        }
    }

    /// This handle with read replicas (PostgreSQL).
    pub fn with_replicas(mut self, replicas: std::sync::Arc<replicas::Replicas>) -> Self {
        self.replicas = Some(replicas);
        self
    }

    pub fn replicas(&self) -> Option<&std::sync::Arc<replicas::Replicas>> {
        self.replicas.as_ref()
    }

    /// This handle with an organizations cache and an aggregate cache of `ttl` (caches of
    /// its own when the TTL differs; clones made before keep theirs).
    pub fn with_tenant_cache_ttl(mut self, ttl: std::time::Duration) -> Self {
        if ttl != self.tenants.ttl() {
            self.tenants = std::sync::Arc::new(cache::TenantCache::new(ttl));
            self.aggregates = std::sync::Arc::new(cache::AggregateCache::new(ttl));
            // Other caches, another name: writes through the clones made before are no
            // longer this handle's own (see `invalidation`).
            self.origin = uuid::Uuid::now_v7().simple().to_string().into();
        }
        self
    }

    /// This handle's caches, for the listener that applies other instances' changes.
    pub fn caches(&self) -> invalidation::Caches {
        invalidation::Caches {
            origin: self.origin.clone(),
            tenants: self.tenants.clone(),
            aggregates: self.aggregates.clone(),
            sessions: self.sessions.clone(),
            invalidated: self.replicas.as_ref().map(|r| r.invalidated.clone()),
            peers: self.peers.clone(),
        }
    }

    /// The session store's cache of signed-in sessions, kept in agreement with the other
    /// instances like the others.
    pub fn session_cache(&self) -> std::sync::Arc<cache::SessionCache> {
        self.sessions.clone()
    }

    /// What a write transaction tells the other instances with its `COMMIT`: nothing on
    /// SQLite (one instance), nor for a read.
    ///
    /// Nor when this instance's listener sees no other instance listening: a notifying
    /// commit takes PostgreSQL's notification-queue lock, which serializes such commits
    /// (bookings/s fell by a third with it on every write), so one instance alone does
    /// without. A handle without a listener (the command line) always notifies.
    fn notify(&self, access: Access, changes: impl FnOnce() -> Vec<Change>) -> Option<String> {
        use std::sync::atomic::Ordering;
        (self.backend == Backend::Postgres && access == Access::Write && self.peers.load(Ordering::Acquire))
            .then(|| invalidation::notify_sql(&invalidation::payload(&self.origin, &changes())))
    }

    /// The statement timeout of every scoped transaction from here on (PostgreSQL).
    pub fn with_statement_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.statement_timeout = timeout.max(std::time::Duration::from_millis(1));
        self
    }

    /// The organizations cache, for its TTL and for invalidating after a change this
    /// process made outside the scopes (raw SQL in tests).
    pub fn tenant_cache(&self) -> &cache::TenantCache {
        &self.tenants
    }

    pub fn connect(url: &DatabaseUrl, options: &PoolOptions) -> DbResult<Self> {
        let pool = build_pool(url, options)?;
        Ok(Self::new(pool, url.backend()))
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// A connection outside any scope, for migrations, health checks and the operator
    /// CLI. Not for request handlers: they go through the scoped helpers below.
    pub fn checkout(&self) -> DbResult<connection::PooledConnection> {
        Ok(match self.deadline {
            Some(deadline) => self.pool.get_timeout(deadline.saturating_duration_since(std::time::Instant::now()))?,
            None => self.pool.get()?,
        })
    }

    /// Runs `f` on the blocking pool: one hop per request.
    ///
    /// At most one task per pooled connection runs there; the others wait for a permit
    /// here, without a thread. (Parked on the pool instead, 64 concurrent requests held 64
    /// threads, each waking on every release.) The wait for a permit and then for a
    /// connection share the pool's timeout, after which the request answers 503.
    ///
    /// `f` runs inside the caller's tracing span, so its log lines carry
    /// the request's id, user and tenant like every other line of the request.
    pub async fn blocking<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Db) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        self.blocking_as(Access::Read, f).await
    }

    /// [`blocking`](Self::blocking) for a request whose transaction has `access`. A write
    /// on SQLite first waits for the writers before it here, in arrival order: queued
    /// behind the writer lock inside `f` instead, it would hold a permit that reads need
    /// (four queued writers would stall every read for as long as they wait).
    pub async fn blocking_as<T, E, F>(&self, access: Access, f: F) -> Result<T, E>
    where
        F: FnOnce(&Db) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let span = tracing::Span::current();
        let turn = if self.backend == Backend::Sqlite && access == Access::Write {
            let queue = self.sqlite_write_requests.clone().lock_owned();
            match actix_web::rt::time::timeout(SQLITE_WRITER_WAIT, queue).await {
                Ok(turn) => Some(turn),
                Err(_) => return Err(DbError::Busy.into()),
            }
        } else {
            None
        };
        let timeout = self.pool.connection_timeout();
        let deadline = std::time::Instant::now() + timeout;
        let permit = match actix_web::rt::time::timeout(timeout, self.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => permit,
            _ => return Err(DbError::Unavailable("timed out waiting for connection".into()).into()),
        };
        // The request's reads may run on a replica (see `replicas`).
        let consistency = self.replicas.as_ref().and_then(|_| replicas::REQUEST.try_with(|c| c.clone()).ok());
        let db = Db { deadline: Some(deadline), consistency, ..self.clone() };
        let outcome = actix_web::rt::task::spawn_blocking(move || {
            let _held = (turn, permit);
            span.in_scope(|| f(&db))
        });
        match outcome.await {
            Ok(result) => result,
            Err(join) => std::panic::resume_unwind(join.into_panic()),
        }
    }

    /// SQLite admits one writer at a time, and its own wait for the lock (`busy_timeout`)
    /// sleeps and retries: under 64 concurrent bookings some waited over 2 s while later
    /// ones went ahead. This process's writers queue here instead, before taking a
    /// connection, and get the lock in turn; other processes (the CLI) still meet
    /// `busy_timeout`. A wait as long as that timeout answers "busy, try again".
    fn queue_writer(&self, access: Access) -> DbResult<Option<parking_lot::MutexGuard<'_, ()>>> {
        if self.backend != Backend::Sqlite || access != Access::Write {
            return Ok(None);
        }
        self.sqlite_writer.try_lock_for(SQLITE_WRITER_WAIT).map(Some).ok_or(DbError::Busy)
    }

    /// What row-level security sees, with this pool's statement timeout; commits durable.
    fn settings(&self, tenant: Option<TenantId>, user: Option<UserId>, platform: bool) -> Settings {
        Settings { tenant, user, platform, timeout: self.statement_timeout, durable: true }
    }

    /// One transaction in the tenant's scope (see [`TenantScope`]).
    pub fn tenant<T, E>(
        &self,
        tenant: TenantId,
        user: Option<UserId>,
        access: Access,
        f: impl FnOnce(&mut TenantScope<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let _writer = self.queue_writer(access)?;
        let settings = self.settings(Some(tenant), user, false);
        let touched = cache::Touched::default();
        // Read before BEGIN, so that no figure is stored from a snapshot older than it.
        let figures = (access == Access::Read).then(|| (&*self.aggregates, self.aggregates.generation(tenant)));
        let (mut conn, keeps) = self.begun(access, &settings)?;
        let out = complete(&mut conn, |conn| {
            let scope = TenantScope::new(conn, tenant, user, &self.tenants, &touched);
            let out = f(&mut scope.with_figures(figures).keeping(keeps))?;
            let changed = || {
                let organizations = touched.ids().into_iter().map(Change::Organization);
                std::iter::once(Change::Tenant(tenant)).chain(organizations).collect()
            };
            Ok((out, self.notify(access, changed)))
        });
        if access == Access::Write && out.is_ok() {
            self.committed(&mut conn);
        }
        touched.invalidate_in(&self.tenants);
        if access == Access::Write {
            self.aggregates.written(tenant);
        }
        out
    }

    /// A connection with a transaction of `access` begun on it: a read on a replica when
    /// this request may read there and one has replayed what it must (see `replicas`),
    /// anything else on the primary. Answers whether what the transaction reads may be
    /// stored in the caches.
    fn begun(&self, access: Access, settings: &Settings) -> DbResult<(connection::PooledConnection, bool)> {
        use std::sync::atomic::Ordering;
        if let (Access::Read, Some(replicas), Some(request)) = (access, &self.replicas, &self.consistency) {
            if request.read_only {
                if let Some((replica, replayed)) = replicas.pick(request.floor) {
                    if let Some(mut conn) = replica.checkout() {
                        match begin(&mut conn, access, settings) {
                            Ok(()) => {
                                replica.served.fetch_add(1, Ordering::Relaxed);
                                return Ok((conn, replayed >= replicas.invalidated.load(Ordering::Acquire)));
                            }
                            // Nothing ran yet: the primary serves this one.
                            Err(e) => replica.down(&e.to_string()),
                        }
                    }
                }
                replicas.primary_served.fetch_add(1, Ordering::Relaxed);
            }
        }
        let mut conn = self.checkout()?;
        begin(&mut conn, access, settings)?;
        Ok((conn, true))
    }

    /// After a write committed, with replicas: the WAL position it reached becomes the
    /// request's floor for later reads and this instance's invalidation mark (before the
    /// caches drop what it changed; see `replicas`).
    fn committed(&self, conn: &mut DbConnection) {
        let (Some(replicas), DbConnection::Pg(pg)) = (&self.replicas, conn) else { return };
        if let Some(lsn) = replicas::lsn_now(pg) {
            replicas.invalidated_at(lsn);
            if let Some(request) = &self.consistency {
                request.record(lsn);
            }
        }
    }

    /// One transaction in a user's own scope: their user row and memberships.
    pub fn user<T, E>(
        &self,
        user: UserId,
        access: Access,
        f: impl FnOnce(&mut UserScope<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let _writer = self.queue_writer(access)?;
        let settings = self.settings(None, Some(user), false);
        let (mut conn, _) = self.begun(access, &settings)?;
        let out = complete(&mut conn, |conn| Ok((f(&mut UserScope::new(conn, user))?, None)));
        if access == Access::Write && out.is_ok() {
            self.committed(&mut conn);
        }
        out
    }

    /// One transaction before anyone is known: looking a login up by email, and
    /// appending platform audit events.
    pub fn anonymous<T, E>(&self, access: Access, f: impl FnOnce(&mut UserScope<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let _writer = self.queue_writer(access)?;
        let mut conn = self.checkout()?;
        let settings = self.settings(None, None, false);
        in_transaction(&mut conn, access, &settings, |conn| Ok((f(&mut UserScope::anonymous(conn))?, None)))
    }

    /// The session store's writes: [`anonymous`](Self::anonymous) with a commit that does
    /// not wait for the disk (see `Settings::durable`). `changed` names a session whose
    /// stored state this write changes or ends, so that the other instances forget theirs
    /// (by the hash of its key).
    pub fn session_write<T>(
        &self,
        changed: Option<&str>,
        f: impl FnOnce(&mut UserScope<'_>) -> DbResult<T>,
    ) -> DbResult<T> {
        let _writer = self.queue_writer(Access::Write)?;
        let mut conn = self.checkout()?;
        let settings = Settings { durable: false, ..self.settings(None, None, false) };
        in_transaction(&mut conn, Access::Write, &settings, |conn| {
            let out = f(&mut UserScope::anonymous(conn))?;
            let notify = changed.and_then(|hash| self.notify(Access::Write, || vec![Change::Session(hash.to_owned())]));
            Ok((out, notify))
        })
    }

    /// One statement on its own, outside any transaction, before anyone is known: the
    /// session store's lookup of a key, on every request. It reads `sessions`, which row-
    /// level security does not cover, by its primary key; a transaction around it would
    /// cost two more round trips per request (`BEGIN …` and `COMMIT`).
    pub fn single_read<T>(&self, f: impl FnOnce(&mut UserScope<'_>) -> DbResult<T>) -> DbResult<T> {
        let mut conn = self.checkout()?;
        f(&mut UserScope::anonymous(&mut conn))
    }

    /// One transaction across tenants. Needs a [`PlatformGrant`], which only a verified
    /// super admin or the operator CLI can hold. A write invalidates every cache, here and
    /// on the other instances.
    pub fn platform<T, E>(
        &self,
        grant: &PlatformGrant,
        access: Access,
        f: impl FnOnce(&mut PlatformScope<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<DbError>,
    {
        self.platform_tracked(grant, access, true, f)
    }

    /// A platform write of rows no cache depends on (the outbox worker's claims and
    /// records): it invalidates nothing, here or elsewhere, but the organizations it
    /// marks changed. (Invalidating everything, the worker's every round emptied every
    /// instance's caches.)
    pub fn platform_untracked<T, E>(
        &self,
        grant: &PlatformGrant,
        f: impl FnOnce(&mut PlatformScope<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<DbError>,
    {
        self.platform_tracked(grant, Access::Write, false, f)
    }

    fn platform_tracked<T, E>(
        &self,
        grant: &PlatformGrant,
        access: Access,
        everything: bool,
        f: impl FnOnce(&mut PlatformScope<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let _writer = self.queue_writer(access)?;
        let mut conn = self.checkout()?;
        let settings = self.settings(None, grant.user(), true);
        let touched = cache::Touched::default();
        let out = in_transaction(&mut conn, access, &settings, |conn| {
            let out = f(&mut PlatformScope::new(conn, grant.clone(), &self.tenants, &touched))?;
            let ids = touched.ids();
            let notify = if everything || !ids.is_empty() {
                let changed = || match everything {
                    true => vec![Change::Everything],
                    false => ids.into_iter().map(Change::Organization).collect(),
                };
                self.notify(access, changed)
            } else {
                None
            };
            Ok((out, notify))
        });
        if access == Access::Write && out.is_ok() {
            self.committed(&mut conn);
        }
        touched.invalidate_in(&self.tenants);
        if access == Access::Write && everything {
            self.aggregates.written_everywhere();
        }
        out
    }
}

/// What row-level security should see for one transaction.
struct Settings {
    tenant: Option<TenantId>,
    user: Option<UserId>,
    platform: bool,
    timeout: std::time::Duration,
    /// Wait for the commit to reach the disk (PostgreSQL's `synchronous_commit`). Only the
    /// session store's writes do without: a crash loses at most a session's last notice
    /// or idle-clock tick, never data, and a commit no longer waits for the WAL flush.
    durable: bool,
}

impl Settings {
    /// `BEGIN` and the transaction-local settings as one batch: one round trip. `SET
    /// LOCAL` rather than `set_config(…, true)`: the same effect here, and the form Citus
    /// propagates to its workers (`citus.propagate_set_commands = 'local'`; see
    /// `deploy/citus.sql`). The values are typed UUIDs, a number and constants, never
    /// input, so formatting them in is safe.
    fn pg_begin(&self, access: Access) -> String {
        let mode = match access {
            Access::Read => "BEGIN READ ONLY",
            Access::Write => "BEGIN",
            Access::Snapshot => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        };
        let tenant = self.tenant.map(|t| t.to_string()).unwrap_or_default();
        let user = self.user.map(|u| u.to_string()).unwrap_or_default();
        let platform = if self.platform { "on" } else { "" };
        let timeout = self.timeout.as_millis();
        // The server's own setting stands (an operator may ask for more), except where the
        // commit need not be durable.
        let commit = if self.durable { "" } else { "; SET LOCAL synchronous_commit = off" };
        format!(
            "{mode}; SET LOCAL app.tenant_id = '{tenant}'; SET LOCAL app.user_id = '{user}'; \
             SET LOCAL app.platform = '{platform}'; SET LOCAL statement_timeout = {timeout}{commit}"
        )
    }
}

/// Runs `f` in one transaction of `access`. `f` answers its value and, for a write on
/// PostgreSQL, the `pg_notify` to send with the `COMMIT` (one round trip for both).
fn in_transaction<T, E>(
    conn: &mut DbConnection,
    access: Access,
    settings: &Settings,
    f: impl FnOnce(&mut DbConnection) -> Result<(T, Option<String>), E>,
) -> Result<T, E>
where
    E: From<DbError>,
{
    begin(conn, access, settings)?;
    complete(conn, f)
}

/// Begins a transaction of `access` with `settings` (one round trip on PostgreSQL).
fn begin(conn: &mut DbConnection, access: Access, settings: &Settings) -> DbResult<()> {
    let begun = match conn {
        DbConnection::Pg(pg) => AnsiTransactionManager::begin_transaction_sql(pg, &settings.pg_begin(access)),
        DbConnection::Sqlite(lite) => match access {
            Access::Read | Access::Snapshot => AnsiTransactionManager::begin_transaction_sql(lite, "BEGIN"),
            Access::Write => AnsiTransactionManager::begin_transaction_sql(lite, "BEGIN IMMEDIATE"),
        },
    };
    Ok(begun?)
}

/// Runs `f` in the transaction begun on `conn`, then commits (with `f`'s notification)
/// or rolls back.
fn complete<T, E>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> Result<(T, Option<String>), E>,
) -> Result<T, E>
where
    E: From<DbError>,
{
    let outcome = f(conn);
    type Tm = <DbConnection as diesel::Connection>::TransactionManager;
    match outcome {
        Ok((value, notify)) => {
            let committed = match (notify, &mut *conn) {
                // libpq sees the transaction end, and diesel's manager follows it.
                (Some(notify), DbConnection::Pg(pg)) => pg.batch_execute(&format!("{notify}; COMMIT")),
                _ => Tm::commit_transaction(conn),
            };
            match committed {
                Ok(()) => Ok(value),
                Err(commit_err) => {
                    let _ = Tm::rollback_transaction(conn);
                    Err(DbError::from(commit_err).into())
                }
            }
        }
        Err(err) => {
            // If the rollback fails the connection is marked broken and the pool drops it.
            let _ = Tm::rollback_transaction(conn);
            Err(err)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tenant reaches PostgreSQL as `SET LOCAL`, in the batch that begins the
    /// transaction, from the typed id.
    #[test]
    fn a_transaction_begins_with_its_settings_in_one_batch() {
        let tenant = TenantId::new();
        let settings = Settings {
            tenant: Some(tenant),
            user: None,
            platform: false,
            timeout: std::time::Duration::from_millis(5000),
            durable: false,
        };
        let sql = settings.pg_begin(Access::Read);
        assert!(sql.starts_with("BEGIN READ ONLY; SET LOCAL app.tenant_id = '"), "{sql}");
        assert!(sql.contains(&format!("SET LOCAL app.tenant_id = '{tenant}';")), "{sql}");
        assert!(
            sql.contains("SET LOCAL statement_timeout = 5000") && sql.ends_with("SET LOCAL synchronous_commit = off")
        );
        assert!(!sql.contains("set_config"), "Citus does not propagate set_config: {sql}");
    }
}
