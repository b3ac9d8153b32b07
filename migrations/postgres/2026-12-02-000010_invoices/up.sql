-- Invoices and credit notes, issued from a folio and never changed; companies to bill;
-- the gapless counters of each hotel's series. All tenant-owned: tenant_id in every key,
-- row-level security below.

-- A company an invoice may be billed to, kept with the organization for reuse.
CREATE TABLE companies (
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    id         uuid NOT NULL,
    name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    tax_id     text CHECK (tax_id IS NULL OR length(btrim(tax_id)) BETWEEN 1 AND 50),
    address    text CHECK (address IS NULL OR length(address) <= 500),
    email      text CHECK (email IS NULL OR length(email) <= 254),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX companies_name_idx ON companies (tenant_id, name);

-- The last number issued in each series of a hotel. Issuing takes the row's lock (an
-- UPDATE), so two issues of one series never share or skip a number, and a rolled-back
-- issue gives its number back.
CREATE TABLE invoice_counters (
    tenant_id   uuid NOT NULL,
    hotel_id    uuid NOT NULL,
    series      text NOT NULL CHECK (length(series) BETWEEN 1 AND 40),
    last_number bigint NOT NULL DEFAULT 0 CHECK (last_number >= 0),
    PRIMARY KEY (tenant_id, hotel_id, series),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id)
);

-- An invoice or a credit note (which cancels lines of the invoice it names). Everything
-- it says is stored as it was issued: the bill-to, the hotel's details, the lines, the
-- taxes, the totals and the payments.
CREATE TABLE invoices (
    tenant_id          uuid NOT NULL,
    id                 uuid NOT NULL,
    hotel_id           uuid NOT NULL,
    reservation_id     uuid NOT NULL,
    kind               text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    series             text NOT NULL,
    number             bigint NOT NULL CHECK (number >= 1),
    code               text NOT NULL,
    credits_invoice_id uuid,
    company_id         uuid,
    bill_to_name       text NOT NULL CHECK (length(bill_to_name) BETWEEN 1 AND 200),
    bill_to            jsonb NOT NULL,
    issuer             jsonb NOT NULL,
    currency           text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    language           text NOT NULL,
    net                bigint NOT NULL,
    tax                bigint NOT NULL,
    total              bigint NOT NULL,
    payments           jsonb NOT NULL,
    issued_at          timestamptz NOT NULL,
    issued_by          uuid REFERENCES users (id),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT invoices_number_key UNIQUE (tenant_id, hotel_id, series, number),
    CONSTRAINT invoices_code_key UNIQUE (tenant_id, code),
    FOREIGN KEY (tenant_id, hotel_id, series) REFERENCES invoice_counters (tenant_id, hotel_id, series),
    FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id),
    FOREIGN KEY (tenant_id, credits_invoice_id) REFERENCES invoices (tenant_id, id),
    FOREIGN KEY (tenant_id, company_id) REFERENCES companies (tenant_id, id),
    CONSTRAINT invoices_credit_check CHECK ((kind = 'credit_note') = (credits_invoice_id IS NOT NULL))
);
CREATE INDEX invoices_hotel_idx ON invoices (tenant_id, hotel_id, issued_at DESC);
CREATE INDEX invoices_reservation_idx ON invoices (tenant_id, reservation_id);

-- The lines of an invoice, each from a folio entry (a credit note's from the line it
-- cancels, to the opposite amounts).
CREATE TABLE invoice_lines (
    tenant_id    uuid NOT NULL,
    invoice_id   uuid NOT NULL,
    line_no      integer NOT NULL CHECK (line_no >= 1),
    entry_id     uuid NOT NULL,
    credits_line integer,
    description  text NOT NULL,
    service_date date,
    net          bigint NOT NULL,
    tax          bigint NOT NULL,
    total        bigint NOT NULL,
    taxes        jsonb NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id, line_no),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
    FOREIGN KEY (tenant_id, entry_id) REFERENCES folio_entries (tenant_id, id)
);
CREATE INDEX invoice_lines_entry_idx ON invoice_lines (tenant_id, entry_id);

CREATE FUNCTION invoices_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: issue a credit note instead', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER invoices_append_only BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoices_append_only();
CREATE TRIGGER invoice_lines_append_only BEFORE UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION invoices_append_only();

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['companies', 'invoice_counters', 'invoices', 'invoice_lines'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) OR (SELECT app_is_platform()))
            WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) OR (SELECT app_is_platform()))$p$, t);
    END LOOP;
END $$;
