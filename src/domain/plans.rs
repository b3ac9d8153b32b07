//! What each plan includes (issue 5): limits checked when a hotel, user or room is
//! created, and features the plan gates.
//!
//! | plan | hotels | users | rooms | kiosk and reports | export in the UI |
//! |---|---|---|---|---|---|
//! | starter | 1 | 5 | 50 | — | — |
//! | professional | 10 | 50 | 1,000 | ✓ | — |
//! | enterprise | unlimited | unlimited | unlimited | ✓ | ✓ |

use super::enums::Plan;
use super::message::{Labelled, Msg};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limited {
    Hotels,
    Users,
    Rooms,
}

impl Limited {
    pub fn noun(self) -> &'static str {
        match self {
            Self::Hotels => "hotels",
            Self::Users => "users",
            Self::Rooms => "rooms",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    Kiosk,
    Reports,
    Export,
}

impl Feature {}

impl Plan {
    /// The most of `what` the plan allows; `None` is unlimited.
    pub fn limit(self, what: Limited) -> Option<i64> {
        match (self, what) {
            (Plan::Starter, Limited::Hotels) => Some(1),
            (Plan::Starter, Limited::Users) => Some(5),
            (Plan::Starter, Limited::Rooms) => Some(50),
            (Plan::Professional, Limited::Hotels) => Some(10),
            (Plan::Professional, Limited::Users) => Some(50),
            (Plan::Professional, Limited::Rooms) => Some(1_000),
            (Plan::Enterprise, _) => None,
        }
    }

    /// The messages to guests a month the plan sends; `None` is unlimited.
    pub fn monthly_messages(self) -> Option<i64> {
        match self {
            Plan::Starter => Some(500),
            Plan::Professional => Some(20_000),
            Plan::Enterprise => None,
        }
    }

    pub fn includes(self, feature: Feature) -> bool {
        match feature {
            Feature::Kiosk | Feature::Reports => self != Plan::Starter,
            Feature::Export => self == Plan::Enterprise,
        }
    }

    /// The message when adding one more of `what` to `current` would pass the limit
    /// (`rule-plan-limit`, with `what` as `hotels`, `users` or `rooms`).
    pub fn check(self, what: Limited, current: i64) -> Result<(), Msg> {
        match self.limit(what) {
            Some(max) if current >= max => Err(Msg::new("rule-plan-limit")
                .arg("plan", self.label_msg())
                .arg("max", max)
                .arg("what", what.noun())
                .arg("current", current)),
            _ => Ok(()),
        }
    }
}

impl Labelled for Feature {
    fn label_key(&self) -> &'static str {
        match self {
            Self::Kiosk => "feature-kiosk",
            Self::Reports => "feature-reports",
            Self::Export => "feature-export",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_at_and_past_the_edge() {
        assert!(Plan::Starter.check(Limited::Hotels, 0).is_ok());
        let refused = crate::i18n::Tr::english().msg(&Plan::Starter.check(Limited::Hotels, 1).unwrap_err());
        assert!(refused.contains("Starter plan includes up to 1 hotels"), "{refused}");
        assert!(Plan::Professional.check(Limited::Rooms, 999).is_ok());
        assert!(Plan::Professional.check(Limited::Rooms, 1_000).is_err());
        assert!(Plan::Enterprise.check(Limited::Users, 1_000_000).is_ok());
        assert!(!Plan::Starter.includes(Feature::Kiosk) && Plan::Professional.includes(Feature::Reports));
        assert!(!Plan::Professional.includes(Feature::Export) && Plan::Enterprise.includes(Feature::Export));
    }
}
