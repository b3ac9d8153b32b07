DROP TABLE folio_taxes;
DROP TABLE tax_rules;
