use remzona::domain::client::{Client, ClientDraft, ClientSearchResult, SharedPhone};
use remzona::domain::ids::ClientId;
use remzona::domain::validation::FieldIssue;
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

fn shared(allow_shared_phone: bool) -> SharedPhone {
    if allow_shared_phone {
        SharedPhone::Allow
    } else {
        SharedPhone::Refuse
    }
}

#[tauri::command]
#[specta::specta]
pub async fn clients_search(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> ApiResult<ClientSearchResult> {
    Ok(state.shop.search_clients(&query, limit).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn clients_get(state: State<'_, AppState>, id: ClientId) -> ApiResult<Client> {
    Ok(state.shop.client(id).await?)
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
    allow_shared_phone: bool,
) -> ApiResult<Client> {
    Ok(state
        .shop
        .create_client(&draft, shared(allow_shared_phone))
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn clients_update(
    state: State<'_, AppState>,
    id: ClientId,
    draft: ClientDraft,
    allow_shared_phone: bool,
) -> ApiResult<Client> {
    Ok(state
        .shop
        .update_client(id, &draft, shared(allow_shared_phone))
        .await?)
}
