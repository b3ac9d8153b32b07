## Messages to guests: the shipped wording of each event (a hotel may write its own on
## its messages page). The variables are the merge fields; a template shows them as
## {{guest_name}}.

message-booking-confirmed-subject = Your stay at { $hotel } is confirmed ({ $code })
message-booking-confirmed-body =
    Dear { $guest_name },

    Thank you for booking with { $hotel }. Your stay is confirmed.

    Confirmation code: { $code }
    Arrival: { $check_in }, from { $check_in_time }
    Departure: { $check_out }, by { $check_out_time }
    Nights: { $nights }
    Room: { $room_type }
    Total: { $total }

    To change or cancel, reply to this message or call us on { $hotel_phone }.

message-booking-changed-subject = Your stay at { $hotel } has changed ({ $code })
message-booking-changed-body =
    Dear { $guest_name },

    Your booking { $code } has been changed. This is your stay now:

    Arrival: { $check_in }, from { $check_in_time }
    Departure: { $check_out }, by { $check_out_time }
    Nights: { $nights }
    Room: { $room_type }
    Total: { $total }

    If you did not ask for this change, please reply to this message.

message-cancelled-subject = Your booking { $code } at { $hotel } is cancelled
message-cancelled-body =
    Dear { $guest_name },

    Your booking { $code } for { $check_in } to { $check_out } has been cancelled.

    Cancellation charge: { $penalty }

    We hope to welcome you another time.

message-pre-arrival-subject = See you soon at { $hotel }
message-pre-arrival-body =
    Dear { $guest_name },

    We look forward to welcoming you on { $check_in }. Your room is ready from { $check_in_time }.

    Confirmation code: { $code }
    Address: { $hotel_address }
    Phone: { $hotel_phone }

    Balance to pay: { $balance }

message-post-stay-subject = Thank you for staying at { $hotel }
message-post-stay-body =
    Dear { $guest_name },

    Thank you for staying with us from { $check_in } to { $check_out }. We hope you enjoyed it, and we would be glad to welcome you again.

    If anything could have been better, reply to this message: we read every one.

message-invoice-issued-subject = Your invoice { $invoice_number } from { $hotel }
message-invoice-issued-body =
    Dear { $guest_name },

    Invoice { $invoice_number } for your stay { $code } ({ $check_in } to { $check_out }) has been issued.

    Total: { $total }
    Balance: { $balance }

    Ask at the desk or reply to this message for a printed copy.

message-none = —

## What a message is about, and where it is
message-event-booking_confirmed = Booking confirmed
message-event-booking_changed = Booking changed
message-event-cancelled = Cancelled
message-event-pre_arrival = Before arrival
message-event-post_stay = Thank you after the stay
message-event-invoice_issued = Invoice issued
message-event-one_off = Written by the desk
outbox-status-queued = Waiting
outbox-status-sending = Sending
outbox-status-sent = Sent
outbox-status-failed = Failed
outbox-status-cancelled = Cancelled

## The stay's thread (reservation page)
thread-title = Messages and notes
thread-to = To { $email }
thread-no-address = No email address: messages cannot be sent
thread-write = Write to the guest
thread-subject = Subject
thread-body = Message
thread-send = Send
thread-send-hint = It goes out within a minute, from the hotel's sender.
thread-add-note = Add a note
thread-note = Note for the desk (the guest does not see it)
thread-save-note = Save the note
thread-empty = Nothing yet. Messages to the guest and the desk's notes appear here, newest first.
thread-sent-at = sent { $at }
thread-due-at = due { $at }
thread-attempts = { $count } attempts
thread-preview = Show the message
thread-send-again = Send again
thread-note-badge = Note
thread-message-queued = The message is on its way.
thread-note-added = The note is saved.
thread-not-sent = Nothing was sent: check the form.
thread-skipped-no-address = Not sent: the guest had no email address when it was due.
thread-skipped-no-email = Not sent: the guest asked for no email.
thread-skipped-no-marketing = Not sent: the guest asked for no marketing.
thread-skipped-stay-ended = Not sent: the stay was no longer confirmed.
thread-written-when-due = A preview with the stay as it is now; the message is written when it goes out.

## A hotel's messages page
messages-title = Guest messages · { $hotel }
messages-crumb = Guest messages
messages-subtitle = What guests receive, in their language, and who it comes from.
messages-templates = Templates
messages-col-event = Event
messages-col-language = Language
messages-col-wording = Wording
messages-own = The hotel's own
messages-shipped = Hotelier's default
messages-edit = Edit
messages-sender = Sender
messages-from-name = From (name)
messages-from-name-hint = Empty: { $hotel }.
messages-reply-to = Replies go to
messages-reply-to-hint = Empty: the hotel's email.
messages-pre-arrival-days = Reminder, days before arrival
messages-pre-arrival-hint = 0 to 60; sent at 10:00 hotel time.
messages-signature = Signature
messages-sender-saved = The sender is saved.
messages-template-saved = The template is saved.
messages-template-reset = Back to Hotelier's wording.
messages-stale = Someone saved this in the meantime. Reload the page to see their version.
messages-unknown-field = Not a merge field: { $fields }.
messages-own-hint = The hotel's own wording. Reset it to go back to Hotelier's.
messages-shipped-hint = Hotelier's wording. Saving makes it the hotel's own.
messages-reset = Reset to Hotelier's wording
messages-fields-hint = Merge fields:
messages-preview-button = Preview
messages-preview = Preview
messages-preview-of = Exactly what stay { $code } would receive.
messages-preview-none = The preview shows a real stay once the hotel has one.
messages-cap = { $used } of { $cap } messages sent this month on the organization's plan.
messages-cap-warning = { $used } of { $cap } messages this month: the plan's limit is near. Beyond it, messages are not sent.
messages-cap-reached = { $used } of { $cap } messages this month: the plan's limit is reached, and new messages are not sent until next month or a bigger plan.
hotel-show-messages = Guest messages

## The merge fields, as the template editor explains them
messages-field-guest-name = the guest's name
messages-field-hotel = the hotel's name
messages-field-check-in = arrival date
messages-field-check-out = departure date
messages-field-nights = number of nights
messages-field-room-type = room type
messages-field-code = confirmation code
messages-field-total = the stay's total
messages-field-balance = what is left to pay
messages-field-check-in-time = check-in time
messages-field-check-out-time = check-out time
messages-field-hotel-phone = the hotel's phone
messages-field-hotel-email = the hotel's email
messages-field-hotel-address = the hotel's address
messages-field-penalty = the cancellation charge
messages-field-invoice-number = the invoice's number
