### Os direitos de um papel, os recursos dos planos, o que a recepção pode fazer com uma estadia.

## Capability
capability-view = Ver os hotéis e as estadias da organização
capability-property-edit = Editar hotéis, tipos de quarto e quartos
capability-property-manage = Criar e excluir hotéis, tipos de quarto e quartos
capability-housekeeping = Alterar a situação da governança
capability-guests-edit = Cadastrar e editar hóspedes
capability-guests-delete = Excluir hóspedes
capability-settings-view = Ver configurações e usuários
capability-settings-edit = Alterar configurações
capability-users-manage = Gerenciar usuários
capability-owners-manage = Gerenciar proprietários
capability-audit-view = Ler o registro de auditoria
capability-reservations-edit = Reservar e editar estadias
capability-reservations-reverse = Desfazer um check-in ou check-out
capability-backdate = Reservar chegadas no passado
capability-checkout-override = Fazer check-out com saldo em aberto
capability-penalty-waive = Dispensar uma multa de cancelamento
capability-payments-create = Receber pagamentos, reembolsos e descontos
capability-folio-void = Estornar lançamentos da conta
capability-night-audit = Executar a auditoria noturna
capability-kiosk = Usar o balcão da recepção
capability-reports = Ler relatórios
capability-data-export = Exportar os dados da organização

## Feature
feature-kiosk = O balcão da recepção
feature-reports = Relatórios
feature-export = Exportação de dados

## Action
action-confirm = Confirmar
action-check-in = Fazer check-in
action-check-out = Fazer check-out
action-cancel = Cancelar
action-no-show = Marcar não comparecimento
action-undo-check-in = Desfazer check-in
action-undo-check-out = Desfazer check-out

## O que a máquina de situações recusa (a situação é o seu rótulo)
rule-not-from-confirm = Não é possível confirmar uma reserva com situação “{ $from }”.
rule-not-from-check-in = Não é possível fazer o check-in de uma reserva com situação “{ $from }”.
rule-not-from-check-out = Não é possível fazer o check-out de uma reserva com situação “{ $from }”.
rule-not-from-cancel = Não é possível cancelar uma reserva com situação “{ $from }”.
rule-not-from-no-show = Não é possível marcar não comparecimento em uma reserva com situação “{ $from }”.
rule-not-from-undo-check-in = Não é possível voltar para confirmada uma reserva com situação “{ $from }”.
rule-not-from-undo-check-out = Não é possível voltar para hospedada uma reserva com situação “{ $from }”.
rule-no-show-too-early = Só é possível marcar não comparecimento a partir da data de chegada ({ $arrival }).
rule-check-in-too-early = O check-in abre na data de chegada ({ $arrival }).

## O que as regras da recepção recusam
rule-sold-out = Não há { $room_type } disponível em todas as noites de { $check_in } a { $check_out }. Tente outras datas ou outro tipo de quarto.
rule-room-not-sellable = O quarto { $number } não pode ser vendido para este tipo de quarto.
rule-room-taken = O quarto { $number } já está ocupado em algumas dessas noites.
# $status é a situação guardada: pending, confirmed, checked_in, checked_out, cancelled, no_show.
rule-closed = Uma reserva { $status ->
    [pending] pendente
    [confirmed] confirmada
    [checked_in] hospedada
    [checked_out] encerrada
    [no_show] com não comparecimento
   *[cancelled] cancelada
} não pode ser alterada.
rule-no-action = Escolha uma ação.
# $action é o rótulo da ação ("Cancelar", "Desfazer check-in").
rule-needs-reason = “{ $action }” precisa de um motivo.
rule-no-room = Atribua um quarto antes do check-in.
# $status é a situação de governança guardada: dirty, out_of_order, out_of_service.
rule-room-not-ready = O quarto { $number } está { $status ->
    [clean] limpo
    [inspected] inspecionado
    [out_of_order] interditado
    [out_of_service] fora de serviço
   *[dirty] sujo
}: ele precisa estar limpo ou inspecionado antes do check-in.
rule-room-not-for-stay = O quarto { $number } não é um quarto vendável do tipo desta estadia. Escolha outro quarto.
rule-open-balance-override = A conta ainda tem { $amount } a pagar. Receba um pagamento antes ou marque a opção de ignorar o saldo.
rule-open-balance-ask-manager = A conta ainda tem { $amount } a pagar. Receba um pagamento antes ou peça a um gerente.
rule-folio-closed = Esta reserva está encerrada; não é possível incluir lançamentos.
rule-void-room-charge = Uma diária acompanha as noites da estadia: altere as datas da estadia ou lance um desconto.
rule-void-of-void = Um estorno não pode ser estornado. Lance o valor novamente.
rule-already-voided = Este lançamento já foi estornado.
rule-void-needs-reason = Diga por que o lançamento foi estornado (no máximo { $max } caracteres).
rule-audit-too-early = O dia { $day } ainda não chegou em { $hotel }; a auditoria noturna dele não pode ser executada.

## Lançamentos na conta
rule-posting-room-charge = As diárias são lançadas pela auditoria noturna e no check-out.
rule-posting-choose-method = Escolha como o valor foi pago.
# $method é o rótulo da forma de pagamento.
rule-posting-method-not-accepted = { $method } não é uma forma de pagamento aceita por esta organização.

## Bloqueios de quarto
rule-block-over = Este bloqueio já terminou: o quarto está à venda novamente.
rule-block-starts-today = Um bloqueio começa hoje ou depois.
rule-block-ends-after-start = O quarto volta depois de sair: escolha uma data posterior ao início.
rule-block-too-long = Um bloqueio dura no máximo um ano; crie outro depois dele.
rule-block-needs-reason = Diga por que o quarto está fora de venda (no máximo 500 caracteres).
# $kind é o tipo de bloqueio guardado: out_of_order ou out_of_service.
rule-block-overlap = O quarto { $number } já está { $kind ->
    [out_of_service] fora de serviço
   *[out_of_order] interditado
} de { $from } a { $to }. Encerre esse bloqueio antes ou escolha outras datas.

## Um direito que o papel não tem ($right é o rótulo da permissão)
rule-missing-nobody = “{ $right }” não faz parte do seu papel. Peça a um administrador para concedê-lo.
rule-missing-holders = “{ $right }” não faz parte do seu papel. Peça a um colega que tenha esse direito ({ $names }) ou a um administrador para concedê-lo.
rule-missing-holders-more = “{ $right }” não faz parte do seu papel. Peça a um colega que tenha esse direito ({ $names } e mais { $more }) ou a um administrador para concedê-lo.

## Planos
# $what é hotels, users ou rooms.
rule-plan-limit = O plano { $plan } inclui até { $max } { $what ->
    [hotels] { $max ->
        [one] hotel
       *[other] hotéis
    }
    [users] { $max ->
        [one] usuário
       *[other] usuários
    }
   *[rooms] { $max ->
        [one] quarto
       *[other] quartos
    }
}, e esta organização tem { $current }. Faça upgrade do plano para incluir mais.
rule-not-in-plan = { $feature } não faz parte do plano { $plan }. Um proprietário pode pedir o upgrade à Hotelier.

## PINs do balcão
rule-pin-digits = Um PIN tem de 4 a 8 dígitos.
rule-pin-guessable = Escolha um PIN que não seja um mesmo dígito repetido nem uma sequência como 1234.

## Cadastro de uma nova organização
rule-onboarding-slug = Use de 2 a 63 letras minúsculas, dígitos ou hífens, como hoteis-do-porto.
rule-onboarding-status = Uma nova organização começa em avaliação ou ativa.
rule-onboarding-currency = Use um código ISO 4217 de três letras, como BRL.
rule-onboarding-email = Informe o e-mail do proprietário.
rule-onboarding-password-short = Use pelo menos { $min } caracteres ou deixe em branco para gerar uma.
rule-onboarding-password-unusable = Não foi possível usar esta senha.

## Restrições dos planos tarifários.
rule-rate-closed = { $plan } está fechado na noite de { $night }.
rule-rate-closed-to-arrival = { $plan } não aceita chegadas em { $day }.
rule-rate-closed-to-departure = { $plan } não aceita saídas em { $day }.
rule-rate-min-stay = { $plan }: quem chega em { $day } fica pelo menos { $nights ->
    [one] uma noite
   *[other] { $nights } noites
}.
rule-rate-max-stay = { $plan }: quem chega em { $day } fica no máximo { $nights ->
    [one] uma noite
   *[other] { $nights } noites
}.
rule-plan-not-sold = { $plan } não vende { $room_type } agora. Escolha outro plano.
rule-penalty-due = Cancelar agora custa a multa do plano tarifário de { $amount }. Confirme-a, ou dispense-a com um motivo.
rule-waiver-needs-reason = Diga por que a multa é dispensada.
rule-no-address = Este hóspede não tem e-mail ou pediu para não receber e-mails. Cadastre um endereço na página do hóspede primeiro.
