//! `/metrics`: Prometheus (OpenMetrics) text for the operator.
//!
//! * HTTP: requests by route pattern, method and status; latency histograms by route.
//!   Route *patterns* (`/hotels/{id}`), never raw paths, keep the label sets bounded.
//! * The database pool: connections in use, idle, and the maximum.
//! * PostgreSQL read replicas: each one's state (up, lag) and the read-only transactions
//!   each pool served (`read_pool{pool="primary"|"replica-<n>"}`).
//! * PostgreSQL: the cache listener (`db::invalidation`): connected (1 or 0), the
//!   notifications received and the connections made since start.
//! * Business counters per tenant: reservations created, check-ins, check-outs, failed
//!   sign-ins. The tenant label is the tenant id for the first [`MAX_TENANT_LABELS`]
//!   tenants seen since start and `other` after that, so a platform with thousands of
//!   organizations cannot blow up the series count.
//!
//! Only a request carrying the configured bearer token, or one made directly on loopback
//! (no proxy headers), may read it; anyone else gets 404.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse};
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use super::csrf::constant_time_eq;
use super::error::Reply;
use super::state::State;
use super::AppState;
use crate::domain::stay::Action;
use crate::domain::TenantId;
use crate::web::error::AppError;

/// Distinct tenant ids labelled before the rest share `other`.
pub const MAX_TENANT_LABELS: usize = 200;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct TenantLabels {
    tenant: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    state: &'static str,
}

/// One figure of one pool that reads may run on: `primary` or `replica-<n>`.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReadPoolLabels {
    pool: String,
    state: &'static str,
}

/// A business event counted per tenant.
#[derive(Clone, Copy, Debug)]
pub enum Business {
    ReservationCreated,
    CheckIn,
    CheckOut,
    FailedLogin,
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 4 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 13))
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    pool: Family<PoolLabels, Gauge>,
    listener: Family<PoolLabels, Gauge>,
    reads: Family<ReadPoolLabels, Gauge>,
    business: [Family<TenantLabels, Counter>; 4],
    tenants: Mutex<HashSet<TenantId>>,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("hotelier");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests by route pattern, method and status", requests.clone());
        let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(latency_histogram);
        registry.register("http_request_duration_seconds", "Time to answer, by route pattern", latency.clone());
        let pool = Family::<PoolLabels, Gauge>::default();
        registry.register("db_pool_connections", "Database connections: in_use, idle and max", pool.clone());
        let listener = Family::<PoolLabels, Gauge>::default();
        registry.register(
            "cache_listener",
            "The cache listener: connected (1 or 0), notifications received, connections made",
            listener.clone(),
        );
        let reads = Family::<ReadPoolLabels, Gauge>::default();
        registry.register(
            "read_pool",
            "Read replicas and the primary: up (1 or 0), lag_ms, and reads (read-only transactions served)",
            reads.clone(),
        );
        let business: [Family<TenantLabels, Counter>; 4] = Default::default();
        for (family, (name, help)) in business.iter().zip([
            ("reservations_created", "Reservations booked, by tenant"),
            ("check_ins", "Guests checked in, by tenant"),
            ("check_outs", "Guests checked out, by tenant"),
            ("failed_logins", "Failed sign-ins, by the account's first organization (`none`: no such account)"),
        ]) {
            registry.register(name, help, family.clone());
        }
        Self { registry, requests, latency, pool, listener, reads, business, tenants: Mutex::new(HashSet::new()) }
    }
}

impl Metrics {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Counts one business event for `tenant` (`None`: a sign-in with no organization).
    pub fn count(&self, event: Business, tenant: Option<TenantId>) {
        let tenant = match tenant {
            Some(id) => self.tenant_label(id),
            None => "none".into(),
        };
        self.business[event as usize].get_or_create(&TenantLabels { tenant }).inc();
    }

    /// Counts a front-desk status change that the metrics follow (check-in, check-out).
    pub fn transition(&self, action: Action, tenant: TenantId) {
        match action {
            Action::CheckIn => self.count(Business::CheckIn, Some(tenant)),
            Action::CheckOut => self.count(Business::CheckOut, Some(tenant)),
            _ => {}
        }
    }

    fn tenant_label(&self, id: TenantId) -> String {
        let mut seen = self.tenants.lock().unwrap_or_else(|e| e.into_inner());
        if seen.contains(&id) || seen.len() < MAX_TENANT_LABELS {
            seen.insert(id);
            id.to_string()
        } else {
            "other".into()
        }
    }

    fn observe(&self, route: &str, method: &str, status: u16, seconds: f64) {
        let route = route.to_owned();
        self.requests.get_or_create(&RequestLabels { route: route.clone(), method: method.to_owned(), status }).inc();
        self.latency.get_or_create(&RouteLabels { route }).observe(seconds);
    }

    fn render(&self, state: &AppState) -> Result<String, std::fmt::Error> {
        let pool = state.db.pool().state();
        let max = state.db.pool().max_size();
        for (label, value) in
            [("in_use", pool.connections - pool.idle_connections), ("idle", pool.idle_connections), ("max", max)]
        {
            self.pool.get_or_create(&PoolLabels { state: label }).set(i64::from(value));
        }
        if let Some(l) = &state.listener {
            use std::sync::atomic::Ordering::Relaxed;
            let connected = i64::from(l.connected.load(Relaxed));
            let (received, connects) = (l.received.load(Relaxed), l.connects.load(Relaxed));
            for (label, value) in
                [("connected", connected), ("received", received as i64), ("connects", connects as i64)]
            {
                self.listener.get_or_create(&PoolLabels { state: label }).set(value);
            }
        }
        if let Some(replicas) = state.db.replicas() {
            let primary = replicas.primary_served.load(std::sync::atomic::Ordering::Relaxed);
            let set = |pool: String, label, value: i64| {
                self.reads.get_or_create(&ReadPoolLabels { pool, state: label }).set(value)
            };
            set("primary".into(), "reads", primary as i64);
            for (n, r) in replicas.status().into_iter().enumerate() {
                set(format!("replica-{n}"), "up", i64::from(r.up));
                set(format!("replica-{n}"), "lag_ms", r.lag.as_millis() as i64);
                set(format!("replica-{n}"), "reads", r.served as i64);
            }
        }
        let mut out = String::with_capacity(16 * 1024);
        encode(&mut out, &self.registry)?;
        Ok(out)
    }
}

/// Times every request and counts it under its route pattern.
pub async fn record(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let metrics = req.app_data::<web::Data<AppState>>().map(|s| s.metrics.clone());
    let method = req.method().as_str().to_owned();
    let res = next.call(req).await?;
    if let Some(metrics) = metrics {
        let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".into());
        metrics.observe(&route, &method, res.status().as_u16(), started.elapsed().as_secs_f64());
    }
    Ok(res)
}

/// The scrape endpoint.
pub async fn scrape(req: HttpRequest, state: State) -> Reply {
    if !allowed(&req, state.settings.metrics_token.as_deref()) {
        return Err(AppError::NotFound);
    }
    let body = state.metrics.render(&state).map_err(|e| anyhow::anyhow!("metrics: {e}"))?;
    Ok(HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(body))
}

/// The token, compared in constant time, or a direct loopback peer with no proxy headers
/// (a reverse proxy on the same host would otherwise make every visitor look local).
fn allowed(req: &HttpRequest, token: Option<&str>) -> bool {
    if let Some(token) = token.filter(|t| !t.is_empty()) {
        let presented = req
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if constant_time_eq(presented.as_bytes(), token.as_bytes()) {
            return true;
        }
    }
    let proxied = ["forwarded", "x-forwarded-for", "x-real-ip"].iter().any(|h| req.headers().contains_key(*h));
    let loopback = req.peer_addr().is_some_and(|a| a.ip().is_loopback());
    loopback && !proxied
}
