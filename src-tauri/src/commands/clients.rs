use remzona::clients::{ClientCard, SearchOptions};
use remzona::domain::client::{Client, ClientDraft, ClientSearchResult, Duplicates, LeadSource};
use remzona::domain::consent::{ConsentInput, ConsentRecord};
use remzona::domain::ids::{ClientId, LeadSourceId};
use remzona::domain::validation::FieldIssue;
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn clients_search(
    state: State<'_, AppState>,
    query: String,
    options: SearchOptions,
) -> ApiResult<ClientSearchResult> {
    Ok(state.shop.search_clients(&query, options).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn clients_get(state: State<'_, AppState>, id: ClientId) -> ApiResult<Client> {
    Ok(state.shop.client(id).await?)
}

/// The client card: requisites, contacts, consents, cars and history.
#[tauri::command]
#[specta::specta]
pub async fn clients_card(state: State<'_, AppState>, id: ClientId) -> ApiResult<ClientCard> {
    Ok(state.shop.client_card(id).await?)
}

/// Problems of a draft without saving it, for messages while typing.
#[tauri::command]
#[specta::specta]
pub fn clients_validate(
    state: State<'_, AppState>,
    draft: ClientDraft,
) -> ApiResult<Vec<FieldIssue>> {
    Ok(state.shop.validate_client(&draft))
}

#[tauri::command]
#[specta::specta]
pub async fn clients_create(
    state: State<'_, AppState>,
    draft: ClientDraft,
    allow_duplicates: bool,
) -> ApiResult<Client> {
    Ok(state
        .shop
        .create_client(&draft, Duplicates::allowed(allow_duplicates))
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn clients_update(
    state: State<'_, AppState>,
    id: ClientId,
    draft: ClientDraft,
    allow_duplicates: bool,
) -> ApiResult<Client> {
    Ok(state
        .shop
        .update_client(id, &draft, Duplicates::allowed(allow_duplicates))
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn clients_archive(
    state: State<'_, AppState>,
    id: ClientId,
    archived: bool,
) -> ApiResult<Client> {
    Ok(state.shop.archive_client(id, archived).await?)
}

/// Merges `duplicate` into `keep`; returns the kept client.
#[tauri::command]
#[specta::specta]
pub async fn clients_merge(
    state: State<'_, AppState>,
    keep: ClientId,
    duplicate: ClientId,
) -> ApiResult<Client> {
    Ok(state.shop.merge_clients(keep, duplicate).await?)
}

/// Records a consent or its withdrawal; returns the client's whole consent log.
#[tauri::command]
#[specta::specta]
pub async fn consents_record(
    state: State<'_, AppState>,
    client: ClientId,
    input: ConsentInput,
) -> ApiResult<Vec<ConsentRecord>> {
    Ok(state.shop.record_consent(client, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn lead_sources_list(
    state: State<'_, AppState>,
    with_archived: bool,
) -> ApiResult<Vec<LeadSource>> {
    Ok(state.shop.lead_sources(with_archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn lead_sources_add(state: State<'_, AppState>, name: String) -> ApiResult<LeadSource> {
    Ok(state.shop.add_lead_source(&name).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn lead_sources_rename(
    state: State<'_, AppState>,
    id: LeadSourceId,
    name: String,
) -> ApiResult<()> {
    Ok(state.shop.rename_lead_source(id, &name).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn lead_sources_archive(
    state: State<'_, AppState>,
    id: LeadSourceId,
    archived: bool,
) -> ApiResult<()> {
    Ok(state.shop.archive_lead_source(id, archived).await?)
}
