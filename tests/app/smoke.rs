//! The binary itself: `serve --demo` on an empty SQLite file answers the probes and
//! seeds what the demo promises; bad configuration fails with one clear line.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hotelier::db::{Access, DatabaseUrl, Db, PlatformGrant};
use hotelier::domain::{Role, TenantKind};

use crate::support::free_port;

const BIN: &str = env!("CARGO_BIN_EXE_hotelier");

struct Child(std::process::Child);
impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_demo_on_empty_sqlite() {
    // A data directory that does not exist yet, as `data/` on a fresh clone.
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("data");
    let port = free_port();
    let _child = Child(
        Command::new(BIN)
            .args(["serve", "--demo", "--bind", &format!("127.0.0.1:{port}"), "--data-dir"])
            .arg(&dir)
            .env_remove("DATABASE_URL")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let client = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    let ready = loop {
        if let Ok(r) = client.get(format!("{base}/readyz")).send().await {
            break r;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "server did not come up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
    let health = client.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(health.headers()["x-content-type-options"], "nosniff");

    // Count what the demo seeded, through the platform scope.
    let db = Db::connect(&DatabaseUrl::Sqlite(dir.join("hotelier.db")), &crate::support::patient_pool()).unwrap();
    let grant = PlatformGrant::operator();
    let tenants = db.platform(&grant, Access::Read, |p| p.tenants().list()).unwrap();
    let summary: Vec<_> =
        tenants.iter().map(|t| (t.slug.as_str(), t.kind, t.currency.as_str(), t.timezone.as_str())).collect();
    assert_eq!(
        summary,
        vec![
            ("aurora-hotels", TenantKind::Chain, "USD", "America/New_York"),
            ("casa-do-mar", TenantKind::Independent, "BRL", "America/Sao_Paulo"),
            ("summit-hospitality", TenantKind::ManagementCompany, "EUR", "Europe/Lisbon"),
        ]
    );
    assert_eq!(tenants[1].locale, "pt");
    let (mut hotels, mut rooms, mut guests, mut reservations) = (Vec::new(), 0, 0, 0);
    for t in &tenants {
        let counts = db
            .tenant(t.id, None, Access::Read, |s| {
                Ok::<_, hotelier::db::DbError>((
                    s.hotels().count()?,
                    s.rooms().count()?,
                    s.guests().list(None, 10_000, 0)?.len(),
                    s.reservations().count()?,
                ))
            })
            .unwrap();
        hotels.push(counts.0);
        rooms += counts.1;
        guests += counts.2;
        reservations += counts.3;
    }
    assert_eq!(hotels, vec![3, 1, 2]);
    assert_eq!(rooms, 150);
    assert_eq!(guests, 300);
    assert!((1_800..=2_400).contains(&reservations), "{reservations} reservations");
    // 1 super admin, 4 per organization, and the shared front-desk login.
    assert_eq!(db.platform(&grant, Access::Read, |p| p.users().count()).unwrap(), 14);
    let frontdesk =
        db.platform(&grant, Access::Read, |p| p.users().by_email("FrontDesk@hotelier.demo")).unwrap().unwrap();
    let memberships = db.user(frontdesk.id, Access::Read, |u| u.memberships()).unwrap();
    let slugs: Vec<_> = memberships.iter().map(|(m, t)| (t.slug.as_str(), m.role, m.is_primary)).collect();
    assert_eq!(slugs, vec![("aurora-hotels", Role::Staff, true), ("casa-do-mar", Role::Staff, false)]);
    let superadmin = db.platform(&grant, Access::Read, |p| p.users().by_email("super@hotelier.demo")).unwrap().unwrap();
    assert!(superadmin.is_super_admin);
    assert!(hotelier::domain::password::verify("hotelier-demo", &superadmin.password_hash));
}

fn run_and_fail(args: &[&str], env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(BIN);
    cmd.args(args).arg("--data-dir").arg(dir.path()).env_remove("DATABASE_URL");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(!out.status.success(), "expected failure for {args:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("error:"))
        .unwrap_or_else(|| panic!("no error line in {stderr}"))
        .to_string();
    line
}

#[test]
fn bad_configuration_fails_with_one_clear_line() {
    let line = run_and_fail(&["migrate", "--database-url", "mysql://localhost/x"], &[]);
    assert!(line.contains("unsupported database URL scheme `mysql`"), "{line}");
    let port = free_port(); // nothing listens there
    let line = run_and_fail(&["migrate", "--database-url", &format!("postgres://nobody@127.0.0.1:{port}/none")], &[]);
    assert!(line.contains("cannot connect to database") && line.contains(&port.to_string()), "{line}");
    let line = run_and_fail(
        &["create-superadmin", "--email", "root@example.com", "--name", "Root"],
        &[("HOTELIER_PASSWORD", "short")],
    );
    assert!(line.contains("at least 10 characters"), "{line}");
}

#[test]
fn create_superadmin_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["create-superadmin", "--email", "Ops@Example.com", "--name", "Ops Person", "--data-dir"])
        .arg(dir.path())
        .env_remove("DATABASE_URL")
        .env("HOTELIER_PASSWORD", "a-long-enough-password")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let db =
        Db::connect(&DatabaseUrl::Sqlite(dir.path().join("hotelier.db")), &crate::support::patient_pool()).unwrap();
    let user = db
        .platform(&PlatformGrant::operator(), Access::Read, |p| p.users().by_email("ops@example.com"))
        .unwrap()
        .unwrap();
    assert!(user.is_super_admin && user.email == "ops@example.com");
    assert!(hotelier::domain::password::verify("a-long-enough-password", &user.password_hash));
}
