//! Stock documents, counter sales, warehouses and stock settings.

use remzona::domain::ids::{SaleId, StockDocId, WarehouseId};
use remzona::domain::stock::{
    InventoryDraft, ReceiptDraft, Sale, SaleDraft, StockDocKind, StockDocSummary, StockDocument,
    StockSettings, Warehouse, WriteOffDraft,
};
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

/// A receipt from a supplier.
#[tauri::command]
#[specta::specta]
pub async fn stock_receive(
    state: State<'_, AppState>,
    draft: ReceiptDraft,
) -> ApiResult<StockDocument> {
    Ok(state.shop.receive_stock(&draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn stock_write_off(
    state: State<'_, AppState>,
    draft: WriteOffDraft,
) -> ApiResult<StockDocument> {
    Ok(state.shop.write_off_stock(&draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn stock_inventory(
    state: State<'_, AppState>,
    draft: InventoryDraft,
) -> ApiResult<StockDocument> {
    Ok(state.shop.count_inventory(&draft).await?)
}

/// A counter sale: stock out, payment in, one transaction.
#[tauri::command]
#[specta::specta]
pub async fn stock_sell(state: State<'_, AppState>, draft: SaleDraft) -> ApiResult<Sale> {
    Ok(state.shop.sell(&draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn stock_document(
    state: State<'_, AppState>,
    id: StockDocId,
) -> ApiResult<StockDocument> {
    Ok(state.shop.stock_document(id).await?)
}

/// The journal, newest first.
#[tauri::command]
#[specta::specta]
pub async fn stock_documents(
    state: State<'_, AppState>,
    kind: Option<StockDocKind>,
    limit: u32,
) -> ApiResult<Vec<StockDocSummary>> {
    Ok(state.shop.stock_documents(kind, limit).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn sales_get(state: State<'_, AppState>, id: SaleId) -> ApiResult<Sale> {
    Ok(state.shop.sale(id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn warehouses_list(
    state: State<'_, AppState>,
    with_archived: bool,
) -> ApiResult<Vec<Warehouse>> {
    Ok(state.shop.warehouses(with_archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn warehouses_add(state: State<'_, AppState>, name: String) -> ApiResult<WarehouseId> {
    Ok(state.shop.add_warehouse(&name).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn warehouses_rename(
    state: State<'_, AppState>,
    id: WarehouseId,
    name: String,
) -> ApiResult<()> {
    Ok(state.shop.rename_warehouse(id, &name).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn warehouses_archive(
    state: State<'_, AppState>,
    id: WarehouseId,
    archived: bool,
) -> ApiResult<()> {
    Ok(state.shop.archive_warehouse(id, archived).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn stock_settings_get(state: State<'_, AppState>) -> ApiResult<StockSettings> {
    Ok(state.shop.stock_settings().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn stock_settings_set(
    state: State<'_, AppState>,
    settings: StockSettings,
) -> ApiResult<()> {
    Ok(state.shop.set_stock_settings(settings).await?)
}
