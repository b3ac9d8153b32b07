//! Text search for every list that has a search box: the LIKE patterns (with the user's
//! wildcards escaped) and the expressions they are matched against.

use diesel::expression::SqlLiteral;
use diesel::sql_types::Text;

/// The escape character of every pattern made here (`LIKE … ESCAPE '\'`).
pub(super) const ESCAPE: char = '\\';

/// `term` with LIKE's wildcards escaped, so that a search for `50%` means the text "50%".
fn escaped(term: &str) -> String {
    term.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// Contains `term`, trimmed, case-insensitively: matched against lower-cased text.
pub(super) fn like_pattern(term: &str) -> String {
    format!("%{}%", escaped(&term.trim().to_lowercase()))
}

/// Starts with `term`, exactly as typed.
pub(super) fn prefix_pattern(term: &str) -> String {
    format!("{}%", escaped(term))
}

/// A guest's full name, lower-cased: `lower(first_name || ' ' || last_name)` over
/// `guests` (the guest list, and the reservations search by name).
pub(super) fn guest_name() -> SqlLiteral<Text> {
    diesel::dsl::sql::<Text>("lower(first_name || ' ' || last_name)")
}

/// What a company is found by, lower-cased: its name, tax id and email (the companies
/// list).
pub(super) fn company_text() -> SqlLiteral<Text> {
    diesel::dsl::sql::<Text>("lower(name || ' ' || coalesce(tax_id, '') || ' ' || coalesce(email, ''))")
}
