### O console de superadministração: organizações, cadastro, análises, saúde do isolamento.

## O layout
platform-title = Plataforma
platform-console = Console da plataforma
platform-super-admin = superadministrador
platform-organizations = Organizações
platform-analytics = Análises
platform-health = Saúde do isolamento

## Palavras comuns
platform-status = Situação
platform-plan = Plano
platform-kind = Tipo
platform-any = Qualquer
platform-all = Todas
platform-cancel = Cancelar
platform-plan-name = Plano { $plan }
platform-col-organization = Organização
platform-col-currency = Moeda
platform-col-users = Usuários

## A lista de organizações
platform-orgs-subtitle = { $count ->
    [0] nenhuma exibida
    [one] 1 exibida
   *[other] { $count } exibidas
} · contagens de todos os clientes
platform-new-org = Nova organização
platform-search = Buscar
platform-search-placeholder = Nome ou slug
platform-filter = Filtrar
platform-clear = Limpar
platform-no-match = Nenhuma organização encontrada
platform-no-match-hint = Altere a busca ou os filtros.
platform-col-hotels = Hotéis
platform-col-rooms = Quartos
platform-col-bookings-30d = Reservas, 30 dias
platform-col-messages = Mensagens no mês
platform-messages-of = { $count } de { $cap }
platform-messages-near-cap = perto do limite
platform-messages-failed = { $rate } com falha
platform-col-last-activity = Última atividade
platform-switch-in = Entrar

## Uma organização
platform-switch-into = Entrar em { $name }
platform-export = Exportar dados (JSON)
platform-status-final = A situação “{ $status }” é definitiva.
platform-move-to = Passar para
platform-reason = Motivo
platform-reason-placeholder = Pagamento recebido, contrato encerrado…
platform-change-status = Alterar situação
platform-trial-ends = A avaliação termina em { $date }.
platform-note = Observação
platform-note-placeholder = Upgrade pedido pelo proprietário
platform-change-plan = Alterar plano
platform-no-members = Nenhum membro.
platform-col-name = Nome
platform-col-email = E-mail
platform-col-role = Papel
platform-member-active = Ativo
platform-member-deactivated = Desativado
platform-audit-trail = Trilha de auditoria
platform-nothing-recorded = Nada registrado ainda.
platform-col-when-utc = Quando (UTC)
platform-col-who = Quem fez
platform-col-action = Ação
platform-system = Sistema

## Mudanças de situação e de plano
# Uma situação dentro de uma frase, concordando com "organização": "agora está suspensa".
platform-status-word-trial = em avaliação
platform-status-word-active = ativa
platform-status-word-suspended = suspensa
platform-status-word-inactive = inativa
platform-status-word-cancelled = cancelada
platform-cannot-become = Uma organização { $from } não pode ficar { $to }.
platform-now-status = { $name } agora está { $status }.
platform-now-plan = { $name } agora está no plano { $plan }.
platform-stale = Alguém alterou esta organização depois que você a abriu: aqui está ela como está agora.

## Cadastro
platform-new-subtitle = A organização, o proprietário e o primeiro hotel são criados juntos, ou nada é criado.
platform-field-name = Nome da organização
platform-field-slug = Slug
platform-field-slug-hint = Em minúsculas, usado em logins e exportações, como hoteis-do-porto.
platform-field-start-as = Começar como
platform-start-trial = Avaliação (30 dias)
platform-start-active = Ativa
platform-field-currency-hint = ISO 4217, como BRL.
platform-field-timezone = Fuso horário
platform-field-locale = Localidade
platform-field-locale-hint = en, pt, …
platform-field-owner-email = E-mail do proprietário
platform-field-owner-email-hint = Uma conta existente é vinculada, não duplicada.
platform-field-owner-name = Nome do proprietário
platform-field-owner-password = Senha inicial do proprietário
platform-field-owner-password-hint = Deixe em branco para gerar uma, exibida uma única vez.
platform-field-hotel-code = Código do primeiro hotel
platform-field-hotel-name = Nome do primeiro hotel
platform-create-org = Criar organização
platform-slug-taken = Outra organização já usa este slug.
platform-onboarded-title = { $name } criada
platform-onboarded-ready = { $name } está pronta
# $email chega envolvido em <strong>.
platform-onboarded-owner = O proprietário, { $email }, já pode entrar.
platform-onboarded-password = A senha inicial, exibida só desta vez:
platform-onboarded-own-password = A entrada é com a senha que já existe ou com a que você definiu.
platform-open-org = Abrir a organização
platform-back-to-orgs = Voltar às organizações

## Análises
platform-analytics-subtitle = { $count ->
    [0] nenhuma organização
    [one] 1 organização
   *[other] { $count } organizações
} · os valores ficam na moeda de cada organização e nunca são somados entre moedas
platform-by-kind-and-status = Organizações por tipo e situação
platform-all-kinds = Todos os tipos
platform-last-30-days = Últimos 30 dias, por moeda
platform-no-orgs = Nenhuma organização ainda
platform-no-orgs-hint = Cadastre uma a partir da lista de organizações.
platform-no-orgs-line = Nenhuma organização ainda.
platform-col-reservations-made = Reservas feitas
platform-col-room-revenue = Receita de diárias
platform-busiest = Organizações mais movimentadas, últimos 30 dias
platform-and-more = E mais { $count }; os totais acima as incluem.
platform-chart-organizations = Organizações no fim de cada mês
platform-chart-reservations = Reservas feitas por mês
platform-chart-aria = { $title }, últimos 12 meses
platform-chart-bar = { $month }: { $value }

## Saúde do isolamento
platform-health-subtitle = Cada camada que mantém as organizações separadas, verificada agora neste banco de dados { $backend }. O mesmo relatório:
platform-health-ok = Todas as verificações passaram.
platform-health-ok-detail = A segurança por linha, o papel do banco de dados e os dados estão de acordo.
platform-health-warn = O isolamento se mantém, com avisos.
platform-health-warn-detail = Leia-os abaixo.
platform-health-fail = O isolamento está quebrado.
platform-health-fail-detail = Corrija cada linha vermelha antes de atender clientes.
platform-health-check = Verificação
platform-health-result = Resultado
platform-health-detail = Detalhe
platform-verdict-ok = OK
platform-verdict-warn = Aviso
platform-verdict-fail = FALHA

## A linha de comando (na prática só em inglês, traduzida como o resto)
cli-demo-not-seeded = Dados de demonstração: o banco de dados já tem organizações; nada foi criado.
cli-migrated = { $count ->
    [0] nenhuma migração aplicada
    [one] 1 migração aplicada
   *[other] { $count } migrações aplicadas
} em { $database }
cli-night-audit = auditoria noturna { $tenant }/{ $hotel } de { $date }: { $no_shows } não comparecimento(s), { $charges } diária(s) lançada(s); data operacional agora { $business_date }
cli-tenant-created = organização { $name } ({ $slug }) criada com o proprietário { $owner } e o hotel { $hotel }
cli-initial-password = a senha inicial do proprietário (exibida uma única vez): { $password }
cli-exported = { $slug } exportada em { $seconds } s: { $counts }
cli-imported = { $name } ({ $slug }) importada em { $seconds } s: { $counts }; { $linked } conta(s) vinculada(s) por e-mail, { $created } criada(s)
cli-seeded = { $tenants } organizações e { $reservations } reservas criadas em { $seconds } s; a maior, `{ $big }`, tem { $big_reservations } (login staff@{ $big }.seed / hotelier-seed)
cli-password-prompt = Senha do novo superadministrador:
cli-superadmin-created = superadministrador { $email } criado ({ $id })
