//! The isolation health report (`/platform/health`, `hotelier doctor`): green on a sound
//! database, red when a row disagrees with its parent's tenant, when a table loses its
//! row-level-security policy, or when the app connects as a role that bypasses RLS.

use std::process::Command;

use diesel::connection::SimpleConnection;
use hotelier::db::isolation::{IsolationReport, Verdict};
use hotelier::db::{Access, DatabaseUrl, Db, PlatformGrant, PoolOptions};

use crate::support::{pg_admin_url_for, two_orgs, Backend, TestDb};
use crate::{both_backends, postgres_only};

both_backends!(sound_database_passes, tenant_mismatch_turns_red);
postgres_only!(dropped_policy_turns_red, bypassing_role_turns_red);

fn report(db: &Db) -> IsolationReport {
    db.platform(&PlatformGrant::operator(), Access::Read, |p| p.isolation_report()).unwrap()
}

fn url_arg(url: &DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Postgres(url) => url.clone(),
        DatabaseUrl::Sqlite(path) => path.display().to_string(),
    }
}

/// `hotelier doctor` against the test database: (exit success, stdout + stderr).
fn doctor(url: &DatabaseUrl) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hotelier"))
        .args(["doctor", "--database-url", &url_arg(url)])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

fn sound_database_passes(backend: Backend) {
    let t = TestDb::new(backend);
    two_orgs(&t.db);
    let r = report(&t.db);
    assert_ne!(r.verdict(), Verdict::Fail, "{}", r.to_text());
    let titles: Vec<_> = r.sections.iter().map(|s| s.title).collect();
    assert_eq!(titles, ["Row-level security", "Database role", "Tenant consistency", "Orphan rows"]);
    for s in &r.sections[2..] {
        assert!(s.checks.len() >= 5, "{} checks every relation", s.title);
        assert!(s.checks.iter().all(|c| c.verdict == Verdict::Ok), "{}", r.to_text());
    }
    if backend == Backend::Postgres {
        let rls = &r.sections[0].checks;
        assert_eq!(rls.len(), hotelier::db::scope::TENANT_TABLES.len(), "one line per tenant table");
        assert!(rls.iter().all(|c| c.verdict == Verdict::Ok && c.detail.starts_with("enabled, forced")));
    }
    let (ok, text) = doctor(&t.url);
    assert!(ok, "doctor passes on a sound database:\n{text}");
    assert!(text.contains("Tenant consistency"), "{text}");
}

/// A room filed under tenant B that points at tenant A's hotel: the composite foreign
/// keys forbid it, so the test switches them off for one insert, as a faulty bulk load
/// or a hand-edit could.
fn tenant_mismatch_turns_red(backend: Backend) {
    let t = TestDb::new(backend);
    let (a, b) = two_orgs(&t.db);
    let insert = format!(
        "INSERT INTO room_types (tenant_id, id, hotel_id, code, name, base_occupancy, max_occupancy, base_rate, \
         is_active, version, created_at, updated_at) \
         VALUES ('{}', '{}', '{}', 'BAD', 'Misfiled', 2, 2, 100, {}, 1, {now}, {now})",
        b.id,
        uuid::Uuid::now_v7(),
        a.hotel,
        if backend == Backend::Postgres { "true" } else { "1" },
        now = if backend == Backend::Postgres { "now()" } else { "'2026-11-22T00:00:00.000000Z'" },
    );
    match backend {
        Backend::Sqlite => {
            let mut conn = t.raw();
            conn.batch_execute(&format!("PRAGMA foreign_keys = OFF; {insert}")).unwrap();
        }
        Backend::Postgres => {
            let mut admin: hotelier::db::DbConnection =
                DatabaseUrl::parse(&pg_admin_url_for(t.pg_name().unwrap())).unwrap().connect().unwrap();
            admin.batch_execute(&format!("SET session_replication_role = replica; {insert}")).unwrap();
        }
    }
    let r = report(&t.db);
    assert_eq!(r.verdict(), Verdict::Fail);
    let problems = r.problems().join("\n");
    assert!(problems.contains("room_types.hotel_id → hotels: 1 rows whose tenant_id differs"), "{problems}");
    let (ok, text) = doctor(&t.url);
    assert!(!ok, "doctor fails:\n{text}");
    assert!(text.contains("room_types.hotel_id"), "{text}");
}

fn dropped_policy_turns_red() {
    let t = TestDb::new(Backend::Postgres);
    two_orgs(&t.db);
    // The app role owns the tables in the tests, so it can do the damage itself.
    t.raw().batch_execute("DROP POLICY tenant_isolation ON guests").unwrap();
    let r = report(&t.db);
    assert_eq!(r.verdict(), Verdict::Fail);
    let bad: Vec<_> = r.sections[0].checks.iter().filter(|c| c.verdict == Verdict::Fail).collect();
    assert_eq!(bad.len(), 1, "{}", r.to_text());
    assert_eq!(bad[0].subject, "guests");
    assert!(bad[0].detail.contains("no policy"), "{}", bad[0].detail);

    t.raw().batch_execute("ALTER TABLE rooms NO FORCE ROW LEVEL SECURITY").unwrap();
    let r = report(&t.db);
    assert!(r.problems().iter().any(|p| p.contains("rooms: RLS not forced")), "{:?}", r.problems());
    let (ok, text) = doctor(&t.url);
    assert!(!ok && text.contains("guests") && text.contains("not forced"), "{text}");
}

fn bypassing_role_turns_red() {
    let t = TestDb::new(Backend::Postgres);
    two_orgs(&t.db);
    // The harness's admin role is a superuser.
    let url = DatabaseUrl::parse(&pg_admin_url_for(t.pg_name().unwrap())).unwrap();
    let admin =
        Db::connect(&url, &PoolOptions { max_size: 1, acquire_timeout: std::time::Duration::from_secs(10) }).unwrap();
    let r = report(&admin);
    assert_eq!(r.verdict(), Verdict::Fail);
    let role = &r.sections[1].checks[0];
    assert_eq!(role.verdict, Verdict::Fail);
    assert!(role.detail.contains("superuser"), "{}", role.detail);
    let (ok, text) = doctor(&url);
    assert!(!ok && text.contains("superuser"), "{text}");
}
