## Invoices and credit notes.

nav-invoices = Invoices
invoice-list-title = Invoices
invoice-list-subtitle = Invoices and credit notes, newest first.
invoice-search = Search
invoice-search-placeholder = Number or bill-to
invoice-empty-title = No invoices yet
invoice-empty-text = Invoices are issued from a stay's page, and at check-out.
invoice-col-code = Number
invoice-col-issued = Issued
invoice-col-date = Date
invoice-col-item = Item
invoice-col-net = Net
invoice-col-tax = Tax
invoice-col-total = Total
invoice-invoice = Invoice
invoice-credit-note = Credit note
invoice-the-stay = The stay
invoice-issued-on = Issued on { $date }
invoice-cancels = Cancels invoice { $code }
invoice-bill-to = Bill to
invoice-tax-id = Tax id { $id }
invoice-net = Net
invoice-total = Total
invoice-payment = Paid { $date } · { $method }
invoice-due = Balance due
invoice-currency = Amounts in { $currency }.
invoice-print-hint = Print this page, or save it as PDF, from the browser (A4 or US Letter).
invoice-credit-title = Issue a credit note
invoice-credit-hint = Tick the lines to cancel, or none to cancel every line. Their charges can then be invoiced again.
invoice-credit-button = Issue the credit note
invoice-section = Invoices
invoice-none-yet = No invoice for this stay yet. Check-out issues one to the guest.
invoice-open-count = { $count ->
    [one] One charge not invoiced
   *[other] { $count } charges not invoiced
}
invoice-open-hint = Tick the charges to bill, or none to bill all of them.
invoice-company = Company
invoice-new-company = A new company:
invoice-company-name-label = Company name
invoice-company-tax-id = Tax id
invoice-company-address = Address
invoice-company-email = Email
invoice-issue = Issue the invoice
invoice-issued = Invoice { $code } issued.
invoice-credited = Credit note { $code } issued.
invoice-not-issued = The invoice was not issued: see the form below.
invoice-choose-company = Choose the company to bill.
invoice-company-name = Give the company's name (at most 200 characters).
invoice-entry-not-open = One of the chosen charges is invoiced already, or not this stay's.
invoice-nothing-open = Every charge of this stay is invoiced already.
invoice-nothing-to-credit = These lines are credited already.
invoice-credit-of-credit = A credit note cannot be credited.
invoice-void-invoiced = This charge is on an invoice: issue a credit note for it first.
res-check-out-uninvoiced = Without an invoice
res-check-out-invoices = Check-out invoices the open charges to the guest.
