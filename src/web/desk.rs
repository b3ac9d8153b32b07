//! The web's side of the stay operations (`crate::stays`): the signed-in member as their
//! actor, and their refusals as form field messages.

use super::extract::Member;
use super::forms::FieldErrors;
use crate::db::audit::Event;
use crate::db::tenants::Tenant;
use crate::db::{DbError, TenantScope};
use crate::domain::roles::Capability;
use crate::stays::{Actor, Refused};

impl Actor for Member {
    fn can(&self, cap: Capability) -> bool {
        Member::can(self, cap)
    }

    fn tenant(&self) -> &Tenant {
        &self.acting.tenant
    }

    fn audit(&self, s: &mut TenantScope<'_>, event: Event) -> Result<(), DbError> {
        s.audit(&self.stamped(event))
    }
}

/// Adds a refusal to the form field at fault; false when no field is (the refusal is
/// about the whole operation).
pub fn refused_field(errors: &mut FieldErrors, refused: &Refused) -> bool {
    match refused.field() {
        Some(field) => {
            errors.add(field, refused.msg());
            true
        }
        None => false,
    }
}

/// Refusals as field messages (those with no field are left out).
pub fn field_errors(refusals: impl IntoIterator<Item = Refused>) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for refused in refusals {
        refused_field(&mut errors, &refused);
    }
    errors
}
