//! Importing products from price lists and catalogues (CSV in any encoding,
//! XLSX), all or nothing, updating by article and brand; exporting them back;
//! and the same from the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use remzona::Remzona;
use remzona::domain::money::Money;
use remzona::domain::product::{
    Attribute, NumberKind, Product, ProductDraft, ProductMatch, ProductNumber, ProductSearch,
    VatRate,
};
use remzona::domain::quantity::{Quantity, Unit};
use remzona::domain::validation::IssueCode;
use remzona::import::{ExportFormat, ProductColumn};
use rust_xlsxwriter::Workbook;

use crate::open_shop;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write file");
    path
}

fn write_1251(dir: &Path, name: &str, text: &str) -> PathBuf {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!unmappable, "the text fits Windows-1251");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write file");
    path
}

/// Every product of the shop, by name.
async fn all_products(shop: &Remzona) -> Vec<Product> {
    let items = shop
        .search_products(&ProductSearch {
            limit: 500,
            include_archived: true,
            ..ProductSearch::default()
        })
        .await
        .expect("list");
    let mut products = Vec::with_capacity(items.len());
    for item in items {
        products.push(shop.product(item.id).await.expect("product"));
    }
    products
}

async fn by_article(shop: &Remzona, article: &str, brand: &str) -> Product {
    all_products(shop)
        .await
        .into_iter()
        .find(|p| p.article == article && p.brand.as_deref().unwrap_or("") == brand)
        .unwrap_or_else(|| panic!("no product {brand} {article}"))
}

fn number(kind: NumberKind, brand: &str, number: &str) -> ProductNumber {
    ProductNumber {
        kind,
        brand: brand.to_owned(),
        number: number.to_owned(),
    }
}

fn attribute(name: &str, value: &str) -> Attribute {
    Attribute {
        name: name.to_owned(),
        value: value.to_owned(),
    }
}

/// What a product is, without its id, stock and timestamps.
fn essence(p: &Product) -> String {
    format!(
        "{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}",
        p.name,
        p.article,
        p.brand,
        p.category.as_ref().map(|c| c.path.as_str()),
        p.unit,
        p.numbers,
        p.barcodes,
        p.attributes,
        p.purchase_price,
        p.fixed_price,
        p.markup_basis_points,
        p.price,
        p.vat,
        p.min_stock,
        p.supplier.as_ref().map(|s| s.name.as_str()),
        p.notes,
    )
}

/// The number and word index rows of every product, by its article, sorted:
/// what the search finds products by.
async fn index_rows(shop: &Remzona) -> Vec<String> {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(shop.db().path())
        .read_only(true);
    let pool = sqlx::SqlitePool::connect_with(options)
        .await
        .expect("open the file");
    let keys: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT p.article, k.key, k.kind FROM product_keys k JOIN products p ON p.seq = k.product_seq",
    )
    .fetch_all(&pool)
    .await
    .expect("keys");
    let words: Vec<(String, String)> = sqlx::query_as(
        "SELECT p.article, w.word FROM product_words w JOIN products p ON p.seq = w.product_seq",
    )
    .fetch_all(&pool)
    .await
    .expect("words");
    pool.close().await;
    let mut rows: Vec<String> = keys
        .into_iter()
        .map(|(article, key, kind)| format!("{article} {kind} {key}"))
        .chain(
            words
                .into_iter()
                .map(|(article, word)| format!("{article} word {word}")),
        )
        .collect();
    rows.sort();
    rows
}

/// The shop's products as comparable text, sorted.
async fn essences(shop: &Remzona) -> Vec<String> {
    let mut list: Vec<String> = all_products(shop).await.iter().map(essence).collect();
    list.sort();
    list
}

const CATALOGUE: &str = "\u{feff}Артикул;Бренд;Наименование;Категория;Ед. изм.;Закупочная цена;Цена;НДС;Мин. остаток;Штрихкод;OEM;Кросс-номера;Характеристики;Поставщик;Примечание\r\n\
OC 90;MAHLE;Фильтр масляный;Фильтры / Масляные;шт;400;650;22%;2;4009026022467;VAG 03C 115 561 H;\"MANN W 712/73; KNECHT OC 90\";Высота: 79 мм;Автодок;\r\n\
\"W 712/73\";MANN-FILTER;Фильтр масляный;Фильтры/Масляные;шт.;380,50;610;22%;;;VAG 03C115561J;MAHLE OC 90, FILTRON OP 526;;Автодок;хит продаж\r\n\
5W30-4;Лукойл;Масло моторное Genesis 5W-30, 4 л;Масла и жидкости / Моторные масла;л;1 900 ₽;2 450 руб.;Без НДС;8,5;;;;\"Вязкость: 5W-30; Объём: 4 л\";ООО «Смазка»;\r\n";

#[tokio::test]
async fn a_utf8_catalogue_creates_products_with_numbers_categories_and_suppliers() -> TestResult {
    let t = open_shop().await;
    let file = write(t.dir.path(), "каталог.csv", CATALOGUE);

    let preview = t.shop.preview_product_import(&file, None).await?;
    assert_eq!(preview.encoding, "UTF-8");
    assert_eq!(preview.delimiter.as_deref(), Some(";"));
    assert_eq!(preview.rows, 3);
    assert_eq!(preview.sample.len(), 3);
    assert_eq!(preview.mapping[0], ProductColumn::Article);
    assert_eq!(preview.mapping[12], ProductColumn::Characteristics);
    assert_eq!(preview.plan.problems, []);
    assert_eq!((preview.plan.create, preview.plan.update), (3, 0));
    assert!(
        all_products(&t.shop).await.is_empty(),
        "a preview writes nothing"
    );

    let mut steps = Vec::new();
    let report = t
        .shop
        .run_product_import(&file, None, |p| steps.push((p.done, p.total)))
        .await?;
    assert!(report.imported, "{:?}", report.plan.problems);
    assert_eq!(steps.first(), Some(&(0, 3)));
    assert_eq!(steps.last(), Some(&(3, 3)));

    let mahle = by_article(&t.shop, "OC 90", "MAHLE").await;
    assert_eq!(mahle.name, "Фильтр масляный");
    assert_eq!(
        mahle.category.as_ref().map(|c| c.path.as_str()),
        Some("Фильтры / Масляные")
    );
    assert_eq!(mahle.unit, Unit::Piece);
    assert_eq!(mahle.purchase_price, Some(Money::from_kopecks(40_000)));
    assert_eq!(mahle.price, Some(Money::from_kopecks(65_000)));
    assert_eq!(mahle.vat, VatRate::Vat22);
    assert_eq!(mahle.min_stock, Some(Quantity::whole(2)));
    assert_eq!(mahle.barcodes, ["4009026022467"]);
    // KNECHT OC 90 is the product's own article: not an analogue of itself.
    assert_eq!(
        mahle.numbers,
        [
            number(NumberKind::Oem, "VAG", "03C 115 561 H"),
            number(NumberKind::Cross, "MANN", "W 712/73"),
        ]
    );
    assert_eq!(mahle.attributes, [attribute("Высота", "79 мм")]);
    assert_eq!(
        mahle.supplier.as_ref().map(|s| s.name.as_str()),
        Some("Автодок")
    );

    let mann = by_article(&t.shop, "W 712/73", "MANN-FILTER").await;
    assert_eq!(mann.purchase_price, Some(Money::from_kopecks(38_050)));
    assert_eq!(mann.notes, "хит продаж");
    assert_eq!(
        mann.supplier.as_ref().map(|s| s.id),
        mahle.supplier.as_ref().map(|s| s.id),
        "one supplier, added once"
    );
    assert_eq!(mann.category.map(|c| c.id), mahle.category.map(|c| c.id));

    let oil = by_article(&t.shop, "5W30-4", "Лукойл").await;
    assert_eq!(oil.unit, Unit::Litre);
    assert_eq!(oil.min_stock, Some(Quantity::from_milli(8_500)));
    assert_eq!(oil.price, Some(Money::from_kopecks(245_000)));
    assert_eq!(oil.vat, VatRate::Without);
    assert_eq!(
        oil.attributes,
        [attribute("Вязкость", "5W-30"), attribute("Объём", "4 л")]
    );
    assert_eq!(
        oil.category.as_ref().map(|c| c.path.as_str()),
        Some("Масла и жидкости / Моторные масла")
    );

    // The search finds the analogues by any of their numbers.
    let found = t
        .shop
        .search_products(&ProductSearch {
            query: "w71273".into(),
            ..ProductSearch::default()
        })
        .await?;
    let hits: Vec<(String, ProductMatch)> = found
        .iter()
        .map(|i| (i.brand.clone().unwrap_or_default(), i.matched_by))
        .collect();
    assert_eq!(
        hits,
        [
            ("MANN-FILTER".to_owned(), ProductMatch::Article),
            ("MAHLE".to_owned(), ProductMatch::Cross)
        ]
    );
    Ok(())
}

#[tokio::test]
async fn a_windows_1251_price_list_with_commas_is_read() -> TestResult {
    let t = open_shop().await;
    let text = "Код товара,Производитель,Наименование товара,Цена поставщика,Розничная цена,Группа\r\n\
                GDB1550,TRW,\"Колодки тормозные передние, к-т\",\"1 234,50\",1990,Тормозная система/Колодки\r\n\
                0 986 452 044,BOSCH,Фильтр масляный Ёлка,310,520,\r\n";
    let file = write_1251(t.dir.path(), "прайс.csv", text);
    let preview = t.shop.preview_product_import(&file, None).await?;
    assert_eq!(preview.encoding, "Windows-1251");
    assert_eq!(preview.delimiter.as_deref(), Some(","));
    assert_eq!(
        preview.mapping,
        [
            ProductColumn::Article,
            ProductColumn::Brand,
            ProductColumn::Name,
            ProductColumn::PurchasePrice,
            ProductColumn::SalePrice,
            ProductColumn::Category
        ]
    );
    let report = t.shop.run_product_import(&file, None, |_| {}).await?;
    assert!(report.imported, "{:?}", report.plan.problems);
    let pads = by_article(&t.shop, "GDB1550", "TRW").await;
    assert_eq!(pads.name, "Колодки тормозные передние, к-т");
    assert_eq!(pads.purchase_price, Some(Money::from_kopecks(123_450)));
    assert_eq!(pads.price, Some(Money::from_kopecks(199_000)));
    assert_eq!(
        pads.category.map(|c| c.path),
        Some("Тормозная система / Колодки".to_owned())
    );
    let bosch = by_article(&t.shop, "0 986 452 044", "BOSCH").await;
    assert_eq!(bosch.name, "Фильтр масляный Ёлка");
    assert_eq!(bosch.category, None);
    Ok(())
}

#[tokio::test]
async fn an_xlsx_with_numbers_typed_as_numbers_is_read() -> TestResult {
    let t = open_shop().await;
    let path = t.dir.path().join("price.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, header) in (0..).zip([
        "Part number",
        "Brand",
        "Description",
        "Price",
        "EAN",
        "Unit",
        "Cross",
    ]) {
        sheet.write_string(0, col, header)?;
    }
    sheet.write_string(1, 0, "BKR6E-11")?;
    sheet.write_string(1, 1, "NGK")?;
    sheet.write_string(1, 2, "Свеча зажигания")?;
    sheet.write_number(1, 3, 450.5)?;
    sheet.write_number(1, 4, 87_295_124_678.0)?;
    sheet.write_string(1, 5, "pcs")?;
    sheet.write_string(1, 6, "DENSO K20PR-U11; BOSCH FR7DC+")?;
    sheet.write_number(3, 0, 90_915)?;
    sheet.write_string(3, 1, "Toyota")?;
    sheet.write_string(3, 2, "Фильтр масляный")?;
    sheet.write_number(3, 3, 990)?;
    workbook.save(&path)?;

    let report = t.shop.run_product_import(&path, None, |_| {}).await?;
    assert!(report.imported, "{:?}", report.plan.problems);
    assert_eq!((report.plan.create, report.plan.update), (2, 0));
    let plug = by_article(&t.shop, "BKR6E-11", "NGK").await;
    assert_eq!(plug.price, Some(Money::from_kopecks(45_050)));
    assert_eq!(plug.barcodes, ["87295124678"]);
    assert_eq!(
        plug.numbers,
        [
            number(NumberKind::Cross, "DENSO", "K20PR-U11"),
            number(NumberKind::Cross, "BOSCH", "FR7DC+")
        ]
    );
    let toyota = by_article(&t.shop, "90915", "Toyota").await;
    assert_eq!(toyota.price, Some(Money::from_kopecks(99_000)));
    Ok(())
}

#[tokio::test]
async fn bad_rows_stop_the_whole_file_and_name_their_lines_and_columns() -> TestResult {
    let t = open_shop().await;
    let text = "Артикул;Бренд;Наименование;Ед. изм.;Цена;НДС;Штрихкод;Кросс-номера\n\
                OC 90;MAHLE;Фильтр масляный;шт;650;22%;;\n\
                OC 91;MAHLE;;шт;650;;;\n\
                OC 92;MAHLE;Фильтр;ящик;шестьсот;18%;4009026022468;\n\
                oc-90;Mahle;Фильтр масляный, повтор;шт;650;;;\n\
                OC 93;MAHLE;Фильтр;кг;650;;;MANN: \n\
                OC 94;MAHLE;Фильтр;шт;650;;;\n";
    let file = write(t.dir.path(), "bad.csv", text);
    let report = t.shop.run_product_import(&file, None, |_| {}).await?;
    assert!(!report.imported);
    let problems: Vec<(u32, &str, &str, IssueCode)> = report
        .plan
        .problems
        .iter()
        .map(|p| (p.line, p.column.as_str(), p.value.as_str(), p.issue))
        .collect();
    assert_eq!(
        problems,
        [
            (3, "Наименование", "", IssueCode::Required),
            (4, "Ед. изм.", "ящик", IssueCode::UnknownValue),
            (4, "НДС", "18%", IssueCode::UnknownValue),
            (4, "Штрихкод", "4009026022468", IssueCode::BarcodeChecksum),
            (4, "Цена", "шестьсот", IssueCode::NumberInvalid),
            (5, "Артикул", "oc-90", IssueCode::Repeated),
        ]
    );
    assert_eq!(
        (report.plan.create, report.plan.update),
        (3, 0),
        "rows 2, 6 and 7 are fine"
    );
    assert!(all_products(&t.shop).await.is_empty(), "nothing is written");
    Ok(())
}

#[tokio::test]
async fn a_second_price_list_updates_by_article_and_brand_and_keeps_what_it_lacks() -> TestResult {
    let t = open_shop().await;
    let first = write(t.dir.path(), "catalogue.csv", CATALOGUE);
    assert!(
        t.shop
            .run_product_import(&first, None, |_| {})
            .await?
            .imported
    );
    let before = by_article(&t.shop, "OC 90", "MAHLE").await;

    // A supplier's price list: article, brand in another spelling, name and a new price.
    let prices = write(
        t.dir.path(),
        "prices.csv",
        "Артикул;Производитель;Наименование;Цена;Штрихкод;Примечание\n\
         oc90;Mahle;Фильтр масляный MAHLE;700;;\n\
         W 712/73;MANN FILTER;;;;\n\
         HU 719/7 x;MANN-FILTER;Фильтр масляный (картридж);1150;4011558917050;новинка\n",
    );
    let preview = t.shop.preview_product_import(&prices, None).await?;
    assert_eq!(preview.plan.problems, []);
    assert_eq!((preview.plan.create, preview.plan.update), (1, 2));
    let report = t.shop.run_product_import(&prices, None, |_| {}).await?;
    assert!(report.imported);

    let after = by_article(&t.shop, "oc90", "MAHLE").await;
    assert_eq!(after.id, before.id, "updated, not added");
    assert_eq!(after.name, "Фильтр масляный MAHLE");
    assert_eq!(after.price, Some(Money::from_kopecks(70_000)));
    assert_eq!(after.purchase_price, before.purchase_price);
    assert_eq!(after.numbers, before.numbers);
    assert_eq!(after.barcodes, before.barcodes);
    assert_eq!(after.attributes, before.attributes);
    assert_eq!(after.category, before.category);
    assert_eq!(after.supplier, before.supplier);
    assert_eq!(after.vat, before.vat);
    assert_eq!(after.min_stock, before.min_stock);

    // A row with only the article and brand changes nothing, except the mapped notes.
    let mann = by_article(&t.shop, "W 712/73", "MANN-FILTER").await;
    assert_eq!(mann.name, "Фильтр масляный");
    assert_eq!(mann.price, Some(Money::from_kopecks(61_000)));
    assert_eq!(mann.notes, "", "an empty notes cell clears the notes");
    assert_eq!(mann.numbers.len(), 3);

    let cartridge = by_article(&t.shop, "HU 719/7 x", "MANN-FILTER").await;
    assert_eq!(cartridge.notes, "новинка");
    assert_eq!(all_products(&t.shop).await.len(), 4);

    // Still found by the old numbers, and by the new name.
    let found = t
        .shop
        .search_products(&ProductSearch {
            query: "03C 115 561 H".into(),
            ..ProductSearch::default()
        })
        .await?;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, before.id);
    Ok(())
}

#[tokio::test]
async fn an_update_leaves_the_products_and_their_index_as_a_fresh_import_would() -> TestResult {
    let updated = open_shop().await;
    let first = write(updated.dir.path(), "catalogue.csv", CATALOGUE);
    assert!(
        updated
            .shop
            .run_product_import(&first, None, |_| {})
            .await?
            .imported
    );
    // New numbers, characteristics and names for two products, a new price for the third.
    let changed = CATALOGUE
        .replace("\"MANN W 712/73; KNECHT OC 90\"", "MANN W 712/75")
        .replace("Высота: 79 мм", "\"Высота: 80 мм; Резьба: M20x1,5\"")
        .replace(
            "Фильтр масляный;Фильтры/Масляные",
            "Фильтр масляный MANN;Фильтры/Масляные",
        )
        .replace("2 450 руб.", "2 600");
    let second = write(updated.dir.path(), "changed.csv", &changed);
    let report = updated
        .shop
        .run_product_import(&second, None, |_| {})
        .await?;
    assert!(report.imported, "{:?}", report.plan.problems);
    assert_eq!((report.plan.create, report.plan.update), (0, 3));

    let fresh = open_shop().await;
    let file = write(fresh.dir.path(), "changed.csv", &changed);
    assert!(
        fresh
            .shop
            .run_product_import(&file, None, |_| {})
            .await?
            .imported
    );
    assert_eq!(essences(&updated.shop).await, essences(&fresh.shop).await);
    assert_eq!(
        index_rows(&updated.shop).await,
        index_rows(&fresh.shop).await
    );
    let index = index_rows(&updated.shop).await;
    assert!(
        index.contains(&"OC 90 cross W71275".to_owned()),
        "{index:?}"
    );
    assert!(index.contains(&"OC 90 word m20x15".to_owned()), "{index:?}");
    assert!(
        !index
            .iter()
            .any(|row| row.ends_with("W71273") && row.starts_with("OC 90"))
    );
    Ok(())
}

#[tokio::test]
async fn a_markup_in_a_file_replaces_a_fixed_price() -> TestResult {
    let t = open_shop().await;
    t.shop
        .create_product(&ProductDraft {
            name: "Колодки".into(),
            article: "GDB1550".into(),
            brand: "TRW".into(),
            purchase_price: "1000".into(),
            sale_price: "1500".into(),
            ..ProductDraft::default()
        })
        .await?;
    let file = write(
        t.dir.path(),
        "markup.csv",
        "Артикул;Бренд;Закупочная цена;Наценка\nGDB1550;TRW;1200;30%\n",
    );
    let report = t.shop.run_product_import(&file, None, |_| {}).await?;
    assert!(report.imported, "{:?}", report.plan.problems);
    let pads = by_article(&t.shop, "GDB1550", "TRW").await;
    assert_eq!(pads.fixed_price, None);
    assert_eq!(pads.markup_basis_points, Some(3000));
    assert_eq!(pads.price, Some(Money::from_kopecks(156_000)));
    Ok(())
}

#[tokio::test]
async fn one_article_of_two_brands_is_two_products() -> TestResult {
    let t = open_shop().await;
    let file = write(
        t.dir.path(),
        "two.csv",
        "Артикул;Бренд;Наименование;Цена\n\
         12345;FEBI;Датчик ABS;1500\n\
         12345;SWAG;Датчик ABS;1400\n\
         12345;;Датчик без бренда;900\n",
    );
    let report = t.shop.run_product_import(&file, None, |_| {}).await?;
    assert!(report.imported, "{:?}", report.plan.problems);
    assert_eq!(report.plan.create, 3);
    assert_eq!(all_products(&t.shop).await.len(), 3);
    // Importing it again updates the same three.
    let again = t.shop.run_product_import(&file, None, |_| {}).await?;
    assert_eq!((again.plan.create, again.plan.update), (0, 3));
    assert_eq!(all_products(&t.shop).await.len(), 3);
    Ok(())
}

#[tokio::test]
async fn an_export_imports_back_as_the_same_products() -> TestResult {
    let t = open_shop().await;
    let file = write(t.dir.path(), "catalogue.csv", CATALOGUE);
    assert!(
        t.shop
            .run_product_import(&file, None, |_| {})
            .await?
            .imported
    );
    t.shop
        .create_product(&ProductDraft {
            name: "Ремень ГРМ".into(),
            article: "SE-1381".into(),
            brand: "555".into(),
            unit: Unit::Set,
            purchase_price: "1000".into(),
            markup_percent: "12,5".into(),
            // A file keeps the order of each kind, OEM numbers first.
            numbers: vec![
                number(NumberKind::Oem, "", "CUK 2939"),
                number(NumberKind::Cross, "555", "SE 1382"),
            ],
            notes: "две строки;\nвторая".into(),
            ..ProductDraft::default()
        })
        .await?;
    let original = essences(&t.shop).await;
    assert_eq!(original.len(), 4);
    // One product was written by the product window, three by an import.
    let index = index_rows(&t.shop).await;
    assert!(
        index.contains(&"SE-1381 cross SE1382".to_owned()),
        "{index:?}"
    );
    assert!(
        index.contains(&"OC 90 word масляный".to_owned()),
        "{index:?}"
    );

    for (format, name) in [
        (ExportFormat::Csv, "all.csv"),
        (ExportFormat::Xlsx, "all.xlsx"),
    ] {
        let out = t.dir.path().join(name);
        assert_eq!(t.shop.export_products(&out, format).await?, 4);
        let other = open_shop().await;
        let preview = other.shop.preview_product_import(&out, None).await?;
        assert!(
            !preview.mapping.contains(&ProductColumn::Ignore),
            "{:?}",
            preview.mapping
        );
        let report = other.shop.run_product_import(&out, None, |_| {}).await?;
        assert!(report.imported, "{format:?}: {:?}", report.plan.problems);
        assert_eq!(essences(&other.shop).await, original, "{format:?}");
        assert_eq!(index_rows(&other.shop).await, index, "{format:?}");

        // Into the shop it came from: every row updates its product, and nothing changes.
        let again = t.shop.run_product_import(&out, None, |_| {}).await?;
        assert_eq!((again.plan.create, again.plan.update), (0, 4), "{format:?}");
        assert_eq!(essences(&t.shop).await, original, "{format:?}");
        assert_eq!(index_rows(&t.shop).await, index, "{format:?}");
    }
    Ok(())
}

#[tokio::test]
async fn a_chosen_mapping_is_used_and_an_unreadable_file_is_an_error() -> TestResult {
    let t = open_shop().await;
    let file = write(
        t.dir.path(),
        "own.csv",
        "Код;Что;Сколько стоит\nOC 90;Фильтр;650\n",
    );
    let guessed = t.shop.preview_product_import(&file, None).await?;
    assert_eq!(
        guessed.mapping,
        [
            ProductColumn::Ignore,
            ProductColumn::Ignore,
            ProductColumn::Ignore
        ]
    );
    assert_eq!(guessed.plan.create, 0, "a row of ignored cells is skipped");
    let mapping = vec![
        ProductColumn::Article,
        ProductColumn::Name,
        ProductColumn::SalePrice,
    ];
    let chosen = t
        .shop
        .preview_product_import(&file, Some(mapping.clone()))
        .await?;
    assert_eq!(chosen.mapping, mapping);
    assert_eq!(chosen.plan.create, 1);
    let report = t
        .shop
        .run_product_import(&file, Some(mapping), |_| {})
        .await?;
    assert!(report.imported);
    assert_eq!(
        by_article(&t.shop, "OC 90", "").await.price,
        Some(Money::from_kopecks(65_000))
    );

    let photo = write(t.dir.path(), "photo.jpg", "\u{ff}");
    let error = t
        .shop
        .preview_product_import(&photo, None)
        .await
        .expect_err("not a table");
    assert_eq!(error.code(), remzona::ErrorCode::Io);
    Ok(())
}

// --- The command line ---------------------------------------------------------

fn remzona(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_remzona"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("REMZONA_DB")
        .output()
        .expect("run remzona")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn import_find_and_export_products_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("shop.sqlite3");
    let file = write(dir.path(), "catalogue.csv", CATALOGUE);
    let file = file.to_str().expect("utf-8 path");

    let dry = remzona(&db, &["import", "products", file, "--dry-run"]);
    assert!(dry.status.success(), "{dry:?}");
    assert!(
        stdout(&dry).contains("будет создано: 3, обновлено: 0"),
        "{}",
        stdout(&dry)
    );
    let none = remzona(&db, &["find-product", "OC 90"]);
    assert!(
        stdout(&none).contains("Ничего не найдено"),
        "a dry run writes nothing: {}",
        stdout(&none)
    );

    let imported = remzona(&db, &["import", "products", file]);
    assert!(imported.status.success(), "{imported:?}");
    assert!(
        stdout(&imported).contains("Создано товаров: 3, обновлено: 0"),
        "{}",
        stdout(&imported)
    );

    // W 712/73 is MANN-FILTER's own article and a cross number of the MAHLE filter.
    let found = remzona(&db, &["find-product", "W71273", "--limit", "5"]);
    assert!(found.status.success(), "{found:?}");
    let text = stdout(&found);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let first: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(first[..3], ["W 712/73", "MANN-FILTER", "Фильтр масляный"]);
    assert_eq!(first[3], "0 шт");
    assert_eq!(first[4], "610.00");
    let analogue: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(analogue[..2], ["OC 90", "MAHLE"]);
    assert!(analogue[5].contains("аналог"), "{text}");
    assert!(analogue[5].contains("MANN W 712/73"), "{text}");
    assert!(lines[2].contains("Найдено / found: 2"), "{text}");

    let out = dir.path().join("products.xlsx");
    let exported = remzona(
        &db,
        &[
            "export",
            "products",
            "--format",
            "xlsx",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert!(exported.status.success(), "{exported:?}");
    assert!(stdout(&exported).contains("Выгружено товаров / products written: 3"));
    assert!(out.exists());

    let again = remzona(&db, &["import", "products", out.to_str().expect("utf-8")]);
    assert!(again.status.success(), "{again:?}");
    assert!(
        stdout(&again).contains("Создано товаров: 0, обновлено: 3"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn a_file_with_problems_exits_with_1_and_a_bad_command_with_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("shop.sqlite3");
    let bad = write(
        dir.path(),
        "bad.csv",
        "Артикул;Наименование;Цена\nOC 90;;650\nOC 91;Фильтр;дорого\n",
    );
    let refused = remzona(&db, &["import", "products", bad.to_str().expect("utf-8")]);
    assert_eq!(refused.status.code(), Some(1));
    let errors = stderr(&refused);
    assert!(
        errors.contains("строка 2 / line 2, «Наименование»"),
        "{errors}"
    );
    assert!(errors.contains("строка 3 / line 3, «Цена»"), "{errors}");
    assert!(errors.contains("Ничего не загружено"), "{errors}");

    for args in [
        &["import", "products"][..],
        &["export", "products", "--format", "pdf"][..],
        &["find-product"][..],
        &["find-product", "OC", "--limit", "many"][..],
    ] {
        let output = remzona(&db, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(" / "),
            "{args:?}: Russian and English"
        );
    }
}
