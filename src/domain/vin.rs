//! Vehicle identification numbers (ISO 3779). Operators copy them from the
//! СТС/ПТС, often in the Russian keyboard layout, so Cyrillic letters that look
//! like Latin ones are read as Latin, and spaces and dashes are ignored.

use std::fmt;

use serde::Serialize;

use crate::domain::validation::IssueCode;

const VIN_LEN: usize = 17;
/// Position (0-based) of the North-American check digit.
const CHECK_POS: usize = 8;
const CHECK_WEIGHTS: [u32; VIN_LEN] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Vin(String);

impl Vin {
    pub fn parse(input: &str) -> Result<Vin, IssueCode> {
        let vin: String = input
            .chars()
            .filter(|&c| !c.is_whitespace() && c != '-')
            .map(latin)
            .collect();
        let shape_ok = vin.len() == VIN_LEN
            && vin
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
        if !shape_ok {
            return Err(IssueCode::VinInvalid);
        }
        if vin.contains(['I', 'O', 'Q']) {
            return Err(IssueCode::VinForbiddenLetter);
        }
        Ok(Vin(vin))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 9th character is a check digit only in North-American VINs (ISO 3779
    /// leaves it free elsewhere): a mismatch is a warning, never a rejection.
    pub fn check_digit_matches(&self) -> bool {
        check_digit(&self.0) == self.0.chars().nth(CHECK_POS)
    }

    /// The last `n` characters, the serial number part by which workers name a
    /// car; the whole VIN when `n` is 17 or more.
    /// Made for North America (a WMI starting with 1–5), where the check digit
    /// is mandatory; elsewhere the 9th character is the maker's to use.
    pub fn is_north_american(&self) -> bool {
        self.0.starts_with(['1', '2', '3', '4', '5'])
    }

    pub fn tail(&self, n: usize) -> &str {
        // A parsed VIN is ASCII, so any byte index is a character boundary.
        &self.0[self.0.len().saturating_sub(n)..]
    }
}

/// Computes the check character for a 17-char VIN (used by demo data to make
/// valid-looking VINs). `None` when the text cannot be a VIN.
pub fn check_digit(vin17: &str) -> Option<char> {
    if vin17.chars().count() != VIN_LEN {
        return None;
    }
    let mut sum = 0;
    for (c, weight) in vin17.chars().zip(CHECK_WEIGHTS) {
        sum += transliterate(c)? * weight;
    }
    match sum % 11 {
        10 => Some('X'),
        rest => char::from_digit(rest, 10),
    }
}

/// The numeric value ISO 3779 gives each character; I, O and Q have none.
fn transliterate(c: char) -> Option<u32> {
    let value = match c.to_ascii_uppercase() {
        d @ '0'..='9' => d.to_digit(10)?,
        'A' | 'J' => 1,
        'B' | 'K' | 'S' => 2,
        'C' | 'L' | 'T' => 3,
        'D' | 'M' | 'U' => 4,
        'E' | 'N' | 'V' => 5,
        'F' | 'W' => 6,
        'G' | 'P' | 'X' => 7,
        'H' | 'Y' => 8,
        'R' | 'Z' => 9,
        _ => return None,
    };
    Some(value)
}

/// Uppercases, reading a Cyrillic look-alike as the Latin letter the operator
/// meant; other characters stay as they are and fail the shape check.
pub(crate) fn latin(c: char) -> char {
    match c {
        'А' | 'а' => 'A',
        'В' | 'в' => 'B',
        'Е' | 'е' => 'E',
        'К' | 'к' => 'K',
        'М' | 'м' => 'M',
        'Н' | 'н' => 'H',
        'О' | 'о' => 'O',
        'Р' | 'р' => 'P',
        'С' | 'с' => 'C',
        'Т' | 'т' => 'T',
        'У' | 'у' => 'Y',
        'Х' | 'х' => 'X',
        other => other.to_ascii_uppercase(),
    }
}

impl fmt::Display for Vin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IssueCode::*;

    fn check(input: &str, expected: Result<&str, IssueCode>) {
        let got = Vin::parse(input);
        assert_eq!(
            got.as_ref().map(Vin::as_str),
            expected.as_ref().copied(),
            "input {input:?}"
        );
    }

    #[test]
    fn parses_vins_as_operators_type_them() {
        let rows: &[(&str, Result<&str, IssueCode>)] = &[
            ("1M8GDM9AXKP042788", Ok("1M8GDM9AXKP042788")),
            ("1m8gdm9axkp042788", Ok("1M8GDM9AXKP042788")),
            (" XTA 21074 0Y1234567 ", Ok("XTA210740Y1234567")),
            ("XTA-210740-Y1234567", Ok("XTA210740Y1234567")),
            ("ХТА210740У1234567", Ok("XTA210740Y1234567")),
            ("хта210740у1234567", Ok("XTA210740Y1234567")),
            ("WVWZZZ1JZXW000001", Ok("WVWZZZ1JZXW000001")),
            ("WVW\u{a0}ZZZ1JZXW000001", Ok("WVWZZZ1JZXW000001")),
        ];
        for (input, expected) in rows {
            check(input, *expected);
        }
    }

    #[test]
    fn rejects_what_is_not_a_vin() {
        let rows: &[(&str, Result<&str, IssueCode>)] = &[
            ("", Err(VinInvalid)),
            ("1M8GDM9AXKP04278", Err(VinInvalid)),
            ("1M8GDM9AXKP0427888", Err(VinInvalid)),
            ("1M8GDM9AXKP04278_", Err(VinInvalid)),
            ("ЖTA210740Y1234567", Err(VinInvalid)),
            ("1M8GDM9AXKP04278O", Err(VinForbiddenLetter)),
            ("1M8GDM9AXKP04278о", Err(VinForbiddenLetter)),
            ("IM8GDM9AXKP042788", Err(VinForbiddenLetter)),
            ("1M8GDM9AXKQ042788", Err(VinForbiddenLetter)),
        ];
        for (input, expected) in rows {
            check(input, *expected);
        }
    }

    #[test]
    fn computes_the_north_american_check_digit() {
        assert_eq!(check_digit("1M8GDM9AXKP042788"), Some('X'));
        assert_eq!(check_digit("1HGCM82633A004352"), Some('3'));
        assert_eq!(check_digit("11111111111111111"), Some('1'));
        assert_eq!(check_digit("1M8GDM9AXKP04278"), None);
        assert_eq!(check_digit("1M8GDM9AXKP04278O"), None);
    }

    #[test]
    fn a_check_digit_mismatch_is_only_reported() {
        let matches = |vin: &str| Vin::parse(vin).map(|v| v.check_digit_matches());
        assert_eq!(matches("1M8GDM9AXKP042788"), Ok(true));
        assert_eq!(matches("JHMCM56557C404453"), Ok(true));
        assert_eq!(matches("1M8GDM9A1KP042788"), Ok(false));
        assert_eq!(matches("XTA210740Y1234567"), Ok(false));
        assert_eq!(matches("WVWZZZ1JZXW000001"), Ok(false));
    }

    #[test]
    fn gives_the_serial_number_tail() {
        let vin = Vin::parse("XTA210740Y1234567").expect("valid");
        assert_eq!(vin.tail(6), "234567");
        assert_eq!(vin.tail(0), "");
        assert_eq!(vin.tail(17), "XTA210740Y1234567");
        assert_eq!(vin.tail(40), "XTA210740Y1234567");
    }
}
