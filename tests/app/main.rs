//! The one integration test binary. Each suite runs on SQLite and, when one is available,
//! PostgreSQL (see `support`).

mod support;

mod account;
mod browser;
mod catalog;
mod faults;
mod foreign_keys;
mod isolation_health;
mod messages;
mod migrations;
mod replicas;
mod reservations;
mod rls;
mod scope_isolation;
mod seed;
mod sellable;
mod smoke;
mod source_scan;
mod telemetry;
mod transfer;
mod versioned;
mod web;
