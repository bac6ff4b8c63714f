//! How a core error crosses IPC: `{code, message, field, issues, duplicate}`.
//! The UI branches on `code` and translates; `message` is a fallback and a log line.

use remzona::ErrorCode;
use remzona::domain::client::ClientRef;
use remzona::domain::validation::FieldIssue;
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
    /// The client who already has the phone, for `duplicate_phone`.
    pub duplicate: Option<DuplicatePhone>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DuplicatePhone {
    pub phone: String,
    pub client: ClientRef,
}

impl From<remzona::Error> for ApiError {
    fn from(error: remzona::Error) -> Self {
        let code = error.code();
        if matches!(
            code,
            ErrorCode::Database | ErrorCode::Io | ErrorCode::Internal
        ) {
            // Only these are surprises worth a log line; the rest are the operator's input.
            eprintln!("remzona: {error}");
        }
        let issues = error.issues().to_vec();
        let duplicate = match &error {
            remzona::Error::DuplicatePhone { phone, existing } => Some(DuplicatePhone {
                phone: phone.clone(),
                client: existing.clone(),
            }),
            _ => None,
        };
        ApiError {
            code,
            message: error.to_string(),
            field: issues.first().map(|issue| issue.field.clone()),
            issues,
            duplicate,
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
