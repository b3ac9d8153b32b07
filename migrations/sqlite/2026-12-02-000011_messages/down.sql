DROP TABLE stay_notes;
DROP TABLE outbox_messages;
DROP TABLE message_templates;
DROP TABLE hotel_messaging;
ALTER TABLE guests DROP COLUMN email_problem;
ALTER TABLE guests DROP COLUMN no_email;
ALTER TABLE guests DROP COLUMN no_marketing;
ALTER TABLE guests DROP COLUMN language;
