//! The catalogues agree with each other and with the code: every language has every key,
//! every key a template or the code names exists, and formats round-trip.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use super::*;

fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == ext) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Each language's keys (messages and terms), from its directory's files; fails on a file
/// that does not parse and on a key defined twice.
fn catalogues() -> BTreeMap<String, BTreeSet<String>> {
    let mut languages = BTreeMap::new();
    for dir in std::fs::read_dir(CATALOGUE_DIR).expect("locales/").map(|e| e.expect("entry").path()) {
        if !dir.is_dir() {
            continue;
        }
        let tag = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut keys = BTreeSet::new();
        for file in files_under(&dir, "ftl") {
            let text = std::fs::read_to_string(&file).expect("read .ftl");
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
            for entry in resource.body {
                let id = match entry {
                    ast::Entry::Message(m) => m.id.name.to_owned(),
                    ast::Entry::Term(t) => format!("-{}", t.id.name),
                    ast::Entry::Junk { content } => panic!("{}: cannot read {content:?}", file.display()),
                    _ => continue,
                };
                assert!(keys.insert(id.clone()), "{}: {id} is defined twice in {tag}", file.display());
            }
        }
        languages.insert(tag, keys);
    }
    languages
}

#[test]
fn every_language_has_every_key() {
    let files = catalogues();
    let english = files.get(DEFAULT).expect("an English catalogue");
    assert!(files.contains_key("pt-BR"), "Brazilian Portuguese ships");
    for (tag, keys) in &files {
        let missing: Vec<_> = english.difference(keys).collect();
        let extra: Vec<_> = keys.difference(english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{tag} lacks {missing:?} and has keys English lacks: {extra:?}"
        );
    }
    // What the loader serves is what the files say: every shipped language is loaded.
    let loaded: BTreeSet<String> = languages().iter().map(|l| l.tag().to_owned()).collect();
    assert_eq!(loaded, files.keys().cloned().collect());
}

/// The string literal after each `marker` in `text`: `t("key"` gives `key`.
fn literals_after<'a>(text: &'a str, marker: &str) -> Vec<&'a str> {
    text.match_indices(marker)
        .filter_map(|(at, _)| {
            let rest = &text[at + marker.len()..];
            rest.split('"').next().filter(|k| !k.is_empty() && !k.contains(char::is_whitespace))
        })
        .collect()
}

#[test]
fn every_key_the_templates_and_the_code_name_exists() {
    let english = catalogues().remove(DEFAULT).expect("English");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut named: Vec<(String, String)> = Vec::new();
    let sources = files_under(&root.join("templates"), "html").into_iter().chain(files_under(&root.join("src"), "rs"));
    for file in sources {
        let text = std::fs::read_to_string(&file).expect("read source");
        // Comments name keys as examples.
        let text: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
        let short = file.strip_prefix(root).unwrap_or(&file).display().to_string();
        for marker in [".t(\"", ".t1(\"", ".t2(\"", ".t3(\"", "Msg::new(\""] {
            for key in literals_after(&text, marker) {
                named.push((short.clone(), key.to_owned()));
            }
        }
    }
    assert!(named.len() > 200, "the scan found only {} keys", named.len());
    let unknown: Vec<_> = named.iter().filter(|(_, key)| !english.contains(key)).collect();
    assert!(unknown.is_empty(), "keys no catalogue has: {unknown:?}");
}

#[test]
fn every_stored_value_has_a_label() {
    use crate::domain::*;
    let mut keys: Vec<&'static str> = Vec::new();
    keys.extend(TenantKind::ALL.iter().map(|v| v.label_key()));
    keys.extend(TenantStatus::ALL.iter().map(|v| v.label_key()));
    keys.extend(Plan::ALL.iter().map(|v| v.label_key()));
    keys.extend(Role::ALL.iter().map(|v| v.label_key()));
    keys.extend(HousekeepingStatus::ALL.iter().map(|v| v.label_key()));
    keys.extend(ReservationStatus::ALL.iter().map(|v| v.label_key()));
    keys.extend(ReservationSource::ALL.iter().map(|v| v.label_key()));
    keys.extend(FolioKind::ALL.iter().map(|v| v.label_key()));
    keys.extend(BlockKind::ALL.iter().map(|v| v.label_key()));
    keys.extend(PaymentMethod::ALL.iter().map(|v| v.label_key()));
    keys.extend(DocumentType::ALL.iter().map(|v| v.label_key()));
    keys.extend(MessageEvent::ALL.iter().map(|v| v.label_key()));
    keys.extend(OutboxStatus::ALL.iter().map(|v| v.label_key()));
    keys.extend(roles::Capability::ALL.iter().map(|v| v.label_key()));
    keys.extend(stay::Action::ALL.iter().map(|v| v.label_key()));
    let english = catalogues().remove(DEFAULT).expect("English");
    let unknown: Vec<_> = keys.iter().filter(|k| !english.contains(**k)).collect();
    assert!(unknown.is_empty(), "labels no catalogue has: {unknown:?}");
}

#[test]
fn languages_are_negotiated() {
    assert_eq!(negotiate(["pt"]).tag(), "pt-BR");
    assert_eq!(negotiate(["pt-PT"]).tag(), "pt-BR");
    assert_eq!(negotiate(["pt-BR"]).tag(), "pt-BR");
    assert_eq!(negotiate(["en-US"]).tag(), "en");
    assert_eq!(negotiate(["de", "fr"]).tag(), "en");
    assert_eq!(negotiate(["", "pt"]).tag(), "pt-BR");
    // The user's own language first, then the organization's.
    assert_eq!(for_user(Some("en"), Some("pt")).tag(), "en");
    assert_eq!(for_user(None, Some("pt")).tag(), "pt-BR");
    assert_eq!(for_user(None, None).tag(), "en");
    assert_eq!(from_accept_language("pt-BR,pt;q=0.9,en;q=0.8").map(Language::tag), Some("pt-BR"));
    assert_eq!(from_accept_language("fr-CA,fr;q=0.9").map(Language::tag), None);
}

fn tr(tag: &str, currency: &str) -> Tr {
    Tr::new(by_tag(tag).expect("shipped"), Currency::of(currency))
}

#[test]
fn money_formats_and_reads_back_in_each_language() {
    let (pt, en) = (tr("pt-BR", "BRL"), tr("en", "USD"));
    assert_eq!(pt.money(123_456), "R$ 1.234,56");
    assert_eq!(en.money(123_456), "$1,234.56");
    assert_eq!(tr("en", "EUR").money(123_456), "€1,234.56");
    assert_eq!(pt.money(-2_550), "-R$ 25,50");
    assert_eq!(tr("en", "JPY").money(1_234), "¥1,234");
    for t in [pt, en, tr("en", "EUR"), tr("pt-BR", "USD"), tr("en", "JPY"), tr("pt-BR", "BHD")] {
        for minor in [0, 5, 2_550, 123_456, 100_000_001] {
            let typed = t.amount_input(minor);
            let read = crate::domain::money::parse(&typed, t.currency(), t.separators());
            assert_eq!(read, Ok(minor), "{} {} {typed}", t.lang(), t.currency());
        }
    }
    // What a person types with grouping, the way the language writes it.
    assert_eq!(crate::domain::money::parse("1.234,56", "BRL", pt.separators()), Ok(123_456));
    assert_eq!(crate::domain::money::parse("1,234.56", "USD", en.separators()), Ok(123_456));
    assert!(crate::domain::money::parse("25.50", "BRL", pt.separators()).is_err());
}

#[test]
fn dates_and_percentages_follow_the_language() {
    let (pt, en) = (tr("pt-BR", "BRL"), tr("en", "USD"));
    let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(pt.day(d), "ter., 1 de dez.");
    assert_eq!(en.day(d), "Tue, Dec 1");
    assert_eq!(pt.weekday(d), "ter.");
    assert_eq!(en.weekday(d), "Tue");
    assert_eq!(pt.date(d), "1 de dez. de 2026");
    assert_eq!(en.date(d), "Dec 1, 2026");
    assert_eq!(pt.percent(0.303), "30,3 %");
    assert_eq!(en.percent(0.303), "30.3%");
    assert_eq!(pt.percent(1.0), "100,0 %");
    assert_eq!(en.number(12_345), "12,345");
    assert_eq!(pt.number(12_345), "12.345");
}

#[test]
fn plurals_and_arguments() {
    let (pt, en) = (tr("pt-BR", "BRL"), tr("en", "USD"));
    assert_eq!(en.t1("form-fix-fields", "count", 1), "Please fix 1 field below.");
    assert_eq!(en.t1("form-fix-fields", "count", 3), "Please fix 3 fields below.");
    assert_eq!(pt.t1("form-fix-fields", "count", 1), "Corrija 1 campo abaixo.");
    assert_eq!(pt.t1("form-fix-fields", "count", 3), "Corrija 3 campos abaixo.");
    let due = Msg::new("standing-due").money("amount", 7_550);
    assert_eq!(pt.msg(&due), "Saldo devedor R$ 75,50");
    assert_eq!(en.msg(&due), "Balance due $75.50");
    assert_eq!(pt.label(crate::domain::ReservationStatus::CheckedIn), "Hospedada");
}
