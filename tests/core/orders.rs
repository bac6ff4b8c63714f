//! Repair orders against a real database: intake from an appointment, lines
//! and totals, stock taken on issue and put back on reopening, payments and
//! the client's balance, document numbering under concurrent issuing, and
//! snapshots that stay as issued.
//!
//! The clock stands at Thursday 26 November 2026, 12:00 in Moscow.

use std::collections::BTreeMap;
use std::sync::Arc;

use remzona::Remzona;
use remzona::domain::client::{ClientDraft, Duplicates, PhoneInput};
use remzona::domain::history::HistoryKind;
use remzona::domain::ids::{ProductId, RepairOrderId};
use remzona::domain::order::intake::{BodyView, DamageKind, DamageMark, IntakeDraft};
use remzona::domain::order::line::{DiscountKind, PartLineDraft, WorkLineDraft};
use remzona::domain::order::payment::{PaymentDraft, PaymentKind, PaymentMark, PaymentMethod};
use remzona::domain::order::snapshot::DocumentKind;
use remzona::domain::order::status::{OrderEvent, OrderStatus};
use remzona::domain::order::terms::OrderTermsDraft;
use remzona::domain::order::vat::{VatMode, VatRate};
use remzona::domain::product::ProductDraft;
use remzona::domain::schedule::appointment::AppointmentStatus;
use remzona::domain::validation::IssueCode;
use remzona::domain::vehicle::VehicleDraft;
use remzona::error::ConflictReason;
use remzona::orders::OrderView;

use crate::fixtures::{
    conflict, desk_with, issues, marked_intake, rename_client, requisites, stocked_filter,
};
use crate::products::part;
use crate::schedule::{Desk, desk};

fn work(d: &Desk, quantity: &str) -> WorkLineDraft {
    WorkLineDraft {
        service_id: d.oil,
        quantity: quantity.into(),
        price: String::new(),
        mechanic_id: Some(d.petrov),
        discount: String::new(),
        discount_kind: DiscountKind::Percent,
        vat_rate: None,
    }
}

fn part_line(product: ProductId, quantity: &str) -> PartLineDraft {
    PartLineDraft {
        product_id: product,
        quantity: quantity.into(),
        price: String::new(),
        discount: String::new(),
        discount_kind: DiscountKind::Percent,
        vat_rate: None,
    }
}

fn pay(kind: PaymentKind, method: PaymentMethod, amount: &str) -> PaymentDraft {
    PaymentDraft {
        kind,
        method,
        amount: amount.into(),
        comment: String::new(),
    }
}

async fn on_hand(shop: &Remzona, id: ProductId) -> i64 {
    shop.product(id).await.expect("product").on_hand.milli() / 1000
}

async fn walk_in(d: &Desk) -> OrderView {
    d.shop()
        .take_in_walk_in(d.client, d.car, &marked_intake())
        .await
        .expect("walk-in")
}

async fn ready(shop: &Remzona, id: RepairOrderId) {
    shop.change_order_status(id, &OrderEvent::Finish)
        .await
        .expect("finish");
}

#[tokio::test]
async fn the_client_arrives_and_the_appointment_becomes_an_order_with_two_damage_marks() {
    let d = desk().await;
    let shop = d.shop();
    let appointment = d.book("2026-11-27 10:00", d.petrov).await;
    let order = shop
        .take_in(appointment, &marked_intake())
        .await
        .expect("take in");
    assert_eq!(order.number, "ЗН-2026-000001");
    assert_eq!(order.status, OrderStatus::Open);
    assert_eq!(order.appointment, Some(appointment));
    assert_eq!(order.client.id, d.client);
    assert_eq!(order.vehicle.id, d.car);
    assert_eq!(order.intake.damage.len(), 2);
    assert_eq!(order.intake.damage[1].kind, DamageKind::Chip);
    assert_eq!(order.intake.odometer_km, Some(45_000));
    // Read back from the database, the marks are the same.
    let again = shop.repair_order(order.id).await.expect("order");
    assert_eq!(again.intake, order.intake);
    let details = shop.appointment(appointment).await.expect("appointment");
    assert_eq!(details.appointment.status, AppointmentStatus::Arrived);
    let car = shop.vehicle(d.car).await.expect("car");
    assert_eq!(car.odometer.map(|o| o.km), Some(45_000));
    // One order per appointment.
    let twice = shop.take_in(appointment, &marked_intake()).await;
    assert_eq!(conflict(twice), ConflictReason::AppointmentNotAwaited);
    // A lower reading needs a reason.
    let lower = IntakeDraft {
        odometer: "44 000".into(),
        ..marked_intake()
    };
    let refused = shop.take_in_walk_in(d.client, d.car, &lower).await;
    assert_eq!(
        issues(refused),
        vec![("odometer".to_owned(), IssueCode::OdometerDecreased)]
    );
    // A walk-in takes the next number.
    let walk_in = walk_in(&d).await;
    assert_eq!(walk_in.number, "ЗН-2026-000002");
    assert_eq!(walk_in.appointment, None);
    let history = shop.order_history(order.id).await.expect("history");
    assert_eq!(history[0].kind, "created");
    // A third mark and a photo after the walk-round.
    let mut more = marked_intake();
    more.damage.push(DamageMark {
        view: BodyView::Rear,
        x: 100,
        y: 300,
        kind: DamageKind::Dent,
        note: String::new(),
    });
    more.photos.push("orders/1/rear.jpg".into());
    let order = shop.update_intake(order.id, &more).await.expect("intake");
    assert_eq!(order.intake.damage.len(), 3);
    assert_eq!(order.intake.photos, ["orders/1/rear.jpg"]);
}

#[tokio::test]
async fn one_work_and_one_part_make_the_totals() {
    let d = desk().await;
    let shop = d.shop();
    let product = stocked_filter(shop).await;
    let order = walk_in(&d).await;
    // One standard hour at the shop's 2 500 ₽.
    let order = shop.add_work(order.id, &work(&d, "")).await.expect("work");
    assert_eq!(order.works[0].mechanic, "Петров Сергей");
    let order = shop
        .add_part(order.id, &part_line(product, "2"))
        .await
        .expect("part");
    assert_eq!(order.totals.works.total.kopecks(), 250_000);
    assert_eq!(order.totals.parts.total.kopecks(), 130_000);
    assert_eq!(order.totals.total().kopecks(), 380_000);
    // A line changed and removed.
    let work_id = order.works[0].id;
    let order = shop
        .update_work(order.id, work_id, &work(&d, "1,5"))
        .await
        .expect("update");
    assert_eq!(order.totals.total().kopecks(), 505_000);
    let order = shop.remove_work(order.id, work_id).await.expect("remove");
    assert_eq!(order.totals.total().kopecks(), 130_000);
    let bad = shop.add_part(order.id, &part_line(product, "1,5")).await;
    assert_eq!(
        issues(bad),
        vec![("quantity".to_owned(), IssueCode::FractionNotAllowed)]
    );
}

#[tokio::test]
async fn parts_leave_the_stock_on_issue_and_come_back_on_reopening() {
    let d = desk().await;
    let shop = d.shop();
    let product = stocked_filter(shop).await;
    let order = walk_in(&d).await;
    shop.add_work(order.id, &work(&d, "")).await.expect("work");
    let order = shop
        .add_part(order.id, &part_line(product, "2"))
        .await
        .expect("part");
    ready(shop, order.id).await;
    assert_eq!(
        on_hand(shop, product).await,
        10,
        "nothing moves before issue"
    );
    let issued = shop
        .change_order_status(order.id, &OrderEvent::Issue)
        .await
        .expect("issue");
    assert_eq!(issued.status, OrderStatus::Issued);
    assert_eq!(on_hand(shop, product).await, 8);
    // An issued order is locked.
    let locked = shop.add_work(order.id, &work(&d, "")).await;
    assert_eq!(conflict(locked), ConflictReason::OrderLocked);
    // Reopening needs a reason, and puts the parts back.
    let no_reason = shop
        .change_order_status(order.id, &OrderEvent::Reopen { reason: " ".into() })
        .await;
    assert_eq!(
        issues(no_reason),
        vec![("reason".to_owned(), IssueCode::Required)]
    );
    let reopened = shop
        .change_order_status(
            order.id,
            &OrderEvent::Reopen {
                reason: "Клиент отказался от фильтра".into(),
            },
        )
        .await
        .expect("reopen");
    assert_eq!(reopened.status, OrderStatus::Ready);
    assert_eq!(on_hand(shop, product).await, 10);
    let history = shop.order_history(order.id).await.expect("history");
    let reopening = history
        .iter()
        .find(|e| e.kind == "reopened")
        .expect("reopening recorded");
    assert!(reopening.detail.contains("Клиент отказался от фильтра"));
    // The line removed, issued again: the stock stays whole.
    shop.remove_part(order.id, reopened.parts[0].id)
        .await
        .expect("remove");
    shop.change_order_status(order.id, &OrderEvent::Issue)
        .await
        .expect("issue again");
    assert_eq!(on_hand(shop, product).await, 10);
    assert!(
        shop.stock_matches_ledger(product, remzona::domain::ids::WarehouseId(1))
            .await
            .expect("ledger")
    );
    // More than there is: refused, naming the line.
    let other = walk_in(&d).await;
    shop.add_part(other.id, &part_line(product, "11"))
        .await
        .expect("part");
    ready(shop, other.id).await;
    let short = shop.change_order_status(other.id, &OrderEvent::Issue).await;
    assert_eq!(
        issues(short),
        vec![("parts.0.quantity".to_owned(), IssueCode::NotEnoughStock)]
    );
    assert_eq!(on_hand(shop, product).await, 10);
}

#[tokio::test]
async fn payments_partial_and_refunded_leave_the_balance_and_the_clients_standing() {
    let d = desk().await;
    let shop = d.shop();
    let product = stocked_filter(shop).await;
    let order = walk_in(&d).await;
    shop.add_work(order.id, &work(&d, "")).await.expect("work");
    shop.add_part(order.id, &part_line(product, "2"))
        .await
        .expect("part");
    let paid = shop
        .record_payment(
            order.id,
            &pay(PaymentKind::Advance, PaymentMethod::Cash, "1 000"),
        )
        .await
        .expect("advance");
    assert_eq!(paid.balance.debt.kopecks(), 280_000);
    assert_eq!(paid.balance.mark(), PaymentMark::Partial);
    let paid = shop
        .record_payment(
            order.id,
            &pay(PaymentKind::Final, PaymentMethod::Card, "3 000"),
        )
        .await
        .expect("final");
    assert_eq!(paid.balance.prepayment.kopecks(), 20_000);
    let paid = shop
        .record_payment(
            order.id,
            &pay(PaymentKind::Refund, PaymentMethod::Cash, "700"),
        )
        .await
        .expect("refund");
    assert_eq!(paid.balance.paid.kopecks(), 330_000);
    assert_eq!(paid.balance.debt.kopecks(), 50_000);
    assert_eq!(paid.payments.len(), 3);
    // More back than was paid: refused, quoting what was paid.
    let too_much = shop
        .record_payment(
            order.id,
            &pay(PaymentKind::Refund, PaymentMethod::Cash, "5 000"),
        )
        .await;
    assert_eq!(
        issues(too_much),
        vec![("amount".to_owned(), IssueCode::OutOfRange)]
    );
    // A second order paid ahead covers part of the first one's debt.
    let second = walk_in(&d).await;
    shop.record_payment(
        second.id,
        &pay(PaymentKind::Advance, PaymentMethod::Transfer, "200"),
    )
    .await
    .expect("advance");
    let standing = shop.client_order_balance(d.client).await.expect("balance");
    assert_eq!(standing.total.kopecks(), 380_000);
    assert_eq!(standing.debt.kopecks(), 30_000);
    // A cancelled order takes refunds only and owes nothing.
    shop.change_order_status(
        second.id,
        &OrderEvent::Cancel {
            reason: String::new(),
        },
    )
    .await
    .expect("cancel");
    let refused = shop
        .record_payment(
            second.id,
            &pay(PaymentKind::Final, PaymentMethod::Cash, "1"),
        )
        .await;
    assert_eq!(conflict(refused), ConflictReason::OrderCancelled);
    let refunded = shop
        .record_payment(
            second.id,
            &pay(PaymentKind::Refund, PaymentMethod::Transfer, "200"),
        )
        .await
        .expect("refund");
    assert_eq!(refunded.balance.mark(), PaymentMark::Paid);
    let standing = shop.client_order_balance(d.client).await.expect("balance");
    assert_eq!(standing.debt.kopecks(), 50_000);
}

#[tokio::test]
async fn a_document_needs_its_mandatory_values_and_names_the_missing_ones() {
    let d = desk().await;
    let shop = d.shop();
    // A car always has a plate or a VIN (the car window insists); this one
    // has no plate, which the acts accept when the VIN is there.
    let bare = shop
        .create_vehicle(
            d.client,
            &VehicleDraft {
                vin: "XTAGFL110LY123456".into(),
                make: "Lada".into(),
                model: "Vesta".into(),
                ..VehicleDraft::default()
            },
            Duplicates::Refuse,
        )
        .await
        .expect("car")
        .id;
    let order = shop
        .take_in_walk_in(
            d.client,
            bare,
            &IntakeDraft {
                complaints: "Не заводится".into(),
                ..IntakeDraft::default()
            },
        )
        .await
        .expect("walk-in");
    let refused = shop
        .issue_document(order.id, DocumentKind::Acceptance)
        .await;
    assert_eq!(
        issues(refused),
        vec![
            ("shop.name".to_owned(), IssueCode::Required),
            ("shop.inn".to_owned(), IssueCode::Required),
            ("shop.address".to_owned(), IssueCode::Required),
            ("intake.odometer".to_owned(), IssueCode::Required),
        ]
    );
    // Refusals take no number: the first issued acceptance is number 1.
    shop.set_shop_requisites(&requisites())
        .await
        .expect("requisites");
    let good = walk_in(&d).await;
    let act = shop
        .issue_document(good.id, DocumentKind::Acceptance)
        .await
        .expect("acceptance");
    assert_eq!(act.number, "АП-2026-000001");
    assert_eq!(act.snapshot.intake.damage.len(), 2);
    assert_eq!(act.snapshot.client.phone, "+79161234567");
    // An invoice needs a company's ИНН and the shop's bank.
    let invoice = shop.issue_document(good.id, DocumentKind::Invoice).await;
    let missing = issues(invoice);
    assert!(missing.contains(&("client.inn".to_owned(), IssueCode::Required)));
    assert!(missing.contains(&("shop.bik".to_owned(), IssueCode::Required)));
}

#[tokio::test]
async fn a_snapshot_stays_as_issued_after_the_client_and_prices_change() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    let product = stocked_filter(shop).await;
    let order = walk_in(&d).await;
    shop.add_work(order.id, &work(&d, "")).await.expect("work");
    shop.add_part(order.id, &part_line(product, "1"))
        .await
        .expect("part");
    let no_date = shop.issue_document(order.id, DocumentKind::Order).await;
    assert_eq!(
        issues(no_date),
        vec![("promisedDate".to_owned(), IssueCode::Required)]
    );
    shop.set_order_terms(
        order.id,
        &OrderTermsDraft {
            promised_date: "28.11.2026".into(),
            warranty_days: "30".into(),
            ..OrderTermsDraft::default()
        },
    )
    .await
    .expect("terms");
    let first = shop
        .issue_document(order.id, DocumentKind::Order)
        .await
        .expect("order document");
    assert_eq!(first.number, "ЗН-2026-000001");
    assert_eq!(first.version, 1);
    assert_eq!(first.snapshot.client.name, "Иванов Иван");
    assert_eq!(first.snapshot.parts[0].line.price.kopecks(), 65_000);
    assert_eq!(first.snapshot.totals.total().kopecks(), 315_000);
    assert_eq!(first.snapshot.vehicle.plate, "А 123 ВС 77");
    // The client renamed, the product repriced.
    rename_client(shop, d.client).await;
    shop.update_product(
        product,
        &ProductDraft {
            sale_price: "990".into(),
            ..part("Фильтр масляный", "OC 90", "MAHLE")
        },
    )
    .await
    .expect("reprice");
    let stored = shop.issued_document(first.id).await.expect("stored");
    assert_eq!(stored, first, "the issued document reads as issued");
    // A correction is a new version under the same number; the old one stays.
    let second = shop
        .issue_document(order.id, DocumentKind::Order)
        .await
        .expect("version 2");
    assert_eq!(second.number, "ЗН-2026-000001");
    assert_eq!(second.version, 2);
    assert_eq!(second.snapshot.client.name, "Петренко Иван");
    // The line keeps the price it was written with.
    assert_eq!(second.snapshot.parts[0].line.price.kopecks(), 65_000);
    let all = shop.issued_documents(order.id).await.expect("documents");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0], first);
    // Both versions are on the client's timeline.
    let card = shop.client_card(d.client).await.expect("card");
    let documents: Vec<&str> = card
        .history
        .iter()
        .filter(|e| e.kind == HistoryKind::Document)
        .map(|e| e.detail.as_str())
        .collect();
    assert_eq!(documents.len(), 2, "{documents:?}");
    assert!(
        documents
            .iter()
            .any(|d| d.contains("ЗН-2026-000001 (версия 2)"))
    );
    let listed = shop.repair_orders(None, 10).await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].number, "ЗН-2026-000001");
    let of_client = shop
        .client_repair_orders(d.client)
        .await
        .expect("client's orders");
    assert_eq!(of_client[0].id, order.id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn documents_issued_at_once_from_two_desks_are_numbered_without_gaps_or_repeats() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    let other = Remzona::open(
        &d.s.dir.path().join("shop.sqlite3"),
        Arc::new(d.s.clock.clone()),
    )
    .await
    .expect("second desk");
    let mut orders = Vec::new();
    for _ in 0..12 {
        orders.push(walk_in(&d).await.id);
    }
    let mut tasks = Vec::new();
    for round in 0..2 {
        for (index, order) in orders.iter().enumerate() {
            let desk = if (index + round) % 2 == 0 {
                shop.clone()
            } else {
                other.clone()
            };
            let order = *order;
            tasks.push(tokio::spawn(async move {
                desk.issue_document(order, DocumentKind::Acceptance).await
            }));
        }
    }
    let mut numbers: BTreeMap<RepairOrderId, Vec<(String, u32)>> = BTreeMap::new();
    for task in tasks {
        let doc = task.await.expect("task").expect("issued");
        numbers
            .entry(doc.order)
            .or_default()
            .push((doc.number, doc.version));
    }
    let mut seen = Vec::new();
    for versions in numbers.values_mut() {
        versions.sort_by_key(|(_, version)| *version);
        assert_eq!(versions.len(), 2);
        assert_eq!(versions[0].0, versions[1].0, "a version keeps its number");
        assert_eq!((versions[0].1, versions[1].1), (1, 2));
        seen.push(versions[0].0.clone());
    }
    seen.sort();
    let expected: Vec<String> = (1..=12).map(|n| format!("АП-2026-{n:06}")).collect();
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn the_vat_mode_and_the_clients_discount_are_frozen_when_the_order_is_taken() {
    let d = desk().await;
    let shop = d.shop();
    shop.set_vat_mode(VatMode::OnTop(VatRate::Vat22))
        .await
        .expect("vat");
    shop.update_client(
        d.client,
        &ClientDraft {
            surname: "Иванов".into(),
            name: "Иван".into(),
            phones: vec![PhoneInput {
                number: "+7 916 123-45-67".into(),
                ..PhoneInput::default()
            }],
            discount_percent: 10,
            ..ClientDraft::default()
        },
        Duplicates::Allow,
    )
    .await
    .expect("discount");
    let order = walk_in(&d).await;
    assert_eq!(order.pricing.vat, VatMode::OnTop(VatRate::Vat22));
    // 2 500 ₽ − 10 % = 2 250 ₽, + 22 % = 2 745 ₽.
    let order = shop.add_work(order.id, &work(&d, "")).await.expect("work");
    assert_eq!(order.totals.all.discount.kopecks(), 25_000);
    assert_eq!(order.totals.all.vat.kopecks(), 49_500);
    assert_eq!(order.totals.total().kopecks(), 274_500);
    // The shop leaves VAT: the order taken before keeps its pricing.
    shop.set_vat_mode(VatMode::Without).await.expect("vat");
    let same = shop.repair_order(order.id).await.expect("order");
    assert_eq!(same.totals.total().kopecks(), 274_500);
    let next = walk_in(&d).await;
    let next = shop.add_work(next.id, &work(&d, "")).await.expect("work");
    assert_eq!(next.totals.total().kopecks(), 225_000);
}

#[tokio::test]
async fn issued_documents_payments_and_the_order_history_are_append_only() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    let order = walk_in(&d).await;
    shop.record_payment(
        order.id,
        &pay(PaymentKind::Advance, PaymentMethod::Cash, "500"),
    )
    .await
    .expect("advance");
    shop.issue_document(order.id, DocumentKind::Acceptance)
        .await
        .expect("acceptance");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", shop.db().path().display()))
        .await
        .expect("raw pool");
    for sql in [
        "UPDATE issued_documents SET snapshot = '{}'",
        "DELETE FROM issued_documents",
        "UPDATE order_payments SET amount = 1",
        "DELETE FROM order_payments",
        "UPDATE order_events SET detail = '{}'",
        "DELETE FROM order_events",
    ] {
        assert!(sqlx::query(sql).execute(&pool).await.is_err(), "{sql}");
    }
}
