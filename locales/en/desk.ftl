### The front desk: the kiosk, the tape chart, the dashboard, the reports and room blocks.

## The kiosk: the frame
kiosk-front-desk = Front desk
kiosk-lock = Lock
kiosk-locked = The kiosk locked. Enter your password to continue.

## The kiosk: choosing the hotel
kiosk-choose-title = Which hotel is this desk?
kiosk-choose-hint = Chosen once; this screen remembers it.
kiosk-choose-none = This organization has no active hotel yet.
kiosk-choose-hotel = Choose one of this organization's hotels.

## The kiosk: today's lists
kiosk-search-label = Find a guest or confirmation code
kiosk-search-placeholder = Guest name or confirmation code
kiosk-search-find = Find
kiosk-found = Found { $count }
kiosk-found-none = No stay at this hotel matches “{ $query }”.
kiosk-arrivals = Arrivals
kiosk-arrivals-none = No more arrivals today.
kiosk-departures = Departures
kiosk-departures-none = No departures left today.
kiosk-in-house = In house
kiosk-in-house-none = Nobody in house.
kiosk-nights = { $count ->
    [one] 1 night
   *[other] { $count } nights
}
kiosk-room-assigned = room assigned
kiosk-go-check-in = Check in →
kiosk-go-check-out = Check out →
kiosk-room = Room { $number }
kiosk-until = until { $date }

## The kiosk: a stay
kiosk-back = ← Back
kiosk-adults = { $count ->
    [one] 1 adult
   *[other] { $count } adults
}
kiosk-stay-room = room { $number }
kiosk-tap-room = Tap a room to check in
kiosk-assigned = assigned · { $status }
kiosk-floor = floor { $floor }
kiosk-no-ready-room = No clean room of this type is free for the whole stay. Ask housekeeping, or move the guest to another type at the office.
kiosk-folio = Folio
kiosk-nights-due = Nights to charge at check-out
kiosk-confirm-title = Take { $amount } by { $method }?
kiosk-confirm = Confirm { $amount }
kiosk-change = Change
kiosk-amount = Amount
kiosk-pay-by = Pay by { $method }
kiosk-check-out = Check out
kiosk-checked-in = { $code } checked in.
kiosk-checked-out = { $code } checked out.
kiosk-stale = This stay changed a moment ago. Check it and tap again.
kiosk-room-just-taken = That room was just taken. Choose another.
kiosk-payment-description = Payment at the desk
kiosk-payment-taken = Payment taken.

## The kiosk: the lock screen
kiosk-lock-title = Front desk locked
kiosk-lock-locked-by = Locked by { $name }
kiosk-lock-pin = PIN
kiosk-lock-unlock = Unlock
kiosk-lock-use-password = Use your password instead
kiosk-lock-password = Password
kiosk-lock-email = Email
kiosk-lock-not-you = Not { $name }? Sign in as someone else

## The tape chart
cal-title = Tape chart
cal-range = { $from } to { $to }
cal-prev-week = ← Week
cal-today = Today
cal-next-week = Week →
cal-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
cal-hotel = Hotel
cal-show = Show
cal-empty-title = No rooms to chart
cal-empty-text = Add rooms to this hotel and their stays appear here.
cal-room = Room
cal-left-to-sell = Left to sell
cal-legend-confirmed = Confirmed
cal-legend-pending = Pending
cal-legend-in-house = In house
cal-legend-checked-out = Checked out
cal-legend-shaded = Shaded rows are out of order or out of service.

## The dashboard
dash-title = Dashboard
dash-subtitle = Today at your hotels · signed in as { $user } ({ $role })
dash-new-booking = New booking
dash-welcome = Welcome to Hotelier
dash-welcome-text = Start by adding your first hotel, then its room types and rooms.
dash-add-hotel = Add a hotel
dash-arrivals-today = Arrivals today
dash-departures-today = Departures today
dash-in-house = In house
dash-rooms-to-clean = Rooms to clean
dash-col-hotel = Hotel
dash-col-today = Today
dash-col-arrivals = Arrivals
dash-col-departures = Departures
dash-col-in-house = In house
dash-col-to-clean = To clean
dash-col-occupancy-tonight = Occupancy tonight
dash-last-30 = Last 30 days
dash-next-30 = Next 30 days, on the books
dash-occupancy = Occupancy
dash-adr = ADR
dash-revpar = RevPAR
dash-chart-title = Occupancy, 30 days back and 30 days ahead
dash-chart-label = Daily occupancy from 30 days ago to 30 days ahead
# A bar's tooltip: the day, and its occupancy already formatted ("75%").
dash-chart-bar = { $day }: { $percent }
dash-chart-today = today
dash-chart-back = { $count ->
    [one] −1 day
   *[other] −{ $count } days
}
dash-chart-ahead = { $count ->
    [one] +1 day
   *[other] +{ $count } days
}

## Reports
rep-title = Reports
rep-formulas = Occupancy = room-nights sold ÷ available · ADR = room revenue ÷ sold · RevPAR = room revenue ÷ available
rep-download-csv = Download CSV
rep-hotel = Hotel
rep-all-hotels = All hotels
rep-from = From
rep-to = To
rep-by = By
rep-period-day = Day
rep-period-week = Week
rep-period-month = Month
rep-show = Show
rep-range-shortened = Reports cover at most { $days } days; the range was shortened.
rep-bad-start = The start date could not be read; showing the last { $days } days.
rep-occupancy = Occupancy
rep-adr = ADR
rep-revpar = RevPAR
rep-room-revenue = Room revenue
rep-empty-title = Nothing to report
rep-empty-text = Add hotels and rooms, and their bookings show up here.
rep-col-hotel = Hotel
rep-col-period = Period
rep-col-available = Available
rep-col-sold = Sold
rep-col-revenue = Revenue
rep-period-range = { $from } → { $to }
rep-footnote = Room-nights available use the rooms sellable today. Dates are the organization's calendar days.

## Room blocks: a room off sale for some nights
block-title = Room { $number } off sale
block-breadcrumb-housekeeping = Housekeeping
block-breadcrumb-room = Room { $number }
block-heading = Take room { $number } off sale
block-subtitle = { $hotel } · out of order or out of service for some nights, with a reason. It stays on sale on every other night.
block-current = Current and coming blocks
block-col-what = What
block-col-from = From
block-col-last-night = Last night
block-col-reason = Reason
block-now = now
block-cancel = Cancel block
block-end-today = Back in service today
block-affected-title = These stays have room { $number } on some of those nights
block-col-confirmation = Confirmation
block-col-guest = Guest
block-col-stay = Stay
block-col-what-happens = What happens
block-affected-in-house = In house: move the guest to another room.
block-affected-coming = Loses the room and keeps the booking: give it another room.
block-field-kind = What
block-field-kind-hint = Out of order: broken, cannot be used. Out of service: usable but held back (deep clean, refit).
block-field-starts-on = From (first night off sale)
block-field-ends-on = Back on sale on
block-field-reason = Reason
block-field-reason-placeholder = Leaking shower, repainting…
block-submit = Take off sale
block-submit-anyway = Take off sale anyway
block-back-cancel = Cancel
# After a block: $kind is out_of_order or out_of_service; the dates are as typed (ISO);
# $released and $in_house list confirmation codes, their counts choose the sentences.
block-blocked = Room { $number } is { $kind ->
        [out_of_service] out of service
       *[out_of_order] out of order
    } from { $from } to { $last } (back on { $back }).{ $released_count ->
        [0] {""}
       *[other] { " " }Give these stays another room: { $released }.
    }{ $in_house_count ->
        [0] {""}
       *[other] { " " }Move the in-house guests of { $in_house } to another room.
    }
block-ended = The room is back on sale ({ $kind ->
        [out_of_service] out of service
       *[out_of_order] out of order
    } ended).
rep-net-note = Room revenue, ADR and RevPAR are net: without the taxes included in the price (added taxes never are).
rep-taxes-title = Taxes collected
rep-taxes-empty = No taxed charges were posted in this period.
rep-col-tax-kind = In the price
rep-col-collected = Collected
