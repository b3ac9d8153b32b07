-- Tax rules and the folio's tax lines (see the PostgreSQL migration of the same name).
CREATE TABLE tax_rules (
    tenant_id       TEXT NOT NULL REFERENCES tenants (id),
    id              TEXT NOT NULL,
    hotel_id        TEXT NOT NULL,
    code            TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 16 AND code NOT GLOB '*[^A-Z0-9-]*' AND code NOT GLOB '-*'),
    name            TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    kind            TEXT NOT NULL CHECK (kind IN ('percent', 'per_person_night')),
    rate            BIGINT,
    amount          BIGINT,
    included        BOOLEAN NOT NULL DEFAULT 0,
    applies_to      TEXT NOT NULL DEFAULT 'rooms' CHECK (applies_to IN ('rooms', 'extras', 'both')),
    exempt_children BOOLEAN NOT NULL DEFAULT 0,
    valid_from      TEXT NOT NULL,
    valid_to        TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT tax_rules_code_key UNIQUE (tenant_id, hotel_id, code),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id),
    CONSTRAINT tax_rules_shape_check CHECK (
        (kind = 'percent' AND rate BETWEEN 1 AND 10000 AND amount IS NULL)
        OR (kind = 'per_person_night' AND amount > 0 AND rate IS NULL AND NOT included AND applies_to = 'rooms')),
    CONSTRAINT tax_rules_dates_check CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX tax_rules_hotel_idx ON tax_rules (tenant_id, hotel_id, valid_from);

CREATE TABLE folio_taxes (
    tenant_id   TEXT NOT NULL,
    entry_id    TEXT NOT NULL,
    tax_rule_id TEXT NOT NULL,
    amount      BIGINT NOT NULL CHECK (amount >= 0),
    included    BOOLEAN NOT NULL,
    PRIMARY KEY (tenant_id, entry_id, tax_rule_id),
    FOREIGN KEY (tenant_id, entry_id) REFERENCES folio_entries (tenant_id, id),
    FOREIGN KEY (tenant_id, tax_rule_id) REFERENCES tax_rules (tenant_id, id)
);
CREATE INDEX folio_taxes_rule_idx ON folio_taxes (tenant_id, tax_rule_id);
CREATE TRIGGER folio_taxes_no_update BEFORE UPDATE ON folio_taxes
BEGIN SELECT RAISE(ABORT, 'folio_taxes is append-only: void the entry instead'); END;
CREATE TRIGGER folio_taxes_no_delete BEFORE DELETE ON folio_taxes
BEGIN SELECT RAISE(ABORT, 'folio_taxes is append-only: void the entry instead'); END;
