//! Reservations: the list, the reservation page with its folio and status actions, and
//! editing a stay.

use std::collections::{HashMap, HashSet};

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;
use chrono::{NaiveDate, Utc};
use serde::Deserialize;

use super::desk::{field_errors, refused_field};
use super::error::Reply;
use super::extract::{Member, TenantCtx};
use super::forms::{self, FieldErrors};
use super::invoices::IssueInput;
use super::list::{ListQuery, Listing, PER_PAGE};
use super::pages::{ok, render, see_other, Chrome};
use super::state::State;
use super::urls;
use super::AppState;
use crate::db::folio::FolioEntry;
use crate::db::guests::Guest;
use crate::db::hotels::Hotel;
use crate::db::invoices::{Company, Invoice};
use crate::db::nights::ReservationNight;
use crate::db::rates::RatePlan;
use crate::db::reservations::{DeskList, Reservation, ReservationFilter, ReservationRow};
use crate::db::room_types::RoomType;
use crate::db::rooms::Room;
use crate::db::taxes::{FolioTax, TaxRule};
use crate::db::{Constraint, DbError};
use crate::domain::booking::today_in;
use crate::domain::roles::Capability;
use crate::domain::stay::{self, Action};
use crate::domain::{
    money, FolioEntryId, FolioKind, PaymentMethod, ReservationId, ReservationSource, ReservationStatus, RoomId,
};
use crate::i18n::{Arg, Msg};
use crate::stays::{self, Change, InvoiceChoice, PenaltyChoice, Posting, Refused, StayEdit};
use crate::web::error::AppError;

const SORTS: &[&str] = &["check_in", "check_out", "created"];

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListParams {
    /// Page, sort, the search and the hotel and status filters, as every list has them.
    #[serde(flatten)]
    pub list: ListQuery,
    pub source: String,
    pub arrival_from: String,
    pub arrival_to: String,
    pub departure_from: String,
    pub departure_to: String,
    /// A quick filter: `arriving`, `in_house`, `departing`, or `all` (every reservation).
    pub view: String,
}

/// The quick filters, as the list's tabs show them: the `view` and its label's catalogue key.
pub const VIEWS: &[(&str, &str)] = &[
    ("", "res-view-current"),
    ("arriving", "res-view-arriving"),
    ("in_house", "res-view-in-house"),
    ("departing", "res-view-departing"),
    ("all", "res-view-all"),
];

impl ListParams {
    /// Which of the desk's lists: today's arrivals, then in house and upcoming, unless a
    /// quick filter says otherwise, or a search, filter or sort asks for the full list.
    fn desk_list(&self) -> Option<DeskList> {
        let l = &self.list;
        let searched = [&l.q, &l.hotel, &l.status, &l.sort, &self.source]
            .into_iter()
            .chain([&self.arrival_from, &self.arrival_to, &self.departure_from, &self.departure_to])
            .any(|v| !v.trim().is_empty());
        match self.view.as_str() {
            "arriving" => Some(DeskList::Arriving),
            "in_house" => Some(DeskList::InHouse),
            "departing" => Some(DeskList::Departing),
            "all" => None,
            _ if searched => None,
            _ => Some(DeskList::Current),
        }
    }

    fn filter(&self, today: NaiveDate) -> ReservationFilter {
        let day = |raw: &str| forms::day(raw);
        ReservationFilter {
            desk: self.desk_list().map(|list| (list, today)),
            hotel: self.list.hotel.parse().ok(),
            status: self.list.status.parse().ok(),
            source: self.source.parse().ok(),
            arrival_from: day(&self.arrival_from),
            arrival_to: day(&self.arrival_to),
            departure_from: day(&self.departure_from),
            departure_to: day(&self.departure_to),
            search: Some(forms::clean(&self.list.q)).filter(|q| !q.is_empty()).map(|q| q.chars().take(100).collect()),
        }
    }
}

#[derive(Template)]
#[template(path = "reservations/index.html")]
struct IndexPage {
    chrome: Chrome,
    rows: Vec<ReservationRow>,
    /// The rooms of the page's stays, by id.
    rooms: HashMap<RoomId, String>,
    /// The quick filter shown (`""` for the default list).
    view: &'static str,
    views: &'static [(&'static str, &'static str)],
    hotels: Vec<Hotel>,
    params: ListParams,
    listing: Listing,
    statuses: &'static [ReservationStatus],
    sources: &'static [ReservationSource],
}

impl IndexPage {
    fn hotel_name(&self, id: &crate::domain::HotelId) -> &str {
        self.hotels.iter().find(|h| h.id == *id).map_or("", |h| h.name.as_str())
    }

    fn room_number(&self, r: &Reservation) -> &str {
        r.room_id.and_then(|id| self.rooms.get(&id)).map_or("", String::as_str)
    }
}

pub async fn index(ctx: TenantCtx, state: State, query: web::Query<ListParams>) -> Reply {
    let params = query.into_inner();
    let mut lq = params.list.clone();
    let desk = params.desk_list();
    let sort = if desk.is_some() && lq.sort.is_empty() { "desk" } else { lq.sort_key(SORTS) };
    let (desc, offset) = (lq.sort.is_empty() || lq.desc(), lq.offset());
    let filtering = params.clone();
    let (view, rows, rooms, total, hotels) = ctx
        .read(&state, move |s, m| {
            // "Today" is the organization's.
            let filter = filtering.filter(today_in(&m.acting.tenant.timezone, Utc::now()));
            let (rows, total) = s.reservations().page(&filter, sort, desc, PER_PAGE, offset)?;
            let ids: Vec<RoomId> = rows.iter().filter_map(|r: &ReservationRow| r.reservation.room_id).collect();
            Ok((m.view(), rows, s.rooms().numbers(&ids)?, total, s.hotels().list()?))
        })
        .await?;
    let keep = [
        ("q", params.list.q.as_str()),
        ("hotel", params.list.hotel.as_str()),
        ("status", params.list.status.as_str()),
        ("source", params.source.as_str()),
        ("arrival_from", params.arrival_from.as_str()),
        ("arrival_to", params.arrival_to.as_str()),
        ("departure_from", params.departure_from.as_str()),
        ("departure_to", params.departure_to.as_str()),
        ("view", params.view.as_str()),
    ];
    if lq.sort.is_empty() {
        lq.dir = "desc".into();
    }
    let listing = Listing::new(&urls::reservations(), &lq, SORTS, total, &keep);
    let shown = VIEWS.iter().find(|(key, _)| *key == params.view).map_or("", |(key, _)| key);
    let page = IndexPage {
        chrome: Chrome::new(&ctx, view, "reservations"),
        rows,
        rooms,
        // A search, filter or sort shows every reservation: the "All" tab.
        view: if desk.is_some() { shown } else { "all" },
        views: VIEWS,
        hotels,
        params,
        listing,
        statuses: ReservationStatus::ALL,
        sources: ReservationSource::ALL,
    };
    ok(&page)
}

#[derive(Template)]
#[template(path = "reservations/show.html")]
struct ShowPage {
    chrome: Chrome,
    r: Reservation,
    hotel: Hotel,
    guest: Guest,
    room_type: RoomType,
    room: Option<Room>,
    free_rooms: Vec<Room>,
    /// Each night with the price it was sold at, and the plan.
    nights: Vec<ReservationNight>,
    plan: Option<RatePlan>,
    entries: Vec<FolioEntry>,
    /// The entries a later entry voids (struck through).
    voided: HashSet<FolioEntryId>,
    terms: stays::Terms,
    penalty_due: Option<PenaltyDue>,
    /// The invoice form: blank, or as typed with its messages.
    invoice: IssueInput,
    /// The entries' tax lines, and the hotel's rules by id (for their names).
    taxes: Vec<FolioTax>,
    tax_rules: Vec<TaxRule>,
    billing: Billing,
    balance: i64,
    /// The nights check-out will charge (minor units), for an in-house stay.
    due: i64,
    actions: Vec<Action>,
    methods: Vec<PaymentMethod>,
    problem: Option<Msg>,
    folio: FolioForm,
    folio_errors: FieldErrors,
    /// A void refused for its reason, shown by that entry's form.
    void_error: Option<VoidRefused>,
    /// The stay's messages and the desk's notes, newest first.
    thread: Vec<super::messages::ThreadItem>,
    /// The thread's forms ("write to the guest", "add a note") as typed.
    write: super::messages::WriteForm,
    note: super::messages::NoteForm,
    thread_errors: FieldErrors,
}

/// A void refused for its reason: which entry, why, and the reason as typed.
struct VoidRefused {
    entry: FolioEntryId,
    message: Msg,
    typed: String,
}

/// What the folio's forms had typed, and their messages, for a re-rendered page.
#[derive(Default)]
struct FolioInput {
    form: FolioForm,
    errors: FieldErrors,
    void_error: Option<VoidRefused>,
    /// A cancellation refused for its penalty: the amount, whether the reader may waive
    /// it, and the reason as typed (shown with its message when it was missing).
    penalty_due: Option<PenaltyDue>,
    /// The invoice form as typed, with its field messages.
    invoice: Option<IssueInput>,
    thread: ThreadInput,
}

/// The thread's forms as typed, with their messages.
#[derive(Default)]
pub(super) enum ThreadInput {
    #[default]
    None,
    Message(super::messages::WriteForm, FieldErrors),
    Note(super::messages::NoteForm, FieldErrors),
}

/// The stay's invoices, what no invoice holds yet, and the companies to bill.
struct Billing {
    invoices: Vec<Invoice>,
    open: Vec<FolioEntry>,
    companies: Vec<Company>,
}

/// The confirmation a late cancellation asks for.
struct PenaltyDue {
    amount: i64,
    may_waive: bool,
    /// The waiver's reason as typed.
    reason: String,
    missing_reason: bool,
    /// The cancellation's own reason, carried to the confirmation.
    cancel_reason: String,
}

impl FolioInput {
    fn typed(form: FolioForm, errors: FieldErrors) -> Self {
        Self { form, errors, void_error: None, penalty_due: None, invoice: None, thread: ThreadInput::None }
    }
}

impl ShowPage {
    /// The tax lines of entry `e`, as (what, amount) read out: `ISS 5% (included)`.
    fn tax_lines(&self, e: &FolioEntry) -> Vec<(String, String)> {
        let sign = e.signed_amount().signum();
        self.taxes
            .iter()
            .filter(|t| t.entry_id == e.id)
            .map(|t| {
                let name = self.tax_rules.iter().find(|r| r.id == t.tax_rule_id).map_or("", |r| r.name.as_str());
                let key = if t.included { "res-tax-included" } else { "res-tax-added" };
                (self.chrome.t1(key, "name", name), self.chrome.money(t.amount * sign))
            })
            .collect()
    }

    /// The refused void of `e`, if that is what this page shows again.
    fn void_error_of(&self, e: &FolioEntry) -> Option<&VoidRefused> {
        self.void_error.as_ref().filter(|v| v.entry == e.id)
    }

    /// The folio's balance as due, credit or settled.
    pub fn standing(&self) -> money::Standing {
        money::Standing::of(self.balance)
    }

    /// The hotel, the room type, the dates and the nights, under the page's title.
    fn subtitle(&self) -> String {
        let tr = &self.chrome;
        tr.msg(
            &Msg::new("res-show-subtitle")
                .arg("hotel", &self.hotel.name)
                .arg("room_type", &self.room_type.name)
                .arg("check_in", tr.date(self.r.check_in))
                .arg("check_out", tr.date(self.r.check_out))
                .arg("nights", self.r.nights()),
        )
    }

    /// The folio's heading with its standing: "Folio · balance due $75.50".
    fn folio_heading(&self) -> String {
        let standing = self.standing();
        self.chrome.t2(
            "folio-heading",
            "standing",
            standing.label_key(),
            "amount",
            Arg::Money(standing.amount().unwrap_or(0)),
        )
    }

    /// The folio's total row's label: "Balance due", "Credit" or "Settled".
    fn folio_total(&self) -> String {
        self.chrome.t1("res-folio-total", "standing", self.standing().label_key())
    }

    pub fn signed(&self, e: &FolioEntry) -> String {
        self.chrome.money(e.signed_amount())
    }

    /// Whether the member may void `e` here: not a room charge, a void or a voided entry,
    /// and money only with the right to move it.
    pub fn may_void(&self, e: &FolioEntry) -> bool {
        self.chrome.can(Capability::FolioVoid)
            && (!e.kind.moves_money() || self.chrome.can(Capability::PaymentsCreate))
            && e.kind != FolioKind::RoomCharge
            && !e.is_void()
            && !self.voided.contains(&e.id)
    }
}

/// The page, or with `Some(problem)` the page with that conflict above it (409).
async fn show_page(ctx: &TenantCtx, state: &AppState, id: ReservationId, problem: Option<Msg>) -> Reply {
    let status = if problem.is_some() { StatusCode::CONFLICT } else { StatusCode::OK };
    show_page_with(ctx, state, id, problem, status, FolioInput::default()).await
}

/// The reservation page, with the folio form as typed and its field messages.
async fn show_page_with(
    ctx: &TenantCtx,
    state: &AppState,
    id: ReservationId,
    problem: Option<Msg>,
    status: StatusCode,
    input: FolioInput,
) -> Reply {
    let (view, v, room_type, methods, tax_rules, billing, thread) = ctx
        .read(state, move |s, m| {
            let v = stays::StayView::load(s, id)?;
            let thread = super::messages::thread(s, &m.acting.tenant, id)?;
            let room_type = s.room_types().get(v.reservation.room_type_id)?;
            let tax_rules = s.tax_rules().list(Some(v.hotel.id))?;
            let billing = Billing {
                invoices: s.invoices().of_reservation(id)?,
                open: stays::invoicing::open_entries(s, id)?,
                companies: s.companies().list()?,
            };
            Ok((m.view(), v, room_type, m.acting.tenant.settings().payment_methods, tax_rules, billing, thread))
        })
        .await?;
    let stays::StayView {
        reservation: r,
        hotel,
        guest,
        room,
        free_rooms,
        entries,
        nights,
        plan,
        terms,
        taxes,
        today,
        due,
        balance,
    } = v;
    let chrome = Chrome::new(ctx, view, "reservations");
    let (write, note, thread_errors) = match input.thread {
        ThreadInput::None => Default::default(),
        ThreadInput::Message(w, e) => (w, Default::default(), e),
        ThreadInput::Note(n, e) => (Default::default(), n, e),
    };
    let actions = stay::offered(r.status, r.check_in, today)
        .into_iter()
        .filter(|a| !a.is_reversal() || chrome.can(Capability::ReservationsReverse))
        .collect();
    let page = ShowPage {
        chrome,
        r,
        hotel,
        guest,
        room_type,
        room,
        free_rooms,
        nights,
        plan,
        terms,
        penalty_due: input.penalty_due,
        invoice: input.invoice.unwrap_or_default(),
        taxes,
        tax_rules,
        billing,
        voided: FolioEntry::voided(&entries),
        entries,
        balance,
        due,
        actions,
        methods,
        problem,
        folio: input.form,
        folio_errors: input.errors,
        void_error: input.void_error,
        thread,
        write,
        note,
        thread_errors,
    };
    render(status, &page)
}

/// The reservation page with the invoice form as typed (refused or wrong).
pub(super) async fn show_with_invoice_form(
    ctx: &TenantCtx,
    state: &AppState,
    id: ReservationId,
    status: StatusCode,
    problem: Msg,
    input: IssueInput,
) -> Reply {
    let input = FolioInput { invoice: Some(input), ..FolioInput::default() };
    show_page_with(ctx, state, id, Some(problem), status, input).await
}

/// The reservation page with the thread's form as typed (wrong or refused).
pub(super) async fn show_with_thread_form(
    ctx: &TenantCtx,
    state: &AppState,
    id: ReservationId,
    status: StatusCode,
    problem: Option<Msg>,
    input: ThreadInput,
) -> Reply {
    let input = FolioInput { thread: input, ..FolioInput::default() };
    show_page_with(ctx, state, id, problem, status, input).await
}

pub async fn show(ctx: TenantCtx, state: State, path: web::Path<ReservationId>) -> Reply {
    show_page(&ctx, &state, path.into_inner(), None).await
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    pub action: String,
    pub version: String,
    pub reason: String,
    pub room: String,
    pub override_balance: Option<String>,
    /// After seeing a cancellation's penalty: `post` it, or `waive` it with `waiver_reason`.
    pub penalty: String,
    pub waiver_reason: String,
    /// At check-out: `skip` leaves the charges uninvoiced (a manager's override).
    pub invoice: String,
}

impl ActionForm {
    pub fn change(&self) -> Change {
        Change {
            action: Action::parse(self.action.trim()),
            version: forms::version(&self.version),
            reason: Some(forms::clean(&self.reason)).filter(|r| !r.is_empty()).map(|r| r.chars().take(500).collect()),
            room: self.room.trim().parse().ok(),
            override_balance: self.override_balance.is_some(),
            penalty: match self.penalty.trim() {
                "post" => PenaltyChoice::Post,
                "waive" => PenaltyChoice::Waive(forms::clean(&self.waiver_reason).chars().take(500).collect()),
                _ => PenaltyChoice::Ask,
            },
            invoice: if self.invoice.trim() == "skip" { InvoiceChoice::Skip } else { InvoiceChoice::IssueToGuest },
        }
    }
}

/// A status action from the reservation page.
pub async fn act(ctx: TenantCtx, state: State, path: web::Path<ReservationId>, form: web::Form<ActionForm>) -> Reply {
    let id = path.into_inner();
    let change = form.change();
    let action = change.action;
    let waiver_reason = forms::clean(&form.waiver_reason);
    let cancel_reason = forms::clean(&form.reason);
    match ctx.write(&state, move |s, m| Ok(stays::transition(s, m, id, &change)?)).await {
        Ok(r) => {
            if let Some(action) = action {
                state.metrics.transition(action, ctx.tenant);
            }
            ctx.flash(
                "success",
                Msg::new("res-status-now").arg("code", &r.confirmation_code).arg("status", r.status.as_str()),
            );
            Ok(see_other(&urls::reservation(id)))
        }
        Err(AppError::Refused(Refused::PenaltyDue { amount, may_waive })) => {
            let due = PenaltyDue { amount, may_waive, reason: waiver_reason, missing_reason: false, cancel_reason };
            let input = FolioInput { penalty_due: Some(due), ..FolioInput::default() };
            let problem = Some(Msg::new("rule-penalty-due").money("amount", amount));
            show_page_with(&ctx, &state, id, problem, StatusCode::CONFLICT, input).await
        }
        Err(AppError::Refused(Refused::WaiverNeedsReason)) => {
            let (amount, may_waive) = ctx
                .read(&state, move |s, m| {
                    let r = s.reservations().get(id)?;
                    Ok((stays::policy::terms_now(s, &r)?.penalty_now, m.can(Capability::PenaltyWaive)))
                })
                .await?;
            let due = PenaltyDue { amount, may_waive, reason: String::new(), missing_reason: true, cancel_reason };
            let input = FolioInput { penalty_due: Some(due), ..FolioInput::default() };
            let problem = Some(Msg::new("rule-waiver-needs-reason"));
            show_page_with(&ctx, &state, id, problem, StatusCode::UNPROCESSABLE_ENTITY, input).await
        }
        Err(AppError::Refused(refused)) => show_page(&ctx, &state, id, Some(refused.msg())).await,
        Err(AppError::Missing(missing)) => {
            let (problem, status) = (Some(missing.msg()), StatusCode::FORBIDDEN);
            show_page_with(&ctx, &state, id, problem, status, FolioInput::default()).await
        }
        Err(AppError::Db(DbError::Conflict(Constraint::RoomOverlap))) => {
            show_page(&ctx, &state, id, Some(Msg::new("res-room-taken"))).await
        }
        Err(AppError::Stale) => show_page(&ctx, &state, id, Some(Msg::new("res-stale-show"))).await,
        Err(e) => Err(e),
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct FolioForm {
    pub kind: String,
    pub amount: String,
    pub method: String,
    pub description: String,
    pub reference: String,
}

impl FolioForm {
    /// The posting, or a message per field at fault.
    pub fn posting(&self, m: &Member) -> Result<Posting, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind: Option<FolioKind> = self.kind.trim().parse().ok();
        if kind.is_none() {
            e.add("kind", Msg::new("res-folio-choose-kind"));
        }
        let amount = forms::amount(&mut e, "amount", &self.amount, &m.tr());
        let method = match forms::clean(&self.method).as_str() {
            "" => None,
            raw => forms::choice(&mut e, "method", raw),
        };
        let description = forms::optional(&mut e, "description", &self.description, 200);
        let reference = forms::optional(&mut e, "reference", &self.reference, 100);
        let (Some(kind), Some(amount)) = (kind, amount) else { return Err(e) };
        let posting =
            Posting { kind, amount, method, description: description.unwrap_or_else(|| m.tr().label(kind)), reference };
        e.merge(field_errors(posting.refusals(m)));
        if e.is_empty() {
            Ok(posting)
        } else {
            Err(e)
        }
    }
}

/// Posts to the folio from the reservation page.
pub async fn post_folio(
    ctx: TenantCtx,
    state: State,
    id: web::Path<ReservationId>,
    form: web::Form<FolioForm>,
) -> Reply {
    let id = id.into_inner();
    let form = form.into_inner();
    let typed = form.clone();
    let result = ctx
        .write(&state, move |s, m| match form.posting(m) {
            Ok(posting) => stays::post(s, m, id, &posting).map(|_| Ok(posting)).map_err(AppError::from),
            Err(errors) => Ok(Err(errors)),
        })
        .await;
    match result {
        Ok(Ok(p)) => {
            ctx.flash("success", Msg::new("res-posted").arg("kind", p.kind.as_str()));
            Ok(see_other(&urls::reservation(id)))
        }
        Ok(Err(errors)) => {
            let problem = Some(Msg::new("res-not-posted"));
            show_page_with(
                &ctx,
                &state,
                id,
                problem,
                StatusCode::UNPROCESSABLE_ENTITY,
                FolioInput::typed(typed, errors),
            )
            .await
        }
        Err(AppError::Refused(refused)) => {
            let problem = Some(refused.msg());
            show_page_with(
                &ctx,
                &state,
                id,
                problem,
                StatusCode::CONFLICT,
                FolioInput::typed(typed, FieldErrors::default()),
            )
            .await
        }
        Err(AppError::Missing(missing)) => {
            let problem = Some(missing.msg());
            show_page_with(
                &ctx,
                &state,
                id,
                problem,
                StatusCode::FORBIDDEN,
                FolioInput::typed(typed, FieldErrors::default()),
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct VoidForm {
    pub reason: String,
}

/// Voids a folio entry from the reservation page: a reversing entry with the reason.
pub async fn void_entry(
    ctx: TenantCtx,
    state: State,
    path: web::Path<(ReservationId, FolioEntryId)>,
    form: web::Form<VoidForm>,
) -> Reply {
    let (id, entry) = path.into_inner();
    let typed = form.into_inner().reason;
    let reason = forms::clean(&typed);
    match ctx.write(&state, move |s, m| Ok(stays::void(s, m, id, entry, &reason)?)).await {
        Ok(_) => {
            ctx.flash("success", Msg::new("res-voided"));
            Ok(see_other(&urls::reservation(id)))
        }
        Err(AppError::Refused(refused)) if refused.field().is_some() => {
            let problem = Some(Msg::new("res-not-voided"));
            let refused = VoidRefused { entry, message: refused.msg(), typed };
            let input = FolioInput { void_error: Some(refused), ..FolioInput::default() };
            show_page_with(&ctx, &state, id, problem, StatusCode::UNPROCESSABLE_ENTITY, input).await
        }
        Err(AppError::Refused(refused)) => show_page(&ctx, &state, id, Some(refused.msg())).await,
        Err(AppError::Missing(missing)) => {
            let (problem, status) = (Some(missing.msg()), StatusCode::FORBIDDEN);
            show_page_with(&ctx, &state, id, problem, status, FolioInput::default()).await
        }
        Err(AppError::Db(DbError::Conflict(Constraint::FolioVoid))) => {
            show_page(&ctx, &state, id, Some(stays::Refused::AlreadyVoided.msg())).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditForm {
    pub check_in: String,
    pub check_out: String,
    pub adults: String,
    pub children: String,
    pub room: String,
    pub notes: String,
    pub version: String,
}

impl EditForm {
    fn from_reservation(r: &Reservation) -> Self {
        Self {
            check_in: r.check_in.to_string(),
            check_out: r.check_out.to_string(),
            adults: r.adults.to_string(),
            children: r.children.to_string(),
            room: r.room_id.map(|id| id.to_string()).unwrap_or_default(),
            notes: r.notes.clone().unwrap_or_default(),
            version: r.version.to_string(),
        }
    }
}

#[derive(Template)]
#[template(path = "reservations/edit.html")]
struct EditPage {
    chrome: Chrome,
    r: Reservation,
    rooms: Vec<Room>,
    form: EditForm,
    errors: FieldErrors,
    problem: Option<Msg>,
}

async fn edit_page(
    ctx: &TenantCtx,
    state: &AppState,
    id: ReservationId,
    form: Option<EditForm>,
    errors: FieldErrors,
    problem: Option<Msg>,
    status: StatusCode,
) -> Reply {
    let (view, r, rooms) = ctx
        .read(state, move |s, m| {
            let r = s.reservations().get(id)?;
            let rooms = s
                .rooms()
                .list(Some(r.hotel_id))?
                .into_iter()
                .filter(|x| x.room_type_id == r.room_type_id && x.is_active)
                .collect();
            Ok((m.view(), r, rooms))
        })
        .await?;
    let mut form = form.unwrap_or_else(|| EditForm::from_reservation(&r));
    if status == StatusCode::CONFLICT && problem.is_some() && errors.is_empty() {
        form.version = r.version.to_string();
    }
    render(status, &EditPage { chrome: Chrome::new(ctx, view, "reservations"), r, rooms, form, errors, problem })
}

pub async fn edit_form(ctx: TenantCtx, state: State, path: web::Path<ReservationId>) -> Reply {
    edit_page(&ctx, &state, path.into_inner(), None, FieldErrors::default(), None, StatusCode::OK).await
}

impl EditForm {
    /// The edit, or a message for every field at fault.
    fn parse(&self) -> Result<StayEdit, FieldErrors> {
        let mut e = FieldErrors::default();
        let check_in = forms::date(&mut e, "check_in", &self.check_in);
        let check_out = forms::date(&mut e, "check_out", &self.check_out);
        forms::stay_dates(&mut e, check_in, check_out);
        let adults = forms::integer(&mut e, "adults", &self.adults, 1, 20);
        let children = forms::optional_integer(&mut e, "children", &self.children, 0, 20).unwrap_or(0);
        let room = match self.room.trim() {
            "" => None,
            raw => forms::id(&mut e, "room", raw),
        };
        let notes = forms::optional(&mut e, "notes", &self.notes, 2000);
        match (check_in, check_out, adults) {
            (Some(check_in), Some(check_out), Some(adults)) if e.is_empty() => Ok(StayEdit {
                version: forms::version(&self.version),
                check_in,
                check_out,
                adults: adults as i32,
                children: children as i32,
                room,
                notes,
            }),
            _ => Err(e),
        }
    }
}

pub async fn update(ctx: TenantCtx, state: State, path: web::Path<ReservationId>, form: web::Form<EditForm>) -> Reply {
    let id = path.into_inner();
    let form = form.into_inner();
    let parsed = form.parse();
    // Checked inside the write, after the role and the trial, like every form.
    let result = ctx
        .write(&state, move |s, m| match parsed {
            Ok(edit) => Ok(Ok(stays::edit(s, m, id, &edit)?)),
            Err(errors) => Ok(Err(errors)),
        })
        .await;
    match result {
        Ok(Ok(edited)) => {
            let added: i64 = edited.added.iter().map(|(_, price)| price).sum();
            let message = match edited.added.len() {
                0 => Msg::new("res-saved"),
                n => Msg::new("res-saved-nights-added").arg("count", n).money("amount", added),
            };
            ctx.flash("success", message);
            Ok(see_other(&urls::reservation(id)))
        }
        Ok(Err(errors)) => {
            edit_page(&ctx, &state, id, Some(form), errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Refused(refused)) => {
            let mut errors = FieldErrors::default();
            if refused_field(&mut errors, &refused) {
                return edit_page(&ctx, &state, id, Some(form), errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
            }
            let msg = Some(refused.msg());
            edit_page(&ctx, &state, id, Some(form), errors, msg, StatusCode::CONFLICT).await
        }
        Err(AppError::Stale) => {
            let msg = Msg::new("res-stale-edit");
            edit_page(&ctx, &state, id, Some(form), FieldErrors::default(), Some(msg), StatusCode::CONFLICT).await
        }
        Err(AppError::Db(DbError::Conflict(Constraint::RoomOverlap))) => {
            let msg = Msg::new("res-room-just-taken-edit");
            edit_page(&ctx, &state, id, Some(form), FieldErrors::default(), Some(msg), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e),
    }
}
