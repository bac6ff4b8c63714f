//! SMS.ru: SMS only. `POST /sms/send` answers a request-level `status` and
//! `status_code`, then one entry per number with its own code and `sms_id`;
//! `POST /sms/status` answers one entry per `sms_id`. SMS.ru cannot be asked
//! about our own id: a message is known by the `sms_id` it was given.

use std::collections::HashMap;

use serde::Deserialize;

use crate::domain::client::ReminderChannel;
use crate::domain::reminder::gateways::SmsRuSettings;
use crate::domain::reminder::outbox::{
    DeliveryState, FailureClass, classify_smsru, smsru_delivery,
};
use crate::reminders::gateway::{
    BoxFuture, Gateway, GatewayFailure, GatewayKind, MessageRef, OutgoingMessage, SendOutcome,
    StatusOutcome,
};
use crate::reminders::gateways::{
    GatewaySetupError, Timeouts, endpoint, failure, http_client, phone_digits, post_form, refuse,
    unexpected,
};

const PROVIDER: &str = "SMS.ru";
const CHANNELS: [ReminderChannel; 1] = [ReminderChannel::Sms];
/// A per-message status code for an `sms_id` SMS.ru does not know.
const NOT_FOUND: i64 = -1;

#[derive(Clone)]
pub struct SmsRuGateway {
    client: reqwest::Client,
    send_url: reqwest::Url,
    status_url: reqwest::Url,
    settings: SmsRuSettings,
    api_id: String,
}

/// Written by hand so the `api_id` never reaches a log through `{:?}`.
impl std::fmt::Debug for SmsRuGateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsRuGateway")
            .field("send_url", &self.send_url)
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl SmsRuGateway {
    pub fn new(
        settings: SmsRuSettings,
        api_id: String,
        timeouts: Timeouts,
    ) -> Result<SmsRuGateway, GatewaySetupError> {
        Ok(SmsRuGateway {
            client: http_client(timeouts)?,
            send_url: endpoint(&settings.base_url, "/sms/send")?,
            status_url: endpoint(&settings.base_url, "/sms/status")?,
            settings,
            api_id,
        })
    }

    async fn send_message(&self, message: &OutgoingMessage) -> SendOutcome {
        if message.channel != ReminderChannel::Sms {
            return refuse(PROVIDER, "only SMS is carried");
        }
        let phone = phone_digits(&message.recipient);
        if phone.is_empty() {
            return refuse(PROVIDER, "no phone number");
        }
        let mut form = vec![
            ("api_id", self.api_id.as_str()),
            ("to", phone.as_str()),
            ("msg", message.text.as_str()),
            ("json", "1"),
        ];
        if !self.settings.sender.is_empty() {
            form.push(("from", self.settings.sender.as_str()));
        }
        if self.settings.test {
            form.push(("test", "1"));
        }
        match post_form::<Answer>(&self.client, PROVIDER, &self.send_url, &form).await {
            Ok(answer) => answer.send_outcome(&phone),
            Err(failure) => SendOutcome::Refused(failure),
        }
    }

    async fn message_status(&self, message: &MessageRef) -> StatusOutcome {
        let Some(sms_id) = message.provider_id.as_deref() else {
            return StatusOutcome::Unanswered(failure(
                FailureClass::Permanent,
                format!("{PROVIDER}: a message is asked about by its sms_id only"),
            ));
        };
        let form = [
            ("api_id", self.api_id.as_str()),
            ("sms_id", sms_id),
            ("json", "1"),
        ];
        match post_form::<Answer>(&self.client, PROVIDER, &self.status_url, &form).await {
            Ok(answer) => answer.status_outcome(sms_id),
            Err(failure) => StatusOutcome::Unanswered(failure),
        }
    }
}

impl Gateway for SmsRuGateway {
    fn kind(&self) -> GatewayKind {
        GatewayKind::SmsRu
    }

    fn channels(&self) -> &[ReminderChannel] {
        &CHANNELS
    }

    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, SendOutcome> {
        Box::pin(self.send_message(message))
    }

    fn status<'a>(&'a self, message: &'a MessageRef) -> BoxFuture<'a, StatusOutcome> {
        Box::pin(self.message_status(message))
    }
}

/// The answer of both requests: the request's status, then one entry per
/// number (send) or per `sms_id` (status).
#[derive(Debug, Deserialize)]
struct Answer {
    status: String,
    status_code: i64,
    status_text: Option<String>,
    #[serde(default)]
    sms: HashMap<String, Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    status: String,
    status_code: i64,
    sms_id: Option<String>,
    status_text: Option<String>,
}

impl Answer {
    /// A failure of the whole request (a bad `api_id`, no funds, …).
    fn refused(&self) -> Option<GatewayFailure> {
        (self.status != "OK").then(|| code_failure(self.status_code, self.status_text.as_deref()))
    }

    fn send_outcome(self, phone: &str) -> SendOutcome {
        if let Some(failure) = self.refused() {
            return SendOutcome::Refused(failure);
        }
        let Some(entry) = self.sms.get(phone).or_else(|| self.sms.values().next()) else {
            return SendOutcome::Refused(unexpected(PROVIDER, "no entry for the number"));
        };
        match (entry.status.as_str(), &entry.sms_id) {
            ("OK", Some(sms_id)) => SendOutcome::Accepted {
                provider_id: sms_id.clone(),
            },
            ("OK", None) => SendOutcome::Refused(unexpected(PROVIDER, "no sms_id")),
            _ => SendOutcome::Refused(code_failure(
                entry.status_code,
                entry.status_text.as_deref(),
            )),
        }
    }

    fn status_outcome(self, sms_id: &str) -> StatusOutcome {
        if let Some(failure) = self.refused() {
            return StatusOutcome::Unanswered(failure);
        }
        let Some(entry) = self.sms.get(sms_id) else {
            return StatusOutcome::Unanswered(unexpected(PROVIDER, "no entry for the sms_id"));
        };
        if entry.status_code == NOT_FOUND {
            return StatusOutcome::NotFound;
        }
        if entry.status != "OK" {
            return StatusOutcome::Unanswered(code_failure(
                entry.status_code,
                entry.status_text.as_deref(),
            ));
        }
        match smsru_delivery(entry.status_code) {
            DeliveryState::Waiting => StatusOutcome::Waiting {
                provider_id: Some(sms_id.to_owned()),
            },
            DeliveryState::Delivered => StatusOutcome::Delivered,
            DeliveryState::Failed => StatusOutcome::Undelivered {
                error: describe(entry.status_code, entry.status_text.as_deref()),
            },
        }
    }
}

fn code_failure(code: i64, text: Option<&str>) -> GatewayFailure {
    failure(classify_smsru(code), describe(code, text))
}

/// «SMS.ru: 202 — Неправильно указан номер телефона получателя…».
fn describe(code: i64, text: Option<&str>) -> String {
    match text {
        Some(text) => format!("{PROVIDER}: {code} — {text}"),
        None => format!("{PROVIDER}: {code}"),
    }
}
