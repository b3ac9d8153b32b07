### The names of stored values (statuses, roles, kinds, methods). The stored value is the key's end.

## TenantKind
tenant-kind-chain = Hotel chain
tenant-kind-independent = Independent hotel
tenant-kind-franchise = Franchise operator
tenant-kind-management_company = Management company
tenant-kind-vacation_rental = Vacation rental

## TenantStatus
tenant-status-trial = Trial
tenant-status-active = Active
tenant-status-suspended = Suspended
tenant-status-inactive = Inactive
tenant-status-cancelled = Cancelled

## Plan
plan-starter = Starter
plan-professional = Professional
plan-enterprise = Enterprise

## Role
role-owner = Owner
role-admin = Admin
role-manager = Manager
role-staff = Staff
role-viewer = Viewer

## HousekeepingStatus
housekeeping-clean = Clean
housekeeping-dirty = Dirty
housekeeping-inspected = Inspected
housekeeping-out_of_order = Out of order
housekeeping-out_of_service = Out of service

## ReservationStatus
reservation-status-pending = Pending
reservation-status-confirmed = Confirmed
reservation-status-checked_in = Checked in
reservation-status-checked_out = Checked out
reservation-status-cancelled = Cancelled
reservation-status-no_show = No-show

## ReservationSource
source-direct = Direct
source-phone = Phone
source-walk_in = Walk-in
source-website = Website
source-ota = Online travel agency
source-corporate = Corporate
source-agent = Travel agent

## FolioKind
folio-kind-room_charge = Room charge
folio-kind-charge = Charge
folio-kind-payment = Payment
folio-kind-refund = Refund
folio-kind-discount = Discount

## BlockKind
block-kind-out_of_order = Out of order
block-kind-out_of_service = Out of service

## PaymentMethod
payment-method-cash = Cash
payment-method-card = Card
payment-method-bank_transfer = Bank transfer
payment-method-voucher = Voucher
payment-method-city_ledger = City ledger
payment-method-other = Other

## DocumentType
document-type-passport = Passport
document-type-national_id = National ID
document-type-driving_licence = Driving licence
document-type-other = Other
rate-adjust-percent = Percentage
rate-adjust-amount = Amount
charge-basis-none = None
charge-basis-percent = Percentage of the stay
charge-basis-first_night = First night
charge-basis-amount = Fixed amount
folio-cancellation-penalty = Cancellation penalty
folio-no-show-fee = No-show fee
tax-kind-percent = Percentage
tax-kind-per_person_night = Amount per person per night
tax-base-rooms = Room nights
tax-base-extras = Extras
tax-base-both = Room nights and extras
invoice-kind-invoice = Invoice
invoice-kind-credit_note = Credit note
