//! Layer 2: through tenant A's scope, list, get, update and delete never read or change
//! tenant B's rows, table by table; and a scoped insert cannot make a row for B.

use hotelier::db::guests::GuestFields;
use hotelier::db::hotels::HotelFields;
use hotelier::db::memberships::NewMembership;
use hotelier::db::room_types::RoomTypeFields;
use hotelier::db::rooms::RoomFields;
use hotelier::db::users::NewUser;
use hotelier::db::{audit::Event, folio::NewFolioEntry, Access, Db, DbError, PlatformGrant};
use hotelier::domain::*;

use crate::both_backends;
use crate::support::{two_orgs, Backend, Org, TestDb};

both_backends!(
    hotels,
    room_types,
    rooms,
    guests,
    reservations,
    folio_entries,
    memberships,
    audit_log,
    inserts_take_tenant_from_scope
);

fn in_a<T>(
    db: &Db,
    a: &Org,
    f: impl FnOnce(&mut hotelier::db::TenantScope<'_>) -> Result<T, DbError>,
) -> Result<T, DbError> {
    db.tenant(a.id, None, Access::Write, f)
}

fn hotels(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let listed = in_a(&t.db, &a, |s| s.hotels().list()).unwrap();
    assert_eq!(listed.iter().map(|h| h.id).collect::<Vec<_>>(), vec![a.hotel]);
    assert!(matches!(in_a(&t.db, &a, |s| s.hotels().get(b.hotel)), Err(DbError::NotFound)));
    assert!(matches!(in_a(&t.db, &a, |s| s.hotels().by_code("HQ")), Ok(h) if h.id == a.hotel));
    let fields = HotelFields {
        code: "HACK".into(),
        name: "Hacked".into(),
        timezone: "UTC".into(),
        is_active: true,
        ..HotelFields::default()
    };
    assert!(matches!(in_a(&t.db, &a, |s| s.hotels().update(b.hotel, 1, &fields)), Err(DbError::NotFound)));
    assert!(matches!(
        in_a(&t.db, &a, |s| s.hotels().set_business_date(b.hotel, chrono::Utc::now().date_naive())),
        Err(DbError::NotFound)
    ));
    assert!(matches!(in_a(&t.db, &a, |s| s.hotels().delete(b.hotel)), Err(DbError::NotFound)));
    // B's hotel is untouched.
    let theirs = t.db.tenant(b.id, None, Access::Read, |s| s.hotels().get(b.hotel)).unwrap();
    assert_eq!((theirs.code.as_str(), theirs.version), ("HQ", 1));
    assert_eq!(t.db.tenant(b.id, None, Access::Read, |s| s.hotels().count()).unwrap(), 1);
}

fn room_types(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let listed = in_a(&t.db, &a, |s| s.room_types().list(None)).unwrap();
    assert_eq!(listed.iter().map(|r| r.id).collect::<Vec<_>>(), vec![a.room_type]);
    assert!(in_a(&t.db, &a, |s| s.room_types().list(Some(b.hotel))).unwrap().is_empty());
    assert!(matches!(in_a(&t.db, &a, |s| s.room_types().get(b.room_type)), Err(DbError::NotFound)));
    let fields = RoomTypeFields {
        code: "X".into(),
        name: "X".into(),
        description: None,
        base_occupancy: 1,
        max_occupancy: 1,
        base_rate: 1,
        is_active: false,
    };
    assert!(matches!(in_a(&t.db, &a, |s| s.room_types().update(b.room_type, 1, &fields)), Err(DbError::NotFound)));
    assert!(matches!(in_a(&t.db, &a, |s| s.room_types().delete(b.room_type)), Err(DbError::NotFound)));
    let theirs = t.db.tenant(b.id, None, Access::Read, |s| s.room_types().get(b.room_type)).unwrap();
    assert_eq!((theirs.code.as_str(), theirs.base_rate, theirs.version), ("STD", 10_000, 1));
}

fn rooms(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let listed = in_a(&t.db, &a, |s| s.rooms().list(None)).unwrap();
    assert_eq!(listed.iter().map(|r| r.id).collect::<Vec<_>>(), a.rooms);
    assert!(in_a(&t.db, &a, |s| s.rooms().list(Some(b.hotel))).unwrap().is_empty());
    assert!(matches!(in_a(&t.db, &a, |s| s.rooms().get(b.rooms[0])), Err(DbError::NotFound)));
    assert!(matches!(
        in_a(&t.db, &a, |s| s.rooms().set_housekeeping(b.rooms[0], HousekeepingStatus::OutOfOrder)),
        Err(DbError::NotFound)
    ));
    let fields = RoomFields {
        room_type_id: b.room_type,
        number: "999".into(),
        floor: None,
        housekeeping_status: HousekeepingStatus::Dirty,
        is_active: false,
        notes: None,
    };
    assert!(matches!(in_a(&t.db, &a, |s| s.rooms().update(b.rooms[1], 1, &fields)), Err(DbError::NotFound)));
    assert!(matches!(in_a(&t.db, &a, |s| s.rooms().delete(b.rooms[2])), Err(DbError::NotFound)));
    let theirs = t.db.tenant(b.id, None, Access::Read, |s| s.rooms().list(None)).unwrap();
    assert_eq!(theirs.len(), 3);
    assert!(theirs.iter().all(|r| r.housekeeping_status == HousekeepingStatus::Clean && r.version == 1));
}

fn guests(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let all = in_a(&t.db, &a, |s| s.guests().list(None, 50, 0)).unwrap();
    assert_eq!(all.iter().map(|g| g.id).collect::<Vec<_>>(), vec![a.guest]);
    // Searching for B's guest by name or email finds nothing from A.
    assert!(in_a(&t.db, &a, |s| s.guests().list(Some("bravo"), 50, 0)).unwrap().is_empty());
    assert!(in_a(&t.db, &a, |s| s.guests().list(Some("guest@bravo-inns.test"), 50, 0)).unwrap().is_empty());
    assert_eq!(in_a(&t.db, &a, |s| s.guests().list(Some("ALPHA"), 50, 0)).unwrap().len(), 1);
    assert!(matches!(in_a(&t.db, &a, |s| s.guests().get(b.guest)), Err(DbError::NotFound)));
    let fields = GuestFields { first_name: "Mal".into(), last_name: "Lory".into(), ..GuestFields::default() };
    assert!(matches!(in_a(&t.db, &a, |s| s.guests().update(b.guest, 1, &fields)), Err(DbError::NotFound)));
    assert!(matches!(in_a(&t.db, &a, |s| s.guests().delete(b.guest)), Err(DbError::NotFound)));
    let theirs = t.db.tenant(b.id, None, Access::Read, |s| s.guests().get(b.guest)).unwrap();
    assert_eq!((theirs.first_name.as_str(), theirs.version), ("Guest", 1));
}

fn reservations(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let mine = in_a(&t.db, &a, |s| s.reservations().list(None, 100)).unwrap();
    assert_eq!(mine.iter().map(|r| r.id).collect::<Vec<_>>(), vec![a.reservation]);
    assert!(matches!(in_a(&t.db, &a, |s| s.reservations().get(b.reservation)), Err(DbError::NotFound)));
    assert!(matches!(in_a(&t.db, &a, |s| s.reservations().by_confirmation("BABC123")), Err(DbError::NotFound)));
    assert!(matches!(
        in_a(&t.db, &a, |s| s.reservations().assign_room(b.reservation, a.rooms[1])),
        Err(DbError::NotFound)
    ));
    assert!(matches!(
        in_a(&t.db, &a, |s| s.reservations().set_status(b.reservation, 1, ReservationStatus::Cancelled, Some("x"))),
        Err(DbError::NotFound)
    ));
    // A cannot move its own booking into B's room either: the composite key refuses it.
    assert!(matches!(
        in_a(&t.db, &a, |s| s.reservations().assign_room(a.reservation, b.rooms[1])),
        Err(DbError::Reference)
    ));
    let theirs = t.db.tenant(b.id, None, Access::Read, |s| s.reservations().get(b.reservation)).unwrap();
    assert_eq!((theirs.status, theirs.room_id, theirs.version), (ReservationStatus::Confirmed, Some(b.rooms[0]), 1));
    assert_eq!(t.db.tenant(a.id, None, Access::Read, |s| s.reservations().count()).unwrap(), 1);
}

fn folio_entries(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let charge = |reservation| NewFolioEntry {
        reservation_id: reservation,
        kind: FolioKind::Charge,
        description: "Breakfast".into(),
        amount: 1_500,
        method: None,
        reference: None,
        service_date: None,
    };
    t.db.tenant(b.id, None, Access::Write, |s| s.folio().post(&charge(b.reservation))).unwrap();
    in_a(&t.db, &a, |s| s.folio().post(&charge(a.reservation))).unwrap();
    assert!(in_a(&t.db, &a, |s| s.folio().entries(b.reservation)).unwrap().is_empty());
    assert_eq!(in_a(&t.db, &a, |s| s.folio().balance(b.reservation)).unwrap(), 0);
    assert_eq!(in_a(&t.db, &a, |s| s.folio().balance(a.reservation)).unwrap(), 1_500);
    // Posting onto B's reservation from A's scope is refused by the composite key.
    assert!(matches!(in_a(&t.db, &a, |s| s.folio().post(&charge(b.reservation))), Err(DbError::Reference)));
    assert_eq!(t.db.tenant(b.id, None, Access::Read, |s| s.folio().entries(b.reservation)).unwrap().len(), 1);
}

fn memberships(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let user = |email: &str| NewUser {
        id: UserId::new(),
        email: email.into(),
        full_name: email.into(),
        password_hash: "x".into(),
        is_super_admin: false,
    };
    let (ua, ub) = (user("a@alpha.test"), user("b@bravo.test"));
    t.db.platform(&PlatformGrant::operator(), Access::Write, |p| {
        p.users().create(&ua)?;
        p.users().create(&ub)
    })
    .unwrap();
    let member = |user_id| NewMembership {
        user_id,
        role: Role::Manager,
        permissions: vec![],
        is_primary: true,
        expires_at: None,
    };
    in_a(&t.db, &a, |s| s.memberships().create(&member(ua.id))).unwrap();
    let theirs = t.db.tenant(b.id, None, Access::Write, |s| s.memberships().create(&member(ub.id))).unwrap();
    let listed = in_a(&t.db, &a, |s| s.memberships().list()).unwrap();
    assert_eq!(listed.iter().map(|(_, u)| u.email.as_str()).collect::<Vec<_>>(), vec!["a@alpha.test"]);
    assert!(in_a(&t.db, &a, |s| s.memberships().for_user(ub.id)).unwrap().is_none());
    assert!(matches!(in_a(&t.db, &a, |s| s.memberships().get(theirs.id)), Err(DbError::NotFound)));
    assert!(matches!(in_a(&t.db, &a, |s| s.memberships().set_role(theirs.id, 1, Role::Owner)), Err(DbError::NotFound)));
    assert!(matches!(in_a(&t.db, &a, |s| s.memberships().delete(theirs.id)), Err(DbError::NotFound)));
    let still = t.db.tenant(b.id, None, Access::Read, |s| s.memberships().get(theirs.id)).unwrap();
    assert_eq!((still.role, still.version), (Role::Manager, 1));
    // The user-keyed view shows a user only their own memberships.
    let own = t.db.user(ub.id, Access::Read, |u| u.memberships()).unwrap();
    assert_eq!(own.iter().map(|(m, _)| m.tenant_id).collect::<Vec<_>>(), vec![b.id]);
}

fn audit_log(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    in_a(&t.db, &a, |s| s.audit(&Event::new("hotel.update", "hotel", a.hotel))).unwrap();
    t.db.tenant(b.id, None, Access::Write, |s| s.audit(&Event::new("hotel.update", "hotel", b.hotel))).unwrap();
    t.db.anonymous(Access::Write, |u| {
        u.audit_platform_event(&Event::new("login.failed", "user", "nobody@example.com"))
    })
    .unwrap();
    let mine = in_a(&t.db, &a, |s| s.audit_entries(100)).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].entity_id.as_deref(), Some(a.hotel.to_string().as_str()));
    assert_eq!(mine[0].tenant_id, Some(a.id));
}

fn inserts_take_tenant_from_scope(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    // A room in A's scope pointing at B's hotel and room type: refused, nothing written.
    let fields = RoomFields {
        room_type_id: b.room_type,
        number: "666".into(),
        floor: None,
        housekeeping_status: HousekeepingStatus::Clean,
        is_active: true,
        notes: None,
    };
    assert!(matches!(in_a(&t.db, &a, |s| s.rooms().create(b.hotel, &fields)), Err(DbError::Reference)));
    assert_eq!(t.db.tenant(b.id, None, Access::Read, |s| s.rooms().count()).unwrap(), 3);
    assert_eq!(t.db.tenant(a.id, None, Access::Read, |s| s.rooms().count()).unwrap(), 3);
    // What A's scope creates belongs to A, whatever it refers to.
    let guest = in_a(&t.db, &a, |s| {
        s.guests().create(&GuestFields { first_name: "New".into(), last_name: "Guest".into(), ..Default::default() })
    })
    .unwrap();
    assert_eq!(guest.tenant_id, a.id);
    assert!(matches!(t.db.tenant(b.id, None, Access::Read, |s| s.guests().get(guest.id)), Err(DbError::NotFound)));
}
