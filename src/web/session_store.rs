//! actix-session's [`SessionStore`] over the `sessions` table (`db::sessions`), so that one
//! session can be ended without ending the others, and any app instance serves any
//! session. A signed-in session's cookie carries a random 64-character key
//! (actix-session's generator); the table keeps its SHA-256 only. A row records who the
//! session belongs to, the tenant it works in, and the device and address it signed in
//! from, read off the session state (`web::session::SessionState`), for the account page.
//!
//! A session nobody is signed in to (the sign-in page's CSRF token, a notice, the
//! kiosk's hotel) is not stored: its state travels in the cookie itself, which the
//! middleware encrypts and authenticates with the app's key, as the cookie store did. So
//! a visitor who never signs in costs no write and leaves no row.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use actix_session::storage::{generate_session_key, LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration;
use actix_web::HttpMessage;
use sha2::{Digest, Sha256};

use super::session::SessionState;
use crate::db::cache::SessionCache;
use crate::db::sessions::{SessionFields, SessionRow};
use crate::db::{Access, Db, DbError};
use crate::domain::values::Timestamp;

type State = HashMap<String, String>;

/// Expired rows are deleted at most this often, when a new session is saved.
const PURGE_EVERY_SECONDS: i64 = 300;

/// Where a stored session's key ends and the notice the cookie carries with it begins
/// (stored keys are alphanumeric). A notice ("Booked.") travels in the encrypted cookie,
/// not in the row: a POST that only leaves one writes no session, and taking it writes
/// none either.
const NOTICE: char = '|';

/// A stored session's key, and the notice its cookie carries.
fn split(key: &str) -> (&str, Option<&str>) {
    match key.split_once(NOTICE) {
        Some((base, notice)) => (base, Some(notice)),
        None => (key, None),
    }
}

/// The cookie's key for the stored session `base`: with the state's notice, taken out of
/// `state` (so that the row never holds one).
fn with_notice(base: &str, state: &mut State) -> Result<SessionKey, anyhow::Error> {
    let key = match state.remove(super::session::FLASH) {
        Some(notice) => format!("{base}{NOTICE}{notice}"),
        None => base.to_owned(),
    };
    SessionKey::try_from(key).map_err(|e| anyhow::anyhow!("{e}"))
}

/// How a key that carries an anonymous session's state begins (stored keys are
/// alphanumeric).
const IN_COOKIE: &str = "c:";

/// The key for an anonymous state, which carries the state itself; `None` when someone
/// is signed in (the state goes to the table).
fn cookie_key(state: &State) -> Option<Result<SessionKey, anyhow::Error>> {
    if SessionState::from_store(state).user.is_some() {
        return None;
    }
    Some(
        serde_json::to_string(state)
            .map_err(anyhow::Error::from)
            .and_then(|json| SessionKey::try_from(format!("{IN_COOKIE}{json}")).map_err(|e| anyhow::anyhow!("{e}"))),
    )
}

#[derive(Clone)]
pub struct DbSessionStore {
    db: Db,
    cache: Arc<SessionCache>,
    last_purge: Arc<AtomicI64>,
}

impl DbSessionStore {
    pub fn new(db: Db) -> Self {
        let cache = db.session_cache();
        Self { db, cache, last_purge: Arc::new(AtomicI64::new(0)) }
    }

    /// Caches `state` as read or written by an operation that began at `began`.
    fn keep(&self, hash: String, state: &State, began: Instant) {
        self.cache.put(hash, state, SessionState::from_store(state).user, began);
    }
}

/// The stored name of a session key: its SHA-256, in hex.
pub fn key_hash(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn expiry(ttl: &Duration) -> Timestamp {
    Timestamp(chrono::Utc::now() + chrono::Duration::seconds(ttl.whole_seconds()))
}

/// The row's columns taken from the state.
fn fields(state: &State, ttl: &Duration) -> Result<SessionFields, serde_json::Error> {
    let session = SessionState::from_store(state);
    Ok(SessionFields {
        user_id: session.user,
        active_tenant_id: session.tenant,
        sid: Some(session.sid).filter(|sid| !sid.is_empty()),
        state: serde_json::to_string(state)?,
        user_agent: session.device,
        ip: session.address,
        last_seen_at: Timestamp::now(),
        expires_at: expiry(ttl),
    })
}

impl SessionStore for DbSessionStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<State>, LoadError> {
        if let Some(json) = key.as_ref().strip_prefix(IN_COOKIE) {
            let state: State = serde_json::from_str(json).map_err(|e| LoadError::Deserialization(e.into()))?;
            // Only anonymous states travel in the cookie; one naming a user is not ours.
            return Ok(SessionState::from_store(&state).user.is_none().then_some(state));
        }
        let (base, notice) = split(key.as_ref());
        let hash = key_hash(base);
        let with_notice = |mut state: State| {
            if let Some(notice) = notice {
                state.insert(super::session::FLASH.to_owned(), notice.to_owned());
            }
            state
        };
        if let Some(state) = self.cache.get(&hash) {
            return Ok(Some(with_notice(state)));
        }
        let (lookup, began) = (hash.clone(), Instant::now());
        let stored = self
            .db
            .blocking(move |db| db.single_read(|u| u.sessions().load(&lookup, Timestamp::now())))
            .await
            .map_err(|e: DbError| LoadError::Other(e.into()))?;
        let state: Option<State> =
            stored.map(|s| serde_json::from_str(&s)).transpose().map_err(|e| LoadError::Deserialization(e.into()))?;
        if let Some(state) = &state {
            self.keep(hash, state, began);
        }
        Ok(state.map(with_notice))
    }

    async fn save(&self, state: State, ttl: &Duration) -> Result<SessionKey, SaveError> {
        if let Some(key) = cookie_key(&state) {
            return key.map_err(SaveError::Serialization);
        }
        let key = generate_session_key();
        let mut state = state;
        let cookie = with_notice(key.as_ref(), &mut state).map_err(SaveError::Other)?;
        let fields = fields(&state, ttl).map_err(|e| SaveError::Serialization(e.into()))?;
        let row = SessionRow { id_hash: key_hash(key.as_ref()), created_at: fields.last_seen_at, fields };
        let (now, hash) = (row.created_at, row.id_hash.clone());
        let purge = now.0.timestamp() - self.last_purge.load(Ordering::Relaxed) >= PURGE_EVERY_SECONDS;
        if purge {
            self.last_purge.store(now.0.timestamp(), Ordering::Relaxed);
        }
        let began = Instant::now();
        self.db
            .blocking_as(Access::Write, move |db| {
                // A new key: no instance has it cached.
                db.session_write(None, |u| {
                    if purge {
                        u.sessions().purge_expired(now)?;
                    }
                    u.sessions().insert(&row)
                })
            })
            .await
            .map_err(|e: DbError| SaveError::Other(e.into()))?;
        self.keep(hash, &state, began);
        Ok(cookie)
    }

    async fn update(&self, key: SessionKey, state: State, ttl: &Duration) -> Result<SessionKey, UpdateError> {
        if key.as_ref().starts_with(IN_COOKIE) {
            // Still anonymous: a new cookie; signed in without a renewal: a new row.
            return match cookie_key(&state) {
                Some(key) => key.map_err(UpdateError::Serialization),
                None => self.save(state, ttl).await.map_err(|e| UpdateError::Other(anyhow::anyhow!("{e}"))),
            };
        }
        let base = split(key.as_ref()).0.to_owned();
        let mut state = state;
        let cookie = with_notice(&base, &mut state).map_err(UpdateError::Other)?;
        let hash = key_hash(&base);
        if self.cache.get(&hash).is_some_and(|cached| cached == state) {
            // Only the notice changed: the cookie carries it, the row stays as it is.
            return Ok(cookie);
        }
        let c = fields(&state, ttl).map_err(|e| UpdateError::Serialization(e.into()))?;
        // A session ended meanwhile (signed out on another device) is not brought back:
        // the update finds no row, writes nothing, and the next request is signed out.
        let (row, began) = (hash.clone(), Instant::now());
        let kept = self
            .db
            .blocking_as(Access::Write, move |db| db.session_write(Some(&row), |u| u.sessions().update(&row, &c)))
            .await
            .map_err(|e: DbError| UpdateError::Other(e.into()))?;
        match kept {
            true => self.keep(hash, &state, began),
            false => self.cache.forget(&hash),
        }
        Ok(cookie)
    }

    async fn update_ttl(&self, key: &SessionKey, ttl: &Duration) -> Result<(), anyhow::Error> {
        if key.as_ref().starts_with(IN_COOKIE) {
            return Ok(());
        }
        let (hash, until) = (key_hash(split(key.as_ref()).0), expiry(ttl));
        self.db
            .blocking_as(Access::Write, move |db| db.session_write(None, |u| u.sessions().extend(&hash, until)))
            .await?;
        Ok(())
    }

    async fn delete(&self, key: &SessionKey) -> Result<(), anyhow::Error> {
        if key.as_ref().starts_with(IN_COOKIE) {
            return Ok(());
        }
        let hash = key_hash(split(key.as_ref()).0);
        self.cache.forget(&hash);
        self.db
            .blocking_as(Access::Write, move |db| db.session_write(Some(&hash), |u| u.sessions().delete(&hash)))
            .await?;
        Ok(())
    }
}

/// Answers a request whose session could not be read or written (the database is down or
/// its pool exhausted) with the "briefly unavailable" page, 503, instead of the session
/// middleware's bare 500. Wraps the session middleware, so every `Err` that reaches it
/// comes from the store.
pub async fn unavailable(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let request_id = req.extensions().get::<tracing_actix_web::RequestId>().map(|id| id.to_string());
    // The session cannot be read: the browser's language.
    let tr = super::extract::RequestMeta::from_request(req.request()).tr(None, None);
    next.call(req).await.map_err(|e| {
        tracing::warn!(error = %e, "session store unavailable");
        let message = crate::web::error::AppError::Unavailable(String::new()).public_message();
        let status = actix_web::http::StatusCode::SERVICE_UNAVAILABLE;
        let page = super::pages::error_page(status, &message, tr, request_id.as_deref());
        actix_web::error::InternalError::from_response(e.to_string(), page).into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_stored_as_its_sha256() {
        assert_eq!(key_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(key_hash(generate_session_key().as_ref()).len(), 64);
    }
}
