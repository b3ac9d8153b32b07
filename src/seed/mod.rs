//! Data generators: the demo data of `serve --demo` and the large dataset of `hotelier
//! seed`. They decide what to write and hand it to the database layer's public API
//! (the scopes' `create` functions, and [`crate::db::TenantScope::load`] for bulk rows);
//! they know no SQL.
//!
//! * [`demo`]: three organizations with about two thousand bookings around today.
//! * [`bulk`]: the plan of `hotelier seed`, written by [`crate::db::bulk::seed`].

pub mod bulk;
pub mod demo;
mod invoices;
pub mod rates;
pub mod taxes;
