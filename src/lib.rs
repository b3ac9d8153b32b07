//! Hotelier: a multi-tenant hotel management admin app.
//!
//! * `db`: the only module that knows SQL; tenant isolation lives in `db::scope`.
//! * `domain`: plain types and rules with no I/O.
//! * `stays`: the operations on a stay (book, edit, status, folio, night audit).
//! * `web`: actix-web handlers and Askama pages.
//! * `startup`: builds the server, for `main` and for the tests alike.

pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod startup;
pub mod stays;
pub mod telemetry;
pub mod web;

pub use startup::Application;
