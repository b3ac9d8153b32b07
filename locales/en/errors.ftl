### The error page and the errors every page may answer.

status-400 = Bad request
status-403 = Forbidden
status-404 = Not found
status-405 = Not allowed
status-409 = Conflict
status-413 = Too large
status-422 = Check what you entered
status-429 = Too many requests
status-500 = Server error
status-503 = Unavailable
status-other = Error

error-request-id = Request id:
error-back = Back to the dashboard

error-not-found = We could not find that page or record.
error-forbidden = Your role does not allow this.
error-sign-in = Please sign in.
error-no-tenant = Choose an organization first.
error-csrf = This form has expired or did not come from Hotelier. Go back, reload the page and try again.
error-tenant-suspended = { $name } is suspended, so its data cannot be used right now. Please contact your account manager or Hotelier support to restore access.
error-tenant-cancelled = { $name } has been cancelled. Its data is kept for export; contact Hotelier support if this is a mistake.
error-too-many-requests = Too many attempts. Please wait a minute and try again.
error-trial-ended = This organization's trial has ended, so it is read-only: you can look at everything, but changes need an active plan. Contact Hotelier to continue.
error-validation-first = Please check what you entered: { $message }
error-validation = Please check what you entered.
error-stale = This record was changed by someone else. Reload to see the latest version.
error-unavailable = The service is briefly unavailable. Please try again in a moment.
error-db-conflict = That conflicts with an existing record.
error-unexpected = Something went wrong on our side. It has been logged.
error-busy = Someone else was changing the same thing at that moment. Please try again.
error-method = That action is not available here.
error-bad-request = The request could not be understood. Go back and try again.
error-form-unreadable = The form could not be read. Go back, check what you typed and try again.
