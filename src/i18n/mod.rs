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

/// A shipped language: its tag, its formatters, and where its words go around an amount
/// and a percentage, all worked out once.
pub struct Language {
    id: LanguageIdentifier,
    tag: String,
    formats: Formats,
    patterns: Patterns,
}

/// The catalogue's `money`, `money-negative` and `percent`, read out once with markers in
/// place of the arguments: an amount is then put in place without a catalogue lookup.
struct Patterns {
    money: Pattern,
    money_negative: Pattern,
    percent: Pattern,
}

/// A message with two arguments, as the text before, between and after them, and which
/// argument comes first.
struct Pattern {
    parts: [String; 3],
    swapped: bool,
}

const FIRST: &str = "\u{E000}";
const SECOND: &str = "\u{E001}";

impl Pattern {
    /// `key` read out with `a` and `b` as markers (`b` may be absent from the message).
    fn of(id: &LanguageIdentifier, key: &str, a: &'static str, b: &'static str) -> Self {
        let mut args = Args::new();
        args.insert(Cow::Borrowed(a), FluentValue::String(Cow::Borrowed(FIRST)));
        args.insert(Cow::Borrowed(b), FluentValue::String(Cow::Borrowed(SECOND)));
        let text = CATALOGUE.try_lookup_complete(id, key, Some(&args)).unwrap_or_default();
        let (i, j) = (text.find(FIRST), text.find(SECOND));
        let swapped = matches!((i, j), (Some(i), Some(j)) if j < i);
        let mut parts: Vec<String> =
            text.split([FIRST.chars().next().unwrap(), SECOND.chars().next().unwrap()]).map(str::to_owned).collect();
        parts.resize(3, String::new());
        Self { parts: [parts[0].clone(), parts[1].clone(), parts[2].clone()], swapped }
    }

    fn fill(&self, a: &str, b: &str) -> String {
        let (x, y) = if self.swapped { (b, a) } else { (a, b) };
        let [p0, p1, p2] = &self.parts;
        let mut out = String::with_capacity(p0.len() + x.len() + p1.len() + y.len() + p2.len());
        for part in [p0.as_str(), x, p1, y, p2] {
            out.push_str(part);
        }
        out
    }
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
            let patterns = Patterns {
                money: Pattern::of(&id, "money", "symbol", "amount"),
                money_negative: Pattern::of(&id, "money-negative", "symbol", "amount"),
                percent: Pattern::of(&id, "percent", "value", "unused"),
            };
            Language { formats: Formats::new(&tag), id, tag, patterns }
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
    wanted.into_iter().map(str::trim).filter(|w| !w.is_empty()).find_map(matching_tag)
}

thread_local! {
    /// What each tag asked for negotiated to (`pt` → `pt-BR`): every signed-in request
    /// asks for its user's and organization's, so the answer is kept per worker thread.
    static NEGOTIATED: std::cell::RefCell<HashMap<String, Option<&'static Language>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// The shipped language for one tag, if any.
fn matching_tag(tag: &str) -> Option<&'static Language> {
    if let Some(exact) = by_tag(tag) {
        return Some(exact);
    }
    NEGOTIATED.with(|cache| {
        if let Some(found) = cache.borrow().get(tag) {
            return *found;
        }
        let found = tag.parse::<LanguageIdentifier>().ok().and_then(|id| matching_ids(&[id]));
        let mut cache = cache.borrow_mut();
        if cache.len() < 256 {
            cache.insert(tag.to_owned(), found);
        }
        found
    })
}

/// The best shipped language for an `Accept-Language` header, if any matches.
pub fn from_accept_language(header: &str) -> Option<&'static Language> {
    matching_ids(&fluent_langneg::accepted_languages::parse(header))
}

fn matching_ids(requested: &[LanguageIdentifier]) -> Option<&'static Language> {
    if requested.is_empty() {
        return None;
    }
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

thread_local! {
    /// Messages without arguments, read out once per language and worker thread: a page
    /// shows dozens (the navigation, the headings, the buttons).
    static PLAIN: PerLanguage = const { std::cell::RefCell::new(Vec::new()) };
    /// Each language's currency symbols (`currency-symbol`), by code.
    static SYMBOLS: PerLanguage = const { std::cell::RefCell::new(Vec::new()) };
}

/// Texts by key, one map per shipped language (in `LANGUAGES`' order).
type PerLanguage = std::cell::RefCell<Vec<HashMap<String, std::rc::Rc<str>>>>;

/// `key` of `lang` from a per-language cache of `read`'s answers.
fn cached(
    cache: &'static std::thread::LocalKey<PerLanguage>,
    lang: &'static Language,
    key: &str,
    read: impl FnOnce() -> String,
) -> String {
    let index = LANGUAGES.iter().position(|l| std::ptr::eq(l, lang)).unwrap_or(0);
    cache.with(|cache| {
        if let Some(text) = cache.borrow().get(index).and_then(|m| m.get(key)) {
            return text.to_string();
        }
        let text = read();
        let mut cache = cache.borrow_mut();
        if cache.len() <= index {
            cache.resize_with(index + 1, HashMap::new);
        }
        cache[index].insert(key.to_owned(), text.as_str().into());
        text
    })
}

/// A message without arguments.
fn plain(lang: &'static Language, key: &str) -> String {
    cached(&PLAIN, lang, key, || lookup(lang, key, None))
}

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

    /// The same currency read out in `lang` (a message in the guest's language).
    pub fn in_language(&self, lang: &'static Language) -> Self {
        Self { lang, currency: self.currency }
    }

    /// The message `key`, without arguments.
    pub fn t(&self, key: &str) -> String {
        plain(self.lang, key)
    }

    /// The message `key` with one argument: `t1("nights", "count", 3)`.
    pub fn t1(&self, key: &str, name: &str, value: impl ToArg) -> String {
        self.with(key, [(name, value.to_arg())])
    }

    pub fn t2(&self, key: &str, a: &str, va: impl ToArg, b: &str, vb: impl ToArg) -> String {
        self.with(key, [(a, va.to_arg()), (b, vb.to_arg())])
    }

    #[allow(clippy::too_many_arguments)]
    pub fn t3(&self, key: &str, a: &str, va: impl ToArg, b: &str, vb: impl ToArg, c: &str, vc: impl ToArg) -> String {
        self.with(key, [(a, va.to_arg()), (b, vb.to_arg()), (c, vc.to_arg())])
    }

    /// A message read out: its arguments formatted in this language first.
    pub fn msg(&self, msg: &Msg) -> String {
        if msg.args.is_empty() {
            return self.t(&msg.key);
        }
        self.with(&msg.key, msg.args.iter().map(|(name, arg)| (name.as_str(), arg.clone())))
    }

    /// A message whose two arguments are plain text it only places, never selects on
    /// (a chart's tooltips, sixty to a page): read out once per language, then filled in.
    pub fn place2(&self, key: &'static str, a: &'static str, va: &str, b: &'static str, vb: &str) -> String {
        thread_local! {
            static PLACED: std::cell::RefCell<HashMap<(&'static str, &'static str), std::rc::Rc<Pattern>>> =
                std::cell::RefCell::new(HashMap::new());
        }
        let pattern = PLACED.with(|cache| {
            let slot = (self.lang.tag.as_str(), key);
            if let Some(p) = cache.borrow().get(&slot) {
                return p.clone();
            }
            let p = std::rc::Rc::new(Pattern::of(&self.lang.id, key, a, b));
            cache.borrow_mut().insert(slot, p.clone());
            p
        });
        pattern.fill(va, vb)
    }

    fn with<'a>(&self, key: &str, args: impl IntoIterator<Item = (&'a str, Arg)>) -> String {
        let args: Args = args.into_iter().map(|(name, arg)| (Cow::Owned(name.to_owned()), self.value(&arg))).collect();
        lookup(self.lang, key, Some(&args))
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
        let symbol = self.symbol(currency);
        let patterns = &self.lang.patterns;
        let pattern = if minor < 0 { &patterns.money_negative } else { &patterns.money };
        pattern.fill(&symbol, &amount)
    }

    /// The catalogue's `currency-symbol` for `currency`, kept per worker thread.
    fn symbol(&self, currency: &str) -> String {
        let lang = self.lang;
        cached(&SYMBOLS, lang, currency, || lookup(lang, "currency-symbol", Some(&one("code", currency.to_owned()))))
    }

    /// A whole number with the language's grouping: `12,345`, `12.345`.
    pub fn number(&self, n: impl Whole) -> String {
        self.lang.formats.integer(n.whole())
    }

    /// A ratio (0.303) as a percentage with one decimal: `30.3%`, `30,3 %`.
    pub fn percent(&self, ratio: impl Real) -> String {
        let value = self.lang.formats.decimal(ratio.real() * 100.0, 1);
        self.lang.patterns.percent.fill(&value, "")
    }

    /// A percentage (not a ratio: 75 for 75 %) without decimals: `75%`, `75 %`.
    pub fn whole_percent(&self, percent: impl Real) -> String {
        let percent = percent.real().round_ties_even();
        let value = if percent.abs() < 1e15 {
            self.lang.formats.integer(percent as i64)
        } else {
            self.lang.formats.decimal(percent, 0)
        };
        self.lang.patterns.percent.fill(&value, "")
    }

    /// A number with `digits` decimals: `1.5`, `1,5`.
    pub fn decimal(&self, value: impl Real, digits: u8) -> String {
        self.lang.formats.decimal(value.real(), digits)
    }

    /// A day with its weekday, without the year: "Tue, Dec 1", "ter., 1 de dez.".
    pub fn day(&self, date: impl Day) -> String {
        self.dated(DateStyle::Day, date.day())
    }

    /// A date with the year: "Dec 1, 2026", "1 de dez. de 2026".
    pub fn date(&self, date: impl Day) -> String {
        self.dated(DateStyle::Date, date.day())
    }

    /// The weekday, short: "Tue", "ter.".
    pub fn weekday(&self, date: impl Day) -> String {
        self.dated(DateStyle::Weekday, date.day())
    }

    /// A date in one of the styles, kept per worker thread: pages show the same few
    /// weeks of dates over and over (the tape chart, the dashboard's chart, the lists).
    fn dated(&self, style: DateStyle, date: chrono::NaiveDate) -> String {
        thread_local! {
            static DATES: std::cell::RefCell<HashMap<(usize, DateStyle, chrono::NaiveDate), std::rc::Rc<str>>> =
                std::cell::RefCell::new(HashMap::new());
        }
        let slot = (self.lang as *const Language as usize, style, date);
        DATES.with(|cache| {
            if let Some(text) = cache.borrow().get(&slot) {
                return text.to_string();
            }
            let formats = &self.lang.formats;
            let text = match style {
                DateStyle::Day => formats.day(date),
                DateStyle::Date => formats.date(date),
                DateStyle::Weekday => formats.weekday(date),
            };
            let mut cache = cache.borrow_mut();
            if cache.len() >= 8192 {
                cache.clear();
            }
            cache.insert(slot, text.as_str().into());
            text
        })
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

    /// A wall-clock moment (a hotel's local time): the date, then `HH:MM`.
    pub fn datetime_local(&self, at: chrono::NaiveDateTime) -> String {
        format!("{} {}", self.date(at.date()), at.format("%H:%M"))
    }

    /// How this language writes numbers, for the amount fields' parser.
    pub fn separators(&self) -> Separators {
        self.lang.formats.separators()
    }

    /// An amount as an amount field shows it and reads it back (`1250,50` in Portuguese).
    pub fn amount_input(&self, minor: impl Whole) -> String {
        crate::domain::money::to_input(minor.whole(), self.currency.code(), self.separators())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum DateStyle {
    Day,
    Date,
    Weekday,
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
