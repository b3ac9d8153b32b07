//! The double-booking guard: overlapping stays in one room are refused, adjacent stays
//! are fine, and when 16 threads race for one room and night exactly one wins.

use std::sync::{Arc, Barrier};

use chrono::{Duration, NaiveDate, Utc};
use hotelier::db::reservations::{NewReservation, Reservation};
use hotelier::db::{Access, Constraint, DbError};
use hotelier::domain::*;

use crate::both_backends;
use crate::support::{stay, two_orgs, Backend, Org, TestDb};

both_backends!(
    overlaps_refused_adjacent_allowed,
    sixteen_threads_one_winner,
    cancelled_stays_free_the_room,
    the_longest_stay_is_held_by_the_database
);

/// A confirmed stay of `org`'s standard type in `room` (or none).
fn booking(org: &Org, code: &str, check_in: NaiveDate, nights: i64, room: Option<RoomId>) -> NewReservation {
    NewReservation { room_id: room, ..stay(org, code, check_in, nights) }
}

fn overlaps_refused_adjacent_allowed(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let room = a.rooms[1];
    let day = Utc::now().date_naive() + Duration::days(30);
    let book = |code: &str, from: NaiveDate, nights: i64| {
        t.db.tenant(a.id, None, Access::Write, |s| {
            s.reservations().create(&booking(&a, code, from, nights, Some(room)))
        })
    };
    book("OVER01", day, 3).expect("first stay");
    // Same nights, a night inside, and straddling either end: all refused.
    for (code, from, nights) in [
        ("OVER02", day, 3),
        ("OVER03", day + Duration::days(1), 1),
        ("OVER04", day - Duration::days(1), 2),
        ("OVER05", day + Duration::days(2), 5),
    ] {
        assert!(matches!(book(code, from, nights), Err(DbError::Conflict(Constraint::RoomOverlap))), "{code}");
    }
    // Leaving the day the next guest arrives is not an overlap, either side.
    book("ADJ001", day + Duration::days(3), 2).expect("arrive on departure day");
    book("ADJ002", day - Duration::days(2), 2).expect("leave on arrival day");
    // Assigning an unroomed booking into the taken nights is refused the same way.
    let unroomed =
        t.db.tenant(a.id, None, Access::Write, |s| s.reservations().create(&booking(&a, "NOROOM", day, 1, None)))
            .unwrap();
    let err = t.db.tenant(a.id, None, Access::Write, |s| s.reservations().assign_room(unroomed.id, room)).unwrap_err();
    assert!(matches!(err, DbError::Conflict(Constraint::RoomOverlap)));
    assert_eq!(t.db.tenant(a.id, None, Access::Read, |s| s.reservations().get(unroomed.id)).unwrap().room_id, None);
    // Tenant B booking its own room on the same dates is unaffected by A's stays.
    t.db.tenant(b.id, None, Access::Write, |s| {
        s.reservations().create(&booking(&b, "BSTAY1", day, 3, Some(b.rooms[1])))
    })
    .unwrap();
}

fn sixteen_threads_one_winner(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, _b) = two_orgs(&t.db);
    let night = Utc::now().date_naive() + Duration::days(10);
    // 16 unroomed bookings for the same night, then 16 threads assign them to one room.
    let ids: Vec<ReservationId> = (0..16)
        .map(|i| {
            t.db.tenant(a.id, None, Access::Write, |s| {
                s.reservations().create(&booking(&a, &format!("RACE{i:02}"), night, 1, None))
            })
            .unwrap()
            .id
        })
        .collect();
    let barrier = Arc::new(Barrier::new(16));
    let room = a.rooms[2];
    let handles: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let (db, barrier, tenant) = (t.db.clone(), barrier.clone(), a.id);
            std::thread::spawn(move || {
                barrier.wait();
                db.tenant(tenant, None, Access::Write, |s| s.reservations().assign_room(id, room))
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let wins = results.iter().filter(|r| r.is_ok()).count();
    let conflicts = results.iter().filter(|r| matches!(r, Err(DbError::Conflict(Constraint::RoomOverlap)))).count();
    assert_eq!((wins, conflicts), (1, 15), "{:?}", results.iter().filter_map(|r| r.as_ref().err()).collect::<Vec<_>>());
    let holding =
        t.db.tenant(a.id, None, Access::Read, |s| s.reservations().list(None, 100))
            .unwrap()
            .into_iter()
            .filter(|r| r.room_id == Some(room))
            .count();
    assert_eq!(holding, 1);
}

fn cancelled_stays_free_the_room(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, _b) = two_orgs(&t.db);
    let day = Utc::now().date_naive() + Duration::days(40);
    let first =
        t.db.tenant(a.id, None, Access::Write, |s| {
            s.reservations().create(&booking(&a, "CANC01", day, 2, Some(a.rooms[1])))
        })
        .unwrap();
    t.db.tenant(a.id, None, Access::Write, |s| {
        s.reservations().set_status(first.id, first.version, ReservationStatus::Cancelled, Some("guest called"))
    })
    .unwrap();
    t.db.tenant(a.id, None, Access::Write, |s| {
        s.reservations().create(&booking(&a, "CANC02", day, 2, Some(a.rooms[1])))
    })
    .expect("a cancelled stay no longer holds the room");
}

/// Overlap queries bound their dates by the longest stay (`MAX_NIGHTS`), so the database
/// must refuse a longer one, created or stretched, even past the app's validation; and a
/// stay of exactly the longest length is found by every window it overlaps.
fn the_longest_stay_is_held_by_the_database(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, _) = two_orgs(&t.db);
    let day = Utc::now().date_naive() + Duration::days(10);
    let longest = hotelier::domain::booking::MAX_NIGHTS;
    let refused = t.db.tenant(a.id, None, Access::Write, |s| {
        s.reservations().create(&booking(&a, "LONG61", day, longest + 1, Some(a.rooms[0])))
    });
    assert!(matches!(refused, Err(DbError::Check(_))), "{refused:?}");
    let stay =
        t.db.tenant(a.id, None, Access::Write, |s| {
            s.reservations().create(&booking(&a, "LONG60", day, longest, Some(a.rooms[0])))
        })
        .expect("a stay of the longest length");
    // Its first night, its last night, and a window inside it all see it.
    for (from, to) in [
        (day, day + Duration::days(1)),
        (stay.check_out - Duration::days(1), stay.check_out),
        (day + Duration::days(20), day + Duration::days(22)),
    ] {
        let held = t.db.tenant(a.id, None, Access::Read, |s| s.reservations().held(a.hotel, from, to, None)).unwrap();
        assert!(held.iter().any(|h| h.room == Some(a.rooms[0]) && h.check_in == day), "{from}..{to}");
        let in_window =
            t.db.tenant(a.id, None, Access::Read, |s| s.reservations().in_window(a.hotel, from, to)).unwrap();
        assert!(in_window.iter().any(|r| r.reservation.id == stay.id), "{from}..{to}");
    }
    // Moved a day earlier at the same length: allowed. Then stretched by a night: refused.
    let moved = |r: &Reservation, check_in: NaiveDate, check_out: NaiveDate| {
        let changes = hotelier::db::reservations::StayChanges {
            check_in,
            check_out,
            room_type_id: r.room_type_id,
            room_id: r.room_id,
            adults: r.adults,
            children: r.children,
            nightly_rate: r.nightly_rate,
            total_amount: r.nightly_rate * (check_out - check_in).num_days(),
            notes: None,
        };
        t.db.tenant(a.id, None, Access::Write, |s| s.reservations().update_stay(r.id, r.version, &changes))
    };
    let earlier = moved(&stay, day - Duration::days(1), stay.check_out - Duration::days(1)).expect("same length");
    let stretched = moved(&earlier, earlier.check_in, earlier.check_out + Duration::days(1));
    assert!(matches!(stretched, Err(DbError::Check(_))), "{stretched:?}");
}
