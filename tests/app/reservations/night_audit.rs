//! The night audit, from the hotel page's button and from the `hotelier night-audit`
//! CLI: confirmed stays due by the audited date become no-shows, each in-house stay gets
//! one room charge for that night, the business date moves to the next day, and running
//! it again for the same date changes nothing at all.

use std::process::Command;

use hotelier::db::DatabaseUrl;
use hotelier::domain::{FolioKind, ReservationStatus};

use chrono::NaiveDate;
use hotelier::db::reservations::NewReservation;
use hotelier::db::{Access, Db};
use hotelier::domain::ReservationId;

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(
    night_audit_marks_no_shows_and_posts_charges_once,
    night_audit_refuses_staff_and_future_dates,
    cli_reports_what_the_button_does,
    check_out_after_the_audit_charges_each_night_once
);

const BIN: &str = env!("CARGO_BIN_EXE_hotelier");
const IN_HOUSE_RATE: i64 = 12_000;

/// The stays an audit of yesterday meets, the same in either organization.
struct Night {
    /// Confirmed, due yesterday, never came: becomes a no-show.
    missing: ReservationId,
    /// Pending, due yesterday: left alone (only confirmed stays become no-shows).
    pending: ReservationId,
    /// Checked in the day before yesterday, leaving tomorrow: charged for yesterday.
    in_house: ReservationId,
    /// Checked in, left yesterday morning: slept no night of yesterday.
    leaving: ReservationId,
}

fn night(db: &Db, org: &Org) -> Night {
    let yesterday = day(-1);
    let missing = add(db, org, stay(org, "MISSING1", yesterday, 2)).id;
    let pending =
        add(db, org, NewReservation { status: ReservationStatus::Pending, ..stay(org, "PENDING1", yesterday, 2) }).id;
    let in_house = add(
        db,
        org,
        NewReservation {
            status: ReservationStatus::CheckedIn,
            room_id: Some(org.rooms[1]),
            nightly_rate: IN_HOUSE_RATE,
            ..stay(org, "INHOUSE1", day(-2), 3)
        },
    )
    .id;
    let leaving = add(
        db,
        org,
        NewReservation {
            status: ReservationStatus::CheckedIn,
            room_id: Some(org.rooms[2]),
            ..stay(org, "LEAVING1", day(-3), 2)
        },
    )
    .id;
    Night { missing, pending, in_house, leaving }
}

/// Asserts what one audit of yesterday leaves in `org`.
#[track_caller]
fn assert_audited_yesterday(db: &Db, org: &Org, n: &Night) {
    let status = |id| reservation(db, org, id).status;
    assert_eq!(status(n.missing), ReservationStatus::NoShow);
    assert!(reservation(db, org, n.missing).no_show_at.is_some());
    assert_eq!(status(n.pending), ReservationStatus::Pending);
    assert_eq!(status(n.in_house), ReservationStatus::CheckedIn);
    assert_eq!(status(n.leaving), ReservationStatus::CheckedIn);
    // The fixture stay arrives today: not the audited date's business.
    assert_eq!(status(org.reservation), ReservationStatus::Confirmed);
    let charges: Vec<(FolioKind, i64, Option<NaiveDate>)> =
        folio(db, org, n.in_house).iter().map(|e| (e.kind, e.amount, e.service_date)).collect();
    assert_eq!(charges, vec![(FolioKind::RoomCharge, IN_HOUSE_RATE, Some(day(-1)))]);
    assert!(folio(db, org, n.leaving).is_empty(), "charged a stay that had left");
    assert!(folio(db, org, n.missing).is_empty());
    let hotel = db.tenant(org.id, None, Access::Read, |s| s.hotels().get(org.hotel)).unwrap();
    assert_eq!(hotel.business_date, Some(day(0)));
    let no_shows = audited(db, org, "reservation.no_show");
    assert_eq!(no_shows.len(), 1);
    assert_eq!(no_shows[0].entity_id.as_deref(), Some(n.missing.to_string().as_str()));
    assert_eq!(no_shows[0].after.as_ref().unwrap()["by"], "night_audit");
    assert_eq!(audited(db, org, "night_audit.run").len(), 1);
}

async fn run_button(b: &Browser, org: &Org, date: &str) -> Page {
    b.post(&format!("/hotels/{}/night-audit", org.hotel), &[("date", date)]).await
}

async fn night_audit_marks_no_shows_and_posts_charges_once(backend: Backend) {
    let w = world(backend).await;
    let manager = desk(&w, &w.team_a.manager).await;
    let n = night(w.db(), &w.a);
    let b_before = snapshot(w.db(), w.b.id);
    let (yesterday, today) = (day(-1).to_string(), day(0).to_string());

    let page = run_button(&manager, &w.a, &yesterday).await;
    page.assert_redirect(&format!("/hotels/{}", w.a.hotel));
    let shown = follow(&manager, &page).await;
    assert_eq!(
        flash(&shown).as_deref(),
        Some(
            format!("Night audit for {yesterday}: 1 no-show, 1 room charge posted. Business date is now {today}.")
                .as_str()
        )
    );
    assert!(shown.body.contains(&format!("<dt>Business date</dt><dd>{today}</dd>")), "{}", shown.short());
    assert_audited_yesterday(w.db(), &w.a, &n);
    assert_eq!(audited(w.db(), &w.a, "night_audit.run")[0].user_id, Some(w.team_a.manager.account.id));

    // Again for the same date: the same report with nothing done, and not one row changed.
    let before = snapshot(w.db(), w.a.id);
    let page = run_button(&manager, &w.a, &yesterday).await;
    page.assert_redirect(&format!("/hotels/{}", w.a.hotel));
    assert_eq!(
        flash(&follow(&manager, &page).await).as_deref(),
        Some(
            format!("Night audit for {yesterday}: 0 no-shows, 0 room charges posted. Business date is now {today}.")
                .as_str()
        )
    );
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "A after the second audit of the same date");
    assert_audited_yesterday(w.db(), &w.a, &n);

    // An older date does not move the business date back.
    let page = run_button(&manager, &w.a, &day(-2).to_string()).await;
    page.assert_redirect(&format!("/hotels/{}", w.a.hotel));
    let hotel = w.db().tenant(w.a.id, None, Access::Read, |s| s.hotels().get(w.a.hotel)).unwrap();
    assert_eq!(hotel.business_date, Some(day(0)));
    assert_unchanged(&b_before, &snapshot(w.db(), w.b.id), "B after A's night audits");
}

async fn night_audit_refuses_staff_and_future_dates(backend: Backend) {
    let w = world(backend).await;
    let (staff, manager) = (desk(&w, &w.team_a.staff).await, desk(&w, &w.team_a.manager).await);
    night(w.db(), &w.a);
    let before = snapshot(w.db(), w.a.id);
    assert_says(&run_button(&staff, &w.a, &day(-1).to_string()).await, 403, "Your role does not allow this.");
    let tomorrow = day(1);
    assert_says(
        &run_button(&manager, &w.a, &tomorrow.to_string()).await,
        409,
        &format!("{tomorrow} has not happened yet at alpha-hotels Central; its night audit cannot run."),
    );
    assert_says(&run_button(&manager, &w.a, "yesterday").await, 409, "Enter the date to audit like");
    // Another organization's hotel is not found.
    assert_eq!(run_button(&manager, &w.b, &day(-1).to_string()).await.status, 404);
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "A after refused audits");
}

/// Runs the CLI on `url`; returns (success, stdout, stderr).
fn cli(url: &DatabaseUrl, args: &[&str]) -> (bool, String, String) {
    let url = match url {
        DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
        DatabaseUrl::Postgres(raw) => raw.clone(),
    };
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .arg("night-audit")
        .args(args)
        .args(["--database-url", &url, "--data-dir"])
        .arg(data.path())
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "error")
        .output()
        .expect("run hotelier");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

async fn cli_reports_what_the_button_does(backend: Backend) {
    let w = world(backend).await;
    let manager = desk(&w, &w.team_a.manager).await;
    // The same night in both organizations: A audits from the hotel page, B from the CLI.
    let (na, nb) = (night(w.db(), &w.a), night(w.db(), &w.b));
    let (yesterday, today) = (day(-1).to_string(), day(0).to_string());
    let url = &w.app.test_db.url;

    run_button(&manager, &w.a, &yesterday).await.assert_redirect(&format!("/hotels/{}", w.a.hotel));
    let a_after = snapshot(w.db(), w.a.id);
    let args = ["--tenant", "bravo-inns", "--hotel", "hq", "--date", yesterday.as_str()];
    let (ok, stdout, stderr) = cli(url, &args);
    assert!(ok, "night-audit failed: {stderr}");
    assert_eq!(
        stdout.trim(),
        format!(
            "night audit bravo-inns/hq for {yesterday}: 1 no-shows, 1 room charges posted; business date now {today}"
        )
    );
    assert_audited_yesterday(w.db(), &w.b, &nb);
    assert_audited_yesterday(w.db(), &w.a, &na);
    assert_unchanged(&a_after, &snapshot(w.db(), w.a.id), "A after B's CLI audit");

    // Again: nothing to do, nothing changed.
    let b_after = snapshot(w.db(), w.b.id);
    let (ok, stdout, stderr) = cli(url, &args);
    assert!(ok, "second night-audit failed: {stderr}");
    assert_eq!(
        stdout.trim(),
        format!(
            "night audit bravo-inns/hq for {yesterday}: 0 no-shows, 0 room charges posted; business date now {today}"
        )
    );
    assert_unchanged(&b_after, &snapshot(w.db(), w.b.id), "B after the second CLI audit");

    // Unknown names and future dates fail with one line and change nothing.
    let tomorrow = day(1).to_string();
    for (args, message) in [
        (vec!["--tenant", "nobody", "--hotel", "HQ"], "error: no organization with the slug `nobody`".to_owned()),
        (
            vec!["--tenant", "bravo-inns", "--hotel", "NOPE"],
            "error: bravo-inns has no hotel with the code `NOPE`".to_owned(),
        ),
        (
            vec!["--tenant", "bravo-inns", "--hotel", "HQ", "--date", tomorrow.as_str()],
            format!("error: {tomorrow} has not happened yet at bravo-inns Central"),
        ),
    ] {
        let (ok, _, stderr) = cli(url, &args);
        assert!(!ok, "{args:?} succeeded");
        assert!(stderr.lines().any(|l| l == message), "{args:?}: expected {message:?} in stderr: {stderr}");
    }
    assert_unchanged(&b_after, &snapshot(w.db(), w.b.id), "B after refused CLI audits");
}

/// A night the audit charged is not charged again at check-out, and an audit after the
/// guest left charges nothing.
async fn check_out_after_the_audit_charges_each_night_once(backend: Backend) {
    let w = world(backend).await;
    let manager = desk(&w, &w.team_a.manager).await;
    let guest = add(
        w.db(),
        &w.a,
        NewReservation {
            status: ReservationStatus::CheckedIn,
            room_id: Some(w.a.rooms[1]),
            ..stay(&w.a, "AUDITOUT", day(-2), 2)
        },
    );
    run_button(&manager, &w.a, &day(-1).to_string()).await.assert_redirect(&format!("/hotels/{}", w.a.hotel));
    assert_eq!(folio(w.db(), &w.a, guest.id).len(), 1);
    // The audited night and the one before it: $200.00, not $300.00.
    let page = act(&manager, guest.id, "check_out", &[]).await;
    assert_says(&page, 409, "The folio still has $200.00 to pay.");
    act(&manager, guest.id, "check_out", &[("override_balance", "on")])
        .await
        .assert_redirect(&format!("/reservations/{}", guest.id));
    let mut nights: Vec<(Option<NaiveDate>, i64)> =
        folio(w.db(), &w.a, guest.id).iter().map(|e| (e.service_date, e.amount)).collect();
    nights.sort();
    assert_eq!(nights, vec![(Some(day(-2)), RATE), (Some(day(-1)), RATE)]);

    let before = snapshot(w.db(), w.a.id);
    run_button(&manager, &w.a, &day(-1).to_string()).await.assert_redirect(&format!("/hotels/{}", w.a.hotel));
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "after auditing a night again once the guest left");
}
