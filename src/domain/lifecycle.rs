//! An organization's status lifecycle (issue 5):
//! trial → active → suspended → active; active ⇄ inactive;
//! active | suspended | inactive → cancelled (a soft delete; the data stays for export).

use super::enums::TenantStatus as S;

pub fn allowed(from: S, to: S) -> bool {
    matches!(
        (from, to),
        (S::Trial, S::Active)
            | (S::Active, S::Suspended)
            | (S::Suspended, S::Active)
            | (S::Active, S::Inactive)
            | (S::Inactive, S::Active)
            | (S::Active | S::Suspended | S::Inactive, S::Cancelled)
    )
}

/// The statuses an organization in `from` can move to, for the console's form.
pub fn next(from: S) -> Vec<S> {
    S::ALL.iter().copied().filter(|to| allowed(from, *to)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair, against the list above.
    #[test]
    fn every_status_change() {
        let yes = [
            (S::Trial, S::Active),
            (S::Active, S::Suspended),
            (S::Suspended, S::Active),
            (S::Active, S::Inactive),
            (S::Inactive, S::Active),
            (S::Active, S::Cancelled),
            (S::Suspended, S::Cancelled),
            (S::Inactive, S::Cancelled),
        ];
        for from in S::ALL {
            for to in S::ALL {
                assert_eq!(allowed(*from, *to), yes.contains(&(*from, *to)), "{from:?} -> {to:?}");
            }
        }
        assert!(next(S::Cancelled).is_empty(), "cancelled is final");
    }
}
