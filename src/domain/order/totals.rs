//! The money of a repair order, computed in the core and nowhere else, so the
//! screen, the PDF and the payments all agree to the kopeck.
//!
//! The rules, line by line, each step rounded half away from zero to the kopeck:
//!
//! 1. **Gross** = price × quantity (quantities are exact thousandths: 1,5 нормо-часа,
//!    0,75 л), rounded once.
//! 2. **Discount** of the line: its own when it has one, else the client's
//!    discount when it covers the line's kind (works, parts or both, see
//!    [`DiscountScope`]). The line's own discount *replaces* the client's, it
//!    is never compounded with it: a line marked «скидка 0» gets none at all.
//!    A percentage is taken of the gross and rounded; an amount is taken as is
//!    and may not exceed the gross.
//! 3. **Net** = gross − discount: the line's price as agreed. With VAT
//!    included in prices it includes that VAT.
//! 4. **VAT** of the net at the line's rate (its own, else the shop's; see
//!    [`VatMode`]), rounded per line.
//! 5. **Total** = net + VAT when VAT is on top, else net: what the client pays
//!    for the line.
//!
//! The order's amounts are the sums of its lines' — never recomputed from a
//! sum — so every column of a printed order adds up: works and parts each, the
//! VAT per rate, and the grand total. Rounding per line and then summing is
//! what Russian invoices and УПД do (each line's VAT is its own column).
//!
//! Negative prices or quantities are refused: a return or a correction is a
//! refund or a reopened order, not a negative line. Any overflow is an error,
//! never a panic or a wrapped number.

use serde::{Deserialize, Serialize};

use crate::domain::money::{Money, MoneyOverflow};
use crate::domain::order::line::{Discount, LineKind, PartLine, Percent, WorkLine};
use crate::domain::order::vat::{VatMode, VatRate};
use crate::domain::quantity::Quantity;

/// Which lines the client's discount covers. Shops differ: many give their
/// regulars a discount on labour only, since parts are sold on a thin margin;
/// others discount everything. The default is everything, as the counter
/// sale already applies the client's discount to parts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DiscountScope {
    #[default]
    All,
    WorksOnly,
    PartsOnly,
}

impl DiscountScope {
    pub const ALL: [DiscountScope; 3] = [
        DiscountScope::All,
        DiscountScope::WorksOnly,
        DiscountScope::PartsOnly,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DiscountScope::All => "all",
            DiscountScope::WorksOnly => "works_only",
            DiscountScope::PartsOnly => "parts_only",
        }
    }

    pub fn parse(text: &str) -> Option<DiscountScope> {
        DiscountScope::ALL
            .into_iter()
            .find(|scope| scope.as_str() == text)
    }

    pub fn covers(self, kind: LineKind) -> bool {
        match self {
            DiscountScope::All => true,
            DiscountScope::WorksOnly => kind == LineKind::Work,
            DiscountScope::PartsOnly => kind == LineKind::Part,
        }
    }
}

/// The client's standing discount and the lines it covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientDiscount {
    pub percent: Percent,
    pub applies_to: DiscountScope,
}

impl ClientDiscount {
    pub const NONE: ClientDiscount = ClientDiscount {
        percent: Percent::ZERO,
        applies_to: DiscountScope::All,
    };

    /// From the client card's whole percent; `None` above 100.
    pub fn from_whole_percent(percent: u32, applies_to: DiscountScope) -> Option<ClientDiscount> {
        Percent::whole(percent).map(|percent| ClientDiscount {
            percent,
            applies_to,
        })
    }

    /// The discount a line gets when it has none of its own.
    fn for_kind(self, kind: LineKind) -> Option<Discount> {
        (self.applies_to.covers(kind) && self.percent != Percent::ZERO)
            .then_some(Discount::Percent(self.percent))
    }
}

/// Everything besides the lines that decides an order's money.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Pricing {
    pub vat: VatMode,
    pub client_discount: ClientDiscount,
}

/// What the totals need of a line, work or part alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PricedLine {
    pub kind: LineKind,
    pub quantity: Quantity,
    pub price: Money,
    pub discount: Option<Discount>,
    pub vat_rate: Option<VatRate>,
}

impl From<&WorkLine> for PricedLine {
    fn from(line: &WorkLine) -> Self {
        PricedLine {
            kind: LineKind::Work,
            quantity: line.quantity,
            price: line.price,
            discount: line.discount,
            vat_rate: line.vat_rate,
        }
    }
}

impl From<&PartLine> for PricedLine {
    fn from(line: &PartLine) -> Self {
        PricedLine {
            kind: LineKind::Part,
            quantity: line.quantity,
            price: line.price,
            discount: line.discount,
            vat_rate: line.vat_rate,
        }
    }
}

/// The computed money of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LineAmounts {
    pub kind: LineKind,
    /// Price × quantity.
    pub gross: Money,
    pub discount: Money,
    /// Gross − discount: the agreed price of the line (VAT inside when included).
    pub net: Money,
    /// The rate applied; `Without` when no VAT.
    pub vat_rate: VatRate,
    pub vat: Money,
    /// What the client pays for the line.
    pub total: Money,
}

/// Sums of a group of lines (works, parts, or the whole order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GroupTotals {
    pub gross: Money,
    pub discount: Money,
    pub net: Money,
    pub vat: Money,
    pub total: Money,
}

impl GroupTotals {
    fn add(self, line: &LineAmounts) -> Result<GroupTotals, MoneyOverflow> {
        Ok(GroupTotals {
            gross: self.gross.checked_add(line.gross)?,
            discount: self.discount.checked_add(line.discount)?,
            net: self.net.checked_add(line.net)?,
            vat: self.vat.checked_add(line.vat)?,
            total: self.total.checked_add(line.total)?,
        })
    }

    fn sum<'a>(
        lines: impl IntoIterator<Item = &'a LineAmounts>,
    ) -> Result<GroupTotals, MoneyOverflow> {
        lines
            .into_iter()
            .try_fold(GroupTotals::default(), |sum, line| sum.add(line))
    }
}

/// The lines at one VAT rate: a счёт prints one «В т.ч. НДС 22 %» row per rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VatSummary {
    pub rate: VatRate,
    pub net: Money,
    pub vat: Money,
    pub total: Money,
}

/// The money of a whole order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// One per line, in the order the lines were given.
    pub lines: Vec<LineAmounts>,
    pub works: GroupTotals,
    pub parts: GroupTotals,
    /// Works and parts together: `all.discount` is the order's discount,
    /// `all.vat` its VAT, `all.total` the grand total to pay.
    pub all: GroupTotals,
    /// One entry per rate present, in [`VatRate::ALL`] order; lines without VAT
    /// are under [`VatRate::Without`].
    pub vat: Vec<VatSummary>,
}

impl Totals {
    /// The grand total the client pays.
    pub fn total(&self) -> Money {
        self.all.total
    }

    /// Works first, then parts: `lines` follows that order.
    pub fn of_order(
        works: &[WorkLine],
        parts: &[PartLine],
        pricing: &Pricing,
    ) -> Result<Totals, TotalsError> {
        let lines: Vec<PricedLine> = works
            .iter()
            .map(PricedLine::from)
            .chain(parts.iter().map(PricedLine::from))
            .collect();
        order_totals(&lines, pricing)
    }
}

/// Why a line's money cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    #[error("a negative price or quantity")]
    Negative,
    #[error("a discount over 100 %")]
    DiscountOutOfRange,
    #[error("a discount larger than the line's amount")]
    DiscountExceedsLine,
    #[error("the amounts do not fit")]
    Overflow,
}

impl From<MoneyOverflow> for LineError {
    fn from(_: MoneyOverflow) -> Self {
        LineError::Overflow
    }
}

/// Why an order's totals cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TotalsError {
    /// `line` is the index in the lines given (works first in [`Totals::of_order`]).
    #[error("line {line}: {error}")]
    Line { line: usize, error: LineError },
    #[error("the client's discount is over 100 %")]
    ClientDiscountOutOfRange,
    #[error("the order's sums do not fit")]
    Overflow,
}

impl From<MoneyOverflow> for TotalsError {
    fn from(_: MoneyOverflow) -> Self {
        TotalsError::Overflow
    }
}

/// The money of one line under the order's pricing.
pub fn line_amounts(line: &PricedLine, pricing: &Pricing) -> Result<LineAmounts, LineError> {
    if line.price.kopecks() < 0 || line.quantity.milli() < 0 {
        return Err(LineError::Negative);
    }
    let gross = line.price.times(line.quantity)?;
    let discount = match line
        .discount
        .or_else(|| pricing.client_discount.for_kind(line.kind))
    {
        None => Money::ZERO,
        Some(discount) => discount_of(discount, gross)?,
    };
    let net = gross.checked_sub(discount)?;
    let vat_rate = pricing.vat.rate_for(line.vat_rate);
    let vat = pricing.vat.vat_of(net, vat_rate)?;
    Ok(LineAmounts {
        kind: line.kind,
        gross,
        discount,
        net,
        vat_rate,
        vat,
        total: pricing.vat.with_vat(net, vat)?,
    })
}

fn discount_of(discount: Discount, gross: Money) -> Result<Money, LineError> {
    match discount {
        Discount::Percent(percent) if !percent.is_valid() => Err(LineError::DiscountOutOfRange),
        Discount::Percent(percent) => Ok(percent.of(gross)?),
        Discount::Amount(amount) if amount.kopecks() < 0 => Err(LineError::Negative),
        Discount::Amount(amount) if amount > gross => Err(LineError::DiscountExceedsLine),
        Discount::Amount(amount) => Ok(amount),
    }
}

/// The money of an order whose lines are `lines`.
pub fn order_totals(lines: &[PricedLine], pricing: &Pricing) -> Result<Totals, TotalsError> {
    if !pricing.client_discount.percent.is_valid() {
        return Err(TotalsError::ClientDiscountOutOfRange);
    }
    let amounts = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            line_amounts(line, pricing).map_err(|error| TotalsError::Line { line: index, error })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let of_kind = |kind| amounts.iter().filter(move |line| line.kind == kind);
    let works = GroupTotals::sum(of_kind(LineKind::Work))?;
    let parts = GroupTotals::sum(of_kind(LineKind::Part))?;
    let all = GroupTotals::sum(&amounts)?;
    let vat = vat_summaries(&amounts)?;
    Ok(Totals {
        lines: amounts,
        works,
        parts,
        all,
        vat,
    })
}

fn vat_summaries(lines: &[LineAmounts]) -> Result<Vec<VatSummary>, MoneyOverflow> {
    let mut summaries = Vec::new();
    for rate in VatRate::ALL {
        let at_rate: Vec<&LineAmounts> = lines.iter().filter(|l| l.vat_rate == rate).collect();
        if at_rate.is_empty() {
            continue;
        }
        let sum = GroupTotals::sum(at_rate)?;
        summaries.push(VatSummary {
            rate,
            net: sum.net,
            vat: sum.vat,
            total: sum.total,
        });
    }
    Ok(summaries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use LineKind::{Part, Work};
    use VatRate::*;

    fn line(kind: LineKind, quantity_milli: i64, price: i64) -> PricedLine {
        PricedLine {
            kind,
            quantity: Quantity::from_milli(quantity_milli),
            price: Money::from_kopecks(price),
            discount: None,
            vat_rate: None,
        }
    }

    fn pct(basis_points: u32) -> Option<Discount> {
        Some(Discount::Percent(
            Percent::from_basis_points(basis_points).expect("≤ 100 %"),
        ))
    }

    fn off(kopecks: i64) -> Option<Discount> {
        Some(Discount::Amount(Money::from_kopecks(kopecks)))
    }

    fn with(line: PricedLine, discount: Option<Discount>, vat_rate: Option<VatRate>) -> PricedLine {
        PricedLine {
            discount,
            vat_rate,
            ..line
        }
    }

    fn pricing(vat: VatMode, client_percent: u32, scope: DiscountScope) -> Pricing {
        Pricing {
            vat,
            client_discount: ClientDiscount {
                percent: Percent::from_basis_points(client_percent).expect("≤ 100 %"),
                applies_to: scope,
            },
        }
    }

    fn plain(vat: VatMode) -> Pricing {
        pricing(vat, 0, DiscountScope::All)
    }

    /// `(gross, discount, net, vat, total)` of one line, in kopecks.
    type Amounts = (i64, i64, i64, i64, i64);

    fn check_line(line: PricedLine, pricing: Pricing, expected: Result<Amounts, LineError>) {
        let got = line_amounts(&line, &pricing).map(|a| {
            (
                a.gross.kopecks(),
                a.discount.kopecks(),
                a.net.kopecks(),
                a.vat.kopecks(),
                a.total.kopecks(),
            )
        });
        assert_eq!(got, expected, "{line:?} {pricing:?}");
    }

    #[test]
    fn one_line() {
        use DiscountScope::*;
        use VatMode::{Included, OnTop};
        let hours = line(Work, 1_500, 250_000); // 1,5 нормо-часа × 2 500,00
        let oil = line(Part, 4_500, 45_099); // 4,5 л × 450,99 = 2 029,455
        let table: Vec<(PricedLine, Pricing, Result<Amounts, LineError>)> = vec![
            // Fractional quantities, rounded once, half away from zero.
            (
                hours,
                plain(VatMode::Without),
                Ok((375_000, 0, 375_000, 0, 375_000)),
            ),
            (
                oil,
                plain(VatMode::Without),
                Ok((202_946, 0, 202_946, 0, 202_946)),
            ),
            (
                line(Part, 333, 10_001),
                plain(VatMode::Without),
                Ok((3_330, 0, 3_330, 0, 3_330)),
            ),
            (
                line(Part, 1, 50),
                plain(VatMode::Without),
                Ok((0, 0, 0, 0, 0)),
            ),
            (
                line(Part, 10, 50),
                plain(VatMode::Without),
                Ok((1, 0, 1, 0, 1)),
            ),
            (
                line(Work, 0, 250_000),
                plain(VatMode::Without),
                Ok((0, 0, 0, 0, 0)),
            ),
            (
                line(Work, 1_000, 0),
                plain(Included(Vat22)),
                Ok((0, 0, 0, 0, 0)),
            ),
            // Own discounts: a percentage of the gross, or an amount.
            (
                with(hours, pct(1_000), None),
                plain(VatMode::Without),
                Ok((375_000, 37_500, 337_500, 0, 337_500)),
            ),
            (
                with(oil, pct(1_250), None),
                plain(VatMode::Without),
                Ok((202_946, 25_368, 177_578, 0, 177_578)),
            ),
            (
                with(oil, pct(10_000), None),
                plain(VatMode::Without),
                Ok((202_946, 202_946, 0, 0, 0)),
            ),
            (
                with(oil, off(2_946), None),
                plain(VatMode::Without),
                Ok((202_946, 2_946, 200_000, 0, 200_000)),
            ),
            (
                with(oil, off(202_946), None),
                plain(VatMode::Without),
                Ok((202_946, 202_946, 0, 0, 0)),
            ),
            // The client's discount where the line has none, by scope.
            (
                hours,
                pricing(VatMode::Without, 500, All),
                Ok((375_000, 18_750, 356_250, 0, 356_250)),
            ),
            (
                hours,
                pricing(VatMode::Without, 500, WorksOnly),
                Ok((375_000, 18_750, 356_250, 0, 356_250)),
            ),
            (
                hours,
                pricing(VatMode::Without, 500, PartsOnly),
                Ok((375_000, 0, 375_000, 0, 375_000)),
            ),
            (
                oil,
                pricing(VatMode::Without, 500, WorksOnly),
                Ok((202_946, 0, 202_946, 0, 202_946)),
            ),
            (
                oil,
                pricing(VatMode::Without, 500, PartsOnly),
                Ok((202_946, 10_147, 192_799, 0, 192_799)),
            ),
            // The line's own discount wins, never compounded; «0» keeps it off.
            (
                with(hours, pct(1_000), None),
                pricing(VatMode::Without, 500, All),
                Ok((375_000, 37_500, 337_500, 0, 337_500)),
            ),
            (
                with(hours, pct(0), None),
                pricing(VatMode::Without, 500, All),
                Ok((375_000, 0, 375_000, 0, 375_000)),
            ),
            (
                with(hours, off(100), None),
                pricing(VatMode::Without, 500, All),
                Ok((375_000, 100, 374_900, 0, 374_900)),
            ),
            // VAT included: carved out of the net.
            (
                hours,
                plain(Included(Vat22)),
                Ok((375_000, 0, 375_000, 67_623, 375_000)),
            ),
            (
                with(hours, pct(1_000), None),
                plain(Included(Vat22)),
                Ok((375_000, 37_500, 337_500, 60_861, 337_500)),
            ),
            (
                hours,
                plain(Included(Vat5)),
                Ok((375_000, 0, 375_000, 17_857, 375_000)),
            ),
            (
                hours,
                plain(Included(Vat7)),
                Ok((375_000, 0, 375_000, 24_533, 375_000)),
            ),
            (
                hours,
                plain(Included(Vat10)),
                Ok((375_000, 0, 375_000, 34_091, 375_000)),
            ),
            (
                hours,
                plain(Included(Vat0)),
                Ok((375_000, 0, 375_000, 0, 375_000)),
            ),
            // VAT on top: added to the net.
            (
                hours,
                plain(OnTop(Vat22)),
                Ok((375_000, 0, 375_000, 82_500, 457_500)),
            ),
            (
                oil,
                plain(OnTop(Vat22)),
                Ok((202_946, 0, 202_946, 44_648, 247_594)),
            ),
            (
                with(oil, pct(1_250), None),
                plain(OnTop(Vat5)),
                Ok((202_946, 25_368, 177_578, 8_879, 186_457)),
            ),
            (
                oil,
                plain(OnTop(Vat7)),
                Ok((202_946, 0, 202_946, 14_206, 217_152)),
            ),
            // A line's own rate: exempt, or a reduced one.
            (
                with(oil, None, Some(Without)),
                plain(OnTop(Vat22)),
                Ok((202_946, 0, 202_946, 0, 202_946)),
            ),
            (
                with(oil, None, Some(Vat10)),
                plain(Included(Vat22)),
                Ok((202_946, 0, 202_946, 18_450, 202_946)),
            ),
            (
                with(oil, None, Some(Vat22)),
                plain(VatMode::Without),
                Ok((202_946, 0, 202_946, 0, 202_946)),
            ),
            // Refused.
            (
                line(Part, -1_000, 100),
                plain(VatMode::Without),
                Err(LineError::Negative),
            ),
            (
                line(Part, 1_000, -100),
                plain(VatMode::Without),
                Err(LineError::Negative),
            ),
            (
                with(oil, off(202_947), None),
                plain(VatMode::Without),
                Err(LineError::DiscountExceedsLine),
            ),
            (
                with(oil, off(-1), None),
                plain(VatMode::Without),
                Err(LineError::Negative),
            ),
            (
                with(oil, Some(Discount::Percent(bad_percent())), None),
                plain(VatMode::Without),
                Err(LineError::DiscountOutOfRange),
            ),
            (
                line(Part, i64::MAX, i64::MAX),
                plain(VatMode::Without),
                Err(LineError::Overflow),
            ),
            (
                line(Part, 1_000, i64::MAX),
                plain(OnTop(Vat22)),
                Err(LineError::Overflow),
            ),
        ];
        for (line, pricing, expected) in table {
            check_line(line, pricing, expected);
        }
    }

    /// 100,01 %, which only a corrupt record or a hand-written request can hold.
    fn bad_percent() -> Percent {
        serde_json::from_str("10001").expect("a number")
    }

    /// An order's lines and what its totals must be.
    struct Case {
        name: &'static str,
        lines: Vec<PricedLine>,
        pricing: Pricing,
        works: Amounts,
        parts: Amounts,
        vat: Vec<(VatRate, i64, i64)>,
    }

    fn as_tuple(group: GroupTotals) -> Amounts {
        (
            group.gross.kopecks(),
            group.discount.kopecks(),
            group.net.kopecks(),
            group.vat.kopecks(),
            group.total.kopecks(),
        )
    }

    fn check_order(case: Case) {
        let totals = order_totals(&case.lines, &case.pricing).expect(case.name);
        assert_eq!(as_tuple(totals.works), case.works, "{}: works", case.name);
        assert_eq!(as_tuple(totals.parts), case.parts, "{}: parts", case.name);
        let vat: Vec<_> = totals
            .vat
            .iter()
            .map(|s| (s.rate, s.vat.kopecks(), s.total.kopecks()))
            .collect();
        assert_eq!(vat, case.vat, "{}: vat", case.name);
        assert_sums_of_lines(&totals, case.name);
    }

    /// Every total is the sum of its lines: the invariant a printed order relies on.
    fn assert_sums_of_lines(totals: &Totals, name: &str) {
        let sum =
            |f: fn(&LineAmounts) -> Money| Money::sum(totals.lines.iter().map(f)).expect("fits");
        assert_eq!(totals.all.gross, sum(|l| l.gross), "{name}");
        assert_eq!(totals.all.discount, sum(|l| l.discount), "{name}");
        assert_eq!(totals.all.net, sum(|l| l.net), "{name}");
        assert_eq!(totals.all.vat, sum(|l| l.vat), "{name}");
        assert_eq!(totals.total(), sum(|l| l.total), "{name}");
        let vat_by_rate = Money::sum(totals.vat.iter().map(|s| s.vat)).expect("fits");
        assert_eq!(vat_by_rate, totals.all.vat, "{name}");
        let works_and_parts = totals
            .works
            .total
            .checked_add(totals.parts.total)
            .expect("fits");
        assert_eq!(works_and_parts, totals.total(), "{name}");
        for l in &totals.lines {
            assert_eq!(l.gross.checked_sub(l.discount), Ok(l.net), "{name}");
        }
    }

    #[test]
    fn orders() {
        use DiscountScope::*;
        use VatMode::{Included, OnTop};
        let oil_change = || {
            vec![
                line(Work, 500, 250_000),  // 0,5 н/ч × 2 500,00 = 1 250,00
                line(Work, 1_000, 50_000), // 1 × 500,00
                line(Part, 4_500, 45_099), // 4,5 л × 450,99 = 2 029,46
                line(Part, 1_000, 89_000), // фильтр 890,00
            ]
        };
        let cases = vec![
            Case {
                name: "no VAT, no discount",
                lines: oil_change(),
                pricing: plain(VatMode::Without),
                works: (175_000, 0, 175_000, 0, 175_000),
                parts: (291_946, 0, 291_946, 0, 291_946),
                vat: vec![(Without, 0, 466_946)],
            },
            Case {
                name: "client 10 % on works only",
                lines: oil_change(),
                pricing: pricing(VatMode::Without, 1_000, WorksOnly),
                works: (175_000, 17_500, 157_500, 0, 157_500),
                parts: (291_946, 0, 291_946, 0, 291_946),
                vat: vec![(Without, 0, 449_446)],
            },
            Case {
                name: "client 5 % on everything, VAT 22 % included",
                lines: oil_change(),
                pricing: pricing(Included(Vat22), 500, All),
                // works: 1 187,50 (VAT 214,14) + 475,00 (85,66);
                // parts: 2 029,46 − 101,47 = 1 927,99 (347,67) + 845,50 (152,47).
                works: (175_000, 8_750, 166_250, 29_980, 166_250),
                parts: (291_946, 14_597, 277_349, 50_014, 277_349),
                vat: vec![(Vat22, 79_994, 443_599)],
            },
            Case {
                name: "VAT 22 % on top, one exempt line",
                lines: vec![
                    line(Work, 1_500, 250_000),
                    with(line(Work, 1_000, 100_000), None, Some(Without)),
                    line(Part, 2_000, 12_345),
                ],
                pricing: plain(OnTop(Vat22)),
                works: (475_000, 0, 475_000, 82_500, 557_500),
                parts: (24_690, 0, 24_690, 5_432, 30_122),
                vat: vec![(Without, 0, 100_000), (Vat22, 87_932, 487_622)],
            },
            Case {
                name: "УСН 5 % on top with an own amount discount",
                lines: vec![
                    with(line(Work, 2_000, 180_000), off(10_000), None),
                    line(Part, 750, 99_999),
                ],
                pricing: pricing(OnTop(Vat5), 300, PartsOnly),
                // work: 3 600,00 − 100,00 = 3 500,00, VAT 175,00;
                // part: 0,75 × 999,99 = 749,99; −3 % = 22,50 → 727,49, VAT 36,37.
                works: (360_000, 10_000, 350_000, 17_500, 367_500),
                parts: (74_999, 2_250, 72_749, 3_637, 76_386),
                vat: vec![(Vat5, 21_137, 443_886)],
            },
            Case {
                name: "per-line rounding adds up line by line",
                lines: vec![line(Part, 1_000, 25); 3],
                pricing: plain(OnTop(Vat22)),
                // 0,25 × 22 % = 0,055 → 0,06 per line: 0,18, not 0,75 × 22 % = 0,165 → 0,17.
                works: (0, 0, 0, 0, 0),
                parts: (75, 0, 75, 18, 93),
                vat: vec![(Vat22, 18, 93)],
            },
            Case {
                name: "an empty order",
                lines: vec![],
                pricing: pricing(Included(Vat22), 1_000, All),
                works: (0, 0, 0, 0, 0),
                parts: (0, 0, 0, 0, 0),
                vat: vec![],
            },
        ];
        for case in cases {
            check_order(case);
        }
    }

    #[test]
    fn errors_name_the_line() {
        let lines = [line(Work, 1_000, 100), line(Part, 1_000, -1)];
        assert_eq!(
            order_totals(&lines, &plain(VatMode::Without)),
            Err(TotalsError::Line {
                line: 1,
                error: LineError::Negative
            })
        );
        let mut bad_client = plain(VatMode::Without);
        bad_client.client_discount.percent = bad_percent();
        assert_eq!(
            order_totals(&lines[..1], &bad_client),
            Err(TotalsError::ClientDiscountOutOfRange)
        );
        let huge = [line(Part, 1_000, i64::MAX), line(Part, 1_000, 1)];
        assert_eq!(
            order_totals(&huge, &plain(VatMode::Without)),
            Err(TotalsError::Overflow)
        );
    }

    #[test]
    fn totals_of_order_lines_put_works_first() {
        use crate::domain::ids::{ProductId, ServiceId};
        use crate::domain::order::line::WorkBilling;
        use crate::domain::quantity::Unit;
        let work = WorkLine {
            service_id: ServiceId::new(),
            code: "Д-1".into(),
            name: "Диагностика".into(),
            billing: WorkBilling::PerUnit,
            quantity: Quantity::whole(1),
            price: Money::from_kopecks(150_000),
            mechanic_id: None,
            discount: None,
            vat_rate: None,
        };
        let part = PartLine {
            product_id: ProductId::new(),
            name: "Свеча".into(),
            article: "FR7DC".into(),
            brand: None,
            unit: Unit::Piece,
            quantity: Quantity::whole(4),
            price: Money::from_kopecks(45_000),
            discount: pct(1_000),
            vat_rate: None,
        };
        let totals = Totals::of_order(
            std::slice::from_ref(&work),
            std::slice::from_ref(&part),
            &plain(VatMode::Included(Vat22)),
        )
        .expect("fits");
        let kinds: Vec<_> = totals.lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, vec![Work, Part]);
        assert_eq!(totals.total(), Money::from_kopecks(150_000 + 162_000));
    }

    #[test]
    fn client_discounts_and_scopes() {
        for scope in DiscountScope::ALL {
            assert_eq!(DiscountScope::parse(scope.as_str()), Some(scope));
        }
        assert_eq!(
            ClientDiscount::from_whole_percent(7, DiscountScope::WorksOnly).map(|d| d.percent),
            Percent::from_basis_points(700)
        );
        assert_eq!(
            ClientDiscount::from_whole_percent(101, DiscountScope::All),
            None
        );
    }
}
