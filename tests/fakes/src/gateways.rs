//! The HTTP fake: one server for SMSC.ru, SMS.ru and the Telegram Bot API,
//! told apart by path as the real hosts are by name.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::io::BufReader;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::http::{Request, Response, read_request};
use crate::record::{Log, Provider, Received, Recorder, count_by_our_id};
use crate::script::{Behaviour, Endpoint, Script};
use crate::telegram::Updates;
use crate::{HANG, smsc, smsru, telegram};

/// The secrets the fake providers expect; a request with others is refused
/// the way the provider refuses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub smsc_login: String,
    pub smsc_password: String,
    /// Taken instead of `login` + `psw` (SMSC's `apikey`).
    pub smsc_apikey: String,
    pub smsru_api_id: String,
    /// The `<token>` of `/bot<token>/…`.
    pub telegram_token: String,
    /// What `getMe` answers as the bot's username.
    pub telegram_bot_username: String,
}

impl Default for Credentials {
    fn default() -> Self {
        Credentials {
            smsc_login: "remzona".into(),
            smsc_password: "smsc-password".into(),
            smsc_apikey: "smsc-api-key".into(),
            smsru_api_id: "smsru-api-id".into(),
            telegram_token: "123456:fake-telegram-token".into(),
            telegram_bot_username: "remzona_fake_bot".into(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct GatewaysConfig {
    /// 0: any free port.
    pub port: u16,
    pub credentials: Credentials,
    /// Where every accepted message is appended as a JSON line.
    pub log: Option<Log>,
}

/// State shared by the server's connections and the test.
#[derive(Debug)]
pub(crate) struct Shared {
    pub credentials: Credentials,
    script: Mutex<Script>,
    pub recorder: Recorder,
    ids: AtomicU64,
    pub updates: Mutex<Updates>,
}

impl Shared {
    pub(crate) fn next_behaviour(
        &self,
        provider: Provider,
        endpoint: Endpoint,
        recipient: &str,
    ) -> Behaviour {
        self.script().next(provider, endpoint, recipient)
    }

    pub(crate) fn delivery(&self, provider: Provider, recipient: &str) -> Option<i64> {
        self.script().delivery(provider, recipient)
    }

    /// A new number for provider ids, unique in this server.
    pub(crate) fn next_id(&self) -> u64 {
        self.ids.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn script(&self) -> std::sync::MutexGuard<'_, Script> {
        self.script.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn telegram_updates(&self) -> std::sync::MutexGuard<'_, Updates> {
        self.updates.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// What a handler wants sent back.
#[derive(Debug)]
pub(crate) enum Reply {
    Now(Response),
    /// The message was taken; the answer comes late.
    After(Duration, Response),
    Hang,
    Disconnect,
}

impl Reply {
    /// The reply for behaviours that are alike for every provider: an HTTP
    /// status, a rate limit by header, a hang, a dropped connection. `None`
    /// for those the provider answers in its own shape.
    pub(crate) fn transport(behaviour: &Behaviour) -> Option<Reply> {
        match behaviour {
            Behaviour::Http(status) => Some(Reply::Now(Response::text(
                *status,
                &format!("fake gateway: HTTP {status}"),
            ))),
            Behaviour::RateLimited(seconds) => Some(Reply::Now(
                Response::text(429, "fake gateway: too many requests")
                    .with_header("Retry-After", seconds.to_string()),
            )),
            Behaviour::Hang => Some(Reply::Hang),
            Behaviour::Disconnect => Some(Reply::Disconnect),
            Behaviour::Accept | Behaviour::Error(_) | Behaviour::Delay(_) => None,
        }
    }

    /// An accepted message's answer, late when the behaviour says so.
    pub(crate) fn accepted(behaviour: &Behaviour, response: Response) -> Reply {
        match behaviour {
            Behaviour::Delay(delay) => Reply::After(*delay, response),
            _ => Reply::Now(response),
        }
    }
}

/// The fake SMSC.ru, SMS.ru and Telegram Bot API on one port. Dropping it
/// stops the server.
#[derive(Debug)]
pub struct FakeGateways {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

impl FakeGateways {
    /// On 127.0.0.1, any free port, the default [`Credentials`].
    pub async fn start() -> io::Result<FakeGateways> {
        FakeGateways::start_with(GatewaysConfig::default()).await
    }

    pub async fn start_with(config: GatewaysConfig) -> io::Result<FakeGateways> {
        let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            credentials: config.credentials,
            script: Mutex::default(),
            recorder: Recorder::new(config.log),
            ids: AtomicU64::new(0),
            updates: Mutex::default(),
        });
        let task = tokio::spawn(serve(listener, Arc::clone(&shared)));
        Ok(FakeGateways { addr, shared, task })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`: the base URL of every provider here.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn credentials(&self) -> &Credentials {
        &self.shared.credentials
    }

    /// Every send to `recipient` (a phone as sent, a chat id, or `"*"` for
    /// all) from now on behaves so.
    pub fn script(&self, provider: Provider, recipient: &str, behaviour: Behaviour) {
        self.shared
            .script()
            .rule((provider, Endpoint::Send, recipient.to_owned()), behaviour);
    }

    /// The next send to `recipient` behaves so, once; queued behaviours come
    /// before [`FakeGateways::script`]'s rules, in order.
    pub fn script_once(&self, provider: Provider, recipient: &str, behaviour: Behaviour) {
        self.shared
            .script()
            .queue((provider, Endpoint::Send, recipient.to_owned()), behaviour);
    }

    /// Every status request about `recipient`'s messages behaves so
    /// (`Behaviour::Error` answers the provider's error for the request).
    pub fn script_status(&self, provider: Provider, recipient: &str, behaviour: Behaviour) {
        self.shared.script().rule(
            (provider, Endpoint::Status, recipient.to_owned()),
            behaviour,
        );
    }

    /// The delivery statuses reported for `recipient`'s messages, in the
    /// provider's codes (SMSC `status`, SMS.ru `status_code`): each status
    /// request takes the next, and the last one stays. Unscripted, a message
    /// is delivered (SMSC 1, SMS.ru 103).
    pub fn deliveries(&self, provider: Provider, recipient: &str, codes: &[i64]) {
        self.shared
            .script()
            .deliveries(provider, recipient, codes.to_vec());
    }

    /// A client pressed Start in the bot through the deep link: `getUpdates`
    /// returns the message `/start <code>` from `chat_id`. Gives the
    /// update's id.
    pub fn push_start(&self, chat_id: i64, code: &str, first_name: &str) -> i64 {
        self.push_text(chat_id, &format!("/start {code}"), first_name)
    }

    /// Any other text a client wrote to the bot.
    pub fn push_text(&self, chat_id: i64, text: &str, first_name: &str) -> i64 {
        self.shared
            .telegram_updates()
            .push(chat_id, text, first_name)
    }

    /// Every accepted message, in the order received.
    pub fn received(&self) -> Vec<Received> {
        self.shared.recorder.all()
    }

    pub fn received_from(&self, provider: Provider) -> Vec<Received> {
        let mut received = self.received();
        received.retain(|message| message.provider == provider);
        received
    }

    /// How many messages each of our ids was delivered in.
    pub fn received_count_by_our_id(&self) -> HashMap<String, usize> {
        count_by_our_id(&self.received())
    }

    /// Forgets the script and the received messages (not the credentials,
    /// nor the Telegram updates).
    pub fn reset(&self) {
        self.shared.script().clear();
        self.shared.recorder.clear();
    }
}

impl Drop for FakeGateways {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                tokio::spawn(connection(stream, Arc::clone(&shared)));
            }
            Err(error) => eprintln!("fake gateways: accept failed: {error}"),
        }
    }
}

async fn connection(stream: TcpStream, shared: Arc<Shared>) {
    if let Err(error) = answer(stream, &shared).await {
        // A client that gave up (its timeout) is expected here.
        if error.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("fake gateways: a connection failed: {error}");
        }
    }
}

async fn answer(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    let Some(request) = read_request(&mut reader).await? else {
        return Ok(());
    };
    match route(shared, &request) {
        Reply::Now(response) => response.write(&mut write).await,
        Reply::After(delay, response) => {
            tokio::time::sleep(delay).await;
            response.write(&mut write).await
        }
        Reply::Hang => {
            tokio::time::sleep(HANG).await;
            Ok(())
        }
        Reply::Disconnect => Ok(()),
    }
}

fn route(shared: &Shared, request: &Request) -> Reply {
    match request.path.as_str() {
        "/sys/send.php" => smsc::send(shared, request),
        "/sys/status.php" => smsc::status(shared, request),
        "/sms/send" => smsru::send(shared, request),
        "/sms/status" => smsru::status(shared, request),
        path => match path.strip_prefix("/bot") {
            Some(rest) => telegram::handle(shared, rest, request),
            None => Reply::Now(Response::text(404, "fake gateways: no such path")),
        },
    }
}
