//! The session: a row in the database (`web::session_store`), named by a random key that
//! the browser keeps in an encrypted cookie. App servers keep no state, and one session
//! ends without ending the others. It holds who is signed in, the active tenant and the
//! CSRF token: the tenant in it was verified when set, and is verified again against the
//! membership on every request.

use std::collections::HashMap;

use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::{Session, SessionMiddleware};
use actix_web::cookie::{time::Duration as CookieDuration, Key, SameSite};
use rand::RngCore;
use serde::{Deserialize, Serialize};

use super::session_store::DbSessionStore;
use crate::config::Settings;
use crate::domain::{TenantId, UserId};

const KEY: &str = "s";
/// The entry of a pending notice; the session store carries it in the cookie, not the row.
pub(super) const FLASH: &str = "flash";
pub const COOKIE: &str = "hotelier_session";

/// What a session holds.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SessionState {
    /// A random id, renewed at sign-in and at every tenant switch: how the account page
    /// names this session. It opens nothing (the cookie's key does).
    pub sid: String,
    pub user: Option<UserId>,
    /// The user's `session_epoch` at sign-in; a password change or deactivation bumps it.
    pub epoch: i32,
    pub tenant: Option<TenantId>,
    /// Unix seconds of sign-in (absolute timeout) and of the last request (idle timeout).
    pub signed_in_at: i64,
    pub seen_at: i64,
    pub csrf: String,
    /// Front-desk kiosk: the hotel chosen on this device (kept across the kiosk's locks).
    #[serde(default)]
    pub kiosk_hotel: Option<crate::domain::HotelId>,
    /// Unix seconds of the last kiosk request, for the kiosk's own idle lock.
    #[serde(default)]
    pub kiosk_seen_at: i64,
    /// Who is signed in, by name and email (for the kiosk's lock screen).
    #[serde(default)]
    pub who: Option<Who>,
    /// Kiosk: who was signed in when the screen locked, so that unlocking asks only for
    /// their password. Kept in the anonymous session the lock leaves behind.
    #[serde(default)]
    pub kiosk_locked_by: Option<Who>,
    /// The browser (user agent) and address this session signed in from.
    #[serde(default)]
    pub device: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    /// The language this session's pages were last read in (a catalogue's tag): what
    /// pages without an organization (the error page, the account pages) use when the
    /// user has not chosen one. Set at sign-in, at a switch and on the account page.
    #[serde(default)]
    pub lang: Option<String>,
}

/// A person, as a lock screen greets them.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Who {
    pub email: String,
    pub name: String,
    /// Their kiosk PIN unlocks the kiosk they lock (they have one, and the organization
    /// allows it).
    #[serde(default)]
    pub pin: bool,
}

pub fn random_token() -> String {
    let mut bytes = [0u8; 24];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl SessionState {
    /// The state in `session`, or a fresh anonymous one with a CSRF token.
    pub fn load(session: &Session) -> Self {
        match session.get::<SessionState>(KEY) {
            Ok(Some(state)) if !state.csrf.is_empty() => state,
            _ => SessionState { sid: random_token(), csrf: random_token(), ..SessionState::default() },
        }
    }

    /// The state inside a stored session's entries (anonymous when it has none).
    pub fn from_store(entries: &HashMap<String, String>) -> Self {
        entries.get(KEY).and_then(|v| serde_json::from_str(v).ok()).unwrap_or_default()
    }

    pub fn save(&self, session: &Session) {
        // Serializing this plain struct cannot fail.
        let _ = session.insert(KEY, self);
    }

    /// A new session for a fresh sign-in or switch: new id, new CSRF token, and the
    /// cookie reissued.
    pub fn renew(&mut self, session: &Session) {
        self.sid = random_token();
        self.csrf = random_token();
        session.renew();
    }
}

/// A one-shot message for the next page, read out in the reader's language when shown.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Flash {
    pub kind: String,
    pub message: crate::i18n::Msg,
}

pub fn set_flash(session: &Session, kind: &str, message: impl Into<crate::i18n::Msg>) {
    let _ = session.insert(FLASH, Flash { kind: kind.into(), message: message.into() });
}

/// The pending notice, if any, now shown and gone. A session without one is left
/// untouched: actix-session marks a session changed on any `remove`, and a changed
/// session is written back to the store.
pub fn take_flash(session: &Session) -> Option<Flash> {
    let flash = session.get::<Flash>(FLASH).ok().flatten()?;
    session.remove(FLASH);
    Some(flash)
}

pub fn middleware(settings: &Settings, key: &[u8], store: DbSessionStore) -> SessionMiddleware<DbSessionStore> {
    SessionMiddleware::builder(store, Key::from(key))
        .cookie_name(COOKIE.into())
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_secure(settings.secure_cookies)
        .cookie_content_security(CookieContentSecurity::Private)
        .session_lifecycle(
            PersistentSession::default()
                .session_ttl(CookieDuration::seconds(settings.session_absolute_timeout.as_secs() as i64)),
        )
        .build()
}
