### The layout, the navigation, the forms' common messages, formats.

language-name = English

## Formats: the words around numbers and amounts (the numbers come from CLDR).
money = { $symbol }{ $amount }
money-negative = -{ $symbol }{ $amount }
currency-symbol = { $code ->
    [USD] $
    [EUR] €
    [GBP] £
    [BRL] R$
    [JPY] ¥
   *[other] { $code }{" "}
}
percent = { $value }%

## Navigation
nav-dashboard = Dashboard
nav-reservations = Reservations
nav-calendar = Tape chart
nav-reports = Reports
nav-kiosk = Front desk kiosk
nav-hotels = Hotels
nav-rooms = Rooms
nav-housekeeping = Housekeeping
nav-guests = Guests
nav-members = Users
nav-settings = Settings
nav-audit = Audit log
nav-organization = Organization
nav-main = Main

## The layout
layout-visiting = You are inside { $org } as a super admin. Every action is audited as yours.
layout-leave = Leave
layout-switch = Switch
layout-account-title = Your account: sessions, password and language
layout-sign-out = Sign out

## Lists
pager-label = Pagination
pager-previous = Previous
pager-next = Next
pager-info = Page { $page } of { $pages } · { $total ->
    [one] { $total } result
   *[other] { $total } results
}

## Edits that crossed
conflict-title = Someone else changed this { $what } while you were editing
conflict-explain = Nothing was saved. Your changes are still in the form below; the current values are shown next to them. Save again to replace the current values with yours.
conflict-field = Field
conflict-yours = Your version
conflict-current = Current version

## Form messages
form-fix-fields = { $count ->
    [one] Please fix 1 field below.
   *[other] Please fix { $count } fields below.
}
form-required = This field is required.
form-too-long = Use at most { $max } characters.
form-number-range = Enter a number from { $min } to { $max }.
form-whole-number = Enter a whole number from { $min } to { $max }.
form-choose-date = Choose a date.
form-date-format = Enter a date like 2026-12-24.
form-code = Use up to 16 letters, digits or dashes, starting with a letter or digit.
form-email = Enter an email address like name@example.com.
form-timezone = Choose a timezone from the list, like Europe/Lisbon.
form-choose-option = Choose one of the options.

## Amounts
amount-above-zero = Enter an amount above zero.
amount-empty = Enter an amount.
amount-format = Enter an amount such as { $example }.
amount-no-cents = This currency has no cents: enter an amount such as { $example }.
amount-decimals = Use at most { $digits } decimals: enter an amount such as { $example }.
amount-ambiguous = This could mean { $as_group } or { $as_decimal }. Type the decimals too, as in { $example }.
amount-too-large = That amount is too large.

## A folio's line
folio-room-night = Room, night of { $date }

## A folio's balance
standing-due = Balance due { $amount }
standing-credit = Credit { $amount }
standing-settled = Settled

## Stay dates and party
stay-departure-not-after-arrival = The departure must be after the arrival.
stay-too-long = A stay can be at most { $max } nights.
stay-in-the-past = The arrival is in the past. Only a manager can backdate a booking.
stay-too-many-guests = This room type takes at most { $max } guests.
