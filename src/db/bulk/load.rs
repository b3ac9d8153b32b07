//! Bulk loads: many whole rows of one table in a few statements, for the seeder and
//! import. [`TenantScope::load`] is the only way into a tenant-owned table from here, and
//! it gives every row the scope's `tenant_id`; [`PlatformScope::load`] writes the platform
//! tables (`tenants`, `users`).
//!
//! This sits above the repositories (it names their read models) and above `scope.rs`
//! (it uses only the scopes' connection and tenant), so that the scope depends on none
//! of them.

use diesel::pg::PgConnection;
use diesel::prelude::*;

use crate::db::connection::DbConnection;
use crate::db::scope::{PlatformScope, TenantScope};
use crate::db::{schema, DbResult};
use crate::domain::ids::TenantId;

/// Rows per multi-row INSERT. No table here has more than 32 columns, so one statement
/// stays under SQLite's 32,766 variables (and PostgreSQL's 65,535 parameters).
const ROWS_PER_INSERT: usize = 32_766 / 32;

/// From this many rows PostgreSQL gets COPY rather than INSERTs. Below it, the temporary
/// twin a COPY needs here (see [`copy_through_twin`]) costs more than it saves; above,
/// COPY spares most of the client's work and a good part of the server's (seeding a
/// million reservations: 5 s of client CPU instead of 26 s, about 90 s of server CPU
/// instead of 120 s).
const COPY_FROM_ROWS: usize = 100;

/// Rows per COPY on PostgreSQL: about a second of work for the widest table.
const ROWS_PER_COPY: usize = 20_000;

/// A whole row of a tenant-owned table, for [`TenantScope::load`]: the repositories'
/// read models (`Hotel`, `Reservation`, …), which derive `Insertable` for this. Their
/// `tenant_id` is overwritten with the scope's before anything is written.
pub(in crate::db) trait TenantRow: Sized {
    /// The table's name (one of [`TENANT_TABLES`](crate::db::scope::TENANT_TABLES)).
    const TABLE: &'static str;
    fn set_tenant(&mut self, tenant: TenantId);
    /// One multi-row INSERT.
    fn insert(conn: &mut DbConnection, rows: &[Self]) -> QueryResult<usize>;
    /// One binary `COPY … FROM STDIN` into whatever `TABLE` names for this session.
    fn copy(pg: &mut PgConnection, rows: &[Self]) -> QueryResult<usize>;
}

/// A whole row of a platform table (`tenants`, `users`), for [`PlatformScope::load`].
pub(in crate::db) trait PlatformRow: Sized {
    fn insert(conn: &mut DbConnection, rows: &[Self]) -> QueryResult<usize>;
}

/// The multi-row INSERT of `$rows` into `$table`, on the inner connection (the connection
/// enum has no batch insert). One row goes as a single-row INSERT, which diesel keeps as
/// a prepared statement (a multi-row one it never does): the outbox's one event, a
/// one-night stay's night.
macro_rules! insert_rows {
    ($conn:expr, $table:ident, $rows:expr) => {{
        let table = schema::$table::table;
        match ($conn, $rows) {
            (DbConnection::Pg(pg), [one]) => diesel::insert_into(table).values(one).execute(pg),
            (DbConnection::Sqlite(lite), [one]) => diesel::insert_into(table).values(one).execute(lite),
            (DbConnection::Pg(pg), rows) => diesel::insert_into(table).values(rows).execute(pg),
            (DbConnection::Sqlite(lite), rows) => diesel::insert_into(table).values(rows).execute(lite),
        }
    }};
}

macro_rules! tenant_rows {
    ($($row:ty => $table:ident),* $(,)?) => {$(
        impl TenantRow for $row {
            const TABLE: &'static str = stringify!($table);
            fn set_tenant(&mut self, tenant: TenantId) {
                self.tenant_id = tenant;
            }
            fn insert(conn: &mut DbConnection, rows: &[Self]) -> QueryResult<usize> {
                insert_rows!(conn, $table, rows)
            }
            fn copy(pg: &mut PgConnection, rows: &[Self]) -> QueryResult<usize> {
                diesel::copy_from(schema::$table::table).from_insertable(rows).execute(pg)
            }
        }
    )*};
}

macro_rules! platform_rows {
    ($($row:ty => $table:ident),* $(,)?) => {$(
        impl PlatformRow for $row {
            fn insert(conn: &mut DbConnection, rows: &[Self]) -> QueryResult<usize> {
                insert_rows!(conn, $table, rows)
            }
        }
    )*};
}

tenant_rows!(
    crate::db::memberships::Membership => user_tenant_associations,
    crate::db::hotels::Hotel => hotels,
    crate::db::room_types::RoomType => room_types,
    crate::db::rooms::Room => rooms,
    crate::db::guests::Guest => guests,
    crate::db::reservations::Reservation => reservations,
    crate::db::folio::FolioEntry => folio_entries,
    crate::db::room_blocks::RoomBlock => room_blocks,
    crate::db::rates::RatePlan => rate_plans,
    crate::db::rates::RatePlanPrice => rate_plan_prices,
    crate::db::rates::RateDay => rate_days,
    crate::db::nights::ReservationNight => reservation_nights,
    crate::db::taxes::TaxRule => tax_rules,
    crate::db::taxes::FolioTax => folio_taxes,
    crate::db::invoices::Company => companies,
    crate::db::invoices::InvoiceCounter => invoice_counters,
    crate::db::invoices::Invoice => invoices,
    crate::db::invoices::InvoiceLine => invoice_lines,
    crate::db::messages::HotelMessaging => hotel_messaging,
    crate::db::messages::Template => message_templates,
    crate::db::messages::OutboxMessage => outbox_messages,
    crate::db::messages::StayNote => stay_notes,
);
platform_rows!(crate::db::tenants::Tenant => tenants, crate::db::users::User => users);

impl TenantScope<'_> {
    /// Writes many rows of one tenant-owned table, every one with this scope's
    /// `tenant_id` (whatever the caller put there). Constraints, triggers and, on
    /// PostgreSQL, the row-level security policies apply to each row as to any insert.
    ///
    /// PostgreSQL takes all but the smallest sets through COPY (see
    /// [`copy_through_twin`]); those, and SQLite, get multi-row INSERTs.
    pub(in crate::db) fn load<R: TenantRow>(&mut self, rows: &mut [R]) -> DbResult<usize> {
        let tenant = self.tenant_id();
        for row in rows.iter_mut() {
            row.set_tenant(tenant);
        }
        let mut written = 0;
        match self.conn() {
            DbConnection::Pg(pg) if rows.len() >= COPY_FROM_ROWS => {
                for chunk in rows.chunks(ROWS_PER_COPY) {
                    written += copy_through_twin(pg, chunk)?;
                }
            }
            conn => {
                for chunk in rows.chunks(ROWS_PER_INSERT) {
                    written += R::insert(conn, chunk)?;
                }
            }
        }
        Ok(written)
    }
}

impl PlatformScope<'_> {
    /// Writes many rows of a platform table with multi-row INSERTs.
    pub(in crate::db) fn load<R: PlatformRow>(&mut self, rows: &[R]) -> DbResult<usize> {
        let mut written = 0;
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            written += R::insert(self.conn(), chunk)?;
        }
        Ok(written)
    }
}

/// PostgreSQL refuses `COPY … FROM` into a table under row-level security ("COPY FROM not
/// supported with row-level security"), and every tenant-owned table is, FORCEd. So the
/// rows take a detour through a temporary twin of the table:
///
/// 1. `CREATE TEMPORARY TABLE t (LIKE t …)`: the twin takes the table's own name, and a
///    temporary table comes first in the search path, so for this session `t` now means
///    the twin;
/// 2. the binary COPY, which names `t`, fills the twin;
/// 3. renamed, the twin stops hiding the table;
/// 4. one `INSERT INTO t SELECT * FROM` the twin moves the rows in, through the policies'
///    WITH CHECK, every constraint and every trigger, as any insert;
/// 5. the twin is dropped (and `ON COMMIT DROP` covers a failure in between, which aborts
///    the transaction anyway).
///
/// Nothing else runs on the connection between 1 and 3. (A `search_path` that lists
/// `pg_temp` after the table's schema would send the COPY to the table itself: refused as
/// above for the app role, or written there directly for a role that bypasses row-level
/// security.)
fn copy_through_twin<R: TenantRow>(pg: &mut PgConnection, rows: &[R]) -> DbResult<usize> {
    use diesel::connection::SimpleConnection;
    // `TABLE` is one of our own constant table names, so formatting it in is safe.
    let table = R::TABLE;
    let twin = format!("bulk_load_{table}");
    pg.batch_execute(&format!("CREATE TEMPORARY TABLE {table} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP"))?;
    R::copy(pg, rows)?;
    pg.batch_execute(&format!("ALTER TABLE pg_temp.{table} RENAME TO {twin}"))?;
    let moved = diesel::sql_query(format!("INSERT INTO {table} SELECT * FROM pg_temp.{twin}")).execute(pg)?;
    pg.batch_execute(&format!("DROP TABLE pg_temp.{twin}"))?;
    Ok(moved)
}
