//! SMSC.ru: one account carries SMS, Viber, text-to-speech calls and
//! Telegram, told apart by a flag of `send.php` (`viber=1`, `call=1`,
//! `tg=1`). Requests go as POST forms with `charset=utf-8` (SMSC reads
//! windows-1251 otherwise) and `fmt=3` (JSON answers).
//!
//! SMSC takes our own `id` for a message, so a message left in `sending` by
//! a crash is looked up by that id and the phone (`status.php`), and SMSC
//! answers error 3, «message not found», when it never got it. SMSC refuses a
//! repeated identical request with error 9 (its flood protection, transient);
//! it does not promise to refuse a repeat of an id for ever, so the
//! dispatcher asks `status` before it sends a claimed message again.

use serde::Deserialize;
use serde_json::Value;

use crate::domain::client::ReminderChannel;
use crate::domain::reminder::gateways::SmscSettings;
use crate::domain::reminder::outbox::{DeliveryState, FailureClass, classify_smsc, smsc_delivery};
use crate::reminders::gateway::{
    BoxFuture, Gateway, GatewayFailure, GatewayKind, MessageRef, OutgoingMessage, SendOutcome,
    StatusOutcome,
};
use crate::reminders::gateways::{
    GatewaySetupError, Timeouts, endpoint, failure, http_client, phone_digits, post_form, refuse,
    unexpected,
};

const PROVIDER: &str = "SMSC";

/// `status.php`'s code for a message SMSC does not know.
const STATUS_NOT_FOUND: i64 = 3;
/// The status SMSC reports, in a multiple request, for a message it does not
/// know.
const STATUS_MISSING: i64 = -3;

/// A voice call's `param`: `wait,interval,tries`: let it ring 25 seconds,
/// call again after 5 minutes, 3 tries in all.
const VOICE_PARAM: &str = "25,300,3";

/// How the account is signed in.
#[derive(Clone)]
enum Auth {
    Password { login: String, password: String },
    ApiKey(String),
}

impl Auth {
    fn params(&self) -> Vec<(&'static str, &str)> {
        match self {
            Auth::Password { login, password } => vec![("login", login), ("psw", password)],
            Auth::ApiKey(key) => vec![("apikey", key)],
        }
    }
}

/// Written by hand so the secret never reaches a log through `{:?}`.
impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Auth::Password { login, .. } => write!(f, "Password {{ login: {login:?} }}"),
            Auth::ApiKey(_) => f.write_str("ApiKey"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct SmscGateway {
    client: reqwest::Client,
    send_url: reqwest::Url,
    status_url: reqwest::Url,
    settings: SmscSettings,
    auth: Auth,
    channels: Vec<ReminderChannel>,
}

impl SmscGateway {
    /// `secret` is the account's password, or its API key when the settings
    /// have no login.
    pub fn new(
        settings: SmscSettings,
        secret: String,
        timeouts: Timeouts,
    ) -> Result<SmscGateway, GatewaySetupError> {
        let auth = if settings.login.trim().is_empty() {
            Auth::ApiKey(secret)
        } else {
            Auth::Password {
                login: settings.login.trim().to_owned(),
                password: secret,
            }
        };
        let channels = [
            (settings.sms, ReminderChannel::Sms),
            (settings.viber, ReminderChannel::Viber),
            (settings.voice, ReminderChannel::Voice),
            (settings.telegram, ReminderChannel::Telegram),
        ]
        .into_iter()
        .filter_map(|(on, channel)| on.then_some(channel))
        .collect();
        Ok(SmscGateway {
            client: http_client(timeouts)?,
            send_url: endpoint(&settings.base_url, "/sys/send.php")?,
            status_url: endpoint(&settings.base_url, "/sys/status.php")?,
            settings,
            auth,
            channels,
        })
    }

    /// The flags of `send.php` that pick the channel; `None` for a channel
    /// SMSC does not carry.
    fn channel_params(
        &self,
        channel: ReminderChannel,
    ) -> Option<Vec<(&'static str, &'static str)>> {
        match channel {
            ReminderChannel::Sms => Some(Vec::new()),
            ReminderChannel::Viber => Some(vec![("viber", "1")]),
            ReminderChannel::Voice => Some(vec![
                ("call", "1"),
                ("voice", self.settings.voice_gender.as_param()),
                ("param", VOICE_PARAM),
            ]),
            ReminderChannel::Telegram => Some(vec![("tg", "1")]),
            ReminderChannel::Email | ReminderChannel::Call => None,
        }
    }

    async fn send_message(&self, message: &OutgoingMessage) -> SendOutcome {
        if !self.channels.contains(&message.channel) {
            let why = format!("the channel {} is off", message.channel.as_str());
            return refuse(PROVIDER, &why);
        }
        let Some(flags) = self.channel_params(message.channel) else {
            return refuse(PROVIDER, "the channel is not carried");
        };
        let phone = phone_digits(&message.recipient);
        if phone.is_empty() {
            return refuse(PROVIDER, "no phone number");
        }
        let our_id = message.our_id.to_string();
        let mut form = self.auth.params();
        form.extend([
            ("phones", phone.as_str()),
            ("mes", message.text.as_str()),
            ("id", our_id.as_str()),
            ("charset", "utf-8"),
            ("fmt", "3"),
        ]);
        if !self.settings.sender.is_empty() {
            form.push(("sender", self.settings.sender.as_str()));
        }
        form.extend(flags);
        match post_form::<SendAnswer>(&self.client, PROVIDER, &self.send_url, &form).await {
            Ok(answer) => answer.outcome(),
            Err(failure) => SendOutcome::Refused(failure),
        }
    }

    async fn message_status(&self, message: &MessageRef) -> StatusOutcome {
        let phone = phone_digits(&message.recipient);
        let our_id = message.our_id.to_string();
        let mut form = self.auth.params();
        form.extend([
            ("phone", phone.as_str()),
            ("id", our_id.as_str()),
            ("charset", "utf-8"),
            ("fmt", "3"),
        ]);
        match post_form::<StatusAnswer>(&self.client, PROVIDER, &self.status_url, &form).await {
            Ok(answer) => answer.outcome(&our_id),
            Err(failure) => StatusOutcome::Unanswered(failure),
        }
    }
}

impl Gateway for SmscGateway {
    fn kind(&self) -> GatewayKind {
        GatewayKind::Smsc
    }

    fn channels(&self) -> &[ReminderChannel] {
        &self.channels
    }

    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, SendOutcome> {
        Box::pin(self.send_message(message))
    }

    fn status<'a>(&'a self, message: &'a MessageRef) -> BoxFuture<'a, StatusOutcome> {
        Box::pin(self.message_status(message))
    }
}

/// `{"id":N,"cnt":n}` or `{"error":"…","error_code":N}`.
#[derive(Debug, Deserialize)]
struct SendAnswer {
    id: Option<Value>,
    error: Option<String>,
    error_code: Option<i64>,
}

impl SendAnswer {
    fn outcome(self) -> SendOutcome {
        if let Some(code) = self.error_code {
            return SendOutcome::Refused(provider_error(code, self.error.as_deref()));
        }
        match self.id.as_ref().and_then(id_text) {
            Some(provider_id) => SendOutcome::Accepted { provider_id },
            None => SendOutcome::Refused(unexpected(PROVIDER, "no id")),
        }
    }
}

/// `{"status":N,"err":E,…}` or `{"error":"…","error_code":N}`.
#[derive(Debug, Deserialize)]
struct StatusAnswer {
    status: Option<i64>,
    err: Option<i64>,
    error: Option<String>,
    error_code: Option<i64>,
}

impl StatusAnswer {
    fn outcome(self, our_id: &str) -> StatusOutcome {
        match (self.error_code, self.status) {
            (Some(STATUS_NOT_FOUND), _) | (None, Some(STATUS_MISSING)) => StatusOutcome::NotFound,
            (Some(code), _) => {
                StatusOutcome::Unanswered(provider_error(code, self.error.as_deref()))
            }
            (None, Some(status)) => match smsc_delivery(status) {
                DeliveryState::Waiting => StatusOutcome::Waiting {
                    provider_id: Some(our_id.to_owned()),
                },
                DeliveryState::Delivered => StatusOutcome::Delivered,
                DeliveryState::Failed => StatusOutcome::Undelivered {
                    error: undelivered_text(status, self.err),
                },
            },
            (None, None) => StatusOutcome::Unanswered(unexpected(PROVIDER, "no status")),
        }
    }
}

fn undelivered_text(status: i64, err: Option<i64>) -> String {
    match err {
        Some(err) if err != 0 => format!("{PROVIDER}: status {status}, error {err}"),
        _ => format!("{PROVIDER}: status {status}"),
    }
}

/// «SMSC: 7 — invalid phone number format».
fn provider_error(code: i64, text: Option<&str>) -> GatewayFailure {
    let text = text.unwrap_or("no description");
    let class: FailureClass = classify_smsc(code);
    failure(class, format!("{PROVIDER}: {code} — {text}"))
}

/// SMSC answers the id as a number, or as text when it was ours and not
/// numeric.
fn id_text(id: &Value) -> Option<String> {
    match id {
        Value::Number(number) => Some(number.to_string()),
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        _ => None,
    }
}
