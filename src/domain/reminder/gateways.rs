//! The settings of the gateways that carry reminders: an SMTP server, SMSC.ru,
//! SMS.ru and a Telegram bot. Each has a draft as the settings form sends it,
//! validated into the settings the adapters take.
//!
//! Only what is safe to store and show is here. The secrets (the SMTP
//! password, the SMSC password or API key, the SMS.ru `api_id`, the bot
//! token) live in the system keychain and are handed to the adapters'
//! constructors separately, so they never reach the database or the web
//! front end.
//!
//! Every provider's base URL is a setting, so that tests and the e2e suite
//! point the adapters at local fakes; the form may leave it empty for the
//! provider's own address.

use serde::{Deserialize, Serialize};

use crate::domain::email::Email;
use crate::domain::validation::{IssueCode, Issues};

pub const DEFAULT_SMSC_URL: &str = "https://smsc.ru";
pub const DEFAULT_SMSRU_URL: &str = "https://sms.ru";
pub const DEFAULT_TELEGRAM_URL: &str = "https://api.telegram.org";

/// A DNS name is at most 253 characters.
pub const MAX_HOST: usize = 253;
pub const MAX_LOGIN: usize = 254;
pub const MAX_FROM_NAME: usize = 100;
pub const MAX_URL: usize = 2000;
/// An alphanumeric sender name: 11 characters, as operators allow.
pub const MAX_SENDER_LETTERS: usize = 11;
/// A numeric sender: a phone number of up to 15 digits.
pub const MAX_SENDER_DIGITS: usize = 15;
pub const MAX_PORT: u32 = 65_535;
/// Telegram's bounds of a bot's username.
pub const BOT_USERNAME_LEN: std::ops::RangeInclusive<usize> = 5..=32;

fn default_smsc_url() -> String {
    DEFAULT_SMSC_URL.to_owned()
}

fn default_smsru_url() -> String {
    DEFAULT_SMSRU_URL.to_owned()
}

fn default_telegram_url() -> String {
    DEFAULT_TELEGRAM_URL.to_owned()
}

/// How the SMTP connection is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SmtpSecurity {
    /// Plain text: only for a server on the shop's own network.
    None,
    /// STARTTLS, required (port 587): what most mail services offer.
    #[default]
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

impl SmtpSecurity {
    /// The port a server listens on for this security, when none is given.
    pub fn default_port(self) -> u16 {
        match self {
            SmtpSecurity::None => 25,
            SmtpSecurity::StartTls => 587,
            SmtpSecurity::Tls => 465,
        }
    }
}

/// An SMTP server to send e-mail through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    /// Empty: the server takes mail without a login.
    pub login: String,
    pub from_address: String,
    /// The shop's name, shown as the sender: `Автосервис «Гайка»`.
    pub from_name: String,
}

/// The SMTP part of the settings form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SmtpSettingsDraft {
    pub host: String,
    /// `None`: the usual port of the chosen security.
    pub port: Option<u32>,
    pub security: SmtpSecurity,
    pub login: String,
    pub from_address: String,
    pub from_name: String,
}

impl SmtpSettingsDraft {
    /// Every problem at once: `host` and `fromAddress` are `required`; a host
    /// with spaces, slashes or a scheme is `unknown_value`; `port` outside
    /// 1..=65535 is `out_of_range`; a bad sender address is `email_invalid`;
    /// long texts are `too_long`.
    pub fn validate(&self) -> Result<SmtpSettings, Issues> {
        let mut issues = Issues::default();
        let host = host_field("host", &self.host, &mut issues);
        let port = match self.port {
            None => self.security.default_port(),
            Some(port) => port_field(port, &mut issues),
        };
        let login = issues.line("login", &self.login, MAX_LOGIN);
        let from_address = email_field("fromAddress", &self.from_address, &mut issues);
        let from_name = issues.line("fromName", &self.from_name, MAX_FROM_NAME);
        issues.into_result(SmtpSettings {
            host,
            port,
            security: self.security,
            login,
            from_address,
            from_name,
        })
    }
}

impl From<&SmtpSettings> for SmtpSettingsDraft {
    fn from(settings: &SmtpSettings) -> Self {
        SmtpSettingsDraft {
            host: settings.host.clone(),
            port: Some(u32::from(settings.port)),
            security: settings.security,
            login: settings.login.clone(),
            from_address: settings.from_address.clone(),
            from_name: settings.from_name.clone(),
        }
    }
}

/// The voice of SMSC's text-to-speech calls.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum VoiceGender {
    #[default]
    #[serde(rename = "m")]
    Male,
    #[serde(rename = "w")]
    Female,
}

impl VoiceGender {
    /// SMSC's `voice` parameter.
    pub fn as_param(self) -> &'static str {
        match self {
            VoiceGender::Male => "m",
            VoiceGender::Female => "w",
        }
    }
}

/// SMSC.ru: SMS, and where the account has them, Viber, voice calls and
/// Telegram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SmscSettings {
    #[serde(default = "default_smsc_url")]
    pub base_url: String,
    /// Empty: the secret is an API key (`apikey`) instead of a password.
    pub login: String,
    /// The sender name agreed with SMSC; empty: the account's default.
    pub sender: String,
    /// The channels this account is to carry.
    pub sms: bool,
    pub viber: bool,
    pub voice: bool,
    pub telegram: bool,
    pub voice_gender: VoiceGender,
}

impl Default for SmscSettings {
    fn default() -> Self {
        SmscSettings {
            base_url: default_smsc_url(),
            login: String::new(),
            sender: String::new(),
            sms: true,
            viber: false,
            voice: false,
            telegram: false,
            voice_gender: VoiceGender::default(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SmscSettingsDraft {
    /// Empty: SMSC's own address.
    pub base_url: String,
    pub login: String,
    pub sender: String,
    pub sms: bool,
    pub viber: bool,
    pub voice: bool,
    pub telegram: bool,
    pub voice_gender: VoiceGender,
}

impl SmscSettingsDraft {
    /// `baseUrl` that is not an http(s) URL is `unknown_value`; a `sender`
    /// longer than 11 characters (15 digits) and long texts are `too_long`.
    pub fn validate(&self) -> Result<SmscSettings, Issues> {
        let mut issues = Issues::default();
        let base_url = url_field("baseUrl", &self.base_url, DEFAULT_SMSC_URL, &mut issues);
        let login = issues.line("login", &self.login, MAX_LOGIN);
        let sender = sender_field("sender", &self.sender, &mut issues);
        issues.into_result(SmscSettings {
            base_url,
            login,
            sender,
            sms: self.sms,
            viber: self.viber,
            voice: self.voice,
            telegram: self.telegram,
            voice_gender: self.voice_gender,
        })
    }
}

impl From<&SmscSettings> for SmscSettingsDraft {
    fn from(settings: &SmscSettings) -> Self {
        SmscSettingsDraft {
            base_url: settings.base_url.clone(),
            login: settings.login.clone(),
            sender: settings.sender.clone(),
            sms: settings.sms,
            viber: settings.viber,
            voice: settings.voice,
            telegram: settings.telegram,
            voice_gender: settings.voice_gender,
        }
    }
}

/// SMS.ru: SMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SmsRuSettings {
    #[serde(default = "default_smsru_url")]
    pub base_url: String,
    /// The sender name agreed with SMS.ru; empty: the account's default.
    pub sender: String,
    /// SMS.ru's test mode (`test=1`): accepted and charged nothing, never sent.
    pub test: bool,
}

impl Default for SmsRuSettings {
    fn default() -> Self {
        SmsRuSettings {
            base_url: default_smsru_url(),
            sender: String::new(),
            test: false,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SmsRuSettingsDraft {
    /// Empty: SMS.ru's own address.
    pub base_url: String,
    pub sender: String,
    pub test: bool,
}

impl SmsRuSettingsDraft {
    /// As [`SmscSettingsDraft::validate`] for `baseUrl` and `sender`.
    pub fn validate(&self) -> Result<SmsRuSettings, Issues> {
        let mut issues = Issues::default();
        let base_url = url_field("baseUrl", &self.base_url, DEFAULT_SMSRU_URL, &mut issues);
        let sender = sender_field("sender", &self.sender, &mut issues);
        issues.into_result(SmsRuSettings {
            base_url,
            sender,
            test: self.test,
        })
    }
}

impl From<&SmsRuSettings> for SmsRuSettingsDraft {
    fn from(settings: &SmsRuSettings) -> Self {
        SmsRuSettingsDraft {
            base_url: settings.base_url.clone(),
            sender: settings.sender.clone(),
            test: settings.test,
        }
    }
}

/// The shop's Telegram bot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TelegramSettings {
    #[serde(default = "default_telegram_url")]
    pub base_url: String,
    /// Without the `@`: `gaika_service_bot`. The deep link a client opens is
    /// built from it.
    pub bot_username: String,
}

impl Default for TelegramSettings {
    fn default() -> Self {
        TelegramSettings {
            base_url: default_telegram_url(),
            bot_username: String::new(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TelegramSettingsDraft {
    /// Empty: the Bot API's own address.
    pub base_url: String,
    /// With or without the `@`.
    pub bot_username: String,
}

impl TelegramSettingsDraft {
    /// `botUsername` is `required`, and `unknown_value` unless it is 5 to 32
    /// Latin letters, digits and underscores ending in `bot`, as Telegram
    /// requires; `baseUrl` as for the other gateways.
    pub fn validate(&self) -> Result<TelegramSettings, Issues> {
        let mut issues = Issues::default();
        let base_url = url_field("baseUrl", &self.base_url, DEFAULT_TELEGRAM_URL, &mut issues);
        let bot_username = self.bot_username.trim().trim_start_matches('@').to_owned();
        if bot_username.is_empty() {
            issues.add("botUsername", IssueCode::Required);
        } else if !is_bot_username(&bot_username) {
            issues.add("botUsername", IssueCode::UnknownValue);
        }
        issues.into_result(TelegramSettings {
            base_url,
            bot_username,
        })
    }
}

impl From<&TelegramSettings> for TelegramSettingsDraft {
    fn from(settings: &TelegramSettings) -> Self {
        TelegramSettingsDraft {
            base_url: settings.base_url.clone(),
            bot_username: settings.bot_username.clone(),
        }
    }
}

fn is_bot_username(name: &str) -> bool {
    BOT_USERNAME_LEN.contains(&name.len())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name.to_ascii_lowercase().ends_with("bot")
}

/// A host name or an address: no spaces, no scheme, no path.
fn host_field(field: &str, value: &str, issues: &mut Issues) -> String {
    let host = issues.line(field, value, MAX_HOST);
    if host.is_empty() {
        issues.add(field, IssueCode::Required);
    } else if host.contains([' ', '/', '@', '?', '#']) {
        issues.add(field, IssueCode::UnknownValue);
    }
    host
}

fn port_field(port: u32, issues: &mut Issues) -> u16 {
    match u16::try_from(port) {
        Ok(port) if port > 0 => port,
        _ => {
            issues.add_limit("port", IssueCode::OutOfRange, MAX_PORT as usize);
            0
        }
    }
}

fn email_field(field: &str, value: &str, issues: &mut Issues) -> String {
    let text = value.trim();
    if text.is_empty() {
        issues.add(field, IssueCode::Required);
        return String::new();
    }
    match Email::parse(text) {
        Ok(email) => email.as_str().to_owned(),
        Err(_) => {
            issues.add(field, IssueCode::EmailInvalid);
            text.to_owned()
        }
    }
}

/// An http(s) URL with a host, without a trailing slash; empty gives
/// `default`.
fn url_field(field: &str, value: &str, default: &str, issues: &mut Issues) -> String {
    let url = value.trim().trim_end_matches('/');
    if url.is_empty() {
        return default.to_owned();
    }
    if url.chars().count() > MAX_URL {
        issues.add_limit(field, IssueCode::TooLong, MAX_URL);
    } else if !is_http_url(url) {
        issues.add(field, IssueCode::UnknownValue);
    }
    url.to_owned()
}

/// `http://` or `https://`, then a host (with an optional port and path),
/// and no whitespace anywhere.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(host, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                host
            } else {
                authority
            }
        });
    !host.is_empty()
        && !host.contains('@')
        && !url.chars().any(char::is_whitespace)
        && !host.starts_with('.')
}

/// A sender name: up to 11 characters, or 15 when it is a number.
fn sender_field(field: &str, value: &str, issues: &mut Issues) -> String {
    let sender = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let digits = sender.trim_start_matches('+');
    let max = if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        MAX_SENDER_DIGITS
    } else {
        MAX_SENDER_LETTERS
    };
    if sender.trim_start_matches('+').chars().count() > max {
        issues.add_limit(field, IssueCode::TooLong, max);
    }
    sender
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The issues of a result as `field: code` pairs.
    fn problems<T>(result: Result<T, Issues>) -> Vec<(String, IssueCode)> {
        match result {
            Ok(_) => Vec::new(),
            Err(issues) => issues
                .into_vec()
                .into_iter()
                .map(|issue| (issue.field, issue.issue))
                .collect(),
        }
    }

    fn smtp_draft() -> SmtpSettingsDraft {
        SmtpSettingsDraft {
            host: " smtp.yandex.ru ".into(),
            port: None,
            security: SmtpSecurity::StartTls,
            login: "service@gaika.ru".into(),
            from_address: "Service@Gaika.RU".into(),
            from_name: "Автосервис  «Гайка»".into(),
        }
    }

    #[test]
    fn smtp_settings() {
        let settings = smtp_draft().validate().expect("valid");
        assert_eq!(
            settings,
            SmtpSettings {
                host: "smtp.yandex.ru".into(),
                port: 587,
                security: SmtpSecurity::StartTls,
                login: "service@gaika.ru".into(),
                from_address: "Service@gaika.ru".into(),
                from_name: "Автосервис «Гайка»".into(),
            }
        );
        assert_eq!(
            SmtpSettingsDraft::from(&settings).validate(),
            Ok(settings.clone()),
            "a round trip through the form keeps the settings"
        );
        let ports = [
            (SmtpSecurity::None, None, Some(25)),
            (SmtpSecurity::Tls, None, Some(465)),
            (SmtpSecurity::Tls, Some(2525), Some(2525)),
            (SmtpSecurity::StartTls, Some(0), None),
            (SmtpSecurity::StartTls, Some(65_536), None),
        ];
        for (security, port, expected) in ports {
            let draft = SmtpSettingsDraft {
                security,
                port,
                ..smtp_draft()
            };
            assert_eq!(draft.validate().ok().map(|s| s.port), expected, "{port:?}");
        }
        let bad = SmtpSettingsDraft {
            host: "smtp://mail.ru".into(),
            port: Some(70_000),
            from_address: "service@gaika".into(),
            from_name: "Я".repeat(MAX_FROM_NAME + 1),
            ..smtp_draft()
        };
        assert_eq!(
            problems(bad.validate()),
            [
                ("host".into(), IssueCode::UnknownValue),
                ("port".into(), IssueCode::OutOfRange),
                ("fromAddress".into(), IssueCode::EmailInvalid),
                ("fromName".into(), IssueCode::TooLong),
            ]
        );
        let empty = SmtpSettingsDraft::default();
        assert_eq!(
            problems(empty.validate()),
            [
                ("host".into(), IssueCode::Required),
                ("fromAddress".into(), IssueCode::Required),
            ]
        );
    }

    #[test]
    fn base_urls() {
        let table = [
            ("", Some(DEFAULT_SMSC_URL)),
            ("  ", Some(DEFAULT_SMSC_URL)),
            ("https://smsc.ru/", Some("https://smsc.ru")),
            ("http://127.0.0.1:41234", Some("http://127.0.0.1:41234")),
            ("HTTPS://www2.smsc.ru", Some("HTTPS://www2.smsc.ru")),
            (
                "http://localhost:8080/fake",
                Some("http://localhost:8080/fake"),
            ),
            ("smsc.ru", None),
            ("ftp://smsc.ru", None),
            ("https://", None),
            ("https:///sys", None),
            ("https://sm sc.ru", None),
            ("https://user@smsc.ru", None),
        ];
        for (input, expected) in table {
            let draft = SmscSettingsDraft {
                base_url: input.into(),
                ..SmscSettingsDraft::default()
            };
            let got = draft.validate().map(|s| s.base_url);
            match expected {
                Some(url) => assert_eq!(got.as_deref(), Ok(url), "{input:?}"),
                None => assert_eq!(
                    problems(got),
                    [("baseUrl".into(), IssueCode::UnknownValue)],
                    "{input:?}"
                ),
            }
        }
    }

    #[test]
    fn senders() {
        let table = [
            ("", true),
            ("Gaika", true),
            ("GaikaServis", true),
            ("GaikaServis1", false),
            ("+79161234567", true),
            ("791612345678901", true),
            ("7916123456789012", false),
        ];
        for (sender, ok) in table {
            let smsc = SmscSettingsDraft {
                sender: sender.into(),
                ..SmscSettingsDraft::default()
            };
            let smsru = SmsRuSettingsDraft {
                sender: sender.into(),
                ..SmsRuSettingsDraft::default()
            };
            assert_eq!(smsc.validate().is_ok(), ok, "SMSC {sender:?}");
            assert_eq!(smsru.validate().is_ok(), ok, "SMS.ru {sender:?}");
        }
        let defaults = SmsRuSettingsDraft::default().validate().expect("valid");
        assert_eq!(defaults, SmsRuSettings::default());
        let smsc = SmscSettingsDraft::from(&SmscSettings::default())
            .validate()
            .expect("valid");
        assert_eq!(smsc, SmscSettings::default());
    }

    #[test]
    fn bot_usernames() {
        let table = [
            ("gaika_service_bot", Ok("gaika_service_bot")),
            ("@GaikaBot", Ok("GaikaBot")),
            (" @gaika_bot ", Ok("gaika_bot")),
            ("", Err(IssueCode::Required)),
            ("@", Err(IssueCode::Required)),
            ("gaika", Err(IssueCode::UnknownValue)),
            ("bot", Err(IssueCode::UnknownValue)),
            ("гайка_bot", Err(IssueCode::UnknownValue)),
            ("gaika-service-bot", Err(IssueCode::UnknownValue)),
            (
                "a_very_long_name_of_a_service_bot",
                Err(IssueCode::UnknownValue),
            ),
        ];
        for (input, expected) in table {
            let draft = TelegramSettingsDraft {
                base_url: String::new(),
                bot_username: input.into(),
            };
            let got = draft.validate();
            match expected {
                Ok(name) => {
                    let settings = got.expect("valid");
                    assert_eq!(settings.bot_username, name, "{input:?}");
                    assert_eq!(settings.base_url, DEFAULT_TELEGRAM_URL);
                }
                Err(code) => assert_eq!(problems(got), [("botUsername".into(), code)], "{input:?}"),
            }
        }
    }

    #[test]
    fn stored_settings_without_a_base_url_take_the_default() {
        let smsc: SmscSettings = serde_json::from_str(
            r#"{"login":"gaika","sender":"","sms":true,"viber":false,"voice":true,"telegram":false,"voiceGender":"w"}"#,
        )
        .expect("parses");
        assert_eq!(smsc.base_url, DEFAULT_SMSC_URL);
        assert_eq!(smsc.voice_gender, VoiceGender::Female);
        let smtp = serde_json::to_value(SmtpSecurity::StartTls).expect("serialises");
        assert_eq!(smtp, serde_json::json!("start_tls"));
    }
}
