//! Reminders of appointments, the pure part: message templates with their
//! placeholders, SMS length and segments, when a reminder is due under the
//! shop's rules and quiet hours, and the outbox's state machine with retries.
//! The database, the gateways and the dispatcher build on these.
//!
//! - [`template`]: placeholders, parsing, rendering, the default texts;
//! - [`sms`]: characters and segments of an SMS (GSM-7 or UCS-2);
//! - [`rules`]: the rules of when reminders go out, and the send time;
//! - [`outbox`]: the states of a queued message, retries with backoff and
//!   jitter, and which gateway failures are worth a retry.

pub mod gateways;
pub mod outbox;
pub mod queue;
pub mod rules;
pub mod sms;
pub mod template;
