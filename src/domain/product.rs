//! The nomenclature: parts and materials the shop keeps on record, with the
//! numbers they are known by, their prices and how they are counted.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::article::{article_key, barcode_checksum_ok, barcode_key};
use crate::domain::ids::{BrandId, CategoryId, ProductId, SupplierId, WarehouseId};
use crate::domain::money::Money;
use crate::domain::quantity::{Quantity, Unit};
use crate::domain::validation::{IssueCode, Issues};

pub const MAX_PRODUCT_NAME: usize = 200;
pub const MAX_ARTICLE: usize = 60;
pub const MAX_BRAND: usize = 80;
pub const MAX_NUMBERS: usize = 300;
pub const MAX_BARCODES: usize = 20;
pub const MAX_ATTRIBUTES: usize = 40;
pub const MAX_ATTRIBUTE: usize = 100;
pub const MAX_PRODUCT_NOTES: usize = 2000;
/// 1000 %: a bigger markup is a typo (a price typed into the markup field).
pub const MAX_MARKUP_BASIS_POINTS: i64 = 100_000;
/// Ten million rubles: no part costs more; a longer number is a typo.
pub const MAX_PRICE_KOPECKS: i64 = 1_000_000_000;
/// A million units of anything is a typo.
pub const MAX_QUANTITY_MILLI: i64 = 1_000_000_000;

/// VAT rates of Russia in 2026 (22 % is the general rate since 1 January
/// 2026; 5 % and 7 % are the reduced rates of the simplified system).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum VatRate {
    /// Без НДС: the shop is not a VAT payer.
    Without,
    Vat0,
    Vat5,
    Vat7,
    Vat10,
    Vat22,
}

impl VatRate {
    pub const ALL: [VatRate; 6] = [
        VatRate::Without,
        VatRate::Vat0,
        VatRate::Vat5,
        VatRate::Vat7,
        VatRate::Vat10,
        VatRate::Vat22,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VatRate::Without => "without",
            VatRate::Vat0 => "vat0",
            VatRate::Vat5 => "vat5",
            VatRate::Vat7 => "vat7",
            VatRate::Vat10 => "vat10",
            VatRate::Vat22 => "vat22",
        }
    }

    pub fn parse(text: &str) -> Option<VatRate> {
        VatRate::ALL.into_iter().find(|rate| rate.as_str() == text)
    }

    /// Reads a rate as price lists write it: `22%`, `НДС 10`, `без НДС`, `0`.
    pub fn from_label(label: &str) -> Option<VatRate> {
        let key = label
            .to_lowercase()
            .replace(['%', ' '], "")
            .replace("ндс", "");
        let rate = match key.as_str() {
            "без" | "безндс" | "" | "-" | "нет" | "without" | "novat" | "none" => {
                VatRate::Without
            }
            "0" => VatRate::Vat0,
            "5" => VatRate::Vat5,
            "7" => VatRate::Vat7,
            "10" => VatRate::Vat10,
            "22" | "20" => VatRate::Vat22,
            other => return VatRate::parse(other),
        };
        Some(rate)
    }

    /// The rate in percent, `None` without VAT.
    pub fn percent(self) -> Option<u32> {
        match self {
            VatRate::Without => None,
            VatRate::Vat0 => Some(0),
            VatRate::Vat5 => Some(5),
            VatRate::Vat7 => Some(7),
            VatRate::Vat10 => Some(10),
            VatRate::Vat22 => Some(22),
        }
    }
}

/// Whose number this is: the car maker's original (OEM) or another parts
/// maker's analogue (cross).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    Oem,
    Cross,
}

impl NumberKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NumberKind::Oem => "oem",
            NumberKind::Cross => "cross",
        }
    }

    pub fn parse(text: &str) -> Option<NumberKind> {
        [NumberKind::Oem, NumberKind::Cross]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// An OEM or cross number with the brand that prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductNumber {
    pub kind: NumberKind,
    /// `VAG`, `MANN-FILTER`; may be empty.
    pub brand: String,
    /// As printed: `03C 115 561 H`.
    pub number: String,
}

/// A characteristic: `Вязкость` = `5W-30`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Attribute {
    pub name: String,
    pub value: String,
}

/// What the product window sends. Prices and quantities are typed text
/// (`1 234,50`, `1,5`), read exactly by the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductDraft {
    pub name: String,
    pub article: String,
    /// A brand of the list by name; a new name adds it to the list.
    pub brand: String,
    pub category_id: Option<CategoryId>,
    pub unit: Unit,
    pub numbers: Vec<ProductNumber>,
    pub barcodes: Vec<String>,
    pub attributes: Vec<Attribute>,
    pub purchase_price: String,
    /// A fixed sale price; when empty, `markup_percent` over the purchase price.
    pub sale_price: String,
    pub markup_percent: String,
    pub vat: VatRate,
    pub min_stock: String,
    pub supplier_id: Option<SupplierId>,
    pub notes: String,
}

impl Default for ProductDraft {
    fn default() -> Self {
        ProductDraft {
            name: String::new(),
            article: String::new(),
            brand: String::new(),
            category_id: None,
            unit: Unit::Piece,
            numbers: Vec::new(),
            barcodes: Vec::new(),
            attributes: Vec::new(),
            purchase_price: String::new(),
            sale_price: String::new(),
            markup_percent: String::new(),
            vat: VatRate::Without,
            min_stock: String::new(),
            supplier_id: None,
            notes: String::new(),
        }
    }
}

/// How the sale price is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceRule {
    /// No sale price yet: the operator types one at the sale.
    Unset,
    Fixed(Money),
    /// Purchase price plus this many hundredths of a percent.
    Markup(i64),
}

/// A validated number with its search key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNumber {
    pub kind: NumberKind,
    pub brand: String,
    pub number: String,
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProduct {
    pub name: String,
    pub article: String,
    pub article_key: String,
    pub brand: Option<String>,
    pub category_id: Option<CategoryId>,
    pub unit: Unit,
    pub numbers: Vec<ValidNumber>,
    pub barcodes: Vec<String>,
    pub attributes: Vec<Attribute>,
    pub purchase_price: Option<Money>,
    pub price_rule: PriceRule,
    pub vat: VatRate,
    pub min_stock: Option<Quantity>,
    pub supplier_id: Option<SupplierId>,
    pub notes: String,
}

impl ProductDraft {
    pub fn validate(&self) -> Result<ValidProduct, Issues> {
        let mut issues = Issues::default();
        let name = issues.line("name", &self.name, MAX_PRODUCT_NAME);
        if name.is_empty() {
            issues.add("name", IssueCode::Required);
        }
        let article = issues.line("article", &self.article, MAX_ARTICLE);
        let brand = issues.line("brand", &self.brand, MAX_BRAND);
        let numbers = self.valid_numbers(&article_key(&article), &mut issues);
        let barcodes = self.valid_barcodes(&mut issues);
        let attributes = self.valid_attributes(&mut issues);
        let purchase_price = price(&self.purchase_price, "purchasePrice", &mut issues);
        let price_rule = self.price_rule(purchase_price, &mut issues);
        let min_stock =
            quantity(&self.min_stock, self.unit, "minStock", &mut issues).filter(|q| q.milli() > 0);
        let notes = issues.text("notes", &self.notes, MAX_PRODUCT_NOTES);
        issues.into_result(ValidProduct {
            name,
            article_key: article_key(&article),
            article,
            brand: (!brand.is_empty()).then_some(brand),
            category_id: self.category_id,
            unit: self.unit,
            numbers,
            barcodes,
            attributes,
            purchase_price,
            price_rule,
            vat: self.vat,
            min_stock,
            supplier_id: self.supplier_id,
            notes,
        })
    }

    /// Drops empty rows and numbers repeating another one (or the article itself).
    fn valid_numbers(&self, own_key: &str, issues: &mut Issues) -> Vec<ValidNumber> {
        if self.numbers.len() > MAX_NUMBERS {
            issues.add_limit("numbers", IssueCode::TooMany, MAX_NUMBERS);
        }
        let mut seen = std::collections::HashSet::new();
        let mut valid = Vec::new();
        for (i, entry) in self.numbers.iter().enumerate() {
            let number = issues.line(&format!("numbers.{i}.number"), &entry.number, MAX_ARTICLE);
            let brand = issues.line(&format!("numbers.{i}.brand"), &entry.brand, MAX_BRAND);
            let key = article_key(&number);
            if key.is_empty() {
                if !brand.is_empty() {
                    issues.add(format!("numbers.{i}.number"), IssueCode::Required);
                }
                continue;
            }
            if key == own_key && entry.kind == NumberKind::Cross {
                continue;
            }
            if seen.insert((entry.kind, brand.to_lowercase(), key.clone())) {
                valid.push(ValidNumber {
                    kind: entry.kind,
                    brand,
                    number,
                    key,
                });
            }
        }
        valid
    }

    fn valid_barcodes(&self, issues: &mut Issues) -> Vec<String> {
        if self.barcodes.len() > MAX_BARCODES {
            issues.add_limit("barcodes", IssueCode::TooMany, MAX_BARCODES);
        }
        let mut valid: Vec<String> = Vec::new();
        for (i, typed) in self.barcodes.iter().enumerate() {
            if typed.trim().is_empty() {
                continue;
            }
            match barcode_key(typed) {
                None => issues.add(format!("barcodes.{i}"), IssueCode::BarcodeInvalid),
                Some(code) if !barcode_checksum_ok(&code) => {
                    issues.add(format!("barcodes.{i}"), IssueCode::BarcodeChecksum)
                }
                Some(code) if valid.contains(&code) => {
                    issues.add(format!("barcodes.{i}"), IssueCode::Repeated)
                }
                Some(code) => valid.push(code),
            }
        }
        valid
    }

    fn valid_attributes(&self, issues: &mut Issues) -> Vec<Attribute> {
        if self.attributes.len() > MAX_ATTRIBUTES {
            issues.add_limit("attributes", IssueCode::TooMany, MAX_ATTRIBUTES);
        }
        let mut valid = Vec::new();
        for (i, attribute) in self.attributes.iter().enumerate() {
            let name = issues.line(
                &format!("attributes.{i}.name"),
                &attribute.name,
                MAX_ATTRIBUTE,
            );
            let value = issues.line(
                &format!("attributes.{i}.value"),
                &attribute.value,
                MAX_ATTRIBUTE,
            );
            match (name.is_empty(), value.is_empty()) {
                (true, true) => {}
                (true, false) => issues.add(format!("attributes.{i}.name"), IssueCode::Required),
                (false, true) => issues.add(format!("attributes.{i}.value"), IssueCode::Required),
                (false, false) => valid.push(Attribute { name, value }),
            }
        }
        valid
    }

    fn price_rule(&self, purchase: Option<Money>, issues: &mut Issues) -> PriceRule {
        if let Some(fixed) = price(&self.sale_price, "salePrice", issues) {
            return PriceRule::Fixed(fixed);
        }
        if !self.sale_price.trim().is_empty() || self.markup_percent.trim().is_empty() {
            return PriceRule::Unset;
        }
        let Some(basis_points) = percent(&self.markup_percent, "markupPercent", issues) else {
            return PriceRule::Unset;
        };
        if purchase.is_none() {
            issues.add("purchasePrice", IssueCode::PurchasePriceRequired);
        }
        PriceRule::Markup(basis_points)
    }
}

impl ValidProduct {
    /// The price a sale starts from: fixed, or the purchase price with the markup.
    pub fn sale_price(&self) -> Option<Money> {
        sale_price_of(self.price_rule, self.purchase_price)
    }
}

/// The sale price a rule gives over a purchase price, to the kopeck.
pub fn sale_price_of(rule: PriceRule, purchase: Option<Money>) -> Option<Money> {
    match rule {
        PriceRule::Unset => None,
        PriceRule::Fixed(price) => Some(price),
        PriceRule::Markup(basis_points) => {
            let purchase = purchase?;
            purchase
                .percent(basis_points)
                .and_then(|extra| purchase.checked_add(extra))
                .ok()
        }
    }
}

/// An optional non-negative price; a bad one is reported on `field`.
pub fn price(text: &str, field: &str, issues: &mut Issues) -> Option<Money> {
    if text.trim().is_empty() {
        return None;
    }
    match Money::parse(text) {
        None => {
            issues.add(field, IssueCode::NumberInvalid);
            None
        }
        Some(money) if !(0..=MAX_PRICE_KOPECKS).contains(&money.kopecks()) => {
            issues.add_limit(
                field,
                IssueCode::OutOfRange,
                (MAX_PRICE_KOPECKS / 100) as usize,
            );
            None
        }
        Some(money) => Some(money),
    }
}

/// A percentage with up to two decimals, as basis points (12,5 % = 1250).
pub fn percent(text: &str, field: &str, issues: &mut Issues) -> Option<i64> {
    match crate::domain::quantity::parse_fixed_point(text.trim_end_matches('%'), 2) {
        None => {
            issues.add(field, IssueCode::NumberInvalid);
            None
        }
        Some(bp) if !(0..=MAX_MARKUP_BASIS_POINTS).contains(&bp) => {
            issues.add_limit(
                field,
                IssueCode::OutOfRange,
                (MAX_MARKUP_BASIS_POINTS / 100) as usize,
            );
            None
        }
        Some(bp) => Some(bp),
    }
}

/// An optional non-negative quantity of `unit`; empty is `None`.
pub fn quantity(text: &str, unit: Unit, field: &str, issues: &mut Issues) -> Option<Quantity> {
    if text.trim().is_empty() {
        return None;
    }
    let parsed = Quantity::parse(text);
    match parsed {
        None => issues.add(field, IssueCode::NumberInvalid),
        Some(q) if !(0..=MAX_QUANTITY_MILLI).contains(&q.milli()) => issues.add_limit(
            field,
            IssueCode::OutOfRange,
            (MAX_QUANTITY_MILLI / 1000) as usize,
        ),
        Some(q) if !unit.allows_fraction() && !q.is_whole() => {
            issues.add(field, IssueCode::FractionNotAllowed)
        }
        Some(q) => return Some(q),
    }
    None
}

/// A quantity that must be given and above zero (a line of a document).
pub fn positive_quantity(
    text: &str,
    unit: Unit,
    field: &str,
    issues: &mut Issues,
) -> Option<Quantity> {
    match quantity(text, unit, field, issues) {
        Some(q) if q.milli() > 0 => Some(q),
        Some(_) => {
            issues.add_limit(
                field,
                IssueCode::OutOfRange,
                (MAX_QUANTITY_MILLI / 1000) as usize,
            );
            None
        }
        None if text.trim().is_empty() => {
            issues.add(field, IssueCode::Required);
            None
        }
        None => None,
    }
}

/// A brand of the editable list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Brand {
    pub id: BrandId,
    pub name: String,
    pub archived: bool,
    pub products: u32,
}

/// A node of the category tree; the UI builds the tree from `parent_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub id: CategoryId,
    pub parent_id: Option<CategoryId>,
    pub name: String,
    /// `Фильтры / Масляные`.
    pub path: String,
    pub archived: bool,
}

/// Separates the levels of a category path in lists, exports and imports.
pub const CATEGORY_SEPARATOR: &str = " / ";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Supplier {
    pub id: SupplierId,
    pub name: String,
    pub inn: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
    pub archived: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SupplierDraft {
    pub name: String,
    pub inn: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

/// Stock of a product in one warehouse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StockLevel {
    pub warehouse_id: WarehouseId,
    pub warehouse: String,
    pub on_hand: Quantity,
}

/// Everything the product window shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Product {
    pub id: ProductId,
    pub name: String,
    pub article: String,
    pub brand: Option<String>,
    pub category: Option<Category>,
    pub unit: Unit,
    pub numbers: Vec<ProductNumber>,
    pub barcodes: Vec<String>,
    pub attributes: Vec<Attribute>,
    pub purchase_price: Option<Money>,
    /// The fixed sale price, when it is fixed.
    pub fixed_price: Option<Money>,
    /// The markup in hundredths of a percent, when the price follows the purchase price.
    pub markup_basis_points: Option<u32>,
    /// The sale price in effect.
    pub price: Option<Money>,
    pub vat: VatRate,
    pub min_stock: Option<Quantity>,
    pub supplier: Option<Supplier>,
    pub notes: String,
    pub archived: bool,
    pub stock: Vec<StockLevel>,
    pub on_hand: Quantity,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Which of its numbers (or its name) a product was found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProductMatch {
    Article,
    Oem,
    /// An analogue: the query is one of its cross numbers.
    Cross,
    Barcode,
    Name,
}

/// A row of the product list and picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductListItem {
    pub id: ProductId,
    pub name: String,
    pub article: String,
    pub brand: Option<String>,
    pub unit: Unit,
    pub price: Option<Money>,
    pub purchase_price: Option<Money>,
    pub on_hand: Quantity,
    pub min_stock: Option<Quantity>,
    /// Below the minimum stock.
    pub low: bool,
    pub archived: bool,
    pub matched_by: ProductMatch,
    /// The number (as printed) that matched, for numbers.
    pub matched_number: Option<String>,
}

/// What the product list and the pickers ask for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductSearch {
    pub query: String,
    pub limit: u32,
    pub include_archived: bool,
    /// This category and everything under it.
    pub category_id: Option<CategoryId>,
    /// Only products below their minimum stock.
    pub low_stock_only: bool,
}

impl Default for ProductSearch {
    fn default() -> Self {
        ProductSearch {
            query: String::new(),
            limit: 50,
            include_archived: false,
            category_id: None,
            low_stock_only: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProductDraft {
        ProductDraft {
            name: " Фильтр  масляный ".into(),
            article: "OC 90".into(),
            brand: "MAHLE".into(),
            ..ProductDraft::default()
        }
    }

    fn issues_of(draft: &ProductDraft) -> Vec<(String, IssueCode)> {
        draft
            .validate()
            .err()
            .map(|issues| {
                issues
                    .into_vec()
                    .into_iter()
                    .map(|i| (i.field, i.issue))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn a_minimal_product_is_a_name() {
        let valid = draft().validate().expect("valid");
        assert_eq!(valid.name, "Фильтр масляный");
        assert_eq!(valid.article_key, "OC90");
        assert_eq!(valid.price_rule, PriceRule::Unset);
        let nameless = ProductDraft::default();
        assert_eq!(
            issues_of(&nameless),
            vec![("name".into(), IssueCode::Required)]
        );
    }

    #[test]
    fn prices_follow_a_fixed_price_or_a_markup() {
        let fixed = ProductDraft {
            purchase_price: "400".into(),
            sale_price: "650,50".into(),
            markup_percent: "30".into(),
            ..draft()
        };
        assert_eq!(
            fixed.validate().expect("valid").sale_price(),
            Some(Money::from_kopecks(65_050))
        );
        let markup = ProductDraft {
            purchase_price: "401".into(),
            markup_percent: "12,5".into(),
            ..draft()
        };
        let valid = markup.validate().expect("valid");
        assert_eq!(valid.price_rule, PriceRule::Markup(1250));
        assert_eq!(valid.sale_price(), Some(Money::from_kopecks(45_113)));
        let no_purchase = ProductDraft {
            markup_percent: "30".into(),
            ..draft()
        };
        assert_eq!(
            issues_of(&no_purchase),
            vec![("purchasePrice".into(), IssueCode::PurchasePriceRequired)]
        );
    }

    #[test]
    fn quantities_respect_the_unit() {
        let pieces = ProductDraft {
            min_stock: "1,5".into(),
            ..draft()
        };
        assert_eq!(
            issues_of(&pieces),
            vec![("minStock".into(), IssueCode::FractionNotAllowed)]
        );
        let litres = ProductDraft {
            unit: Unit::Litre,
            ..pieces
        };
        assert_eq!(
            litres.validate().expect("valid").min_stock,
            Some(Quantity::from_milli(1500))
        );
    }

    #[test]
    fn bad_numbers_and_barcodes_name_their_row() {
        let bad = ProductDraft {
            purchase_price: "12р".into(),
            barcodes: vec!["4009026022468".into(), "".into(), "12ab".into()],
            attributes: vec![Attribute {
                name: "Вязкость".into(),
                value: " ".into(),
            }],
            numbers: vec![
                ProductNumber {
                    kind: NumberKind::Cross,
                    brand: "MANN".into(),
                    number: "W 712/73".into(),
                },
                ProductNumber {
                    kind: NumberKind::Cross,
                    brand: "MANN".into(),
                    number: "w71273".into(),
                },
                ProductNumber {
                    kind: NumberKind::Cross,
                    brand: "MAHLE".into(),
                    number: "oc-90".into(),
                },
            ],
            ..draft()
        };
        assert_eq!(
            issues_of(&bad),
            vec![
                ("barcodes.0".into(), IssueCode::BarcodeChecksum),
                ("barcodes.2".into(), IssueCode::BarcodeInvalid),
                ("attributes.0.value".into(), IssueCode::Required),
                ("purchasePrice".into(), IssueCode::NumberInvalid),
            ]
        );
        let fixed = ProductDraft {
            purchase_price: "12".into(),
            barcodes: vec!["4009026022467".into()],
            attributes: vec![],
            ..bad
        };
        let valid = fixed.validate().expect("valid");
        assert_eq!(
            valid.numbers.len(),
            1,
            "the repeat and the own article are dropped"
        );
        assert_eq!(valid.numbers[0].key, "W71273");
    }

    #[test]
    fn vat_labels_of_price_lists() {
        assert_eq!(VatRate::from_label("22%"), Some(VatRate::Vat22));
        assert_eq!(VatRate::from_label("Без НДС"), Some(VatRate::Without));
        assert_eq!(VatRate::from_label("НДС 10%"), Some(VatRate::Vat10));
        assert_eq!(VatRate::from_label("vat5"), Some(VatRate::Vat5));
        assert_eq!(VatRate::from_label("18"), None);
    }
}
