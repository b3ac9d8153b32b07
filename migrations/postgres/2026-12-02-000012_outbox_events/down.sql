DELETE FROM outbox_messages WHERE subject IS NULL;
ALTER TABLE outbox_messages
    DROP CONSTRAINT outbox_rendered_check,
    DROP COLUMN penalty,
    ALTER COLUMN language SET NOT NULL,
    ALTER COLUMN recipient SET NOT NULL,
    ALTER COLUMN from_name SET NOT NULL,
    ALTER COLUMN subject SET NOT NULL,
    ALTER COLUMN body_text SET NOT NULL,
    ALTER COLUMN body_html SET NOT NULL;
