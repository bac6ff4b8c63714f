//! The background dispatcher: while the app is open it runs the core's
//! reminders pass on a timer. Another dispatcher on the same database (the
//! CLI from the OS scheduler, another desk) is safe: the core claims each
//! message in a committed transaction before sending it.

use std::sync::Arc;
use std::time::Duration;

use remzona::Remzona;
use remzona::reminders::secrets::SecretStore;

/// How often a pass runs: reminders are about tomorrow, so a minute is
/// prompt, and retries and delivery polls have their own times.
const EVERY: Duration = Duration::from_secs(60);
/// The first pass waits for the window to come up.
const FIRST_AFTER: Duration = Duration::from_secs(10);

/// `REMZONA_REMINDERS=off` keeps the timer from starting (a second copy of
/// a shop's database opened only to look at it).
const SWITCH: &str = "REMZONA_REMINDERS";

pub fn start(shop: Remzona, secrets: Arc<dyn SecretStore>) {
    if std::env::var(SWITCH).is_ok_and(|value| value == "off") {
        return;
    }
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST_AFTER).await;
        loop {
            if let Err(error) = shop.run_reminders(secrets.as_ref()).await {
                // The pass is retried at the next tick; the outbox keeps
                // every message's own errors for the reminders screen.
                eprintln!("remzona: reminders pass: {error}");
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}
