DROP TABLE stay_notes;
DROP TABLE outbox_messages;
DROP TABLE message_templates;
DROP TABLE hotel_messaging;
ALTER TABLE guests DROP COLUMN email_problem, DROP COLUMN no_email, DROP COLUMN no_marketing, DROP COLUMN language;
