//! SMS.ru: `POST /sms/send` and `POST /sms/status` with `json=1`, in the
//! shapes of sms.ru/api: a request-level `status`/`status_code`, then one
//! entry per number (send) or per `sms_id` (status).

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value, json};

use crate::gateways::{Reply, Shared};
use crate::http::{Request, Response};
use crate::record::{Provider, Received, now_ms};
use crate::script::{Behaviour, Endpoint};

type Params = HashMap<String, String>;

const BALANCE: f64 = 4122.56;

/// Codes SMS.ru answers for the whole request rather than for one number.
fn is_request_level(code: i64) -> bool {
    matches!(code, 200 | 201 | 210 | 211 | 300 | 301 | 302)
}

fn status_text(code: i64) -> &'static str {
    match code {
        100 => "Сообщение находится в нашей очереди",
        101 => "Сообщение передается оператору",
        102 => "Сообщение отправлено (в пути)",
        103 => "Сообщение доставлено",
        104 => "Не может быть доставлено: время жизни истекло",
        105 => "Не может быть доставлено: удалено оператором",
        106 => "Не может быть доставлено: сбой в телефоне",
        107 => "Не может быть доставлено: неизвестная причина",
        108 => "Не может быть доставлено: отклонено",
        150 => "Не может быть доставлено: не найден маршрут на данный номер",
        200 => "Неправильный api_id",
        201 => "Не хватает средств на лицевом счету",
        202 => "Неправильно указан номер телефона получателя, либо на него нет маршрута",
        203 => "Нет текста сообщения",
        207 => "На этот номер нельзя отправлять сообщения",
        220 => "Сервис временно недоступен, попробуйте чуть позже",
        231 => "Превышен лимит одинаковых сообщений на этот номер в минуту",
        232 => "Превышен лимит одинаковых сообщений на этот номер за день",
        -1 => "Сообщение не найдено",
        _ => "Ошибка",
    }
}

pub(crate) fn send(shared: &Shared, request: &Request) -> Reply {
    let params = request.params();
    if let Some(refused) = check_auth(shared, &params) {
        return refused;
    }
    let phones: Vec<String> = param(&params, "to")
        .unwrap_or_default()
        .split(',')
        .map(|phone| phone.trim().trim_start_matches('+').to_owned())
        .filter(|phone| !phone.is_empty())
        .collect();
    let Some(first) = phones.first() else {
        return request_error(202);
    };
    let behaviour = shared.next_behaviour(Provider::SmsRu, Endpoint::Send, first);
    if let Some(reply) = Reply::transport(&behaviour) {
        return reply;
    }
    let Some(text) = param(&params, "msg") else {
        return request_error(203);
    };
    if let Behaviour::Error(code) = behaviour
        && is_request_level(code)
    {
        return request_error(code);
    }
    let mut entries = Map::new();
    for (index, phone) in phones.iter().enumerate() {
        // The first number's behaviour is already taken.
        let own = if index == 0 {
            behaviour.clone()
        } else {
            shared.next_behaviour(Provider::SmsRu, Endpoint::Send, phone)
        };
        entries.insert(phone.clone(), send_one(shared, &params, phone, text, &own));
    }
    if param(&params, "json") != Some("1") {
        return Reply::accepted(&behaviour, text_answer(&entries));
    }
    let answer = json!({
        "status": "OK",
        "status_code": 100,
        "sms": entries,
        "balance": BALANCE,
    });
    Reply::accepted(&behaviour, Response::json(200, &answer))
}

/// One number's entry; a digit string is required, as SMS.ru wants
/// `7XXXXXXXXXX`.
fn send_one(
    shared: &Shared,
    params: &Params,
    phone: &str,
    text: &str,
    behaviour: &Behaviour,
) -> Value {
    let refused = match behaviour {
        Behaviour::Error(code) => Some(*code),
        _ if !phone.chars().all(|c| c.is_ascii_digit()) || phone.len() < 11 => Some(202),
        _ => None,
    };
    if let Some(code) = refused {
        return json!({
            "status": "ERROR",
            "status_code": code,
            "status_text": status_text(code),
        });
    }
    let sms_id = format!("202612-{:06}", shared.next_id());
    shared.recorder.record(Received {
        provider: Provider::SmsRu,
        channel: "sms".into(),
        recipient: phone.to_owned(),
        text: text.to_owned(),
        subject: None,
        our_id: None,
        provider_id: sms_id.clone(),
        extra: extra(params),
        at_ms: now_ms(),
    });
    json!({ "status": "OK", "status_code": 100, "sms_id": sms_id })
}

/// The answer without `json=1`: a code per line, as SMS.ru writes it.
fn text_answer(entries: &Map<String, Value>) -> Response {
    let mut lines = vec!["100".to_owned()];
    for entry in entries.values() {
        let id = entry["sms_id"].as_str().unwrap_or_default();
        lines.push(id.to_owned());
    }
    lines.push(format!("balance={BALANCE}"));
    Response::text(200, &lines.join("\n"))
}

pub(crate) fn status(shared: &Shared, request: &Request) -> Reply {
    let params = request.params();
    if let Some(refused) = check_auth(shared, &params) {
        return refused;
    }
    let ids: Vec<String> = param(&params, "sms_id")
        .unwrap_or_default()
        .split(',')
        .map(|id| id.trim().to_owned())
        .filter(|id| !id.is_empty())
        .collect();
    let Some(first) = ids.first() else {
        return request_error(1);
    };
    let first_phone = recipient_of(shared, first).unwrap_or_else(|| first.clone());
    let behaviour = shared.next_behaviour(Provider::SmsRu, Endpoint::Status, &first_phone);
    if let Some(reply) = Reply::transport(&behaviour) {
        return reply;
    }
    if let Behaviour::Error(code) = behaviour {
        return request_error(code);
    }
    let entries: Map<String, Value> = ids
        .iter()
        .map(|id| (id.clone(), status_one(shared, id)))
        .collect();
    let answer = json!({
        "status": "OK",
        "status_code": 100,
        "sms": entries,
        "balance": BALANCE,
    });
    Reply::accepted(&behaviour, Response::json(200, &answer))
}

fn status_one(shared: &Shared, sms_id: &str) -> Value {
    let Some(phone) = recipient_of(shared, sms_id) else {
        return json!({
            "status": "ERROR",
            "status_code": -1,
            "status_text": status_text(-1),
        });
    };
    let code = shared.delivery(Provider::SmsRu, &phone).unwrap_or(103);
    json!({
        "status": "OK",
        "status_code": code,
        "cost": 0.5,
        "status_text": status_text(code),
    })
}

fn recipient_of(shared: &Shared, sms_id: &str) -> Option<String> {
    shared.recorder.find_map(|message| {
        (message.provider == Provider::SmsRu && message.provider_id == sms_id)
            .then(|| message.recipient.clone())
    })
}

fn check_auth(shared: &Shared, params: &Params) -> Option<Reply> {
    let known = param(params, "api_id") == Some(shared.credentials.smsru_api_id.as_str());
    (!known).then(|| request_error(200))
}

fn request_error(code: i64) -> Reply {
    Reply::Now(Response::json(
        200,
        &json!({
            "status": "ERROR",
            "status_code": code,
            "status_text": status_text(code),
        }),
    ))
}

fn extra(params: &Params) -> BTreeMap<String, String> {
    ["from", "test", "json"]
        .into_iter()
        .filter_map(|name| Some((name.to_owned(), param(params, name)?.to_owned())))
        .collect()
}

fn param<'a>(params: &'a Params, name: &str) -> Option<&'a str> {
    params
        .get(name)
        .map(String::as_str)
        .filter(|value| !value.is_empty())
}
