//! Local stand-ins for the reminder providers, speaking their wire formats on
//! 127.0.0.1, so that tests, benchmarks, the e2e suite and manual runs never
//! reach a real provider.
//!
//! - [`FakeSmtp`]: an SMTP server with a real dialogue (EHLO, AUTH PLAIN and
//!   LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT). It keeps every message and
//!   decodes what lettre writes (quoted-printable or base64 parts,
//!   multipart/alternative, encoded-word headers) so a test can assert on the
//!   Russian text and subject.
//! - [`FakeGateways`]: one HTTP server for SMSC.ru (`/sys/send.php`,
//!   `/sys/status.php`), SMS.ru (`/sms/send`, `/sms/status`) and the Telegram
//!   Bot API (`/bot<token>/sendMessage`, `getUpdates`, `getMe`), each
//!   answering in the provider's JSON shape.
//!
//! Both record every accepted message as a [`Received`] (and, when given a
//! [`Log`], append it as a JSON line to a file that another process can
//! count). Behaviour is scripted per provider and recipient: success by
//! default, or a provider error code, an HTTP status, a rate limit, a hang, a
//! delay or a dropped connection ([`Behaviour`]); delivery statuses are
//! scripted as sequences of the provider's own codes.
//!
//! The binary `fake-gateways` starts both servers for another process.

mod gateways;
mod http;
pub mod mail;
mod record;
mod script;
mod smsc;
mod smsru;
mod smtp;
mod telegram;

pub use gateways::{Credentials, FakeGateways, GatewaysConfig};
pub use record::{Log, Provider, Received};
pub use script::{ANY, Behaviour, ScriptParseError};
pub use smtp::{FakeSmtp, OUR_ID_HEADER, ReceivedMail, SmtpConfig};

/// How long a [`Behaviour::Hang`] keeps a request waiting: far longer than
/// any client's timeout, and the server's task ends with its runtime anyway.
pub const HANG: std::time::Duration = std::time::Duration::from_secs(3600);
