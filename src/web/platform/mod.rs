//! `/platform`: the super-admin console. Organizations with their counts and last
//! activity, and each organization's users and audit trail, with a button to switch
//! in. Anyone who is not an active super admin (checked in the database on every
//! request, by [`PlatformCtx`](crate::web::extract::PlatformCtx)) gets 404, so the
//! console's existence does not leak.
//!
//! * [`console`]: the organization list and pages, status and plan changes, export.
//! * [`onboarding`]: creating an organization with its owner and first hotel.
//! * [`analytics`], [`health`]: platform-wide figures and the isolation report.

pub mod analytics;
pub mod console;
pub mod health;
pub mod onboarding;

pub use console::{change_plan, change_status, export, index, org};
pub use onboarding::{create, new_form};
