### As palavras da demonstração (`serve --demo`), no idioma de cada organização.

demo-member-name = { $role } { $org }
demo-block-reason = Vazamento no chuveiro: encanador agendado
demo-minibar = Frigobar
demo-payment = Pagamento
demo-plan-bar = Melhor tarifa disponível
demo-plan-nrf = Não reembolsável
demo-tax-occupancy = Imposto de ocupação
demo-tax-iss = ISS
demo-tax-city = Taxa de turismo
demo-tax-vat = IVA
demo-plan-bb = Café da manhã incluído
