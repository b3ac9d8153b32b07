-- Guest messages (see the PostgreSQL migration of the same name). SQLite's single writer
-- serializes the worker's claims.
ALTER TABLE guests ADD COLUMN language TEXT CHECK (language IS NULL OR (length(language) BETWEEN 2 AND 35 AND language NOT GLOB '*[^A-Za-z0-9-]*'));
ALTER TABLE guests ADD COLUMN no_marketing BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE guests ADD COLUMN no_email BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE guests ADD COLUMN email_problem TEXT CHECK (email_problem IS NULL OR length(email_problem) <= 500);

CREATE TABLE hotel_messaging (
    tenant_id        TEXT NOT NULL,
    hotel_id         TEXT NOT NULL,
    from_name        TEXT CHECK (from_name IS NULL OR length(trim(from_name)) BETWEEN 1 AND 100),
    reply_to         TEXT CHECK (reply_to IS NULL OR (length(reply_to) <= 254 AND instr(reply_to, '@') > 1)),
    signature        TEXT CHECK (signature IS NULL OR length(signature) <= 2000),
    pre_arrival_days INTEGER NOT NULL DEFAULT 3 CHECK (pre_arrival_days BETWEEN 0 AND 60),
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, hotel_id),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id)
);

CREATE TABLE message_templates (
    tenant_id  TEXT NOT NULL,
    hotel_id   TEXT NOT NULL,
    event      TEXT NOT NULL CHECK (event IN ('booking_confirmed', 'booking_changed', 'cancelled', 'pre_arrival', 'post_stay', 'invoice_issued')),
    language   TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
    subject    TEXT NOT NULL CHECK (length(trim(subject)) BETWEEN 1 AND 200),
    body       TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 10000),
    updated_at TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, hotel_id, event, language),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id)
);

CREATE TABLE outbox_messages (
    tenant_id      TEXT NOT NULL,
    id             TEXT NOT NULL,
    hotel_id       TEXT NOT NULL,
    reservation_id TEXT NOT NULL,
    guest_id       TEXT NOT NULL,
    event          TEXT NOT NULL CHECK (event IN ('booking_confirmed', 'booking_changed', 'cancelled', 'pre_arrival', 'post_stay', 'invoice_issued', 'one_off')),
    language       TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
    recipient      TEXT NOT NULL CHECK (length(recipient) <= 254 AND instr(recipient, '@') > 1),
    from_name      TEXT NOT NULL CHECK (length(from_name) BETWEEN 1 AND 100),
    reply_to       TEXT,
    subject        TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body_text      TEXT NOT NULL,
    body_html      TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    attempts       INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    due_at         TEXT NOT NULL,
    lease_until    TEXT,
    claimed_by     TEXT,
    last_error     TEXT CHECK (last_error IS NULL OR length(last_error) <= 1000),
    sent_at        TEXT,
    resend_of      TEXT,
    created_by     TEXT REFERENCES users (id),
    created_at     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id),
    FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id),
    FOREIGN KEY (tenant_id, guest_id) REFERENCES guests (tenant_id, id),
    FOREIGN KEY (tenant_id, resend_of) REFERENCES outbox_messages (tenant_id, id),
    CONSTRAINT outbox_sent_check CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
    CONSTRAINT outbox_lease_check CHECK ((status = 'sending') = (lease_until IS NOT NULL AND claimed_by IS NOT NULL))
);
CREATE INDEX outbox_due_idx ON outbox_messages (due_at) WHERE status IN ('queued', 'sending');
CREATE INDEX outbox_reservation_idx ON outbox_messages (tenant_id, reservation_id, created_at DESC);
CREATE INDEX outbox_month_idx ON outbox_messages (tenant_id, created_at);
-- What the plan's monthly cap counts.
CREATE INDEX outbox_sent_idx ON outbox_messages (tenant_id, sent_at) WHERE status = 'sent';

-- The desk's notes on a stay: with its messages, the stay's conversation thread.
CREATE TABLE stay_notes (
    tenant_id      TEXT NOT NULL,
    id             TEXT NOT NULL,
    reservation_id TEXT NOT NULL,
    body           TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 2000),
    created_by     TEXT REFERENCES users (id),
    created_at     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id)
);
CREATE INDEX stay_notes_reservation_idx ON stay_notes (tenant_id, reservation_id, created_at DESC);
