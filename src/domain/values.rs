//! Value newtypes stored through the custom SQL types of `db::types`: an instant in UTC
//! and a JSON document. Newtypes, because Rust's orphan rule keeps diesel's
//! `AsExpression` off foreign types.

use chrono::{DateTime, Utc};
use std::ops::Deref;

/// An instant in UTC: `timestamptz` on PostgreSQL, RFC 3339 text on SQLite.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = crate::db::sql::UtcTime)]
#[serde(transparent)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    pub fn now() -> Self {
        Self(Utc::now())
    }
}

impl Deref for Timestamp {
    type Target = DateTime<Utc>;
    fn deref(&self) -> &DateTime<Utc> {
        &self.0
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(t: DateTime<Utc>) -> Self {
        Self(t)
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.format("%Y-%m-%d %H:%M UTC").fmt(f)
    }
}

/// A JSON document: `jsonb` on PostgreSQL, text on SQLite.
#[derive(
    Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize, diesel::AsExpression, diesel::FromSqlRow,
)]
#[diesel(sql_type = crate::db::sql::Json)]
#[serde(transparent)]
pub struct JsonValue(pub serde_json::Value);

impl Deref for JsonValue {
    type Target = serde_json::Value;
    fn deref(&self) -> &serde_json::Value {
        &self.0
    }
}

impl From<serde_json::Value> for JsonValue {
    fn from(v: serde_json::Value) -> Self {
        Self(v)
    }
}
