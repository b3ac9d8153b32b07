//! Languages, as the people of the demo's organizations read them: every page of the route
//! table, signed in to Casa do Mar (locale `pt`), is Brazilian Portuguese with Brazilian
//! formats, and shows none of the English words of the navigation and the common buttons
//! (the tripwire); every page of Aurora Hotels is English. Then the choice of language:
//! the user's own setting first, then the organization's locale, then English; before
//! sign-in, `Accept-Language`.

use hotelier::db::{Access, PlatformGrant};
use hotelier::domain::{AssociationId, Plan};
use hotelier::web::{Route, RouteAccess, ROUTES};

use crate::both_backends_async;
use crate::support::{is_post, login, probe_records, spawn_app, Browser, Ids, Org, Page, TestApp};

both_backends_async!(
    casa_do_mar_reads_every_page_in_portuguese,
    aurora_hotels_reads_every_page_in_english,
    a_users_own_language_comes_first_and_switching_follows_the_organization,
    before_sign_in_the_browser_language_decides,
);

const DEMO_PASSWORD: &str = "hotelier-demo";

/// The English a Portuguese page must never show: the navigation, the layout and the
/// buttons and words every page uses. Whole words, case-sensitive.
const ENGLISH: &[&str] = &[
    "Dashboard",
    "Reservations",
    "Tape chart",
    "Reports",
    "Front desk",
    "Hotels",
    "Rooms",
    "Housekeeping",
    "Guests",
    "Users",
    "Settings",
    "Audit log",
    "Organization",
    "Sign out",
    "Sign in",
    "Switch",
    "Save",
    "Cancel",
    "Delete",
    "Edit",
    "Search",
    "Back",
    "New",
    "Add",
    "Create",
    "Remove",
    "Filter",
    "Apply",
    "Clear",
    "Next",
    "Previous",
    "Confirm",
    "Close",
    "Name",
    "Actions",
    "Balance",
    "Arrival",
    "Departure",
    "Adults",
    "Children",
    "Notes",
    "Email",
    "Phone",
    "Password",
    "Room",
    "Guest",
    "Page",
    "results",
    "Please",
    "required",
    "Enter",
    "Choose",
    "nights",
    "night",
    "Today",
    "Nothing",
    "None",
    "Lock",
    "Check in",
    "Check out",
    "Payment",
    "Charge",
    "Void",
    "Reason",
    "Language",
    "Account",
    "Export",
    "View",
    "Error",
    "Not found",
    "the",
    "and",
    "your",
];

/// The Portuguese an English page must never show.
const PORTUGUESE: &[&str] = &[
    "Painel",
    "Reservas",
    "Hóspedes",
    "Salvar",
    "Cancelar",
    "Excluir",
    "Editar",
    "Buscar",
    "Voltar",
    "Sair",
    "Quartos",
    "Configurações",
    "Usuários",
    "Relatórios",
    "Governança",
    "noites",
    "Próxima",
    "Anterior",
    "Informe",
    "Escolha",
    "você",
];

/// The text a person reads on `html`: the text between tags and the attributes that are
/// read out or shown (title, placeholder, aria-label, alt), entities decoded; scripts,
/// styles and the values of inputs (what was typed, or stored) left out.
fn readable(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        let Some(end) = rest[start..].find('>') else { break };
        let tag = &rest[start + 1..start + end];
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect();
        for attr in ["title", "placeholder", "aria-label", "alt"] {
            let needle = format!(" {attr}=\"");
            if let Some(at) = tag.find(&needle) {
                let value = &tag[at + needle.len()..];
                out.push_str(value.split('"').next().unwrap_or_default());
                out.push(' ');
            }
        }
        rest = &rest[start + end + 1..];
        if name == "script" || name == "style" || name == "textarea" {
            let close = format!("</{name}");
            rest = rest.find(&close).map(|i| &rest[i..]).unwrap_or_default();
        }
    }
    out.push_str(rest);
    out.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
}

/// The words of `list` that `text` shows as whole words.
fn found<'a>(text: &str, list: &[&'a str]) -> Vec<&'a str> {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    list.iter()
        .copied()
        .filter(|word| {
            text.match_indices(word).any(|(at, _)| {
                !is_word(text[..at].chars().next_back()) && !is_word(text[at + word.len()..].chars().next())
            })
        })
        .collect()
}

/// The demo, seeded into a fresh database, with Casa do Mar on the Enterprise plan so that
/// the kiosk and the reports are part of what its people can reach.
async fn demo(backend: crate::support::Backend) -> TestApp {
    let app = spawn_app(backend).await;
    hotelier::seed::demo::seed_if_empty(&app.test_db.db).expect("demo seed").expect("an empty database");
    let db = &app.test_db.db;
    db.platform(&PlatformGrant::operator(), Access::Write, |p| {
        let casa = p.tenants().by_slug("casa-do-mar")?;
        p.tenants().set_plan(casa.id, casa.version, Plan::Enterprise)
    })
    .expect("Casa do Mar on Enterprise");
    app
}

/// An organization of the demo, as the route suites name its records.
fn demo_ids(app: &TestApp, slug: &str, owner_email: &str) -> Ids {
    let db = &app.test_db.db;
    let tenant = db.platform(&PlatformGrant::operator(), Access::Read, |p| p.tenants().by_slug(slug)).expect("tenant");
    let (org, membership): (Org, AssociationId) = db
        .tenant(tenant.id, None, Access::Read, |s| {
            let hotel = s.hotels().list()?.remove(0);
            let room_type = s.room_types().list(Some(hotel.id))?.remove(0);
            let rooms: Vec<_> = s.rooms().list(Some(hotel.id))?.into_iter().map(|r| r.id).collect();
            let filter = hotelier::db::reservations::ReservationFilter::default();
            let reservation = s.reservations().page(&filter, "check_in", true, 1, 0)?.0.remove(0).reservation;
            let membership =
                s.memberships().list()?.into_iter().find(|(_, u)| u.email == owner_email).expect("owner").0.id;
            let org = Org {
                id: tenant.id,
                slug: slug.into(),
                hotel: hotel.id,
                room_type: room_type.id,
                rooms,
                guest: reservation.guest_id,
                reservation: reservation.id,
            };
            Ok::<_, hotelier::db::DbError>((org, membership))
        })
        .expect("demo records");
    Ids::of(&org, membership).with_probes(probe_records(db, &org))
}

async fn signed_in(app: &TestApp, email: &str) -> Browser {
    signed_in_at(&app.address, email).await
}

async fn signed_in_at(address: &str, email: &str) -> Browser {
    let mut b = Browser::new(address);
    let page = login(&b.client, address, email, DEMO_PASSWORD).await;
    assert_eq!(page.status, 303, "sign-in of {email}: {}", page.short());
    b.refresh_csrf().await;
    b
}

/// Routes whose POST ends or moves the session: walked last, or not at all.
fn ends_the_session(route: &Route) -> bool {
    ["/logout", "/kiosk/lock", "/switch", "/account/sessions", "/account/password", "/account/language"]
        .iter()
        .any(|p| route.path.starts_with(p))
}

/// Every page a member of `ids`'s organization reaches: each GET of the route table, and
/// each POST sent with nothing filled in (the form's messages, the refusal, or the notice on
/// the page it leads to). Returns (what, page) pairs.
async fn walk(b: &mut Browser, ids: &Ids, email: &str) -> Vec<(String, Page)> {
    let mut pages = Vec::new();
    let member_routes = ROUTES.iter().filter(|r| r.access != RouteAccess::Platform);
    for route in member_routes.clone().filter(|r| !is_post(r)) {
        let path = ids.fill(route.path);
        pages.push((format!("GET {path}"), b.get(&path).await));
    }
    for route in member_routes.filter(|r| is_post(r) && !ends_the_session(r)) {
        let path = ids.fill(route.path);
        let page = b.post_form(&path, &[]).await;
        let location = page.header("location").to_owned();
        pages.push((format!("POST {path}"), page));
        if !location.is_empty() && location.starts_with('/') && location != "/login" {
            pages.push((format!("POST {path} → {location}"), b.get(&location).await));
        }
        // A locked kiosk or an ended session would end the walk: sign in again.
        if b.get("/").await.status != 200 {
            *b = signed_in_at(&b.base, email).await;
        }
    }
    pages
}

/// Fails on any page of `pages` that is not all in `lang`: its `<html lang>`, and none of
/// the `tripwire` words.
fn assert_language(pages: &[(String, Page)], lang: &str, tripwire: &[&str]) {
    let mut failures = Vec::new();
    for (what, page) in pages {
        let html_page = page.header("content-type").starts_with("text/html");
        if !html_page || page.body.is_empty() {
            continue;
        }
        if !page.body.contains(&format!("<html lang=\"{lang}\">")) {
            failures.push(format!("{what} ({}): not <html lang=\"{lang}\">", page.status));
        }
        let words = found(&readable(&page.body), tripwire);
        if !words.is_empty() {
            failures.push(format!("{what} ({}): shows {words:?}", page.status));
        }
    }
    assert!(failures.is_empty(), "{} pages are not all in {lang}:\n{}", failures.len(), failures.join("\n"));
    let missing = hotelier::i18n::missing_keys();
    assert!(missing.is_empty(), "pages looked up keys that no catalogue has: {missing:?}");
}

/// Signs in as `slug`'s owner, walks every page and checks them all against `lang` and
/// its `tripwire`; returns the signed-in browser and the organization's ids.
async fn every_page_of(app: &TestApp, slug: &str, lang: &str, tripwire: &[&str]) -> (Browser, Ids) {
    let owner = format!("owner@{slug}.demo");
    // A template route edits the organization's own language.
    let ids = Ids { lang: lang.into(), ..demo_ids(app, slug, &owner) };
    let mut b = signed_in(app, &owner).await;
    let pages = walk(&mut b, &ids, &owner).await;
    assert!(pages.len() > 80, "the walk reached only {} pages", pages.len());
    assert_language(&pages, lang, tripwire);
    (b, ids)
}

async fn casa_do_mar_reads_every_page_in_portuguese(backend: crate::support::Backend) {
    let app = demo(backend).await;
    let (b, ids) = every_page_of(&app, "casa-do-mar", "pt-BR", ENGLISH).await;

    // Brazilian formats: the dashboard's day, the reservation's amounts.
    let dashboard = b.get("/").await;
    assert!(dashboard.body.contains("R$ "), "amounts in reais: {}", dashboard.short());
    let stay = b.get(&format!("/reservations/{}", ids.reservation)).await;
    assert!(stay.body.contains(",00") || stay.body.contains(",50"), "decimal comma: {}", stay.short());

    // The kiosk's lock screen keeps the desk's language (the session it leaves behind is
    // anonymous).
    b.post("/kiosk/hotel", &[("hotel", &ids.hotel)]).await;
    b.post("/kiosk/lock", &[]).await.assert_redirect("/kiosk/lock");
    let locked = b.get("/kiosk/lock").await;
    assert_language(&[("GET /kiosk/lock, locked".into(), locked)], "pt-BR", ENGLISH);
}

async fn aurora_hotels_reads_every_page_in_english(backend: crate::support::Backend) {
    let app = demo(backend).await;
    let (b, _) = every_page_of(&app, "aurora-hotels", "en", PORTUGUESE).await;
    let dashboard = b.get("/").await;
    assert!(dashboard.body.contains("Dashboard") && dashboard.body.contains('$'), "{}", dashboard.short());
}

async fn a_users_own_language_comes_first_and_switching_follows_the_organization(backend: crate::support::Backend) {
    let app = demo(backend).await;
    // The front-desk login belongs to Aurora (primary, English) and Casa do Mar.
    let mut b = signed_in(&app, "frontdesk@hotelier.demo").await;
    let aurora = b.get("/").await;
    assert!(aurora.body.contains("<html lang=\"en\">") && aurora.body.contains("Dashboard"), "{}", aurora.short());

    // Switching to Casa do Mar switches the language with it.
    let casa = app
        .test_db
        .db
        .platform(&PlatformGrant::operator(), Access::Read, |p| p.tenants().by_slug("casa-do-mar"))
        .expect("Casa do Mar");
    b.post("/switch", &[("tenant_id", &casa.id.to_string())]).await.assert_redirect("/");
    b.refresh_csrf().await;
    let painel = b.get("/").await;
    assert!(painel.body.contains("<html lang=\"pt-BR\">") && painel.body.contains("Painel"), "{}", painel.short());

    // Their own choice, English, wins over Casa do Mar's Portuguese, and sticks.
    let saved = b.post("/account/language", &[("language", "en")]).await;
    assert_eq!(saved.status, 303, "{}", saved.short());
    let own = b.get("/").await;
    assert!(own.body.contains("<html lang=\"en\">") && own.body.contains("Dashboard"), "{}", own.short());
    let account = b.get("/account").await;
    assert!(account.body.contains("<html lang=\"en\">"), "{}", account.short());

    // A language that is not shipped is refused, and nothing changes.
    let refused = b.post("/account/language", &[("language", "xx-YY")]).await;
    assert_eq!(refused.status, 422, "{}", refused.short());
    assert!(b.get("/").await.body.contains("<html lang=\"en\">"));

    // Back to the organization's language.
    b.post("/account/language", &[("language", "")]).await;
    let back = b.get("/").await;
    assert!(back.body.contains("<html lang=\"pt-BR\">"), "{}", back.short());
}

async fn before_sign_in_the_browser_language_decides(backend: crate::support::Backend) {
    let app = demo(backend).await;
    let client = crate::support::client();
    let ask = |lang: &'static str| {
        let req = client.get(format!("{}/login", app.address)).header("accept-language", lang);
        async move { Page::from(req.send().await.expect("GET /login")).await }
    };
    let pt = ask("pt-BR,pt;q=0.9,en;q=0.8").await;
    assert!(pt.body.contains("<html lang=\"pt-BR\">") && pt.body.contains("Entrar"), "{}", pt.short());
    let plain_pt = ask("pt").await;
    assert!(plain_pt.body.contains("<html lang=\"pt-BR\">"), "{}", plain_pt.short());
    let en = ask("en-GB,en;q=0.9").await;
    assert!(en.body.contains("<html lang=\"en\">") && en.body.contains("Sign in"), "{}", en.short());
    let other = ask("de-DE,fr;q=0.5").await;
    assert!(other.body.contains("<html lang=\"en\">"), "an unknown language falls back to English: {}", other.short());
    // The error page too.
    let missing = client
        .get(format!("{}/no-such-page", app.address))
        .header("accept-language", "pt-BR")
        .send()
        .await
        .expect("GET");
    let missing = Page::from(missing).await;
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("<html lang=\"pt-BR\">") && missing.body.contains("Não encontr"),
        "{}",
        missing.short()
    );
}

#[test]
fn readable_text_leaves_out_markup_and_typed_values() {
    let html = r#"<p title="Save it">Hello <b>World</b></p><input value="Dashboard"><script>var Room;</script>"#;
    let text = readable(html);
    assert_eq!(found(&text, &["Save", "Hello", "World", "Dashboard", "Room"]), vec!["Save", "Hello", "World"]);
    assert_eq!(found("Roomy Rooms", &["Room"]), Vec::<&str>::new());
}
