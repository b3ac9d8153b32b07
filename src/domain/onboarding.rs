//! Onboarding input: what the console's "new organization" form and `hotelier tenant
//! create` both send, checked into a [`NewOrganization`]. A refusal lists each field's
//! [`Problem`]; the web shows each next to its field, the command line prints them on
//! one line. Writing it is `db::onboarding`'s.

use serde::Deserialize;

use super::text::{clean, is_code, is_timezone, looks_like_email};
use super::{password, Plan, TenantKind, TenantStatus};

/// The text as typed, field by field (also the web form). No `Debug`: it holds a password.
#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct OnboardingRequest {
    pub name: String,
    pub slug: String,
    pub kind: String,
    pub plan: String,
    pub status: String,
    pub currency: String,
    pub timezone: String,
    pub locale: String,
    pub owner_email: String,
    pub owner_name: String,
    /// Empty: one is generated (and shown once).
    pub owner_password: String,
    pub hotel_code: String,
    pub hotel_name: String,
}

/// An organization, its owner and its first hotel, checked; the owner's password hashed.
/// Its `Debug` leaves the hash and a generated password out.
#[derive(Clone)]
pub struct NewOrganization {
    pub name: String,
    pub slug: String,
    pub kind: TenantKind,
    pub plan: Plan,
    pub status: TenantStatus,
    pub currency: String,
    pub timezone: String,
    pub locale: String,
    pub owner_email: String,
    pub owner_name: String,
    pub owner_password_hash: String,
    pub hotel_code: String,
    pub hotel_name: String,
    /// The owner's initial password when it was generated here.
    generated_password: Option<String>,
}

impl std::fmt::Debug for NewOrganization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewOrganization")
            .field("name", &self.name)
            .field("slug", &self.slug)
            .field("kind", &self.kind)
            .field("plan", &self.plan)
            .field("status", &self.status)
            .field("owner_email", &self.owner_email)
            .field("hotel_code", &self.hotel_code)
            .finish_non_exhaustive()
    }
}

impl NewOrganization {
    /// The initial password to show once: only a generated one, and only when the owner's
    /// account was created now (an existing account keeps its password).
    pub fn password_to_show(&self, new_account: bool) -> Option<&str> {
        self.generated_password.as_deref().filter(|_| new_account)
    }
}

/// A field of [`OnboardingRequest`], by its form name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Name,
    Slug,
    Kind,
    Plan,
    Status,
    Currency,
    Timezone,
    OwnerEmail,
    OwnerName,
    OwnerPassword,
    HotelCode,
    HotelName,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Slug => "slug",
            Self::Kind => "kind",
            Self::Plan => "plan",
            Self::Status => "status",
            Self::Currency => "currency",
            Self::Timezone => "timezone",
            Self::OwnerEmail => "owner_email",
            Self::OwnerName => "owner_name",
            Self::OwnerPassword => "owner_password",
            Self::HotelCode => "hotel_code",
            Self::HotelName => "hotel_name",
        }
    }
}

/// What is wrong with one field; [`Problem::msg`] is the message a person reads, and
/// `Display` its English (the command line's).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("This field is required.")]
    Required,
    #[error("Use at most {max} characters.")]
    TooLong { max: usize },
    #[error("Use 2 to 63 lowercase letters, digits or dashes, like harbour-hotels.")]
    Slug,
    #[error("Choose one of the options.")]
    Choice,
    #[error("A new organization starts on a trial or active.")]
    Status,
    #[error("Use a three-letter ISO 4217 code, like USD.")]
    Currency,
    #[error("Choose a timezone from the list, like Europe/Lisbon.")]
    Timezone,
    #[error("Enter the owner's email address.")]
    Email,
    #[error("Use at least {min} characters, or leave it empty to generate one.")]
    PasswordTooShort { min: usize },
    #[error("This password could not be used.")]
    PasswordUnusable,
    #[error("Use up to 16 letters, digits or dashes, starting with a letter or digit.")]
    Code,
}

impl Problem {
    /// The message a person reads next to the field (the forms' own keys where they say
    /// the same, `rule-onboarding-*` otherwise). `Display` is its English, for the command line.
    pub fn msg(&self) -> super::message::Msg {
        use super::message::Msg;
        match self {
            Self::Required => Msg::new("form-required"),
            Self::TooLong { max } => Msg::new("form-too-long").arg("max", *max),
            Self::Slug => Msg::new("rule-onboarding-slug"),
            Self::Choice => Msg::new("form-choose-option"),
            Self::Status => Msg::new("rule-onboarding-status"),
            Self::Currency => Msg::new("rule-onboarding-currency"),
            Self::Timezone => Msg::new("form-timezone"),
            Self::Email => Msg::new("rule-onboarding-email"),
            Self::PasswordTooShort { min } => Msg::new("rule-onboarding-password-short").arg("min", *min),
            Self::PasswordUnusable => Msg::new("rule-onboarding-password-unusable"),
            Self::Code => Msg::new("form-code"),
        }
    }
}

/// A refused request: one problem per field at most, in field order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Invalid(Vec<(Field, Problem)>);

impl Invalid {
    pub fn problems(&self) -> &[(Field, Problem)] {
        &self.0
    }

    /// Keeps a field's first problem only.
    fn add(&mut self, field: Field, problem: Problem) {
        if !self.0.iter().any(|(f, _)| *f == field) {
            self.0.push((field, problem));
        }
    }
}

/// All problems on one line, by field name: `field: message; …`.
impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut lines: Vec<_> = self.0.iter().map(|(field, problem)| format!("{}: {problem}", field.name())).collect();
        lines.sort();
        f.write_str(&lines.join("; "))
    }
}

impl std::error::Error for Invalid {}

impl TryFrom<&OnboardingRequest> for NewOrganization {
    type Error = Invalid;

    /// Checks every field, then hashes the owner's password (typed, or generated when left
    /// empty). Argon2 is slow on purpose: call this off the async runtime.
    fn try_from(r: &OnboardingRequest) -> Result<Self, Invalid> {
        let mut e = Invalid::default();
        let typed_password = owner_password(&mut e, &r.owner_password);
        let org = Self {
            name: required(&mut e, Field::Name, &r.name, 200),
            slug: slug(&mut e, &r.slug),
            kind: choice(&mut e, Field::Kind, &r.kind).unwrap_or(TenantKind::Independent),
            plan: choice(&mut e, Field::Plan, &r.plan).unwrap_or(Plan::Starter),
            status: status(&mut e, &r.status),
            currency: currency(&mut e, &r.currency),
            timezone: timezone(&mut e, &r.timezone),
            locale: locale(&r.locale),
            owner_email: email(&mut e, &r.owner_email),
            owner_name: required(&mut e, Field::OwnerName, &r.owner_name, 200),
            owner_password_hash: String::new(),
            hotel_code: code(&mut e, Field::HotelCode, &r.hotel_code),
            hotel_name: required(&mut e, Field::HotelName, &r.hotel_name, 200),
            generated_password: None,
        };
        if !e.0.is_empty() {
            return Err(e);
        }
        org.with_password(typed_password)
    }
}

impl NewOrganization {
    fn with_password(mut self, typed: String) -> Result<Self, Invalid> {
        let generated = typed.is_empty();
        let password = if generated { password::generate() } else { typed };
        self.owner_password_hash = password::hash(&password).map_err(|_| {
            let mut e = Invalid::default();
            e.add(Field::OwnerPassword, Problem::PasswordUnusable);
            e
        })?;
        self.generated_password = generated.then_some(password);
        Ok(self)
    }
}

fn required(e: &mut Invalid, field: Field, value: &str, max: usize) -> String {
    let v = clean(value);
    if v.is_empty() {
        e.add(field, Problem::Required);
    } else if v.chars().count() > max {
        e.add(field, Problem::TooLong { max });
    }
    v
}

fn choice<T: std::str::FromStr>(e: &mut Invalid, field: Field, value: &str) -> Option<T> {
    let parsed = clean(value).parse().ok();
    if parsed.is_none() {
        e.add(field, Problem::Choice);
    }
    parsed
}

fn slug(e: &mut Invalid, value: &str) -> String {
    let slug = clean(value).to_lowercase();
    if slug.len() < 2
        || slug.len() > 63
        || slug.starts_with('-')
        || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        e.add(Field::Slug, Problem::Slug);
    }
    slug
}

/// A new organization starts on a trial (the default) or active.
fn status(e: &mut Invalid, value: &str) -> TenantStatus {
    match clean(value).as_str() {
        "" | "trial" => TenantStatus::Trial,
        "active" => TenantStatus::Active,
        _ => {
            e.add(Field::Status, Problem::Status);
            TenantStatus::Trial
        }
    }
}

fn currency(e: &mut Invalid, value: &str) -> String {
    let currency = clean(value).to_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        e.add(Field::Currency, Problem::Currency);
    }
    currency
}

fn timezone(e: &mut Invalid, value: &str) -> String {
    let v = clean(value);
    if !is_timezone(&v) {
        e.add(Field::Timezone, Problem::Timezone);
    }
    v
}

/// `en` when blank; at most ten characters.
fn locale(value: &str) -> String {
    match clean(value) {
        l if l.is_empty() => "en".to_owned(),
        l => l.chars().take(10).collect(),
    }
}

fn email(e: &mut Invalid, value: &str) -> String {
    let email = clean(value).to_lowercase();
    if !looks_like_email(&email) {
        e.add(Field::OwnerEmail, Problem::Email);
    }
    email
}

fn code(e: &mut Invalid, field: Field, value: &str) -> String {
    let v = clean(value).to_uppercase();
    if v.is_empty() {
        e.add(field, Problem::Required);
    } else if !is_code(&v) {
        e.add(field, Problem::Code);
    }
    v
}

/// The typed password (cleaned), or "" to generate one.
fn owner_password(e: &mut Invalid, value: &str) -> String {
    let typed = clean(value);
    if !typed.is_empty() && typed.chars().count() < password::MIN_LENGTH {
        e.add(Field::OwnerPassword, Problem::PasswordTooShort { min: password::MIN_LENGTH });
    }
    typed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> OnboardingRequest {
        OnboardingRequest {
            name: " Harbour Hotels ".into(),
            slug: "Harbour-Hotels".into(),
            kind: "chain".into(),
            plan: "starter".into(),
            currency: "eur".into(),
            timezone: "Europe/Lisbon".into(),
            owner_email: "Ann@Harbour.test".into(),
            owner_name: "Ann".into(),
            hotel_code: "hh1".into(),
            hotel_name: "Harbour One".into(),
            ..OnboardingRequest::default()
        }
    }

    #[test]
    fn a_good_request_is_cleaned_and_gets_a_generated_password() {
        let org = NewOrganization::try_from(&request()).unwrap();
        assert_eq!(
            (org.name.as_str(), org.slug.as_str(), org.currency.as_str()),
            ("Harbour Hotels", "harbour-hotels", "EUR")
        );
        assert_eq!((org.kind, org.status, org.locale.as_str()), (TenantKind::Chain, TenantStatus::Trial, "en"));
        assert_eq!((org.owner_email.as_str(), org.hotel_code.as_str()), ("ann@harbour.test", "HH1"));
        let shown = org.password_to_show(true).expect("generated").to_owned();
        assert_eq!(shown.len(), 16);
        assert!(password::verify(&shown, &org.owner_password_hash));
        assert_eq!(org.password_to_show(false), None, "an existing account keeps its password");
        let debug = format!("{org:?}");
        assert!(!debug.contains(&shown) && !debug.contains(&org.owner_password_hash), "{debug}");
        assert!(debug.contains("harbour-hotels"), "{debug}");
    }

    #[test]
    fn a_typed_password_is_never_shown() {
        let org =
            NewOrganization::try_from(&OnboardingRequest { owner_password: "long-enough-pw".into(), ..request() })
                .unwrap();
        assert_eq!(org.password_to_show(true), None);
        assert!(password::verify("long-enough-pw", &org.owner_password_hash));
    }

    #[test]
    fn each_problem_reads_in_english_as_the_command_line_prints_it() {
        let all = [
            Problem::Required,
            Problem::TooLong { max: 200 },
            Problem::Slug,
            Problem::Choice,
            Problem::Status,
            Problem::Currency,
            Problem::Timezone,
            Problem::Email,
            Problem::PasswordTooShort { min: password::MIN_LENGTH },
            Problem::PasswordUnusable,
            Problem::Code,
        ];
        for problem in all {
            assert_eq!(crate::i18n::Tr::english().msg(&problem.msg()), problem.to_string());
        }
    }

    #[test]
    fn each_bad_field_has_its_problem_and_the_line_is_by_field_name() {
        let bad = OnboardingRequest {
            slug: "-x".into(),
            kind: "castle".into(),
            status: "cancelled".into(),
            owner_password: "short".into(),
            hotel_code: "-A".into(),
            name: String::new(),
            ..request()
        };
        let invalid = NewOrganization::try_from(&bad).unwrap_err();
        let fields: Vec<_> = invalid.problems().iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [Field::OwnerPassword, Field::Name, Field::Slug, Field::Kind, Field::Status, Field::HotelCode]
        );
        assert!(invalid.to_string().starts_with("hotel_code: Use up to 16 letters"), "{invalid}");
        assert!(invalid.to_string().contains("owner_password: Use at least 10 characters"), "{invalid}");
    }
}
