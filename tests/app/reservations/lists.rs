//! The reservations list opens on the desk's day (today's arrivals, then in house, then
//! what is coming), with quick filters and a room column; the kiosk names the rooms of
//! the guests in house and ranks today's stays first in a search. It used to open on the
//! furthest-future arrival, with no room column.

use hotelier::db::reservations::NewReservation;
use hotelier::domain::ReservationStatus::{CheckedIn, CheckedOut, Confirmed};

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(
    the_list_opens_on_the_desks_day,
    the_kiosk_names_rooms_and_ranks_todays_stays_first,
    the_housekeeping_board_knows_who_is_in_the_room,
    the_desks_pages_follow_one_another,
);

/// Stays around today in A's hotel: arriving, in house (room 1), leaving today (room 2),
/// coming, long gone and far ahead.
fn a_day_at_the_desk(w: &World) {
    let with = |code: &str, start: i64, nights: i64, status, room: Option<usize>| NewReservation {
        status,
        room_id: room.map(|i| w.a.rooms[i]),
        ..stay(&w.a, code, day(start), nights)
    };
    for new in [
        with("ARRIVE1", 0, 2, Confirmed, None),
        with("INHOUSE1", -1, 3, CheckedIn, Some(1)),
        with("LEAVE1", -2, 2, CheckedIn, Some(2)),
        with("SOONER1", 10, 1, Confirmed, None),
        with("GONEBY1", -20, 2, CheckedOut, None),
        with("FARAWAY1", 300, 1, Confirmed, None),
    ] {
        add(w.db(), &w.a, new);
    }
}

/// Where each code stands on the page (None when it is not there).
fn positions<'a>(body: &str, codes: &[&'a str]) -> Vec<(&'a str, Option<usize>)> {
    codes.iter().map(|c| (*c, body.find(&format!(">{c}</a>")))).collect()
}

async fn the_list_opens_on_the_desks_day(backend: Backend) {
    let w = world(backend).await;
    a_day_at_the_desk(&w);
    let staff = desk(&w, &w.team_a.staff).await;

    let page = staff.get("/reservations").await;
    assert_eq!(page.status, 200);
    let at = positions(&page.body, &["ARRIVE1", "INHOUSE1", "LEAVE1", "SOONER1", "FARAWAY1", "GONEBY1"]);
    let pos = |code: &str| at.iter().find(|(c, _)| *c == code).and_then(|(_, p)| *p);
    assert!(pos("GONEBY1").is_none(), "a past stay is not on the desk's list: {at:?}");
    let (arrive, inhouse, leave, soon, far) = (
        pos("ARRIVE1").unwrap(),
        pos("INHOUSE1").unwrap(),
        pos("LEAVE1").unwrap(),
        pos("SOONER1").unwrap(),
        pos("FARAWAY1").unwrap(),
    );
    assert!(arrive < inhouse && arrive < leave, "today's arrivals first: {at:?}");
    assert!(inhouse < soon && leave < soon && soon < far, "then in house, then by arrival: {at:?}");
    assert!(page.body.contains("<th>Room</th>"), "a room column");
    let room1 = crate::support::room_number(w.db(), &w.a, w.a.rooms[1]);
    assert!(page.body.contains(&format!(r#"<td class="nowrap">{room1}</td>"#)), "{}", page.short());
    assert!(page.body.contains(r#"class="active" aria-current="page" href="/reservations">Today and ahead"#));

    let arriving = staff.get("/reservations?view=arriving").await;
    assert_eq!(
        positions(&arriving.body, &["ARRIVE1", "INHOUSE1", "SOONER1"])
            .iter()
            .map(|(_, p)| p.is_some())
            .collect::<Vec<_>>(),
        vec![true, false, false]
    );
    let in_house = staff.get("/reservations?view=in_house").await;
    assert!(
        in_house.body.contains(">INHOUSE1<")
            && in_house.body.contains(">LEAVE1<")
            && !in_house.body.contains(">ARRIVE1<")
    );
    let departing = staff.get("/reservations?view=departing").await;
    assert!(departing.body.contains(">LEAVE1<") && !departing.body.contains(">INHOUSE1<"), "{}", departing.short());
    let all = staff.get("/reservations?view=all").await;
    assert!(all.body.contains(">GONEBY1<") && all.body.contains(">FARAWAY1<"));
    // A search looks through every reservation, past ones too.
    assert!(staff.get("/reservations?q=GONEBY1").await.body.contains(">GONEBY1<"));
}

async fn the_kiosk_names_rooms_and_ranks_todays_stays_first(backend: Backend) {
    let w = world(backend).await;
    a_day_at_the_desk(&w);
    let staff = desk(&w, &w.team_a.staff).await;
    staff.post("/kiosk/hotel", &[("hotel", &w.a.hotel.to_string())]).await.assert_redirect("/kiosk");
    let home = staff.get("/kiosk").await;
    let room1 = crate::support::room_number(w.db(), &w.a, w.a.rooms[1]);
    assert!(home.body.contains(&format!("<strong>Room {room1}</strong> · INHOUSE1")), "{}", home.short());

    // Every stay is the same guest's: the search finds them all, today's first.
    let found = staff.get("/kiosk?q=Guest").await;
    let at = |code: &str| found.body.find(&format!("{code} ·")).unwrap_or_else(|| panic!("{code} not found"));
    for today in ["ARRIVE1", "INHOUSE1", "LEAVE1"] {
        for other in ["SOONER1", "FARAWAY1", "GONEBY1"] {
            assert!(at(today) < at(other), "{today} before {other}");
        }
    }
}

/// Occupied room 109 showed only "Clean": the board now says who is in each room, and
/// who arrives or leaves today; a status change comes back to the same room.
async fn the_housekeeping_board_knows_who_is_in_the_room(backend: Backend) {
    let w = world(backend).await;
    a_day_at_the_desk(&w);
    let staff = desk(&w, &w.team_a.staff).await;
    let board = staff.get(&format!("/housekeeping?hotel={}", w.a.hotel)).await;
    assert_eq!(board.status, 200);
    let card = |room: hotelier::domain::RoomId| {
        let start = board.body.find(&format!(r#"id="room-{room}""#)).expect("the room's card");
        board.body[start..start + board.body[start..].find("</article>").unwrap()].to_owned()
    };
    let guest = "Guest of alpha-hotels";
    let (in_house, leaving) = (card(w.a.rooms[1]), card(w.a.rooms[2]));
    assert!(
        in_house.contains("Occupied") && in_house.contains(guest) && !in_house.contains("Departs today"),
        "{in_house}"
    );
    assert!(leaving.contains("Occupied") && leaving.contains("Departs today"), "{leaving}");
    let arriving = card(w.a.rooms[0]);
    assert!(
        arriving.contains("Vacant") && arriving.contains("Arrival today"),
        "the world's stay arrives today: {arriving}"
    );

    let room = w.a.rooms[1];
    staff
        .post(&format!("/rooms/{room}/housekeeping"), &[("status", "dirty")])
        .await
        .assert_redirect(&format!("/housekeeping?hotel={}#room-{room}", w.a.hotel));
}

/// 24 arrivals today (the world's own and 23 more), two guests in house and ten stays to
/// come: page 1 holds the 24
/// arrivals and the first guest in house, page 2 the other and the ten by arrival, with
/// nothing repeated or left out where the page breaks inside a group.
async fn the_desks_pages_follow_one_another(backend: Backend) {
    let w = world(backend).await;
    let with = |code: String, start: i64, status, room: Option<usize>| NewReservation {
        status,
        room_id: room.map(|i| w.a.rooms[i]),
        ..stay(&w.a, &code, day(start), 2)
    };
    let mut arrivals: Vec<String> = (1..=23).map(|i| format!("ARR{i:03}")).collect();
    let coming: Vec<String> = (1..=10).map(|i| format!("COME{i:03}")).collect();
    for code in &arrivals {
        add(w.db(), &w.a, with(code.clone(), 0, Confirmed, None));
    }
    arrivals.insert(0, "AABC123".into());
    add(w.db(), &w.a, with("HOUSE001".into(), -1, CheckedIn, Some(1)));
    add(w.db(), &w.a, with("HOUSE002".into(), -1, CheckedIn, Some(2)));
    for (i, code) in coming.iter().enumerate() {
        // Added latest first: the list orders them by arrival, not by when they were made.
        add(w.db(), &w.a, with(code.clone(), 20 - i as i64, Confirmed, None));
    }
    let staff = desk(&w, &w.team_a.staff).await;
    let codes_on = |body: &str| -> Vec<String> {
        let mut found: Vec<(usize, String)> = arrivals
            .iter()
            .chain(&coming)
            .cloned()
            .chain(["HOUSE001".to_owned(), "HOUSE002".to_owned()])
            .filter_map(|c| body.find(&format!(">{c}</a>")).map(|p| (p, c)))
            .collect();
        found.sort();
        found.into_iter().map(|(_, c)| c).collect()
    };
    let first = codes_on(&staff.get("/reservations").await.body);
    let second = codes_on(&staff.get("/reservations?page=2").await.body);
    assert_eq!(first.len(), 25, "{first:?}");
    let mut arrivals_first = first[..24].to_vec();
    arrivals_first.sort();
    assert_eq!(arrivals_first, arrivals, "the day's arrivals fill page 1: {first:?}");
    let mut in_house = vec![first[24].clone(), second[0].clone()];
    in_house.sort();
    assert_eq!(in_house, ["HOUSE001", "HOUSE002"], "one in house on each page: {first:?} {second:?}");
    let mut by_arrival = coming.clone();
    by_arrival.reverse();
    assert_eq!(second[1..], by_arrival[..], "then what is coming, soonest first");
}
