//! Money as integer minor units plus an ISO 4217 currency. Never floating point.

/// Minor-unit digits for the currencies whose exponent is not 2.
pub fn exponent(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "CLP" | "ISK" | "VND" | "XOF" | "XAF" | "PYG" | "UGX" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

/// How a language writes numbers: the grouping and the decimal separator (`i18n` reads
/// them off CLDR: `1,250.00` in English, `1.250,00` in Portuguese).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Separators {
    pub group: char,
    pub decimal: char,
}

impl Separators {
    pub const EN: Separators = Separators { group: ',', decimal: '.' };
    pub const PT: Separators = Separators { group: '.', decimal: ',' };

    /// An example amount written this way, for messages: `1,250.00` or `1.250,00`.
    pub fn example(self) -> String {
        format!("1{}250{}00", self.group, self.decimal)
    }
}

/// The amount as a form field shows it and [`parse`] reads it back: the language's
/// decimal separator, no grouping, no symbol (`1250.50`, `1250,50`).
pub fn to_input(minor: i64, currency: &str, separators: Separators) -> String {
    plain(minor, currency).replace('.', &separators.decimal.to_string())
}

/// The amount for machines (CSV, exports): `1250.50`, whatever the locale.
pub fn plain(minor: i64, currency: &str) -> String {
    let exp = exponent(currency);
    let scale = 10i64.pow(exp);
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs() as i64;
    if exp == 0 {
        format!("{sign}{abs}")
    } else {
        format!("{sign}{}.{:0width$}", abs / scale, abs % scale, width = exp as usize)
    }
}

/// Why a typed amount was not read. Each message shows the format the locale expects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    /// Not an amount written the locale's way (`25.50` in Portuguese, `1,2,3`, `-5`, `abc`).
    Format {
        example: String,
    },
    /// More decimals than the currency has (`1.234` dollars).
    Decimals {
        digits: u32,
        example: String,
    },
    /// A lone group of three without decimals, such as `1.250` in Portuguese or `1,250` in
    /// English: read one way it is 1 250, read the other way it is 1.25.
    Ambiguous {
        as_group: String,
        as_decimal: String,
        example: String,
    },
    TooLarge,
}

impl std::fmt::Display for AmountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => write!(f, "Enter an amount."),
            Self::Format { example } => write!(f, "Enter an amount such as {example}."),
            Self::Decimals { digits: 0, example } => {
                write!(f, "This currency has no cents: enter an amount such as {example}.")
            }
            Self::Decimals { digits, example } => {
                write!(f, "Use at most {digits} decimals: enter an amount such as {example}.")
            }
            Self::Ambiguous { as_group, as_decimal, example } => {
                write!(f, "This could mean {as_group} or {as_decimal}. Type the decimals too, as in {example}.")
            }
            Self::TooLarge => write!(f, "That amount is too large."),
        }
    }
}

impl AmountError {
    /// The message, from the catalogue (`amount-*`).
    pub fn msg(&self) -> crate::domain::message::Msg {
        use crate::domain::message::Msg;
        match self {
            Self::Empty => Msg::new("amount-empty"),
            Self::Format { example } => Msg::new("amount-format").arg("example", example),
            Self::Decimals { digits: 0, example } => Msg::new("amount-no-cents").arg("example", example),
            Self::Decimals { digits, example } => {
                Msg::new("amount-decimals").arg("digits", *digits).arg("example", example)
            }
            Self::Ambiguous { as_group, as_decimal, example } => Msg::new("amount-ambiguous")
                .arg("as_group", as_group)
                .arg("as_decimal", as_decimal)
                .arg("example", example),
            Self::TooLarge => Msg::new("amount-too-large"),
        }
    }
}

/// Reads a user-typed amount, written with `sep` (`i18n::Tr::separators`), into minor
/// units of `currency`. `25,50` and `1.250,00` in Portuguese; `25.50` and `1,250.00` in
/// English. Grouping is optional but, where used, must be in threes. Spaces are ignored.
pub fn parse(input: &str, currency: &str, sep: Separators) -> Result<i64, AmountError> {
    let exp = exponent(currency);
    let example = example_for(sep, exp);
    let format_error = || AmountError::Format { example: example.clone() };
    let typed: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.is_empty() {
        return Err(AmountError::Empty);
    }
    if !typed.chars().all(|c| c.is_ascii_digit() || c == sep.group || c == sep.decimal) {
        return Err(format_error());
    }
    let (whole, frac) = match typed.split_once(sep.decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (typed.as_str(), None),
    };
    let groups: Vec<&str> = whole.split(sep.group).collect();
    let grouped = groups.len() > 1;
    let well_grouped = groups[0].len() <= 3 && !groups[0].is_empty() && groups[1..].iter().all(|g| g.len() == 3);
    if (grouped && !well_grouped) || frac.is_some_and(|f| f.contains(sep.group) || f.contains(sep.decimal)) {
        return Err(format_error());
    }
    if frac.is_none() && groups.len() == 2 && exp > 0 {
        let as_decimal = format!("{}{}{}", groups[0], sep.decimal, groups[1]);
        return Err(AmountError::Ambiguous { as_group: typed.clone(), as_decimal, example });
    }
    let frac = frac.unwrap_or_default();
    if frac.len() > exp as usize {
        return Err(AmountError::Decimals { digits: exp, example });
    }
    let digits: String = groups.concat();
    if digits.is_empty() && frac.is_empty() {
        return Err(format_error());
    }
    if digits.len() > 15 {
        return Err(AmountError::TooLarge);
    }
    let whole: i64 = if digits.is_empty() { 0 } else { digits.parse().map_err(|_| AmountError::TooLarge)? };
    let width = exp as usize;
    let frac: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<width$}").parse().map_err(|_| format_error())? };
    whole.checked_mul(10i64.pow(exp)).and_then(|w| w.checked_add(frac)).ok_or(AmountError::TooLarge)
}

/// `1,250.00`, `1.250,00` or `1,250` (no decimals): what to type, for messages.
fn example_for(sep: Separators, exp: u32) -> String {
    if exp == 0 {
        format!("1{}250", sep.group)
    } else {
        format!("1{}250{}{}", sep.group, sep.decimal, "0".repeat(exp as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_the_english_way() {
        let en = |typed: &str| parse(typed, "USD", Separators::EN);
        assert_eq!(en("120"), Ok(12_000));
        assert_eq!(en("25.50"), Ok(2_550));
        assert_eq!(en("120.5"), Ok(12_050));
        assert_eq!(en(".5"), Ok(50));
        assert_eq!(en("1,250.00"), Ok(125_000));
        assert_eq!(en("1,234,567.89"), Ok(123_456_789));
        assert_eq!(en(" 1 250.00 "), Ok(125_000));
        assert_eq!(en("12,345,678"), Ok(1_234_567_800));
    }

    #[test]
    fn reads_amounts_the_portuguese_way() {
        let pt = |typed: &str| parse(typed, "BRL", Separators::PT);
        assert_eq!(pt("25,50"), Ok(2_550), "the charge that was posted as R$ 2.550,00");
        assert_eq!(pt("1.250,00"), Ok(125_000), "the amount that was refused");
        assert_eq!(pt("120"), Ok(12_000));
        assert_eq!(pt(",5"), Ok(50));
        assert_eq!(pt("1.234.567,89"), Ok(123_456_789));
        assert_eq!(parse("1.250,00", "EUR", Separators::PT), Ok(125_000));
    }

    #[test]
    fn refuses_what_the_locale_would_not_write() {
        let pt = |typed: &str| parse(typed, "BRL", Separators::PT);
        let en = |typed: &str| parse(typed, "USD", Separators::EN);
        let pt_format = Err(AmountError::Format { example: "1.250,00".into() });
        let en_format = Err(AmountError::Format { example: "1,250.00".into() });
        // The other locale's decimal point reads as a misplaced group separator.
        assert_eq!(pt("25.50"), pt_format);
        assert_eq!(en("25,50"), en_format);
        assert_eq!(en("1,250,00"), en_format, "grouping in threes only");
        assert_eq!(en("1,25.00"), en_format);
        assert_eq!(en("12345,678.00"), en_format, "the first group has at most three digits");
        assert_eq!(en("1.250,00"), en_format);
        assert_eq!(en("1.2.3"), en_format);
        assert_eq!(en("-5"), en_format);
        assert_eq!(en("abc"), en_format);
        assert_eq!(en("$5"), en_format);
        assert_eq!(en("."), en_format);
        assert_eq!(en(""), Err(AmountError::Empty));
        assert_eq!(en("   "), Err(AmountError::Empty));
        assert_eq!(en("1.234"), Err(AmountError::Decimals { digits: 2, example: "1,250.00".into() }));
        assert_eq!(
            parse("1.5", "JPY", Separators::EN),
            Err(AmountError::Decimals { digits: 0, example: "1,250".into() })
        );
        assert_eq!(en("99999999999999999"), Err(AmountError::TooLarge));
    }

    #[test]
    fn a_lone_group_of_three_could_mean_two_things() {
        let refused = parse("1.250", "BRL", Separators::PT).unwrap_err();
        assert_eq!(
            refused,
            AmountError::Ambiguous { as_group: "1.250".into(), as_decimal: "1,250".into(), example: "1.250,00".into() }
        );
        assert_eq!(refused.to_string(), "This could mean 1.250 or 1,250. Type the decimals too, as in 1.250,00.");
        assert!(matches!(parse("1,250", "USD", Separators::EN), Err(AmountError::Ambiguous { .. })));
        // With its decimals, or with two groups, it means one thing only.
        assert_eq!(parse("1.250,00", "BRL", Separators::PT), Ok(125_000));
        assert_eq!(parse("1,250.00", "USD", Separators::EN), Ok(125_000));
        assert_eq!(parse("1,250,000", "USD", Separators::EN), Ok(125_000_000));
        assert_eq!(parse("1.250", "JPY", Separators::PT), Ok(1_250), "without cents a group is only a group");
    }

    #[test]
    fn a_form_shows_amounts_as_it_reads_them() {
        assert_eq!(to_input(125_050, "BRL", Separators::PT), "1250,50");
        assert_eq!(to_input(125_050, "USD", Separators::EN), "1250.50");
        assert_eq!(to_input(1500, "JPY", Separators::PT), "1500");
        assert_eq!(plain(125_050, "BRL"), "1250.50");
        for sep in [Separators::EN, Separators::PT] {
            for (minor, cur) in [(12_050, "USD"), (5, "EUR"), (1500, "JPY"), (1_000_001, "BHD"), (0, "BRL")] {
                assert_eq!(parse(&to_input(minor, cur, sep), cur, sep), Ok(minor), "{minor} {cur} {sep:?}");
            }
        }
    }
}

/// What a folio balance means to the desk: money owed, money held for the guest, or
/// nothing either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// The guest owes this much (minor units, above zero).
    Due(i64),
    /// The guest has paid this much more than was charged (minor units, above zero).
    Credit(i64),
    Settled,
}

impl Standing {
    /// The standing of a balance (charges minus payments, minor units).
    pub fn of(balance: i64) -> Self {
        match balance {
            0 => Self::Settled,
            b if b > 0 => Self::Due(b),
            b => Self::Credit(-b),
        }
    }

    /// The catalogue key of the words around the amount ("Balance due $5.00", "Credit
    /// $5.00"), or of "Settled" alone.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Due(_) => "standing-due",
            Self::Credit(_) => "standing-credit",
            Self::Settled => "standing-settled",
        }
    }

    /// The amount to show after the label, never negative; none when settled.
    pub fn amount(self) -> Option<i64> {
        match self {
            Self::Due(a) | Self::Credit(a) => Some(a),
            Self::Settled => None,
        }
    }
}

#[cfg(test)]
mod standing_tests {
    use super::Standing;

    #[test]
    fn a_balance_reads_as_due_credit_or_settled() {
        assert_eq!(Standing::of(7_550), Standing::Due(7_550));
        assert_eq!(Standing::of(-7_550), Standing::Credit(7_550));
        assert_eq!(Standing::of(0), Standing::Settled);
        assert_eq!((Standing::of(-1).label_key(), Standing::of(-1).amount()), ("standing-credit", Some(1)));
        assert_eq!((Standing::of(0).label_key(), Standing::of(0).amount()), ("standing-settled", None));
    }
}
