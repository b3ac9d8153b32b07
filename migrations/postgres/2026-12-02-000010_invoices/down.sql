DROP TABLE invoice_lines;
DROP TABLE invoices;
DROP FUNCTION invoices_append_only();
DROP TABLE invoice_counters;
DROP TABLE companies;
