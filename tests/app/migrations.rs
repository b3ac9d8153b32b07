//! Migrations apply cleanly to an empty database, revert, and apply again.

use hotelier::db::migrations;

use crate::both_backends;
use crate::support::{Backend, TestDb};

both_backends!(apply_revert_apply);

fn apply_revert_apply(backend: Backend) {
    let t = TestDb::empty(backend);
    let mut conn = t.db.checkout().unwrap();
    assert!(migrations::has_pending(&mut conn).unwrap());
    let applied = migrations::run_pending(&mut conn).expect("apply");
    assert!(!applied.is_empty());
    assert!(!migrations::has_pending(&mut conn).unwrap());
    let reverted = migrations::revert_all(&mut conn).expect("revert");
    assert_eq!(reverted.len(), applied.len());
    assert!(migrations::has_pending(&mut conn).unwrap());
    assert_eq!(migrations::run_pending(&mut conn).expect("re-apply").len(), applied.len());
}
