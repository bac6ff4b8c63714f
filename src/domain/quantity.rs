//! Exact quantities and the units they are counted in. A quantity is a whole
//! number of thousandths of its unit: 1,5 л is 1500, 2 шт is 2000. Never a
//! float, so stock sums never drift.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Thousandths in one unit.
pub const MILLI: i64 = 1000;

/// How a product is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// шт
    Piece,
    /// л
    Litre,
    /// кг
    Kilogram,
    /// м
    Metre,
    /// компл
    Set,
}

impl Unit {
    pub const ALL: [Unit; 5] = [
        Unit::Piece,
        Unit::Litre,
        Unit::Kilogram,
        Unit::Metre,
        Unit::Set,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Piece => "piece",
            Unit::Litre => "litre",
            Unit::Kilogram => "kilogram",
            Unit::Metre => "metre",
            Unit::Set => "set",
        }
    }

    pub fn parse(text: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|unit| unit.as_str() == text)
    }

    /// The Russian abbreviation printed on documents and typed in price lists.
    pub fn short_ru(self) -> &'static str {
        match self {
            Unit::Piece => "шт",
            Unit::Litre => "л",
            Unit::Kilogram => "кг",
            Unit::Metre => "м",
            Unit::Set => "компл",
        }
    }

    /// Reads a unit as price lists write it: `шт.`, `л`, `компл.`, `pcs`, `kg`…
    pub fn from_label(label: &str) -> Option<Unit> {
        let key: String = label
            .trim()
            .trim_end_matches('.')
            .to_lowercase()
            .replace('ё', "е");
        let unit = match key.as_str() {
            "шт" | "штук" | "штука" | "pcs" | "pc" | "piece" | "ea" | "each" => {
                Unit::Piece
            }
            "л" | "литр" | "литров" | "l" | "ltr" | "litre" | "liter" => Unit::Litre,
            "кг" | "килограмм" | "kg" | "kilogram" => Unit::Kilogram,
            "м" | "метр" | "метров" | "m" | "metre" | "meter" | "пог. м" | "п.м" => {
                Unit::Metre
            }
            "компл" | "комплект" | "к-т" | "set" | "kit" => Unit::Set,
            _ => return Unit::parse(&key),
        };
        Some(unit)
    }

    /// Pieces and sets are whole; oil is poured by the litre and a hose cut by the metre.
    pub fn allows_fraction(self) -> bool {
        matches!(self, Unit::Litre | Unit::Kilogram | Unit::Metre)
    }
}

/// A quantity in thousandths of a unit; may be negative in a stock movement.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct Quantity(
    // Exported to TypeScript as a plain `number`: thousandths stay far below 2^53.
    #[cfg_attr(feature = "specta", specta(type = i32))] i64,
);

impl Quantity {
    pub const ZERO: Quantity = Quantity(0);

    pub const fn from_milli(milli: i64) -> Quantity {
        Quantity(milli)
    }

    pub fn whole(units: i64) -> Quantity {
        Quantity(units.saturating_mul(MILLI))
    }

    pub const fn milli(self) -> i64 {
        self.0
    }

    pub fn is_whole(self) -> bool {
        self.0 % MILLI == 0
    }

    pub fn checked_add(self, other: Quantity) -> Option<Quantity> {
        self.0.checked_add(other.0).map(Quantity)
    }

    pub fn checked_sub(self, other: Quantity) -> Option<Quantity> {
        self.0.checked_sub(other.0).map(Quantity)
    }

    pub fn negated(self) -> Quantity {
        Quantity(-self.0)
    }

    /// Reads `2`, `1,5`, `0.25`, `1 000`: at most three decimals.
    pub fn parse(text: &str) -> Option<Quantity> {
        parse_fixed_point(text, 3).map(Quantity)
    }
}

/// A locale-free rendering for the CLI and exports: `1.5`, `2`, `-0.125`.
impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_fixed_point(f, self.0, 3)
    }
}

/// Parses a decimal as typed by a Russian or English user (`1 234,5`,
/// `1234.50`, `-3`) into an integer scaled by 10^`decimals`. More decimals
/// than `decimals`, letters, or an overflow give `None`: a typo must not be
/// silently rounded.
pub(crate) fn parse_fixed_point(text: &str, decimals: u32) -> Option<i64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty()
        || !all_digits(whole)
        || !all_digits(fraction)
        || fraction.len() > decimals as usize
    {
        return None;
    }
    let scale = 10_i64.checked_pow(decimals)?;
    let whole_value: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let padded = format!("{fraction:0<width$}", width = decimals as usize);
    let fraction_value: i64 = if padded.is_empty() {
        0
    } else {
        padded.parse().ok()?
    };
    let value = whole_value
        .checked_mul(scale)?
        .checked_add(fraction_value)?;
    Some(if negative { -value } else { value })
}

/// Writes a scaled integer with its trailing zero decimals dropped.
pub(crate) fn write_fixed_point(
    f: &mut fmt::Formatter<'_>,
    value: i64,
    decimals: u32,
) -> fmt::Result {
    let scale = 10_u64.pow(decimals);
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    let fraction = abs % scale;
    if fraction == 0 {
        return write!(f, "{sign}{}", abs / scale);
    }
    let digits = format!("{fraction:0width$}", width = decimals as usize);
    write!(f, "{sign}{}.{}", abs / scale, digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_russian_and_english_decimals_exactly() {
        let cases = [
            ("2", Some(2000)),
            ("1,5", Some(1500)),
            ("0.25", Some(250)),
            (" 1 000 ", Some(1_000_000)),
            (",5", Some(500)),
            ("-3", Some(-3000)),
            ("1,2345", None),
            ("1,5л", None),
            ("", None),
            ("-", None),
            ("1.2.3", None),
            ("99999999999999999999", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                Quantity::parse(text).map(Quantity::milli),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn displays_without_trailing_zeros() {
        assert_eq!(Quantity::from_milli(1500).to_string(), "1.5");
        assert_eq!(Quantity::from_milli(2000).to_string(), "2");
        assert_eq!(Quantity::from_milli(-125).to_string(), "-0.125");
    }

    #[test]
    fn units_read_price_list_labels() {
        assert_eq!(Unit::from_label("шт."), Some(Unit::Piece));
        assert_eq!(Unit::from_label("Компл."), Some(Unit::Set));
        assert_eq!(Unit::from_label("L"), Some(Unit::Litre));
        assert_eq!(Unit::from_label("litre"), Some(Unit::Litre));
        assert_eq!(Unit::from_label("ящик"), None);
        assert!(Unit::Litre.allows_fraction());
        assert!(!Unit::Piece.allows_fraction());
    }
}
