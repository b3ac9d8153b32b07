//! Plans: limits checked when a hotel, user or room is created, with a message naming the
//! limit and the plan; features the plan lacks are hidden and refused.

use hotelier::db::rooms::RoomFields;
use hotelier::db::Access;
use hotelier::domain::{HousekeepingStatus, Plan};

use crate::both_backends_async;
use crate::support::{set_plan, world, Backend};

both_backends_async!(starter_limits_and_features, professional_adds_features_enterprise_has_no_limits);

async fn starter_limits_and_features(backend: Backend) {
    let w = world(backend).await;
    set_plan(&w, w.a.id, Plan::Starter);
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    let a = w.a.id;
    let count = |what: &str| -> i64 {
        w.db()
            .tenant(a, None, Access::Read, |s| match what {
                "hotels" => s.hotels().count(),
                _ => s.rooms().count(),
            })
            .unwrap()
    };

    // Hotels: one is the most; the second is refused with the limit and the plan named.
    let hotel =
        owner.post("/hotels", &[("code", "TWO"), ("name", "Second"), ("timezone", "UTC"), ("is_active", "on")]).await;
    assert_eq!(hotel.status, 403, "{}", hotel.short());
    assert!(hotel.body.contains("Starter plan includes up to 1 hotels"), "{}", hotel.short());
    assert!(hotel.body.contains(r#"value="Second""#), "the refused form keeps what was typed");
    assert_eq!(count("hotels"), 1);

    // Rooms: 50 at most. Fill to 49 directly, add the 50th over HTTP, and the 51st is refused.
    w.db()
        .tenant(a, None, Access::Write, |s| {
            for n in 0..46 {
                s.rooms().create(
                    w.a.hotel,
                    &RoomFields {
                        room_type_id: w.a.room_type,
                        number: format!("9{n:02}"),
                        floor: None,
                        housekeeping_status: HousekeepingStatus::Clean,
                        is_active: true,
                        notes: None,
                    },
                )?;
            }
            Ok::<_, hotelier::db::DbError>(())
        })
        .unwrap();
    assert_eq!(count("rooms"), 49);
    let room = |number: &'static str| {
        vec![
            ("hotel_id", w.a.hotel.to_string()),
            ("room_type_id", w.a.room_type.to_string()),
            ("number", number.to_owned()),
            ("housekeeping_status", "clean".to_owned()),
            ("is_active", "on".to_owned()),
        ]
    };
    let fiftieth =
        owner.post_form("/rooms", &room("500").into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Vec<_>>()).await;
    assert_eq!(fiftieth.status, 303, "the 50th room fits: {}", fiftieth.short());
    let past =
        owner.post_form("/rooms", &room("501").into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Vec<_>>()).await;
    assert_eq!(past.status, 403);
    assert!(past.body.contains("up to 50 rooms"), "{}", past.short());
    assert!(past.body.contains(r#"value="501""#), "the form again, with what was typed: {}", past.short());
    assert_eq!(count("rooms"), 50);

    // Users: the fixture already has more than 5 active members, so none can be added.
    let user = owner.post("/members", &[("email", "one.more@example.com"), ("role", "staff")]).await;
    assert_eq!(user.status, 403);
    assert!(user.body.contains("up to 5 users"), "{}", user.short());
    assert!(user.body.contains("one.more@example.com"), "the form again, with what was typed: {}", user.short());

    // Features: kiosk and reports are hidden and refused.
    let home = owner.get("/").await;
    assert!(
        !home.body.contains("href=\"/reports\"") && !home.body.contains("href=\"/kiosk\""),
        "the plan's navigation hides them"
    );
    for path in ["/reports", "/kiosk"] {
        let p = owner.get(path).await;
        assert_eq!(p.status, 403, "{path}");
        assert!(p.body.contains("not part of the Starter plan"), "{path}: {}", p.short());
    }
}

async fn professional_adds_features_enterprise_has_no_limits(backend: Backend) {
    let w = world(backend).await;
    set_plan(&w, w.a.id, Plan::Professional);
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    assert_eq!(owner.get("/reports").await.status, 200);
    assert_eq!(owner.get("/kiosk").await.status, 200);
    let second =
        owner.post("/hotels", &[("code", "TWO"), ("name", "Second"), ("timezone", "UTC"), ("is_active", "on")]).await;
    assert_eq!(second.status, 303, "professional allows a second hotel: {}", second.short());
    // Enterprise (B): past Professional's 50 users, freely. Fill to 50 directly, then add
    // the 51st over HTTP.
    let hash = hotelier::domain::password::hash("enterprise-filler").unwrap();
    w.db()
        .platform(&hotelier::db::PlatformGrant::operator(), Access::Write, |p| {
            let have = p.tenant(w.b.id).memberships().count_active()?;
            for n in have..50 {
                let user = hotelier::db::users::NewUser {
                    id: hotelier::domain::UserId::new(),
                    email: format!("filler{n}@bravo-inns.test"),
                    full_name: format!("Filler {n}"),
                    password_hash: hash.clone(),
                    is_super_admin: false,
                };
                p.users().create(&user)?;
                p.tenant(w.b.id).memberships().create(&crate::support::new_membership(
                    user.id,
                    hotelier::domain::Role::Staff,
                    true,
                    None,
                ))?;
            }
            Ok::<_, hotelier::db::DbError>(())
        })
        .unwrap();
    let mut b_owner = w.browser();
    b_owner.sign_in(&w.team_b.owner.account.email).await;
    let added = b_owner.post("/members", &[("email", "ent.user@example.com"), ("role", "staff")]).await;
    assert!(matches!(added.status, 200 | 303), "the 51st user is added: {}", added.short());
    let members = w.db().tenant(w.b.id, None, Access::Read, |s| s.memberships().list()).unwrap();
    assert!(members.iter().any(|(_, u)| u.email == "ent.user@example.com"));
    assert!(members.len() > 50, "{} members", members.len());
}
