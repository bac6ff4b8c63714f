//! Stock: receipts, write-offs, inventories and counter sales keep the levels
//! equal to the ledger and never below zero unless the shop allows it.

use remzona::domain::client::Duplicates;
use remzona::domain::client::{ClientDraft, PhoneInput};
use remzona::domain::history::HistoryKind;
use remzona::domain::ids::{ProductId, WarehouseId};
use remzona::domain::product::{ProductDraft, ProductSearch};
use remzona::domain::quantity::{Quantity, Unit};
use remzona::domain::stock::{
    CountedLineDraft, InventoryDraft, PaymentMethod, QuantityLineDraft, ReceiptDraft,
    ReceiptLineDraft, SaleDraft, SaleLineDraft, StockDocKind, StockSettings, WriteOffDraft,
};
use remzona::domain::validation::IssueCode;
use remzona::{ErrorCode, Remzona};

use crate::open_shop;
use crate::products::part;

const MAIN: WarehouseId = WarehouseId(1);

fn receipt(lines: &[(ProductId, &str, &str)]) -> ReceiptDraft {
    ReceiptDraft {
        warehouse_id: None,
        supplier_id: None,
        invoice_number: "УТ-1043".into(),
        invoice_date: "25.11.2026".into(),
        comment: String::new(),
        lines: lines
            .iter()
            .map(|(product_id, quantity, price)| ReceiptLineDraft {
                product_id: *product_id,
                quantity: (*quantity).into(),
                price: (*price).into(),
            })
            .collect(),
    }
}

fn sale(lines: &[(ProductId, &str)]) -> SaleDraft {
    SaleDraft {
        client_id: None,
        warehouse_id: None,
        payment_method: PaymentMethod::Cash,
        comment: String::new(),
        lines: lines
            .iter()
            .map(|(product_id, quantity)| SaleLineDraft {
                product_id: *product_id,
                quantity: (*quantity).into(),
                price: String::new(),
                discount_percent: String::new(),
            })
            .collect(),
    }
}

async fn on_hand(shop: &Remzona, id: ProductId) -> i64 {
    shop.product(id).await.expect("product").on_hand.milli()
}

async fn product(shop: &Remzona, article: &str, unit: Unit) -> ProductId {
    let draft = ProductDraft {
        unit,
        ..part("Товар", article, "TEST")
    };
    shop.create_product(&draft).await.expect("product").id
}

#[tokio::test]
async fn receive_ten_sell_two_and_eight_remain() {
    let s = open_shop().await;
    let filter = product(&s.shop, "OC 90", Unit::Piece).await;
    let doc = s
        .shop
        .receive_stock(&receipt(&[(filter, "10", "412,50")]))
        .await
        .expect("receipt");
    assert_eq!(doc.number, "ПН-26-00001");
    assert_eq!(doc.total.kopecks(), 412_500);
    assert_eq!(doc.invoice_number, "УТ-1043");
    let product = s.shop.product(filter).await.expect("product");
    assert_eq!(
        product.purchase_price.map(|p| p.kopecks()),
        Some(41_250),
        "the receipt's price"
    );

    let sold = s.shop.sell(&sale(&[(filter, "2")])).await.expect("sale");
    assert_eq!(sold.number, "ПР-26-00001");
    assert_eq!(sold.total.kopecks(), 130_000, "2 × 650 ₽");
    assert_eq!(on_hand(&s.shop, filter).await, 8_000);
    assert!(
        s.shop
            .stock_matches_ledger(filter, MAIN)
            .await
            .expect("ledger")
    );

    let movements = s.shop.product_movements(filter).await.expect("movements");
    let kinds: Vec<(StockDocKind, i64)> = movements
        .iter()
        .map(|m| (m.kind, m.quantity.milli()))
        .collect();
    assert_eq!(
        kinds,
        [
            (StockDocKind::Sale, -2_000),
            (StockDocKind::Receipt, 10_000)
        ]
    );
    let journal = s.shop.stock_documents(None, 10).await.expect("journal");
    assert_eq!(journal.len(), 2);
    assert_eq!(journal[0].number, "ПР-26-00001");
}

#[tokio::test]
async fn stock_never_goes_negative_unless_the_shop_allows_it() {
    let s = open_shop().await;
    let plug = product(&s.shop, "BKR6E", Unit::Piece).await;
    s.shop
        .receive_stock(&receipt(&[(plug, "3", "300")]))
        .await
        .expect("receipt");
    // Two lines of the same product are added up: 2 + 2 > 3.
    let error = s
        .shop
        .sell(&sale(&[(plug, "2"), (plug, "2")]))
        .await
        .expect_err("short");
    assert_eq!(error.code(), ErrorCode::Validation);
    let issue = &error.issues()[0];
    assert_eq!(issue.issue, IssueCode::NotEnoughStock);
    assert_eq!(issue.field, "lines.1.quantity");
    assert_eq!(issue.detail.as_deref(), Some("3"));
    assert_eq!(on_hand(&s.shop, plug).await, 3_000, "nothing was written");
    assert!(
        s.shop
            .stock_documents(Some(StockDocKind::Sale), 10)
            .await
            .expect("journal")
            .is_empty()
    );

    let write_off = WriteOffDraft {
        warehouse_id: None,
        reason: "Брак".into(),
        lines: vec![QuantityLineDraft {
            product_id: plug,
            quantity: "4".into(),
        }],
    };
    assert!(s.shop.write_off_stock(&write_off).await.is_err());

    s.shop
        .set_stock_settings(StockSettings {
            allow_negative_stock: true,
        })
        .await
        .expect("settings");
    s.shop
        .write_off_stock(&write_off)
        .await
        .expect("allowed now");
    assert_eq!(on_hand(&s.shop, plug).await, -1_000);
    assert!(
        s.shop
            .stock_matches_ledger(plug, MAIN)
            .await
            .expect("ledger")
    );
}

#[tokio::test]
async fn movements_add_up_exactly_in_fractions() {
    let s = open_shop().await;
    let oil = product(&s.shop, "OIL-200", Unit::Litre).await;
    s.shop
        .receive_stock(&receipt(&[(oil, "200", "450,99"), (oil, "8,5", "451")]))
        .await
        .expect("receipt");
    for _ in 0..10 {
        s.shop.sell(&sale(&[(oil, "0,1")])).await.expect("sale");
    }
    s.shop.sell(&sale(&[(oil, "4,333")])).await.expect("sale");
    let inventory = s
        .shop
        .count_inventory(&InventoryDraft {
            warehouse_id: None,
            comment: "Конец месяца".into(),
            lines: vec![CountedLineDraft {
                product_id: oil,
                counted: "203".into(),
            }],
        })
        .await
        .expect("inventory");
    assert_eq!(
        inventory.lines[0].quantity.milli(),
        -167,
        "208,5 − 1 − 4,333 = 203,167"
    );
    assert_eq!(on_hand(&s.shop, oil).await, 203_000);
    assert!(
        s.shop
            .stock_matches_ledger(oil, MAIN)
            .await
            .expect("ledger")
    );
    let docs = s.shop.stock_documents(None, 100).await.expect("journal");
    assert_eq!(docs.len(), 13);
    assert_eq!(docs[0].number, "ИН-26-00001");
    assert_eq!(docs[1].number, "ПР-26-00011");
}

#[tokio::test]
async fn whole_pieces_cannot_be_sold_in_fractions() {
    let s = open_shop().await;
    let pads = product(&s.shop, "GDB1550", Unit::Set).await;
    let error = s
        .shop
        .receive_stock(&receipt(&[(pads, "1,5", "2000"), (pads, "", "x")]))
        .await
        .expect_err("bad lines");
    let fields: Vec<(&str, IssueCode)> = error
        .issues()
        .iter()
        .map(|i| (i.field.as_str(), i.issue))
        .collect();
    assert_eq!(
        fields,
        [
            ("lines.0.quantity", IssueCode::FractionNotAllowed),
            ("lines.1.quantity", IssueCode::Required),
            ("lines.1.price", IssueCode::NumberInvalid),
        ]
    );
    let empty = s
        .shop
        .receive_stock(&receipt(&[]))
        .await
        .expect_err("no lines");
    assert_eq!(empty.issues()[0].field, "lines");
}

#[tokio::test]
async fn a_counter_sale_to_a_client_applies_the_discount_and_lands_in_the_history() {
    let s = open_shop().await;
    let client = s
        .shop
        .create_client(
            &ClientDraft {
                surname: "Петров".into(),
                discount_percent: 10,
                phones: vec![PhoneInput {
                    number: "+7 912 345-67-89".into(),
                    ..PhoneInput::default()
                }],
                ..ClientDraft::default()
            },
            Duplicates::Refuse,
        )
        .await
        .expect("client");
    let filter = product(&s.shop, "OC 90", Unit::Piece).await;
    s.shop
        .receive_stock(&receipt(&[(filter, "5", "400")]))
        .await
        .expect("receipt");
    let mut draft = sale(&[(filter, "3")]);
    draft.client_id = Some(client.id);
    draft.payment_method = PaymentMethod::Card;
    draft.lines[0].price = "655,55".into();
    let sold = s.shop.sell(&draft).await.expect("sale");
    // 3 × 655,55 = 1 966,65; 10 % = 196,665 → 196,67; 1 769,98.
    assert_eq!(sold.total.kopecks(), 176_998);
    assert_eq!(sold.discount.kopecks(), 19_667);
    assert_eq!(sold.lines[0].discount_basis_points, 1_000);
    assert_eq!(sold.payment_method, PaymentMethod::Card);
    assert_eq!(sold.client.as_ref().map(|c| c.id), Some(client.id));
    let card = s.shop.client_card(client.id).await.expect("card");
    assert!(
        card.history
            .iter()
            .any(|h| h.kind == HistoryKind::Sale && h.detail.starts_with("ПР-26-00001")),
        "the sale is in the client's history"
    );
    let again = s.shop.sale(sold.id).await.expect("reopen");
    assert_eq!(again, sold);
}

#[tokio::test]
async fn the_ledger_refuses_changes_made_behind_its_back() {
    let s = open_shop().await;
    let filter = product(&s.shop, "OC 90", Unit::Piece).await;
    s.shop
        .receive_stock(&receipt(&[(filter, "5", "400")]))
        .await
        .expect("receipt");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", s.shop.db().path().display()))
        .await
        .expect("raw connection");
    for sql in [
        "UPDATE stock_lines SET quantity = 500",
        "DELETE FROM stock_lines",
        "UPDATE stock_documents SET total = 0",
        "DELETE FROM stock_documents",
    ] {
        let refused = sqlx::query(sql).execute(&pool).await;
        assert!(refused.is_err(), "{sql} must be refused");
    }
}

#[tokio::test]
async fn archived_products_cannot_be_moved_and_warehouses_keep_their_stock() {
    let s = open_shop().await;
    let filter = product(&s.shop, "OC 90", Unit::Piece).await;
    s.shop.archive_product(filter, true).await.expect("archive");
    let error = s
        .shop
        .receive_stock(&receipt(&[(filter, "1", "1")]))
        .await
        .expect_err("archived");
    assert_eq!(error.issues()[0].issue, IssueCode::Unavailable);
    s.shop
        .archive_product(filter, false)
        .await
        .expect("restore");

    let second = s.shop.add_warehouse("Склад шин").await.expect("warehouse");
    let mut draft = receipt(&[(filter, "2", "400")]);
    draft.warehouse_id = Some(second);
    s.shop.receive_stock(&draft).await.expect("receipt");
    let levels = s.shop.product(filter).await.expect("product").stock;
    assert_eq!(levels.len(), 1);
    assert_eq!(levels[0].warehouse, "Склад шин");
    assert_eq!(levels[0].on_hand, Quantity::from_milli(2_000));
    assert!(
        s.shop.archive_warehouse(second, true).await.is_err(),
        "it holds parts"
    );
    assert!(
        s.shop.archive_warehouse(MAIN, true).await.is_err(),
        "the main one stays"
    );

    let low = s
        .shop
        .search_products(&ProductSearch {
            low_stock_only: true,
            ..ProductSearch::default()
        })
        .await
        .expect("low");
    assert!(low.is_empty(), "no minimum set");
}

#[tokio::test]
async fn concurrent_sales_never_oversell() {
    let s = open_shop().await;
    let filter = product(&s.shop, "OC 90", Unit::Piece).await;
    s.shop
        .receive_stock(&receipt(&[(filter, "5", "400")]))
        .await
        .expect("receipt");
    let mut tasks = Vec::new();
    for _ in 0..12 {
        let shop = s.shop.clone();
        tasks.push(tokio::spawn(async move {
            shop.sell(&sale(&[(filter, "1")])).await.is_ok()
        }));
    }
    let mut sold = 0;
    for task in tasks {
        if task.await.expect("task") {
            sold += 1;
        }
    }
    assert_eq!(sold, 5);
    assert_eq!(on_hand(&s.shop, filter).await, 0);
}
