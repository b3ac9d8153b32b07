DROP TABLE folio_taxes;
DROP FUNCTION folio_taxes_append_only();
DROP TABLE tax_rules;
