//! What the reminders screen and the call list show: queued messages with
//! their history, and the calls the operator is to make, with their outcomes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::client::ReminderChannel;
use crate::domain::ids::{AppointmentId, ClientId};
use crate::domain::reminder::outbox::OutboxStatus;
use crate::domain::reminder::rules::ReminderKind;

/// Which provider carries a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum GatewayKind {
    /// Any SMTP server (e-mail).
    Smtp,
    /// SMSC.ru: SMS, Viber, a voice call by text-to-speech, Telegram.
    Smsc,
    /// SMS.ru: SMS.
    SmsRu,
    /// The Telegram Bot API, to a chat the client bound through the deep link.
    TelegramBot,
}

impl GatewayKind {
    pub const ALL: [GatewayKind; 4] = [
        GatewayKind::Smtp,
        GatewayKind::Smsc,
        GatewayKind::SmsRu,
        GatewayKind::TelegramBot,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GatewayKind::Smtp => "smtp",
            GatewayKind::Smsc => "smsc",
            GatewayKind::SmsRu => "smsru",
            GatewayKind::TelegramBot => "telegram_bot",
        }
    }

    pub fn parse(text: &str) -> Option<GatewayKind> {
        GatewayKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }

    /// Whether a message left in `sending` by a crash can be looked up by our
    /// own id (SMSC takes our `id`). For the others the dispatcher cannot
    /// know whether the provider got it, so it never sends again: the visit
    /// goes to the operator's call list instead.
    pub fn knows_our_id(self) -> bool {
        matches!(self, GatewayKind::Smsc)
    }

    /// Whether the provider reports delivery, so a sent message is polled.
    pub fn reports_delivery(self) -> bool {
        matches!(self, GatewayKind::Smsc | GatewayKind::SmsRu)
    }
}

/// Which messages the reminders screen lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OutboxFilter {
    /// Going out today (shop time), whatever their status.
    Today,
    /// Going out tomorrow.
    Tomorrow,
    /// Failed for good, newest visit first.
    Failed,
    /// Everything, newest first.
    All,
}

/// A message in the outbox, as the reminders screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OutboxMessage {
    // Row ids stay far below 2^31; TypeScript reads them as numbers.
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub id: i64,
    pub appointment: AppointmentId,
    pub client: ClientId,
    pub client_name: String,
    pub visit_at: NaiveDateTime,
    pub kind: ReminderKind,
    pub channel: ReminderChannel,
    pub gateway: GatewayKind,
    pub recipient: String,
    pub subject: Option<String>,
    pub text: String,
    pub status: OutboxStatus,
    /// When it goes (or went) out, shop time.
    pub due_at: NaiveDateTime,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// One step of a message's life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OutboxStep {
    pub at: DateTime<Utc>,
    pub status: OutboxStatus,
    /// The event's name (`claim`, `accepted`, `transient_failure`, …).
    pub event: String,
    /// The gateway's words, the retry time, who cancelled.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OutboxMessageDetails {
    pub message: OutboxMessage,
    /// Oldest first.
    pub steps: Vec<OutboxStep>,
}

/// Why a visit is on the operator's call list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CallReason {
    /// The client asked to be called by a person.
    PrefersCall,
    /// No recorded consent for any automatic channel the client uses.
    NoConsent,
    /// Consent given, but no channel is set up for the client (no e-mail, no
    /// bound Telegram chat, the gateway switched off).
    NoChannel,
    /// The automatic reminder failed for good.
    Failed,
}

impl CallReason {
    pub const ALL: [CallReason; 4] = [
        CallReason::PrefersCall,
        CallReason::NoConsent,
        CallReason::NoChannel,
        CallReason::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CallReason::PrefersCall => "prefers_call",
            CallReason::NoConsent => "no_consent",
            CallReason::NoChannel => "no_channel",
            CallReason::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<CallReason> {
        CallReason::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// What came of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    /// Подтвердил: the appointment becomes confirmed.
    Confirmed,
    /// Перенёс: the operator moves the appointment in its window.
    Rescheduled,
    /// Отказался: the appointment is cancelled.
    Declined,
    /// Не дозвонился: the call stays on the list, to try again later.
    NoAnswer,
}

impl CallOutcome {
    pub const ALL: [CallOutcome; 4] = [
        CallOutcome::Confirmed,
        CallOutcome::Rescheduled,
        CallOutcome::Declined,
        CallOutcome::NoAnswer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CallOutcome::Confirmed => "confirmed",
            CallOutcome::Rescheduled => "rescheduled",
            CallOutcome::Declined => "declined",
            CallOutcome::NoAnswer => "no_answer",
        }
    }

    pub fn parse(text: &str) -> Option<CallOutcome> {
        CallOutcome::ALL.into_iter().find(|o| o.as_str() == text)
    }

    /// Whether the call is done: only «no answer» keeps it on the list.
    pub fn closes_call(self) -> bool {
        self != CallOutcome::NoAnswer
    }
}

/// A visit to call about, with what the operator needs on the phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CallTask {
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub id: i64,
    pub appointment: AppointmentId,
    pub client: ClientId,
    pub client_name: String,
    /// `+79161234567`; empty when the client has none.
    pub phone: String,
    /// `Kia Rio`, and the plate when known.
    pub car: String,
    pub plate: Option<String>,
    pub services: Vec<String>,
    pub mechanic: String,
    pub visit_at: NaiveDateTime,
    pub reason: CallReason,
    /// The failed reminder's error, for a `failed` reason.
    pub detail: String,
    /// The day the call is due, shop time.
    pub due_on: NaiveDate,
    /// `None` while the call is still to be made.
    pub outcome: Option<CallOutcome>,
    /// Calls that were not answered so far.
    pub attempts: u32,
    /// After «no answer»: not before this time.
    pub retry_at: Option<NaiveDateTime>,
}

/// What one planning and sending pass did, for the CLI and the log.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PassReport {
    /// New messages put in the outbox.
    pub planned: u32,
    /// New calls put on the call list.
    pub calls: u32,
    /// Pending messages cancelled because the visit moved or was cancelled.
    pub cancelled: u32,
    /// Messages left in `sending` by a dispatcher that died, resolved.
    pub recovered: u32,
    /// Messages the gateways accepted.
    pub sent: u32,
    /// Messages to be retried later.
    pub retried: u32,
    /// Messages that failed for good.
    pub failed: u32,
    /// Delivery reports received.
    pub delivered: u32,
}
