//! The CRM in the real app: a company client with a contact person and a car,
//! found again by its plate typed in Latin letters; and the screens a person
//! looks at, on a shop full of demo data.

use std::sync::Arc;

use e2e::{App, Result};
use remzona::clients::SearchOptions;
use remzona::demo::SeedPlan;
use remzona::domain::client::ClientKind;
use remzona::{Remzona, SystemClock};

async fn open_db(app: &App) -> Result<Remzona> {
    Ok(Remzona::open(&App::db_path(&app.dir), Arc::new(SystemClock)).await?)
}

#[tokio::test]
async fn operator_adds_a_company_with_a_contact_and_a_car_and_finds_it_by_a_latin_plate()
-> Result<()> {
    let app = App::start().await?;
    app.click("clients-new").await?;
    app.click("client-kind-company-label").await?;
    app.fill("company-short-name", "ООО «Ромашка»").await?;
    app.fill(
        "company-full-name",
        "Общество с ограниченной ответственностью «Ромашка»",
    )
    .await?;
    app.fill("company-inn", "7707083894").await?;
    app.fill("company-kpp", "773601001").await?;
    app.fill("client-phone-0", "+7 495 123-45-67").await?;
    // Leaving the ИНН flags it; wait for the message, so the window has its
    // final layout before the next click lands.
    app.eventually(
        "the mistyped ИНН is flagged as the field is left",
        || async { Ok(app.text_of("error-company.inn").await?.contains("ИНН")) },
    )
    .await?;
    // After a full run of other app sessions the first click on «Добавить
    // контакт» is sometimes lost; click until the row is there.
    app.eventually("a contact row is added", || async {
        if !app.find_all("contact-name-0").await?.is_empty() {
            return Ok(true);
        }
        app.click("contact-add").await?;
        Ok(false)
    })
    .await?;
    app.fill("contact-name-0", "Сидоров Алексей").await?;
    app.fill("contact-position-0", "механик гаража").await?;
    app.fill("contact-phone-0", "8 903 111-22-33").await?;
    app.click("client-save").await?;
    // A mistyped ИНН is caught before anything is saved.
    let inn_error = app.text_of("error-company.inn").await?;
    assert!(inn_error.contains("ИНН"), "{inn_error}");
    assert_eq!(open_db(&app).await?.count_clients().await?, 0);
    app.fill("company-inn", "7707083893").await?;
    app.screenshot("10-client-form-company").await?;
    app.click("client-save").await?;
    app.eventually("the company's card opens", || async {
        Ok(app.text_of("card-name").await?.contains("Ромашка"))
    })
    .await?;
    assert!(app.text_of("card-requisites").await?.contains("7707083893"));
    assert!(
        app.text_of("card-contacts")
            .await?
            .contains("Сидоров Алексей")
    );

    app.click("card-add-vehicle").await?;
    app.wait_for("vehicle-form").await?;
    app.fill("vehicle-plate", "а123вс77").await?;
    app.fill("vehicle-vin", "XTA219070K0123456").await?;
    app.fill("vehicle-make", "LADA").await?;
    app.fill("vehicle-model", "Granta").await?;
    app.fill("vehicle-year", "2019").await?;
    app.fill("vehicle-odometer", "84000").await?;
    app.screenshot("11-vehicle-form").await?;
    app.click("vehicle-save").await?;
    app.eventually("the car is on the card", || async {
        let cars = app.find_all("card-vehicle").await?;
        Ok(cars.len() == 1 && app.text_of("card-vehicles").await?.contains("А 123 ВС 77"))
    })
    .await?;
    app.screenshot("12-company-card").await?;

    app.click("card-back").await?;
    app.fill("clients-search", "A123BC77").await?;
    app.eventually(
        "the company is found by the plate typed in Latin letters",
        || async {
            let rows = app.client_rows().await?;
            Ok(rows.len() == 1 && rows[0].contains("Ромашка"))
        },
    )
    .await?;
    app.screenshot("13-found-by-latin-plate").await?;
    app.open_first_client_row().await?;
    app.eventually("its card opens", || async {
        Ok(app.text_of("card-name").await?.contains("ООО «Ромашка»"))
    })
    .await?;

    let shop = open_db(&app).await?;
    let found = shop
        .search_clients(
            "a123bc77",
            SearchOptions {
                limit: 5,
                include_archived: false,
            },
        )
        .await?;
    assert_eq!(found.total, 1);
    let card = shop.client_card(found.items[0].id).await?;
    assert_eq!(card.client.kind, ClientKind::Company);
    assert_eq!(card.client.company.inn, "7707083893");
    assert_eq!(card.client.contacts[0].name, "Сидоров Алексей");
    assert_eq!(
        card.client.contacts[0].phone.as_ref().map(|p| p.as_e164()),
        Some("+79031112233")
    );
    assert_eq!(card.vehicles[0].plate.as_deref(), Some("А123ВС77"));
    assert_eq!(
        card.vehicles[0].odometer.as_ref().map(|o| o.km),
        Some(84_000)
    );
    app.stop().await
}

/// The screens of a working shop, for a person to look at (`.e2e-artifacts/`).
#[tokio::test]
async fn a_shop_with_demo_data_shows_its_list_card_and_client_window() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let shop = Remzona::open(&App::db_path(&dir), Arc::new(SystemClock)).await?;
    shop.seed_demo(SeedPlan {
        clients: 120,
        seed: 11,
    })
    .await?;
    let company = shop
        .search_clients(
            "ооо",
            SearchOptions {
                limit: 1,
                include_archived: false,
            },
        )
        .await?
        .items
        .into_iter()
        .next()
        .ok_or("the demo shop has a company")?;
    shop.close().await;

    let app = App::start_in(dir).await?;
    app.eventually("the list is full", || async {
        Ok(app.client_rows().await?.len() >= 20)
    })
    .await?;
    app.screenshot("20-clients").await?;
    app.fill("clients-search", &company.display_name).await?;
    app.eventually("the company is found", || async {
        Ok(app
            .client_rows()
            .await?
            .first()
            .is_some_and(|row| row.contains(&company.display_name)))
    })
    .await?;
    app.open_first_client_row().await?;
    app.wait_for("client-card").await?;
    app.eventually("the card shows its cars", || async {
        Ok(!app.find_all("card-vehicle").await?.is_empty())
    })
    .await?;
    app.screenshot("21-client-card").await?;
    app.click("card-edit").await?;
    app.wait_for("company-inn").await?;
    app.screenshot("22-client-form-company").await?;
    app.stop().await
}
