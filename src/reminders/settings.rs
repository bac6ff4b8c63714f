//! The reminders' settings: when they go out, the texts per channel, and the
//! shop's name, address and phone the texts mention.

use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::Remzona;
use crate::db::reminders as store;
use crate::db::stock::{set_setting, setting};
use crate::domain::client::ReminderChannel;
use crate::domain::reminder::rules::{ReminderRules, ReminderRulesDraft};
use crate::domain::reminder::sms::{SmsLength, sms_length};
use crate::domain::reminder::template::{
    ReminderValues, TemplateDraft, ValidTemplate, default_template,
};
use crate::domain::validation::Issues;
use crate::error::Result;

const RULES: &str = "reminder_rules";
const SHOP_NAME: &str = "shop_name";
const SHOP_ADDRESS: &str = "shop_address";
const SHOP_PHONE: &str = "shop_phone";

/// The channels with a text: every channel but the operator's call.
pub const TEXT_CHANNELS: [ReminderChannel; 5] = [
    ReminderChannel::Sms,
    ReminderChannel::Email,
    ReminderChannel::Telegram,
    ReminderChannel::Viber,
    ReminderChannel::Voice,
];

/// The shop as the reminders name it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ShopContacts {
    pub name: String,
    pub address: String,
    pub phone: String,
}

const MAX_SHOP_LINE: usize = 200;

impl ShopContacts {
    /// Trimmed; the name is required (a reminder must say who it is from).
    pub fn validate(&self) -> std::result::Result<ShopContacts, Issues> {
        let mut issues = Issues::default();
        let name = issues.line("name", &self.name, MAX_SHOP_LINE);
        if name.is_empty() {
            issues.add("name", crate::domain::validation::IssueCode::Required);
        }
        let address = issues.line("address", &self.address, MAX_SHOP_LINE);
        let phone = issues.line("phone", &self.phone, MAX_SHOP_LINE);
        if issues.is_empty() {
            Ok(ShopContacts {
                name,
                address,
                phone,
            })
        } else {
            Err(issues)
        }
    }
}

/// A channel's template as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ChannelTemplate {
    pub draft: TemplateDraft,
    /// Whether it is the built-in text (never edited, or reset).
    pub is_default: bool,
}

/// A template rendered with a visit's values, and its SMS length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TemplatePreview {
    pub subject: Option<String>,
    pub text: String,
    pub length: SmsLength,
}

impl Remzona {
    pub async fn reminder_rules(&self) -> Result<ReminderRulesDraft> {
        let mut conn = self.db().read().await?;
        Ok(ReminderRulesDraft::from(&rules(&mut conn).await?))
    }

    pub async fn set_reminder_rules(
        &self,
        draft: &ReminderRulesDraft,
    ) -> Result<ReminderRulesDraft> {
        let valid = draft.validate()?;
        let stored = ReminderRulesDraft::from(&valid);
        let json = serde_json::to_string(&stored)
            .map_err(|e| crate::db::clients::damaged(format!("reminder rules: {e}")))?;
        let mut tx = self.db().begin_write().await?;
        set_setting(&mut tx, RULES, &json).await?;
        tx.commit().await?;
        Ok(stored)
    }

    pub async fn shop_contacts(&self) -> Result<ShopContacts> {
        let mut conn = self.db().read().await?;
        shop_contacts(&mut conn).await
    }

    pub async fn set_shop_contacts(&self, contacts: &ShopContacts) -> Result<ShopContacts> {
        let valid = contacts.validate()?;
        let mut tx = self.db().begin_write().await?;
        set_setting(&mut tx, SHOP_NAME, &valid.name).await?;
        set_setting(&mut tx, SHOP_ADDRESS, &valid.address).await?;
        set_setting(&mut tx, SHOP_PHONE, &valid.phone).await?;
        tx.commit().await?;
        Ok(valid)
    }

    /// Every text channel's template, in the editor's order.
    pub async fn reminder_templates(&self) -> Result<Vec<ChannelTemplate>> {
        let mut conn = self.db().read().await?;
        let mut list = Vec::with_capacity(TEXT_CHANNELS.len());
        for channel in TEXT_CHANNELS {
            list.push(channel_template(&mut conn, channel).await?);
        }
        Ok(list)
    }

    /// Saves a channel's text; unknown placeholders are refused, naming them.
    pub async fn set_reminder_template(&self, draft: &TemplateDraft) -> Result<ChannelTemplate> {
        let valid = draft.validate()?;
        let subject = if valid.subject.is_some() {
            draft.subject.trim()
        } else {
            ""
        };
        let mut tx = self.db().begin_write().await?;
        store::set_template(
            &mut tx,
            draft.channel,
            subject,
            draft.text.trim(),
            self.now(),
        )
        .await?;
        tx.commit().await?;
        let mut conn = self.db().read().await?;
        channel_template(&mut conn, draft.channel).await
    }

    /// Back to the built-in text of the channel.
    pub async fn reset_reminder_template(
        &self,
        channel: ReminderChannel,
    ) -> Result<ChannelTemplate> {
        let default = default_template(channel);
        self.set_reminder_template(&default).await
    }

    /// The draft rendered with example values, or with a real appointment's
    /// values when one is given; its problems when it does not parse.
    pub async fn preview_reminder_template(
        &self,
        draft: &TemplateDraft,
        appointment: Option<crate::domain::ids::AppointmentId>,
    ) -> Result<TemplatePreview> {
        let valid = draft.validate()?;
        let values = match appointment {
            Some(id) => self.reminder_values(id).await?,
            None => {
                let mut conn = self.db().read().await?;
                example_values(&shop_contacts(&mut conn).await?)
            }
        };
        Ok(preview(&valid, &values))
    }
}

pub(crate) fn preview(template: &ValidTemplate, values: &ReminderValues) -> TemplatePreview {
    let text = template.text.render(values);
    TemplatePreview {
        subject: template.subject.as_ref().map(|s| s.render(values)),
        length: sms_length(&text),
        text,
    }
}

/// The example values with the shop's own name, address and phone where set.
pub(crate) fn example_values(shop: &ShopContacts) -> ReminderValues {
    let mut values = ReminderValues::example();
    for (value, own) in [
        (&mut values.shop, &shop.name),
        (&mut values.address, &shop.address),
        (&mut values.phone, &shop.phone),
    ] {
        if !own.is_empty() {
            value.clone_from(own);
        }
    }
    values
}

pub(crate) async fn rules(conn: &mut SqliteConnection) -> Result<ReminderRules> {
    let stored = setting(conn, RULES).await?.unwrap_or_default();
    // A missing or unreadable value means the defaults: the rules were never
    // saved (a save always validates them).
    Ok(serde_json::from_str::<ReminderRulesDraft>(&stored)
        .ok()
        .and_then(|draft| draft.validate().ok())
        .unwrap_or_default())
}

pub(crate) async fn shop_contacts(conn: &mut SqliteConnection) -> Result<ShopContacts> {
    Ok(ShopContacts {
        name: setting(conn, SHOP_NAME).await?.unwrap_or_default(),
        address: setting(conn, SHOP_ADDRESS).await?.unwrap_or_default(),
        phone: setting(conn, SHOP_PHONE).await?.unwrap_or_default(),
    })
}

async fn channel_template(
    conn: &mut SqliteConnection,
    channel: ReminderChannel,
) -> Result<ChannelTemplate> {
    Ok(match store::template(conn, channel).await? {
        Some((subject, text)) => ChannelTemplate {
            draft: TemplateDraft {
                channel,
                subject,
                text,
            },
            is_default: false,
        },
        None => ChannelTemplate {
            draft: default_template(channel),
            is_default: true,
        },
    })
}

/// The channel's template, parsed; the built-in one when the stored text no
/// longer parses (it was validated when saved, so only a damaged file).
pub(crate) async fn valid_template(
    conn: &mut SqliteConnection,
    channel: ReminderChannel,
) -> Result<ValidTemplate> {
    let chosen = channel_template(conn, channel).await?;
    match chosen.draft.validate() {
        Ok(valid) => Ok(valid),
        Err(_) => default_template(channel)
            .validate()
            .map_err(crate::error::Error::Validation),
    }
}
