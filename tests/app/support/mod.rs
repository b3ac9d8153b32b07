//! Test harness, the one home of the helpers every suite shares: fresh databases per
//! test on both backends (`db`), fixtures with two tenants (`fixtures`), the fixture
//! world of the HTTP suites with one member per role (`world`), the real app on a random
//! port and a small cookie-jar client that drives it (`http`), and the stays, forms and
//! page readers of the reservation suites (`stays`). Everything is re-exported here, so
//! a suite imports `crate::support::{…}`.
//!
//! PostgreSQL: `HOTELIER_TEST_PG_URL` names an admin URL (a role that may create roles
//! and databases). Without it, a throwaway cluster is started from local PostgreSQL
//! binaries when the tests do not run as root. Otherwise the PostgreSQL tests print that
//! they were skipped; under `CI=true` a skip is a failure.
//!
//! Each PostgreSQL test gets its own database, cloned from a template migrated once per
//! test process, owned by and connected as `hotelier_test_app`: a role with neither
//! SUPERUSER nor BYPASSRLS, so row-level security is live in every PostgreSQL test.

#![allow(dead_code)]

pub mod cluster;
mod db;
mod fixtures;
mod http;
mod smtp;
mod stays;
mod world;

pub use db::*;
pub use fixtures::*;
pub use http::*;
pub use smtp::*;
pub use stays::*;
pub use world::*;

pub const APP_ROLE: &str = "hotelier_test_app";
pub const APP_PASSWORD: &str = "hotelier-test-app";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Generates `NAME::sqlite` and `NAME::postgres` tests from `fn NAME(backend: Backend)`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[test]
            fn sqlite() {
                super::$name($crate::support::Backend::Sqlite)
            }
            #[test]
            fn postgres() {
                if $crate::support::postgres_available() {
                    super::$name($crate::support::Backend::Postgres)
                }
            }
        }
    )*};
}

/// Like `both_backends!` for `async fn NAME(backend: Backend)`.
#[macro_export]
macro_rules! both_backends_async {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::support::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::support::postgres_available() {
                    super::$name($crate::support::Backend::Postgres).await
                }
            }
        }
    )*};
}

/// Only SQLite (what only an embedded database does).
#[macro_export]
macro_rules! sqlite_only {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[test]
            fn sqlite() {
                super::$name()
            }
        }
    )*};
}

/// Only PostgreSQL; skipped (or failed under CI) when none is available.
#[macro_export]
macro_rules! postgres_only {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[test]
            fn postgres() {
                if $crate::support::postgres_available() {
                    super::$name()
                }
            }
        }
    )*};
}
