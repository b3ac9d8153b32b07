## O calendário de tarifas, os planos tarifários e as suas políticas.

nav-rates = Tarifas
rates-title = Calendário de tarifas
rates-caption = Quartos restantes e preços por plano tarifário, por noite
rates-earlier = ← Antes
rates-later = Depois →
rates-empty-title = Nenhum tipo de quarto ainda
rates-empty-text = Cadastre os tipos de quarto deste hotel e depois configure aqui os planos tarifários.
rates-rooms-left = quartos restantes
rates-rack-rate = Tarifa balcão
rates-no-plan-sells = Nenhum plano tarifário vende este tipo de quarto: ele é vendido pela tarifa balcão de { $rate }.
rates-closed = Fechado
rates-closed-short = ✕
rates-cta = Fechado para chegada
rates-cta-short = CTA
rates-ctd = Fechado para saída
rates-ctd-short = CTD
rates-min-short = mín. { $nights }
rates-max-short = máx. { $nights }
rates-min-stay-long = { $nights ->
    [one] Quem chega neste dia fica pelo menos uma noite
   *[other] Quem chega neste dia fica pelo menos { $nights } noites
}
rates-max-stay-long = { $nights ->
    [one] Quem chega neste dia fica no máximo uma noite
   *[other] Quem chega neste dia fica no máximo { $nights } noites
}
rates-legend = Cada célula mostra o preço da noite. ✕ fechado · CTA fechado para chegada · CTD fechado para saída · mín./máx. a estadia permitida para quem chega no dia.
rates-plans-title = Planos tarifários
rates-no-plans = Este hotel ainda não tem planos tarifários: os tipos de quarto são vendidos pela tarifa balcão.
rates-bulk-title = Alterar várias datas de uma vez
rates-bulk-hint = Escolha um plano, as datas e os dias da semana, e só o que deve mudar: campos em branco ficam como estão.
rates-field-plan = Plano tarifário
rates-all-room-types = Todos os tipos de quarto do plano
rates-field-from = De
rates-field-to = Até (inclusive)
rates-field-weekdays = Nestes dias
rates-field-price = Preço por noite
rates-price-clear = Voltar ao preço base
rates-field-min-stay = Estadia mínima (noites)
rates-field-max-stay = Estadia máxima (noites)
rates-clear = Remover
rates-keep = Manter
rates-set = Definir
rates-unset = Remover
rates-apply = Aplicar às datas
rates-changed = { $count ->
    [one] Uma data de { $plan } alterada.
   *[other] { $count } datas de { $plan } alteradas.
}
rates-to-before-from = A última data vem antes da primeira.
rates-range-too-long = No máximo { $days } dias de uma vez.
rates-no-weekday = Escolha pelo menos um dia da semana.
rates-nothing-to-change = Nada a alterar: preencha um preço, uma duração de estadia ou uma restrição.
rates-min-above-max = Em { $day } a estadia mínima ({ $min }) ficaria acima da máxima ({ $max }).
weekday-mon = seg.
weekday-tue = ter.
weekday-wed = qua.
weekday-thu = qui.
weekday-fri = sex.
weekday-sat = sáb.
weekday-sun = dom.

plan-new = Novo plano tarifário
plan-edit-title = Editar { $name }
plan-added = Plano tarifário { $name } cadastrado.
plan-saved = Plano tarifário { $name } salvo.
plan-deleted = Plano tarifário { $name } excluído.
plan-delete = Excluir plano tarifário
plan-in-use = Este plano tarifário não pode ser excluído: há estadias reservadas nele, ou outro plano o segue. Desative-o.
plan-code-taken = Outro plano tarifário deste hotel já usa este código.
plan-field-code = Código
plan-field-code-hint = Curto e único no hotel, por exemplo BAR ou NRF.
plan-field-name = Nome
plan-field-name-hint = O que a recepção vê, por exemplo Melhor tarifa disponível.
plan-field-active = À venda
plan-section-price = Preço
plan-field-parent = Segue
plan-parent-none = Nada: preços próprios
plan-field-parent-hint = Um plano derivado usa o preço do outro plano a cada noite, ajustado.
plan-parent-not-base = Escolha um plano base deste hotel (não este plano, nem um que segue outro).
plan-field-adjust = Ajuste
plan-field-adjust-kind = Percentual ou valor
plan-adjust-amount = valor
plan-field-adjust-hint = Para um plano derivado: −10 para 10 % a menos, 40 com "valor" para 40 a mais por noite.
plan-adjust-range = Um percentual entre −100 e 1000.
plan-field-rooms = Tipos de quarto que vende
plan-col-sells = Vende
plan-col-base-price = Preço base por noite
plan-price-of = Preço base de { $room_type }
plan-field-rooms-hint = Os preços de um plano derivado seguem o plano base; os campos de preço não são usados.
plan-sells-nothing = Escolha pelo menos um tipo de quarto.
plan-section-policy = Política
plan-field-deposit = Depósito
plan-field-penalty = Multa de cancelamento
plan-field-no-show = Taxa de no-show
plan-charge-value = Percentual ou valor
plan-charge-hint = Um percentual da estadia, a primeira noite, ou um valor fixo.
plan-charge-percent-range = Um percentual entre 0,01 e 100.
plan-field-deposit-due = Depósito devido (dias antes da chegada)
plan-field-deposit-due-hint = 0: na reserva.
plan-field-cancel = Cancelamento grátis
plan-cancel-free-until = Grátis até
plan-field-cancel-hours = Horas antes da chegada
plan-hours-before-arrival = horas antes da chegada; depois disso, a multa
plan-cancel-never = Nunca: a multa sempre se aplica (não reembolsável)
plan-col-price = Preço
plan-col-policy = Política
plan-col-status = Situação
plan-base = Preços próprios
plan-follows = { $parent } { $adjustment }
plan-free-cancel = Cancelamento grátis até { $hours } h antes da chegada
plan-non-refundable = Não reembolsável
plan-deposit-required = depósito
plan-active = Ativo
plan-inactive = Inativo
