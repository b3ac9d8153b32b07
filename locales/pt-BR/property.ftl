### Gestão da propriedade: hotéis, tipos de quarto, quartos, o mapa de governança,
### hóspedes e os botões comuns dos formulários de cadastro.

## Comuns aos formulários e listas de cadastro
manage-save = Salvar
manage-cancel = Cancelar
manage-edit = Editar

## O nome do registro em "Alguém alterou este … enquanto você editava"
conflict-what-hotel = hotel
conflict-what-room = quarto
conflict-what-room-type = tipo de quarto
conflict-what-rate-plan = plano tarifário
conflict-what-guest = hóspede

## Hotéis: a lista
hotel-list-title = Hotéis
hotel-count = { $count ->
    [0] nenhum hotel
    [one] { $count } hotel
   *[other] { $count } hotéis
}
hotel-new = Novo hotel
hotel-empty-title = Nenhum hotel ainda
hotel-empty-text = Cadastre seu primeiro hotel e, depois, os tipos de quarto e os quartos.
hotel-add = Cadastrar hotel
hotel-col-rooms = Quartos
hotel-col-status = Status
hotel-active = Ativo
hotel-inactive = Inativo

## Hotéis: o formulário
hotel-field-name = Nome
hotel-field-code = Código
hotel-field-code-hint = Curto e único na sua organização, como SAO.
hotel-field-brand = Bandeira
hotel-field-timezone = Fuso horário
hotel-field-timezone-hint = O "hoje" deste hotel segue este fuso horário.
hotel-field-address = Endereço
hotel-field-city = Cidade
hotel-field-country = País
hotel-field-country-hint = Duas letras, como BR ou PT.
hotel-field-stars = Estrelas
hotel-field-stars-hint = De 1 a 5.
hotel-field-email = E-mail
hotel-field-phone = Telefone
hotel-field-active = Ativo (aberto para reservas)
hotel-edit-title = Editar { $name }
hotel-country-format = Use o código de país de duas letras, como BR ou PT.
hotel-code-taken = Outro hotel já usa este código.

## Hotéis: avisos
hotel-created = Hotel { $name } criado. Agora cadastre os tipos de quarto.
hotel-saved = { $name } salvo.
hotel-deleted = { $name } excluído.
hotel-in-use = Este hotel ainda tem tipos de quarto, quartos ou reservas e não pode ser excluído. Marque-o como inativo.

## Hotéis: a página do hotel
hotel-room-count = { $count ->
    [0] nenhum quarto
    [one] { $count } quarto
   *[other] { $count } quartos
}
hotel-show-rooms = Quartos
hotel-show-housekeeping = Governança
hotel-edit = Editar hotel
hotel-details = Detalhes
hotel-business-date = Data de movimento
hotel-no-audit-yet = nenhuma auditoria noturna ainda
hotel-room-types = Tipos de quarto
hotel-add-room-type = Novo tipo de quarto
hotel-room-types-empty-title = Nenhum tipo de quarto ainda
hotel-room-types-empty-text = Os tipos de quarto definem a ocupação e a diária. Cadastre um antes de cadastrar os quartos.
hotel-col-guests = Hóspedes
hotel-col-rate = Tarifa
hotel-night-audit = Auditoria noturna
hotel-night-audit-text = Marca os não comparecimentos do dia, lança as diárias desta noite para os hóspedes na casa e avança a data de movimento. Pode ser executada duas vezes sem problema.
hotel-night-audit-date = Data de movimento a fechar
hotel-night-audit-run = Executar auditoria noturna
hotel-delete = Excluir hotel

## Tipos de quarto
rtype-new = Novo tipo de quarto
rtype-edit-title = Editar { $name }
rtype-hotels = Hotéis
rtype-field-name = Nome
rtype-field-name-hint = Como Luxo Casal.
rtype-field-code = Código
rtype-field-code-hint = Único neste hotel, como LXC.
rtype-field-base-occupancy = Ocupação padrão
rtype-field-base-occupancy-hint = Hóspedes incluídos na tarifa.
rtype-field-max-occupancy = Ocupação máxima
rtype-field-rate = Diária
rtype-field-rate-hint = Na moeda da sua organização.
rtype-field-active = Ativo (pode ser vendido)
rtype-field-description = Descrição
rtype-delete = Excluir tipo de quarto
rtype-max-below-base = A ocupação máxima não pode ser menor que a ocupação padrão.
rtype-code-taken = Este hotel já tem um tipo de quarto com este código.
rtype-added = Tipo de quarto { $name } cadastrado.
rtype-saved = { $name } salvo.
rtype-deleted = Tipo de quarto { $name } excluído.
rtype-in-use = Quartos ou reservas ainda usam este tipo de quarto, então ele não pode ser excluído. Marque-o como inativo.

## Quartos: a lista
room-list-title = Quartos
room-count = { $count ->
    [0] nenhum quarto
    [one] { $count } quarto
   *[other] { $count } quartos
}
room-board-link = Mapa de governança
room-new = Novo quarto
room-filter-hotel = Hotel
room-filter-all-hotels = Todos os hotéis
room-filter-housekeeping = Governança
room-filter-any-status = Qualquer status
room-filter = Filtrar
room-clear = Limpar
room-no-hotels-title = Nenhum hotel ainda
room-no-hotels-text = Os quartos pertencem a um hotel. Cadastre primeiro um hotel e os tipos de quarto dele.
room-add-hotel = Cadastrar hotel
room-none-match-title = Nenhum quarto encontrado
room-none-match-text = Altere os filtros ou cadastre quartos em um hotel.
room-col-room = Quarto
room-col-hotel = Hotel
room-col-type = Tipo
room-col-floor = Andar
room-col-housekeeping = Governança
room-inactive = Inativo

## Quartos: o formulário
room-edit-title = Editar quarto { $number }
room-first-type-title = Cadastre um tipo de quarto primeiro
room-first-type-text = Todo quarto tem um tipo, que define a ocupação e a tarifa.
room-go-to-hotels = Ir para hotéis
room-field-hotel = Hotel
room-field-hotel-fixed = O quarto fica sempre no mesmo hotel.
room-field-type = Tipo de quarto
room-choose = Escolha…
room-field-number = Número
room-field-number-hint = Único no hotel, como 101.
room-field-floor = Andar
room-field-housekeeping = Governança
room-field-active = Ativo (pode ser vendido)
room-field-notes = Observações
room-delete = Excluir quarto
room-choose-hotel = Escolha um dos seus hotéis.
room-choose-type = Escolha um tipo de quarto deste hotel.
room-number-taken = Este hotel já tem um quarto com este número.
room-off-sale-needs-dates = Um quarto fica interditado ou fora de serviço por algumas noites, com um motivo: use “Bloquear…” no mapa de governança.

## Quartos: avisos
room-added = Quarto { $number } cadastrado.
room-saved = Quarto { $number } salvo.
room-deleted = Quarto { $number } excluído.
room-in-use = Este quarto tem reservas, então não pode ser excluído. Marque-o como inativo ou fora de serviço.

## O mapa de governança
hk-title = Governança
hk-subtitle = { $hotel } · { $count ->
    [0] nenhum quarto
    [one] { $count } quarto
   *[other] { $count } quartos
}
hk-hotel = Hotel
hk-show = Mostrar
hk-empty-title = Nenhum quarto para mostrar
hk-empty-text = Cadastre quartos em um hotel e eles aparecem aqui, um cartão para cada.
hk-occupied = Ocupado
hk-vacant = Vago
hk-departs-today = Saída hoje
hk-arrives-today = Chegada hoje
# O bloqueio atual: a última noite (uma data) e o motivo, como foi digitado.
hk-block-until = até { $last } · { $reason }
# Um bloqueio futuro: o tipo (interditado, fora de serviço), a primeira e a última noite.
hk-block-later = { $kind } de { $first } até { $last }
hk-floor = Andar { $floor }
hk-back-in-service = Liberar…
hk-off-sale = Bloquear…
# Uma mudança com um clique; $status é o valor armazenado do novo status.
hk-now = O quarto { $number } agora está { $status ->
    [clean] limpo
    [dirty] sujo
    [inspected] inspecionado
    [out_of_order] interditado
   *[out_of_service] fora de serviço
}.
hk-choose-status = Escolha um dos status de governança.

## Hóspedes: a lista
guest-list-title = Hóspedes
guest-count = { $count ->
    [0] nenhum hóspede
    [one] { $count } hóspede
   *[other] { $count } hóspedes
}
guest-count-matching = { $count ->
    [0] nenhum hóspede
    [one] { $count } hóspede
   *[other] { $count } hóspedes
} para “{ $q }”
guest-new = Novo hóspede
guest-search-label = Buscar
guest-search-placeholder = Nome, e-mail ou telefone
guest-search = Buscar
guest-clear = Limpar
guest-empty-title = Nenhum hóspede ainda
guest-empty-text = Os hóspedes são cadastrados ao fazer uma reserva, ou aqui.
guest-no-match-title = Nenhum hóspede encontrado para “{ $q }”
guest-no-match-text = Confira a grafia ou busque por e-mail ou telefone.
guest-add = Cadastrar hóspede
guest-col-added = Cadastro
guest-vip = VIP
guest-field-language = Idioma das mensagens
guest-language-organization = O da organização
guest-language-unknown = Escolha um dos idiomas da lista.
guest-no-marketing = Sem marketing (confirmações e faturas continuam a ser enviadas)
guest-no-email = Nenhum e-mail
guest-messages = Mensagens
guest-messages-all = Todas as mensagens
guest-email-problem = A última mensagem não chegou a este endereço: { $problem }. Corrija o e-mail para limpar este aviso.

## Hóspedes: o formulário
guest-new-title = Novo hóspede
guest-edit-title = Editar { $name }
guest-field-first-name = Nome
guest-field-last-name = Sobrenome
guest-field-name = Nome
guest-field-email = E-mail
guest-field-phone = Telefone
guest-field-document-type = Tipo de documento
guest-document-none = Nenhum
guest-field-document-number = Número do documento
guest-field-document = Documento
guest-field-nationality = Nacionalidade
guest-field-nationality-hint = Duas letras, como BR.
guest-field-notes = Observações
guest-nationality-format = Use o código de país de duas letras, como BR ou AR.
guest-email-taken = Já existe um cadastro de hóspede com este e-mail. Busque esse cadastro em vez de criar um duplicado.

## Hóspedes: avisos
guest-added = Cadastro de { $name } criado.
guest-saved = Cadastro de { $name } salvo.
guest-deleted = Cadastro de { $name } excluído.
guest-in-use = Há reservas neste cadastro, então ele é mantido para a contabilidade do hotel.

## Hóspedes: a página do hóspede
guest-edit = Editar hóspede
guest-contact = Contato e documentos
guest-stays = Hospedagens
guest-no-stays = Nenhuma hospedagem ainda.
guest-col-code = Código
guest-col-arrival = Chegada
guest-col-departure = Saída
guest-col-status = Status
guest-col-total = Total
guest-delete = Excluir hóspede

## Regras de impostos de um hotel.
conflict-what-tax-rule = regra de imposto
tax-title = Impostos
tax-new = Nova regra de imposto
tax-empty = Nenhuma regra de imposto: os lançamentos não têm impostos.
tax-edit-title = Editar { $name }
tax-added = Regra de imposto { $name } cadastrada.
tax-saved = Regra de imposto { $name } salva.
tax-deleted = Regra de imposto { $name } excluída.
tax-delete = Excluir regra de imposto
tax-in-use = Esta regra de imposto já tributou lançamentos e não pode ser excluída. Encerre a validade dela.
tax-code-taken = Outra regra de imposto deste hotel já usa este código.
tax-field-code = Código
tax-field-name = Nome
tax-field-name-hint = Como a fatura mostra, por exemplo ISS ou Taxa de turismo.
tax-field-kind = Tipo
tax-field-rate = Alíquota (%)
tax-field-rate-hint = Para um percentual, por exemplo 5.
tax-rate-range = Um percentual entre 0,01 e 100.
tax-field-included = Incluído no preço
tax-field-applies-to = Sobre
tax-field-amount = Valor por pessoa por noite
tax-field-amount-hint = Para uma taxa de turismo: cobrada nas diárias, além do preço.
tax-field-exempt-children = Crianças isentas
tax-field-valid-from = Válido de
tax-field-valid-to = Válido até
tax-field-valid-to-hint = Em branco: sem fim.
tax-to-before-from = O fim vem antes do início.
tax-col-rate = Alíquota
tax-col-on = Sobre
tax-col-valid = Validade
tax-is-included = incluído
tax-is-added = adicional
tax-children-exempt = crianças isentas
tax-open-ended = sem fim
tax-per-person-night = { $amount } por pessoa por noite
