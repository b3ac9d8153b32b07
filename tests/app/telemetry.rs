//! Log lines carry who is asking. A request's root span gets its user and tenant from the
//! extractors (`SignedIn`, `TenantCtx`), and a line written inside `Db::blocking` (on the
//! blocking pool, another thread) carries the request's span fields.
//!
//! The subscriber is the process's global one, as `telemetry::init` installs in the
//! server, set once for this test binary: a capture of the request spans' fields and of
//! the events this file writes, for `hotelier` and `tracing_actix_web` only.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

use actix_web::{web as aweb, App, HttpMessage, HttpRequest, HttpResponse};
use hotelier::db::{Db, DbError};
use hotelier::telemetry::RequestSpan;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_actix_web::{RequestId, TracingLogger};
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::Layer;

use crate::both_backends_async;
use crate::support::{world, Backend, TestDb};

both_backends_async!(a_request_span_names_its_user_and_tenant);

/// The fields of a span or an event, as text.
#[derive(Default, Clone, Debug)]
struct Fields(BTreeMap<String, String>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

/// One event: its own fields, the fields of every span around it, and its thread.
#[derive(Debug)]
struct Line {
    fields: Fields,
    scope: Fields,
    thread: std::thread::ThreadId,
}

/// What the global subscriber saw: this file's events, and every closed span's fields.
#[derive(Default)]
struct Seen {
    lines: Mutex<Vec<Line>>,
    closed: Mutex<Vec<Fields>>,
}

struct Capture(Arc<Seen>);

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        attrs.record(&mut fields);
        ctx.span(id).expect("new span").extensions_mut().insert(fields);
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let span = ctx.span(id).expect("recorded span");
        let mut ext = span.extensions_mut();
        if let Some(fields) = ext.get_mut::<Fields>() {
            values.record(fields);
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        if !fields.0.contains_key("marker") {
            return;
        }
        let mut scope = Fields::default();
        for span in ctx.event_scope(event).into_iter().flatten() {
            if let Some(f) = span.extensions().get::<Fields>() {
                for (k, v) in &f.0 {
                    scope.0.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
        }
        self.0.lines.lock().unwrap().push(Line { fields, scope, thread: std::thread::current().id() });
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        let span = ctx.span(&id).expect("closed span");
        let fields = span.extensions().get::<Fields>().filter(|f| f.0.contains_key("request_id")).cloned();
        if let Some(fields) = fields {
            self.0.closed.lock().unwrap().push(fields);
        }
    }
}

/// The process's subscriber, installed on first use.
fn seen() -> &'static Arc<Seen> {
    static SEEN: OnceLock<Arc<Seen>> = OnceLock::new();
    SEEN.get_or_init(|| {
        let seen = Arc::new(Seen::default());
        let targets = Targets::new()
            .with_target("hotelier", LevelFilter::INFO)
            .with_target("tracing_actix_web", LevelFilter::INFO)
            .with_target(module_path!(), LevelFilter::INFO);
        let subscriber = tracing_subscriber::registry().with(Capture(seen.clone()).with_filter(targets));
        tracing::subscriber::set_global_default(subscriber).expect("no other global subscriber in the tests");
        seen
    })
}

/// A tenant page through the real app: its request span names the member and the
/// organization, recorded by the extractors.
async fn a_request_span_names_its_user_and_tenant(backend: Backend) {
    let seen = seen();
    let w = world(backend).await;
    let mut desk = w.browser();
    desk.sign_in(&w.team_a.staff.account.email).await;
    assert_eq!(desk.get("/hotels").await.status, 200);
    let (user, tenant) = (w.team_a.staff.account.id.to_string(), w.a.id.to_string());
    // The span closes just after the response is sent.
    for _ in 0..100 {
        let found = seen
            .closed
            .lock()
            .unwrap()
            .iter()
            .rfind(|f| f.0.get("user") == Some(&user) && f.0.get("http.route").map(String::as_str) == Some("/hotels"))
            .cloned();
        if let Some(span) = found {
            assert_eq!(span.0.get("tenant"), Some(&tenant), "{span:?}");
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("no request span for GET /hotels with user {user}: {:?}", seen.closed.lock().unwrap().len());
}

/// What a handler does: log from the blocking pool.
async fn probe(req: HttpRequest, db: aweb::Data<Db>) -> HttpResponse {
    db.blocking(|_db| {
        tracing::info!(marker = "inside-blocking", "work on the blocking pool");
        Ok::<_, DbError>(())
    })
    .await
    .expect("blocking");
    HttpResponse::Ok().body(req.extensions().get::<RequestId>().map(|id| id.to_string()).unwrap_or_default())
}

/// A line logged inside `Db::blocking` carries the request's span, from another thread.
#[test]
fn blocking_work_logs_with_the_request_span() {
    let seen = seen();
    let test_db = TestDb::new(Backend::Sqlite);
    let request_id = actix_web::rt::System::new().block_on(async {
        let app = actix_web::test::init_service(
            App::new()
                .wrap(TracingLogger::<RequestSpan>::new())
                .app_data(aweb::Data::new(test_db.db.clone()))
                .route("/probe", aweb::get().to(probe)),
        )
        .await;
        let res =
            actix_web::test::call_service(&app, actix_web::test::TestRequest::get().uri("/probe").to_request()).await;
        assert_eq!(res.status(), 200);
        String::from_utf8(actix_web::test::read_body(res).await.to_vec()).unwrap()
    });
    assert!(!request_id.is_empty(), "the request has an id");
    let lines = seen.lines.lock().unwrap();
    let line = lines
        .iter()
        .find(|l| l.scope.0.get("request_id") == Some(&request_id))
        .unwrap_or_else(|| panic!("the blocking closure's line was not logged under the request: {lines:?}"));
    assert_eq!(line.fields.0.get("marker").map(String::as_str), Some("inside-blocking"));
    assert_ne!(line.thread, std::thread::current().id(), "the closure ran on the blocking pool");
    assert_eq!(line.scope.0.get("http.route").map(String::as_str), Some("/probe"), "{line:?}");
}
