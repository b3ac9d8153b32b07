//! Out-of-range and malformed values in query strings and forms answer with a page, never
//! a 5xx (chrono panics on date overflow, so every typed date is range-checked first).

use crate::both_backends_async;
use crate::support::{world, Backend};

both_backends_async!(extreme_dates_and_numbers_never_fail_the_server);

async fn extreme_dates_and_numbers_never_fail_the_server(backend: Backend) {
    let w = world(backend).await;
    let mut m = w.browser();
    m.sign_in(&w.team_a.manager.account.email).await;
    let hotel = w.a.hotel.to_string();
    let gets = [
        "/calendar?start=9999-12-31&days=30".to_owned(),
        "/calendar?start=-262144-01-01".to_owned(),
        // chrono's last date: `start + 30 days` would panic without the range check.
        "/calendar?start=%2B262143-12-20&days=30".to_owned(),
        "/calendar?start=-262143-01-03".to_owned(),
        "/reports?from=%2B262143-12-01&to=%2B262143-12-31".to_owned(),
        "/reports?from=9999-01-01&to=9999-12-31&period=month".to_owned(),
        "/reports?from=0001-01-01&to=9999-12-31&period=week&format=csv".to_owned(),
        "/reservations?arrival_from=9999-12-31&departure_to=%00&page=99999999999999999999".to_owned(),
        format!("/reservations/new?hotel={hotel}&check_in=9999-12-30&check_out=9999-12-31&adults=2"),
        format!("/reservations/new?hotel={hotel}&check_in=1900-01-01&check_out=2200-12-31&adults=999999999999"),
        "/audit?from=9999-12-31&until=9999-12-31&page=-1".to_owned(),
        "/rooms?page=0&sort=%27%3B%20DROP%20TABLE%20rooms&dir=up".to_owned(),
    ];
    for path in &gets {
        let p = m.get(path).await;
        assert!(p.status < 500, "GET {path}: {}", p.short());
        assert!(p.body.contains("<html") || path.contains("format=csv"), "GET {path} answers a page: {}", p.short());
    }
    let long_code = "X".repeat(10_000);
    let posts: [(&str, Vec<(&str, &str)>); 3] = [
        ("/members", vec![("email", "x@example.com"), ("role", "staff"), ("expires_on", "9999-12-31")]),
        (
            "/reservations",
            vec![("hotel", &hotel), ("check_in", "9999-12-30"), ("check_out", "9999-12-31"), ("adults", "2")],
        ),
        ("/hotels", vec![("name", "\u{0}\u{202e}"), ("code", &long_code)]),
    ];
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;
    for (path, fields) in &posts {
        let p = owner.post(path, fields).await;
        assert!(p.status < 500, "POST {path}: {}", p.short());
    }
}
