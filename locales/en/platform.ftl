### The super-admin console: organizations, onboarding, analytics, isolation health.

## The layout
platform-title = Platform
platform-console = Platform console
platform-super-admin = super admin
platform-organizations = Organizations
platform-analytics = Analytics
platform-health = Isolation health

## Common words
platform-status = Status
platform-plan = Plan
platform-kind = Kind
platform-any = Any
platform-all = All
platform-cancel = Cancel
platform-plan-name = { $plan } plan
platform-col-organization = Organization
platform-col-currency = Currency
platform-col-users = Users

## The organization list
platform-orgs-subtitle = { $count } shown · counts across every tenant
platform-new-org = New organization
platform-search = Search
platform-search-placeholder = Name or slug
platform-filter = Filter
platform-clear = Clear
platform-no-match = No organization matches
platform-no-match-hint = Change the search or filters.
platform-col-hotels = Hotels
platform-col-rooms = Rooms
platform-col-bookings-30d = Bookings, 30 days
platform-col-messages = Messages this month
platform-messages-of = { $count } of { $cap }
platform-messages-near-cap = near the cap
platform-messages-failed = { $rate } failed
platform-col-last-activity = Last activity
platform-switch-in = Switch in

## One organization
platform-switch-into = Switch into { $name }
platform-export = Export data (JSON)
platform-status-final = { $status } is final.
platform-move-to = Move to
platform-reason = Reason
platform-reason-placeholder = Payment received, contract ended…
platform-change-status = Change status
platform-trial-ends = Trial ends { $date }.
platform-note = Note
platform-note-placeholder = Upgrade requested by the owner
platform-change-plan = Change plan
platform-no-members = No members.
platform-col-name = Name
platform-col-email = Email
platform-col-role = Role
platform-member-active = Active
platform-member-deactivated = Deactivated
platform-audit-trail = Audit trail
platform-nothing-recorded = Nothing recorded yet.
platform-col-when-utc = When (UTC)
platform-col-who = Who
platform-col-action = Action
platform-system = System

## Status and plan changes
# A status inside a sentence: "is now suspended", "cannot become trial".
platform-status-word-trial = trial
platform-status-word-active = active
platform-status-word-suspended = suspended
platform-status-word-inactive = inactive
platform-status-word-cancelled = cancelled
platform-cannot-become = An organization that is { $from } cannot become { $to }.
platform-now-status = { $name } is now { $status }.
platform-now-plan = { $name } is now on the { $plan } plan.
platform-stale = Someone changed this organization since you opened it: here it is as it is now.

## Onboarding
platform-new-subtitle = The organization, its owner and its first hotel are created together, or not at all.
platform-field-name = Organization name
platform-field-slug = Slug
platform-field-slug-hint = Lowercase, used in logins and exports, like harbour-hotels.
platform-field-start-as = Start as
platform-start-trial = Trial (30 days)
platform-start-active = Active
platform-field-currency-hint = ISO 4217, like EUR.
platform-field-timezone = Timezone
platform-field-locale = Locale
platform-field-locale-hint = en, pt, …
platform-field-owner-email = Owner's email
platform-field-owner-email-hint = An existing account is linked, not duplicated.
platform-field-owner-name = Owner's name
platform-field-owner-password = Owner's initial password
platform-field-owner-password-hint = Leave empty to generate one, shown once.
platform-field-hotel-code = First hotel's code
platform-field-hotel-name = First hotel's name
platform-create-org = Create organization
platform-slug-taken = Another organization already uses this slug.
platform-onboarded-title = { $name } created
platform-onboarded-ready = { $name } is ready
# $email arrives wrapped in <strong>.
platform-onboarded-owner = The owner, { $email }, can sign in now.
platform-onboarded-password = Their initial password, shown only this once:
platform-onboarded-own-password = They sign in with the password they already have, or the one you set.
platform-open-org = Open the organization
platform-back-to-orgs = Back to organizations

## Analytics
platform-analytics-subtitle = { $count } organizations · amounts stay in each organization's currency and are never added across currencies
platform-by-kind-and-status = Organizations by kind and status
platform-all-kinds = All kinds
platform-last-30-days = Last 30 days, per currency
platform-no-orgs = No organizations yet
platform-no-orgs-hint = Onboard one from the organizations list.
platform-no-orgs-line = No organizations yet.
platform-col-reservations-made = Reservations made
platform-col-room-revenue = Room revenue
platform-busiest = Busiest organizations, last 30 days
platform-and-more = And { $count } more; the totals above include them.
platform-chart-organizations = Organizations at the end of each month
platform-chart-reservations = Reservations made per month
platform-chart-aria = { $title }, last 12 months
platform-chart-bar = { $month }: { $value }

## Isolation health
platform-health-subtitle = Every layer that keeps organizations apart, checked on this { $backend } database just now. The same report:
platform-health-ok = All checks pass.
platform-health-ok-detail = Row-level security, the database role and the data agree.
platform-health-warn = Isolation holds, with warnings.
platform-health-warn-detail = Read them below.
platform-health-fail = Isolation is broken.
platform-health-fail-detail = Fix every red line before serving tenants.
platform-health-check = Check
platform-health-result = Result
platform-health-detail = Detail
platform-verdict-ok = OK
platform-verdict-warn = Warning
platform-verdict-fail = FAIL

## The command line (English only in practice, translated like the rest)
cli-demo-not-seeded = Demo data: the database already has organizations; nothing seeded.
cli-migrated = { $count } migration(s) applied to { $database }
cli-night-audit = night audit { $tenant }/{ $hotel } for { $date }: { $no_shows } no-shows, { $charges } room charges posted; business date now { $business_date }
cli-tenant-created = organization { $name } ({ $slug }) created with owner { $owner } and hotel { $hotel }
cli-initial-password = the owner's initial password (shown once): { $password }
cli-exported = exported { $slug } in { $seconds }s: { $counts }
cli-imported = imported { $name } ({ $slug }) in { $seconds }s: { $counts }; { $linked } account(s) linked by email, { $created } created
cli-seeded = seeded { $tenants } organizations and { $reservations } reservations in { $seconds }s; the big one, `{ $big }`, has { $big_reservations } (login staff@{ $big }.seed / hotelier-seed)
cli-password-prompt = Password for the new super admin:
cli-superadmin-created = super admin { $email } created ({ $id })
