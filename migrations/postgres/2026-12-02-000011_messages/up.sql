-- Guest messages: each hotel's sender and templates, and the outbox the desk's operations
-- write to in their own transaction. All tenant-owned: tenant_id in every key, row-level
-- security below.

-- What the guest chose, and whether their address works.
ALTER TABLE guests
    ADD COLUMN language      text CHECK (language IS NULL OR language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    ADD COLUMN no_marketing  boolean NOT NULL DEFAULT false,
    ADD COLUMN no_email      boolean NOT NULL DEFAULT false,
    ADD COLUMN email_problem text CHECK (email_problem IS NULL OR length(email_problem) <= 500);

-- A hotel's sender identity and schedule. No row: the hotel's name, no reply-to, no
-- signature, pre-arrival three days before.
CREATE TABLE hotel_messaging (
    tenant_id        uuid NOT NULL,
    hotel_id         uuid NOT NULL,
    from_name        text CHECK (from_name IS NULL OR length(btrim(from_name)) BETWEEN 1 AND 100),
    reply_to         text CHECK (reply_to IS NULL OR (length(reply_to) <= 254 AND position('@' IN reply_to) > 1)),
    signature        text CHECK (signature IS NULL OR length(signature) <= 2000),
    pre_arrival_days integer NOT NULL DEFAULT 3 CHECK (pre_arrival_days BETWEEN 0 AND 60),
    updated_at       timestamptz NOT NULL,
    version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, hotel_id),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id)
);

-- A hotel's own wording of one event in one language; without a row the shipped
-- default is used.
CREATE TABLE message_templates (
    tenant_id  uuid NOT NULL,
    hotel_id   uuid NOT NULL,
    event      text NOT NULL CHECK (event IN ('booking_confirmed', 'booking_changed', 'cancelled', 'pre_arrival', 'post_stay', 'invoice_issued')),
    language   text NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
    subject    text NOT NULL CHECK (length(btrim(subject)) BETWEEN 1 AND 200),
    body       text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 10000),
    updated_at timestamptz NOT NULL,
    version    integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, hotel_id, event, language),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id)
);

-- Every message to a guest, written whole (rendered) by the operation that causes it, in
-- its transaction. The worker claims due rows with a lease (status 'sending',
-- lease_until, claimed_by) and marks them sent only after the SMTP server accepted them.
CREATE TABLE outbox_messages (
    tenant_id      uuid NOT NULL,
    id             uuid NOT NULL,
    hotel_id       uuid NOT NULL,
    reservation_id uuid NOT NULL,
    guest_id       uuid NOT NULL,
    event          text NOT NULL CHECK (event IN ('booking_confirmed', 'booking_changed', 'cancelled', 'pre_arrival', 'post_stay', 'invoice_issued', 'one_off')),
    language       text NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
    recipient      text NOT NULL CHECK (length(recipient) <= 254 AND position('@' IN recipient) > 1),
    from_name      text NOT NULL CHECK (length(from_name) BETWEEN 1 AND 100),
    reply_to       text,
    subject        text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body_text      text NOT NULL,
    body_html      text NOT NULL,
    status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    attempts       integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    due_at         timestamptz NOT NULL,
    lease_until    timestamptz,
    claimed_by     text,
    last_error     text CHECK (last_error IS NULL OR length(last_error) <= 1000),
    sent_at        timestamptz,
    resend_of      uuid,
    created_by     uuid REFERENCES users (id),
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id),
    FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id),
    FOREIGN KEY (tenant_id, guest_id) REFERENCES guests (tenant_id, id),
    FOREIGN KEY (tenant_id, resend_of) REFERENCES outbox_messages (tenant_id, id),
    CONSTRAINT outbox_sent_check CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
    CONSTRAINT outbox_lease_check CHECK ((status = 'sending') = (lease_until IS NOT NULL AND claimed_by IS NOT NULL))
);
-- The worker's queue: only what may still go out.
CREATE INDEX outbox_due_idx ON outbox_messages (due_at) WHERE status IN ('queued', 'sending');
CREATE INDEX outbox_reservation_idx ON outbox_messages (tenant_id, reservation_id, created_at DESC);
CREATE INDEX outbox_month_idx ON outbox_messages (tenant_id, created_at);
-- What the plan's monthly cap counts.
CREATE INDEX outbox_sent_idx ON outbox_messages (tenant_id, sent_at) WHERE status = 'sent';

-- The desk's notes on a stay: with its messages, the stay's conversation thread.
CREATE TABLE stay_notes (
    tenant_id      uuid NOT NULL,
    id             uuid NOT NULL,
    reservation_id uuid NOT NULL,
    body           text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 2000),
    created_by     uuid REFERENCES users (id),
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id)
);
CREATE INDEX stay_notes_reservation_idx ON stay_notes (tenant_id, reservation_id, created_at DESC);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['hotel_messaging', 'message_templates', 'outbox_messages', 'stay_notes'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) OR (SELECT app_is_platform()))
            WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) OR (SELECT app_is_platform()))$p$, t);
    END LOOP;
END $$;
