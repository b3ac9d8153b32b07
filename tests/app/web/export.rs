//! Downloading all of an organization's data from the web: owners on the enterprise plan
//! (from the settings page) and super admins (from the console, whatever the plan). The
//! file is one JSON document with the organization's rows only and no password hashes;
//! every download is audited; everyone else is refused.

use hotelier::domain::Plan;
use serde_json::Value;

use crate::both_backends_async;
use crate::support::{set_plan, world, Backend, Page};

both_backends_async!(owner_downloads_own_data_only, plan_and_role_gate_the_download, super_admin_exports_any_plan);

fn document(page: &Page) -> Value {
    assert_eq!(page.status, 200, "{}", page.short());
    assert_eq!(page.header("content-type"), "application/json");
    assert!(page.header("content-disposition").starts_with("attachment; filename=\"hotelier-"));
    serde_json::from_str(&page.body).expect("one complete JSON document")
}

async fn owner_downloads_own_data_only(backend: Backend) {
    let w = world(backend).await;
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    let settings = owner.get("/settings").await;
    assert!(settings.body.contains("Download all data (JSON)"), "{}", settings.short());

    let page = owner.post("/settings/export", &[]).await;
    let doc = document(&page);
    assert_eq!(doc["format"], "hotelier.organization");
    assert_eq!(doc["tenant"]["id"], w.a.id.to_string());
    assert_eq!(doc["hotels"][0]["id"], w.a.hotel.to_string());
    assert_eq!(doc["memberships"].as_array().unwrap().len(), 7, "six people and the dual member");
    assert!(!page.body.contains("password_hash") && !page.body.contains("$argon2"), "no credentials on the web");
    for secret in w.b_secrets() {
        assert!(!page.body.contains(&secret), "A's download holds B's {secret}");
    }
    let audit = owner.get("/audit").await;
    assert!(audit.body.contains("organization.export"), "the download is audited");
}

async fn plan_and_role_gate_the_download(backend: Backend) {
    let w = world(backend).await;
    let mut manager = w.browser();
    manager.sign_in(&w.team_a.manager.account.email).await;
    assert_eq!(manager.post("/settings/export", &[]).await.status, 403, "managers may not");
    assert!(!manager.get("/settings").await.body.contains("Download all data"));

    set_plan(&w, w.a.id, Plan::Professional);
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    let refused = owner.post("/settings/export", &[]).await;
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("Data export is not part of the Professional plan"), "{}", refused.short());
    let settings = owner.get("/settings").await;
    assert!(settings.body.contains("part of the Enterprise plan") && !settings.body.contains("Download all data"));
}

async fn super_admin_exports_any_plan(backend: Backend) {
    let w = world(backend).await;
    set_plan(&w, w.b.id, Plan::Starter);
    let mut root = w.browser();
    root.sign_in(&w.super_admin.email).await;
    let page = root.post(&format!("/platform/orgs/{}/export", w.b.id), &[]).await;
    let doc = document(&page);
    assert_eq!(doc["tenant"]["slug"], "bravo-inns");
    assert_eq!(doc["hotels"].as_array().unwrap().len(), 2);
    assert!(!page.body.contains(&w.a.hotel.to_string()));
    let trail = root.get(&format!("/platform/orgs/{}", w.b.id)).await;
    assert!(trail.body.contains("organization.export"), "audited in B's trail");
    let missing = root.post(&format!("/platform/orgs/{}/export", uuid::Uuid::now_v7()), &[]).await;
    assert_eq!(missing.status, 404);
}
