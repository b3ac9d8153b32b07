//! Languages: which one a person reads, and reading messages out in it.
//!
//! * The catalogues are Project Fluent files, `locales/<tag>/*.ftl`, one directory per
//!   language. `fluent-templates` embeds them at compile time and parses them once, on
//!   first use; a third language is a new directory and nothing else.
//! * [`negotiate`] picks a shipped language for what is asked (a user's own setting, the
//!   organization's locale, the browser's `Accept-Language`), with `fluent-langneg`.
//! * [`Tr`] is what pages, notices and messages are read out with: a language and the
//!   organization's currency. Numbers, amounts, percentages and dates are formatted from
//!   CLDR data by ICU4X (`format.rs`); the words and their order come from the catalogue.

mod format;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

pub use crate::domain::message::{Arg, Labelled, Msg, ToArg};
use crate::domain::money::Separators;
pub use format::Formats;

fluent_templates::static_loader! {
    static CATALOGUE = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: the pages are HTML, and the
        // marks would show up in form values and in tests' text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The directory every catalogue lives in, for the tests that read the files.
pub const CATALOGUE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");

/// The default language, and the one the command line and the logs speak.
pub const DEFAULT: &str = "en";

/// A shipped language: its tag, and its formatters built once.
pub struct Language {
    id: LanguageIdentifier,
    tag: String,
    formats: Formats,
}

impl Language {
    /// The BCP 47 tag, for `<html lang>` and the settings: `en`, `pt-BR`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    pub fn formats(&self) -> &Formats {
        &self.formats
    }

    /// The language's own name for itself, for the language menu: "English", "Português (Brasil)".
    pub fn name(&self) -> String {
        lookup(self, "language-name", None)
    }
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.tag)
    }
}

static LANGUAGES: LazyLock<Vec<Language>> = LazyLock::new(|| {
    let mut ids: Vec<LanguageIdentifier> = CATALOGUE.locales().cloned().collect();
    // The default first, then by tag: a stable order for menus.
    ids.sort_by_key(|id| (*id != DEFAULT, id.to_string()));
    ids.into_iter()
        .map(|id| {
            let tag = id.to_string();
            Language { formats: Formats::new(&tag), id, tag }
        })
        .collect()
});

/// Every shipped language, the default first.
pub fn languages() -> &'static [Language] {
    &LANGUAGES
}

/// The default language (`en`).
pub fn default_language() -> &'static Language {
    &LANGUAGES[0]
}

/// The shipped language with exactly this tag (a stored setting).
pub fn by_tag(tag: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.tag.eq_ignore_ascii_case(tag))
}

/// The best shipped language for `wanted`, most wanted first (`["pt"]` gives `pt-BR`);
/// blanks and unknown tags are skipped; the default when nothing matches.
pub fn negotiate<'a>(wanted: impl IntoIterator<Item = &'a str>) -> &'static Language {
    matching(wanted).unwrap_or_else(default_language)
}

/// The same, or `None` when no shipped language matches.
pub fn matching<'a>(wanted: impl IntoIterator<Item = &'a str>) -> Option<&'static Language> {
    let requested: Vec<LanguageIdentifier> =
        wanted.into_iter().filter(|w| !w.trim().is_empty()).filter_map(|w| w.trim().parse().ok()).collect();
    matching_ids(&requested)
}

/// The best shipped language for an `Accept-Language` header, if any matches.
pub fn from_accept_language(header: &str) -> Option<&'static Language> {
    matching_ids(&fluent_langneg::accepted_languages::parse(header))
}

fn matching_ids(requested: &[LanguageIdentifier]) -> Option<&'static Language> {
    let available: Vec<&LanguageIdentifier> = LANGUAGES.iter().map(|l| &l.id).collect();
    let chosen =
        fluent_langneg::negotiate_languages(requested, &available, None, fluent_langneg::NegotiationStrategy::Lookup);
    chosen.first().and_then(|id| LANGUAGES.iter().find(|l| &&l.id == *id))
}

/// The language of a signed-in user: their own setting, then the organization's locale,
/// then the default.
pub fn for_user(own: Option<&str>, org_locale: Option<&str>) -> &'static Language {
    negotiate(own.into_iter().chain(org_locale))
}

type Args = HashMap<Cow<'static, str>, FluentValue<'static>>;

fn lookup(lang: &Language, key: &str, args: Option<&Args>) -> String {
    CATALOGUE.try_lookup_complete(&lang.id, key, args).unwrap_or_else(|| {
        tracing::warn!(key, language = %lang.tag, "no such catalogue key");
        if let Ok(mut missing) = MISSING.lock() {
            if missing.len() < 1000 {
                missing.insert(key.to_owned());
            }
        }
        key.to_owned()
    })
}

/// The keys looked up since start that no catalogue has (the page showed the key): the
/// language tests walk every page and then expect none.
static MISSING: std::sync::Mutex<std::collections::BTreeSet<String>> =
    std::sync::Mutex::new(std::collections::BTreeSet::new());

pub fn missing_keys() -> Vec<String> {
    MISSING.lock().map(|m| m.iter().cloned().collect()).unwrap_or_default()
}

/// An ISO 4217 code, three letters, so that a [`Tr`] is `Copy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const USD: Currency = Currency(*b"USD");

    /// The code, or USD when it is not three ASCII letters (the database checks it is).
    pub fn of(code: &str) -> Self {
        match code.as_bytes() {
            [a, b, c] if code.bytes().all(|b| b.is_ascii_alphabetic()) => {
                Currency([a.to_ascii_uppercase(), b.to_ascii_uppercase(), c.to_ascii_uppercase()])
            }
            _ => Self::USD,
        }
    }

    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("USD")
    }
}

/// Reads messages and values out for one person: their language, and the organization's
/// currency for amounts. Pages reach it as `chrome`, `frame` or `tr`
/// (`{{ chrome.t("nav-dashboard") }}`).
#[derive(Clone, Copy, Debug)]
pub struct Tr {
    lang: &'static Language,
    currency: Currency,
}

impl Default for Tr {
    fn default() -> Self {
        Self::new(default_language(), Currency::USD)
    }
}

impl Tr {
    pub fn new(lang: &'static Language, currency: Currency) -> Self {
        Self { lang, currency }
    }

    /// English, for the command line and the logs.
    pub fn english() -> Self {
        Self::default()
    }

    pub fn language(&self) -> &'static Language {
        self.lang
    }

    /// The tag, for `<html lang>`.
    pub fn lang(&self) -> &str {
        self.lang.tag()
    }

    pub fn currency(&self) -> &str {
        self.currency.code()
    }

    /// The message `key`, without arguments.
    pub fn t(&self, key: &str) -> String {
        lookup(self.lang, key, None)
    }

    /// The message `key` with one argument: `t1("nights", "count", 3)`.
    pub fn t1(&self, key: &str, name: &str, value: impl ToArg) -> String {
        self.msg(&Msg::new(key).arg(name, value))
    }

    pub fn t2(&self, key: &str, a: &str, va: impl ToArg, b: &str, vb: impl ToArg) -> String {
        self.msg(&Msg::new(key).arg(a, va).arg(b, vb))
    }

    #[allow(clippy::too_many_arguments)]
    pub fn t3(&self, key: &str, a: &str, va: impl ToArg, b: &str, vb: impl ToArg, c: &str, vc: impl ToArg) -> String {
        self.msg(&Msg::new(key).arg(a, va).arg(b, vb).arg(c, vc))
    }

    /// A message read out: its arguments formatted in this language first.
    pub fn msg(&self, msg: &Msg) -> String {
        if msg.args.is_empty() {
            return self.t(&msg.key);
        }
        let args: Args = msg.args.iter().map(|(name, arg)| (Cow::Owned(name.clone()), self.value(arg))).collect();
        lookup(self.lang, &msg.key, Some(&args))
    }

    /// A message that may be absent (a field's error), or "".
    pub fn opt(&self, msg: Option<&Msg>) -> String {
        msg.map(|m| self.msg(m)).unwrap_or_default()
    }

    fn value(&self, arg: &Arg) -> FluentValue<'static> {
        match arg {
            Arg::Text(s) => FluentValue::String(Cow::Owned(s.clone())),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Money(minor) => FluentValue::String(Cow::Owned(self.money(*minor))),
            Arg::Date(d) => FluentValue::String(Cow::Owned(self.day(*d))),
            Arg::Msg(m) => FluentValue::String(Cow::Owned(self.msg(m))),
        }
    }

    /// An enum's label (a status, a role, a payment method).
    pub fn label(&self, value: impl Labelled) -> String {
        self.t(value.label_key())
    }

    /// An amount of the organization's currency: `R$ 1.234,56`, `$1,234.56`.
    pub fn money(&self, minor: impl Whole) -> String {
        self.money_in(minor.whole(), self.currency.code())
    }

    /// An amount of another currency (the platform's figures).
    pub fn money_in(&self, minor: i64, currency: &str) -> String {
        let amount = self.lang.formats.amount(minor.unsigned_abs() as i64, currency);
        let symbol = lookup(self.lang, "currency-symbol", Some(&one("code", currency.to_owned())));
        let key = if minor < 0 { "money-negative" } else { "money" };
        let mut args = one("amount", amount);
        args.insert(Cow::Borrowed("symbol"), FluentValue::String(Cow::Owned(symbol)));
        lookup(self.lang, key, Some(&args))
    }

    /// A whole number with the language's grouping: `12,345`, `12.345`.
    pub fn number(&self, n: impl Whole) -> String {
        self.lang.formats.integer(n.whole())
    }

    /// A ratio (0.303) as a percentage with one decimal: `30.3%`, `30,3 %`.
    pub fn percent(&self, ratio: impl Real) -> String {
        let value = self.lang.formats.decimal(ratio.real() * 100.0, 1);
        lookup(self.lang, "percent", Some(&one("value", value)))
    }

    /// A number with `digits` decimals: `1.5`, `1,5`.
    pub fn decimal(&self, value: impl Real, digits: u8) -> String {
        self.lang.formats.decimal(value.real(), digits)
    }

    /// A day with its weekday, without the year: "Tue, Dec 1", "ter., 1 de dez.".
    pub fn day(&self, date: impl Day) -> String {
        self.lang.formats.day(date.day())
    }

    /// A date with the year: "Dec 1, 2026", "1 de dez. de 2026".
    pub fn date(&self, date: impl Day) -> String {
        self.lang.formats.date(date.day())
    }

    /// The weekday, short: "Tue", "ter.".
    pub fn weekday(&self, date: impl Day) -> String {
        self.lang.formats.weekday(date.day())
    }

    /// A month and year: "Dec 2026", "dez. de 2026".
    pub fn month(&self, date: impl Day) -> String {
        self.lang.formats.month(date.day())
    }

    /// A moment in UTC: the date with the year, and the time: "Dec 1, 2026 14:05".
    pub fn datetime(&self, at: impl Moment) -> String {
        let at = at.moment();
        format!("{} {}", self.date(at.date_naive()), at.format("%H:%M"))
    }

    /// How this language writes numbers, for the amount fields' parser.
    pub fn separators(&self) -> Separators {
        self.lang.formats.separators()
    }

    /// An amount as an amount field shows it and reads it back (`1250,50` in Portuguese).
    pub fn amount_input(&self, minor: impl Whole) -> String {
        crate::domain::money::to_input_with(minor.whole(), self.currency.code(), self.separators())
    }
}

/// What the date formats take: a date, or a reference to one (templates hand out
/// references).
pub trait Day {
    fn day(&self) -> chrono::NaiveDate;
}

impl Day for chrono::NaiveDate {
    fn day(&self) -> chrono::NaiveDate {
        *self
    }
}

/// What the date-and-time format takes: a timestamp, a chrono UTC time, or a reference.
pub trait Moment {
    fn moment(&self) -> chrono::DateTime<chrono::Utc>;
}

impl Moment for crate::domain::Timestamp {
    fn moment(&self) -> chrono::DateTime<chrono::Utc> {
        self.0
    }
}

impl Moment for chrono::DateTime<chrono::Utc> {
    fn moment(&self) -> chrono::DateTime<chrono::Utc> {
        *self
    }
}

impl<T: Moment + ?Sized> Moment for &T {
    fn moment(&self) -> chrono::DateTime<chrono::Utc> {
        (**self).moment()
    }
}

/// What the number and money formats take: a whole number of any width, or a reference.
pub trait Whole {
    fn whole(&self) -> i64;
}

/// What the percentage and decimal formats take.
pub trait Real {
    fn real(&self) -> f64;
}

macro_rules! whole {
    ($($t:ty),*) => {$(
        impl Whole for $t {
            fn whole(&self) -> i64 {
                *self as i64
            }
        }
    )*};
}
whole!(i64, i32, u32, usize);

impl Real for f64 {
    fn real(&self) -> f64 {
        *self
    }
}

impl Real for f32 {
    fn real(&self) -> f64 {
        f64::from(*self)
    }
}

impl<T: Day + ?Sized> Day for &T {
    fn day(&self) -> chrono::NaiveDate {
        (**self).day()
    }
}

impl<T: Whole + ?Sized> Whole for &T {
    fn whole(&self) -> i64 {
        (**self).whole()
    }
}

impl<T: Real + ?Sized> Real for &T {
    fn real(&self) -> f64 {
        (**self).real()
    }
}

fn one(name: &'static str, value: String) -> Args {
    let mut args = Args::new();
    args.insert(Cow::Borrowed(name), FluentValue::String(Cow::Owned(value)));
    args
}

#[cfg(test)]
mod tests;
