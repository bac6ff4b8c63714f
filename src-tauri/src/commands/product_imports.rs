//! Loading products from a price list or a catalogue, and saving the nomenclature to a file.

use std::path::PathBuf;

use remzona::import::{ExportFormat, ProductColumn};
use remzona::imports::ImportProgress;
use remzona::product_imports::{ProductImportPreview, ProductImportReport};
use tauri::State;
use tauri::ipc::Channel;

use crate::error::ApiResult;
use crate::state::AppState;

/// What importing the file would do, with the guessed (or given) column mapping.
#[tauri::command]
#[specta::specta]
pub async fn products_import_preview(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Option<Vec<ProductColumn>>,
) -> ApiResult<ProductImportPreview> {
    Ok(state.shop.preview_product_import(&path, mapping).await?)
}

/// Imports the file in one transaction, reporting progress on `on_progress`.
#[tauri::command]
#[specta::specta]
pub async fn products_import_run(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Option<Vec<ProductColumn>>,
    on_progress: Channel<ImportProgress>,
) -> ApiResult<ProductImportReport> {
    let report = move |step: ImportProgress| {
        // A closed window only stops the bar, never the import.
        let _ = on_progress.send(step);
    };
    Ok(state
        .shop
        .run_product_import(&path, mapping, report)
        .await?)
}

/// Writes every product to `path`; returns the number of rows.
#[tauri::command]
#[specta::specta]
pub async fn products_export(
    state: State<'_, AppState>,
    path: PathBuf,
    format: ExportFormat,
) -> ApiResult<u32> {
    Ok(state.shop.export_products(&path, format).await?)
}
