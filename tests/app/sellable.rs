//! The sellable rule, on both backends: the rooms `Rooms::sellable_by_type` counts in SQL
//! are exactly the rooms `Room::is_sellable` accepts, for rooms in every housekeeping
//! status, active or not.

use std::collections::HashMap;

use hotelier::db::room_types::RoomTypeFields;
use hotelier::db::rooms::RoomFields;
use hotelier::db::{Access, DbError};
use hotelier::domain::*;

use crate::both_backends;
use crate::support::{two_orgs, Backend, TestDb};

both_backends!(sql_counts_the_rooms_rust_calls_sellable);

fn sql_counts_the_rooms_rust_calls_sellable(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let (rooms, by_sql) =
        t.db.tenant(a.id, None, Access::Write, |s| {
            let suites = s.room_types().create(
                a.hotel,
                &RoomTypeFields {
                    code: "STE".into(),
                    name: "Suite".into(),
                    description: None,
                    base_occupancy: 2,
                    max_occupancy: 2,
                    base_rate: 30_000,
                    is_active: true,
                },
            )?;
            for (n, status) in HousekeepingStatus::ALL.iter().enumerate() {
                for is_active in [true, false] {
                    s.rooms().create(
                        a.hotel,
                        &RoomFields {
                            room_type_id: suites.id,
                            number: format!("S{n}{}", if is_active { "a" } else { "i" }),
                            floor: Some(9),
                            housekeeping_status: *status,
                            is_active,
                            notes: None,
                        },
                    )?;
                }
            }
            let rooms = s.rooms().list(Some(a.hotel))?;
            let by_sql = s.rooms().sellable_by_type(a.hotel)?;
            Ok::<_, DbError>((rooms, by_sql))
        })
        .unwrap();
    let mut by_rust: HashMap<RoomTypeId, i64> = HashMap::new();
    for room in rooms.iter().filter(|r| r.is_sellable()) {
        *by_rust.entry(room.room_type_id).or_default() += 1;
    }
    assert_eq!(by_sql, by_rust);
    // The fixture's three clean rooms, and the suites: one active room per sellable status.
    let sellable_statuses = HousekeepingStatus::ALL.iter().filter(|s| s.is_sellable()).count() as i64;
    assert_eq!(by_sql.get(&a.room_type), Some(&3));
    assert_eq!(by_sql.values().sum::<i64>(), 3 + sellable_statuses);
    // Another organization's hotel has none of them.
    let theirs = t.db.tenant(a.id, None, Access::Read, |s| s.rooms().sellable_by_type(b.hotel)).unwrap();
    assert!(theirs.is_empty());
}
