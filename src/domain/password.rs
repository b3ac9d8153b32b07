//! Password hashing with argon2id (PHC strings). CPU-heavy: call it on the blocking pool.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::OnceLock;

use super::message::Msg;

pub const MIN_LENGTH: usize = 10;

/// Why a kiosk PIN is refused: 4 to 8 digits, not one digit repeated, not a run up or
/// down (`1234`, `8765`), the first guesses of anyone at the desk.
pub fn pin_problem(pin: &str) -> Option<Msg> {
    if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Msg::new("rule-pin-digits"));
    }
    let digits: Vec<i16> = pin.bytes().map(|b| i16::from(b - b'0')).collect();
    let steps: Vec<i16> = digits.windows(2).map(|w| w[1] - w[0]).collect();
    if steps.iter().all(|s| *s == 0) || steps.iter().all(|s| *s == 1) || steps.iter().all(|s| *s == -1) {
        return Some(Msg::new("rule-pin-guessable"));
    }
    None
}

/// An initial password to show once: 16 hex digits (64 bits) from the OS's generator.
pub fn generate() -> String {
    use argon2::password_hash::rand_core::RngCore;
    let mut bytes = [0u8; 8];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash password: {e}"))
}

/// True when `password` matches the stored PHC string.
pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod pin_tests {
    fn pin_problem(pin: &str) -> Option<String> {
        super::pin_problem(pin).map(|m| crate::i18n::Tr::english().msg(&m))
    }

    #[test]
    fn pins_are_four_to_eight_digits_and_not_the_first_guesses() {
        for good in ["2580", "13579", "40718362", "0042"] {
            assert_eq!(pin_problem(good), None, "{good}");
        }
        for short_or_not_digits in ["", "123", "123456789", "12a4", "１２３４", " 2580"] {
            assert_eq!(
                pin_problem(short_or_not_digits).as_deref(),
                Some("A PIN is 4 to 8 digits."),
                "{short_or_not_digits:?}"
            );
        }
        for guess in ["0000", "1234", "4321", "56789", "98765432"] {
            assert!(pin_problem(guess).unwrap().contains("run such as 1234"), "{guess}");
        }
    }
}

/// Spends the same time as a real check, for unknown emails, so that response time does
/// not tell which accounts exist.
pub fn verify_dummy(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let stored = DUMMY.get_or_init(|| hash("hotelier-dummy-password").unwrap_or_default());
    let _ = verify(password, stored);
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_verify_and_differ() {
        let a = super::hash("correct horse battery").unwrap();
        let b = super::hash("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "salted");
        assert!(super::verify("correct horse battery", &a));
        assert!(!super::verify("wrong", &a));
        assert!(!super::verify("x", "not a hash"));
    }
}
