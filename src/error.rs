//! The one error type of the core. Every error has a stable [`ErrorCode`] that the
//! UI branches on and translates; the `Display` text is for logs and the CLI.

use serde::Serialize;

use crate::domain::client::ClientRef;
use crate::domain::validation::{FieldIssue, Issues};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid input: {0}")]
    Validation(Issues),

    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: String },

    #[error("phone {phone} is already recorded for client {} ({})", .existing.full_name, .existing.id)]
    DuplicatePhone { phone: String, existing: ClientRef },

    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),

    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),

    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

/// What kind of failure this is, for callers that must react differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input has problems; `issues` names the fields.
    Validation,
    NotFound,
    /// Another client already has this phone; the caller may confirm and save anyway.
    DuplicatePhone,
    Database,
    Io,
    Internal,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Validation(_) => ErrorCode::Validation,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::DuplicatePhone { .. } => ErrorCode::DuplicatePhone,
            Error::Database(_) => ErrorCode::Database,
            Error::Migration(_) => ErrorCode::Internal,
            Error::Io(_) => ErrorCode::Io,
        }
    }

    /// The field problems of a validation error (empty for other errors).
    pub fn issues(&self) -> &[FieldIssue] {
        match self {
            Error::Validation(issues) => issues.as_slice(),
            _ => &[],
        }
    }

    pub(crate) fn not_found(entity: &'static str, id: impl ToString) -> Self {
        Error::NotFound {
            entity,
            id: id.to_string(),
        }
    }
}

impl From<Issues> for Error {
    fn from(issues: Issues) -> Self {
        Error::Validation(issues)
    }
}
