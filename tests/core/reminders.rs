//! Reminders end to end in the core: planning, sending through the real
//! adapters to local fake gateways, retries, fallback, cancellation after a
//! move, crash recovery and two dispatchers on one database.
//!
//! The clock stands at Thursday 26 November 2026, 12:00 in Moscow; the
//! visits are on Friday the 27th, so their day-before reminders are due now.

use std::sync::Arc;
use std::time::Duration;

use chrono::TimeDelta;
use remzona::domain::client::{ClientDraft, Duplicates, PhoneInput, ReminderChannel};
use remzona::domain::consent::{ConsentInput, ConsentTopic};
use remzona::domain::ids::{AppointmentId, ClientId};
use remzona::domain::reminder::gateways::{
    SmsRuSettings, SmscSettings, SmtpSecurity, SmtpSettings,
};
use remzona::domain::reminder::outbox::OutboxStatus;
use remzona::domain::reminder::queue::{CallOutcome, CallReason, OutboxFilter};
use remzona::domain::schedule::EmployeeId;
use remzona::domain::schedule::appointment::{
    AppointmentChange, AppointmentMove, AppointmentStatus,
};
use remzona::domain::schedule::view::PatternPaint;
use remzona::reminders::dispatcher::Dispatcher;
use remzona::reminders::gateway::Gateway;
use remzona::reminders::gateways::{SmsRuGateway, SmscGateway, SmtpGateway, Timeouts};
use remzona::{FixedClock, Remzona};
use remzona_fakes::{Behaviour, FakeGateways, FakeSmtp, Provider};

use crate::schedule::{Desk, MAINTENANCE, at, desk, five_two, mechanic};

/// The fakes and the adapters pointed at them.
struct Gateways {
    smtp: FakeSmtp,
    http: FakeGateways,
}

impl Gateways {
    async fn start() -> Gateways {
        Gateways {
            smtp: FakeSmtp::start().await.expect("smtp fake"),
            http: FakeGateways::start().await.expect("http fakes"),
        }
    }

    fn smtp_gateway(&self) -> Arc<dyn Gateway> {
        let settings = SmtpSettings {
            host: self.smtp.host(),
            port: self.smtp.port(),
            security: SmtpSecurity::None,
            login: String::new(),
            from_address: "service@gaika.ru".into(),
            from_name: "Автосервис «Гайка»".into(),
        };
        Arc::new(SmtpGateway::new(settings, None, quick()).expect("smtp gateway"))
    }

    fn smsc_gateway(&self) -> Arc<dyn Gateway> {
        let credentials = self.http.credentials();
        let settings = SmscSettings {
            base_url: self.http.base_url(),
            login: credentials.smsc_login.clone(),
            ..SmscSettings::default()
        };
        let gateway = SmscGateway::new(settings, credentials.smsc_password.clone(), quick());
        Arc::new(gateway.expect("smsc gateway"))
    }

    fn smsru_gateway(&self) -> Arc<dyn Gateway> {
        let settings = SmsRuSettings {
            base_url: self.http.base_url(),
            ..SmsRuSettings::default()
        };
        let api_id = self.http.credentials().smsru_api_id.clone();
        Arc::new(SmsRuGateway::new(settings, api_id, quick()).expect("smsru gateway"))
    }

    fn dispatcher(&self) -> Dispatcher {
        Dispatcher::new(vec![self.smtp_gateway(), self.smsc_gateway()])
    }
}

/// Short timeouts: a hanging fake must not hold a test for long.
fn quick() -> Timeouts {
    Timeouts::both(Duration::from_millis(700))
}

fn consent(topic: ConsentTopic) -> ConsentInput {
    ConsentInput {
        topic,
        granted: true,
        document_version: "ред. 2026-01".into(),
        recorded_by: "Оператор".into(),
        note: String::new(),
    }
}

/// Sets the client's channels and records consent to each automatic one.
async fn prefers(shop: &Remzona, client: ClientId, channels: &[ReminderChannel], email: &str) {
    let mut draft = client_draft(shop, client).await;
    draft.reminder_channels = channels.to_vec();
    draft.email = email.into();
    shop.update_client(client, &draft, Duplicates::Allow)
        .await
        .expect("update client");
    shop.record_consent(client, &consent(ConsentTopic::PersonalData))
        .await
        .expect("personal data consent");
    for channel in channels {
        if let Some(topic) = ConsentTopic::for_channel(*channel) {
            shop.record_consent(client, &consent(topic))
                .await
                .expect("channel consent");
        }
    }
}

/// The client's record as the client window would send it back.
async fn client_draft(shop: &Remzona, client: ClientId) -> ClientDraft {
    let client = shop.client(client).await.expect("client");
    ClientDraft {
        surname: client.surname,
        name: client.name,
        patronymic: client.patronymic,
        phones: client
            .phones
            .iter()
            .map(|phone| PhoneInput {
                number: phone.number.as_e164().to_owned(),
                label: phone.label.clone(),
                primary: phone.primary,
            })
            .collect(),
        email: client.email.unwrap_or_default(),
        reminder_channels: client.reminder_channels,
        ..ClientDraft::default()
    }
}

async fn book_tomorrow(desk: &Desk, time: &str) -> AppointmentId {
    desk.book(&format!("2026-11-27 {time}"), desk.petrov).await
}

async fn shop_with_shop_name(desk: &Desk) {
    desk.shop()
        .set_shop_contacts(&remzona::reminders::settings::ShopContacts {
            name: "Автосервис «Гайка»".into(),
            address: "Москва, ул. Лесная, 12".into(),
            phone: "+7 495 123-45-67".into(),
        })
        .await
        .expect("shop contacts");
}

fn status_of(
    shop_messages: &[remzona::domain::reminder::queue::OutboxMessage],
) -> Vec<OutboxStatus> {
    shop_messages.iter().map(|m| m.status).collect()
}

#[tokio::test]
async fn an_e_mail_reminder_goes_out_once_with_the_right_russian_text() {
    let desk = desk().await;
    let fakes = Gateways::start().await;
    shop_with_shop_name(&desk).await;
    prefers(
        desk.shop(),
        desk.client,
        &[ReminderChannel::Email],
        "ivanov@example.ru",
    )
    .await;
    book_tomorrow(&desk, "10:00").await;
    let dispatcher = fakes.dispatcher();

    let first = dispatcher.run_pass(desk.shop()).await.expect("first pass");
    assert_eq!((first.planned, first.sent), (1, 1), "{first:?}");
    let second = dispatcher.run_pass(desk.shop()).await.expect("second pass");
    assert_eq!(
        (second.planned, second.sent),
        (0, 0),
        "planning is idempotent: {second:?}"
    );

    let mails = fakes.smtp.mails();
    assert_eq!(mails.len(), 1, "exactly one e-mail");
    let text = mails[0].text().expect("plain text part");
    for expected in [
        "Иван",
        "27 ноября",
        "10:00",
        "Kia Rio",
        "А 123 ВС 77",
        "Автосервис «Гайка»",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text:?}");
    }
    assert!(mails[0].html().is_some(), "an HTML part too");
    assert!(
        mails[0].from_header().unwrap_or_default().contains("Гайка"),
        "the shop's name as the sender"
    );
    let listed = desk
        .shop()
        .outbox(OutboxFilter::Today)
        .await
        .expect("outbox");
    assert_eq!(status_of(&listed), [OutboxStatus::Sent]);
    let details = desk
        .shop()
        .outbox_message(listed[0].id)
        .await
        .expect("details");
    let events: Vec<&str> = details.steps.iter().map(|s| s.event.as_str()).collect();
    assert_eq!(events, ["planned", "claim", "accepted"]);
}

#[tokio::test]
async fn clients_without_consent_or_preferring_a_call_are_on_the_call_list() {
    let desk = desk().await;
    let fakes = Gateways::start().await;
    // The desk's client prefers SMS but never gave consent.
    let mut draft = client_draft(desk.shop(), desk.client).await;
    draft.reminder_channels = vec![ReminderChannel::Sms];
    desk.shop()
        .update_client(desk.client, &draft, Duplicates::Allow)
        .await
        .expect("update");
    let no_consent = book_tomorrow(&desk, "10:00").await;
    let caller = another_client(desk.shop(), "Петрова", "+7 903 555-12-34").await;
    prefers(desk.shop(), caller, &[ReminderChannel::Call], "").await;
    let mut second = desk.draft("2026-11-27 14:00", Some(desk.petrov));
    second.client = Some(caller);
    second.vehicle = None;
    let prefers_call = desk
        .shop()
        .create_appointment(&second)
        .await
        .expect("book")
        .id;

    let report = fakes
        .dispatcher()
        .run_pass(desk.shop())
        .await
        .expect("pass");
    assert_eq!((report.planned, report.calls), (0, 2), "{report:?}");
    assert!(
        fakes.http.received().is_empty(),
        "nothing sent without consent"
    );
    let calls = desk.shop().call_list(None).await.expect("call list");
    let found: Vec<(AppointmentId, CallReason)> =
        calls.iter().map(|c| (c.appointment, c.reason)).collect();
    assert_eq!(
        found,
        [
            (no_consent, CallReason::NoConsent),
            (prefers_call, CallReason::PrefersCall)
        ]
    );
    assert_eq!(calls[0].phone, "+79161234567");
    assert_eq!(calls[0].car, "Kia Rio");

    // Outcomes go into the appointment's history; «confirmed» confirms it.
    let done = desk
        .shop()
        .record_call(calls[0].id, CallOutcome::NoAnswer)
        .await
        .expect("no answer");
    assert_eq!((done.outcome, done.attempts), (None, 1));
    assert!(done.retry_at.is_some());
    let done = desk
        .shop()
        .record_call(calls[0].id, CallOutcome::Confirmed)
        .await
        .expect("confirmed");
    assert_eq!(done.outcome, Some(CallOutcome::Confirmed));
    let details = desk
        .shop()
        .appointment(no_consent)
        .await
        .expect("appointment");
    assert_eq!(details.appointment.status, AppointmentStatus::Confirmed);
    let called: Vec<&AppointmentChange> = details
        .history
        .iter()
        .map(|e| &e.change)
        .filter(|c| matches!(c, AppointmentChange::Called { .. }))
        .collect();
    assert_eq!(called.len(), 2, "both calls are in the history");
    let again = fakes
        .dispatcher()
        .run_pass(desk.shop())
        .await
        .expect("pass");
    assert_eq!(again.calls, 0, "one call per visit");
}

async fn another_client(shop: &Remzona, surname: &str, phone: &str) -> ClientId {
    shop.create_client(
        &ClientDraft {
            surname: surname.into(),
            name: "Анна".into(),
            patronymic: "Сергеевна".into(),
            phones: vec![PhoneInput {
                number: phone.into(),
                ..PhoneInput::default()
            }],
            ..ClientDraft::default()
        },
        Duplicates::Refuse,
    )
    .await
    .expect("client")
    .id
}

#[tokio::test]
async fn a_moved_visit_gets_new_reminders_and_a_cancelled_one_none() {
    let desk = desk().await;
    let fakes = Gateways::start().await;
    prefers(desk.shop(), desk.client, &[ReminderChannel::Sms], "").await;
    let id = desk.book("2026-11-30 10:00", desk.petrov).await;
    // Saturday noon: Monday's reminder is planned for Sunday's window.
    desk.s.clock.advance(TimeDelta::days(2));
    let dispatcher = fakes.dispatcher();
    let report = dispatcher.run_pass(desk.shop()).await.expect("plan");
    assert_eq!(
        (report.planned, report.sent),
        (1, 0),
        "due on the 29th: {report:?}"
    );

    desk.shop()
        .move_appointment(
            id,
            &AppointmentMove {
                start: at("2026-12-01 11:00"),
                end: at("2026-12-01 12:00"),
                mechanic: desk.petrov,
            },
        )
        .await
        .expect("move");
    let report = dispatcher.run_pass(desk.shop()).await.expect("replan");
    assert_eq!((report.cancelled, report.planned), (1, 1), "{report:?}");
    desk.shop()
        .set_appointment_status(id, AppointmentStatus::Cancelled)
        .await
        .expect("cancel");
    let report = dispatcher
        .run_pass(desk.shop())
        .await
        .expect("after the cancellation");
    assert_eq!((report.cancelled, report.sent), (1, 0), "{report:?}");
    assert!(fakes.http.received().is_empty(), "nothing went out");
    let all = desk.shop().outbox(OutboxFilter::All).await.expect("outbox");
    assert_eq!(
        status_of(&all),
        [OutboxStatus::Cancelled, OutboxStatus::Cancelled]
    );
}

#[tokio::test]
async fn transient_failures_are_retried_and_a_permanent_one_falls_back() {
    let desk = desk().await;
    let fakes = Gateways::start().await;
    prefers(
        desk.shop(),
        desk.client,
        &[ReminderChannel::Sms, ReminderChannel::Email],
        "ivanov@example.ru",
    )
    .await;
    book_tomorrow(&desk, "10:00").await;
    let dispatcher = fakes.dispatcher();
    fakes
        .http
        .script_once(Provider::Smsc, "79161234567", Behaviour::Http(503));
    let report = dispatcher.run_pass(desk.shop()).await.expect("503");
    assert_eq!((report.sent, report.retried), (0, 1), "{report:?}");
    let again = dispatcher.run_pass(desk.shop()).await.expect("too early");
    assert_eq!(again.sent, 0, "the retry waits for its time");
    desk.s.clock.advance(TimeDelta::minutes(2));
    let report = dispatcher.run_pass(desk.shop()).await.expect("retry");
    assert_eq!(report.sent, 1, "{report:?}");
    assert_eq!(fakes.http.received().len(), 1);

    // Another visit: SMSC says the number is bad (7), for good.
    let other = another_client(desk.shop(), "Сидорова", "+7 903 000-00-07").await;
    prefers(
        desk.shop(),
        other,
        &[ReminderChannel::Sms, ReminderChannel::Email],
        "sidorova@example.ru",
    )
    .await;
    fakes
        .http
        .script(Provider::Smsc, "79030000007", Behaviour::Error(7));
    let mut draft = desk.draft("2026-11-27 15:00", Some(desk.petrov));
    draft.client = Some(other);
    draft.vehicle = None;
    desk.shop().create_appointment(&draft).await.expect("book");
    let report = dispatcher.run_pass(desk.shop()).await.expect("bad number");
    assert_eq!(
        (report.failed, report.sent),
        (1, 1),
        "SMS failed, e-mail went: {report:?}"
    );
    let mails = fakes.smtp.mails();
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0]
            .text()
            .unwrap_or_default()
            .contains("Анна Сергеевна")
    );
    let failures = desk
        .shop()
        .take_reminder_failures()
        .await
        .expect("failures");
    assert_eq!(failures.len(), 1, "announced once");
    assert!(
        desk.shop()
            .take_reminder_failures()
            .await
            .expect("again")
            .is_empty()
    );

    // Once every channel failed, the visit goes to the call list.
    fakes.smtp.reject_rcpt("sidorova", 550);
    let failed_email = desk
        .shop()
        .outbox(OutboxFilter::All)
        .await
        .expect("outbox")
        .into_iter()
        .find(|m| m.channel == ReminderChannel::Email && m.recipient.contains("sidorova"))
        .expect("the e-mail");
    // The operator retries the failed SMS after fixing nothing: it fails again.
    let sms = desk
        .shop()
        .outbox(OutboxFilter::Failed)
        .await
        .expect("failed")
        .pop()
        .expect("the failed SMS");
    desk.shop().retry_reminder(sms.id).await.expect("retry");
    let report = dispatcher.run_pass(desk.shop()).await.expect("retry fails");
    assert_eq!(report.failed, 1, "{report:?}");
    assert_eq!(failed_email.status, OutboxStatus::Sent);
    let calls = desk.shop().call_list(None).await.expect("calls");
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(calls[0].reason, CallReason::Failed);
}

#[tokio::test]
async fn delivery_reports_are_polled_until_final() {
    let desk = desk().await;
    let fakes = Gateways::start().await;
    prefers(desk.shop(), desk.client, &[ReminderChannel::Sms], "").await;
    book_tomorrow(&desk, "10:00").await;
    fakes
        .http
        .deliveries(Provider::SmsRu, "79161234567", &[102, 103]);
    let dispatcher = Dispatcher::new(vec![fakes.smsru_gateway()]);
    let report = dispatcher.run_pass(desk.shop()).await.expect("send");
    assert_eq!(report.sent, 1);
    desk.s.clock.advance(TimeDelta::minutes(1));
    let report = dispatcher.run_pass(desk.shop()).await.expect("first poll");
    assert_eq!(report.delivered, 0, "102: still on its way");
    desk.s.clock.advance(TimeDelta::minutes(5));
    let report = dispatcher.run_pass(desk.shop()).await.expect("second poll");
    assert_eq!(report.delivered, 1, "{report:?}");
    let all = desk.shop().outbox(OutboxFilter::All).await.expect("outbox");
    assert_eq!(status_of(&all), [OutboxStatus::Delivered]);
}

#[tokio::test]
async fn a_message_left_in_sending_by_a_crash_is_resolved_not_resent() {
    let desk = desk().await;
    let fakes = Gateways::start().await;
    prefers(desk.shop(), desk.client, &[ReminderChannel::Sms], "").await;
    book_tomorrow(&desk, "10:00").await;
    // The gateway takes the message but never answers: the pass is killed
    // while it waits, leaving the row claimed.
    fakes.http.script_once(
        Provider::Smsc,
        "79161234567",
        Behaviour::Delay(Duration::from_secs(30)),
    );
    let slow = Dispatcher::new(vec![slow_smsc(&fakes)]);
    let shop = desk.shop().clone();
    let crashed = tokio::spawn(async move { slow.run_pass(&shop).await });
    tokio::time::sleep(Duration::from_millis(700)).await;
    crashed.abort();
    let counts = desk.shop().outbox_counts().await.expect("counts");
    assert_eq!(counts, [(OutboxStatus::Sending, 1)]);

    let dispatcher = fakes.dispatcher();
    let report = dispatcher
        .run_pass(desk.shop())
        .await
        .expect("within the lease");
    assert_eq!(report.recovered, 0, "a live claim is left alone");
    desk.s.clock.advance(TimeDelta::minutes(3));
    let report = dispatcher
        .run_pass(desk.shop())
        .await
        .expect("after the lease");
    assert_eq!(report.recovered, 1, "{report:?}");
    let sent: Vec<usize> = fakes
        .http
        .received_count_by_our_id()
        .into_values()
        .collect();
    assert_eq!(
        sent,
        [1],
        "SMSC got it once and was asked, not sent to again"
    );
    // The fake SMSC reports a message it has as delivered.
    let all = desk.shop().outbox(OutboxFilter::All).await.expect("outbox");
    assert_eq!(status_of(&all), [OutboxStatus::Delivered]);
}

fn slow_smsc(fakes: &Gateways) -> Arc<dyn Gateway> {
    let credentials = fakes.http.credentials();
    let settings = SmscSettings {
        base_url: fakes.http.base_url(),
        login: credentials.smsc_login.clone(),
        ..SmscSettings::default()
    };
    let gateway = SmscGateway::new(
        settings,
        credentials.smsc_password.clone(),
        Timeouts::both(Duration::from_secs(60)),
    );
    Arc::new(gateway.expect("smsc"))
}

#[tokio::test]
async fn an_e_mail_interrupted_mid_send_goes_to_the_call_list() {
    let desk = desk().await;
    let fakes = Gateways::start().await;
    prefers(
        desk.shop(),
        desk.client,
        &[ReminderChannel::Email],
        "ivanov@example.ru",
    )
    .await;
    book_tomorrow(&desk, "10:00").await;
    fakes.smtp.set_silent(true);
    let smtp = Dispatcher::new(vec![fakes.smtp_gateway()]);
    let shop = desk.shop().clone();
    let crashed = tokio::spawn(async move { smtp.run_pass(&shop).await });
    tokio::time::sleep(Duration::from_millis(300)).await;
    crashed.abort();
    fakes.smtp.set_silent(false);
    desk.s.clock.advance(TimeDelta::minutes(3));
    let report = fakes
        .dispatcher()
        .run_pass(desk.shop())
        .await
        .expect("recover");
    assert_eq!((report.recovered, report.sent), (1, 0), "{report:?}");
    let calls = desk.shop().call_list(None).await.expect("calls");
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].reason, CallReason::Failed);
}

#[tokio::test]
async fn two_dispatchers_on_one_database_send_each_reminder_once() {
    let desk = desk().await;
    let fakes = Gateways::start().await;
    let booked = fill_friday(&desk, &[desk.petrov, desk.sidorov]).await;
    // A second handle on the same file: another desk or the CLI.
    let clock = FixedClock::at(desk.shop().now());
    let second = Remzona::open(&desk.s.dir.path().join("shop.sqlite3"), Arc::new(clock))
        .await
        .expect("second handle");
    let (a, b) = (fakes.dispatcher(), fakes.dispatcher());
    let (first, other) = tokio::join!(a.run_pass(desk.shop()), b.run_pass(&second));
    let (first, other) = (first.expect("first"), other.expect("second"));
    assert_eq!(first.sent + other.sent, booked, "{first:?} {other:?}");
    let counts = fakes.http.received_count_by_our_id();
    assert_eq!(counts.len(), booked as usize);
    assert!(counts.values().all(|n| *n == 1), "{counts:?}");
}

/// Books every working hour of Friday the 27th for `mechanics`, each visit
/// by another client who wants an SMS and consented to it; the count.
async fn fill_friday(desk: &Desk, mechanics: &[EmployeeId]) -> u32 {
    let mut booked = 0;
    for (index, hour) in (9..18).filter(|h| *h != 13).enumerate() {
        for mechanic in mechanics {
            let phone = format!("+7 903 1{:02}-{:02}-{:02}", mechanic.0, index, hour);
            let client = another_client(desk.shop(), &format!("Клиент{index}"), &phone).await;
            prefers(desk.shop(), client, &[ReminderChannel::Sms], "").await;
            let mut draft = desk.draft(&format!("2026-11-27 {hour}:00"), Some(*mechanic));
            draft.client = Some(client);
            draft.vehicle = None;
            desk.shop().create_appointment(&draft).await.expect("book");
            booked += 1;
        }
    }
    booked
}

/// Four more mechanics on 5/2, for a fuller Friday.
async fn more_mechanics(desk: &Desk) -> Vec<EmployeeId> {
    let mut staff = vec![desk.petrov, desk.sidorov];
    for name in [
        "Кузнецов Олег",
        "Волков Игорь",
        "Зайцев Пётр",
        "Морозов Денис",
    ] {
        staff.push(mechanic(desk.shop(), name, &[MAINTENANCE]).await);
    }
    desk.shop()
        .paint_pattern(&PatternPaint {
            employees: staff[2..].to_vec(),
            pattern: five_two("2026-11-23"),
        })
        .await
        .expect("pattern");
    staff
}

/// The real `remzona reminders run`, killed with SIGKILL (`kill -9`) in the
/// middle of its batch, then run again: every reminder reaches the gateway
/// exactly once and the outbox ends with none pending, stuck or failed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_killed_mid_batch_sends_each_reminder_exactly_once_after_a_restart() {
    let desk = desk().await;
    let mechanics = more_mechanics(&desk).await;
    let booked = fill_friday(&desk, &mechanics).await;
    let fakes = FakeGateways::start().await.expect("fakes");
    // Each message takes a while, so the batch is under way when killed.
    fakes.script(
        Provider::Smsc,
        "*",
        Behaviour::Delay(Duration::from_millis(300)),
    );
    let config = desk.s.dir.path().join("gateways.toml");
    std::fs::write(
        &config,
        format!(
            "[smsc]\nbase_url = \"{}\"\nlogin = \"{}\"\npassword_env = \"KILL_TEST_SMSC\"\n",
            fakes.base_url(),
            fakes.credentials().smsc_login
        ),
    )
    .expect("config");
    let db = desk.s.dir.path().join("shop.sqlite3");
    let run = |now: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_remzona"))
            .arg("--db")
            .arg(&db)
            .args(["reminders", "run", "--now", now, "--config"])
            .arg(&config)
            .env("KILL_TEST_SMSC", &fakes.credentials().smsc_password)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start the CLI")
    };

    let mut first = run("2026-11-26 12:00");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while fakes.received().len() < 8 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    first.kill().expect("kill -9");
    let _ = first.wait();
    let before = fakes.received().len();
    assert!(
        (8..booked as usize).contains(&before),
        "killed mid-batch: {before} of {booked} sent"
    );

    fakes.script(Provider::Smsc, "*", Behaviour::Accept);
    // Five minutes later: the dead run's claims are past their lease.
    let second = run("2026-11-26 12:05")
        .wait_with_output()
        .expect("second run");
    assert!(second.status.success(), "{second:?}");
    let said = String::from_utf8_lossy(&second.stdout);
    assert!(
        !said.contains("восстановлено 0 "),
        "the dead run left claims to resolve: {said}"
    );
    let counts = fakes.received_count_by_our_id();
    assert_eq!(counts.len(), booked as usize, "every reminder went out");
    assert!(counts.values().all(|n| *n == 1), "none twice: {counts:?}");
    let statuses = desk.shop().outbox_counts().await.expect("counts");
    assert!(
        statuses
            .iter()
            .all(|(status, _)| matches!(status, OutboxStatus::Sent | OutboxStatus::Delivered)),
        "{statuses:?}"
    );
}
