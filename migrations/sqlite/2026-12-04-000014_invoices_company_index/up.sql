-- The invoices billed to each company: the companies page counts them, and deleting a
-- company checks that none names it (the foreign key's lookup). Most invoices go to
-- guests, so only those with a company are indexed.
CREATE INDEX invoices_company_idx ON invoices (tenant_id, company_id) WHERE company_id IS NOT NULL;
