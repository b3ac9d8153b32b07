-- Server-side sessions (actix-session's SessionStore, web::session_store). The browser
-- holds a random key; only its SHA-256 is stored, so a copy of this table opens no
-- session. A session belongs to a user, not to a tenant: it exists before any tenant is
-- chosen and survives switches, like `users`, so it is outside row-level security.
-- Sign-out deletes one row; "sign out everywhere else", a password change and a
-- deactivation delete a user's other rows; expired rows are purged.
CREATE TABLE sessions (
    id_hash      text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
    user_id      uuid REFERENCES users (id) ON DELETE CASCADE,
    -- The tenant the session is working in, so that a deactivated member's sessions
    -- there end (not a tenant-owned row: it moves when the user switches).
    active_tenant_id uuid REFERENCES tenants (id) ON DELETE SET NULL,
    -- The app's own id for the session (SessionState.sid, renewed with the key): what
    -- the account page names a session by. It opens nothing; the key does.
    sid          text CHECK (length(sid) BETWEEN 16 AND 64),
    state        text NOT NULL,
    user_agent   text CHECK (length(user_agent) <= 300),
    ip           text CHECK (length(ip) <= 64),
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_idx ON sessions (user_id, active_tenant_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
