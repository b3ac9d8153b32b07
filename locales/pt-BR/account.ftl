### Entrar, a conta da própria pessoa, escolher uma organização, os usuários da
### organização, suas configurações e seu registro de auditoria.

## Entrar
auth-sign-in = Entrar
auth-email = E-mail
auth-password = Senha
auth-lockout-hint = Cinco senhas erradas em 15 minutos bloqueiam a conta por 15 minutos.
auth-wrong-password = O e-mail ou a senha estão incorretos.
auth-wrong-pin = Esse PIN não está certo, ou PINs não desbloqueiam este quiosque. Tente de novo ou use sua senha.
auth-locked = Muitas tentativas sem sucesso: esta conta está bloqueada até { $time } UTC. Tente de novo nesse horário ou fale com um administrador.
auth-signed-out = Você saiu.
auth-session-ended = Sua sessão terminou. Entre de novo.
auth-session-has-ended = Sua sessão foi encerrada. Entre de novo.

## A página da conta
account-title = Sua conta
account-where = Onde você está conectado
account-device = Dispositivo
account-address = Endereço
account-last-seen = Último acesso
account-this-device = Este dispositivo
account-end-others = Sair de todos os outros lugares
account-only-this-device = Você está conectado só neste dispositivo.
account-change-password = Alterar senha
account-pin-change = Alterar ou remover seu PIN do quiosque
account-pin-set = Definir um PIN do quiosque
account-back-to-app = Voltar ao Hotelier
account-back = Voltar à sua conta
# O dispositivo de uma sessão: um navegador em um sistema, como em "Chrome no Linux".
account-device-on = { $browser } no { $system }
account-device-unknown = Dispositivo desconhecido
account-address-unknown = desconhecido
account-seen-just-now = agora mesmo
account-seen-minutes = { $count ->
    [one] há um minuto
   *[other] há { $count } minutos
}
account-seen-hours = { $count ->
    [one] há uma hora
   *[other] há { $count } horas
}
# Um momento de mais de um dia atrás: a data e a hora, em UTC.
account-seen-at = { $time } UTC
account-sessions-ended = { $count ->
    [0] Nenhuma outra sessão estava conectada.
    [1] Você saiu de 1 outra sessão.
   *[other] Você saiu de { $count } outras sessões.
}

## A página da conta: o idioma da própria pessoa
account-language = Idioma
account-language-org = O idioma da organização
account-language-save = Salvar idioma
account-language-invalid = Escolha um dos idiomas da lista.
account-language-saved = Idioma salvo.

## Alterar a senha
account-password-current = Senha atual
account-password-new = Nova senha
account-password-new-hint = Pelo menos { $min } caracteres. Ao alterá-la, você sai de todos os outros lugares.
account-password-confirm = Nova senha de novo
account-password-too-short = Use pelo menos { $min } caracteres.
account-passwords-differ = As duas novas senhas são diferentes.
account-password-wrong = Essa não é sua senha atual.
account-password-changed = Senha alterada. Suas outras sessões foram encerradas.

## O PIN do quiosque
account-pin-title = PIN do quiosque
account-pin-intro = Desbloqueia um quiosque da recepção que você bloqueou, onde sua organização permite PINs. Cinco tentativas erradas bloqueiam sua conta por 15 minutos, como com a senha.
account-pin-new = Novo PIN
account-pin-hint = De 4 a 8 dígitos; sem repetir um só dígito nem usar uma sequência como 1234.
account-pin-confirm = Novo PIN de novo
account-pin-save = Salvar PIN
account-pin-remove = Remover meu PIN
account-pins-differ = Os dois PINs são diferentes.
account-pin-saved = PIN do quiosque salvo.
account-pin-removed = PIN do quiosque removido.

## Escolher uma organização
switch-title = Escolha uma organização
switch-signed-in-as = Conectado como { $name }.
switch-platform = Abrir o console da plataforma
switch-find = Encontrar uma organização
switch-find-placeholder = Nome ou slug
switch-search = Buscar
switch-none-title = Nenhuma organização para abrir
switch-none-text = Sua conta não é membro ativo de nenhuma organização. Peça a um proprietário ou administrador que adicione você.
switch-current = atual
switch-sign-out = Sair
# O papel de um superadministrador que não é membro da organização.
switch-super-admin = superadministrador
switch-detail = { $role } · { $kind } · { $status }
switch-detail-used = { $role } · { $kind } · { $status } · último uso em { $date }

## Os usuários da organização
member-title = Usuários
member-count = { $count ->
    [0] Nenhum usuário em { $org }
    [one] 1 usuário em { $org }
   *[other] { $count } usuários em { $org }
}
member-add = Adicionar usuário
member-name = Nome
member-email = E-mail
member-role = Papel
member-status = Situação
member-expires = Expira em
member-last-used = Último uso
member-primary = principal
member-active = Ativo
member-expired = Expirado
member-deactivated = Desativado
member-never = nunca
member-edit = Editar
member-deactivate = Desativar
member-reactivate = Reativar
member-add-intro = Quem já tem conta no Hotelier entra na hora; uma conta nova recebe uma senha mostrada uma só vez.
member-field-full-name = Nome completo
member-field-full-name-hint = Para uma conta nova.
member-field-expires = Acesso até
member-field-expires-hint-new = Opcional, como 2027-01-31.
member-field-expires-hint-edit = Deixe vazio para não ter data de fim.
member-field-password = Senha inicial
member-field-password-hint = Para uma conta nova. Deixe vazio para gerar uma.
member-field-active = Ativo
member-add-button = Adicionar
member-save = Salvar
member-cancel = Cancelar
member-stale-title = Outra pessoa alterou este acesso enquanto você editava
member-stale-text = Nada foi salvo. O papel atual é { $role }. Salve de novo para aplicar sua escolha.
member-grants = Direitos extras
member-grants-hint = Além do que o papel permite. Um direito que o papel já inclui não precisa ser marcado.
member-grant-included = (incluído para { $role } e acima)
member-added-title = Usuário adicionado
member-added-text = Uma conta nova foi criada para { $email }. Passe a essa pessoa esta senha inicial; ela é mostrada uma só vez.
member-back = Voltar aos usuários
member-expiry-format = Informe uma data como 2027-01-31 ou deixe vazio.
member-password-too-short = Use pelo menos { $min } caracteres ou deixe vazio para gerar uma.
member-can-sign-in = { $email } já pode entrar nesta organização.
member-already = Essa pessoa já é membro. Altere o papel dela na lista.
member-last-owner = Uma organização precisa de pelo menos um proprietário ativo. Torne outra pessoa proprietária primeiro.
member-saved = Acesso salvo.
member-reactivated = Acesso reativado.
member-deactivated-notice = Acesso desativado: essa pessoa perdeu o acesso.

## As configurações da organização
settings-title = Configurações
settings-plan = plano { $plan }
settings-stale-title = Outra pessoa salvou as configurações enquanto você editava
settings-stale-text = Nada foi salvo. O que você informou está abaixo; salve de novo para aplicar sobre as configurações atuais.
settings-currency = Moeda
settings-currency-hint = Código ISO 4217; usado nos preços e nas contas.
settings-timezone = Fuso horário
settings-locale = Localidade
settings-locale-hint = Formato dos números, como en ou pt.
settings-languages = Idiomas
settings-languages-hint = Separados por vírgula, como en, pt-BR.
settings-check-in = Check-in a partir de
settings-check-out = Check-out até
settings-night-audit = Auditoria noturna às
settings-overbooking = Overbooking %
settings-overbooking-hint = De 0 a 50. Vale para tipos de quarto, nunca para um quarto específico.
settings-kiosk-idle = O quiosque bloqueia após (minutos)
settings-kiosk-pin = A equipe pode desbloquear o quiosque com um PIN
settings-kiosk-pin-hint = Cada pessoa define um PIN de 4 a 8 dígitos na página da própria conta; ele só desbloqueia um quiosque que ela mesma bloqueou.
settings-kiosk-pin-owner = Só um proprietário altera isto.
settings-payment-methods = Formas de pagamento
settings-legal-name = Razão social nas faturas
settings-legal-name-hint = Deixe em branco para usar o nome da organização.
settings-tax-id = Inscrição fiscal
settings-tax-id-hint = CNPJ, número de IVA…: impresso em todas as faturas.
settings-cancellation-policy = Política de cancelamento
settings-save = Salvar configurações
settings-read-only = Seu papel permite ver estas configurações; um proprietário ou administrador pode alterá-las.
settings-data = Seus dados
settings-export-text = Baixe tudo o que { $org } guarda no Hotelier (a organização, seus membros, hotéis, quartos, hóspedes, reservas, contas e registro de auditoria) em um só arquivo JSON. Senhas nunca são incluídas. O download fica no registro de auditoria.
settings-export-button = Baixar todos os dados (JSON)
settings-export-plan = Baixar todos os seus dados por aqui faz parte do plano Corporativo. No plano { $plan }, peça uma exportação ao suporte do Hotelier.
settings-currency-invalid = Use um código ISO 4217 de três letras, como USD, EUR ou BRL.
settings-languages-invalid = Liste códigos de idioma separados por vírgula, como en, pt-BR.
settings-time-invalid = Informe um horário como 15:00.
settings-payment-methods-none = Aceite pelo menos uma forma de pagamento.
settings-saved = Configurações salvas.

## O registro de auditoria
audit-title = Registro de auditoria
audit-subtitle = { $count ->
    [0] Nenhum evento
    [one] 1 evento
   *[other] { $count } eventos
}. Cada alteração, entrada e troca de organização fica registrada aqui.
audit-user = Usuário
audit-anyone = Qualquer pessoa
audit-action = Ação
audit-action-placeholder = ex.: hotel.
audit-entity = Registro
audit-any = Qualquer
audit-from = De
audit-until = Até
audit-filter = Filtrar
audit-clear = Limpar
audit-empty-title = Nenhum evento encontrado
audit-empty-text = Altere os filtros para ver mais.
audit-when = Quando (UTC)
audit-who = Quem fez
audit-change = Alteração
audit-address = Origem
# Um campo que mudou: o valor antigo e o novo.
audit-old-new = { $old } → { $new }
audit-removed = { $old } (removido)
audit-platform-staff = Equipe da plataforma
audit-system = Sistema
audit-room = Quarto { $number }
# Um registro: seu tipo e seu código ou nome, como em "Reserva AABC123 · Ana Silva".
audit-record = { $kind } { $name }
audit-yes = sim
audit-no = não
audit-none = nenhum

## O registro de auditoria: os tipos de registro
audit-entity-hotel = Hotel
audit-entity-room_type = Tipo de quarto
audit-entity-room = Quarto
audit-entity-guest = Hóspede
audit-entity-membership = Acesso
audit-entity-tenant = Organização
audit-entity-user = Usuário
audit-entity-reservation = Reserva

## O registro de auditoria: os campos dos registros (o nome guardado é o fim da chave)
audit-field-code = Código
audit-field-name = Nome
audit-field-brand = Bandeira
audit-field-address = Endereço
audit-field-city = Cidade
audit-field-country = País
audit-field-timezone = Fuso horário
audit-field-star_rating = Estrelas
audit-field-email = E-mail
audit-field-phone = Telefone
audit-field-is_active = Ativo
audit-field-business_date = Data operacional
audit-field-hotel_id = Hotel
audit-field-description = Descrição
audit-field-base_occupancy = Ocupação base
audit-field-max_occupancy = Ocupação máxima
audit-field-base_rate = Tarifa base
audit-field-room_type_id = Tipo de quarto
audit-field-number = Número
audit-field-floor = Andar
audit-field-housekeeping_status = Situação da governança
audit-field-notes = Observações
audit-field-first_name = Nome
audit-field-last_name = Sobrenome
audit-field-document_type = Tipo de documento
audit-field-document_number = Número do documento
audit-field-nationality = Nacionalidade
audit-field-vip = VIP
audit-field-room_id = Quarto
audit-field-guest_id = Hóspede
audit-field-confirmation_code = Código de confirmação
audit-field-check_in = Check-in
audit-field-check_out = Check-out
audit-field-adults = Adultos
audit-field-children = Crianças
audit-field-status = Situação
audit-field-nightly_rate = Diária
audit-field-total_amount = Valor total
audit-field-source = Origem
audit-field-cancellation_reason = Motivo do cancelamento
audit-field-confirmed_at = Confirmada em
audit-field-checked_in_at = Check-in em
audit-field-checked_out_at = Check-out em
audit-field-cancelled_at = Cancelada em
audit-field-no_show_at = Não comparecimento em
audit-field-created_by = Criada por
audit-field-user_id = Usuário
audit-field-role = Papel
audit-field-permissions = Direitos extras
audit-field-is_primary = Principal
audit-field-assigned_at = Atribuído em
audit-field-expires_at = Expira em
audit-field-last_accessed_at = Último uso em
audit-field-slug = Slug
audit-field-kind = Tipo
audit-field-currency = Moeda
audit-field-locale = Localidade
audit-field-plan = Plano
audit-field-trial_ends_at = Fim da avaliação
audit-field-settings = Configurações
audit-field-deleted_at = Excluída em
audit-field-reason = Motivo
audit-field-failures = Falhas
audit-field-locked_until = Bloqueada até
audit-field-super_admin = Superadministrador
audit-field-values = Valores
audit-field-ended = Encerradas
audit-field-set = Definido
audit-field-by = Por
audit-field-date = Data
audit-field-room = Quarto
audit-field-because = Porque
audit-field-starts_on = Começa em
audit-field-ends_on = Termina em
audit-field-removed = Removido
audit-field-released = Liberadas
audit-field-in_house = Hospedadas
audit-field-entry = Lançamento
audit-field-amount = Valor
audit-field-method = Forma de pagamento
audit-field-void = Estorno
audit-field-override = Exceção
audit-field-new_account = Conta nova
audit-field-owner = Proprietário
audit-field-hotel = Hotel
audit-field-rows = Linhas
audit-field-linked_users = Usuários vinculados
audit-field-created_users = Usuários criados
audit-field-no_shows = Não comparecimentos
audit-field-charges_posted = Lançamentos feitos
audit-field-value = Valor
audit-field-language = Idioma

## O registro de auditoria: valores guardados (o valor guardado é o fim da chave)
audit-value-pending = Pendente
audit-value-confirmed = Confirmada
audit-value-checked_in = Hospedada
audit-value-checked_out = Encerrada
audit-value-cancelled = Cancelada
audit-value-no_show = Não comparecimento
audit-value-clean = Limpo
audit-value-dirty = Sujo
audit-value-inspected = Inspecionado
audit-value-out_of_order = Interditado
audit-value-out_of_service = Fora de serviço
audit-value-direct = Direta
audit-value-phone = Telefone
audit-value-walk_in = Balcão
audit-value-website = Site
audit-value-ota = Agência on-line
audit-value-corporate = Corporativa
audit-value-agent = Agente de viagens
audit-value-room_charge = Diária
audit-value-charge = Lançamento
audit-value-payment = Pagamento
audit-value-refund = Reembolso
audit-value-discount = Desconto
audit-value-cash = Dinheiro
audit-value-card = Cartão
audit-value-bank_transfer = Transferência bancária
audit-value-voucher = Voucher
audit-value-city_ledger = Faturado
audit-value-other = Outro
audit-value-passport = Passaporte
audit-value-national_id = Documento de identidade
audit-value-driving_licence = Carteira de motorista
audit-value-owner = Proprietário
audit-value-admin = Administrador
audit-value-manager = Gerente
audit-value-staff = Equipe
audit-value-viewer = Consulta
audit-value-chain = Rede hoteleira
audit-value-independent = Hotel independente
audit-value-franchise = Franqueado
audit-value-management_company = Administradora hoteleira
audit-value-vacation_rental = Aluguel por temporada
audit-value-trial = Avaliação
audit-value-active = Ativa
audit-value-suspended = Suspensa
audit-value-inactive = Inativa
audit-value-starter = Inicial
audit-value-professional = Profissional
audit-value-enterprise = Corporativo
audit-value-night_audit = Auditoria noturna
