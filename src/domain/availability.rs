//! Availability per room type and night (docs/ARCHITECTURE.md, "Reservation rules"), with no I/O:
//! sellable = active rooms that are not out of order or out of service, less the rooms a
//! block takes off sale that night;
//! allowed = floor(sellable × (1 + overbooking% / 100));
//! counted = pending, confirmed and checked-in stays on that night.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use super::ids::{RoomId, RoomTypeId};

/// The nights of a stay: check-in up to, not including, check-out.
pub fn nights(check_in: NaiveDate, check_out: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let n = (check_out - check_in).num_days().max(0);
    (0..n).map(move |i| check_in + Duration::days(i))
}

/// How many stays a room type may take on one night.
pub fn allowed(sellable: i64, overbooking_percent: u32) -> i64 {
    sellable + sellable * i64::from(overbooking_percent.min(100)) / 100
}

/// An active stay, for counting.
#[derive(Clone, Copy, Debug)]
pub struct Held {
    pub room_type: RoomTypeId,
    pub room: Option<RoomId>,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
}

/// One room type's availability over a range of nights.
#[derive(Clone, Debug)]
pub struct TypeAvailability {
    pub room_type: RoomTypeId,
    pub sellable: i64,
    pub allowed: i64,
    /// (night, stays counted, still bookable)
    pub nights: Vec<(NaiveDate, i64, i64)>,
}

impl TypeAvailability {
    /// Bookable on every night of the range.
    pub fn bookable(&self) -> i64 {
        self.nights.iter().map(|(_, _, free)| *free).min().unwrap_or(0).max(0)
    }
}

/// How many of `rows` hold a room of each type on each night of `[from, to)`, by the
/// night's offset from `from`: one pass over the rows and their nights, not one per
/// (type, night).
fn per_night(rows: &[Held], from: NaiveDate, to: NaiveDate) -> HashMap<RoomTypeId, Vec<i64>> {
    let len = (to - from).num_days().max(0);
    let mut counts: HashMap<RoomTypeId, Vec<i64>> = HashMap::new();
    for h in rows {
        let first = (h.check_in - from).num_days().max(0);
        let last = (h.check_out - from).num_days().min(len);
        if first < last {
            let nights = counts.entry(h.room_type).or_insert_with(|| vec![0; len as usize]);
            for n in &mut nights[first as usize..last as usize] {
                *n += 1;
            }
        }
    }
    counts
}

/// Availability of each room type in `sellable` (room type → sellable rooms) for the
/// nights of `[from, to)`, given the active stays in `held` and the blocks in `blocked`
/// (each a room off sale on its nights; overbooking applies to the rooms left).
pub fn by_type(
    sellable: &HashMap<RoomTypeId, i64>,
    held: &[Held],
    blocked: &[Held],
    from: NaiveDate,
    to: NaiveDate,
    overbooking_percent: u32,
) -> Vec<TypeAvailability> {
    let (stays, blocks) = (per_night(held, from, to), per_night(blocked, from, to));
    let on = |counts: &HashMap<RoomTypeId, Vec<i64>>, room_type: &RoomTypeId, i: usize| {
        counts.get(room_type).map_or(0, |nights| nights[i])
    };
    let mut out: Vec<TypeAvailability> = sellable
        .iter()
        .map(|(room_type, sellable)| {
            let allowed = allowed(*sellable, overbooking_percent);
            let nights = nights(from, to)
                .enumerate()
                .map(|(i, night)| {
                    let counted = on(&stays, room_type, i);
                    let on_sale = (*sellable - on(&blocks, room_type, i)).max(0);
                    (night, counted, self::allowed(on_sale, overbooking_percent) - counted)
                })
                .collect();
            TypeAvailability { room_type: *room_type, sellable: *sellable, allowed, nights }
        })
        .collect();
    out.sort_by_key(|t| t.room_type);
    out
}

/// Whether `room` is free for `[check_in, check_out)`: no active stay holds it on any of
/// those nights (nor a block, passed in `held` like a stay). Overbooking never applies to
/// a specific room.
pub fn room_free(room: RoomId, held: &[Held], check_in: NaiveDate, check_out: NaiveDate) -> bool {
    !held.iter().any(|h| h.room == Some(room) && h.check_in < check_out && check_in < h.check_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn overbooking_rounds_down() {
        assert_eq!(allowed(10, 0), 10);
        assert_eq!(allowed(10, 5), 10);
        assert_eq!(allowed(10, 10), 11);
        assert_eq!(allowed(20, 5), 21);
        assert_eq!(allowed(0, 50), 0);
    }

    #[test]
    fn counts_each_night_and_allows_adjacent_stays() {
        let t = RoomTypeId::new();
        let (r1, r2) = (RoomId::new(), RoomId::new());
        let sellable = HashMap::from([(t, 2)]);
        let held = [
            Held { room_type: t, room: Some(r1), check_in: d("2026-03-01"), check_out: d("2026-03-03") },
            Held { room_type: t, room: None, check_in: d("2026-03-02"), check_out: d("2026-03-04") },
        ];
        let a = &by_type(&sellable, &held, &[], d("2026-03-01"), d("2026-03-05"), 0)[0];
        let free: Vec<i64> = a.nights.iter().map(|n| n.2).collect();
        assert_eq!(free, vec![1, 0, 1, 2]);
        assert_eq!(a.bookable(), 0);
        // Arriving on the day the first stay leaves is fine for that room.
        assert!(room_free(r1, &held, d("2026-03-03"), d("2026-03-05")));
        assert!(!room_free(r1, &held, d("2026-03-02"), d("2026-03-04")));
        assert!(room_free(r2, &held, d("2026-03-01"), d("2026-03-05")));
        // 50% overbooking on 2 rooms allows a third stay on the busy night.
        assert_eq!(by_type(&sellable, &held, &[], d("2026-03-02"), d("2026-03-03"), 50)[0].bookable(), 1);
    }

    /// A block takes its room off sale on its nights only, before overbooking applies.
    #[test]
    fn a_block_takes_a_room_off_its_nights_only() {
        let t = RoomTypeId::new();
        let r1 = RoomId::new();
        let sellable = HashMap::from([(t, 10)]);
        let blocked = [Held { room_type: t, room: Some(r1), check_in: d("2026-03-02"), check_out: d("2026-03-04") }];
        let a = &by_type(&sellable, &[], &blocked, d("2026-03-01"), d("2026-03-05"), 0)[0];
        let free: Vec<i64> = a.nights.iter().map(|n| n.2).collect();
        assert_eq!(free, vec![10, 9, 9, 10]);
        // 10% overbooking on the 9 rooms left is 9, not 11 − 1.
        let a = &by_type(&sellable, &[], &blocked, d("2026-03-02"), d("2026-03-03"), 10)[0];
        assert_eq!(a.bookable(), 9);
        assert!(!room_free(r1, &blocked, d("2026-03-03"), d("2026-03-05")));
        assert!(room_free(r1, &blocked, d("2026-03-04"), d("2026-03-06")));
    }

    /// Stays that began before the range or end after it count on the range's nights
    /// only; each type counts its own; a stay outside the range counts nowhere.
    #[test]
    fn stays_across_the_range_edges_count_on_its_nights() {
        let (t, u) = (RoomTypeId::new(), RoomTypeId::new());
        let sellable = HashMap::from([(t, 3), (u, 1)]);
        let stay =
            |room_type, from: &str, to: &str| Held { room_type, room: None, check_in: d(from), check_out: d(to) };
        let held = [
            stay(t, "2026-02-20", "2026-03-03"),
            stay(t, "2026-03-04", "2026-03-20"),
            stay(t, "2026-03-01", "2026-03-02"),
            stay(u, "2026-03-02", "2026-03-04"),
            stay(t, "2026-02-01", "2026-02-10"),
        ];
        let all = by_type(&sellable, &held, &[], d("2026-03-01"), d("2026-03-06"), 0);
        let counted = |i: usize| all[i].nights.iter().map(|n| n.1).collect::<Vec<_>>();
        let (ti, ui) = if all[0].room_type == t { (0, 1) } else { (1, 0) };
        assert_eq!(counted(ti), vec![2, 1, 0, 1, 1]);
        assert_eq!(counted(ui), vec![0, 1, 1, 0, 0]);
    }
}
