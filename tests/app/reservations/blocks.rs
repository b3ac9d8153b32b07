//! Taking a room out of order or out of service for some nights, with a reason: off
//! availability on those nights only, the stays it affects listed and confirmed first,
//! in-house guests named, and the room back on sale when the block ends.

use hotelier::db::reservations::NewReservation;
use hotelier::domain::{BlockKind, ReservationStatus};

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(a_block_is_off_sale_on_its_nights_only, a_block_over_stays_names_them_and_asks_first);

fn blocks_url(w: &World, room: usize) -> String {
    format!("/rooms/{}/blocks", w.a.rooms[room])
}

fn block_form<'a>(kind: &'a str, from: &'a str, to: &'a str, reason: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("kind", kind), ("starts_on", from), ("ends_on", to), ("reason", reason)]
}

/// The bookable Standard rooms on each night of `[from, to)`, as the search shows them.
async fn bookable(b: &Browser, w: &World, from: i64, to: i64) -> Vec<i64> {
    grid(&b.get(&search_url(&w.a, day(from), day(to), 2)).await, "Standard").0
}

async fn a_block_is_off_sale_on_its_nights_only(backend: Backend) {
    let w = world(backend).await;
    let staff = desk(&w, &w.team_a.staff).await;
    // Three Standard rooms; the fixture stay holds one on nights 0 and 1.
    assert_eq!(bookable(&staff, &w, 0, 7).await, vec![2, 2, 3, 3, 3, 3, 3]);

    // Every mistake at once, as typed; nothing written.
    let before = snapshot(w.db(), w.a.id);
    let (past, d3, d5) = (day(-1).to_string(), day(3).to_string(), day(5).to_string());
    let page = staff.post(&blocks_url(&w, 2), &block_form("out_of_order", &past, &past, " ")).await;
    assert_eq!(page.status, 422, "{}", page.short());
    for message in [
        "A block starts today or later.",
        "The room comes back after it goes out: choose a date after the start.",
        "Say why the room is off sale",
    ] {
        assert!(text(&page).contains(message), "{message}: {}", page.short());
    }
    assert!(page.body.contains(&format!("value=\"{past}\"")), "the dates as typed are kept");
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "after a refused block");

    // One click on the board cannot set a room out of order without dates.
    // It goes back to the board, on the room, with why (not a bare 409 page).
    let click = staff.post(&format!("/rooms/{}/housekeeping", w.a.rooms[2]), &[("status", "out_of_order")]).await;
    click.assert_redirect(&format!("/housekeeping?hotel={}#room-{}", w.a.hotel, w.a.rooms[2]));
    let why = flash(&follow(&staff, &click).await).unwrap_or_default();
    assert!(why.starts_with("A room goes out of order or out of service for some nights, with a reason"), "{why}");
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "after a refused one-click out of order");

    // Room 103 out of order for nights 3 and 4 (back on sale on day 5).
    let page = staff.post(&blocks_url(&w, 2), &block_form("out_of_order", &d3, &d5, "Leaking shower")).await;
    page.assert_redirect(&format!("/housekeeping?hotel={}#room-{}", w.a.hotel, w.a.rooms[2]));
    let notice = flash(&follow(&staff, &page).await).unwrap();
    assert_eq!(notice, format!("Room 103 is out of order from {d3} to {} (back on {d5}).", day(4)));
    assert_eq!(bookable(&staff, &w, 0, 7).await, vec![2, 2, 3, 2, 2, 3, 3], "off sale on nights 3 and 4 only");
    let audit = audited(w.db(), &w.a, "room.block");
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].after.as_ref().unwrap()["reason"], "Leaking shower");
    assert_eq!(audit[0].user_id, Some(w.team_a.staff.account.id));

    // The room cannot be given to a stay on those nights, but can around them.
    let into_103 = |from, to| with(booking(&w.a, day(from), day(to)), "room", &w.a.rooms[2].to_string());
    let refused = staff.post_form("/reservations", &into_103(4, 6)).await;
    assert!(refused.status == 409 || refused.status == 422, "{}", refused.short());
    assert!(text(&refused).contains("Room 103 is already taken on some of these nights."), "{}", refused.short());
    let around = reservation(w.db(), &w.a, booked_id(&staff.post_form("/reservations", &into_103(5, 7)).await));
    assert_eq!(around.room_id, Some(w.a.rooms[2]));

    // The board says what is coming; an overlapping block is refused with the one there.
    let board = staff.get(&format!("/housekeeping?hotel={}", w.a.hotel)).await;
    assert!(text(&board).contains(&format!("Out of order from {d3} through {}", day(4))), "{}", board.short());
    let overlap = staff
        .post(&blocks_url(&w, 2), &block_form("out_of_service", &day(4).to_string(), &day(6).to_string(), "Paint"))
        .await;
    assert_eq!(overlap.status, 422);
    assert!(
        text(&overlap).contains(&format!("Room 103 is already out of order from {d3} to {}.", day(4))),
        "{}",
        overlap.short()
    );

    // Ending a block that has not started removes it: all three rooms are back.
    let block = w
        .db()
        .tenant(w.a.id, None, hotelier::db::Access::Read, |s| s.room_blocks().of_room(w.a.rooms[2], day(0)))
        .unwrap()
        .remove(0);
    assert_eq!((block.kind, block.starts_on, block.ends_on), (BlockKind::OutOfOrder, day(3), day(5)));
    let ended = staff.post(&format!("/room-blocks/{}/end", block.id), &[]).await;
    ended.assert_redirect(&format!("/housekeeping?hotel={}#room-{}", w.a.hotel, w.a.rooms[2]));
    assert_eq!(bookable(&staff, &w, 0, 5).await, vec![2, 2, 3, 3, 3]);
    assert_eq!(audited(w.db(), &w.a, "room.unblock").len(), 1);

    // A block that is over cannot be ended again: back to the room's blocks with why.
    let over = w
        .db()
        .tenant(w.a.id, None, hotelier::db::Access::Write, |s| {
            s.room_blocks().create(&hotelier::db::room_blocks::NewRoomBlock {
                hotel_id: w.a.hotel,
                room_id: w.a.rooms[2],
                kind: BlockKind::OutOfService,
                starts_on: day(-3),
                ends_on: day(-1),
                reason: "Painted".into(),
            })
        })
        .unwrap();
    let before = snapshot(w.db(), w.a.id);
    let again = staff.post(&format!("/room-blocks/{}/end", over.id), &[]).await;
    again.assert_redirect(&format!("/rooms/{}/block", w.a.rooms[2]));
    let shown = follow(&staff, &again).await;
    assert_eq!(flash(&shown).as_deref(), Some("This block is over: the room is on sale again."));
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "after ending a block that is over");
}

async fn a_block_over_stays_names_them_and_asks_first(backend: Backend) {
    let w = world(backend).await;
    let staff = desk(&w, &w.team_a.staff).await;
    // Room 101: the fixture stay, checked in today, and a stay coming on day 5.
    act(&staff, w.a.reservation, "check_in", &[("room", &w.a.rooms[0].to_string())]).await;
    assert_eq!(reservation(w.db(), &w.a, w.a.reservation).status, ReservationStatus::CheckedIn);
    let coming = add(w.db(), &w.a, NewReservation { room_id: Some(w.a.rooms[0]), ..stay(&w.a, "COMING", day(5), 2) });

    let (today, week) = (day(0).to_string(), day(7).to_string());
    let form = block_form("out_of_service", &today, &week, "Refit");
    let before = snapshot(w.db(), w.a.id);
    let ask = staff.post(&blocks_url(&w, 0), &form).await;
    assert_eq!(ask.status, 200, "{}", ask.short());
    let shown = text(&ask);
    assert!(shown.contains("These stays have room 101 on some of those nights"), "{}", ask.short());
    assert!(shown.contains("AABC123") && shown.contains("In house: move the guest to another room."), "{shown}");
    assert!(shown.contains("COMING") && shown.contains("Loses the room and keeps the booking"), "{shown}");
    assert!(ask.body.contains("name=\"confirmed\" value=\"yes\""), "asks to confirm: {}", ask.short());
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "before the desk confirms");

    let mut confirmed = form.clone();
    confirmed.push(("confirmed", "yes"));
    let done = staff.post(&blocks_url(&w, 0), &confirmed).await;
    assert_eq!(done.status, 303, "{}", done.short());
    let notice = flash(&follow(&staff, &done).await).unwrap();
    assert!(notice.contains("Give these stays another room: COMING."), "{notice}");
    assert!(notice.contains("Move the in-house guests of AABC123 to another room."), "{notice}");
    assert_eq!(reservation(w.db(), &w.a, coming.id).room_id, None, "the coming stay lost the room");
    assert_eq!(reservation(w.db(), &w.a, coming.id).status, ReservationStatus::Confirmed, "and kept its booking");
    assert_eq!(reservation(w.db(), &w.a, w.a.reservation).room_id, Some(w.a.rooms[0]), "the guest is still there");
    let released = audited(w.db(), &w.a, "reservation.room_released");
    assert_eq!(released.len(), 1);
    assert_eq!(released[0].entity_id.as_deref(), Some(coming.id.to_string().as_str()));

    // The board shows the room off sale now, with its reason, and still occupied.
    let board = text(&staff.get(&format!("/housekeeping?hotel={}", w.a.hotel)).await);
    let card = &board[board.find(&format!("id=\"room-{}\"", w.a.rooms[0])).unwrap()..];
    let card = &card[..card.find("</article>").unwrap()];
    assert!(card.contains("hk-room hk-out_of_service") || board.contains("hk-out_of_service\" id=\"room"), "{card}");
    assert!(card.contains(&format!("through {} · Refit", day(6))), "{card}");
    assert!(card.contains("Occupied"), "{card}");
}
