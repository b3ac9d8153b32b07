//! Plain types and rules with no I/O: ids, enum-like values, money, stays, validation.

pub mod analytics;
pub mod availability;
pub mod booking;
pub mod enums;
pub mod ids;
pub mod kpi;
pub mod lifecycle;
pub mod message;
pub mod messages;
pub mod money;
pub mod onboarding;
pub mod password;
pub mod plans;
pub mod rates;
pub mod roles;
pub mod settings;
pub mod stay;
pub mod tax;
pub mod text;
pub mod values;

pub use enums::*;
pub use ids::*;
pub use values::{JsonValue, Timestamp};
