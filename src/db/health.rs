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
