//! Rules about stays that need no database.

use rand::Rng;

/// Letters and digits that cannot be misheard or misread (no 0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const CODE_LENGTH: usize = 8;

/// A confirmation code short enough to read aloud: 8 characters from 31, about 8.5e11
/// codes, unique per organization (the database enforces it).
pub fn confirmation_code(rng: &mut impl Rng) -> String {
    (0..CODE_LENGTH).map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_readable() {
        let mut rng = rand::thread_rng();
        for _ in 0..100 {
            let code = confirmation_code(&mut rng);
            assert_eq!(code.len(), CODE_LENGTH);
            assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        }
    }
}

use chrono::{DateTime, NaiveDate, Utc};

/// The longest stay one booking may hold.
pub const MAX_NIGHTS: i64 = 60;

/// The hotel's calendar date at `now`, in its timezone (UTC if the name is unknown).
pub fn today_in(timezone: &str, now: DateTime<Utc>) -> NaiveDate {
    match timezone.parse::<chrono_tz::Tz>() {
        Ok(tz) => now.with_timezone(&tz).date_naive(),
        Err(_) => now.date_naive(),
    }
}

/// Why a stay cannot be booked as asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StayProblem {
    #[error("The departure must be after the arrival.")]
    DepartureNotAfterArrival,
    #[error("A stay can be at most {MAX_NIGHTS} nights.")]
    TooLong,
    #[error("The arrival is in the past. Only a manager can backdate a booking.")]
    InThePast,
    #[error("This room type takes at most {0} guests.")]
    TooManyGuests(i32),
}

impl StayProblem {
    /// The message, from the catalogue (`stay-*`).
    pub fn msg(&self) -> crate::domain::message::Msg {
        use crate::domain::message::Msg;
        match self {
            Self::DepartureNotAfterArrival => Msg::new("stay-departure-not-after-arrival"),
            Self::TooLong => Msg::new("stay-too-long").arg("max", MAX_NIGHTS),
            Self::InThePast => Msg::new("stay-in-the-past"),
            Self::TooManyGuests(max) => Msg::new("stay-too-many-guests").arg("max", *max),
        }
    }
}

/// The dates' own rule, whatever the hotel and party: departure after arrival, and at most
/// [`MAX_NIGHTS`]. A form checks it with the other fields, so that every message shows.
pub fn check_dates(check_in: NaiveDate, check_out: NaiveDate) -> Result<(), StayProblem> {
    if check_out <= check_in {
        return Err(StayProblem::DepartureNotAfterArrival);
    }
    if (check_out - check_in).num_days() > MAX_NIGHTS {
        return Err(StayProblem::TooLong);
    }
    Ok(())
}

/// Checks dates and party size for a stay at a hotel whose today is `today`.
pub fn check_stay(
    check_in: NaiveDate,
    check_out: NaiveDate,
    today: NaiveDate,
    may_backdate: bool,
    guests: i32,
    max_occupancy: Option<i32>,
) -> Result<(), StayProblem> {
    check_dates(check_in, check_out)?;
    if check_in < today && !may_backdate {
        return Err(StayProblem::InThePast);
    }
    match max_occupancy {
        Some(max) if guests > max => Err(StayProblem::TooManyGuests(max)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod stay_tests {
    use super::*;

    #[test]
    fn stay_rules() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let today = d("2026-04-10");
        assert_eq!(
            check_stay(d("2026-04-10"), d("2026-04-10"), today, false, 2, Some(2)),
            Err(StayProblem::DepartureNotAfterArrival)
        );
        assert_eq!(check_stay(d("2026-04-10"), d("2026-06-10"), today, false, 2, Some(2)), Err(StayProblem::TooLong));
        assert_eq!(check_stay(d("2026-04-09"), d("2026-04-11"), today, false, 2, Some(2)), Err(StayProblem::InThePast));
        assert_eq!(check_stay(d("2026-04-09"), d("2026-04-11"), today, true, 2, Some(2)), Ok(()));
        assert_eq!(
            check_stay(d("2026-04-10"), d("2026-04-11"), today, false, 3, Some(2)),
            Err(StayProblem::TooManyGuests(2))
        );
        assert_eq!(check_stay(d("2026-04-10"), d("2026-06-09"), today, false, 1, None), Ok(()));
    }

    #[test]
    fn today_follows_the_hotel() {
        let now: DateTime<Utc> = "2026-04-10T23:30:00Z".parse().unwrap();
        assert_eq!(today_in("UTC", now), "2026-04-10".parse::<NaiveDate>().unwrap());
        assert_eq!(today_in("Europe/Lisbon", now), "2026-04-11".parse::<NaiveDate>().unwrap());
        assert_eq!(today_in("America/Sao_Paulo", now), "2026-04-10".parse::<NaiveDate>().unwrap());
        assert_eq!(today_in("Not/AZone", now), "2026-04-10".parse::<NaiveDate>().unwrap());
    }
}
