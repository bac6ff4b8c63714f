//! How the shop charges VAT (НДС) on an order.
//!
//! The rates are the nomenclature's [`VatRate`] (one list for the whole core):
//! as of 2026 Russia has the general rate of 22 % (Federal Law № 425-ФЗ of
//! 28.11.2025, in force from 1 January 2026; it replaced 20 % for everything
//! shipped, done or rendered from that date, whatever the contract's date), the
//! reduced 10 % (food, children's goods, medicines — never car repair, kept for
//! completeness), 0 % (export and a few listed cases), and the special 5 % and 7 %
//! that a payer of the simplified system (УСН) may choose instead of the general
//! rates (no input deduction; Law № 176-ФЗ of 12.07.2024, from 2025). An УСН
//! shop under the income threshold (20 million ₽ for 2026) is not a VAT payer:
//! «Без НДС». So an order made now never carries 20 %, and the list has no such
//! rate.
//!
//! Where the VAT is in the price:
//!
//! - [`VatMode::Without`]: no VAT at all (the document says «Без НДС»);
//! - [`VatMode::Included`]: prices include VAT («в т.ч. НДС»): the VAT of a
//!   line is carved out of its amount, `amount × r / (100 + r)` (22/122);
//! - [`VatMode::OnTop`]: VAT is added to prices («НДС сверху»): `amount × r / 100`.
//!
//! Either way the VAT is computed per line and rounded half away from zero to
//! the kopeck, and the order's VAT is the sum of its lines' — as the line
//! columns of a счёт or УПД add up (a VAT computed on the total may differ
//! from that sum by a few kopecks; the lines win).

use serde::{Deserialize, Serialize};

pub use crate::domain::product::VatRate;

use crate::domain::money::{Money, MoneyOverflow};

/// The shop's VAT setting, applied to every line of an order that has no rate
/// of its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "rate", rename_all = "camelCase")]
pub enum VatMode {
    /// Не плательщик НДС: the simplified system under the threshold, or exempt.
    #[default]
    Without,
    /// Prices include VAT at this rate.
    Included(VatRate),
    /// VAT at this rate is added to prices.
    OnTop(VatRate),
}

impl VatMode {
    /// The rate of a line: its own when it has one (an exempt service, a
    /// part at 10 %), else the shop's. A shop without VAT charges none on any
    /// line, whatever the line says.
    pub fn rate_for(self, line_rate: Option<VatRate>) -> VatRate {
        match self {
            VatMode::Without => VatRate::Without,
            VatMode::Included(rate) | VatMode::OnTop(rate) => line_rate.unwrap_or(rate),
        }
    }

    /// The VAT of a line whose amount after discounts is `amount`, at `rate`,
    /// rounded half away from zero to the kopeck.
    pub fn vat_of(self, amount: Money, rate: VatRate) -> Result<Money, MoneyOverflow> {
        let percent = match rate.percent() {
            Some(percent) => i128::from(percent),
            None => return Ok(Money::ZERO),
        };
        let amount = i128::from(amount.kopecks());
        match self {
            VatMode::Without => Ok(Money::ZERO),
            VatMode::Included(_) => divide_rounded(amount * percent, 100 + percent),
            VatMode::OnTop(_) => divide_rounded(amount * percent, 100),
        }
    }

    /// What the client pays for a line: VAT on top is added, VAT inside is
    /// already in the amount.
    pub fn with_vat(self, amount: Money, vat: Money) -> Result<Money, MoneyOverflow> {
        match self {
            VatMode::OnTop(_) => amount.checked_add(vat),
            VatMode::Without | VatMode::Included(_) => Ok(amount),
        }
    }
}

/// `numerator / denominator` (denominator > 0) rounded half away from zero.
pub(crate) fn divide_rounded(numerator: i128, denominator: i128) -> Result<Money, MoneyOverflow> {
    let half = denominator / 2;
    let rounded = if numerator >= 0 {
        (numerator + half) / denominator
    } else {
        (numerator - half) / denominator
    };
    i64::try_from(rounded)
        .map(Money::from_kopecks)
        .map_err(|_| MoneyOverflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(vat, total)` of a line, in kopecks.
    type VatAndTotal = (i64, i64);

    fn check(mode: VatMode, line_rate: Option<VatRate>, kopecks: i64, expected: VatAndTotal) {
        let amount = Money::from_kopecks(kopecks);
        let rate = mode.rate_for(line_rate);
        let vat = mode.vat_of(amount, rate).expect("fits");
        let total = mode.with_vat(amount, vat).expect("fits");
        assert_eq!(
            (vat.kopecks(), total.kopecks()),
            expected,
            "{mode:?} {line_rate:?} {kopecks}"
        );
    }

    #[test]
    fn vat_of_one_line() {
        use VatMode::{Included, OnTop};
        use VatRate::*;
        let table: &[(VatMode, Option<VatRate>, i64, VatAndTotal)] = &[
            // Without VAT: nothing, whatever the line says.
            (VatMode::Without, None, 100_000, (0, 100_000)),
            (VatMode::Without, Some(Vat22), 100_000, (0, 100_000)),
            // Included: 1 000,00 × 22/122 = 180,327… → 180,33.
            (Included(Vat22), None, 100_000, (18_033, 100_000)),
            (Included(Vat10), None, 100_000, (9_091, 100_000)),
            (Included(Vat7), None, 100_000, (6_542, 100_000)),
            (Included(Vat5), None, 100_000, (4_762, 100_000)),
            (Included(Vat0), None, 100_000, (0, 100_000)),
            // 0,61 × 22/122 = 0,11 exactly; 0,06 × 22/122 = 0,0108… → 0,01.
            (Included(Vat22), None, 61, (11, 61)),
            (Included(Vat22), None, 6, (1, 6)),
            // A line's own rate wins over the shop's.
            (Included(Vat22), Some(Without), 100_000, (0, 100_000)),
            (Included(Vat22), Some(Vat10), 11_000, (1_000, 11_000)),
            // On top: 1 000,00 + 22 % = 1 220,00.
            (OnTop(Vat22), None, 100_000, (22_000, 122_000)),
            (OnTop(Vat5), None, 100_000, (5_000, 105_000)),
            (OnTop(Vat7), None, 100_000, (7_000, 107_000)),
            (OnTop(Vat10), None, 100_000, (10_000, 110_000)),
            (OnTop(Vat0), None, 100_000, (0, 100_000)),
            // Half a kopeck goes up: 0,25 × 22 % = 0,055 → 0,06; 0,50 × 5 % = 0,025 → 0,03.
            (OnTop(Vat22), None, 25, (6, 31)),
            (OnTop(Vat5), None, 50, (3, 53)),
            // 0,24 × 22 % = 0,0528 → 0,05.
            (OnTop(Vat22), None, 24, (5, 29)),
            (OnTop(Vat22), None, 0, (0, 0)),
        ];
        for &(mode, line_rate, kopecks, expected) in table {
            check(mode, line_rate, kopecks, expected);
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        let table = [
            (5, 10, 1),
            (4, 10, 0),
            (-5, 10, -1),
            (-4, 10, 0),
            (15, 10, 2),
        ];
        for (numerator, denominator, expected) in table {
            assert_eq!(
                divide_rounded(numerator, denominator),
                Ok(Money::from_kopecks(expected)),
                "{numerator}/{denominator}"
            );
        }
        assert_eq!(
            divide_rounded(i128::from(i64::MAX) * 2, 1),
            Err(MoneyOverflow)
        );
    }

    #[test]
    fn huge_amounts_overflow_instead_of_panicking() {
        let huge = Money::from_kopecks(i64::MAX);
        let mode = VatMode::OnTop(VatRate::Vat22);
        let vat = mode
            .vat_of(huge, VatRate::Vat22)
            .expect("22 % of i64::MAX fits");
        assert_eq!(mode.with_vat(huge, vat), Err(MoneyOverflow));
    }

    #[test]
    fn serialises_as_a_kind_and_a_rate() {
        let json = serde_json::to_string(&VatMode::Included(VatRate::Vat22)).expect("json");
        assert_eq!(json, r#"{"kind":"included","rate":"vat22"}"#);
        let json = serde_json::to_string(&VatMode::Without).expect("json");
        assert_eq!(json, r#"{"kind":"without"}"#);
    }
}
