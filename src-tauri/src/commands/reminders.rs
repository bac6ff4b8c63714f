//! Reminders: rules, the shop's contacts, templates with preview, the
//! gateways (secrets go to the keychain and never come back), the outbox,
//! the call list and a pass on demand.

use chrono::NaiveDate;
use remzona::domain::client::ReminderChannel;
use remzona::domain::ids::{AppointmentId, ClientId};
use remzona::domain::reminder::queue::{
    CallOutcome, CallTask, GatewayKind, OutboxFilter, OutboxMessage, OutboxMessageDetails,
    PassReport,
};
use remzona::domain::reminder::rules::ReminderRulesDraft;
use remzona::domain::reminder::template::TemplateDraft;
use remzona::reminders::settings::{ChannelTemplate, ShopContacts, TemplatePreview};
use remzona::reminders::setup::{GatewaySetup, GatewaySetupDraft, TestMessageResult};
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn reminder_rules_get(state: State<'_, AppState>) -> ApiResult<ReminderRulesDraft> {
    Ok(state.shop.reminder_rules().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn reminder_rules_set(
    state: State<'_, AppState>,
    draft: ReminderRulesDraft,
) -> ApiResult<ReminderRulesDraft> {
    Ok(state.shop.set_reminder_rules(&draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn shop_contacts_get(state: State<'_, AppState>) -> ApiResult<ShopContacts> {
    Ok(state.shop.shop_contacts().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn shop_contacts_set(
    state: State<'_, AppState>,
    contacts: ShopContacts,
) -> ApiResult<ShopContacts> {
    Ok(state.shop.set_shop_contacts(&contacts).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn reminder_templates_list(
    state: State<'_, AppState>,
) -> ApiResult<Vec<ChannelTemplate>> {
    Ok(state.shop.reminder_templates().await?)
}

/// Saves a channel's text; unknown placeholders come back as field issues.
#[tauri::command]
#[specta::specta]
pub async fn reminder_templates_save(
    state: State<'_, AppState>,
    draft: TemplateDraft,
) -> ApiResult<ChannelTemplate> {
    Ok(state.shop.set_reminder_template(&draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn reminder_templates_reset(
    state: State<'_, AppState>,
    channel: ReminderChannel,
) -> ApiResult<ChannelTemplate> {
    Ok(state.shop.reset_reminder_template(channel).await?)
}

/// The draft rendered with a real appointment's values, or example ones.
#[tauri::command]
#[specta::specta]
pub async fn reminder_templates_preview(
    state: State<'_, AppState>,
    draft: TemplateDraft,
    appointment: Option<AppointmentId>,
) -> ApiResult<TemplatePreview> {
    Ok(state
        .shop
        .preview_reminder_template(&draft, appointment)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn gateways_list(state: State<'_, AppState>) -> ApiResult<Vec<GatewaySetup>> {
    Ok(state.shop.gateway_setups(state.secrets.as_ref()).await?)
}

/// Saves a gateway; a secret typed in goes to the system keychain.
#[tauri::command]
#[specta::specta]
pub async fn gateways_save(
    state: State<'_, AppState>,
    draft: GatewaySetupDraft,
) -> ApiResult<GatewaySetup> {
    Ok(state
        .shop
        .save_gateway(&draft, state.secrets.as_ref())
        .await?)
}

/// Sends the channel's template with example values to `recipient`.
#[tauri::command]
#[specta::specta]
pub async fn gateways_test(
    state: State<'_, AppState>,
    kind: GatewayKind,
    channel: ReminderChannel,
    recipient: String,
) -> ApiResult<TestMessageResult> {
    Ok(state
        .shop
        .send_test_message(kind, channel, &recipient, state.secrets.as_ref())
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn outbox_list(
    state: State<'_, AppState>,
    filter: OutboxFilter,
) -> ApiResult<Vec<OutboxMessage>> {
    Ok(state.shop.outbox(filter).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn outbox_get(state: State<'_, AppState>, id: i32) -> ApiResult<OutboxMessageDetails> {
    Ok(state.shop.outbox_message(i64::from(id)).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn outbox_retry(state: State<'_, AppState>, id: i32) -> ApiResult<OutboxMessageDetails> {
    Ok(state.shop.retry_reminder(i64::from(id)).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn outbox_cancel(state: State<'_, AppState>, id: i32) -> ApiResult<OutboxMessageDetails> {
    Ok(state.shop.cancel_reminder(i64::from(id)).await?)
}

/// Reminders that failed for good since the last call, each once: the UI
/// shows a desktop notice for each.
#[tauri::command]
#[specta::specta]
pub async fn reminders_take_failures(state: State<'_, AppState>) -> ApiResult<Vec<OutboxMessage>> {
    Ok(state.shop.take_reminder_failures().await?)
}

/// Plans and sends now, without waiting for the timer.
#[tauri::command]
#[specta::specta]
pub async fn reminders_run_now(state: State<'_, AppState>) -> ApiResult<PassReport> {
    Ok(state.shop.run_reminders(state.secrets.as_ref()).await?)
}

/// The calls about visits on `day` (tomorrow when null).
#[tauri::command]
#[specta::specta]
pub async fn calls_list(
    state: State<'_, AppState>,
    day: Option<NaiveDate>,
) -> ApiResult<Vec<CallTask>> {
    Ok(state.shop.call_list(day).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn calls_record(
    state: State<'_, AppState>,
    id: i32,
    outcome: CallOutcome,
) -> ApiResult<CallTask> {
    Ok(state.shop.record_call(i64::from(id), outcome).await?)
}

/// A new deep link that binds the client's Telegram chat to the shop's bot.
#[tauri::command]
#[specta::specta]
pub async fn telegram_link(state: State<'_, AppState>, client: ClientId) -> ApiResult<String> {
    Ok(state.shop.telegram_deep_link(client).await?)
}
