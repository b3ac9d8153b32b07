//! Guest messages on the pages: a hotel's sender and templates (with a preview on a real
//! stay), and on the reservation page the stay's thread (its messages and the desk's
//! notes, newest first), "write to the guest", "send again" and "add a note".

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;
use serde::Deserialize;

use super::error::{AppError, Reply};
use super::extract::TenantCtx;
use super::forms::{self, FieldErrors};
use super::pages::{render, see_other, Chrome};
use super::reservations::{show_with_thread_form, ThreadInput};
use super::state::State;
use super::urls;
use crate::db::hotels::Hotel;
use crate::db::messages::{
    HotelMessaging, MailFields, OutboxMessage, SenderFields, StayNote, DEFAULT_PRE_ARRIVAL_DAYS, NOTE_MAX,
};
use crate::db::tenants::Tenant;
use crate::db::{DbError, TenantScope};
use crate::domain::messages::{self as rules, Allowance, Skip};
use crate::domain::{HotelId, MessageEvent, MessageId, OutboxStatus, ReservationId};
use crate::i18n::{self, Msg};
use crate::stays::messages::{self as outbox, Extra, Rendered, Wording};
use crate::stays::Refused;

// ---- the stay's thread -------------------------------------------------------------

/// One entry of a stay's conversation: a message to the guest or the desk's note.
pub enum ThreadItem {
    Message(Box<ThreadMessage>),
    Note(StayNote),
}

impl ThreadItem {
    fn at(&self) -> crate::domain::Timestamp {
        match self {
            Self::Message(t) => t.m.created_at,
            Self::Note(n) => n.created_at,
        }
    }
}

/// A message as the thread shows it. One the worker has not written yet (an automatic
/// message waiting for its time) shows a preview with the stay as it is now; one it set
/// aside shows why.
pub struct ThreadMessage {
    pub m: OutboxMessage,
    pub mail: Option<MailFields>,
    /// Not yet written: `mail` is a preview.
    pub preview: bool,
    /// Why it was not sent, or would not be now.
    pub skipped: Option<Skip>,
}

impl ThreadMessage {
    fn of(s: &mut TenantScope<'_>, tenant: &Tenant, m: OutboxMessage) -> Result<Self, DbError> {
        if let Some(mail) = m.mail() {
            return Ok(Self { m, mail: Some(mail), preview: false, skipped: None });
        }
        let skipped = m.last_error.as_deref().and_then(Skip::from_key);
        if m.status != OutboxStatus::Queued && m.status != OutboxStatus::Sending {
            return Ok(Self { m, mail: None, preview: false, skipped });
        }
        Ok(match outbox::render_event(s, tenant, &m)? {
            Ok(mail) => Self { m, mail: Some(mail), preview: true, skipped: None },
            Err(skip) => Self { m, mail: None, preview: true, skipped: Some(skip) },
        })
    }

    pub fn subject(&self) -> &str {
        self.mail.as_ref().map_or("", |m| m.subject.as_str())
    }
}

/// A stay's messages and notes, newest first.
pub fn thread(
    s: &mut TenantScope<'_>,
    tenant: &Tenant,
    reservation: ReservationId,
) -> Result<Vec<ThreadItem>, DbError> {
    let mut items = Vec::new();
    for m in s.messages().of_reservation(reservation)? {
        items.push(ThreadItem::Message(Box::new(ThreadMessage::of(s, tenant, m)?)));
    }
    items.extend(s.messages().notes(reservation)?.into_iter().map(ThreadItem::Note));
    items.sort_by_key(|i| std::cmp::Reverse(i.at()));
    Ok(items)
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct WriteForm {
    pub subject: String,
    pub body: String,
}

impl WriteForm {
    fn parse(&self) -> Result<Wording, FieldErrors> {
        let mut e = FieldErrors::default();
        let subject = forms::required(&mut e, "subject", &self.subject, rules::SUBJECT_MAX);
        let body = forms::required(&mut e, "body", &self.body, 5_000);
        e.into_result(Wording { subject, body })
    }
}

/// "Write to the guest": a one-off message, sent now.
pub async fn write(ctx: TenantCtx, state: State, path: web::Path<ReservationId>, form: web::Form<WriteForm>) -> Reply {
    let id = path.into_inner();
    let form = form.into_inner();
    let wording = match form.parse() {
        Ok(w) => w,
        Err(errors) => return again(&ctx, &state, id, ThreadInput::Message(form, errors), None).await,
    };
    let result = ctx
        .write(&state, move |s, m| {
            let r = s.reservations().get(id)?;
            outbox::write_to_guest(s, m, &r, &wording)?.ok_or(AppError::Refused(Refused::NoAddress))
        })
        .await;
    match result {
        Ok(_) => {
            ctx.flash("success", Msg::new("thread-message-queued"));
            Ok(see_other(&urls::reservation(id)))
        }
        Err(AppError::Refused(refused)) => {
            again(&ctx, &state, id, ThreadInput::Message(form, FieldErrors::default()), Some(refused.msg())).await
        }
        Err(e) => Err(e),
    }
}

/// "Send again": the same words, to the guest's address as it is now.
pub async fn resend(ctx: TenantCtx, state: State, path: web::Path<(ReservationId, MessageId)>) -> Reply {
    let (id, message) = path.into_inner();
    let result = ctx
        .write(&state, move |s, m| {
            let r = s.reservations().get(id)?;
            Ok(outbox::send_again(s, m, &r, message)?)
        })
        .await;
    match result {
        Ok(_) => {
            ctx.flash("success", Msg::new("thread-message-queued"));
            Ok(see_other(&urls::reservation(id)))
        }
        Err(AppError::Refused(refused)) => again(&ctx, &state, id, ThreadInput::None, Some(refused.msg())).await,
        Err(e) => Err(e),
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct NoteForm {
    pub note: String,
}

/// Adds the desk's note to the stay's thread.
pub async fn note(ctx: TenantCtx, state: State, path: web::Path<ReservationId>, form: web::Form<NoteForm>) -> Reply {
    let id = path.into_inner();
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let body = forms::required(&mut errors, "note", &form.note, NOTE_MAX);
    if !errors.is_empty() {
        return again(&ctx, &state, id, ThreadInput::Note(form, errors), None).await;
    }
    ctx.write(&state, move |s, m| {
        let r = s.reservations().get(id)?;
        let note = s.messages().add_note(r.id, &body)?;
        let event = crate::db::audit::Event::new("reservation.note", "reservation", r.id)
            .after(serde_json::json!({ "note": note, "body": body }));
        Ok(crate::stays::Actor::audit(m, s, event)?)
    })
    .await?;
    ctx.flash("success", Msg::new("thread-note-added"));
    Ok(see_other(&urls::reservation(id)))
}

/// The reservation page again, with the thread's form as typed and why.
async fn again(ctx: &TenantCtx, state: &State, id: ReservationId, input: ThreadInput, problem: Option<Msg>) -> Reply {
    let status = if problem.is_some() { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
    let problem = problem.or_else(|| Some(Msg::new("thread-not-sent")));
    show_with_thread_form(ctx, state, id, status, problem, input).await
}

// ---- a hotel's sender and templates --------------------------------------------------

/// One cell of the templates table: an event in a language, the hotel's own or shipped.
pub struct Cell {
    pub event: MessageEvent,
    pub lang: &'static i18n::Language,
    pub own: bool,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SenderForm {
    pub from_name: String,
    pub reply_to: String,
    pub signature: String,
    pub pre_arrival_days: String,
    pub version: String,
}

impl SenderForm {
    fn of(row: Option<&HotelMessaging>) -> Self {
        Self {
            from_name: row.and_then(|r| r.from_name.clone()).unwrap_or_default(),
            reply_to: row.and_then(|r| r.reply_to.clone()).unwrap_or_default(),
            signature: row.and_then(|r| r.signature.clone()).unwrap_or_default(),
            pre_arrival_days: row.map_or(DEFAULT_PRE_ARRIVAL_DAYS, |r| r.pre_arrival_days).to_string(),
            version: row.map_or(0, |r| r.version).to_string(),
        }
    }

    fn parse(&self) -> Result<SenderFields, FieldErrors> {
        let mut e = FieldErrors::default();
        let fields = SenderFields {
            from_name: forms::optional(&mut e, "from_name", &self.from_name, 100),
            reply_to: forms::optional_email(&mut e, "reply_to", &self.reply_to),
            signature: forms::optional(&mut e, "signature", &self.signature, 2000),
            pre_arrival_days: forms::integer(&mut e, "pre_arrival_days", &self.pre_arrival_days, 0, 60).unwrap_or(0)
                as i32,
        };
        e.into_result(fields)
    }
}

#[derive(Template)]
#[template(path = "messages/hotel.html")]
struct HotelPage {
    chrome: Chrome,
    hotel: Hotel,
    cells: Vec<Cell>,
    sender: SenderForm,
    errors: FieldErrors,
    allowance: Allowance,
}

/// The languages a hotel's templates are kept in: the organization's that Hotelier ships.
fn languages_of(tenant: &crate::db::tenants::Tenant) -> Vec<&'static i18n::Language> {
    let mut langs: Vec<&'static i18n::Language> =
        tenant.settings().languages.iter().filter_map(|t| i18n::by_tag(t)).collect();
    let own = i18n::for_user(None, Some(&tenant.locale));
    if !langs.iter().any(|l| l.tag() == own.tag()) {
        langs.insert(0, own);
    }
    langs.dedup_by_key(|l| l.tag());
    langs
}

pub async fn hotel_page(ctx: TenantCtx, state: State, path: web::Path<HotelId>) -> Reply {
    hotel_page_with(&ctx, &state, path.into_inner(), None, StatusCode::OK).await
}

async fn hotel_page_with(
    ctx: &TenantCtx,
    state: &State,
    id: HotelId,
    typed: Option<(SenderForm, FieldErrors)>,
    status: StatusCode,
) -> Reply {
    let (view, hotel, own, sender, langs, allowance) = ctx
        .read(state, move |s, m| {
            let hotel = s.hotels().get(id)?;
            let own: Vec<(MessageEvent, String)> =
                s.messages().templates(id)?.into_iter().map(|t| (t.event, t.language)).collect();
            let sender = s.messages().sender(id)?;
            let used = s.messages().sent_since(outbox::month_start())?;
            let tenant = &m.acting.tenant;
            Ok((
                m.view(),
                hotel,
                own,
                sender,
                languages_of(tenant),
                Allowance::of(used, tenant.plan.monthly_messages()),
            ))
        })
        .await?;
    let cells = MessageEvent::TEMPLATED
        .iter()
        .flat_map(|e| langs.iter().map(move |l| (*e, *l)))
        .map(|(event, lang)| Cell { event, lang, own: own.iter().any(|(e, l)| *e == event && l == lang.tag()) })
        .collect();
    let (sender, errors) = typed.unwrap_or_else(|| (SenderForm::of(sender.as_ref()), FieldErrors::default()));
    let page = HotelPage { chrome: Chrome::new(ctx, view, "hotels"), hotel, cells, sender, errors, allowance };
    render(status, &page)
}

pub async fn save_sender(ctx: TenantCtx, state: State, path: web::Path<HotelId>, form: web::Form<SenderForm>) -> Reply {
    let id = path.into_inner();
    let form = form.into_inner();
    let fields = match form.parse() {
        Ok(f) => f,
        Err(errors) => {
            return hotel_page_with(&ctx, &state, id, Some((form, errors)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
    };
    let version = forms::version(&form.version).max(0);
    let saved = ctx
        .write(&state, move |s, m| {
            s.hotels().get(id)?;
            let saved = s.messages().save_sender(id, version, &fields)?;
            let event = crate::db::audit::Event::new("hotel.messaging", "hotel", id).after(serde_json::json!({
                "from_name": saved.from_name, "reply_to": saved.reply_to, "pre_arrival_days": saved.pre_arrival_days
            }));
            crate::stays::Actor::audit(m, s, event)?;
            Ok(())
        })
        .await;
    match saved {
        Ok(()) => {
            ctx.flash("success", Msg::new("messages-sender-saved"));
            Ok(see_other(&urls::hotel_messages(id)))
        }
        Err(AppError::Stale) => {
            let errors = FieldErrors::for_form(Msg::new("messages-stale"));
            hotel_page_with(&ctx, &state, id, Some((form, errors)), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct TemplateForm {
    pub subject: String,
    pub body: String,
    pub version: String,
    /// `preview` shows what would go out without saving.
    pub intent: String,
}

impl TemplateForm {
    fn parse(&self) -> Result<Wording, FieldErrors> {
        let mut e = FieldErrors::default();
        let subject = forms::required(&mut e, "subject", &self.subject, rules::SUBJECT_MAX);
        let body = forms::required(&mut e, "body", &self.body, rules::BODY_MAX);
        for (field, text) in [("subject", &subject), ("body", &body)] {
            let unknown = rules::unknown_fields(text);
            if !unknown.is_empty() {
                let names = unknown.iter().map(|u| format!("{{{{{u}}}}}")).collect::<Vec<_>>().join(", ");
                e.add(field, Msg::new("messages-unknown-field").arg("fields", names));
            }
        }
        e.into_result(Wording { subject, body })
    }
}

#[derive(Template)]
#[template(path = "messages/template.html")]
struct TemplatePage {
    chrome: Chrome,
    hotel: Hotel,
    event: MessageEvent,
    lang: &'static i18n::Language,
    form: TemplateForm,
    errors: FieldErrors,
    own: bool,
    fields: &'static [&'static str],
    /// What would go out for the hotel's latest stay, and its code.
    preview: Option<(String, Rendered)>,
}

impl TemplatePage {
    /// The catalogue key that explains merge field `field`.
    fn field_key(&self, field: &str) -> String {
        format!("messages-field-{}", field.replace('_', "-"))
    }
}

/// The event and language of a template's path; 404 for anything else.
fn template_key(event: &str, lang: &str) -> Result<(MessageEvent, &'static i18n::Language), AppError> {
    let event: MessageEvent = event.parse().map_err(|_| AppError::NotFound)?;
    let lang = i18n::by_tag(lang).filter(|l| l.tag() == lang).ok_or(AppError::NotFound)?;
    if event == MessageEvent::OneOff {
        return Err(AppError::NotFound);
    }
    Ok((event, lang))
}

pub async fn template_page(ctx: TenantCtx, state: State, path: web::Path<(HotelId, String, String)>) -> Reply {
    let (id, event, lang) = path.into_inner();
    let (event, lang) = template_key(&event, &lang)?;
    template_page_with(&ctx, &state, (id, event, lang), None, StatusCode::OK).await
}

async fn template_page_with(
    ctx: &TenantCtx,
    state: &State,
    (id, event, lang): (HotelId, MessageEvent, &'static i18n::Language),
    typed: Option<(TemplateForm, FieldErrors)>,
    status: StatusCode,
) -> Reply {
    let typed_wording = typed
        .as_ref()
        .and_then(|(f, e)| e.is_empty().then(|| Wording { subject: f.subject.clone(), body: f.body.clone() }));
    let (view, hotel, saved, preview) = ctx
        .read(state, move |s, m| {
            let hotel = s.hotels().get(id)?;
            let saved = s.messages().template(id, event, lang.tag())?;
            let tenant = m.acting.tenant.clone();
            let shown = typed_wording
                .or_else(|| saved.as_ref().map(|t| Wording { subject: t.subject.clone(), body: t.body.clone() }));
            let preview = match s.reservations().latest_of_hotel(id)? {
                Some(r) => {
                    let mut ctx = outbox::Context::load(s, &tenant, &r)?;
                    ctx.tr = ctx.tr.in_language(lang);
                    let wording = shown.unwrap_or_else(|| outbox::default_wording(&ctx.tr, event));
                    let extra = Extra { penalty: Some(0), invoice: Some((sample_invoice(&r), r.total_amount)) };
                    Some((r.confirmation_code.clone(), ctx.render(&tenant, &wording, &extra)))
                }
                None => None,
            };
            Ok((m.view(), hotel, saved, preview))
        })
        .await?;
    let chrome = Chrome::new(ctx, view, "hotels");
    let own = saved.is_some();
    let (form, errors) = typed.unwrap_or_else(|| {
        let wording = match &saved {
            Some(t) => Wording { subject: t.subject.clone(), body: t.body.clone() },
            None => outbox::default_wording(&chrome.in_language(lang), event),
        };
        let version = saved.as_ref().map_or(0, |t| t.version).to_string();
        (
            TemplateForm { subject: wording.subject, body: wording.body, version, intent: String::new() },
            FieldErrors::default(),
        )
    });
    let page = TemplatePage { chrome, hotel, event, lang, form, errors, own, fields: rules::FIELDS, preview };
    render(status, &page)
}

/// An invoice number for a preview: the stay's code under a made-up series.
fn sample_invoice(r: &crate::db::reservations::Reservation) -> String {
    format!("{}-000001", r.confirmation_code)
}

pub async fn save_template(
    ctx: TenantCtx,
    state: State,
    path: web::Path<(HotelId, String, String)>,
    form: web::Form<TemplateForm>,
) -> Reply {
    let (id, event, lang) = path.into_inner();
    let (event, lang) = template_key(&event, &lang)?;
    let form = form.into_inner();
    let key = (id, event, lang);
    let wording = match form.parse() {
        Ok(w) => w,
        Err(errors) => {
            return template_page_with(&ctx, &state, key, Some((form, errors)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
    };
    if form.intent == "preview" {
        return template_page_with(&ctx, &state, key, Some((form, FieldErrors::default())), StatusCode::OK).await;
    }
    let version = forms::version(&form.version).max(0);
    let saved = ctx
        .write(&state, move |s, m| {
            s.hotels().get(id)?;
            s.messages().save_template(id, event, lang.tag(), version, (&wording.subject, &wording.body))?;
            let event = crate::db::audit::Event::new("hotel.template", "hotel", id)
                .after(serde_json::json!({ "event": event, "language": lang.tag(), "subject": wording.subject }));
            crate::stays::Actor::audit(m, s, event)?;
            Ok(())
        })
        .await;
    match saved {
        Ok(()) => {
            ctx.flash("success", Msg::new("messages-template-saved"));
            Ok(see_other(&urls::hotel_messages(id)))
        }
        Err(AppError::Stale) => {
            let errors = FieldErrors::for_form(Msg::new("messages-stale"));
            template_page_with(&ctx, &state, key, Some((form, errors)), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e),
    }
}

/// Back to the shipped wording.
pub async fn reset_template(ctx: TenantCtx, state: State, path: web::Path<(HotelId, String, String)>) -> Reply {
    let (id, event, lang) = path.into_inner();
    let (event, lang) = template_key(&event, &lang)?;
    ctx.write(&state, move |s, m| {
        s.hotels().get(id)?;
        s.messages().reset_template(id, event, lang.tag())?;
        let audit = crate::db::audit::Event::new("hotel.template_reset", "hotel", id)
            .after(serde_json::json!({ "event": event, "language": lang.tag() }));
        Ok(crate::stays::Actor::audit(m, s, audit)?)
    })
    .await?;
    ctx.flash("success", Msg::new("messages-template-reset"));
    Ok(see_other(&urls::hotel_messages(id)))
}
