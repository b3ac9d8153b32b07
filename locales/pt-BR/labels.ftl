### Os nomes dos valores guardados (situações, papéis, tipos, formas de pagamento). O valor guardado é o fim da chave.

## TenantKind
tenant-kind-chain = Rede hoteleira
tenant-kind-independent = Hotel independente
tenant-kind-franchise = Franqueado
tenant-kind-management_company = Administradora hoteleira
tenant-kind-vacation_rental = Aluguel por temporada

## TenantStatus
tenant-status-trial = Avaliação
tenant-status-active = Ativa
tenant-status-suspended = Suspensa
tenant-status-inactive = Inativa
tenant-status-cancelled = Cancelada

## Plan
plan-starter = Inicial
plan-professional = Profissional
plan-enterprise = Corporativo

## Role
role-owner = Proprietário
role-admin = Administrador
role-manager = Gerente
role-staff = Equipe
role-viewer = Consulta

## HousekeepingStatus
housekeeping-clean = Limpo
housekeeping-dirty = Sujo
housekeeping-inspected = Inspecionado
housekeeping-out_of_order = Interditado
housekeeping-out_of_service = Fora de serviço

## ReservationStatus
reservation-status-pending = Pendente
reservation-status-confirmed = Confirmada
reservation-status-checked_in = Hospedada
reservation-status-checked_out = Encerrada
reservation-status-cancelled = Cancelada
reservation-status-no_show = Não comparecimento

## ReservationSource
source-direct = Direta
source-phone = Telefone
source-walk_in = Balcão
source-website = Site
source-ota = Agência de viagens on-line
source-corporate = Corporativa
source-agent = Agente de viagens

## FolioKind
folio-kind-room_charge = Diária
folio-kind-charge = Lançamento
folio-kind-payment = Pagamento
folio-kind-refund = Reembolso
folio-kind-discount = Desconto

## BlockKind
block-kind-out_of_order = Interditado
block-kind-out_of_service = Fora de serviço

## PaymentMethod
payment-method-cash = Dinheiro
payment-method-card = Cartão
payment-method-bank_transfer = Transferência bancária
payment-method-voucher = Voucher
payment-method-city_ledger = Faturado (city ledger)
payment-method-other = Outro

## DocumentType
document-type-passport = Passaporte
document-type-national_id = Documento de identidade
document-type-driving_licence = Carteira de motorista
document-type-other = Outro
rate-adjust-percent = Percentual
rate-adjust-amount = Valor
charge-basis-none = Nenhum
charge-basis-percent = Percentual da estadia
charge-basis-first_night = Primeira noite
charge-basis-amount = Valor fixo
folio-cancellation-penalty = Multa de cancelamento
folio-no-show-fee = Taxa de no-show
tax-kind-percent = Percentual
tax-kind-per_person_night = Valor por pessoa por noite
tax-base-rooms = Diárias
tax-base-extras = Extras
tax-base-both = Diárias e extras
invoice-kind-invoice = Fatura
invoice-kind-credit_note = Nota de crédito
