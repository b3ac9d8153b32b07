//! Users are global (no tenant): one login may belong to several organizations.

use diesel::prelude::*;
use serde::Serialize;

use super::schema::users;
use super::scope::{PlatformScope, UserScope};
use super::{DbError, DbResult};
use crate::domain::ids::UserId;
use crate::domain::values::Timestamp;

/// Also `Insertable`, whole, for bulk loads only (`PlatformScope::load`).
#[derive(Queryable, Selectable, Insertable, Clone, Serialize)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub full_name: String,
    #[serde(skip)]
    pub password_hash: String,
    pub is_super_admin: bool,
    pub is_active: bool,
    pub failed_logins: i32,
    pub last_failed_login_at: Option<Timestamp>,
    pub locked_until: Option<Timestamp>,
    pub session_epoch: i32,
    pub last_login_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
    /// The kiosk PIN's argon2 hash, when the user has set one.
    #[serde(skip)]
    pub kiosk_pin_hash: Option<String>,
    /// The language the user chose for their pages (a catalogue's tag); `None` follows the
    /// active organization's locale.
    pub language: Option<String>,
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

    pub fn get(self, id: UserId) -> DbResult<User> {
        Ok(users::table.filter(users::id.eq(id)).select(User::as_select()).first(self.0.conn())?)
    }

    pub fn count(self) -> DbResult<i64> {
        Ok(users::table.count().get_result(self.0.conn())?)
    }
}

/// Failures within this window count towards a lockout.
pub const FAILURE_WINDOW_MINUTES: i64 = 15;
/// Failures within the window that lock the account.
pub const MAX_FAILURES: i32 = 5;
/// How long a lockout lasts.
pub const LOCKOUT_MINUTES: i64 = 15;

impl UserScope<'_> {
    /// Counts a failed sign-in for `user` and locks the account on the fifth failure
    /// within the window. Returns the updated row.
    pub fn record_failed_login(&mut self, user: UserId) -> DbResult<User> {
        let now = chrono::Utc::now();
        let current: User = users::table.filter(users::id.eq(user)).select(User::as_select()).first(self.conn())?;
        let recent = current
            .last_failed_login_at
            .is_some_and(|t| now.signed_duration_since(t.0) < chrono::Duration::minutes(FAILURE_WINDOW_MINUTES));
        let failures = if recent { current.failed_logins + 1 } else { 1 };
        let locked_until = (failures >= MAX_FAILURES)
            .then(|| Timestamp(now + chrono::Duration::minutes(LOCKOUT_MINUTES)))
            .or(current.locked_until);
        diesel::update(users::table.filter(users::id.eq(user)))
            .set((
                users::failed_logins.eq(failures),
                users::last_failed_login_at.eq(Some(Timestamp(now))),
                users::locked_until.eq(locked_until),
            ))
            .execute(self.conn())?;
        Ok(users::table.filter(users::id.eq(user)).select(User::as_select()).first(self.conn())?)
    }

    /// A successful sign-in clears the failure count.
    pub fn record_login(&mut self, user: UserId) -> DbResult<()> {
        diesel::update(users::table.filter(users::id.eq(user)))
            .set((
                users::failed_logins.eq(0),
                users::last_failed_login_at.eq(None::<Timestamp>),
                users::locked_until.eq(None::<Timestamp>),
                users::last_login_at.eq(Some(Timestamp::now())),
            ))
            .execute(self.conn())?;
        Ok(())
    }
}

impl User {
    pub fn locked_at(&self, now: Timestamp) -> Option<Timestamp> {
        self.locked_until.filter(|until| *until > now)
    }
}

impl UserScope<'_> {
    /// Ends every session of this user in every instance at once: each request checks the
    /// epoch its session was signed in with. Returns the new epoch, so the caller can
    /// keep its own session.
    pub fn bump_session_epoch(&mut self) -> DbResult<i32> {
        let user = self.user_id().ok_or(DbError::NotFound)?;
        diesel::update(users::table.filter(users::id.eq(user)))
            .set((users::session_epoch.eq(users::session_epoch + 1), users::updated_at.eq(Timestamp::now())))
            .execute(self.conn())?;
        Ok(self.me()?.session_epoch)
    }

    /// Sets (or with `None` removes) this user's kiosk PIN, as its argon2 hash.
    pub fn set_kiosk_pin(&mut self, pin_hash: Option<&str>) -> DbResult<()> {
        let user = self.user_id().ok_or(DbError::NotFound)?;
        diesel::update(users::table.filter(users::id.eq(user)))
            .set((
                users::kiosk_pin_hash.eq(pin_hash),
                users::updated_at.eq(Timestamp::now()),
                users::version.eq(users::version + 1),
            ))
            .execute(self.conn())?;
        Ok(())
    }

    /// Sets (or with `None` clears) the language of this user's pages.
    pub fn set_language(&mut self, language: Option<&str>) -> DbResult<()> {
        let user = self.user_id().ok_or(DbError::NotFound)?;
        diesel::update(users::table.filter(users::id.eq(user)))
            .set((
                users::language.eq(language),
                users::updated_at.eq(Timestamp::now()),
                users::version.eq(users::version + 1),
            ))
            .execute(self.conn())?;
        Ok(())
    }

    /// Replaces the password and ends every session made with the old one. Returns the
    /// new session epoch, so the caller can keep its own session alive.
    pub fn set_password(&mut self, password_hash: &str) -> DbResult<i32> {
        let user = self.user_id().ok_or(DbError::NotFound)?;
        diesel::update(users::table.filter(users::id.eq(user)))
            .set((
                users::password_hash.eq(password_hash),
                users::session_epoch.eq(users::session_epoch + 1),
                users::updated_at.eq(Timestamp::now()),
                users::version.eq(users::version + 1),
            ))
            .execute(self.conn())?;
        Ok(self.me()?.session_epoch)
    }
}
