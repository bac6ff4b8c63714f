use remzona::Remzona;

/// What every command can reach, held by Tauri's state manager (no globals).
pub struct AppState {
    pub shop: Remzona,
}
