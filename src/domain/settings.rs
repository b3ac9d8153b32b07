//! An organization's settings, kept as JSON in `tenants.settings` and read through this
//! typed form, with a default for every field so older rows keep working.

use serde::{Deserialize, Serialize};

use super::enums::PaymentMethod;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TenantSettings {
    /// Local time guests may arrive from, `HH:MM`.
    pub check_in_time: String,
    /// Local time guests leave by, `HH:MM`.
    pub check_out_time: String,
    /// How far above sellable rooms a room type may be booked, 0–50.
    pub overbooking_percent: u32,
    pub cancellation_policy: String,
    pub payment_methods: Vec<PaymentMethod>,
    /// Local time the night audit is expected to run, `HH:MM`.
    pub night_audit_time: String,
    /// Minutes without a touch before the kiosk locks.
    pub kiosk_idle_minutes: u32,
    /// Languages the organization works in, as BCP 47 tags.
    pub languages: Vec<String>,
    /// Desk staff may unlock a kiosk they locked with their PIN (an owner turns it on).
    pub kiosk_pin: bool,
    /// The name the organization trades under on its invoices, when not its own name.
    pub legal_name: String,
    /// Its tax registration (VAT number, CNPJ, EIN…), printed on its invoices.
    pub tax_id: String,
}

impl Default for TenantSettings {
    fn default() -> Self {
        Self {
            check_in_time: "15:00".into(),
            check_out_time: "11:00".into(),
            overbooking_percent: 0,
            cancellation_policy: "Free cancellation until 24 hours before arrival.".into(),
            payment_methods: vec![PaymentMethod::Cash, PaymentMethod::Card],
            night_audit_time: "03:00".into(),
            kiosk_idle_minutes: 5,
            languages: vec!["en".into()],
            kiosk_pin: false,
            legal_name: String::new(),
            tax_id: String::new(),
        }
    }
}

impl TenantSettings {
    /// Reads settings from the stored JSON; unknown or malformed fields fall back to
    /// their defaults rather than locking the organization out.
    pub fn from_json(value: &serde_json::Value) -> Self {
        serde_json::from_value(value.clone()).unwrap_or_default()
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}
