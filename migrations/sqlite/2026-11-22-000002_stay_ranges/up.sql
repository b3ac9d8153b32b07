-- PostgreSQL gets a GiST index on each stay's date range here. SQLite has no range
-- type; its overlap queries keep using the (tenant_id, hotel_id, check_in) and
-- (tenant_id, hotel_id, check_out) indexes. The migration exists so that both backends
-- list the same versions.
SELECT 1;
