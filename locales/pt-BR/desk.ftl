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
kiosk-in-house = Hospedados
kiosk-in-house-none = Ninguém hospedado.
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
