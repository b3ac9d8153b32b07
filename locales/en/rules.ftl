### The rights of a role, the plans' features, what the desk can do to a stay.

## Capability
capability-view = See the organization's hotels and stays
capability-property-edit = Edit hotels, room types and rooms
capability-property-manage = Create and delete hotels, room types and rooms
capability-housekeeping = Change housekeeping status
capability-guests-edit = Create and edit guests
capability-guests-delete = Delete guests
capability-settings-view = See settings and users
capability-settings-edit = Change settings
capability-users-manage = Manage users
capability-owners-manage = Manage owners
capability-audit-view = Read the audit log
capability-reservations-edit = Book and edit stays
capability-reservations-reverse = Undo a check-in or check-out
capability-backdate = Book arrivals in the past
capability-checkout-override = Check out with an open balance
capability-penalty-waive = Waive a cancellation penalty
capability-payments-create = Take payments, refunds and discounts
capability-folio-void = Void folio entries
capability-night-audit = Run the night audit
capability-kiosk = Use the front-desk kiosk
capability-reports = Read reports
capability-data-export = Export the organization's data

## Feature
feature-kiosk = The front-desk kiosk
feature-reports = Reports
feature-export = Data export

## Action
action-confirm = Confirm
action-check-in = Check in
action-check-out = Check out
action-cancel = Cancel
action-no-show = Mark no-show
action-undo-check-in = Undo check-in
action-undo-check-out = Undo check-out

## What the status machine refuses (the status is its label)
rule-not-from-confirm = A { $from } reservation cannot be confirmed.
rule-not-from-check-in = A { $from } reservation cannot be checked in.
rule-not-from-check-out = A { $from } reservation cannot be checked out.
rule-not-from-cancel = A { $from } reservation cannot be cancelled.
rule-not-from-no-show = A { $from } reservation cannot be marked a no-show.
rule-not-from-undo-check-in = A { $from } reservation cannot be taken back to confirmed.
rule-not-from-undo-check-out = A { $from } reservation cannot be taken back to checked in.
rule-no-show-too-early = A guest can only be marked a no-show on or after the arrival date ({ $arrival }).
rule-check-in-too-early = Check-in opens on the arrival date ({ $arrival }).

## What the front desk's rules refuse
rule-sold-out = No { $room_type } is available for every night from { $check_in } to { $check_out }. Try other dates or another room type.
rule-room-not-sellable = Room { $number } cannot be sold for this room type.
rule-room-taken = Room { $number } is already taken on some of these nights.
# $status is the stored status: pending, confirmed, checked_in, checked_out, cancelled, no_show.
rule-closed = { $status ->
    [pending] A pending reservation cannot be changed.
    [confirmed] A confirmed reservation cannot be changed.
    [checked_in] A checked in reservation cannot be changed.
    [checked_out] A checked out reservation cannot be changed.
    [no_show] A no-show reservation cannot be changed.
   *[cancelled] A cancelled reservation cannot be changed.
}
rule-no-action = Choose an action.
# $action is the action's label ("Cancel", "Undo check-in").
rule-needs-reason = { $action } needs a reason.
rule-no-room = Assign a room before checking in.
# $status is the stored housekeeping status: dirty, out_of_order, out_of_service (clean and inspected are ready).
rule-room-not-ready = Room { $number } is { $status ->
    [clean] clean
    [inspected] inspected
    [out_of_order] out of order
    [out_of_service] out of service
   *[dirty] dirty
}: it must be clean or inspected before check-in.
rule-room-not-for-stay = Room { $number } is not a sellable room of this stay's type. Choose another room.
rule-open-balance-override = The folio still has { $amount } to pay. Take a payment first, or tick the override.
rule-open-balance-ask-manager = The folio still has { $amount } to pay. Take a payment first, or ask a manager.
rule-folio-closed = This reservation is closed; charges cannot be added.
rule-void-room-charge = A room charge follows the stay's nights: change the stay's dates, or post a discount.
rule-void-of-void = A void cannot be voided. Post the entry again instead.
rule-already-voided = This entry is already voided.
rule-void-needs-reason = Say why the entry is voided (at most { $max } characters).
rule-audit-too-early = { $day } has not happened yet at { $hotel }; its night audit cannot run.

## Folio postings
rule-posting-room-charge = Room charges are posted by the night audit and at check-out.
rule-posting-choose-method = Choose how the money was paid.
# $method is the payment method's label.
rule-posting-method-not-accepted = { $method } is not a payment method this organization accepts.

## Room blocks
rule-block-over = This block is over: the room is on sale again.
rule-block-starts-today = A block starts today or later.
rule-block-ends-after-start = The room comes back after it goes out: choose a date after the start.
rule-block-too-long = A block lasts at most a year; add another one after it.
rule-block-needs-reason = Say why the room is off sale (at most 500 characters).
# $kind is the stored block kind: out_of_order or out_of_service.
rule-block-overlap = Room { $number } is already { $kind ->
    [out_of_service] out of service
   *[out_of_order] out of order
} from { $from } to { $to }. End that block first, or choose other dates.

## A right the role lacks ($right is the capability's label)
rule-missing-nobody = “{ $right }” is not part of your role. Ask an administrator to grant it.
rule-missing-holders = “{ $right }” is not part of your role. Ask a colleague who has it ({ $names }), or an administrator to grant it.
rule-missing-holders-more = “{ $right }” is not part of your role. Ask a colleague who has it ({ $names } and { $more } more), or an administrator to grant it.

## Plans
# $what is hotels, users or rooms.
rule-plan-limit = The { $plan } plan includes up to { $max } { $what ->
    [hotels] hotels
    [users] users
   *[rooms] rooms
}, and this organization has { $current }. Upgrade the plan to add more.
rule-not-in-plan = { $feature } is not part of the { $plan } plan. An owner can ask Hotelier to upgrade.

## Kiosk PINs
rule-pin-digits = A PIN is 4 to 8 digits.
rule-pin-guessable = Choose a PIN that is not one digit repeated or a run such as 1234.

## Onboarding a new organization
rule-onboarding-slug = Use 2 to 63 lowercase letters, digits or dashes, like harbour-hotels.
rule-onboarding-status = A new organization starts on a trial or active.
rule-onboarding-currency = Use a three-letter ISO 4217 code, like USD.
rule-onboarding-email = Enter the owner's email address.
rule-onboarding-password-short = Use at least { $min } characters, or leave it empty to generate one.
rule-onboarding-password-unusable = This password could not be used.

## Rate plans' restrictions.
rule-rate-closed = { $plan } is closed on the night of { $night }.
rule-rate-closed-to-arrival = { $plan } takes no arrivals on { $day }.
rule-rate-closed-to-departure = { $plan } takes no departures on { $day }.
rule-rate-min-stay = { $plan }: arrivals on { $day } stay at least { $nights ->
    [one] one night
   *[other] { $nights } nights
}.
rule-rate-max-stay = { $plan }: arrivals on { $day } stay at most { $nights ->
    [one] one night
   *[other] { $nights } nights
}.
rule-plan-not-sold = { $plan } does not sell { $room_type } now. Choose another plan.
rule-penalty-due = Cancelling now costs the rate plan's penalty of { $amount }. Confirm it, or waive it with a reason.
rule-waiver-needs-reason = Say why the penalty is waived.
rule-no-address = This guest has no email address, or asked for no email. Add an address on the guest's page first.
