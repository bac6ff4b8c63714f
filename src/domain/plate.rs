//! Registration plates (госномер). Russian plates use only the 12 Cyrillic
//! letters that look like Latin ones, so operators type them in either keyboard
//! layout: `А123ВС77`, `a123bc77` and `а 123 вс 77` are one plate. We store the
//! Cyrillic form; foreign plates keep their Latin letters that have no twin.

use std::fmt;

use serde::Serialize;

use crate::domain::validation::IssueCode;

/// The plate letters, each paired by position with its Latin look-alike.
const CYRILLIC_UPPER: [char; 12] = ['А', 'В', 'Е', 'К', 'М', 'Н', 'О', 'Р', 'С', 'Т', 'У', 'Х'];
const CYRILLIC_LOWER: [char; 12] = ['а', 'в', 'е', 'к', 'м', 'н', 'о', 'р', 'с', 'т', 'у', 'х'];
const LATIN_UPPER: [char; 12] = ['A', 'B', 'E', 'K', 'M', 'H', 'O', 'P', 'C', 'T', 'Y', 'X'];
/// Latin letters with no Cyrillic twin: they occur only on foreign plates.
const LATIN_ONLY: &str = "DFGIJLNQRSUVWZ";
const MIN_LEN: usize = 4;
const MAX_LEN: usize = 12;

/// Shapes of the common Russian plates before the 2- or 3-digit region:
/// `L` a plate letter, `D` a digit.
const PRIVATE_CAR: &str = "LDDDLL";
const RUSSIAN_SHAPES: [&str; 4] = [PRIVATE_CAR, "LLDDD", "LLDDDD", "DDDDLL"];

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Plate(String);

impl Plate {
    pub fn parse(input: &str) -> Result<Plate, IssueCode> {
        let plate = input
            .chars()
            .filter(|&c| !is_separator(c))
            .map(canonical_char)
            .collect::<Option<String>>()
            .ok_or(IssueCode::PlateInvalid)?;
        let len = plate.chars().count();
        if (MIN_LEN..=MAX_LEN).contains(&len) && plate.chars().any(|c| c.is_ascii_digit()) {
            Ok(Plate(plate))
        } else {
            Err(IssueCode::PlateInvalid)
        }
    }

    /// Canonical: `А123ВС77`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How the plate is written on papers and screens: a private car's plate
    /// is spaced like the plate itself, `А 123 ВС 77`; others stay canonical.
    pub fn display(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if !has_shape(&chars, PRIVATE_CAR) {
            return self.0.clone();
        }
        let part = |range: std::ops::Range<usize>| chars[range].iter().collect::<String>();
        format!(
            "{} {} {} {}",
            part(0..1),
            part(1..4),
            part(4..6),
            part(6..chars.len())
        )
    }

    /// True for a private car, taxi, trailer or motorcycle plate with a region.
    pub fn is_russian_format(&self) -> bool {
        let chars: Vec<char> = self.0.chars().collect();
        RUSSIAN_SHAPES.iter().any(|shape| has_shape(&chars, shape))
    }
}

/// Folds a search query fragment the way plates are stored in search keys:
/// lowercase, Latin look-alikes → Cyrillic lowercase, spaces, dashes and dots
/// removed; other characters kept. Used for searching, so it never fails.
pub fn fold_plate_query(input: &str) -> String {
    input
        .chars()
        .filter(|&c| !is_separator(c))
        .flat_map(char::to_lowercase)
        .map(|c| match twin_index(c.to_ascii_uppercase()) {
            Some(i) => CYRILLIC_LOWER[i],
            _ => c,
        })
        .collect()
}

/// What people put between the parts of a plate number.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '-' || c == '.'
}

fn twin_index(latin_upper: char) -> Option<usize> {
    LATIN_UPPER.iter().position(|&l| l == latin_upper)
}

/// The canonical form of one plate character, `None` if plates never have it.
fn canonical_char(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    if c.is_ascii_alphabetic() {
        let upper = c.to_ascii_uppercase();
        return match twin_index(upper) {
            Some(i) => Some(CYRILLIC_UPPER[i]),
            None => LATIN_ONLY.contains(upper).then_some(upper),
        };
    }
    CYRILLIC_UPPER
        .iter()
        .chain(&CYRILLIC_LOWER)
        .position(|&l| l == c)
        .map(|i| CYRILLIC_UPPER[i % CYRILLIC_UPPER.len()])
}

/// Whether `chars` is `shape` followed by a 2- or 3-digit region.
fn has_shape(chars: &[char], shape: &str) -> bool {
    let (head, region) = chars.split_at(chars.len().min(shape.len()));
    let head_ok = head.len() == shape.len()
        && head.iter().zip(shape.chars()).all(|(&c, kind)| match kind {
            'L' => CYRILLIC_UPPER.contains(&c),
            _ => c.is_ascii_digit(),
        });
    head_ok && matches!(region.len(), 2 | 3) && region.iter().all(char::is_ascii_digit)
}

impl fmt::Display for Plate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IssueCode::PlateInvalid;

    fn check(input: &str, expected: Result<&str, IssueCode>) {
        let got = Plate::parse(input);
        assert_eq!(
            got.as_ref().map(Plate::as_str).map_err(|e| *e),
            expected,
            "input {input:?}"
        );
    }

    #[test]
    fn one_plate_in_every_layout_and_spacing() {
        for input in [
            "А123ВС77",
            "a123bc77",
            "а 123 вс 77",
            "A123BC77",
            "А123bС77",
            "a-123-вc-77",
            "A.123.BC.77",
            "\u{a0}а123Вс 77 ",
        ] {
            check(input, Ok("А123ВС77"));
        }
    }

    #[test]
    fn accepts_russian_and_foreign_formats() {
        check("х777хх777", Ok("Х777ХХ777"));
        check("ам 123 77", Ok("АМ12377"));
        check("ат 1234 50", Ok("АТ123450"));
        check("1234 ав 77", Ok("1234АВ77"));
        check("123ABZ02", Ok("123АВZ02"));
        check("WN 1234", Ok("WN1234"));
    }

    #[test]
    fn rejects_what_cannot_be_a_plate() {
        for input in [
            "",
            "   ",
            "А12",
            "АВСЕКМ",
            "Б123ВС77",
            "Ж123ЖЖ77",
            "Ё123ВС77",
            "А123ВС77RUS!",
            "А123ВС77_",
            "А123ВС77 01234",
            "А123ВС/77",
        ] {
            check(input, Err(PlateInvalid));
        }
    }

    #[test]
    fn displays_private_car_plates_spaced() {
        let display = |input: &str| Plate::parse(input).map(|p| p.display());
        assert_eq!(display("a123bc77"), Ok("А 123 ВС 77".to_owned()));
        assert_eq!(display("А123ВС777"), Ok("А 123 ВС 777".to_owned()));
        assert_eq!(display("АМ12377"), Ok("АМ12377".to_owned()));
        assert_eq!(display("123ABZ02"), Ok("123АВZ02".to_owned()));
    }

    #[test]
    fn recognises_russian_formats() {
        let russian = |input: &str| Plate::parse(input).map(|p| p.is_russian_format());
        for input in ["А123ВС77", "А123ВС777", "АМ12377", "АТ1234750", "1234АВ77"] {
            assert_eq!(russian(input), Ok(true), "input {input:?}");
        }
        for input in ["123ABZ02", "А123ВС7", "А123ВС7777", "А12ВС77", "WN1234"] {
            assert_eq!(russian(input), Ok(false), "input {input:?}");
        }
    }

    #[test]
    fn folds_search_queries_like_plates() {
        assert_eq!(fold_plate_query("A123BC"), "а123вс");
        assert_eq!(fold_plate_query("а 123 вс-77"), "а123вс77");
        assert_eq!(fold_plate_query("X.777.XX"), "х777хх");
        assert_eq!(fold_plate_query("Б12 z"), "б12z");
        assert_eq!(fold_plate_query("hyt"), "нут");
        assert_eq!(fold_plate_query(""), "");
    }
}
