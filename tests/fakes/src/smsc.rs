//! SMSC.ru: `/sys/send.php` and `/sys/status.php`, GET query or POST form.
//!
//! Answers JSON when asked with `fmt=3` and SMSC's plain text otherwise (so a
//! client that forgets `fmt=3` fails to parse the answer, as it would with
//! the real service).
//!
//! A second send with the same `id` to the same phone is not delivered again:
//! it is refused with error 9. SMSC documents error 9 for a repeated identical
//! request (its flood protection); the fake applies it to any repeat of our
//! id for ever, the strict reading that the dispatcher's exactly-once tests
//! need. Status requests for an id SMSC never got answer error 3, «message
//! not found».

use std::collections::{BTreeMap, HashMap};

use serde_json::{Value, json};

use crate::gateways::{Reply, Shared};
use crate::http::{Request, Response};
use crate::record::{Provider, Received, now_ms};
use crate::script::{Behaviour, Endpoint};

type Params = HashMap<String, String>;

/// SMSC's `error` words for its `error_code`s (send and status).
fn error_text(code: i64) -> &'static str {
    match code {
        1 => "parameters error",
        2 => "authorise error",
        3 => "no money",
        4 => "IP address is temporarily blocked",
        5 => "invalid date format",
        6 => "message is denied",
        7 => "invalid phone number format",
        8 => "can't deliver the message",
        9 => "duplicate request, wait a minute",
        _ => "error",
    }
}

/// `status.php` has its own meaning for 3.
const STATUS_NOT_FOUND: i64 = 3;

pub(crate) fn send(shared: &Shared, request: &Request) -> Reply {
    let params = request.params();
    if let Some(refused) = check_auth(shared, &params) {
        return refused;
    }
    let (Some(phones), Some(text)) = (param(&params, "phones"), param(&params, "mes")) else {
        return error(&params, 1, error_text(1));
    };
    let phone = phones.trim_start_matches('+').to_owned();
    if phone.is_empty() || !phone.chars().all(|c| c.is_ascii_digit()) {
        return error(&params, 7, error_text(7));
    }
    let behaviour = shared.next_behaviour(Provider::Smsc, Endpoint::Send, &phone);
    if let Some(reply) = Reply::transport(&behaviour) {
        return reply;
    }
    if let Behaviour::Error(code) = behaviour {
        return error(&params, code, error_text(code));
    }
    let our_id = param(&params, "id").map(str::to_owned);
    if let Some(id) = &our_id
        && already_sent(shared, &phone, id)
    {
        return error(&params, 9, error_text(9));
    }
    let provider_id = our_id
        .clone()
        .unwrap_or_else(|| shared.next_id().to_string());
    shared.recorder.record(Received {
        provider: Provider::Smsc,
        channel: channel(&params).to_owned(),
        recipient: phone,
        text: text.to_owned(),
        subject: None,
        our_id,
        provider_id: provider_id.clone(),
        extra: extra(&params),
        at_ms: now_ms(),
    });
    let answer = if is_json(&params) {
        Response::json(200, &json!({ "id": id_value(&provider_id), "cnt": 1 }))
    } else {
        Response::text(200, &format!("OK - 1 SMS, ID - {provider_id}"))
    };
    Reply::accepted(&behaviour, answer)
}

pub(crate) fn status(shared: &Shared, request: &Request) -> Reply {
    let params = request.params();
    if let Some(refused) = check_auth(shared, &params) {
        return refused;
    }
    let (Some(phone), Some(id)) = (param(&params, "phone"), param(&params, "id")) else {
        return error(&params, 1, error_text(1));
    };
    // A single status may be asked as a one-item list: `phone=79…,&id=42,`.
    let phone = phone
        .trim_end_matches(',')
        .trim_start_matches('+')
        .to_owned();
    let id = id.trim_end_matches(',').to_owned();
    let behaviour = shared.next_behaviour(Provider::Smsc, Endpoint::Status, &phone);
    if let Some(reply) = Reply::transport(&behaviour) {
        return reply;
    }
    if let Behaviour::Error(code) = behaviour {
        return error(&params, code, error_text(code));
    }
    let known = shared.recorder.any(|message| {
        message.provider == Provider::Smsc
            && message.recipient == phone
            && message.provider_id == id
    });
    if !known {
        return error(&params, STATUS_NOT_FOUND, "message not found");
    }
    let code = shared.delivery(Provider::Smsc, &phone).unwrap_or(1);
    Reply::accepted(&behaviour, status_answer(&params, code))
}

fn status_answer(params: &Params, code: i64) -> Response {
    let now = now_ms() / 1000;
    if !is_json(params) {
        return Response::text(200, &format!("Status = {code}, check_time = {now}"));
    }
    let mut answer = json!({
        "status": code,
        "last_date": "01.12.2026 10:00:00",
        "last_timestamp": now,
        "flag": 0,
    });
    if code == 3 || code >= 20 {
        // The operator's reason, as SMSC adds it to failed messages.
        answer["err"] = json!(1);
    }
    Response::json(200, &answer)
}

/// `login` + `psw`, or `apikey` (alone, or with an empty `login`).
fn check_auth(shared: &Shared, params: &Params) -> Option<Reply> {
    let credentials = &shared.credentials;
    let by_password = param(params, "login") == Some(credentials.smsc_login.as_str())
        && param(params, "psw") == Some(credentials.smsc_password.as_str());
    let by_key = param(params, "apikey") == Some(credentials.smsc_apikey.as_str());
    if by_password || by_key {
        None
    } else {
        Some(error(params, 2, error_text(2)))
    }
}

fn already_sent(shared: &Shared, phone: &str, our_id: &str) -> bool {
    shared.recorder.any(|message| {
        message.provider == Provider::Smsc
            && message.recipient == phone
            && message.our_id.as_deref() == Some(our_id)
    })
}

fn error(params: &Params, code: i64, text: &str) -> Reply {
    let answer = if is_json(params) {
        Response::json(200, &json!({ "error": text, "error_code": code }))
    } else {
        Response::text(200, &format!("ERROR = {code} ({text})"))
    };
    Reply::Now(answer)
}

fn channel(params: &Params) -> &'static str {
    let flag = |name: &str| param(params, name) == Some("1");
    if flag("viber") {
        "viber"
    } else if flag("call") {
        "voice"
    } else if flag("tg") {
        "telegram"
    } else {
        "sms"
    }
}

fn extra(params: &Params) -> BTreeMap<String, String> {
    [
        "sender", "voice", "param", "charset", "fmt", "viber", "call", "tg",
    ]
    .into_iter()
    .filter_map(|name| Some((name.to_owned(), param(params, name)?.to_owned())))
    .collect()
}

fn is_json(params: &Params) -> bool {
    param(params, "fmt") == Some("3")
}

/// A numeric id as a JSON number, as SMSC answers it.
fn id_value(id: &str) -> Value {
    id.parse::<u64>()
        .map_or_else(|_| json!(id), |number| json!(number))
}

fn param<'a>(params: &'a Params, name: &str) -> Option<&'a str> {
    params
        .get(name)
        .map(String::as_str)
        .filter(|value| !value.is_empty())
}
