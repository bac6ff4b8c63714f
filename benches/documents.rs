//! Times the shop's documents: a busy order (12 works, 15 parts, three damage
//! marks, two payments) taken in, priced and paid through the core's API,
//! each kind issued once and then rendered from its snapshot again and again,
//! and the товарный чек of a counter sale of the same 15 parts. The shop has
//! a logo and a footer. Prints per kind the mean and p95 time of the layout
//! alone (fonts and logo ready) and of the whole call the app makes
//! (`render_issued_document` / `render_sale_receipt`: the database read, the
//! fonts, the logo file, the layout; goal: at most 30 ms each), and the PDF's
//! size. Run with `cargo bench --bench documents`; with `REMZONA_DOCS_OUT=DIR`
//! the PDFs are also written there to look at.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use remzona::documents::render::render;
use remzona::documents::render::sale::{self, SaleReceipt};
use remzona::documents::sample::SAMPLE_LOGO;
use remzona::documents::{Fonts, Image};
use remzona::domain::client::{ClientDraft, ClientKind, CompanyDraft, Duplicates, PhoneInput};
use remzona::domain::ids::{ClientId, IssuedDocumentId, ProductId, StockDocId, VehicleId};
use remzona::domain::order::intake::{BodyView, Checklist, DamageKind, DamageMark, IntakeDraft};
use remzona::domain::order::line::{DiscountKind, PartLineDraft, WorkLineDraft};
use remzona::domain::order::payment::{PaymentDraft, PaymentKind, PaymentMethod};
use remzona::domain::order::snapshot::{DocumentKind, DocumentSnapshot, ShopRequisites};
use remzona::domain::order::terms::OrderTermsDraft;
use remzona::domain::pricelist::ServiceDraft;
use remzona::domain::product::ProductDraft;
use remzona::domain::stock::{
    PaymentMethod as SalePayment, ReceiptDraft, ReceiptLineDraft, SaleDraft, SaleLineDraft,
};
use remzona::domain::vehicle::VehicleDraft;
use remzona::{FixedClock, Remzona};

const WARM_UP: usize = 3;
const RUNS: usize = 40;
const WORKS: usize = 12;
const PARTS: usize = 15;

/// What the bench renders: the order's documents and the sale, as data
/// and by their ids in the still open shop.
struct Busy {
    shop: Remzona,
    _dir: tempfile::TempDir,
    documents: Vec<(DocumentSnapshot, IssuedDocumentId)>,
    sale: (SaleReceipt, StockDocId),
}

fn main() -> remzona::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let started = Instant::now();
    let fonts = Fonts::shared().expect("bundled fonts parse");
    println!(
        "Fonts::shared: first call (parses) {:.2} ms, later calls {:.4} ms",
        ms(started.elapsed()),
        ms(time_once(|| {
            std::hint::black_box(Fonts::shared().expect("parsed"));
        }))
    );
    let busy = runtime.block_on(busy())?;
    let logo = Image::decode(SAMPLE_LOGO).expect("the sample logo decodes");
    println!(
        "Documents with a logo and a footer ({RUNS} runs each; layout alone | the app's call):"
    );
    for (snapshot, id) in &busy.documents {
        let kind = snapshot.kind.as_str();
        let (layout, pdf) = time(|| render(snapshot, fonts, Some(&logo)).expect("renders"));
        let (call, _) = time(|| {
            runtime
                .block_on(busy.shop.render_issued_document(*id))
                .expect("renders")
        });
        report(kind, layout, call, &pdf);
    }
    let (receipt, doc) = &busy.sale;
    let (layout, pdf) = time(|| sale::render(receipt, fonts, Some(&logo)).expect("renders"));
    let (call, _) = time(|| {
        runtime
            .block_on(busy.shop.render_sale_receipt(*doc))
            .expect("renders")
    });
    report("sale", layout, call, &pdf);
    runtime.block_on(close(busy));
    Ok(())
}

async fn close(busy: Busy) {
    busy.shop.close().await;
}

/// The mean and p95 of `RUNS` calls after `WARM_UP`, and the last result.
fn time<T>(mut f: impl FnMut() -> T) -> ((Duration, Duration), T) {
    let mut last = f();
    for _ in 1..WARM_UP {
        last = f();
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let out = f();
            let elapsed = started.elapsed();
            last = std::hint::black_box(out);
            elapsed
        })
        .collect();
    times.sort();
    let mean = times.iter().sum::<Duration>() / RUNS as u32;
    let p95 = times[(RUNS * 95).div_ceil(100) - 1];
    ((mean, p95), last)
}

fn time_once(f: impl FnOnce()) -> Duration {
    let started = Instant::now();
    f();
    started.elapsed()
}

fn report(kind: &str, layout: (Duration, Duration), call: (Duration, Duration), pdf: &[u8]) {
    if let Some(dir) = std::env::var_os("REMZONA_DOCS_OUT") {
        let file = std::path::Path::new(&dir).join(format!("busy-{kind}.pdf"));
        std::fs::write(file, pdf).expect("write the PDF");
    }
    println!(
        "  {kind:<12} layout mean {:>6.2} ms  p95 {:>6.2} ms | call mean {:>6.2} ms  p95 {:>6.2} ms | {:>7} bytes",
        ms(layout.0),
        ms(layout.1),
        ms(call.0),
        ms(call.1),
        pdf.len()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One snapshot of every kind, issued from a busy order in a fresh shop
/// with a logo, and a counter sale of the order's parts.
async fn busy() -> remzona::Result<Busy> {
    let dir = tempfile::tempdir()?;
    let clock = FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
            .single()
            .expect("a valid instant"),
    );
    let shop = Remzona::open(&dir.path().join("shop.sqlite3"), Arc::new(clock)).await?;
    shop.set_shop_requisites(&requisites()).await?;
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, SAMPLE_LOGO)?;
    shop.set_shop_logo(Some(&logo)).await?;
    let (client, car) = company(&shop).await?;
    let order = shop.take_in_walk_in(client, car, &intake()).await?.id;
    let category = shop.service_categories(false).await?.first().map(|c| c.id);
    for i in 0..WORKS {
        let service = shop
            .create_service(&ServiceDraft {
                code: format!("Р-{i:03}"),
                name: format!("Работа по регламенту ТО, операция {}", i + 1),
                standard_hours: "1,2".into(),
                category_id: category,
                ..ServiceDraft::default()
            })
            .await?;
        shop.add_work(order, &work(service.id)).await?;
    }
    let mut products = Vec::new();
    for i in 0..PARTS {
        let product = shop.create_product(&part(i)).await?;
        shop.add_part(order, &part_line(product.id)).await?;
        products.push(product.id);
    }
    let terms = OrderTermsDraft {
        promised_date: "28.11.2026".into(),
        promised_time: "18:00".into(),
        warranty_days: "180".into(),
        warranty_km: "10000".into(),
    };
    shop.set_order_terms(order, &terms).await?;
    shop.record_payment(order, &advance()).await?;
    let mut documents = Vec::new();
    for kind in DocumentKind::ALL {
        let issued = shop.issue_document(order, kind).await?;
        documents.push((issued.snapshot, issued.id));
    }
    let doc = sell(&shop, client, &products).await?;
    let receipt = shop.sale_receipt(doc).await?;
    Ok(Busy {
        shop,
        _dir: dir,
        documents,
        sale: (receipt, doc),
    })
}

/// Receives the parts and sells one of each to `client`.
async fn sell(
    shop: &Remzona,
    client: ClientId,
    products: &[ProductId],
) -> remzona::Result<StockDocId> {
    let receipt = ReceiptDraft {
        warehouse_id: None,
        supplier_id: None,
        invoice_number: "1".into(),
        invoice_date: String::new(),
        comment: String::new(),
        lines: products
            .iter()
            .map(|&product_id| ReceiptLineDraft {
                product_id,
                quantity: "10".into(),
                price: String::new(),
            })
            .collect(),
    };
    shop.receive_stock(&receipt).await?;
    let sale = SaleDraft {
        client_id: Some(client),
        warehouse_id: None,
        payment_method: SalePayment::Card,
        comment: String::new(),
        lines: products
            .iter()
            .map(|&product_id| SaleLineDraft {
                product_id,
                quantity: "1".into(),
                price: String::new(),
                discount_percent: String::new(),
            })
            .collect(),
    };
    Ok(shop.sell(&sale).await?.stock_document_id)
}

fn requisites() -> ShopRequisites {
    ShopRequisites {
        name: "ООО «Ремзона»".into(),
        inn: "7707083893".into(),
        kpp: "770701001".into(),
        ogrn: "1027700132195".into(),
        address: "г. Москва, ул. Моторная, д. 1".into(),
        phone: "+7 495 123-45-67".into(),
        bank_account: "40702810938000000001".into(),
        bank_name: "ПАО Сбербанк".into(),
        bik: "044525225".into(),
        corr_account: "30101810400000000225".into(),
        director: "Смирнов А. Б.".into(),
        accountant: "Кузнецова Е. В.".into(),
        footer: "Пн–Сб 9:00–21:00 · remzona.ru · +7 495 123-45-67".into(),
        ..ShopRequisites::default()
    }
}

async fn company(shop: &Remzona) -> remzona::Result<(ClientId, VehicleId)> {
    let draft = ClientDraft {
        kind: ClientKind::Company,
        company: CompanyDraft {
            short_name: "ООО «Ромашка»".into(),
            full_name: "Общество с ограниченной ответственностью «Ромашка»".into(),
            inn: "7736207543".into(),
            kpp: "773601001".into(),
            legal_address: "г. Москва, ул. Садовая, д. 3".into(),
            ..CompanyDraft::default()
        },
        phones: vec![PhoneInput {
            number: "+7 495 765-43-21".into(),
            ..PhoneInput::default()
        }],
        ..ClientDraft::default()
    };
    let client = shop.create_client(&draft, Duplicates::Refuse).await?.id;
    let car = VehicleDraft {
        vin: "XTAGFL110LY123456".into(),
        plate: "В 456 ОР 199".into(),
        make: "Lada".into(),
        model: "Largus".into(),
        year: Some(2021),
        ..VehicleDraft::default()
    };
    let car = shop
        .create_vehicle(client, &car, Duplicates::Refuse)
        .await?
        .id;
    Ok((client, car))
}

fn intake() -> IntakeDraft {
    let mark = |view, x, y, kind, note: &str| DamageMark {
        view,
        x,
        y,
        kind,
        note: note.into(),
    };
    IntakeDraft {
        odometer: "84 000".into(),
        fuel_quarters: 1,
        checklist: Checklist {
            keys: 2,
            registration_certificate: true,
            spare_wheel: true,
            ..Checklist::default()
        },
        complaints: "Плановое ТО, стук в подвеске, не работает подогрев сидений".into(),
        damage: vec![
            mark(BodyView::Left, 250, 600, DamageKind::Scratch, "дверь"),
            mark(BodyView::Front, 500, 900, DamageKind::Chip, "бампер"),
            mark(
                BodyView::Rear,
                300,
                400,
                DamageKind::Dent,
                "крышка багажника",
            ),
        ],
        ..IntakeDraft::default()
    }
}

fn work(service: remzona::domain::ids::ServiceId) -> WorkLineDraft {
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

fn part(i: usize) -> ProductDraft {
    ProductDraft {
        name: format!("Запчасть для ТО, позиция {}", i + 1),
        article: format!("ART-{i:04}"),
        brand: "MANN".into(),
        purchase_price: "400".into(),
        sale_price: "650".into(),
        ..ProductDraft::default()
    }
}

fn part_line(product: remzona::domain::ids::ProductId) -> PartLineDraft {
    PartLineDraft {
        product_id: product,
        quantity: "2".into(),
        price: String::new(),
        discount: String::new(),
        discount_kind: DiscountKind::Percent,
        vat_rate: None,
    }
}

fn advance() -> PaymentDraft {
    PaymentDraft {
        kind: PaymentKind::Advance,
        method: PaymentMethod::Card,
        amount: "5000".into(),
        comment: String::new(),
    }
}
