//! Rules for typed text that the web forms (`web::forms` re-exports these) and inputs
//! checked outside the web (the onboarding request) share.

/// Removes surrounding space and control characters (NUL included), which no field wants.
pub fn clean(value: &str) -> String {
    value.trim().chars().filter(|c| !c.is_control() || *c == '\n').collect::<String>().trim().to_owned()
}

/// Roughly an email address: one `@`, a dot in the domain, no spaces.
pub fn looks_like_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && v.len() <= 254
        && !v.contains(char::is_whitespace)
}

/// A code like `NYC` or `STD-2` (already upper-cased): up to 16 letters, digits or
/// dashes, not starting with a dash.
pub fn is_code(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= 16
        && !v.starts_with('-')
        && v.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// An IANA timezone name.
pub fn is_timezone(v: &str) -> bool {
    v.parse::<chrono_tz::Tz>().is_ok()
}
