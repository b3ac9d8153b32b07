//! Optimistic locking, repository by repository: a versioned update of a row that is not
//! there answers `NotFound` (404), one of a row someone saved first answers `Stale` (409),
//! and neither writes anything. Every fixture has two organizations, so "not there" is
//! checked both for an id that exists nowhere and for the other organization's row.

use hotelier::db::guests::GuestFields;
use hotelier::db::hotels::HotelFields;
use hotelier::db::memberships::{MembershipChanges, NewMembership};
use hotelier::db::reservations::StayChanges;
use hotelier::db::room_types::RoomTypeFields;
use hotelier::db::rooms::RoomFields;
use hotelier::db::tenants::OrganizationChanges;
use hotelier::db::users::NewUser;
use hotelier::db::{Access, Db, DbError, DbResult, PlatformGrant, PlatformScope, TenantScope};
use hotelier::domain::*;

use crate::both_backends;
use crate::support::{two_orgs, Backend, TestDb};

both_backends!(
    hotels,
    guests,
    rooms,
    room_types,
    reservation_stay,
    reservation_status,
    reservation_room,
    memberships,
    tenants,
    organization_settings
);

/// A version no row is at: the fixtures' rows are at 1.
const STALE: i32 = 99;

fn write<T>(db: &Db, tenant: TenantId, f: impl FnOnce(&mut TenantScope<'_>) -> DbResult<T>) -> DbResult<T> {
    db.tenant(tenant, None, Access::Write, f)
}

fn platform<T>(db: &Db, f: impl FnOnce(&mut PlatformScope<'_>) -> DbResult<T>) -> DbResult<T> {
    db.platform(&PlatformGrant::operator(), Access::Write, f)
}

#[track_caller]
fn not_found<T: std::fmt::Debug>(outcome: DbResult<T>) {
    assert!(matches!(outcome, Err(DbError::NotFound)), "expected NotFound, got {outcome:?}");
}

#[track_caller]
fn stale<T: std::fmt::Debug>(outcome: DbResult<T>) {
    assert!(matches!(outcome, Err(DbError::Stale)), "expected Stale, got {outcome:?}");
}

fn hotels(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let fields = HotelFields {
        code: "NEW".into(),
        name: "Renamed".into(),
        timezone: "UTC".into(),
        is_active: true,
        ..Default::default()
    };
    not_found(write(&t.db, a.id, |s| s.hotels().update(HotelId::new(), 1, &fields)));
    not_found(write(&t.db, a.id, |s| s.hotels().update(b.hotel, 1, &fields)));
    stale(write(&t.db, a.id, |s| s.hotels().update(a.hotel, STALE, &fields)));
    let kept = write(&t.db, a.id, |s| s.hotels().get(a.hotel)).unwrap();
    assert_eq!((kept.code.as_str(), kept.version), ("HQ", 1));
    let saved = write(&t.db, a.id, |s| s.hotels().update(a.hotel, 1, &fields)).unwrap();
    assert_eq!((saved.code.as_str(), saved.version), ("NEW", 2));
    stale(write(&t.db, a.id, |s| s.hotels().update(a.hotel, 1, &fields)));
}

fn guests(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let fields = GuestFields { first_name: "Ada".into(), last_name: "Byron".into(), ..Default::default() };
    not_found(write(&t.db, a.id, |s| s.guests().update(GuestId::new(), 1, &fields)));
    not_found(write(&t.db, a.id, |s| s.guests().update(b.guest, 1, &fields)));
    stale(write(&t.db, a.id, |s| s.guests().update(a.guest, STALE, &fields)));
    let kept = write(&t.db, a.id, |s| s.guests().get(a.guest)).unwrap();
    assert_eq!((kept.first_name.as_str(), kept.version), ("Guest", 1));
    let saved = write(&t.db, a.id, |s| s.guests().update(a.guest, 1, &fields)).unwrap();
    assert_eq!((saved.first_name.as_str(), saved.version), ("Ada", 2));
}

fn rooms(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let fields = RoomFields {
        room_type_id: a.room_type,
        number: "201".into(),
        floor: Some(2),
        housekeeping_status: HousekeepingStatus::Dirty,
        is_active: true,
        notes: None,
    };
    not_found(write(&t.db, a.id, |s| s.rooms().update(RoomId::new(), 1, &fields)));
    not_found(write(&t.db, a.id, |s| s.rooms().update(b.rooms[1], 1, &fields)));
    stale(write(&t.db, a.id, |s| s.rooms().update(a.rooms[1], STALE, &fields)));
    let kept = write(&t.db, a.id, |s| s.rooms().get(a.rooms[1])).unwrap();
    assert_eq!((kept.number.as_str(), kept.version), ("102", 1));
    let saved = write(&t.db, a.id, |s| s.rooms().update(a.rooms[1], 1, &fields)).unwrap();
    assert_eq!((saved.number.as_str(), saved.version), ("201", 2));
}

fn room_types(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let fields = RoomTypeFields {
        code: "DLX".into(),
        name: "Deluxe".into(),
        description: None,
        base_occupancy: 2,
        max_occupancy: 4,
        base_rate: 20_000,
        is_active: true,
    };
    not_found(write(&t.db, a.id, |s| s.room_types().update(RoomTypeId::new(), 1, &fields)));
    not_found(write(&t.db, a.id, |s| s.room_types().update(b.room_type, 1, &fields)));
    stale(write(&t.db, a.id, |s| s.room_types().update(a.room_type, STALE, &fields)));
    let kept = write(&t.db, a.id, |s| s.room_types().get(a.room_type)).unwrap();
    assert_eq!((kept.code.as_str(), kept.version), ("STD", 1));
    let saved = write(&t.db, a.id, |s| s.room_types().update(a.room_type, 1, &fields)).unwrap();
    assert_eq!((saved.code.as_str(), saved.version), ("DLX", 2));
}

fn reservation_stay(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let today = chrono::Utc::now().date_naive();
    let changes = StayChanges {
        check_in: today,
        check_out: today + chrono::Days::new(3),
        room_type_id: a.room_type,
        room_id: Some(a.rooms[0]),
        adults: 1,
        children: 0,
        nightly_rate: 9_000,
        total_amount: 27_000,
        notes: None,
    };
    not_found(write(&t.db, a.id, |s| s.reservations().update_stay(ReservationId::new(), 1, &changes)));
    not_found(write(&t.db, a.id, |s| s.reservations().update_stay(b.reservation, 1, &changes)));
    stale(write(&t.db, a.id, |s| s.reservations().update_stay(a.reservation, STALE, &changes)));
    let kept = write(&t.db, a.id, |s| s.reservations().get(a.reservation)).unwrap();
    assert_eq!((kept.nights(), kept.version), (2, 1));
    let saved = write(&t.db, a.id, |s| s.reservations().update_stay(a.reservation, 1, &changes)).unwrap();
    assert_eq!((saved.nights(), saved.total_amount, saved.version), (3, 27_000, 2));
}

fn reservation_status(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let cancel = |id, version| {
        move |s: &mut TenantScope<'_>| s.reservations().set_status(id, version, ReservationStatus::Cancelled, Some("x"))
    };
    not_found(write(&t.db, a.id, cancel(ReservationId::new(), 1)));
    not_found(write(&t.db, a.id, cancel(b.reservation, 1)));
    stale(write(&t.db, a.id, cancel(a.reservation, STALE)));
    let kept = write(&t.db, a.id, |s| s.reservations().get(a.reservation)).unwrap();
    assert_eq!((kept.status, kept.version), (ReservationStatus::Confirmed, 1));
    let saved = write(&t.db, a.id, cancel(a.reservation, 1)).unwrap();
    assert_eq!((saved.status, saved.version), (ReservationStatus::Cancelled, 2));
}

fn reservation_room(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    not_found(write(&t.db, a.id, |s| s.reservations().assign_room_at(ReservationId::new(), 1, a.rooms[1])));
    not_found(write(&t.db, a.id, |s| s.reservations().assign_room_at(b.reservation, 1, a.rooms[1])));
    stale(write(&t.db, a.id, |s| s.reservations().assign_room_at(a.reservation, STALE, a.rooms[1])));
    let kept = write(&t.db, a.id, |s| s.reservations().get(a.reservation)).unwrap();
    assert_eq!((kept.room_id, kept.version), (Some(a.rooms[0]), 1));
    let saved = write(&t.db, a.id, |s| s.reservations().assign_room_at(a.reservation, 1, a.rooms[1])).unwrap();
    assert_eq!((saved.room_id, saved.version), (Some(a.rooms[1]), 2));
}

fn memberships(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let users = [UserId::new(), UserId::new()];
    platform(&t.db, |p| {
        for (id, email) in users.iter().zip(["a@alpha.test", "b@bravo.test"]) {
            p.users().create(&NewUser {
                id: *id,
                email: email.into(),
                full_name: email.into(),
                password_hash: "x".into(),
                is_super_admin: false,
            })?;
        }
        Ok::<_, DbError>(())
    })
    .unwrap();
    let member =
        |user_id| NewMembership { user_id, role: Role::Staff, permissions: vec![], is_primary: true, expires_at: None };
    let mine = write(&t.db, a.id, |s| s.memberships().create(&member(users[0]))).unwrap();
    let theirs = write(&t.db, b.id, |s| s.memberships().create(&member(users[1]))).unwrap();
    let changes = MembershipChanges { role: Role::Manager, expires_at: None, is_active: true, permissions: vec![] };
    for missing in [AssociationId::new(), theirs.id] {
        not_found(write(&t.db, a.id, |s| s.memberships().set_role(missing, 1, Role::Manager)));
        not_found(write(&t.db, a.id, |s| s.memberships().update(missing, 1, &changes)));
    }
    stale(write(&t.db, a.id, |s| s.memberships().set_role(mine.id, STALE, Role::Manager)));
    stale(write(&t.db, a.id, |s| s.memberships().update(mine.id, STALE, &changes)));
    let kept = write(&t.db, a.id, |s| s.memberships().get(mine.id)).unwrap();
    assert_eq!((kept.role, kept.version), (Role::Staff, 1));
    let saved = write(&t.db, a.id, |s| s.memberships().set_role(mine.id, 1, Role::Manager)).unwrap();
    assert_eq!((saved.role, saved.version), (Role::Manager, 2));
    let saved = write(&t.db, a.id, |s| s.memberships().update(mine.id, 2, &changes)).unwrap();
    assert_eq!(saved.version, 3);
}

fn tenants(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, _b) = two_orgs(&t.db);
    not_found(platform(&t.db, |p| p.tenants().set_status(TenantId::new(), 1, TenantStatus::Suspended)));
    not_found(platform(&t.db, |p| p.tenants().set_plan(TenantId::new(), 1, Plan::Starter)));
    stale(platform(&t.db, |p| p.tenants().set_status(a.id, STALE, TenantStatus::Suspended)));
    stale(platform(&t.db, |p| p.tenants().set_plan(a.id, STALE, Plan::Starter)));
    let kept = platform(&t.db, |p| p.tenants().get(a.id)).unwrap();
    assert_eq!((kept.status, kept.plan, kept.version), (TenantStatus::Active, Plan::Enterprise, 1));
    let saved = platform(&t.db, |p| p.tenants().set_plan(a.id, 1, Plan::Starter)).unwrap();
    assert_eq!((saved.plan, saved.version), (Plan::Starter, 2));
    let saved = platform(&t.db, |p| p.tenants().set_status(a.id, 2, TenantStatus::Suspended)).unwrap();
    assert_eq!((saved.status, saved.version), (TenantStatus::Suspended, 3));
}

/// The organization's own settings, through its tenant scope. (A scope of an organization
/// that does not exist answered `Stale` here before the versioned updates shared one end.)
fn organization_settings(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, _b) = two_orgs(&t.db);
    let changes = OrganizationChanges {
        currency: "GBP".into(),
        timezone: "Europe/London".into(),
        locale: "en".into(),
        settings: serde_json::json!({}).into(),
    };
    not_found(write(&t.db, TenantId::new(), |s| s.update_organization(1, &changes)));
    stale(write(&t.db, a.id, |s| s.update_organization(STALE, &changes)));
    let kept = write(&t.db, a.id, |s| s.organization()).unwrap();
    assert_eq!((kept.currency.as_str(), kept.version), ("USD", 1));
    let saved = write(&t.db, a.id, |s| s.update_organization(1, &changes)).unwrap();
    assert_eq!((saved.currency.as_str(), saved.version), ("GBP", 2));
    stale(write(&t.db, a.id, |s| s.update_organization(1, &changes)));
}
