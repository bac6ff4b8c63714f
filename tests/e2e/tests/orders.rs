//! A repair in the real app, as the desk does it: the booked client arrives
//! («Клиент приехал» in the appointment window), the intake is written down
//! with two damage marks on the body diagram, the order gets one work and one
//! part, the acceptance act is issued, the client pays, the completion act
//! is issued and e-mailed to the client through a local SMTP server, and the
//! client card lists both documents. The acceptance act as issued goes to a
//! PNG beside the screenshots for a person to look at.

use std::sync::Arc;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use e2e::{App, Result, seed};
use fantoccini::key::Key;
use remzona::domain::client::ClientDraft;
use remzona::domain::ids::{ClientId, VehicleId};
use remzona::domain::order::snapshot::ShopRequisites;
use remzona::domain::order::status::OrderStatus;
use remzona::domain::product::ProductDraft;
use remzona::domain::reminder::gateways::{SmtpSecurity, SmtpSettingsDraft};
use remzona::domain::schedule::appointment::AppointmentDraft;
use remzona::domain::stock::{ReceiptDraft, ReceiptLineDraft};
use remzona::domain::vehicle::VehicleDraft;
use remzona::reminders::secrets::MemorySecrets;
use remzona::reminders::setup::{GatewaySettingsDraft, GatewaySetupDraft};
use remzona::{Remzona, SystemClock};
use remzona_fakes::FakeSmtp;

/// The calendar's appointment blocks (not the shifts behind them).
const BLOCK: &str = "document.querySelector('.schedule-calendar .ec-event:not(.ec-bg-event)')";

/// The shop with its requisites, a mechanic working every day, an oil change
/// in the price list, oil filters in stock, and Иванов's Kia booked for
/// tomorrow at 10:00. Returns tomorrow.
async fn prepare(dir: &tempfile::TempDir, smtp: &FakeSmtp) -> Result<NaiveDate> {
    let shop = Remzona::open(&App::db_path(dir), Arc::new(SystemClock)).await?;
    mail_server(&shop, smtp).await?;
    shop.set_shop_requisites(&ShopRequisites {
        name: "ООО «Гайка»".into(),
        inn: "7707083893".into(),
        kpp: "770701001".into(),
        ogrn: "1027700132195".into(),
        address: "г. Москва, ул. Лесная, д. 12".into(),
        phone: "+7 495 123-45-67".into(),
        director: "Гайкин А. В.".into(),
        warranty_text: "Гарантия на работы — 6 месяцев или 10 000 км пробега.".into(),
        ..ShopRequisites::default()
    })
    .await?;
    let mechanic = seed::petrov_every_day(&shop).await?;
    let service = seed::oil_change(&shop, "2000").await?;
    stock_filters(&shop).await?;
    let (client, car) = client_with_car(&shop).await?;
    let tomorrow = shop.local_now().await?.date() + Days::new(1);
    let visit = AppointmentDraft {
        vehicle: Some(car),
        comment: "Стук спереди справа".into(),
        ..seed::visit(client, service, mechanic, tomorrow, "10:00")
    };
    seed::book(&shop, &visit).await?;
    shop.close().await;
    Ok(tomorrow)
}

/// The shop's mail goes through a local SMTP server (no login, so no secret
/// in the keychain); e-mail reminders stay off.
async fn mail_server(shop: &Remzona, smtp: &FakeSmtp) -> Result<()> {
    shop.save_gateway(
        &GatewaySetupDraft {
            enabled: false,
            settings: GatewaySettingsDraft::Smtp(SmtpSettingsDraft {
                host: smtp.host(),
                port: Some(u32::from(smtp.port())),
                security: SmtpSecurity::None,
                login: String::new(),
                from_address: "service@gaika.ru".into(),
                from_name: "Автосервис «Гайка»".into(),
            }),
            secret: None,
        },
        &MemorySecrets::default(),
    )
    .await?;
    Ok(())
}

async fn stock_filters(shop: &Remzona) -> Result<()> {
    let filter = shop
        .create_product(&ProductDraft {
            name: "Фильтр масляный".into(),
            article: "OC 90".into(),
            brand: "MAHLE".into(),
            purchase_price: "400".into(),
            sale_price: "650".into(),
            ..ProductDraft::default()
        })
        .await?
        .id;
    shop.receive_stock(&ReceiptDraft {
        warehouse_id: None,
        supplier_id: None,
        invoice_number: "УТ-1".into(),
        invoice_date: String::new(),
        comment: String::new(),
        lines: vec![ReceiptLineDraft {
            product_id: filter,
            quantity: "10".into(),
            price: "400".into(),
        }],
    })
    .await?;
    Ok(())
}

/// Иванов Иван Петрович with an e-mail address, and his white 2019 Kia Rio.
async fn client_with_car(shop: &Remzona) -> Result<(ClientId, VehicleId)> {
    let client = ClientDraft {
        patronymic: "Петрович".into(),
        email: "ivanov@example.ru".into(),
        ..seed::person("Иванов", "Иван", "+7 916 123-45-67")
    };
    let client = seed::client(shop, &client).await?;
    let car = VehicleDraft {
        vin: "XWEPC811DC0000001".into(),
        year: Some(2019),
        colour: "белый".into(),
        ..seed::kia_rio()
    };
    let car = seed::car(shop, client, &car).await?;
    Ok((client, car))
}

/// Opens tomorrow's appointment from the calendar's day view.
async fn open_the_appointment(app: &App) -> Result<()> {
    app.click("nav-schedule").await?;
    app.wait_for("schedule-calendar").await?;
    app.click("schedule-view-day-label").await?;
    app.click("schedule-next").await?;
    app.eventually("tomorrow's visit is drawn", || async {
        Ok(app.centre_of(BLOCK).await.is_ok())
    })
    .await?;
    let (x, y) = app.centre_of(BLOCK).await?;
    app.mouse_click_at(x, y).await?;
    app.wait_for("appointment-window").await?;
    Ok(())
}

/// The intake: mileage, fuel, two keys, the complaint, and two damage marks,
/// one on the left side and one on the front.
async fn write_down_the_intake(app: &App) -> Result<()> {
    app.click("appointment-status-arrived").await?;
    app.wait_for("intake-window").await?;
    app.fill("intake-odometer", "84500").await?;
    app.click("intake-fuel-2").await?;
    app.fill("intake-complaints", "Стук спереди справа на неровностях")
        .await?;
    app.click("intake-damage-kind-scratch").await?;
    app.click("intake-diagram-left").await?;
    app.click("intake-damage-kind-dent").await?;
    app.click("intake-diagram-front").await?;
    app.eventually("two marks are on the diagram", || async {
        Ok(app.find_all("intake-mark").await?.len() == 2)
    })
    .await?;
    app.fill("intake-mark-0-note", "задняя дверь").await?;
    app.scroll_into_view("intake-damage-kind-scratch").await?;
    app.screenshot("60-intake").await?;
    app.click("intake-submit").await?;
    app.wait_for("order-window").await?;
    Ok(())
}

/// Types into a picker and takes its first option from the keyboard, as an
/// operator does (the list pops up over the window's edge).
async fn pick_first(app: &App, picker: &str, text: &str) -> Result<()> {
    app.fill(picker, text).await?;
    app.wait_for(&format!("{picker}-option")).await?;
    let keys: String = [Key::Down, Key::Enter]
        .into_iter()
        .map(char::from)
        .collect();
    app.wait_for(picker).await?.send_keys(&keys).await?;
    Ok(())
}

/// One work from the price list and one part from the stock.
async fn fill_the_order(app: &App) -> Result<()> {
    app.click("order-add-work").await?;
    pick_first(app, "order-work-picker", "масл").await?;
    app.wait_for("order-work-row-0").await?;
    app.click("order-add-part").await?;
    pick_first(app, "order-part-picker", "фильтр").await?;
    app.fill("order-part-quantity", "1").await?;
    app.click("order-part-add-submit").await?;
    app.wait_for("order-part-row-0").await?;
    app.eventually("the total is 2 650 ₽", || async {
        Ok(app.text_of("order-total").await?.contains("2 650"))
    })
    .await?;
    Ok(())
}

#[tokio::test]
async fn the_client_arrives_the_car_is_taken_in_repaired_paid_and_both_acts_are_on_the_card()
-> Result<()> {
    let dir = tempfile::Builder::new().prefix("remzona-e2e-").tempdir()?;
    let smtp = FakeSmtp::start().await?;
    prepare(&dir, &smtp).await?;
    let db = App::db_path(&dir);
    let app = App::start_in(dir).await?;

    if let Err(error) = repair(&app, &smtp).await {
        let shot = app.screenshot("failed-orders").await;
        return Err(format!("{error} (screen: {shot:?})").into());
    }
    // Read while the app still holds its folder (a second reader is fine).
    check_what_was_stored(&db).await?;
    app.stop().await
}

/// The operator's part, from the calendar to the client card.
async fn repair(app: &App, smtp: &FakeSmtp) -> Result<()> {
    open_the_appointment(app).await?;
    write_down_the_intake(app).await?;
    fill_the_order(app).await?;
    app.scroll_into_view("order-number").await?;
    app.screenshot("61-order").await?;

    app.click("doc-issue-acceptance").await?;
    app.wait_for("doc-row-acceptance").await?;

    app.choose("payment-kind", "final").await?;
    app.fill("payment-amount", "2650").await?;
    app.choose("payment-method", "card").await?;
    app.click("payment-submit").await?;
    app.eventually("nothing is owed", || async {
        Ok(app.text_of("order-debt").await?.contains("0,00"))
    })
    .await?;

    // The work is done and the car handed over: the filter leaves the stock.
    for action in ["start", "finish", "issue"] {
        app.click(&format!("order-action-{action}")).await?;
        app.eventually(&format!("the order takes «{action}»"), || async {
            Ok(app
                .find_all(&format!("order-action-{action}"))
                .await?
                .is_empty())
        })
        .await?;
    }
    app.click("doc-issue-completion").await?;
    app.wait_for("doc-row-completion").await?;
    email_the_completion_act(app, smtp).await?;
    app.screenshot("62-order-documents").await?;
    app.click("order-close").await?;

    app.click("nav-clients").await?;
    app.fill("clients-search", "Иванов").await?;
    app.eventually("Иванов is found", || async {
        Ok(app.client_rows().await?.len() == 1)
    })
    .await?;
    app.open_first_client_row().await?;
    app.wait_for("card-orders").await?;
    app.eventually("the card lists both acts", || async {
        // Newest first: the completion act, then the acceptance act.
        Ok(app.text_of("card-doc-0").await?.contains("АВ-")
            && app.text_of("card-doc-1").await?.contains("АП-"))
    })
    .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot("63-client-card-documents").await?;

    // The orders screen lists it among all orders, issued and paid.
    app.click("nav-orders").await?;
    app.wait_for("orders-screen").await?;
    app.choose("orders-filter-status", "all").await?;
    app.eventually("the order is listed", || async {
        let rows = app.row_texts("orders-row-0").await?;
        Ok(rows
            .iter()
            .any(|row| row.contains("ЗН-2026-000001") && row.contains("Выдан")))
    })
    .await?;
    app.screenshot("64-orders-screen").await?;
    app.click("nav-settings").await?;
    app.wait_for("settings-requisites").await?;
    app.eventually("the requisites are loaded", || async {
        let name = app.wait_for("req-name").await?;
        Ok(name.prop("value").await?.as_deref() == Some("ООО «Гайка»"))
    })
    .await?;
    app.scroll_into_view("settings-requisites").await?;
    app.screenshot("65-settings-requisites").await?;
    Ok(())
}

/// «Отправить на e-mail» with the client's address filled in: the act
/// arrives with its PDF.
async fn email_the_completion_act(app: &App, smtp: &FakeSmtp) -> Result<()> {
    app.click("doc-email-completion").await?;
    app.eventually("the client's address is offered", || async {
        let input = app.wait_for("doc-email-input-completion").await?;
        Ok(input.prop("value").await?.as_deref() == Some("ivanov@example.ru"))
    })
    .await?;
    app.click("doc-email-send-completion").await?;
    app.eventually("the act arrives by e-mail", || async {
        Ok(!smtp.mails().is_empty())
    })
    .await?;
    let mail = &smtp.mails()[0];
    assert_eq!(mail.to, ["ivanov@example.ru"]);
    let subject = mail.subject().unwrap_or_default();
    assert!(
        subject.starts_with("Акт выполненных работ № АВ-2026-000001"),
        "{subject}"
    );
    let pdf = remzona_fakes::mail::find_part(&mail.data, "application/pdf").unwrap_or_default();
    assert!(pdf.starts_with("%PDF-"), "the PDF is attached");
    Ok(())
}

/// What the app stored: the marks, the payment, two acts.
async fn check_what_was_stored(db: &std::path::Path) -> Result<()> {
    let shop = Remzona::open(db, Arc::new(SystemClock)).await?;
    let orders = shop.repair_orders(None, 10).await?;
    assert_eq!(orders.len(), 1);
    let order = &orders[0];
    assert_eq!(order.intake.damage.len(), 2);
    assert_eq!(order.intake.odometer_km, Some(84_500));
    assert_eq!(order.works.len(), 1);
    assert_eq!(order.parts.len(), 1);
    assert_eq!(order.balance.debt.kopecks(), 0);
    assert_eq!(order.status, OrderStatus::Issued);
    let filter = &order.parts[0].line.product_id;
    let on_hand = shop.product(*filter).await?.on_hand.milli();
    assert_eq!(on_hand, 9_000, "one of ten filters left the stock");
    let kinds: Vec<_> = shop
        .issued_documents(order.id)
        .await?
        .into_iter()
        .map(|doc| doc.kind.as_str())
        .collect();
    assert_eq!(kinds, ["acceptance", "completion"]);
    let acceptance = &shop.issued_documents(order.id).await?[0];
    let pdf = shop.render_issued_document(acceptance.id).await?;
    let artifacts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.e2e-artifacts");
    std::fs::create_dir_all(&artifacts)?;
    let act = artifacts.join("66-acceptance-act.pdf");
    std::fs::write(&act, pdf)?;
    // poppler-utils come with the test tools; the PNG is for the eye only.
    let _ = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "70", "-singlefile"])
        .arg(&act)
        .arg(artifacts.join("66-acceptance-act"))
        .status();
    shop.close().await;
    Ok(())
}
