-- Tax rules per hotel, and the tax lines each folio charge carries. Tenant-owned: tenant_id
-- in every key, row-level security below.

-- A percentage (hundredths of a percent: 1025 is 10.25 %), included in the price or added
-- to it, on room nights, on extras or on both; or a fixed amount per person per night
-- (a city tax, on room nights only, added), which may exempt children. Valid from
-- `valid_from` to `valid_to`, both included (no end: still valid).
CREATE TABLE tax_rules (
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    id              uuid NOT NULL,
    hotel_id        uuid NOT NULL,
    code            text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,15}$'),
    name            text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    kind            text NOT NULL CHECK (kind IN ('percent', 'per_person_night')),
    rate            bigint,
    amount          bigint,
    included        boolean NOT NULL DEFAULT false,
    applies_to      text NOT NULL DEFAULT 'rooms' CHECK (applies_to IN ('rooms', 'extras', 'both')),
    exempt_children boolean NOT NULL DEFAULT false,
    valid_from      date NOT NULL,
    valid_to        date,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT tax_rules_code_key UNIQUE (tenant_id, hotel_id, code),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id),
    CONSTRAINT tax_rules_shape_check CHECK (
        (kind = 'percent' AND rate BETWEEN 1 AND 10000 AND amount IS NULL)
        OR (kind = 'per_person_night' AND amount > 0 AND rate IS NULL AND NOT included AND applies_to = 'rooms')),
    CONSTRAINT tax_rules_dates_check CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX tax_rules_hotel_idx ON tax_rules (tenant_id, hotel_id, valid_from);

-- The taxes of one folio entry, one line per rule, worked out when it was posted and never
-- changed (a void carries the same lines, to the opposite effect). An included tax is part
-- of the entry's amount; an added one is owed on top of it.
CREATE TABLE folio_taxes (
    tenant_id   uuid NOT NULL,
    entry_id    uuid NOT NULL,
    tax_rule_id uuid NOT NULL,
    amount      bigint NOT NULL CHECK (amount >= 0),
    included    boolean NOT NULL,
    PRIMARY KEY (tenant_id, entry_id, tax_rule_id),
    FOREIGN KEY (tenant_id, entry_id) REFERENCES folio_entries (tenant_id, id),
    FOREIGN KEY (tenant_id, tax_rule_id) REFERENCES tax_rules (tenant_id, id)
);
CREATE INDEX folio_taxes_rule_idx ON folio_taxes (tenant_id, tax_rule_id);

CREATE FUNCTION folio_taxes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'folio_taxes is append-only: void the entry instead' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER folio_taxes_append_only BEFORE UPDATE OR DELETE ON folio_taxes
    FOR EACH ROW EXECUTE FUNCTION folio_taxes_append_only();

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['tax_rules', 'folio_taxes'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) OR (SELECT app_is_platform()))
            WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) OR (SELECT app_is_platform()))$p$, t);
    END LOOP;
END $$;
