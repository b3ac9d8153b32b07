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
