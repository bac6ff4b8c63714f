//! The providers' adapters behind [`Gateway`](super::gateway::Gateway): each
//! speaks one provider's wire format and reports what the provider said,
//! classified, never deciding about retries itself.
//!
//! - [`SmtpGateway`]: e-mail through any SMTP server (lettre);
//! - [`SmscGateway`]: SMSC.ru's `send.php` / `status.php` for SMS, Viber,
//!   voice calls and Telegram;
//! - [`SmsRuGateway`]: SMS.ru's `sms/send` / `sms/status`;
//! - [`TelegramGateway`]: the Bot API's `sendMessage`, and `getUpdates` for
//!   binding a client's chat through the deep link.
//!
//! Shared rules: every request has a connect and a total timeout
//! ([`Timeouts`]); a network error or a timeout is transient; an HTTP status
//! is classified by [`classify_http`], a provider's own code by its
//! `classify_*` function; a provider's "wait this long" (Telegram's
//! `retry_after`, HTTP `Retry-After`) is passed on. Secrets travel in request
//! bodies, and error texts are stripped of URLs, since the Bot API's token is
//! part of its URL and the texts are stored and shown.

use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{StatusCode, Url};
use serde::de::DeserializeOwned;

use crate::domain::reminder::gateways::is_http_url;
use crate::domain::reminder::outbox::{FailureClass, classify_http};
use crate::reminders::gateway::{GatewayFailure, SendOutcome};

pub mod smsc;
pub mod smsru;
pub mod smtp;
pub mod telegram;

pub use smsc::SmscGateway;
pub use smsru::SmsRuGateway;
pub use smtp::{Letter, SmtpGateway};
pub use telegram::{StartCommand, StartUpdates, TelegramGateway, deep_link};

/// How long a gateway waits: for the connection, and for the whole request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    pub request: Duration,
}

impl Default for Timeouts {
    /// Ten seconds each: long enough for a slow provider, short enough that
    /// a hung one does not hold the dispatcher for long.
    fn default() -> Self {
        Timeouts::both(Duration::from_secs(10))
    }
}

impl Timeouts {
    /// The same limit for the connection and the request (tests use a short
    /// one).
    pub fn both(limit: Duration) -> Timeouts {
        Timeouts {
            connect: limit,
            request: limit,
        }
    }
}

/// A gateway that cannot be built from its settings.
#[derive(Debug, thiserror::Error)]
pub enum GatewaySetupError {
    #[error("«{0}» is not an http(s) URL")]
    BaseUrl(String),
    #[error("«{0}» is not an e-mail address")]
    Address(String),
    #[error("the HTTP client could not be set up: {0}")]
    Http(#[source] reqwest::Error),
    #[error("the SMTP transport could not be set up: {0}")]
    Smtp(#[source] lettre::transport::smtp::Error),
}

/// The HTTP client of one gateway.
pub(crate) fn http_client(timeouts: Timeouts) -> Result<reqwest::Client, GatewaySetupError> {
    install_crypto_provider();
    reqwest::Client::builder()
        .connect_timeout(timeouts.connect)
        .timeout(timeouts.request)
        .user_agent(concat!("Remzona/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(GatewaySetupError::Http)
}

/// reqwest is built without a default rustls crypto provider (aws-lc needs
/// cmake and much more C to build), so ring is made the process default
/// before the first client. An `Err` means some provider is installed
/// already, which serves as well.
fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// `base` (an http(s) URL, a trailing slash or not) joined with `path`.
pub(crate) fn endpoint(base: &str, path: &str) -> Result<Url, GatewaySetupError> {
    let base = base.trim().trim_end_matches('/');
    if !is_http_url(base) {
        return Err(GatewaySetupError::BaseUrl(base.to_owned()));
    }
    Url::parse(&format!("{base}{path}")).map_err(|_| GatewaySetupError::BaseUrl(base.to_owned()))
}

pub(crate) fn failure(class: FailureClass, error: String) -> GatewayFailure {
    GatewayFailure {
        class,
        error,
        retry_after: None,
    }
}

/// A refusal made here, before any request: a channel or a recipient the
/// gateway cannot serve. Sending it again would not help.
pub(crate) fn refuse(provider: &str, why: &str) -> SendOutcome {
    SendOutcome::Refused(failure(
        FailureClass::Permanent,
        format!("{provider}: {why}"),
    ))
}

/// A request that got no HTTP answer. Transient, except a request that could
/// not be built at all. The URL is left out of the text: the Bot API's token
/// is in it.
pub(crate) fn network_failure(provider: &str, error: reqwest::Error) -> GatewayFailure {
    let error = error.without_url();
    if error.is_builder() {
        return failure(FailureClass::Permanent, format!("{provider}: {error}"));
    }
    let what = if error.is_timeout() {
        "timeout".to_owned()
    } else if error.is_connect() {
        format!("no connection ({})", root_cause(&error))
    } else {
        format!("network error ({})", root_cause(&error))
    };
    failure(FailureClass::Transient, format!("{provider}: {what}"))
}

/// The innermost error's words («Connection refused (os error 111)»): the
/// outer ones only say that a request failed.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    cause.to_string()
}

/// An HTTP status that is not success, classified by [`classify_http`].
pub(crate) fn http_failure(
    provider: &str,
    status: StatusCode,
    headers: &HeaderMap,
) -> GatewayFailure {
    GatewayFailure {
        class: classify_http(status.as_u16()),
        error: format!("{provider}: HTTP {status}"),
        retry_after: retry_after(headers),
    }
}

/// `Retry-After` in seconds. The HTTP-date form is ignored: it would need
/// the clock, and the providers here send seconds.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse().ok().map(Duration::from_secs)
}

/// An answer that is not the provider's shape: transient, as a proxy or a
/// maintenance page in front of the provider gives such answers and they
/// pass.
pub(crate) fn unexpected(provider: &str, what: &str) -> GatewayFailure {
    failure(
        FailureClass::Transient,
        format!("{provider}: unexpected answer ({what})"),
    )
}

/// POSTs a form and reads a successful answer as JSON of type `T`; an HTTP
/// status other than success is a failure before the body is read.
pub(crate) async fn post_form<T: DeserializeOwned>(
    client: &reqwest::Client,
    provider: &str,
    url: &Url,
    form: &[(&str, &str)],
) -> Result<T, GatewayFailure> {
    let response = client
        .post(url.clone())
        .form(form)
        .send()
        .await
        .map_err(|error| network_failure(provider, error))?;
    let status = response.status();
    if !status.is_success() {
        return Err(http_failure(provider, status, response.headers()));
    }
    let body = response
        .bytes()
        .await
        .map_err(|error| network_failure(provider, error))?;
    serde_json::from_slice(&body).map_err(|_| unexpected(provider, &snippet(&body)))
}

/// The start of an answer, for an error text.
pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut snippet: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        snippet.push('…');
    }
    snippet
}

/// The digits of a phone: SMSC and SMS.ru take `7XXXXXXXXXX` without the `+`.
pub(crate) fn phone_digits(recipient: &str) -> String {
    recipient.chars().filter(char::is_ascii_digit).collect()
}
