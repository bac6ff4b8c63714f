//! The price list of services, its categories, packages and the hourly rate.

use remzona::domain::ids::{PackageId, ServiceCategoryId, ServiceId};
use remzona::domain::pricelist::{
    Package, PackageDraft, PricingSettings, Service, ServiceCategory, ServiceCategoryDraft,
    ServiceDraft, ServiceSearch,
};
use remzona::domain::validation::FieldIssue;
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

/// The price list and the service picker.
#[tauri::command]
#[specta::specta]
pub async fn services_search(
    state: State<'_, AppState>,
    search: ServiceSearch,
) -> ApiResult<Vec<Service>> {
    Ok(state.shop.search_services(&search).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn services_get(state: State<'_, AppState>, id: ServiceId) -> ApiResult<Service> {
    Ok(state.shop.service(id).await?)
}

#[tauri::command]
#[specta::specta]
pub fn services_validate(
    state: State<'_, AppState>,
    draft: ServiceDraft,
) -> ApiResult<Vec<FieldIssue>> {
    Ok(state.shop.validate_service(&draft))
}

#[tauri::command]
#[specta::specta]
pub async fn services_create(
    state: State<'_, AppState>,
    draft: ServiceDraft,
) -> ApiResult<Service> {
    Ok(state.shop.create_service(&draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn services_update(
    state: State<'_, AppState>,
    id: ServiceId,
    draft: ServiceDraft,
) -> ApiResult<Service> {
    Ok(state.shop.update_service(id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn services_archive(
    state: State<'_, AppState>,
    id: ServiceId,
    archived: bool,
) -> ApiResult<()> {
    Ok(state.shop.archive_service(id, archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn service_categories_list(
    state: State<'_, AppState>,
    with_archived: bool,
) -> ApiResult<Vec<ServiceCategory>> {
    Ok(state.shop.service_categories(with_archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn service_categories_save(
    state: State<'_, AppState>,
    id: Option<ServiceCategoryId>,
    draft: ServiceCategoryDraft,
) -> ApiResult<ServiceCategoryId> {
    Ok(state.shop.save_service_category(id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn service_categories_archive(
    state: State<'_, AppState>,
    id: ServiceCategoryId,
    archived: bool,
) -> ApiResult<()> {
    Ok(state.shop.archive_service_category(id, archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn packages_list(
    state: State<'_, AppState>,
    with_archived: bool,
) -> ApiResult<Vec<Package>> {
    Ok(state.shop.packages(with_archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn packages_create(
    state: State<'_, AppState>,
    draft: PackageDraft,
) -> ApiResult<Package> {
    Ok(state.shop.create_package(&draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn packages_update(
    state: State<'_, AppState>,
    id: PackageId,
    draft: PackageDraft,
) -> ApiResult<Package> {
    Ok(state.shop.update_package(id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn packages_archive(
    state: State<'_, AppState>,
    id: PackageId,
    archived: bool,
) -> ApiResult<()> {
    Ok(state.shop.archive_package(id, archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn pricing_get(state: State<'_, AppState>) -> ApiResult<PricingSettings> {
    Ok(state.shop.pricing_settings().await?)
}

/// The shop's hourly rate, typed (`2 500`).
#[tauri::command]
#[specta::specta]
pub async fn pricing_set_hourly_rate(
    state: State<'_, AppState>,
    rate: String,
) -> ApiResult<PricingSettings> {
    Ok(state.shop.set_hourly_rate(&rate).await?)
}
