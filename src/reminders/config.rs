//! The gateways of a headless `remzona reminders run --config FILE`: a TOML
//! file with each gateway's settings, its secret taken from an environment
//! variable the file names (never written in the file). The format is
//! documented in the README:
//!
//! ```toml
//! [smtp]
//! host = "smtp.example.ru"
//! port = 587
//! security = "start_tls"      # none | start_tls | tls
//! login = "service@example.ru"
//! from_address = "service@example.ru"
//! from_name = "Автосервис «Гайка»"
//! password_env = "REMZONA_SMTP_PASSWORD"
//!
//! [smsc]
//! login = "gaika"
//! sender = "Gaika"
//! sms = true
//! password_env = "REMZONA_SMSC_PASSWORD"
//! ```

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::domain::reminder::gateways::{
    SmsRuSettingsDraft, SmscSettingsDraft, SmtpSecurity, SmtpSettingsDraft, TelegramSettingsDraft,
    VoiceGender,
};
use crate::domain::reminder::queue::GatewayKind;
use crate::error::{Error, Result};
use crate::reminders::gateway::Gateway;
use crate::reminders::gateways::Timeouts;
use crate::reminders::secrets::{EnvSecrets, SecretStore};
use crate::reminders::setup::GatewaySettingsDraft;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReminderConfig {
    pub smtp: Option<SmtpSection>,
    pub smsc: Option<SmscSection>,
    pub smsru: Option<SmsRuSection>,
    pub telegram: Option<TelegramSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpSection {
    pub host: String,
    pub port: Option<u32>,
    #[serde(default)]
    pub security: SmtpSecurity,
    #[serde(default)]
    pub login: String,
    pub from_address: String,
    #[serde(default)]
    pub from_name: String,
    pub password_env: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmscSection {
    #[serde(default)]
    pub base_url: String,
    #[serde(default)]
    pub login: String,
    #[serde(default)]
    pub sender: String,
    #[serde(default = "yes")]
    pub sms: bool,
    #[serde(default)]
    pub viber: bool,
    #[serde(default)]
    pub voice: bool,
    #[serde(default)]
    pub telegram: bool,
    #[serde(default)]
    pub voice_gender: VoiceGender,
    /// The password, or the API key when there is no login.
    pub password_env: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmsRuSection {
    #[serde(default)]
    pub base_url: String,
    #[serde(default)]
    pub sender: String,
    #[serde(default)]
    pub test: bool,
    pub api_id_env: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelegramSection {
    #[serde(default)]
    pub base_url: String,
    pub bot_username: String,
    pub token_env: String,
}

fn yes() -> bool {
    true
}

impl ReminderConfig {
    /// Reads and parses the file; a problem names the file and the line.
    pub fn read(path: &Path) -> Result<ReminderConfig> {
        let text = std::fs::read_to_string(path)?;
        toml::from_str(&text)
            .map_err(|e| Error::GatewaySetup(format!("{}: {}", path.display(), e.message())))
    }

    /// Each configured gateway's settings and the variable holding its secret.
    fn sections(&self) -> Vec<(GatewaySettingsDraft, Option<String>)> {
        let mut sections = Vec::new();
        if let Some(s) = &self.smtp {
            let draft = SmtpSettingsDraft {
                host: s.host.clone(),
                port: s.port,
                security: s.security,
                login: s.login.clone(),
                from_address: s.from_address.clone(),
                from_name: s.from_name.clone(),
            };
            sections.push((GatewaySettingsDraft::Smtp(draft), s.password_env.clone()));
        }
        if let Some(s) = &self.smsc {
            let draft = SmscSettingsDraft {
                base_url: s.base_url.clone(),
                login: s.login.clone(),
                sender: s.sender.clone(),
                sms: s.sms,
                viber: s.viber,
                voice: s.voice,
                telegram: s.telegram,
                voice_gender: s.voice_gender,
            };
            sections.push((
                GatewaySettingsDraft::Smsc(draft),
                Some(s.password_env.clone()),
            ));
        }
        if let Some(s) = &self.smsru {
            let draft = SmsRuSettingsDraft {
                base_url: s.base_url.clone(),
                sender: s.sender.clone(),
                test: s.test,
            };
            sections.push((
                GatewaySettingsDraft::SmsRu(draft),
                Some(s.api_id_env.clone()),
            ));
        }
        if let Some(s) = &self.telegram {
            let draft = TelegramSettingsDraft {
                base_url: s.base_url.clone(),
                bot_username: s.bot_username.clone(),
            };
            sections.push((
                GatewaySettingsDraft::TelegramBot(draft),
                Some(s.token_env.clone()),
            ));
        }
        sections
    }

    /// The adapters the file describes. Every problem is an error here (a
    /// headless run must not quietly skip a gateway): invalid settings, or a
    /// secret's variable that is not set.
    pub fn gateways(&self, timeouts: Timeouts) -> Result<Vec<Arc<dyn Gateway>>> {
        let variables = self.variables();
        let secrets = EnvSecrets::new(variables);
        self.gateways_with(timeouts, &|kind| secrets.get(kind).ok().flatten())
    }

    /// The environment variable that holds each configured gateway's secret.
    pub fn variables(&self) -> HashMap<GatewayKind, String> {
        self.sections()
            .into_iter()
            .filter_map(|(draft, env)| Some((draft.kind(), env?)))
            .collect()
    }

    /// As [`ReminderConfig::gateways`], with the secrets from `secret_of`.
    pub fn gateways_with(
        &self,
        timeouts: Timeouts,
        secret_of: &dyn Fn(GatewayKind) -> Option<String>,
    ) -> Result<Vec<Arc<dyn Gateway>>> {
        let sections = self.sections();
        let variables = self.variables();
        let mut gateways = Vec::with_capacity(sections.len());
        for (draft, _) in &sections {
            let kind = draft.kind();
            let settings = draft.validate().map_err(|issues| {
                Error::GatewaySetup(format!("[{}]: {}", section_name(kind), describe(&issues)))
            })?;
            let secret = secret_of(kind);
            let gateway = settings.build(secret, timeouts).map_err(|e| match e {
                Error::Conflict(_) => Error::GatewaySetup(format!(
                    "[{}]: переменная окружения {} не задана / environment variable {} is not set",
                    section_name(kind),
                    variables.get(&kind).map_or("?", String::as_str),
                    variables.get(&kind).map_or("?", String::as_str),
                )),
                other => other,
            })?;
            gateways.push(gateway);
        }
        Ok(gateways)
    }
}

fn section_name(kind: GatewayKind) -> &'static str {
    match kind {
        GatewayKind::Smtp => "smtp",
        GatewayKind::Smsc => "smsc",
        GatewayKind::SmsRu => "smsru",
        GatewayKind::TelegramBot => "telegram",
    }
}

fn describe(issues: &crate::domain::validation::Issues) -> String {
    issues
        .as_slice()
        .iter()
        .map(|issue| format!("{} ({:?})", issue.field, issue.issue))
        .collect::<Vec<_>>()
        .join(", ")
}
