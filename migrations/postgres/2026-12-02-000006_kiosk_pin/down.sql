ALTER TABLE users DROP COLUMN kiosk_pin_hash;
