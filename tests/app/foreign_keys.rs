//! Layer 3: composite foreign keys. A raw insert (no app code in the way) that points a
//! tenant-A row at a tenant-B parent is refused by the database itself.

use diesel::connection::SimpleConnection;

use crate::both_backends;
use crate::support::{two_orgs, Backend, Org, TestDb};

both_backends!(cross_tenant_parents_are_refused);

fn cross_tenant_parents_are_refused(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let (uuid, now) = match backend {
        Backend::Postgres => ("gen_random_uuid()", "now()"),
        Backend::Sqlite => ("lower(hex(randomblob(16)))", "'2026-01-01T00:00:00.000000Z'"),
    };
    let attempts = |a: &Org, b: &Org| {
        vec![
            ("room in B's hotel", format!(
                "INSERT INTO rooms (tenant_id, id, hotel_id, room_type_id, number, created_at, updated_at) \
                 VALUES ('{}', {uuid}, '{}', '{}', '900', {now}, {now})", a.id, b.hotel, b.room_type)),
            ("room type in B's hotel", format!(
                "INSERT INTO room_types (tenant_id, id, hotel_id, code, name, base_occupancy, max_occupancy, base_rate, created_at, updated_at) \
                 VALUES ('{}', {uuid}, '{}', 'X', 'X', 1, 1, 0, {now}, {now})", a.id, b.hotel)),
            ("reservation for B's guest", format!(
                "INSERT INTO reservations (tenant_id, id, hotel_id, room_type_id, guest_id, confirmation_code, check_in, check_out, nightly_rate, total_amount, created_at, updated_at) \
                 VALUES ('{}', {uuid}, '{}', '{}', '{}', 'ZZZ999', '2030-01-01', '2030-01-02', 0, 0, {now}, {now})", a.id, a.hotel, a.room_type, b.guest)),
            ("reservation in B's room", format!(
                "INSERT INTO reservations (tenant_id, id, hotel_id, room_type_id, room_id, guest_id, confirmation_code, check_in, check_out, nightly_rate, total_amount, created_at, updated_at) \
                 VALUES ('{}', {uuid}, '{}', '{}', '{}', '{}', 'ZZZ998', '2030-01-01', '2030-01-02', 0, 0, {now}, {now})", a.id, a.hotel, a.room_type, b.rooms[1], a.guest)),
            ("folio entry on B's reservation", format!(
                "INSERT INTO folio_entries (tenant_id, id, reservation_id, kind, description, amount, created_at) \
                 VALUES ('{}', {uuid}, '{}', 'charge', 'x', 1, {now})", a.id, b.reservation)),
        ]
    };
    let mut conn = t.raw();
    for (what, sql) in attempts(&a, &b) {
        // On PostgreSQL the insert runs as tenant A, so row-level security allows it and
        // only the foreign key can refuse it.
        let sql = match backend {
            Backend::Postgres => format!("BEGIN; SELECT set_config('app.tenant_id', '{}', true); {sql}; COMMIT;", a.id),
            Backend::Sqlite => sql,
        };
        let err = conn.batch_execute(&sql).expect_err(what);
        let text = err.to_string().to_lowercase();
        assert!(text.contains("foreign key"), "{what}: {err}");
        if backend == Backend::Postgres {
            conn.batch_execute("ROLLBACK").ok();
        }
    }
    // The same statements pointed at A's own parents succeed: the refusal was the key.
    let ok = format!(
        "INSERT INTO folio_entries (tenant_id, id, reservation_id, kind, description, amount, created_at) \
         VALUES ('{}', {uuid}, '{}', 'charge', 'x', 1, {now})",
        a.id, a.reservation
    );
    let ok = match backend {
        Backend::Postgres => format!("BEGIN; SELECT set_config('app.tenant_id', '{}', true); {ok}; COMMIT;", a.id),
        Backend::Sqlite => ok,
    };
    conn.batch_execute(&ok).expect("same-tenant insert");
}
