//! The one error type of the core. Every error has a stable [`ErrorCode`] that the
//! UI branches on and translates; the `Display` text is for logs and the CLI.

use serde::Serialize;

use crate::domain::client::Duplicate;
use crate::domain::schedule::BookingConflict;
use crate::domain::validation::{FieldIssue, Issues};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid input: {0}")]
    Validation(Issues),

    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: String },

    #[error("already on record: {}", describe(.0))]
    Duplicates(Vec<Duplicate>),

    /// The operation contradicts the shop's rules (e.g. merging a client into itself).
    #[error("{0}")]
    Conflict(ConflictReason),

    /// An appointment cannot take the time, mechanic or bay asked for.
    #[error("{0}")]
    Booking(BookingConflict),

    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),

    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),

    #[error("file error: {0}")]
    Io(#[from] std::io::Error),

    /// The operating system's keychain refused or is not there (no Secret
    /// Service running on a Linux desktop).
    #[error("keychain error: {0}")]
    Keychain(String),

    /// A gateway cannot be set up from its settings (a bad address).
    #[error("gateway settings: {0}")]
    GatewaySetup(String),

    /// A PDF could not be drawn: a font that does not parse (a broken
    /// build) or a layout the page cannot hold (a bug). Never the user's
    /// input: a missing or broken logo is drawn without.
    #[error("document error: {0}")]
    Document(String),
}

/// What kind of failure this is, for callers that must react differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input has problems; `issues` names the fields.
    Validation,
    NotFound,
    /// Another record already has this phone, ИНН, plate or VIN; `duplicates`
    /// names them. The caller may confirm and save anyway unless one is blocking.
    Duplicate,
    /// See [`ConflictReason`].
    Conflict,
    /// See [`BookingConflict`]: double booking, outside the shift, in the past.
    Booking,
    Database,
    Io,
    /// The system keychain is not available: secrets cannot be kept.
    Keychain,
    /// A gateway's settings do not make a working connection.
    GatewaySetup,
    /// A document's PDF could not be drawn.
    Document,
    Internal,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Validation(_) => ErrorCode::Validation,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Duplicates(_) => ErrorCode::Duplicate,
            Error::Conflict(_) => ErrorCode::Conflict,
            Error::Booking(_) => ErrorCode::Booking,
            Error::Database(_) => ErrorCode::Database,
            Error::Migration(_) => ErrorCode::Internal,
            Error::Io(_) => ErrorCode::Io,
            Error::Keychain(_) => ErrorCode::Keychain,
            Error::GatewaySetup(_) => ErrorCode::GatewaySetup,
            Error::Document(_) => ErrorCode::Document,
        }
    }

    /// The field problems of a validation error (empty for other errors).
    pub fn issues(&self) -> &[FieldIssue] {
        match self {
            Error::Validation(issues) => issues.as_slice(),
            _ => &[],
        }
    }

    pub fn duplicates(&self) -> &[Duplicate] {
        match self {
            Error::Duplicates(found) => found,
            _ => &[],
        }
    }

    pub fn conflict(&self) -> Option<ConflictReason> {
        match self {
            Error::Conflict(reason) => Some(*reason),
            _ => None,
        }
    }

    pub fn booking(&self) -> Option<&BookingConflict> {
        match self {
            Error::Booking(conflict) => Some(conflict),
            _ => None,
        }
    }

    pub(crate) fn not_found(entity: &'static str, id: impl ToString) -> Self {
        Error::NotFound {
            entity,
            id: id.to_string(),
        }
    }
}

impl From<BookingConflict> for Error {
    fn from(conflict: BookingConflict) -> Self {
        Error::Booking(conflict)
    }
}

impl From<Issues> for Error {
    fn from(issues: Issues) -> Self {
        Error::Validation(issues)
    }
}

/// Why an operation was refused although its input was well-formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ConflictReason {
    #[error("a client cannot be merged into itself")]
    MergeIntoItself,
    #[error("this client was merged into another one")]
    MergedClient,
    #[error("the car already belongs to this client")]
    SameOwner,
    #[error("the driver must be a contact person of the car's owner")]
    DriverNotAContact,
    #[error("the import file has errors; nothing was imported")]
    ImportHasErrors,
    #[error("only a failed or waiting reminder can be sent again")]
    ReminderNotRetriable,
    #[error("only a reminder still waiting to go can be cancelled")]
    ReminderNotCancellable,
    #[error("the gateway is not set up, or its secret is missing")]
    GatewayNotConfigured,
    #[error("the order is issued or cancelled; reopen it to change it")]
    OrderLocked,
    #[error("this status change is not allowed from the order's status")]
    OrderActionNotAllowed,
    #[error("the appointment is not awaited or already has a repair order")]
    AppointmentNotAwaited,
    #[error("a cancelled order accepts refunds only")]
    OrderCancelled,
    #[error("the stock document is not a counter sale: it has no товарный чек")]
    NotASale,
}

fn describe(found: &[Duplicate]) -> String {
    found
        .iter()
        .map(|d| format!("{:?} {} ({})", d.field, d.value, d.existing.display_name))
        .collect::<Vec<_>>()
        .join("; ")
}
