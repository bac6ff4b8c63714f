//! The product window, the product list and pickers, brands, categories, suppliers.

use remzona::domain::ids::{BrandId, CategoryId, ProductId, SupplierId};
use remzona::domain::product::{
    Brand, Category, Product, ProductDraft, ProductListItem, ProductSearch, Supplier, SupplierDraft,
};
use remzona::domain::stock::ProductMovement;
use remzona::domain::validation::FieldIssue;
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

/// The product list and the pickers.
#[tauri::command]
#[specta::specta]
pub async fn products_search(
    state: State<'_, AppState>,
    search: ProductSearch,
) -> ApiResult<Vec<ProductListItem>> {
    Ok(state.shop.search_products(&search).await?)
}

/// The product window.
#[tauri::command]
#[specta::specta]
pub async fn products_get(state: State<'_, AppState>, id: ProductId) -> ApiResult<Product> {
    Ok(state.shop.product(id).await?)
}

#[tauri::command]
#[specta::specta]
pub fn products_validate(
    state: State<'_, AppState>,
    draft: ProductDraft,
) -> ApiResult<Vec<FieldIssue>> {
    Ok(state.shop.validate_product(&draft))
}

#[tauri::command]
#[specta::specta]
pub async fn products_create(
    state: State<'_, AppState>,
    draft: ProductDraft,
) -> ApiResult<Product> {
    Ok(state.shop.create_product(&draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn products_update(
    state: State<'_, AppState>,
    id: ProductId,
    draft: ProductDraft,
) -> ApiResult<Product> {
    Ok(state.shop.update_product(id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn products_archive(
    state: State<'_, AppState>,
    id: ProductId,
    archived: bool,
) -> ApiResult<()> {
    Ok(state.shop.archive_product(id, archived).await?)
}

/// What came and went, newest first.
#[tauri::command]
#[specta::specta]
pub async fn products_movements(
    state: State<'_, AppState>,
    id: ProductId,
) -> ApiResult<Vec<ProductMovement>> {
    Ok(state.shop.product_movements(id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn brands_list(state: State<'_, AppState>) -> ApiResult<Vec<Brand>> {
    Ok(state.shop.brands().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn brands_rename(state: State<'_, AppState>, id: BrandId, name: String) -> ApiResult<()> {
    Ok(state.shop.rename_brand(id, &name).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn brands_archive(
    state: State<'_, AppState>,
    id: BrandId,
    archived: bool,
) -> ApiResult<()> {
    Ok(state.shop.archive_brand(id, archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn categories_list(
    state: State<'_, AppState>,
    with_archived: bool,
) -> ApiResult<Vec<Category>> {
    Ok(state.shop.categories(with_archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn categories_add(
    state: State<'_, AppState>,
    parent: Option<CategoryId>,
    name: String,
) -> ApiResult<CategoryId> {
    Ok(state.shop.add_category(parent, &name).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn categories_rename(
    state: State<'_, AppState>,
    id: CategoryId,
    name: String,
) -> ApiResult<()> {
    Ok(state.shop.rename_category(id, &name).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn categories_archive(
    state: State<'_, AppState>,
    id: CategoryId,
    archived: bool,
) -> ApiResult<()> {
    Ok(state.shop.archive_category(id, archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn suppliers_list(
    state: State<'_, AppState>,
    with_archived: bool,
) -> ApiResult<Vec<Supplier>> {
    Ok(state.shop.suppliers(with_archived).await?)
}

/// Adds a supplier (`id` null) or changes one.
#[tauri::command]
#[specta::specta]
pub async fn suppliers_save(
    state: State<'_, AppState>,
    id: Option<SupplierId>,
    draft: SupplierDraft,
) -> ApiResult<SupplierId> {
    Ok(state.shop.save_supplier(id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn suppliers_archive(
    state: State<'_, AppState>,
    id: SupplierId,
    archived: bool,
) -> ApiResult<()> {
    Ok(state.shop.archive_supplier(id, archived).await?)
}
