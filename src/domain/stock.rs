//! Stock movements. Every change of stock is a document — a receipt from a
//! supplier, a write-off, an inventory count, a counter sale, later a repair
//! order — whose lines add to or take from a warehouse. On-hand quantities are
//! kept in the same transaction that writes the document.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::client::ClientRef;
use crate::domain::ids::{
    ClientId, PaymentId, ProductId, SaleId, StockDocId, SupplierId, WarehouseId,
};
use crate::domain::money::Money;
use crate::domain::quantity::{Quantity, Unit};

pub const MAX_INVOICE_NUMBER: usize = 40;
pub const MAX_COMMENT: usize = 500;
pub const MAX_LINES: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StockDocKind {
    /// Приходная накладная: parts bought from a supplier.
    Receipt,
    /// Списание: damaged, lost, used by the shop itself.
    WriteOff,
    /// Инвентаризация: the counted quantity replaces the recorded one.
    Inventory,
    /// Продажа: a counter sale.
    Sale,
}

impl StockDocKind {
    pub const ALL: [StockDocKind; 4] = [
        StockDocKind::Receipt,
        StockDocKind::WriteOff,
        StockDocKind::Inventory,
        StockDocKind::Sale,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StockDocKind::Receipt => "receipt",
            StockDocKind::WriteOff => "write_off",
            StockDocKind::Inventory => "inventory",
            StockDocKind::Sale => "sale",
        }
    }

    pub fn parse(text: &str) -> Option<StockDocKind> {
        StockDocKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }

    /// The series of the document's number: `ПН-26-00001`.
    pub fn series(self) -> &'static str {
        match self {
            StockDocKind::Receipt => "ПН",
            StockDocKind::WriteOff => "СП",
            StockDocKind::Inventory => "ИН",
            StockDocKind::Sale => "ПР",
        }
    }
}

/// A document's printed number: the series, the year's last two digits and
/// the number within the year (`ПН-26-00017`).
pub fn document_number(series: &str, year: i32, n: i64) -> String {
    format!("{series}-{:02}-{n:05}", year.rem_euclid(100))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Cash,
    Card,
    /// Безналичный перевод (a company paying an invoice).
    Transfer,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 3] = [
        PaymentMethod::Cash,
        PaymentMethod::Card,
        PaymentMethod::Transfer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Card => "card",
            PaymentMethod::Transfer => "transfer",
        }
    }

    pub fn parse(text: &str) -> Option<PaymentMethod> {
        PaymentMethod::ALL
            .into_iter()
            .find(|method| method.as_str() == text)
    }
}

/// A receipt line: how many came and at what purchase price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReceiptLineDraft {
    pub product_id: ProductId,
    pub quantity: String,
    /// The purchase price of one unit; empty keeps the product's current one.
    pub price: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReceiptDraft {
    /// `None`: the main warehouse.
    pub warehouse_id: Option<WarehouseId>,
    pub supplier_id: Option<SupplierId>,
    pub invoice_number: String,
    /// The supplier's invoice date, `ДД.ММ.ГГГГ`; may be empty.
    pub invoice_date: String,
    pub comment: String,
    pub lines: Vec<ReceiptLineDraft>,
}

/// A line that names a product and a quantity (a write-off).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct QuantityLineDraft {
    pub product_id: ProductId,
    pub quantity: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WriteOffDraft {
    pub warehouse_id: Option<WarehouseId>,
    /// Why: required, it is what an auditor asks first.
    pub reason: String,
    pub lines: Vec<QuantityLineDraft>,
}

/// An inventory line: the quantity actually counted on the shelf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CountedLineDraft {
    pub product_id: ProductId,
    pub counted: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InventoryDraft {
    pub warehouse_id: Option<WarehouseId>,
    pub comment: String,
    pub lines: Vec<CountedLineDraft>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SaleLineDraft {
    pub product_id: ProductId,
    pub quantity: String,
    /// The price of one unit; empty takes the product's sale price.
    pub price: String,
    /// A discount on this line in percent; empty takes the client's discount.
    pub discount_percent: String,
}

/// A counter sale: parts sold without a repair, to a client or an anonymous buyer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SaleDraft {
    pub client_id: Option<ClientId>,
    pub warehouse_id: Option<WarehouseId>,
    pub payment_method: PaymentMethod,
    pub comment: String,
    pub lines: Vec<SaleLineDraft>,
}

/// A line of a stock document as stored: positive quantities come in,
/// negative go out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StockLine {
    pub product_id: ProductId,
    pub name: String,
    pub article: String,
    pub brand: Option<String>,
    pub unit: Unit,
    pub quantity: Quantity,
    /// The unit price (purchase for a receipt, sale for a sale).
    pub price: Option<Money>,
    /// quantity × price (absolute), zero without a price.
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StockDocument {
    pub id: StockDocId,
    pub kind: StockDocKind,
    pub number: String,
    pub created_at: DateTime<Utc>,
    pub warehouse_id: WarehouseId,
    pub warehouse: String,
    pub supplier: Option<String>,
    pub invoice_number: String,
    pub invoice_date: Option<NaiveDate>,
    pub comment: String,
    pub client: Option<ClientRef>,
    pub lines: Vec<StockLine>,
    pub total: Money,
}

/// A row of the journal of stock documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StockDocSummary {
    pub id: StockDocId,
    pub kind: StockDocKind,
    pub number: String,
    pub created_at: DateTime<Utc>,
    pub warehouse: String,
    /// The supplier of a receipt, the client of a sale, the reason of a write-off.
    pub counterparty: Option<String>,
    pub lines: u32,
    pub total: Money,
}

/// One movement of one product, for its card: what came and went, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductMovement {
    pub document_id: StockDocId,
    pub kind: StockDocKind,
    pub number: String,
    pub created_at: DateTime<Utc>,
    pub warehouse: String,
    pub quantity: Quantity,
    pub price: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SaleLine {
    pub product_id: ProductId,
    pub name: String,
    pub article: String,
    pub brand: Option<String>,
    pub unit: Unit,
    pub quantity: Quantity,
    pub price: Money,
    /// In hundredths of a percent.
    pub discount_basis_points: u32,
    /// quantity × price − discount, to the kopeck.
    pub amount: Money,
}

/// A counter sale as recorded: its receipt record for the documents issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Sale {
    pub id: SaleId,
    pub number: String,
    pub created_at: DateTime<Utc>,
    pub client: Option<ClientRef>,
    pub warehouse: String,
    pub payment_method: PaymentMethod,
    pub comment: String,
    pub lines: Vec<SaleLine>,
    pub total: Money,
    pub discount: Money,
    pub stock_document_id: StockDocId,
    pub payment_id: PaymentId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Warehouse {
    pub id: WarehouseId,
    pub name: String,
    pub archived: bool,
}

/// Shop-wide stock rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StockSettings {
    /// Let stock go below zero (a part sold before its receipt is entered).
    pub allow_negative_stock: bool,
}
