//! The Telegram Bot API: `/bot<token>/sendMessage`, `getUpdates` and `getMe`,
//! taking JSON, a form or a query as Telegram does, and answering
//! `{"ok":true,"result":…}` or `{"ok":false,"error_code":…,"description":…}`
//! with the HTTP status equal to `error_code`.

use std::collections::{BTreeMap, VecDeque};

use serde_json::{Value, json};

use crate::gateways::{Reply, Shared};
use crate::http::{Request, Response};
use crate::record::{Provider, Received, now_ms};
use crate::script::{Behaviour, Endpoint};

/// What `retry_after` a scripted `Error(429)` carries.
const DEFAULT_RETRY_AFTER: u64 = 3;

/// Messages written to the bot, waiting for `getUpdates`.
#[derive(Debug, Default)]
pub(crate) struct Updates {
    queue: VecDeque<Value>,
    last_update_id: i64,
    last_message_id: i64,
}

impl Updates {
    /// Queues a private message from `chat_id`; gives the update's id.
    pub(crate) fn push(&mut self, chat_id: i64, text: &str, first_name: &str) -> i64 {
        self.last_update_id += 1;
        self.last_message_id += 1;
        let mut message = json!({
            "message_id": self.last_message_id,
            "from": { "id": chat_id, "is_bot": false, "first_name": first_name, "language_code": "ru" },
            "chat": { "id": chat_id, "first_name": first_name, "type": "private" },
            "date": now_ms() / 1000,
            "text": text,
        });
        if let Some(command) = text
            .split_whitespace()
            .next()
            .filter(|w| w.starts_with('/'))
        {
            message["entities"] =
                json!([{ "offset": 0, "length": command.chars().count(), "type": "bot_command" }]);
        }
        self.queue
            .push_back(json!({ "update_id": self.last_update_id, "message": message }));
        self.last_update_id
    }

    /// Telegram's rule: asking with an offset confirms, and so forgets, every
    /// update below it.
    fn take_from(&mut self, offset: Option<i64>) -> Vec<Value> {
        if let Some(offset) = offset {
            self.queue
                .retain(|update| update["update_id"].as_i64().unwrap_or(0) >= offset);
        }
        self.queue.iter().cloned().collect()
    }
}

/// `rest` is the path after `/bot`: `<token>/<method>`.
pub(crate) fn handle(shared: &Shared, rest: &str, request: &Request) -> Reply {
    let Some((token, method)) = rest.split_once('/') else {
        return failure(404, "Not Found", None);
    };
    if token != shared.credentials.telegram_token {
        return failure(401, "Unauthorized", None);
    }
    match method {
        "sendMessage" => send_message(shared, request),
        "getUpdates" => get_updates(shared, request),
        "getMe" => ok(get_me(shared)),
        _ => failure(404, "Not Found: method not found", None),
    }
}

fn send_message(shared: &Shared, request: &Request) -> Reply {
    let fields = request.fields();
    let Some(chat_id) = fields.get("chat_id").filter(|id| !id.is_empty()) else {
        return failure(400, "Bad Request: chat_id is empty", None);
    };
    let Some(text) = fields.get("text").filter(|text| !text.is_empty()) else {
        return failure(400, "Bad Request: message text is empty", None);
    };
    let behaviour = shared.next_behaviour(Provider::Telegram, Endpoint::Send, chat_id);
    match behaviour {
        Behaviour::RateLimited(seconds) => return rate_limited(seconds),
        Behaviour::Error(429) => return rate_limited(DEFAULT_RETRY_AFTER),
        Behaviour::Error(code) => return failure(code, error_description(code), None),
        _ => {}
    }
    if let Some(reply) = Reply::transport(&behaviour) {
        return reply;
    }
    let message_id = shared.next_id();
    shared.recorder.record(Received {
        provider: Provider::Telegram,
        channel: "telegram".into(),
        recipient: chat_id.clone(),
        text: text.clone(),
        subject: None,
        our_id: None,
        provider_id: format!("{chat_id}:{message_id}"),
        extra: fields
            .get("parse_mode")
            .map(|mode| BTreeMap::from([("parse_mode".to_owned(), mode.clone())]))
            .unwrap_or_default(),
        at_ms: now_ms(),
    });
    let chat: Value = chat_id
        .parse::<i64>()
        .map_or_else(|_| json!(chat_id), |id| json!(id));
    let result = json!({
        "message_id": message_id,
        "from": bot(shared),
        "chat": { "id": chat, "type": "private" },
        "date": now_ms() / 1000,
        "text": text,
    });
    Reply::accepted(&behaviour, ok_response(result))
}

fn get_updates(shared: &Shared, request: &Request) -> Reply {
    let fields = request.fields();
    let offset = fields.get("offset").and_then(|offset| offset.parse().ok());
    let updates = shared.telegram_updates().take_from(offset);
    ok(Value::Array(updates))
}

fn get_me(shared: &Shared) -> Value {
    let mut me = bot(shared);
    me["can_join_groups"] = json!(true);
    me["can_read_all_group_messages"] = json!(false);
    me["supports_inline_queries"] = json!(false);
    me
}

fn bot(shared: &Shared) -> Value {
    let token = &shared.credentials.telegram_token;
    let id: i64 = token
        .split(':')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or(1);
    json!({
        "id": id,
        "is_bot": true,
        "first_name": "Remzona (fake)",
        "username": shared.credentials.telegram_bot_username,
    })
}

fn error_description(code: i64) -> &'static str {
    match code {
        400 => "Bad Request: chat not found",
        401 => "Unauthorized",
        403 => "Forbidden: bot was blocked by the user",
        404 => "Not Found",
        409 => "Conflict: terminated by other getUpdates request",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        _ => "Error",
    }
}

fn ok(result: Value) -> Reply {
    Reply::Now(ok_response(result))
}

fn ok_response(result: Value) -> Response {
    Response::json(200, &json!({ "ok": true, "result": result }))
}

fn rate_limited(seconds: u64) -> Reply {
    failure(
        429,
        &format!("Too Many Requests: retry after {seconds}"),
        Some(json!({ "retry_after": seconds })),
    )
}

fn failure(code: i64, description: &str, parameters: Option<Value>) -> Reply {
    let mut answer = json!({ "ok": false, "error_code": code, "description": description });
    if let Some(parameters) = parameters {
        answer["parameters"] = parameters;
    }
    let status = u16::try_from(code)
        .ok()
        .filter(|status| (400..=599).contains(status))
        .unwrap_or(400);
    Reply::Now(Response::json(status, &answer))
}
