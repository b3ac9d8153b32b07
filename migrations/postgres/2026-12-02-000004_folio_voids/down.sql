-- Back to entries without voids; the void entries go with their columns (as the
-- platform, past row-level security, inside the migration's transaction).
DROP TRIGGER folio_entries_append_only ON folio_entries;
DROP FUNCTION folio_entries_append_only();
SELECT set_config('app.platform', 'on', true);
DELETE FROM folio_entries WHERE voids_entry_id IS NOT NULL;
DROP INDEX folio_entries_void_key;
ALTER TABLE folio_entries DROP CONSTRAINT folio_entries_voids_fkey;
ALTER TABLE folio_entries DROP CONSTRAINT folio_entries_stay_entry_key;
ALTER TABLE folio_entries DROP CONSTRAINT folio_entries_void_kind_check;
ALTER TABLE folio_entries DROP CONSTRAINT folio_entries_void_reason_check;
ALTER TABLE folio_entries DROP COLUMN void_reason, DROP COLUMN voids_entry_id;
