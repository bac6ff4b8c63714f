//! What the fakes received, kept in memory for the test and optionally
//! appended to a JSON-lines file for another process.

use std::collections::{BTreeMap, HashMap};
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// A provider the fakes stand in for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    Smsc,
    SmsRu,
    Telegram,
    Smtp,
}

impl Provider {
    pub const ALL: [Provider; 4] = [
        Provider::Smsc,
        Provider::SmsRu,
        Provider::Telegram,
        Provider::Smtp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Smsc => "smsc",
            Provider::SmsRu => "smsru",
            Provider::Telegram => "telegram",
            Provider::Smtp => "smtp",
        }
    }

    pub fn parse(text: &str) -> Option<Provider> {
        Provider::ALL
            .into_iter()
            .find(|provider| provider.as_str() == text)
    }
}

/// One message a fake accepted (and so "delivered" to its recipient).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    pub provider: Provider,
    /// `sms`, `viber`, `voice`, `telegram` or `email`: for SMSC, from the
    /// request's `viber=1` / `call=1` / `tg=1` flags.
    pub channel: String,
    /// A phone as sent, a Telegram chat id, or an e-mail address.
    pub recipient: String,
    pub text: String,
    /// E-mail only.
    pub subject: Option<String>,
    /// The caller's own id: SMSC's `id`; an e-mail's `X-Remzona-Id` header.
    pub our_id: Option<String>,
    /// The id the fake answered with (SMSC `id`, SMS.ru `sms_id`, Telegram
    /// `chat:message_id`, the e-mail's Message-ID).
    pub provider_id: String,
    /// Other request parameters worth asserting on (`sender`, `from`,
    /// `voice`, `param`, `test`, `parse_mode`, the e-mail's `from`).
    pub extra: BTreeMap<String, String>,
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
}

pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| {
            u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
        })
}

/// A JSON-lines file that every accepted message is appended to, shared by
/// the servers of one process. Each line is one [`Received`].
#[derive(Debug, Clone)]
pub struct Log(Arc<Mutex<File>>);

impl Log {
    /// Opens `path` for appending, creating it when missing.
    pub fn append_to(path: &Path) -> io::Result<Log> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Log(Arc::new(Mutex::new(file))))
    }

    /// Writes one line and flushes it, so a reader sees whole lines only.
    fn write(&self, received: &Received) -> io::Result<()> {
        let mut line = serde_json::to_vec(received).map_err(io::Error::other)?;
        line.push(b'\n');
        let mut file = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        file.write_all(&line)?;
        file.flush()
    }
}

/// The messages received so far, and the log they are mirrored to.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    received: Mutex<Vec<Received>>,
    log: Option<Log>,
}

impl Recorder {
    pub(crate) fn new(log: Option<Log>) -> Recorder {
        Recorder {
            received: Mutex::default(),
            log,
        }
    }

    pub(crate) fn record(&self, received: Received) {
        if let Some(log) = &self.log
            && let Err(error) = log.write(&received)
        {
            eprintln!("fake gateways: the log could not be written: {error}");
        }
        self.lock().push(received);
    }

    pub(crate) fn all(&self) -> Vec<Received> {
        self.lock().clone()
    }

    pub(crate) fn any(&self, found: impl Fn(&Received) -> bool) -> bool {
        self.lock().iter().any(found)
    }

    pub(crate) fn find_map<T>(&self, found: impl Fn(&Received) -> Option<T>) -> Option<T> {
        self.lock().iter().find_map(found)
    }

    pub(crate) fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Received>> {
        self.received.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// How many messages each of our ids was delivered in, for exactly-once
/// assertions; messages without our id are not counted.
pub(crate) fn count_by_our_id(received: &[Received]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for our_id in received.iter().filter_map(|r| r.our_id.clone()) {
        *counts.entry(our_id).or_insert(0) += 1;
    }
    counts
}
