//! How an audit row reads on the audit log page: each field that changed as "field: old →
//! new", money in the organization's currency, records by their code or name rather than
//! their ids, and states by their labels, in the reader's language. Pure functions over the
//! stored JSON.
//!
//! The fields, record kinds and stored values the app writes have catalogue names
//! (`audit-field-<key>`, `audit-entity-<kind>`, `audit-value-<value>`); anything else
//! (a key an older version wrote) reads as its key made into words.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::i18n::Tr;

/// Keys that carry money in minor units.
const MONEY: &[&str] = &["amount", "nightly_rate", "total_amount", "base_rate", "owed", "balance", "rate"];
/// Keys that only say when or which version: noise on the page.
const SKIPPED: &[&str] = &["tenant_id", "id", "created_at", "updated_at", "version", "password_hash"];
/// Keys whose values are codes, shown as stored.
const CODES: &[&str] = &["language"];

/// The fields with a catalogue name, `audit-field-<key>`.
pub const FIELDS: &[&str] = &[
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
    "business_date",
    "hotel_id",
    "description",
    "base_occupancy",
    "max_occupancy",
    "base_rate",
    "room_type_id",
    "number",
    "floor",
    "housekeeping_status",
    "notes",
    "first_name",
    "last_name",
    "document_type",
    "document_number",
    "nationality",
    "vip",
    "room_id",
    "guest_id",
    "confirmation_code",
    "check_in",
    "check_out",
    "adults",
    "children",
    "status",
    "nightly_rate",
    "total_amount",
    "source",
    "cancellation_reason",
    "confirmed_at",
    "checked_in_at",
    "checked_out_at",
    "cancelled_at",
    "no_show_at",
    "created_by",
    "user_id",
    "role",
    "permissions",
    "is_primary",
    "assigned_at",
    "expires_at",
    "last_accessed_at",
    "slug",
    "kind",
    "currency",
    "locale",
    "plan",
    "trial_ends_at",
    "settings",
    "deleted_at",
    "reason",
    "failures",
    "locked_until",
    "super_admin",
    "values",
    "ended",
    "set",
    "by",
    "date",
    "room",
    "because",
    "starts_on",
    "ends_on",
    "removed",
    "released",
    "in_house",
    "entry",
    "amount",
    "method",
    "void",
    "override",
    "new_account",
    "owner",
    "hotel",
    "rows",
    "linked_users",
    "created_users",
    "no_shows",
    "charges_posted",
    "value",
    "language",
];

/// The record kinds with a catalogue name, `audit-entity-<kind>`.
pub const ENTITIES: &[&str] = &["hotel", "room_type", "room", "guest", "membership", "tenant", "user", "reservation"];

/// The stored values with a catalogue name, `audit-value-<value>`: statuses, kinds,
/// sources, methods, roles, plans.
pub const VALUES: &[&str] = &[
    "pending",
    "confirmed",
    "checked_in",
    "checked_out",
    "cancelled",
    "no_show",
    "clean",
    "dirty",
    "inspected",
    "out_of_order",
    "out_of_service",
    "direct",
    "phone",
    "walk_in",
    "website",
    "ota",
    "corporate",
    "agent",
    "room_charge",
    "charge",
    "payment",
    "refund",
    "discount",
    "cash",
    "card",
    "bank_transfer",
    "voucher",
    "city_ledger",
    "other",
    "passport",
    "national_id",
    "driving_licence",
    "owner",
    "admin",
    "manager",
    "staff",
    "viewer",
    "chain",
    "independent",
    "franchise",
    "management_company",
    "vacation_rental",
    "trial",
    "active",
    "suspended",
    "inactive",
    "starter",
    "professional",
    "enterprise",
    "night_audit",
];

/// One field of an audit row, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub field: String,
    /// `None` when the field is new (an event with only an "after").
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What turns raw values into words: the names of the records a page's rows mention, and
/// the reader's language with the organization's currency.
pub struct Vocabulary<'a> {
    /// Record id (as text) → its code or name ("Room 101", "AABC123 · Ana Silva").
    pub names: &'a HashMap<String, String>,
    pub tr: Tr,
}

impl Vocabulary<'_> {
    /// `value` of `key` in words.
    pub fn word(&self, key: &str, value: &Value) -> String {
        match value {
            Value::Null => "—".into(),
            Value::Bool(b) => self.tr.t(if *b { "audit-yes" } else { "audit-no" }),
            Value::Number(n) if MONEY.contains(&key) => match n.as_i64() {
                Some(minor) => self.tr.money(minor),
                None => n.to_string(),
            },
            Value::Number(n) => n.to_string(),
            Value::String(s) if CODES.contains(&key) => s.clone(),
            Value::String(s) => self.text(s),
            Value::Array(items) if items.is_empty() => self.tr.t("audit-none"),
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
            return named(&self.tr, "audit-value-", VALUES, s);
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
                field: field(&self.tr, k),
                old: b.as_ref().map(|m| self.word(k, m.get(k.as_str()).unwrap_or(&Value::Null))),
                new: a.as_ref().map(|m| self.word(k, m.get(k.as_str()).unwrap_or(&Value::Null))),
            })
            .collect()
    }
}

/// A field's name: `housekeeping_status` → "Housekeeping status".
pub fn field(tr: &Tr, key: &str) -> String {
    named(tr, "audit-field-", FIELDS, key)
}

/// A record kind's name: `room_type` → "Room type".
pub fn entity(tr: &Tr, kind: &str) -> String {
    named(tr, "audit-entity-", ENTITIES, kind)
}

/// `key`'s catalogue name when `known` lists it, else the key in words.
fn named(tr: &Tr, prefix: &str, known: &[&str], key: &str) -> String {
    if known.contains(&key) {
        tr.t(&format!("{prefix}{key}"))
    } else {
        words(key)
    }
}

/// `housekeeping_status` → "Housekeeping status", `room_id` → "Room": a key the catalogue
/// does not name, in words.
pub fn words(key: &str) -> String {
    let spaced = key.strip_suffix("_id").unwrap_or(key).replace(['_', '.'], " ");
    let mut chars = spaced.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{by_tag, Currency};
    use serde_json::json;

    fn reader(tag: &str) -> Tr {
        Tr::new(by_tag(tag).expect("a shipped language"), Currency::of("BRL"))
    }

    #[test]
    fn a_change_reads_as_field_old_to_new_in_words() {
        let room = "01a233f0-236a-75aa-a3a9-688f6d18fb9d";
        let names = HashMap::from([(room.to_owned(), "Room 101".to_owned())]);
        let v = Vocabulary { names: &names, tr: reader("en") };
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
        let v = Vocabulary { names: &names, tr: reader("pt-BR") };
        let after = json!({ "entry": "01a233f0-236a-75aa-a3a9-688f6d18fb9d", "amount": 127550, "method": "cash",
                            "description": "Frigobar do quarto" });
        let changes = v.changes(None, Some(&after));
        let shown: Vec<(String, Option<String>, Option<String>)> =
            changes.into_iter().map(|c| (c.field, c.old, c.new)).collect();
        assert_eq!(
            shown,
            vec![
                ("Valor".into(), None, Some("R$ 1.275,50".into())),
                ("Descrição".into(), None, Some("Frigobar do quarto".into())),
                ("Lançamento".into(), None, Some("#01a233f0".into())),
                ("Forma de pagamento".into(), None, Some("Dinheiro".into())),
            ]
        );
    }

    #[test]
    fn keys_the_catalogue_does_not_name_read_as_words() {
        let names = HashMap::new();
        let v = Vocabulary { names: &names, tr: reader("pt-BR") };
        let after = json!({ "legacy_flag": "some_state", "language": "en" });
        let shown: Vec<(String, Option<String>)> =
            v.changes(None, Some(&after)).into_iter().map(|c| (c.field, c.new)).collect();
        assert_eq!(
            shown,
            vec![("Idioma".into(), Some("en".into())), ("Legacy flag".into(), Some("Some state".into()))]
        );
    }

    /// The English names are the keys in words, as the log read before it was translated.
    #[test]
    fn the_english_names_are_the_keys_in_words() {
        let en = reader("en");
        for (prefix, known) in [("audit-field-", FIELDS), ("audit-entity-", ENTITIES), ("audit-value-", VALUES)] {
            for key in known {
                assert_eq!(en.t(&format!("{prefix}{key}")), words(key), "{prefix}{key}");
            }
        }
    }
}
