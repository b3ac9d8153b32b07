### Signing in, the user's own account, choosing an organization, the organization's
### users, its settings and its audit log.

## Sign-in
auth-sign-in = Sign in
auth-email = Email
auth-password = Password
auth-lockout-hint = Five wrong passwords in 15 minutes lock the account for 15 minutes.
auth-wrong-password = The email or password is incorrect.
auth-wrong-pin = That PIN is not right, or PINs do not unlock this kiosk. Try again, or use your password.
auth-locked = Too many failed attempts: this account is locked until { $time } UTC. Try again then, or ask an administrator.
auth-signed-out = You have signed out.
auth-session-ended = Your session ended. Please sign in again.
auth-session-has-ended = Your session has ended. Please sign in again.

## The account page
account-title = Your account
account-where = Where you are signed in
account-device = Device
account-address = Address
account-last-seen = Last seen
account-this-device = This device
account-end-others = Sign out everywhere else
account-only-this-device = You are signed in on this device only.
account-change-password = Change password
account-pin-change = Change or remove your kiosk PIN
account-pin-set = Set a kiosk PIN
account-back-to-app = Back to Hotelier
account-back = Back to your account
# A session's device: a browser on a system, as in "Chrome on Linux".
account-device-on = { $browser } on { $system }
account-device-unknown = Unknown device
account-address-unknown = unknown
account-seen-just-now = just now
account-seen-minutes = { $count ->
    [one] a minute ago
   *[other] { $count } minutes ago
}
account-seen-hours = { $count ->
    [one] an hour ago
   *[other] { $count } hours ago
}
# A moment longer ago than a day: its date and time, in UTC.
account-seen-at = { $time } UTC
account-sessions-ended = { $count ->
    [0] No other session was signed in.
    [one] Signed out of 1 other session.
   *[other] Signed out of { $count } other sessions.
}

## The account page: the user's own language
account-language = Language
account-language-org = The organization's language
account-language-save = Save language
account-language-invalid = Choose one of the languages in the list.
account-language-saved = Language saved.

## Changing the password
account-password-current = Current password
account-password-new = New password
account-password-new-hint = At least { $min } characters. Changing it signs you out everywhere else.
account-password-confirm = New password again
account-password-too-short = Use at least { $min } characters.
account-passwords-differ = The two new passwords differ.
account-password-wrong = That is not your current password.
account-password-changed = Password changed. Your other sessions have been signed out.

## The kiosk PIN
account-pin-title = Kiosk PIN
account-pin-intro = Unlocks a front-desk kiosk that you locked, where your organization allows PINs. Five wrong tries lock your account for 15 minutes, as with the password.
account-pin-new = New PIN
account-pin-hint = 4 to 8 digits; not one digit repeated or a run such as 1234.
account-pin-confirm = New PIN again
account-pin-save = Save PIN
account-pin-remove = Remove my PIN
account-pins-differ = The two PINs differ.
account-pin-saved = Kiosk PIN saved.
account-pin-removed = Kiosk PIN removed.

## Choosing an organization
switch-title = Choose an organization
switch-signed-in-as = Signed in as { $name }.
switch-platform = Open the platform console
switch-find = Find an organization
switch-find-placeholder = Name or slug
switch-search = Search
switch-none-title = No organization to open
switch-none-text = Your account is not an active member of any organization. Ask an owner or administrator to add you.
switch-current = current
switch-sign-out = Sign out
# The role of a super admin who is not a member of the organization.
switch-super-admin = super admin
switch-detail = { $role } · { $kind } · { $status }
switch-detail-used = { $role } · { $kind } · { $status } · last used { $date }

## The organization's users
member-title = Users
member-count = { $count ->
    [one] 1 member of { $org }
   *[other] { $count } members of { $org }
}
member-add = Add a user
member-name = Name
member-email = Email
member-role = Role
member-status = Status
member-expires = Expires
member-last-used = Last used
member-primary = primary
member-active = Active
member-expired = Expired
member-deactivated = Deactivated
member-never = never
member-edit = Edit
member-deactivate = Deactivate
member-reactivate = Reactivate
member-add-intro = Someone with a Hotelier account joins at once; a new account gets a password shown once.
member-field-full-name = Full name
member-field-full-name-hint = For a new account.
member-field-expires = Access until
member-field-expires-hint-new = Optional, like 2027-01-31.
member-field-expires-hint-edit = Leave empty for no end date.
member-field-password = Initial password
member-field-password-hint = For a new account. Leave empty to generate one.
member-field-active = Active
member-add-button = Add user
member-save = Save
member-cancel = Cancel
member-stale-title = Someone else changed this membership while you were editing
member-stale-text = Nothing was saved. The current role is { $role }. Save again to apply your choice.
member-grants = Extra rights
member-grants-hint = Beyond what the role allows. A right the role already includes needs no tick.
member-grant-included = (included for { $role } and above)
member-added-title = User added
member-added-text = A new account was created for { $email }. Give them this initial password; it is shown only once.
member-back = Back to users
member-expiry-format = Enter a date like 2027-01-31, or leave it empty.
member-password-too-short = Use at least { $min } characters, or leave it empty to generate one.
member-can-sign-in = { $email } can now sign in to this organization.
member-already = This person is already a member. Change their role from the list instead.
member-last-owner = An organization needs at least one active owner. Make someone else owner first.
member-saved = Membership saved.
member-reactivated = Membership reactivated.
member-deactivated-notice = Membership deactivated: that person has lost access.

## The organization's settings
settings-title = Settings
settings-plan = { $plan } plan
settings-stale-title = Someone else saved the settings while you were editing
settings-stale-text = Nothing was saved. Your entries are below; save again to apply them over the current settings.
settings-currency = Currency
settings-currency-hint = ISO 4217 code; prices and folios use it.
settings-timezone = Timezone
settings-locale = Locale
settings-locale-hint = Number format, like en or pt.
settings-languages = Languages
settings-languages-hint = Comma-separated, like en, pt-BR.
settings-check-in = Check-in from
settings-check-out = Check-out by
settings-night-audit = Night audit at
settings-overbooking = Overbooking %
settings-overbooking-hint = 0 to 50. Applies to room types, never to a specific room.
settings-kiosk-idle = Kiosk locks after (minutes)
settings-kiosk-pin = Staff may unlock the kiosk with a PIN
settings-kiosk-pin-hint = Each person sets a 4–8 digit PIN on their account page; it unlocks only a kiosk they locked.
settings-kiosk-pin-owner = Only an owner changes this.
settings-payment-methods = Payment methods
settings-legal-name = Legal name on invoices
settings-legal-name-hint = Leave empty to print the organization's name.
settings-tax-id = Tax registration
settings-tax-id-hint = VAT number, CNPJ, EIN…: printed on every invoice.
settings-cancellation-policy = Cancellation policy
settings-save = Save settings
settings-read-only = Your role can view these settings; an owner or admin can change them.
settings-data = Your data
settings-export-text = Download everything { $org } keeps in Hotelier (the organization, its members, hotels, rooms, guests, reservations, folios and audit log) as one JSON file. Passwords are never included. The download is recorded in the audit log.
settings-export-button = Download all data (JSON)
settings-export-plan = Downloading all of your data from here is part of the Enterprise plan. On the { $plan } plan, ask Hotelier support for an export.
settings-currency-invalid = Use a three-letter ISO 4217 code, like USD, EUR or BRL.
settings-languages-invalid = List language tags separated by commas, like en, pt-BR.
settings-time-invalid = Enter a time like 15:00.
settings-payment-methods-none = Accept at least one payment method.
settings-saved = Settings saved.

## The audit log
audit-title = Audit log
audit-subtitle = { $count ->
    [one] 1 event
   *[other] { $count } events
}. Every change, sign-in and switch is recorded here.
audit-user = User
audit-anyone = Anyone
audit-action = Action
audit-action-placeholder = e.g. hotel.
audit-entity = Entity
audit-any = Any
audit-from = From
audit-until = Until
audit-filter = Filter
audit-clear = Clear
audit-empty-title = No events match
audit-empty-text = Change the filters to see more.
audit-when = When (UTC)
audit-who = Who
audit-change = Change
audit-address = From
# A field that changed: its old value and its new one.
audit-old-new = { $old } → { $new }
audit-removed = { $old } (removed)
audit-platform-staff = Platform staff
audit-system = System
audit-room = Room { $number }
# A record: its kind and its code or name, as in "Reservation AABC123 · Ana Silva".
audit-record = { $kind } { $name }
audit-yes = yes
audit-no = no
audit-none = none

## The audit log: the kinds of records
audit-entity-hotel = Hotel
audit-entity-room_type = Room type
audit-entity-room = Room
audit-entity-guest = Guest
audit-entity-membership = Membership
audit-entity-tenant = Tenant
audit-entity-user = User
audit-entity-reservation = Reservation

## The audit log: the fields of the records (the stored name is the key's end)
audit-field-code = Code
audit-field-name = Name
audit-field-brand = Brand
audit-field-address = Address
audit-field-city = City
audit-field-country = Country
audit-field-timezone = Timezone
audit-field-star_rating = Star rating
audit-field-email = Email
audit-field-phone = Phone
audit-field-is_active = Is active
audit-field-business_date = Business date
audit-field-hotel_id = Hotel
audit-field-description = Description
audit-field-base_occupancy = Base occupancy
audit-field-max_occupancy = Max occupancy
audit-field-base_rate = Base rate
audit-field-room_type_id = Room type
audit-field-number = Number
audit-field-floor = Floor
audit-field-housekeeping_status = Housekeeping status
audit-field-notes = Notes
audit-field-first_name = First name
audit-field-last_name = Last name
audit-field-document_type = Document type
audit-field-document_number = Document number
audit-field-nationality = Nationality
audit-field-vip = Vip
audit-field-room_id = Room
audit-field-guest_id = Guest
audit-field-confirmation_code = Confirmation code
audit-field-check_in = Check in
audit-field-check_out = Check out
audit-field-adults = Adults
audit-field-children = Children
audit-field-status = Status
audit-field-nightly_rate = Nightly rate
audit-field-total_amount = Total amount
audit-field-source = Source
audit-field-cancellation_reason = Cancellation reason
audit-field-confirmed_at = Confirmed at
audit-field-checked_in_at = Checked in at
audit-field-checked_out_at = Checked out at
audit-field-cancelled_at = Cancelled at
audit-field-no_show_at = No show at
audit-field-created_by = Created by
audit-field-user_id = User
audit-field-role = Role
audit-field-permissions = Permissions
audit-field-is_primary = Is primary
audit-field-assigned_at = Assigned at
audit-field-expires_at = Expires at
audit-field-last_accessed_at = Last accessed at
audit-field-slug = Slug
audit-field-kind = Kind
audit-field-currency = Currency
audit-field-locale = Locale
audit-field-plan = Plan
audit-field-trial_ends_at = Trial ends at
audit-field-settings = Settings
audit-field-deleted_at = Deleted at
audit-field-reason = Reason
audit-field-failures = Failures
audit-field-locked_until = Locked until
audit-field-super_admin = Super admin
audit-field-values = Values
audit-field-ended = Ended
audit-field-set = Set
audit-field-by = By
audit-field-date = Date
audit-field-room = Room
audit-field-because = Because
audit-field-starts_on = Starts on
audit-field-ends_on = Ends on
audit-field-removed = Removed
audit-field-released = Released
audit-field-in_house = In house
audit-field-entry = Entry
audit-field-amount = Amount
audit-field-method = Method
audit-field-void = Void
audit-field-override = Override
audit-field-new_account = New account
audit-field-owner = Owner
audit-field-hotel = Hotel
audit-field-rows = Rows
audit-field-linked_users = Linked users
audit-field-created_users = Created users
audit-field-no_shows = No shows
audit-field-charges_posted = Charges posted
audit-field-value = Value
audit-field-language = Language

## The audit log: stored values (the stored value is the key's end)
audit-value-pending = Pending
audit-value-confirmed = Confirmed
audit-value-checked_in = Checked in
audit-value-checked_out = Checked out
audit-value-cancelled = Cancelled
audit-value-no_show = No show
audit-value-clean = Clean
audit-value-dirty = Dirty
audit-value-inspected = Inspected
audit-value-out_of_order = Out of order
audit-value-out_of_service = Out of service
audit-value-direct = Direct
audit-value-phone = Phone
audit-value-walk_in = Walk in
audit-value-website = Website
audit-value-ota = Ota
audit-value-corporate = Corporate
audit-value-agent = Agent
audit-value-room_charge = Room charge
audit-value-charge = Charge
audit-value-payment = Payment
audit-value-refund = Refund
audit-value-discount = Discount
audit-value-cash = Cash
audit-value-card = Card
audit-value-bank_transfer = Bank transfer
audit-value-voucher = Voucher
audit-value-city_ledger = City ledger
audit-value-other = Other
audit-value-passport = Passport
audit-value-national_id = National
audit-value-driving_licence = Driving licence
audit-value-owner = Owner
audit-value-admin = Admin
audit-value-manager = Manager
audit-value-staff = Staff
audit-value-viewer = Viewer
audit-value-chain = Chain
audit-value-independent = Independent
audit-value-franchise = Franchise
audit-value-management_company = Management company
audit-value-vacation_rental = Vacation rental
audit-value-trial = Trial
audit-value-active = Active
audit-value-suspended = Suspended
audit-value-inactive = Inactive
audit-value-starter = Starter
audit-value-professional = Professional
audit-value-enterprise = Enterprise
audit-value-night_audit = Night audit
