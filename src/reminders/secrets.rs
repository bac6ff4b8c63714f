//! Where the gateways' secrets live: the operating system's keychain for the
//! app, environment variables for a headless `remzona reminders run
//! --config`. Never the database, never the web front end.

use std::collections::HashMap;
use std::path::Path;

use crate::domain::reminder::queue::GatewayKind;
use crate::error::{Error, Result};

/// A place that keeps one secret per gateway.
pub trait SecretStore: Send + Sync {
    fn get(&self, gateway: GatewayKind) -> Result<Option<String>>;
    fn set(&self, gateway: GatewayKind, secret: &str) -> Result<()>;
    fn delete(&self, gateway: GatewayKind) -> Result<()>;
}

/// The keychain's service name for all of Remzona's entries.
const SERVICE: &str = "Remzona";

/// The OS keychain (Secret Service on Linux, Keychain on macOS, Credential
/// Manager on Windows). Entries are named by the shop's database file, so
/// two shops on one computer (or a test's temporary shop) keep apart.
#[derive(Debug, Clone)]
pub struct Keychain {
    scope: String,
}

impl Keychain {
    pub fn for_database(path: &Path) -> Keychain {
        let scope = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .to_string_lossy()
            .into_owned();
        Keychain { scope }
    }

    fn entry(&self, gateway: GatewayKind) -> Result<keyring::Entry> {
        let user = format!("{}@{}", gateway.as_str(), self.scope);
        keyring::Entry::new(SERVICE, &user).map_err(keychain_error)
    }
}

fn keychain_error(error: keyring::Error) -> Error {
    Error::Keychain(error.to_string())
}

impl SecretStore for Keychain {
    fn get(&self, gateway: GatewayKind) -> Result<Option<String>> {
        match self.entry(gateway)?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(keychain_error(error)),
        }
    }

    fn set(&self, gateway: GatewayKind, secret: &str) -> Result<()> {
        self.entry(gateway)?
            .set_password(secret)
            .map_err(keychain_error)
    }

    fn delete(&self, gateway: GatewayKind) -> Result<()> {
        match self.entry(gateway)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(keychain_error(error)),
        }
    }
}

/// Secrets read from environment variables named per gateway (the CLI's
/// `--config` file names them). Read-only.
#[derive(Debug, Clone, Default)]
pub struct EnvSecrets {
    variables: HashMap<GatewayKind, String>,
}

impl EnvSecrets {
    pub fn new(variables: HashMap<GatewayKind, String>) -> EnvSecrets {
        EnvSecrets { variables }
    }
}

impl SecretStore for EnvSecrets {
    fn get(&self, gateway: GatewayKind) -> Result<Option<String>> {
        Ok(self
            .variables
            .get(&gateway)
            .and_then(|name| std::env::var(name).ok())
            .filter(|value| !value.is_empty()))
    }

    fn set(&self, _: GatewayKind, _: &str) -> Result<()> {
        Err(Error::Keychain(
            "secrets of a configuration file come from environment variables".into(),
        ))
    }

    fn delete(&self, gateway: GatewayKind) -> Result<()> {
        self.set(gateway, "")
    }
}

/// Secrets held in memory for the life of the process: for tests and for a
/// machine without a keychain service, where the operator is told so.
#[derive(Debug, Default)]
pub struct MemorySecrets {
    secrets: std::sync::Mutex<HashMap<GatewayKind, String>>,
}

impl SecretStore for MemorySecrets {
    fn get(&self, gateway: GatewayKind) -> Result<Option<String>> {
        Ok(self
            .secrets
            .lock()
            .map_err(|_| Error::Keychain("secret store poisoned".into()))?
            .get(&gateway)
            .cloned())
    }

    fn set(&self, gateway: GatewayKind, secret: &str) -> Result<()> {
        self.secrets
            .lock()
            .map_err(|_| Error::Keychain("secret store poisoned".into()))?
            .insert(gateway, secret.to_owned());
        Ok(())
    }

    fn delete(&self, gateway: GatewayKind) -> Result<()> {
        self.secrets
            .lock()
            .map_err(|_| Error::Keychain("secret store poisoned".into()))?
            .remove(&gateway);
        Ok(())
    }
}
