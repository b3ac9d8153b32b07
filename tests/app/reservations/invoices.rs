//! Invoices over HTTP: issued from a stay to a new company (kept for next time), with its
//! lines, taxes and totals; nothing billed twice; immutable in the database; a void of an
//! invoiced charge refused; a credit note that cancels it (a manager's, not staff's) and
//! opens its charges again; the list's search and CSV; check-out invoicing the guest; and
//! numbers with no gap and no duplicate when 32 invoices are issued at once.
#![allow(clippy::inconsistent_digit_grouping)]

use std::sync::Arc;

use diesel::RunQueryDsl;
use hotelier::db::folio::NewFolioEntry;
use hotelier::db::Access;
use hotelier::domain::{FolioKind, ReservationId, ReservationStatus};
use tokio::sync::Barrier;

use super::concurrency::sixteen_desks;
use crate::both_backends_async;
use crate::support::*;

both_backends_async!(
    an_invoice_bills_the_open_charges_once,
    check_out_invoices_the_guest,
    a_wrong_bill_to_keeps_what_was_typed,
    companies_are_kept_and_issued_invoices_keep_their_bill_to,
    thirty_two_at_once_take_thirty_two_numbers
);

fn charge(w: &World, id: ReservationId, description: &str, amount: i64) {
    w.db()
        .tenant(w.a.id, None, Access::Write, |s| {
            s.folio().post(&NewFolioEntry {
                reservation_id: id,
                kind: FolioKind::Charge,
                description: description.into(),
                amount,
                method: None,
                reference: None,
                service_date: Some(day(0)),
            })
        })
        .unwrap();
}

/// A's series this year: `ALP-<hotel code>-<year>`.
fn series(w: &World) -> String {
    let hotel = w.db().tenant(w.a.id, None, Access::Read, |s| s.hotels().get(w.a.hotel)).unwrap();
    format!("ALP-{}-{}", hotel.code, chrono::Utc::now().format("%Y"))
}

fn form(pairs: &[(&str, &str)]) -> Form {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

async fn an_invoice_bills_the_open_charges_once(backend: Backend) {
    let w = world(backend).await;
    let r = add(w.db(), &w.a, stay(&w.a, "INV001", day(0), 2));
    charge(&w, r.id, "Dinner", 48_50);
    charge(&w, r.id, "Spa", 90_00);
    // The organization's legal name and tax registration, from its settings.
    let owner = desk(&w, &w.team_a.owner).await;
    let legal = [("legal_name", "Alpha Hotels plc"), ("tax_id", "GB987654321")];
    owner.post_form("/settings", &settings_form(w.db(), w.a.id, &legal)).await.assert_redirect("/settings");
    let staff = desk(&w, &w.team_a.staff).await;
    let issue = form(&[
        ("bill_to", "new"),
        ("company_name", "Acme Travel Ltd"),
        ("company_tax_id", "GB123456789"),
        ("company_address", "1 King St, London"),
    ]);
    let issued = staff.post_form(&format!("/reservations/{}/invoices", r.id), &issue).await;
    assert_eq!(issued.status, 303, "{}", issued.short());
    let page = follow(&staff, &issued).await;
    let series = series(&w);
    let code = format!("{series}-000001");
    let shown = text(&page);
    assert!(
        shown.contains(&code) && shown.contains("Acme Travel Ltd") && shown.contains("GB123456789"),
        "{}",
        page.short()
    );
    assert!(shown.contains("Dinner") && shown.contains("Spa") && shown.contains("$138.50"), "{}", page.short());
    assert!(shown.contains("Alpha Hotels plc") && shown.contains("Tax id GB987654321"), "the issuer's legal details");

    // Nothing is left to bill; the company is offered next time.
    let back = staff.post_form(&format!("/reservations/{}/invoices", r.id), &form(&[("bill_to", "guest")])).await;
    assert_eq!(back.status, 409, "{}", back.short());
    assert!(text(&back).contains("invoiced already"), "{}", back.short());
    assert!(back.body.contains("Acme Travel Ltd"), "the company is kept");

    // The database refuses to change an issued invoice.
    // (As the app's role on PostgreSQL, which sees A's rows once the tenant is set.)
    let mut raw = w.app.test_db.raw();
    if backend == Backend::Postgres {
        let set = format!("SELECT set_config('app.tenant_id', '{}', false)", w.a.id);
        diesel::sql_query(set).execute(&mut raw).unwrap();
    }
    let changed = diesel::sql_query(format!("UPDATE invoices SET total = 1 WHERE code = '{code}'")).execute(&mut raw);
    assert!(changed.is_err(), "an issued invoice was changed: {changed:?}");
    let deleted = diesel::sql_query("DELETE FROM invoice_lines").execute(&mut raw);
    assert!(deleted.is_err(), "an issued invoice lost its lines: {deleted:?}");
    // Voiding an invoiced charge is refused: credit it.
    let dinner = folio(w.db(), &w.a, r.id).into_iter().find(|e| e.description == "Dinner").unwrap();
    let manager = desk(&w, &w.team_a.manager).await;
    let void = manager
        .post_form(&format!("/reservations/{}/folio/{}/void", r.id, dinner.id), &form(&[("reason", "Wrong")]))
        .await;
    assert!(text(&void).contains("This charge is on an invoice"), "{}", void.short());

    // A credit note: staff may not, a manager may; the charges are open again.
    let invoices = w.db().tenant(w.a.id, None, Access::Read, |s| s.invoices().of_reservation(r.id)).unwrap();
    let invoice = invoices[0].clone();
    assert_eq!((invoice.total, invoice.code.as_str()), (138_50, code.as_str()));
    assert_eq!(staff.post_form(&format!("/invoices/{}/credit", invoice.id), &form(&[])).await.status, 403);
    let credited = manager.post_form(&format!("/invoices/{}/credit", invoice.id), &form(&[])).await;
    assert_eq!(credited.status, 303, "{}", credited.short());
    let note = follow(&manager, &credited).await;
    assert!(
        text(&note).contains(&format!("CN-{series}-000001")) && text(&note).contains("-$138.50"),
        "{}",
        note.short()
    );
    let reissued = staff.post_form(&format!("/reservations/{}/invoices", r.id), &form(&[("bill_to", "guest")])).await;
    assert_eq!(reissued.status, 303, "{}", reissued.short());
    follow(&staff, &reissued).await;
    let all = w.db().tenant(w.a.id, None, Access::Read, |s| s.invoices().of_reservation(r.id)).unwrap();
    let codes: Vec<&str> = all.iter().map(|i| i.code.as_str()).collect();
    assert!(codes.contains(&format!("{series}-000002").as_str()), "{codes:?}");

    // The list finds it by the company's name; the CSV has the three.
    let list = staff.get("/invoices?q=acme").await;
    assert!(text(&list).contains(&code) && !text(&list).contains(&format!("{series}-000002")), "{}", list.short());
    let csv = staff.get("/invoices?format=csv").await;
    assert_eq!(csv.body.lines().count(), 1 + 3, "a header and the three: {}", csv.body);
    assert!(csv.body.contains(&format!("{code},invoice,")), "{}", csv.body);
}

/// The companies page: a company added there (after a form that came back as typed) is
/// offered on the stay's invoice form; renaming it changes the list and the next invoice,
/// never one already issued; an old version is a conflict; a company an invoice names is
/// kept, one no invoice names is deleted; a viewer sees the list and cannot add.
async fn companies_are_kept_and_issued_invoices_keep_their_bill_to(backend: Backend) {
    let w = world(backend).await;
    let staff = desk(&w, &w.team_a.staff).await;
    let empty = staff.get("/companies").await;
    assert!(text(&empty).contains("No companies yet"), "{}", empty.short());

    let wrong =
        form(&[("name", " "), ("tax_id", "GB123456789"), ("email", "billing-at-acme"), ("address", "1 King St")]);
    let page = staff.post_form("/companies", &wrong).await;
    assert_eq!(page.status, 422, "{}", page.short());
    assert!(text(&page).contains("This field is required"), "{}", page.short());
    assert!(text(&page).contains("Enter an email address"), "{}", page.short());
    assert!(page.body.contains(r#"value="GB123456789""#) && page.body.contains("1 King St"), "kept as typed");
    let added = staff
        .post_form(
            "/companies",
            &form(&[("name", "Acme Travel Ltd"), ("tax_id", "GB123456789"), ("email", "Billing@Acme.test")]),
        )
        .await;
    added.assert_redirect("/companies");
    let list = follow(&staff, &added).await;
    assert!(
        text(&list).contains("Acme Travel Ltd added") && text(&list).contains("billing@acme.test"),
        "{}",
        list.short()
    );
    let acme = w.db().tenant(w.a.id, None, Access::Read, |s| s.companies().list()).unwrap().remove(0);

    // Offered on the stay's page, and billed.
    let r = add(w.db(), &w.a, stay(&w.a, "INV005", day(0), 1));
    charge(&w, r.id, "Dinner", 48_50);
    let stay_page = staff.get(&format!("/reservations/{}", r.id)).await;
    assert!(stay_page.body.contains(&format!(r#"<option value="{}""#, acme.id)), "the company is offered");
    let company = acme.id.to_string();
    let issued = staff
        .post_form(&format!("/reservations/{}/invoices", r.id), &form(&[("bill_to", "company"), ("company", &company)]))
        .await;
    assert_eq!(issued.status, 303, "{}", issued.short());
    let invoice_path = issued.location.clone().expect("the invoice");

    // Renamed: the list shows the new name and one invoice; the issued invoice the old.
    let edit = staff.get(&format!("/companies/{}/edit", acme.id)).await;
    assert!(edit.body.contains(r#"value="Acme Travel Ltd""#), "{}", edit.short());
    let renamed =
        form(&[("name", "Acme Journeys plc"), ("tax_id", "GB123456789"), ("version", &acme.version.to_string())]);
    staff.post_form(&format!("/companies/{}", acme.id), &renamed).await.assert_redirect("/companies");
    let list = text(&staff.get("/companies?q=journeys").await);
    assert!(list.contains("Acme Journeys plc") && !list.contains("Acme Travel Ltd"), "{list}");
    assert!(staff.get(&format!("/companies/{}/edit", acme.id)).await.body.contains(r#"value="Acme Journeys plc""#));
    let kept = text(&staff.get(&invoice_path).await);
    assert!(kept.contains("Acme Travel Ltd") && !kept.contains("Acme Journeys plc"), "the invoice as issued: {kept}");
    assert!(text(&staff.get("/companies?q=nobody").await).contains("No company matches"), "a search that finds none");

    // Saving the old version again is a conflict that shows what changed.
    let stale = form(&[("name", "Acme Tours"), ("version", &acme.version.to_string())]);
    let conflict = staff.post_form(&format!("/companies/{}", acme.id), &stale).await;
    assert_eq!(conflict.status, 409, "{}", conflict.short());
    assert!(text(&conflict).contains("Acme Journeys plc"), "the saved name is shown: {}", conflict.short());

    // Deleting: refused while an invoice names it (a manager's button); an unused one goes.
    let manager = desk(&w, &w.team_a.manager).await;
    assert_eq!(staff.post_form(&format!("/companies/{}/delete", acme.id), &form(&[])).await.status, 403);
    let refused = manager.post_form(&format!("/companies/{}/delete", acme.id), &form(&[])).await;
    refused.assert_redirect(&format!("/companies/{}/edit", acme.id));
    assert!(text(&follow(&manager, &refused).await).contains("Invoices name this company"));
    let spare = manager.post_form("/companies", &form(&[("name", "Spare Co")])).await;
    spare.assert_redirect("/companies");
    let spare = w.db().tenant(w.a.id, None, Access::Read, |s| s.companies().list()).unwrap();
    let spare = spare.iter().find(|c| c.name == "Spare Co").unwrap().id;
    manager.post_form(&format!("/companies/{spare}/delete"), &form(&[])).await.assert_redirect("/companies");
    let left = w.db().tenant(w.a.id, None, Access::Read, |s| s.companies().list()).unwrap();
    assert_eq!(left.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Acme Journeys plc"]);

    // A viewer reads the list, and may not add.
    let viewer = desk(&w, &w.team_a.viewer).await;
    assert!(text(&viewer.get("/companies").await).contains("Acme Journeys plc"));
    assert_eq!(viewer.get("/companies/new").await.status, 403);
}

/// A new company without a name and with a wrong email: the page comes back (422) with a
/// message by each field and everything typed in place (the ticked charge, the tax id, the address), and
/// nothing is issued.
async fn a_wrong_bill_to_keeps_what_was_typed(backend: Backend) {
    let w = world(backend).await;
    let r = add(w.db(), &w.a, stay(&w.a, "INV004", day(0), 2));
    charge(&w, r.id, "Dinner", 48_50);
    charge(&w, r.id, "Spa", 90_00);
    let spa = folio(w.db(), &w.a, r.id).into_iter().find(|e| e.description == "Spa").unwrap();
    let staff = desk(&w, &w.team_a.staff).await;
    let ticked = format!("entry_{}", spa.id);
    let typed = form(&[
        ("bill_to", "new"),
        ("company_name", "  "),
        ("company_tax_id", "PT509876543"),
        ("company_address", "Rua Augusta 10, Lisboa"),
        ("company_email", "facturas-at-augusta"),
        (ticked.as_str(), "on"),
    ]);
    let page = staff.post_form(&format!("/reservations/{}/invoices", r.id), &typed).await;
    assert_eq!(page.status, 422, "{}", page.short());
    assert!(text(&page).contains("This field is required"), "{}", page.short());
    assert!(text(&page).contains("Enter an email address"), "the email is checked: {}", page.short());
    assert!(page.body.contains(r#"value="facturas-at-augusta""#), "the email as typed");
    assert!(page.body.contains(r#"value="PT509876543""#), "the tax id as typed");
    assert!(page.body.contains(r#"value="Rua Augusta 10, Lisboa""#), "the address as typed");
    assert!(page.body.contains(&format!(r#"name="{ticked}" value="on" checked"#)), "the ticked charge");
    assert!(page.body.contains(r#"value="new" checked"#), "the bill-to chosen");
    let issued = w.db().tenant(w.a.id, None, Access::Read, |s| s.invoices().of_reservation(r.id)).unwrap();
    assert!(issued.is_empty(), "nothing is issued: {issued:?}");
}

async fn check_out_invoices_the_guest(backend: Backend) {
    let w = world(backend).await;
    let mut new = stay(&w.a, "OUT001", day(-1), 1);
    new.status = ReservationStatus::CheckedIn;
    let r = add(w.db(), &w.a, new);
    let staff = desk(&w, &w.team_a.staff).await;
    // Paid in full first, so only the invoice stands between the desk and check-out.
    let paid = post_folio(&staff, r.id, &[("kind", "payment"), ("amount", "100.00"), ("method", "card")]).await;
    assert!(paid.status == 303 || paid.status == 403, "{}", paid.short());
    w.db()
        .tenant(w.a.id, None, Access::Write, |s| {
            s.folio().post(&NewFolioEntry {
                reservation_id: r.id,
                kind: FolioKind::Payment,
                description: "Card".into(),
                amount: 100_00,
                method: Some(hotelier::domain::PaymentMethod::Card),
                reference: None,
                service_date: None,
            })
        })
        .unwrap();
    // Staff may not check out without an invoice.
    let skipped = act(&staff, r.id, "check_out", &[("invoice", "skip")]).await;
    assert_eq!(skipped.status, 403, "{}", skipped.short());
    let out = act(&staff, r.id, "check_out", &[]).await;
    assert_eq!(out.status, 303, "{}", out.short());
    assert_eq!(reservation(w.db(), &w.a, r.id).status, ReservationStatus::CheckedOut);
    let invoices = w.db().tenant(w.a.id, None, Access::Read, |s| s.invoices().of_reservation(r.id)).unwrap();
    assert_eq!(invoices.len(), 1);
    assert_eq!((invoices[0].total, invoices[0].bill_to_name.contains("Guest")), (100_00, true), "{:?}", invoices[0]);
}

/// 32 stays, one charge each, invoiced at once from 16 desks on two app servers: numbers 1
/// to 32 of the series, each once.
async fn thirty_two_at_once_take_thirty_two_numbers(backend: Backend) {
    let w = world(backend).await;
    let stays: Vec<ReservationId> = (0..32)
        .map(|i| {
            let r = add(w.db(), &w.a, stay(&w.a, &format!("RACE{i:02}"), day(30 + 3 * i), 1));
            charge(&w, r.id, "Late check-out", 25_00);
            r.id
        })
        .collect();
    let desks = sixteen_desks(&w).await;
    let barrier = Arc::new(Barrier::new(stays.len()));
    let tasks: Vec<_> = stays
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let b = &desks[i % desks.len()];
            let f = form(&[("bill_to", "guest"), ("csrf_token", &b.csrf)]);
            let (client, url, barrier) =
                (b.client.clone(), b.url(&format!("/reservations/{id}/invoices")), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                Page::from(client.post(url).form(&f).send().await.expect("POST")).await
            })
        })
        .collect();
    for t in tasks {
        let page = t.await.expect("issuing request");
        assert_eq!(page.status, 303, "{}", page.short());
    }
    let invoices =
        w.db().tenant(w.a.id, None, Access::Read, |s| s.invoices().list(Some(w.a.hotel), None, 1000, 0)).unwrap();
    let series = series(&w);
    let mut numbers: Vec<i64> = invoices.iter().filter(|i| i.series == series).map(|i| i.number).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=32).collect::<Vec<i64>>(), "no gap, no duplicate");
}
