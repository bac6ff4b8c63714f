//! The gateway adapters against the local fakes of their providers: what a
//! send and a status request give for each answer a provider can make, one
//! table per adapter. Nothing here reaches the internet.

use std::time::Duration;

use remzona::domain::client::ReminderChannel;
use remzona::domain::reminder::gateways::{
    SmsRuSettings, SmscSettings, SmtpSecurity, SmtpSettings, TelegramSettings, VoiceGender,
};
use remzona::domain::reminder::outbox::FailureClass::{self, Permanent, Transient};
use remzona::reminders::gateway::{
    Gateway, GatewayKind, MessageRef, OutgoingMessage, SendOutcome, StatusOutcome,
};
use remzona::reminders::gateways::{
    SmsRuGateway, SmscGateway, SmtpGateway, StartCommand, TelegramGateway, Timeouts, deep_link,
};
use remzona_fakes::{Behaviour, FakeGateways, FakeSmtp, Provider, SmtpConfig};

/// Long enough for any answer of a local fake on a busy machine.
const PATIENT: Duration = Duration::from_secs(5);
/// The limit of the gateways that meet a hanging fake.
const QUICK: Duration = Duration::from_millis(300);

const TEXT: &str = "Иван Петрович, ждём вас 2 декабря в 10:00. Kia Rio А 123 ВС 77.";

fn message(our_id: i64, channel: ReminderChannel, recipient: &str) -> OutgoingMessage {
    OutgoingMessage {
        our_id,
        channel,
        recipient: recipient.to_owned(),
        subject: None,
        text: TEXT.to_owned(),
    }
}

fn sms(our_id: i64, phone: &str) -> OutgoingMessage {
    message(our_id, ReminderChannel::Sms, phone)
}

fn reference(message: &OutgoingMessage, provider_id: Option<&str>) -> MessageRef {
    MessageRef {
        our_id: message.our_id,
        provider_id: provider_id.map(str::to_owned),
        channel: message.channel,
        recipient: message.recipient.clone(),
    }
}

/// A refusal's class, the start of its text, and its `retry_after`.
fn refusal(outcome: SendOutcome) -> (FailureClass, String, Option<Duration>) {
    match outcome {
        SendOutcome::Refused(failure) => (failure.class, failure.error, failure.retry_after),
        SendOutcome::Accepted { provider_id } => panic!("accepted as {provider_id}"),
    }
}

fn accepted(outcome: SendOutcome) -> String {
    match outcome {
        SendOutcome::Accepted { provider_id } => provider_id,
        SendOutcome::Refused(failure) => panic!("refused: {failure:?}"),
    }
}

/// One answer of a provider and what the adapter must make of it.
struct Refusal {
    behaviour: Behaviour,
    class: FailureClass,
    /// A piece of the error text.
    says: &'static str,
    retry_after: Option<u64>,
}

fn row(behaviour: Behaviour, class: FailureClass, says: &'static str) -> Refusal {
    Refusal {
        behaviour,
        class,
        says,
        retry_after: None,
    }
}

fn rate_limited(seconds: u64) -> Refusal {
    Refusal {
        behaviour: Behaviour::RateLimited(seconds),
        class: Transient,
        says: "429",
        retry_after: Some(seconds),
    }
}

/// The answers every HTTP provider can give whatever its own codes.
fn transport_rows() -> Vec<Refusal> {
    vec![
        row(Behaviour::Http(500), Transient, "HTTP 500"),
        row(Behaviour::Http(503), Transient, "HTTP 503"),
        row(Behaviour::Http(404), Permanent, "HTTP 404"),
        rate_limited(7),
        row(Behaviour::Hang, Transient, "timeout"),
        row(Behaviour::Disconnect, Transient, ""),
    ]
}

/// Sends one message per row to a phone of its own, scripted with the row's
/// behaviour; a hang goes through the quick gateway.
async fn check_refusals<G: Gateway>(
    fakes: &FakeGateways,
    provider: Provider,
    patient: &G,
    quick: &G,
    rows: Vec<Refusal>,
    message_for: impl Fn(i64, &str) -> OutgoingMessage,
) {
    for (index, row) in rows.into_iter().enumerate() {
        let our_id = 1000 + i64::try_from(index).expect("few rows");
        let recipient = format!("7999100{our_id:04}");
        fakes.script(provider, &recipient, row.behaviour.clone());
        let gateway = if row.behaviour == Behaviour::Hang {
            quick
        } else {
            patient
        };
        let (class, error, retry_after) =
            refusal(gateway.send(&message_for(our_id, &recipient)).await);
        let what = format!("{provider:?} {:?}: {error}", row.behaviour);
        assert_eq!(class, row.class, "{what}");
        assert!(error.contains(row.says), "{what}");
        assert_eq!(
            retry_after,
            row.retry_after.map(Duration::from_secs),
            "{what}"
        );
    }
    assert!(
        fakes.received_from(provider).is_empty(),
        "no refused message was delivered"
    );
}

fn smsc_settings(fakes: &FakeGateways) -> SmscSettings {
    SmscSettings {
        base_url: fakes.base_url(),
        login: fakes.credentials().smsc_login.clone(),
        sender: "Gaika".into(),
        sms: true,
        viber: true,
        voice: true,
        telegram: true,
        voice_gender: VoiceGender::Female,
    }
}

fn smsc_with(settings: SmscSettings, secret: &str, limit: Duration) -> SmscGateway {
    SmscGateway::new(settings, secret.to_owned(), Timeouts::both(limit)).expect("an SMSC gateway")
}

fn smsc(fakes: &FakeGateways, limit: Duration) -> SmscGateway {
    let password = fakes.credentials().smsc_password.clone();
    smsc_with(smsc_settings(fakes), &password, limit)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smsc_carries_each_channel_by_its_flag() {
    let fakes = FakeGateways::start().await.expect("fakes");
    let gateway = smsc(&fakes, PATIENT);
    assert_eq!(gateway.kind(), GatewayKind::Smsc);
    assert_eq!(
        gateway.channels(),
        [
            ReminderChannel::Sms,
            ReminderChannel::Viber,
            ReminderChannel::Voice,
            ReminderChannel::Telegram
        ]
    );
    // (channel, the fake's channel, flags the request must carry)
    let table = [
        (ReminderChannel::Sms, "sms", vec![]),
        (ReminderChannel::Viber, "viber", vec![("viber", "1")]),
        (
            ReminderChannel::Voice,
            "voice",
            vec![("call", "1"), ("voice", "w"), ("param", "25,300,3")],
        ),
        (ReminderChannel::Telegram, "telegram", vec![("tg", "1")]),
    ];
    for (our_id, (channel, name, flags)) in (1..).zip(table) {
        let outcome = gateway
            .send(&message(our_id, channel, "+7 916 123-45-67"))
            .await;
        assert_eq!(accepted(outcome), our_id.to_string(), "{channel:?}");
        let received = fakes.received();
        let last = received.last().expect("delivered");
        assert_eq!(last.channel, name);
        assert_eq!(last.recipient, "79161234567", "digits without the +");
        assert_eq!(last.text, TEXT);
        assert_eq!(last.our_id.as_deref(), Some(our_id.to_string().as_str()));
        assert_eq!(last.extra.get("charset").map(String::as_str), Some("utf-8"));
        assert_eq!(last.extra.get("fmt").map(String::as_str), Some("3"));
        assert_eq!(last.extra.get("sender").map(String::as_str), Some("Gaika"));
        for (flag, value) in flags {
            assert_eq!(
                last.extra.get(flag).map(String::as_str),
                Some(value),
                "{channel:?} {flag}"
            );
        }
    }

    // An API key instead of a login and password.
    let by_key = smsc_with(
        SmscSettings {
            login: String::new(),
            ..smsc_settings(&fakes)
        },
        &fakes.credentials().smsc_apikey.clone(),
        PATIENT,
    );
    assert_eq!(accepted(by_key.send(&sms(10, "79161234567")).await), "10");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smsc_refusals_by_class() {
    let fakes = FakeGateways::start().await.expect("fakes");
    let (patient, quick) = (smsc(&fakes, PATIENT), smsc(&fakes, QUICK));
    let mut rows: Vec<Refusal> = [
        (1, Permanent),
        (2, Permanent),
        (3, Permanent),
        (4, Permanent),
        (6, Permanent),
        (7, Permanent),
        (8, Permanent),
        (9, Transient),
    ]
    .into_iter()
    .map(|(code, class)| Refusal {
        behaviour: Behaviour::Error(code),
        class,
        says: ["SMSC: ", &code.to_string(), " — "].concat().leak(),
        retry_after: None,
    })
    .collect();
    rows.extend(transport_rows());
    check_refusals(&fakes, Provider::Smsc, &patient, &quick, rows, sms).await;

    // What the adapter refuses itself, without asking SMSC.
    let sms_only = smsc_with(
        SmscSettings {
            viber: false,
            ..smsc_settings(&fakes)
        },
        &fakes.credentials().smsc_password.clone(),
        PATIENT,
    );
    let own = [
        (&sms_only, message(1, ReminderChannel::Viber, "79161234567")),
        (&patient, message(2, ReminderChannel::Email, "ivan@mail.ru")),
        (&patient, sms(3, "")),
    ];
    for (gateway, message) in own {
        let (class, error, _) = refusal(gateway.send(&message).await);
        assert_eq!(class, Permanent, "{error}");
    }

    let closed_port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let nobody = smsc_with(
        SmscSettings {
            base_url: format!("http://127.0.0.1:{closed_port}"),
            ..smsc_settings(&fakes)
        },
        "secret",
        PATIENT,
    );
    let (class, error, _) = refusal(nobody.send(&sms(5, "79161234567")).await);
    assert_eq!(class, Transient, "{error}");
    assert!(error.starts_with("SMSC: no connection ("), "{error}");

    let wrong_password = smsc_with(smsc_settings(&fakes), "guess", PATIENT);
    let (class, error, _) = refusal(wrong_password.send(&sms(4, "79161234567")).await);
    assert_eq!(
        (class, error.as_str()),
        (Permanent, "SMSC: 2 — authorise error")
    );
    assert!(fakes.received().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smsc_delivers_our_id_once() {
    let fakes = FakeGateways::start().await.expect("fakes");
    let gateway = smsc(&fakes, PATIENT);
    let message = sms(42, "79161234567");
    assert_eq!(accepted(gateway.send(&message).await), "42");
    let (class, error, _) = refusal(gateway.send(&message).await);
    assert_eq!(class, Transient, "{error}");
    assert!(error.starts_with("SMSC: 9 — "), "{error}");
    let counts = fakes.received_count_by_our_id();
    assert_eq!(counts.get("42"), Some(&1));
    // The same id to another phone is another message.
    assert_eq!(accepted(gateway.send(&sms(42, "79161234568")).await), "42");
    assert_eq!(fakes.received_count_by_our_id().get("42"), Some(&2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smsc_status_by_our_id() {
    let fakes = FakeGateways::start().await.expect("fakes");
    let gateway = smsc(&fakes, PATIENT);
    let waiting = |id: &str| StatusOutcome::Waiting {
        provider_id: Some(id.to_owned()),
    };
    // (SMSC's delivery statuses, one per request, and what each gives)
    let table: [(&[i64], Vec<StatusOutcome>); 6] = [
        (&[-1], vec![waiting("1")]),
        (&[0, 1], vec![waiting("2"), StatusOutcome::Delivered]),
        (&[2], vec![StatusOutcome::Delivered]),
        (
            &[3],
            vec![StatusOutcome::Undelivered {
                error: "SMSC: status 3, error 1".into(),
            }],
        ),
        (
            &[20],
            vec![StatusOutcome::Undelivered {
                error: "SMSC: status 20, error 1".into(),
            }],
        ),
        (&[], vec![StatusOutcome::Delivered]),
    ];
    for (our_id, (codes, expected)) in (1..).zip(table) {
        let phone = format!("7916000000{our_id}");
        let message = sms(our_id, &phone);
        fakes.deliveries(Provider::Smsc, &phone, codes);
        accepted(gateway.send(&message).await);
        for outcome in expected {
            // Asked by our id alone, as after a crash.
            assert_eq!(
                gateway.status(&reference(&message, None)).await,
                outcome,
                "{codes:?}"
            );
        }
    }

    let never_sent = sms(99, "79160000099");
    assert_eq!(
        gateway.status(&reference(&never_sent, None)).await,
        StatusOutcome::NotFound
    );

    fakes.script_status(Provider::Smsc, "79160000001", Behaviour::Http(503));
    let StatusOutcome::Unanswered(failure) = gateway
        .status(&reference(&sms(1, "79160000001"), None))
        .await
    else {
        panic!("answered");
    };
    assert_eq!(failure.class, Transient);
    fakes.script_status(Provider::Smsc, "79160000002", Behaviour::Error(2));
    let StatusOutcome::Unanswered(failure) = gateway
        .status(&reference(&sms(2, "79160000002"), None))
        .await
    else {
        panic!("answered");
    };
    assert_eq!(failure.class, Permanent);
}

fn smsru(fakes: &FakeGateways, api_id: &str, limit: Duration) -> SmsRuGateway {
    let settings = SmsRuSettings {
        base_url: fakes.base_url(),
        sender: "Gaika".into(),
        test: true,
    };
    SmsRuGateway::new(settings, api_id.to_owned(), Timeouts::both(limit))
        .expect("an SMS.ru gateway")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smsru_sends_and_refuses() {
    let fakes = FakeGateways::start().await.expect("fakes");
    let api_id = fakes.credentials().smsru_api_id.clone();
    let (patient, quick) = (
        smsru(&fakes, &api_id, PATIENT),
        smsru(&fakes, &api_id, QUICK),
    );
    assert_eq!(patient.kind(), GatewayKind::SmsRu);
    assert_eq!(patient.channels(), [ReminderChannel::Sms]);

    let provider_id = accepted(patient.send(&sms(1, "+79161234567")).await);
    assert!(provider_id.starts_with("202612-"), "{provider_id}");
    let received = fakes.received_from(Provider::SmsRu);
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].recipient, "79161234567");
    assert_eq!(received[0].text, TEXT);
    assert_eq!(received[0].provider_id, provider_id);
    assert_eq!(
        received[0].extra.get("from").map(String::as_str),
        Some("Gaika")
    );
    assert_eq!(received[0].extra.get("test").map(String::as_str), Some("1"));
    fakes.reset();

    let mut rows = vec![
        row(
            Behaviour::Error(202),
            Permanent,
            "SMS.ru: 202 — Неправильно указан номер",
        ),
        row(
            Behaviour::Error(220),
            Transient,
            "SMS.ru: 220 — Сервис временно недоступен",
        ),
        row(Behaviour::Error(231), Permanent, "SMS.ru: 231"),
        row(Behaviour::Error(232), Permanent, "SMS.ru: 232"),
        row(
            Behaviour::Error(201),
            Permanent,
            "SMS.ru: 201 — Не хватает средств",
        ),
    ];
    rows.extend(transport_rows());
    check_refusals(&fakes, Provider::SmsRu, &patient, &quick, rows, sms).await;

    let wrong = smsru(&fakes, "guess", PATIENT);
    let (class, error, _) = refusal(wrong.send(&sms(2, "79161234567")).await);
    assert_eq!(class, Permanent);
    assert_eq!(error, "SMS.ru: 200 — Неправильный api_id");
    let (class, _, _) = refusal(
        patient
            .send(&message(3, ReminderChannel::Viber, "79161234567"))
            .await,
    );
    assert_eq!(class, Permanent);
    assert!(fakes.received().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smsru_status_by_sms_id() {
    let fakes = FakeGateways::start().await.expect("fakes");
    let api_id = fakes.credentials().smsru_api_id.clone();
    let gateway = smsru(&fakes, &api_id, PATIENT);
    let undelivered = |code: i64, text: &str| StatusOutcome::Undelivered {
        error: format!("SMS.ru: {code} — {text}"),
    };
    let table = [
        (103, StatusOutcome::Delivered),
        (
            104,
            undelivered(104, "Не может быть доставлено: время жизни истекло"),
        ),
        (
            107,
            undelivered(107, "Не может быть доставлено: неизвестная причина"),
        ),
        (
            150,
            undelivered(
                150,
                "Не может быть доставлено: не найден маршрут на данный номер",
            ),
        ),
    ];
    for (our_id, (code, expected)) in (1..).zip(table) {
        let phone = format!("7916000000{our_id}");
        fakes.deliveries(Provider::SmsRu, &phone, &[code]);
        let message = sms(our_id, &phone);
        let sms_id = accepted(gateway.send(&message).await);
        assert_eq!(
            gateway.status(&reference(&message, Some(&sms_id))).await,
            expected,
            "{code}"
        );
    }

    let phone = "79160000009";
    fakes.deliveries(Provider::SmsRu, phone, &[102, 103]);
    let message = sms(9, phone);
    let sms_id = accepted(gateway.send(&message).await);
    let asked = reference(&message, Some(&sms_id));
    assert_eq!(
        gateway.status(&asked).await,
        StatusOutcome::Waiting {
            provider_id: Some(sms_id.clone())
        }
    );
    assert_eq!(gateway.status(&asked).await, StatusOutcome::Delivered);

    let unknown = reference(&sms(10, phone), Some("000000-000000"));
    assert_eq!(gateway.status(&unknown).await, StatusOutcome::NotFound);
    let StatusOutcome::Unanswered(failure) = gateway.status(&reference(&message, None)).await
    else {
        panic!("SMS.ru cannot be asked by our id");
    };
    assert_eq!(failure.class, Permanent);
    fakes.script_status(Provider::SmsRu, phone, Behaviour::Http(502));
    let StatusOutcome::Unanswered(failure) = gateway.status(&asked).await else {
        panic!("answered");
    };
    assert_eq!(failure.class, Transient);
}

fn telegram(fakes: &FakeGateways, token: &str, limit: Duration) -> TelegramGateway {
    let settings = TelegramSettings {
        base_url: fakes.base_url(),
        bot_username: fakes.credentials().telegram_bot_username.clone(),
    };
    TelegramGateway::new(settings, token.to_owned(), Timeouts::both(limit)).expect("a bot")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_sends_and_refuses() {
    let fakes = FakeGateways::start().await.expect("fakes");
    let token = fakes.credentials().telegram_token.clone();
    let (patient, quick) = (
        telegram(&fakes, &token, PATIENT),
        telegram(&fakes, &token, QUICK),
    );
    assert_eq!(patient.kind(), GatewayKind::TelegramBot);
    assert_eq!(patient.channels(), [ReminderChannel::Telegram]);

    let message = message(1, ReminderChannel::Telegram, "555000111");
    let provider_id = accepted(patient.send(&message).await);
    assert!(provider_id.starts_with("555000111:"), "{provider_id}");
    let received = fakes.received_from(Provider::Telegram);
    assert_eq!(received.len(), 1);
    assert_eq!(
        (received[0].recipient.as_str(), received[0].text.as_str()),
        ("555000111", TEXT)
    );
    assert_eq!(
        patient
            .status(&reference(&message, Some(&provider_id)))
            .await,
        StatusOutcome::Waiting { provider_id: None }
    );
    fakes.reset();

    let rows = vec![
        row(
            Behaviour::Error(403),
            Permanent,
            "Telegram: 403 — Forbidden: bot was blocked by the user",
        ),
        row(
            Behaviour::Error(400),
            Permanent,
            "Telegram: 400 — Bad Request: chat not found",
        ),
        Refusal {
            behaviour: Behaviour::Error(429),
            class: Transient,
            says: "Telegram: 429 — Too Many Requests: retry after 3",
            retry_after: Some(3),
        },
        Refusal {
            says: "Telegram: 429",
            ..rate_limited(11)
        },
        row(Behaviour::Http(500), Transient, "HTTP 500"),
        row(Behaviour::Http(502), Transient, "HTTP 502"),
        row(Behaviour::Hang, Transient, "timeout"),
        row(Behaviour::Disconnect, Transient, ""),
    ];
    let to_chat = |our_id, chat: &str| self::message(our_id, ReminderChannel::Telegram, chat);
    check_refusals(&fakes, Provider::Telegram, &patient, &quick, rows, to_chat).await;

    let wrong = telegram(&fakes, "1:guess", PATIENT);
    let (class, error, _) = refusal(wrong.send(&to_chat(2, "555000111")).await);
    assert_eq!(
        (class, error.as_str()),
        (Permanent, "Telegram: 401 — Unauthorized")
    );
    assert!(
        !error.contains("guess"),
        "the token stays out of error texts"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_binds_chats_by_start_code() {
    let fakes = FakeGateways::start().await.expect("fakes");
    let token = fakes.credentials().telegram_token.clone();
    let bot = telegram(&fakes, &token, PATIENT);
    assert_eq!(
        deep_link("@gaika_service_bot", "c7Xk2"),
        "https://t.me/gaika_service_bot?start=c7Xk2"
    );
    assert_eq!(
        bot.deep_link("abc"),
        format!(
            "https://t.me/{}?start=abc",
            fakes.credentials().telegram_bot_username
        )
    );

    let empty = bot.get_updates(None).await.expect("updates");
    assert_eq!((empty.starts.len(), empty.next_offset), (0, None));

    let first = fakes.push_start(555_000_111, "c7Xk2", "Иван");
    fakes.push_text(555_000_222, "Здравствуйте, я записан?", "Пётр");
    fakes.push_text(555_000_333, "/start", "Анна");
    let last = fakes.push_start(555_000_444, "Zz9_-", "Мария");
    let updates = bot.get_updates(None).await.expect("updates");
    assert_eq!(
        updates.starts,
        [
            StartCommand {
                update_id: first,
                chat_id: 555_000_111,
                code: "c7Xk2".into(),
                name: "Иван".into(),
            },
            StartCommand {
                update_id: last,
                chat_id: 555_000_444,
                code: "Zz9_-".into(),
                name: "Мария".into(),
            },
        ]
    );
    assert_eq!(updates.next_offset, Some(last + 1));
    let again = bot.get_updates(updates.next_offset).await.expect("updates");
    assert_eq!(again, Default::default(), "the offset confirmed them all");
}

async fn smtp_gateway(
    server: &FakeSmtp,
    login: &str,
    password: &str,
    limit: Duration,
) -> SmtpGateway {
    let settings = SmtpSettings {
        host: server.host(),
        port: server.port(),
        security: SmtpSecurity::None,
        login: login.to_owned(),
        from_address: "service@gaika.ru".into(),
        from_name: "Автосервис «Гайка»".into(),
    };
    SmtpGateway::new(settings, Some(password.to_owned()), Timeouts::both(limit))
        .expect("an SMTP gateway")
}

fn email(our_id: i64, to: &str) -> OutgoingMessage {
    OutgoingMessage {
        subject: Some("Напоминание о записи в «Гайку»".into()),
        text: "Иван Петрович, ждём вас 2 декабря в 10:00.\n\nАдрес: ул. Ленина, 5 <вход со двора>"
            .into(),
        ..message(our_id, ReminderChannel::Email, to)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_mail_arrives_readable() {
    // A guard: an SMTP exchange that never ends must fail the test, not
    // hold the whole suite.
    tokio::time::timeout(Duration::from_secs(60), async move {
        let server = FakeSmtp::start_with(SmtpConfig {
            credentials: Some(("service@gaika.ru".into(), "s3cret".into())),
            ..SmtpConfig::default()
        })
        .await
        .expect("fake smtp");
        let gateway = smtp_gateway(&server, "service@gaika.ru", "s3cret", PATIENT).await;
        assert_eq!(gateway.kind(), GatewayKind::Smtp);
        assert_eq!(gateway.channels(), [ReminderChannel::Email]);

        let message = email(7, "ivan.petrov@mail.ru");
        let provider_id = accepted(gateway.send(&message).await);
        let mails = server.mails();
        let [mail] = mails.as_slice() else {
            panic!("one mail, got {}", mails.len());
        };
        assert_eq!(mail.from, "service@gaika.ru");
        assert_eq!(mail.to, ["ivan.petrov@mail.ru"]);
        assert_eq!(mail.login.as_deref(), Some("service@gaika.ru"));
        assert_eq!(
            mail.subject().as_deref(),
            Some("Напоминание о записи в «Гайку»")
        );
        let from = mail.from_header().expect("a From header");
        assert!(
            from.contains("Автосервис «Гайка»") && from.contains("<service@gaika.ru>"),
            "{from}"
        );
        assert_eq!(
            mail.text().as_deref().map(str::trim_end),
            Some(message.text.as_str())
        );
        let html = mail.html().expect("an HTML part");
        assert!(
            html.contains("Иван Петрович, ждём вас 2 декабря в 10:00.</p>"),
            "{html}"
        );
        assert!(
            html.contains("ул. Ленина, 5 &lt;вход со двора&gt;</p>"),
            "{html}"
        );
        assert_eq!(mail.message_id().as_deref(), Some(provider_id.as_str()));
        assert!(
            provider_id.starts_with("<7.") && provider_id.ends_with("@gaika.ru>"),
            "{provider_id}"
        );
        assert_eq!(mail.our_id().as_deref(), Some("7"));
        assert_eq!(server.received_count_by_our_id().get("7"), Some(&1));
        assert_eq!(
            gateway
                .status(&reference(&message, Some(&provider_id)))
                .await,
            StatusOutcome::Waiting { provider_id: None }
        );

        // Without a subject, the shop's name stands for it.
        let bare = OutgoingMessage {
            subject: None,
            ..email(8, "ivan.petrov@mail.ru")
        };
        accepted(gateway.send(&bare).await);
        let subject = server.mails().last().and_then(|mail| mail.subject());
        assert_eq!(subject.as_deref(), Some("Автосервис «Гайка»"));
    })
    .await
    .expect("the SMTP exchanges end in time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_refusals_by_class() {
    // A guard: an SMTP exchange that never ends must fail the test, not
    // hold the whole suite.
    tokio::time::timeout(Duration::from_secs(60), async move {
        let server = FakeSmtp::start_with(SmtpConfig {
            credentials: Some(("service@gaika.ru".into(), "s3cret".into())),
            ..SmtpConfig::default()
        })
        .await
        .expect("fake smtp");
        server.reject_rcpt("full", 451);
        server.reject_rcpt("gone", 550);
        let gateway = smtp_gateway(&server, "service@gaika.ru", "s3cret", PATIENT).await;
        let table = [
            ("mailbox.full@mail.ru", Transient, "SMTP: 451"),
            ("gone@mail.ru", Permanent, "SMTP: 550"),
            ("not an address", Permanent, "SMTP: not an e-mail address"),
        ];
        for (our_id, (to, class, says)) in (1..).zip(table) {
            let (got, error, _) = refusal(gateway.send(&email(our_id, to)).await);
            assert_eq!(got, class, "{to}: {error}");
            assert!(error.starts_with(says), "{to}: {error}");
        }
        let (class, error, _) = refusal(
            gateway
                .send(&message(4, ReminderChannel::Sms, "79161234567"))
                .await,
        );
        assert_eq!(class, Permanent, "{error}");

        let wrong = smtp_gateway(&server, "service@gaika.ru", "guess", PATIENT).await;
        let (class, error, _) = refusal(wrong.send(&email(5, "ivan@mail.ru")).await);
        assert_eq!(class, Permanent, "a refused login: {error}");
        assert!(error.starts_with("SMTP: 535"), "{error}");

        server.reject_data(Some(452));
        let (class, error, _) = refusal(gateway.send(&email(6, "ivan@mail.ru")).await);
        assert_eq!(class, Transient, "{error}");
        server.reject_data(None);

        server.set_silent(true);
        let quick = smtp_gateway(&server, "service@gaika.ru", "s3cret", QUICK).await;
        let (class, error, _) = refusal(quick.send(&email(7, "ivan@mail.ru")).await);
        assert_eq!(class, Transient, "a silent server: {error}");
        assert!(server.mails().is_empty());

        let port = server.port();
        drop(server);
        let nobody = SmtpGateway::new(
            SmtpSettings {
                host: "127.0.0.1".into(),
                port,
                security: SmtpSecurity::None,
                login: String::new(),
                from_address: "service@gaika.ru".into(),
                from_name: String::new(),
            },
            None,
            Timeouts::both(PATIENT),
        )
        .expect("an SMTP gateway");
        let (class, error, _) = refusal(nobody.send(&email(8, "ivan@mail.ru")).await);
        assert_eq!(class, Transient, "nobody listens: {error}");
    })
    .await
    .expect("the SMTP exchanges end in time");
}
