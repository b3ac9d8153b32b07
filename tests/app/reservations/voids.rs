//! Voiding a folio entry: a manager's reversing entry with a reason, linked to the
//! original and audited; money only with the right to move it; nothing changed or
//! deleted, and the database refuses what the app would not write.

use diesel::prelude::*;
use hotelier::db::Access;
use hotelier::domain::{FolioEntryId, FolioKind, ReservationId};

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(
    a_manager_voids_an_entry_with_a_reason,
    voids_of_money_room_charges_and_voids,
    folio_rows_are_append_only
);

fn void_url(id: ReservationId, entry: FolioEntryId) -> String {
    format!("/reservations/{id}/folio/{entry}/void")
}

/// The one entry of `id`'s folio with `description`, not a void.
fn entry(w: &World, id: ReservationId, description: &str) -> FolioEntryId {
    folio(w.db(), &w.a, id).into_iter().find(|e| e.description == description && !e.is_void()).expect(description).id
}

async fn a_manager_voids_an_entry_with_a_reason(backend: Backend) {
    let w = world(backend).await;
    let (staff, manager) = (desk(&w, &w.team_a.staff).await, desk(&w, &w.team_a.manager).await);
    let id = w.a.reservation;
    let url = format!("/reservations/{id}");
    post_folio(&staff, id, &[("kind", "charge"), ("amount", "25.50"), ("description", "Minibar")])
        .await
        .assert_redirect(&url);
    let minibar = entry(&w, id, "Minibar");
    assert!(manager.get(&url).await.body.contains(&void_url(id, minibar)), "the manager is offered the void");
    assert!(!staff.get(&url).await.body.contains(&void_url(id, minibar)), "the desk is not");

    // The desk may not void, and a void needs a reason: neither writes anything.
    for (who, reason, status, message) in [
        (&staff, "Wrong room", 403, "Your role does not allow this."),
        (&manager, "  ", 422, "Say why the entry is voided"),
    ] {
        let before = snapshot(w.db(), w.a.id);
        assert_says(&who.post(&void_url(id, minibar), &[("reason", reason)]).await, status, message);
        assert_unchanged(&before, &snapshot(w.db(), w.a.id), &format!("after a refused void ({reason:?})"));
    }

    // Too long a reason comes back by that entry's form, as typed.
    let long = "x".repeat(501);
    let before = snapshot(w.db(), w.a.id);
    let page = manager.post(&void_url(id, minibar), &[("reason", long.as_str())]).await;
    assert_says(&page, 422, "Say why the entry is voided (at most 500 characters).");
    assert!(page.body.contains(&format!("value=\"{long}\"")), "the reason as typed is kept");
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "after a refused long reason");

    let page = manager.post(&void_url(id, minibar), &[("reason", "Posted to the wrong room")]).await;
    page.assert_redirect(&url);
    assert_eq!(
        flash(&follow(&manager, &page).await).as_deref(),
        Some("Entry voided: a reversing entry is on the folio.")
    );
    let entries = folio(w.db(), &w.a, id);
    assert_eq!(entries.len(), 2, "the original stays; the void is a second entry");
    let (original, void) = (&entries[0], &entries[1]);
    assert_eq!((original.id, original.amount, original.voids_entry_id), (minibar, 2_550, None));
    assert_eq!((void.kind, void.amount, void.voids_entry_id), (FolioKind::Charge, 2_550, Some(minibar)));
    assert_eq!(void.void_reason.as_deref(), Some("Posted to the wrong room"));
    assert_eq!(void.created_by, Some(w.team_a.manager.account.id));
    assert_eq!(balance(w.db(), &w.a, id), 0);

    let audit = audited(w.db(), &w.a, "folio.void");
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].user_id, Some(w.team_a.manager.account.id));
    assert_eq!(audit[0].before.as_ref().unwrap()["entry"], minibar.to_string());
    assert_eq!(audit[0].before.as_ref().unwrap()["amount"], 2_550);
    assert_eq!(audit[0].after.as_ref().unwrap()["reason"], "Posted to the wrong room");

    // The folio shows the original struck through and the void with its reason, and
    // offers no second void.
    let shown = manager.get(&url).await;
    assert!(shown.body.contains("<s>$25.50</s>"), "{}", shown.short());
    assert!(shown.body.contains("class=\"voided\""), "{}", shown.short());
    assert!(shown.body.contains("Reason: Posted to the wrong room"), "{}", shown.short());
    assert!(shown.body.contains("Folio · settled"), "{}", shown.short());
    assert!(!shown.body.contains("/void\""), "no void offered on a voided entry or a void: {}", shown.short());

    // Twice, or the void itself: refused, nothing written.
    for (target, message) in [(minibar, "This entry is already voided."), (void.id, "A void cannot be voided.")] {
        let before = snapshot(w.db(), w.a.id);
        assert_says(&manager.post(&void_url(id, target), &[("reason", "again")]).await, 409, message);
        assert_unchanged(&before, &snapshot(w.db(), w.a.id), "after a refused second void");
    }
}

async fn voids_of_money_room_charges_and_voids(backend: Backend) {
    let w = world(backend).await;
    let (manager, admin) = (desk(&w, &w.team_a.manager).await, desk(&w, &w.team_a.admin).await);
    let id = w.a.reservation;
    let url = format!("/reservations/{id}");
    post_folio(&admin, id, &[("kind", "payment"), ("amount", "40"), ("method", "card"), ("description", "Deposit")])
        .await
        .assert_redirect(&url);
    let deposit = entry(&w, id, "Deposit");

    // A payment's void moves money: the manager is told who may.
    let before = snapshot(w.db(), w.a.id);
    let page = manager.post(&void_url(id, deposit), &[("reason", "Card declined")]).await;
    assert_says(&page, 403, "“Take payments, refunds and discounts” is not part of your role.");
    assert!(page.body.contains(&w.team_a.admin.account.name), "names who may: {}", page.short());
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "after the manager's refused payment void");
    assert!(!manager.get(&url).await.body.contains(&void_url(id, deposit)), "not offered either");

    admin.post(&void_url(id, deposit), &[("reason", "Card declined")]).await.assert_redirect(&url);
    assert_eq!(balance(w.db(), &w.a, id), 0, "the voided payment is owed again... and was the only entry");
    let void = folio(w.db(), &w.a, id).pop().unwrap();
    assert_eq!((void.kind, void.method.map(|m| m.as_str())), (FolioKind::Payment, Some("card")));

    // A room charge follows the stay's nights.
    let night = w
        .db()
        .tenant(w.a.id, None, Access::Write, |s| {
            s.folio().post_room_night(id, day(0), 15_900)?;
            Ok::<_, hotelier::db::DbError>(
                s.folio().entries(id)?.into_iter().find(|e| e.kind == FolioKind::RoomCharge).unwrap().id,
            )
        })
        .unwrap();
    let before = snapshot(w.db(), w.a.id);
    let page = admin.post(&void_url(id, night), &[("reason", "Comp")]).await;
    assert_says(&page, 409, "A room charge follows the stay's nights: change the stay's dates, or post a discount.");
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "after a refused room-charge void");

    // Another stay's entry, or another organization's, is not found through this stay.
    let other = add(w.db(), &w.a, stay(&w.a, "OTHER1", day(3), 1));
    assert_eq!(admin.post(&void_url(other.id, night), &[("reason", "x")]).await.status, 404);
    assert_eq!(admin.post(&void_url(w.b.reservation, night), &[("reason", "x")]).await.status, 404);
    let b_admin = desk(&w, &w.team_b.admin).await;
    assert_eq!(b_admin.post(&void_url(id, night), &[("reason", "x")]).await.status, 404);
}

/// Below the app: no update or delete of a posted entry, one void per entry, a void only
/// of its own stay's entry, and a reason exactly on a void.
async fn folio_rows_are_append_only(backend: Backend) {
    let w = world(backend).await;
    let admin = desk(&w, &w.team_a.admin).await;
    let id = w.a.reservation;
    for what in ["Parking", "Spa"] {
        post_folio(&admin, id, &[("kind", "charge"), ("amount", "9"), ("description", what)]).await;
    }
    let (parking, spa) = (entry(&w, id, "Parking"), entry(&w, id, "Spa"));
    admin
        .post(&void_url(id, parking), &[("reason", "Guest has no car")])
        .await
        .assert_redirect(&format!("/reservations/{id}"));
    let other = add(w.db(), &w.a, stay(&w.a, "OTHER2", day(3), 1));

    let mut conn = w.app.test_db.raw();
    if backend == Backend::Postgres {
        diesel::sql_query("SELECT set_config('app.platform', 'on', false)").execute(&mut conn).unwrap();
    }
    // A copy of entry `of` posted as its void on `reservation`, with `voids` and `reason`.
    let void_of = |of: FolioEntryId, voids: &str, reservation: ReservationId, reason: &str| {
        format!(
            "INSERT INTO folio_entries (tenant_id, id, reservation_id, kind, description, amount, created_at, \
             voids_entry_id, void_reason) SELECT tenant_id, '{}', '{reservation}', kind, description, amount, \
             created_at, {voids}, {reason} FROM folio_entries WHERE id = '{of}'",
            FolioEntryId::new()
        )
    };
    let refused = [
        ("an update", format!("UPDATE folio_entries SET amount = 1 WHERE id = '{parking}'")),
        ("a delete", format!("DELETE FROM folio_entries WHERE id = '{spa}'")),
        ("a second void", void_of(parking, &format!("'{parking}'"), id, "'again'")),
        ("a void of another stay's entry", void_of(spa, &format!("'{spa}'"), other.id, "'elsewhere'")),
        ("a void without a reason", void_of(spa, &format!("'{spa}'"), id, "NULL")),
        ("a reason without a void", void_of(spa, "NULL", id, "'why'")),
    ];
    for (what, sql) in refused {
        assert!(diesel::sql_query(&sql).execute(&mut conn).is_err(), "the database took {what}");
    }
    assert_eq!(folio(w.db(), &w.a, id).len(), 3, "nothing written, nothing lost");
    // The same statement with what a void needs is taken: the refusals above were the rules'.
    diesel::sql_query(void_of(spa, &format!("'{spa}'"), id, "'Comp'")).execute(&mut conn).expect("a proper void");
    assert_eq!(balance(w.db(), &w.a, id), 0);
}
