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
