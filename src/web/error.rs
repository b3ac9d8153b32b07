//! One error type for the web layer. It maps to a status; the cause is logged once, here.
//!
//! The error page (which shows the request id and never internal details) is rendered
//! once, by the `pages::error_pages` middleware, which knows the request id: the
//! response made here carries the status, any redirect, and the `AppError` itself.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use super::forms::FieldErrors;
use super::urls;
use crate::db::DbError;
use crate::i18n::Msg;

/// What a handler answers.
pub type Reply = Result<HttpResponse, AppError>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// A stay operation needs a right the member lacks; the message names who has it.
    #[error(transparent)]
    Missing(crate::stays::Missing),
    #[error("sign-in required")]
    Unauthenticated,
    /// Signed in, but no usable active tenant: go and pick one.
    #[error("no active organization")]
    NoTenant,
    #[error("missing or wrong CSRF token")]
    Csrf,
    #[error("organization {name} is {status}")]
    TenantBlocked { name: String, status: crate::domain::TenantStatus },
    #[error("too many requests")]
    TooManyRequests,
    /// The organization's plan does not include this, or is at a limit.
    #[error("not in plan: {0:?}")]
    NotInPlan(Msg),
    /// The organization's trial has ended: pages show, changes are refused.
    #[error("trial ended")]
    TrialEnded,
    #[error("conflict: {0:?}")]
    Conflict(Msg),
    /// A stay operation's rule said no (`stays::Refused`); handlers re-render their page
    /// with the message, this is the fallback.
    #[error("refused: {0}")]
    Refused(crate::stays::Refused),
    /// What was typed does not pass validation: the form is shown again with these
    /// messages and what was typed (422).
    #[error("invalid input: {}", .0.summary(&crate::i18n::Tr::english()))]
    Validation(FieldErrors),
    /// An edit based on an old version (optimistic locking).
    #[error("stale version")]
    Stale,
    #[error("service unavailable")]
    Unavailable(String),
    #[error(transparent)]
    Db(DbError),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbError> for AppError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::NotFound => AppError::NotFound,
            DbError::Unavailable(msg) => AppError::Unavailable(msg),
            DbError::Stale => AppError::Stale,
            DbError::Busy => AppError::Conflict(Msg::new("error-busy")),
            other => AppError::Db(other),
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        AppError::Validation(errors)
    }
}

impl From<crate::stays::StayError> for AppError {
    fn from(err: crate::stays::StayError) -> Self {
        match err {
            crate::stays::StayError::Refused(refused) => AppError::Refused(refused),
            crate::stays::StayError::Missing(missing) => AppError::Missing(missing),
            crate::stays::StayError::Db(db) => db.into(),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Missing(_) => StatusCode::FORBIDDEN,
            AppError::Unauthenticated | AppError::NoTenant => StatusCode::SEE_OTHER,
            AppError::Csrf | AppError::TenantBlocked { .. } | AppError::TrialEnded | AppError::NotInPlan(_) => {
                StatusCode::FORBIDDEN
            }
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Conflict(_) | AppError::Refused(_) | AppError::Stale => StatusCode::CONFLICT,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Db(DbError::Conflict(_)) => StatusCode::CONFLICT,
            AppError::Db(_) | AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        match self {
            AppError::Unauthenticated => {
                return HttpResponse::SeeOther().insert_header(("Location", urls::login())).finish()
            }
            AppError::NoTenant => return HttpResponse::SeeOther().insert_header(("Location", urls::switch())).finish(),
            _ => {}
        }
        if status.is_server_error() {
            tracing::error!(error = %self, cause = ?self, "request failed");
        }
        // No body: `pages::error_pages` renders the page from this error, with the
        // request id, once.
        HttpResponse::build(status).finish()
    }
}

impl AppError {
    /// What the person sees, as a message of the catalogue (`error-*`): never SQL, paths
    /// or internals.
    pub fn public_message(&self) -> Msg {
        match self {
            AppError::NotFound => Msg::new("error-not-found"),
            AppError::Forbidden => Msg::new("error-forbidden"),
            AppError::Missing(missing) => missing.msg(),
            AppError::Unauthenticated => Msg::new("error-sign-in"),
            AppError::NoTenant => Msg::new("error-no-tenant"),
            AppError::Csrf => Msg::new("error-csrf"),
            AppError::TenantBlocked { name, status } => match status {
                crate::domain::TenantStatus::Suspended => Msg::new("error-tenant-suspended").arg("name", name),
                _ => Msg::new("error-tenant-cancelled").arg("name", name),
            },
            AppError::TooManyRequests => Msg::new("error-too-many-requests"),
            AppError::TrialEnded => Msg::new("error-trial-ended"),
            AppError::Conflict(msg) | AppError::NotInPlan(msg) => msg.clone(),
            AppError::Refused(refused) => refused.msg(),
            AppError::Validation(errors) => match errors.first() {
                Some(first) => Msg::new("error-validation-first").arg("message", first.clone()),
                None => Msg::new("error-validation"),
            },
            AppError::Stale => Msg::new("error-stale"),
            AppError::Unavailable(_) => Msg::new("error-unavailable"),
            AppError::Db(DbError::Conflict(_)) => Msg::new("error-db-conflict"),
            AppError::Db(_) | AppError::Unexpected(_) => Msg::new("error-unexpected"),
        }
    }
}

#[cfg(test)]
mod tests {
    use actix_web::body::MessageBody;
    use actix_web::http::StatusCode;
    use actix_web::ResponseError;

    use super::AppError;
    use crate::web::forms::FieldErrors;

    #[test]
    fn field_errors_are_a_422_validation_error() {
        let mut errors = FieldErrors::default();
        errors.add("name", crate::i18n::Msg::new("form-required"));
        let err: AppError = errors.into();
        assert!(matches!(&err, AppError::Validation(e) if e.get("name").unwrap().key == "form-required"));
        assert_eq!(err.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let tr = crate::i18n::Tr::english();
        assert_eq!(tr.msg(&err.public_message()), "Please check what you entered: This field is required.");
        assert_eq!(err.to_string(), "invalid input: name: This field is required.");
    }

    /// The page is the error-page middleware's to render, once, with the request id.
    #[test]
    fn the_response_has_a_status_and_no_page() {
        let res = AppError::Forbidden.error_response();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert_eq!(res.into_body().size(), actix_web::body::BodySize::Sized(0));
        let res = AppError::Unauthenticated.error_response();
        assert_eq!(
            (res.status(), res.headers().get("location").unwrap().to_str().unwrap()),
            (StatusCode::SEE_OTHER, "/login")
        );
    }
}
