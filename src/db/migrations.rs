//! Embedded migrations, one set per backend; the right one runs at start.

use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use super::connection::DbConnection;

const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");
const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

pub type MigrationError = Box<dyn std::error::Error + Send + Sync>;

/// Applies what is pending and returns the versions applied.
pub fn run_pending(conn: &mut DbConnection) -> Result<Vec<String>, MigrationError> {
    let applied = match conn {
        DbConnection::Pg(pg) => pg.run_pending_migrations(POSTGRES)?,
        DbConnection::Sqlite(lite) => lite.run_pending_migrations(SQLITE)?,
    };
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// Reverts every applied migration (used by the migration tests).
pub fn revert_all(conn: &mut DbConnection) -> Result<Vec<String>, MigrationError> {
    let reverted = match conn {
        DbConnection::Pg(pg) => pg.revert_all_migrations(POSTGRES)?,
        DbConnection::Sqlite(lite) => lite.revert_all_migrations(SQLITE)?,
    };
    Ok(reverted.iter().map(ToString::to_string).collect())
}

pub fn has_pending(conn: &mut DbConnection) -> Result<bool, MigrationError> {
    Ok(match conn {
        DbConnection::Pg(pg) => pg.has_pending_migration(POSTGRES)?,
        DbConnection::Sqlite(lite) => lite.has_pending_migration(SQLITE)?,
    })
}
