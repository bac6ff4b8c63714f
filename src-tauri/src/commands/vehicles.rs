use remzona::domain::client::Duplicates;
use remzona::domain::ids::{ClientId, VehicleId};
use remzona::domain::validation::FieldIssue;
use remzona::domain::vehicle::{MakeModels, Vehicle, VehicleDetails, VehicleDraft};
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

/// The car window: the car, its owners and odometer readings.
#[tauri::command]
#[specta::specta]
pub async fn vehicles_get(state: State<'_, AppState>, id: VehicleId) -> ApiResult<VehicleDetails> {
    Ok(state.shop.vehicle_details(id).await?)
}

#[tauri::command]
#[specta::specta]
pub fn vehicles_validate(
    state: State<'_, AppState>,
    draft: VehicleDraft,
) -> ApiResult<Vec<FieldIssue>> {
    Ok(state.shop.validate_vehicle(&draft))
}

#[tauri::command]
#[specta::specta]
pub async fn vehicles_create(
    state: State<'_, AppState>,
    owner: ClientId,
    draft: VehicleDraft,
    allow_duplicates: bool,
) -> ApiResult<Vehicle> {
    Ok(state
        .shop
        .create_vehicle(owner, &draft, Duplicates::allowed(allow_duplicates))
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn vehicles_update(
    state: State<'_, AppState>,
    id: VehicleId,
    draft: VehicleDraft,
    allow_duplicates: bool,
) -> ApiResult<Vehicle> {
    Ok(state
        .shop
        .update_vehicle(id, &draft, Duplicates::allowed(allow_duplicates))
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn vehicles_record_odometer(
    state: State<'_, AppState>,
    id: VehicleId,
    km: u32,
    reason: String,
) -> ApiResult<Vehicle> {
    Ok(state.shop.record_odometer(id, km, &reason).await?)
}

/// Hands the car over to another client; its history stays with it.
#[tauri::command]
#[specta::specta]
pub async fn vehicles_transfer(
    state: State<'_, AppState>,
    id: VehicleId,
    new_owner: ClientId,
) -> ApiResult<Vehicle> {
    Ok(state.shop.transfer_vehicle(id, new_owner).await?)
}

/// Makes with their models, for the car window's pickers.
#[tauri::command]
#[specta::specta]
pub async fn vehicles_catalogue(state: State<'_, AppState>) -> ApiResult<Vec<MakeModels>> {
    Ok(state.shop.vehicle_catalogue().await?)
}
