//! Money as integer minor units plus an ISO 4217 currency. Never floating point.

/// Minor-unit digits for the currencies whose exponent is not 2.
fn exponent(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "CLP" | "ISK" | "VND" | "XOF" | "XAF" | "PYG" | "UGX" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "BRL" => "R$",
        "JPY" => "¥",
        "CHF" => "CHF",
        _ => return None,
    })
}

/// Formats `minor` units of `currency` for people, e.g. `$1,234.50`, `€1.234,50` with a
/// Portuguese locale, or `NOK 1,234.50` where no symbol is known.
pub fn format(minor: i64, currency: &str, locale: &str) -> String {
    let exp = exponent(currency);
    let (group, decimal) = if locale.starts_with("pt") || locale.starts_with("de") || locale.starts_with("es") {
        ('.', ',')
    } else {
        (',', '.')
    };
    let abs = minor.unsigned_abs();
    let scale = 10u64.pow(exp);
    let whole = (abs / scale).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(ch);
    }
    if exp > 0 {
        grouped.push(decimal);
        grouped.push_str(&format!("{:0width$}", abs % scale, width = exp as usize));
    }
    let sign = if minor < 0 { "-" } else { "" };
    match symbol(currency) {
        // One-character symbols hug the number ($5.00); longer ones get a space (R$ 5,00).
        Some(sym) if sym.chars().count() == 1 => format!("{sign}{sym}{grouped}"),
        Some(sym) => format!("{sign}{sym} {grouped}"),
        None => format!("{sign}{currency} {grouped}"),
    }
}

/// The plain form an input field shows and `parse` reads back: `1234.50`.
pub fn to_input(minor: i64, currency: &str) -> String {
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

/// Parses a user-typed amount ("120", "120.5", "1,200.50") into minor units.
pub fn parse(input: &str, currency: &str) -> Option<i64> {
    let exp = exponent(currency) as usize;
    let cleaned: String = input.trim().chars().filter(|c| !matches!(c, ',' | ' ' | '_')).collect();
    if cleaned.is_empty() || cleaned.len() > 18 {
        return None;
    }
    let (whole, frac) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) || frac.len() > exp {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let frac_value: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<exp$}").parse().ok()? };
    whole.checked_mul(10i64.pow(exp as u32))?.checked_add(frac_value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_currency_and_locale() {
        assert_eq!(format(123_450, "USD", "en"), "$1,234.50");
        assert_eq!(format(123_450, "EUR", "pt"), "€1.234,50");
        assert_eq!(format(123_450, "BRL", "pt"), "R$ 1.234,50");
        assert_eq!(format(5, "USD", "en"), "$0.05");
        assert_eq!(format(-2500, "USD", "en"), "-$25.00");
        assert_eq!(format(1500, "JPY", "en"), "¥1,500");
        assert_eq!(format(1_000_000, "NOK", "en"), "NOK 10,000.00");
    }

    #[test]
    fn parses_typed_amounts() {
        assert_eq!(parse("120", "USD"), Some(12_000));
        assert_eq!(parse("120.5", "USD"), Some(12_050));
        assert_eq!(parse("1,200.05", "USD"), Some(120_005));
        assert_eq!(parse(".5", "USD"), Some(50));
        assert_eq!(parse("1.234", "USD"), None);
        assert_eq!(parse("-5", "USD"), None);
        assert_eq!(parse("abc", "USD"), None);
        assert_eq!(parse("", "USD"), None);
        assert_eq!(parse("99999999999999999", "USD"), None);
        assert_eq!(parse("1500", "JPY"), Some(1500));
        for (minor, cur) in [(12_050, "USD"), (5, "EUR"), (1500, "JPY"), (1_000_001, "BHD")] {
            assert_eq!(parse(&to_input(minor, cur), cur), Some(minor));
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

    /// The words before the amount ("Balance due", "Credit"), or "Settled" alone.
    pub fn label(self) -> &'static str {
        match self {
            Self::Due(_) => "Balance due",
            Self::Credit(_) => "Credit",
            Self::Settled => "Settled",
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
        assert_eq!((Standing::of(-1).label(), Standing::of(-1).amount()), ("Credit", Some(1)));
        assert_eq!((Standing::of(0).label(), Standing::of(0).amount()), ("Settled", None));
    }
}
