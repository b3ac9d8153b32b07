//! A log line written inside `Db::blocking` (on the blocking pool, another thread)
//! carries the request's root span fields: request id, user and tenant.
//!
//! The app runs in-process (`actix_web::test`), under a subscriber set for this thread
//! only, with the app's own root span builder and its `record_user`/`record_tenant`. A
//! blocking closure that lost the caller's span (or subscriber) would log nothing here.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use actix_web::{web as aweb, App, HttpMessage, HttpRequest, HttpResponse};
use hotelier::db::{Db, DbError};
use hotelier::domain::{TenantId, UserId};
use hotelier::telemetry::{record_tenant, record_user, RequestSpan};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_actix_web::{RequestId, TracingLogger};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::Layer;

use crate::both_backends;
use crate::support::{Backend, TestDb};

both_backends!(blocking_work_logs_with_the_request_span);

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

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<Line>>>);

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
        let mut scope = Fields::default();
        for span in ctx.event_scope(event).into_iter().flatten() {
            if let Some(f) = span.extensions().get::<Fields>() {
                for (k, v) in &f.0 {
                    scope.0.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
        }
        self.0.lock().unwrap().push(Line { fields, scope, thread: std::thread::current().id() });
    }
}

/// What a handler does: say who is asking, then log from the blocking pool.
async fn probe(req: HttpRequest, db: aweb::Data<Db>, who: aweb::Data<(UserId, TenantId)>) -> HttpResponse {
    let (user, tenant) = **who;
    record_user(&req, user);
    record_tenant(&req, tenant);
    db.blocking(|_db| {
        tracing::info!(marker = "inside-blocking", "work on the blocking pool");
        Ok::<_, DbError>(())
    })
    .await
    .expect("blocking");
    let id = req.extensions().get::<RequestId>().map(|id| id.to_string()).unwrap_or_default();
    HttpResponse::Ok().body(id)
}

fn blocking_work_logs_with_the_request_span(backend: Backend) {
    let test_db = TestDb::new(backend);
    let who = (UserId::new(), TenantId::new());
    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    let request_id = tracing::subscriber::with_default(subscriber, || {
        actix_web::rt::System::new().block_on(async {
            let app = actix_web::test::init_service(
                App::new()
                    .wrap(TracingLogger::<RequestSpan>::new())
                    .app_data(aweb::Data::new(test_db.db.clone()))
                    .app_data(aweb::Data::new(who))
                    .route("/probe", aweb::get().to(probe)),
            )
            .await;
            let res =
                actix_web::test::call_service(&app, actix_web::test::TestRequest::get().uri("/probe").to_request())
                    .await;
            assert_eq!(res.status(), 200);
            String::from_utf8(actix_web::test::read_body(res).await.to_vec()).unwrap()
        })
    });
    assert!(!request_id.is_empty(), "the request has an id");

    let lines = capture.0.lock().unwrap();
    let line = lines
        .iter()
        .find(|l| l.fields.0.get("marker").map(String::as_str) == Some("inside-blocking"))
        .unwrap_or_else(|| panic!("the blocking closure's line was not logged under the request: {lines:?}"));
    assert_ne!(line.thread, std::thread::current().id(), "the closure ran on the blocking pool");
    assert_eq!(line.scope.0.get("request_id"), Some(&request_id), "{line:?}");
    assert_eq!(line.scope.0.get("user"), Some(&who.0.to_string()), "{line:?}");
    assert_eq!(line.scope.0.get("tenant"), Some(&who.1.to_string()), "{line:?}");
    assert_eq!(line.scope.0.get("http.route").map(String::as_str), Some("/probe"), "{line:?}");
}
