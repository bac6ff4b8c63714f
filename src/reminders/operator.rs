//! What the operator does with reminders: the outbox list with each
//! message's history, retrying and cancelling, the call list with its
//! outcomes (recorded in the appointment's history), and the Telegram link
//! that binds a client's chat.

use chrono::{NaiveDate, TimeDelta};

use crate::Remzona;
use crate::appointments::zone;
use crate::db::appointments as appointment_store;
use crate::db::reminders::{self as store, Change};
use crate::domain::ids::{AppointmentId, ClientId};
use crate::domain::reminder::outbox::{OutboxEvent, OutboxStatus, next_status};
use crate::domain::reminder::queue::{
    CallOutcome, CallTask, OutboxFilter, OutboxMessage, OutboxMessageDetails,
};
use crate::domain::reminder::template::ReminderValues;
use crate::domain::schedule::appointment::{AppointmentChange, AppointmentStatus};
use crate::error::{ConflictReason, Error, Result};
use crate::reminders::{planner, settings};

/// The reminders screen lists at most this many messages.
const LIST_LIMIT: i64 = 500;
/// «No answer»: the call comes back this much later.
const CALL_AGAIN_AFTER: TimeDelta = TimeDelta::hours(1);

impl Remzona {
    pub async fn outbox(&self, filter: OutboxFilter) -> Result<Vec<OutboxMessage>> {
        let mut conn = self.db().read().await?;
        let today = zone(&mut conn).await?.to_local(self.now()).date();
        store::messages(&mut conn, filter, today, LIST_LIMIT).await
    }

    pub async fn outbox_message(&self, id: i64) -> Result<OutboxMessageDetails> {
        let mut conn = self.db().read().await?;
        let message = store::message(&mut conn, id)
            .await?
            .ok_or_else(|| Error::not_found("reminder", id))?;
        let steps = store::steps(&mut conn, id).await?;
        Ok(OutboxMessageDetails { message, steps })
    }

    /// Sends a failed message again at the next pass, or a pending one now.
    pub async fn retry_reminder(&self, id: i64) -> Result<OutboxMessageDetails> {
        let stamp = self.now();
        let mut tx = self.db().begin_write().await?;
        let now = zone(&mut tx).await?.to_local(stamp);
        let message = store::queued(&mut tx, id)
            .await?
            .ok_or_else(|| Error::not_found("reminder", id))?;
        let from = store::status_of(&message.status)?;
        let to = match from {
            OutboxStatus::Pending => OutboxStatus::Pending,
            _ => next_status(from, &OutboxEvent::Retry)
                .map_err(|_| Error::Conflict(ConflictReason::ReminderNotRetriable))?,
        };
        let change = Change {
            due_at: Some(now),
            ..Change::default()
        };
        store::transition(
            &mut tx,
            id,
            from,
            to,
            "retry",
            "оператор: отправить снова",
            &change,
            stamp,
        )
        .await?;
        tx.commit().await?;
        self.outbox_message(id).await
    }

    /// Cancels a message still waiting to go.
    pub async fn cancel_reminder(&self, id: i64) -> Result<OutboxMessageDetails> {
        let stamp = self.now();
        let mut tx = self.db().begin_write().await?;
        let message = store::queued(&mut tx, id)
            .await?
            .ok_or_else(|| Error::not_found("reminder", id))?;
        let from = store::status_of(&message.status)?;
        let to = next_status(from, &OutboxEvent::Cancel)
            .map_err(|_| Error::Conflict(ConflictReason::ReminderNotCancellable))?;
        let cancelled = store::transition(
            &mut tx,
            id,
            from,
            to,
            "cancel",
            "оператор отменил",
            &Change::default(),
            stamp,
        )
        .await?;
        if !cancelled {
            return Err(Error::Conflict(ConflictReason::ReminderNotCancellable));
        }
        tx.commit().await?;
        self.outbox_message(id).await
    }

    /// How many messages the outbox holds in each status.
    pub async fn outbox_counts(&self) -> Result<Vec<(OutboxStatus, u32)>> {
        let mut conn = self.db().read().await?;
        store::status_counts(&mut conn).await
    }

    /// Final failures not announced yet; each is returned once, even to two
    /// windows.
    pub async fn take_reminder_failures(&self) -> Result<Vec<OutboxMessage>> {
        let mut tx = self.db().begin_write().await?;
        let ids = store::take_unannounced_failures(&mut tx, self.now()).await?;
        let mut failed = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(message) = store::message(&mut tx, id).await? {
                failed.push(message);
            }
        }
        tx.commit().await?;
        Ok(failed)
    }

    /// The calls about visits on `day` (the shop's tomorrow when `None`).
    pub async fn call_list(&self, day: Option<NaiveDate>) -> Result<Vec<CallTask>> {
        let mut conn = self.db().read().await?;
        let today = zone(&mut conn).await?.to_local(self.now()).date();
        let day = day.unwrap_or_else(|| today.succ_opt().unwrap_or(today));
        store::calls_for_visits_on(&mut conn, day).await
    }

    /// Records what came of a call, in the call list and in the
    /// appointment's history: «confirmed» confirms the appointment,
    /// «declined» cancels it, «rescheduled» leaves the move to the
    /// appointment window, «no answer» brings the call back an hour later.
    pub async fn record_call(&self, id: i64, outcome: CallOutcome) -> Result<CallTask> {
        let stamp = self.now();
        let mut tx = self.db().begin_write().await?;
        let now = zone(&mut tx).await?.to_local(stamp);
        let appointment = store::call_appointment(&mut tx, id).await?;
        let seq = appointment_store::seq_of(&mut tx, appointment).await?;
        store::set_call_outcome(&mut tx, id, outcome, Some(now + CALL_AGAIN_AFTER), stamp).await?;
        appointment_store::record(&mut tx, seq, stamp, &AppointmentChange::Called { outcome })
            .await?;
        tx.commit().await?;
        let status = match outcome {
            CallOutcome::Confirmed => Some(AppointmentStatus::Confirmed),
            CallOutcome::Declined => Some(AppointmentStatus::Cancelled),
            CallOutcome::Rescheduled | CallOutcome::NoAnswer => None,
        };
        if let Some(status) = status {
            self.set_appointment_status(appointment, status).await?;
        }
        let mut conn = self.db().read().await?;
        store::call(&mut conn, id)
            .await?
            .ok_or_else(|| Error::not_found("call", id))
    }

    /// The values a reminder of this appointment is rendered with.
    pub async fn reminder_values(&self, id: AppointmentId) -> Result<ReminderValues> {
        let mut conn = self.db().read().await?;
        let seq = appointment_store::seq_of(&mut conn, id).await?;
        let visit = store::visit(&mut conn, seq)
            .await?
            .ok_or_else(|| Error::not_found("appointment", id))?;
        let shop = settings::shop_contacts(&mut conn).await?;
        planner::values_of(&mut conn, &shop, &visit).await
    }

    /// A new one-time code for the bot's deep link that binds the client's chat.
    pub async fn telegram_link_code(&self, client: ClientId) -> Result<String> {
        let code = uuid::Uuid::now_v7().simple().to_string();
        let mut tx = self.db().begin_write().await?;
        crate::db::clients::refuse_merged(&mut tx, client).await?;
        store::insert_link_code(&mut tx, &code, client, self.now()).await?;
        tx.commit().await?;
        Ok(code)
    }

    /// Binds the chat that pressed «Start» with `code`; `None` for a code we
    /// never gave out.
    pub async fn bind_telegram_chat(
        &self,
        code: &str,
        chat_id: &str,
        name: &str,
    ) -> Result<Option<ClientId>> {
        let mut tx = self.db().begin_write().await?;
        let client = store::bind_chat(&mut tx, code, chat_id, name, self.now()).await?;
        tx.commit().await?;
        Ok(client)
    }

    /// The client's bound Telegram chat, if any.
    pub async fn telegram_chat(&self, client: ClientId) -> Result<Option<String>> {
        let mut conn = self.db().read().await?;
        store::telegram_chat(&mut conn, client).await
    }
}
