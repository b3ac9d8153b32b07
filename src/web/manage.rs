//! The flow every management page shares: a form to create a record, a form to edit it
//! under optimistic locking, and a delete that is refused while other records need it.
//!
//! A resource says what differs (how it is loaded, parsed, saved and shown) by
//! implementing [`Managed`] on a marker type; its handlers call the flows here, which
//! answer the same way for every resource:
//!
//! - success flashes a message and answers 303;
//! - a form that does not parse is shown again with 422, what was typed kept and a
//!   message per field;
//! - a unique key that another record has is a field message (422), and a plan's limit a
//!   message about the whole form (403);
//! - an edit of an old version is shown again with 409: the fields that changed under the
//!   user, and the current version, so that saving again replaces it;
//! - a delete that other records still need goes back to the page its button is on
//!   ([`Managed::delete_from`]) with [`Managed::IN_USE`];
//! - an id that is not this tenant's (or not an id) is a 404.
//!
//! The form is parsed inside the write, after the route's capability check, like every
//! form: parsing may need the database (the hotels and room types a room may use).

use std::fmt::Display;

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use askama::Template;
use serde::Serialize;

use super::extract::{Member, TenantCtx};
use super::forms::{self, Diff, FieldErrors};
use super::pages::{ok, render, see_other, Chrome, MemberView};
use super::AppState;
use crate::db::audit::Event;
use crate::db::TenantScope;
use crate::i18n::Msg;
use crate::web::error::{AppError, Reply};

/// A record with management pages: the parts that differ between resources.
pub trait Managed: Sized + 'static {
    type Id: Copy + Display + serde::de::DeserializeOwned + Send + 'static;
    type Record: Serialize + Send + 'static;
    /// What the form posts. Every field is text, so that any input can be shown again.
    type Form: Clone + Send + 'static;
    /// The parsed form, as the database layer takes it.
    type Fields: Serialize + Send + 'static;
    /// What a new record belongs to: `()`, or the hotel of a room type.
    type Parent: Copy + Send + 'static;
    /// What the form needs beside the record (options for its selects, the parent),
    /// loaded in the same transaction.
    type Env: Send + 'static;
    /// The form page.
    type Page: Template;

    /// The navigation entry the pages sit under.
    const AREA: &'static str;
    /// The audit log's entity type; the events are `KIND.create`, `.update` and `.delete`.
    const KIND: &'static str;
    /// The catalogue key of why a delete is refused while other records use this one.
    const IN_USE: &'static str;

    fn env(s: &mut TenantScope<'_>, parent: Self::Parent) -> Result<Self::Env, AppError>;
    fn parent_of(record: &Self::Record) -> Self::Parent;
    fn id_of(record: &Self::Record) -> Self::Id;

    fn get(s: &mut TenantScope<'_>, id: Self::Id) -> Result<Self::Record, AppError>;
    /// Creates the record (after checking the plan's limit, where there is one).
    fn insert(
        s: &mut TenantScope<'_>,
        m: &Member,
        parent: Self::Parent,
        fields: &Self::Fields,
    ) -> Result<Self::Record, AppError>;
    fn update(
        s: &mut TenantScope<'_>,
        id: Self::Id,
        version: i32,
        fields: &Self::Fields,
    ) -> Result<Self::Record, AppError>;
    fn remove(s: &mut TenantScope<'_>, id: Self::Id) -> Result<(), AppError>;

    /// The form for a new record.
    fn blank(view: &MemberView, env: &Self::Env, parent: Self::Parent) -> Self::Form;
    /// The form showing a saved record.
    fn form_of(record: &Self::Record, view: &MemberView) -> Self::Form;
    fn parse(form: &Self::Form, env: &Self::Env, view: &MemberView) -> Result<Self::Fields, FieldErrors>;
    /// The form's `version` field (optimistic locking).
    fn version(form: &mut Self::Form) -> &mut String;
    /// The fields whose typed and saved values differ, for the conflict table.
    fn diffs(yours: &Self::Form, current: &Self::Form, env: &Self::Env) -> Vec<Diff>;
    fn page(chrome: Chrome, env: Self::Env, existing: Option<&Self::Record>, shown: Shown<Self::Form>) -> Self::Page;

    /// Where a new record is announced, and with what message (a catalogue key and its
    /// arguments).
    fn created(record: &Self::Record) -> Done;
    fn saved(record: &Self::Record) -> Done;
    fn deleted(record: &Self::Record) -> Done;
    /// The page whose button deletes record `id` (its page, or its edit form): where a
    /// refused delete goes back to.
    fn delete_from(id: Self::Id) -> String;

    /// The field message for a unique key that another record already has.
    fn taken(_e: &AppError) -> Option<FieldErrors> {
        None
    }

    /// Values an edit cannot change, put back from the saved record (none by default).
    fn pin(form: Self::Form, _saved: &Self::Record) -> Self::Form {
        form
    }

    /// What the audit log keeps of a new record: the fields as parsed, by default.
    fn audit_new(event: Event, fields: &Self::Fields, _record: &Self::Record) -> Event {
        event.after(fields)
    }
}

/// The form as it is shown: what was typed (or saved), the messages, and what changed
/// under the user when the save came too late.
pub struct Shown<F> {
    pub form: F,
    pub errors: FieldErrors,
    pub conflict: Vec<Diff>,
}

impl<F> Shown<F> {
    pub fn new(form: F) -> Self {
        Self { form, errors: FieldErrors::default(), conflict: vec![] }
    }

    fn with(form: F, errors: FieldErrors, conflict: Vec<Diff>) -> Self {
        Self { form, errors, conflict }
    }
}

/// Where a successful POST sends the user, and the message shown there.
pub struct Done {
    pub message: Msg,
    pub location: String,
}

impl Done {
    pub fn new(message: impl Into<Msg>, location: impl Into<String>) -> Self {
        Self { message: message.into(), location: location.into() }
    }

    pub fn reply(self, ctx: &TenantCtx) -> HttpResponse {
        ctx.flash("success", self.message);
        see_other(&self.location)
    }
}

/// A form page's title (already read out) and the action its form posts to: the record's path when
/// editing (with `…/delete` for its delete button), or where new ones are posted.
pub struct Heading {
    pub title: String,
    pub action: String,
    pub delete: Option<String>,
}

impl Heading {
    /// `editing` is the edit page's title and the record's path.
    pub fn of(editing: Option<(String, String)>, new_title: &str, new_action: impl Into<String>) -> Self {
        match editing {
            Some((title, action)) => Self { delete: Some(format!("{action}/delete")), title, action },
            None => Self { title: new_title.into(), action: new_action.into(), delete: None },
        }
    }
}

/// A save the form must be shown again for.
pub struct Refusal {
    pub status: StatusCode,
    pub errors: FieldErrors,
}

impl Refusal {
    pub fn invalid(errors: FieldErrors) -> Self {
        Self { status: StatusCode::UNPROCESSABLE_ENTITY, errors }
    }

    /// Someone saved first (409 with no message): the form shows what changed.
    pub fn stale(&self) -> bool {
        self.status == StatusCode::CONFLICT && self.errors.is_empty()
    }
}

/// Sorts an error of a save: an old version (409), a rule of the whole form (409, such
/// as the last owner), a unique key `taken` names (422), or a plan's limit (403) are
/// shown on the form; anything else is the error page.
pub fn refusal(e: AppError, taken: impl Fn(&AppError) -> Option<FieldErrors>) -> Result<Refusal, AppError> {
    match e {
        AppError::Stale => Ok(Refusal { status: StatusCode::CONFLICT, errors: FieldErrors::default() }),
        AppError::Conflict(msg) => Ok(Refusal { status: StatusCode::CONFLICT, errors: FieldErrors::for_form(msg) }),
        AppError::NotInPlan(msg) => Ok(Refusal { status: StatusCode::FORBIDDEN, errors: FieldErrors::for_form(msg) }),
        e => taken(&e).map(Refusal::invalid).ok_or(e),
    }
}

/// One message for `field`, as [`Managed::taken`] returns it.
pub fn field_error(field: &'static str, message: impl Into<Msg>) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add(field, message);
    errors
}

fn show<R: Managed>(
    ctx: &TenantCtx,
    status: StatusCode,
    view: MemberView,
    env: R::Env,
    existing: Option<&R::Record>,
    shown: Shown<R::Form>,
) -> Reply {
    render(status, &R::page(Chrome::new(ctx, view, R::AREA), env, existing, shown))
}

/// A saved record with what its form needs.
fn load<R: Managed>(
    s: &mut TenantScope<'_>,
    m: &Member,
    id: R::Id,
) -> Result<(MemberView, R::Record, R::Env), AppError> {
    let record = R::get(s, id)?;
    let env = R::env(s, R::parent_of(&record))?;
    Ok((m.view(), record, env))
}

pub async fn new_form<R: Managed>(ctx: &TenantCtx, state: &AppState, parent: R::Parent) -> Reply {
    let (view, env) = ctx.read(state, move |s, m| Ok((m.view(), R::env(s, parent)?))).await?;
    let form = R::blank(&view, &env, parent);
    ok(&R::page(Chrome::new(ctx, view, R::AREA), env, None, Shown::new(form)))
}

type Invalid<R> = (MemberView, <R as Managed>::Env, FieldErrors);

pub async fn create<R: Managed>(ctx: &TenantCtx, state: &AppState, parent: R::Parent, form: R::Form) -> Reply {
    let submitted = form.clone();
    let result = ctx
        .write(state, move |s, m| -> Result<Result<R::Record, Invalid<R>>, AppError> {
            let (view, env) = (m.view(), R::env(s, parent)?);
            let fields = match R::parse(&submitted, &env, &view) {
                Ok(fields) => fields,
                Err(errors) => return Ok(Err((view, env, errors))),
            };
            let record = R::insert(s, m, parent, &fields)?;
            let event = Event::new(&format!("{}.create", R::KIND), R::KIND, R::id_of(&record));
            m.audit(s, R::audit_new(event, &fields, &record))?;
            Ok(Ok(record))
        })
        .await;
    let refused = match result {
        Ok(Ok(record)) => return Ok(R::created(&record).reply(ctx)),
        Ok(Err((view, env, errors))) => {
            return show::<R>(ctx, StatusCode::UNPROCESSABLE_ENTITY, view, env, None, Shown::with(form, errors, vec![]))
        }
        Err(e) => refusal(e, R::taken)?,
    };
    let (view, env) = ctx.read(state, move |s, m| Ok((m.view(), R::env(s, parent)?))).await?;
    show::<R>(ctx, refused.status, view, env, None, Shown::with(form, refused.errors, vec![]))
}

pub async fn edit_form<R: Managed>(ctx: &TenantCtx, state: &AppState, id: R::Id) -> Reply {
    let (view, record, env) = ctx.read(state, move |s, m| load::<R>(s, m, id)).await?;
    let form = R::form_of(&record, &view);
    show::<R>(ctx, StatusCode::OK, view, env, Some(&record), Shown::new(form))
}

pub async fn update<R: Managed>(ctx: &TenantCtx, state: &AppState, id: R::Id, mut form: R::Form) -> Reply {
    let submitted = form.clone();
    let result = ctx
        .write(state, move |s, m| -> Result<Result<R::Record, FieldErrors>, AppError> {
            let before = R::get(s, id)?;
            let env = R::env(s, R::parent_of(&before))?;
            let mut submitted = R::pin(submitted, &before);
            let fields = match R::parse(&submitted, &env, &m.view()) {
                Ok(fields) => fields,
                Err(errors) => return Ok(Err(errors)),
            };
            let after = R::update(s, id, forms::version(R::version(&mut submitted)), &fields)?;
            m.audit(s, Event::new(&format!("{}.update", R::KIND), R::KIND, id).before(&before).after(&after))?;
            Ok(Ok(after))
        })
        .await;
    let refused = match result {
        Ok(Ok(record)) => return Ok(R::saved(&record).reply(ctx)),
        Ok(Err(errors)) => Refusal::invalid(errors),
        Err(e) => refusal(e, R::taken)?,
    };
    let (view, current, env) = ctx.read(state, move |s, m| load::<R>(s, m, id)).await?;
    let mut conflict = vec![];
    if refused.stale() {
        let mut saved = R::form_of(&current, &view);
        conflict = R::diffs(&form, &saved, &env);
        *R::version(&mut form) = std::mem::take(R::version(&mut saved));
    }
    let form = R::pin(form, &current);
    show::<R>(ctx, refused.status, view, env, Some(&current), Shown::with(form, refused.errors, conflict))
}

pub async fn delete<R: Managed>(ctx: &TenantCtx, state: &AppState, id: R::Id) -> Reply {
    let deleted = ctx
        .write(state, move |s, m| {
            let record = R::get(s, id)?;
            R::remove(s, id)?;
            m.audit(s, Event::new(&format!("{}.delete", R::KIND), R::KIND, id).before(&record))?;
            Ok(record)
        })
        .await;
    match deleted {
        Ok(record) => Ok(R::deleted(&record).reply(ctx)),
        // Still needed: back to the page the button was on, which says why.
        Err(AppError::Db(crate::db::DbError::Reference)) => {
            ctx.flash("error", Msg::new(R::IN_USE));
            Ok(see_other(&R::delete_from(id)))
        }
        Err(e) => Err(e),
    }
}

/// The handlers `web::routes` names for the managed resource `$r`: `edit_form`, `update`
/// and `delete` (the routes that take the record's `{id}`), and, unless `edit:` says the
/// resource makes its new records elsewhere, `new_form` and `create` for a resource
/// without a parent. Each extracts the request and calls the flow of the same name.
macro_rules! handlers {
    (edit: $r:ty) => {
        pub async fn edit_form(
            ctx: $crate::web::extract::TenantCtx,
            state: $crate::web::state::State,
            path: actix_web::web::Path<<$r as $crate::web::manage::Managed>::Id>,
        ) -> $crate::web::error::Reply {
            $crate::web::manage::edit_form::<$r>(&ctx, &state, path.into_inner()).await
        }

        pub async fn update(
            ctx: $crate::web::extract::TenantCtx,
            state: $crate::web::state::State,
            path: actix_web::web::Path<<$r as $crate::web::manage::Managed>::Id>,
            form: actix_web::web::Form<<$r as $crate::web::manage::Managed>::Form>,
        ) -> $crate::web::error::Reply {
            $crate::web::manage::update::<$r>(&ctx, &state, path.into_inner(), form.into_inner()).await
        }

        pub async fn delete(
            ctx: $crate::web::extract::TenantCtx,
            state: $crate::web::state::State,
            path: actix_web::web::Path<<$r as $crate::web::manage::Managed>::Id>,
        ) -> $crate::web::error::Reply {
            $crate::web::manage::delete::<$r>(&ctx, &state, path.into_inner()).await
        }
    };
    ($r:ty) => {
        $crate::web::manage::handlers!(edit: $r);

        pub async fn new_form(
            ctx: $crate::web::extract::TenantCtx,
            state: $crate::web::state::State,
        ) -> $crate::web::error::Reply {
            $crate::web::manage::new_form::<$r>(&ctx, &state, ()).await
        }

        pub async fn create(
            ctx: $crate::web::extract::TenantCtx,
            state: $crate::web::state::State,
            form: actix_web::web::Form<<$r as $crate::web::manage::Managed>::Form>,
        ) -> $crate::web::error::Reply {
            $crate::web::manage::create::<$r>(&ctx, &state, (), form.into_inner()).await
        }
    };
}
pub(crate) use handlers;
