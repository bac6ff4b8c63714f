//! How a core error crosses IPC: `{code, message, field, issues, duplicates, conflict}`.
//! The UI branches on `code` and translates; `message` is a fallback and a log line.

use remzona::ErrorCode;
use remzona::domain::client::Duplicate;
use remzona::domain::schedule::BookingConflict;
use remzona::domain::validation::FieldIssue;
use remzona::error::ConflictReason;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The first field with a problem, for callers that show one message.
    pub field: Option<String>,
    /// Every field problem of a `validation` error.
    pub issues: Vec<FieldIssue>,
    /// The records that already have an entered phone, ИНН, plate or VIN, for `duplicate`.
    pub duplicates: Vec<Duplicate>,
    /// Why a `conflict` was refused.
    pub conflict: Option<ConflictReason>,
    /// Why a `booking` was refused: the busy time in the way, missing skills.
    pub booking: Option<BookingConflict>,
}

impl From<remzona::Error> for ApiError {
    fn from(error: remzona::Error) -> Self {
        let code = error.code();
        if matches!(
            code,
            ErrorCode::Database | ErrorCode::Io | ErrorCode::Internal | ErrorCode::Document
        ) {
            // Only these are surprises worth a log line; the rest are the operator's input.
            eprintln!("remzona: {error}");
        }
        let issues = error.issues().to_vec();
        ApiError {
            code,
            message: error.to_string(),
            field: issues.first().map(|issue| issue.field.clone()),
            issues,
            duplicates: error.duplicates().to_vec(),
            conflict: error.conflict(),
            booking: error.booking().cloned(),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
