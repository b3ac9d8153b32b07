//! The schema rules, checked against the live catalog of each backend:
//! * every tenant-owned table has `tenant_id NOT NULL`, and every table with a
//!   `tenant_id` is known to the scoped DSL;
//! * every primary and unique key includes `tenant_id`;
//! * every foreign key between tenant-owned tables includes `tenant_id`;
//! * (PostgreSQL) row-level security is enabled and forced, with a policy;
//! * (PostgreSQL) `deploy/citus.sql` distributes every tenant-owned table by `tenant_id`
//!   in one colocation group, after the tables its foreign keys name, and makes the
//!   platform's tables reference tables; every key of a distributed table includes its
//!   distribution column.
//!
//! `audit_log` is the one documented exception to the first two rules: its platform
//! events have no tenant, so `tenant_id` is nullable and the key is `id` alone. Nothing
//! references it, and row-level security still covers it.

use std::collections::BTreeMap;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Text};
use hotelier::db::scope::{PLATFORM_TABLES, TENANT_TABLES};

use crate::support::{Backend, TestDb};
use crate::{both_backends, postgres_only};

both_backends!(tenant_id_is_required, keys_include_tenant_id, foreign_keys_include_tenant_id);
// SQLite has no row-level security; its isolation rests on layers 2 and 3, which the
// checks above cover on both backends.
postgres_only!(row_level_security_everywhere, citus_distributes_every_table);

const NULLABLE_TENANT: &[&str] = &["audit_log"];

#[derive(QueryableByName, Debug)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Bool)]
    not_null: bool,
}

#[derive(QueryableByName, Debug)]
struct Key {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    key_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

#[derive(QueryableByName, Debug)]
struct ForeignKey {
    #[diesel(sql_type = Text)]
    source: String,
    #[diesel(sql_type = Text)]
    target: String,
    #[diesel(sql_type = Text)]
    key_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

#[derive(QueryableByName, Debug)]
struct Rls {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Bool)]
    enabled: bool,
    #[diesel(sql_type = Bool)]
    forced: bool,
    #[diesel(sql_type = BigInt)]
    policies: i64,
}

fn app_tables(t: &TestDb) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = Text)]
        name: String,
    }
    let sql = match t.backend {
        Backend::Postgres => "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_%'",
        Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'",
    };
    let names: Vec<Name> = diesel::sql_query(sql).load(&mut t.raw()).unwrap();
    names.into_iter().map(|n| n.name).collect()
}

fn tenant_id_is_required(backend: Backend) {
    let t = TestDb::new(backend);
    let columns: Vec<Column> = match backend {
        Backend::Postgres => diesel::sql_query(
            "SELECT table_name::text, (is_nullable = 'NO') AS not_null FROM information_schema.columns \
             WHERE table_schema = 'public' AND column_name = 'tenant_id'",
        )
        .load(&mut t.raw())
        .unwrap(),
        Backend::Sqlite => {
            let mut out = Vec::new();
            for table in app_tables(&t) {
                let sql = format!(
                    "SELECT '{table}' AS table_name, \"notnull\" = 1 AS not_null FROM pragma_table_info('{table}') WHERE name = 'tenant_id'"
                );
                out.extend(diesel::sql_query(sql).load::<Column>(&mut t.raw()).unwrap());
            }
            out
        }
    };
    let with_tenant: BTreeMap<_, _> = columns.iter().map(|c| (c.table_name.as_str(), c.not_null)).collect();
    // Every table with tenant_id is reachable only through the scope, and vice versa.
    let mut known: Vec<&str> = TENANT_TABLES.to_vec();
    known.sort();
    assert_eq!(with_tenant.keys().copied().collect::<Vec<_>>(), known);
    for (table, not_null) in &with_tenant {
        assert_eq!(*not_null, !NULLABLE_TENANT.contains(table), "{table}.tenant_id nullability");
    }
    // And every table is either tenant-owned or a named platform table.
    for table in app_tables(&t) {
        assert!(
            TENANT_TABLES.contains(&table.as_str()) || PLATFORM_TABLES.contains(&table.as_str()),
            "{table} is neither tenant-owned nor a platform table"
        );
    }
}

/// Every unique key (primary, unique, exclusion) by (table, key), with its columns.
fn unique_keys(t: &TestDb) -> BTreeMap<(String, String), Vec<String>> {
    let keys: Vec<Key> = match t.backend {
        Backend::Postgres => diesel::sql_query(
            "SELECT c.relname::text AS table_name, i.relname::text AS key_name, a.attname::text AS column_name \
             FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid \
             JOIN pg_namespace n ON n.oid = c.relnamespace \
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(x.indkey) \
             WHERE n.nspname = 'public' AND x.indisunique \
             UNION ALL \
             SELECT c.relname::text, con.conname::text, a.attname::text \
             FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid \
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(con.conkey) \
             WHERE con.contype = 'x'",
        )
        .load(&mut t.raw())
        .unwrap(),
        Backend::Sqlite => {
            let mut out = Vec::new();
            for table in app_tables(t) {
                let sql = format!(
                    "SELECT '{table}' AS table_name, il.name AS key_name, ii.name AS column_name \
                     FROM pragma_index_list('{table}') il, pragma_index_info(il.name) ii WHERE il.\"unique\" = 1"
                );
                out.extend(diesel::sql_query(sql).load::<Key>(&mut t.raw()).unwrap());
                // A composite primary key without its own autoindex still lists its columns here.
                let sql = format!(
                    "SELECT '{table}' AS table_name, 'pk' AS key_name, name AS column_name FROM pragma_table_info('{table}') WHERE pk > 0"
                );
                out.extend(diesel::sql_query(sql).load::<Key>(&mut t.raw()).unwrap());
            }
            out
        }
    };
    let mut by_key: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for k in keys {
        by_key.entry((k.table_name, k.key_name)).or_default().push(k.column_name);
    }
    by_key
}

fn keys_include_tenant_id(backend: Backend) {
    let t = TestDb::new(backend);
    let by_key = unique_keys(&t);
    let mut checked = 0;
    for ((table, key), columns) in &by_key {
        if !TENANT_TABLES.contains(&table.as_str()) || NULLABLE_TENANT.contains(&table.as_str()) {
            continue;
        }
        checked += 1;
        assert!(columns.iter().any(|c| c == "tenant_id"), "{table}: key {key} ({columns:?}) lacks tenant_id");
    }
    // Primary keys of 7 tables plus their unique keys: the check really looked.
    assert!(checked >= 14, "only {checked} keys checked");
}

/// Every foreign key by (source, target, key), with its source columns.
fn foreign_keys(t: &TestDb) -> BTreeMap<(String, String, String), Vec<String>> {
    let fks: Vec<ForeignKey> = match t.backend {
        Backend::Postgres => diesel::sql_query(
            "SELECT src.relname::text AS source, dst.relname::text AS target, con.conname::text AS key_name, a.attname::text AS column_name \
             FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid \
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey) WHERE con.contype = 'f'",
        )
        .load(&mut t.raw())
        .unwrap(),
        Backend::Sqlite => {
            let mut out = Vec::new();
            for table in app_tables(t) {
                let sql = format!(
                    "SELECT '{table}' AS source, \"table\" AS target, CAST(id AS TEXT) AS key_name, \"from\" AS column_name \
                     FROM pragma_foreign_key_list('{table}')"
                );
                out.extend(diesel::sql_query(sql).load::<ForeignKey>(&mut t.raw()).unwrap());
            }
            out
        }
    };
    let mut by_key: BTreeMap<(String, String, String), Vec<String>> = BTreeMap::new();
    for fk in fks {
        by_key.entry((fk.source, fk.target, fk.key_name)).or_default().push(fk.column_name);
    }
    by_key
}

fn foreign_keys_include_tenant_id(backend: Backend) {
    let t = TestDb::new(backend);
    let by_key = foreign_keys(&t);
    let mut checked = 0;
    for ((source, target, key), columns) in &by_key {
        if TENANT_TABLES.contains(&source.as_str()) && TENANT_TABLES.contains(&target.as_str()) {
            checked += 1;
            assert!(
                columns.iter().any(|c| c == "tenant_id"),
                "{source} -> {target} ({key}: {columns:?}) lacks tenant_id"
            );
        }
    }
    // room_types→hotels, rooms→hotels, rooms→room_types, reservations→{hotels, room_types,
    // rooms, guests}, folio_entries→reservations, folio_entries→folio_entries (a void),
    // room_blocks→rooms, rate_plans→{hotels, rate_plans (a parent)}, rate_plan_prices→
    // {rate_plans, room_types}, rate_days→rate_plan_prices, reservation_nights→
    // {reservations, rate_plans}, tax_rules→hotels, folio_taxes→{folio_entries, tax_rules},
    // invoice_counters→hotels, invoices→{invoice_counters, reservations, invoices (a credit
    // note's), companies}, invoice_lines→{invoices, folio_entries}, hotel_messaging→hotels,
    // message_templates→hotels, outbox_messages→{hotels, reservations, guests,
    // outbox_messages (one sent again)}, stay_notes→reservations.
    assert_eq!(checked, 34, "{by_key:?}");
}

fn row_level_security_everywhere() {
    let t = TestDb::new(Backend::Postgres);
    let rows: Vec<Rls> = diesel::sql_query(
        "SELECT c.relname::text AS table_name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced, \
         (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies \
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'",
    )
    .load(&mut t.raw())
    .unwrap();
    for table in TENANT_TABLES {
        let row = rows.iter().find(|r| r.table_name == *table).unwrap_or_else(|| panic!("{table} missing"));
        assert!(row.enabled && row.forced && row.policies > 0, "{row:?}");
    }
}

/// What `deploy/citus.sql` does with one table.
#[derive(Debug, PartialEq)]
enum Placement {
    Reference,
    Distributed { column: String, colocate_with: String },
}

/// The tables `deploy/citus.sql` places, in its order.
fn citus_placements() -> Vec<(String, Placement)> {
    let script = include_str!("../../deploy/citus.sql");
    let quoted = |text: &str| -> Vec<String> { text.split('\'').skip(1).step_by(2).map(str::to_owned).collect() };
    let mut out = Vec::new();
    for line in script.lines().filter(|l| !l.trim_start().starts_with("--")) {
        if let Some(args) = line.strip_prefix("SELECT create_reference_table(") {
            out.push((quoted(args)[0].clone(), Placement::Reference));
        } else if let Some(args) = line.strip_prefix("SELECT create_distributed_table(") {
            let q = quoted(args);
            let placement = Placement::Distributed { column: q[1].clone(), colocate_with: q[2].clone() };
            out.push((q[0].clone(), placement));
        }
    }
    out
}

fn citus_distributes_every_table() {
    let t = TestDb::new(Backend::Postgres);
    let placements = citus_placements();
    let position = |table: &str| placements.iter().position(|(name, _)| name == table);
    let mut tables = app_tables(&t);
    tables.sort();
    let mut placed: Vec<String> = placements.iter().map(|(name, _)| name.clone()).collect();
    placed.sort();
    assert_eq!(placed, tables, "deploy/citus.sql places every table of the schema, once");

    let anchor = &placements.iter().find(|(_, p)| matches!(p, Placement::Distributed { .. })).unwrap().0;
    for table in TENANT_TABLES.iter().filter(|t| !NULLABLE_TENANT.contains(t)) {
        let (_, placement) = &placements[position(table).unwrap()];
        let together = if *table == anchor.as_str() { "none" } else { anchor.as_str() };
        let wanted = Placement::Distributed { column: "tenant_id".into(), colocate_with: together.into() };
        assert_eq!(placement, &wanted, "{table}: distributed by tenant_id, colocated with {anchor}");
    }
    for table in PLATFORM_TABLES {
        assert_eq!(placements[position(table).unwrap()].1, Placement::Reference, "{table}");
    }

    // Citus distributes a table only after those its foreign keys reference.
    for (source, target, key) in foreign_keys(&t).keys() {
        if source != target {
            assert!(
                position(target) < position(source),
                "{source} ({key}) is placed before {target}, which it references"
            );
        }
    }
    // A distributed table's unique, primary and exclusion keys must hold on each worker
    // alone: each includes the distribution column.
    let mut checked = 0;
    for ((table, key), columns) in unique_keys(&t) {
        if let Some((_, Placement::Distributed { column, .. })) = position(&table).map(|i| &placements[i]) {
            checked += 1;
            assert!(
                columns.contains(column),
                "{table}: key {key} ({columns:?}) lacks the distribution column {column}"
            );
        }
    }
    assert!(checked >= TENANT_TABLES.len(), "only {checked} keys checked");
}
