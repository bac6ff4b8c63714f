//! The lines of a repair order: works from the price list and parts from the
//! nomenclature, each with its quantity, price, discount and (optionally) its
//! own VAT rate. A line copies the name, code and price it was made with, so
//! a later change of the price list never changes an order already written.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{ProductId, ServiceId};
use crate::domain::money::{Money, MoneyOverflow};
use crate::domain::order::vat::VatRate;
use crate::domain::pricelist::{MAX_HOURS_MILLI, Service};
use crate::domain::product::{MAX_QUANTITY_MILLI, positive_quantity, price};
use crate::domain::quantity::{MILLI, Quantity, Unit, parse_fixed_point};
use crate::domain::schedule::ids::EmployeeId;
use crate::domain::validation::{IssueCode, Issues};

/// More lines than this in one order is a runaway import, not a repair.
pub const MAX_ORDER_LINES: usize = 300;

/// A percentage in hundredths of a percent (12,5 % = 1250), from 0 to 100 %.
/// Whole basis points keep a discount exact: no float ever touches it.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct Percent(u32);

impl Percent {
    pub const ZERO: Percent = Percent(0);
    pub const HUNDRED: Percent = Percent(10_000);

    /// `None` above 100 %.
    pub fn from_basis_points(basis_points: u32) -> Option<Percent> {
        (basis_points <= Self::HUNDRED.0).then_some(Percent(basis_points))
    }

    /// A whole percent, as the client card keeps its discount.
    pub fn whole(percent: u32) -> Option<Percent> {
        percent
            .checked_mul(100)
            .and_then(Percent::from_basis_points)
    }

    pub const fn basis_points(self) -> u32 {
        self.0
    }

    /// A value read from storage or IPC may be anything; this says whether it
    /// is a percentage a discount can be.
    pub fn is_valid(self) -> bool {
        self <= Self::HUNDRED
    }

    /// Reads `10`, `12,5`, `7.25 %`: at most two decimals, 0 to 100.
    pub fn parse(text: &str) -> Option<Percent> {
        let bare = text.trim().trim_end_matches('%');
        let basis_points = parse_fixed_point(bare, 2)?;
        u32::try_from(basis_points)
            .ok()
            .and_then(Percent::from_basis_points)
    }

    /// This share of `amount`, rounded half away from zero to the kopeck.
    pub fn of(self, amount: Money) -> Result<Money, MoneyOverflow> {
        amount.percent(i64::from(self.0))
    }
}

/// A line's own discount. It replaces the client's discount on that line;
/// the two are never compounded (see [`crate::domain::order::totals`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum Discount {
    /// A share of the line's amount.
    Percent(Percent),
    /// A sum off the line's amount (never more than the amount).
    Amount(Money),
}

impl Discount {
    /// `Discount::Percent(0)`: "no discount on this line", which — unlike no
    /// discount given at all — keeps the client's discount off it.
    pub const NONE: Discount = Discount::Percent(Percent::ZERO);
}

/// How the order window's discount field is meant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DiscountKind {
    #[default]
    Percent,
    Amount,
}

/// Works or parts: totals are shown per group, and a client's discount may
/// apply to one group only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Work,
    Part,
}

/// How a work is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum WorkBilling {
    /// A fixed price per job: «замена свечи» × 4.
    PerUnit,
    /// Standard hours (нормо-часы) × the hourly rate.
    PerHour,
}

impl WorkBilling {
    pub const ALL: [WorkBilling; 2] = [WorkBilling::PerUnit, WorkBilling::PerHour];

    pub fn as_str(self) -> &'static str {
        match self {
            WorkBilling::PerUnit => "per_unit",
            WorkBilling::PerHour => "per_hour",
        }
    }

    pub fn parse(text: &str) -> Option<WorkBilling> {
        WorkBilling::ALL
            .into_iter()
            .find(|billing| billing.as_str() == text)
    }

    /// The most a line may count: 100 standard hours, or the nomenclature's
    /// limit of units. More is a typo.
    fn max_quantity_milli(self) -> i64 {
        match self {
            WorkBilling::PerUnit => MAX_QUANTITY_MILLI,
            WorkBilling::PerHour => MAX_HOURS_MILLI,
        }
    }
}

/// A work of the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WorkLine {
    pub service_id: ServiceId,
    pub code: String,
    pub name: String,
    pub billing: WorkBilling,
    /// Units, or standard hours for [`WorkBilling::PerHour`].
    pub quantity: Quantity,
    /// Per unit, or per standard hour.
    pub price: Money,
    /// Who did it; `None` until assigned.
    pub mechanic_id: Option<EmployeeId>,
    /// `None`: the client's discount applies (when it covers works).
    pub discount: Option<Discount>,
    /// `None`: the shop's rate.
    pub vat_rate: Option<VatRate>,
}

/// A part or material the shop supplies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PartLine {
    pub product_id: ProductId,
    pub name: String,
    pub article: String,
    pub brand: Option<String>,
    pub unit: Unit,
    pub quantity: Quantity,
    /// Per unit.
    pub price: Money,
    /// `None`: the client's discount applies (when it covers parts).
    pub discount: Option<Discount>,
    /// `None`: the shop's rate.
    pub vat_rate: Option<VatRate>,
}

/// What the price list says about a work, looked up by the use case for the
/// line being validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceFacts {
    pub code: String,
    pub name: String,
    pub billing: WorkBilling,
    /// What an empty quantity means: 1 job, or the work's standard hours.
    pub quantity: Quantity,
    /// Per unit or per hour.
    pub price: Money,
}

impl From<&Service> for ServiceFacts {
    /// A fixed-price service is billed per job; any other by its standard
    /// hours at its hourly rate (the category's or the shop's).
    fn from(service: &Service) -> Self {
        let (billing, quantity, price) = match service.fixed_price {
            Some(fixed) => (WorkBilling::PerUnit, Quantity::whole(1), fixed),
            None => (
                WorkBilling::PerHour,
                service.standard_hours,
                service.hourly_rate,
            ),
        };
        ServiceFacts {
            code: service.code.clone(),
            name: service.name.clone(),
            billing,
            quantity,
            price,
        }
    }
}

/// What the nomenclature says about a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductFacts {
    pub name: String,
    pub article: String,
    pub brand: Option<String>,
    pub unit: Unit,
    /// The sale price in effect; `None` when the product has none yet.
    pub price: Option<Money>,
}

/// A work as the order window sends it: picked from the price list, the rest typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WorkLineDraft {
    pub service_id: ServiceId,
    /// Units or standard hours (`1,5`); empty: the price list's.
    pub quantity: String,
    /// Per unit or per hour; empty: the price list's.
    pub price: String,
    pub mechanic_id: Option<EmployeeId>,
    /// Empty: the client's discount; `0`: none on this line.
    pub discount: String,
    pub discount_kind: DiscountKind,
    pub vat_rate: Option<VatRate>,
}

impl WorkLineDraft {
    /// Checks the typed fields against the price list's facts. Issues name
    /// `quantity`, `price`, `discount`; the caller prefixes them (`works.2.`).
    pub fn validate(&self, service: &ServiceFacts) -> Result<WorkLine, Issues> {
        let mut issues = Issues::default();
        let quantity = work_quantity(&self.quantity, service, &mut issues);
        let unit_price = line_price(&self.price, Some(service.price), &mut issues);
        let discount = match (quantity, unit_price) {
            (Some(q), Some(p)) => {
                line_discount(&self.discount, self.discount_kind, p, q, &mut issues)
            }
            _ => None,
        };
        let (Some(quantity), Some(price)) = (quantity, unit_price) else {
            return Err(issues);
        };
        issues.into_result(WorkLine {
            service_id: self.service_id,
            code: service.code.clone(),
            name: service.name.clone(),
            billing: service.billing,
            quantity,
            price,
            mechanic_id: self.mechanic_id,
            discount,
            vat_rate: self.vat_rate,
        })
    }
}

/// A part as the order window sends it: picked from the nomenclature, the rest typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PartLineDraft {
    pub product_id: ProductId,
    /// Required; fractions only for litres, kilograms and metres.
    pub quantity: String,
    /// Empty: the product's sale price.
    pub price: String,
    /// Empty: the client's discount; `0`: none on this line.
    pub discount: String,
    pub discount_kind: DiscountKind,
    pub vat_rate: Option<VatRate>,
}

impl PartLineDraft {
    /// Checks the typed fields against the product's facts. Issues name
    /// `quantity`, `price`, `discount`; the caller prefixes them (`parts.0.`).
    pub fn validate(&self, product: &ProductFacts) -> Result<PartLine, Issues> {
        let mut issues = Issues::default();
        let quantity = positive_quantity(&self.quantity, product.unit, "quantity", &mut issues);
        let unit_price = line_price(&self.price, product.price, &mut issues);
        let discount = match (quantity, unit_price) {
            (Some(q), Some(p)) => {
                line_discount(&self.discount, self.discount_kind, p, q, &mut issues)
            }
            _ => None,
        };
        let (Some(quantity), Some(price)) = (quantity, unit_price) else {
            return Err(issues);
        };
        issues.into_result(PartLine {
            product_id: self.product_id,
            name: product.name.clone(),
            article: product.article.clone(),
            brand: product.brand.clone(),
            unit: product.unit,
            quantity,
            price,
            discount,
            vat_rate: self.vat_rate,
        })
    }
}

/// Reports `too_many` on `works` when an order has more lines than allowed.
pub fn check_line_count(works: usize, parts: usize, issues: &mut Issues) {
    if works + parts > MAX_ORDER_LINES {
        issues.add_limit("works", IssueCode::TooMany, MAX_ORDER_LINES);
    }
}

/// Empty is the price list's; otherwise above zero and below its limit.
fn work_quantity(text: &str, service: &ServiceFacts, issues: &mut Issues) -> Option<Quantity> {
    if text.trim().is_empty() {
        return Some(service.quantity)
            .filter(|q| q.milli() > 0)
            .or_else(|| {
                issues.add("quantity", IssueCode::Required);
                None
            });
    }
    let max = service.billing.max_quantity_milli();
    match Quantity::parse(text) {
        None => issues.add("quantity", IssueCode::NumberInvalid),
        Some(q) if !(1..=max).contains(&q.milli()) => {
            issues.add_limit("quantity", IssueCode::OutOfRange, (max / MILLI) as usize)
        }
        Some(q) => return Some(q),
    }
    None
}

/// Empty takes the catalogue's price; a catalogue without one makes it required.
/// Zero is allowed: a warranty job or a goodwill part costs the client nothing.
fn line_price(text: &str, catalogue: Option<Money>, issues: &mut Issues) -> Option<Money> {
    if !text.trim().is_empty() {
        return price(text, "price", issues);
    }
    if catalogue.is_none() {
        issues.add("price", IssueCode::Required);
    }
    catalogue
}

/// Empty: no own discount (the client's applies). A percentage up to 100; an
/// amount up to the line's own amount (`detail` then quotes that amount).
fn line_discount(
    text: &str,
    kind: DiscountKind,
    unit_price: Money,
    quantity: Quantity,
    issues: &mut Issues,
) -> Option<Discount> {
    if text.trim().is_empty() {
        return None;
    }
    match kind {
        DiscountKind::Percent => percent_discount(text, issues),
        DiscountKind::Amount => amount_discount(text, unit_price, quantity, issues),
    }
}

fn percent_discount(text: &str, issues: &mut Issues) -> Option<Discount> {
    let bare = text.trim().trim_end_matches('%');
    match parse_fixed_point(bare, 2) {
        None => issues.add("discount", IssueCode::NumberInvalid),
        Some(bp) => match u32::try_from(bp).ok().and_then(Percent::from_basis_points) {
            Some(percent) => return Some(Discount::Percent(percent)),
            None => issues.add_limit("discount", IssueCode::OutOfRange, 100),
        },
    }
    None
}

fn amount_discount(
    text: &str,
    unit_price: Money,
    quantity: Quantity,
    issues: &mut Issues,
) -> Option<Discount> {
    let Some(amount) = Money::parse(text) else {
        issues.add("discount", IssueCode::NumberInvalid);
        return None;
    };
    let Ok(gross) = unit_price.times(quantity) else {
        issues.add("discount", IssueCode::OutOfRange);
        return None;
    };
    if amount.kopecks() < 0 || amount > gross {
        issues.add_detail("discount", IssueCode::OutOfRange, gross.to_string());
        return None;
    }
    Some(Discount::Amount(amount))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::FieldIssue;

    fn oil() -> ProductFacts {
        ProductFacts {
            name: "Масло 5W-30".into(),
            article: "SN-530".into(),
            brand: Some("Лукойл".into()),
            unit: Unit::Litre,
            price: Some(Money::from_kopecks(45_099)),
        }
    }

    fn filter_no_price() -> ProductFacts {
        ProductFacts {
            unit: Unit::Piece,
            price: None,
            ..oil()
        }
    }

    fn hours_work() -> ServiceFacts {
        ServiceFacts {
            code: "ДВ-01".into(),
            name: "Замена ремня ГРМ".into(),
            billing: WorkBilling::PerHour,
            quantity: Quantity::from_milli(2_500),
            price: Money::from_kopecks(250_000),
        }
    }

    fn part_draft(
        quantity: &str,
        price: &str,
        discount: &str,
        kind: DiscountKind,
    ) -> PartLineDraft {
        PartLineDraft {
            product_id: ProductId::new(),
            quantity: quantity.into(),
            price: price.into(),
            discount: discount.into(),
            discount_kind: kind,
            vat_rate: None,
        }
    }

    fn work_draft(
        quantity: &str,
        price: &str,
        discount: &str,
        kind: DiscountKind,
    ) -> WorkLineDraft {
        WorkLineDraft {
            service_id: ServiceId::new(),
            quantity: quantity.into(),
            price: price.into(),
            mechanic_id: Some(EmployeeId(3)),
            discount: discount.into(),
            discount_kind: kind,
            vat_rate: None,
        }
    }

    type Outcome = Result<(i64, i64, Option<Discount>), Vec<(&'static str, IssueCode)>>;

    fn issues_of(issues: Issues) -> Vec<(String, IssueCode)> {
        issues
            .into_vec()
            .into_iter()
            .map(|FieldIssue { field, issue, .. }| (field, issue))
            .collect()
    }

    fn expected_issues(list: Vec<(&'static str, IssueCode)>) -> Vec<(String, IssueCode)> {
        list.into_iter().map(|(f, c)| (f.to_owned(), c)).collect()
    }

    fn check_part(product: &ProductFacts, draft: PartLineDraft, expected: Outcome) {
        let got = draft
            .validate(product)
            .map(|line| (line.quantity.milli(), line.price.kopecks(), line.discount))
            .map_err(issues_of);
        assert_eq!(got, expected.map_err(expected_issues), "{draft:?}");
    }

    fn check_work(service: &ServiceFacts, draft: WorkLineDraft, expected: Outcome) {
        let got = draft
            .validate(service)
            .map(|line| (line.quantity.milli(), line.price.kopecks(), line.discount))
            .map_err(issues_of);
        assert_eq!(got, expected.map_err(expected_issues), "{draft:?}");
    }

    #[test]
    fn part_lines_from_the_form() {
        const P: DiscountKind = DiscountKind::Percent;
        const A: DiscountKind = DiscountKind::Amount;
        use IssueCode::*;
        let pct = |bp| Some(Discount::Percent(Percent(bp)));
        let amount = |k| Some(Discount::Amount(Money::from_kopecks(k)));
        let table: Vec<(ProductFacts, PartLineDraft, Outcome)> = vec![
            (
                oil(),
                part_draft("4,5", "", "", P),
                Ok((4_500, 45_099, None)),
            ),
            (
                oil(),
                part_draft("1", "500", "10", P),
                Ok((1_000, 50_000, pct(1_000))),
            ),
            (
                oil(),
                part_draft("1", "500", "12,5%", P),
                Ok((1_000, 50_000, pct(1_250))),
            ),
            (
                oil(),
                part_draft("1", "500", "0", P),
                Ok((1_000, 50_000, pct(0))),
            ),
            (oil(), part_draft("1", "0", "", P), Ok((1_000, 0, None))),
            (
                oil(),
                part_draft("2", "500", "1000", A),
                Ok((2_000, 50_000, amount(100_000))),
            ),
            (
                oil(),
                part_draft("2", "500", "1000,01", A),
                Err(vec![("discount", OutOfRange)]),
            ),
            (
                oil(),
                part_draft("1", "500", "100,01", P),
                Err(vec![("discount", OutOfRange)]),
            ),
            (
                oil(),
                part_draft("1", "500", "-1", P),
                Err(vec![("discount", OutOfRange)]),
            ),
            (
                oil(),
                part_draft("1", "500", "-1", A),
                Err(vec![("discount", OutOfRange)]),
            ),
            (
                oil(),
                part_draft("1", "500", "5,555", P),
                Err(vec![("discount", NumberInvalid)]),
            ),
            (
                oil(),
                part_draft("1", "500", "пять", A),
                Err(vec![("discount", NumberInvalid)]),
            ),
            (
                oil(),
                part_draft("", "", "", P),
                Err(vec![("quantity", Required)]),
            ),
            (
                oil(),
                part_draft("0", "", "", P),
                Err(vec![("quantity", OutOfRange)]),
            ),
            (
                oil(),
                part_draft("1", "abc", "", P),
                Err(vec![("price", NumberInvalid)]),
            ),
            (
                oil(),
                part_draft("1", "-5", "", P),
                Err(vec![("price", OutOfRange)]),
            ),
            (
                filter_no_price(),
                part_draft("1,5", "", "", P),
                Err(vec![("quantity", FractionNotAllowed), ("price", Required)]),
            ),
            (
                filter_no_price(),
                part_draft("2", "", "", P),
                Err(vec![("price", Required)]),
            ),
            (
                filter_no_price(),
                part_draft("2", "990", "", P),
                Ok((2_000, 99_000, None)),
            ),
        ];
        for (product, draft, expected) in table {
            check_part(&product, draft, expected);
        }
    }

    #[test]
    fn work_lines_from_the_form() {
        const P: DiscountKind = DiscountKind::Percent;
        const A: DiscountKind = DiscountKind::Amount;
        use IssueCode::*;
        let fixed = ServiceFacts {
            billing: WorkBilling::PerUnit,
            quantity: Quantity::whole(1),
            price: Money::from_kopecks(50_000),
            ..hours_work()
        };
        let no_hours = ServiceFacts {
            quantity: Quantity::ZERO,
            ..hours_work()
        };
        let table: Vec<(ServiceFacts, WorkLineDraft, Outcome)> = vec![
            (
                hours_work(),
                work_draft("", "", "", P),
                Ok((2_500, 250_000, None)),
            ),
            (
                hours_work(),
                work_draft("1,75", "3000", "", P),
                Ok((1_750, 300_000, None)),
            ),
            (
                hours_work(),
                work_draft("100", "", "", P),
                Ok((100_000, 250_000, None)),
            ),
            (
                hours_work(),
                work_draft("100,001", "", "", P),
                Err(vec![("quantity", OutOfRange)]),
            ),
            (
                hours_work(),
                work_draft("0", "", "", P),
                Err(vec![("quantity", OutOfRange)]),
            ),
            (
                hours_work(),
                work_draft("1,2345", "", "", P),
                Err(vec![("quantity", NumberInvalid)]),
            ),
            (
                no_hours,
                work_draft("", "", "", P),
                Err(vec![("quantity", Required)]),
            ),
            (
                fixed.clone(),
                work_draft("", "", "", P),
                Ok((1_000, 50_000, None)),
            ),
            (
                fixed.clone(),
                work_draft("4", "", "200", A),
                Ok((
                    4_000,
                    50_000,
                    Some(Discount::Amount(Money::from_kopecks(20_000))),
                )),
            ),
            (
                fixed,
                work_draft("4", "", "2000,01", A),
                Err(vec![("discount", OutOfRange)]),
            ),
        ];
        for (service, draft, expected) in table {
            check_work(&service, draft, expected);
        }
    }

    #[test]
    fn a_work_line_copies_the_price_list() {
        let line = work_draft("", "", "", DiscountKind::Percent)
            .validate(&hours_work())
            .expect("valid");
        assert_eq!(
            (line.code.as_str(), line.name.as_str(), line.billing),
            ("ДВ-01", "Замена ремня ГРМ", WorkBilling::PerHour)
        );
        assert_eq!(line.mechanic_id, Some(EmployeeId(3)));
    }

    #[test]
    fn an_amount_discount_over_the_line_quotes_the_line() {
        let issues = part_draft("2", "500", "1500", DiscountKind::Amount)
            .validate(&oil())
            .expect_err("too much");
        assert_eq!(issues.as_slice()[0].detail.as_deref(), Some("1000.00"));
    }

    #[test]
    fn percents_read_as_typed() {
        let table = [
            ("10", Some(1_000)),
            ("12,5", Some(1_250)),
            ("7.25 %", Some(725)),
            ("100", Some(10_000)),
            ("100,01", None),
            ("-1", None),
            ("1,234", None),
            ("", None),
        ];
        for (text, expected) in table {
            assert_eq!(
                Percent::parse(text).map(Percent::basis_points),
                expected,
                "{text}"
            );
        }
        assert_eq!(Percent::whole(15), Some(Percent(1_500)));
        assert_eq!(Percent::whole(101), None);
        assert_eq!(Percent::whole(u32::MAX), None);
        assert!(!Percent(10_001).is_valid());
    }

    #[test]
    fn billing_round_trips_and_counts_lines() {
        for billing in WorkBilling::ALL {
            assert_eq!(WorkBilling::parse(billing.as_str()), Some(billing));
        }
        let mut issues = Issues::default();
        check_line_count(200, 100, &mut issues);
        assert!(issues.is_empty());
        check_line_count(200, 101, &mut issues);
        assert_eq!(issues.as_slice()[0].issue, IssueCode::TooMany);
    }

    #[test]
    fn discounts_serialise_with_their_kind() {
        let json = serde_json::to_string(&Discount::Percent(Percent(1_250))).expect("json");
        assert_eq!(json, r#"{"kind":"percent","value":1250}"#);
        let json =
            serde_json::to_string(&Discount::Amount(Money::from_kopecks(500))).expect("json");
        assert_eq!(json, r#"{"kind":"amount","value":500}"#);
    }
}
