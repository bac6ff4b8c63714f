/// The app's own commands. Listing them makes Tauri generate `allow-<command>`
/// permissions, so a command is callable only when a capability grants it.
const APP_COMMANDS: &[&str] = &[
    "app_info",
    "clients_search",
    "clients_get",
    "clients_validate",
    "clients_create",
    "clients_update",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(APP_COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {error:#}");
    }
}
