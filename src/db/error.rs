//! Database errors, classified so the web layer can answer 404, 409, 422 or 503 without
//! ever looking at SQL.

use diesel::result::{DatabaseErrorKind, Error as DieselError};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// No row in the caller's scope: answers 404 (also for another tenant's id).
    #[error("record not found")]
    NotFound,
    /// The row changed since the caller read it (optimistic locking): answers 409.
    #[error("the record was changed by someone else")]
    Stale,
    /// A unique, exclusion or overlap rule refused the write: answers 409/422 by name.
    #[error("conflict on {0}")]
    Conflict(Constraint),
    /// A foreign key refused the write (a missing parent, or a delete still referenced).
    #[error("referenced record missing or still in use")]
    Reference,
    /// A CHECK constraint refused the write: the input slipped past validation.
    #[error("value refused by the database: {0}")]
    Check(String),
    /// Lost a race inside the database (deadlock victim, serialization failure): nothing
    /// was written; answers 409 asking to try again.
    #[error("the database was busy with a conflicting change")]
    Busy,
    /// No connection could be had in time, or the database is down: answers 503.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Query(DieselError),
}

/// The named rules whose violations the app turns into a message for the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Constraint {
    TenantSlug,
    UserEmail,
    Membership,
    HotelCode,
    RoomTypeCode,
    RoomNumber,
    GuestEmail,
    ConfirmationCode,
    RoomOverlap,
    RoomCharge,
    /// A folio entry is voided once.
    FolioVoid,
    RatePlanCode,
    TaxRuleCode,
    /// A plan follows only a base plan, never itself, and a plan that others follow
    /// cannot start following one (checked before the write: plans are one level deep).
    RatePlanParent,
    Other,
}

impl std::fmt::Display for Constraint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

/// PostgreSQL constraint name and the SQLite message tail for each known rule.
const KNOWN: &[(Constraint, &str, &str)] = &[
    (Constraint::TenantSlug, "tenants_slug_key", "tenants.slug"),
    (Constraint::UserEmail, "users_email_key", "users.email"),
    (
        Constraint::Membership,
        "user_tenant_associations_user_key",
        "user_tenant_associations.tenant_id, user_tenant_associations.user_id",
    ),
    (Constraint::HotelCode, "hotels_code_key", "hotels.tenant_id, hotels.code"),
    (Constraint::RatePlanCode, "rate_plans_code_key", "rate_plans.tenant_id, rate_plans.hotel_id, rate_plans.code"),
    (Constraint::TaxRuleCode, "tax_rules_code_key", "tax_rules.tenant_id, tax_rules.hotel_id, tax_rules.code"),
    (Constraint::RoomTypeCode, "room_types_code_key", "room_types.tenant_id, room_types.hotel_id, room_types.code"),
    (Constraint::RoomNumber, "rooms_number_key", "rooms.tenant_id, rooms.hotel_id, rooms.number"),
    (Constraint::GuestEmail, "guests_email_key", "guests.tenant_id, guests.email"),
    (
        Constraint::ConfirmationCode,
        "reservations_confirmation_code_key",
        "reservations.tenant_id, reservations.confirmation_code",
    ),
    (Constraint::RoomOverlap, "reservations_room_overlap", "reservations_room_overlap"),
    (
        Constraint::RoomCharge,
        "folio_entries_room_charge_key",
        "folio_entries.tenant_id, folio_entries.reservation_id, folio_entries.service_date",
    ),
    (Constraint::FolioVoid, "folio_entries_void_key", "folio_entries.tenant_id, folio_entries.voids_entry_id"),
];

fn classify(name_or_message: &str) -> Constraint {
    KNOWN
        .iter()
        .find(|(_, pg, sqlite)| name_or_message == *pg || name_or_message.ends_with(sqlite))
        .map_or(Constraint::Other, |(c, ..)| *c)
}

impl From<DieselError> for DbError {
    fn from(err: DieselError) -> Self {
        match &err {
            DieselError::NotFound => DbError::NotFound,
            DieselError::DatabaseError(kind, info) => {
                let key = info.constraint_name().unwrap_or_else(|| info.message());
                match kind {
                    DatabaseErrorKind::UniqueViolation => DbError::Conflict(classify(key)),
                    DatabaseErrorKind::ForeignKeyViolation => DbError::Reference,
                    DatabaseErrorKind::CheckViolation => DbError::Check(key.to_string()),
                    DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand => {
                        DbError::Unavailable(info.message().to_string())
                    }
                    // Two transactions waiting on each other (PostgreSQL picks a victim), or
                    // a serialization failure: nothing was written; the request may retry.
                    DatabaseErrorKind::SerializationFailure => DbError::Busy,
                    // The server went away under us (restart, failover): try again shortly.
                    _ if LOST.iter().any(|m| info.message().contains(m)) => {
                        DbError::Unavailable(info.message().trim().to_string())
                    }
                    // The statement timeout (57014): the database is too slow right now.
                    _ if info.message().contains("canceling statement due to statement timeout") => {
                        DbError::Unavailable("a statement exceeded the statement timeout".into())
                    }
                    _ if info.message().contains("deadlock detected") => DbError::Busy,
                    _ => match classify(key) {
                        // PostgreSQL's exclusion violation (23P01) and SQLite's trigger.
                        Constraint::RoomOverlap => DbError::Conflict(Constraint::RoomOverlap),
                        _ if info.message().contains("FOREIGN KEY constraint failed") => DbError::Reference,
                        _ if info.message().contains("CHECK constraint failed") => {
                            DbError::Check(info.message().to_string())
                        }
                        _ => DbError::Query(err),
                    },
                }
            }
            // A connection whose transaction state is lost (its socket died mid-way).
            DieselError::BrokenTransactionManager => DbError::Unavailable("the connection broke".into()),
            _ => DbError::Query(err),
        }
    }
}

/// What libpq and PostgreSQL say when the server stops or the socket dies.
const LOST: &[&str] = &[
    "terminating connection due to administrator command",
    "server closed the connection unexpectedly",
    "no connection to the server",
    "the database system is shutting down",
    "the database system is starting up",
    "could not receive data from server",
    "could not send data to server",
];

impl From<r2d2::Error> for DbError {
    fn from(err: r2d2::Error) -> Self {
        DbError::Unavailable(err.to_string())
    }
}

pub type DbResult<T> = Result<T, DbError>;
