-- The language a user chose for their own pages (a BCP 47 tag of a shipped catalogue, such
-- as `en` or `pt-BR`). NULL: follow the active organization's locale.
ALTER TABLE users ADD COLUMN language text CHECK (language IS NULL OR language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');
