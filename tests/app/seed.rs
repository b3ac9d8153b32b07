//! `hotelier seed` (`db::bulk`): a small dataset on each backend, checked the way its
//! users see it: organizations of the promised sizes, records that hang together within
//! each organization, stays that never share a room, folios that add up, the same data
//! on a second run, and seeded logins that work.

use std::collections::{BTreeMap, HashMap, HashSet};

use hotelier::db::bulk::{seed, SeedReport, PASSWORD};
use hotelier::db::{Access, Db, DbError, PlatformGrant};
use hotelier::domain::booking::today_in;
use hotelier::domain::{ReservationStatus, Role, TenantId};

use crate::support::{client, login, start_app, Backend, TestDb};

const TENANTS: usize = 3;
/// Enough that the big organization's stays and folio go through COPY on PostgreSQL.
const RESERVATIONS: usize = 3_000;

/// What one organization holds, read through its own scope.
#[derive(Debug, PartialEq)]
struct Holdings {
    slug: String,
    members: Vec<(String, Role)>,
    hotels: Vec<(String, String)>,
    rooms: usize,
    guests: Vec<String>,
    /// Confirmation code, status, check-in and check-out of every reservation.
    stays: Vec<(String, ReservationStatus, String, String)>,
}

fn holdings(db: &Db) -> Vec<Holdings> {
    let tenants = db.platform(&PlatformGrant::operator(), Access::Read, |p| p.tenants().list()).unwrap();
    let mut all = Vec::new();
    for tenant in tenants {
        let h = db
            .tenant(tenant.id, None, Access::Read, |s| {
                let mut members: Vec<_> = s.memberships().list()?.into_iter().map(|(m, u)| (u.email, m.role)).collect();
                members.sort_by(|a, b| a.0.cmp(&b.0));
                let mut stays: Vec<_> = s
                    .reservations()
                    .list(None, 100_000)?
                    .into_iter()
                    .map(|r| (r.confirmation_code, r.status, r.check_in.to_string(), r.check_out.to_string()))
                    .collect();
                stays.sort_by(|a, b| a.0.cmp(&b.0));
                Ok::<_, DbError>(Holdings {
                    slug: tenant.slug.clone(),
                    members,
                    hotels: s.hotels().list()?.into_iter().map(|h| (h.code, h.name)).collect(),
                    rooms: s.rooms().count()? as usize,
                    guests: s.guests().list(None, 100_000, 0)?.into_iter().map(|g| g.full_name()).collect(),
                    stays,
                })
            })
            .unwrap();
        all.push(h);
    }
    all.sort_by(|a, b| a.slug.cmp(&b.slug));
    all
}

/// Every reservation points at its own organization's hotel, room and guest; no two
/// active stays share a room on a night; statuses fit the dates; checked-out folios are
/// settled. Returns the number of stays still waiting for a room.
fn check_consistency(db: &Db, tenant: TenantId) -> usize {
    db.tenant(tenant, None, Access::Read, |s| {
        let hotels: HashMap<_, _> = s.hotels().list()?.into_iter().map(|h| (h.id, h)).collect();
        let rooms: HashMap<_, _> = s.rooms().list(None)?.into_iter().map(|r| (r.id, r)).collect();
        let guests: HashSet<_> = s.guests().list(None, 100_000, 0)?.into_iter().map(|g| g.id).collect();
        let stays = s.reservations().list(None, 100_000)?;
        let mut by_room: BTreeMap<_, Vec<_>> = BTreeMap::new();
        let mut unassigned = 0;
        for r in &stays {
            assert_eq!(r.tenant_id, tenant);
            let hotel = hotels.get(&r.hotel_id).expect("the stay's hotel is its organization's");
            assert!(guests.contains(&r.guest_id), "the stay's guest is its organization's");
            match r.room_id {
                Some(room) => {
                    let room = rooms.get(&room).expect("the stay's room is its organization's");
                    assert_eq!((room.hotel_id, room.room_type_id), (r.hotel_id, r.room_type_id));
                    if r.status.is_active() {
                        by_room.entry(room.id).or_default().push((r.check_in, r.check_out));
                    }
                }
                None => unassigned += 1,
            }
            let today = today_in(&hotel.timezone, chrono::Utc::now());
            use ReservationStatus::*;
            let fits = if r.check_out < today {
                matches!(r.status, CheckedOut | Cancelled | NoShow)
            } else if r.check_in <= today {
                matches!(r.status, CheckedIn | Confirmed)
            } else {
                matches!(r.status, Confirmed | Pending | Cancelled) && r.checked_in_at.is_none()
            };
            assert!(
                fits,
                "{} {} from {} to {} (today {today})",
                r.confirmation_code, r.status, r.check_in, r.check_out
            );
            if r.status == CheckedOut {
                assert_eq!(s.folio().balance(r.id)?, 0, "checked-out stay {} is settled", r.confirmation_code);
            }
        }
        for (room, mut nights) in by_room {
            nights.sort();
            for pair in nights.windows(2) {
                assert!(pair[0].1 <= pair[1].0, "room {room} is booked twice: {pair:?}");
            }
        }
        Ok::<_, DbError>(unassigned)
    })
    .unwrap()
}

async fn seeds_a_usable_dataset(backend: Backend) {
    let test_db = TestDb::new(backend);
    let db = test_db.db.clone();
    let report: SeedReport =
        tokio::task::spawn_blocking(move || seed(&db, TENANTS, RESERVATIONS).unwrap()).await.unwrap();
    assert_eq!((report.tenants, report.reservations, report.big_tenant.as_str()), (TENANTS, RESERVATIONS, "big-chain"));

    let seeded = holdings(&test_db.db);
    let sizes: Vec<_> = seeded.iter().map(|h| (h.slug.as_str(), h.stays.len())).collect();
    assert_eq!(sizes.iter().map(|s| s.1).sum::<usize>(), RESERVATIONS, "{sizes:?}");
    let big = seeded.iter().find(|h| h.slug == "big-chain").unwrap();
    assert_eq!(big.stays.len(), report.big_reservations);
    assert!(seeded.iter().all(|h| h.slug == "big-chain" || h.stays.len() * 3 < big.stays.len()), "{sizes:?}");
    for h in &seeded {
        let roles: Vec<_> = h.members.iter().map(|(email, role)| (email.as_str(), *role)).collect();
        let expected: Vec<_> = [Role::Manager, Role::Owner, Role::Staff]
            .iter()
            .map(|r| (format!("{}@{}.seed", r.as_str(), h.slug), *r))
            .collect();
        assert_eq!(roles, expected.iter().map(|(e, r)| (e.as_str(), *r)).collect::<Vec<_>>());
        assert!(!h.hotels.is_empty() && h.rooms > 0 && !h.guests.is_empty(), "{} is empty", h.slug);
    }

    let tenants = test_db.db.platform(&PlatformGrant::operator(), Access::Read, |p| p.tenants().list()).unwrap();
    let mut unassigned = 0;
    let mut billed_to_clients = 0;
    for t in &tenants {
        unassigned += check_consistency(&test_db.db, t.id);
        let clients = test_db.db.tenant(t.id, None, Access::Read, |s| s.companies().search(None)).unwrap();
        assert_eq!(clients.len(), 1, "{}: its corporate client", t.slug);
        billed_to_clients += clients[0].1;
    }
    assert!(unassigned > 0, "some stays ahead wait for a room");
    assert!(billed_to_clients > 0, "some invoices are billed to a company");

    // A seeded database is not seeded again.
    let db = test_db.db.clone();
    let again = tokio::task::spawn_blocking(move || seed(&db, 1, 10)).await.unwrap();
    assert!(again.unwrap_err().to_string().contains("already has organizations"));

    // The same arguments give the same data.
    let other = TestDb::new(backend);
    let db = other.db.clone();
    tokio::task::spawn_blocking(move || seed(&db, TENANTS, RESERVATIONS).unwrap()).await.unwrap();
    assert!(holdings(&other.db) == seeded, "a second seed differs from the first");

    // The big organization's owner signs in and lands in it.
    let address = start_app(&test_db, |_| {});
    let browser = client();
    let page = login(&browser, &address, "owner@big-chain.seed", PASSWORD).await;
    assert_eq!(page.status, 303, "{}", page.short());
    let home = browser.get(format!("{address}/")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    assert!(home.text().await.unwrap().contains("Big Chain Hotels"));
}

crate::both_backends_async!(seeds_a_usable_dataset);
