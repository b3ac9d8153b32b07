//! Messages to the guest of a stay: written to the outbox by the operation that causes
//! them, in its transaction (a refused or rolled-back booking sends nothing), rendered
//! whole in the guest's language, and sent by the worker (`crate::mailer`).
//!
//! | event | written by | due |
//! |---|---|---|
//! | booking confirmed | `book` (not a hold), confirming a hold | now |
//! | pre-arrival | the same, and an edit (the old one is cancelled) | N days before arrival, 10:00 hotel time |
//! | booking changed | `edit`, when the dates, room type, guests or total change | now |
//! | cancelled (with the penalty posted) | cancelling | now |
//! | post-stay thank-you (marketing) | check-out | the next morning, 10:00 hotel time |
//! | invoice issued | issuing an invoice | now |
//! | one-off | the desk, "write to the guest" | now |
//!
//! A guest marked "no email", or without an address, gets nothing; "no marketing" skips
//! the thank-you. The plan's monthly cap is the worker's to apply (`crate::mailer`): the
//! booking path only writes.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};

use super::{now_at, Actor, StayResult};
use crate::db::guests::Guest;
use crate::db::hotels::Hotel;
use crate::db::messages::{NewMessage, OutboxMessage, Template, DEFAULT_PRE_ARRIVAL_DAYS};
use crate::db::reservations::Reservation;
use crate::db::tenants::Tenant;
use crate::db::{DbResult, TenantScope};
use crate::domain::message::Msg;
use crate::domain::messages::{self as rules, Merge};
use crate::domain::{HotelId, MessageEvent, MessageId, OutboxStatus, ReservationStatus, Timestamp};
use crate::i18n::{self, Currency, Tr};

/// The hour of the hotel's day reminders and thank-you notes go out.
pub const SEND_HOUR: u32 = 10;

/// What an event adds to a stay's merge fields.
#[derive(Clone, Debug, Default)]
pub struct Extra {
    /// The cancellation charge posted.
    pub penalty: Option<i64>,
    /// The invoice's number and total.
    pub invoice: Option<(String, i64)>,
}

/// A message as it will go out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub language: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The wording a message is made from: the hotel's own template, the shipped default,
/// or the desk's words.
#[derive(Clone, Debug)]
pub struct Wording {
    pub subject: String,
    pub body: String,
}

/// What one stay's messages are made of, read once.
pub struct Context {
    pub reservation: Reservation,
    pub guest: Guest,
    pub hotel: Hotel,
    pub room_type: String,
    pub balance: i64,
    pub tr: Tr,
    sender: Sender,
    /// The hotel's own templates in the guest's language, when read ahead (a booking
    /// reads them before it takes the room type's lock); else each is read when needed.
    templates: Option<Vec<Template>>,
}

/// What a booking's messages need that does not depend on the booking: the hotel's sender
/// and its templates in the guest's language, read before the booking takes its lock.
pub struct Prepared {
    sender: Option<crate::db::messages::HotelMessaging>,
    templates: Vec<Template>,
}

/// Reads [`Prepared`] for a guest of `hotel` whose language is `language` (none: the
/// organization's).
pub fn prepare(s: &mut TenantScope<'_>, tenant: &Tenant, hotel: HotelId, language: Option<&str>) -> DbResult<Prepared> {
    let lang = i18n::for_user(language, Some(&tenant.locale));
    let sender = s.messages().sender(hotel)?;
    let templates = s.messages().templates(hotel)?.into_iter().filter(|t| t.language == lang.tag()).collect();
    Ok(Prepared { sender, templates })
}

struct Sender {
    from_name: String,
    reply_to: Option<String>,
    signature: Option<String>,
    pre_arrival_days: i32,
}

impl Context {
    pub fn load(s: &mut TenantScope<'_>, tenant: &Tenant, r: &Reservation) -> DbResult<Self> {
        let guest = s.guests().get(r.guest_id)?;
        let hotel = s.hotels().get(r.hotel_id)?;
        let room_type = s.room_types().get(r.room_type_id)?.name;
        let folio = s.folio().balance(r.id)?;
        // Before the stay is charged, the guest still owes the stay's total.
        let balance = match r.status {
            ReservationStatus::Pending | ReservationStatus::Confirmed => folio + r.total_amount,
            _ => folio,
        };
        let sender = s.messages().sender(hotel.id)?;
        Ok(Self::of(tenant, r, (guest, hotel, room_type), balance, sender, None))
    }

    /// The context of a stay just booked, from what the booking read (its folio is empty).
    pub fn of_booking(tenant: &Tenant, r: &Reservation, read: (Guest, Hotel, String), prepared: Prepared) -> Self {
        Self::of(tenant, r, read, r.total_amount, prepared.sender, Some(prepared.templates))
    }

    fn of(
        tenant: &Tenant,
        r: &Reservation,
        (guest, hotel, room_type): (Guest, Hotel, String),
        balance: i64,
        row: Option<crate::db::messages::HotelMessaging>,
        templates: Option<Vec<Template>>,
    ) -> Self {
        let lang = i18n::for_user(guest.language.as_deref(), Some(&tenant.locale));
        let tr = Tr::new(lang, Currency::of(&tenant.currency));
        let sender = Sender {
            from_name: row.as_ref().and_then(|m| m.from_name.clone()).unwrap_or_else(|| hotel.name.clone()),
            reply_to: row.as_ref().and_then(|m| m.reply_to.clone()).or_else(|| hotel.email.clone()),
            signature: row.as_ref().and_then(|m| m.signature.clone()),
            pre_arrival_days: row.as_ref().map_or(DEFAULT_PRE_ARRIVAL_DAYS, |m| m.pre_arrival_days),
        };
        Self { reservation: r.clone(), guest, hotel, room_type, balance, tr, sender, templates }
    }

    /// The stay's merge fields in the guest's language.
    pub fn merge(&self, tenant: &Tenant, extra: &Extra) -> Merge {
        let (r, h, tr) = (&self.reservation, &self.hotel, &self.tr);
        let settings = tenant.settings();
        let none = tr.t("message-none");
        let address = [h.address.as_deref(), h.city.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
        let mut m = Merge::default();
        m.set("guest_name", self.guest.full_name())
            .set("hotel", h.name.clone())
            .set("check_in", tr.date(r.check_in))
            .set("check_out", tr.date(r.check_out))
            .set("nights", tr.number(r.nights()))
            .set("room_type", self.room_type.clone())
            .set("code", r.confirmation_code.clone())
            .set("total", tr.money(r.total_amount))
            .set("balance", tr.money(self.balance))
            .set("check_in_time", settings.check_in_time)
            .set("check_out_time", settings.check_out_time)
            // The organization's contacts stand in for a hotel without its own.
            .set("hotel_phone", h.phone.clone().or_else(|| tenant.phone.clone()).unwrap_or_else(|| none.clone()))
            .set("hotel_email", h.email.clone().or_else(|| tenant.email.clone()).unwrap_or_else(|| none.clone()))
            .set(
                "hotel_address",
                if address.is_empty() { tenant.address.clone().unwrap_or_else(|| none.clone()) } else { address },
            )
            .set("penalty", tr.money(extra.penalty.unwrap_or(0)));
        if let Some((number, total)) = &extra.invoice {
            m.set("invoice_number", number.clone()).set("total", tr.money(*total));
        }
        m
    }

    /// The wording of `event` for this stay: the hotel's template in the guest's
    /// language, else the shipped one.
    pub fn wording(&self, s: &mut TenantScope<'_>, event: MessageEvent) -> DbResult<Wording> {
        let lang = self.tr.lang().to_owned();
        let own = match &self.templates {
            Some(read) => read.iter().find(|t| t.event == event && t.language == lang).cloned(),
            None => s.messages().template(self.hotel.id, event, &lang)?,
        };
        Ok(match own {
            Some(t) => Wording { subject: t.subject, body: t.body },
            None => default_wording(&self.tr, event),
        })
    }

    /// `wording` filled in with this stay: exactly what would go out.
    pub fn render(&self, tenant: &Tenant, wording: &Wording, extra: &Extra) -> Rendered {
        let merge = self.merge(tenant, extra);
        let subject = one_line(&rules::fill(&wording.subject, &merge));
        let text = rules::signed(&rules::fill(&wording.body, &merge), self.sender.signature.as_deref());
        let html = rules::html(self.tr.lang(), &self.hotel.name, &text);
        Rendered { language: self.tr.lang().to_owned(), subject, text, html }
    }

    /// Whether the guest takes `event` at all: an address, not "no email", and not
    /// "no marketing" for a marketing one.
    fn reaches(&self, event: MessageEvent) -> Option<&str> {
        let g = &self.guest;
        if g.no_email || (event.is_marketing() && g.no_marketing) {
            return None;
        }
        g.email.as_deref()
    }
}

/// The shipped subject and body of `event` in `tr`'s language, with the merge fields as
/// placeholders (what the template editor starts from).
pub fn default_wording(tr: &Tr, event: MessageEvent) -> Wording {
    let (subject, body) = event.default_keys();
    let with = |key: String| {
        let msg = Merge::placeholders().into_iter().fold(Msg::new(&key), |m, (name, value)| m.arg(name, value));
        tr.msg(&msg)
    };
    Wording { subject: with(subject), body: with(body) }
}

/// Writes `event`'s message for stay `r` to the outbox, due now (or, for a reminder or a
/// thank-you, at its hour). Nothing when the guest does not take it.
pub fn notify(
    s: &mut TenantScope<'_>,
    tenant: &Tenant,
    r: &Reservation,
    event: MessageEvent,
    extra: &Extra,
) -> StayResult<Option<OutboxMessage>> {
    let ctx = Context::load(s, tenant, r)?;
    notify_with(s, tenant, &ctx, event, extra)
}

/// [`notify`] with the stay's context already read (an operation that sends two).
fn notify_with(
    s: &mut TenantScope<'_>,
    tenant: &Tenant,
    ctx: &Context,
    event: MessageEvent,
    extra: &Extra,
) -> StayResult<Option<OutboxMessage>> {
    if ctx.reaches(event).is_none() {
        return Ok(None);
    }
    let due = match event {
        MessageEvent::PreArrival => match pre_arrival_due(ctx) {
            Some(due) => due,
            None => return Ok(None),
        },
        MessageEvent::PostStay => hotel_time(&ctx.hotel, now_at(&ctx.hotel).date() + Duration::days(1)),
        _ => Timestamp::now(),
    };
    let wording = ctx.wording(s, event)?;
    write(s, tenant, ctx, (event, due), &wording, extra)
}

/// The desk's own message to the guest of `r`, sent now.
pub fn write_to_guest(
    s: &mut TenantScope<'_>,
    actor: &impl Actor,
    r: &Reservation,
    wording: &Wording,
) -> StayResult<Option<OutboxMessage>> {
    let tenant = actor.tenant().clone();
    let ctx = Context::load(s, &tenant, r)?;
    let sent = write(s, &tenant, &ctx, (MessageEvent::OneOff, Timestamp::now()), wording, &Extra::default())?;
    if let Some(m) = &sent {
        let event = crate::db::audit::Event::new("message.write", "reservation", r.id)
            .after(serde_json::json!({ "message": m.id, "subject": m.subject }));
        actor.audit(s, event)?;
    }
    Ok(sent)
}

/// "Send again": a new message with the same words as `original`, to the guest's address
/// as it is now, sent now.
pub fn send_again(
    s: &mut TenantScope<'_>,
    actor: &impl Actor,
    r: &Reservation,
    original: MessageId,
) -> StayResult<OutboxMessage> {
    let old = s.messages().get(original)?;
    if old.reservation_id != r.id {
        return Err(crate::db::DbError::NotFound.into());
    }
    let guest = s.guests().get(r.guest_id)?;
    let recipient = guest.email.filter(|_| !guest.no_email).ok_or(super::Refused::NoAddress)?;
    let new = NewMessage {
        hotel_id: old.hotel_id,
        reservation_id: old.reservation_id,
        guest_id: old.guest_id,
        event: old.event,
        language: old.language,
        recipient,
        from_name: old.from_name,
        reply_to: old.reply_to,
        subject: old.subject,
        body_text: old.body_text,
        body_html: old.body_html,
        status: OutboxStatus::Queued,
        due_at: Timestamp::now(),
        last_error: None,
        resend_of: Some(old.id),
    };
    let m = s.messages().enqueue(&new)?;
    let event = crate::db::audit::Event::new("message.resend", "reservation", r.id)
        .after(serde_json::json!({ "message": m.id, "of": old.id }));
    actor.audit(s, event)?;
    Ok(m)
}

/// Renders `wording` for the stay of `ctx` and writes it to the outbox, due at `due`;
/// nothing when the guest does not take `event`.
fn write(
    s: &mut TenantScope<'_>,
    tenant: &Tenant,
    ctx: &Context,
    (event, due): (MessageEvent, Timestamp),
    wording: &Wording,
    extra: &Extra,
) -> StayResult<Option<OutboxMessage>> {
    let Some(recipient) = ctx.reaches(event) else { return Ok(None) };
    let out = ctx.render(tenant, wording, extra);
    let new = NewMessage {
        hotel_id: ctx.hotel.id,
        reservation_id: ctx.reservation.id,
        guest_id: ctx.guest.id,
        event,
        language: out.language,
        recipient: recipient.to_owned(),
        from_name: one_line(&ctx.sender.from_name),
        reply_to: ctx.sender.reply_to.clone(),
        subject: out.subject,
        body_text: out.text,
        body_html: out.html,
        status: OutboxStatus::Queued,
        due_at: due,
        last_error: None,
        resend_of: None,
    };
    Ok(Some(s.messages().enqueue(&new)?))
}

/// The plan's month now (see `domain::messages::month_start`).
pub fn month_start() -> Timestamp {
    rules::month_start(Utc::now())
}

/// The pre-arrival reminder's time: N days before arrival at 10:00 hotel time, if that
/// is still to come and after today (a stay booked that late has just had its
/// confirmation).
fn pre_arrival_due(ctx: &Context) -> Option<Timestamp> {
    let today = now_at(&ctx.hotel).date();
    let day = ctx.reservation.check_in - Duration::days(i64::from(ctx.sender.pre_arrival_days));
    (day > today && ctx.reservation.check_in > today).then(|| hotel_time(&ctx.hotel, day))
}

/// `SEND_HOUR` on `day` in the hotel's timezone.
fn hotel_time(hotel: &Hotel, day: NaiveDate) -> Timestamp {
    let tz: chrono_tz::Tz = hotel.timezone.parse().unwrap_or(chrono_tz::UTC);
    let local = day.and_hms_opt(SEND_HOUR, 0, 0).unwrap_or_else(|| day.and_time(NaiveTime::MIN));
    let at = tz.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc));
    Timestamp(at.unwrap_or_else(|| Utc.from_utc_datetime(&local)))
}

/// A header's text: one line, no control characters.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// After a stay is booked: the confirmation and the reminder, from what the booking read.
pub(super) fn booked(
    s: &mut TenantScope<'_>,
    tenant: &Tenant,
    r: &Reservation,
    read: (Guest, Hotel, String),
    prepared: Prepared,
) -> StayResult<()> {
    if r.status != ReservationStatus::Confirmed {
        return Ok(());
    }
    let ctx = Context::of_booking(tenant, r, read, prepared);
    confirm(s, tenant, &ctx)
}

/// After a hold is confirmed: the confirmation and the reminder.
fn confirmed(s: &mut TenantScope<'_>, tenant: &Tenant, r: &Reservation) -> StayResult<()> {
    let ctx = Context::load(s, tenant, r)?;
    confirm(s, tenant, &ctx)
}

fn confirm(s: &mut TenantScope<'_>, tenant: &Tenant, ctx: &Context) -> StayResult<()> {
    notify_with(s, tenant, ctx, MessageEvent::BookingConfirmed, &Extra::default())?;
    notify_with(s, tenant, ctx, MessageEvent::PreArrival, &Extra::default())?;
    Ok(())
}

/// After an edit: the change, when the guest would notice it, and the reminder again.
pub(super) fn changed(
    s: &mut TenantScope<'_>,
    tenant: &Tenant,
    before: &Reservation,
    after: &Reservation,
) -> StayResult<()> {
    let noticed =
        (before.check_in, before.check_out, before.room_type_id, before.adults, before.children, before.total_amount)
            != (after.check_in, after.check_out, after.room_type_id, after.adults, after.children, after.total_amount);
    if !noticed || after.status == ReservationStatus::Pending {
        return Ok(());
    }
    let ctx = Context::load(s, tenant, after)?;
    notify_with(s, tenant, &ctx, MessageEvent::BookingChanged, &Extra::default())?;
    if after.status == ReservationStatus::Confirmed {
        s.messages().cancel_waiting(after.id, MessageEvent::PreArrival)?;
        notify_with(s, tenant, &ctx, MessageEvent::PreArrival, &Extra::default())?;
    }
    Ok(())
}

/// After a status change: what each one tells the guest, and the reminder it ends.
pub(super) fn status_changed(
    s: &mut TenantScope<'_>,
    tenant: &Tenant,
    before: ReservationStatus,
    after: &Reservation,
    penalty: Option<i64>,
) -> StayResult<()> {
    use ReservationStatus as S;
    if after.status != S::Confirmed {
        s.messages().cancel_waiting(after.id, MessageEvent::PreArrival)?;
    }
    match (before, after.status) {
        (S::Pending, S::Confirmed) => confirmed(s, tenant, after),
        (_, S::Cancelled) => {
            notify(s, tenant, after, MessageEvent::Cancelled, &Extra { penalty, invoice: None })?;
            Ok(())
        }
        (S::CheckedIn, S::CheckedOut) => {
            notify(s, tenant, after, MessageEvent::PostStay, &Extra::default())?;
            Ok(())
        }
        _ => Ok(()),
    }
}
