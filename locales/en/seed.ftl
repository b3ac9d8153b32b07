### The demo's own words (`serve --demo`), written in each demo organization's language.

demo-member-name = { $role } { $org }
demo-block-reason = Leaking shower: plumber booked
demo-minibar = Minibar
demo-payment = Payment
demo-plan-bar = Best available rate
demo-plan-nrf = Non-refundable
demo-tax-occupancy = Hotel occupancy tax
demo-tax-iss = ISS
demo-tax-city = City tax
demo-tax-vat = VAT
demo-plan-bb = Breakfast included
