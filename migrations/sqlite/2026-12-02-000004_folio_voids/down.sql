-- Back to the table without voids; the void entries go with their columns.
DROP TRIGGER folio_entries_no_update;
DROP TRIGGER folio_entries_no_delete;
CREATE TABLE folio_entries_old (
    tenant_id      TEXT NOT NULL,
    id             TEXT NOT NULL,
    reservation_id TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('room_charge', 'charge', 'payment', 'refund', 'discount')),
    description    TEXT NOT NULL CHECK (length(description) <= 200),
    amount         BIGINT NOT NULL CHECK (amount >= 0),
    method         TEXT CHECK (method IS NULL OR method IN ('cash', 'card', 'bank_transfer', 'voucher', 'city_ledger', 'other')),
    reference      TEXT,
    service_date   TEXT,
    created_by     TEXT REFERENCES users (id),
    created_at     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT folio_entries_payment_method_check CHECK (kind NOT IN ('payment', 'refund') OR method IS NOT NULL),
    FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id)
);
INSERT INTO folio_entries_old
    SELECT tenant_id, id, reservation_id, kind, description, amount, method, reference, service_date, created_by, created_at
    FROM folio_entries WHERE voids_entry_id IS NULL;
DROP TABLE folio_entries;
ALTER TABLE folio_entries_old RENAME TO folio_entries;
CREATE INDEX folio_entries_reservation_idx ON folio_entries (tenant_id, reservation_id, created_at);
CREATE UNIQUE INDEX folio_entries_room_charge_key
    ON folio_entries (tenant_id, reservation_id, service_date) WHERE kind = 'room_charge';
