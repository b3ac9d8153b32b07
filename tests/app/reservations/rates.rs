//! Rate plans over HTTP, as a manager sets them up and the desk sells them: a plan made on
//! its form, a derived plan that follows it, weekend prices and a minimum stay from the
//! bulk editor, the search's nightly breakdown per plan, a booking that keeps the price it
//! was sold at after the calendar changes, the restriction that refuses a stay named with
//! its date, stay edits that price only the nights they add, and the night audit posting
//! each night's agreed price.

// Amounts are written as units_cents (`495_00` is 495.00).
#![allow(clippy::inconsistent_digit_grouping)]

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use hotelier::db::nights::ReservationNight;
use hotelier::db::Access;
use hotelier::domain::{FolioKind, RatePlanId, ReservationStatus};

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(
    plans_price_the_stay_night_by_night,
    restrictions_refuse_with_the_rule_and_the_date,
    the_night_audit_posts_the_agreed_price
);

/// The first Friday at least a week ahead.
fn next_friday() -> NaiveDate {
    let mut d = day(7);
    while d.weekday() != Weekday::Fri {
        d += Duration::days(1);
    }
    d
}

/// Makes a base plan `code` selling the standard type at `price` (typed the English way),
/// as a manager does on the plan form; answers its id.
pub(super) async fn make_plan(w: &World, b: &Browser, code: &str, extra: &[(&str, &str)]) -> RatePlanId {
    let mut form: Form = vec![
        ("code".into(), code.into()),
        ("name".into(), format!("{code} plan")),
        ("is_active".into(), "on".into()),
        (format!("sells_{}", w.a.room_type), "on".into()),
        (format!("price_{}", w.a.room_type), "150.00".into()),
        ("cancel_rule".into(), "free".into()),
        ("cancel_hours".into(), "24".into()),
        ("deposit_kind".into(), "none".into()),
        ("penalty_kind".into(), "first_night".into()),
        ("no_show_kind".into(), "first_night".into()),
    ];
    for (k, v) in extra {
        form = with(form, k, v);
    }
    let page = b.post_form(&format!("/hotels/{}/rate-plans", w.a.hotel), &form).await;
    assert_eq!(page.status, 303, "plan {code}: {}", page.short());
    let plans = w.db().tenant(w.a.id, None, Access::Read, |s| s.rate_plans().list(Some(w.a.hotel))).unwrap();
    plans.into_iter().find(|p| p.code == code).expect("the plan").id
}

async fn bulk(
    w: &World,
    b: &Browser,
    plan: RatePlanId,
    from: NaiveDate,
    to: NaiveDate,
    fields: &[(&str, &str)],
) -> Page {
    let mut form: Form = vec![
        ("hotel".into(), w.a.hotel.to_string()),
        ("rate_plan".into(), plan.to_string()),
        ("from".into(), from.to_string()),
        ("to".into(), to.to_string()),
    ];
    for (k, v) in fields {
        form.push(((*k).into(), (*v).into()));
    }
    b.post_form("/rates", &form).await
}

async fn plans_price_the_stay_night_by_night(backend: Backend) {
    let w = world(backend).await;
    let manager = desk(&w, &w.team_a.manager).await;
    let bar = make_plan(&w, &manager, "BAR", &[]).await;
    let nrf = make_plan(
        &w,
        &manager,
        "NRF",
        &[("parent", &bar.to_string()), ("adjust_kind", "percent"), ("adjust_value", "-10")],
    )
    .await;
    // Fridays and Saturdays of the next two months: 200.00.
    let friday = next_friday();
    let done = bulk(&w, &manager, bar, day(0), day(60), &[("fri", "on"), ("sat", "on"), ("price", "200")]).await;
    assert_eq!(done.status, 303, "{}", done.short());
    let calendar = follow(&manager, &done).await;
    assert!(text(&calendar).contains("$200.00") && text(&calendar).contains("$150.00"), "{}", calendar.short());

    // Thursday to Sunday: 150 + 200 + 200 on BAR, 10 % less on NRF, both on the search page.
    let (check_in, check_out) = (friday - Duration::days(1), friday + Duration::days(2));
    let staff = desk(&w, &w.team_a.staff).await;
    let search = staff.get(&search_url(&w.a, check_in, check_out, 2)).await;
    assert_eq!(search.status, 200, "{}", search.short());
    let shown = text(&search);
    assert!(shown.contains("BAR plan") && shown.contains("$550.00"), "BAR's total: {shown}");
    assert!(shown.contains("NRF plan") && shown.contains("$495.00") && shown.contains("$180.00"), "NRF: {shown}");

    // The details step shows the breakdown; booking on NRF stores each night's price.
    let at = search.body.find(&format!("rate_plan={nrf}")).expect("a choose link for NRF");
    let href_at = search.body[..at].rfind("href=\"").expect("its href") + 6;
    let href = unescape(&search.body[href_at..at + search.body[at..].find('"').unwrap()]);
    let details = staff.get(&href).await;
    assert_eq!(details.status, 200, "{}", details.short());
    assert!(
        text(&details).contains("NRF plan: night by night") && text(&details).contains("$495.00"),
        "{}",
        details.short()
    );
    let form = with(booking(&w.a, check_in, check_out), "rate_plan", &nrf.to_string());
    let posted = staff.post_form("/reservations", &form).await;
    let id = booked_id(&posted);
    let r = reservation(w.db(), &w.a, id);
    assert_eq!(r.total_amount, 495_00);
    let nights = w.db().tenant(w.a.id, None, Access::Read, |s| s.nights().of(id)).unwrap();
    let prices: Vec<(NaiveDate, i64)> = nights.iter().map(|n| (n.night, n.price)).collect();
    assert_eq!(prices, vec![(check_in, 135_00), (friday, 180_00), (friday + Duration::days(1), 180_00)]);
    assert!(nights.iter().all(|n| n.rate_plan_id == Some(nrf)));

    // The calendar changes afterwards: the stay keeps what it was sold at.
    let again = bulk(
        &w,
        &manager,
        bar,
        check_in,
        check_out,
        &[
            ("mon", "on"),
            ("tue", "on"),
            ("wed", "on"),
            ("thu", "on"),
            ("fri", "on"),
            ("sat", "on"),
            ("sun", "on"),
            ("price", "999"),
        ],
    )
    .await;
    assert_eq!(again.status, 303, "{}", again.short());
    assert_eq!(reservation(w.db(), &w.a, id).total_amount, 495_00);

    // One night more: only that night is priced, at today's NRF price (999 − 10 %), and the
    // desk is told so.
    let edit = staff.get(&format!("/reservations/{id}/edit")).await;
    let mut form = hidden_inputs(&edit, &format!("/reservations/{id}"));
    for (k, v) in [
        ("check_in", check_in.to_string()),
        ("check_out", (check_out + Duration::days(1)).to_string()),
        ("adults", "2".into()),
    ] {
        form = with(form, k, &v);
    }
    let saved = staff.post_form(&format!("/reservations/{id}"), &form).await;
    assert_eq!(saved.status, 303, "{}", saved.short());
    let shown = follow(&staff, &saved).await;
    assert!(
        flash(&shown).is_some_and(|f| f.contains("$899.10") && f.contains("keep their booked prices")),
        "{:?}",
        flash(&shown)
    );
    assert_eq!(reservation(w.db(), &w.a, id).total_amount, 495_00 + 899_10);
}

async fn restrictions_refuse_with_the_rule_and_the_date(backend: Backend) {
    let w = world(backend).await;
    let manager = desk(&w, &w.team_a.manager).await;
    let bar = make_plan(&w, &manager, "BAR", &[]).await;
    let friday = next_friday();
    let saturday = friday + Duration::days(1);
    // Friday arrivals stay two nights; Saturday is closed to arrival.
    let set = bulk(&w, &manager, bar, friday, friday, &[("fri", "on"), ("min_stay", "2")]).await;
    assert_eq!(set.status, 303, "{}", set.short());
    let set = bulk(&w, &manager, bar, saturday, saturday, &[("sat", "on"), ("closed_to_arrival", "set")]).await;
    assert_eq!(set.status, 303, "{}", set.short());
    // A minimum above the maximum is refused, naming the date, and changes nothing.
    let refused = bulk(&w, &manager, bar, friday, friday, &[("fri", "on"), ("max_stay", "1")]).await;
    assert_eq!(refused.status, 422, "{}", refused.short());
    assert!(text(&refused).contains("the minimum stay (2) would be above the maximum (1)."), "{}", refused.short());

    let staff = desk(&w, &w.team_a.staff).await;
    let before = snapshot(w.db(), w.a.id);
    let one_night = with(booking(&w.a, friday, saturday), "rate_plan", &bar.to_string());
    let page = staff.post_form("/reservations", &one_night).await;
    assert_eq!(page.status, 422, "{}", page.short());
    assert!(
        text(&page).contains("BAR plan: arrivals on") && text(&page).contains("stay at least 2 nights."),
        "{}",
        page.short()
    );
    let cta = with(booking(&w.a, saturday, saturday + Duration::days(2)), "rate_plan", &bar.to_string());
    let page = staff.post_form("/reservations", &cta).await;
    assert!(text(&page).contains("BAR plan takes no arrivals on"), "{}", page.short());
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "refused bookings");
    // The search says the same, per plan.
    let search = staff.get(&search_url(&w.a, friday, saturday, 2)).await;
    assert!(text(&search).contains("stay at least 2 nights."), "{}", search.short());
    // Another organization's plan is not found.
    let b_plan = w.ids_b().rate_plan;
    let foreign = with(booking(&w.a, friday, friday + Duration::days(2)), "rate_plan", &b_plan);
    assert_eq!(staff.post_form("/reservations", &foreign).await.status, 404);
    // Two nights from Friday is fine.
    let ok = with(booking(&w.a, friday, friday + Duration::days(2)), "rate_plan", &bar.to_string());
    assert_eq!(staff.post_form("/reservations", &ok).await.status, 303);
}

/// A stay in house since yesterday, sold at 123.45 for that night (its reservation says
/// 100.00 a night): the night audit of yesterday posts 123.45.
async fn the_night_audit_posts_the_agreed_price(backend: Backend) {
    let w = world(backend).await;
    let yesterday = day(-1);
    let mut new = stay(&w.a, "AUDIT1", yesterday, 2);
    new.status = ReservationStatus::CheckedIn;
    let r = add(w.db(), &w.a, new);
    w.db()
        .tenant(w.a.id, None, Access::Write, |s| {
            let nights = vec![
                ReservationNight::new(r.id, yesterday, None, 123_45),
                ReservationNight::new(r.id, day(0), None, 99_00),
            ];
            s.nights().write(nights)
        })
        .unwrap();
    let report = w
        .db()
        .tenant(w.a.id, None, Access::Write, |s| {
            let hotel = s.hotels().get(w.a.hotel)?;
            Ok::<_, hotelier::db::DbError>(hotelier::stays::night_audit(s, &hotel, Some(yesterday)).expect("audit"))
        })
        .unwrap();
    assert_eq!(report.charges_posted, 1);
    let charged: Vec<i64> =
        folio(w.db(), &w.a, r.id).iter().filter(|e| e.kind == FolioKind::RoomCharge).map(|e| e.amount).collect();
    assert_eq!(charged, vec![123_45], "the agreed price, not the reservation's {}", r.nightly_rate);
}
