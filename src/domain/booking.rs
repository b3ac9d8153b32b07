//! Rules about stays that need no database.

use rand::Rng;

/// Letters and digits that cannot be misheard or misread (no 0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const CODE_LENGTH: usize = 8;

/// A confirmation code short enough to read aloud: 8 characters from 31, about 8.5e11
/// codes, unique per organization (the database enforces it).
pub fn confirmation_code(rng: &mut impl Rng) -> String {
    (0..CODE_LENGTH).map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_readable() {
        let mut rng = rand::thread_rng();
        for _ in 0..100 {
            let code = confirmation_code(&mut rng);
            assert_eq!(code.len(), CODE_LENGTH);
            assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        }
    }
}
