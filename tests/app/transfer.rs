//! Export and import: an organization exported from one instance and imported into an
//! empty one (across backends too) re-exports identically, table by table; an import that
//! conflicts with what the target holds, or fails half-way, leaves the target untouched;
//! accounts that exist on the target are linked by email.

use hotelier::db::audit::Event;
use hotelier::db::folio::NewFolioEntry;
use hotelier::db::transfer::{self, ExportOptions, TransferError};
use hotelier::db::users::NewUser;
use hotelier::db::{ops, Access, Db, DbError, PlatformGrant};
use hotelier::domain::{FolioKind, InvoiceKind, PaymentMethod, Role, UserId};
use serde_json::Value;

use crate::support::{make_org, new_membership, postgres_available, two_orgs, Backend, Org, TestDb};
use crate::{both_backends, postgres_only};

both_backends!(
    round_trip_same_backend,
    conflicts_write_nothing,
    failure_half_way_writes_nothing,
    existing_accounts_are_linked
);
postgres_only!(round_trip_postgres_to_sqlite_and_back);

/// Gives an organization a member, folio entries and an audit event, so that every table
/// has rows.
fn populate(db: &Db, org: &Org) -> UserId {
    let owner = UserId::new();
    db.platform(&PlatformGrant::operator(), Access::Write, |p| {
        p.users().create(&NewUser {
            id: owner,
            email: format!("owner@{}.test", org.slug),
            full_name: format!("Owner of {}", org.slug),
            password_hash: hotelier::domain::password::hash("owner-password-1").unwrap(),
            is_super_admin: false,
        })
    })
    .unwrap();
    db.tenant(org.id, Some(owner), Access::Write, |s| {
        s.memberships().create(&new_membership(owner, Role::Owner, true, None))?;
        for (kind, amount, method) in
            [(FolioKind::RoomCharge, 10_000, None), (FolioKind::Payment, 10_000, Some(PaymentMethod::Card))]
        {
            s.folio().post(&NewFolioEntry {
                reservation_id: org.reservation,
                kind,
                description: format!("{kind:?} ünïcødé \"quoted\""),
                amount,
                method,
                reference: None,
                service_date: Some(chrono::Utc::now().date_naive()),
            })?;
        }
        // A voided charge (its void references it) and a room block travel too.
        let minibar = s.folio().post(&NewFolioEntry {
            reservation_id: org.reservation,
            kind: FolioKind::Charge,
            description: "Minibar".into(),
            amount: 700,
            method: None,
            reference: None,
            service_date: None,
        })?;
        let minibar = s.folio().get(org.reservation, minibar)?;
        s.folio().void(&minibar, "Wrong room")?;
        let today = chrono::Utc::now().date_naive();
        s.room_blocks().create(&hotelier::db::room_blocks::NewRoomBlock {
            hotel_id: org.hotel,
            room_id: org.rooms[2],
            kind: hotelier::domain::BlockKind::OutOfOrder,
            starts_on: today,
            ends_on: today + chrono::Duration::days(2),
            reason: "Leak".into(),
        })?;
        // A base plan with a price on one date, a plan that follows it, and the stay's
        // nights sold on the base plan.
        use hotelier::db::rates::{RateDay, RatePlanFields};
        let fields = RatePlanFields { code: "BAR".into(), name: "Best".into(), is_active: true, ..Default::default() };
        let bar = s.rate_plans().create(org.hotel, &fields)?;
        s.rate_plans().set_prices(&bar, &[(org.room_type, Some(15_000))])?;
        let nrf = RatePlanFields {
            code: "NRF".into(),
            parent_id: Some(bar.id),
            adjust_kind: Some(hotelier::domain::Adjustment::Percent),
            adjust_value: Some(-1000),
            ..fields
        };
        let nrf = s.rate_plans().create(org.hotel, &nrf)?;
        s.rate_plans().set_prices(&nrf, &[(org.room_type, None)])?;
        let rule = hotelier::domain::rates::DayRule { price: Some(19_900), min_stay: Some(2), ..Default::default() };
        s.rate_plans().replace_days(
            bar.id,
            org.room_type,
            &[today],
            vec![RateDay::of(bar.id, org.room_type, today, rule)],
        )?;
        let r = s.reservations().get(org.reservation)?;
        let nights = hotelier::domain::availability::nights(r.check_in, r.check_out)
            .map(|n| hotelier::db::nights::ReservationNight::new(r.id, n, Some(bar.id), 15_000))
            .collect();
        s.nights().write(nights)?;
        // A tax rule, and a charge taxed by it.
        let rule = s.tax_rules().create(
            org.hotel,
            &hotelier::db::taxes::TaxRuleFields {
                code: "VAT".into(),
                name: "VAT".into(),
                kind: hotelier::domain::TaxKind::Percent,
                rate: Some(1_000),
                amount: None,
                included: false,
                applies_to: hotelier::domain::TaxBase::Both,
                exempt_children: false,
                valid_from: today,
                valid_to: None,
            },
        )?;
        let lines = [hotelier::domain::tax::Line { rule: rule.id, amount: 70, included: false }];
        s.tax_rules().add_lines(minibar.id, &lines)?;
        // An invoice to a company, of a charge, and the credit note that cancels it.
        use hotelier::db::invoices::{CompanyFields, Invoice, InvoiceLine};
        let company = s.companies().create(&CompanyFields {
            name: "Acme".into(),
            tax_id: Some("GB1".into()),
            address: None,
            email: None,
        })?;
        let spa = s.folio().post(&NewFolioEntry {
            reservation_id: org.reservation,
            kind: FolioKind::Charge,
            description: "Spa".into(),
            amount: 5_000,
            method: None,
            reference: None,
            service_date: None,
        })?;
        let mut issued = None;
        for (series, credits) in [("INV", None), ("CN-INV", Some(()))] {
            let number = s.invoices().next_number(org.hotel, series)?;
            let id = hotelier::domain::InvoiceId::new();
            let sign = if credits.is_some() { -1 } else { 1 };
            let invoice = Invoice {
                tenant_id: org.id,
                id,
                hotel_id: org.hotel,
                reservation_id: org.reservation,
                kind: if credits.is_some() { InvoiceKind::CreditNote } else { InvoiceKind::Invoice },
                series: series.into(),
                number,
                code: format!("{series}-{number:06}"),
                credits_invoice_id: credits.and(issued),
                company_id: Some(company.id),
                bill_to_name: "Acme".into(),
                bill_to: serde_json::json!({ "name": "Acme" }).into(),
                issuer: serde_json::json!({ "organization": org.slug }).into(),
                currency: "USD".into(),
                language: "en".into(),
                net: sign * 5_000,
                tax: 0,
                total: sign * 5_000,
                payments: serde_json::json!([]).into(),
                issued_at: hotelier::domain::Timestamp::now(),
                issued_by: None,
            };
            let line = InvoiceLine {
                tenant_id: org.id,
                invoice_id: id,
                line_no: 1,
                entry_id: spa,
                credits_line: credits.map(|_| 1),
                description: "Spa".into(),
                service_date: None,
                net: sign * 5_000,
                tax: 0,
                total: sign * 5_000,
                taxes: serde_json::json!([]).into(),
            };
            issued = Some(s.invoices().create(invoice, vec![line])?.id);
        }
        // Guest messages: the hotel's sender and a template of its own, a message sent
        // again (it references the first), and a desk note.
        let sender = hotelier::db::messages::SenderFields {
            from_name: Some("Front desk".into()),
            reply_to: Some(format!("desk@{}.test", org.slug)),
            signature: Some("See you soon".into()),
            pre_arrival_days: 2,
        };
        s.messages().save_sender(org.hotel, 0, &sender)?;
        let wording = ("Hello {{guest_name}}", "Your code is {{code}}.");
        s.messages().save_template(org.hotel, hotelier::domain::MessageEvent::BookingConfirmed, "en", 0, wording)?;
        let first = s.messages().enqueue(&hotelier::db::messages::NewMessage {
            status: hotelier::domain::OutboxStatus::Failed,
            last_error: Some("550 no such user".into()),
            ..parking_for(&org.slug, org.hotel, org.reservation, org.guest)
        })?;
        let again = hotelier::db::messages::NewMessage {
            resend_of: Some(first.id),
            status: hotelier::domain::OutboxStatus::Queued,
            last_error: None,
            recipient: format!("guest2@{}.test", org.slug),
            ..parking(&org.slug, &first)
        };
        s.messages().enqueue(&again)?;
        // An event not yet rendered, with the cancellation charge it tells of.
        s.messages().enqueue_due(&[hotelier::db::messages::DueMessage {
            hotel_id: org.hotel,
            reservation_id: org.reservation,
            guest_id: org.guest,
            event: hotelier::domain::MessageEvent::Cancelled,
            due_at: hotelier::domain::Timestamp::now(),
            penalty: Some(12_345),
        }])?;
        s.messages().add_note(org.reservation, "Late arrival")?;
        s.audit(&Event::new("test.populate", "tenant", org.id).after(serde_json::json!({ "n": 1 })))?;
        Ok::<_, DbError>(())
    })
    .unwrap();
    owner
}

/// The desk's message about parking to the guest of the populated stay.
fn parking_for(
    slug: &str,
    hotel: hotelier::domain::HotelId,
    reservation: hotelier::domain::ReservationId,
    guest: hotelier::domain::GuestId,
) -> hotelier::db::messages::NewMessage {
    hotelier::db::messages::NewMessage {
        hotel_id: hotel,
        reservation_id: reservation,
        guest_id: guest,
        event: hotelier::domain::MessageEvent::OneOff,
        language: "en".into(),
        recipient: format!("guest@{slug}.test"),
        from_name: "Front desk".into(),
        reply_to: None,
        subject: "Parking".into(),
        body_text: "Your code is 4411 ünïcødé".into(),
        body_html: "<p>Your code is 4411 ünïcødé</p>".into(),
        status: hotelier::domain::OutboxStatus::Queued,
        due_at: hotelier::domain::Timestamp::now(),
        last_error: None,
        resend_of: None,
    }
}

/// The same words as `first`, for the same stay.
fn parking(slug: &str, first: &hotelier::db::messages::OutboxMessage) -> hotelier::db::messages::NewMessage {
    parking_for(slug, first.hotel_id, first.reservation_id, first.guest_id)
}

fn export(db: &Db, slug: &str) -> Vec<u8> {
    let mut out = Vec::new();
    ops::export_tenant(db, slug, &mut out, ExportOptions { credentials: true }).unwrap();
    out
}

/// The document without the moment it was written.
fn tables(bytes: &[u8]) -> serde_json::Map<String, Value> {
    let mut doc: Value = serde_json::from_slice(bytes).expect("the export is one JSON document");
    let map = doc.as_object_mut().unwrap();
    assert!(map.remove("exported_at").is_some());
    map.clone()
}

fn assert_same(a: serde_json::Map<String, Value>, b: serde_json::Map<String, Value>) {
    let keys: Vec<_> = a.keys().cloned().collect();
    let mut expected = [&["format", "version", "tenant", "users"][..], TENANT_TABLES].concat();
    expected.sort();
    assert_eq!(keys, expected);
    for key in &keys {
        assert_eq!(a[key], b[key], "table {key} differs after the round trip");
    }
}

/// The export's tables of tenant-owned rows, in its order.
const TENANT_TABLES: &[&str] = &[
    "memberships",
    "hotels",
    "room_types",
    "rooms",
    "guests",
    "reservations",
    "folio_entries",
    "room_blocks",
    "rate_plans",
    "rate_plan_prices",
    "rate_days",
    "reservation_nights",
    "tax_rules",
    "folio_taxes",
    "companies",
    "invoices",
    "invoice_counters",
    "invoice_lines",
    "hotel_messaging",
    "message_templates",
    "outbox_messages",
    "stay_notes",
    "audit_log",
];

fn round_trip(from: Backend, to: Backend) {
    let source = TestDb::new(from);
    let (a, b) = two_orgs(&source.db);
    populate(&source.db, &a);
    populate(&source.db, &b);
    let file = export(&source.db, &a.slug);
    let text = String::from_utf8(file.clone()).unwrap();
    for secret in [b.id.to_string(), b.hotel.to_string(), b.guest.to_string(), "bravo-inns".into()] {
        assert!(!text.contains(&secret), "A's export holds B's {secret}");
    }
    let doc = tables(&file);
    for &table in TENANT_TABLES {
        assert!(!doc[table].as_array().unwrap().is_empty(), "{table} exported");
    }

    let target = TestDb::new(to);
    let done = transfer::import(&target.db, file.as_slice()).unwrap();
    assert_eq!(done.tenant.id, a.id, "ids preserved");
    assert_eq!(
        (done.counts.get("reservations"), done.counts.get("rooms"), done.counts.get("folio_entries")),
        (1, 3, 5)
    );
    // The target's trail has one more entry: the import itself.
    let mut again = tables(&export(&target.db, &a.slug));
    let trail = again["audit_log"].as_array_mut().unwrap();
    let at = trail.iter().position(|e| e["action"] == "organization.import").expect("the import is audited");
    let rows = trail.remove(at)["after"]["rows"].clone();
    let reservations = rows.as_array().unwrap().iter().find(|r| r[0] == "reservations").cloned();
    assert_eq!(reservations, Some(serde_json::json!(["reservations", 1])));
    assert_same(tables(&file), again);

    // The imported organization works: its owner signs in with the same password.
    let owner = target.db.anonymous(Access::Read, |u| u.by_email(&format!("owner@{}.test", a.slug))).unwrap();
    assert!(hotelier::domain::password::verify("owner-password-1", &owner.unwrap().password_hash));
}

fn round_trip_same_backend(backend: Backend) {
    round_trip(backend, backend);
}

fn round_trip_postgres_to_sqlite_and_back() {
    round_trip(Backend::Postgres, Backend::Sqlite);
    round_trip(Backend::Sqlite, Backend::Postgres);
}

/// Row counts of everything, to show that nothing was written.
fn census(db: &Db) -> Vec<i64> {
    db.platform(&PlatformGrant::operator(), Access::Read, |p| {
        let tenants = p.tenants().list()?;
        let mut out = vec![tenants.len() as i64, p.users().count()?];
        for t in tenants {
            let mut s = p.tenant(t.id);
            for table in hotelier::db::scope::TENANT_TABLES {
                out.push(s.rls_visible_rows(table)?.unwrap());
            }
        }
        Ok::<_, DbError>(out)
    })
    .unwrap()
}

fn conflict(db: &Db, file: &[u8]) -> String {
    match transfer::import(db, file) {
        Err(e @ TransferError::Conflict(_)) => e.to_string(),
        other => panic!("expected a conflict, got {other:?}", other = other.map(|s| s.counts)),
    }
}

fn conflicts_write_nothing(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, _b) = two_orgs(&t.db);
    populate(&t.db, &a);
    let file = export(&t.db, &a.slug);
    let before = census(&t.db);

    // The same organization again: its id exists.
    let msg = conflict(&t.db, &file);
    assert!(msg.contains(&format!("an organization with the id {} already exists", a.id)), "{msg}");
    assert!(msg.ends_with("nothing was imported"), "{msg}");

    // A new id but the same slug.
    let mut doc: Value = serde_json::from_slice(&file).unwrap();
    doc["tenant"]["id"] = Value::String(uuid::Uuid::now_v7().to_string());
    let msg = conflict(&t.db, &rewrite_tenant(&doc));
    assert!(msg.contains("the slug `alpha-hotels` is already used here"), "{msg}");

    // A new id and slug, but rows whose ids exist.
    doc["tenant"]["slug"] = Value::String("alpha-copy".into());
    let msg = conflict(&t.db, &rewrite_tenant(&doc));
    assert!(msg.contains("the membership ") && msg.contains("already exists here"), "{msg}");
    doc["memberships"] = Value::Array(vec![]);
    let msg = conflict(&t.db, &rewrite_tenant(&doc));
    assert!(msg.contains(&format!("the hotel {} already exists here", a.hotel)), "{msg}");

    assert_eq!(census(&t.db), before, "a refused import wrote nothing");
}

/// Moves every row of the document to the tenant id its header names.
fn rewrite_tenant(doc: &Value) -> Vec<u8> {
    let mut doc = doc.clone();
    let id = doc["tenant"]["id"].clone();
    for (key, rows) in doc.as_object_mut().unwrap().iter_mut() {
        if key != "users" {
            if let Some(rows) = rows.as_array_mut() {
                for row in rows {
                    row["tenant_id"] = id.clone();
                }
            }
        }
    }
    serde_json::to_vec(&doc).unwrap()
}

/// The last row refers to a reservation that does not exist: the database refuses it
/// after everything else went in, and the transaction takes everything back.
fn failure_half_way_writes_nothing(backend: Backend) {
    let source = TestDb::new(backend);
    let (a, _) = two_orgs(&source.db);
    populate(&source.db, &a);
    let mut doc: Value = serde_json::from_slice(&export(&source.db, &a.slug)).unwrap();
    let folio = doc["folio_entries"].as_array_mut().unwrap();
    folio.last_mut().unwrap()["reservation_id"] = Value::String(uuid::Uuid::now_v7().to_string());

    let target = TestDb::new(backend);
    make_org(&target.db, "someone-else", "EUR");
    let before = census(&target.db);
    let err = transfer::import(&target.db, serde_json::to_vec(&doc).unwrap().as_slice()).unwrap_err();
    assert!(matches!(err, TransferError::Db(_)), "{err}");
    assert_eq!(census(&target.db), before, "a failed import left rows behind");

    // A document that is not an export at all.
    let err = transfer::import(&target.db, &b"{\"format\":\"something-else\"}"[..]).unwrap_err();
    assert!(err.to_string().starts_with("not a Hotelier organization export"), "{err}");
    assert_eq!(census(&target.db), before);
}

fn existing_accounts_are_linked(backend: Backend) {
    let source = TestDb::new(backend);
    let (a, _) = two_orgs(&source.db);
    let owner = populate(&source.db, &a);
    let file = export(&source.db, &a.slug);

    // The target already knows the owner's email, under another id.
    let target = TestDb::new(backend);
    let existing = UserId::new();
    target
        .db
        .platform(&PlatformGrant::operator(), Access::Write, |p| {
            p.users().create(&NewUser {
                id: existing,
                email: "OWNER@alpha-hotels.test".to_lowercase(),
                full_name: "Already Here".into(),
                password_hash: hotelier::domain::password::hash("target-password").unwrap(),
                is_super_admin: false,
            })
        })
        .unwrap();
    let users_before = target.db.platform(&PlatformGrant::operator(), Access::Read, |p| p.users().count()).unwrap();
    let done = transfer::import(&target.db, file.as_slice()).unwrap();
    assert_eq!((done.linked_users, done.created_users), (1, 0));
    let users_after = target.db.platform(&PlatformGrant::operator(), Access::Read, |p| p.users().count()).unwrap();
    assert_eq!(users_after, users_before, "no duplicate account");
    let members = target.db.tenant(a.id, None, Access::Read, |s| s.memberships().list()).unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].0.user_id, existing, "the membership points at the account that was already here");
    assert_ne!(existing, owner);
    // The linked account keeps its own password.
    assert_eq!(members[0].1.full_name, "Already Here");

    // Without postgres, the cross-backend test above is skipped; say so here too.
    if backend == Backend::Sqlite && !postgres_available() {
        eprintln!("note: the PostgreSQL ↔ SQLite round trip needs PostgreSQL");
    }
}
