//! Messages to guests, as rules with no I/O: which events send what, the merge fields a
//! template may name, filling them in, the HTML part, and the worker's retry schedule.
//!
//! A template is plain text with merge fields in double braces (`{{guest_name}}`). The
//! text part is the template filled in; the HTML part is the same text escaped, in
//! paragraphs, so that nothing a guest or the desk typed (a name, a note) can become
//! markup. The shipped wording of each event lives in the catalogues
//! (`locales/*/messages.ftl`), read out with each field bound to its own placeholder.

use super::enums::MessageEvent;

/// Every merge field, in the order the template editor lists them.
pub const FIELDS: &[&str] = &[
    "guest_name",
    "hotel",
    "check_in",
    "check_out",
    "nights",
    "room_type",
    "code",
    "total",
    "balance",
    "check_in_time",
    "check_out_time",
    "hotel_phone",
    "hotel_email",
    "hotel_address",
    "penalty",
    "invoice_number",
];

/// Why the worker set an event aside instead of sending it: the guest, as they are when
/// it is due, does not take it. Stored as its key in the message's `last_error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    NoAddress,
    NoEmail,
    NoMarketing,
    /// A reminder of a stay no longer confirmed.
    StayEnded,
}

impl Skip {
    pub const ALL: [Skip; 4] = [Skip::NoAddress, Skip::NoEmail, Skip::NoMarketing, Skip::StayEnded];

    pub fn key(self) -> &'static str {
        match self {
            Skip::NoAddress => "skipped-no-address",
            Skip::NoEmail => "skipped-no-email",
            Skip::NoMarketing => "skipped-no-marketing",
            Skip::StayEnded => "skipped-stay-ended",
        }
    }

    /// The thread's words for it.
    pub fn label_key(self) -> String {
        format!("thread-{}", self.key())
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// How many times the worker tries a message before marking it failed.
pub const MAX_ATTEMPTS: i32 = 5;

/// The longest subject and body a template may have (the tables' checks).
pub const SUBJECT_MAX: usize = 200;
pub const BODY_MAX: usize = 10_000;

impl MessageEvent {
    /// The events a hotel has templates for (all but the desk's own one-off messages).
    pub const TEMPLATED: &'static [MessageEvent] = &[
        MessageEvent::BookingConfirmed,
        MessageEvent::BookingChanged,
        MessageEvent::Cancelled,
        MessageEvent::PreArrival,
        MessageEvent::PostStay,
        MessageEvent::InvoiceIssued,
    ];

    /// Marketing rather than service: a guest who asked for no marketing does not get it.
    pub fn is_marketing(self) -> bool {
        self == MessageEvent::PostStay
    }

    /// The catalogue keys of the shipped subject and body.
    pub fn default_keys(self) -> (String, String) {
        let event = self.as_str().replace('_', "-");
        (format!("message-{event}-subject"), format!("message-{event}-body"))
    }
}

/// The values of a stay's merge fields, by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merge(Vec<(&'static str, String)>);

impl Merge {
    pub fn set(&mut self, field: &'static str, value: impl Into<String>) -> &mut Self {
        debug_assert!(FIELDS.contains(&field), "unknown merge field {field}");
        match self.0.iter_mut().find(|(name, _)| *name == field) {
            Some(slot) => slot.1 = value.into(),
            None => self.0.push((field, value.into())),
        }
        self
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|(name, _)| *name == field).map(|(_, v)| v.as_str())
    }

    /// Every field with its placeholder as its value: reading a catalogue's default out
    /// with these gives the template text a hotel edits.
    pub fn placeholders() -> Vec<(&'static str, String)> {
        FIELDS.iter().map(|f| (*f, format!("{{{{{f}}}}}"))).collect()
    }
}

/// `template` with each known `{{field}}` replaced by its value (empty when the stay has
/// none). Anything else in braces is left as written.
pub fn fill(template: &str, merge: &Merge) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) if FIELDS.contains(&after[..end].trim()) => {
                out.push_str(merge.get(after[..end].trim()).unwrap_or(""));
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{{names}}` in `template` that are not merge fields, for the editor to refuse.
pub fn unknown_fields(template: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let name = after[..end].trim();
        if !FIELDS.contains(&name) && !unknown.iter().any(|u| u == name) {
            unknown.push(name.chars().take(40).collect());
        }
        rest = &after[end + 2..];
    }
    unknown
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The HTML part of a message: its text (already filled in) escaped, blank lines making
/// paragraphs and single line breaks kept, under the hotel's name.
pub fn html(lang: &str, hotel: &str, text: &str) -> String {
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape_html(p).replace('\n', "<br>\n")))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{hotel}</title></head>\n\
         <body style=\"font-family: sans-serif; line-height: 1.5; color: #1f2937; max-width: 40em\">\n\
         <h1 style=\"font-size: 1.25em\">{hotel}</h1>\n{body}\n</body></html>\n",
        lang = escape_html(lang),
        hotel = escape_html(hotel),
        body = paragraphs.join("\n"),
    )
}

/// The text with the hotel's signature under it.
pub fn signed(text: &str, signature: Option<&str>) -> String {
    match signature.map(str::trim).filter(|s| !s.is_empty()) {
        Some(sig) => format!("{}\n\n{sig}\n", text.trim_end()),
        None => format!("{}\n", text.trim_end()),
    }
}

/// How long the worker waits before trying a message again after `attempts` tries: one
/// minute, then 5, 15, 60, doubling, at most a day.
pub fn retry_delay(attempts: i32) -> chrono::Duration {
    let minutes = match attempts {
        i32::MIN..=1 => 1,
        2 => 5,
        3 => 15,
        n => (60i64 << (n - 4).min(5)).min(24 * 60),
    };
    chrono::Duration::minutes(minutes)
}

/// The plan's month at `now`: from the first of the month, 00:00 UTC.
pub fn month_start(now: chrono::DateTime<chrono::Utc>) -> super::values::Timestamp {
    use chrono::{Datelike, NaiveTime, TimeZone};
    let today = now.date_naive();
    let first = today.with_day(1).unwrap_or(today);
    super::values::Timestamp(chrono::Utc.from_utc_datetime(&first.and_time(NaiveTime::MIN)))
}

/// How the plan's monthly messages stand: the share used, and whether to warn (80 %) or
/// stop (the cap).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowance {
    Unlimited,
    Fine { used: i64, cap: i64 },
    Warn { used: i64, cap: i64 },
    Reached { used: i64, cap: i64 },
}

impl Allowance {
    pub fn of(used: i64, cap: Option<i64>) -> Self {
        match cap {
            None => Self::Unlimited,
            Some(cap) if used >= cap => Self::Reached { used, cap },
            Some(cap) if used * 10 >= cap * 8 => Self::Warn { used, cap },
            Some(cap) => Self::Fine { used, cap },
        }
    }

    pub fn reached(self) -> bool {
        matches!(self, Self::Reached { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge() -> Merge {
        let mut m = Merge::default();
        m.set("guest_name", "Ana <b>Souza</b>").set("code", "ABC123");
        m
    }

    #[test]
    fn fills_known_fields_and_leaves_the_rest() {
        let text = fill("Dear {{guest_name}}, code {{ code }}. {{nope}} {{hotel}} {{", &merge());
        assert_eq!(text, "Dear Ana <b>Souza</b>, code ABC123. {{nope}}  {{");
    }

    #[test]
    fn names_unknown_fields_once() {
        assert_eq!(unknown_fields("{{guest_name}} {{gest_name}} {{gest_name}} {{x}}"), ["gest_name", "x"]);
        assert!(unknown_fields("{{code}} and {{").is_empty());
    }

    #[test]
    fn the_html_part_escapes_what_was_typed() {
        let page = html("en", "Casa & Mar", &fill("Hello {{guest_name}}\n\nsee you\nsoon", &merge()));
        assert!(page.contains("<title>Casa &amp; Mar</title>"));
        assert!(page.contains("<p>Hello Ana &lt;b&gt;Souza&lt;/b&gt;</p>"));
        assert!(page.contains("<p>see you<br>\nsoon</p>"));
        assert!(!page.contains("<b>"));
    }

    #[test]
    fn placeholders_read_back_as_fields() {
        let names: Vec<_> = Merge::placeholders().into_iter().map(|(_, p)| p).collect();
        assert_eq!(names[0], "{{guest_name}}");
        assert!(unknown_fields(&names.join(" ")).is_empty());
    }

    #[test]
    fn retries_back_off_to_a_day() {
        let minutes: Vec<i64> = (1..=12).map(|a| retry_delay(a).num_minutes()).collect();
        assert_eq!(minutes, [1, 5, 15, 60, 120, 240, 480, 960, 1440, 1440, 1440, 1440]);
    }

    #[test]
    fn the_allowance_warns_at_eighty_percent() {
        assert_eq!(Allowance::of(79, Some(100)), Allowance::Fine { used: 79, cap: 100 });
        assert_eq!(Allowance::of(80, Some(100)), Allowance::Warn { used: 80, cap: 100 });
        assert!(Allowance::of(100, Some(100)).reached());
        assert_eq!(Allowance::of(10_000, None), Allowance::Unlimited);
    }
}
