//! Set-up shared by the orders, documents and paperwork tests: the shop's
//! requisites, an intake, the oil filter, and the errors taken apart.

use remzona::domain::client::{ClientDraft, Duplicates, PhoneInput};
use remzona::domain::ids::{ClientId, ProductId};
use remzona::domain::order::intake::{BodyView, DamageKind, DamageMark, IntakeDraft};
use remzona::domain::order::snapshot::ShopRequisites;
use remzona::domain::stock::{ReceiptDraft, ReceiptLineDraft};
use remzona::domain::validation::IssueCode;
use remzona::error::ConflictReason;
use remzona::{Error, Remzona};

use crate::products::part;
use crate::schedule::{Desk, desk};

/// What every document needs of the shop: no КПП, no bank, no signatories.
pub fn requisites() -> ShopRequisites {
    ShopRequisites {
        name: "ООО «Ремзона»".into(),
        inn: "7707083893".into(),
        ogrn: "1027700132195".into(),
        address: "г. Москва, ул. Моторная, д. 1".into(),
        phone: "+7 495 123-45-67".into(),
        ..ShopRequisites::default()
    }
}

/// The desk with `requisites` set as the shop's.
pub async fn desk_with(requisites: &ShopRequisites) -> Desk {
    let d = desk().await;
    d.shop()
        .set_shop_requisites(requisites)
        .await
        .expect("requisites");
    d
}

/// 45 000 km, half a tank and a knock in the front suspension; no marks.
/// Иванов Иван becomes Петренко Иван (same phone): a client changed after
/// a document was issued.
pub async fn rename_client(shop: &Remzona, client: ClientId) {
    let renamed = ClientDraft {
        surname: "Петренко".into(),
        name: "Иван".into(),
        phones: vec![PhoneInput {
            number: "+7 916 123-45-67".into(),
            ..PhoneInput::default()
        }],
        ..ClientDraft::default()
    };
    shop.update_client(client, &renamed, Duplicates::Allow)
        .await
        .expect("rename");
}

pub fn intake() -> IntakeDraft {
    IntakeDraft {
        odometer: "45 000".into(),
        fuel_quarters: 2,
        complaints: "Стук в передней подвеске".into(),
        ..IntakeDraft::default()
    }
}

/// The intake with two marks: a scratch on the left front door and a chip on
/// the front bumper.
pub fn marked_intake() -> IntakeDraft {
    IntakeDraft {
        damage: two_marks(),
        ..intake()
    }
}

/// A scratch on the left front door and a chip on the front bumper.
pub fn two_marks() -> Vec<DamageMark> {
    vec![
        mark(
            BodyView::Left,
            250,
            600,
            DamageKind::Scratch,
            "передняя дверь",
        ),
        mark(BodyView::Front, 500, 900, DamageKind::Chip, "бампер"),
    ]
}

pub fn mark(view: BodyView, x: u16, y: u16, kind: DamageKind, note: &str) -> DamageMark {
    DamageMark {
        view,
        x,
        y,
        kind,
        note: note.into(),
    }
}

/// A масляный фильтр MAHLE OC 90 at 400 ₽ cost and 650 ₽ sale, none on hand.
pub async fn filter(shop: &Remzona) -> ProductId {
    shop.create_product(&part("Фильтр масляный", "OC 90", "MAHLE"))
        .await
        .expect("product")
        .id
}

/// The filter with ten on hand, received at 400 ₽.
pub async fn stocked_filter(shop: &Remzona) -> ProductId {
    let id = filter(shop).await;
    shop.receive_stock(&ReceiptDraft {
        warehouse_id: None,
        supplier_id: None,
        invoice_number: "УТ-1".into(),
        invoice_date: String::new(),
        comment: String::new(),
        lines: vec![ReceiptLineDraft {
            product_id: id,
            quantity: "10".into(),
            price: "400".into(),
        }],
    })
    .await
    .expect("receipt");
    id
}

/// The `(field, issue)` pairs of a refusal for bad input.
pub fn issues(result: Result<impl std::fmt::Debug, Error>) -> Vec<(String, IssueCode)> {
    match result {
        Err(Error::Validation(issues)) => issues
            .into_vec()
            .into_iter()
            .map(|issue| (issue.field, issue.issue))
            .collect(),
        other => panic!("expected field issues, got {other:?}"),
    }
}

/// The reason of a refusal for a conflict.
pub fn conflict(result: Result<impl std::fmt::Debug, Error>) -> ConflictReason {
    match result {
        Err(Error::Conflict(reason)) => reason,
        other => panic!("expected a conflict, got {other:?}"),
    }
}
