//! The nomenclature in the real app: a product added in the product window,
//! received into stock and sold over the counter; and the screens of a parts
//! store full of demo data, for a person to look at.

use std::sync::Arc;

use e2e::{App, Result};
use remzona::demo::SeedPlan;
use remzona::domain::product::ProductSearch;
use remzona::domain::stock::StockDocKind;
use remzona::{Remzona, SystemClock};

async fn open_db(app: &App) -> Result<Remzona> {
    Ok(Remzona::open(&App::db_path(&app.dir), Arc::new(SystemClock)).await?)
}

/// Types into a product picker and takes the first option it offers.
async fn pick(app: &App, picker: &str, query: &str) -> Result<()> {
    app.fill(picker, query).await?;
    app.click(&format!("{picker}-option")).await
}

#[tokio::test]
async fn operator_adds_a_product_receives_ten_sells_two_and_sees_eight() -> Result<()> {
    let app = App::start().await?;
    app.click("nav-products").await?;
    app.click("products-new").await?;
    app.wait_for("product-form").await?;
    app.fill("product-name", "Фильтр масляный").await?;
    app.fill("product-article", "OC 90").await?;
    app.fill("product-brand", "MAHLE").await?;
    app.fill("product-purchase-price", "400").await?;
    app.fill("product-sale-price", "650,50").await?;
    app.screenshot("30-product-form").await?;
    app.click("product-save").await?;
    app.eventually("the product is in the list", || async {
        Ok(app.find_all("product-row").await?.len() == 1)
    })
    .await?;

    app.click("products-receive").await?;
    app.wait_for("receipt-dialog").await?;
    pick(&app, "receipt-picker", "oc-90").await?;
    app.fill("receipt-line-quantity", "10").await?;
    app.fill("receipt-line-price", "412,50").await?;
    app.screenshot("31-receipt").await?;
    app.click("receipt-save").await?;
    app.eventually("ten are on hand", || async {
        Ok(app.text_of("product-onhand").await?.starts_with("10"))
    })
    .await?;

    app.click("products-sell").await?;
    app.wait_for("sale-dialog").await?;
    pick(&app, "sale-picker", "фильтр масл").await?;
    app.fill("sale-line-quantity", "2").await?;
    app.click("sale-save").await?;
    app.eventually("the sale is posted", || async {
        Ok(app.text_of("sale-done").await?.contains("ПР-"))
    })
    .await?;
    app.screenshot("32-sale-done").await?;
    app.eventually("eight remain", || async {
        Ok(app.text_of("product-onhand").await?.starts_with('8'))
    })
    .await?;

    let shop = open_db(&app).await?;
    let found = shop
        .search_products(&ProductSearch {
            query: "OC90".into(),
            ..ProductSearch::default()
        })
        .await?;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].on_hand.milli(), 8_000);
    assert_eq!(found[0].purchase_price.map(|p| p.kopecks()), Some(41_250));
    let sales = shop.stock_documents(Some(StockDocKind::Sale), 10).await?;
    assert_eq!(sales.len(), 1);
    assert_eq!(sales[0].total.kopecks(), 130_100, "2 × 650,50 ₽");
    app.stop().await
}

/// The product list, a product window, the price list, for a person to look at.
#[tokio::test]
async fn a_parts_store_with_demo_data_shows_its_products_and_price_list() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let shop = Remzona::open(&App::db_path(&dir), Arc::new(SystemClock)).await?;
    shop.seed_demo(SeedPlan {
        clients: 20,
        seed: 11,
    })
    .await?;
    shop.close().await;

    let app = App::start_in(dir).await?;
    app.click("nav-products").await?;
    app.eventually("the list is full", || async {
        Ok(app.find_all("product-row").await?.len() >= 20)
    })
    .await?;
    app.screenshot("33-products").await?;
    app.fill("products-search", "фильтр масл").await?;
    app.eventually("oil filters are found", || async {
        let rows = app.find_all("product-row").await?;
        let Some(first) = rows.first() else {
            return Ok(false);
        };
        let text = first.prop("textContent").await?.unwrap_or_default();
        Ok(text.contains("Фильтр масляный"))
    })
    .await?;
    app.click("product-open").await?;
    app.wait_for("product-form").await?;
    app.screenshot("34-product-window").await?;
    app.press_escape().await?;

    app.click("nav-prices").await?;
    app.eventually("the price list is shown", || async {
        Ok(app.find_all("service-row").await?.len() >= 20)
    })
    .await?;
    app.screenshot("35-price-list").await?;
    app.stop().await
}

/// A supplier's price list loaded through the system's file dialog: the
/// mapping preview, then all rows in; a cross number then finds the analogue.
#[tokio::test]
async fn operator_loads_a_supplier_price_list() -> Result<()> {
    let app = App::start().await?;
    let file = app.dir.path().join("price.csv");
    std::fs::write(
        &file,
        "Артикул;Производитель;Наименование;Группа;Ед. изм.;Цена закупки;Розничная цена;Кросс-номера\n\
         OC 90;MAHLE;Фильтр масляный;Фильтры / Масляные;шт;412,50;650;MANN-FILTER W 712/73\n\
         W 712/73;MANN-FILTER;Фильтр масляный;Фильтры / Масляные;шт;398;620;MAHLE OC 90\n\
         GDB1550;TRW;Колодки тормозные передние;Тормозная система / Колодки;компл;2 150;3 290;\n\
         BKR6E-11;NGK;Свеча зажигания;Двигатель / Свечи зажигания;шт;310;490;\n",
    )?;
    app.click("nav-products").await?;
    app.click("products-import").await?;
    app.choose_file_through("product-import-pick", &file)
        .await?;
    app.eventually("the preview shows the plan", || async {
        Ok(app.text_of("product-import-summary").await?.contains('4'))
    })
    .await?;
    app.screenshot("36-product-import-preview").await?;
    app.click("product-import-run").await?;
    app.click("product-import-done").await?;
    app.eventually("the products are listed", || async {
        Ok(app.find_all("product-row").await?.len() == 4)
    })
    .await?;

    let shop = open_db(&app).await?;
    let analogues = shop
        .search_products(&ProductSearch {
            query: "w71273".into(),
            ..ProductSearch::default()
        })
        .await?;
    let articles: Vec<&str> = analogues.iter().map(|p| p.article.as_str()).collect();
    assert_eq!(articles, ["W 712/73", "OC 90"]);
    app.stop().await
}
