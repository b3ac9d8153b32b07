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
    #[error("conflict: {0}")]
    Conflict(String),
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
            DbError::Stale => {
                AppError::Conflict("This record was changed by someone else. Reload to see the latest version.".into())
            }
            other => AppError::Db(other),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Unauthenticated => StatusCode::SEE_OTHER,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Db(DbError::Conflict(_)) => StatusCode::CONFLICT,
            AppError::Db(_) | AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if let AppError::Unauthenticated = self {
            return HttpResponse::SeeOther().insert_header(("Location", "/login")).finish();
        }
        if status.is_server_error() {
            tracing::error!(error = %self, cause = ?self, "request failed");
        }
        crate::web::pages::error_page(status, self.public_message())
    }
}

impl AppError {
    /// What the person sees: never SQL, paths or internals.
    pub fn public_message(&self) -> String {
        match self {
            AppError::NotFound => "We could not find that page or record.".into(),
            AppError::Forbidden => "Your role does not allow this.".into(),
            AppError::Unauthenticated => "Please sign in.".into(),
            AppError::Conflict(msg) => msg.clone(),
            AppError::Unavailable(_) => "The service is briefly unavailable. Please try again in a moment.".into(),
            AppError::Db(DbError::Conflict(_)) => "That conflicts with an existing record.".into(),
            AppError::Db(_) | AppError::Unexpected(_) => "Something went wrong on our side. It has been logged.".into(),
        }
    }
}
