//! Hostile input, property-based: random, empty, huge, unicode, NUL-byte and wrong-type
//! values posted to every form of the app, as an owner (who may reach every form), with a
//! valid CSRF token so that the values themselves are what is judged.
//!
//! For every case: nothing answers 5xx; a refused request (4xx) changes nothing in
//! either organization; a refusal for bad input (422) names the field at fault.
//!
//! Cases are drawn by proptest from a fixed seed, so a failure reproduces; the failing
//! case is printed whole.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRng, TestRunner};

use crate::both_backends_async;
use crate::support::{assert_unchanged, is_post, snapshot, tenant_routes, world, Backend};

both_backends_async!(hostile_values_never_break_a_form);

/// Cases per backend.
const CASES: usize = 400;

/// Every field name any form of the app reads.
const FIELDS: &[&str] = &[
    "code",
    "name",
    "brand",
    "address",
    "city",
    "country",
    "timezone",
    "star_rating",
    "email",
    "phone",
    "is_active",
    "version",
    "description",
    "base_occupancy",
    "max_occupancy",
    "base_rate",
    "number",
    "floor",
    "housekeeping_status",
    "status",
    "notes",
    "first_name",
    "last_name",
    "full_name",
    "role",
    "expires_on",
    "permissions",
    "tenant_id",
    "hotel_id",
    "room_type_id",
    "hotel",
    "room_type",
    "room",
    "guest",
    "check_in",
    "check_out",
    "adults",
    "children",
    "source",
    "hold",
    "amount",
    "kind",
    "method",
    "reference",
    "date",
    "reason",
    "action",
    "override_balance",
    "payment_methods",
    "currency",
    "locale",
    "cancellation_policy",
    "legal_name",
    "tax_id",
    "company_name",
    "bill_to",
    "overbooking_percent",
    "kiosk_idle_minutes",
    "document_type",
    "document_number",
    "nationality",
    "vip",
    "current_password",
    "new_password",
    "confirm",
    "password",
    "next",
];

/// Routes left out: they end the session or change the active tenant (the rest of the
/// run would test the sign-in page), or answer a download rather than a form.
const SKIPPED: &[&str] = &["/settings/export"];

fn hostile_value(others: Vec<String>) -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".repeat(3)),
        "\\PC{1,60}",         // any printable unicode
        any::<String>(),      // anything, control characters included
        "[\\x00-\\x1f]{1,8}", // NUL and friends
        Just("\u{0}".into()),
        Just("\u{202e}\u{0}gnp.exe".into()), // right-to-left override
        Just("Zoë 🏨 日本語 ḿ̵̡".into()),
        "-?[0-9]{1,25}", // numbers of any size and sign
        Just("1e309".into()),
        Just("NaN".into()),
        Just("0x10".into()),
        Just("12.345,67".into()),
        Just("9999-12-31".into()),
        Just("+262143-12-31".into()),
        Just("-262144-01-01".into()),
        Just("2026-02-30".into()),
        Just("'; DROP TABLE reservations; --".into()),
        Just("<script>alert(1)</script>".into()),
        Just("../../etc/passwd".into()),
        Just("x".repeat(5_000)),
        Just("y".repeat(70_000)),         // over the form size limit
        proptest::sample::select(others), // another organization's ids
    ]
}

/// One request: a route, and its fields (a random subset of every field name, hostile
/// values, sometimes a field twice).
fn case(routes: Vec<String>, others: Vec<String>) -> impl Strategy<Value = (String, Vec<(String, String)>)> {
    let fields = proptest::collection::vec(
        (proptest::sample::select(FIELDS), hostile_value(others)).prop_map(|(k, v)| (k.to_owned(), v)),
        0..12,
    );
    (proptest::sample::select(routes), fields)
}

async fn hostile_values_never_break_a_form(backend: Backend) {
    let w = world(backend).await;
    let ids = w.ids_a();
    let routes: Vec<String> =
        tenant_routes().filter(|r| is_post(r) && !SKIPPED.contains(&r.path)).map(|r| ids.fill(r.path)).collect();
    assert!(routes.len() >= 25, "every POST route of a tenant is in the draw ({})", routes.len());
    let others = w.b_secrets();
    let mut owner = w.browser();
    owner.sign_in(&w.team_a.owner.account.email).await;

    let mut runner =
        TestRunner::new_with_rng(Config::default(), TestRng::deterministic_rng(Config::default().rng_algorithm));
    let strategy = case(routes, others);
    let mut before_a = snapshot(w.db(), w.a.id);
    let before_b = snapshot(w.db(), w.b.id);
    let mut seen = std::collections::BTreeMap::<u16, usize>::new();
    for n in 0..CASES {
        let (path, mut fields) = strategy.new_tree(&mut runner).expect("a case").current();
        fields.push(("csrf_token".into(), owner.csrf.clone()));
        let page = owner.post_raw(&path, &fields).await;
        *seen.entry(page.status).or_default() += 1;
        let shown: Vec<(String, String)> =
            fields.iter().map(|(k, v)| (k.clone(), v.chars().take(80).collect())).collect();
        let what = format!("case {n}: POST {path} {shown:?}");
        assert!(page.status < 500, "{what}: {}", page.short());
        if page.status >= 400 {
            assert_unchanged(&before_a, &snapshot(w.db(), w.a.id), &what);
        } else {
            before_a = snapshot(w.db(), w.a.id);
        }
        if page.status == 422 {
            assert!(page.body.contains("class=\"field-error\""), "{what}: a 422 without a field message");
        }
        if page.status == 303 && page.location.as_deref() == Some("/login") {
            panic!("{what}: the session ended");
        }
    }
    assert_unchanged(&before_b, &snapshot(w.db(), w.b.id), "the other organization");
    // The draw reached the validators, not only the 404s and 403s.
    assert!(seen.get(&422).copied().unwrap_or(0) >= 10, "statuses seen: {seen:?}");
}
