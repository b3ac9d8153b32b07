//! Numbers and dates from CLDR, through ICU4X: each language's formatters, built once
//! when its catalogue is loaded. Where the words go around them (`R$ 1,00` or `$1.00`,
//! `30,3 %` or `30.3%`) is the catalogue's business (`money`, `percent`).

use chrono::Datelike;
use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{self, E, MDE, YM, YMD};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;

use crate::domain::money::Separators;

/// One language's formatters.
pub struct Formats {
    decimal: DecimalFormatter,
    day: FixedCalendarDateTimeFormatter<Gregorian, MDE>,
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, E>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    separators: Separators,
}

impl Formats {
    /// The formatters of `tag`; CLDR's root data (English-like) for a tag it does not know.
    pub fn new(tag: &str) -> Self {
        let locale = Locale::try_from_str(tag).unwrap_or(icu_locale_core::locale!("und"));
        let decimal = DecimalFormatter::try_new((&locale).into(), Default::default())
            .unwrap_or_else(|e| panic!("CLDR numbers for {tag}: {e}"));
        let separators = separators_of(&decimal);
        let prefs = (&locale).into();
        let day = FixedCalendarDateTimeFormatter::try_new(prefs, MDE::medium())
            .unwrap_or_else(|e| panic!("CLDR dates for {tag}: {e}"));
        let date = FixedCalendarDateTimeFormatter::try_new(prefs, YMD::medium())
            .unwrap_or_else(|e| panic!("CLDR dates for {tag}: {e}"));
        let weekday = FixedCalendarDateTimeFormatter::try_new(prefs, fieldsets::E::short())
            .unwrap_or_else(|e| panic!("CLDR weekdays for {tag}: {e}"));
        let month = FixedCalendarDateTimeFormatter::try_new(prefs, YM::medium())
            .unwrap_or_else(|e| panic!("CLDR months for {tag}: {e}"));
        Self { decimal, day, date, weekday, month, separators }
    }

    /// The grouping and decimal separators, for the parser of typed amounts.
    pub fn separators(&self) -> Separators {
        self.separators
    }

    /// `minor` units of `currency` without a symbol: `1,234.56`, `1.234,56`, `1,234`.
    pub fn amount(&self, minor: i64, currency: &str) -> String {
        let digits = crate::domain::money::exponent(currency) as i16;
        let mut value = Decimal::from(minor);
        value.multiply_pow10(-digits);
        value.pad_end(-digits);
        self.decimal.format(&value).to_string()
    }

    pub fn integer(&self, n: i64) -> String {
        self.decimal.format(&Decimal::from(n)).to_string()
    }

    /// `value` rounded half-even to `digits` decimals, all of them shown.
    pub fn decimal(&self, value: f64, digits: u8) -> String {
        let digits = digits as i16;
        let mut value = Decimal::try_from_f64(value, fixed_decimal::FloatPrecision::RoundTrip).unwrap_or_default();
        value.round(-digits);
        value.pad_end(-digits);
        self.decimal.format(&value).to_string()
    }

    pub fn day(&self, d: chrono::NaiveDate) -> String {
        self.day.format(&gregorian(d)).to_string()
    }

    pub fn date(&self, d: chrono::NaiveDate) -> String {
        self.date.format(&gregorian(d)).to_string()
    }

    pub fn weekday(&self, d: chrono::NaiveDate) -> String {
        self.weekday.format(&gregorian(d)).to_string()
    }

    pub fn month(&self, d: chrono::NaiveDate) -> String {
        self.month.format(&gregorian(d)).to_string()
    }
}

fn gregorian(d: chrono::NaiveDate) -> Date<Gregorian> {
    // A NaiveDate is always a valid Gregorian date.
    Date::try_new_gregorian(d.year(), d.month() as u8, d.day() as u8)
        .unwrap_or_else(|_| Date::try_new_gregorian(1970, 1, 1).unwrap())
}

/// Reads the separators off CLDR's own rendering of 1234.5 (`1,234.5`, `1.234,5`).
fn separators_of(formatter: &DecimalFormatter) -> Separators {
    let mut value = Decimal::from(12345);
    value.multiply_pow10(-1);
    let sample = formatter.format(&value).to_string();
    let chars: Vec<char> = sample.chars().collect();
    let decimal = chars.iter().rev().nth(1).copied().unwrap_or('.');
    let group = chars.get(1).copied().filter(|c| !c.is_ascii_digit()).unwrap_or(',');
    Separators { group, decimal }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cldr_formats_per_language() {
        let en = Formats::new("en");
        let pt = Formats::new("pt-BR");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(en.amount(123456, "USD"), "1,234.56");
        assert_eq!(pt.amount(123456, "BRL"), "1.234,56");
        assert_eq!(en.amount(1234, "JPY"), "1,234");
        assert_eq!(pt.decimal(30.25, 1), "30,2");
        assert_eq!(en.decimal(30.35, 1), "30.4");
        assert_eq!(en.day(d), "Tue, Dec 1");
        assert_eq!(pt.day(d), "ter., 1 de dez.");
        assert_eq!(pt.separators(), Separators { group: '.', decimal: ',' });
        assert_eq!(en.separators(), Separators { group: ',', decimal: '.' });
    }
}
