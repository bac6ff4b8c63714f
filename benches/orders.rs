//! Times what the desk waits for around repair orders, on a shop with
//! `ORDERS` orders of one work and two parts each (half of them issued and
//! paid): taking a car in (a walk-in with two damage marks), adding a work
//! and a part, a payment, the order window's read (`repair_order`), the
//! orders screen's list of the newest 200 (`repair_orders`), the client
//! card's orders, documents and balance for a client with 50 orders, and
//! issuing an acceptance act. Prints the mean and p95 of each. Run with
//! `cargo bench --bench orders`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use remzona::domain::client::{ClientDraft, Duplicates, PhoneInput};
use remzona::domain::ids::{
    ClientId, ProductId, RepairOrderId, ServiceCategoryId, ServiceId, VehicleId,
};
use remzona::domain::order::intake::{BodyView, DamageKind, DamageMark, IntakeDraft};
use remzona::domain::order::line::{DiscountKind, PartLineDraft, WorkLineDraft};
use remzona::domain::order::payment::{PaymentDraft, PaymentKind, PaymentMethod};
use remzona::domain::order::snapshot::{DocumentKind, ShopRequisites};
use remzona::domain::order::status::OrderEvent;
use remzona::domain::pricelist::ServiceDraft;
use remzona::domain::product::ProductDraft;
use remzona::domain::stock::{ReceiptDraft, ReceiptLineDraft};
use remzona::domain::vehicle::VehicleDraft;
use remzona::{FixedClock, Remzona};

const ORDERS: usize = 1_000;
/// The client card's client has this many of the orders.
const REGULAR: usize = 50;
const RUNS: usize = 30;

struct Shop {
    shop: Remzona,
    _dir: tempfile::TempDir,
    client: ClientId,
    regular: ClientId,
    car: VehicleId,
    service: ServiceId,
    part: ProductId,
    orders: Vec<RepairOrderId>,
}

fn main() -> remzona::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run())
}

async fn run() -> remzona::Result<()> {
    let started = Instant::now();
    let s = prepare().await?;
    println!(
        "{ORDERS} orders prepared in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let shop = &s.shop;

    let mut taken = Vec::with_capacity(RUNS);
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        taken.push(shop.take_in_walk_in(s.client, s.car, &intake()).await?.id);
        times.push(started.elapsed());
    }
    report("take in (walk-in, two damage marks)", times);
    report(
        "add a work",
        time_each(&taken, |order| async move {
            shop.add_work(order, &work(s.service)).await.map(drop)
        })
        .await?,
    );
    report(
        "add a part",
        time_each(&taken, |order| async move {
            shop.add_part(order, &part_line(s.part, "1"))
                .await
                .map(drop)
        })
        .await?,
    );
    report(
        "record a payment",
        time_each(&taken, |order| async move {
            shop.record_payment(order, &payment("100")).await.map(drop)
        })
        .await?,
    );
    report(
        "issue an acceptance act",
        time_each(&taken, |order| async move {
            shop.issue_document(order, DocumentKind::Acceptance)
                .await
                .map(drop)
        })
        .await?,
    );
    report(
        "the order window (repair_order)",
        time_each(&s.orders[..RUNS], |order| async move {
            shop.repair_order(order).await.map(drop)
        })
        .await?,
    );
    report(
        "the orders screen (newest 200)",
        time_each(&taken, |_| async move {
            shop.repair_orders(None, 200).await.map(drop)
        })
        .await?,
    );
    report(
        "the client card: 50 orders, documents, balance",
        time_each(&taken, |_| async move {
            shop.client_repair_orders(s.regular).await?;
            shop.client_documents(s.regular).await?;
            shop.client_order_balance(s.regular).await.map(drop)
        })
        .await?,
    );
    Ok(())
}

async fn prepare() -> remzona::Result<Shop> {
    let dir = tempfile::tempdir()?;
    let clock = FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
            .single()
            .expect("a valid instant"),
    );
    let shop = Remzona::open(&dir.path().join("shop.sqlite3"), Arc::new(clock)).await?;
    shop.set_shop_requisites(&ShopRequisites {
        name: "ООО «Ремзона»".into(),
        inn: "7707083893".into(),
        ogrn: "1027700132195".into(),
        address: "г. Москва, ул. Моторная, д. 1".into(),
        phone: "+7 495 123-45-67".into(),
        ..ShopRequisites::default()
    })
    .await?;
    let service = shop
        .create_service(&ServiceDraft {
            code: "ТО-1".into(),
            name: "Замена масла в двигателе".into(),
            category_id: Some(ServiceCategoryId(2)),
            standard_hours: "1".into(),
            price: "2000".into(),
            ..ServiceDraft::default()
        })
        .await?
        .id;
    let part = stocked_part(&shop).await?;
    let (client, car) = client_with_car(&shop, "Иванов", "+7 916 123-45-67", "А123ВС77").await?;
    let (regular, regular_car) =
        client_with_car(&shop, "Петров", "+7 916 765-43-21", "В456ОР77").await?;
    let mut orders = Vec::with_capacity(ORDERS);
    for n in 0..ORDERS {
        let (who, what) = if n < REGULAR {
            (regular, regular_car)
        } else {
            (client, car)
        };
        let order = shop.take_in_walk_in(who, what, &intake()).await?.id;
        shop.add_work(order, &work(service)).await?;
        shop.add_part(order, &part_line(part, "2")).await?;
        if n % 2 == 0 {
            for event in [OrderEvent::Start, OrderEvent::Finish, OrderEvent::Issue] {
                shop.change_order_status(order, &event).await?;
            }
            shop.issue_document(order, DocumentKind::Completion).await?;
            shop.record_payment(order, &payment("3300")).await?;
        }
        orders.push(order);
    }
    Ok(Shop {
        shop,
        _dir: dir,
        client,
        regular,
        car,
        service,
        part,
        orders,
    })
}

async fn stocked_part(shop: &Remzona) -> remzona::Result<ProductId> {
    let id = shop
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
            product_id: id,
            quantity: "100000".into(),
            price: "400".into(),
        }],
    })
    .await?;
    Ok(id)
}

async fn client_with_car(
    shop: &Remzona,
    surname: &str,
    phone: &str,
    plate: &str,
) -> remzona::Result<(ClientId, VehicleId)> {
    let client = shop
        .create_client(
            &ClientDraft {
                surname: surname.into(),
                name: "Иван".into(),
                phones: vec![PhoneInput {
                    number: phone.into(),
                    ..PhoneInput::default()
                }],
                ..ClientDraft::default()
            },
            Duplicates::Refuse,
        )
        .await?
        .id;
    let car = shop
        .create_vehicle(
            client,
            &VehicleDraft {
                plate: plate.into(),
                make: "Kia".into(),
                model: "Rio".into(),
                ..VehicleDraft::default()
            },
            Duplicates::Refuse,
        )
        .await?
        .id;
    Ok((client, car))
}

fn intake() -> IntakeDraft {
    let mark = |view, kind| DamageMark {
        view,
        x: 400,
        y: 500,
        kind,
        note: String::new(),
    };
    IntakeDraft {
        odometer: "45000".into(),
        complaints: "Стук спереди справа".into(),
        damage: vec![
            mark(BodyView::Left, DamageKind::Scratch),
            mark(BodyView::Front, DamageKind::Chip),
        ],
        ..IntakeDraft::default()
    }
}

fn work(service: ServiceId) -> WorkLineDraft {
    WorkLineDraft {
        service_id: service,
        quantity: String::new(),
        price: String::new(),
        mechanic_id: None,
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

fn payment(amount: &str) -> PaymentDraft {
    PaymentDraft {
        kind: PaymentKind::Final,
        method: PaymentMethod::Card,
        amount: amount.into(),
        comment: String::new(),
    }
}

/// Times `call` once per order.
async fn time_each<F, Fut>(orders: &[RepairOrderId], call: F) -> remzona::Result<Vec<Duration>>
where
    F: Fn(RepairOrderId) -> Fut,
    Fut: std::future::Future<Output = remzona::Result<()>>,
{
    let mut times = Vec::with_capacity(orders.len());
    for &order in orders {
        let started = Instant::now();
        call(order).await?;
        times.push(started.elapsed());
    }
    Ok(times)
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort_unstable();
    let mean = times.iter().sum::<Duration>() / times.len().max(1) as u32;
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    println!(
        "{what:<50} mean {:>8.2} ms   p95 {:>8.2} ms",
        ms(mean),
        ms(p95)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
