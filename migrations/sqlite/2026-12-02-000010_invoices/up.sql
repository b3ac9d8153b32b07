-- Invoices, credit notes, companies and the series' counters (see the PostgreSQL
-- migration of the same name). SQLite's single writer serializes issues.
CREATE TABLE companies (
    tenant_id  TEXT NOT NULL REFERENCES tenants (id),
    id         TEXT NOT NULL,
    name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    tax_id     TEXT CHECK (tax_id IS NULL OR length(trim(tax_id)) BETWEEN 1 AND 50),
    address    TEXT CHECK (address IS NULL OR length(address) <= 500),
    email      TEXT CHECK (email IS NULL OR length(email) <= 254),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX companies_name_idx ON companies (tenant_id, name);

CREATE TABLE invoice_counters (
    tenant_id   TEXT NOT NULL,
    hotel_id    TEXT NOT NULL,
    series      TEXT NOT NULL CHECK (length(series) BETWEEN 1 AND 40),
    last_number BIGINT NOT NULL DEFAULT 0 CHECK (last_number >= 0),
    PRIMARY KEY (tenant_id, hotel_id, series),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id)
);

CREATE TABLE invoices (
    tenant_id          TEXT NOT NULL,
    id                 TEXT NOT NULL,
    hotel_id           TEXT NOT NULL,
    reservation_id     TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    series             TEXT NOT NULL,
    number             BIGINT NOT NULL CHECK (number >= 1),
    code               TEXT NOT NULL,
    credits_invoice_id TEXT,
    company_id         TEXT,
    bill_to_name       TEXT NOT NULL CHECK (length(bill_to_name) BETWEEN 1 AND 200),
    bill_to            TEXT NOT NULL CHECK (json_valid(bill_to)),
    issuer             TEXT NOT NULL CHECK (json_valid(issuer)),
    currency           TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
    language           TEXT NOT NULL,
    net                BIGINT NOT NULL,
    tax                BIGINT NOT NULL,
    total              BIGINT NOT NULL,
    payments           TEXT NOT NULL CHECK (json_valid(payments)),
    issued_at          TEXT NOT NULL,
    issued_by          TEXT REFERENCES users (id),
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

CREATE TABLE invoice_lines (
    tenant_id    TEXT NOT NULL,
    invoice_id   TEXT NOT NULL,
    line_no      INTEGER NOT NULL CHECK (line_no >= 1),
    entry_id     TEXT NOT NULL,
    credits_line INTEGER,
    description  TEXT NOT NULL,
    service_date TEXT,
    net          BIGINT NOT NULL,
    tax          BIGINT NOT NULL,
    total        BIGINT NOT NULL,
    taxes        TEXT NOT NULL CHECK (json_valid(taxes)),
    PRIMARY KEY (tenant_id, invoice_id, line_no),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
    FOREIGN KEY (tenant_id, entry_id) REFERENCES folio_entries (tenant_id, id)
);
CREATE INDEX invoice_lines_entry_idx ON invoice_lines (tenant_id, entry_id);

CREATE TRIGGER invoices_no_update BEFORE UPDATE ON invoices
BEGIN SELECT RAISE(ABORT, 'invoices is append-only: issue a credit note instead'); END;
CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices
BEGIN SELECT RAISE(ABORT, 'invoices is append-only: issue a credit note instead'); END;
CREATE TRIGGER invoice_lines_no_update BEFORE UPDATE ON invoice_lines
BEGIN SELECT RAISE(ABORT, 'invoice_lines is append-only: issue a credit note instead'); END;
CREATE TRIGGER invoice_lines_no_delete BEFORE DELETE ON invoice_lines
BEGIN SELECT RAISE(ABORT, 'invoice_lines is append-only: issue a credit note instead'); END;
