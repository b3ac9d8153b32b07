//! Caches that agree across instances: every write transaction that invalidates a cache
//! here (see `cache`) tells the other instances on one PostgreSQL database, with
//! `pg_notify` in the same round trip as its `COMMIT` (a rolled-back write tells nobody; a
//! committed one always does), and each instance's [`Listener`] applies what the others
//! tell it.
//!
//! * The payload is `<origin> <change>,<change>…`: the sending `Db`'s id (an instance
//!   skips its own, which it applied at commit) and what changed: `t:<tenant>` (a write in
//!   the tenant: its figures), `o:<tenant>` (its organization row too), `s:<key hash>` (a
//!   signed-in session's state, written or ended) or `*` (a platform write: everything). At most [`MAX_PAYLOAD`] bytes, far below PostgreSQL's 8,000; a
//!   longer list becomes `*`.
//! * The listener holds one connection of its own (`--listen-url`, by default the
//!   database's; a pooler in transaction mode cannot `LISTEN`). When it loses it, it
//!   connects again and then flushes every cache, since changes may have been missed
//!   meanwhile. The caches' TTL stays as the last line of defence.
//! * An instance sends nothing while its listener sees no other instance's listener
//!   connected (a notifying commit takes PostgreSQL's notification-queue lock, which
//!   serializes such commits). It looks every [`PEERS`]; a joining instance flushes its
//!   caches once more [`SETTLE`] after it connects, by when every other instance notifies
//!   it.
//! * SQLite serves one instance (see `startup::claim_sqlite`), so nothing is sent there.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

use super::cache::{AggregateCache, SessionCache, TenantCache};
use crate::domain::TenantId;

/// The channel every instance listens on.
pub const CHANNEL: &str = "hotelier_cache";

/// The listeners' `application_name`, by which they find each other.
const LISTENER_NAME: &str = "hotelier cache listener";

/// The longest payload sent; a longer list of changes is sent as `*`.
pub const MAX_PAYLOAD: usize = 1_000;

/// How often the listener looks for notifications (a read of its socket, no round trip).
const POLL: Duration = Duration::from_millis(20);

/// How often the listener checks that its connection still answers.
const PING: Duration = Duration::from_secs(2);

/// How often the listener looks for other instances' listeners.
const PEERS: Duration = Duration::from_millis(500);

/// How long after it connects an instance flushes its caches once more: by then every
/// other instance has seen its listener and notifies it (see [`PEERS`]).
const SETTLE: Duration = Duration::from_millis(1_200);

/// One thing a committed write changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Data of the tenant: its cached figures no longer count.
    Tenant(TenantId),
    /// The tenant's organization row (status, plan, settings), and its data.
    Organization(TenantId),
    /// A signed-in session's stored state, by the SHA-256 of its key (64 hex digits).
    Session(String),
    /// Anything: a platform write.
    Everything,
}

/// The payload telling the other instances that `origin` committed `changes`.
pub fn payload(origin: &str, changes: &[Change]) -> String {
    let mut items: Vec<String> = Vec::with_capacity(changes.len());
    for change in changes {
        match change {
            Change::Everything => return format!("{origin} *"),
            Change::Tenant(t) => items.push(format!("t:{t}")),
            Change::Organization(t) => items.push(format!("o:{t}")),
            Change::Session(hash) => items.push(format!("s:{hash}")),
        }
    }
    items.sort();
    items.dedup();
    let text = format!("{origin} {}", items.join(","));
    if text.len() > MAX_PAYLOAD {
        return format!("{origin} *");
    }
    text
}

/// The origin and changes of a payload; `None` for one this version does not read.
pub fn parse(payload: &str) -> Option<(&str, Vec<Change>)> {
    let (origin, list) = payload.split_once(' ')?;
    let mut changes = Vec::new();
    for item in list.split(',') {
        changes.push(match item.split_once(':') {
            None if item == "*" => Change::Everything,
            Some(("t", id)) => Change::Tenant(id.parse().ok()?),
            Some(("o", id)) => Change::Organization(id.parse().ok()?),
            Some(("s", hash)) if is_key_hash(hash) => Change::Session(hash.to_owned()),
            _ => return None,
        });
    }
    Some((origin, changes))
}

fn is_key_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `SELECT pg_notify(…)` for `payload`, to run with the `COMMIT`. The payload is built
/// from typed ids and fixed characters only, so it needs no quoting beyond the quotes.
pub fn notify_sql(payload: &str) -> String {
    debug_assert!(!payload.contains('\''));
    format!("SELECT pg_notify('{CHANNEL}', '{payload}')")
}

/// The caches of one `Db`, as the listener reaches them.
#[derive(Clone)]
pub struct Caches {
    pub origin: Arc<str>,
    pub tenants: Arc<TenantCache>,
    pub aggregates: Arc<AggregateCache>,
    pub sessions: Arc<SessionCache>,
    /// With read replicas: the WAL position up to which this instance knows of
    /// invalidations, raised before each is applied (see `replicas`).
    pub invalidated: Option<Arc<AtomicU64>>,
    /// Whether another instance's listener is connected to the database: its `Db`
    /// notifies only then (see `Db::notify`).
    pub peers: Arc<AtomicBool>,
}

impl Caches {
    /// With read replicas, before invalidations heard on `conn` are applied: whatever
    /// they invalidate was committed before the primary's position now.
    fn mark(&self, conn: &mut PgConnection) {
        // A failed read leaves the mark: the connection is failing, and the listener
        // reconnects, marks and flushes.
        if let (Some(mark), Some(lsn)) =
            (&self.invalidated, self.invalidated.as_ref().and(super::replicas::lsn_now(conn)))
        {
            mark.fetch_max(lsn, Ordering::AcqRel);
        }
    }

    /// Applies another instance's changes.
    pub fn apply(&self, changes: &[Change]) {
        for change in changes {
            match change {
                Change::Tenant(t) => self.aggregates.written(*t),
                Change::Organization(t) => {
                    self.tenants.invalidate(*t);
                    self.aggregates.written(*t);
                }
                Change::Session(hash) => self.sessions.forget(hash),
                Change::Everything => self.flush(),
            }
        }
    }

    /// Forgets everything: after the listener was away.
    pub fn flush(&self) {
        self.tenants.clear();
        self.aggregates.written_everywhere();
        self.sessions.clear();
    }
}

/// What `/metrics` and `/readyz` tell of the listener.
#[derive(Default)]
pub struct ListenerStatus {
    pub connected: AtomicBool,
    pub received: AtomicU64,
    pub connects: AtomicU64,
}

/// The thread that applies the other instances' notifications to this one's caches.
pub struct Listener {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
    pub status: Arc<ListenerStatus>,
}

impl Listener {
    /// Starts listening on `url` (a PostgreSQL URL) for `caches`.
    pub fn spawn(url: String, caches: Caches) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let status = Arc::new(ListenerStatus::default());
        let (flag, shared) = (stop.clone(), status.clone());
        let thread = std::thread::Builder::new()
            .name("cache-listener".into())
            .spawn(move || listen(&url, &caches, &flag, &shared))
            .expect("spawn the cache listener");
        Self { stop, thread: Some(thread), status }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Connects, listens and applies until `stop`; after any loss, connects again (waiting
/// up to two seconds between tries) and flushes.
fn listen(url: &str, caches: &Caches, stop: &AtomicBool, status: &ListenerStatus) {
    let mut wait = Duration::from_millis(50);
    while !stop.load(Ordering::Acquire) {
        match subscribe(url) {
            Ok(mut conn) => {
                caches.mark(&mut conn);
                caches.flush();
                status.connects.fetch_add(1, Ordering::Relaxed);
                status.connected.store(true, Ordering::Release);
                tracing::info!("cache listener connected");
                wait = Duration::from_millis(50);
                let lost = serve(&mut conn, caches, stop, status);
                status.connected.store(false, Ordering::Release);
                // Blind now: tell whoever may listen.
                caches.peers.store(true, Ordering::Release);
                if let Err(e) = lost {
                    tracing::warn!(error = %e, "cache listener lost its connection; caches flush once it is back");
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "cache listener cannot connect; trying again");
                sleep_unless(stop, wait);
                wait = (wait * 2).min(Duration::from_secs(2));
            }
        }
    }
}

fn subscribe(url: &str) -> Result<PgConnection, String> {
    let mut conn = PgConnection::establish(url).map_err(|e| one_line(&e.to_string()))?;
    conn.batch_execute(&format!("SET application_name = '{LISTENER_NAME}'; LISTEN {CHANNEL}"))
        .map_err(|e| one_line(&e.to_string()))?;
    Ok(conn)
}

/// Applies notifications until `stop` (`Ok`) or the connection fails (`Err`).
fn serve(conn: &mut PgConnection, caches: &Caches, stop: &AtomicBool, status: &ListenerStatus) -> Result<(), String> {
    let connected = Instant::now();
    let (mut pinged, mut looked, mut settled) = (Instant::now(), None::<Instant>, false);
    while !stop.load(Ordering::Acquire) {
        let notes: Vec<_> =
            conn.notifications_iter().collect::<Result<_, _>>().map_err(|e| one_line(&e.to_string()))?;
        if !notes.is_empty() {
            caches.mark(conn);
        }
        for note in notes {
            status.received.fetch_add(1, Ordering::Relaxed);
            match parse(&note.payload) {
                Some((origin, _)) if origin == &*caches.origin => {}
                Some((_, changes)) => caches.apply(&changes),
                // From a newer or older version: be safe.
                None => caches.flush(),
            }
        }
        if looked.is_none_or(|at| at.elapsed() >= PEERS) {
            caches.peers.store(others_listen(conn)?, Ordering::Release);
            (looked, pinged) = (Some(Instant::now()), Instant::now());
        }
        // Writes the other instances made before they saw this listener told no one.
        if !settled && connected.elapsed() >= SETTLE {
            caches.flush();
            settled = true;
        }
        if pinged.elapsed() >= PING {
            conn.batch_execute("SELECT 1").map_err(|e| one_line(&e.to_string()))?;
            pinged = Instant::now();
        }
        std::thread::sleep(POLL);
    }
    Ok(())
}

/// Whether another instance's listener is connected to this database (they all run as the
/// app's role, whose own sessions it sees in `pg_stat_activity`).
fn others_listen(conn: &mut PgConnection) -> Result<bool, String> {
    #[derive(diesel::QueryableByName)]
    struct Others {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        others: bool,
    }
    let q = format!(
        "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() \
         AND application_name = '{LISTENER_NAME}' AND pid <> pg_backend_pid()) AS others"
    );
    diesel::RunQueryDsl::get_result::<Others>(diesel::sql_query(q), conn)
        .map(|o| o.others)
        .map_err(|e| one_line(&e.to_string()))
}

fn sleep_unless(stop: &AtomicBool, total: Duration) {
    let until = Instant::now() + total;
    while !stop.load(Ordering::Acquire) && Instant::now() < until {
        std::thread::sleep(POLL);
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_read_back_and_stay_short() {
        let (a, b) = (TenantId::new(), TenantId::new());
        let text = payload("me", &[Change::Tenant(a), Change::Organization(b), Change::Tenant(a)]);
        let (origin, mut changes) = parse(&text).unwrap();
        changes.sort_by_key(|c| format!("{c:?}"));
        assert_eq!(origin, "me");
        assert_eq!(changes.len(), 2, "{text}");
        assert!(changes.contains(&Change::Tenant(a)) && changes.contains(&Change::Organization(b)));
        assert_eq!(parse(&payload("me", &[Change::Tenant(a), Change::Everything])).unwrap().1, [Change::Everything]);
        let many: Vec<Change> = (0..100).map(|_| Change::Tenant(TenantId::new())).collect();
        assert_eq!(payload("me", &many), "me *", "a long list is sent as everything");
        let hash = "ab".repeat(32);
        assert_eq!(parse(&payload("me", &[Change::Session(hash.clone())])).unwrap().1, [Change::Session(hash)]);
        assert_eq!(parse("me s:'; DROP TABLE sessions"), None, "only a key hash is read as a session");
        assert_eq!(parse("me t:not-a-uuid"), None);
        assert_eq!(parse("garbage"), None);
    }
}
