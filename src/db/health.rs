//! Checks on the database itself: is it answering, and would row-level security apply
//! to the role the app connects as.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

use super::connection::DbConnection;
use super::{Db, DbResult};

/// What PostgreSQL says of the role the app is connected as.
#[derive(QueryableByName, Clone, Debug, PartialEq, Eq)]
pub struct RoleInfo {
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Bool)]
    pub is_superuser: bool,
    #[diesel(sql_type = Bool)]
    pub bypasses_rls: bool,
}

impl RoleInfo {
    /// Row-level security does nothing for a superuser or a BYPASSRLS role.
    pub fn defeats_rls(&self) -> bool {
        self.is_superuser || self.bypasses_rls
    }
}

/// The current role on PostgreSQL; `None` on SQLite, which has no roles.
pub fn current_role(conn: &mut DbConnection) -> DbResult<Option<RoleInfo>> {
    match conn {
        DbConnection::Pg(pg) => Ok(Some(
            diesel::sql_query(
                "SELECT rolname::text AS name, rolsuper AS is_superuser, rolbypassrls AS bypasses_rls \
                 FROM pg_roles WHERE rolname = current_user",
            )
            .get_result(pg)?,
        )),
        DbConnection::Sqlite(_) => Ok(None),
    }
}

impl Db {
    /// `/readyz`: a connection can be had and answers.
    pub fn ping(&self) -> DbResult<()> {
        let mut conn = self.checkout()?;
        conn.batch_execute("SELECT 1")?;
        Ok(())
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

impl super::TenantScope<'_> {
    /// Counts the rows of a tenant-owned table that this transaction can see *without*
    /// the scope's tenant filter: what row-level security alone allows. On PostgreSQL
    /// with RLS in force it equals the tenant's own count; the isolation health check and
    /// the RLS tests use it. `None` for a name that is not a tenant-owned table.
    pub fn rls_visible_rows(&mut self, table: &str) -> DbResult<Option<i64>> {
        if !super::scope::TENANT_TABLES.contains(&table) {
            return Ok(None);
        }
        // `table` is one of our own constant names, so formatting it in is safe.
        let count: Count = diesel::sql_query(format!("SELECT count(*) AS n FROM {table}")).get_result(self.conn())?;
        Ok(Some(count.n))
    }
}

/// Refreshes the planner's statistics and the visibility map of the app's tables after
/// a bulk load (PostgreSQL; SQLite's planner needs none here). Autovacuum would get
/// there, but not before the first requests; until then counts read the whole heap.
pub fn analyze(db: &Db) -> DbResult<()> {
    maintain(db, "VACUUM (ANALYZE)")
}

/// Refreshes only the planner's statistics (PostgreSQL), during a bulk load: a
/// connection plans each foreign-key check once and keeps the plan until the table's
/// statistics change, and a plan made while a table had none (never analyzed, or
/// analyzed empty) scans all of a tenant's rows for each check instead of looking one
/// up by its key.
pub fn update_statistics(db: &Db) -> DbResult<()> {
    maintain(db, "ANALYZE")
}

fn maintain(db: &Db, command: &str) -> DbResult<()> {
    let mut conn = db.checkout()?;
    if let DbConnection::Pg(pg) = &mut *conn {
        let tables = super::scope::TENANT_TABLES
            .iter()
            .chain(super::scope::PLATFORM_TABLES)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        // The names are our own constants.
        pg.batch_execute(&format!("{command} {tables}"))?;
    }
    Ok(())
}
