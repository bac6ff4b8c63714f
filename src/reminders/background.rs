//! What the app's background timer and the operator's «Отправить сейчас»
//! run: a dispatcher pass through the gateways as set up (secrets from the
//! keychain), and the binding of Telegram chats that pressed Start.

use crate::Remzona;
use crate::db::stock::{set_setting, setting};
use crate::domain::ids::ClientId;
use crate::domain::reminder::queue::{GatewayKind, PassReport};
use crate::error::{ConflictReason, Error, Result};
use crate::reminders::dispatcher::Dispatcher;
use crate::reminders::gateways::{TelegramGateway, Timeouts, deep_link};
use crate::reminders::secrets::SecretStore;
use crate::reminders::setup::GatewaySettings;

const TELEGRAM_OFFSET: &str = "telegram_update_offset";

impl Remzona {
    /// One pass through the enabled gateways; Telegram chats are bound
    /// first, so a client who just pressed Start gets the bot's reminder.
    pub async fn run_reminders(&self, secrets: &dyn SecretStore) -> Result<PassReport> {
        self.bind_telegram_chats(secrets).await?;
        let gateways = self.enabled_gateways(secrets, Timeouts::default()).await?;
        Dispatcher::new(gateways).run_pass(self).await
    }

    /// Reads the bot's updates and binds the chats that came with our
    /// codes; returns how many were bound. Nothing when the bot is not set up.
    pub async fn bind_telegram_chats(&self, secrets: &dyn SecretStore) -> Result<u32> {
        let Some(bot) = self.telegram_bot(secrets).await? else {
            return Ok(0);
        };
        let offset = {
            let mut conn = self.db().read().await?;
            setting(&mut conn, TELEGRAM_OFFSET)
                .await?
                .and_then(|text| text.parse::<i64>().ok())
                .filter(|offset| *offset > 0)
        };
        // A bot that does not answer now is asked again at the next pass.
        let Ok(updates) = bot.get_updates(offset).await else {
            return Ok(0);
        };
        let mut bound = 0;
        for start in &updates.starts {
            let chat = start.chat_id.to_string();
            if self
                .bind_telegram_chat(&start.code, &chat, &start.name)
                .await?
                .is_some()
            {
                bound += 1;
            }
        }
        if let Some(next) = updates.next_offset {
            let mut tx = self.db().begin_write().await?;
            set_setting(&mut tx, TELEGRAM_OFFSET, &next.to_string()).await?;
            tx.commit().await?;
        }
        Ok(bound)
    }

    /// The link a client opens to bind their chat with the shop's bot.
    pub async fn telegram_deep_link(&self, client: ClientId) -> Result<String> {
        let username = match self.gateway_settings(GatewayKind::TelegramBot).await? {
            Some(GatewaySettings::TelegramBot(settings)) => settings.bot_username,
            _ => return Err(Error::Conflict(ConflictReason::GatewayNotConfigured)),
        };
        let code = self.telegram_link_code(client).await?;
        Ok(deep_link(&username, &code))
    }

    async fn telegram_bot(&self, secrets: &dyn SecretStore) -> Result<Option<TelegramGateway>> {
        let Some(GatewaySettings::TelegramBot(settings)) = self
            .enabled_gateway_settings(GatewayKind::TelegramBot)
            .await?
        else {
            return Ok(None);
        };
        let Some(token) = secrets.get(GatewayKind::TelegramBot).ok().flatten() else {
            return Ok(None);
        };
        TelegramGateway::new(settings, token, Timeouts::default())
            .map(Some)
            .map_err(|e| Error::GatewaySetup(e.to_string()))
    }
}
