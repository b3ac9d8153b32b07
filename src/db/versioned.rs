//! How a write that names one row by id ends: optimistic locking for the versioned
//! updates (`UPDATE … WHERE id = ? AND version = ?`), and "not found" for the rest.
//!
//! An update that changed nothing has two causes that the caller must tell apart: the
//! row is not there (or belongs to another tenant, which the scope hides): `NotFound`,
//! 404; or someone saved it first: `Stale`, 409. [`saved`] asks which, every time.

use super::{DbError, DbResult};

/// The end of a versioned update: `changed` is what the UPDATE reported, `reread` loads
/// the row by id in the same scope. A missing row answers `NotFound`, a row at another
/// version `Stale`; otherwise the row as saved.
pub(super) fn saved<T>(changed: usize, reread: impl FnOnce() -> DbResult<T>) -> DbResult<T> {
    let row = reread()?;
    if changed == 0 {
        return Err(DbError::Stale);
    }
    Ok(row)
}

/// The end of an unversioned update or a delete by id: nothing changed means the row is
/// not there (in this scope).
pub(super) fn found(changed: usize) -> DbResult<()> {
    match changed {
        0 => Err(DbError::NotFound),
        _ => Ok(()),
    }
}
