//! Recording consents and their withdrawal. Records are append-only (the
//! database refuses to change or delete them); the client's history notes each.

use crate::Remzona;
use crate::db::{clients, history};
use crate::domain::consent::{ConsentInput, ConsentRecord};
use crate::domain::history::HistoryKind;
use crate::domain::ids::ClientId;
use crate::error::Result;

impl Remzona {
    pub async fn record_consent(
        &self,
        client: ClientId,
        input: &ConsentInput,
    ) -> Result<Vec<ConsentRecord>> {
        let consent = input.validate()?;
        let now = self.now();
        let mut tx = self.db.begin_write().await?;
        clients::refuse_merged(&mut tx, client).await?;
        history::record_consent(&mut tx, client, &consent, now).await?;
        let kind = if consent.granted {
            HistoryKind::ConsentGranted
        } else {
            HistoryKind::ConsentWithdrawn
        };
        history::append(&mut tx, client, now, kind, None, consent.topic.as_str()).await?;
        tx.commit().await?;
        history::consents(&mut *self.db.read().await?, client).await
    }

    /// The reminder channels that may be used for this client right now.
    pub async fn allowed_channels(
        &self,
        client: ClientId,
    ) -> Result<Vec<crate::domain::client::ReminderChannel>> {
        let mut conn = self.db.read().await?;
        let stored = clients::get(&mut conn, client).await?;
        let states =
            crate::domain::consent::current_states(&history::consents(&mut conn, client).await?);
        Ok(crate::domain::consent::allowed_channels(
            &stored.reminder_channels,
            &states,
        ))
    }
}
