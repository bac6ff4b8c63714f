//! E-mail through the shop's SMTP server (lettre, tokio): STARTTLS, TLS or
//! plain text as the settings say, a login when one is set. Each message is
//! multipart/alternative: the text as written, and a plain HTML rendering of
//! the same text (escaped, a paragraph per blank-line block) for mail apps
//! that prefer HTML.
//!
//! SMTP replies classify as the RFC has them: 4xx transient, 5xx permanent;
//! a connection that fails or times out is transient, a TLS failure or a
//! server without what the settings need (AUTH, STARTTLS) permanent, as only
//! new settings help there. A transaction is limited as a whole, since
//! lettre's timeout covers only the TCP connect on tokio. SMTP reports no
//! delivery, so `status` answers waiting and the provider id is the
//! Message-ID we set.

use lettre::message::header::ContentType;
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::{self, AsyncSmtpTransport};
use lettre::{Address, AsyncTransport, Message, Tokio1Executor};

use crate::domain::client::ReminderChannel;
use crate::domain::reminder::gateways::{SmtpSecurity, SmtpSettings};
use crate::domain::reminder::outbox::FailureClass;
use crate::reminders::gateway::{
    BoxFuture, Gateway, GatewayFailure, GatewayKind, MessageRef, OutgoingMessage, SendOutcome,
    StatusOutcome,
};
use crate::reminders::gateways::{GatewaySetupError, Timeouts, failure, refuse};

const PROVIDER: &str = "SMTP";
const CHANNELS: [ReminderChannel; 1] = [ReminderChannel::Email];

/// The header our id travels in, so a message can be traced to its outbox
/// row (and the fakes can count deliveries per row).
pub const OUR_ID_HEADER: &str = "X-Remzona-Id";

#[derive(Debug, Clone)]
struct OurId(String);

impl Header for OurId {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str(OUR_ID_HEADER)
    }

    fn parse(text: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(OurId(text.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// A letter with a PDF, for [`SmtpGateway::send_letter`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub to: String,
    pub subject: String,
    pub text: String,
    /// As the client's mail app shows it: `ЗН-2026-000012.pdf`.
    pub file_name: String,
    pub pdf: Vec<u8>,
}

#[derive(Clone)]
pub struct SmtpGateway {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The sender's domain, for Message-IDs.
    domain: String,
    /// The limit of one whole SMTP transaction.
    timeout: std::time::Duration,
    settings: SmtpSettings,
}

/// Written by hand: the transport holds the password.
impl std::fmt::Debug for SmtpGateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpGateway")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl SmtpGateway {
    /// `password` goes with the settings' login; no login, no AUTH.
    /// `timeouts.connect` limits the connection, `timeouts.request` the
    /// whole transaction of one message.
    pub fn new(
        settings: SmtpSettings,
        password: Option<String>,
        timeouts: Timeouts,
    ) -> Result<SmtpGateway, GatewaySetupError> {
        let address: Address = settings
            .from_address
            .trim()
            .parse()
            .map_err(|_| GatewaySetupError::Address(settings.from_address.clone()))?;
        let name = settings.from_name.trim();
        let from = Mailbox::new((!name.is_empty()).then(|| name.to_owned()), address.clone());
        Ok(SmtpGateway {
            transport: transport(&settings, password, timeouts)?,
            from,
            domain: address.domain().to_owned(),
            timeout: timeouts.request,
            settings,
        })
    }

    async fn send_message(&self, message: &OutgoingMessage) -> SendOutcome {
        if message.channel != ReminderChannel::Email {
            return refuse(PROVIDER, "only e-mail is carried");
        }
        let Ok(to) = message.recipient.trim().parse::<Mailbox>() else {
            return refuse(PROVIDER, "not an e-mail address");
        };
        let message_id = format!(
            "<{}.{}@{}>",
            message.our_id,
            uuid::Uuid::now_v7().simple(),
            self.domain
        );
        let email = match self.compose(message, to, &message_id) {
            Ok(email) => email,
            Err(error) => {
                return refuse(PROVIDER, &format!("the message cannot be built ({error})"));
            }
        };
        self.deliver(email, message_id).await
    }

    /// A letter with one PDF attached (a document for a client), sent now
    /// rather than through the outbox: the operator waits for the answer.
    pub async fn send_letter(&self, letter: &Letter) -> SendOutcome {
        let Ok(to) = letter.to.trim().parse::<Mailbox>() else {
            return refuse(PROVIDER, "not an e-mail address");
        };
        let message_id = format!("<{}@{}>", uuid::Uuid::now_v7().simple(), self.domain);
        let body = MultiPart::mixed()
            .multipart(MultiPart::alternative_plain_html(
                letter.text.clone(),
                html_of(&letter.text),
            ))
            .singlepart(Attachment::new(letter.file_name.clone()).body(
                letter.pdf.clone(),
                ContentType::parse("application/pdf").expect("a valid MIME type"),
            ));
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(letter.subject.clone())
            .message_id(Some(message_id.clone()))
            .multipart(body);
        let email = match email {
            Ok(email) => email,
            Err(error) => {
                return refuse(PROVIDER, &format!("the message cannot be built ({error})"));
            }
        };
        self.deliver(email, message_id).await
    }

    async fn deliver(&self, email: Message, message_id: String) -> SendOutcome {
        // lettre's own timeout covers only the TCP connect on tokio: a
        // server that accepts and then stays silent is cut off here.
        match tokio::time::timeout(self.timeout, self.transport.send(email)).await {
            Ok(Ok(_)) => SendOutcome::Accepted {
                provider_id: message_id,
            },
            Ok(Err(error)) => SendOutcome::Refused(smtp_failure(&error)),
            Err(_) => SendOutcome::Refused(failure(
                FailureClass::Transient,
                format!("{PROVIDER}: timeout"),
            )),
        }
    }

    fn compose(
        &self,
        message: &OutgoingMessage,
        to: Mailbox,
        message_id: &str,
    ) -> Result<Message, lettre::error::Error> {
        let subject = message
            .subject
            .clone()
            .filter(|subject| !subject.trim().is_empty())
            .unwrap_or_else(|| self.settings.from_name.clone());
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(message_id.to_owned()))
            .header(OurId(message.our_id.to_string()))
            .multipart(MultiPart::alternative_plain_html(
                message.text.clone(),
                html_of(&message.text),
            ))
    }
}

fn transport(
    settings: &SmtpSettings,
    password: Option<String>,
    timeouts: Timeouts,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, GatewaySetupError> {
    let host = settings.host.trim();
    let builder = match settings.security {
        SmtpSecurity::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
        SmtpSecurity::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
            .map_err(GatewaySetupError::Smtp)?,
        SmtpSecurity::Tls => {
            AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(GatewaySetupError::Smtp)?
        }
    };
    let mut builder = builder.port(settings.port).timeout(Some(timeouts.connect));
    let login = settings.login.trim();
    if !login.is_empty() {
        builder = builder.credentials(Credentials::new(
            login.to_owned(),
            password.unwrap_or_default(),
        ));
    }
    Ok(builder.build())
}

/// 4xx transient, 5xx permanent (a refused recipient, a failed login).
/// Permanent too: a client-side error (no common AUTH mechanism, no
/// STARTTLS where it is required) and a TLS failure (a certificate the
/// system does not trust): settings to fix, not a moment to wait out. The
/// network and timeouts are transient.
fn smtp_failure(error: &smtp::Error) -> GatewayFailure {
    let class = if error.is_permanent() || error.is_client() || error.is_tls() {
        FailureClass::Permanent
    } else {
        FailureClass::Transient
    };
    let text = match error.status() {
        Some(code) => format!("{PROVIDER}: {code} — {error}"),
        None if error.is_timeout() => format!("{PROVIDER}: timeout"),
        None => format!("{PROVIDER}: {error}"),
    };
    failure(class, text)
}

impl Gateway for SmtpGateway {
    fn kind(&self) -> GatewayKind {
        GatewayKind::Smtp
    }

    fn channels(&self) -> &[ReminderChannel] {
        &CHANNELS
    }

    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, SendOutcome> {
        Box::pin(self.send_message(message))
    }

    /// SMTP reports no delivery: a sent message rests as sent.
    fn status<'a>(&'a self, _message: &'a MessageRef) -> BoxFuture<'a, StatusOutcome> {
        Box::pin(async { StatusOutcome::Waiting { provider_id: None } })
    }
}

/// The HTML twin of a plain text: escaped, a `<p>` per block between blank
/// lines, `<br>` for the line breaks inside one.
pub fn html_of(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n");
    let paragraphs: Vec<String> = normalized
        .split("\n\n")
        .map(str::trim)
        .filter(|block| !block.is_empty())
        .map(|block| {
            let lines: Vec<String> = block.lines().map(|line| escape(line.trim_end())).collect();
            format!("<p style=\"margin:0 0 1em\">{}</p>", lines.join("<br>\n"))
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n\
         <body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222\">\n\
         {}\n</body></html>\n",
        paragraphs.join("\n")
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_twin_of_a_text() {
        let html = html_of(
            "Иван, ждём вас 2 декабря в 10:00.\r\nKia Rio <А 123 ВС>\n\n\nАвтосервис «Гайка» & Co",
        );
        assert!(
            html.contains(
                "<p style=\"margin:0 0 1em\">Иван, ждём вас 2 декабря в 10:00.<br>\nKia Rio &lt;А 123 ВС&gt;</p>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<p style=\"margin:0 0 1em\">Автосервис «Гайка» &amp; Co</p>"),
            "{html}"
        );
        assert_eq!(html.matches("<p ").count(), 2);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_eq!(escape(r#"a"b'c"#), "a&quot;b&#39;c");
    }
}
