//! Search normalisation. SQLite folds ASCII case only, so the text we search in
//! and the text we search for are both folded here, in Rust: Cyrillic lower case,
//! `ё` as `е`, phones as bare digits in both the `+7` and the `8` form.

use crate::domain::phone::Phone;

/// Lower case with `ё` folded to `е`, words separated by single spaces.
pub fn fold(text: &str) -> String {
    text.split_whitespace()
        .map(|word| word.to_lowercase().replace('ё', "е"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The digit strings a phone can be found by: `79123456789 89123456789`.
pub fn phone_keys(phone: &Phone) -> Vec<String> {
    let mut keys = vec![phone.digits().to_owned()];
    keys.extend(phone.trunk_form());
    keys
}

/// What the operator typed into a search box, ready to match folded columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchQuery {
    /// Nothing typed: list everything.
    All,
    /// Only phone characters were typed: match these digits inside a phone.
    PhoneDigits(String),
    /// Words; every one must occur somewhere in the client's searchable text.
    Words(Vec<String>),
}

impl SearchQuery {
    pub fn parse(input: &str) -> SearchQuery {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return SearchQuery::All;
        }
        if looks_like_phone(trimmed) {
            let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
            return SearchQuery::PhoneDigits(digits);
        }
        let words: Vec<String> = fold(trimmed)
            .split(' ')
            .map(|word| {
                word.trim_matches(|c: char| ",;\"'«»()".contains(c))
                    .to_owned()
            })
            .filter(|word| !word.is_empty())
            .collect();
        if words.is_empty() {
            SearchQuery::All
        } else {
            SearchQuery::Words(words)
        }
    }
}

fn looks_like_phone(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().\u{a0}".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_cyrillic_case_and_yo() {
        assert_eq!(fold("  Семёнов   ПЁТР "), "семенов петр");
        assert_eq!(fold("ALEXEY"), "alexey");
    }

    #[test]
    fn parses_queries() {
        let words = |w: &[&str]| SearchQuery::Words(w.iter().map(|s| (*s).to_owned()).collect());
        let digits = |d: &str| SearchQuery::PhoneDigits(d.to_owned());
        let cases = [
            ("", SearchQuery::All),
            ("   ", SearchQuery::All),
            ("Семёнов", words(&["семенов"])),
            ("Иванов, Пётр", words(&["иванов", "петр"])),
            ("«»", SearchQuery::All),
            ("+7 (912) 345-67", digits("791234567")),
            ("6789", digits("6789")),
            ("иванов 912", words(&["иванов", "912"])),
        ];
        for (input, expected) in cases {
            assert_eq!(SearchQuery::parse(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn phone_keys_hold_both_forms() {
        let phone = Phone::parse("+7 912 345 67 89").expect("valid");
        assert_eq!(phone_keys(&phone), ["79123456789", "89123456789"]);
    }
}
