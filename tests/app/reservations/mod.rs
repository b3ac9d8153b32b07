//! Reservations and the front desk, driven over HTTP the way a desk drives them: the
//! booking flow and its refusals, availability as the search page shows it, races for
//! the last room, every status action, the folio, the night audit (button and CLI) and
//! the hotel's own "today". Each suite runs on both backends on `web::world` (two
//! organizations with one member per role; both hotels on UTC unless a test moves one).
//!
//! Their helpers (stays added straight into the database, readers of what a page shows)
//! live in `crate::support::stays`.

mod blocks;
mod booking;
mod concurrency;
mod desk;
mod double_booking;
mod invoices;
mod lists;
mod night_audit;
mod policies;
mod rates;
mod tape_chart;
mod taxes;
mod today;
mod voids;

// The helpers' old home, kept so that suites written against `crate::reservations::…`
// still resolve.
#[allow(unused_imports)]
pub use crate::support::*;
