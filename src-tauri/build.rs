/// The app's own commands. Listing them makes Tauri generate `allow-<command>`
/// permissions, so a command is callable only when a capability grants it.
const APP_COMMANDS: &[&str] = &[
    "app_info",
    "clients_search",
    "clients_get",
    "clients_card",
    "clients_validate",
    "clients_create",
    "clients_update",
    "clients_archive",
    "clients_merge",
    "consents_record",
    "lead_sources_list",
    "lead_sources_add",
    "lead_sources_rename",
    "lead_sources_archive",
    "vehicles_get",
    "vehicles_validate",
    "vehicles_create",
    "vehicles_update",
    "vehicles_record_odometer",
    "vehicles_transfer",
    "vehicles_catalogue",
    "imports_preview",
    "imports_run",
    "clients_export",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(APP_COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {error:#}");
    }
}
