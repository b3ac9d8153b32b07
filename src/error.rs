//! One error type for the web layer. It maps to a status and an error page that shows a
//! request id and never internal details; the cause is logged once, here.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
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
    #[error("not in plan: {0}")]
    NotInPlan(String),
    /// The organization's trial has ended: pages show, changes are refused.
    #[error("trial ended")]
    TrialEnded,
    #[error("conflict: {0}")]
    Conflict(String),
    /// A stay operation's rule said no (`stays::Refused`); handlers re-render their page
    /// with the message, this is the fallback.
    #[error("refused: {0}")]
    Refused(crate::stays::Refused),
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
            DbError::Busy => {
                AppError::Conflict("Someone else was changing the same thing at that moment. Please try again.".into())
            }
            other => AppError::Db(other),
        }
    }
}

impl From<crate::stays::StayError> for AppError {
    fn from(err: crate::stays::StayError) -> Self {
        match err {
            crate::stays::StayError::Refused(refused) => AppError::Refused(refused),
            crate::stays::StayError::Forbidden => AppError::Forbidden,
            crate::stays::StayError::Db(db) => db.into(),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Unauthenticated | AppError::NoTenant => StatusCode::SEE_OTHER,
            AppError::Csrf | AppError::TenantBlocked { .. } | AppError::TrialEnded | AppError::NotInPlan(_) => {
                StatusCode::FORBIDDEN
            }
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Conflict(_) | AppError::Refused(_) | AppError::Stale => StatusCode::CONFLICT,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Db(DbError::Conflict(_)) => StatusCode::CONFLICT,
            AppError::Db(_) | AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        match self {
            AppError::Unauthenticated => {
                return HttpResponse::SeeOther().insert_header(("Location", "/login")).finish()
            }
            AppError::NoTenant => return HttpResponse::SeeOther().insert_header(("Location", "/switch")).finish(),
            _ => {}
        }
        if status.is_server_error() {
            tracing::error!(error = %self, cause = ?self, "request failed");
        }
        crate::web::pages::error_page(status, &self.public_message(), None)
    }
}

impl AppError {
    /// What the person sees: never SQL, paths or internals.
    pub fn public_message(&self) -> String {
        match self {
            AppError::NotFound => "We could not find that page or record.".into(),
            AppError::Forbidden => "Your role does not allow this.".into(),
            AppError::Unauthenticated => "Please sign in.".into(),
            AppError::NoTenant => "Choose an organization first.".into(),
            AppError::Csrf => "This form has expired or did not come from Hotelier. Go back, reload the page and try again.".into(),
            AppError::TenantBlocked { name, status } => match status {
                crate::domain::TenantStatus::Suspended => format!(
                    "{name} is suspended, so its data cannot be used right now. Please contact your account manager or Hotelier support to restore access."
                ),
                _ => format!("{name} has been cancelled. Its data is kept for export; contact Hotelier support if this is a mistake."),
            },
            AppError::TooManyRequests => "Too many attempts. Please wait a minute and try again.".into(),
            AppError::TrialEnded => "This organization's trial has ended, so it is read-only: you can look at everything, but changes need an active plan. Contact Hotelier to continue.".into(),
            AppError::Conflict(msg) | AppError::NotInPlan(msg) => msg.clone(),
            AppError::Refused(refused) => refused.to_string(),
            AppError::Stale => "This record was changed by someone else. Reload to see the latest version.".into(),
            AppError::Unavailable(_) => "The service is briefly unavailable. Please try again in a moment.".into(),
            AppError::Db(DbError::Conflict(_)) => "That conflicts with an existing record.".into(),
            AppError::Db(_) | AppError::Unexpected(_) => "Something went wrong on our side. It has been logged.".into(),
        }
    }
}
