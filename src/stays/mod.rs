//! Operations on a stay: book, edit the stay, assign a room, each status transition,
//! post to and void on the folio, take a room off sale for some nights, and the night
//! audit. The one home of the front desk's rules.
//!
//! Every operation takes a [`TenantScope`] (the request's one transaction), an [`Actor`]
//! (who acts, with which rights, for the audit log) and a typed command, and returns a
//! typed outcome or a [`StayError`]. A refusal is an `Err`, so the caller's transaction
//! rolls back and a refused operation writes nothing. Web handlers (pages and kiosk) and
//! the command line only parse input, call one of these and render the answer.
//!
//! May use: `db` (through the scope), `domain`. Never `web`.

pub mod availability;
mod blocks;
mod booking;
mod edit;
mod folio;
pub mod invoicing;
pub mod messages;
mod night_audit;
pub mod policy;
pub mod rates;
mod refused;
mod status;
pub mod taxes;
mod view;

pub use blocks::{
    block_room, end_block, BlockOutcome, BlockRequest, BLOCK_NEEDS_REASON, BLOCK_REASON_MAX, MAX_BLOCK_NIGHTS,
};
pub use booking::{book, check_request, offers, Booking, GuestChoice, Offer, Stay};
pub use edit::{edit, Edited, StayEdit};
pub use folio::{post, void, Posting, VOID_REASON_MAX};
pub use invoicing::{BillTo, Issue};
pub use night_audit::{business_day, night_audit, NightAuditReport};
pub use policy::Terms;
pub use rates::{change_calendar, price_stay, sales, CalendarChange, RateBook, Sale};
pub use refused::Refused;
pub use status::{
    agreed_price, assign_room, charges_due, nights_slept, transition, Change, InvoiceChoice, PenaltyChoice,
};
pub use view::{RoomToday, StayView};

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
    /// The actor's role (and grants) do not include a right it needs.
    #[error(transparent)]
    Missing(#[from] Missing),
    /// Not found (another tenant's id included), stale, a constraint, or the database.
    #[error(transparent)]
    Db(#[from] DbError),
}

pub type StayResult<T> = Result<T, StayError>;

/// A right the actor lacks, with the colleagues who have it, so that the desk knows whom
/// to ask.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::Tr::english().msg(&self.msg()))]
pub struct Missing {
    pub cap: Capability,
    /// The active members who have it, by name (at most a few).
    pub holders: Vec<String>,
    /// How many more have it.
    pub more: usize,
}

impl Missing {
    /// The most names a refusal lists.
    const NAMES: usize = 3;

    /// The message the desk reads: the right, and whom to ask (`rule-missing-*`).
    pub fn msg(&self) -> crate::domain::message::Msg {
        use crate::domain::message::{Labelled, Msg};
        let right = self.cap.label_msg();
        if self.holders.is_empty() {
            return Msg::new("rule-missing-nobody").arg("right", right);
        }
        let key = if self.more > 0 { "rule-missing-holders-more" } else { "rule-missing-holders" };
        Msg::new(key).arg("right", right).arg("names", self.holders.join(", ")).arg("more", self.more)
    }
}

/// Refuses unless `actor` may `cap`, naming who may.
pub fn require(s: &mut TenantScope<'_>, actor: &impl Actor, cap: Capability) -> StayResult<()> {
    if actor.can(cap) {
        return Ok(());
    }
    let now = crate::domain::Timestamp::now();
    let mut holders: Vec<String> = s
        .memberships()
        .list()?
        .into_iter()
        .filter(|(m, u)| m.is_usable(now) && u.is_active)
        .filter(|(m, _)| crate::domain::roles::Grants { role: m.role, extra: m.permissions() }.allows(cap))
        .map(|(_, u)| u.full_name)
        .collect();
    holders.sort();
    let more = holders.len().saturating_sub(Missing::NAMES);
    holders.truncate(Missing::NAMES);
    Err(Missing { cap, holders, more }.into())
}

/// The hotel's calendar date now.
fn today_at(hotel: &crate::db::hotels::Hotel) -> chrono::NaiveDate {
    crate::domain::booking::today_in(&hotel.timezone, chrono::Utc::now())
}

/// The hotel's clock now (its local date and time).
pub fn now_at(hotel: &crate::db::hotels::Hotel) -> chrono::NaiveDateTime {
    let tz: chrono_tz::Tz = hotel.timezone.parse().unwrap_or(chrono_tz::UTC);
    chrono::Utc::now().with_timezone(&tz).naive_local()
}

/// The organization's own words, for what the stays write in its name (a penalty's line
/// on the folio): its locale's language and its currency.
fn org_words(t: &Tenant) -> crate::i18n::Tr {
    crate::i18n::Tr::new(crate::i18n::for_user(None, Some(&t.locale)), crate::i18n::Currency::of(&t.currency))
}
