//! The Telegram Bot API. A bot may write only to a client who started it, so
//! the client opens the deep link `https://t.me/<bot>?start=<code>` (from a
//! QR code at the desk or a message), presses Start, and the bot receives
//! `/start <code>`: [`TelegramGateway::get_updates`] hands such commands to
//! the caller, which binds the chat to the client the code was made for.
//!
//! Answers are `{"ok":true,"result":…}` or `{"ok":false,"error_code":N,
//! "description":…,"parameters":{"retry_after":S}}`, with the HTTP status
//! equal to `error_code`. The Bot API reports no delivery, so `status`
//! answers waiting.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::domain::client::ReminderChannel;
use crate::domain::reminder::gateways::TelegramSettings;
use crate::domain::reminder::outbox::classify_telegram;
use crate::reminders::gateway::{
    BoxFuture, Gateway, GatewayFailure, GatewayKind, MessageRef, OutgoingMessage, SendOutcome,
    StatusOutcome,
};
use crate::reminders::gateways::{
    GatewaySetupError, Timeouts, endpoint, http_client, http_failure, network_failure, refuse,
    retry_after, snippet, unexpected,
};

const PROVIDER: &str = "Telegram";
const CHANNELS: [ReminderChannel; 1] = [ReminderChannel::Telegram];

/// `https://t.me/<bot>?start=<code>`: the link that opens the bot and, on
/// Start, sends it `/start <code>`. Telegram allows `A-Z a-z 0-9 _ -` in the
/// code, at most 64 of them; the caller makes codes of those.
pub fn deep_link(bot_username: &str, code: &str) -> String {
    let bot = bot_username.trim().trim_start_matches('@');
    format!("https://t.me/{bot}?start={code}")
}

/// A client pressed Start through a deep link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartCommand {
    pub update_id: i64,
    /// Where the bot may write to this client from now on.
    pub chat_id: i64,
    /// The deep link's code.
    pub code: String,
    /// The client's name in Telegram, for the operator to recognise.
    pub name: String,
}

/// What one `getUpdates` call brought.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartUpdates {
    pub starts: Vec<StartCommand>,
    /// The offset for the next call: it confirms every update seen now,
    /// Start or not, so none comes again. `None` when nothing came.
    pub next_offset: Option<i64>,
}

#[derive(Clone)]
pub struct TelegramGateway {
    client: reqwest::Client,
    send_url: reqwest::Url,
    updates_url: reqwest::Url,
    settings: TelegramSettings,
}

/// Written by hand: the URLs hold the bot's token.
impl std::fmt::Debug for TelegramGateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TelegramGateway")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl TelegramGateway {
    pub fn new(
        settings: TelegramSettings,
        token: String,
        timeouts: Timeouts,
    ) -> Result<TelegramGateway, GatewaySetupError> {
        let bot = format!("/bot{}", token.trim());
        Ok(TelegramGateway {
            client: http_client(timeouts)?,
            send_url: endpoint(&settings.base_url, &format!("{bot}/sendMessage"))?,
            updates_url: endpoint(&settings.base_url, &format!("{bot}/getUpdates"))?,
            settings,
        })
    }

    /// The deep link of this bot for `code`.
    pub fn deep_link(&self, code: &str) -> String {
        deep_link(&self.settings.bot_username, code)
    }

    /// The `/start <code>` commands since `offset` (none: every update the
    /// Bot API still holds). Asks without waiting (`timeout=0`): the app
    /// polls now and then rather than holding a long poll open.
    pub async fn get_updates(&self, offset: Option<i64>) -> Result<StartUpdates, GatewayFailure> {
        let mut body = json!({ "timeout": 0, "allowed_updates": ["message"] });
        if let Some(offset) = offset {
            body["offset"] = json!(offset);
        }
        let result = self.call(&self.updates_url, &body).await?;
        let updates: Vec<Update> = serde_json::from_value(result)
            .map_err(|_| unexpected(PROVIDER, "updates of an unknown shape"))?;
        Ok(StartUpdates {
            next_offset: updates.iter().map(|update| update.update_id + 1).max(),
            starts: updates.iter().filter_map(Update::start_command).collect(),
        })
    }

    async fn send_message(&self, message: &OutgoingMessage) -> SendOutcome {
        if message.channel != ReminderChannel::Telegram {
            return refuse(PROVIDER, "only Telegram is carried");
        }
        let chat = message.recipient.trim();
        if chat.is_empty() {
            return refuse(PROVIDER, "no chat");
        }
        // A numeric id goes as a number; a `@channel` name as text.
        let chat_id = chat
            .parse::<i64>()
            .map_or_else(|_| json!(chat), |id| json!(id));
        let body = json!({ "chat_id": chat_id, "text": message.text });
        let result = match self.call(&self.send_url, &body).await {
            Ok(result) => result,
            Err(failure) => return SendOutcome::Refused(failure),
        };
        match result.get("message_id").and_then(Value::as_i64) {
            Some(message_id) => SendOutcome::Accepted {
                provider_id: format!("{chat}:{message_id}"),
            },
            None => SendOutcome::Refused(unexpected(PROVIDER, "no message_id")),
        }
    }

    /// POSTs a JSON body to a Bot API method and gives its `result`. The
    /// body is read whatever the HTTP status, since the Bot API explains its
    /// refusals in it.
    async fn call(&self, url: &reqwest::Url, body: &Value) -> Result<Value, GatewayFailure> {
        let response = self
            .client
            .post(url.clone())
            .json(body)
            .send()
            .await
            .map_err(|error| network_failure(PROVIDER, error))?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .bytes()
            .await
            .map_err(|error| network_failure(PROVIDER, error))?;
        let Ok(answer) = serde_json::from_slice::<Answer>(&bytes) else {
            return Err(if status.is_success() {
                unexpected(PROVIDER, &snippet(&bytes))
            } else {
                http_failure(PROVIDER, status, &headers)
            });
        };
        if answer.ok {
            return answer
                .result
                .ok_or_else(|| unexpected(PROVIDER, "no result"));
        }
        let code = answer
            .error_code
            .unwrap_or_else(|| i64::from(status.as_u16()));
        let description = answer.description.unwrap_or_default();
        Err(GatewayFailure {
            class: classify_telegram(code),
            error: format!("{PROVIDER}: {code} — {description}"),
            retry_after: answer
                .parameters
                .and_then(|parameters| parameters.retry_after)
                .map(std::time::Duration::from_secs)
                .or_else(|| retry_after(&headers)),
        })
    }
}

impl Gateway for TelegramGateway {
    fn kind(&self) -> GatewayKind {
        GatewayKind::TelegramBot
    }

    fn channels(&self) -> &[ReminderChannel] {
        &CHANNELS
    }

    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, SendOutcome> {
        Box::pin(self.send_message(message))
    }

    /// The Bot API reports no delivery: a sent message rests as sent.
    fn status<'a>(&'a self, _message: &'a MessageRef) -> BoxFuture<'a, StatusOutcome> {
        Box::pin(async { StatusOutcome::Waiting { provider_id: None } })
    }
}

#[derive(Debug, Deserialize)]
struct Answer {
    ok: bool,
    result: Option<Value>,
    error_code: Option<i64>,
    description: Option<String>,
    parameters: Option<Parameters>,
}

#[derive(Debug, Deserialize)]
struct Parameters {
    retry_after: Option<u64>,
}

#[derive(Debug, Deserialize)]
struct Update {
    update_id: i64,
    message: Option<Message>,
}

#[derive(Debug, Deserialize)]
struct Message {
    chat: Chat,
    text: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Chat {
    id: i64,
    first_name: Option<String>,
    last_name: Option<String>,
    username: Option<String>,
}

impl Update {
    /// `/start <code>` (or `/start@bot <code>`) in a message; a bare
    /// `/start`, typed without the link, carries no code and binds nothing.
    fn start_command(&self) -> Option<StartCommand> {
        let message = self.message.as_ref()?;
        let mut words = message.text.as_deref()?.split_whitespace();
        let command = words.next()?;
        if command != "/start" && !command.starts_with("/start@") {
            return None;
        }
        let code = words.next()?.to_owned();
        Some(StartCommand {
            update_id: self.update_id,
            chat_id: message.chat.id,
            code,
            name: message.chat.name(),
        })
    }
}

impl Chat {
    /// «Иван Петров», or the @username when the names are hidden.
    fn name(&self) -> String {
        let names: Vec<&str> = [&self.first_name, &self.last_name]
            .into_iter()
            .filter_map(|name| name.as_deref())
            .filter(|name| !name.is_empty())
            .collect();
        if names.is_empty() {
            self.username.clone().unwrap_or_default()
        } else {
            names.join(" ")
        }
    }
}
