//! The reservation status machine (docs/ARCHITECTURE.md, "Reservation rules"), with no I/O.
//!
//! main path: pending → confirmed → checked_in → checked_out
//! pending | confirmed → cancelled; confirmed → no_show on or after the arrival date;
//! reversals by a manager: checked_in → confirmed, checked_out → checked_in.

use chrono::NaiveDate;

use super::enums::ReservationStatus as S;

/// What someone asks a reservation to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Confirm,
    CheckIn,
    CheckOut,
    Cancel,
    NoShow,
    UndoCheckIn,
    UndoCheckOut,
}

impl Action {
    pub const ALL: [Action; 7] = [
        Self::Confirm,
        Self::CheckIn,
        Self::CheckOut,
        Self::Cancel,
        Self::NoShow,
        Self::UndoCheckIn,
        Self::UndoCheckOut,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Confirm => "confirm",
            Self::CheckIn => "check_in",
            Self::CheckOut => "check_out",
            Self::Cancel => "cancel",
            Self::NoShow => "no_show",
            Self::UndoCheckIn => "undo_check_in",
            Self::UndoCheckOut => "undo_check_out",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Reversals need a manager and a reason.
    pub fn is_reversal(self) -> bool {
        matches!(self, Self::UndoCheckIn | Self::UndoCheckOut)
    }

    pub fn needs_reason(self) -> bool {
        self.is_reversal() || self == Self::Cancel
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The action does not apply to a reservation of this status.
    #[error("{}", crate::i18n::Tr::english().msg(&self.msg()))]
    NotFrom { from: S, action: Action },
    #[error("A guest can only be marked a no-show on or after the arrival date ({arrival}).")]
    NoShowTooEarly { arrival: NaiveDate },
    #[error("Check-in opens on the arrival date ({arrival}).")]
    CheckInTooEarly { arrival: NaiveDate },
}

impl Refusal {
    /// The message the desk reads, from the catalogue (`rule-*`). Dates are written as
    /// they are typed (`2026-05-10`).
    pub fn msg(&self) -> crate::domain::message::Msg {
        use crate::domain::message::{Labelled, Msg};
        match self {
            Self::NotFrom { from, action } => {
                let key = match action {
                    Action::Confirm => "rule-not-from-confirm",
                    Action::CheckIn => "rule-not-from-check-in",
                    Action::CheckOut => "rule-not-from-check-out",
                    Action::Cancel => "rule-not-from-cancel",
                    Action::NoShow => "rule-not-from-no-show",
                    Action::UndoCheckIn => "rule-not-from-undo-check-in",
                    Action::UndoCheckOut => "rule-not-from-undo-check-out",
                };
                Msg::new(key).arg("from", from.label_msg())
            }
            Self::NoShowTooEarly { arrival } => Msg::new("rule-no-show-too-early").arg("arrival", arrival.to_string()),
            Self::CheckInTooEarly { arrival } => {
                Msg::new("rule-check-in-too-early").arg("arrival", arrival.to_string())
            }
        }
    }
}

/// The status `action` leads to from `from`, given the hotel's `today`.
pub fn next(from: S, action: Action, arrival: NaiveDate, today: NaiveDate) -> Result<S, Refusal> {
    let to = match (from, action) {
        (S::Pending, Action::Confirm) => S::Confirmed,
        (S::Pending | S::Confirmed, Action::CheckIn) => {
            if today < arrival {
                return Err(Refusal::CheckInTooEarly { arrival });
            }
            S::CheckedIn
        }
        (S::CheckedIn, Action::CheckOut) => S::CheckedOut,
        (S::Pending | S::Confirmed, Action::Cancel) => S::Cancelled,
        (S::Confirmed, Action::NoShow) => {
            if today < arrival {
                return Err(Refusal::NoShowTooEarly { arrival });
            }
            S::NoShow
        }
        (S::CheckedIn, Action::UndoCheckIn) => S::Confirmed,
        (S::CheckedOut, Action::UndoCheckOut) => S::CheckedIn,
        _ => return Err(Refusal::NotFrom { from, action }),
    };
    Ok(to)
}

/// The actions that make sense to offer for a reservation right now.
pub fn offered(from: S, arrival: NaiveDate, today: NaiveDate) -> Vec<Action> {
    Action::ALL.into_iter().filter(|a| next(from, *a, arrival, today).is_ok()).collect()
}

impl crate::domain::message::Labelled for Action {
    fn label_key(&self) -> &'static str {
        match self {
            Self::Confirm => "action-confirm",
            Self::CheckIn => "action-check-in",
            Self::CheckOut => "action-check-out",
            Self::Cancel => "action-cancel",
            Self::NoShow => "action-no-show",
            Self::UndoCheckIn => "action-undo-check-in",
            Self::UndoCheckOut => "action-undo-check-out",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Every (status, action) pair, allowed or refused, against the status machine in docs/ARCHITECTURE.md.
    #[test]
    fn every_transition() {
        let (arrival, today) = (d("2026-05-10"), d("2026-05-10"));
        let allowed = [
            (S::Pending, Action::Confirm, S::Confirmed),
            (S::Pending, Action::CheckIn, S::CheckedIn),
            (S::Confirmed, Action::CheckIn, S::CheckedIn),
            (S::CheckedIn, Action::CheckOut, S::CheckedOut),
            (S::Pending, Action::Cancel, S::Cancelled),
            (S::Confirmed, Action::Cancel, S::Cancelled),
            (S::Confirmed, Action::NoShow, S::NoShow),
            (S::CheckedIn, Action::UndoCheckIn, S::Confirmed),
            (S::CheckedOut, Action::UndoCheckOut, S::CheckedIn),
        ];
        for from in S::ALL {
            for action in Action::ALL {
                let expected = allowed.iter().find(|(f, a, _)| f == from && *a == action).map(|(_, _, to)| *to);
                match (next(*from, action, arrival, today), expected) {
                    (Ok(to), Some(want)) => assert_eq!(to, want, "{from:?} {action:?}"),
                    (Err(_), None) => {}
                    (got, want) => panic!("{from:?} {action:?}: got {got:?}, want {want:?}"),
                }
            }
        }
    }

    #[test]
    fn dates_gate_no_show_and_check_in() {
        let arrival = d("2026-05-10");
        assert_eq!(
            next(S::Confirmed, Action::NoShow, arrival, d("2026-05-09")),
            Err(Refusal::NoShowTooEarly { arrival })
        );
        assert_eq!(next(S::Confirmed, Action::NoShow, arrival, d("2026-05-11")), Ok(S::NoShow));
        assert_eq!(
            next(S::Confirmed, Action::CheckIn, arrival, d("2026-05-09")),
            Err(Refusal::CheckInTooEarly { arrival })
        );
        assert_eq!(offered(S::Confirmed, arrival, d("2026-05-09")), vec![Action::Cancel]);
        assert_eq!(
            next(S::CheckedOut, Action::Cancel, arrival, arrival).unwrap_err().to_string(),
            "A Checked out reservation cannot be cancelled."
        );
    }
}
