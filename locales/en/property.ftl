### Property management: hotels, room types, rooms, the housekeeping board, guests, and
### the management forms' shared buttons.

## Shared by the management forms and lists
manage-save = Save
manage-cancel = Cancel
manage-edit = Edit

## The records' names in "Someone else changed this … while you were editing"
conflict-what-hotel = hotel
conflict-what-room = room
conflict-what-room-type = room type
conflict-what-rate-plan = rate plan
conflict-what-guest = guest

## Hotels: the list
hotel-list-title = Hotels
hotel-count = { $count ->
    [one] { $count } hotel
   *[other] { $count } hotels
}
hotel-new = New hotel
hotel-empty-title = No hotels yet
hotel-empty-text = Add your first hotel, then its room types and rooms.
hotel-add = Add a hotel
hotel-col-rooms = Rooms
hotel-col-status = Status
hotel-active = Active
hotel-inactive = Inactive

## Hotels: the form
hotel-field-name = Name
hotel-field-code = Code
hotel-field-code-hint = Short and unique in your organization, like NYC.
hotel-field-brand = Brand
hotel-field-timezone = Timezone
hotel-field-timezone-hint = "Today" at this hotel follows this timezone.
hotel-field-address = Address
hotel-field-city = City
hotel-field-country = Country
hotel-field-country-hint = Two letters, like US or PT.
hotel-field-stars = Stars
hotel-field-stars-hint = 1 to 5.
hotel-field-email = Email
hotel-field-phone = Phone
hotel-field-active = Active (open for bookings)
hotel-edit-title = Edit { $name }
hotel-country-format = Use the two-letter country code, like US or PT.
hotel-code-taken = Another hotel already uses this code.

## Hotels: notices
hotel-created = Hotel { $name } created. Add its room types next.
hotel-saved = { $name } saved.
hotel-deleted = { $name } deleted.
hotel-in-use = This hotel still has room types, rooms or reservations, so it cannot be deleted. Mark it inactive instead.

## Hotels: a hotel's page
hotel-room-count = { $count ->
    [one] { $count } room
   *[other] { $count } rooms
}
hotel-show-rooms = Rooms
hotel-show-housekeeping = Housekeeping
hotel-edit = Edit hotel
hotel-details = Details
hotel-business-date = Business date
hotel-no-audit-yet = no night audit yet
hotel-room-types = Room types
hotel-add-room-type = Add room type
hotel-room-types-empty-title = No room types yet
hotel-room-types-empty-text = Room types set occupancy and the nightly rate. Add one before adding rooms.
hotel-col-guests = Guests
hotel-col-rate = Rate
hotel-night-audit = Night audit
hotel-night-audit-text = Marks the day's no-shows, posts tonight's room charges for in-house guests and moves the business date on. Safe to run twice.
hotel-night-audit-date = Business date to close
hotel-night-audit-run = Run night audit
hotel-delete = Delete hotel

## Room types
rtype-new = New room type
rtype-edit-title = Edit { $name }
rtype-hotels = Hotels
rtype-field-name = Name
rtype-field-name-hint = Like Deluxe King.
rtype-field-code = Code
rtype-field-code-hint = Unique in this hotel, like DLX.
rtype-field-base-occupancy = Standard occupancy
rtype-field-base-occupancy-hint = Guests included in the rate.
rtype-field-max-occupancy = Maximum occupancy
rtype-field-rate = Nightly rate
rtype-field-rate-hint = In your organization's currency.
rtype-field-active = Active (can be sold)
rtype-field-description = Description
rtype-delete = Delete room type
rtype-max-below-base = The maximum cannot be below the standard occupancy.
rtype-code-taken = This hotel already has a room type with this code.
rtype-added = Room type { $name } added.
rtype-saved = { $name } saved.
rtype-deleted = Room type { $name } deleted.
rtype-in-use = Rooms or reservations still use this room type, so it cannot be deleted. Mark it inactive instead.

## Rooms: the list
room-list-title = Rooms
room-count = { $count ->
    [one] { $count } room
   *[other] { $count } rooms
}
room-board-link = Housekeeping board
room-new = New room
room-filter-hotel = Hotel
room-filter-all-hotels = All hotels
room-filter-housekeeping = Housekeeping
room-filter-any-status = Any status
room-filter = Filter
room-clear = Clear
room-no-hotels-title = No hotels yet
room-no-hotels-text = Rooms belong to a hotel. Add a hotel and its room types first.
room-add-hotel = Add a hotel
room-none-match-title = No rooms match
room-none-match-text = Change the filters, or add rooms to a hotel.
room-col-room = Room
room-col-hotel = Hotel
room-col-type = Type
room-col-floor = Floor
room-col-housekeeping = Housekeeping
room-inactive = Inactive

## Rooms: the form
room-edit-title = Edit room { $number }
room-first-type-title = Add a room type first
room-first-type-text = Every room has a type that sets its occupancy and rate.
room-go-to-hotels = Go to hotels
room-field-hotel = Hotel
room-field-hotel-fixed = A room stays in its hotel.
room-field-type = Room type
room-choose = Choose…
room-field-number = Number
room-field-number-hint = Unique in the hotel, like 101.
room-field-floor = Floor
room-field-housekeeping = Housekeeping
room-field-active = Active (can be sold)
room-field-notes = Notes
room-delete = Delete room
room-choose-hotel = Choose one of your hotels.
room-choose-type = Choose a room type of this hotel.
room-number-taken = This hotel already has a room with this number.
room-off-sale-needs-dates = A room goes out of order or out of service for some nights, with a reason: use “Off sale…” on the housekeeping board.

## Rooms: notices
room-added = Room { $number } added.
room-saved = Room { $number } saved.
room-deleted = Room { $number } deleted.
room-in-use = This room has reservations, so it cannot be deleted. Mark it inactive or out of service instead.

## The housekeeping board
hk-title = Housekeeping
hk-subtitle = { $hotel } · { $count ->
    [one] { $count } room
   *[other] { $count } rooms
}
hk-hotel = Hotel
hk-show = Show
hk-empty-title = No rooms to show
hk-empty-text = Add rooms to a hotel and they appear here, one card each.
hk-occupied = Occupied
hk-vacant = Vacant
hk-departs-today = Departs today
hk-arrives-today = Arrival today
# The current block: its last night (a date) and its reason as typed.
hk-block-until = through { $last } · { $reason }
# A block to come: its kind (out of order, out of service), its first and last nights.
hk-block-later = { $kind } from { $first } through { $last }
hk-floor = Floor { $floor }
hk-back-in-service = Back in service…
hk-off-sale = Off sale…
# A one-click change; $status is the stored value of the new status.
hk-now = Room { $number } is now { $status ->
    [clean] clean
    [dirty] dirty
    [inspected] inspected
    [out_of_order] out of order
   *[out_of_service] out of service
}.
hk-choose-status = Choose one of the housekeeping statuses.

## Guests: the list
guest-list-title = Guests
guest-count = { $count ->
    [one] { $count } guest
   *[other] { $count } guests
}
guest-count-matching = { $count ->
    [one] { $count } guest
   *[other] { $count } guests
} matching “{ $q }”
guest-new = New guest
guest-search-label = Search
guest-search-placeholder = Name, email or phone
guest-search = Search
guest-clear = Clear
guest-empty-title = No guests yet
guest-empty-text = Guests are added when you book a stay, or here.
guest-no-match-title = No guest matches “{ $q }”
guest-no-match-text = Check the spelling, or search by email or phone instead.
guest-add = Add a guest
guest-col-added = Added
guest-vip = VIP
guest-field-language = Language of messages
guest-language-organization = The organization's
guest-language-unknown = Choose one of the languages in the list.
guest-no-marketing = No marketing (confirmations and invoices still go out)
guest-no-email = No email at all
guest-messages = Messages
guest-messages-all = Every message
guest-email-problem = The last message did not reach this address: { $problem }. Correct the email to clear this.

## Guests: the form
guest-new-title = New guest
guest-edit-title = Edit { $name }
guest-field-first-name = First name
guest-field-last-name = Last name
guest-field-name = Name
guest-field-email = Email
guest-field-phone = Phone
guest-field-document-type = Document type
guest-document-none = None
guest-field-document-number = Document number
guest-field-document = Document
guest-field-nationality = Nationality
guest-field-nationality-hint = Two letters, like BR.
guest-field-notes = Notes
guest-nationality-format = Use the two-letter country code, like BR or GB.
guest-email-taken = Another guest already has this email. Search for them instead of adding a duplicate.

## Guests: notices
guest-added = Guest { $name } added.
guest-saved = { $name } saved.
guest-deleted = { $name } deleted.
guest-in-use = This guest has reservations, so the record is kept for the hotel's books.

## Guests: a guest's page
guest-edit = Edit guest
guest-contact = Contact and documents
guest-stays = Stays
guest-no-stays = No stays yet.
guest-col-code = Code
guest-col-arrival = Arrival
guest-col-departure = Departure
guest-col-status = Status
guest-col-total = Total
guest-delete = Delete guest

## Tax rules of a hotel.
conflict-what-tax-rule = tax rule
tax-title = Taxes
tax-new = New tax rule
tax-empty = No tax rules: charges carry no tax.
tax-edit-title = Edit { $name }
tax-added = Tax rule { $name } added.
tax-saved = Tax rule { $name } saved.
tax-deleted = Tax rule { $name } deleted.
tax-delete = Delete tax rule
tax-in-use = This tax rule taxed charges already and cannot be deleted. End its validity instead.
tax-code-taken = Another tax rule of this hotel has this code.
tax-field-code = Code
tax-field-name = Name
tax-field-name-hint = As the invoice shows it, e.g. Sales tax or ISS.
tax-field-kind = Kind
tax-field-rate = Rate (%)
tax-field-rate-hint = For a percentage, e.g. 8.875.
tax-rate-range = A percentage between 0.01 and 100.
tax-field-included = Included in the price
tax-field-applies-to = On
tax-field-amount = Amount per person per night
tax-field-amount-hint = For a city tax: charged on room nights, on top of the price.
tax-field-exempt-children = Children are exempt
tax-field-valid-from = Valid from
tax-field-valid-to = Valid until
tax-field-valid-to-hint = Blank: no end.
tax-to-before-from = The end comes before the start.
tax-col-rate = Rate
tax-col-on = On
tax-col-valid = Valid
tax-is-included = included
tax-is-added = added
tax-children-exempt = children exempt
tax-open-ended = no end
tax-per-person-night = { $amount } per person per night
