//! Hotelier: a multi-tenant hotel management admin app.
//!
//! * `cli`: the `hotelier` commands, one function each; `config`: settings from flags.
//! * `db`: the only module that knows SQL; tenant isolation lives in `db::scope`.
//! * `domain`: plain types and rules with no I/O.
//! * `stays`: the operations on a stay (book, edit, status, folio, night audit).
//! * `web`: actix-web handlers and Askama pages.
//! * `mailer`: the outbox worker, sending guest messages through SMTP exactly once.
//! * `seed`: demo and bulk data generators, written through `db`'s public API.
//! * `startup`: builds the server, for `main` and for the tests alike.

pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod i18n;
pub mod mailer;
pub mod seed;
pub mod startup;
pub mod stays;
pub mod telemetry;
pub mod web;

pub use startup::Application;
