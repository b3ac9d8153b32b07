//! Messages to guests: each hotel's sender and templates, and the outbox.
//!
//! The outbox is written by the operation that causes a message, in its transaction
//! (`stays::messages`), and read by the desk (`of_reservation`). The worker reaches it
//! across organizations through [`PlatformScope::outbox`]: it claims due messages with a
//! lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so that several instances never claim
//! one message twice; SQLite's writer lock does the same), and marks one sent only after
//! the SMTP server accepted it.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::schema::{guests, hotel_messaging, message_templates, outbox_messages, stay_notes};
use super::scope::{scoped_insert, PlatformScope, TenantScope};
use super::{versioned, DbConnection, DbError, DbResult};
use crate::domain::ids::{GuestId, HotelId, MessageId, NoteId, ReservationId, TenantId, UserId};
use crate::domain::messages::Skip;
use crate::domain::values::Timestamp;
use crate::domain::{MessageEvent, OutboxStatus};

/// A hotel's sender identity and reminder schedule (a whole row: export and import).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = hotel_messaging, treat_none_as_default_value = false)]
pub struct HotelMessaging {
    pub tenant_id: TenantId,
    pub hotel_id: HotelId,
    pub from_name: Option<String>,
    pub reply_to: Option<String>,
    pub signature: Option<String>,
    pub pre_arrival_days: i32,
    pub updated_at: Timestamp,
    pub version: i32,
}

/// What the sender form edits.
#[derive(AsChangeset, Insertable, Clone, Debug, Default, PartialEq, Eq)]
#[diesel(table_name = hotel_messaging, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct SenderFields {
    pub from_name: Option<String>,
    pub reply_to: Option<String>,
    pub signature: Option<String>,
    pub pre_arrival_days: i32,
}

/// The schedule when a hotel has not set its own: three days before arrival.
pub const DEFAULT_PRE_ARRIVAL_DAYS: i32 = 3;

/// A hotel's own wording of one event in one language (a whole row).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = message_templates, treat_none_as_default_value = false)]
pub struct Template {
    pub tenant_id: TenantId,
    pub hotel_id: HotelId,
    pub event: MessageEvent,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub updated_at: Timestamp,
    pub version: i32,
}

/// One message of the outbox (a whole row). Rendered whole (`subject` and the rest are
/// set) or, as the booking path writes its automatic messages, only the event: the worker
/// renders it when it claims it (`stays::messages::render_claimed`).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = outbox_messages, treat_none_as_default_value = false)]
pub struct OutboxMessage {
    pub tenant_id: TenantId,
    pub id: MessageId,
    pub hotel_id: HotelId,
    pub reservation_id: ReservationId,
    pub guest_id: GuestId,
    pub event: MessageEvent,
    pub language: Option<String>,
    pub recipient: Option<String>,
    pub from_name: Option<String>,
    pub reply_to: Option<String>,
    pub subject: Option<String>,
    pub body_text: Option<String>,
    pub body_html: Option<String>,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub due_at: Timestamp,
    pub lease_until: Option<Timestamp>,
    pub claimed_by: Option<String>,
    pub last_error: Option<String>,
    pub sent_at: Option<Timestamp>,
    pub resend_of: Option<MessageId>,
    pub created_by: Option<UserId>,
    pub created_at: Timestamp,
    /// The charge a cancellation posted (its message's merge field).
    #[serde(default)]
    pub penalty: Option<i64>,
}

impl OutboxMessage {
    /// Whether its words are written yet (an event is rendered when it is claimed).
    pub fn is_rendered(&self) -> bool {
        self.subject.is_some()
    }

    /// Its words, once written.
    pub fn mail(&self) -> Option<MailFields> {
        Some(MailFields {
            language: self.language.clone()?,
            recipient: self.recipient.clone()?,
            from_name: self.from_name.clone()?,
            reply_to: self.reply_to.clone(),
            subject: self.subject.clone()?,
            body_text: self.body_text.clone()?,
            body_html: self.body_html.clone()?,
        })
    }
}

/// A message as it goes out: what the worker renders an event into, or what the desk
/// wrote.
#[derive(AsChangeset, Clone, Debug, PartialEq, Eq)]
#[diesel(table_name = outbox_messages, treat_none_as_null = true)]
pub struct MailFields {
    pub language: String,
    pub recipient: String,
    pub from_name: String,
    pub reply_to: Option<String>,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
}

/// An automatic message as the operation that causes it writes it: the event, when it
/// is due, and what the event adds (a cancellation's penalty).
#[derive(Clone, Debug)]
pub struct DueMessage {
    pub hotel_id: HotelId,
    pub reservation_id: ReservationId,
    pub guest_id: GuestId,
    pub event: MessageEvent,
    pub due_at: Timestamp,
    pub penalty: Option<i64>,
}

/// A message written rendered whole: the desk's own, one sent again, an invoice's; due at
/// `due_at`.
#[derive(Insertable, Clone, Debug)]
#[diesel(table_name = outbox_messages, treat_none_as_default_value = false)]
pub struct NewMessage {
    pub hotel_id: HotelId,
    pub reservation_id: ReservationId,
    pub guest_id: GuestId,
    pub event: MessageEvent,
    pub language: String,
    pub recipient: String,
    pub from_name: String,
    pub reply_to: Option<String>,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub status: OutboxStatus,
    pub due_at: Timestamp,
    pub last_error: Option<String>,
    pub resend_of: Option<MessageId>,
}

/// A desk note on a stay (a whole row).
#[derive(Queryable, Selectable, Insertable, Clone, Debug, Serialize, Deserialize)]
#[diesel(table_name = stay_notes, treat_none_as_default_value = false)]
pub struct StayNote {
    pub tenant_id: TenantId,
    pub id: NoteId,
    pub reservation_id: ReservationId,
    pub body: String,
    pub created_by: Option<UserId>,
    pub created_at: Timestamp,
}

/// The longest note.
pub const NOTE_MAX: usize = 2000;

pub struct Messages<'s, 'c>(&'s mut TenantScope<'c>);

impl<'c> TenantScope<'c> {
    pub fn messages(&mut self) -> Messages<'_, 'c> {
        Messages(self)
    }
}

impl Messages<'_, '_> {
    /// The hotel's sender row, if it has saved one.
    pub fn sender(self, hotel: HotelId) -> DbResult<Option<HotelMessaging>> {
        let s = self.0;
        Ok(s.all(hotel_messaging::table)
            .filter(hotel_messaging::hotel_id.eq(hotel))
            .select(HotelMessaging::as_select())
            .first(s.conn())
            .optional()?)
    }

    /// Saves the hotel's sender: the first save inserts, later ones update the version
    /// the form was read at (Stale when someone saved in between).
    pub fn save_sender(self, hotel: HotelId, version: i32, fields: &SenderFields) -> DbResult<HotelMessaging> {
        let s = self.0;
        let now = Timestamp::now();
        let changed = if s.messages().sender(hotel)?.is_none() {
            let insert = scoped_insert!(
                s,
                hotel_messaging,
                (hotel_messaging::hotel_id.eq(hotel), hotel_messaging::updated_at.eq(now), fields)
            )
            .on_conflict_do_nothing();
            match s.conn() {
                DbConnection::Pg(pg) => insert.execute(pg)?,
                DbConnection::Sqlite(lite) => insert.execute(lite)?,
            }
        } else {
            diesel::update(
                s.all(hotel_messaging::table)
                    .filter(hotel_messaging::hotel_id.eq(hotel))
                    .filter(hotel_messaging::version.eq(version)),
            )
            .set((fields, hotel_messaging::version.eq(version + 1), hotel_messaging::updated_at.eq(now)))
            .execute(s.conn())?
        };
        versioned::saved(changed, || s.messages().sender(hotel)?.ok_or(DbError::NotFound))
    }

    /// The hotel's own templates, every event and language.
    pub fn templates(self, hotel: HotelId) -> DbResult<Vec<Template>> {
        let s = self.0;
        Ok(s.all(message_templates::table)
            .filter(message_templates::hotel_id.eq(hotel))
            .order((message_templates::event, message_templates::language))
            .select(Template::as_select())
            .load(s.conn())?)
    }

    pub fn template(self, hotel: HotelId, event: MessageEvent, language: &str) -> DbResult<Option<Template>> {
        let s = self.0;
        Ok(s.all(message_templates::table)
            .filter(message_templates::hotel_id.eq(hotel))
            .filter(message_templates::event.eq(event))
            .filter(message_templates::language.eq(language))
            .select(Template::as_select())
            .first(s.conn())
            .optional()?)
    }

    /// Saves the hotel's wording of `event` in `language`: the first save inserts (the
    /// form showed the shipped wording), later ones update the version the form read.
    pub fn save_template(
        self,
        hotel: HotelId,
        event: MessageEvent,
        language: &str,
        version: i32,
        (subject, body): (&str, &str),
    ) -> DbResult<Template> {
        let s = self.0;
        let now = Timestamp::now();
        let changed = if s.messages().template(hotel, event, language)?.is_none() {
            let insert = scoped_insert!(
                s,
                message_templates,
                (
                    message_templates::hotel_id.eq(hotel),
                    message_templates::event.eq(event),
                    message_templates::language.eq(language),
                    message_templates::subject.eq(subject),
                    message_templates::body.eq(body),
                    message_templates::updated_at.eq(now),
                )
            )
            .on_conflict_do_nothing();
            match s.conn() {
                DbConnection::Pg(pg) => insert.execute(pg)?,
                DbConnection::Sqlite(lite) => insert.execute(lite)?,
            }
        } else {
            diesel::update(
                s.all(message_templates::table)
                    .filter(message_templates::hotel_id.eq(hotel))
                    .filter(message_templates::event.eq(event))
                    .filter(message_templates::language.eq(language))
                    .filter(message_templates::version.eq(version)),
            )
            .set((
                message_templates::subject.eq(subject),
                message_templates::body.eq(body),
                message_templates::version.eq(version + 1),
                message_templates::updated_at.eq(now),
            ))
            .execute(s.conn())?
        };
        versioned::saved(changed, || s.messages().template(hotel, event, language)?.ok_or(DbError::NotFound))
    }

    /// Goes back to the shipped wording.
    pub fn reset_template(self, hotel: HotelId, event: MessageEvent, language: &str) -> DbResult<()> {
        let s = self.0;
        diesel::delete(
            s.all(message_templates::table)
                .filter(message_templates::hotel_id.eq(hotel))
                .filter(message_templates::event.eq(event))
                .filter(message_templates::language.eq(language)),
        )
        .execute(s.conn())?;
        Ok(())
    }

    /// Writes a message to the outbox, in the caller's transaction.
    pub fn enqueue(self, new: &NewMessage) -> DbResult<OutboxMessage> {
        let s = self.0;
        let (id, now, created_by) = (MessageId::new(), Timestamp::now(), s.user_id());
        scoped_insert!(
            s,
            outbox_messages,
            (
                outbox_messages::id.eq(id),
                outbox_messages::created_at.eq(now),
                outbox_messages::created_by.eq(created_by),
                new
            )
        )
        .execute(s.conn())?;
        let new = new.clone();
        Ok(OutboxMessage {
            tenant_id: s.tenant_id(),
            id,
            hotel_id: new.hotel_id,
            reservation_id: new.reservation_id,
            guest_id: new.guest_id,
            event: new.event,
            language: Some(new.language),
            recipient: Some(new.recipient),
            from_name: Some(new.from_name),
            reply_to: new.reply_to,
            subject: Some(new.subject),
            body_text: Some(new.body_text),
            body_html: Some(new.body_html),
            status: new.status,
            attempts: 0,
            due_at: new.due_at,
            lease_until: None,
            claimed_by: None,
            last_error: new.last_error,
            sent_at: None,
            resend_of: new.resend_of,
            created_by,
            created_at: now,
            penalty: None,
        })
    }

    /// Writes automatic messages as their events, in the caller's transaction, in one
    /// statement; the worker renders each when it claims it.
    pub fn enqueue_due(self, due: &[DueMessage]) -> DbResult<usize> {
        let s = self.0;
        let (now, created_by) = (Timestamp::now(), s.user_id());
        let mut rows: Vec<OutboxMessage> = due
            .iter()
            .map(|d| OutboxMessage {
                tenant_id: s.tenant_id(),
                id: MessageId::new(),
                hotel_id: d.hotel_id,
                reservation_id: d.reservation_id,
                guest_id: d.guest_id,
                event: d.event,
                language: None,
                recipient: None,
                from_name: None,
                reply_to: None,
                subject: None,
                body_text: None,
                body_html: None,
                status: OutboxStatus::Queued,
                attempts: 0,
                due_at: d.due_at,
                lease_until: None,
                claimed_by: None,
                last_error: None,
                sent_at: None,
                resend_of: None,
                created_by,
                created_at: now,
                penalty: d.penalty,
            })
            .collect();
        if rows.is_empty() {
            return Ok(0);
        }
        s.load(&mut rows)
    }

    pub fn get(self, id: MessageId) -> DbResult<OutboxMessage> {
        let s = self.0;
        Ok(s.all(outbox_messages::table)
            .filter(outbox_messages::id.eq(id))
            .select(OutboxMessage::as_select())
            .first(s.conn())?)
    }

    /// A stay's messages, newest first.
    pub fn of_reservation(self, reservation: ReservationId) -> DbResult<Vec<OutboxMessage>> {
        let s = self.0;
        Ok(s.all(outbox_messages::table)
            .filter(outbox_messages::reservation_id.eq(reservation))
            .order((outbox_messages::created_at.desc(), outbox_messages::id.desc()))
            .select(OutboxMessage::as_select())
            .load(s.conn())?)
    }

    /// Adds the desk's note to a stay.
    pub fn add_note(self, reservation: ReservationId, body: &str) -> DbResult<NoteId> {
        let s = self.0;
        let (id, now, by) = (NoteId::new(), Timestamp::now(), s.user_id());
        scoped_insert!(
            s,
            stay_notes,
            (
                stay_notes::id.eq(id),
                stay_notes::reservation_id.eq(reservation),
                stay_notes::body.eq(body),
                stay_notes::created_by.eq(by),
                stay_notes::created_at.eq(now),
            )
        )
        .execute(s.conn())?;
        Ok(id)
    }

    /// A stay's notes, newest first.
    pub fn notes(self, reservation: ReservationId) -> DbResult<Vec<StayNote>> {
        let s = self.0;
        Ok(s.all(stay_notes::table)
            .filter(stay_notes::reservation_id.eq(reservation))
            .order((stay_notes::created_at.desc(), stay_notes::id.desc()))
            .select(StayNote::as_select())
            .load(s.conn())?)
    }

    /// Cancels a stay's reminders of `event` still waiting (the stay changed or ended).
    pub fn cancel_waiting(self, reservation: ReservationId, event: MessageEvent) -> DbResult<usize> {
        let s = self.0;
        Ok(diesel::update(
            s.all(outbox_messages::table)
                .filter(outbox_messages::reservation_id.eq(reservation))
                .filter(outbox_messages::event.eq(event))
                .filter(outbox_messages::status.eq(OutboxStatus::Queued)),
        )
        .set(outbox_messages::status.eq(OutboxStatus::Cancelled))
        .execute(s.conn())?)
    }

    /// Messages sent since `since`: what the plan's monthly cap counts.
    pub fn sent_since(self, since: Timestamp) -> DbResult<i64> {
        let s = self.0;
        Ok(s.all(outbox_messages::table)
            .filter(outbox_messages::status.eq(OutboxStatus::Sent))
            .filter(outbox_messages::sent_at.ge(since))
            .count()
            .get_result(s.conn())?)
    }
}

/// The `last_error` of a message the plan's monthly cap stopped (the worker's).
pub const CAP_REACHED: &str = "the plan's monthly message limit is reached";

/// What the worker needs of a claimed message, across organizations.
pub struct Outbox<'s, 'c>(&'s mut PlatformScope<'c>);

impl<'c> PlatformScope<'c> {
    pub fn outbox(&mut self) -> Outbox<'_, 'c> {
        Outbox(self)
    }
}

/// A send's end, as the worker reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    /// A temporary failure: try again at the time given.
    Later {
        error: String,
        at: Timestamp,
    },
    /// Given up on; `bounced` flags the guest's address too.
    Failed {
        error: String,
        bounced: bool,
    },
}

impl Outbox<'_, '_> {
    /// Claims up to `limit` due messages for `worker` until `lease_until`: queued ones due
    /// by `now`, and ones another worker claimed whose lease ran out (it stopped before
    /// saying how the send went). Each claim counts as an attempt.
    pub fn claim(
        self,
        worker: &str,
        now: Timestamp,
        lease_until: Timestamp,
        limit: i64,
    ) -> DbResult<Vec<OutboxMessage>> {
        let p = self.0;
        let due =
            p.all(outbox_messages::table)
                .filter(
                    outbox_messages::status.eq(OutboxStatus::Queued).and(outbox_messages::due_at.le(now)).or(
                        outbox_messages::status.eq(OutboxStatus::Sending).and(outbox_messages::lease_until.lt(now)),
                    ),
                )
                .order(outbox_messages::due_at)
                .limit(limit)
                .select((outbox_messages::tenant_id, outbox_messages::id));
        let keys: Vec<(TenantId, MessageId)> = match p.conn() {
            DbConnection::Pg(pg) => due.for_update().skip_locked().load(pg)?,
            // The writer lock this transaction holds keeps every other claim out.
            conn => due.load(conn)?,
        };
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        // Ids are UUIDs, unique across organizations; the rows are the ones just locked.
        let ids: Vec<MessageId> = keys.into_iter().map(|(_, id)| id).collect();
        diesel::update(p.all(outbox_messages::table).filter(outbox_messages::id.eq_any(&ids)))
            .set((
                outbox_messages::status.eq(OutboxStatus::Sending),
                outbox_messages::lease_until.eq(lease_until),
                outbox_messages::claimed_by.eq(worker),
                outbox_messages::attempts.eq(outbox_messages::attempts + 1),
            ))
            .execute(p.conn())?;
        Ok(p.all(outbox_messages::table)
            .filter(outbox_messages::id.eq_any(&ids))
            .order(outbox_messages::due_at)
            .select(OutboxMessage::as_select())
            .load(p.conn())?)
    }

    /// Records how the send of a message `worker` claimed went. A message whose lease
    /// another worker took over meanwhile is left to that worker (false).
    pub fn finish(self, m: &OutboxMessage, worker: &str, delivery: &Delivery) -> DbResult<bool> {
        let p = self.0;
        let mine = p.all(outbox_messages::table).filter(claimed(m.tenant_id, m.id, worker));
        let none = (outbox_messages::lease_until.eq(None::<Timestamp>), outbox_messages::claimed_by.eq(None::<String>));
        let changed = match delivery {
            Delivery::Sent => diesel::update(mine)
                .set((
                    outbox_messages::status.eq(OutboxStatus::Sent),
                    outbox_messages::sent_at.eq(Timestamp::now()),
                    none,
                ))
                .execute(p.conn())?,
            Delivery::Later { error, at } => diesel::update(mine)
                .set((
                    outbox_messages::status.eq(OutboxStatus::Queued),
                    outbox_messages::due_at.eq(*at),
                    outbox_messages::last_error.eq(clip(error)),
                    none,
                ))
                .execute(p.conn())?,
            Delivery::Failed { error, bounced } => {
                if *bounced {
                    diesel::update(
                        p.all(guests::table)
                            .filter(guests::tenant_id.eq(m.tenant_id))
                            .filter(guests::id.eq(m.guest_id)),
                    )
                    .set(guests::email_problem.eq(clip(error)))
                    .execute(p.conn())?;
                }
                diesel::update(mine)
                    .set((
                        outbox_messages::status.eq(OutboxStatus::Failed),
                        outbox_messages::last_error.eq(clip(error)),
                        none,
                    ))
                    .execute(p.conn())?
            }
        };
        Ok(changed == 1)
    }

    /// Stores what a claimed event was rendered into, while `worker` still holds it.
    pub fn render(self, m: &OutboxMessage, worker: &str, mail: &MailFields) -> DbResult<bool> {
        let p = self.0;
        let changed = diesel::update(p.all(outbox_messages::table).filter(claimed(m.tenant_id, m.id, worker)))
            .set(mail)
            .execute(p.conn())?;
        Ok(changed == 1)
    }

    /// Sets aside a claimed event its guest does not take (`why`: a [`Skip`]'s key).
    pub fn skip(self, m: &OutboxMessage, worker: &str, why: Skip) -> DbResult<bool> {
        let p = self.0;
        let changed = diesel::update(p.all(outbox_messages::table).filter(claimed(m.tenant_id, m.id, worker)))
            .set((
                outbox_messages::status.eq(OutboxStatus::Cancelled),
                outbox_messages::last_error.eq(why.key()),
                outbox_messages::lease_until.eq(None::<Timestamp>),
                outbox_messages::claimed_by.eq(None::<String>),
            ))
            .execute(p.conn())?;
        Ok(changed == 1)
    }

    /// How many more messages organization `tenant` may send this month (from `since`);
    /// `None`: its plan has no cap.
    pub fn allowance_left(self, tenant: TenantId, since: Timestamp) -> DbResult<Option<i64>> {
        let p = self.0;
        let Some(cap) = p.tenants().get(tenant)?.plan.monthly_messages() else { return Ok(None) };
        let sent: i64 = p
            .all(outbox_messages::table)
            .filter(outbox_messages::tenant_id.eq(tenant))
            .filter(outbox_messages::status.eq(OutboxStatus::Sent))
            .filter(outbox_messages::sent_at.ge(since))
            .count()
            .get_result(p.conn())?;
        Ok(Some((cap - sent).max(0)))
    }

    /// Per organization since `since`: messages written, sent and failed.
    pub fn volume(self, since: Timestamp) -> DbResult<Vec<(TenantId, i64, i64, i64)>> {
        use diesel::dsl::{count_star, sql};
        let p = self.0;
        let sent = sql::<diesel::sql_types::BigInt>("COALESCE(SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END), 0)");
        let failed =
            sql::<diesel::sql_types::BigInt>("COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0)");
        Ok(p.all(outbox_messages::table)
            .filter(outbox_messages::created_at.ge(since))
            .filter(outbox_messages::status.ne(OutboxStatus::Cancelled))
            .group_by(outbox_messages::tenant_id)
            .select((outbox_messages::tenant_id, count_star(), sent, failed))
            .load(p.conn())?)
    }
}

/// Message `id` of `tenant` while `worker` still holds its claim.
#[diesel::dsl::auto_type]
fn claimed<'a>(tenant: TenantId, id: MessageId, worker: &'a str) -> _ {
    let sending: OutboxStatus = OutboxStatus::Sending;
    outbox_messages::tenant_id
        .eq(tenant)
        .and(outbox_messages::id.eq(id))
        .and(outbox_messages::status.eq(sending))
        .and(outbox_messages::claimed_by.eq(worker))
}

/// An error as stored: at most the column's 1,000 characters.
fn clip(error: &str) -> String {
    error.chars().take(1000).collect()
}
