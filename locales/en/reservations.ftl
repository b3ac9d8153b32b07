### Reservations: the list, the booking flow, the reservation page with its folio, editing a stay, the night audit.

## Shared
res-title = Reservations
res-new-booking = New booking
res-field-hotel = Hotel
res-field-arrival = Arrival
res-field-departure = Departure
res-field-adults = Adults
res-field-children = Children
res-field-guest = Guest
res-field-room = Room
res-field-source = Source
res-field-notes = Notes
res-room-number = Room { $number }
res-room-with-status = Room { $number } ({ $status })
res-party = { $adults ->
    [one] 1 adult
   *[other] { $adults } adults
}{ $children ->
    [0] {""}
    [one] , 1 child
   *[other] , { $children } children
}
res-nights = { $count ->
    [one] 1 night
   *[other] { $count } nights
}

## The list
res-index-count = { $count ->
    [one] 1 reservation
   *[other] { $count } reservations
}
res-quick-filters = Quick filters
res-view-current = Today and ahead
res-view-arriving = Arriving today
res-view-in-house = In house
res-view-departing = Departing today
res-view-all = All
res-filter-q = Code or guest
res-filter-q-placeholder = K7M3QX2A or Smith
res-filter-all-hotels = All hotels
res-filter-status = Status
res-filter-any = Any
res-filter-arrival-from = Arrival from
res-filter-departure-from = Departure from
res-filter-to = to
res-filter = Filter
res-filter-clear = Clear
res-empty-arriving-title = No arrivals today
res-empty-arriving = Nobody else is due in today.
res-empty-in-house-title = Nobody in house
res-empty-in-house = No guest is checked in right now.
res-empty-departing-title = No departures due
res-empty-departing = Every guest due out today has checked out.
res-empty-current-title = No current or upcoming stays
res-empty-current = See all reservations, or make a new booking.
res-empty-filtered-title = No reservations match
res-empty-filtered = Change the filters, or make a new booking.
res-col-code = Code
res-col-status = Status
res-col-total = Total

## New booking: dates, party and availability
res-new-steps = 1. Dates and guests · 2. Room type · 3. Guest · 4. Confirm
res-no-hotel-title = No hotel open for bookings
res-no-hotel = Add a hotel with room types and rooms first.
res-check-availability = Check availability
res-no-room-types-title = This hotel has no room types to sell
res-no-room-types = Add room types and rooms to the hotel first.
res-col-room-type = Room type
res-option-summary = { $max ->
    [one] { $min }–{ $max } guest
   *[other] { $min }–{ $max } guests
} · { $rooms ->
    [one] 1 room
   *[other] { $rooms } rooms
}
res-too-many-guests = Too many guests
res-choose = Choose
res-sold-out = Sold out
res-availability-note = Numbers per night are rooms still bookable, including the organization's overbooking allowance.

## New booking: guest and confirmation
res-details-title = New booking · guest
res-details-step = Guest and confirm
res-details-heading = { $room_type } at { $hotel }
res-details-subtitle = { $check_in } → { $check_out } · { $party } · { $total } in all
res-change-dates = Change dates
res-change-dates-or-party = Change the dates or party
res-find-guest = Find an existing guest
res-find-guest-placeholder = Name, email or phone
res-search-guests = Search guests
res-new-guest = A new guest:
res-field-first-name = First name
res-field-first-name-hint = For a new guest.
res-field-last-name = Last name
res-field-email = Email
res-field-phone = Phone
res-assign-later = Assign later (at check-in)
res-free-room = Room { $number } · { $status }
res-free-room-floor = Room { $number } · floor { $floor } · { $status }
res-free-rooms-hint = { $count ->
    [one] 1 room of this type free for every night.
   *[other] { $count } rooms of this type free for every night.
}
res-hold = Hold as pending (not yet confirmed)
res-confirm-booking = Confirm booking
res-back = Back
res-booked = Booked. Confirmation code { $code }.
res-room-just-taken-booking = That room was just taken by another booking. Choose another room.
res-guest-email-exists = A guest with this email exists already: search for them above and choose them.

## The reservation page
res-show-subtitle = { $hotel } · { $room_type } · { $check_in } → { $check_out } ({ $nights ->
    [one] 1 night
   *[other] { $nights } nights
})
res-edit-stay = Edit stay
res-section-stay = Stay
res-vip = VIP
res-room-not-assigned = not assigned
res-dt-party = Party
res-dt-rate = Rate
res-rate-line = { $rate } per night · { $total } total
res-dt-cancelled-because = Cancelled because
res-actions = Actions
res-reason-placeholder = Reason
res-reason-for = Reason for { $action }
res-override-balance = Override open balance
res-status-now = { $code }: now { $status ->
    [pending] pending
    [confirmed] confirmed
    [checked_in] checked in
    [checked_out] checked out
    [cancelled] cancelled
   *[no_show] no-show
}.
res-room-taken = That room is taken on some of these nights. Choose another room.
res-stale-show = Someone else changed this reservation a moment ago. Here is the current state; try again.

## The folio
folio-heading = Folio · { $standing ->
    [standing-due] balance due { $amount }
    [standing-credit] credit { $amount }
   *[other] settled
}
res-folio-total = { $standing ->
    [standing-due] Balance due
    [standing-credit] Credit
   *[other] Settled
}
res-folio-empty = Nothing posted yet. Room charges arrive with the night audit and at check-out.
res-col-date = Date
res-col-item = Item
res-col-amount = Amount
res-void-badge = Void
res-voided-badge = Voided
res-void-reason = Reason: { $reason }
res-void-summary = Void…
res-void-placeholder = Why (posted in error, wrong room…)
res-void-aria = Reason for voiding { $item }
res-void-button = Void { $amount }
res-nights-due = Nights to charge at check-out
res-post-kind = Post
res-post-amount = Amount
res-post-method = Method
res-post-description = Description
res-post-description-placeholder = Minibar, parking…
res-post-button = Post to folio
res-folio-choose-kind = Choose what to post.
res-posted = { $kind ->
    [room_charge] Room charge posted.
    [charge] Charge posted.
    [payment] Payment posted.
    [refund] Refund posted.
   *[discount] Discount posted.
}
res-not-posted = The folio entry was not posted: see the marked fields.
res-voided = Entry voided: a reversing entry is on the folio.
res-not-voided = The entry was not voided: see its reason.

## Editing a stay
res-edit-title = Edit { $code }
res-edit-heading = Edit stay { $code }
res-edit-currently = Currently { $check_in } → { $check_out }
res-not-saved = Not saved
res-not-assigned-option = Not assigned
res-save-stay = Save stay
res-cancel = Cancel
res-saved = Stay saved.
res-stale-edit = Someone else changed this reservation while you were editing. Your entries are below; the current stay is shown above.
res-room-just-taken-edit = That room was just taken by another stay. Choose another room.

## The night audit
res-audit-date-format = Enter the date to audit like 2026-11-21.
res-audit-done = Night audit for { $date }: { $no_shows ->
    [one] 1 no-show
   *[other] { $no_shows } no-shows
}, { $charges ->
    [one] 1 room charge
   *[other] { $charges } room charges
} posted. Business date is now { $business_date }.

## Rate plans on the booking and the stay.
res-rooms-left = Rooms left that night
res-bookable-count = { $count ->
    [one] 1 bookable
   *[other] { $count } bookable
}
res-breakdown-title = { $plan }: night by night
res-col-night = Night
res-col-price = Price
res-breakdown-total = { $nights ->
    [one] Total, one night
   *[other] Total, { $nights } nights
}
res-terms-title = The plan's terms for this stay
res-terms-deposit = A deposit of { $amount } is due by { $by }.
res-terms-no-deposit = No deposit is asked.
res-terms-free = Cancellation is free at any time.
res-terms-free-until = Free cancellation until { $until }; after that, cancelling costs { $amount }.
res-terms-penalty-now = The free cancellation deadline has passed: cancelling costs { $amount }.
res-terms-non-refundable = Non-refundable: cancelling costs { $amount }.
res-terms-no-show = A no-show is charged { $amount }.
res-terms-no-no-show = No fee for a no-show.
res-choose-another-plan = Choose another plan or other dates.
res-dt-rate-plan = Rate plan
res-nights-agreed = { $count ->
    [one] The night's agreed price
   *[other] Each of the { $count } nights' agreed price
}
res-saved-nights-added = { $count ->
    [one] Stay saved. The night it adds is priced at today's rate: { $amount }; the other nights keep their booked prices.
   *[other] Stay saved. The { $count } nights it adds are priced at today's rates: { $amount } in all; the other nights keep their booked prices.
}

## A rate plan's policy on the stay.
res-penalty-title = Cancelling now costs { $amount }
res-penalty-explain = The stay's rate plan charges this penalty for a cancellation after its deadline. Post it to the folio, or waive it with a reason.
res-penalty-post = Cancel and post { $amount }
res-penalty-waive = Cancel and waive the penalty
res-waiver-reason = Why the penalty is waived
res-waiver-placeholder = Why it is waived
res-cancel-costs = Cancelling now costs { $amount }.
res-cancel-free-until = Free cancellation until { $until }.
res-cancel-free = Free cancellation.
res-no-show-costs = No-show fee: { $amount }.
res-deposit-due = Deposit { $amount } due by { $by }
res-deposit-paid = Deposit paid
res-deposit-owed = { $amount } still owed
res-tax-included = incl. { $name }
res-tax-added = + { $name }
