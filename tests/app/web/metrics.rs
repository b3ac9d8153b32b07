//! `/metrics`: Prometheus text with request counts by route pattern, latency histograms,
//! pool gauges and per-tenant business counters. Readable from loopback or with the
//! token; a request that came through a proxy (from outside) without the token gets 404.

use hotelier::db::Access;

use crate::both_backends_async;
use crate::support::{client, login, start_app, world, Backend};

both_backends_async!(metrics_count_requests_and_business_events, metrics_refused_from_outside_without_token);

async fn scrape(address: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut req = reqwest::Client::new().get(format!("{address}/metrics"));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let resp = req.send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// The value of the sample whose line starts with `prefix`.
fn sample(text: &str, prefix: &str) -> Option<f64> {
    text.lines().find(|l| l.starts_with(prefix)).and_then(|l| l.rsplit(' ').next()).and_then(|v| v.parse().ok())
}

async fn metrics_count_requests_and_business_events(backend: Backend) {
    let w = world(backend).await;
    let a = w.a.id.to_string();
    // A failed sign-in of A's owner, and a check-in at A.
    let failed = login(&client(), w.address(), &w.team_a.owner.account.email, "not-it").await;
    assert_eq!(failed.status, 422);
    let mut desk = w.browser();
    desk.sign_in(&w.team_a.staff.account.email).await;
    let version = w.db().tenant(w.a.id, None, Access::Read, |s| s.reservations().get(w.a.reservation)).unwrap().version;
    let done = desk
        .post(
            &format!("/reservations/{}/status", w.a.reservation),
            &[("action", "check_in"), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.short());
    desk.get(&format!("/hotels/{}", w.a.hotel)).await;

    let (status, text) = scrape(w.address(), &[]).await;
    assert_eq!(status, 200, "loopback may scrape");
    assert!(text.ends_with("# EOF\n"), "OpenMetrics text");
    assert_eq!(sample(&text, &format!("hotelier_check_ins_total{{tenant=\"{a}\"}}")), Some(1.0), "{text}");
    assert_eq!(sample(&text, &format!("hotelier_failed_logins_total{{tenant=\"{a}\"}}")), Some(1.0));
    assert!(sample(&text, "hotelier_check_outs_total").is_none(), "nothing checked out");
    assert!(
        text.contains("route=\"/hotels/{id}\"") && !text.contains(&w.a.hotel.to_string()),
        "routes are labelled by pattern, never by id"
    );
    assert!(
        sample(&text, "hotelier_http_request_duration_seconds_count{route=\"/login\"}").is_some_and(|n| n >= 2.0),
        "latency histogram per route"
    );
    assert!(sample(&text, "hotelier_db_pool_connections{state=\"max\"}").is_some_and(|m| m >= 1.0));
    assert!(
        sample(
            &text,
            "hotelier_http_requests_total{route=\"/reservations/{id}/status\",method=\"POST\",status=\"303\"}"
        ) == Some(1.0),
        "{text}"
    );
}

async fn metrics_refused_from_outside_without_token(backend: Backend) {
    let w = world(backend).await;
    // Whatever header the proxy uses to say where the request came from.
    for header in [("x-forwarded-for", "203.0.113.9"), ("forwarded", "for=203.0.113.9"), ("x-real-ip", "203.0.113.9")] {
        let (status, text) = scrape(w.address(), &[header]).await;
        assert_eq!(status, 404, "through a proxy ({}), no token: {text}", header.0);
        assert!(!text.contains("hotelier_http_requests_total"));
    }
    let outside = [("x-forwarded-for", "203.0.113.9")];

    let with_token = start_app(&w.app.test_db, |s| s.metrics_token = Some("s3cret-scrape-token".into()));
    let (status, _) = scrape(&with_token, &[outside[0], ("authorization", "Bearer wrong-token")]).await;
    assert_eq!(status, 404, "a wrong token is refused");
    let (status, _) = scrape(&with_token, &[outside[0], ("authorization", "s3cret-scrape-token")]).await;
    assert_eq!(status, 404, "the token only counts as a bearer token");
    let (status, text) = scrape(&with_token, &[outside[0], ("authorization", "Bearer s3cret-scrape-token")]).await;
    assert_eq!(status, 200);
    assert!(text.contains("hotelier_http_requests_total"));
}
