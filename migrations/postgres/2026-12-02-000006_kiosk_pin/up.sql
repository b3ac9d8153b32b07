-- A user's kiosk PIN (4–8 digits, argon2id like the password): unlocks a kiosk that this
-- user locked, where the organization allows PINs (settings.kiosk_pin). NULL: none set.
ALTER TABLE users ADD COLUMN kiosk_pin_hash text CHECK (kiosk_pin_hash IS NULL OR kiosk_pin_hash LIKE '$argon2%');
