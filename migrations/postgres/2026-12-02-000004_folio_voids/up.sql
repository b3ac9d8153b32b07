-- A posted folio entry is never changed or deleted. A mistake is voided: a second entry
-- of the same kind and amount, with the opposite effect on the balance, points at the
-- original (`voids_entry_id`) and says why (`void_reason`). stays::void writes it.
ALTER TABLE folio_entries
    ADD COLUMN voids_entry_id uuid,
    ADD COLUMN void_reason text;

-- A void names its reason, and only a void has one.
ALTER TABLE folio_entries ADD CONSTRAINT folio_entries_void_reason_check
    CHECK ((voids_entry_id IS NULL) = (void_reason IS NULL)
           AND (void_reason IS NULL OR length(void_reason) BETWEEN 1 AND 500));
-- Room charges follow the stay's nights: they are corrected by changing the stay (or a
-- discount), never voided.
ALTER TABLE folio_entries ADD CONSTRAINT folio_entries_void_kind_check
    CHECK (voids_entry_id IS NULL OR kind <> 'room_charge');

-- A void reverses an entry of the same tenant and the same stay: the foreign key
-- includes both.
ALTER TABLE folio_entries ADD CONSTRAINT folio_entries_stay_entry_key UNIQUE (tenant_id, reservation_id, id);
ALTER TABLE folio_entries ADD CONSTRAINT folio_entries_voids_fkey
    FOREIGN KEY (tenant_id, reservation_id, voids_entry_id) REFERENCES folio_entries (tenant_id, reservation_id, id);
-- An entry is voided at most once.
CREATE UNIQUE INDEX folio_entries_void_key ON folio_entries (tenant_id, voids_entry_id) WHERE voids_entry_id IS NOT NULL;

-- Append-only, like the audit log.
CREATE FUNCTION folio_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'folio_entries is append-only: void an entry instead' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER folio_entries_append_only BEFORE UPDATE OR DELETE ON folio_entries
    FOR EACH ROW EXECUTE FUNCTION folio_entries_append_only();
