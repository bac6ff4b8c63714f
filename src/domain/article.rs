//! Articles, OEM and cross numbers, barcodes: the numbers a part is known by.
//! Operators and price lists spell them every way (`OC 90`, `oc-90`, `OC90`,
//! Cyrillic `ОС90` typed in the Russian layout); search and uniqueness work on
//! one normalised key.

use crate::domain::vin::latin;

/// Upper case, Cyrillic look-alikes read as Latin, everything but letters and
/// digits dropped (spaces, dashes, dots, slashes, underscores…).
pub fn article_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .map(latin)
        .flat_map(char::to_uppercase)
        .collect()
}

/// Digits only, the way a scanner reads a barcode; `None` for anything else.
pub fn barcode_key(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let fits = (6..=14).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    fits.then_some(digits)
}

/// EAN-8, EAN-13 and GTIN-14 carry a check digit; other lengths are the
/// shop's own codes and are taken as they are.
pub fn barcode_checksum_ok(digits: &str) -> bool {
    if !matches!(digits.len(), 8 | 12 | 13 | 14) {
        return true;
    }
    let values: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    let Some((check, body)) = values.split_last() else {
        return false;
    };
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { d * 3 } else { *d })
        .sum();
    (10 - sum % 10) % 10 == *check
}

/// Longest word worth indexing; longer "words" are serial numbers.
const MAX_WORD_CHARS: usize = 40;

/// The words a product is found by: its name, brand and characteristic values,
/// lower case with `ё` as `е`. A token with punctuation inside (`5W-30`,
/// `H7`, `M20x1,5`) gives its parts and the joined form (`5w30`), so either
/// spelling of the query finds it.
pub fn product_words<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut words = Vec::new();
    for text in texts {
        for token in text.split_whitespace() {
            let parts = word_parts(token);
            if parts.len() > 1 {
                words.push(parts.concat());
            }
            words.extend(parts);
        }
    }
    words.retain(|w| !w.is_empty() && w.chars().count() <= MAX_WORD_CHARS);
    words.sort();
    words.dedup();
    words
}

/// The query's words as the index stores them: each whitespace-separated
/// token folded and joined (`5w-30` → `5w30`).
pub fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = query
        .split_whitespace()
        .map(|token| word_parts(token).concat())
        .filter(|word| !word.is_empty())
        .collect();
    words.dedup();
    words
}

fn word_parts(token: &str) -> Vec<String> {
    token
        .split(|c: char| !c.is_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| part.to_lowercase().replace('ё', "е"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_spellings_share_one_key() {
        let table = [
            ("OC 90", "OC90"),
            ("oc-90", "OC90"),
            ("OC90", "OC90"),
            ("ОС 90", "OC90"),
            ("W 712/73", "W71273"),
            ("0 986 452 044", "0986452044"),
            ("21080-1012005-08", "21080101200508"),
            ("bkr6e-11", "BKR6E11"),
            ("A.000.180.26.09", "A0001802609"),
            ("90915_YZZD4", "90915YZZD4"),
            ("  ", ""),
        ];
        for (typed, key) in table {
            assert_eq!(article_key(typed), key, "{typed}");
        }
    }

    #[test]
    fn words_of_names_and_characteristics() {
        let words = product_words(["Масло моторное 5W-30, 4 л", "Лукойл", "Ёмкость"]);
        assert_eq!(
            words,
            [
                "30",
                "4",
                "5w",
                "5w30",
                "емкость",
                "л",
                "лукойл",
                "масло",
                "моторное"
            ]
        );
        assert_eq!(query_words(" масло  5w-30 "), ["масло", "5w30"]);
        assert_eq!(query_words("-- ,"), Vec::<String>::new());
    }

    #[test]
    fn barcodes_are_digits_with_a_valid_check_digit() {
        assert_eq!(barcode_key("4 009026 022467"), Some("4009026022467".into()));
        assert_eq!(barcode_key("40090AB"), None);
        assert!(barcode_checksum_ok("4009026022467"));
        assert!(!barcode_checksum_ok("4009026022469"));
        assert!(barcode_checksum_ok("96385074"));
        assert!(barcode_checksum_ok("1234567"));
    }
}
