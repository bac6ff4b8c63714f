//! The gateways as the shop set them up: their non-secret settings in the
//! database, their secrets in a [`SecretStore`], and the adapters built from
//! both for the dispatcher and for a test message.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::Remzona;
use crate::db::reminders as store;
use crate::domain::client::ReminderChannel;
use crate::domain::reminder::gateways::{
    SmsRuSettings, SmsRuSettingsDraft, SmscSettings, SmscSettingsDraft, SmtpSettings,
    SmtpSettingsDraft, TelegramSettings, TelegramSettingsDraft,
};
use crate::domain::reminder::queue::GatewayKind;
use crate::error::{ConflictReason, Error, Result};
use crate::reminders::gateway::{Gateway, OutgoingMessage, SendOutcome};
use crate::reminders::gateways::{
    SmsRuGateway, SmscGateway, SmtpGateway, TelegramGateway, Timeouts,
};
use crate::reminders::secrets::SecretStore;
use crate::reminders::settings;

/// One gateway's settings, valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GatewaySettings {
    Smtp(SmtpSettings),
    Smsc(SmscSettings),
    #[serde(rename = "smsru")]
    SmsRu(SmsRuSettings),
    TelegramBot(TelegramSettings),
}

/// One gateway's settings as the form sends them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GatewaySettingsDraft {
    Smtp(SmtpSettingsDraft),
    Smsc(SmscSettingsDraft),
    #[serde(rename = "smsru")]
    SmsRu(SmsRuSettingsDraft),
    TelegramBot(TelegramSettingsDraft),
}

impl GatewaySettingsDraft {
    pub fn kind(&self) -> GatewayKind {
        match self {
            GatewaySettingsDraft::Smtp(_) => GatewayKind::Smtp,
            GatewaySettingsDraft::Smsc(_) => GatewayKind::Smsc,
            GatewaySettingsDraft::SmsRu(_) => GatewayKind::SmsRu,
            GatewaySettingsDraft::TelegramBot(_) => GatewayKind::TelegramBot,
        }
    }

    pub fn validate(
        &self,
    ) -> std::result::Result<GatewaySettings, crate::domain::validation::Issues> {
        Ok(match self {
            GatewaySettingsDraft::Smtp(d) => GatewaySettings::Smtp(d.validate()?),
            GatewaySettingsDraft::Smsc(d) => GatewaySettings::Smsc(d.validate()?),
            GatewaySettingsDraft::SmsRu(d) => GatewaySettings::SmsRu(d.validate()?),
            GatewaySettingsDraft::TelegramBot(d) => GatewaySettings::TelegramBot(d.validate()?),
        })
    }

    /// The form of a gateway never set up.
    pub fn empty(kind: GatewayKind) -> GatewaySettingsDraft {
        match kind {
            GatewayKind::Smtp => GatewaySettingsDraft::Smtp(SmtpSettingsDraft::default()),
            GatewayKind::Smsc => {
                GatewaySettingsDraft::Smsc(SmscSettingsDraft::from(&SmscSettings::default()))
            }
            GatewayKind::SmsRu => {
                GatewaySettingsDraft::SmsRu(SmsRuSettingsDraft::from(&SmsRuSettings::default()))
            }
            GatewayKind::TelegramBot => GatewaySettingsDraft::TelegramBot(
                TelegramSettingsDraft::from(&TelegramSettings::default()),
            ),
        }
    }
}

impl From<&GatewaySettings> for GatewaySettingsDraft {
    fn from(settings: &GatewaySettings) -> Self {
        match settings {
            GatewaySettings::Smtp(s) => GatewaySettingsDraft::Smtp(SmtpSettingsDraft::from(s)),
            GatewaySettings::Smsc(s) => GatewaySettingsDraft::Smsc(SmscSettingsDraft::from(s)),
            GatewaySettings::SmsRu(s) => GatewaySettingsDraft::SmsRu(SmsRuSettingsDraft::from(s)),
            GatewaySettings::TelegramBot(s) => {
                GatewaySettingsDraft::TelegramBot(TelegramSettingsDraft::from(s))
            }
        }
    }
}

impl GatewaySettings {
    pub fn kind(&self) -> GatewayKind {
        GatewaySettingsDraft::from(self).kind()
    }

    /// Whether the gateway cannot work without a secret (SMTP can: a server
    /// on the shop's network may take mail without a login).
    fn needs_secret(&self) -> bool {
        match self {
            GatewaySettings::Smtp(s) => !s.login.trim().is_empty(),
            _ => true,
        }
    }

    /// The adapter, with its secret.
    pub fn build(&self, secret: Option<String>, timeouts: Timeouts) -> Result<Arc<dyn Gateway>> {
        if self.needs_secret() && secret.as_deref().is_none_or(str::is_empty) {
            return Err(Error::Conflict(ConflictReason::GatewayNotConfigured));
        }
        let secret_text = secret.clone().unwrap_or_default();
        let built: std::result::Result<Arc<dyn Gateway>, _> = match self {
            GatewaySettings::Smtp(s) => {
                SmtpGateway::new(s.clone(), secret, timeouts).map(|g| Arc::new(g) as _)
            }
            GatewaySettings::Smsc(s) => {
                SmscGateway::new(s.clone(), secret_text, timeouts).map(|g| Arc::new(g) as _)
            }
            GatewaySettings::SmsRu(s) => {
                SmsRuGateway::new(s.clone(), secret_text, timeouts).map(|g| Arc::new(g) as _)
            }
            GatewaySettings::TelegramBot(s) => {
                TelegramGateway::new(s.clone(), secret_text, timeouts).map(|g| Arc::new(g) as _)
            }
        };
        built.map_err(|e| Error::GatewaySetup(e.to_string()))
    }
}

/// A gateway as the settings screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GatewaySetup {
    pub kind: GatewayKind,
    pub enabled: bool,
    pub settings: GatewaySettingsDraft,
    /// Whether the keychain holds its secret (never the secret itself).
    pub has_secret: bool,
    /// Set when the keychain could not be asked.
    pub keychain_error: Option<String>,
}

/// What the settings screen saves.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GatewaySetupDraft {
    pub enabled: bool,
    pub settings: GatewaySettingsDraft,
    /// `None`: keep the stored secret; empty: remove it.
    pub secret: Option<String>,
}

/// What a test message came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TestMessageResult {
    pub accepted: bool,
    /// The provider's id of the message, when accepted.
    pub provider_id: Option<String>,
    /// The provider's words, when refused.
    pub error: Option<String>,
}

impl Remzona {
    /// Every gateway, set up or not, in a fixed order.
    pub async fn gateway_setups(&self, secrets: &dyn SecretStore) -> Result<Vec<GatewaySetup>> {
        let mut conn = self.db().read().await?;
        let mut list = Vec::with_capacity(GatewayKind::ALL.len());
        for kind in GatewayKind::ALL {
            let (enabled, settings) = match stored(&mut conn, kind).await? {
                Some((enabled, settings)) => (enabled, GatewaySettingsDraft::from(&settings)),
                None => (false, GatewaySettingsDraft::empty(kind)),
            };
            let (has_secret, keychain_error) = match secrets.get(kind) {
                Ok(secret) => (secret.is_some(), None),
                Err(error) => (false, Some(error.to_string())),
            };
            list.push(GatewaySetup {
                kind,
                enabled,
                settings,
                has_secret,
                keychain_error,
            });
        }
        Ok(list)
    }

    /// Saves a gateway's settings, and its secret into the keychain.
    pub async fn save_gateway(
        &self,
        draft: &GatewaySetupDraft,
        secrets: &dyn SecretStore,
    ) -> Result<GatewaySetup> {
        let settings = draft.settings.validate()?;
        let kind = settings.kind();
        match draft.secret.as_deref().map(str::trim) {
            None => {}
            Some("") => secrets.delete(kind)?,
            Some(secret) => secrets.set(kind, secret)?,
        }
        let json = serde_json::to_string(&settings)
            .map_err(|e| crate::db::clients::damaged(format!("gateway settings: {e}")))?;
        let mut tx = self.db().begin_write().await?;
        store::set_gateway(&mut tx, kind, draft.enabled, &json, self.now()).await?;
        tx.commit().await?;
        let all = self.gateway_setups(secrets).await?;
        all.into_iter()
            .find(|setup| setup.kind == kind)
            .ok_or_else(|| Error::not_found("gateway", kind.as_str()))
    }

    /// A gateway's saved settings, enabled or not.
    pub async fn gateway_settings(&self, kind: GatewayKind) -> Result<Option<GatewaySettings>> {
        let mut conn = self.db().read().await?;
        Ok(stored(&mut conn, kind).await?.map(|(_, settings)| settings))
    }

    /// A gateway's settings when it is enabled.
    pub async fn enabled_gateway_settings(
        &self,
        kind: GatewayKind,
    ) -> Result<Option<GatewaySettings>> {
        let mut conn = self.db().read().await?;
        Ok(stored(&mut conn, kind)
            .await?
            .filter(|(enabled, _)| *enabled)
            .map(|(_, settings)| settings))
    }

    /// The adapters of the enabled gateways that have what they need; a
    /// gateway missing its secret is left out (the settings screen says so).
    pub async fn enabled_gateways(
        &self,
        secrets: &dyn SecretStore,
        timeouts: Timeouts,
    ) -> Result<Vec<Arc<dyn Gateway>>> {
        let mut conn = self.db().read().await?;
        let mut gateways = Vec::new();
        for kind in GatewayKind::ALL {
            let Some((true, settings)) = stored(&mut conn, kind).await? else {
                continue;
            };
            let secret = secrets.get(kind).ok().flatten();
            if let Ok(gateway) = settings.build(secret, timeouts) {
                gateways.push(gateway);
            }
        }
        Ok(gateways)
    }

    /// The e-mail gateway as saved, enabled for reminders or not (a shop may
    /// send documents by e-mail and remind by SMS only).
    pub async fn smtp_gateway(&self, secrets: &dyn SecretStore) -> Result<SmtpGateway> {
        let settings = {
            let mut conn = self.db().read().await?;
            stored(&mut conn, GatewayKind::Smtp).await?
        };
        let Some((_, GatewaySettings::Smtp(settings))) = settings else {
            return Err(Error::Conflict(ConflictReason::GatewayNotConfigured));
        };
        // A server without a login needs no password: the keychain is not
        // asked (it may be missing altogether on a shop's machine).
        let secret = if settings.login.trim().is_empty() {
            None
        } else {
            match secrets.get(GatewayKind::Smtp)? {
                Some(secret) if !secret.is_empty() => Some(secret),
                _ => return Err(Error::Conflict(ConflictReason::GatewayNotConfigured)),
            }
        };
        SmtpGateway::new(settings, secret, Timeouts::default())
            .map_err(|e| Error::GatewaySetup(e.to_string()))
    }

    /// Sends the channel's template, rendered with example values, to
    /// `recipient` through `kind` as saved, whether or not it is enabled.
    pub async fn send_test_message(
        &self,
        kind: GatewayKind,
        channel: ReminderChannel,
        recipient: &str,
        secrets: &dyn SecretStore,
    ) -> Result<TestMessageResult> {
        let (template, values, settings) = {
            let mut conn = self.db().read().await?;
            let settings = stored(&mut conn, kind)
                .await?
                .map(|(_, settings)| settings)
                .ok_or(Error::Conflict(ConflictReason::GatewayNotConfigured))?;
            let template = settings::valid_template(&mut conn, channel).await?;
            let shop = settings::shop_contacts(&mut conn).await?;
            (template, settings::example_values(&shop), settings)
        };
        let gateway = settings.build(secrets.get(kind)?, Timeouts::default())?;
        let rendered = settings::preview(&template, &values);
        let message = OutgoingMessage {
            our_id: test_id(self.now()),
            channel,
            recipient: normalise_recipient(channel, recipient),
            subject: rendered.subject,
            text: rendered.text,
        };
        Ok(match gateway.send(&message).await {
            SendOutcome::Accepted { provider_id } => TestMessageResult {
                accepted: true,
                provider_id: Some(provider_id),
                error: None,
            },
            SendOutcome::Refused(failure) => TestMessageResult {
                accepted: false,
                provider_id: None,
                error: Some(failure.error),
            },
        })
    }
}

async fn stored(
    conn: &mut SqliteConnection,
    kind: GatewayKind,
) -> Result<Option<(bool, GatewaySettings)>> {
    let Some((enabled, json)) = store::gateway(conn, kind).await? else {
        return Ok(None);
    };
    let settings: GatewaySettings = serde_json::from_str(&json)
        .map_err(|e| crate::db::clients::damaged(format!("gateway {}: {e}", kind.as_str())))?;
    Ok(Some((enabled, settings)))
}

/// A test message's id: negative, so it can never meet an outbox row's id
/// at SMSC (which refuses a second message with one id).
fn test_id(now: chrono::DateTime<chrono::Utc>) -> i64 {
    -now.timestamp_millis().abs().max(1)
}

/// A typed phone as the gateways want it (`79161234567`); other addresses as typed.
fn normalise_recipient(channel: ReminderChannel, typed: &str) -> String {
    match channel {
        ReminderChannel::Sms | ReminderChannel::Viber | ReminderChannel::Voice => {
            crate::domain::phone::Phone::parse(typed)
                .map(|phone| phone.digits().to_owned())
                .unwrap_or_else(|_| typed.trim().to_owned())
        }
        _ => typed.trim().to_owned(),
    }
}
