-- Hotelier on Citus: every tenant-owned table distributed by tenant_id and colocated, so
-- that one organization's rows live on one worker and every request's transaction (one
-- tenant, RLS by `app.tenant_id`) runs on that worker alone. The platform's tables are
-- reference tables, copied to every worker, so that the foreign keys to them hold there.
--
-- Run on the coordinator, as the database owner, after `hotelier migrate` has created the
-- schema on it and the workers have been added (`SELECT citus_add_node(…)`), and before
-- any data is loaded (or let Citus move it: create_distributed_table copies existing rows).
-- Citus cannot be installed on the machines this project is built on: this script is
-- checked by tests/app/catalog.rs (`citus_distributes_every_table`) against the live
-- schema, not run. See docs/SCALING.md, step 6.
--
-- The order matters: a table is distributed after every table its foreign keys name.

CREATE EXTENSION IF NOT EXISTS citus;

-- The app sets its tenant with `SET LOCAL app.tenant_id = '…'` in the batch that begins
-- each transaction (src/db/mod.rs, `pg_begin`). Citus sends such transaction-local
-- settings to the workers it opens for the transaction only with this setting (it does
-- not propagate `set_config` calls).
DO $$ BEGIN
    EXECUTE format('ALTER DATABASE %I SET citus.propagate_set_commands = %L', current_database(), 'local');
END $$;

-- The platform: reference tables (every worker holds a copy; writes go to all of them in
-- one distributed transaction). `sessions` is written at sign-in, switch and sign-out and
-- once a minute per active session, a rate a reference table bears.
SELECT create_reference_table('tenants');
SELECT create_reference_table('users');
SELECT create_reference_table('sessions');

-- Tenant-owned tables, distributed by tenant_id in one colocation group.
SELECT create_distributed_table('hotels', 'tenant_id', colocate_with => 'none');
SELECT create_distributed_table('user_tenant_associations', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('room_types', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('rooms', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('guests', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('reservations', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('folio_entries', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('room_blocks', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('rate_plans', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('rate_plan_prices', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('rate_days', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('reservation_nights', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('tax_rules', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('folio_taxes', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('companies', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('invoice_counters', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('invoices', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('invoice_lines', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('hotel_messaging', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('message_templates', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('outbox_messages', 'tenant_id', colocate_with => 'hotels');
SELECT create_distributed_table('stay_notes', 'tenant_id', colocate_with => 'hotels');

-- The one exception: audit_log holds platform events too, whose tenant_id is NULL, and a
-- distribution column cannot be NULL. It is distributed by its own id instead, outside
-- the colocation group: nothing references it and no transaction joins it to tenant
-- data, so a tenant's audit page is a query across the workers (row-level security
-- still filters it by app.tenant_id on each).
SELECT create_distributed_table('audit_log', 'id', colocate_with => 'none');
