//! Operations on a stay: book, edit the stay, assign a room, each status transition,
//! post to the folio, and the night audit. The one home of the front desk's rules.
//!
//! Every operation takes a [`TenantScope`] (the request's one transaction), an [`Actor`]
//! (who acts, with which rights, for the audit log) and a typed command, and returns a
//! typed outcome or a [`StayError`]. A refusal is an `Err`, so the caller's transaction
//! rolls back and a refused operation writes nothing. Web handlers (pages and kiosk) and
//! the command line only parse input, call one of these and render the answer.
//!
//! May use: `db` (through the scope), `domain`. Never `web`.

pub mod availability;
mod booking;
mod edit;
mod folio;
mod night_audit;
mod refused;
mod status;
mod view;

pub use booking::{book, check_request, offers, Booking, GuestChoice, Offer, Stay};
pub use edit::{edit, StayEdit};
pub use folio::{post, Posting};
pub use night_audit::{business_day, night_audit, NightAuditReport};
pub use refused::Refused;
pub use status::{assign_room, charges_due, nights_slept, transition, Change};
pub use view::StayView;

use crate::db::audit::Event;
use crate::db::tenants::Tenant;
use crate::db::{DbError, TenantScope};
use crate::domain::roles::Capability;

/// Who performs an operation: their rights in the organization, the organization itself,
/// and how their actions are written to the audit log.
pub trait Actor {
    /// The member's role (or an extra grant) allows `cap`.
    fn can(&self, cap: Capability) -> bool;
    /// The organization the operation runs in (its settings, currency and locale).
    fn tenant(&self) -> &Tenant;
    /// Records `event` as this actor's.
    fn audit(&self, s: &mut TenantScope<'_>, event: Event) -> Result<(), DbError>;
}

/// Why an operation did not happen. Each is an `Err`: the transaction rolls back.
#[derive(Debug, thiserror::Error)]
pub enum StayError {
    /// A rule of the front desk said no; the message tells the desk what to do.
    #[error(transparent)]
    Refused(#[from] Refused),
    /// The actor's role does not allow it.
    #[error("forbidden")]
    Forbidden,
    /// Not found (another tenant's id included), stale, a constraint, or the database.
    #[error(transparent)]
    Db(#[from] DbError),
}

pub type StayResult<T> = Result<T, StayError>;

/// The hotel's calendar date now.
fn today_at(hotel: &crate::db::hotels::Hotel) -> chrono::NaiveDate {
    crate::domain::booking::today_in(&hotel.timezone, chrono::Utc::now())
}
