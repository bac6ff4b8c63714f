//! Consent records. Consent to personal-data processing (152-ФЗ) and consent to
//! informational messages per channel are recorded with date, document version
//! and who recorded them. A withdrawal is a new record: nothing is ever erased,
//! so the shop can always show what it was allowed to do and when.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::client::ReminderChannel;
use crate::domain::validation::{IssueCode, Issues};

pub const MAX_DOCUMENT_VERSION: usize = 60;
pub const MAX_RECORDED_BY: usize = 100;
pub const MAX_CONSENT_NOTE: usize = 500;

/// What a consent is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ConsentTopic {
    PersonalData,
    Sms,
    Email,
    Telegram,
    Viber,
    Voice,
}

impl ConsentTopic {
    pub const ALL: [ConsentTopic; 6] = [
        ConsentTopic::PersonalData,
        ConsentTopic::Sms,
        ConsentTopic::Email,
        ConsentTopic::Telegram,
        ConsentTopic::Viber,
        ConsentTopic::Voice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConsentTopic::PersonalData => "personal_data",
            ConsentTopic::Sms => "sms",
            ConsentTopic::Email => "email",
            ConsentTopic::Telegram => "telegram",
            ConsentTopic::Viber => "viber",
            ConsentTopic::Voice => "voice",
        }
    }

    pub fn parse(text: &str) -> Option<ConsentTopic> {
        ConsentTopic::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// The consent an automatic message on `channel` needs; `None` for the
    /// operator's own call, which is not an automatic message.
    pub fn for_channel(channel: ReminderChannel) -> Option<ConsentTopic> {
        match channel {
            ReminderChannel::Call => None,
            ReminderChannel::Sms => Some(ConsentTopic::Sms),
            ReminderChannel::Email => Some(ConsentTopic::Email),
            ReminderChannel::Telegram => Some(ConsentTopic::Telegram),
            ReminderChannel::Viber => Some(ConsentTopic::Viber),
            ReminderChannel::Voice => Some(ConsentTopic::Voice),
        }
    }
}

/// What the consent panel sends to record a consent or its withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ConsentInput {
    pub topic: ConsentTopic,
    pub granted: bool,
    /// The version of the signed document, e.g. "Согласие на обработку ПДн, ред. 2025-09".
    pub document_version: String,
    /// The operator who recorded it.
    pub recorded_by: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidConsent {
    pub topic: ConsentTopic,
    pub granted: bool,
    pub document_version: String,
    pub recorded_by: String,
    pub note: String,
}

impl ConsentInput {
    pub fn validate(&self) -> Result<ValidConsent, Issues> {
        let mut issues = Issues::default();
        let document_version = issues.line(
            "documentVersion",
            &self.document_version,
            MAX_DOCUMENT_VERSION,
        );
        // A personal-data consent is a separate signed document since 1 Sep 2025:
        // which text the client signed must be on record.
        if self.granted && self.topic == ConsentTopic::PersonalData && document_version.is_empty() {
            issues.add("documentVersion", IssueCode::Required);
        }
        let recorded_by = issues.line("recordedBy", &self.recorded_by, MAX_RECORDED_BY);
        if recorded_by.is_empty() {
            issues.add("recordedBy", IssueCode::Required);
        }
        let note = issues.text("note", &self.note, MAX_CONSENT_NOTE);
        issues.into_result(ValidConsent {
            topic: self.topic,
            granted: self.granted,
            document_version,
            recorded_by,
            note,
        })
    }
}

/// One line of the consent log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ConsentRecord {
    pub topic: ConsentTopic,
    pub granted: bool,
    pub document_version: String,
    pub recorded_by: String,
    pub note: String,
    pub recorded_at: DateTime<Utc>,
}

/// Where a topic stands now: its latest record, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ConsentState {
    pub topic: ConsentTopic,
    pub granted: bool,
    pub latest: Option<ConsentRecord>,
}

/// The current state of every topic, from a log in any order.
pub fn current_states(log: &[ConsentRecord]) -> Vec<ConsentState> {
    ConsentTopic::ALL
        .into_iter()
        .map(|topic| {
            let latest = log
                .iter()
                .filter(|record| record.topic == topic)
                .max_by_key(|record| record.recorded_at)
                .cloned();
            ConsentState {
                topic,
                granted: latest.as_ref().is_some_and(|record| record.granted),
                latest,
            }
        })
        .collect()
}

/// The channels the shop may use for this client, in the client's order of
/// preference. Automatic messages need both a personal-data consent and the
/// channel's own consent; the operator's call needs neither.
pub fn allowed_channels(
    preferred: &[ReminderChannel],
    states: &[ConsentState],
) -> Vec<ReminderChannel> {
    let granted = |topic: ConsentTopic| states.iter().any(|s| s.topic == topic && s.granted);
    preferred
        .iter()
        .copied()
        .filter(|channel| match ConsentTopic::for_channel(*channel) {
            None => true,
            Some(topic) => granted(ConsentTopic::PersonalData) && granted(topic),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn record(topic: ConsentTopic, granted: bool, day: u32) -> ConsentRecord {
        ConsentRecord {
            topic,
            granted,
            document_version: "ред. 2025-09".into(),
            recorded_by: "Оператор".into(),
            note: String::new(),
            recorded_at: Utc
                .with_ymd_and_hms(2026, 11, day, 10, 0, 0)
                .single()
                .unwrap_or_default(),
        }
    }

    #[test]
    fn the_latest_record_decides() {
        use ConsentTopic::*;
        let log = [
            record(Sms, true, 1),
            record(Sms, false, 5),
            record(Email, true, 3),
        ];
        let states = current_states(&log);
        let granted = |t| {
            states
                .iter()
                .any(|s: &ConsentState| s.topic == t && s.granted)
        };
        assert!(!granted(Sms));
        assert!(granted(Email));
        assert!(!granted(PersonalData));
    }

    #[test]
    fn automatic_channels_need_both_consents() {
        use ConsentTopic::*;
        use ReminderChannel as C;
        let preferred = [C::Telegram, C::Sms, C::Call, C::Email];
        let without_pd = current_states(&[record(Sms, true, 1), record(Email, true, 1)]);
        assert_eq!(allowed_channels(&preferred, &without_pd), [C::Call]);
        let with_pd = current_states(&[
            record(PersonalData, true, 1),
            record(Sms, true, 1),
            record(Email, true, 1),
            record(Email, false, 2),
        ]);
        assert_eq!(allowed_channels(&preferred, &with_pd), [C::Sms, C::Call]);
    }

    #[test]
    fn personal_data_consent_names_its_document() {
        let input = ConsentInput {
            topic: ConsentTopic::PersonalData,
            granted: true,
            document_version: " ".into(),
            recorded_by: "".into(),
            note: String::new(),
        };
        let fields: Vec<String> = input
            .validate()
            .err()
            .map(|i| i.into_vec().into_iter().map(|i| i.field).collect())
            .unwrap_or_default();
        assert_eq!(fields, ["documentVersion", "recordedBy"]);
    }
}
