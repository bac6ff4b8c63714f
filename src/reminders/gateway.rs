//! The one contract every channel's gateway fulfils: send a rendered message,
//! and answer what became of one. The dispatcher speaks only this; the
//! adapters in [`super::gateways`] speak the providers' wire formats.
//!
//! A gateway never touches the database and never decides about retries: it
//! reports what the provider said, classified ([`FailureClass`]), and the
//! dispatcher applies the outbox's state machine.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::domain::client::ReminderChannel;
use crate::domain::reminder::outbox::FailureClass;
pub use crate::domain::reminder::queue::GatewayKind;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A rendered message on its way out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMessage {
    /// Our id of the message (the outbox row), unique for ever: SMSC gets it
    /// as `id`, so its status can be asked by it. SMSC refuses an identical
    /// repeat only within its flood window (error 9); it does not promise to
    /// refuse a repeated id for ever, hence a claimed message is asked about
    /// before it is sent again.
    pub our_id: i64,
    pub channel: ReminderChannel,
    /// A phone as 11 digits `7XXXXXXXXXX`, an e-mail address, or a Telegram
    /// chat id, as the channel needs.
    pub recipient: String,
    /// E-mail only.
    pub subject: Option<String>,
    pub text: String,
}

/// What the provider said to a send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendOutcome {
    /// Taken; `provider_id` names it for status requests.
    Accepted {
        provider_id: String,
    },
    Refused(GatewayFailure),
}

/// A refused or failed request, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayFailure {
    pub class: FailureClass,
    /// For the operator and the log: the provider's code and words, or the
    /// network error («SMSC: 7 — неверный формат номера», «timeout»).
    pub error: String,
    /// The provider asked to wait at least this long (Telegram's
    /// `retry_after`, HTTP `Retry-After`).
    pub retry_after: Option<Duration>,
}

/// A message the dispatcher asks about: after a crash (by our id), or while
/// polling delivery (by the provider's id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRef {
    pub our_id: i64,
    pub provider_id: Option<String>,
    pub channel: ReminderChannel,
    pub recipient: String,
}

/// What the provider says about a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusOutcome {
    /// It never got a message with this id.
    NotFound,
    /// Taken, not final yet; `provider_id` when the answer names it.
    Waiting {
        provider_id: Option<String>,
    },
    Delivered,
    Undelivered {
        error: String,
    },
    /// The question itself failed (network, auth): ask again later.
    Unanswered(GatewayFailure),
}

/// One provider's adapter.
pub trait Gateway: Send + Sync {
    fn kind(&self) -> GatewayKind;

    /// The channels this gateway is set up to carry.
    fn channels(&self) -> &[ReminderChannel];

    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, SendOutcome>;

    /// Providers without a status request answer [`StatusOutcome::Waiting`]
    /// for a message they accepted; they are never asked by our id (see
    /// [`GatewayKind::knows_our_id`]).
    fn status<'a>(&'a self, message: &'a MessageRef) -> BoxFuture<'a, StatusOutcome>;
}
