//! Layer 4 (PostgreSQL): row-level security holds even where the app's own filter is
//! missing, never leaks through the pool, and the app refuses a role that defeats it.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use hotelier::db::{Access, PoolOptions};

use crate::postgres_only;
use crate::support::{pg_admin_url_for, two_orgs, Backend, TestDb};

postgres_only!(
    unfiltered_query_sees_only_own_tenant,
    with_check_blocks_writing_other_tenant,
    pooled_connection_forgets_tenant,
    serve_refuses_superuser,
    no_tenant_sees_nothing
);

#[derive(QueryableByName)]
struct N {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct S {
    #[diesel(sql_type = Text)]
    s: String,
}

fn unfiltered_query_sees_only_own_tenant() {
    let t = TestDb::new(Backend::Postgres);
    let (a, _b) = two_orgs(&t.db);
    for table in ["hotels", "room_types", "rooms", "guests", "reservations", "user_tenant_associations"] {
        let (visible, own) =
            t.db.tenant(a.id, None, Access::Read, |s| {
                let visible = s.rls_visible_rows(table)?.expect("tenant table");
                let own = match table {
                    "hotels" => s.hotels().count()?,
                    "rooms" => s.rooms().count()?,
                    "reservations" => s.reservations().count()?,
                    _ => visible,
                };
                Ok::<_, hotelier::db::DbError>((visible, own))
            })
            .unwrap();
        assert_eq!(visible, own, "{table}: RLS lets A see rows the scope would not");
    }
    // Both tenants have 3 rooms; unfiltered, A sees its 3 only.
    let rooms = t.db.tenant(a.id, None, Access::Read, |s| s.rls_visible_rows("rooms")).unwrap();
    assert_eq!(rooms, Some(3));
}

fn with_check_blocks_writing_other_tenant() {
    let t = TestDb::new(Backend::Postgres);
    let (a, b) = two_orgs(&t.db);
    let mut conn = t.raw();
    conn.batch_execute(&format!("BEGIN; SELECT set_config('app.tenant_id', '{}', true)", a.id)).unwrap();
    let err = conn
        .batch_execute(&format!(
            "INSERT INTO guests (tenant_id, id, first_name, last_name, created_at, updated_at) \
             VALUES ('{}', gen_random_uuid(), 'Evil', 'Twin', now(), now())",
            b.id
        ))
        .unwrap_err();
    assert!(err.to_string().contains("row-level security"), "{err}");
    conn.batch_execute("ROLLBACK").unwrap();
    // An UPDATE that tries to move A's row to B is refused the same way.
    conn.batch_execute(&format!("BEGIN; SELECT set_config('app.tenant_id', '{}', true)", a.id)).unwrap();
    let err =
        conn.batch_execute(&format!("UPDATE guests SET tenant_id = '{}' WHERE id = '{}'", b.id, a.guest)).unwrap_err();
    assert!(err.to_string().contains("row-level security") || err.to_string().contains("foreign key"), "{err}");
    conn.batch_execute("ROLLBACK").unwrap();
    // And B's rows cannot even be seen to update.
    conn.batch_execute(&format!("BEGIN; SELECT set_config('app.tenant_id', '{}', true)", a.id)).unwrap();
    let changed = diesel::sql_query(format!("UPDATE guests SET first_name = 'Hacked' WHERE id = '{}'", b.guest))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(changed, 0);
    conn.batch_execute("COMMIT").unwrap();
}

fn pooled_connection_forgets_tenant() {
    let t = TestDb::with_pool(
        Backend::Postgres,
        PoolOptions { max_size: 1, acquire_timeout: std::time::Duration::from_secs(10) },
    );
    let (a, _b) = two_orgs(&t.db);
    let seen = t.db.tenant(a.id, None, Access::Read, |s| s.rls_visible_rows("hotels")).unwrap();
    assert_eq!(seen, Some(1));
    // The only pooled connection, checked out again after A's transaction.
    let mut conn = t.db.checkout().unwrap();
    let setting: S = diesel::sql_query("SELECT coalesce(current_setting('app.tenant_id', true), '') AS s")
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(setting.s, "");
    let n: N = diesel::sql_query("SELECT count(*) AS n FROM hotels").get_result(&mut *conn).unwrap();
    assert_eq!(n.n, 0, "a connection outside any tenant transaction sees no tenant rows");
}

fn no_tenant_sees_nothing() {
    let t = TestDb::new(Backend::Postgres);
    two_orgs(&t.db);
    let mut conn = t.raw();
    for table in ["hotels", "rooms", "reservations", "folio_entries", "guests", "audit_log", "user_tenant_associations"]
    {
        let n: N = diesel::sql_query(format!("SELECT count(*) AS n FROM {table}")).get_result(&mut conn).unwrap();
        assert_eq!(n.n, 0, "{table} visible without a tenant");
    }
}

fn serve_refuses_superuser() {
    let t = TestDb::new(Backend::Postgres);
    let url = hotelier::db::DatabaseUrl::parse(&pg_admin_url_for(t.pg_name().unwrap())).unwrap();
    let mut settings = t.settings();
    settings.database_url = url;
    let err = hotelier::startup::prepare_database(&settings).err().expect("superuser must be refused");
    assert!(err.to_string().contains("superuser"), "{err}");
    // With the explicit flag it starts (and warns).
    settings.allow_rls_bypass = true;
    assert!(hotelier::startup::prepare_database(&settings).is_ok());
}
