### Reservas: a lista, o fluxo de reserva, a página da reserva com a conta, a edição da estadia, a auditoria noturna.

## Comum
res-title = Reservas
res-new-booking = Nova reserva
res-field-hotel = Hotel
res-field-arrival = Chegada
res-field-departure = Saída
res-field-adults = Adultos
res-field-children = Crianças
res-field-guest = Hóspede
res-field-room = Quarto
res-field-source = Origem
res-field-notes = Observações
res-room-number = Quarto { $number }
res-room-with-status = Quarto { $number } ({ $status })
res-party = { $adults ->
    [one] { $adults } adulto
   *[other] { $adults } adultos
}{ $children ->
    [0] {""}
    [one] , 1 criança
   *[other] , { $children } crianças
}
res-nights = { $count ->
    [0] nenhuma noite
    [one] 1 noite
   *[other] { $count } noites
}

## A lista
res-index-count = { $count ->
    [0] nenhuma reserva
    [one] 1 reserva
   *[other] { $count } reservas
}
res-quick-filters = Filtros rápidos
res-view-current = Hoje em diante
res-view-arriving = Chegadas de hoje
res-view-in-house = Hospedados
res-view-departing = Saídas de hoje
res-view-all = Todas
res-filter-q = Código ou hóspede
res-filter-q-placeholder = K7M3QX2A ou Silva
res-filter-all-hotels = Todos os hotéis
res-filter-status = Situação
res-filter-any = Qualquer
res-filter-arrival-from = Chegada de
res-filter-departure-from = Saída de
res-filter-to = até
res-filter = Filtrar
res-filter-clear = Limpar
res-empty-arriving-title = Nenhuma chegada hoje
res-empty-arriving = Não há mais ninguém para chegar hoje.
res-empty-in-house-title = Ninguém hospedado
res-empty-in-house = Nenhum hóspede está com check-in feito agora.
res-empty-departing-title = Nenhuma saída pendente
res-empty-departing = Todos os hóspedes com saída hoje já fizeram check-out.
res-empty-current-title = Nenhuma estadia atual ou futura
res-empty-current = Veja todas as reservas ou faça uma nova reserva.
res-empty-filtered-title = Nenhuma reserva encontrada
res-empty-filtered = Altere os filtros ou faça uma nova reserva.
res-col-code = Código
res-col-status = Situação
res-col-total = Total

## Nova reserva: datas, hóspedes e disponibilidade
res-new-steps = 1. Datas e hóspedes · 2. Tipo de quarto · 3. Hóspede · 4. Confirmação
res-no-hotel-title = Nenhum hotel aberto para reservas
res-no-hotel = Cadastre primeiro um hotel com tipos de quarto e quartos.
res-check-availability = Ver disponibilidade
res-no-room-types-title = Este hotel não tem tipos de quarto à venda
res-no-room-types = Cadastre primeiro tipos de quarto e quartos no hotel.
res-col-room-type = Tipo de quarto
res-option-summary = { $max ->
    [one] { $min }–{ $max } hóspede
   *[other] { $min }–{ $max } hóspedes
} · { $rooms ->
    [0] nenhum quarto
    [one] 1 quarto
   *[other] { $rooms } quartos
}
res-too-many-guests = Hóspedes demais
res-choose = Escolher
res-sold-out = Esgotado
res-availability-note = Os números por noite são os quartos ainda disponíveis para reserva, incluindo a margem de overbooking da organização.

## Nova reserva: hóspede e confirmação
res-details-title = Nova reserva · hóspede
res-details-step = Hóspede e confirmação
res-details-heading = { $room_type } em { $hotel }
res-details-subtitle = { $check_in } → { $check_out } · { $party } · { $total } no total
res-change-dates = Alterar datas
res-change-dates-or-party = Alterar as datas ou os hóspedes
res-find-guest = Buscar um hóspede cadastrado
res-find-guest-placeholder = Nome, e-mail ou telefone
res-search-guests = Buscar hóspedes
res-new-guest = Novo hóspede:
res-field-first-name = Nome
res-field-first-name-hint = Para um novo hóspede.
res-field-last-name = Sobrenome
res-field-email = E-mail
res-field-phone = Telefone
res-assign-later = Atribuir depois (no check-in)
res-free-room = Quarto { $number } · { $status }
res-free-room-floor = Quarto { $number } · andar { $floor } · { $status }
res-free-rooms-hint = { $count ->
    [0] Nenhum quarto deste tipo livre em todas as noites.
    [one] 1 quarto deste tipo livre em todas as noites.
   *[other] { $count } quartos deste tipo livres em todas as noites.
}
res-hold = Manter como pendente (ainda não confirmada)
res-confirm-booking = Confirmar reserva
res-back = Voltar
res-booked = Reserva feita. Código de confirmação { $code }.
res-room-just-taken-booking = Esse quarto acabou de ser ocupado por outra reserva. Escolha outro quarto.
res-guest-email-exists = Já existe um hóspede com este e-mail: busque o cadastro acima e selecione-o.

## A página da reserva
res-show-subtitle = { $hotel } · { $room_type } · { $check_in } → { $check_out } ({ $nights ->
    [0] nenhuma noite
    [one] 1 noite
   *[other] { $nights } noites
})
res-edit-stay = Editar estadia
res-section-stay = Estadia
res-vip = VIP
res-room-not-assigned = não atribuído
res-dt-party = Hóspedes
res-dt-rate = Tarifa
res-rate-line = { $rate } por noite · { $total } no total
res-dt-cancelled-because = Motivo do cancelamento
res-actions = Ações
res-reason-placeholder = Motivo
res-reason-for = Motivo: { $action }
res-override-balance = Ignorar saldo em aberto
res-status-now = { $code }: agora { $status ->
    [pending] pendente
    [confirmed] confirmada
    [checked_in] com check-in feito
    [checked_out] com check-out feito
    [cancelled] cancelada
   *[no_show] não comparecimento
}.
res-room-taken = Esse quarto está ocupado em algumas destas noites. Escolha outro quarto.
res-stale-show = Outra pessoa alterou esta reserva há pouco. Esta é a situação atual; tente de novo.

## A conta
folio-heading = Conta · { $standing ->
    [standing-due] saldo devedor { $amount }
    [standing-credit] crédito { $amount }
   *[other] quitada
}
res-folio-total = { $standing ->
    [standing-due] Saldo devedor
    [standing-credit] Crédito
   *[other] Quitado
}
res-folio-empty = Nenhum lançamento ainda. As diárias entram com a auditoria noturna e no check-out.
res-col-date = Data
res-col-item = Item
res-col-amount = Valor
res-void-badge = Estorno
res-voided-badge = Estornado
res-void-reason = Motivo: { $reason }
res-void-summary = Estornar…
res-void-placeholder = Por quê (lançado por engano, quarto errado…)
res-void-aria = Motivo do estorno de { $item }
res-void-button = Estornar { $amount }
res-nights-due = Diárias a lançar no check-out
res-post-kind = Lançar
res-post-amount = Valor
res-post-method = Forma
res-post-description = Descrição
res-post-description-placeholder = Frigobar, estacionamento…
res-post-button = Lançar na conta
res-folio-choose-kind = Escolha o que lançar.
res-posted = { $kind ->
    [room_charge] Diária lançada.
    [charge] Lançamento registrado.
    [payment] Pagamento lançado.
    [refund] Reembolso lançado.
   *[discount] Desconto lançado.
}
res-not-posted = O lançamento não foi feito: veja os campos marcados.
res-voided = Lançamento estornado: um lançamento de estorno está na conta.
res-not-voided = O lançamento não foi estornado: veja o motivo.

## Edição da estadia
res-edit-title = Editar { $code }
res-edit-heading = Editar estadia { $code }
res-edit-currently = Atualmente { $check_in } → { $check_out }
res-not-saved = Não salvo
res-not-assigned-option = Não atribuído
res-save-stay = Salvar estadia
res-cancel = Cancelar
res-saved = Estadia salva.
res-stale-edit = Outra pessoa alterou esta reserva enquanto você editava. O que você digitou está abaixo; a estadia atual aparece acima.
res-room-just-taken-edit = Esse quarto acabou de ser ocupado por outra estadia. Escolha outro quarto.

## A auditoria noturna
res-audit-date-format = Informe a data da auditoria como 2026-11-21.
res-audit-done = Auditoria noturna de { $date }: { $no_shows ->
    [0] nenhum não comparecimento
    [one] 1 não comparecimento
   *[other] { $no_shows } não comparecimentos
}, { $charges ->
    [0] nenhuma diária lançada
    [one] 1 diária lançada
   *[other] { $charges } diárias lançadas
}. A data de movimento agora é { $business_date }.

## Planos tarifários na reserva e na estadia.
res-rooms-left = Quartos restantes naquela noite
res-bookable-count = { $count ->
    [one] 1 disponível
   *[other] { $count } disponíveis
}
res-breakdown-title = { $plan }: noite a noite
res-col-night = Noite
res-col-price = Preço
res-breakdown-total = { $nights ->
    [one] Total, uma noite
   *[other] Total, { $nights } noites
}
res-terms-title = As condições da tarifa para esta estadia
res-terms-deposit = Um depósito de { $amount } é devido até { $by }.
res-terms-no-deposit = Nenhum depósito é pedido.
res-terms-free = O cancelamento é grátis a qualquer momento.
res-terms-free-until = Cancelamento grátis até { $until }; depois disso, cancelar custa { $amount }.
res-terms-penalty-now = O prazo de cancelamento grátis já passou: cancelar custa { $amount }.
res-terms-non-refundable = Não reembolsável: cancelar custa { $amount }.
res-terms-no-show = O não comparecimento é cobrado { $amount }.
res-terms-no-no-show = Sem taxa por não comparecimento.
res-choose-another-plan = Escolha outro plano ou outras datas.
res-dt-rate-plan = Plano tarifário
res-nights-agreed = { $count ->
    [one] O preço acordado da noite
   *[other] O preço acordado de cada uma das { $count } noites
}
res-saved-nights-added = { $count ->
    [one] Estadia salva. A noite acrescentada tem o preço de hoje: { $amount }; as outras noites mantêm os preços reservados.
   *[other] Estadia salva. As { $count } noites acrescentadas têm os preços de hoje: { $amount } no total; as outras noites mantêm os preços reservados.
}

## A política do plano tarifário na estadia.
res-penalty-title = Cancelar agora custa { $amount }
res-penalty-explain = O plano tarifário da estadia cobra esta multa por um cancelamento após o prazo. Lance-a no extrato, ou dispense-a com um motivo.
res-penalty-post = Cancelar e lançar { $amount }
res-penalty-waive = Cancelar e dispensar a multa
res-waiver-reason = Por que a multa é dispensada
res-waiver-placeholder = Motivo da dispensa
res-cancel-costs = Cancelar agora custa { $amount }.
res-cancel-free-until = Cancelamento grátis até { $until }.
res-cancel-free = Cancelamento grátis.
res-no-show-costs = Taxa de no-show: { $amount }.
res-deposit-due = Depósito de { $amount } devido até { $by }
res-deposit-paid = Depósito pago
res-deposit-owed = { $amount } ainda em aberto
res-tax-included = incl. { $name }
res-tax-added = + { $name }
