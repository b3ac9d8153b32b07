## The rate calendar, rate plans and their policies.

nav-rates = Rates
rates-title = Rate calendar
rates-caption = Rooms left and prices per rate plan, by night
rates-earlier = ← Earlier
rates-later = Later →
rates-empty-title = No room types yet
rates-empty-text = Add room types to this hotel, then set up its rate plans here.
rates-rooms-left = rooms left
rates-rack-rate = Rack rate
rates-no-plan-sells = No rate plan sells this room type: it is sold at its rack rate of { $rate }.
rates-closed = Closed
rates-closed-short = ✕
rates-cta = Closed to arrival
rates-cta-short = CTA
rates-ctd = Closed to departure
rates-ctd-short = CTD
rates-min-short = min { $nights }
rates-max-short = max { $nights }
rates-min-stay-long = { $nights ->
    [one] Arrivals this day stay at least one night
   *[other] Arrivals this day stay at least { $nights } nights
}
rates-max-stay-long = { $nights ->
    [one] Arrivals this day stay at most one night
   *[other] Arrivals this day stay at most { $nights } nights
}
rates-legend = Each cell shows the night's price. ✕ closed · CTA closed to arrival · CTD closed to departure · min/max the stay allowed for an arrival that day.
rates-plans-title = Rate plans
rates-no-plans = This hotel has no rate plans yet: its room types sell at their rack rates.
rates-bulk-title = Change many dates at once
rates-bulk-hint = Choose a plan, dates and weekdays, then only what should change: blank fields stay as they are.
rates-field-plan = Rate plan
rates-all-room-types = Every room type of the plan
rates-field-from = From
rates-field-to = To (included)
rates-field-weekdays = On these days
rates-field-price = Price per night
rates-price-clear = Back to the base price
rates-field-min-stay = Minimum stay (nights)
rates-field-max-stay = Maximum stay (nights)
rates-clear = Remove
rates-keep = Keep as is
rates-set = Set
rates-unset = Remove
rates-apply = Apply to the dates
rates-changed = { $count ->
    [one] One date of { $plan } changed.
   *[other] { $count } dates of { $plan } changed.
}
rates-to-before-from = The last date comes before the first.
rates-range-too-long = At most { $days } days at once.
rates-no-weekday = Choose at least one weekday.
rates-nothing-to-change = Nothing to change: fill in a price, a stay length or a restriction.
rates-min-above-max = On { $day } the minimum stay ({ $min }) would be above the maximum ({ $max }).
weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun

plan-new = New rate plan
plan-edit-title = Edit { $name }
plan-added = Rate plan { $name } added.
plan-saved = Rate plan { $name } saved.
plan-deleted = Rate plan { $name } deleted.
plan-delete = Delete rate plan
plan-in-use = This rate plan cannot be deleted: stays were booked on it, or another plan follows it. Make it inactive instead.
plan-code-taken = Another rate plan of this hotel has this code.
plan-field-code = Code
plan-field-code-hint = Short and unique in the hotel, e.g. BAR or NRF.
plan-field-name = Name
plan-field-name-hint = What the desk sees, e.g. Best available rate.
plan-field-active = Sold now
plan-section-price = Price
plan-field-parent = Follows
plan-parent-none = Nothing: its own prices
plan-field-parent-hint = A derived plan takes the other plan's price each night, adjusted.
plan-parent-not-base = Choose a base plan of this hotel (not this plan, and not one that follows another).
plan-field-adjust = Adjustment
plan-field-adjust-kind = Percentage or amount
plan-adjust-amount = amount
plan-field-adjust-hint = For a derived plan: −10 for 10 % less, 40 with "amount" for 40 more per night.
plan-adjust-range = A percentage between −100 and 1000.
plan-field-rooms = Room types it sells
plan-col-sells = Sells
plan-col-base-price = Base price per night
plan-price-of = Base price of { $room_type }
plan-field-rooms-hint = A derived plan's prices follow its parent; its price fields are not used.
plan-sells-nothing = Choose at least one room type.
plan-section-policy = Policy
plan-field-deposit = Deposit
plan-field-penalty = Cancellation penalty
plan-field-no-show = No-show fee
plan-charge-value = Percentage or amount
plan-charge-hint = A percentage of the stay, the first night, or a fixed amount.
plan-charge-percent-range = A percentage between 0.01 and 100.
plan-field-deposit-due = Deposit due (days before arrival)
plan-field-deposit-due-hint = 0: at booking.
plan-field-cancel = Free cancellation
plan-cancel-free-until = Free until
plan-field-cancel-hours = Hours before arrival
plan-hours-before-arrival = hours before arrival; the penalty after that
plan-cancel-never = Never: the penalty always applies (non-refundable)
plan-col-price = Price
plan-col-policy = Policy
plan-col-status = Status
plan-base = Its own prices
plan-follows = { $parent } { $adjustment }
plan-free-cancel = Free cancellation until { $hours } h before arrival
plan-non-refundable = Non-refundable
plan-deposit-required = deposit
plan-active = Active
plan-inactive = Inactive
