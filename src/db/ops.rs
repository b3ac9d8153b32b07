//! Operator commands from the command line: creating a super admin, the night audit.

use super::scope::PlatformGrant;
use super::users::{normalize_email, NewUser};
use super::{Access, Db, DbError};
use crate::domain::ids::UserId;
use crate::domain::password;
use crate::stays::{Refused, StayError};

pub fn create_superadmin(db: &Db, email: &str, name: &str, plain_password: &str) -> anyhow::Result<UserId> {
    let email = normalize_email(email);
    anyhow::ensure!(email.contains('@') && email.len() <= 254, "`{email}` is not an email address");
    anyhow::ensure!(!name.trim().is_empty(), "the name must not be empty");
    anyhow::ensure!(
        plain_password.chars().count() >= password::MIN_LENGTH,
        "the password must have at least {} characters",
        password::MIN_LENGTH
    );
    let hash = password::hash(plain_password)?;
    let new = NewUser {
        id: UserId::new(),
        email: email.clone(),
        full_name: name.trim().into(),
        password_hash: hash,
        is_super_admin: true,
    };
    db.platform(&PlatformGrant::operator(), Access::Write, |p| p.users().create(&new)).map_err(|e| match e {
        DbError::Conflict(_) => anyhow::anyhow!("a user with the email {email} already exists"),
        other => anyhow::Error::new(other),
    })
}

/// `hotelier night-audit`: closes a business date for one hotel of one organization.
pub fn night_audit(
    db: &Db,
    slug: &str,
    hotel_code: &str,
    date: Option<chrono::NaiveDate>,
) -> anyhow::Result<crate::stays::NightAuditReport> {
    let grant = PlatformGrant::operator();
    let tenant = db.platform(&grant, Access::Read, |p| p.tenants().by_slug(slug)).map_err(|e| match e {
        DbError::NotFound => anyhow::anyhow!("no organization with the slug `{slug}`"),
        other => anyhow::Error::new(other),
    })?;
    // A tenant transaction, as the hotel page's button runs it: other instances hear that
    // this organization changed, nothing more.
    db.tenant(tenant.id, None, Access::Write, |s| {
        let hotel = s.hotels().by_code(&hotel_code.trim().to_uppercase()).map_err(|e| match e {
            DbError::NotFound => anyhow::anyhow!("{slug} has no hotel with the code `{hotel_code}`"),
            other => anyhow::Error::new(other),
        })?;
        crate::stays::night_audit(s, &hotel, date).map_err(|e| match e {
            // One line for the operator, without the page's advice.
            StayError::Refused(Refused::AuditTooEarly { day, hotel }) => {
                anyhow::anyhow!("{day} has not happened yet at {hotel}")
            }
            other => anyhow::Error::new(other),
        })
    })
}

/// `hotelier tenant create`: onboarding from the command line. Returns the result and
/// the owner's initial password when the account is new.
pub fn create_tenant(
    db: &Db,
    onboarding: &super::onboarding::Onboarding,
) -> anyhow::Result<super::onboarding::Onboarded> {
    db.platform(&PlatformGrant::operator(), Access::Write, |p| p.onboard(onboarding)).map_err(|e| match e {
        DbError::Conflict(super::Constraint::TenantSlug) => {
            anyhow::anyhow!("the slug `{}` is taken", onboarding.tenant.slug)
        }
        other => anyhow::Error::new(other),
    })
}

/// `hotelier doctor`: the isolation health report, read as the operator.
pub fn isolation_report(db: &Db) -> anyhow::Result<super::isolation::IsolationReport> {
    Ok(db.platform(&PlatformGrant::operator(), Access::Read, |p| p.isolation_report())?)
}

/// `hotelier tenant export`: one organization as a JSON document, from one snapshot.
pub fn export_tenant(
    db: &Db,
    slug: &str,
    out: &mut dyn std::io::Write,
    options: super::transfer::ExportOptions,
) -> anyhow::Result<super::transfer::TableCounts> {
    let grant = PlatformGrant::operator();
    let tenant = db.platform(&grant, Access::Read, |p| p.tenants().by_slug(slug)).map_err(|e| match e {
        DbError::NotFound => anyhow::anyhow!("no organization with the slug `{slug}`"),
        other => anyhow::Error::new(other),
    })?;
    Ok(db.platform(&grant, Access::Snapshot, |p| p.tenant(tenant.id).export(out, options))?)
}
