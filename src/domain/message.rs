//! A message for people, as a catalogue key and its arguments: what the rules, the forms
//! and the notices say, before anyone knows which language it will be read in. The web
//! layer reads it out in the reader's language (`i18n::Tr::msg`).

use serde::{Deserialize, Serialize};

/// A catalogue key (`locales/*/*.ftl`) with named arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Msg {
    pub key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

/// An argument, formatted in the reader's language: text as it is, a number (which also
/// picks the plural form), an amount of the organization's currency, a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    Text(String),
    Number(i64),
    Money(i64),
    Date(chrono::NaiveDate),
    /// Another message, read in the same language (an enum's label, a refusal's reason).
    Msg(Box<Msg>),
}

impl Msg {
    pub fn new(key: &str) -> Self {
        Self { key: key.to_owned(), args: Vec::new() }
    }

    /// Adds an argument: `Msg::new("nights").arg("count", 3)`.
    pub fn arg(mut self, name: &str, value: impl ToArg) -> Self {
        self.args.push((name.to_owned(), value.to_arg()));
        self
    }

    /// Adds an amount of money, in minor units.
    pub fn money(self, name: &str, minor: i64) -> Self {
        self.arg(name, Arg::Money(minor))
    }
}

/// What can be a message's argument: text, a number, a date, another message, or a
/// reference to one of them (templates hand out references).
pub trait ToArg {
    fn to_arg(&self) -> Arg;
}

impl ToArg for str {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.to_owned())
    }
}

impl ToArg for String {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> Arg {
                Arg::Number(*self as i64)
            }
        }
    )*};
}
number_arg!(i64, i32, u32, u16, u8, usize);

impl ToArg for chrono::NaiveDate {
    fn to_arg(&self) -> Arg {
        Arg::Date(*self)
    }
}

impl ToArg for Msg {
    fn to_arg(&self) -> Arg {
        Arg::Msg(Box::new(self.clone()))
    }
}

impl ToArg for Arg {
    fn to_arg(&self) -> Arg {
        self.clone()
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg {
        (**self).to_arg()
    }
}

/// A value whose name people read comes from the catalogue: the enum-like columns
/// (`reservation-status-checked_in`), roles, plans.
pub trait Labelled {
    fn label_key(&self) -> &'static str;

    fn label_msg(&self) -> Msg {
        Msg::new(self.label_key())
    }
}

impl<T: Labelled> Labelled for &T {
    fn label_key(&self) -> &'static str {
        (*self).label_key()
    }
}
