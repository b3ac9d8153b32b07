//! Moved to [`crate::web::error`]: `AppError` is a web type. This re-export keeps
//! `use crate::error::AppError;` compiling until every handler imports it from `web`;
//! remove it then (and `pub mod error;` in `lib.rs`).

pub use crate::web::error::*;
