//! "Today" is the hotel's date in the hotel's timezone, not UTC's. The hotel moves to a
//! zone whose date differs from UTC's right now (a day behind before 11:00 UTC, a day
//! ahead after), and each pair below has one case that UTC's date would decide the other
//! way: check-in and no-show on the hotel's today and tomorrow, a staff booking for the
//! hotel's yesterday and today, and the night audit of the hotel's today and tomorrow.

use chrono::Timelike;
use hotelier::domain::booking::today_in;
use hotelier::domain::ReservationStatus;

use chrono::{Duration, NaiveDate, Utc};
use hotelier::db::reservations::NewReservation;
use hotelier::db::Access;

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(today_is_the_hotels_date);

/// A zone whose date is not UTC's now, with at least an hour before that changes, and
/// its date's offset from UTC's in days. `Etc/GMT+12` is UTC−12 (POSIX signs).
fn zone_off_utc() -> (&'static str, i64) {
    if Utc::now().hour() < 11 {
        ("Etc/GMT+12", -1)
    } else {
        ("Pacific/Kiritimati", 1)
    }
}

async fn today_is_the_hotels_date(backend: Backend) {
    let w = world(backend).await;
    let (zone, shift) = zone_off_utc();
    set_hotel_timezone(w.db(), &w.a, zone);
    let utc_today = Utc::now().date_naive();
    let today = today_in(zone, Utc::now());
    assert_eq!(today, utc_today + Duration::days(shift), "{zone} should be a day off UTC now");
    let (yesterday, tomorrow) = (today - Duration::days(1), today + Duration::days(1));
    let (staff, manager) = (desk(&w, &w.team_a.staff).await, desk(&w, &w.team_a.manager).await);

    // Check-in opens on the hotel's arrival date and not before.
    let arriving =
        add(w.db(), &w.a, NewReservation { room_id: Some(w.a.rooms[1]), ..stay(&w.a, "HOTELTDY", today, 1) });
    let early =
        add(w.db(), &w.a, NewReservation { room_id: Some(w.a.rooms[2]), ..stay(&w.a, "HOTELTMR", tomorrow, 1) });
    let offers_check_in = |page: &Page| page.body.contains(r#"name="action" value="check_in""#);
    assert!(offers_check_in(&staff.get(&format!("/reservations/{}", arriving.id)).await), "no check-in offered today");
    assert!(!offers_check_in(&staff.get(&format!("/reservations/{}", early.id)).await), "check-in offered a day early");
    assert_says(
        &act(&staff, early.id, "check_in", &[]).await,
        409,
        &format!("Check-in opens on the arrival date ({tomorrow})."),
    );
    assert_says(
        &act(&staff, early.id, "no_show", &[]).await,
        409,
        &format!("A guest can only be marked a no-show on or after the arrival date ({tomorrow})."),
    );
    assert_eq!(reservation(w.db(), &w.a, early.id).status, ReservationStatus::Confirmed);
    act(&staff, arriving.id, "check_in", &[]).await.assert_redirect(&format!("/reservations/{}", arriving.id));
    assert_eq!(reservation(w.db(), &w.a, arriving.id).status, ReservationStatus::CheckedIn);

    // For staff, the hotel's yesterday is past and its today is not.
    let before = reservations(w.db(), &w.a).len();
    assert_says(
        &staff.post_form("/reservations", &booking(&w.a, yesterday, tomorrow)).await,
        422,
        "The arrival is in the past. Only a manager can backdate a booking.",
    );
    assert_eq!(reservations(w.db(), &w.a).len(), before);
    let id = booked_id(&staff.post_form("/reservations", &booking(&w.a, today, tomorrow)).await);
    assert_eq!(reservation(w.db(), &w.a, id).check_in, today);

    // The night audit may close the hotel's today but not its tomorrow.
    let audit = |date: NaiveDate| {
        let manager = &manager;
        let path = format!("/hotels/{}/night-audit", w.a.hotel);
        async move { manager.post(&path, &[("date", &date.to_string())]).await }
    };
    assert_says(&audit(tomorrow).await, 409, &format!("{tomorrow} has not happened yet at alpha-hotels Central"));
    audit(today).await.assert_redirect(&format!("/hotels/{}", w.a.hotel));
    let hotel = w.db().tenant(w.a.id, None, Access::Read, |s| s.hotels().get(w.a.hotel)).unwrap();
    assert_eq!(hotel.business_date, Some(tomorrow));
}
