//! The booking flow over HTTP: search → details → confirm creates a reservation with a
//! readable code, the rate × nights total and an audit row; every refusal answers its
//! status and message and changes nothing; the availability the search page shows follows
//! out-of-order rooms, adjacent stays and the overbooking allowance.

use hotelier::domain::{HousekeepingStatus, ReservationSource, ReservationStatus};

use hotelier::db::reservations::NewReservation;
use hotelier::db::Access;

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(
    booking_end_to_end,
    refused_bookings_change_nothing,
    managers_may_backdate_staff_may_not,
    availability_follows_rooms_stays_and_overbooking
);

const CODE_ALPHABET: &str = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

async fn booking_end_to_end(backend: Backend) {
    let w = world(backend).await;
    let staff = desk(&w, &w.team_a.staff).await;
    let (check_in, check_out) = (day(10), day(13));
    let b_before = snapshot(w.db(), w.b.id);

    // 1. Search: three rooms free each night.
    let search = staff.get(&search_url(&w.a, check_in, check_out, 2)).await;
    assert_eq!(search.status, 200, "{}", search.short());
    assert_eq!(grid(&search, "Standard"), (vec![3, 3, 3], 3));
    let choose = link(&search, "/reservations/new/details?").expect("a Choose link");
    assert!(choose.ends_with(&format!("&room_type={}", w.a.room_type)), "{choose}");

    // 2. Details: the stay, and the free rooms to pick from.
    let details = staff.get(&choose).await;
    assert_eq!(details.status, 200, "{}", details.short());
    assert!(text(&details).contains("Standard at alpha-hotels Central"), "{}", details.short());
    assert!(details.body.contains("3 rooms of this type free for every night."), "{}", details.short());
    let room_102 = w.a.rooms[1].to_string();
    assert!(details.body.contains(&format!(r#"<option value="{room_102}">Room 102"#)), "room 102 offered");

    // 3. Confirm with a new guest and room 102: what the form carries, plus what was typed.
    let mut form = hidden_inputs(&details, "/reservations");
    for (k, v) in [
        ("guest", "new"),
        ("first_name", "Ada"),
        ("last_name", "Lovelace"),
        ("email", "ada@example.test"),
        ("phone", "+44 20 7946 0000"),
        ("room", room_102.as_str()),
        ("source", "phone"),
        ("notes", "Late arrival"),
    ] {
        form = with(form, k, v);
    }
    let posted = staff.post_form("/reservations", &form).await;
    let id = booked_id(&posted);
    assert_eq!(posted.location.as_deref(), Some(format!("/reservations/{id}").as_str()));
    let shown = follow(&staff, &posted).await;
    let flash = flash(&shown).expect("a flash");
    let code = flash
        .strip_prefix("Booked. Confirmation code ")
        .and_then(|rest| rest.strip_suffix('.'))
        .unwrap_or_else(|| panic!("flash {flash:?}"));
    assert!(code.len() == 8 && code.chars().all(|c| CODE_ALPHABET.contains(c)), "code {code:?}");
    assert!(shown.body.contains("$100.00 per night · $300.00 total"), "{}", shown.short());

    let r = reservation(w.db(), &w.a, id);
    assert_eq!(r.confirmation_code, code);
    assert_eq!((r.check_in, r.check_out, r.adults, r.children), (check_in, check_out, 2, 0));
    assert_eq!((r.status, r.nightly_rate, r.total_amount), (ReservationStatus::Confirmed, RATE, 3 * RATE));
    assert_eq!((r.room_id, r.source), (Some(w.a.rooms[1]), ReservationSource::Phone));
    assert_eq!(r.created_by, Some(w.team_a.staff.account.id));
    assert!(r.confirmed_at.is_some());
    let guest = w.db().tenant(w.a.id, None, Access::Read, |s| s.guests().get(r.guest_id)).unwrap();
    assert_eq!((guest.first_name.as_str(), guest.last_name.as_str()), ("Ada", "Lovelace"));
    let created = audited(w.db(), &w.a, "reservation.create");
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].entity_id.as_deref(), Some(id.to_string().as_str()));
    assert_eq!(created[0].user_id, Some(w.team_a.staff.account.id));
    assert_eq!(created[0].after.as_ref().unwrap()["confirmation_code"], code);
    assert_eq!(audited(w.db(), &w.a, "guest.create").len(), 1);

    // A hold: an existing guest, no room, pending. It counts against availability too.
    let held = staff.post_form("/reservations", &with(booking(&w.a, check_in, check_out), "hold", "on")).await;
    let held = reservation(w.db(), &w.a, booked_id(&held));
    assert_eq!((held.status, held.room_id, held.guest_id), (ReservationStatus::Pending, None, w.a.guest));
    assert!(held.confirmed_at.is_none());
    assert_ne!(held.confirmation_code, code);
    let search = staff.get(&search_url(&w.a, check_in, check_out, 2)).await;
    assert_eq!(grid(&search, "Standard"), (vec![1, 1, 1], 1));

    assert_unchanged(&b_before, &snapshot(w.db(), w.b.id), "B after A's bookings");
}

async fn refused_bookings_change_nothing(backend: Backend) {
    let w = world(backend).await;
    let staff = desk(&w, &w.team_a.staff).await;
    // Night day(20) is sold out; room 103 is out of order from now on.
    for (i, room) in w.a.rooms.iter().enumerate() {
        add(w.db(), &w.a, NewReservation { room_id: Some(*room), ..stay(&w.a, &format!("FULL0{i}"), day(20), 1) });
    }
    let full = format!("No Standard is available for every night from {} to {}.", day(20), day(21));
    let full_wider = format!("No Standard is available for every night from {} to {}.", day(19), day(22));
    set_housekeeping(w.db(), &w.a, w.a.rooms[2], HousekeepingStatus::OutOfOrder);
    let (r101, r103) = (w.a.rooms[0].to_string(), w.a.rooms[2].to_string());

    let cases: Vec<(&str, Form, u16, String)> = vec![
        ("sold-out night", booking(&w.a, day(20), day(21)), 409, full),
        ("a stay across the sold-out night", booking(&w.a, day(19), day(22)), 409, full_wider),
        (
            "arrival yesterday (staff)",
            booking(&w.a, day(-1), day(1)),
            422,
            "The arrival is in the past. Only a manager can backdate a booking.".into(),
        ),
        ("departure on arrival", booking(&w.a, day(5), day(5)), 422, "The departure must be after the arrival.".into()),
        (
            "departure before arrival",
            booking(&w.a, day(6), day(5)),
            422,
            "The departure must be after the arrival.".into(),
        ),
        ("61 nights", booking(&w.a, day(30), day(91)), 422, "A stay can be at most 60 nights.".into()),
        (
            "four guests in a room for three",
            with(with(booking(&w.a, day(5), day(6)), "adults", "3"), "children", "1"),
            422,
            "This room type takes at most 3 guests.".into(),
        ),
        (
            "a room another stay holds",
            with(booking(&w.a, day(1), day(2)), "room", &r101),
            409,
            "Room 101 is already taken on some of these nights.".into(),
        ),
        (
            "an out-of-order room",
            with(booking(&w.a, day(40), day(41)), "room", &r103),
            409,
            "Room 103 cannot be sold for this room type.".into(),
        ),
    ];
    for (what, form, status, message) in cases {
        let (a_before, b_before) = (snapshot(w.db(), w.a.id), snapshot(w.db(), w.b.id));
        let page = staff.post_form("/reservations", &form).await;
        assert_eq!(page.status, status, "{what}: {}", page.short());
        assert!(text(&page).contains(&message), "{what}: expected {message:?}: {}", page.short());
        assert_unchanged(&a_before, &snapshot(w.db(), w.a.id), &format!("A after a refused booking ({what})"));
        assert_unchanged(&b_before, &snapshot(w.db(), w.b.id), &format!("B after a refused booking ({what})"));
    }

    // The limits themselves are fine: 60 nights, and three guests.
    booked_id(&staff.post_form("/reservations", &booking(&w.a, day(100), day(160))).await);
    booked_id(&staff.post_form("/reservations", &with(booking(&w.a, day(5), day(6)), "adults", "3")).await);
}

async fn managers_may_backdate_staff_may_not(backend: Backend) {
    let w = world(backend).await;
    let (staff, manager) = (desk(&w, &w.team_a.staff).await, desk(&w, &w.team_a.manager).await);
    let url = search_url(&w.a, day(-1), day(1), 2);
    let past = "The arrival is in the past. Only a manager can backdate a booking.";
    assert_says(&staff.get(&url).await, 422, past);
    let shown = manager.get(&url).await;
    assert_eq!(shown.status, 200, "{}", shown.short());
    // Room 101 holds the fixture stay from today: two left tonight, three last night.
    assert_eq!(grid(&shown, "Standard"), (vec![3, 2], 2));

    let before = reservations(w.db(), &w.a).len();
    assert_says(&staff.post_form("/reservations", &booking(&w.a, day(-1), day(1))).await, 422, past);
    assert_eq!(reservations(w.db(), &w.a).len(), before);
    let id = booked_id(&manager.post_form("/reservations", &booking(&w.a, day(-1), day(1))).await);
    let r = reservation(w.db(), &w.a, id);
    assert_eq!((r.check_in, r.check_out, r.total_amount), (day(-1), day(1), 2 * RATE));
    assert_eq!(r.created_by, Some(w.team_a.manager.account.id));
}

/// Posts the settings form as the owner with `overbooking` percent.
async fn post_overbooking(w: &World, owner: &Browser, overbooking: &str) {
    let fields = settings_form(w.db(), w.a.id, &[("overbooking_percent", overbooking)]);
    owner.post_form("/settings", &fields).await.assert_redirect("/settings");
}

async fn availability_follows_rooms_stays_and_overbooking(backend: Backend) {
    let w = world(backend).await;
    let (staff, owner) = (desk(&w, &w.team_a.staff).await, desk(&w, &w.team_a.owner).await);
    let (d30, d31, d32, d33) = (day(30), day(31), day(32), day(33));
    let url = search_url(&w.a, d30, d33, 2);
    let shown = |page: Page| grid(&page, "Standard");

    assert_eq!(shown(staff.get(&url).await), (vec![3, 3, 3], 3));
    set_housekeeping(w.db(), &w.a, w.a.rooms[2], HousekeepingStatus::OutOfOrder);
    let page = staff.get(&url).await;
    assert!(page.body.contains("2 rooms"), "out-of-order room still counted: {}", page.short());
    assert_eq!(shown(page), (vec![2, 2, 2], 2));

    // Stays that end on the first night's date or start on the departure date do not count,
    // nor do cancelled or checked-out ones; pending ones do.
    let (r101, r102) = (Some(w.a.rooms[0]), Some(w.a.rooms[1]));
    add(w.db(), &w.a, NewReservation { room_id: r101, ..stay(&w.a, "LEAVES30", day(28), 2) });
    add(w.db(), &w.a, NewReservation { room_id: r102, ..stay(&w.a, "ARRIVES3", d33, 2) });
    add(w.db(), &w.a, NewReservation { status: ReservationStatus::Cancelled, ..stay(&w.a, "CANCELD1", d30, 3) });
    add(w.db(), &w.a, NewReservation { status: ReservationStatus::CheckedOut, ..stay(&w.a, "CHKDOUT1", d30, 3) });
    add(w.db(), &w.a, stay(&w.a, "NIGHT31A", d31, 1));
    add(w.db(), &w.a, NewReservation { status: ReservationStatus::Pending, ..stay(&w.a, "PENDING2", d32, 1) });
    assert_eq!(shown(staff.get(&url).await), (vec![2, 1, 1], 1));

    // 50% of two sellable rooms is one more stay a night; 49% rounds down to none.
    post_overbooking(&w, &owner, "50").await;
    assert_eq!(shown(staff.get(&url).await), (vec![3, 2, 2], 2));
    post_overbooking(&w, &owner, "49").await;
    assert_eq!(shown(staff.get(&url).await), (vec![2, 1, 1], 1));
    post_overbooking(&w, &owner, "50").await;

    // What can be booked on d31 at 50%: room 101 taken there, so it cannot be had by
    // number even though the type still has room; without a room the booking goes through,
    // and then the night is full.
    add(w.db(), &w.a, NewReservation { room_id: r101, ..stay(&w.a, "ROOM101N", d31, 1) });
    let night = booking(&w.a, d31, d32);
    let r101 = w.a.rooms[0].to_string();
    assert_says(
        &staff.post_form("/reservations", &with(night.clone(), "room", &r101)).await,
        409,
        "Room 101 is already taken on some of these nights.",
    );
    booked_id(&staff.post_form("/reservations", &night).await);
    assert_says(
        &staff.post_form("/reservations", &night).await,
        409,
        &format!("No Standard is available for every night from {d31} to {d32}."),
    );
    assert_eq!(active_on(w.db(), &w.a, d31).len(), 3, "two sellable rooms + 50%");
    assert_eq!(shown(staff.get(&url).await), (vec![3, 0, 2], 0));
}
