## Mensagens aos hóspedes: o texto padrão de cada evento (cada hotel pode escrever o seu
## na página de mensagens). As variáveis são os campos de mesclagem; um modelo os mostra
## como {{guest_name}}.

message-booking-confirmed-subject = Sua estadia no { $hotel } está confirmada ({ $code })
message-booking-confirmed-body =
    Olá, { $guest_name },

    Obrigado por reservar no { $hotel }. Sua estadia está confirmada.

    Código de confirmação: { $code }
    Chegada: { $check_in }, a partir das { $check_in_time }
    Saída: { $check_out }, até as { $check_out_time }
    Noites: { $nights }
    Quarto: { $room_type }
    Total: { $total }

    Para alterar ou cancelar, responda a esta mensagem ou ligue para { $hotel_phone }.

message-booking-changed-subject = Sua estadia no { $hotel } foi alterada ({ $code })
message-booking-changed-body =
    Olá, { $guest_name },

    Sua reserva { $code } foi alterada. Esta é a sua estadia agora:

    Chegada: { $check_in }, a partir das { $check_in_time }
    Saída: { $check_out }, até as { $check_out_time }
    Noites: { $nights }
    Quarto: { $room_type }
    Total: { $total }

    Se você não pediu esta alteração, responda a esta mensagem.

message-cancelled-subject = Sua reserva { $code } no { $hotel } foi cancelada
message-cancelled-body =
    Olá, { $guest_name },

    Sua reserva { $code } de { $check_in } a { $check_out } foi cancelada.

    Taxa de cancelamento: { $penalty }

    Esperamos recebê-lo em outra ocasião.

message-pre-arrival-subject = Até breve no { $hotel }
message-pre-arrival-body =
    Olá, { $guest_name },

    Estamos à sua espera em { $check_in }. Seu quarto estará pronto a partir das { $check_in_time }.

    Código de confirmação: { $code }
    Endereço: { $hotel_address }
    Telefone: { $hotel_phone }

    Saldo a pagar: { $balance }

message-post-stay-subject = Obrigado por se hospedar no { $hotel }
message-post-stay-body =
    Olá, { $guest_name },

    Obrigado por ficar conosco de { $check_in } a { $check_out }. Esperamos que tenha gostado e teremos prazer em recebê-lo novamente.

    Se algo pudesse ter sido melhor, responda a esta mensagem: lemos todas.

message-invoice-issued-subject = Sua fatura { $invoice_number } do { $hotel }
message-invoice-issued-body =
    Olá, { $guest_name },

    A fatura { $invoice_number } da sua estadia { $code } ({ $check_in } a { $check_out }) foi emitida.

    Total: { $total }
    Saldo: { $balance }

    Peça uma cópia impressa na recepção ou responda a esta mensagem.

message-none = —

## Do que trata uma mensagem, e onde ela está
message-event-booking_confirmed = Reserva confirmada
message-event-booking_changed = Reserva alterada
message-event-cancelled = Cancelada
message-event-pre_arrival = Antes da chegada
message-event-post_stay = Agradecimento após a estadia
message-event-invoice_issued = Fatura emitida
message-event-one_off = Escrita pela recepção
outbox-status-queued = Aguardando
outbox-status-sending = Enviando
outbox-status-sent = Enviada
outbox-status-failed = Falhou
outbox-status-cancelled = Cancelada

## A conversa da estadia (página da reserva)
thread-title = Mensagens e notas
thread-to = Para { $email }
thread-no-address = Sem e-mail: não é possível enviar mensagens
thread-write = Escrever ao hóspede
thread-subject = Assunto
thread-body = Mensagem
thread-send = Enviar
thread-send-hint = Sai em até um minuto, com o remetente do hotel.
thread-add-note = Adicionar nota
thread-note = Nota para a recepção (o hóspede não a vê)
thread-save-note = Salvar a nota
thread-empty = Nada ainda. As mensagens ao hóspede e as notas da recepção aparecem aqui, das mais recentes às mais antigas.
thread-sent-at = enviada { $at }
thread-due-at = prevista { $at }
thread-attempts = { $count } tentativas
thread-preview = Ver a mensagem
thread-send-again = Enviar de novo
thread-note-badge = Nota
thread-message-queued = A mensagem está a caminho.
thread-note-added = A nota foi salva.
thread-not-sent = Nada foi enviado: confira o formulário.
thread-skipped-no-address = Não enviada: o hóspede não tinha e-mail quando ela era devida.
thread-skipped-no-email = Não enviada: o hóspede pediu para não receber e-mails.
thread-skipped-no-marketing = Não enviada: o hóspede pediu para não receber marketing.
thread-skipped-stay-ended = Não enviada: a estadia já não estava confirmada.
thread-written-when-due = Uma prévia com a estadia como está agora; a mensagem é escrita quando sai.

## A página de mensagens de um hotel
messages-title = Mensagens aos hóspedes · { $hotel }
messages-crumb = Mensagens aos hóspedes
messages-subtitle = O que os hóspedes recebem, no idioma deles, e de quem.
messages-templates = Modelos
messages-col-event = Evento
messages-col-language = Idioma
messages-col-wording = Texto
messages-own = Do hotel
messages-shipped = Padrão do Hotelier
messages-edit = Editar
messages-sender = Remetente
messages-from-name = De (nome)
messages-from-name-hint = Vazio: { $hotel }.
messages-reply-to = Respostas vão para
messages-reply-to-hint = Vazio: o e-mail do hotel.
messages-pre-arrival-days = Lembrete, dias antes da chegada
messages-pre-arrival-hint = De 0 a 60; enviado às 10:00, hora do hotel.
messages-signature = Assinatura
messages-sender-saved = O remetente foi salvo.
messages-template-saved = O modelo foi salvo.
messages-template-reset = De volta ao texto do Hotelier.
messages-stale = Alguém salvou isto nesse meio-tempo. Recarregue a página para ver a versão dessa pessoa.
messages-unknown-field = Não é um campo de mesclagem: { $fields }.
messages-own-hint = O texto próprio do hotel. Restaure para voltar ao do Hotelier.
messages-shipped-hint = O texto do Hotelier. Ao salvar, ele passa a ser do hotel.
messages-reset = Restaurar o texto do Hotelier
messages-fields-hint = Campos de mesclagem:
messages-preview-button = Pré-visualizar
messages-preview = Pré-visualização
messages-preview-of = Exatamente o que a estadia { $code } receberia.
messages-preview-none = A pré-visualização mostra uma estadia real assim que o hotel tiver uma.
messages-cap = { $used } de { $cap } mensagens enviadas neste mês no plano da organização.
messages-cap-warning = { $used } de { $cap } mensagens neste mês: o limite do plano está próximo. Além dele, as mensagens não são enviadas.
messages-cap-reached = { $used } de { $cap } mensagens neste mês: o limite do plano foi atingido e novas mensagens não são enviadas até o próximo mês ou um plano maior.
hotel-show-messages = Mensagens aos hóspedes

## The merge fields, as the template editor explains them
messages-field-guest-name = o nome do hóspede
messages-field-hotel = o nome do hotel
messages-field-check-in = data de chegada
messages-field-check-out = data de saída
messages-field-nights = número de noites
messages-field-room-type = tipo de quarto
messages-field-code = código de confirmação
messages-field-total = o total da estadia
messages-field-balance = o saldo a pagar
messages-field-check-in-time = horário de check-in
messages-field-check-out-time = horário de check-out
messages-field-hotel-phone = o telefone do hotel
messages-field-hotel-email = o e-mail do hotel
messages-field-hotel-address = o endereço do hotel
messages-field-penalty = a taxa de cancelamento
messages-field-invoice-number = o número da fatura
