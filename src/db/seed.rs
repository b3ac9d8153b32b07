//! Operator-side writes: creating a super admin from the command line.

use super::scope::PlatformGrant;
use super::users::{normalize_email, NewUser};
use super::{Access, Db, DbError};
use crate::domain::ids::UserId;
use crate::domain::password;

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
