//! Layer 2, statically: nothing outside `src/db/` names the Diesel schema or runs SQL,
//! and inside it every tenant-owned table is reached through a scope.

use std::path::{Path, PathBuf};

use hotelier::db::scope::TENANT_TABLES;

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn nothing_outside_db_names_the_schema_or_runs_sql() {
    let files = rust_files(&src());
    assert!(files.len() > 20, "scan found too few files");
    let forbidden = ["schema::", "sql_query(", "insert_into(", "diesel::update(", "diesel::delete(", "DbConnection"];
    let mut offences = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(src().join("db"))) {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for needle in forbidden {
                if line.contains(needle) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
            if file.starts_with(src().join("web")) && line.contains("PlatformGrant::operator") {
                offences.push(format!("{}:{}: the web layer may not mint an operator grant", file.display(), n + 1));
            }
        }
    }
    assert!(offences.is_empty(), "outside src/db:\n{}", offences.join("\n"));
}

/// Inside `src/db/`, a tenant-owned table appears only as the argument of a scope's
/// `.all(…)`, in `scope.rs` (which defines the scopes) and `schema.rs`, or in the one
/// listed place where the scope hands over its tenant id explicitly.
#[test]
fn tenant_tables_are_reached_through_a_scope() {
    const ALLOWED: &[(&str, &str)] = &[
        // The audit writer: tenant_id comes from the scope (or is NULL for a platform event).
        ("audit.rs", "diesel::insert_into(audit_log::table)"),
        // A type, not a query: the desk lists' condition, filtered into a scoped query.
        ("reservations.rs", "BoxableExpression<reservations::table"),
        // A type, not a query: availability's active-stay predicate may filter reservations.
        ("reservations.rs", "AppearsOnTable<reservations::table> for HoldsRooms"),
    ];
    let db = src().join("db");
    let mut offences = Vec::new();
    let mut scoped = 0;
    for file in rust_files(&db) {
        let name = file.file_name().unwrap().to_str().unwrap();
        if matches!(name, "schema.rs" | "scope.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for table in TENANT_TABLES.iter().chain(["uta"].iter()) {
            for needle in [format!("{table}::table"), format!("{table}::dsl")] {
                for (pos, _) in text.match_indices(&needle) {
                    // Whole-word match only: `audit_log::table` must not match `log::table`.
                    if text[..pos].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let before = text[..pos].trim_end();
                    if before.ends_with(".all(") {
                        scoped += 1;
                        continue;
                    }
                    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
                    let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
                    let line = text[line_start..line_end].trim();
                    if ALLOWED.iter().any(|(f, l)| *f == name && line.contains(l)) {
                        continue;
                    }
                    let line_no = text[..pos].matches('\n').count() + 1;
                    offences.push(format!("src/db/{name}:{line_no}: {line}"));
                }
            }
        }
    }
    assert!(offences.is_empty(), "tenant tables reached outside a scope:\n{}", offences.join("\n"));
    assert!(scoped > 30, "the scan saw only {scoped} scoped uses; is it still looking?");
}

/// Code that reaches any table by a name it is handed (`schema::$table` in a macro, a
/// formatted `INSERT INTO {table}`) escapes the per-table scan above, so it lives only in
/// the listed files, each of which sets every row's `tenant_id` from the scope itself.
#[test]
fn generic_table_access_stays_in_the_bulk_loader() {
    const ALLOWED: &[&str] = &[
        // Bulk loads: `TenantRow::load` overwrites every row's tenant_id with the scope's
        // before COPY or INSERT (see its tests in tests/app/seed.rs and transfer.rs).
        "bulk/load.rs",
    ];
    let db = src().join("db");
    let mut offences = Vec::new();
    for file in rust_files(&db) {
        let rel = file.strip_prefix(&db).unwrap().to_str().unwrap().replace('\\', "/");
        if matches!(rel.as_str(), "schema.rs" | "scope.rs") || ALLOWED.contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains("schema::$") || line.contains("INSERT INTO {") {
                offences.push(format!("src/db/{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(offences.is_empty(), "generic table access outside the bulk loader:\n{}", offences.join("\n"));
    let loader = std::fs::read_to_string(db.join("bulk/load.rs")).unwrap();
    assert!(loader.contains("schema::$table"), "the bulk loader changed shape; update this scan");
}
