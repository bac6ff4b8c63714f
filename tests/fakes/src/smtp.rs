//! An SMTP server for tests: the real dialogue of RFC 5321 without TLS
//! (STARTTLS is not offered), AUTH PLAIN and LOGIN, dot-unstuffed DATA.
//! Refusals are scripted by recipient: a 4xx (transient) or 5xx (permanent)
//! reply to `RCPT TO`, or to the data; a silent server stands for a hang.

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::record::{Log, Provider, Received, Recorder, count_by_our_id, now_ms};
use crate::{HANG, mail};

const NAME: &str = "fake-smtp.remzona.test";
/// The header our SMTP adapter puts our id in, so deliveries can be counted.
pub const OUR_ID_HEADER: &str = "X-Remzona-Id";

#[derive(Debug, Clone, Default)]
pub struct SmtpConfig {
    /// 0: any free port.
    pub port: u16,
    /// When set, AUTH must give this login and password, and a MAIL before
    /// AUTH is refused (530); otherwise any AUTH is accepted and none needed.
    pub credentials: Option<(String, String)>,
    /// Where every accepted message is appended as a JSON line (one per
    /// recipient).
    pub log: Option<Log>,
}

/// One message as the server took it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    /// The envelope: `MAIL FROM` and the accepted `RCPT TO`s.
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent, dot-unstuffed, without the final `.` line.
    pub data: String,
    /// The login the client authenticated with.
    pub login: Option<String>,
    pub at_ms: u64,
}

impl ReceivedMail {
    pub fn headers(&self) -> Vec<(String, String)> {
        mail::headers(mail::split(&self.data).0)
    }

    /// A header's value with its encoded words decoded.
    pub fn header(&self, name: &str) -> Option<String> {
        mail::header(&self.headers(), name).map(mail::decode_words)
    }

    pub fn subject(&self) -> Option<String> {
        self.header("Subject")
    }

    /// The `From` header, decoded: `Автосервис «Гайка» <shop@example.ru>`.
    pub fn from_header(&self) -> Option<String> {
        self.header("From")
    }

    /// The text/plain part (or a plain body), decoded.
    pub fn text(&self) -> Option<String> {
        mail::find_part(&self.data, "text/plain")
    }

    /// The text/html part, decoded.
    pub fn html(&self) -> Option<String> {
        mail::find_part(&self.data, "text/html")
    }

    pub fn message_id(&self) -> Option<String> {
        self.header("Message-ID")
    }

    /// Our id, from the [`OUR_ID_HEADER`] header.
    pub fn our_id(&self) -> Option<String> {
        self.header(OUR_ID_HEADER)
    }

    fn as_received(&self, recipient: &str) -> Received {
        let extra = [
            ("from", self.from_header()),
            ("envelope_from", Some(self.from.clone())),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name.to_owned(), value?)))
        .collect::<BTreeMap<_, _>>();
        Received {
            provider: Provider::Smtp,
            channel: "email".into(),
            recipient: recipient.to_owned(),
            text: self.text().unwrap_or_default(),
            subject: self.subject(),
            our_id: self.our_id(),
            provider_id: self.message_id().unwrap_or_default(),
            extra,
            at_ms: self.at_ms,
        }
    }
}

#[derive(Debug, Default)]
struct Rules {
    /// (marker, reply code) for `RCPT TO`: an address containing the marker,
    /// or every address for `*`.
    rcpt: Vec<(String, u16)>,
    data: Option<u16>,
}

#[derive(Debug)]
struct Shared {
    credentials: Option<(String, String)>,
    mails: Mutex<Vec<ReceivedMail>>,
    rules: Mutex<Rules>,
    silent: AtomicBool,
    queued: AtomicU64,
    recorder: Recorder,
}

impl Shared {
    fn rules(&self) -> std::sync::MutexGuard<'_, Rules> {
        self.rules.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn mails(&self) -> std::sync::MutexGuard<'_, Vec<ReceivedMail>> {
        self.mails.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn rcpt_refusal(&self, address: &str) -> Option<u16> {
        let address = address.to_lowercase();
        self.rules()
            .rcpt
            .iter()
            .find(|(marker, _)| marker == "*" || address.contains(&marker.to_lowercase()))
            .map(|(_, code)| *code)
    }

    fn credentials_ok(&self, login: &str, password: &str) -> bool {
        self.credentials
            .as_ref()
            .is_none_or(|(expected, secret)| expected == login && secret == password)
    }
}

/// A fake SMTP server on 127.0.0.1. Dropping it stops the server.
#[derive(Debug)]
pub struct FakeSmtp {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

impl FakeSmtp {
    /// Any free port, any AUTH accepted, none required.
    pub async fn start() -> io::Result<FakeSmtp> {
        FakeSmtp::start_with(SmtpConfig::default()).await
    }

    pub async fn start_with(config: SmtpConfig) -> io::Result<FakeSmtp> {
        let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            credentials: config.credentials,
            mails: Mutex::default(),
            rules: Mutex::default(),
            silent: AtomicBool::new(false),
            queued: AtomicU64::new(0),
            recorder: Recorder::new(config.log),
        });
        let task = tokio::spawn(serve(listener, Arc::clone(&shared)));
        Ok(FakeSmtp { addr, shared, task })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn host(&self) -> String {
        self.addr.ip().to_string()
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Replies `code` (451: transient, 550: permanent, …) to `RCPT TO` for
    /// addresses containing `marker` (any case), or for all with `"*"`.
    /// Earlier rules win.
    pub fn reject_rcpt(&self, marker: &str, code: u16) {
        self.shared.rules().rcpt.push((marker.to_owned(), code));
    }

    /// Replies `code` after the data of every message, or accepts it again
    /// with `None`.
    pub fn reject_data(&self, code: Option<u16>) {
        self.shared.rules().data = code;
    }

    /// A silent server takes connections and never greets: a client's
    /// timeout has to end the attempt.
    pub fn set_silent(&self, silent: bool) {
        self.shared.silent.store(silent, Ordering::Relaxed);
    }

    /// Every accepted message, in the order received.
    pub fn mails(&self) -> Vec<ReceivedMail> {
        self.shared.mails().clone()
    }

    /// The accepted messages as [`Received`], one per recipient.
    pub fn received(&self) -> Vec<Received> {
        self.shared.recorder.all()
    }

    /// How many messages each of our ids was delivered in (per recipient).
    pub fn received_count_by_our_id(&self) -> HashMap<String, usize> {
        count_by_our_id(&self.received())
    }

    /// Forgets the rules and the messages.
    pub fn reset(&self) {
        *self.shared.rules() = Rules::default();
        self.shared.mails().clear();
        self.shared.recorder.clear();
        self.set_silent(false);
    }
}

impl Drop for FakeSmtp {
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
            Err(error) => eprintln!("fake smtp: accept failed: {error}"),
        }
    }
}

async fn connection(stream: TcpStream, shared: Arc<Shared>) {
    if shared.silent.load(Ordering::Relaxed) {
        tokio::time::sleep(HANG).await;
        return;
    }
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    if let Err(error) = session(&mut reader, &mut write, &shared).await
        && error.kind() != io::ErrorKind::BrokenPipe
        && error.kind() != io::ErrorKind::ConnectionReset
    {
        eprintln!("fake smtp: a session failed: {error}");
    }
}

/// The envelope of the message being given.
#[derive(Debug, Default)]
struct Envelope {
    from: Option<String>,
    to: Vec<String>,
}

async fn session<R, W>(reader: &mut R, writer: &mut W, shared: &Shared) -> io::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    reply(writer, &format!("220 {NAME} ESMTP ready")).await?;
    let mut login: Option<String> = None;
    let mut envelope = Envelope::default();
    while let Some(line) = read_line(reader).await? {
        let (verb, rest) = line.split_once(' ').unwrap_or((line.as_str(), ""));
        match verb.to_ascii_uppercase().as_str() {
            "EHLO" => {
                let greeting = format!(
                    "250-{NAME} greets {rest}\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 10485760"
                );
                reply(writer, &greeting).await?;
            }
            "HELO" => reply(writer, &format!("250 {NAME}")).await?,
            "AUTH" => login = authenticate(reader, writer, shared, rest).await?.or(login),
            "MAIL" => {
                let answer = mail_from(shared, &login, rest, &mut envelope);
                reply(writer, answer).await?;
            }
            "RCPT" => {
                let answer = rcpt_to(shared, rest, &mut envelope);
                reply(writer, &answer).await?;
            }
            "DATA" => data(reader, writer, shared, &login, &mut envelope).await?,
            "RSET" => {
                envelope = Envelope::default();
                reply(writer, "250 2.0.0 Ok").await?;
            }
            "NOOP" => reply(writer, "250 2.0.0 Ok").await?,
            "QUIT" => return reply(writer, "221 2.0.0 Bye").await,
            _ => reply(writer, "502 5.5.2 Command not recognized").await?,
        }
    }
    Ok(())
}

fn mail_from(
    shared: &Shared,
    login: &Option<String>,
    rest: &str,
    envelope: &mut Envelope,
) -> &'static str {
    if shared.credentials.is_some() && login.is_none() {
        return "530 5.7.0 Authentication required";
    }
    let Some(address) = path(rest, "FROM:") else {
        return "501 5.5.4 Syntax: MAIL FROM:<address>";
    };
    *envelope = Envelope {
        from: Some(address),
        to: Vec::new(),
    };
    "250 2.1.0 Ok"
}

fn rcpt_to(shared: &Shared, rest: &str, envelope: &mut Envelope) -> String {
    if envelope.from.is_none() {
        return "503 5.5.1 MAIL first".into();
    }
    let Some(address) = path(rest, "TO:") else {
        return "501 5.5.4 Syntax: RCPT TO:<address>".into();
    };
    if let Some(code) = shared.rcpt_refusal(&address) {
        return refusal(code, &format!("<{address}>: mailbox unavailable"));
    }
    envelope.to.push(address);
    "250 2.1.5 Ok".into()
}

async fn data<R, W>(
    reader: &mut R,
    writer: &mut W,
    shared: &Shared,
    login: &Option<String>,
    envelope: &mut Envelope,
) -> io::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let Some(from) = envelope.from.clone().filter(|_| !envelope.to.is_empty()) else {
        return reply(writer, "503 5.5.1 RCPT first").await;
    };
    reply(writer, "354 End data with <CR><LF>.<CR><LF>").await?;
    let mut lines = Vec::new();
    while let Some(line) = read_line(reader).await? {
        if line == "." {
            break;
        }
        let line = line
            .strip_prefix('.')
            .filter(|_| line.starts_with(".."))
            .unwrap_or(&line);
        lines.push(line.to_owned());
    }
    let to = std::mem::take(&mut envelope.to);
    envelope.from = None;
    let refused = shared.rules().data;
    if let Some(code) = refused {
        return reply(writer, &refusal(code, "message refused")).await;
    }
    let mail = ReceivedMail {
        from,
        to,
        data: lines.join("\r\n"),
        login: login.clone(),
        at_ms: now_ms(),
    };
    for recipient in &mail.to {
        shared.recorder.record(mail.as_received(recipient));
    }
    shared.mails().push(mail);
    let number = shared.queued.fetch_add(1, Ordering::Relaxed) + 1;
    reply(writer, &format!("250 2.0.0 Ok: queued as {number}")).await
}

/// AUTH PLAIN (initial response or a 334 prompt) and AUTH LOGIN; gives the
/// login when it was accepted.
async fn authenticate<R, W>(
    reader: &mut R,
    writer: &mut W,
    shared: &Shared,
    rest: &str,
) -> io::Result<Option<String>>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let (mechanism, initial) = rest.split_once(' ').unwrap_or((rest, ""));
    let (login, password) = match mechanism.to_ascii_uppercase().as_str() {
        "PLAIN" => {
            let response = match initial {
                "" => prompt(reader, writer, "334 ").await?,
                given => given.to_owned(),
            };
            let decoded = decode64(&response);
            let mut fields = decoded.split('\0').skip(1);
            let login = fields.next().unwrap_or_default().to_owned();
            (login, fields.next().unwrap_or_default().to_owned())
        }
        "LOGIN" => {
            let login = match initial {
                "" => decode64(&prompt(reader, writer, "334 VXNlcm5hbWU6").await?),
                given => decode64(given),
            };
            (
                login,
                decode64(&prompt(reader, writer, "334 UGFzc3dvcmQ6").await?),
            )
        }
        _ => {
            reply(writer, "504 5.5.4 Unrecognized authentication type").await?;
            return Ok(None);
        }
    };
    if shared.credentials_ok(&login, &password) {
        reply(writer, "235 2.7.0 Authentication successful").await?;
        Ok(Some(login))
    } else {
        reply(writer, "535 5.7.8 Authentication credentials invalid").await?;
        Ok(None)
    }
}

async fn prompt<R, W>(reader: &mut R, writer: &mut W, challenge: &str) -> io::Result<String>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    reply(writer, challenge).await?;
    Ok(read_line(reader).await?.unwrap_or_default())
}

fn decode64(text: &str) -> String {
    let bytes = STANDARD.decode(text.trim()).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The address of `FROM:<a@b> SIZE=…` after the keyword; `<>` is the null
/// reverse path.
fn path(rest: &str, keyword: &str) -> Option<String> {
    let head = rest.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let tail = rest[keyword.len()..].trim_start();
    let inner = tail.strip_prefix('<')?;
    let end = inner.find('>')?;
    Some(inner[..end].to_owned())
}

fn refusal(code: u16, text: &str) -> String {
    let enhanced = if code < 500 { "4.3.0" } else { "5.1.1" };
    format!("{code} {enhanced} {text}")
}

/// One line without its line break; `None` at the end of the stream.
async fn read_line<R>(reader: &mut R) -> io::Result<Option<String>>
where
    R: AsyncBufRead + Unpin,
{
    let mut bytes = Vec::new();
    if reader.read_until(b'\n', &mut bytes).await? == 0 {
        return Ok(None);
    }
    let line = String::from_utf8_lossy(&bytes);
    Ok(Some(line.trim_end_matches(['\r', '\n']).to_owned()))
}

async fn reply<W>(writer: &mut W, text: &str) -> io::Result<()>
where
    W: AsyncWrite + Unpin,
{
    writer.write_all(text.as_bytes()).await?;
    writer.write_all(b"\r\n").await?;
    writer.flush().await
}
