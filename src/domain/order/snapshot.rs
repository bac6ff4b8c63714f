//! The documents issued from a repair order and the frozen data each one
//! shows. A [`DocumentSnapshot`] is a plain value with everything printed —
//! the shop's requisites, client, car, intake, lines with their computed
//! amounts, totals, payments, terms — so the document reads the same years
//! later whatever happens to the client card, the car or the price list.
//!
//! [`missing_values`] names what must be filled before a kind can be issued
//! (documents.md): the caller refuses with those field issues.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::client::ClientKind;
use crate::domain::order::intake::Intake;
use crate::domain::order::line::{PartLine, WorkLine};
use crate::domain::order::payment::{Balance, PaymentKind, PaymentMethod};
use crate::domain::order::terms::OrderTerms;
use crate::domain::order::totals::{LineAmounts, Totals};
use crate::domain::order::vat::VatMode;
use crate::domain::validation::{IssueCode, Issues};

/// The kinds of documents an order issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Заказ-наряд.
    Order,
    /// Акт приёма-передачи автомобиля в ремонт.
    Acceptance,
    /// Акт выполненных работ / передачи из ремонта.
    Completion,
    /// Квитанция.
    Receipt,
    /// Счёт (for companies).
    Invoice,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 5] = [
        DocumentKind::Order,
        DocumentKind::Acceptance,
        DocumentKind::Completion,
        DocumentKind::Receipt,
        DocumentKind::Invoice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Order => "order",
            DocumentKind::Acceptance => "acceptance",
            DocumentKind::Completion => "completion",
            DocumentKind::Receipt => "receipt",
            DocumentKind::Invoice => "invoice",
        }
    }

    pub fn parse(text: &str) -> Option<DocumentKind> {
        DocumentKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }

    /// The series of the printed number, also the key of its counter.
    pub fn series(self) -> &'static str {
        match self {
            DocumentKind::Order => "ЗН",
            DocumentKind::Acceptance => "АП",
            DocumentKind::Completion => "АВ",
            DocumentKind::Receipt => "КВ",
            DocumentKind::Invoice => "СЧ",
        }
    }

    pub fn title_ru(self) -> &'static str {
        match self {
            DocumentKind::Order => "Заказ-наряд",
            DocumentKind::Acceptance => "Акт приёма-передачи автомобиля в ремонт",
            DocumentKind::Completion => "Акт выполненных работ",
            DocumentKind::Receipt => "Квитанция",
            DocumentKind::Invoice => "Счёт на оплату",
        }
    }
}

/// `ЗН-2026-000123`: the series, the year and the number within it.
pub fn printed_number(kind: DocumentKind, year: i32, number: i64) -> String {
    format!("{}-{year:04}-{number:06}", kind.series())
}

/// The shop's requisites as the settings have them (empty: not set).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct ShopRequisites {
    /// «ООО «Ремзона»» or «ИП Иванов Иван Иванович».
    pub name: String,
    pub inn: String,
    pub kpp: String,
    /// ОГРН or ОГРНИП.
    pub ogrn: String,
    pub address: String,
    pub phone: String,
    pub bank_account: String,
    pub bank_name: String,
    pub bik: String,
    pub corr_account: String,
    pub director: String,
    pub accountant: String,
    /// The standard warranty text printed on the order.
    pub warranty_text: String,
    /// The logo's media name (`logo/<uuid>.png`); empty: no logo. Media files
    /// are never overwritten, so a snapshot keeps the logo it was issued with.
    pub logo: String,
    /// Free text printed small at the foot of every page (a slogan, opening
    /// hours, the website); up to three lines.
    pub footer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientSnapshot {
    pub kind: ClientKind,
    /// Full name, or the company's full name.
    pub name: String,
    /// E.164 of the primary phone; empty when there is none.
    pub phone: String,
    pub address: String,
    pub inn: String,
    pub kpp: String,
    pub bank_account: String,
    pub bank_name: String,
    pub bik: String,
    pub corr_account: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VehicleSnapshot {
    pub make: String,
    pub model: String,
    pub year: Option<u16>,
    /// As printed: `А 123 ВС 77`.
    pub plate: String,
    pub vin: String,
    pub engine_number: String,
    pub colour: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WorkRow {
    pub line: WorkLine,
    /// The mechanic's name as it was.
    pub mechanic: String,
    pub amounts: LineAmounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PartRow {
    pub line: PartLine,
    pub amounts: LineAmounts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PaymentRow {
    pub kind: PaymentKind,
    pub method: PaymentMethod,
    pub amount: crate::domain::money::Money,
    pub paid_at: DateTime<Utc>,
    /// The shop's date of the payment: a payment at 01:30 Moscow time is
    /// 22:30 UTC the day before. `None` in snapshots issued before it was kept.
    #[serde(default)]
    pub paid_on: Option<NaiveDate>,
}

impl PaymentRow {
    /// The date to print: the shop's, or the UTC date for old snapshots.
    pub fn date(&self) -> NaiveDate {
        self.paid_on.unwrap_or_else(|| self.paid_at.date_naive())
    }
}

/// Everything an issued document shows, frozen at issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DocumentSnapshot {
    pub kind: DocumentKind,
    /// As printed: `ЗН-2026-000123`.
    pub number: String,
    pub version: u32,
    /// The shop's date of issue.
    pub date: NaiveDate,
    pub shop: ShopRequisites,
    /// The order's number, the basis of an invoice and the acts.
    pub order_number: String,
    /// The shop's date the order was accepted.
    pub accepted_on: NaiveDate,
    pub client: ClientSnapshot,
    pub vehicle: VehicleSnapshot,
    pub intake: Intake,
    pub works: Vec<WorkRow>,
    pub parts: Vec<PartRow>,
    pub vat_mode: VatMode,
    pub totals: Totals,
    pub payments: Vec<PaymentRow>,
    pub balance: Balance,
    pub terms: OrderTerms,
    /// The total in words (сумма прописью), for the invoice.
    pub total_in_words: Option<String>,
}

/// What must be filled before `snapshot` can be issued as its kind: field
/// issues named `shop.inn`, `client.phone`, `vehicle.vin`, `vehicle.plate`,
/// `intake.odometer`, `works`… so the window can say exactly what to fill.
pub fn missing_values(snapshot: &DocumentSnapshot) -> Issues {
    use DocumentKind as K;
    let kind = snapshot.kind;
    let mut issues = Issues::default();
    let mut need = |field: &str, value: &str| {
        if value.trim().is_empty() {
            issues.add(field, IssueCode::Required);
        }
    };
    need("shop.name", &snapshot.shop.name);
    need("shop.inn", &snapshot.shop.inn);
    need("shop.address", &snapshot.shop.address);
    if matches!(kind, K::Order | K::Invoice) {
        need("shop.ogrn", &snapshot.shop.ogrn);
    }
    if kind == K::Invoice {
        need("shop.bankAccount", &snapshot.shop.bank_account);
        need("shop.bankName", &snapshot.shop.bank_name);
        need("shop.bik", &snapshot.shop.bik);
        need("client.inn", &snapshot.client.inn);
    }
    need("client.name", &snapshot.client.name);
    if matches!(kind, K::Order | K::Acceptance) {
        need("client.phone", &snapshot.client.phone);
    }
    if kind != K::Invoice {
        need("vehicle.make", &snapshot.vehicle.make);
    }
    let vehicle = &snapshot.vehicle;
    if matches!(kind, K::Order | K::Acceptance | K::Completion)
        && vehicle.vin.trim().is_empty()
        && vehicle.plate.trim().is_empty()
    {
        issues.add("vehicle.vin", IssueCode::Required);
        issues.add("vehicle.plate", IssueCode::Required);
    }
    if matches!(kind, K::Acceptance | K::Completion) && snapshot.intake.odometer_km.is_none() {
        issues.add("intake.odometer", IssueCode::Required);
    }
    if kind == K::Acceptance && snapshot.intake.complaints.trim().is_empty() {
        issues.add("intake.complaints", IssueCode::Required);
    }
    if kind == K::Order && snapshot.terms.promised_on.is_none() {
        issues.add("promisedDate", IssueCode::Required);
    }
    if kind != K::Acceptance && snapshot.works.is_empty() && snapshot.parts.is_empty() {
        issues.add("works", IssueCode::Required);
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_printed_with_series_year_and_six_digits() {
        assert_eq!(
            printed_number(DocumentKind::Order, 2026, 123),
            "ЗН-2026-000123"
        );
        assert_eq!(
            printed_number(DocumentKind::Invoice, 2027, 1),
            "СЧ-2027-000001"
        );
    }

    fn snapshot(kind: DocumentKind) -> DocumentSnapshot {
        let date = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        DocumentSnapshot {
            kind,
            number: String::new(),
            version: 0,
            date,
            shop: ShopRequisites {
                name: "ООО «Ремзона»".into(),
                inn: "7707083893".into(),
                ogrn: "1027700132195".into(),
                address: "Москва".into(),
                ..ShopRequisites::default()
            },
            order_number: "ЗН-2026-000001".into(),
            accepted_on: date,
            client: ClientSnapshot {
                kind: ClientKind::Person,
                name: "Иванов Иван".into(),
                phone: String::new(),
                address: String::new(),
                inn: String::new(),
                kpp: String::new(),
                bank_account: String::new(),
                bank_name: String::new(),
                bik: String::new(),
                corr_account: String::new(),
            },
            vehicle: VehicleSnapshot {
                make: "Kia".into(),
                model: "Rio".into(),
                year: None,
                plate: String::new(),
                vin: String::new(),
                engine_number: String::new(),
                colour: String::new(),
            },
            intake: Intake::default(),
            works: Vec::new(),
            parts: Vec::new(),
            vat_mode: VatMode::Without,
            totals: crate::domain::order::totals::order_totals(&[], &Default::default())
                .expect("totals"),
            payments: Vec::new(),
            balance: Balance::default(),
            terms: OrderTerms::default(),
            total_in_words: None,
        }
    }

    fn missing(snapshot: &DocumentSnapshot) -> Vec<String> {
        missing_values(snapshot)
            .into_vec()
            .into_iter()
            .map(|issue| issue.field)
            .collect()
    }

    #[test]
    fn each_kind_names_what_it_still_needs() {
        assert_eq!(
            missing(&snapshot(DocumentKind::Acceptance)),
            [
                "client.phone",
                "vehicle.vin",
                "vehicle.plate",
                "intake.odometer",
                "intake.complaints"
            ]
        );
        assert_eq!(
            missing(&snapshot(DocumentKind::Order)),
            [
                "client.phone",
                "vehicle.vin",
                "vehicle.plate",
                "promisedDate",
                "works"
            ]
        );
        assert_eq!(
            missing(&snapshot(DocumentKind::Invoice)),
            [
                "shop.bankAccount",
                "shop.bankName",
                "shop.bik",
                "client.inn",
                "works"
            ]
        );
        let mut with_plate = snapshot(DocumentKind::Receipt);
        with_plate.vehicle.plate = "А 123 ВС 77".into();
        assert_eq!(missing(&with_plate), ["works"]);
    }

    #[test]
    fn snapshots_issued_before_the_logo_and_footer_still_read() {
        let mut old = serde_json::to_value(snapshot(DocumentKind::Receipt)).expect("json");
        let shop = old["shop"].as_object_mut().expect("shop");
        shop.remove("logo");
        shop.remove("footer");
        old["payments"] = serde_json::json!([{
            "kind": "advance", "method": "cash", "amount": 100_000,
            "paidAt": "2026-11-25T22:30:00Z"
        }]);
        let read: DocumentSnapshot = serde_json::from_value(old).expect("reads");
        assert_eq!(read.shop.logo, "");
        assert_eq!(read.shop.footer, "");
        let payment = read.payments[0];
        assert_eq!(payment.paid_on, None);
        assert_eq!(
            payment.date(),
            NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
        );
    }

    #[test]
    fn kinds_round_trip() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(kind.as_str()), Some(kind));
        }
    }
}
