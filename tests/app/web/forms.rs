//! Forms as a user meets them: a stale edit is refused with both versions shown, bad input
//! comes back with a message per field and everything typed, duplicates and referenced
//! deletes are explained, and a room cannot be pointed at another tenant's hotel or type.

use hotelier::db::{Access, DbError};
use hotelier::domain::HotelId;

use crate::both_backends_async;
use crate::support::{assert_unchanged, snapshot, world, Backend, Browser, World};

both_backends_async!(
    stale_hotel_edit_is_refused_with_both_versions,
    invalid_hotel_comes_back_with_messages_and_input,
    duplicate_hotel_code_is_refused_per_tenant,
    referenced_hotel_cannot_be_deleted,
    room_cannot_use_another_tenants_hotel_or_type
);

/// The `value` of the input named `name`, as rendered (HTML-escaped).
fn input_value<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let at = html.find(&format!(r#"name="{name}""#))?;
    let tag = &html[at..at + html[at..].find('>')?];
    let start = tag.find(r#"value=""#)? + r#"value=""#.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// Undoes the HTML escaping of an attribute value (named or numeric entities).
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';').map(|e| at + e).expect("entity");
        let entity = &rest[at + 1..end];
        let ch = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ if entity.starts_with("#x") => char::from_u32(u32::from_str_radix(&entity[2..], 16).unwrap()).unwrap(),
            _ if entity.starts_with('#') => char::from_u32(entity[1..].parse().unwrap()).unwrap(),
            other => panic!("unknown entity &{other};"),
        };
        out.push(ch);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn hotel_form<'a>(code: &'a str, name: &'a str, city: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("name", name),
        ("city", city),
        ("country", "PT"),
        ("timezone", "Europe/Lisbon"),
        ("is_active", "on"),
        ("version", version),
    ]
}

fn hotel(w: &World, id: HotelId) -> Result<hotelier::db::hotels::Hotel, DbError> {
    w.db().tenant(w.a.id, None, Access::Read, |s| s.hotels().get(id))
}

fn audit_actions(w: &World, action: &str) -> usize {
    w.db()
        .tenant(w.a.id, None, Access::Read, |s| s.audit_entries(1000))
        .unwrap()
        .iter()
        .filter(|e| e.action == action)
        .count()
}

async fn signed_in(w: &World, email: &str) -> Browser {
    let mut b = w.browser();
    b.sign_in(email).await;
    b
}

async fn stale_hotel_edit_is_refused_with_both_versions(backend: Backend) {
    let w = world(backend).await;
    let first = signed_in(&w, &w.team_a.owner.account.email).await;
    let second = signed_in(&w, &w.team_a.manager.account.email).await;
    let path = format!("/hotels/{}", w.a.hotel);
    let edit = format!("{path}/edit");

    let (form1, form2) = (first.get(&edit).await, second.get(&edit).await);
    assert_eq!((form1.status, form2.status), (200, 200));
    let version = input_value(&form1.body, "version").expect("version field").to_owned();
    assert_eq!(version, hotel(&w, w.a.hotel).unwrap().version.to_string());
    assert_eq!(input_value(&form2.body, "version"), Some(version.as_str()));

    first.post(&path, &hotel_form("HQ", "Alpha First Edit", "Lisbon", &version)).await.assert_redirect(&path);
    let stale = second.post(&path, &hotel_form("HQ", "Alpha Second Edit", "Porto", &version)).await;
    assert_eq!(stale.status, 409, "{}", stale.short());
    assert!(stale.body.contains("Someone else changed this hotel"), "{}", stale.short());
    for both in ["Alpha First Edit", "Alpha Second Edit", "Lisbon", "Porto"] {
        assert!(stale.body.contains(both), "the conflict page shows {both:?}: {}", stale.short());
    }
    assert_eq!(input_value(&stale.body, "name"), Some("Alpha Second Edit"), "the user's input is kept");

    let saved = hotel(&w, w.a.hotel).unwrap();
    assert_eq!(
        (saved.name.as_str(), saved.city.as_deref()),
        ("Alpha First Edit", Some("Lisbon")),
        "nothing overwritten"
    );
    assert_eq!(saved.version.to_string(), (version.parse::<i32>().unwrap() + 1).to_string());
    assert_eq!(audit_actions(&w, "hotel.update"), 1);

    // The conflict form carries the current version: saving again is a deliberate overwrite.
    let current = input_value(&stale.body, "version").expect("version").to_owned();
    assert_eq!(current, saved.version.to_string());
    second.post(&path, &hotel_form("HQ", "Alpha Second Edit", "Porto", &current)).await.assert_redirect(&path);
    assert_eq!(hotel(&w, w.a.hotel).unwrap().name, "Alpha Second Edit");
}

async fn invalid_hotel_comes_back_with_messages_and_input(backend: Backend) {
    let w = world(backend).await;
    let b = signed_in(&w, &w.team_a.admin.account.email).await;
    let before = snapshot(w.db(), w.a.id);
    let typed = [
        ("code", "bad code!"),
        ("name", "   "),
        ("city", "Zürich <Old Town>"),
        ("country", "Portugal"),
        ("timezone", "Mars/Base"),
        ("star_rating", "7"),
        ("email", "not-an-email"),
        ("phone", "+351 21 000 0000"),
        ("is_active", "on"),
    ];
    let p = b.post("/hotels", &typed).await;
    assert_eq!(p.status, 422, "{}", p.short());
    for (field, message) in [
        ("name", "This field is required."),
        ("code", "Use up to 16 letters, digits or dashes"),
        ("timezone", "Choose a timezone from the list"),
        ("star_rating", "Enter a number from 1 to 5."),
        ("email", "Enter an email address like name@example.com."),
        ("country", ""),
    ] {
        let error = format!(r#"<p class="field-error" id="{field}-error">{message}"#);
        assert!(p.body.contains(&error), "no message for {field}: {}", p.short());
    }
    assert!(p.body.contains("Please fix 6 fields below."), "{}", p.short());
    assert!(p.body.contains(r#"name="code" value="bad code!" required aria-invalid="true""#), "{}", p.short());
    for (field, rendered) in [
        ("code", "bad code!"),
        ("city", "Zürich <Old Town>"),
        ("country", "Portugal"),
        ("timezone", "Mars/Base"),
        ("star_rating", "7"),
        ("email", "not-an-email"),
        ("phone", "+351 21 000 0000"),
    ] {
        assert_eq!(input_value(&p.body, field).map(unescape), Some(rendered.to_owned()), "typed {field} is kept");
    }
    assert!(!p.body.contains("<Old Town>"), "typed markup is escaped, not rendered");
    assert!(p.body.contains(r#"name="is_active" value="on" checked"#), "the checkbox is kept");
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "A after an invalid hotel");
}

async fn duplicate_hotel_code_is_refused_per_tenant(backend: Backend) {
    let w = world(backend).await;
    let b = signed_in(&w, &w.team_a.owner.account.email).await;
    let before = snapshot(w.db(), w.a.id);
    let p = b.post("/hotels", &hotel_form(" hq ", "Another Head Office", "Faro", "")).await;
    assert_eq!(p.status, 422, "{}", p.short());
    assert!(p.body.contains("Another hotel already uses this code."), "{}", p.short());
    assert_eq!(input_value(&p.body, "name"), Some("Another Head Office"));
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "A after a duplicate code");

    // Codes are unique per organization: B's code is free in A.
    let b_before = snapshot(w.db(), w.b.id);
    let created = b.post("/hotels", &hotel_form("bsl9", "Alpha Lodge", "Faro", "")).await;
    assert_eq!(created.status, 303, "{}", created.short());
    let id: HotelId = created.location.as_deref().and_then(|l| l.strip_prefix("/hotels/")).unwrap().parse().unwrap();
    let made = hotel(&w, id).unwrap();
    assert_eq!((made.code.as_str(), made.name.as_str()), ("BSL9", "Alpha Lodge"));
    assert_unchanged(&b_before, &snapshot(w.db(), w.b.id), "B after A reused its code");
    // And renaming A's new hotel onto an existing code is refused the same way.
    let version = made.version.to_string();
    let clash = b.post(&format!("/hotels/{id}"), &hotel_form("HQ", "Alpha Lodge", "Faro", &version)).await;
    assert_eq!(clash.status, 422, "{}", clash.short());
    assert!(clash.body.contains("Another hotel already uses this code."));
    assert_eq!(hotel(&w, id).unwrap().code, "BSL9");
}

async fn referenced_hotel_cannot_be_deleted(backend: Backend) {
    let w = world(backend).await;
    let b = signed_in(&w, &w.team_a.owner.account.email).await;
    let before = snapshot(w.db(), w.a.id);
    // Refused, and back on the hotel's page (where the button is) with why: it was a
    // bare 409 page.
    let p = b.post(&format!("/hotels/{}/delete", w.a.hotel), &[]).await;
    p.assert_redirect(&format!("/hotels/{}", w.a.hotel));
    let shown = b.get(&format!("/hotels/{}", w.a.hotel)).await;
    assert!(shown.body.contains("flash-error"), "{}", shown.short());
    assert!(shown.body.contains("still has room types, rooms or reservations"), "{}", shown.short());
    assert!(shown.body.contains("Rooms"), "the hotel's own page: {}", shown.short());
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "A after a refused delete");
    // A guest with stays, from the guest's page.
    let guest = b.post(&format!("/guests/{}/delete", w.a.guest), &[]).await;
    guest.assert_redirect(&format!("/guests/{}", w.a.guest));
    let shown = b.get(&format!("/guests/{}", w.a.guest)).await;
    assert!(shown.body.contains("This guest has reservations, so the record is kept"), "{}", shown.short());
    assert_unchanged(&before, &snapshot(w.db(), w.a.id), "A after a refused guest delete");

    // B's empty lodge cannot be deleted from A either: it does not exist here.
    let b_before = snapshot(w.db(), w.b.id);
    assert_eq!(b.post(&format!("/hotels/{}/delete", w.b_lodge), &[]).await.status, 404);
    assert_unchanged(&b_before, &snapshot(w.db(), w.b.id), "B after A tried to delete its lodge");

    // Control: an unreferenced hotel is deleted.
    let created = b.post("/hotels", &hotel_form("TMP1", "Short Lived", "Faro", "")).await;
    let location = created.location.expect("created");
    let id: HotelId = location.strip_prefix("/hotels/").unwrap().parse().unwrap();
    b.post(&format!("/hotels/{id}/delete"), &[]).await.assert_redirect("/hotels");
    assert!(matches!(hotel(&w, id), Err(DbError::NotFound)));
    assert_eq!(audit_actions(&w, "hotel.delete"), 1);
    assert_eq!(b.get(&format!("/hotels/{id}")).await.status, 404);
}

async fn room_cannot_use_another_tenants_hotel_or_type(backend: Backend) {
    let w = world(backend).await;
    let b = signed_in(&w, &w.team_a.admin.account.email).await;
    let (a_before, b_before) = (snapshot(w.db(), w.a.id), snapshot(w.db(), w.b.id));
    let (a_hotel, a_type) = (w.a.hotel.to_string(), w.a.room_type.to_string());
    let (b_hotel, b_type) = (w.b.hotel.to_string(), w.b.room_type.to_string());
    let cases: [(&str, &str, &str, &str); 3] = [
        ("B's hotel and type", &b_hotel, &b_type, "Choose one of your hotels."),
        ("A's hotel with B's type", &a_hotel, &b_type, "Choose a room type of this hotel."),
        ("B's hotel with A's type", &b_hotel, &a_type, "Choose one of your hotels."),
    ];
    for (what, hotel_id, room_type_id, message) in cases {
        let form = [
            ("hotel_id", hotel_id),
            ("room_type_id", room_type_id),
            ("number", "901"),
            ("floor", "9"),
            ("housekeeping_status", "clean"),
            ("is_active", "on"),
        ];
        let p = b.post("/rooms", &form).await;
        assert_eq!(p.status, 422, "{what}: {}", p.short());
        assert!(p.body.contains(message), "{what}: {}", p.short());
        assert_eq!(input_value(&p.body, "number"), Some("901"), "{what}: the input is kept");
        for secret in w.b_secrets().iter().filter(|s| *s != hotel_id && *s != room_type_id) {
            assert!(!p.body.contains(secret.as_str()), "{what}: the form shows B's {secret}");
        }
    }
    // Editing a room onto B's type is refused the same way.
    let room = w.a.rooms[1];
    let edit = [
        ("room_type_id", b_type.as_str()),
        ("number", "102"),
        ("housekeeping_status", "clean"),
        ("is_active", "on"),
        ("version", "1"),
    ];
    let p = b.post(&format!("/rooms/{room}"), &edit).await;
    assert_eq!(p.status, 422, "{}", p.short());
    assert!(p.body.contains("Choose a room type of this hotel."), "{}", p.short());
    assert_unchanged(&a_before, &snapshot(w.db(), w.a.id), "A after rooms with foreign ids");
    assert_unchanged(&b_before, &snapshot(w.db(), w.b.id), "B after A's rooms with its ids");

    // Control: A's own hotel and type make a room.
    let form = [
        ("hotel_id", a_hotel.as_str()),
        ("room_type_id", a_type.as_str()),
        ("number", "901"),
        ("housekeeping_status", "clean"),
        ("is_active", "on"),
    ];
    b.post("/rooms", &form).await.assert_redirect(&format!("/rooms?hotel={a_hotel}"));
    let rooms = w.db().tenant(w.a.id, None, Access::Read, |s| s.rooms().list(None)).unwrap();
    assert!(rooms.iter().any(|r| r.number == "901" && r.room_type_id == w.a.room_type), "{rooms:?}");
    assert_unchanged(&b_before, &snapshot(w.db(), w.b.id), "B after A made a room");
}
