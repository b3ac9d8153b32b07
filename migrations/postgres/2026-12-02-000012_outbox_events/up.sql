-- The booking path writes a stay's automatic messages as events (what happened, when it
-- is due, the penalty a cancellation posted), and the worker renders each when it claims
-- it: the wording, the guest's address and language as they are at sending time. A row
-- is either rendered whole or not at all, and only a rendered one can have been sent.
ALTER TABLE outbox_messages
    ALTER COLUMN language DROP NOT NULL,
    ALTER COLUMN recipient DROP NOT NULL,
    ALTER COLUMN from_name DROP NOT NULL,
    ALTER COLUMN subject DROP NOT NULL,
    ALTER COLUMN body_text DROP NOT NULL,
    ALTER COLUMN body_html DROP NOT NULL,
    ADD COLUMN penalty bigint CHECK (penalty IS NULL OR penalty >= 0),
    ADD CONSTRAINT outbox_rendered_check CHECK (
        (subject IS NULL) = (body_text IS NULL) AND (subject IS NULL) = (body_html IS NULL)
        AND (subject IS NULL) = (recipient IS NULL) AND (subject IS NULL) = (language IS NULL)
        AND (subject IS NULL) = (from_name IS NULL)
        AND (status <> 'sent' OR subject IS NOT NULL));
