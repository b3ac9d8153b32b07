//! The typed refusals of the stay operations, each with the message the desk sees.

use chrono::NaiveDate;

use crate::domain::booking::StayProblem;
use crate::domain::message::{Labelled, Msg};
use crate::domain::rates::RateRefusal;
use crate::domain::stay::{Action, Refusal};
use crate::domain::{HousekeepingStatus, ReservationStatus};
use crate::i18n::Tr;

impl Refused {
    /// The message the desk reads, from the catalogue (`rule-*`): amounts in the
    /// organization's currency, dates as they are typed (`2026-05-10`).
    pub fn msg(&self) -> Msg {
        match self {
            Self::Stay(problem) => problem.msg(),
            Self::SoldOut { room_type, check_in, check_out } => Msg::new("rule-sold-out")
                .arg("room_type", room_type)
                .arg("check_in", check_in.to_string())
                .arg("check_out", check_out.to_string()),
            Self::RoomNotSellable(number) => Msg::new("rule-room-not-sellable").arg("number", number),
            Self::RoomTaken(number) => Msg::new("rule-room-taken").arg("number", number),
            Self::Closed(status) => Msg::new("rule-closed").arg("status", status.as_str()),
            Self::Transition(refusal) => refusal.msg(),
            Self::NoAction => Msg::new("rule-no-action"),
            Self::NeedsReason(action) => Msg::new("rule-needs-reason").arg("action", action.label_msg()),
            Self::NoRoom => Msg::new("rule-no-room"),
            Self::RoomNotReady { number, status } => {
                Msg::new("rule-room-not-ready").arg("number", number).arg("status", status.as_str())
            }
            Self::RoomNotForStay(number) => Msg::new("rule-room-not-for-stay").arg("number", number),
            Self::OpenBalance { owed, may_override, .. } => {
                let key = if *may_override { "rule-open-balance-override" } else { "rule-open-balance-ask-manager" };
                Msg::new(key).money("amount", *owed)
            }
            Self::Posting { message, .. } | Self::Block { message, .. } | Self::Calendar { message, .. } => {
                message.clone()
            }
            Self::FolioClosed => Msg::new("rule-folio-closed"),
            Self::VoidRoomCharge => Msg::new("rule-void-room-charge"),
            Self::VoidOfVoid => Msg::new("rule-void-of-void"),
            Self::AlreadyVoided => Msg::new("rule-already-voided"),
            Self::BlockOver => Msg::new("rule-block-over"),
            Self::Rate { plan, refusal } => rate_refusal(refusal).arg("plan", plan),
            Self::PlanNotSold { plan, room_type } => {
                Msg::new("rule-plan-not-sold").arg("plan", plan).arg("room_type", room_type)
            }
            Self::Invoice(message) => message.clone(),
            Self::PenaltyDue { amount, .. } => Msg::new("rule-penalty-due").money("amount", *amount),
            Self::WaiverNeedsReason => Msg::new("rule-waiver-needs-reason"),
            Self::NoAddress => Msg::new("rule-no-address"),
            Self::AuditTooEarly { day, hotel } => {
                Msg::new("rule-audit-too-early").arg("day", day.to_string()).arg("hotel", hotel)
            }
        }
    }

    /// The English message, for the logs and the command line.
    fn english(&self) -> String {
        let currency = match self {
            Self::OpenBalance { currency, .. } => crate::i18n::Currency::of(currency),
            _ => crate::i18n::Currency::USD,
        };
        Tr::new(crate::i18n::default_language(), currency).msg(&self.msg())
    }
}

/// Which restriction of a plan refuses a stay, on which date.
fn rate_refusal(refusal: &RateRefusal) -> Msg {
    match *refusal {
        RateRefusal::Closed(night) => Msg::new("rule-rate-closed").arg("night", night),
        RateRefusal::ClosedToArrival(day) => Msg::new("rule-rate-closed-to-arrival").arg("day", day),
        RateRefusal::ClosedToDeparture(day) => Msg::new("rule-rate-closed-to-departure").arg("day", day),
        RateRefusal::MinStay { day, nights } => Msg::new("rule-rate-min-stay").arg("day", day).arg("nights", nights),
        RateRefusal::MaxStay { day, nights } => Msg::new("rule-rate-max-stay").arg("day", day).arg("nights", nights),
    }
}

/// A front-desk rule that refused an operation.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// Dates or party size do not make a stay (a form field is at fault).
    #[error("{0}")]
    Stay(StayProblem),
    /// The room type has no room left on some night of the stay.
    #[error("No {room_type} is available for every night from {check_in} to {check_out}. Try other dates or another room type.")]
    SoldOut { room_type: String, check_in: NaiveDate, check_out: NaiveDate },
    /// The room is out of order or service, inactive, or of another type.
    #[error("Room {0} cannot be sold for this room type.")]
    RoomNotSellable(String),
    /// Another active stay holds the room on some night.
    #[error("Room {0} is already taken on some of these nights.")]
    RoomTaken(String),
    /// Only pending, confirmed and in-house stays can be edited.
    #[error("{}", self.english())]
    Closed(ReservationStatus),
    /// The status machine does not allow the action from here.
    #[error("{0}")]
    Transition(Refusal),
    #[error("Choose an action.")]
    NoAction,
    #[error("{}", self.english())]
    NeedsReason(Action),
    #[error("Assign a room before checking in.")]
    NoRoom,
    #[error("{}", self.english())]
    RoomNotReady { number: String, status: HousekeepingStatus },
    #[error("Room {0} is not a sellable room of this stay's type. Choose another room.")]
    RoomNotForStay(String),
    /// Check-out with money still owed; a manager may override.
    #[error("{}", self.english())]
    OpenBalance { owed: i64, currency: String, may_override: bool },
    /// A folio posting the rules do not allow (the field at fault, and why).
    #[error("{}", Tr::english().msg(.message))]
    Posting { field: &'static str, message: Msg },
    #[error("This reservation is closed; charges cannot be added.")]
    FolioClosed,
    /// Room charges follow the stay's nights and are not voided.
    #[error("A room charge follows the stay's nights: change the stay's dates, or post a discount.")]
    VoidRoomCharge,
    /// A void is final; the entry it reversed can be posted again.
    #[error("A void cannot be voided. Post the entry again instead.")]
    VoidOfVoid,
    #[error("This entry is already voided.")]
    AlreadyVoided,
    /// A room block the rules do not allow (the field at fault, and why).
    #[error("{}", Tr::english().msg(.message))]
    Block { field: &'static str, message: Msg },
    /// The room is back on sale already.
    #[error("This block is over: the room is on sale again.")]
    BlockOver,
    /// A change of the rate calendar the rules do not allow (the field at fault, and why).
    #[error("{}", Tr::english().msg(.message))]
    Calendar { field: &'static str, message: Msg },
    /// The rate plan's restrictions refuse these dates (which restriction, which date).
    #[error("{}", self.english())]
    Rate { plan: String, refusal: RateRefusal },
    /// The rate plan does not sell this room type (or is inactive, or of another hotel).
    #[error("{}", self.english())]
    PlanNotSold { plan: String, room_type: String },
    /// An invoice or credit note the rules do not allow (nothing open, a line credited
    /// already, a void of an invoiced entry).
    #[error("{}", Tr::english().msg(.0))]
    Invoice(Msg),
    /// Cancelling now costs the plan's penalty: the desk confirms it or waives it.
    #[error("Cancelling now costs a penalty of {amount} (minor units).")]
    PenaltyDue { amount: i64, may_waive: bool },
    #[error("Say why the penalty is waived.")]
    WaiverNeedsReason,
    /// The guest has no address to write to, or asked for no email.
    #[error("The guest has no email address, or asked for no email.")]
    NoAddress,

    /// A night audit for a date that has not happened yet at the hotel.
    #[error("{day} has not happened yet at {hotel}; its night audit cannot run.")]
    AuditTooEarly { day: NaiveDate, hotel: String },
}

impl Refused {
    /// The form field a refusal is about, when a form field is at fault.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Refused::Stay(StayProblem::TooManyGuests(_)) => Some("adults"),
            Refused::Stay(StayProblem::InThePast) => Some("check_in"),
            Refused::Stay(_) => Some("check_out"),
            Refused::Posting { field, .. } | Refused::Block { field, .. } | Refused::Calendar { field, .. } => {
                Some(field)
            }
            Refused::Rate { .. } | Refused::PlanNotSold { .. } => Some("rate_plan"),
            Refused::WaiverNeedsReason => Some("waiver_reason"),
            _ => None,
        }
    }
}
