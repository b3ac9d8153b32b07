//! Server-side sessions, one row per browser session (see `web::session_store`). A row is
//! keyed by the SHA-256 of the session key the browser holds, never the key itself. Rows
//! belong to a user, not to a tenant, so they are reached through a [`UserScope`]: the
//! store before anyone is known, the user for their own sessions. A tenant can end only
//! its own member's sessions in itself ([`TenantScope::end_member_sessions`]).

use diesel::prelude::*;

use super::schema::sessions;
use super::scope::{TenantScope, UserScope};
use super::{DbError, DbResult};
use crate::domain::ids::{TenantId, UserId};
use crate::domain::values::Timestamp;

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = sessions, treat_none_as_default_value = false)]
pub struct SessionRow {
    pub id_hash: String,
    pub created_at: Timestamp,
    #[diesel(embed)]
    pub fields: SessionFields,
}

/// What a session's row says about it, written at sign-in and whenever its state changes.
#[derive(Queryable, Selectable, Insertable, AsChangeset, Clone, Debug)]
#[diesel(table_name = sessions, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct SessionFields {
    pub user_id: Option<UserId>,
    pub active_tenant_id: Option<TenantId>,
    /// The app's id for the session (`SessionState::sid`): names it on the account page.
    pub sid: Option<String>,
    pub state: String,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub last_seen_at: Timestamp,
    pub expires_at: Timestamp,
}

pub struct Sessions<'s, 'c>(&'s mut UserScope<'c>);

impl<'c> UserScope<'c> {
    pub fn sessions(&mut self) -> Sessions<'_, 'c> {
        Sessions(self)
    }
}

impl Sessions<'_, '_> {
    /// The state of the unexpired session `id_hash`.
    pub fn load(self, id_hash: &str, now: Timestamp) -> DbResult<Option<String>> {
        Ok(sessions::table
            .filter(sessions::id_hash.eq(id_hash).and(sessions::expires_at.gt(now)))
            .select(sessions::state)
            .first(self.0.conn())
            .optional()?)
    }

    pub fn insert(self, row: &SessionRow) -> DbResult<()> {
        diesel::insert_into(sessions::table).values(row).execute(self.0.conn())?;
        Ok(())
    }

    /// Writes a changed session back. `false` when the row is gone: the session ended
    /// meanwhile (signed out elsewhere) and stays ended.
    pub fn update(self, id_hash: &str, changes: &SessionFields) -> DbResult<bool> {
        let n = diesel::update(sessions::table.filter(sessions::id_hash.eq(id_hash)))
            .set(changes)
            .execute(self.0.conn())?;
        Ok(n == 1)
    }

    pub fn extend(self, id_hash: &str, expires_at: Timestamp) -> DbResult<()> {
        diesel::update(sessions::table.filter(sessions::id_hash.eq(id_hash)))
            .set(sessions::expires_at.eq(expires_at))
            .execute(self.0.conn())?;
        Ok(())
    }

    pub fn delete(self, id_hash: &str) -> DbResult<()> {
        diesel::delete(sessions::table.filter(sessions::id_hash.eq(id_hash))).execute(self.0.conn())?;
        Ok(())
    }

    /// Deletes every session that has expired; returns how many.
    pub fn purge_expired(self, now: Timestamp) -> DbResult<usize> {
        Ok(diesel::delete(sessions::table.filter(sessions::expires_at.le(now))).execute(self.0.conn())?)
    }

    /// How many sessions were created since `since`, expired or not (for the operator's
    /// figures and the tests).
    pub fn count_since(self, since: Timestamp) -> DbResult<i64> {
        Ok(sessions::table.filter(sessions::created_at.ge(since)).count().get_result(self.0.conn())?)
    }

    /// The scope's user's unexpired sessions, the most recently used first.
    pub fn mine(self, now: Timestamp) -> DbResult<Vec<SessionRow>> {
        let user = self.0.user_id().ok_or(DbError::NotFound)?;
        Ok(sessions::table
            .filter(sessions::user_id.eq(user).and(sessions::expires_at.gt(now)))
            .order(sessions::last_seen_at.desc())
            .select(SessionRow::as_select())
            .load(self.0.conn())?)
    }

    /// Ends every session of the scope's user but the one named `keep` (by its sid);
    /// returns how many ended.
    pub fn end_mine_except(self, keep: &str) -> DbResult<usize> {
        let user = self.0.user_id().ok_or(DbError::NotFound)?;
        let others =
            sessions::table.filter(sessions::user_id.eq(user).and(sessions::sid.ne(keep).or(sessions::sid.is_null())));
        Ok(diesel::delete(others).execute(self.0.conn())?)
    }

    /// Ends the scope's user's session named `sid`; `false` when there is none.
    pub fn end_mine(self, sid: &str) -> DbResult<bool> {
        let user = self.0.user_id().ok_or(DbError::NotFound)?;
        let one = sessions::table.filter(sessions::user_id.eq(user).and(sessions::sid.eq(sid)));
        Ok(diesel::delete(one).execute(self.0.conn())? > 0)
    }
}

impl TenantScope<'_> {
    /// Ends `user`'s sessions that are working in this tenant (a deactivated member).
    pub fn end_member_sessions(&mut self, user: UserId) -> DbResult<usize> {
        let tenant = self.tenant_id();
        let theirs_here = sessions::table.filter(sessions::user_id.eq(user).and(sessions::active_tenant_id.eq(tenant)));
        Ok(diesel::delete(theirs_here).execute(self.conn())?)
    }
}
