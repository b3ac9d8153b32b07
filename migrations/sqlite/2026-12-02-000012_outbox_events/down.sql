DELETE FROM outbox_messages WHERE subject IS NULL;
CREATE TABLE outbox_messages_old (
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
    FOREIGN KEY (tenant_id, resend_of) REFERENCES outbox_messages_old (tenant_id, id),
    CONSTRAINT outbox_sent_check CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
    CONSTRAINT outbox_lease_check CHECK ((status = 'sending') = (lease_until IS NOT NULL AND claimed_by IS NOT NULL))
);

INSERT INTO outbox_messages_old (tenant_id, id, hotel_id, reservation_id, guest_id, event, language, recipient, from_name, reply_to, subject, body_text, body_html, status, attempts, due_at, lease_until, claimed_by, last_error, sent_at, resend_of, created_by, created_at)
    SELECT tenant_id, id, hotel_id, reservation_id, guest_id, event, language, recipient, from_name, reply_to, subject, body_text, body_html, status, attempts, due_at, lease_until, claimed_by, last_error, sent_at, resend_of, created_by, created_at FROM outbox_messages;
DROP TABLE outbox_messages;
ALTER TABLE outbox_messages_old RENAME TO outbox_messages;
CREATE INDEX outbox_due_idx ON outbox_messages (due_at) WHERE status IN ('queued', 'sending');
CREATE INDEX outbox_reservation_idx ON outbox_messages (tenant_id, reservation_id, created_at DESC);
CREATE INDEX outbox_month_idx ON outbox_messages (tenant_id, created_at);
-- What the plan's monthly cap counts.
CREATE INDEX outbox_sent_idx ON outbox_messages (tenant_id, sent_at) WHERE status = 'sent';
