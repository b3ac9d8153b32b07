-- The language a user chose for their own pages (a BCP 47 tag of a shipped catalogue, such
-- as `en` or `pt-BR`). NULL: follow the active organization's locale.
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IS NULL OR (length(language) BETWEEN 2 AND 35 AND language NOT GLOB '*[^A-Za-z0-9-]*'));
