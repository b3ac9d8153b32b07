### A recepção: o quiosque, o mapa de quartos, o painel, os relatórios e os bloqueios de quarto.

## O quiosque: a moldura
kiosk-front-desk = Recepção
kiosk-lock = Bloquear
kiosk-locked = O quiosque foi bloqueado. Digite sua senha para continuar.

## O quiosque: a escolha do hotel
kiosk-choose-title = De qual hotel é esta recepção?
kiosk-choose-hint = Escolhido uma vez; esta tela se lembra.
kiosk-choose-none = Esta organização ainda não tem hotel ativo.
kiosk-choose-hotel = Escolha um dos hotéis desta organização.

## O quiosque: as listas do dia
kiosk-search-label = Buscar hóspede ou código de confirmação
kiosk-search-placeholder = Nome do hóspede ou código de confirmação
kiosk-search-find = Buscar
kiosk-found = Encontradas: { $count }
kiosk-found-none = Nenhuma estadia neste hotel corresponde a “{ $query }”.
kiosk-arrivals = Chegadas
kiosk-arrivals-none = Não há mais chegadas hoje.
kiosk-departures = Saídas
kiosk-departures-none = Não há mais saídas hoje.
kiosk-in-house = Na casa
kiosk-in-house-none = Nenhum hóspede na casa.
kiosk-nights = { $count ->
    [0] nenhuma diária
    [one] 1 diária
   *[other] { $count } diárias
}
kiosk-room-assigned = quarto atribuído
kiosk-go-check-in = Check-in →
kiosk-go-check-out = Check-out →
kiosk-room = Quarto { $number }
kiosk-until = até { $date }

## O quiosque: uma estadia
kiosk-back = ← Voltar
kiosk-adults = { $count ->
    [0] nenhum adulto
    [one] 1 adulto
   *[other] { $count } adultos
}
kiosk-stay-room = quarto { $number }
kiosk-tap-room = Toque em um quarto para fazer o check-in
kiosk-assigned = atribuído · { $status }
kiosk-floor = andar { $floor }
kiosk-no-ready-room = Nenhum quarto limpo deste tipo está livre durante toda a estadia. Fale com a governança ou mude o tipo de quarto no escritório.
kiosk-folio = Conta
kiosk-nights-due = Diárias a lançar no check-out
kiosk-confirm-title = Receber { $amount } ({ $method })?
kiosk-confirm = Confirmar { $amount }
kiosk-change = Alterar
kiosk-amount = Valor
kiosk-pay-by = Pagar com { $method }
kiosk-check-out = Fazer check-out
kiosk-checked-in = Check-in de { $code } feito.
kiosk-checked-out = Check-out de { $code } feito.
kiosk-stale = Esta estadia acabou de mudar. Confira e toque de novo.
kiosk-room-just-taken = Esse quarto acabou de ser ocupado. Escolha outro.
kiosk-payment-description = Pagamento na recepção
kiosk-payment-taken = Pagamento recebido.

## O quiosque: a tela de bloqueio
kiosk-lock-title = Recepção bloqueada
kiosk-lock-locked-by = Bloqueado por { $name }
kiosk-lock-pin = PIN
kiosk-lock-unlock = Desbloquear
kiosk-lock-use-password = Usar sua senha
kiosk-lock-password = Senha
kiosk-lock-email = E-mail
kiosk-lock-not-you = Não é { $name }? Entre com outra conta

## O mapa de quartos
cal-title = Mapa de quartos
cal-range = { $from } a { $to }
cal-prev-week = ← Semana
cal-today = Hoje
cal-next-week = Semana →
cal-days = { $count ->
    [one] 1 dia
   *[other] { $count } dias
}
cal-hotel = Hotel
cal-show = Mostrar
cal-empty-title = Nenhum quarto no mapa
cal-empty-text = Cadastre quartos neste hotel e as estadias aparecem aqui.
cal-room = Quarto
cal-left-to-sell = Disponíveis para venda
cal-legend-confirmed = Confirmada
cal-legend-pending = Pendente
cal-legend-in-house = Hospedada
cal-legend-checked-out = Check-out feito
cal-legend-shaded = As linhas sombreadas são quartos interditados ou fora de serviço.

## O painel
dash-title = Painel
dash-subtitle = Hoje nos seus hotéis · sessão de { $user } ({ $role })
dash-new-booking = Nova reserva
dash-welcome = Boas-vindas ao Hotelier
dash-welcome-text = Comece cadastrando seu primeiro hotel, depois os tipos de quarto e os quartos.
dash-add-hotel = Cadastrar hotel
dash-arrivals-today = Chegadas hoje
dash-departures-today = Saídas hoje
dash-in-house = Hóspedes na casa
dash-rooms-to-clean = Quartos a limpar
dash-col-hotel = Hotel
dash-col-today = Hoje
dash-col-arrivals = Chegadas
dash-col-departures = Saídas
dash-col-in-house = Na casa
dash-col-to-clean = A limpar
dash-col-occupancy-tonight = Ocupação hoje à noite
dash-last-30 = Últimos 30 dias
dash-next-30 = Próximos 30 dias, já reservados
dash-occupancy = Ocupação
dash-adr = Diária média
dash-revpar = RevPAR
dash-chart-title = Ocupação, 30 dias para trás e 30 dias à frente
dash-chart-label = Ocupação diária de 30 dias atrás até 30 dias à frente
# A dica de uma barra: o dia e a ocupação já formatada ("75 %").
dash-chart-bar = { $day }: { $percent }
dash-chart-today = hoje
dash-chart-back = { $count ->
    [one] −1 dia
   *[other] −{ $count } dias
}
dash-chart-ahead = { $count ->
    [one] +1 dia
   *[other] +{ $count } dias
}

## Relatórios
rep-title = Relatórios
rep-formulas = Ocupação = diárias vendidas ÷ disponíveis · Diária média = receita de hospedagem ÷ vendidas · RevPAR = receita de hospedagem ÷ disponíveis
rep-download-csv = Baixar CSV
rep-hotel = Hotel
rep-all-hotels = Todos os hotéis
rep-from = De
rep-to = Até
rep-by = Por
rep-period-day = Dia
rep-period-week = Semana
rep-period-month = Mês
rep-show = Mostrar
rep-range-shortened = Os relatórios cobrem no máximo { $days } dias; o período foi encurtado.
rep-bad-start = Não foi possível ler a data inicial; mostrando os últimos { $days } dias.
rep-occupancy = Ocupação
rep-adr = Diária média
rep-revpar = RevPAR
rep-room-revenue = Receita de hospedagem
rep-empty-title = Nada a relatar
rep-empty-text = Cadastre hotéis e quartos, e as reservas deles aparecem aqui.
rep-col-hotel = Hotel
rep-col-period = Período
rep-col-available = Disponíveis
rep-col-sold = Vendidas
rep-col-revenue = Receita
rep-period-range = { $from } → { $to }
rep-footnote = As diárias disponíveis contam os quartos vendáveis hoje. As datas são os dias do calendário da organização.

## Bloqueios de quarto: um quarto fora de venda por algumas noites
block-title = Quarto { $number } fora de venda
block-breadcrumb-housekeeping = Governança
block-breadcrumb-room = Quarto { $number }
block-heading = Tirar o quarto { $number } de venda
block-subtitle = { $hotel } · interditado ou fora de serviço por algumas noites, com um motivo. Nas demais noites ele continua à venda.
block-current = Bloqueios atuais e próximos
block-col-what = Tipo
block-col-from = De
block-col-last-night = Última noite
block-col-reason = Motivo
block-now = agora
block-cancel = Cancelar bloqueio
block-end-today = De volta ao serviço hoje
block-affected-title = Estas estadias têm o quarto { $number } em alguma dessas noites
block-col-confirmation = Confirmação
block-col-guest = Hóspede
block-col-stay = Estadia
block-col-what-happens = O que acontece
block-affected-in-house = Na casa: mude o hóspede para outro quarto.
block-affected-coming = Perde o quarto e mantém a reserva: atribua outro quarto.
block-field-kind = Tipo
block-field-kind-hint = Interditado: com defeito, não pode ser usado. Fora de serviço: utilizável, mas retido (limpeza pesada, reforma).
block-field-starts-on = De (primeira noite fora de venda)
block-field-ends-on = Volta à venda em
block-field-reason = Motivo
block-field-reason-placeholder = Chuveiro vazando, pintura…
block-submit = Tirar de venda
block-submit-anyway = Tirar de venda mesmo assim
block-back-cancel = Cancelar
# Depois de um bloqueio: $kind é out_of_order ou out_of_service; as datas como digitadas (ISO);
# $released e $in_house listam códigos de confirmação; as contagens escolhem as frases.
block-blocked = O quarto { $number } está { $kind ->
        [out_of_service] fora de serviço
       *[out_of_order] interditado
    } de { $from } a { $last } (volta em { $back }).{ $released_count ->
        [0] {""}
       *[other] { " " }Atribua outro quarto a estas estadias: { $released }.
    }{ $in_house_count ->
        [0] {""}
       *[other] { " " }Mude os hóspedes de { $in_house } para outro quarto.
    }
block-ended = O quarto voltou à venda ({ $kind ->
        [out_of_service] fim do período fora de serviço
       *[out_of_order] fim da interdição
    }).
rep-net-note = Receita de hospedagem, ADR e RevPAR são líquidos: sem os impostos incluídos no preço (os adicionais nunca estão).
rep-taxes-title = Impostos arrecadados
rep-taxes-empty = Nenhum lançamento tributado neste período.
rep-col-tax-kind = No preço
rep-col-collected = Arrecadado
