//! HTTP-level suites: the real app on a random port, driven the way a browser (or an
//! attacker with a browser) drives it. Their helpers (the fixture world, the cookie-jar
//! client, probe bodies, database snapshots) live in `crate::support`.

mod audit_log;
mod auth;
mod csrf;
mod export;
mod forms;
mod hostile;
mod hostile_props;
mod instances;
mod isolation;
mod kiosk;
mod kiosk_pin;
mod languages;
mod lifecycle;
mod members;
mod metrics;
mod onboarding;
mod plans;
mod platform;
mod roles;
mod sessions;
mod switch;
mod tenant_cache;
mod typed_paths;

// The helpers' old home, kept so that suites written against `crate::web::…` or
// `super::…` still resolve.
#[allow(unused_imports)]
pub use crate::support::*;
