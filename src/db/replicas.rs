//! Read replicas (PostgreSQL streaming standbys) with read-your-writes.
//!
//! * `--replica-url` adds a pool per replica. A transaction that only reads, in a request
//!   the route table calls a read (GET or HEAD: [`Consistency::read_only`]), runs on a
//!   replica; anything that writes, anything in a request that writes (a POST's reads
//!   included), the session store and the command line run on the primary. Row-level
//!   security applies on a replica exactly as on the primary: the same role, the same
//!   `BEGIN; SET LOCAL app.tenant_id = …` batch.
//! * Read-your-writes: after a write commits, its request learns the primary's WAL insert
//!   position (`pg_current_wal_insert_lsn()`), which the web layer keeps in the browser
//!   ([`Consistency::wrote`]; `web::replicas`). A later read of that browser goes to a
//!   replica only if the replica has replayed past it, as last seen by the monitor (every
//!   [`POLL`]), which can only under-state what it has replayed: safe.
//! * A replica that is down, or lagging past `--replica-max-lag`, is skipped until the
//!   monitor sees it well again. One that fails as a transaction begins on it is marked
//!   down and the transaction begins on the primary instead, so a replica never fails a
//!   request the primary could serve.
//! * Caches: a figure or an organization read on a replica is stored only if the replica
//!   had replayed everything this instance knows was invalidated
//!   ([`Replicas::invalidated`]: raised by each local commit and, before it applies them,
//!   by the cache listener for other instances' notifications). A replica behind an
//!   invalidation could otherwise store what that invalidation removed.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::RunQueryDsl;

use super::connection::{DatabaseUrl, DbConnection, Pool, PoolOptions};

/// How often the monitor reads each replica's replay position and lag.
pub const POLL: Duration = Duration::from_millis(20);

/// How long a request waits for a replica's connection before it reads on the primary.
const CHECKOUT: Duration = Duration::from_millis(100);

/// The default `--replica-max-lag`.
pub const DEFAULT_MAX_LAG: Duration = Duration::from_secs(5);

/// A WAL position, as PostgreSQL prints it (`16/B374D848`), as a number.
pub fn parse_lsn(text: &str) -> Option<u64> {
    let (hi, lo) = text.split_once('/')?;
    Some((u64::from_str_radix(hi, 16).ok()? << 32) | u64::from_str_radix(lo, 16).ok()?)
}

/// What one request needs of the replicas: set by the web layer for every request when
/// replicas are configured, carried by the `Db` handle its transactions run on.
#[derive(Debug, Default)]
pub struct Consistency {
    /// The route only reads (GET, HEAD): its read transactions may run on a replica.
    pub read_only: bool,
    /// The WAL position of this browser's last write: a replica must have replayed it.
    pub floor: u64,
    wrote: AtomicU64,
}

impl Consistency {
    pub fn new(read_only: bool, floor: u64) -> Self {
        Self { read_only, floor, wrote: AtomicU64::new(0) }
    }

    /// The WAL position after this request's last write (0: it wrote nothing).
    pub fn wrote(&self) -> u64 {
        self.wrote.load(Ordering::Acquire)
    }

    pub(super) fn record(&self, lsn: u64) {
        self.wrote.fetch_max(lsn, Ordering::AcqRel);
    }
}

tokio::task_local! {
    /// The request's [`Consistency`], for the `Db` handles its blocking hops make.
    pub static REQUEST: Arc<Consistency>;
}

/// One replica: its pool and what the monitor last saw of it.
pub struct Replica {
    /// Its URL without the password, for `/readyz` and the logs.
    pub name: String,
    url: DatabaseUrl,
    pool: Pool,
    up: AtomicBool,
    replayed: AtomicU64,
    lag_ms: AtomicU64,
    /// Read transactions it ran.
    pub served: AtomicU64,
}

/// What `/readyz` and `/metrics` tell of one replica.
pub struct ReplicaStatus {
    pub name: String,
    pub up: bool,
    pub lag: Duration,
    pub served: u64,
}

/// The replica pools of one `Db`, and their monitor.
pub struct Replicas {
    list: Vec<Arc<Replica>>,
    max_lag: Duration,
    next: AtomicUsize,
    /// Read transactions that could have run on a replica and ran on the primary.
    pub primary_served: AtomicU64,
    /// The highest WAL position this instance knows an invalidation at (see the module).
    pub invalidated: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    monitor: parking_lot::Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Replicas {
    /// Pools for `urls` (opened lazily: a replica that is down at start is only skipped)
    /// and the monitor thread.
    pub fn start(urls: &[DatabaseUrl], options: &PoolOptions, max_lag: Duration) -> Arc<Self> {
        let mut list = Vec::with_capacity(urls.len());
        for url in urls {
            let pool = r2d2::Pool::builder()
                .max_size(options.max_size)
                .min_idle(Some(0))
                .connection_timeout(CHECKOUT)
                .build_unchecked(super::connection::Manager::new(url.clone()));
            list.push(Arc::new(Replica {
                name: url.redacted(),
                url: url.clone(),
                pool,
                up: AtomicBool::new(false),
                replayed: AtomicU64::new(0),
                lag_ms: AtomicU64::new(0),
                served: AtomicU64::new(0),
            }));
        }
        let replicas = Arc::new(Self {
            list,
            max_lag,
            next: AtomicUsize::new(0),
            primary_served: AtomicU64::new(0),
            invalidated: Arc::new(AtomicU64::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            monitor: parking_lot::Mutex::new(None),
        });
        let (watched, stop) = (replicas.list.clone(), replicas.stop.clone());
        let thread = std::thread::Builder::new()
            .name("replica-monitor".into())
            .spawn(move || monitor(&watched, &stop))
            .expect("spawn the replica monitor");
        *replicas.monitor.lock() = Some(thread);
        replicas
    }

    /// A replica that is up, within the lag allowed, and has replayed `floor` and what
    /// this instance knows was invalidated: the next one in turn.
    pub(super) fn pick(&self, floor: u64) -> Option<(Arc<Replica>, u64)> {
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let n = self.list.len();
        (0..n).map(|i| &self.list[(start + i) % n]).find_map(|r| {
            let replayed = r.replayed.load(Ordering::Acquire);
            let fit = r.up.load(Ordering::Acquire)
                && Duration::from_millis(r.lag_ms.load(Ordering::Acquire)) <= self.max_lag
                && replayed >= floor;
            fit.then(|| (r.clone(), replayed))
        })
    }

    /// The figures of every replica.
    pub fn status(&self) -> Vec<ReplicaStatus> {
        self.list
            .iter()
            .map(|r| ReplicaStatus {
                name: r.name.clone(),
                up: r.up.load(Ordering::Acquire),
                lag: Duration::from_millis(r.lag_ms.load(Ordering::Acquire)),
                served: r.served.load(Ordering::Relaxed),
            })
            .collect()
    }

    /// Raises the invalidation mark to `lsn`.
    pub fn invalidated_at(&self, lsn: u64) {
        self.invalidated.fetch_max(lsn, Ordering::AcqRel);
    }
}

impl Drop for Replicas {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        if let Some(thread) = self.monitor.lock().take() {
            let _ = thread.join();
        }
    }
}

impl Replica {
    /// A connection of this replica, or `None` (it is marked down) when none comes soon.
    pub(super) fn checkout(&self) -> Option<super::connection::PooledConnection> {
        match self.pool.get_timeout(CHECKOUT) {
            Ok(conn) => Some(conn),
            Err(e) => {
                self.down(&e.to_string());
                None
            }
        }
    }

    /// Skips this replica until the monitor sees it well again.
    pub(super) fn down(&self, why: &str) {
        if self.up.swap(false, Ordering::AcqRel) {
            tracing::warn!(replica = %self.name, error = %why, "replica skipped until it recovers");
        }
    }
}

#[derive(diesel::QueryableByName)]
struct Position {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    replayed: Option<String>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    lag_ms: i64,
}

/// Reads every replica's replay position and lag every [`POLL`] until `stop`.
fn monitor(list: &[Arc<Replica>], stop: &AtomicBool) {
    let mut conns: Vec<Option<DbConnection>> = list.iter().map(|_| None).collect();
    while !stop.load(Ordering::Acquire) {
        let started = Instant::now();
        for (replica, conn) in list.iter().zip(conns.iter_mut()) {
            match observe(replica, conn) {
                Ok((replayed, lag_ms)) => {
                    replica.replayed.fetch_max(replayed, Ordering::AcqRel);
                    replica.lag_ms.store(lag_ms, Ordering::Release);
                    if !replica.up.swap(true, Ordering::AcqRel) {
                        tracing::info!(replica = %replica.name, "replica in use");
                    }
                }
                Err(why) => {
                    *conn = None;
                    replica.down(&why);
                }
            }
        }
        std::thread::sleep(POLL.saturating_sub(started.elapsed()));
    }
}

/// One reading of `replica` on the monitor's own connection to it.
fn observe(replica: &Replica, conn: &mut Option<DbConnection>) -> Result<(u64, u64), String> {
    if conn.is_none() {
        *conn = Some(replica.url.connect().map_err(|e| e.to_string())?);
    }
    let c = conn.as_mut().expect("connected above");
    // While the standby has applied all it received, it is not behind (an idle primary
    // sends nothing, and the last replayed commit's age would read as lag).
    let q = "SELECT pg_last_wal_replay_lsn()::text AS replayed, \
             COALESCE(CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 \
             ELSE (EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint END, 0) AS lag_ms";
    let p: Position = diesel::sql_query(q).get_result(c).map_err(|e| e.to_string())?;
    let replayed = p.replayed.as_deref().and_then(parse_lsn).ok_or("not a standby (no replay position)")?;
    Ok((replayed, p.lag_ms.max(0) as u64))
}

/// The primary's WAL insert position now: after a commit, past its commit record.
pub fn lsn_now(conn: &mut diesel::PgConnection) -> Option<u64> {
    #[derive(diesel::QueryableByName)]
    struct Lsn {
        #[diesel(sql_type = diesel::sql_types::Text)]
        lsn: String,
    }
    let q = "SELECT pg_current_wal_insert_lsn()::text AS lsn";
    diesel::sql_query(q).get_result::<Lsn>(conn).ok().and_then(|l| parse_lsn(&l.lsn))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wal_positions_read_as_numbers_that_order_like_the_wal() {
        assert_eq!(parse_lsn("0/0"), Some(0));
        assert_eq!(parse_lsn("16/B374D848"), Some((0x16 << 32) | 0xB374_D848));
        assert!(parse_lsn("1/0") > parse_lsn("0/FFFFFFFF"));
        assert_eq!(parse_lsn("nonsense"), None);
    }
}
