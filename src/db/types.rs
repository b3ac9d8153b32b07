//! Custom SQL types that `MultiBackend` lacks, each stored natively on PostgreSQL and as
//! text on SQLite:
//!
//! | sql type | PostgreSQL    | SQLite                         | Rust                 |
//! |----------|---------------|--------------------------------|----------------------|
//! | `Id`     | `uuid`        | `TEXT`, hyphenated             | id newtypes, `Uuid`  |
//! | `UtcTime`| `timestamptz` | `TEXT`, RFC 3339 with µs + `Z` | `Timestamp`          |
//! | `Json`   | `jsonb`       | `TEXT`                         | `JsonValue`          |
//!
//! The SQLite text forms sort the same way as the values, so range filters and ORDER BY
//! behave alike on both backends.

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use diesel::deserialize::{self, FromSql};
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::HasSqlType;
use diesel::sqlite::{Sqlite, SqliteValue};
use std::io::Write;
use uuid::Uuid;

use crate::domain::values::{JsonValue, Timestamp};

pub use super::connection::MultiBackend;

pub mod sql {
    /// A UUID: `uuid` on PostgreSQL, hyphenated `TEXT` on SQLite.
    #[derive(diesel::SqlType, diesel::QueryId, Clone, Copy, Debug, Default)]
    #[diesel(postgres_type(oid = 2950, array_oid = 2951))]
    #[diesel(sqlite_type(name = "Text"))]
    pub struct Id;

    /// A UTC instant: `timestamptz` on PostgreSQL, RFC 3339 `TEXT` on SQLite.
    #[derive(diesel::SqlType, diesel::QueryId, Clone, Copy, Debug, Default)]
    #[diesel(postgres_type(oid = 1184, array_oid = 1185))]
    #[diesel(sqlite_type(name = "Text"))]
    pub struct UtcTime;

    /// A JSON document: `jsonb` on PostgreSQL, `TEXT` on SQLite.
    #[derive(diesel::SqlType, diesel::QueryId, Clone, Copy, Debug, Default)]
    #[diesel(postgres_type(oid = 3802, array_oid = 3807))]
    #[diesel(sqlite_type(name = "Text"))]
    pub struct Json;
}

/// Implements `HasSqlType` and the `ToSql`/`FromSql` forwarding to the inner backend for
/// one custom SQL type and one Rust type, given the per-backend impls exist.
macro_rules! multi_backend_type {
    ($sql:ty => $rust:ty) => {
        impl ToSql<$sql, MultiBackend> for $rust {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                out.set_value((<$sql>::default(), self));
                Ok(IsNull::No)
            }
        }
        impl FromSql<$sql, MultiBackend> for $rust {
            fn from_sql(bytes: <MultiBackend as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                bytes.from_sql::<Self, $sql>()
            }
        }
    };
}

// Both forms order like time (the SQLite text is fixed-width), so MIN/MAX are meaningful.
impl diesel::sql_types::SqlOrd for sql::UtcTime {}

macro_rules! multi_backend_sql_type {
    ($($sql:ty),*) => {$(
        impl HasSqlType<$sql> for MultiBackend {
            fn metadata(lookup: &mut Self::MetadataLookup) -> Self::TypeMetadata {
                MultiBackend::lookup_sql_type::<$sql>(lookup)
            }
        }
    )*};
}
multi_backend_sql_type!(sql::Id, sql::UtcTime, sql::Json);

// ---- Id ---------------------------------------------------------------------------

impl ToSql<sql::Id, Pg> for Uuid {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        out.write_all(self.as_bytes())?;
        Ok(IsNull::No)
    }
}
impl FromSql<sql::Id, Pg> for Uuid {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        Ok(Uuid::from_slice(value.as_bytes())?)
    }
}
impl ToSql<sql::Id, Sqlite> for Uuid {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.hyphenated().to_string());
        Ok(IsNull::No)
    }
}
impl FromSql<sql::Id, Sqlite> for Uuid {
    fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<diesel::sql_types::Text, Sqlite>>::from_sql(value)?;
        Ok(Uuid::parse_str(&text)?)
    }
}
multi_backend_type!(sql::Id => Uuid);

/// Gives the id newtypes (declared in `domain::ids` with `AsExpression`/`FromSqlRow`) the
/// same SQL behaviour as `Uuid`.
macro_rules! id_newtype_sql {
    ($($name:ty),* $(,)?) => {$(
        impl ToSql<sql::Id, Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <Uuid as ToSql<sql::Id, Pg>>::to_sql(self.as_uuid(), out)
            }
        }
        impl FromSql<sql::Id, Pg> for $name {
            fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
                <Uuid as FromSql<sql::Id, Pg>>::from_sql(value).map(Self::from_uuid)
            }
        }
        impl ToSql<sql::Id, Sqlite> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                out.set_value(self.as_uuid().hyphenated().to_string());
                Ok(IsNull::No)
            }
        }
        impl FromSql<sql::Id, Sqlite> for $name {
            fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
                <Uuid as FromSql<sql::Id, Sqlite>>::from_sql(value).map(Self::from_uuid)
            }
        }
        multi_backend_type!(sql::Id => $name);
    )*};
}

use crate::domain::ids::{
    AssociationId, AuditId, CompanyId, FolioEntryId, GuestId, HotelId, InvoiceId, MessageId, NoteId, RatePlanId,
    ReservationId, RoomBlockId, RoomId, RoomTypeId, TaxRuleId, TenantId, UserId,
};
id_newtype_sql!(
    TenantId,
    UserId,
    AssociationId,
    HotelId,
    RoomTypeId,
    RoomId,
    GuestId,
    ReservationId,
    FolioEntryId,
    RoomBlockId,
    RatePlanId,
    TaxRuleId,
    CompanyId,
    InvoiceId,
    MessageId,
    NoteId,
    AuditId
);

// ---- UtcTime ----------------------------------------------------------------------

/// The SQLite text form: fixed width, so that text order is time order.
pub fn utc_text(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

impl ToSql<sql::UtcTime, Pg> for Timestamp {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <DateTime<Utc> as ToSql<diesel::sql_types::Timestamptz, Pg>>::to_sql(&self.0, out)
    }
}
impl FromSql<sql::UtcTime, Pg> for Timestamp {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        <DateTime<Utc> as FromSql<diesel::sql_types::Timestamptz, Pg>>::from_sql(value).map(Timestamp)
    }
}
impl ToSql<sql::UtcTime, Sqlite> for Timestamp {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(utc_text(&self.0));
        Ok(IsNull::No)
    }
}
impl FromSql<sql::UtcTime, Sqlite> for Timestamp {
    fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<diesel::sql_types::Text, Sqlite>>::from_sql(value)?;
        if let Ok(t) = DateTime::parse_from_rfc3339(&text) {
            return Ok(Timestamp(t.with_timezone(&Utc)));
        }
        // SQLite's own CURRENT_TIMESTAMP form, for rows written by hand.
        Ok(Timestamp(NaiveDateTime::parse_from_str(&text, "%Y-%m-%d %H:%M:%S%.f")?.and_utc()))
    }
}
multi_backend_type!(sql::UtcTime => Timestamp);

// ---- Json -------------------------------------------------------------------------

const JSONB_VERSION: u8 = 1;

impl ToSql<sql::Json, Pg> for JsonValue {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        out.write_all(&[JSONB_VERSION])?;
        serde_json::to_writer(out, &self.0)?;
        Ok(IsNull::No)
    }
}
impl FromSql<sql::Json, Pg> for JsonValue {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        match value.as_bytes().split_first() {
            Some((&JSONB_VERSION, body)) => Ok(JsonValue(serde_json::from_slice(body)?)),
            _ => Err("unsupported jsonb encoding".into()),
        }
    }
}
impl ToSql<sql::Json, Sqlite> for JsonValue {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(serde_json::to_string(&self.0)?);
        Ok(IsNull::No)
    }
}
impl FromSql<sql::Json, Sqlite> for JsonValue {
    fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<diesel::sql_types::Text, Sqlite>>::from_sql(value)?;
        Ok(JsonValue(serde_json::from_str(&text)?))
    }
}
multi_backend_type!(sql::Json => JsonValue);
