//! Phone numbers, stored in E.164 (`+79123456789`). Operators type Russian
//! numbers in every habit — `8 (912) 345-67-89`, `+7 912 3456789`, `9123456789` —
//! and all of them mean the same number.

use std::fmt;

use serde::{Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Phone(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a phone number")]
pub struct PhoneInvalid;

/// E.164 allows at most 15 digits; fewer than 8 is not a reachable number.
const MIN_INTERNATIONAL_DIGITS: usize = 8;
const MAX_INTERNATIONAL_DIGITS: usize = 15;
/// Russian and Kazakh numbers (+7) are 10 digits after the country code.
const NATIONAL_DIGITS: usize = 10;

impl Phone {
    pub fn parse(input: &str) -> Result<Phone, PhoneInvalid> {
        let trimmed = input.trim();
        let (international, rest) = match trimmed.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let digits = digits_of(rest)?;
        let e164 = if international {
            international_number(&digits)?
        } else {
            domestic_number(&digits)?
        };
        Ok(Phone(e164))
    }

    pub fn as_e164(&self) -> &str {
        &self.0
    }

    /// The digits without the plus: `79123456789`.
    pub fn digits(&self) -> &str {
        &self.0[1..]
    }

    /// How a Russian operator dials it at home: `89123456789`; `None` abroad.
    pub fn trunk_form(&self) -> Option<String> {
        self.0
            .strip_prefix("+7")
            .map(|national| format!("8{national}"))
    }

    /// Re-creates a phone read back from our own database.
    pub(crate) fn from_stored(e164: String) -> Phone {
        Phone(e164)
    }
}

/// Keeps the digits, allowing only the punctuation people write phones with.
fn digits_of(text: &str) -> Result<String, PhoneInvalid> {
    let mut digits = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '\u{a0}' | '-' | '(' | ')' | '.' | '\u{2010}'..='\u{2015}' => {}
            _ => return Err(PhoneInvalid),
        }
    }
    Ok(digits)
}

fn international_number(digits: &str) -> Result<String, PhoneInvalid> {
    if let Some(national) = digits.strip_prefix('7') {
        return russian_number(national);
    }
    let plausible = (MIN_INTERNATIONAL_DIGITS..=MAX_INTERNATIONAL_DIGITS).contains(&digits.len())
        && !digits.starts_with('0');
    if plausible {
        Ok(format!("+{digits}"))
    } else {
        Err(PhoneInvalid)
    }
}

fn domestic_number(digits: &str) -> Result<String, PhoneInvalid> {
    match digits.len() {
        NATIONAL_DIGITS => russian_number(digits),
        11 if digits.starts_with('8') || digits.starts_with('7') => russian_number(&digits[1..]),
        _ => Err(PhoneInvalid),
    }
}

/// Zone 7 numbers start with 3, 4, 8 (landlines), 9 (mobile) or 7 (Kazakhstan).
fn russian_number(national: &str) -> Result<String, PhoneInvalid> {
    let zone_ok = matches!(
        national.as_bytes().first(),
        Some(b'3' | b'4' | b'7' | b'8' | b'9')
    );
    if national.len() == NATIONAL_DIGITS && zone_ok {
        Ok(format!("+7{national}"))
    } else {
        Err(PhoneInvalid)
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Phone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(feature = "specta")]
impl specta::Type for Phone {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        <String as specta::Type>::definition(types)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        let got = Phone::parse(input).ok();
        assert_eq!(
            got.as_ref().map(Phone::as_e164),
            expected,
            "input {input:?}"
        );
    }

    #[test]
    fn accepts_the_ways_operators_type_russian_numbers() {
        for input in [
            "8 (912) 345-67-89",
            "+7 912 3456789",
            "9123456789",
            "89123456789",
            "79123456789",
            "+7(912)345-67-89",
            " 8-912-345-67-89 ",
            "8.912.345.67.89",
        ] {
            check(input, Some("+79123456789"));
        }
        check("8 (495) 123-45-67", Some("+74951234567"));
        check("+7 727 123 4567", Some("+77271234567"));
    }

    #[test]
    fn accepts_foreign_numbers_in_international_form() {
        check("+375 29 123-45-67", Some("+375291234567"));
        check("+49 30 1234567", Some("+49301234567"));
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for input in [
            "",
            "   ",
            "12345",
            "912345678",
            "891234567890",
            "+7 912 345 67",
            "+7 012 345 67 89",
            "1123456789",
            "8 912 345 67 8a",
            "+0 123 456 789",
            "+1234567",
            "++79123456789",
            "79123456789+",
            "+3751234567890123",
        ] {
            check(input, None);
        }
    }

    #[test]
    fn gives_the_digits_and_the_trunk_form() {
        let phone = Phone::parse("8 912 345 67 89").expect("valid");
        assert_eq!(phone.digits(), "79123456789");
        assert_eq!(phone.trunk_form().as_deref(), Some("89123456789"));
        let foreign = Phone::parse("+375291234567").expect("valid");
        assert_eq!(foreign.trunk_form(), None);
    }
}
