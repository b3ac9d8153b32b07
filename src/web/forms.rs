//! Form helpers: per-field error messages, and small parsers that turn typed text into
//! domain values without ever failing the request.

use crate::domain::money;
use crate::i18n::{Msg, Tr};
use std::collections::BTreeMap;

pub use crate::domain::text::{clean, looks_like_email};

/// The key of a message about the whole form (see [`FieldErrors::for_form`]).
pub const FORM: &str = "_form";

/// Messages by field name. A form with any is re-rendered with 422 and the user's input.
#[derive(Clone, Debug, Default)]
pub struct FieldErrors(BTreeMap<&'static str, Msg>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: impl Into<Msg>) {
        self.0.entry(field).or_insert_with(|| message.into());
    }

    /// The message for `field`; templates read it out with `tr.opt(errors.get("name"))`.
    pub fn get(&self, field: &str) -> Option<&Msg> {
        self.0.get(field)
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// A refusal of the whole form rather than of a field (a plan's limit): the form is
    /// shown again with what was typed and this message in its summary.
    pub fn for_form(message: impl Into<Msg>) -> Self {
        let mut e = Self::default();
        e.add(FORM, message);
        e
    }

    /// One of the messages (the first field's by name), for a refusal that is not a form.
    pub fn first(&self) -> Option<&Msg> {
        self.0.values().next()
    }

    /// Adds `other`'s messages for fields that have none yet.
    pub fn merge(&mut self, other: FieldErrors) {
        for (field, message) in other.0 {
            self.add(field, message);
        }
    }

    /// All messages on one line, read out by `tr`, for the command line and the logs:
    /// `field: message; …`.
    pub fn summary(&self, tr: &Tr) -> String {
        self.0.iter().map(|(f, m)| format!("{f}: {}", tr.msg(m))).collect::<Vec<_>>().join("; ")
    }

    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

/// One field that changed under the user's feet (optimistic locking): what they typed
/// next to what is saved now.
pub struct Diff {
    pub label: &'static str,
    pub yours: String,
    pub current: String,
}

/// The fields whose typed and saved values differ, for the conflict table.
pub fn changed<A: AsRef<str>, B: AsRef<str>>(pairs: impl IntoIterator<Item = (&'static str, A, B)>) -> Vec<Diff> {
    pairs
        .into_iter()
        .filter(|(_, a, b)| a.as_ref().trim() != b.as_ref().trim())
        .map(|(label, a, b)| Diff { label, yours: a.as_ref().to_owned(), current: b.as_ref().to_owned() })
        .collect()
}

/// Trimmed text, required, at most `max` characters.
pub fn required(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize) -> String {
    let v = clean(value);
    if v.is_empty() {
        errors.add(field, Msg::new("form-required"));
    } else if v.chars().count() > max {
        errors.add(field, Msg::new("form-too-long").arg("max", max));
    }
    v
}

/// Trimmed text or `None` when blank, at most `max` characters.
pub fn optional(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize) -> Option<String> {
    let v = clean(value);
    if v.chars().count() > max {
        errors.add(field, Msg::new("form-too-long").arg("max", max));
    }
    (!v.is_empty()).then_some(v)
}

/// A whole number in `min..=max`.
pub fn integer(errors: &mut FieldErrors, field: &'static str, value: &str, min: i64, max: i64) -> Option<i64> {
    let v = clean(value);
    match v.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        Ok(_) => {
            errors.add(field, Msg::new("form-number-range").arg("min", min).arg("max", max));
            None
        }
        Err(_) => {
            errors.add(
                field,
                if v.is_empty() {
                    Msg::new("form-required")
                } else {
                    Msg::new("form-whole-number").arg("min", min).arg("max", max)
                },
            );
            None
        }
    }
}

/// An optional whole number in `min..=max`.
/// A date typed as `2026-12-24`, or a message on `field`.
pub fn date(errors: &mut FieldErrors, field: &'static str, raw: &str) -> Option<chrono::NaiveDate> {
    let v = clean(raw);
    match day(&v) {
        Some(d) => Some(d),
        None => {
            errors.add(field, Msg::new(if v.is_empty() { "form-choose-date" } else { "form-date-format" }));
            None
        }
    }
}

/// Adds the dates' own problem (departure not after arrival, too long) to `check_out`
/// when both dates were read, so that it shows with every other field's message.
pub fn stay_dates(errors: &mut FieldErrors, check_in: Option<chrono::NaiveDate>, check_out: Option<chrono::NaiveDate>) {
    if let (Some(check_in), Some(check_out)) = (check_in, check_out) {
        if let Err(problem) = crate::domain::booking::check_dates(check_in, check_out) {
            errors.add("check_out", problem.msg());
        }
    }
}

/// An amount above zero of the organization's currency, typed the way the reader's
/// language writes numbers (`25,50` in Portuguese, `25.50` in English); a message showing
/// that format otherwise.
pub fn amount(errors: &mut FieldErrors, field: &'static str, value: &str, tr: &Tr) -> Option<i64> {
    match money::parse(value, tr.currency(), tr.separators()) {
        Ok(0) => errors.add(field, Msg::new("amount-above-zero")),
        Ok(minor) => return Some(minor),
        Err(e) => errors.add(field, e.msg()),
    }
    None
}

/// An amount, zero allowed (a rate, a price), typed the reader's way.
pub fn amount_or_zero(errors: &mut FieldErrors, field: &'static str, value: &str, tr: &Tr) -> Option<i64> {
    money::parse(value, tr.currency(), tr.separators()).map_err(|e| errors.add(field, e.msg())).ok()
}

/// A signed number with up to two decimals, typed the reader's way (`-10`, `12,5`), in
/// hundredths: a percentage (`-1000` for −10 %) or, with `money`, an amount of the
/// organization's currency. Blank is zero.
pub fn signed(errors: &mut FieldErrors, field: &'static str, value: &str, tr: &Tr, money: bool) -> Option<i64> {
    let v = clean(value);
    let (negative, digits) = match v.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim()),
        None => (false, v.strip_prefix('+').unwrap_or(&v).trim()),
    };
    if digits.is_empty() {
        return Some(0);
    }
    let currency = if money { tr.currency() } else { PERCENT_UNITS };
    match money::parse(digits, currency, tr.separators()) {
        Ok(minor) => Some(if negative { -minor } else { minor }),
        Err(e) => {
            errors.add(field, e.msg());
            None
        }
    }
}

/// A currency code with two minor digits, for reading a percentage in hundredths.
const PERCENT_UNITS: &str = "XXX";

/// Hundredths of a percent as a form shows them: `-10`, `12,5`.
pub fn percent_input(bp: i64, tr: &Tr) -> String {
    let text = money::to_input(bp, PERCENT_UNITS, tr.separators());
    let decimal = tr.separators().decimal;
    text.trim_end_matches('0').trim_end_matches(decimal).to_owned()
}

pub fn optional_integer(errors: &mut FieldErrors, field: &'static str, value: &str, min: i64, max: i64) -> Option<i64> {
    if clean(value).is_empty() {
        None
    } else {
        integer(errors, field, value, min, max)
    }
}

/// A code like `NYC` or `STD-2`: upper-cased letters, digits and dashes.
pub fn code(errors: &mut FieldErrors, field: &'static str, value: &str) -> String {
    let v = clean(value).to_uppercase();
    if v.is_empty() {
        errors.add(field, Msg::new("form-required"));
    } else if !crate::domain::text::is_code(&v) {
        errors.add(field, Msg::new("form-code"));
    }
    v
}

/// An email address (lower-cased), or `None` when blank.
pub fn optional_email(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<String> {
    let v = clean(value).to_lowercase();
    if v.is_empty() {
        return None;
    }
    if !looks_like_email(&v) {
        errors.add(field, Msg::new("form-email"));
    }
    Some(v)
}

/// An IANA timezone name.
pub fn timezone(errors: &mut FieldErrors, field: &'static str, value: &str) -> String {
    let v = clean(value);
    if !crate::domain::text::is_timezone(&v) {
        errors.add(field, Msg::new("form-timezone"));
    }
    v
}

/// A value of a text enum (select box).
pub fn choice<T: std::str::FromStr>(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<T> {
    match clean(value).parse() {
        Ok(v) => Some(v),
        Err(_) => {
            errors.add(field, Msg::new("form-choose-option"));
            None
        }
    }
}

/// A record id from a select box.
pub fn id<T: std::str::FromStr>(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<T> {
    match clean(value).parse() {
        Ok(v) => Some(v),
        Err(_) => {
            errors.add(field, Msg::new("form-choose-option"));
            None
        }
    }
}

/// A calendar date typed as `YYYY-MM-DD`, between 1900 and 2200. The range keeps every
/// later `date + days` far from chrono's limits, where it would panic.
pub fn day(raw: &str) -> Option<chrono::NaiveDate> {
    let d = chrono::NaiveDate::parse_from_str(clean(raw).as_str(), "%Y-%m-%d").ok()?;
    (1900..=2200).contains(&chrono::Datelike::year(&d)).then_some(d)
}

/// The `version` an edit form saw, for optimistic locking.
pub fn version(value: &str) -> i32 {
    clean(value).parse().unwrap_or(0)
}

/// Common timezones for select boxes (any IANA name is accepted when typed).
pub const TIMEZONES: &[&str] = &[
    "UTC",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "America/Mexico_City",
    "Europe/Lisbon",
    "Europe/London",
    "Europe/Madrid",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Rome",
    "Atlantic/Madeira",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsers_collect_messages() {
        let mut e = FieldErrors::default();
        assert_eq!(required(&mut e, "name", "  Ritz \0 ", 50), "Ritz");
        assert_eq!(code(&mut e, "code", " nyc-1 "), "NYC-1");
        assert!(e.is_empty());
        required(&mut e, "name", "   ", 50);
        code(&mut e, "code", "no spaces!");
        integer(&mut e, "floor", "abc", 0, 10);
        optional_email(&mut e, "email", "not-an-email");
        timezone(&mut e, "tz", "Mars/Olympus");
        assert_eq!(e.len(), 5);
        assert!(e.has("name") && e.has("code") && e.has("floor") && e.has("email") && e.has("tz"));
        assert!(day("2026-02-28").is_some());
        assert_eq!(day("9999-12-31"), None);
        assert_eq!(day("2026-02-30"), None);
        assert_eq!(day("yesterday"), None);
    }
}
