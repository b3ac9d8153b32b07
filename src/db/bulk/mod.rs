//! `hotelier seed`: a large, realistic dataset for measurements. One big organization
//! (`big-chain`, at least 50,000 reservations when asked for that many), up to three
//! medium ones and many small ones, each with hotels, room types, rooms, guests, stays
//! laid out without overlaps in realistic statuses, folio entries, and an owner, a
//! manager and a staff member (`<role>@<slug>.seed` / `hotelier-seed`). Deterministic
//! from fixed seeds (see [`plan`]).
//!
//! Everything is generated in memory first, then written in bulk through
//! [`TenantScope::load`] (COPY on PostgreSQL, multi-row INSERTs on SQLite) inside
//! ordinary scoped transactions, so every constraint, trigger and row-level security
//! policy checks every row:
//!
//! 1. all organizations and users, in one platform transaction;
//! 2. per organization, one tenant transaction: members, hotels, room types, rooms and
//!    guests;
//! 3. the reservations, in units (a small organization's all at once, a big or medium
//!    one's by whole hotels), one tenant transaction each;
//! 4. their folio entries, likewise.
//!
//! Between steps, PostgreSQL's statistics are refreshed, so that the foreign-key checks
//! of the next step look rows up by key (see [`super::health::update_statistics`]).
//! Steps 2 to 4 run on as many workers as there are cores on PostgreSQL; SQLite has one
//! writer, so it gets one.

mod load;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use diesel::connection::SimpleConnection;

use self::load::TenantRow;
use super::connection::DbConnection;
use super::scope::PlatformGrant;
use super::{Access, Backend, Db, DbResult, TenantScope};
use crate::domain::{TenantId, Timestamp};
use crate::seed::bulk::{self as plan, Catalogue, Tier};

pub const PASSWORD: &str = "hotelier-seed";

#[derive(Debug, Default)]
pub struct SeedReport {
    pub tenants: usize,
    pub reservations: usize,
    pub big_tenant: String,
    pub big_reservations: usize,
}

/// Seeds `tenants` organizations holding `reservations` stays in all (fewer only if
/// their rooms cannot hold that many). The first is the big one.
pub fn seed(db: &Db, tenants: usize, reservations: usize) -> anyhow::Result<SeedReport> {
    anyhow::ensure!(tenants >= 1, "seed at least one organization");
    let grant = PlatformGrant::operator();
    anyhow::ensure!(
        db.platform(&grant, Access::Read, |p| p.tenants().count())? == 0,
        "the database already has organizations"
    );
    let started = std::time::Instant::now();
    let step = |what: &str| tracing::info!(seconds = started.elapsed().as_secs_f32(), "seed: {what}");
    let hash = crate::domain::password::hash(PASSWORD)?;
    let now = Timestamp::now();
    let orgs = plan::organizations(tenants, reservations, &hash, now);
    db.platform(&grant, Access::Write, |p| {
        let tenants: Vec<_> = orgs.iter().map(|o| o.tenant.clone()).collect();
        let users: Vec<_> = orgs.iter().flat_map(|o| o.users.iter().map(|(u, _)| u.clone())).collect();
        p.load(&tenants)?;
        p.load(&users)
    })?;
    step("organizations and users written");

    let workers = workers(db);
    let made = AtomicUsize::new(0);
    let big_made = AtomicUsize::new(0);
    let stays = Mutex::new(Vec::new());
    in_parallel(workers, orgs.iter().collect(), |org| {
        let (mut catalogue, units) = plan::generate(org, now);
        let n = units.iter().map(|s| s.reservations.len()).sum();
        made.fetch_add(n, Ordering::Relaxed);
        if org.tier == Tier::Big {
            big_made.fetch_add(n, Ordering::Relaxed);
        }
        db.tenant(org.tenant.id, None, Access::Write, |t| {
            bulk_transaction(t)?;
            load_catalogue(t, &mut catalogue)
        })?;
        stays.lock().expect("not poisoned").extend(units.into_iter().map(|s| (org.tenant.id, s)));
        Ok(())
    })?;
    step("members, hotels, room types, rooms and guests written");

    // Foreign-key checks are planned once per connection and kept until the table's
    // statistics change; before the first check on a table, give it some.
    super::health::update_statistics(db)?;
    load_stays(db, workers, stays.into_inner().expect("not poisoned"), &step)?;
    super::health::analyze(db)?;
    step("vacuumed and analyzed");
    Ok(SeedReport {
        tenants,
        reservations: made.into_inner(),
        big_tenant: orgs[0].tenant.slug.clone(),
        big_reservations: big_made.into_inner(),
    })
}

/// The stays' tables, every unit in parallel, one table after another (each waits for the
/// one its foreign keys point at): reservations, nights, folio entries, tax lines,
/// invoices and their lines.
fn load_stays(
    db: &Db,
    workers: usize,
    mut stays: Vec<(TenantId, plan::Stays)>,
    step: &impl Fn(&str),
) -> anyhow::Result<()> {
    // The largest units first, so that no worker is left with a big one at the end.
    stays.sort_by_key(|(_, s)| std::cmp::Reverse(s.reservations.len()));
    let mut reservations = Vec::with_capacity(stays.len());
    let mut nights = Vec::with_capacity(stays.len());
    let mut folios = Vec::with_capacity(stays.len());
    let mut folio_taxes = Vec::with_capacity(stays.len());
    let mut invoices = Vec::with_capacity(stays.len());
    let mut invoice_lines = Vec::with_capacity(stays.len());
    for (tenant, s) in stays {
        invoices.push((tenant, s.invoices));
        invoice_lines.push((tenant, s.invoice_lines));
        reservations.push((tenant, s.reservations));
        nights.push((tenant, s.nights));
        folios.push((tenant, s.folio));
        folio_taxes.push((tenant, s.folio_taxes));
    }
    in_parallel(workers, reservations, |(tenant, mut rows)| load(db, tenant, &mut rows))?;
    step("reservations written");
    super::health::update_statistics(db)?;
    in_parallel(workers, nights, |(tenant, mut rows)| load(db, tenant, &mut rows))?;
    step("nights written");
    in_parallel(workers, folios, |(tenant, mut rows)| load(db, tenant, &mut rows))?;
    step("folio entries written");
    in_parallel(workers, folio_taxes, |(tenant, mut rows)| load(db, tenant, &mut rows))?;
    step("folio tax lines written");
    in_parallel(workers, invoices, |(tenant, mut rows)| load(db, tenant, &mut rows))?;
    in_parallel(workers, invoice_lines, |(tenant, mut rows)| load(db, tenant, &mut rows))?;
    step("invoices written");
    Ok(())
}

/// PostgreSQL: a bulk transaction need not wait for its commit to reach the disk (a
/// crash loses the seed either way). Its statement timeout is the operator commands'
/// (`Db::with_statement_timeout`, set by `main`).
fn bulk_transaction(t: &mut TenantScope<'_>) -> DbResult<()> {
    if let DbConnection::Pg(pg) = t.conn() {
        pg.batch_execute("SET LOCAL synchronous_commit = off")?;
    }
    Ok(())
}

fn load_catalogue(t: &mut TenantScope<'_>, c: &mut Catalogue) -> DbResult<()> {
    t.load(&mut c.memberships)?;
    t.load(&mut c.hotels)?;
    t.load(&mut c.room_types)?;
    t.load(&mut c.rooms)?;
    t.load(&mut c.guests)?;
    t.load(&mut c.rate_plans)?;
    t.load(&mut c.rate_plan_prices)?;
    t.load(&mut c.rate_days)?;
    t.load(&mut c.tax_rules)?;
    t.load(&mut c.companies)?;
    t.load(&mut c.invoice_counters)?;
    Ok(())
}

/// One tenant transaction that writes `rows`.
fn load<R: TenantRow>(db: &Db, tenant: TenantId, rows: &mut [R]) -> anyhow::Result<()> {
    db.tenant(tenant, None, Access::Write, |t| {
        bulk_transaction(t)?;
        t.load(rows)
    })?;
    Ok(())
}

/// How many transactions to run at once.
fn workers(db: &Db) -> usize {
    match db.backend() {
        // One writer: a second transaction would only wait for the first.
        Backend::Sqlite => 1,
        Backend::Postgres => {
            std::thread::available_parallelism().map_or(2, |n| n.get()).min(db.pool().max_size() as usize).max(1)
        }
    }
}

/// Runs `job` on every item on `workers` threads, each taking the next item when it is
/// done with one. After a failure no new item starts; the first error is returned.
fn in_parallel<T: Send>(
    workers: usize,
    items: Vec<T>,
    job: impl Fn(T) -> anyhow::Result<()> + Sync,
) -> anyhow::Result<()> {
    let queue = Mutex::new(items.into_iter());
    let failed = Mutex::new(None);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                if failed.lock().expect("not poisoned").is_some() {
                    break;
                }
                let Some(item) = queue.lock().expect("not poisoned").next() else { break };
                if let Err(e) = job(item) {
                    failed.lock().expect("not poisoned").get_or_insert(e);
                    break;
                }
            });
        }
    });
    failed.into_inner().expect("not poisoned").map_or(Ok(()), Err)
}
