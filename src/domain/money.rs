//! Money as whole kopecks. Never a float: 0.1 + 0.2 must stay 0.30 ₽.
//! Formatting (`1 234,50 ₽`) belongs to the UI.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::quantity::Quantity;

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct Money(
    // Exported to TypeScript as a plain `number`: a shop's totals stay far below
    // 2^53 kopecks, so JavaScript reads them exactly.
    #[cfg_attr(feature = "specta", specta(type = i32))] i64,
);

/// The sum did not fit: a sign of corrupt input, never a real shop total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("money overflow")]
pub struct MoneyOverflow;

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_kopecks(kopecks: i64) -> Self {
        Money(kopecks)
    }

    pub fn from_rubles(rubles: i64) -> Result<Self, MoneyOverflow> {
        rubles.checked_mul(100).map(Money).ok_or(MoneyOverflow)
    }

    pub const fn kopecks(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyOverflow> {
        self.0.checked_add(other.0).map(Money).ok_or(MoneyOverflow)
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyOverflow> {
        self.0.checked_sub(other.0).map(Money).ok_or(MoneyOverflow)
    }

    pub fn checked_mul(self, factor: i64) -> Result<Money, MoneyOverflow> {
        self.0.checked_mul(factor).map(Money).ok_or(MoneyOverflow)
    }

    /// Reads an amount as typed: `1 234,50`, `1234.5`, `990`. More than two
    /// decimals or any other character gives `None`.
    pub fn parse(text: &str) -> Option<Money> {
        crate::domain::quantity::parse_fixed_point(text, 2).map(Money)
    }

    /// `self × quantity`, rounded half away from zero to the kopeck.
    pub fn times(self, quantity: Quantity) -> Result<Money, MoneyOverflow> {
        let exact = i128::from(self.0) * i128::from(quantity.milli());
        rounded_div(exact, i128::from(crate::domain::quantity::MILLI))
    }

    /// `percent` (in hundredths of a percent: 1250 = 12,5 %) of this amount,
    /// rounded half away from zero to the kopeck.
    pub fn percent(self, basis_points: i64) -> Result<Money, MoneyOverflow> {
        rounded_div(i128::from(self.0) * i128::from(basis_points), 10_000)
    }

    /// Sums a list of amounts, failing on overflow instead of wrapping.
    pub fn sum(amounts: impl IntoIterator<Item = Money>) -> Result<Money, MoneyOverflow> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |total, amount| total.checked_add(amount))
    }
}

fn rounded_div(value: i128, divisor: i128) -> Result<Money, MoneyOverflow> {
    let half = divisor / 2;
    let rounded = if value >= 0 {
        (value + half) / divisor
    } else {
        (value - half) / divisor
    };
    i64::try_from(rounded).map(Money).map_err(|_| MoneyOverflow)
}

/// A plain, locale-free rendering for logs and the CLI: `-1234.50`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_exactly_and_refuses_overflow() {
        let a = Money::from_kopecks(10);
        let b = Money::from_kopecks(20);
        assert_eq!(a.checked_add(b), Ok(Money::from_kopecks(30)));
        assert_eq!(
            Money::from_kopecks(i64::MAX).checked_add(a),
            Err(MoneyOverflow)
        );
        assert_eq!(Money::from_rubles(i64::MAX), Err(MoneyOverflow));
    }

    #[test]
    fn parses_and_multiplies_exactly() {
        assert_eq!(Money::parse("1 234,50"), Some(Money::from_kopecks(123_450)));
        assert_eq!(Money::parse("990"), Some(Money::from_kopecks(99_000)));
        assert_eq!(Money::parse("1,005"), None);
        let litre = Money::from_kopecks(45_099);
        assert_eq!(
            litre.times(Quantity::from_milli(1_500)),
            Ok(Money::from_kopecks(67_649))
        );
        assert_eq!(
            Money::from_kopecks(1_001).percent(5_000),
            Ok(Money::from_kopecks(501))
        );
        assert_eq!(
            Money::from_kopecks(-1_001).percent(5_000),
            Ok(Money::from_kopecks(-501))
        );
    }

    #[test]
    fn sums_and_displays() {
        let total = Money::sum([Money::from_kopecks(123_450), Money::from_kopecks(-50)]);
        assert_eq!(total.map(|m| m.to_string()), Ok("1234.00".to_owned()));
        assert_eq!(Money::from_kopecks(-5).to_string(), "-0.05");
        assert_eq!(
            Money::from_kopecks(7).checked_mul(3),
            Ok(Money::from_kopecks(21))
        );
        assert_eq!(
            Money::from_kopecks(7).checked_sub(Money::from_kopecks(9)),
            Ok(Money::from_kopecks(-2))
        );
    }
}
