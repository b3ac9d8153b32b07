//! How an audit row reads on the audit log page: each field that changed as "field: old →
//! new", money in the organization's currency, records by their code or name rather than
//! their ids, and states by their labels. Pure functions over the stored JSON.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::domain::money;

/// Keys that carry money in minor units.
const MONEY: &[&str] = &["amount", "nightly_rate", "total_amount", "base_rate", "owed", "balance", "rate"];
/// Keys that only say when or which version: noise on the page.
const SKIPPED: &[&str] = &["tenant_id", "id", "created_at", "updated_at", "version", "password_hash"];

/// One field of an audit row, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub field: String,
    /// `None` when the field is new (an event with only an "after").
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What turns raw values into words: the names of the records a page's rows mention, and
/// the organization's money format.
pub struct Vocabulary<'a> {
    /// Record id (as text) → its code or name ("Room 101", "AABC123 · Ana Silva").
    pub names: &'a HashMap<String, String>,
    pub currency: &'a str,
    pub locale: &'a str,
}

impl Vocabulary<'_> {
    /// `value` of `key` in words.
    pub fn word(&self, key: &str, value: &Value) -> String {
        match value {
            Value::Null => "—".into(),
            Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
            Value::Number(n) if MONEY.contains(&key) => match n.as_i64() {
                Some(minor) => money::format(minor, self.currency, self.locale),
                None => n.to_string(),
            },
            Value::Number(n) => n.to_string(),
            Value::String(s) => self.text(s),
            Value::Array(items) if items.is_empty() => "none".into(),
            Value::Array(items) => items.iter().map(|v| self.word(key, v)).collect::<Vec<_>>().join(", "),
            Value::Object(_) => value.to_string(),
        }
    }

    fn text(&self, s: &str) -> String {
        if let Some(name) = self.names.get(s) {
            return name.clone();
        }
        if uuid::Uuid::parse_str(s).is_ok() {
            // A record the page does not name (a folio entry, or one since removed).
            return format!("#{}", &s[..8]);
        }
        // Enum values (`checked_in`, `out_of_order`) read as their labels.
        if !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return label(s);
        }
        s.to_owned()
    }

    /// The fields of an audit row: those that differ between `before` and `after`, or
    /// every field of the one that is there.
    pub fn changes(&self, before: Option<&Value>, after: Option<&Value>) -> Vec<Change> {
        let empty = Map::new();
        let object = |v: Option<&Value>| match v {
            Some(Value::Object(map)) => Some(map.clone()),
            Some(other) => Some(Map::from_iter([("value".to_owned(), other.clone())])),
            None => None,
        };
        let (b, a) = (object(before), object(after));
        let (bm, am) = (b.as_ref().unwrap_or(&empty), a.as_ref().unwrap_or(&empty));
        let mut seen = std::collections::HashSet::new();
        bm.keys()
            .chain(am.keys())
            .filter(|k| seen.insert(k.as_str()) && !SKIPPED.contains(&k.as_str()))
            .filter(|k| bm.get(k.as_str()) != am.get(k.as_str()))
            .map(|k| Change {
                field: label(k),
                old: b.as_ref().map(|m| self.word(k, m.get(k.as_str()).unwrap_or(&Value::Null))),
                new: a.as_ref().map(|m| self.word(k, m.get(k.as_str()).unwrap_or(&Value::Null))),
            })
            .collect()
    }
}

/// `housekeeping_status` → "Housekeeping status", `room_id` → "Room".
pub fn label(key: &str) -> String {
    let spaced = key.strip_suffix("_id").unwrap_or(key).replace(['_', '.'], " ");
    let mut chars = spaced.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn words<'a>(names: &'a HashMap<String, String>) -> Vocabulary<'a> {
        Vocabulary { names, currency: "BRL", locale: "pt" }
    }

    #[test]
    fn a_change_reads_as_field_old_to_new_in_words() {
        let room = "01a233f0-236a-75aa-a3a9-688f6d18fb9d";
        let names = HashMap::from([(room.to_owned(), "Room 101".to_owned())]);
        let v = words(&names);
        let before =
            json!({ "status": "confirmed", "nightly_rate": 15900, "room_id": null, "version": 1, "vip": false });
        let after =
            json!({ "status": "checked_in", "nightly_rate": 15900, "room_id": room, "version": 2, "vip": true });
        assert_eq!(
            v.changes(Some(&before), Some(&after)),
            vec![
                Change { field: "Room".into(), old: Some("—".into()), new: Some("Room 101".into()) },
                Change { field: "Status".into(), old: Some("Confirmed".into()), new: Some("Checked in".into()) },
                Change { field: "Vip".into(), old: Some("no".into()), new: Some("yes".into()) },
            ]
        );
    }

    #[test]
    fn money_is_formatted_and_unknown_ids_are_not_shown() {
        let names = HashMap::new();
        let v = words(&names);
        let after = json!({ "entry": "01a233f0-236a-75aa-a3a9-688f6d18fb9d", "amount": 127550, "method": "cash",
                            "description": "Frigobar do quarto" });
        let changes = v.changes(None, Some(&after));
        let shown: Vec<(String, Option<String>, Option<String>)> =
            changes.into_iter().map(|c| (c.field, c.old, c.new)).collect();
        assert_eq!(
            shown,
            vec![
                ("Amount".into(), None, Some("R$ 1.275,50".into())),
                ("Description".into(), None, Some("Frigobar do quarto".into())),
                ("Entry".into(), None, Some("#01a233f0".into())),
                ("Method".into(), None, Some("Cash".into())),
            ]
        );
    }
}
