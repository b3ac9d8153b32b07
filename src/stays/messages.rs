//! Messages to the guest of a stay: written to the outbox by the operation that causes
//! them, in its transaction (a refused or rolled-back booking sends nothing), and sent by
//! the worker (`crate::mailer`).
//!
//! The automatic ones are written as their events (`DueMessage`: one row, no reads, so
//! that the booking path stays fast) and rendered when the worker claims them
//! ([`render_claimed`], in the claim's transaction): the wording, and the guest's
//! address, language and choices as they are when the message is due. A guest who asked
//! for no email after booking gets no reminder. The desk's own messages, one sent again
//! and an invoice's are rendered when written. Either way what went out is kept whole.
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
//! the thank-you; the thread says why (`Skip`). The plan's monthly cap is the worker's to
//! apply (`crate::mailer`): the booking path only writes.

use std::collections::hash_map::{Entry, HashMap};

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};

use super::{now_at, Actor, StayResult};
use crate::db::guests::Guest;
use crate::db::hotels::Hotel;
use crate::db::messages::{DueMessage, MailFields, NewMessage, OutboxMessage, DEFAULT_PRE_ARRIVAL_DAYS};
use crate::db::reservations::Reservation;
use crate::db::tenants::Tenant;
use crate::db::{DbResult, PlatformScope, TenantScope};
use crate::domain::message::Msg;
use crate::domain::messages::{self as rules, Merge, Skip};
use crate::domain::{HotelId, MessageEvent, MessageId, OutboxStatus, ReservationStatus, TenantId, Timestamp};
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
}

/// What a booking's messages need that does not depend on the booking: when the hotel
/// sends its reminders, read before the booking takes its lock.
pub struct Prepared {
    pre_arrival_days: i32,
}

/// Reads [`Prepared`] for a booking at `hotel`.
pub fn prepare(s: &mut TenantScope<'_>, hotel: HotelId) -> DbResult<Prepared> {
    Ok(Prepared { pre_arrival_days: pre_arrival_days(s, hotel)? })
}

fn pre_arrival_days(s: &mut TenantScope<'_>, hotel: HotelId) -> DbResult<i32> {
    Ok(s.messages().sender(hotel)?.map_or(DEFAULT_PRE_ARRIVAL_DAYS, |m| m.pre_arrival_days))
}

struct Sender {
    from_name: String,
    reply_to: Option<String>,
    signature: Option<String>,
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
        Ok(Self::of(tenant, r, (guest, hotel, room_type), balance, sender))
    }

    fn of(
        tenant: &Tenant,
        r: &Reservation,
        (guest, hotel, room_type): (Guest, Hotel, String),
        balance: i64,
        row: Option<crate::db::messages::HotelMessaging>,
    ) -> Self {
        let lang = i18n::for_user(guest.language.as_deref(), Some(&tenant.locale));
        let tr = Tr::new(lang, Currency::of(&tenant.currency));
        let sender = Sender {
            from_name: row.as_ref().and_then(|m| m.from_name.clone()).unwrap_or_else(|| hotel.name.clone()),
            reply_to: row.as_ref().and_then(|m| m.reply_to.clone()).or_else(|| hotel.email.clone()),
            signature: row.as_ref().and_then(|m| m.signature.clone()),
        };
        Self { reservation: r.clone(), guest, hotel, room_type, balance, tr, sender }
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
        Ok(match s.messages().template(self.hotel.id, event, self.tr.lang())? {
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

    /// The guest's address for `event`, or why they do not take it: no address, "no
    /// email", or "no marketing" for a marketing one.
    fn reaches(&self, event: MessageEvent) -> Result<&str, Skip> {
        let g = &self.guest;
        if g.no_email {
            return Err(Skip::NoEmail);
        }
        if event.is_marketing() && g.no_marketing {
            return Err(Skip::NoMarketing);
        }
        g.email.as_deref().ok_or(Skip::NoAddress)
    }

    /// `event`'s message to this stay's guest as it would go out now, or why it would not.
    pub fn mail(
        &self,
        s: &mut TenantScope<'_>,
        tenant: &Tenant,
        event: MessageEvent,
        extra: &Extra,
    ) -> DbResult<Result<MailFields, Skip>> {
        if event == MessageEvent::PreArrival && self.reservation.status != ReservationStatus::Confirmed {
            return Ok(Err(Skip::StayEnded));
        }
        let recipient = match self.reaches(event) {
            Ok(to) => to.to_owned(),
            Err(skip) => return Ok(Err(skip)),
        };
        let out = self.render(tenant, &self.wording(s, event)?, extra);
        Ok(Ok(self.fields(recipient, out)))
    }

    fn fields(&self, recipient: String, out: Rendered) -> MailFields {
        MailFields {
            language: out.language,
            recipient,
            from_name: one_line(&self.sender.from_name),
            reply_to: self.sender.reply_to.clone(),
            subject: out.subject,
            body_text: out.text,
            body_html: out.html,
        }
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

/// Writes `event`'s message for stay `r` to the outbox rendered, due now (an invoice's:
/// its number and total are the event's). Nothing when the guest does not take it.
pub fn notify(
    s: &mut TenantScope<'_>,
    tenant: &Tenant,
    r: &Reservation,
    event: MessageEvent,
    extra: &Extra,
) -> StayResult<Option<OutboxMessage>> {
    let ctx = Context::load(s, tenant, r)?;
    match ctx.mail(s, tenant, event, extra)? {
        Ok(mail) => Ok(Some(enqueue(s, &ctx, event, mail, None)?)),
        Err(_) => Ok(None),
    }
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
    let sent = match ctx.reaches(MessageEvent::OneOff) {
        Ok(to) => {
            let mail = ctx.fields(to.to_owned(), ctx.render(&tenant, wording, &Extra::default()));
            Some(enqueue(s, &ctx, MessageEvent::OneOff, mail, None)?)
        }
        Err(_) => None,
    };
    if let Some(m) = &sent {
        let event = crate::db::audit::Event::new("message.write", "reservation", r.id)
            .after(serde_json::json!({ "message": m.id, "subject": m.subject }));
        actor.audit(s, event)?;
    }
    Ok(sent)
}

/// "Send again": a new message with the same words as `original` (or, for an event the
/// worker set aside unrendered, its words for the stay as it is now), to the guest's
/// address as it is now, sent now.
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
    let tenant = actor.tenant().clone();
    let ctx = Context::load(s, &tenant, r)?;
    let recipient = ctx.reaches(MessageEvent::OneOff).map_err(|_| super::Refused::NoAddress)?.to_owned();
    let mail = match old.mail() {
        Some(words) => MailFields { recipient, ..words },
        None => {
            let extra = Extra { penalty: old.penalty, invoice: None };
            ctx.fields(recipient, ctx.render(&tenant, &ctx.wording(s, old.event)?, &extra))
        }
    };
    let m = enqueue(s, &ctx, old.event, mail, Some(old.id))?;
    let event = crate::db::audit::Event::new("message.resend", "reservation", r.id)
        .after(serde_json::json!({ "message": m.id, "of": old.id }));
    actor.audit(s, event)?;
    Ok(m)
}

/// Writes a rendered message for the stay of `ctx` to the outbox, due now.
fn enqueue(
    s: &mut TenantScope<'_>,
    ctx: &Context,
    event: MessageEvent,
    mail: MailFields,
    resend_of: Option<MessageId>,
) -> DbResult<OutboxMessage> {
    let new = NewMessage {
        hotel_id: ctx.hotel.id,
        reservation_id: ctx.reservation.id,
        guest_id: ctx.guest.id,
        event,
        language: mail.language,
        recipient: mail.recipient,
        from_name: mail.from_name,
        reply_to: mail.reply_to,
        subject: mail.subject,
        body_text: mail.body_text,
        body_html: mail.body_html,
        status: OutboxStatus::Queued,
        due_at: Timestamp::now(),
        last_error: None,
        resend_of,
    };
    s.messages().enqueue(&new)
}

/// An automatic message of stay `r`, as its event: rendered by the worker when due.
fn due(r: &Reservation, event: MessageEvent, at: Timestamp, penalty: Option<i64>) -> DueMessage {
    DueMessage { hotel_id: r.hotel_id, reservation_id: r.id, guest_id: r.guest_id, event, due_at: at, penalty }
}

/// `event`'s message for the stay of outbox message `m` as it would go out now (the
/// worker's rendering, the thread's preview), or why it would not.
pub fn render_event(s: &mut TenantScope<'_>, tenant: &Tenant, m: &OutboxMessage) -> DbResult<Result<MailFields, Skip>> {
    let r = s.reservations().get(m.reservation_id)?;
    let ctx = Context::load(s, tenant, &r)?;
    ctx.mail(s, tenant, m.event, &Extra { penalty: m.penalty, invoice: None })
}

/// Renders the events among the messages `worker` has just claimed, in the claim's
/// transaction, and sets aside those their guest does not take. Answers what to send.
pub fn render_claimed(
    p: &mut PlatformScope<'_>,
    worker: &str,
    claimed: Vec<OutboxMessage>,
) -> DbResult<Vec<OutboxMessage>> {
    let mut orgs: HashMap<TenantId, Tenant> = HashMap::new();
    let mut ready = Vec::with_capacity(claimed.len());
    for mut m in claimed {
        if m.is_rendered() {
            ready.push(m);
            continue;
        }
        let tenant = match orgs.entry(m.tenant_id) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(slot) => slot.insert(p.tenants().get(m.tenant_id)?),
        };
        match render_event(&mut p.tenant(m.tenant_id), tenant, &m)? {
            Ok(mail) => {
                if p.outbox().render(&m, worker, &mail)? {
                    fill(&mut m, mail);
                    ready.push(m);
                }
            }
            Err(skip) => {
                p.outbox().skip(&m, worker, skip)?;
            }
        }
    }
    Ok(ready)
}

/// Message `m` with the words it was rendered into.
pub fn fill(m: &mut OutboxMessage, mail: MailFields) {
    m.language = Some(mail.language);
    m.recipient = Some(mail.recipient);
    m.from_name = Some(mail.from_name);
    m.reply_to = mail.reply_to;
    m.subject = Some(mail.subject);
    m.body_text = Some(mail.body_text);
    m.body_html = Some(mail.body_html);
}

/// The plan's month now (see `domain::messages::month_start`).
pub fn month_start() -> Timestamp {
    rules::month_start(Utc::now())
}

/// The pre-arrival reminder's time: `days` before arrival at 10:00 hotel time, if that
/// is still to come and after today (a stay booked that late has just had its
/// confirmation).
fn pre_arrival_due(hotel: &Hotel, r: &Reservation, days: i32) -> Option<Timestamp> {
    let today = now_at(hotel).date();
    let day = r.check_in - Duration::days(i64::from(days));
    (day > today && r.check_in > today).then(|| hotel_time(hotel, day))
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

/// After a stay is booked: the confirmation and the reminder, with what the booking
/// read.
pub(super) fn booked(s: &mut TenantScope<'_>, r: &Reservation, hotel: &Hotel, prepared: Prepared) -> StayResult<()> {
    if r.status != ReservationStatus::Confirmed {
        return Ok(());
    }
    confirm(s, r, hotel, prepared.pre_arrival_days)
}

/// After a hold is confirmed: the confirmation and the reminder.
fn confirmed(s: &mut TenantScope<'_>, r: &Reservation) -> StayResult<()> {
    let hotel = s.hotels().get(r.hotel_id)?;
    let days = pre_arrival_days(s, r.hotel_id)?;
    confirm(s, r, &hotel, days)
}

fn confirm(s: &mut TenantScope<'_>, r: &Reservation, hotel: &Hotel, days: i32) -> StayResult<()> {
    let mut rows = vec![due(r, MessageEvent::BookingConfirmed, Timestamp::now(), None)];
    rows.extend(pre_arrival_due(hotel, r, days).map(|at| due(r, MessageEvent::PreArrival, at, None)));
    s.messages().enqueue_due(&rows)?;
    Ok(())
}

/// After an edit: the change, when the guest would notice it, and the reminder again.
pub(super) fn changed(s: &mut TenantScope<'_>, before: &Reservation, after: &Reservation) -> StayResult<()> {
    let noticed =
        (before.check_in, before.check_out, before.room_type_id, before.adults, before.children, before.total_amount)
            != (after.check_in, after.check_out, after.room_type_id, after.adults, after.children, after.total_amount);
    if !noticed || after.status == ReservationStatus::Pending {
        return Ok(());
    }
    let mut rows = vec![due(after, MessageEvent::BookingChanged, Timestamp::now(), None)];
    if after.status == ReservationStatus::Confirmed {
        s.messages().cancel_waiting(after.id, MessageEvent::PreArrival)?;
        let hotel = s.hotels().get(after.hotel_id)?;
        let days = pre_arrival_days(s, after.hotel_id)?;
        rows.extend(pre_arrival_due(&hotel, after, days).map(|at| due(after, MessageEvent::PreArrival, at, None)));
    }
    s.messages().enqueue_due(&rows)?;
    Ok(())
}

/// After a status change: what each one tells the guest, and the reminder it ends.
pub(super) fn status_changed(
    s: &mut TenantScope<'_>,
    before: ReservationStatus,
    after: &Reservation,
    penalty: Option<i64>,
) -> StayResult<()> {
    use ReservationStatus as S;
    if after.status != S::Confirmed {
        s.messages().cancel_waiting(after.id, MessageEvent::PreArrival)?;
    }
    let row = match (before, after.status) {
        (S::Pending, S::Confirmed) => return confirmed(s, after),
        (_, S::Cancelled) => due(after, MessageEvent::Cancelled, Timestamp::now(), penalty),
        (S::CheckedIn, S::CheckedOut) => {
            let hotel = s.hotels().get(after.hotel_id)?;
            let morning = hotel_time(&hotel, now_at(&hotel).date() + Duration::days(1));
            due(after, MessageEvent::PostStay, morning, None)
        }
        _ => return Ok(()),
    };
    s.messages().enqueue_due(&[row])?;
    Ok(())
}
