DROP INDEX invoices_company_idx;
