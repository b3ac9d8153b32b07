//! The isolation health report (`/platform/health`, `hotelier doctor`): is every layer
//! that keeps tenants apart actually in force on this database?
//!
//! * Row-level security (PostgreSQL): enabled, forced and with a policy on every
//!   tenant-owned table.
//! * The connected role: neither superuser nor BYPASSRLS (owning the tables is a warning:
//!   an owner could switch RLS off).
//! * Consistency: no child row whose `tenant_id` differs from its parent's, and no
//!   orphans. The composite foreign keys make both impossible; the report proves it.
//!
//! Everything runs in one platform transaction, so row-level security shows every row.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Text};
use serde::Serialize;

use super::connection::{Backend, DbConnection};
use super::health::current_role;
use super::scope::{PlatformScope, TENANT_TABLES};
use super::DbResult;

/// How a check came out. Ordered so that the worst wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Verdict {
    Ok,
    Warn,
    Fail,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Ok => "OK",
            Verdict::Warn => "Warning",
            Verdict::Fail => "FAIL",
        }
    }
}

/// One line of the report.
#[derive(Clone, Debug, Serialize)]
pub struct Check {
    pub subject: String,
    pub verdict: Verdict,
    pub detail: String,
}

impl Check {
    fn new(subject: impl Into<String>, verdict: Verdict, detail: impl Into<String>) -> Self {
        Self { subject: subject.into(), verdict, detail: detail.into() }
    }
}

/// A group of checks under one heading.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    pub title: &'static str,
    pub checks: Vec<Check>,
}

impl Section {
    pub fn verdict(&self) -> Verdict {
        self.checks.iter().map(|c| c.verdict).max().unwrap_or(Verdict::Ok)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct IsolationReport {
    pub backend: &'static str,
    pub sections: Vec<Section>,
}

impl IsolationReport {
    pub fn verdict(&self) -> Verdict {
        self.sections.iter().map(Section::verdict).max().unwrap_or(Verdict::Ok)
    }

    /// Every check that is not OK, as `subject: detail`.
    pub fn problems(&self) -> Vec<String> {
        self.sections
            .iter()
            .flat_map(|s| &s.checks)
            .filter(|c| c.verdict != Verdict::Ok)
            .map(|c| format!("{} {}: {}", c.verdict.label(), c.subject, c.detail))
            .collect()
    }

    /// The plain-text form `hotelier doctor` prints.
    pub fn to_text(&self) -> String {
        let mut out = format!("Isolation health ({}): {}\n", self.backend, self.verdict().label());
        for section in &self.sections {
            out.push_str(&format!("\n{} [{}]\n", section.title, section.verdict().label()));
            for c in &section.checks {
                out.push_str(&format!("  {:<7} {:<42} {}\n", c.verdict.label(), c.subject, c.detail));
            }
        }
        out
    }
}

/// A reference from a tenant-owned table to its parent, by id.
struct Relation {
    child: &'static str,
    column: &'static str,
    parent: &'static str,
}

/// Every reference a tenant-owned row holds. `tenants` and `users` are platform tables:
/// for them only orphans are counted (the parent has no tenant to disagree with).
const RELATIONS: &[Relation] = &[
    Relation { child: "user_tenant_associations", column: "tenant_id", parent: "tenants" },
    Relation { child: "user_tenant_associations", column: "user_id", parent: "users" },
    Relation { child: "hotels", column: "tenant_id", parent: "tenants" },
    Relation { child: "room_types", column: "hotel_id", parent: "hotels" },
    Relation { child: "rooms", column: "hotel_id", parent: "hotels" },
    Relation { child: "rooms", column: "room_type_id", parent: "room_types" },
    Relation { child: "guests", column: "tenant_id", parent: "tenants" },
    Relation { child: "reservations", column: "hotel_id", parent: "hotels" },
    Relation { child: "reservations", column: "room_type_id", parent: "room_types" },
    Relation { child: "reservations", column: "room_id", parent: "rooms" },
    Relation { child: "reservations", column: "guest_id", parent: "guests" },
    Relation { child: "folio_entries", column: "reservation_id", parent: "reservations" },
    Relation { child: "folio_entries", column: "voids_entry_id", parent: "folio_entries" },
    Relation { child: "room_blocks", column: "room_id", parent: "rooms" },
    Relation { child: "rate_plans", column: "hotel_id", parent: "hotels" },
    Relation { child: "rate_plans", column: "parent_id", parent: "rate_plans" },
    Relation { child: "rate_plan_prices", column: "rate_plan_id", parent: "rate_plans" },
    Relation { child: "rate_plan_prices", column: "room_type_id", parent: "room_types" },
    Relation { child: "rate_days", column: "rate_plan_id", parent: "rate_plans" },
    Relation { child: "rate_days", column: "room_type_id", parent: "room_types" },
    Relation { child: "reservation_nights", column: "reservation_id", parent: "reservations" },
    Relation { child: "reservation_nights", column: "rate_plan_id", parent: "rate_plans" },
    Relation { child: "tax_rules", column: "hotel_id", parent: "hotels" },
    Relation { child: "folio_taxes", column: "entry_id", parent: "folio_entries" },
    Relation { child: "folio_taxes", column: "tax_rule_id", parent: "tax_rules" },
    Relation { child: "invoice_counters", column: "hotel_id", parent: "hotels" },
    Relation { child: "invoices", column: "reservation_id", parent: "reservations" },
    Relation { child: "invoices", column: "credits_invoice_id", parent: "invoices" },
    Relation { child: "invoices", column: "company_id", parent: "companies" },
    Relation { child: "invoice_lines", column: "invoice_id", parent: "invoices" },
    Relation { child: "invoice_lines", column: "entry_id", parent: "folio_entries" },
    Relation { child: "audit_log", column: "tenant_id", parent: "tenants" },
];

#[derive(QueryableByName)]
struct RelationCounts {
    #[diesel(sql_type = BigInt)]
    mismatched: i64,
    #[diesel(sql_type = BigInt)]
    orphans: i64,
}

#[derive(QueryableByName)]
struct TableRls {
    #[diesel(sql_type = Bool)]
    enabled: bool,
    #[diesel(sql_type = Bool)]
    forced: bool,
    #[diesel(sql_type = BigInt)]
    policies: i64,
    #[diesel(sql_type = Text)]
    owner: String,
}

impl PlatformScope<'_> {
    /// The whole report. Read-only; counts scan the tenant tables once per relation.
    pub fn isolation_report(&mut self) -> DbResult<IsolationReport> {
        let backend = match self.conn() {
            DbConnection::Pg(_) => Backend::Postgres,
            DbConnection::Sqlite(_) => Backend::Sqlite,
        };
        let role = current_role(self.conn())?;
        let mut rls = Vec::new();
        let mut role_checks = Vec::new();
        match &role {
            Some(role) => {
                let verdict = if role.defeats_rls() { Verdict::Fail } else { Verdict::Ok };
                let detail = match (role.is_superuser, role.bypasses_rls) {
                    (true, _) => "superuser: row-level security does not apply to it",
                    (false, true) => "BYPASSRLS: row-level security does not apply to it",
                    (false, false) => "neither superuser nor BYPASSRLS",
                };
                role_checks.push(Check::new(format!("role {}", role.name), verdict, detail));
                for table in TENANT_TABLES {
                    rls.push(self.table_rls(table, &role.name)?);
                }
                if let Some(owned) = rls.iter().filter(|(_, owner)| *owner).map(|(c, _)| c.subject.clone()).next() {
                    role_checks.push(Check::new(
                        format!("role {}", role.name),
                        Verdict::Warn,
                        format!(
                            "owns the tables ({owned} …): an owner may switch row-level security off; \
                             run migrations as an owner role and serve as a DML-only role"
                        ),
                    ));
                }
            }
            None => role_checks.push(Check::new(
                "database",
                Verdict::Ok,
                "SQLite has no roles; the file's permissions are the boundary",
            )),
        }
        let mut rls: Vec<Check> = rls.into_iter().map(|(c, _)| c).collect();
        if backend == Backend::Sqlite {
            rls.push(Check::new(
                "all tenant tables",
                Verdict::Ok,
                "SQLite has no row-level security: the scoped DSL and composite foreign keys keep tenants apart",
            ));
        }
        let mut mismatches = Vec::new();
        let mut orphans = Vec::new();
        for rel in RELATIONS {
            let counts = self.relation_counts(rel)?;
            let subject = format!("{}.{} → {}", rel.child, rel.column, rel.parent);
            if rel.parent != "tenants" && rel.parent != "users" {
                mismatches.push(count_check(
                    &subject,
                    counts.mismatched,
                    "rows whose tenant_id differs from their parent's",
                ));
            }
            orphans.push(count_check(&subject, counts.orphans, "rows whose parent does not exist"));
        }
        Ok(IsolationReport {
            backend: backend.name(),
            sections: vec![
                Section { title: "Row-level security", checks: rls },
                Section { title: "Database role", checks: role_checks },
                Section { title: "Tenant consistency", checks: mismatches },
                Section { title: "Orphan rows", checks: orphans },
            ],
        })
    }

    /// RLS state of one table, and whether `role` owns it.
    fn table_rls(&mut self, table: &str, role: &str) -> DbResult<(Check, bool)> {
        let row: Option<TableRls> = diesel::sql_query(
            "SELECT c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced, \
                    (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid AND p.polcmd IN ('*', 'r')) AS policies, \
                    pg_get_userbyid(c.relowner)::text AS owner \
             FROM pg_class c WHERE c.oid = to_regclass($1)",
        )
        .bind::<Text, _>(table)
        .get_result(self.conn())
        .optional()?;
        Ok(match row {
            None => (Check::new(table, Verdict::Fail, "table missing"), false),
            Some(t) => {
                let mut missing = Vec::new();
                if !t.enabled {
                    missing.push("RLS not enabled");
                }
                if !t.forced {
                    missing.push("RLS not forced (the owner bypasses it)");
                }
                if t.policies == 0 {
                    missing.push("no policy for reads (every row hidden, or none filtered if RLS is off)");
                }
                let check = if missing.is_empty() {
                    Check::new(table, Verdict::Ok, format!("enabled, forced, {} policy(ies)", t.policies))
                } else {
                    Check::new(table, Verdict::Fail, missing.join("; "))
                };
                (check, t.owner == role)
            }
        })
    }

    fn relation_counts(&mut self, rel: &Relation) -> DbResult<RelationCounts> {
        let Relation { child, column, parent } = rel;
        let mismatched = if *parent == "tenants" || *parent == "users" {
            "0".to_owned()
        } else {
            format!(
                "(SELECT count(*) FROM {child} c JOIN {parent} p ON p.id = c.{column} WHERE p.tenant_id <> c.tenant_id)"
            )
        };
        // The names are this module's own constants.
        let sql = format!(
            "SELECT CAST({mismatched} AS BIGINT) AS mismatched, \
                    (SELECT count(*) FROM {child} c WHERE c.{column} IS NOT NULL \
                       AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = c.{column})) AS orphans"
        );
        Ok(diesel::sql_query(sql).get_result(self.conn())?)
    }
}

fn count_check(subject: &str, count: i64, what: &str) -> Check {
    if count == 0 {
        Check::new(subject, Verdict::Ok, "none")
    } else {
        Check::new(subject, Verdict::Fail, format!("{count} {what}"))
    }
}
