//! `/kiosk`: the front desk for one hotel, on a screen people use standing up. Large
//! touch targets, today's arrivals, departures and in-house guests, check-in with room
//! assignment in two taps, check-out with the balance and a payment. It locks after the
//! organization's idle time: a meta refresh sends an untouched screen to the lock page
//! (no JavaScript needed), and the server refuses a kiosk request that comes too late.

use crate::i18n::{Msg, Tr};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::desk::field_errors;
use super::error::Reply;
use super::extract::{end_session, TenantCtx};
use super::forms::{self, FieldErrors};
use super::pages::{render, see_other};
use super::session::{self, Flash, SessionState};
use super::state::State;
use super::urls;
use super::AppState;
use crate::db::folio::FolioEntry;
use crate::db::hotels::Hotel;
use crate::db::reservations::{Reservation, ReservationRow};
use crate::db::rooms::Room;
use crate::domain::booking::today_in;
use crate::domain::roles::Capability;
use crate::domain::stay::Action;
use crate::domain::{money, FolioKind, HotelId, PaymentMethod, ReservationId, ReservationStatus};
use crate::stays::{self, Change, Posting};
use crate::web::error::AppError;

/// What every kiosk page shows around its content.
pub struct KioskFrame {
    pub tr: crate::i18n::Tr,
    pub hotel: String,
    pub user: String,
    pub csrf: String,
    pub idle_seconds: u32,
    pub flash: Option<Flash>,
    pub today: String,
    pub can_pay: bool,
}

/// The kiosk's pages read messages out through their frame: `{{ frame.t("key") }}`.
impl std::ops::Deref for KioskFrame {
    type Target = crate::i18n::Tr;
    fn deref(&self) -> &crate::i18n::Tr {
        &self.tr
    }
}

/// A kiosk last used at `seen_at` (seconds; 0 for never) is locked at `now` once the
/// organization's idle time has passed.
fn idle_past(seen_at: i64, idle_minutes: u32, now: i64) -> bool {
    seen_at > 0 && now - seen_at > i64::from(idle_minutes) * 60
}

/// When this kiosk screen was last used, from the session.
fn seen_at(ctx: &TenantCtx) -> i64 {
    SessionState::load(ctx.session()).kiosk_seen_at
}

/// Runs a kiosk write unless the screen sat idle past the organization's idle time, which
/// is checked inside the write's transaction before anything is written: a late tap on
/// a forgotten screen writes nothing and lands on the lock (`Ok(None)`).
async fn unless_idle<T, F>(ctx: &TenantCtx, state: &AppState, f: F) -> Result<Option<T>, AppError>
where
    F: FnOnce(&mut crate::db::TenantScope<'_>, &super::extract::Member) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let seen = seen_at(ctx);
    let done = ctx
        .write(state, move |s, m| {
            let idle = m.acting.tenant.settings().kiosk_idle_minutes;
            if idle_past(seen, idle, Utc::now().timestamp()) {
                return Ok(None);
            }
            f(s, m).map(Some)
        })
        .await?;
    if done.is_some() {
        let mut s = SessionState::load(ctx.session());
        s.kiosk_seen_at = Utc::now().timestamp();
        s.save(ctx.session());
    }
    Ok(done)
}

/// Locks this kiosk: ends its session, remembering the hotel it serves and who was signed
/// in (so that unlocking asks only for their password), and sends it to the lock screen.
fn lock_now(session: &actix_session::Session) -> HttpResponse {
    let before = SessionState::load(session);
    if before.user.is_some() {
        end_session(session, Msg::new("kiosk-locked"));
    }
    let mut s = SessionState::load(session);
    s.kiosk_hotel = before.kiosk_hotel;
    s.kiosk_locked_by = before.who.or(before.kiosk_locked_by);
    // The lock screen speaks the desk's language.
    s.lang = before.lang;
    s.save(session);
    see_other(&urls::kiosk_lock())
}

/// Checks the kiosk's idle lock and refreshes its clock. `Err` locks the kiosk.
fn touch(ctx: &TenantCtx, idle_minutes: u32) -> Result<(), Box<HttpResponse>> {
    let mut s = SessionState::load(ctx.session());
    let now = Utc::now().timestamp();
    if idle_past(s.kiosk_seen_at, idle_minutes, now) {
        return Err(Box::new(lock_now(ctx.session())));
    }
    // Rewriting the session cookie on every screen costs an encryption and a header; a
    // clock a few seconds stale changes nothing for a lock measured in minutes.
    if now - s.kiosk_seen_at >= 5 {
        s.kiosk_seen_at = now;
        s.save(ctx.session());
    }
    Ok(())
}

#[derive(Template)]
#[template(path = "kiosk/choose.html")]
struct ChoosePage {
    frame: KioskFrame,
    hotels: Vec<Hotel>,
}

pub struct Lists {
    pub arrivals: Vec<ReservationRow>,
    pub departures: Vec<ReservationRow>,
    pub in_house: Vec<ReservationRow>,
    pub found: Option<Vec<ReservationRow>>,
    /// The room numbers of the guests in house and leaving.
    pub rooms: std::collections::HashMap<crate::domain::RoomId, String>,
}

impl Lists {
    pub fn room_of(&self, r: &Reservation) -> Option<&str> {
        r.room_id.and_then(|id| self.rooms.get(&id)).map(String::as_str)
    }
}

/// A stay the desk deals with today: arriving, in house or leaving.
fn is_todays(r: &Reservation, today: chrono::NaiveDate) -> bool {
    let active =
        matches!(r.status, ReservationStatus::Pending | ReservationStatus::Confirmed | ReservationStatus::CheckedIn);
    active && r.check_in <= today && today <= r.check_out
}

#[derive(Template)]
#[template(path = "kiosk/home.html")]
struct HomePage {
    frame: KioskFrame,
    lists: Lists,
    q: String,
}

#[derive(Deserialize, Default)]
pub struct KioskQuery {
    #[serde(default)]
    q: String,
}

/// The kiosk's frame; `user` is who is signed in and what they read pages in.
fn frame(
    ctx: &TenantCtx,
    hotel: &str,
    user: &(String, Tr),
    idle_minutes: u32,
    today: String,
    can_pay: bool,
) -> KioskFrame {
    KioskFrame {
        tr: user.1,
        hotel: hotel.to_owned(),
        user: user.0.clone(),
        csrf: ctx.csrf().to_owned(),
        idle_seconds: idle_minutes * 60,
        flash: session::take_flash(ctx.session()),
        today,
        can_pay,
    }
}

pub async fn home(ctx: TenantCtx, state: State, query: web::Query<KioskQuery>) -> Reply {
    let chosen = SessionState::load(ctx.session()).kiosk_hotel;
    let q = forms::clean(&query.q).chars().take(60).collect::<String>();
    let search = q.clone();
    let (idle, user, hotels, data) = ctx
        .read(&state, move |s, m| {
            let idle = m.acting.tenant.settings().kiosk_idle_minutes;
            let user = (m.acting.user.full_name.clone(), m.tr());
            let hotel = match chosen {
                Some(id) => match s.hotels().get(id) {
                    Ok(h) => Some(h),
                    Err(crate::db::DbError::NotFound) => None,
                    Err(e) => return Err(e.into()),
                },
                None => None,
            };
            let Some(hotel) = hotel else {
                return Ok((idle, user, s.hotels().list()?.into_iter().filter(|h| h.is_active).collect(), None));
            };
            let today = today_in(&hotel.timezone, Utc::now());
            let day = s.reservations().desk_day(hotel.id, today)?;
            let (mut arrivals, mut departures, mut in_house) = (vec![], vec![], vec![]);
            for row in day {
                let r = &row.reservation;
                match r.status {
                    ReservationStatus::Pending | ReservationStatus::Confirmed if r.check_in == today => {
                        arrivals.push(row)
                    }
                    ReservationStatus::CheckedIn if r.check_out <= today => departures.push(row),
                    ReservationStatus::CheckedIn => in_house.push(row),
                    _ => {}
                }
            }
            let found = if search.is_empty() {
                None
            } else {
                let filter = crate::db::reservations::ReservationFilter {
                    hotel: Some(hotel.id),
                    search: Some(search.clone()),
                    ..Default::default()
                };
                let mut found = s.reservations().page(&filter, "check_in", true, 20, 0)?.0;
                // Today's stays first (arriving, in house, leaving), then the others by arrival.
                found.sort_by_key(|row| !is_todays(&row.reservation, today));
                Some(found)
            };
            let ids: Vec<_> = in_house.iter().chain(&departures).filter_map(|row| row.reservation.room_id).collect();
            let rooms = s.rooms().numbers(&ids)?;
            let lists = Lists { arrivals, departures, in_house, found, rooms };
            Ok((idle, user, vec![], Some((hotel, today, lists))))
        })
        .await?;
    if let Err(lock) = touch(&ctx, idle) {
        return Ok(*lock);
    }
    let can_pay = false;
    match data {
        None => {
            let page = ChoosePage { frame: frame(&ctx, "", &user, idle, String::new(), can_pay), hotels };
            render(StatusCode::OK, &page)
        }
        Some((hotel, today, lists)) => {
            let page = HomePage { frame: frame(&ctx, &hotel.name, &user, idle, user.1.day(today), can_pay), lists, q };
            render(StatusCode::OK, &page)
        }
    }
}

#[derive(Deserialize)]
pub struct HotelForm {
    #[serde(default)]
    hotel: String,
}

/// Chooses the hotel this kiosk serves, once.
pub async fn choose_hotel(ctx: TenantCtx, state: State, form: web::Form<HotelForm>) -> Reply {
    // A form field, not the path: an unknown or foreign hotel is a bad choice, not a 404.
    let raw = form.into_inner().hotel;
    let hotel = ctx
        .read(&state, move |s, _| {
            let bad_choice = || AppError::Conflict(Msg::new("kiosk-choose-hotel"));
            let id: HotelId = raw.trim().parse().map_err(|_| bad_choice())?;
            match s.hotels().get(id) {
                Ok(h) => Ok(h),
                Err(crate::db::DbError::NotFound) => Err(bad_choice()),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    let mut s = SessionState::load(ctx.session());
    s.kiosk_hotel = Some(hotel.id);
    s.kiosk_seen_at = Utc::now().timestamp();
    s.save(ctx.session());
    Ok(see_other(&urls::kiosk()))
}

#[derive(Template)]
#[template(path = "kiosk/stay.html")]
struct StayPage {
    frame: KioskFrame,
    r: Reservation,
    guest: String,
    room: Option<Room>,
    ready_rooms: Vec<Room>,
    entries: Vec<FolioEntry>,
    /// The balance as the desk reads it: "Balance due" and "$75.50", "Credit" and
    /// "$75.50", or "Settled" alone, never a negative amount due.
    balance_label: String,
    balance: String,
    balance_input: String,
    owes: bool,
    /// The nights check-out will charge (minor units), when there are any.
    due: Option<i64>,
    methods: Vec<PaymentMethod>,
    can_check_in: bool,
    can_check_out: bool,
    problem: Option<Msg>,
    errors: FieldErrors,
    confirm: Option<PayConfirm>,
    /// Why this member cannot take the payment, and who can.
    cannot_pay: Option<Msg>,
}

/// A payment about to be taken: the screen asks "Take R$ 120,00 by card?" before it posts.
struct PayConfirm {
    /// The amount as people read it, and as the confirm form sends it back.
    shown: String,
    input: String,
    method: PaymentMethod,
}

/// What a payment brings back to the stay screen: the amount as typed and the message per
/// field when refused, or the confirmation to tap.
#[derive(Default)]
struct StayExtras {
    typed_amount: Option<String>,
    errors: FieldErrors,
    confirm: Option<PayConfirm>,
}

/// The page, or with `Some(problem)` the page with that conflict above it (409).
async fn stay_page(ctx: &TenantCtx, state: &AppState, id: ReservationId, problem: Option<Msg>) -> Reply {
    let status = if problem.is_some() { StatusCode::CONFLICT } else { StatusCode::OK };
    stay_page_with(ctx, state, id, problem, status, StayExtras::default()).await
}

/// The stay page; `typed_amount` keeps what the desk typed when a payment was refused.
async fn stay_page_with(
    ctx: &TenantCtx,
    state: &AppState,
    id: ReservationId,
    problem: Option<Msg>,
    status: StatusCode,
    extras: StayExtras,
) -> Reply {
    let chosen = SessionState::load(ctx.session()).kiosk_hotel;
    let (idle, user, v, methods, (can_pay, cannot_pay)) = ctx
        .read(state, move |s, m| {
            let v = stays::StayView::load(s, id)?;
            if chosen.is_some_and(|h| h != v.reservation.hotel_id) {
                return Err(AppError::NotFound);
            }
            let settings = m.acting.tenant.settings();
            let user = (m.acting.user.full_name.clone(), m.tr());
            // Who may take the payment instead: asked only when there is one to take.
            let can_pay = m.can(Capability::PaymentsCreate);
            let cannot_pay = if can_pay || v.balance <= 0 {
                None
            } else {
                match stays::require(s, m, Capability::PaymentsCreate) {
                    Err(stays::StayError::Missing(missing)) => Some(missing.msg()),
                    Err(other) => return Err(other.into()),
                    Ok(()) => None,
                }
            };
            Ok((settings.kiosk_idle_minutes, user, v, settings.payment_methods, (can_pay, cannot_pay)))
        })
        .await?;
    if let Err(lock) = touch(ctx, idle) {
        return Ok(*lock);
    }
    let stays::StayView { reservation: r, hotel, guest, room, free_rooms, entries, today, due, balance, .. } = v;
    let tr = user.1;
    let f = frame(ctx, &hotel.name, &user, idle, tr.day(today), can_pay);
    let standing = money::Standing::of(balance);
    let page = StayPage {
        can_check_in: matches!(r.status, ReservationStatus::Pending | ReservationStatus::Confirmed)
            && r.check_in <= today,
        can_check_out: r.status == ReservationStatus::CheckedIn,
        balance_label: tr.t1("res-folio-total", "standing", standing.label_key()),
        balance: standing.amount().map(|amount| tr.money(amount)).unwrap_or_default(),
        balance_input: extras.typed_amount.unwrap_or_else(|| tr.amount_input(balance.max(0))),
        errors: extras.errors,
        confirm: extras.confirm,
        cannot_pay,
        owes: balance > 0,
        due: (due > 0).then_some(due),
        frame: f,
        r,
        guest: guest.full_name(),
        room,
        // Only rooms a guest can walk into now.
        ready_rooms: free_rooms.into_iter().filter(|x| x.housekeeping_status.is_ready()).collect(),
        entries,
        methods,
        problem,
    };
    render(status, &page)
}

pub async fn stay(ctx: TenantCtx, state: State, path: web::Path<ReservationId>) -> Reply {
    stay_page(&ctx, &state, path.into_inner(), None).await
}

#[derive(Deserialize, Default)]
pub struct DeskForm {
    #[serde(default)]
    room: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    method: String,
    /// "yes" on the confirmation's button; without it a payment is only shown back.
    #[serde(default)]
    confirmed: String,
}

/// What a tap on a payment did: asked for the confirmation, or took the money.
enum Paid {
    Confirm(PayConfirm),
    Taken,
}

async fn apply(ctx: TenantCtx, state: State, id: ReservationId, action: Action, form: DeskForm) -> Reply {
    let change = Change {
        action: Some(action),
        version: forms::version(&form.version),
        reason: None,
        room: form.room.trim().parse().ok(),
        ..Change::default()
    };
    match unless_idle(&ctx, &state, move |s, m| Ok(stays::transition(s, m, id, &change)?)).await {
        Ok(None) => Ok(lock_now(ctx.session())),
        Ok(Some(r)) => {
            state.metrics.transition(action, ctx.tenant);
            let done = if action == Action::CheckIn { "kiosk-checked-in" } else { "kiosk-checked-out" };
            ctx.flash("success", Msg::new(done).arg("code", r.confirmation_code));
            Ok(see_other(&urls::kiosk()))
        }
        Err(AppError::Refused(refused)) => stay_page(&ctx, &state, id, Some(refused.msg())).await,
        Err(AppError::Stale) => stay_page(&ctx, &state, id, Some(Msg::new("kiosk-stale"))).await,
        Err(AppError::Db(crate::db::DbError::Conflict(crate::db::Constraint::RoomOverlap))) => {
            stay_page(&ctx, &state, id, Some(Msg::new("kiosk-room-just-taken"))).await
        }
        Err(e) => Err(e),
    }
}

pub async fn check_in(ctx: TenantCtx, state: State, id: web::Path<ReservationId>, form: web::Form<DeskForm>) -> Reply {
    let id = id.into_inner();
    apply(ctx, state, id, Action::CheckIn, form.into_inner()).await
}

pub async fn check_out(ctx: TenantCtx, state: State, id: web::Path<ReservationId>, form: web::Form<DeskForm>) -> Reply {
    let id = id.into_inner();
    apply(ctx, state, id, Action::CheckOut, form.into_inner()).await
}

/// Takes a payment in two taps: the amount and method first, which only shows them back
/// for a confirmation, then the confirmation, which posts it.
pub async fn pay(ctx: TenantCtx, state: State, id: web::Path<ReservationId>, form: web::Form<DeskForm>) -> Reply {
    let id = id.into_inner();
    let form = form.into_inner();
    let typed = form.amount.clone();
    let result = unless_idle(&ctx, &state, move |s, m| {
        let mut errors = FieldErrors::default();
        let tr = m.tr();
        let amount = forms::amount(&mut errors, "amount", &form.amount, &tr);
        let method: Option<PaymentMethod> = form.method.trim().parse().ok();
        let posting = Posting {
            kind: FolioKind::Payment,
            amount: amount.unwrap_or(0),
            method,
            // Stored with the folio: in the words of whoever takes it.
            description: tr.t("kiosk-payment-description"),
            reference: None,
        };
        errors.merge(field_errors(posting.refusals(m)));
        match (errors.is_empty(), method) {
            (false, _) | (true, None) => Ok(Err(errors)),
            (true, Some(method)) if form.confirmed != "yes" => Ok(Ok(Paid::Confirm(PayConfirm {
                shown: tr.money(posting.amount),
                input: tr.amount_input(posting.amount),
                method,
            }))),
            (true, Some(_)) => {
                stays::post(s, m, id, &posting)?;
                Ok(Ok(Paid::Taken))
            }
        }
    })
    .await;
    match result {
        Ok(None) => Ok(lock_now(ctx.session())),
        Ok(Some(Ok(Paid::Taken))) => {
            ctx.flash("success", Msg::new("kiosk-payment-taken"));
            Ok(see_other(&urls::kiosk_stay(id)))
        }
        Ok(Some(Ok(Paid::Confirm(confirm)))) => {
            let page = StayExtras { typed_amount: Some(typed), confirm: Some(confirm), ..StayExtras::default() };
            stay_page_with(&ctx, &state, id, None, StatusCode::OK, page).await
        }
        Ok(Some(Err(errors))) => {
            let page = StayExtras { typed_amount: Some(typed), errors, ..StayExtras::default() };
            stay_page_with(&ctx, &state, id, None, StatusCode::UNPROCESSABLE_ENTITY, page).await
        }
        Err(AppError::Refused(refused)) => {
            let page = StayExtras { typed_amount: Some(typed), ..StayExtras::default() };
            stay_page_with(&ctx, &state, id, Some(refused.msg()), StatusCode::CONFLICT, page).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "kiosk/lock.html")]
struct LockPage {
    tr: crate::i18n::Tr,
    csrf: String,
    flash: Option<Flash>,
    /// Who locked it: unlocking asks only for their password (or PIN). `None` asks for an
    /// email.
    locked_by: Option<session::Who>,
    /// Ask for the PIN rather than the password.
    by_pin: bool,
}

impl LockPage {
    /// "Locked by <strong>name</strong>": the catalogue's words, the name escaped.
    fn locked_by_html(&self, who: &session::Who) -> String {
        crate::web::pages::with_bold(&self.tr, "kiosk-lock-locked-by", "name", &who.name)
    }
}

#[derive(Deserialize, Default)]
pub struct LockQuery {
    /// "Not you?": sign in as someone else.
    #[serde(default)]
    other: Option<String>,
    /// Unlock with the password rather than the PIN.
    #[serde(default)]
    password: Option<String>,
}

/// The lock screen: a large sign-in form that returns to the kiosk. Showing it changes
/// nothing (a link anyone can embed must not sign a desk out): locking is a POST.
pub async fn lock_screen(
    req: actix_web::HttpRequest,
    session: actix_session::Session,
    query: web::Query<LockQuery>,
) -> Reply {
    let s = SessionState::load(&session);
    if s.user.is_none() {
        // The unlock form's token must be in the session it posts back to.
        s.save(&session);
    }
    let flash = session::take_flash(&session);
    let locked_by = if query.other.is_some() { None } else { s.kiosk_locked_by.clone() };
    let by_pin = locked_by.as_ref().is_some_and(|w| w.pin) && query.password.is_none();
    render(
        StatusCode::OK,
        &LockPage {
            tr: crate::web::extract::RequestMeta::tr_of(&req, s.lang.as_deref()),
            csrf: s.csrf,
            flash,
            locked_by,
            by_pin,
        },
    )
}

/// The Lock button (and the idle timer's script): ends this kiosk's session.
pub async fn lock(session: actix_session::Session) -> Reply {
    Ok(lock_now(&session))
}

/// The idle timer's script reports an interaction (typing, a tap) that made no request, so
/// that the server's idle clock agrees with the screen's. Answers 204, or locks.
pub async fn seen(ctx: TenantCtx, state: State) -> Reply {
    let idle = ctx.read(&state, |_, m| Ok(m.acting.tenant.settings().kiosk_idle_minutes)).await?;
    if let Err(locked) = touch(&ctx, idle) {
        return Ok(*locked);
    }
    Ok(HttpResponse::NoContent().finish())
}
