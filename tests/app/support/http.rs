//! The real app on a random port, and a client with its own cookie jar that signs in,
//! keeps the session's CSRF token and posts forms the way a browser does.

use std::time::Duration;

use hotelier::config::Settings;

use super::{Backend, TestDb};

/// Every fixture user's password (hashed once per test).
pub const PASSWORD: &str = "correct horse battery staple";
pub const COOKIE: &str = "hotelier_session";

pub struct TestApp {
    pub address: String,
    pub test_db: TestDb,
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    let test_db = TestDb::new(backend);
    let address = start_app(&test_db, |_| {});
    TestApp { address, test_db }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// Starts another instance of the app on `test_db`, with settings adjusted by `tweak`.
pub fn start_app(test_db: &TestDb, tweak: impl FnOnce(&mut Settings)) -> String {
    let mut settings = test_db.settings();
    tweak(&mut settings);
    let app = hotelier::Application::build(settings, test_db.db.clone()).expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    address
}

/// Another instance on the same database: a `Db` of its own (its own pool, caches and
/// cache listener), as a second server process would have.
pub fn start_instance(test_db: &TestDb, tweak: impl FnOnce(&mut Settings)) -> String {
    let mut settings = test_db.settings();
    tweak(&mut settings);
    let db = hotelier::db::Db::connect(&test_db.url, &settings.pool).expect("another pool");
    let app = hotelier::Application::build(settings, db).expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    address
}

/// What a test looks at in a response.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub set_cookies: Vec<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub async fn from(resp: reqwest::Response) -> Self {
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let location = headers.get("location").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let set_cookies =
            headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(str::to_owned).collect();
        let body = resp.text().await.expect("response body");
        Self { status, location, set_cookies, headers, body }
    }

    /// The value of the session cookie this response sets, if it sets one.
    pub fn session_cookie(&self) -> Option<String> {
        self.set_cookie_line().and_then(|line| {
            line.split(';').next().and_then(|kv| kv.trim().strip_prefix(&format!("{COOKIE}="))).map(str::to_owned)
        })
    }

    /// The whole `Set-Cookie` line of the session cookie.
    pub fn set_cookie_line(&self) -> Option<&str> {
        self.set_cookies.iter().map(String::as_str).find(|c| c.starts_with(&format!("{COOKIE}=")))
    }

    pub fn csrf(&self) -> Option<String> {
        scrape_csrf(&self.body)
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// Asserts a 303 to `to`.
    #[track_caller]
    pub fn assert_redirect(&self, to: &str) {
        assert_eq!((self.status, self.location.as_deref()), (303, Some(to)), "expected 303 to {to}: {}", self.short());
    }

    /// The status and the start of the body, for failure messages.
    pub fn short(&self) -> String {
        let text: String = self.body.chars().take(600).collect();
        format!("status {} location {:?} body: {text}", self.status, self.location)
    }
}

pub fn scrape_csrf(html: &str) -> Option<String> {
    let marker = r#"name="csrf_token" value=""#;
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

/// Scrapes the CSRF token from the page at `url`.
pub async fn csrf(client: &reqwest::Client, url: &str) -> String {
    let page = Page::from(client.get(url).send().await.expect("GET for a CSRF token")).await;
    page.csrf().unwrap_or_else(|| panic!("no csrf_token on {url}: {}", page.short()))
}

/// Signs in through the form: fetches `/login` for a token, then posts the credentials.
pub async fn login(client: &reqwest::Client, address: &str, email: &str, password: &str) -> Page {
    let token = csrf(client, &format!("{address}/login")).await;
    let form = [("csrf_token", token.as_str()), ("email", email), ("password", password)];
    Page::from(client.post(format!("{address}/login")).form(&form).send().await.expect("POST /login")).await
}

/// A client with its own cookie jar, redirects off, and the session's current CSRF token.
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    pub csrf: String,
}

impl Browser {
    pub fn new(base: &str) -> Self {
        Self { client: crate::support::client(), base: base.to_owned(), csrf: String::new() }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Signs in and expects success (303 to `/` or `/switch`); keeps the new CSRF token.
    pub async fn sign_in(&mut self, email: &str) -> Page {
        let page = login(&self.client, &self.base, email, PASSWORD).await;
        assert_eq!(page.status, 303, "sign-in of {email} failed: {}", page.short());
        self.refresh_csrf().await;
        page
    }

    /// Reads the session's CSRF token from `/switch` (any signed-in page renders it).
    pub async fn refresh_csrf(&mut self) {
        self.csrf = csrf(&self.client, &self.url("/switch")).await;
    }

    pub async fn get(&self, path: &str) -> Page {
        Page::from(self.client.get(self.url(path)).send().await.expect("GET")).await
    }

    /// Posts `fields` plus this session's CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let form: Vec<(String, String)> = fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        self.post_form(path, &form).await
    }

    /// Posts `form` plus this session's CSRF token.
    pub async fn post_form(&self, path: &str, form: &[(String, String)]) -> Page {
        let mut form = form.to_vec();
        form.push(("csrf_token".into(), self.csrf.clone()));
        self.post_raw(path, &form).await
    }

    /// Posts exactly `form` (no token added).
    pub async fn post_raw(&self, path: &str, form: &[(String, String)]) -> Page {
        Page::from(self.client.post(self.url(path)).form(form).send().await.expect("POST")).await
    }
}

/// A request carrying only `cookie` as the session: a copied cookie, replayed.
pub async fn replay(address: &str, path: &str, cookie: &str) -> Page {
    let bare = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let resp = bare.get(format!("{address}{path}")).header("cookie", format!("{COOKIE}={cookie}")).send().await;
    Page::from(resp.expect("replayed GET")).await
}

/// Waits until the wall clock (whole seconds, as the session timestamps count) has moved
/// `seconds` past `since`.
pub async fn wait_past(since: i64, seconds: i64) {
    while chrono::Utc::now().timestamp() < since + seconds {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
