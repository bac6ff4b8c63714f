//! Where the shop's database lives unless told otherwise: the user's data
//! folder, the same place for the desktop app and the CLI.

use std::env;
use std::path::PathBuf;

/// The app's identifier, as the OS data folder names it.
pub const APP_IDENTIFIER: &str = "ru.remzona.desk";
/// Set this to a file path to use another database (tests, a second shop).
pub const DB_ENV_VAR: &str = "REMZONA_DB";
pub const DB_FILE_NAME: &str = "remzona.sqlite3";

/// `REMZONA_DB` when set, otherwise `<data folder>/ru.remzona.desk/remzona.sqlite3`.
pub fn default_db_path() -> PathBuf {
    match env::var_os(DB_ENV_VAR).filter(|v| !v.is_empty()) {
        Some(path) => PathBuf::from(path),
        None => data_dir().join(APP_IDENTIFIER).join(DB_FILE_NAME),
    }
}

fn data_dir() -> PathBuf {
    let home = || {
        env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."))
    };
    if cfg!(target_os = "windows") {
        env::var_os("APPDATA")
            .map(PathBuf::from)
            .unwrap_or_else(home)
    } else if cfg!(target_os = "macos") {
        home().join("Library").join("Application Support")
    } else {
        env::var_os("XDG_DATA_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| home().join(".local").join("share"))
    }
}
