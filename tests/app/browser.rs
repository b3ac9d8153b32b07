//! Browser tests in headless Chromium (Debian's `chromium` and `chromium-driver`), driven
//! over WebDriver with fantoccini. Screenshots land in `target/screenshots/`.
//!
//! Skipped with a message when Chromium or ChromeDriver is missing; under `CI=true` a
//! missing browser fails instead.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::wd::{PrintConfiguration, PrintSize};
use fantoccini::{Client, ClientBuilder, Locator};
use hotelier::db::memberships::NewMembership;
use hotelier::db::users::NewUser;
use hotelier::db::{Access, PlatformGrant};
use hotelier::domain::{HousekeepingStatus, Role, UserId};

use crate::support::{free_port, make_org, spawn_app, Backend, TestApp};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const PASSWORD: &str = "browser-test-password";

/// A headless Chromium session over WebDriver (the HTTP suites' cookie-jar client is
/// `support::Browser`).
pub struct Chromium {
    driver: Child,
    pub client: Client,
    _profile: tempfile::TempDir,
}

impl Drop for Chromium {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Starts ChromeDriver and a headless Chromium session, or `None` (skip) when they are
/// not installed.
pub async fn browser() -> Option<Chromium> {
    if !(std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(CHROMEDRIVER).exists()) {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("browser tests need {CHROMIUM} and {CHROMEDRIVER} under CI");
        }
        eprintln!("browser tests SKIPPED: install Debian's chromium and chromium-driver");
        return None;
    }
    let port = free_port();
    let driver = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let profile = tempfile::tempdir().unwrap();
    let caps = serde_json::json!({
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", format!("--user-data-dir={}", profile.path().display()),
            ]
        }
    });
    let caps: fantoccini::wd::Capabilities = caps.as_object().unwrap().clone();
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if let Ok(client) = ClientBuilder::native().capabilities(caps.clone()).connect(&url).await {
            return Some(Chromium { driver, client, _profile: profile });
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("ChromeDriver did not start on {url}");
}

pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Chromium {
    pub async fn shot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(screenshot_dir().join(format!("{name}.png")), png).unwrap();
    }

    pub async fn body_text(&self) -> String {
        self.client.find(Locator::Css("body")).await.unwrap().text().await.unwrap()
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}"));
        field.clear().await.unwrap();
        field.send_keys(value).await.unwrap();
    }

    pub async fn select(&self, css: &str, option_text: &str) {
        let select = self.client.find(Locator::Css(css)).await.unwrap();
        select.select_by_label(option_text).await.unwrap_or_else(|e| panic!("{css} / {option_text}: {e}"));
    }

    /// Clicks something that loads a new page, and waits until it has: the old document's
    /// root goes stale once the browser has navigated away.
    pub async fn click(&self, css: &str) {
        let old = self.client.find(Locator::Css("html")).await.unwrap();
        self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).click().await.unwrap();
        for _ in 0..200 {
            if old.tag_name().await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        self.client.wait().for_element(Locator::Css("body")).await.unwrap();
    }

    pub async fn login(&self, app: &TestApp, email: &str) {
        self.login_with(app, email, PASSWORD).await;
    }

    /// Signs in through the form with `password` (the demo's, say).
    pub async fn login_with(&self, app: &TestApp, email: &str, password: &str) {
        self.client.goto(&format!("{}/login", app.address)).await.unwrap();
        self.fill("#email", email).await;
        self.fill("#password", password).await;
        self.click("form[action='/login'] button").await;
    }

    /// Step 1 of the booking flow: three nights from 120 days ahead, where rooms are free.
    /// Returns the arrival and the departure.
    pub async fn search_ahead(&self, app: &TestApp) -> (chrono::NaiveDate, chrono::NaiveDate) {
        let arrive = chrono::Utc::now().date_naive() + chrono::Duration::days(120);
        let depart = arrive + chrono::Duration::days(3);
        self.client.goto(&format!("{}/reservations/new", app.address)).await.unwrap();
        self.fill("#check_in", &arrive.format("%m%d%Y").to_string()).await;
        self.fill("#check_out", &depart.format("%m%d%Y").to_string()).await;
        self.click("form.filters button.btn-primary").await;
        (arrive, depart)
    }
}

/// An account that signs in with the suite's password.
fn account(app: &TestApp, email: &str, full_name: &str, is_super_admin: bool) -> UserId {
    let user = NewUser {
        id: UserId::new(),
        email: email.into(),
        full_name: full_name.into(),
        password_hash: hotelier::domain::password::hash(PASSWORD).unwrap(),
        is_super_admin,
    };
    app.test_db.db.platform(&PlatformGrant::operator(), Access::Write, |p| p.users().create(&user)).unwrap();
    user.id
}

/// A user who owns two organizations.
pub fn owner_of_two(app: &TestApp) -> String {
    let db = &app.test_db.db;
    let (a, b) = (make_org(db, "alpha-hotels", "USD"), make_org(db, "bravo-inns", "EUR"));
    let email = "olivia@owner.test".to_string();
    let user = account(app, &email, "Olivia Owner", false);
    for (org, primary) in [(&a, true), (&b, false)] {
        let m = NewMembership {
            user_id: user,
            role: Role::Owner,
            permissions: vec![],
            is_primary: primary,
            expires_at: None,
        };
        db.tenant(org.id, None, Access::Write, |s| s.memberships().create(&m)).unwrap();
    }
    email
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manager_sets_up_a_hotel_in_the_browser() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    let email = owner_of_two(&app);

    b.login(&app, &email).await;
    assert!(b.body_text().await.contains("alpha-hotels org"), "lands in the primary organization");
    b.shot("01-dashboard").await;

    // Switch to the other organization.
    b.client.goto(&format!("{}/switch", app.address)).await.unwrap();
    b.shot("02-switch").await;
    b.click("button.org-choice:not(:has(.badge))").await;
    let text = b.body_text().await;
    assert!(text.contains("bravo-inns org"), "switched: {text}");

    // Create a hotel; first with a mistake, to see the form keep what was typed.
    b.client.goto(&format!("{}/hotels/new", app.address)).await.unwrap();
    b.fill("#name", "Harbour View").await;
    b.fill("#code", "bad code!").await;
    b.click("form.form button.btn-primary").await;
    assert!(b.body_text().await.contains("Use up to 16 letters"));
    assert_eq!(
        b.client.find(Locator::Css("#name")).await.unwrap().prop("value").await.unwrap().as_deref(),
        Some("Harbour View")
    );
    b.shot("03-hotel-form-errors").await;
    b.fill("#code", "HBV").await;
    b.fill("#timezone", "Europe/Lisbon").await;
    b.fill("#city", "Porto").await;
    b.click("form.form button.btn-primary").await;
    let text = b.body_text().await;
    assert!(text.contains("Hotel Harbour View created"), "{text}");

    // A room type for it.
    b.click("a[href$='/room-types/new']").await;
    b.fill("#name", "Deluxe King").await;
    b.fill("#code", "DLX").await;
    b.fill("#base_rate", "180").await;
    b.click("form.form button.btn-primary").await;
    let text = b.body_text().await;
    assert!(text.contains("Room type Deluxe King added") && text.contains("€180.00"), "{text}");
    b.shot("04-hotel").await;

    // A room of that type.
    b.client.goto(&format!("{}/rooms/new", app.address)).await.unwrap();
    b.select("#hotel_id", "Harbour View").await;
    b.select("#room_type_id", "Deluxe King (DLX)").await;
    b.fill("#number", "501").await;
    b.fill("#floor", "5").await;
    b.click("form.form button.btn-primary").await;
    assert!(b.body_text().await.contains("Room 501 added"));
    b.shot("05-rooms").await;

    // One click on the housekeeping board.
    b.client.goto(&format!("{}/housekeeping", app.address)).await.unwrap();
    b.select("#hotel", "Harbour View").await;
    b.click("form.filters button").await;
    b.click("article.hk-room button[value='dirty']").await;
    let text = b.body_text().await;
    assert!(text.contains("Room 501 is now dirty"), "{text}");
    b.shot("06-housekeeping").await;

    // A tablet, 820 px wide: every navigation entry is on screen (none scrolled away),
    // and the board's buttons are touch targets of at least 44 px.
    b.client.set_window_size(820, 1180).await.unwrap();
    let hidden = b
        .client
        .execute(
            "return [...document.querySelectorAll('.sidebar a')].filter(a => { const r = a.getBoundingClientRect(); \
             return r.right > window.innerWidth || r.left < 0; }).map(a => a.textContent)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(hidden, serde_json::json!([]), "navigation entries off screen at 820 px");
    let smallest = b
        .client
        .execute(
            "return Math.min(...[...document.querySelectorAll('.hk-actions button')].map(x => x.getBoundingClientRect().height))",
            vec![],
        )
        .await
        .unwrap();
    assert!(smallest.as_f64().unwrap() >= 44.0, "a housekeeping button is {smallest} px tall");
    b.shot("07-housekeeping-820").await;
    b.client.goto(&format!("{}/", app.address)).await.unwrap();
    b.shot("08-dashboard-820").await;
    b.client.set_window_size(1366, 900).await.unwrap();

    // The audit log reads the changes made above in words.
    b.client.goto(&format!("{}/audit", app.address)).await.unwrap();
    let text = b.body_text().await;
    assert!(text.contains("Housekeeping status: Clean → Dirty"), "{text}");
    b.shot("09-audit-log").await;

    // The database agrees, and the room belongs to the organization switched into.
    let db = &app.test_db.db;
    let bravo = db.platform(&PlatformGrant::operator(), Access::Read, |p| p.tenants().by_slug("bravo-inns")).unwrap();
    let rooms = db.tenant(bravo.id, None, Access::Read, |s| s.rooms().list(None)).unwrap();
    let room = rooms.iter().find(|r| r.number == "501").expect("room 501 in bravo-inns");
    assert_eq!(room.housekeeping_status, HousekeepingStatus::Dirty);
    b.client.clone().close().await.unwrap();
}

/// A manager books a stay from search to confirmation, on the demo data; screenshots of
/// the dashboard, the tape chart and the booking steps.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manager_books_a_stay_in_the_browser() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    hotelier::seed::demo::seed_if_empty(&app.test_db.db).unwrap().expect("demo seeded");
    b.login_with(&app, "manager@aurora-hotels.demo", hotelier::seed::demo::PASSWORD).await;
    let text = b.body_text().await;
    assert!(text.contains("Aurora Hotels") && text.to_lowercase().contains("occupancy tonight"), "{text}");
    b.shot("10-dashboard").await;

    b.client.goto(&format!("{}/calendar", app.address)).await.unwrap();
    assert!(b.client.find_all(Locator::Css("a.bar")).await.unwrap().len() > 5, "the tape chart shows stays");
    b.shot("11-tape-chart").await;

    // Step 1: dates and party, far enough ahead to find rooms.
    let (arrive, depart) = b.search_ahead(&app).await;
    let text = b.body_text().await;
    assert!(text.to_lowercase().contains("bookable"), "availability shown: {text}");
    b.shot("12-availability").await;
    // Step 2: the cheapest room type; step 3: a new guest; step 4: confirm.
    b.click("table.availability a.btn-primary").await;
    b.fill("#first_name", "Grace").await;
    b.fill("#last_name", "Hopper").await;
    b.fill("#email", "grace.hopper@example.com").await;
    b.select("#source", "Phone").await;
    b.shot("13-guest-step").await;
    b.click("form.form button.btn-primary").await;
    let text = b.body_text().await;
    assert!(text.contains("Booked. Confirmation code") && text.contains("Grace Hopper"), "{text}");
    b.shot("14-booked").await;
    let code = text.split("Confirmation code ").nth(1).unwrap()[..8].to_owned();
    let db = &app.test_db.db;
    let aurora =
        db.platform(&PlatformGrant::operator(), Access::Read, |p| p.tenants().by_slug("aurora-hotels")).unwrap();
    let r = db.tenant(aurora.id, None, Access::Read, |s| s.reservations().by_confirmation(&code)).unwrap();
    assert_eq!((r.check_in, r.check_out, r.status), (arrive, depart, hotelier::domain::ReservationStatus::Confirmed));

    // A charge posted by mistake, voided with a reason: struck through, the void beside it.
    b.fill("#amount", "12.50").await;
    b.fill("#description", "Minibar").await;
    b.click("form[action$='/folio'] button").await;
    b.click("details.void-entry summary").await;
    b.fill("details.void-entry input[name='reason']", "Posted to the wrong stay").await;
    b.click("details.void-entry button").await;
    let text = b.body_text().await;
    assert!(text.contains("Entry voided") && text.contains("Reason: Posted to the wrong stay"), "{text}");
    assert!(text.contains("Folio · settled"), "{text}");
    b.shot("15-folio-void").await;

    // The stay's thread: its confirmation, and a message of the desk's own.
    b.click("details.thread-form summary").await;
    b.fill("#message-subject", "Parking").await;
    b.fill("#message-body", "Your parking code is 4411.").await;
    b.click("form[action$='/messages'] button").await;
    let text = b.body_text().await;
    assert!(text.contains("The message is on its way") && text.contains("Parking"), "{text}");
    assert!(text.contains("is confirmed"), "the booking's confirmation is in the thread: {text}");
    b.client.execute("document.getElementById('thread').scrollIntoView()", vec![]).await.unwrap();
    b.shot("15b-thread").await;
    // The hotel's wording of the confirmation, with its preview on a real stay.
    b.client.goto(&format!("{}/hotels/{}/messages/booking_confirmed/en", app.address, r.hotel_id)).await.unwrap();
    assert!(b.body_text().await.contains("Exactly what stay"), "the preview of a real stay");
    b.shot("15c-template").await;
    b.client.goto(&format!("{}/hotels/{}/messages", app.address, r.hotel_id)).await.unwrap();
    b.shot("15d-messages").await;

    // A room out of order for two nights from the housekeeping board, with a reason.
    b.client.goto(&format!("{}/housekeeping", app.address)).await.unwrap();
    b.click("a[href$='/block']").await;
    b.fill("#reason", "Leaking shower").await;
    b.shot("16-room-block-form").await;
    b.click("form.form button.btn-primary").await;
    if b.body_text().await.contains("Take off sale anyway") {
        b.shot("16b-room-block-confirm").await;
        b.click("form.form button.btn-primary").await;
    }
    let text = b.body_text().await;
    assert!(text.contains("is out of order from") && text.contains("Leaking shower"), "{text}");
    b.shot("17-housekeeping-blocked").await;
    b.client.clone().close().await.unwrap();
}

/// Front-desk staff check a guest in and out at the kiosk, taking the payment.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn front_desk_checks_in_and_out_at_the_kiosk() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    let db = &app.test_db.db;
    let org = make_org(db, "alpha-hotels", "USD");
    let desk = account(&app, "desk@alpha.test", "Dana Desk", false);
    let m = NewMembership {
        user_id: desk,
        role: Role::Staff,
        permissions: vec!["payments:create".into()],
        is_primary: true,
        expires_at: None,
    };
    db.tenant(org.id, None, Access::Write, |s| s.memberships().create(&m)).unwrap();

    b.login(&app, "desk@alpha.test").await;
    b.client.goto(&format!("{}/kiosk", app.address)).await.unwrap();
    b.click("form[action='/kiosk/hotel'] button").await;
    let text = b.body_text().await;
    assert!(text.contains("Arrivals") && text.contains("Guest of alpha-hotels"), "{text}");
    b.shot("20-kiosk").await;
    // Tap 1: the arrival. Tap 2: a clean room.
    b.click("a.kiosk-row").await;
    b.shot("21-kiosk-check-in").await;
    b.click("form[action$='/check-in'] button").await;
    assert!(b.body_text().await.contains("checked in"));
    // Check out: the night is charged, the balance is paid by card, then out.
    b.click("a.kiosk-row").await;
    b.click("form[action$='/check-out'] button").await;
    let text = b.body_text().await;
    assert!(text.contains("still has $100.00 to pay"), "{text}");
    b.shot("22-kiosk-balance").await;
    b.click("form.kiosk-pay button[value='card']").await;
    let asked = b.body_text().await;
    assert!(asked.contains("Take $100.00 by Card?"), "{asked}");
    b.shot("22b-kiosk-confirm-payment").await;
    b.click(".kiosk-confirm button").await;
    assert!(b.body_text().await.contains("Payment taken"));
    b.click("form[action$='/check-out'] button").await;
    assert!(b.body_text().await.contains("checked out"));
    let r = db.tenant(org.id, None, Access::Read, |s| s.reservations().get(org.reservation)).unwrap();
    assert_eq!(r.status, hotelier::domain::ReservationStatus::CheckedOut);
    let room = db.tenant(org.id, None, Access::Read, |s| s.rooms().get(org.rooms[0])).unwrap();
    assert_eq!(room.housekeeping_status, HousekeepingStatus::Dirty, "the room needs cleaning after check-out");
    // The Lock button ends the session; the lock screen knows who locked it and asks
    // only for the password. The idle timer's script loaded (the CSP allows it).
    assert_eq!(b.client.execute("return document.scripts.length", vec![]).await.unwrap(), serde_json::json!(1));
    b.click("#kiosk-lock button").await;
    let locked = b.body_text().await;
    assert!(locked.contains("Locked by Dana Desk"), "{locked}");
    b.shot("23-kiosk-lock").await;
    b.fill("#password", PASSWORD).await;
    b.click(".kiosk-lock button").await;
    assert!(b.body_text().await.contains("Arrivals"), "unlocked back at the desk");
    b.client.clone().close().await.unwrap();
}

/// The super admin's console in the browser: organizations, analytics with its charts,
/// isolation health, and an organization's page with its export button.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn super_admin_reads_the_console_in_the_browser() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    owner_of_two(&app);
    account(&app, "root@hotelier.test", "Platform Root", true);

    b.login(&app, "root@hotelier.test").await;
    b.client.goto(&format!("{}/platform", app.address)).await.unwrap();
    assert!(b.body_text().await.contains("bravo-inns org"));
    // At 1,366 px the "Switch in" button is in view (the actions column stays at the edge).
    b.client.set_window_size(1366, 900).await.unwrap();
    let right = b
        .client
        .execute(
            "const r = document.querySelector('td.row-actions button').getBoundingClientRect(); \
             return r.right <= document.documentElement.clientWidth && r.left >= 0",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(right, serde_json::json!(true), "Switch in is cut off at 1,366 px");
    b.shot("30-platform-organizations").await;

    b.client.goto(&format!("{}/platform/analytics", app.address)).await.unwrap();
    let text = b.body_text().await;
    assert!(text.contains("Organizations by kind and status") && text.contains("EUR") && text.contains("USD"));
    let charts = b.client.find_all(Locator::Css("svg.chart.growth")).await.unwrap();
    assert_eq!(charts.len(), 2, "two growth charts");
    b.shot("31-platform-analytics").await;

    b.client.goto(&format!("{}/platform/health", app.address)).await.unwrap();
    assert!(b.body_text().await.contains("All checks pass"));
    b.shot("32-platform-health").await;

    b.click("nav.sidebar a[href='/platform']").await;
    b.click("table a[href^='/platform/orgs/']").await;
    assert!(b.body_text().await.contains("Export data (JSON)"));
    b.shot("33-platform-organization").await;
    b.client.clone().close().await.unwrap();
}

/// Casa do Mar's desk in Portuguese: the dashboard, the tape chart, the booking flow with an
/// amount typed the Brazilian way, and the kiosk. Screenshots `40-pt-*`; no page is wider
/// than the window (Portuguese runs longer than English).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_brazilian_desk_works_in_portuguese() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    let db = &app.test_db.db;
    hotelier::seed::demo::seed_if_empty(db).unwrap().expect("demo seeded");
    let casa = db.platform(&PlatformGrant::operator(), Access::Read, |p| p.tenants().by_slug("casa-do-mar")).unwrap();
    db.platform(&PlatformGrant::operator(), Access::Write, |p| {
        p.tenants().set_plan(casa.id, casa.version, hotelier::domain::Plan::Enterprise)
    })
    .unwrap();
    b.client.set_window_size(1366, 900).await.unwrap();
    let fits = || async {
        let wide =
            b.client.execute("return document.documentElement.scrollWidth <= window.innerWidth", vec![]).await.unwrap();
        assert_eq!(wide, serde_json::json!(true), "the page is wider than the window");
        let lang = b.client.execute("return document.documentElement.lang", vec![]).await.unwrap();
        assert_eq!(lang, serde_json::json!("pt-BR"));
    };

    b.login_with(&app, "manager@casa-do-mar.demo", hotelier::seed::demo::PASSWORD).await;
    let text = b.body_text().await;
    assert!(text.contains("Painel") && text.contains("Reservas") && text.contains("R$"), "{text}");
    fits().await;
    b.shot("40-pt-dashboard").await;

    b.client.goto(&format!("{}/calendar", app.address)).await.unwrap();
    fits().await;
    b.shot("41-pt-tape-chart").await;

    b.search_ahead(&app).await;
    let text = b.body_text().await;
    let lower = text.to_lowercase();
    assert!(lower.contains("disponíveis") && text.contains("R$ "), "availability in Portuguese: {text}");
    fits().await;
    b.shot("42-pt-availability").await;
    b.click("table.availability a.btn-primary").await;
    b.fill("#first_name", "Joana").await;
    b.fill("#last_name", "Pereira").await;
    b.fill("#email", "joana.pereira@example.com").await;
    b.select("#source", "Telefone").await;
    fits().await;
    b.shot("43-pt-guest-step").await;
    b.click("form.form button.btn-primary").await;
    let text = b.body_text().await;
    assert!(text.contains("Reserva feita") && text.contains("Joana Pereira"), "{text}");
    // A charge typed the Brazilian way: 12,50 is R$ 12,50.
    b.fill("#amount", "12,50").await;
    b.fill("#description", "Frigobar").await;
    b.click("form[action$='/folio'] button").await;
    let text = b.body_text().await;
    assert!(text.contains("R$ 12,50"), "{text}");
    fits().await;
    b.shot("44-pt-booked").await;

    // Another person at the kiosk: a fresh browser session.
    b.client.delete_all_cookies().await.unwrap();
    b.login_with(&app, "staff@casa-do-mar.demo", hotelier::seed::demo::PASSWORD).await;
    b.client.set_window_size(1024, 768).await.unwrap();
    b.client.goto(&format!("{}/kiosk", app.address)).await.unwrap();
    b.click("form[action='/kiosk/hotel'] button").await;
    let text = b.body_text().await;
    assert!(text.contains("Chegadas"), "the kiosk in Portuguese: {text}");
    fits().await;
    b.shot("45-pt-kiosk").await;
    if !b.client.find_all(Locator::Css("a.kiosk-row")).await.unwrap().is_empty() {
        b.click("a.kiosk-row").await;
        fits().await;
        b.shot("46-pt-kiosk-stay").await;
    }
    b.client.clone().close().await.unwrap();
}

/// Prices and bills on the demo data: the rate calendar, the availability with each plan's
/// nights and total, the booking's breakdown, and an invoice, printed to PDF on A4 and US
/// Letter (the files land beside the screenshots; `pdftoppm` turns them into pictures).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_prices_and_prints_an_invoice() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    hotelier::seed::demo::seed_if_empty(&app.test_db.db).unwrap().expect("demo seeded");
    b.client.set_window_size(1440, 1000).await.unwrap();
    b.login_with(&app, "manager@aurora-hotels.demo", hotelier::seed::demo::PASSWORD).await;

    b.client.goto(&format!("{}/rates", app.address)).await.unwrap();
    let text = b.body_text().await;
    assert!(text.contains("Rate calendar") && text.contains("BAR") && text.contains("NRF"), "{text}");
    assert!(b.client.find_all(Locator::Css("td.rate-cell")).await.unwrap().len() > 14, "prices per night");
    b.shot("50-rate-calendar").await;

    b.search_ahead(&app).await;
    let text = b.body_text().await;
    assert!(text.contains("Best available rate") && text.contains("Non-refundable"), "plans offered: {text}");
    b.shot("51-availability-plans").await;
    // The non-refundable plan of the first room type: its breakdown before confirming.
    let mut href = None;
    for row in b.client.find_all(Locator::Css("tr.offer-plan")).await.unwrap() {
        if row.text().await.unwrap().contains("Non-refundable") {
            href = row.find(Locator::Css("a.btn-primary")).await.unwrap().attr("href").await.unwrap();
            break;
        }
    }
    let href = href.expect("a choose link for the non-refundable plan");
    b.client.goto(&format!("{}{href}", app.address)).await.unwrap();
    let text = b.body_text().await;
    assert!(text.contains("Non-refundable: night by night"), "{text}");
    assert!(
        text.contains("The plan's terms for this stay") && text.contains("Non-refundable: cancelling costs"),
        "{text}"
    );
    b.shot("52-booking-breakdown").await;

    b.client.goto(&format!("{}/companies", app.address)).await.unwrap();
    let text = b.body_text().await;
    assert!(text.contains("Globex Corporate Travel LLC") && text.contains("EIN 84-2219305"), "{text}");
    b.shot("55-companies").await;
    // A company without a name and with a wrong email comes back with both messages.
    b.client.goto(&format!("{}/companies/new", app.address)).await.unwrap();
    b.fill("#tax_id", "EIN 12-3456789").await;
    b.fill("#email", "accounts-at-initech").await;
    b.click("form.form button.btn-primary").await;
    let text = b.body_text().await;
    assert!(text.contains("This field is required") && text.contains("Enter an email address"), "{text}");
    b.shot("56-company-form-errors").await;

    b.client.goto(&format!("{}/invoices", app.address)).await.unwrap();
    b.shot("53-invoices").await;
    b.click("table a.mono").await;
    let text = b.body_text().await;
    assert!(text.contains("INVOICE") || text.contains("Invoice"), "{text}");
    assert!(text.contains("Hotel occupancy tax") && text.contains("Total"), "taxes and totals: {text}");
    b.shot("54-invoice").await;
    for (name, size) in [("invoice-a4", PrintSize::A4), ("invoice-letter", PrintSize::US_LETTER)] {
        let config = PrintConfiguration::builder().size(size).background(true).build().unwrap();
        let pdf = b.client.print(config).await.expect("print to PDF");
        assert!(pdf.starts_with(b"%PDF"), "a PDF");
        std::fs::write(screenshot_dir().join(format!("{name}.pdf")), pdf).unwrap();
    }
    b.client.clone().close().await.unwrap();
}
