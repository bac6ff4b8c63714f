use std::sync::Arc;

use remzona::Remzona;
use remzona::reminders::secrets::SecretStore;

/// What every command can reach, held by Tauri's state manager (no globals).
pub struct AppState {
    pub shop: Remzona,
    /// The gateways' secrets: the system keychain.
    pub secrets: Arc<dyn SecretStore>,
}
