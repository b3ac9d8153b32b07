//! Taxes at the desk: rules made on the hotel's tax form, each charge carrying its tax
//! lines (added on top, or included in the price), a city tax per person and night that
//! exempts children, the balance with what the taxes add, and a void that takes its
//! taxes back.
#![allow(clippy::inconsistent_digit_grouping)]

use hotelier::db::Access;
use hotelier::domain::{FolioKind, ReservationStatus};

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(charges_carry_their_tax_lines, reports_are_net_of_included_taxes);

async fn tax_rule(b: &Browser, w: &World, fields: &[(&str, &str)]) {
    let mut form: Form = vec![("valid_from".into(), day(-30).to_string())];
    for (k, v) in fields {
        form = with(form, k, v);
    }
    let page = b.post_form(&format!("/hotels/{}/tax-rules", w.a.hotel), &form).await;
    assert_eq!(page.status, 303, "{fields:?}: {}", page.short());
}

async fn charges_carry_their_tax_lines(backend: Backend) {
    let w = world(backend).await;
    let manager = desk(&w, &w.team_a.manager).await;
    // A bad rate comes back with its message and what was typed.
    let typed: Form =
        [("code", "OCC"), ("name", "Occupancy"), ("kind", "percent"), ("rate", "250"), ("valid_from", "2026-01-01")]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
    let bad = manager.post_form(&format!("/hotels/{}/tax-rules", w.a.hotel), &typed).await;
    assert_eq!(bad.status, 422, "{}", bad.short());
    assert!(
        text(&bad).contains("A percentage between 0.01 and 100.") && bad.body.contains("value=\"250\""),
        "{}",
        bad.short()
    );
    tax_rule(
        &manager,
        &w,
        &[("code", "OCC"), ("name", "Occupancy tax"), ("kind", "percent"), ("rate", "14.75"), ("applies_to", "both")],
    )
    .await;
    tax_rule(
        &manager,
        &w,
        &[
            ("code", "CITY"),
            ("name", "City tax"),
            ("kind", "per_person_night"),
            ("amount", "3.50"),
            ("exempt_children", "on"),
        ],
    )
    .await;
    let hotel = manager.get(&format!("/hotels/{}", w.a.hotel)).await;
    assert!(
        text(&hotel).contains("Occupancy tax") && text(&hotel).contains("$3.50 per person per night"),
        "{}",
        hotel.short()
    );

    // Two adults and a child in house since yesterday, at 199.99 a night.
    let mut new = stay(&w.a, "TAXED1", day(-1), 3);
    new.status = ReservationStatus::CheckedIn;
    (new.adults, new.children) = (2, 1);
    new.nightly_rate = 199_99;
    let r = add(w.db(), &w.a, new);
    w.db()
        .tenant(w.a.id, None, Access::Write, |s| {
            let hotel = s.hotels().get(w.a.hotel)?;
            Ok::<_, hotelier::db::DbError>(hotelier::stays::night_audit(s, &hotel, Some(day(-1))).expect("audit"))
        })
        .unwrap();
    // The night: 199.99, 14.75 % of it (29.4985 → 29.50) and 2 × 3.50 (the child exempt).
    let lines = |id| {
        w.db()
            .tenant(w.a.id, None, Access::Read, |s| {
                let ids: Vec<_> = s.folio().entries(id)?.iter().map(|e| e.id).collect();
                s.tax_rules().lines_of(&ids)
            })
            .unwrap()
    };
    let mut amounts: Vec<i64> = lines(r.id).iter().map(|l| l.amount).collect();
    amounts.sort();
    assert_eq!(amounts, vec![7_00, 29_50]);
    assert_eq!(balance(w.db(), &w.a, r.id), 199_99 + 29_50 + 7_00);

    // An extra: occupancy tax only (no city tax on extras); its void takes the tax back.
    let staff = desk(&w, &w.team_a.staff).await;
    let posted = post_folio(&staff, r.id, &[("kind", "charge"), ("amount", "12.34"), ("description", "Minibar")]).await;
    assert_eq!(posted.status, 303, "{}", posted.short());
    let page = follow(&staff, &posted).await;
    assert!(text(&page).contains(r#"+ Occupancy tax <span class="num">$1.82</span>"#), "{}", page.short());
    assert_eq!(balance(w.db(), &w.a, r.id), 199_99 + 29_50 + 7_00 + 12_34 + 1_82);
    let minibar = folio(w.db(), &w.a, r.id).into_iter().find(|e| e.kind == FolioKind::Charge).unwrap();
    let voided = manager
        .post_form(
            &format!("/reservations/{}/folio/{}/void", r.id, minibar.id),
            &[("reason".to_owned(), "Wrong room".to_owned())],
        )
        .await;
    assert_eq!(voided.status, 303, "{}", voided.short());
    assert_eq!(balance(w.db(), &w.a, r.id), 199_99 + 29_50 + 7_00);
    assert_eq!(lines(r.id).len(), 4, "the void carries the extra's line");

    // The report shows what each rule collected, the void taken back.
    let report = manager.get(&format!("/reports?hotel={}&from={}&to={}", w.a.hotel, day(-1), day(0))).await;
    assert_eq!(report.status, 200, "{}", report.short());
    let taxes = &report.body[report.body.find("Taxes collected").expect("the taxes table")..];
    assert!(
        taxes.contains("Occupancy tax") && taxes.contains("$29.50") && taxes.contains("$7.00"),
        "{}",
        report.short()
    );
}

/// A 10 % tax included in a 110.00 night: the report's room revenue is 100.00 a night.
async fn reports_are_net_of_included_taxes(backend: Backend) {
    let w = world(backend).await;
    w.db()
        .tenant(w.a.id, None, Access::Write, |s| {
            let fields = hotelier::db::taxes::TaxRuleFields {
                code: "VAT".into(),
                name: "VAT".into(),
                kind: hotelier::domain::TaxKind::Percent,
                rate: Some(1_000),
                amount: None,
                included: true,
                applies_to: hotelier::domain::TaxBase::Rooms,
                exempt_children: false,
                valid_from: day(-60),
                valid_to: None,
            };
            s.tax_rules().create(w.a.hotel, &fields)
        })
        .unwrap();
    let mut new = stay(&w.a, "NET001", day(-10), 2);
    (new.status, new.nightly_rate, new.total_amount) = (ReservationStatus::CheckedOut, 110_00, 220_00);
    add(w.db(), &w.a, new);
    let manager = desk(&w, &w.team_a.manager).await;
    let report = manager.get(&format!("/reports?hotel={}&from={}&to={}", w.a.hotel, day(-10), day(-9))).await;
    assert_eq!(report.status, 200, "{}", report.short());
    let csv = manager.get(&format!("/reports?hotel={}&from={}&to={}&format=csv", w.a.hotel, day(-10), day(-9))).await;
    // One line a day: one room-night sold at 110.00, of which 100.00 is room revenue.
    let days: Vec<&str> = csv.body.lines().skip(1).collect();
    assert_eq!(days.len(), 2, "{}", csv.body);
    for line in days {
        assert!(line.ends_with(",1,33.33,100.00,33.33,100.00,USD"), "ADR and revenue net of VAT: {line}");
    }
}
