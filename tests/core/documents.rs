//! The printed documents against a real database: a full order taken in,
//! priced, paid and finished through the core's API, each kind issued and
//! rendered, and its text read back with `pdftotext` to check that every
//! field documents.md requires is on the page, in Russian. The pages are also
//! drawn as PNG into /tmp/remzona-docs/ for a human to look at.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use remzona::Remzona;
use remzona::documents::sample::SAMPLE_LOGO;
use remzona::domain::client::{ClientDraft, ClientKind, CompanyDraft, Duplicates, PhoneInput};
use remzona::domain::ids::{ClientId, ProductId, RepairOrderId, StockDocId, VehicleId};
use remzona::domain::order::intake::{
    BodyView, Checklist, ClientPartDraft, DamageKind, IntakeDraft,
};
use remzona::domain::order::line::{DiscountKind, PartLineDraft, WorkLineDraft};
use remzona::domain::order::payment::{PaymentDraft, PaymentKind, PaymentMethod};
use remzona::domain::order::snapshot::{DocumentKind, ShopRequisites};
use remzona::domain::order::status::OrderEvent;
use remzona::domain::order::terms::OrderTermsDraft;
use remzona::domain::order::vat::{VatMode, VatRate};
use remzona::domain::stock::{
    PaymentMethod as SalePayment, QuantityLineDraft, ReceiptDraft, ReceiptLineDraft, SaleDraft,
    SaleLineDraft, StockSettings, WriteOffDraft,
};
use remzona::domain::validation::IssueCode;
use remzona::domain::vehicle::VehicleDraft;
use remzona::error::ConflictReason;

use crate::fixtures::{self, desk_with, filter, mark, two_marks};
use crate::products::part;
use crate::schedule::{Desk, desk};

/// What each kind must show (documents.md), as `pdftotext` reads it back.
const EXPECTED: &[(DocumentKind, &[&str])] = &[
    (
        DocumentKind::Order,
        &[
            "Заказ-наряд № ЗН-2026-000001 от 26 ноября 2026 г.",
            "ООО «Ремзона»",
            "ИНН 7707083893",
            "ОГРН 1027700132195",
            "г. Москва, ул. Моторная, д. 1",
            "Иванов Иван",
            "+7 (916) 123-45-67",
            "г. Москва, ул. Ленина, д. 5",
            "Дата приёма 26.11.2026",
            "Срок выполнения 28.11.2026 до 18:00",
            "Škoda Octavia, 2019 г. в.",
            "А 123 ВС 77",
            "XW8AN2NE5KH012345",
            "CZD 123456",
            "серый",
            "45 000 км",
            "Работа ТО-1",
            "Фильтр масляный MAHLE",
            "OC 90",
            "Запчасти и материалы заказчика",
            "Свечи зажигания NGK",
            "новые, в упаковке",
            "Всего к оплате",
            "Без НДС",
            "Оплачено частично (аванс), к доплате",
            "Гарантия на выполненные работы: 30 дн. или 2 000 км пробега",
            "Заказ принял: мастер-приёмщик",
            "Иванов И.",
            "М.П.",
        ],
    ),
    (
        DocumentKind::Acceptance,
        &[
            "Акт приёма-передачи автомобиля в ремонт № АП-2026-000001",
            "к заказ-наряду № ЗН-2026-000001",
            "А 123 ВС 77",
            "XW8AN2NE5KH012345",
            "45 000 км",
            "½ бака",
            "Ключи 2 шт.",
            "Перечень повреждений",
            "СТС (свидетельство о регистрации ТС) есть",
            "Запасное колесо есть",
            "Домкрат нет",
            "Огнетушитель есть",
            "Знак аварийной остановки есть",
            "Аптечка есть",
            "Коврики есть",
            "Прочее видеорегистратор",
            "Личные вещи Детское кресло",
            "Стук в передней подвеске",
            "Свечи зажигания NGK",
            "Наружные повреждения и дефекты",
            "передняя дверь",
            "царапина",
            "бампер",
            "скол",
            "Автомобиль сдал",
            "М.П.",
            "один из них передан заказчику",
        ],
    ),
    (
        DocumentKind::Completion,
        &[
            "Акт выполненных работ № АВ-2026-000001",
            "по заказ-наряду № ЗН-2026-000001",
            "Дата выдачи 26.11.2026",
            "45 000 км",
            "½ бака",
            "Работа ТО-1",
            "Фильтр масляный MAHLE",
            "Итого по работам",
            "Итого по запчастям",
            "Гарантия",
            "Претензий к объёму, качеству и срокам не имею",
            "Автомобиль получил",
        ],
    ),
    (
        DocumentKind::Receipt,
        &[
            "Квитанция № КВ-2026-000001 от 26 ноября 2026 г.",
            "Иванов Иван",
            "Škoda Octavia",
            "А 123 ВС 77",
            "Работа ТО-1",
            "Фильтр масляный MAHLE",
            "Аванс",
            "наличными",
            "1 000,00",
            "Итого оплачено",
        ],
    ),
    (
        DocumentKind::Invoice,
        &[
            "Счёт на оплату № СЧ-2026-000001",
            "Основание: заказ-наряд № ЗН-2026-000002",
            "Банк получателя: ПАО Сбербанк",
            "БИК 044525225",
            "К/с № 30101810400000000225",
            "Р/с № 40702810938000000001",
            "КПП 770701001",
            "Общество с ограниченной ответственностью «Ромашка»",
            "ИНН 7736207543",
            "КПП 773601001",
            "Работа ТО-1",
            "Без НДС",
            "Сумма прописью:",
            "рубл",
            "Руководитель",
            "Смирнов А. Б.",
            "Главный бухгалтер",
            "Кузнецова Е. В.",
        ],
    ),
];

/// The shop's requisites with the КПП, the bank and the signatories the
/// invoice prints.
fn requisites() -> ShopRequisites {
    ShopRequisites {
        kpp: "770701001".into(),
        bank_account: "40702810938000000001".into(),
        bank_name: "ПАО Сбербанк".into(),
        bik: "044525225".into(),
        corr_account: "30101810400000000225".into(),
        director: "Смирнов А. Б.".into(),
        accountant: "Кузнецова Е. В.".into(),
        ..fixtures::requisites()
    }
}

/// The intake with the checklist, belongings, a client's part and three
/// damage marks filled in, for every line of the acceptance act.
fn intake() -> IntakeDraft {
    let mut damage = two_marks();
    damage.push(mark(BodyView::Top, 300, 450, DamageKind::Dent, "капот"));
    IntakeDraft {
        checklist: Checklist {
            keys: 2,
            registration_certificate: true,
            spare_wheel: true,
            first_aid_kit: true,
            extinguisher: true,
            warning_triangle: true,
            head_unit: true,
            mats: true,
            other: "видеорегистратор".into(),
            ..Checklist::default()
        },
        belongings: "Детское кресло".into(),
        complaints: "Стук в передней подвеске, замена масла по регламенту".into(),
        client_parts: vec![ClientPartDraft {
            name: "Свечи зажигания NGK BKR6E".into(),
            description: "новые, в упаковке".into(),
            quantity: "4".into(),
        }],
        damage,
        ..fixtures::intake()
    }
}

/// The desk with the shop's full requisites and the client and car filled
/// in as a document shows them.
async fn desk_for_documents() -> Desk {
    let d = desk_with(&requisites()).await;
    complete_person(&d).await;
    d
}

/// Takes the car in, adds a work and a part, promises a date, takes an
/// advance and finishes the work: an order ready to be handed over.
async fn full_order(
    d: &Desk,
    client: ClientId,
    car: VehicleId,
    product: ProductId,
) -> RepairOrderId {
    let shop = d.shop();
    let order = shop
        .take_in_walk_in(client, car, &intake())
        .await
        .expect("walk-in")
        .id;
    let work = WorkLineDraft {
        service_id: d.oil,
        quantity: "1,5".into(),
        price: String::new(),
        mechanic_id: Some(d.petrov),
        discount: String::new(),
        discount_kind: DiscountKind::Percent,
        vat_rate: None,
    };
    shop.add_work(order, &work).await.expect("work");
    let line = PartLineDraft {
        product_id: product,
        quantity: "1".into(),
        price: String::new(),
        discount: String::new(),
        discount_kind: DiscountKind::Percent,
        vat_rate: None,
    };
    shop.add_part(order, &line).await.expect("part");
    let terms = OrderTermsDraft {
        promised_date: "28.11.2026".into(),
        promised_time: "18:00".into(),
        warranty_days: "30".into(),
        warranty_km: "2000".into(),
    };
    shop.set_order_terms(order, &terms).await.expect("terms");
    let advance = PaymentDraft {
        kind: PaymentKind::Advance,
        method: PaymentMethod::Cash,
        amount: "1000".into(),
        comment: String::new(),
    };
    shop.record_payment(order, &advance).await.expect("advance");
    shop.change_order_status(order, &OrderEvent::Finish)
        .await
        .expect("finish");
    order
}

/// A company with its bank, and its car.
async fn company(shop: &Remzona) -> (ClientId, VehicleId) {
    let draft = ClientDraft {
        kind: ClientKind::Company,
        company: CompanyDraft {
            short_name: "ООО «Ромашка»".into(),
            full_name: "Общество с ограниченной ответственностью «Ромашка»".into(),
            inn: "7736207543".into(),
            kpp: "773601001".into(),
            legal_address: "г. Москва, ул. Садовая, д. 3".into(),
            bik: "044525225".into(),
            corr_account: "30101810400000000225".into(),
            bank_account: "40702810938000012345".into(),
            bank_name: "ПАО Сбербанк".into(),
            ..CompanyDraft::default()
        },
        phones: vec![PhoneInput {
            number: "+7 495 765-43-21".into(),
            ..PhoneInput::default()
        }],
        ..ClientDraft::default()
    };
    let client = shop
        .create_client(&draft, Duplicates::Refuse)
        .await
        .expect("company")
        .id;
    let car = VehicleDraft {
        vin: "XTAGFL110LY123456".into(),
        plate: "В 456 ОР 199".into(),
        make: "Lada".into(),
        model: "Largus".into(),
        ..VehicleDraft::default()
    };
    let car = shop
        .create_vehicle(client, &car, Duplicates::Refuse)
        .await
        .expect("car")
        .id;
    (client, car)
}

/// Gives the desk's client an address and its car the details an order shows.
async fn complete_person(d: &Desk) {
    let shop = d.shop();
    let draft = ClientDraft {
        surname: "Иванов".into(),
        name: "Иван".into(),
        address: "г. Москва, ул. Ленина, д. 5".into(),
        phones: vec![PhoneInput {
            number: "+7 916 123-45-67".into(),
            ..PhoneInput::default()
        }],
        ..ClientDraft::default()
    };
    shop.update_client(d.client, &draft, Duplicates::Refuse)
        .await
        .expect("client");
    let car = VehicleDraft {
        vin: "XW8AN2NE5KH012345".into(),
        plate: "А 123 ВС 77".into(),
        make: "Škoda".into(),
        model: "Octavia".into(),
        year: Some(2019),
        engine_number: "CZD 123456".into(),
        colour: "серый".into(),
        ..VehicleDraft::default()
    };
    shop.update_vehicle(d.car, &car, Duplicates::Refuse)
        .await
        .expect("car");
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    // One space for any run of spaces: columns are laid out with many.
    text.replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn draw_pages(pdf: &Path, name: &str) {
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "70"])
        .arg(pdf)
        .arg(out_dir().join(name))
        .status()
        .expect("pdftoppm runs");
    assert!(status.success(), "pdftoppm failed");
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from("/tmp/remzona-docs");
    std::fs::create_dir_all(&dir).expect("output folder");
    dir
}

#[tokio::test]
async fn every_kind_prints_every_required_field_in_russian() {
    let d = desk_for_documents().await;
    let shop = d.shop();
    let product = filter(shop).await;
    let person_order = full_order(&d, d.client, d.car, product).await;
    let (firm, firm_car) = company(shop).await;
    let firm_order = full_order(&d, firm, firm_car, product).await;
    let mut missing = Vec::new();
    for (kind, expected) in EXPECTED {
        let order = if *kind == DocumentKind::Invoice {
            firm_order
        } else {
            person_order
        };
        let issued = shop.issue_document(order, *kind).await.expect("issue");
        let pdf = shop
            .render_issued_document(issued.id)
            .await
            .expect("render");
        assert!(pdf.starts_with(b"%PDF"), "{kind:?} is not a PDF");
        let file = out_dir().join(format!("{}.pdf", kind.as_str()));
        std::fs::write(&file, &pdf).expect("write pdf");
        draw_pages(&file, kind.as_str());
        let text = pdf_text(&file);
        for want in *expected {
            if !text.contains(want) {
                missing.push(format!("{kind:?}: «{want}»"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not on the page:\n{}",
        missing.join("\n")
    );
}

#[tokio::test]
async fn an_issued_document_renders_the_same_after_the_client_changes() {
    let d = desk_for_documents().await;
    let shop = d.shop();
    let product = filter(shop).await;
    let order = full_order(&d, d.client, d.car, product).await;
    let issued = shop
        .issue_document(order, DocumentKind::Order)
        .await
        .expect("issue");
    let before = text_of(
        &shop
            .render_issued_document(issued.id)
            .await
            .expect("render"),
    );
    fixtures::rename_client(shop, d.client).await;
    let after = text_of(
        &shop
            .render_issued_document(issued.id)
            .await
            .expect("render"),
    );
    assert!(after.contains("Иванов Иван") && !after.contains("Петренко"));
    assert_eq!(before, after);
}

fn text_of(pdf: &[u8]) -> String {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), pdf).expect("write");
    pdf_text(file.path())
}

#[tokio::test]
async fn the_command_line_lists_orders_and_renders_a_document() {
    let d = desk_for_documents().await;
    let shop = d.shop();
    let product = filter(shop).await;
    full_order(&d, d.client, d.car, product).await;
    let db = d.s.dir.path().join("shop.sqlite3");
    let cli = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_remzona"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("the CLI runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        text
    };
    let list = cli(&["orders", "list"]);
    assert_eq!(
        list.trim(),
        "ЗН-2026-000001\t26.11.2026\tИванов Иван\tŠkoda Octavia А123ВС77\tready\t4400.00"
    );
    let pdf = d.s.dir.path().join("act.pdf");
    let pdf_arg = pdf.to_str().expect("utf-8 path");
    let first = cli(&[
        "document",
        "render",
        "--order",
        "1",
        "--kind",
        "acceptance",
        "--out",
        pdf_arg,
    ]);
    assert!(
        first.contains("АП-2026-000001") && first.contains("выписан"),
        "{first}"
    );
    assert!(pdf_text(&pdf).contains("Стук в передней подвеске"));
    let again = cli(&[
        "document",
        "render",
        "--order",
        "ЗН-2026-000001",
        "--kind",
        "acceptance",
        "--out",
        pdf_arg,
    ]);
    assert!(
        again.contains("версия / version 1") && again.contains("из выписанного"),
        "{again}"
    );
}

/// Sets the sample logo (a PNG copied into the shop's media folder) and a
/// two-line footer; returns the logo's media name.
async fn logo_and_footer(d: &Desk) -> String {
    let shop = d.shop();
    let file = d.s.dir.path().join("logo.png");
    std::fs::write(&file, SAMPLE_LOGO).expect("write the logo");
    let requisites = shop.set_shop_logo(Some(&file)).await.expect("logo");
    let with_footer = ShopRequisites {
        footer: FOOTER.into(),
        ..requisites
    };
    let saved = shop
        .set_shop_requisites(&with_footer)
        .await
        .expect("footer");
    saved.logo
}

const FOOTER: &str = "Пн–Сб 9:00–21:00, вс 10:00–18:00 · remzona.ru\nСпасибо, что выбрали нас!";

/// How many images `pdfimages -list` finds in the PDF.
fn images_in(pdf: &[u8]) -> usize {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), pdf).expect("write");
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(file.path())
        .output()
        .expect("pdfimages runs");
    assert!(out.status.success(), "pdfimages failed");
    // Two header lines, then one line per image.
    String::from_utf8_lossy(&out.stdout).lines().skip(2).count()
}

#[tokio::test]
async fn the_logo_and_the_footer_are_on_every_document() {
    let d = desk_for_documents().await;
    let shop = d.shop();
    let logo = logo_and_footer(&d).await;
    assert!(
        logo.starts_with("logo/") && logo.ends_with(".png"),
        "{logo}"
    );
    let product = filter(shop).await;
    let order = full_order(&d, d.client, d.car, product).await;
    let (firm, firm_car) = company(shop).await;
    let firm_order = full_order(&d, firm, firm_car, product).await;
    for kind in DocumentKind::ALL {
        let order = if kind == DocumentKind::Invoice {
            firm_order
        } else {
            order
        };
        let issued = shop.issue_document(order, kind).await.expect("issue");
        assert_eq!(issued.snapshot.shop.logo, logo);
        let pdf = shop
            .render_issued_document(issued.id)
            .await
            .expect("render");
        // The same logo object is drawn on the first page only.
        assert_eq!(images_in(&pdf), 1, "{kind:?}");
        let text = text_of(&pdf);
        for line in FOOTER.lines() {
            assert!(text.contains(line), "{kind:?} has no «{line}»:\n{text}");
        }
        // The pages to look at, with the logo (docs/screenshots come from here).
        let file = out_dir().join(format!("logo-{}.pdf", kind.as_str()));
        std::fs::write(&file, &pdf).expect("write pdf");
        draw_pages(&file, &format!("logo-{}", kind.as_str()));
    }
}

#[tokio::test]
async fn a_document_whose_logo_file_is_gone_prints_without_it() {
    let d = desk_for_documents().await;
    let shop = d.shop();
    let logo = logo_and_footer(&d).await;
    let product = filter(shop).await;
    let order = full_order(&d, d.client, d.car, product).await;
    let issued = shop
        .issue_document(order, DocumentKind::Receipt)
        .await
        .expect("issue");
    let path = shop.media_path(&logo).expect("the logo is stored");
    std::fs::remove_file(path).expect("remove the logo");
    let pdf = shop
        .render_issued_document(issued.id)
        .await
        .expect("renders without the logo");
    assert_eq!(images_in(&pdf), 0);
    assert!(text_of(&pdf).contains("Квитанция № КВ-2026-000001"));
}

#[tokio::test]
async fn the_logo_must_be_stored_and_the_footer_short() {
    let d = desk().await;
    let shop = d.shop();
    let bad_logo = ShopRequisites {
        logo: "logo/not-there.png".into(),
        footer: "один\nдва\nтри\nчетыре".into(),
        ..requisites()
    };
    let error = shop
        .set_shop_requisites(&bad_logo)
        .await
        .expect_err("refused");
    let issues: Vec<(String, IssueCode)> = error
        .issues()
        .iter()
        .map(|i| (i.field.clone(), i.issue))
        .collect();
    assert_eq!(
        issues,
        [
            ("footer".to_owned(), IssueCode::TooMany),
            ("logo".to_owned(), IssueCode::Unavailable)
        ]
    );
    let logo = logo_and_footer(&d).await;
    let removed = shop.set_shop_logo(None).await.expect("remove");
    assert_eq!(removed.logo, "");
    assert_eq!(removed.footer, FOOTER);
    // The file stays for the documents issued with it.
    assert!(shop.media_path(&logo).is_ok());
}

#[tokio::test]
async fn a_payment_just_after_midnight_prints_the_shops_date() {
    let d = desk_for_documents().await;
    let shop = d.shop();
    let product = filter(shop).await;
    let order = full_order(&d, d.client, d.car, product).await;
    // 00:30 on 27 November in Moscow is still the 26th in UTC.
    d.s.clock.set(
        Utc.with_ymd_and_hms(2026, 11, 26, 21, 30, 0)
            .single()
            .expect("instant"),
    );
    let late = PaymentDraft {
        kind: PaymentKind::Final,
        method: PaymentMethod::Card,
        amount: "500".into(),
        comment: String::new(),
    };
    shop.record_payment(order, &late).await.expect("payment");
    let issued = shop
        .issue_document(order, DocumentKind::Receipt)
        .await
        .expect("issue");
    let paid_on: Vec<_> = issued.snapshot.payments.iter().map(|p| p.paid_on).collect();
    assert_eq!(
        paid_on,
        [
            NaiveDate::from_ymd_opt(2026, 11, 26),
            NaiveDate::from_ymd_opt(2026, 11, 27)
        ]
    );
    let text = text_of(
        &shop
            .render_issued_document(issued.id)
            .await
            .expect("render"),
    );
    assert!(
        text.contains("2 27.11.2026 Окончательный расчёт банковской картой 500,00"),
        "{text}"
    );
}

/// `(mode, order lines, invoice lines)`: what the totals of the same order
/// (a work of 3 750,00 and a part of 650,00) print under each VAT mode.
const VAT_CASES: &[(VatMode, &[&str])] = &[
    (VatMode::Without, &["Всего к оплате, ₽: 4 400,00 Без НДС —"]),
    (
        VatMode::Included(VatRate::Vat22),
        // 3 750 × 22/122 = 676,23; 650 × 22/122 = 117,21.
        &["Всего к оплате, ₽: 4 400,00 В том числе НДС 22 %: 793,44"],
    ),
    (
        VatMode::OnTop(VatRate::Vat22),
        // 825,00 + 143,00 on top of 4 400,00.
        &["Итого без НДС: 4 400,00 НДС 22 %: 968,00 Всего к оплате, ₽: 5 368,00"],
    ),
];

#[tokio::test]
async fn the_order_and_the_invoice_print_the_vat_of_each_mode() {
    let mut wrong = Vec::new();
    for (mode, expected) in VAT_CASES {
        let d = desk_with(&requisites()).await;
        let shop = d.shop();
        shop.set_vat_mode(*mode).await.expect("vat mode");
        complete_person(&d).await;
        let product = filter(shop).await;
        let (firm, firm_car) = company(shop).await;
        let order = full_order(&d, firm, firm_car, product).await;
        for kind in [DocumentKind::Order, DocumentKind::Invoice] {
            let issued = shop.issue_document(order, kind).await.expect("issue");
            let text = text_of(
                &shop
                    .render_issued_document(issued.id)
                    .await
                    .expect("render"),
            );
            for want in *expected {
                if !text.contains(want) {
                    wrong.push(format!("{mode:?} {kind:?}: no «{want}» in\n{text}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// The filter and brake pads, ten of each received.
async fn stocked_parts(shop: &Remzona) -> [ProductId; 2] {
    let filter = filter(shop).await;
    let pads = shop
        .create_product(&part("Колодки тормозные передние", "GDB1550", "TRW"))
        .await
        .expect("product")
        .id;
    let receipt = ReceiptDraft {
        warehouse_id: None,
        supplier_id: None,
        invoice_number: "77".into(),
        invoice_date: String::new(),
        comment: String::new(),
        lines: [filter, pads]
            .into_iter()
            .map(|product_id| ReceiptLineDraft {
                product_id,
                quantity: "10".into(),
                price: String::new(),
            })
            .collect(),
    };
    shop.receive_stock(&receipt).await.expect("receipt");
    [filter, pads]
}

/// Sells two filters and a set of pads with 10 % off to `client` (or to
/// nobody).
async fn counter_sale(
    shop: &Remzona,
    client: Option<ClientId>,
    parts: [ProductId; 2],
) -> StockDocId {
    let [filter, pads] = parts;
    let line = |product_id, quantity: &str, discount: &str| SaleLineDraft {
        product_id,
        quantity: quantity.into(),
        price: String::new(),
        discount_percent: discount.into(),
    };
    let sale = SaleDraft {
        client_id: client,
        warehouse_id: None,
        payment_method: SalePayment::Cash,
        comment: String::new(),
        lines: vec![line(filter, "2", ""), line(pads, "1", "10")],
    };
    shop.sell(&sale).await.expect("sale").stock_document_id
}

#[tokio::test]
async fn a_counter_sale_prints_its_sales_receipt() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    logo_and_footer(&d).await;
    let parts = stocked_parts(shop).await;
    let doc = counter_sale(shop, Some(d.client), parts).await;
    let pdf = shop.render_sale_receipt(doc).await.expect("render");
    assert_eq!(images_in(&pdf), 1);
    let file = out_dir().join("sale-receipt.pdf");
    std::fs::write(&file, &pdf).expect("write pdf");
    draw_pages(&file, "sale-receipt");
    let text = pdf_text(&file);
    // 2 × 650,00 + 650,00 − 10 % = 1 300,00 + 585,00.
    for want in [
        "Товарный чек № ПР-26-00001 от 26 ноября 2026 г.",
        "ООО «Ремзона»",
        "ИНН 7707083893",
        "Покупатель Иванов Иван",
        "№ Артикул Наименование Ед. Кол-во Цена, ₽ Скидка, ₽ Сумма, ₽",
        "1 OC 90 Фильтр масляный MAHLE шт 2 650,00 — 1 300,00",
        "2 GDB1550 Колодки тормозные передние TRW шт 1 650,00 65,00 585,00",
        "Без скидки: 1 950,00",
        "Скидка: −65,00",
        "Итого, ₽: 1 885,00",
        "Всего наименований 2 на сумму 1 885,00 ₽.",
        "Сумма прописью: Одна тысяча восемьсот восемьдесят пять рублей 00 копеек.",
        "Оплачено наличными.",
        "Продавец",
        "М.П.",
        "Спасибо, что выбрали нас!",
    ] {
        assert!(text.contains(want), "no «{want}» in\n{text}");
    }
    let anonymous = counter_sale(shop, None, parts).await;
    let text = text_of(&shop.render_sale_receipt(anonymous).await.expect("render"));
    assert!(text.contains("Товарный чек № ПР-26-00002") && !text.contains("Покупатель"));
}

#[tokio::test]
async fn only_a_sale_has_a_sales_receipt() {
    let d = desk().await;
    let shop = d.shop();
    let product = filter(shop).await;
    let write_off = WriteOffDraft {
        warehouse_id: None,
        reason: "брак".into(),
        lines: vec![QuantityLineDraft {
            product_id: product,
            quantity: "1".into(),
        }],
    };
    shop.set_stock_settings(StockSettings {
        allow_negative_stock: true,
    })
    .await
    .expect("settings");
    let doc = shop
        .write_off_stock(&write_off)
        .await
        .expect("write-off")
        .id;
    let error = shop.render_sale_receipt(doc).await.expect_err("refused");
    assert_eq!(error.conflict(), Some(ConflictReason::NotASale));
}

#[tokio::test]
async fn the_command_line_prints_a_sales_receipt() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    let parts = stocked_parts(shop).await;
    let doc = counter_sale(shop, Some(d.client), parts).await;
    let db = d.s.dir.path().join("shop.sqlite3");
    let pdf = d.s.dir.path().join("чек.pdf");
    for name in ["ПР-26-00001".to_owned(), doc.to_string()] {
        let out = Command::new(env!("CARGO_BIN_EXE_remzona"))
            .arg("--db")
            .arg(&db)
            .args(["document", "render", "--sale", &name, "--out"])
            .arg(&pdf)
            .output()
            .expect("the CLI runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("Товарный чек № ПР-26-00001"));
        assert!(pdf_text(&pdf).contains("Фильтр масляный MAHLE"));
    }
}

#[tokio::test]
async fn a_companys_car_brought_by_its_driver_names_him_on_the_acts() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    let (firm, car) = company(shop).await;
    let order = shop
        .take_in_walk_in(
            firm,
            car,
            &IntakeDraft {
                handed_over_by: "  Водитель Кузнецов А. П., +7 916 000-11-22 ".into(),
                ..intake()
            },
        )
        .await
        .expect("walk-in");
    assert_eq!(
        order.intake.handed_over_by,
        "Водитель Кузнецов А. П., +7 916 000-11-22"
    );
    let act = shop
        .issue_document(order.id, DocumentKind::Acceptance)
        .await
        .expect("acceptance");
    let text = text_of(&shop.render_issued_document(act.id).await.expect("render"));
    assert!(text.contains("Представитель"), "{text}");
    assert!(text.contains("Водитель Кузнецов А. П."), "{text}");
    // Corrected at the desk: another driver took the car back.
    let corrected = shop
        .update_intake(
            order.id,
            &IntakeDraft {
                handed_over_by: "Водитель Морозов Д. С.".into(),
                ..intake()
            },
        )
        .await
        .expect("corrected");
    assert_eq!(corrected.intake.handed_over_by, "Водитель Морозов Д. С.");
    // The issued act keeps the first driver.
    let again = text_of(&shop.render_issued_document(act.id).await.expect("render"));
    assert!(again.contains("Кузнецов") && !again.contains("Морозов"));
}

#[tokio::test]
async fn a_sales_receipt_reads_as_sold_after_the_product_and_the_client_change() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    let parts = stocked_parts(shop).await;
    let doc = counter_sale(shop, Some(d.client), parts).await;
    let before = text_of(&shop.render_sale_receipt(doc).await.expect("render"));
    assert!(before.contains("Фильтр масляный MAHLE") && before.contains("Иванов Иван"));
    shop.update_product(
        parts[0],
        &part("Фильтр масла (новое имя)", "OC 90", "MAHLE"),
    )
    .await
    .expect("renamed product");
    fixtures::rename_client(shop, d.client).await;
    let after = text_of(&shop.render_sale_receipt(doc).await.expect("render"));
    assert_eq!(before, after);
    assert!(!after.contains("новое имя") && !after.contains("Петренко"));
}
