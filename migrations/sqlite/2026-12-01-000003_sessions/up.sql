-- Server-side sessions: see migrations/postgres/2026-12-01-000003_sessions.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY NOT NULL CHECK (length(id_hash) = 64 AND id_hash NOT GLOB '*[^0-9a-f]*'),
    user_id      TEXT REFERENCES users (id) ON DELETE CASCADE,
    active_tenant_id TEXT REFERENCES tenants (id) ON DELETE SET NULL,
    sid          TEXT CHECK (length(sid) BETWEEN 16 AND 64),
    state        TEXT NOT NULL,
    user_agent   TEXT CHECK (length(user_agent) <= 300),
    ip           TEXT CHECK (length(ip) <= 64),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_idx ON sessions (user_id, active_tenant_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
