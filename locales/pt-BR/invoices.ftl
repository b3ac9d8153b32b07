## Faturas e notas de crédito.

nav-invoices = Faturas
invoice-list-title = Faturas
invoice-list-subtitle = Faturas e notas de crédito, as mais recentes primeiro.
invoice-search = Buscar
invoice-search-placeholder = Número ou faturado a
invoice-empty-title = Nenhuma fatura ainda
invoice-empty-text = As faturas são emitidas na página da estadia e no check-out.
invoice-col-code = Número
invoice-col-issued = Emitida
invoice-col-date = Data
invoice-col-item = Item
invoice-col-net = Líquido
invoice-col-tax = Imposto
invoice-col-total = Total
invoice-invoice = Fatura
invoice-credit-note = Nota de crédito
invoice-the-stay = A estadia
invoice-issued-on = Emitida em { $date }
invoice-cancels = Cancela a fatura { $code }
invoice-bill-to = Faturado a
invoice-tax-id = CNPJ/CPF { $id }
invoice-net = Líquido
invoice-total = Total
invoice-payment = Pago em { $date } · { $method }
invoice-due = Saldo devedor
invoice-currency = Valores em { $currency }.
invoice-print-hint = Imprima esta página, ou salve-a em PDF, pelo navegador (A4 ou Carta).
invoice-credit-title = Emitir uma nota de crédito
invoice-credit-hint = Marque as linhas a cancelar, ou nenhuma para cancelar todas. Os lançamentos poderão ser faturados de novo.
invoice-credit-button = Emitir a nota de crédito
invoice-section = Faturas
invoice-none-yet = Nenhuma fatura para esta estadia ainda. O check-out emite uma para o hóspede.
invoice-open-count = { $count ->
    [one] Um lançamento não faturado
   *[other] { $count } lançamentos não faturados
}
invoice-open-hint = Marque os lançamentos a faturar, ou nenhum para faturar todos.
invoice-company = Empresa
invoice-new-company = Uma nova empresa:
invoice-company-name-label = Razão social
invoice-company-tax-id = CNPJ
invoice-company-address = Endereço
invoice-company-email = E-mail
invoice-issue = Emitir a fatura
invoice-issued = Fatura { $code } emitida.
invoice-credited = Nota de crédito { $code } emitida.
invoice-not-issued = A fatura não foi emitida: veja o formulário abaixo.
invoice-choose-company = Escolha a empresa a faturar.
invoice-company-name = Informe a razão social (até 200 caracteres).
invoice-entry-not-open = Um dos lançamentos escolhidos já está faturado, ou não é desta estadia.
invoice-nothing-open = Todos os lançamentos desta estadia já estão faturados.
invoice-nothing-to-credit = Estas linhas já têm nota de crédito.
invoice-credit-of-credit = Uma nota de crédito não pode ser creditada.
invoice-void-invoiced = Este lançamento está numa fatura: emita antes uma nota de crédito.
res-check-out-uninvoiced = Sem fatura
res-check-out-invoices = O check-out fatura os lançamentos em aberto ao hóspede.
