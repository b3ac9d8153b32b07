//! Races over HTTP. Sixteen desks, each its own signed-in session, split over two app
//! servers on the one database (so nothing in one process's memory can referee), fire
//! together from a barrier: for the last room of a type, for a stay's room by editing
//! it, and for a room at check-in (one stay checked in by several desks at once, and two
//! stays racing into one room). The database decides, on both backends.

use std::sync::Arc;

use hotelier::domain::ReservationStatus;
use tokio::sync::Barrier;

use chrono::{Duration, NaiveDate};
use hotelier::db::reservations::{NewReservation, Reservation};
use hotelier::db::Access;
use hotelier::domain::RoomId;

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(
    sixteen_desks_race_for_the_last_room,
    sixteen_edits_race_two_stays_into_one_room,
    sixteen_check_ins_race_two_stays_into_one_room
);

const DESKS: usize = 16;

/// Sixteen sessions of A's staff member: eight on the fixture's app, eight on a second app
/// server on the same database (each app allows ten sign-ins per address in a burst).
pub(super) async fn sixteen_desks(w: &World) -> Vec<Browser> {
    let second = start_app(&w.app.test_db, |_| {});
    let email = w.team_a.staff.account.email.clone();
    let tasks: Vec<_> = (0..DESKS)
        .map(|i| {
            let base = if i % 2 == 0 { w.address().to_owned() } else { second.clone() };
            let email = email.clone();
            tokio::spawn(async move {
                let mut b = Browser::new(&base);
                b.sign_in(&email).await;
                b
            })
        })
        .collect();
    let mut desks = Vec::new();
    for t in tasks {
        desks.push(t.await.expect("sign-in task"));
    }
    desks
}

/// Sends `request(i)` (a path and its form) from desk `i`, all released by one barrier.
pub(super) async fn race(desks: &[Browser], request: impl Fn(usize) -> (String, Form)) -> Vec<Page> {
    let barrier = Arc::new(Barrier::new(desks.len()));
    let tasks: Vec<_> = desks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let (path, mut form) = request(i);
            form.push(("csrf_token".into(), b.csrf.clone()));
            let (client, url, barrier) = (b.client.clone(), b.url(&path), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                Page::from(client.post(url).form(&form).send().await.expect("POST")).await
            })
        })
        .collect();
    let mut pages = Vec::new();
    for t in tasks {
        pages.push(t.await.expect("racing request"));
    }
    pages
}

/// The pages that answered 303, and asserts every other one answered 409 with one of
/// `messages`.
#[track_caller]
fn winners<'p>(pages: &'p [Page], messages: &[&str]) -> Vec<&'p Page> {
    for p in pages.iter().filter(|p| p.status != 303) {
        assert_eq!(p.status, 409, "a racing request neither won nor was refused: {}", p.short());
        let body = text(p);
        assert!(messages.iter().any(|m| body.contains(m)), "409 without an expected message: {}", p.short());
    }
    pages.iter().filter(|p| p.status == 303).collect()
}

async fn sixteen_desks_race_for_the_last_room(backend: Backend) {
    let w = world(backend).await;
    let desks = sixteen_desks(&w).await;
    let sold_out = |night: NaiveDate| {
        format!("No Standard is available for every night from {night} to {}.", night + Duration::days(1))
    };

    // No overbooking: two of the three rooms are held that night, so one desk wins.
    let night = day(15);
    for code in ["HELD0001", "HELD0002"] {
        add(w.db(), &w.a, stay(&w.a, code, night, 1));
    }
    let pages = race(&desks, |_| ("/reservations".into(), booking(&w.a, night, night + Duration::days(1)))).await;
    let won = winners(&pages, &[&sold_out(night)]);
    assert_eq!(won.len(), 1, "winners with 0% overbooking");
    let id = booked_id(won[0]);
    assert_eq!(active_on(w.db(), &w.a, night).len(), 3);
    assert!(active_on(w.db(), &w.a, night).iter().any(|r| r.id == id));

    // 34% overbooking allows floor(3 × 1.34) = 4 stays a night: with two held, two win.
    set_overbooking(w.db(), &w.a, 34);
    let night = day(17);
    for code in ["HELD0003", "HELD0004"] {
        add(w.db(), &w.a, stay(&w.a, code, night, 1));
    }
    let pages = race(&desks, |_| ("/reservations".into(), booking(&w.a, night, night + Duration::days(1)))).await;
    assert_eq!(winners(&pages, &[&sold_out(night)]).len(), 2, "winners with 34% overbooking");
    assert_eq!(active_on(w.db(), &w.a, night).len(), 4);
    assert_no_room_overlap(w.db(), &w.a);
    assert_eq!(audited(w.db(), &w.a, "reservation.create").len(), 3, "one audit row per booking made");
}

async fn sixteen_edits_race_two_stays_into_one_room(backend: Backend) {
    let w = world(backend).await;
    let desks = sixteen_desks(&w).await;
    // X in 102 and Y in 103 share the night of day(21); both desks try to move theirs to 101.
    let x = add(w.db(), &w.a, NewReservation { room_id: Some(w.a.rooms[1]), ..stay(&w.a, "MOVEXXXX", day(20), 2) });
    let y = add(w.db(), &w.a, NewReservation { room_id: Some(w.a.rooms[2]), ..stay(&w.a, "MOVEYYYY", day(21), 2) });
    let target = w.a.rooms[0];
    let pages = race(&desks, |i| {
        let r = if i % 2 == 0 { &x } else { &y };
        let form = [
            ("check_in", r.check_in.to_string()),
            ("check_out", r.check_out.to_string()),
            ("adults", "1".into()),
            ("children", "0".into()),
            ("room", target.to_string()),
            ("notes", "moved".into()),
            ("version", r.version.to_string()),
        ];
        (format!("/reservations/{}", r.id), form.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    })
    .await;
    let won = winners(
        &pages,
        &["Someone else changed this reservation", "Room 101 is already taken", "That room was just taken"],
    );
    assert_eq!(won.len(), 1, "exactly one move may win");

    let (x, y) = (reservation(w.db(), &w.a, x.id), reservation(w.db(), &w.a, y.id));
    let moved: Vec<&Reservation> = [&x, &y].into_iter().filter(|r| r.room_id == Some(target)).collect();
    assert_eq!(moved.len(), 1, "exactly one stay holds room 101");
    assert_eq!(won[0].location.as_deref(), Some(format!("/reservations/{}", moved[0].id).as_str()));
    let stayed = if moved[0].id == x.id { &y } else { &x };
    assert!(stayed.room_id.is_some() && stayed.room_id != Some(target), "the loser keeps its room");
    assert_eq!(audited(w.db(), &w.a, "reservation.update").len(), 1);
    assert_no_room_overlap(w.db(), &w.a);
}

/// Two stays arriving today, X and Y, unroomed; eight desks check X into `target` and eight
/// check Y into it, at once. Returns the pages and both stays as they ended.
async fn check_in_race(
    w: &World,
    desks: &[Browser],
    target: RoomId,
    round: usize,
) -> (Vec<Page>, Reservation, Reservation) {
    let x = add(w.db(), &w.a, stay(&w.a, &format!("INXXXXX{round}"), day(0), 1));
    let y = add(w.db(), &w.a, stay(&w.a, &format!("INYYYYY{round}"), day(0), 2));
    let pages = race(desks, |i| {
        let r = if i % 2 == 0 { &x } else { &y };
        let form =
            [("action", "check_in".to_owned()), ("version", r.version.to_string()), ("room", target.to_string())];
        (format!("/reservations/{}/status", r.id), form.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    })
    .await;
    (pages, reservation(w.db(), &w.a, x.id), reservation(w.db(), &w.a, y.id))
}

/// What the database holds after two stays raced for one room at check-in: exactly one is
/// checked in there, the other is untouched, and every desk told "checked in" was told so
/// about that one. (What the losing desks are told: `racing_check_ins_are_refused_with_409`.)
async fn sixteen_check_ins_race_two_stays_into_one_room(backend: Backend) {
    let w = world(backend).await;
    let desks = sixteen_desks(&w).await;
    let target = w.a.rooms[1];
    let (pages, x, y) = check_in_race(&w, &desks, target, 0).await;
    let inside: Vec<&Reservation> = [&x, &y].into_iter().filter(|r| r.room_id == Some(target)).collect();
    assert_eq!(inside.len(), 1, "exactly one stay holds room 102");
    assert_eq!(inside[0].status, ReservationStatus::CheckedIn);
    let other = if inside[0].id == x.id { &y } else { &x };
    assert_eq!((other.status, other.room_id), (ReservationStatus::Confirmed, None), "the other stay is untouched");
    let won: Vec<_> = pages.iter().filter(|p| p.status == 303).collect();
    assert!(!won.is_empty(), "no check-in succeeded");
    for p in &won {
        assert_eq!(p.location.as_deref(), Some(format!("/reservations/{}", inside[0].id).as_str()));
    }
    assert_no_room_overlap(w.db(), &w.a);
}

crate::both_backends_async!(racing_check_ins_are_refused_with_409);

/// The desks that lose a check-in race are told why, with 409: never a server error. Four
/// rounds, each for a fresh pair of stays and a room of its own, since the deadlock needs
/// the two stays' writes to interleave.
async fn racing_check_ins_are_refused_with_409(backend: Backend) {
    use hotelier::db::rooms::RoomFields;

    let w = world(backend).await;
    let desks = sixteen_desks(&w).await;
    for round in 0..4 {
        let room = w
            .db()
            .tenant(w.a.id, None, Access::Write, |s| {
                s.rooms().create(
                    w.a.hotel,
                    &RoomFields {
                        room_type_id: w.a.room_type,
                        number: format!("20{round}"),
                        floor: Some(2),
                        housekeeping_status: hotelier::domain::HousekeepingStatus::Clean,
                        is_active: true,
                        notes: None,
                    },
                )
            })
            .unwrap();
        let (pages, _, _) = check_in_race(&w, &desks, room.id, round).await;
        let won = winners(
            &pages,
            &[
                "Someone else changed this reservation",
                "That room is taken on some of these nights",
                "A Checked in reservation cannot be checked in",
            ],
        );
        assert!(!won.is_empty(), "round {round}: no check-in succeeded");
    }
}

crate::both_backends_async!(one_stay_checked_in_from_sixteen_desks_succeeds_once);

/// Sixteen desks check one guest in at once, half into room 102 and half into 103, all
/// with the version their page showed: one desk may succeed, the others must hear that
/// someone else changed the stay. Otherwise two desks hand out keys to different rooms.
async fn one_stay_checked_in_from_sixteen_desks_succeeds_once(backend: Backend) {
    let w = world(backend).await;
    let desks = sixteen_desks(&w).await;
    let x = add(w.db(), &w.a, stay(&w.a, "ONEGUEST", day(0), 1));
    let rooms = [w.a.rooms[1], w.a.rooms[2]];
    let pages = race(&desks, |i| {
        let form =
            [("action", "check_in".to_owned()), ("version", x.version.to_string()), ("room", rooms[i % 2].to_string())];
        (format!("/reservations/{}/status", x.id), form.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    })
    .await;
    let won = winners(
        &pages,
        &[
            "Someone else changed this reservation",
            "That room is taken on some of these nights",
            "A Checked in reservation cannot be checked in",
        ],
    );
    let x = reservation(w.db(), &w.a, x.id);
    let told: Vec<String> = audited(w.db(), &w.a, "reservation.check_in")
        .iter()
        .map(|e| e.after.as_ref().unwrap()["room_id"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        won.len(),
        1,
        "{} desks were told the guest is checked in (audited into rooms {told:?}); the stay is in {:?}",
        won.len(),
        x.room_id
    );
    assert_eq!((x.status, told), (ReservationStatus::CheckedIn, vec![x.room_id.unwrap().to_string()]));
}
