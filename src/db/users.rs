//! Users are global (no tenant): one login may belong to several organizations.

use diesel::prelude::*;
use serde::Serialize;

use super::schema::users;
use super::scope::{PlatformScope, UserScope};
use super::{DbError, DbResult};
use crate::domain::ids::UserId;
use crate::domain::values::Timestamp;

#[derive(Queryable, Selectable, Clone, Serialize)]
#[diesel(table_name = users)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub full_name: String,
    #[serde(skip)]
    pub password_hash: String,
    pub is_super_admin: bool,
    pub is_active: bool,
    pub failed_logins: i32,
    pub locked_until: Option<Timestamp>,
    pub session_epoch: i32,
    pub last_login_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User").field("id", &self.id).field("email", &self.email).finish_non_exhaustive()
    }
}

#[derive(Insertable, Clone)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
pub struct NewUser {
    pub id: UserId,
    pub email: String,
    pub full_name: String,
    pub password_hash: String,
    pub is_super_admin: bool,
}

/// Emails are compared lowercased and trimmed everywhere.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

impl UserScope<'_> {
    /// The account behind a login form's email, if any.
    pub fn by_email(&mut self, email: &str) -> DbResult<Option<User>> {
        Ok(users::table
            .filter(users::email.eq(normalize_email(email)))
            .select(User::as_select())
            .first(self.conn())
            .optional()?)
    }

    pub fn me(&mut self) -> DbResult<User> {
        let id = self.user_id().ok_or(DbError::NotFound)?;
        Ok(users::table.filter(users::id.eq(id)).select(User::as_select()).first(self.conn())?)
    }
}

pub struct Users<'s, 'c>(&'s mut PlatformScope<'c>);

impl<'c> PlatformScope<'c> {
    pub fn users(&mut self) -> Users<'_, 'c> {
        Users(self)
    }
}

impl Users<'_, '_> {
    pub fn create(self, new: &NewUser) -> DbResult<UserId> {
        let now = Timestamp::now();
        diesel::insert_into(users::table)
            .values((new, users::created_at.eq(now), users::updated_at.eq(now)))
            .execute(self.0.conn())?;
        Ok(new.id)
    }

    pub fn by_email(self, email: &str) -> DbResult<Option<User>> {
        Ok(users::table
            .filter(users::email.eq(normalize_email(email)))
            .select(User::as_select())
            .first(self.0.conn())
            .optional()?)
    }

    pub fn count(self) -> DbResult<i64> {
        Ok(users::table.count().get_result(self.0.conn())?)
    }
}
