use std::path::PathBuf;

use remzona::import::{ExportFormat, ImportColumn};
use remzona::imports::{ImportPreview, ImportProgress, ImportReport};
use tauri::State;
use tauri::ipc::Channel;

use crate::error::ApiResult;
use crate::state::AppState;

/// What importing the file would do, with the guessed (or given) column mapping.
#[tauri::command]
#[specta::specta]
pub async fn imports_preview(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Option<Vec<ImportColumn>>,
) -> ApiResult<ImportPreview> {
    Ok(state.shop.preview_import(&path, mapping).await?)
}

/// Imports the file in one transaction, reporting progress on `progress`.
#[tauri::command]
#[specta::specta]
pub async fn imports_run(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Option<Vec<ImportColumn>>,
    progress: Channel<ImportProgress>,
) -> ApiResult<ImportReport> {
    let report = move |step: ImportProgress| {
        // A closed window only stops the bar, never the import.
        let _ = progress.send(step);
    };
    Ok(state.shop.run_import(&path, mapping, &report).await?)
}

/// Writes every client with their cars to `path`; returns the number of rows.
#[tauri::command]
#[specta::specta]
pub async fn clients_export(
    state: State<'_, AppState>,
    path: PathBuf,
    format: ExportFormat,
) -> ApiResult<u32> {
    let rows = state.shop.export_clients(&path, format).await?;
    Ok(u32::try_from(rows).unwrap_or(u32::MAX))
}
