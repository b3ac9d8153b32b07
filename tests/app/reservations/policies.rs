//! Rate plans' policies at the desk: the deposit the folio asks for and whether it is
//! paid, a cancellation after the deadline that shows its penalty before posting it, a
//! manager's waiver with a reason (audited; refused to staff), and the no-show fee the
//! night audit posts.
#![allow(clippy::inconsistent_digit_grouping)]

use hotelier::db::Access;
use hotelier::domain::{FolioKind, ReservationStatus};

use super::rates::make_plan;
use crate::both_backends_async;
use crate::support::*;

both_backends_async!(
    the_details_step_states_the_plans_terms,
    a_late_cancellation_shows_its_penalty_first,
    the_night_audit_posts_the_no_show_fee
);

/// A non-refundable plan at 150.00 a night: half the stay as a deposit, the whole stay as
/// the penalty, the first night as the no-show fee.
const NON_REFUNDABLE: &[(&str, &str)] = &[
    ("cancel_rule", "never"),
    ("deposit_kind", "percent"),
    ("deposit_value", "50"),
    ("penalty_kind", "percent"),
    ("penalty_value", "100"),
    ("no_show_kind", "first_night"),
];

/// Before anything is booked, the details step says in words what the chosen plan asks
/// of this stay: the deposit and its day, what cancelling costs and until when it is
/// free, the no-show fee.
async fn the_details_step_states_the_plans_terms(backend: Backend) {
    let w = world(backend).await;
    let manager = desk(&w, &w.team_a.manager).await;
    let strict = make_plan(&w, &manager, "NRF", NON_REFUNDABLE).await;
    let flexible = make_plan(&w, &manager, "FLEX", &[]).await;
    let staff = desk(&w, &w.team_a.staff).await;
    let details = |from: i64, plan| {
        let search =
            search_url(&w.a, day(from), day(from + 2), 2).replace("/reservations/new?", "/reservations/new/details?");
        format!("{search}&room_type={}&rate_plan={plan}", w.a.room_type)
    };
    let page = staff.get(&details(5, strict)).await;
    assert_eq!(page.status, 200, "{}", page.short());
    let shown = text(&page);
    for said in
        ["A deposit of $150.00 is due by", "Non-refundable: cancelling costs $300.00.", "A no-show is charged $150.00."]
    {
        assert!(shown.contains(said), "{said:?} in {shown}");
    }
    let shown = text(&staff.get(&details(5, flexible)).await);
    for said in ["No deposit is asked.", "Free cancellation until", "after that, cancelling costs $150.00."] {
        assert!(shown.contains(said), "{said:?} in {shown}");
    }
    // Arriving today, 24 hours' notice is already too late.
    let shown = text(&staff.get(&details(0, flexible)).await);
    assert!(shown.contains("The free cancellation deadline has passed: cancelling costs $150.00."), "{shown}");
}

async fn a_late_cancellation_shows_its_penalty_first(backend: Backend) {
    let w = world(backend).await;
    let manager = desk(&w, &w.team_a.manager).await;
    let plan = make_plan(&w, &manager, "NRF", NON_REFUNDABLE).await;
    let staff = desk(&w, &w.team_a.staff).await;
    let book = |from: i64| with(booking(&w.a, day(from), day(from + 2)), "rate_plan", &plan.to_string());
    let first = booked_id(&staff.post_form("/reservations", &book(5)).await);
    let second = booked_id(&staff.post_form("/reservations", &book(10)).await);

    // The folio asks for the deposit (half of 300.00) until it is paid.
    let page = staff.get(&format!("/reservations/{first}")).await;
    assert!(
        text(&page).contains("Deposit $150.00 due by") && text(&page).contains("$150.00 still owed"),
        "{}",
        page.short()
    );
    assert!(text(&page).contains("Cancelling now costs $300.00."), "{}", page.short());

    // Cancelling shows the penalty and changes nothing.
    let before = snapshot(w.db(), w.a.id);
    let asked = act(&staff, first, "cancel", &[("reason", "Plans changed")]).await;
    assert_eq!(asked.status, 409, "{}", asked.short());
    assert!(text(&asked).contains("Cancel and post $300.00"), "{}", asked.short());
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "a cancellation asked about its penalty");
    // Staff may not waive it.
    let waived = act(
        &staff,
        first,
        "cancel",
        &[("reason", "Plans changed"), ("penalty", "waive"), ("waiver_reason", "Regular")],
    )
    .await;
    assert_eq!(waived.status, 403, "{}", waived.short());
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "a waiver staff may not give");
    // Confirmed: cancelled, and the penalty is on the folio.
    let posted = act(&staff, first, "cancel", &[("reason", "Plans changed"), ("penalty", "post")]).await;
    assert_eq!(posted.status, 303, "{}", posted.short());
    assert_eq!(reservation(w.db(), &w.a, first).status, ReservationStatus::Cancelled);
    let charges: Vec<(String, i64)> = folio(w.db(), &w.a, first)
        .into_iter()
        .filter(|e| e.kind == FolioKind::Charge)
        .map(|e| (e.description, e.amount))
        .collect();
    assert_eq!(charges, vec![("Cancellation penalty".to_owned(), 300_00)]);

    // A manager waives the second one's, with a reason: audited, nothing posted.
    let no_reason = act(&manager, second, "cancel", &[("reason", "Storm"), ("penalty", "waive")]).await;
    assert_eq!(no_reason.status, 422, "{}", no_reason.short());
    assert_eq!(reservation(w.db(), &w.a, second).status, ReservationStatus::Confirmed);
    let done = act(
        &manager,
        second,
        "cancel",
        &[("reason", "Storm"), ("penalty", "waive"), ("waiver_reason", "Airport closed")],
    )
    .await;
    assert_eq!(done.status, 303, "{}", done.short());
    assert_eq!(reservation(w.db(), &w.a, second).status, ReservationStatus::Cancelled);
    assert!(folio(w.db(), &w.a, second).iter().all(|e| e.kind != FolioKind::Charge));
    let waivers = audited(w.db(), &w.a, "reservation.penalty_waive");
    assert_eq!(waivers.len(), 1);
    let after = waivers[0].after.as_ref().unwrap();
    assert_eq!((after["amount"].as_i64(), after["reason"].as_str()), (Some(300_00), Some("Airport closed")));
    assert_eq!(waivers[0].user_id, Some(w.team_a.manager.account.id));
}

async fn the_night_audit_posts_the_no_show_fee(backend: Backend) {
    let w = world(backend).await;
    let manager = desk(&w, &w.team_a.manager).await;
    let plan = make_plan(&w, &manager, "NRF", NON_REFUNDABLE).await;
    // Booked (backdated, by a manager) to arrive yesterday, and never came.
    let form = with(booking(&w.a, day(-1), day(1)), "rate_plan", &plan.to_string());
    let id = booked_id(&manager.post_form("/reservations", &form).await);
    let report = w
        .db()
        .tenant(w.a.id, None, Access::Write, |s| {
            let hotel = s.hotels().get(w.a.hotel)?;
            Ok::<_, hotelier::db::DbError>(hotelier::stays::night_audit(s, &hotel, Some(day(-1))).expect("audit"))
        })
        .unwrap();
    assert_eq!((report.no_shows, report.no_show_fees), (1, 150_00));
    assert_eq!(reservation(w.db(), &w.a, id).status, ReservationStatus::NoShow);
    let fees: Vec<(String, i64)> = folio(w.db(), &w.a, id)
        .into_iter()
        .filter(|e| e.kind == FolioKind::Charge)
        .map(|e| (e.description, e.amount))
        .collect();
    assert_eq!(fees, vec![("No-show fee".to_owned(), 150_00)]);
}
