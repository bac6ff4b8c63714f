//! Reminders in the real app: the SMTP channel set up in Settings to point at
//! a local SMTP server, a visit booked for tomorrow, the dispatcher run from
//! the reminders screen, and the e-mail arriving with the right Russian text;
//! a client without consent on the call list.

use std::sync::Arc;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use e2e::{App, Result, seed};
use remzona::domain::client::{ClientDraft, ReminderChannel};
use remzona::domain::consent::{ConsentInput, ConsentTopic};
use remzona::domain::ids::ClientId;
use remzona::domain::schedule::appointment::AppointmentDraft;
use remzona::reminders::settings::ShopContacts;
use remzona::{Remzona, SystemClock};
use remzona_fakes::FakeSmtp;

/// A mechanic working 08:00–20:00 every day, the shop's name, and for
/// tomorrow: Ivanov (e-mail, with consent) at 10:00 and Smirnov (SMS, no
/// consent) at 12:00. Returns tomorrow's date.
async fn prepare(dir: &tempfile::TempDir) -> Result<NaiveDate> {
    let shop = Remzona::open(&App::db_path(dir), Arc::new(SystemClock)).await?;
    let mechanic = seed::petrov_every_day(&shop).await?;
    let today = shop.local_now().await?.date();
    let tomorrow = today + Days::new(1);
    shop.set_shop_contacts(&ShopContacts {
        name: "Автосервис «Гайка»".into(),
        address: "Москва, ул. Лесная, 12".into(),
        phone: "+7 495 123-45-67".into(),
    })
    .await?;
    let service = seed::oil_change(&shop, "").await?;
    let ivanov = client(
        &shop,
        "Иванов",
        "Иван",
        "+7 916 123-45-67",
        ReminderChannel::Email,
    )
    .await?;
    for topic in [ConsentTopic::PersonalData, ConsentTopic::Email] {
        shop.record_consent(
            ivanov,
            &ConsentInput {
                topic,
                granted: true,
                document_version: "ред. 2026-01".into(),
                recorded_by: "Оператор".into(),
                note: String::new(),
            },
        )
        .await?;
    }
    let car = seed::car(&shop, ivanov, &seed::kia_rio()).await?;
    let smirnov = client(
        &shop,
        "Смирнов",
        "Пётр",
        "+7 903 765-43-21",
        ReminderChannel::Sms,
    )
    .await?;
    let at_ten = AppointmentDraft {
        vehicle: Some(car),
        ..seed::visit(ivanov, service, mechanic, tomorrow, "10:00")
    };
    seed::book(&shop, &at_ten).await?;
    seed::book(
        &shop,
        &seed::visit(smirnov, service, mechanic, tomorrow, "12:00"),
    )
    .await?;
    shop.close().await;
    Ok(tomorrow)
}

/// A person who wants reminders on `channel` (Иванов's address for e-mail).
async fn client(
    shop: &Remzona,
    surname: &str,
    name: &str,
    phone: &str,
    channel: ReminderChannel,
) -> Result<ClientId> {
    let email = match channel {
        ReminderChannel::Email => "ivanov@example.ru".to_owned(),
        _ => String::new(),
    };
    let draft = ClientDraft {
        email,
        reminder_channels: vec![channel],
        ..seed::person(surname, name, phone)
    };
    seed::client(shop, &draft).await
}

/// «28 ноября»: how a reminder names the day.
fn day_in_words(day: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    use chrono::Datelike;
    format!("{} {}", day.day(), MONTHS[day.month0() as usize])
}

#[tokio::test]
async fn an_e_mail_reminder_reaches_a_local_smtp_server_and_the_call_list_shows_the_rest()
-> Result<()> {
    let dir = tempfile::Builder::new().prefix("remzona-e2e-").tempdir()?;
    let tomorrow = prepare(&dir).await?;
    let smtp = FakeSmtp::start().await?;
    let app = App::start_in(dir).await?;

    // Settings → «Каналы рассылки» → E-mail: the local server, no login.
    app.click("nav-settings").await?;
    app.wait_for("settings-gateways").await?;
    app.wait_for("gateway-smtp").await?;
    app.fill("gateway-smtp-host", &smtp.host()).await?;
    app.fill("gateway-smtp-port", &smtp.port().to_string())
        .await?;
    app.wait_for("gateway-smtp-security")
        .await?
        .select_by_value("none")
        .await?;
    app.fill("gateway-smtp-from-address", "service@gaika.ru")
        .await?;
    app.fill("gateway-smtp-from-name", "Автосервис «Гайка»")
        .await?;
    let enabled = app.wait_for("gateway-smtp-enabled").await?;
    if !enabled.is_selected().await? {
        enabled.click().await?;
    }
    app.click("gateway-smtp-save").await?;
    app.wait_for("gateway-smtp-saved").await?;
    app.screenshot("50-gateway-settings").await?;

    // The reminders screen: send now.
    app.click("nav-reminders").await?;
    app.click("reminders-run-now").await?;
    app.eventually("the e-mail arrives", || async {
        Ok(!smtp.mails().is_empty())
    })
    .await?;
    let mails = smtp.mails();
    assert_eq!(mails.len(), 1, "one e-mail");
    let text = mails[0].text().unwrap_or_default();
    for expected in [
        "Иван".to_owned(),
        day_in_words(tomorrow),
        "10:00".to_owned(),
        "Kia Rio".to_owned(),
        "Автосервис «Гайка»".to_owned(),
    ] {
        assert!(
            text.contains(&expected),
            "{expected:?} in the e-mail: {text}"
        );
    }
    assert_eq!(mails[0].to, ["ivanov@example.ru"]);
    app.eventually("the outbox lists it as sent", || async {
        let rows = app.row_texts("outbox-row").await?;
        Ok(rows
            .iter()
            .any(|row| row.contains("Иванов") && row.contains("Отправлено")))
    })
    .await?;
    app.screenshot("51-reminders-outbox").await?;

    // The call list: Smirnov has no consent to SMS.
    app.click("tab-calls-label").await?;
    app.eventually("Smirnov is to be called", || async {
        let rows = app.row_texts("call-row").await?;
        Ok(rows.iter().any(|row| row.contains("Смирнов")))
    })
    .await?;
    app.screenshot("52-call-list").await?;

    app.click("tab-templates-label").await?;
    app.wait_for("template-text").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    app.screenshot("53-template-editor").await?;
    app.stop().await
}
