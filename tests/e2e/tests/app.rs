//! The operator's path through the client slice, in the real app.
//! The harness runs them one at a time: the app is single-instance.

use std::sync::Arc;

use e2e::{App, Result};
use remzona::clients::SearchOptions;
use remzona::domain::client::{ClientDraft, Duplicates, PhoneInput};
use remzona::{Remzona, SystemClock};

async fn open_db(app: &App) -> Result<Remzona> {
    Ok(Remzona::open(&App::db_path(&app.dir), Arc::new(SystemClock)).await?)
}

#[tokio::test]
async fn operator_adds_a_client_and_finds_it_by_phone() -> Result<()> {
    let app = App::start().await?;
    app.wait_for("clients-search").await?;
    app.screenshot("01-clients-empty").await?;

    // Invalid input: messages under the fields, nothing saved.
    app.click("clients-new").await?;
    app.wait_for("client-form").await?;
    app.fill("client-phone-0", "12-34").await?;
    app.fill("client-email", "ivan@mail").await?;
    app.click("client-save").await?;
    let surname_error = app.text_of("error-surname").await?;
    assert!(surname_error.contains("фамилию или имя"), "{surname_error}");
    let phone_error = app.text_of("error-phones.0.number").await?;
    assert!(phone_error.contains("Телефон"), "{phone_error}");
    assert!(!app.text_of("error-email").await?.is_empty());
    app.screenshot("02-client-form-invalid").await?;
    assert_eq!(
        open_db(&app).await?.count_clients().await?,
        0,
        "invalid input must not be saved"
    );

    // Valid input: saved, the form closes, the list shows the client.
    app.fill("client-surname", "Семёнов").await?;
    app.fill("client-name", "Пётр").await?;
    app.fill("client-patronymic", "Ильич").await?;
    app.fill("client-phone-0", "8 (912) 345-67-89").await?;
    app.fill("client-email", "petr@mail.ru").await?;
    app.click("client-save").await?;
    app.eventually(
        "the form closes and the new client's card opens",
        || async {
            Ok(app.find_all("client-form").await?.is_empty()
                && app
                    .text_of("card-name")
                    .await?
                    .contains("Семёнов Пётр Ильич"))
        },
    )
    .await?;
    app.click("card-back").await?;
    let shop = open_db(&app).await?;
    let stored = shop
        .search_clients(
            "",
            SearchOptions {
                limit: 10,
                include_archived: false,
            },
        )
        .await?;
    assert_eq!(stored.total, 1);
    assert_eq!(stored.items[0].display_name, "Семёнов Пётр Ильич");
    assert_eq!(
        stored.items[0].primary_phone.as_deref(),
        Some("+79123456789")
    );

    // Found by typing part of the phone into the search box.
    app.fill("clients-search", "345-67").await?;
    app.eventually("the client is found by phone", || async {
        let rows = app.client_rows().await?;
        Ok(rows.len() == 1
            && rows[0].contains("Семёнов Пётр Ильич")
            && rows[0].contains("+7 912 345-67-89"))
    })
    .await?;
    app.fill("clients-search", "999999").await?;
    app.eventually("nothing is found", || async {
        Ok(app.client_rows().await?.is_empty())
    })
    .await?;
    app.wait_for("clients-empty").await?;
    app.stop().await
}

#[tokio::test]
async fn a_phone_already_recorded_offers_the_existing_client() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let shop = Remzona::open(&App::db_path(&dir), Arc::new(SystemClock)).await?;
    let ivan = ClientDraft {
        surname: "Иванов".into(),
        name: "Иван".into(),
        phones: vec![PhoneInput {
            number: "+7 916 111-22-33".into(),
            ..PhoneInput::default()
        }],
        ..ClientDraft::default()
    };
    shop.create_client(&ivan, Duplicates::Refuse).await?;
    shop.close().await;

    let app = App::start_in(dir).await?;
    app.eventually("the seeded client is listed", || async {
        Ok(app.client_rows().await?.len() == 1)
    })
    .await?;
    app.click("clients-new").await?;
    app.fill("client-surname", "Иванова").await?;
    app.fill("client-name", "Мария").await?;
    app.fill("client-phone-0", "89161112233").await?;
    app.click("client-save").await?;
    let warning = app.text_of("client-duplicate").await?;
    assert!(warning.contains("Иванов Иван"), "{warning}");
    app.screenshot("03-duplicate-phone").await?;
    assert_eq!(
        open_db(&app).await?.count_clients().await?,
        1,
        "nothing saved before the operator decides"
    );

    app.click("client-duplicate-open-0").await?;
    app.eventually("the existing client's card opens", || async {
        Ok(app.text_of("card-name").await?.contains("Иванов Иван"))
    })
    .await?;
    app.click("card-back").await?;

    // Saving anyway is allowed: families share a phone.
    app.click("clients-new").await?;
    app.fill("client-surname", "Иванова").await?;
    app.fill("client-phone-0", "89161112233").await?;
    app.click("client-save").await?;
    app.click("client-save-anyway").await?;
    app.wait_for("client-card").await?;
    app.click("card-back").await?;
    app.eventually("both share the phone", || async {
        Ok(app.client_rows().await?.len() == 2)
    })
    .await?;
    assert_eq!(open_db(&app).await?.count_clients().await?, 2);
    app.stop().await
}

#[tokio::test]
async fn navigation_is_honest_and_the_language_switches() -> Result<()> {
    let app = App::start().await?;
    app.click("nav-orders").await?;
    app.wait_for("orders-screen").await?;
    app.click("nav-settings").await?;
    let db_path = app.text_of("settings-db-path").await?;
    assert!(db_path.ends_with("shop.sqlite3"), "{db_path}");
    assert!(app.text_of("nav-clients").await?.contains("Клиенты"));
    app.wait_for("settings-language")
        .await?
        .select_by_value("en")
        .await?;
    app.eventually("the UI speaks English", || async {
        Ok(app.text_of("nav-clients").await?.contains("Clients"))
    })
    .await?;
    app.screenshot("04-settings-english").await?;
    app.stop().await
}
