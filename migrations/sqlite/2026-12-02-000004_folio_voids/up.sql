-- Voids (see the PostgreSQL migration). SQLite cannot add a table constraint to an
-- existing table, so folio_entries is rebuilt with them: created under a new name (its
-- own foreign key naming the new name, which the rename below carries over), filled,
-- and renamed over the old one. No other table references folio_entries.
CREATE TABLE folio_entries_new (
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
    voids_entry_id TEXT,
    void_reason    TEXT,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT folio_entries_payment_method_check CHECK (kind NOT IN ('payment', 'refund') OR method IS NOT NULL),
    CONSTRAINT folio_entries_void_reason_check
        CHECK ((voids_entry_id IS NULL) = (void_reason IS NULL)
               AND (void_reason IS NULL OR length(void_reason) BETWEEN 1 AND 500)),
    CONSTRAINT folio_entries_void_kind_check CHECK (voids_entry_id IS NULL OR kind <> 'room_charge'),
    CONSTRAINT folio_entries_stay_entry_key UNIQUE (tenant_id, reservation_id, id),
    FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id),
    FOREIGN KEY (tenant_id, reservation_id, voids_entry_id) REFERENCES folio_entries_new (tenant_id, reservation_id, id)
);
INSERT INTO folio_entries_new
    (tenant_id, id, reservation_id, kind, description, amount, method, reference, service_date, created_by, created_at)
    SELECT tenant_id, id, reservation_id, kind, description, amount, method, reference, service_date, created_by, created_at
    FROM folio_entries;
DROP TABLE folio_entries;
ALTER TABLE folio_entries_new RENAME TO folio_entries;

CREATE INDEX folio_entries_reservation_idx ON folio_entries (tenant_id, reservation_id, created_at);
CREATE UNIQUE INDEX folio_entries_room_charge_key
    ON folio_entries (tenant_id, reservation_id, service_date) WHERE kind = 'room_charge';
CREATE UNIQUE INDEX folio_entries_void_key ON folio_entries (tenant_id, voids_entry_id) WHERE voids_entry_id IS NOT NULL;

CREATE TRIGGER folio_entries_no_update BEFORE UPDATE ON folio_entries
BEGIN SELECT RAISE(ABORT, 'folio_entries is append-only: void an entry instead'); END;
CREATE TRIGGER folio_entries_no_delete BEFORE DELETE ON folio_entries
BEGIN SELECT RAISE(ABORT, 'folio_entries is append-only: void an entry instead'); END;
