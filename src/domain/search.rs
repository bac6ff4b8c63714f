//! Search. SQLite folds ASCII case only and cannot look inside a string through
//! an index, so the core turns every client and car into *search terms*, folded
//! here in Rust (Cyrillic lower case, `ё` as `е`, plates in Cyrillic, phones as
//! digits), and a query into prefixes of those terms. A fragment in the middle
//! of a phone, a plate or a VIN is a prefix of one of its stored suffixes, so
//! every lookup is a range scan of one index.

use crate::domain::client::{MatchedBy, ValidClient};
use crate::domain::phone::Phone;
use crate::domain::plate::fold_plate_query;
use crate::domain::vehicle::ValidVehicle;

/// Lower case with `ё` folded to `е`, words separated by single spaces.
pub fn fold(text: &str) -> String {
    text.split_whitespace()
        .map(|word| word.to_lowercase().replace('ё', "е"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Weights: a lower weight ranks first. An exact identifier beats a name,
/// a name beats a fragment of an identifier, which beats contacts and tags.
const EXACT_ID: u8 = 0;
const NAME: u8 = 1;
const ID_FRAGMENT: u8 = 2;
const OTHER: u8 = 3;

/// Shortest phone/plate tail worth a term: "last 4 digits" is how people ask.
const MIN_PHONE_TAIL: usize = 4;
const VIN_TAILS: std::ops::RangeInclusive<usize> = 4..=8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerm {
    pub term: String,
    pub weight: u8,
    pub matched_by: MatchedBy,
}

/// Collects terms, keeping each term once with its best weight.
#[derive(Debug, Default)]
pub struct Terms(Vec<SearchTerm>);

impl Terms {
    fn add(&mut self, term: &str, weight: u8, matched_by: MatchedBy) {
        if term.is_empty() {
            return;
        }
        if let Some(known) = self.0.iter_mut().find(|t| t.term == term) {
            if weight < known.weight {
                known.weight = weight;
                known.matched_by = matched_by;
            }
            return;
        }
        self.0.push(SearchTerm {
            term: term.to_owned(),
            weight,
            matched_by,
        });
    }

    fn words(&mut self, text: &str, weight: u8, matched_by: MatchedBy) {
        for word in fold(text).split(' ') {
            self.add(trim_word(word), weight, matched_by);
        }
    }

    fn phone(&mut self, phone: &Phone) {
        let digits = phone.digits();
        self.add(digits, EXACT_ID, MatchedBy::Phone);
        if let Some(trunk) = phone.trunk_form() {
            self.add(&trunk, EXACT_ID, MatchedBy::Phone);
            // The national number without the country code is a whole number too.
            self.add(&digits[1..], EXACT_ID, MatchedBy::Phone);
        }
        for start in 1..=digits.len().saturating_sub(MIN_PHONE_TAIL) {
            self.add(&digits[start..], ID_FRAGMENT, MatchedBy::Phone);
        }
    }

    pub fn into_vec(self) -> Vec<SearchTerm> {
        self.0
    }
}

/// Patronymics are stored behind a mark. «Иванов» would otherwise also start
/// every «Иванович» and «Ивановна» — on a big base that is ten times more
/// matches, all of them to rank — while nobody looks a client up by the
/// patronymic alone. A patronymic still narrows a search after a surname or
/// a name (see [`QueryWord::with_patronymic`]).
pub const PATRONYMIC_MARK: char = '\u{1}';

fn patronymic_term(word: &str) -> String {
    if word.is_empty() {
        String::new()
    } else {
        format!("{PATRONYMIC_MARK}{word}")
    }
}

fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| ",;:\"'«»“”()!?.".contains(c))
}

pub fn client_terms(client: &ValidClient) -> Vec<SearchTerm> {
    let mut terms = Terms::default();
    terms.words(
        &format!("{} {}", client.surname, client.name),
        NAME,
        MatchedBy::Name,
    );
    for word in fold(&client.patronymic).split(' ') {
        terms.add(&patronymic_term(trim_word(word)), NAME, MatchedBy::Name);
    }
    terms.words(
        &format!("{} {}", client.company.short_name, client.company.full_name),
        NAME,
        MatchedBy::Name,
    );
    terms.add(&client.company.inn, EXACT_ID, MatchedBy::Inn);
    terms.add(&client.company.ogrn, EXACT_ID, MatchedBy::Inn);
    for phone in &client.phones {
        terms.phone(&phone.number);
    }
    for contact in &client.contacts {
        terms.words(&contact.name, OTHER, MatchedBy::Contact);
        if let Some(phone) = &contact.phone {
            terms.phone(phone);
        }
    }
    if let Some(email) = &client.email {
        terms.add(&fold(email.as_str()), OTHER, MatchedBy::Email);
    }
    for tag in &client.tags {
        terms.words(tag, OTHER, MatchedBy::Tag);
    }
    terms.into_vec()
}

pub fn vehicle_terms(vehicle: &ValidVehicle) -> Vec<SearchTerm> {
    let mut terms = Terms::default();
    if let Some(plate) = &vehicle.plate {
        let folded = plate.as_str().to_lowercase();
        terms.add(&folded, EXACT_ID, MatchedBy::Plate);
        // "123вс77" and "вс77": people start typing a plate at its digits or letters.
        for (start, _) in folded.char_indices().skip(1) {
            let tail = &folded[start..];
            if tail.chars().count() >= 3 && starts_a_group(&folded, start) {
                terms.add(tail, ID_FRAGMENT, MatchedBy::Plate);
            }
        }
    }
    if let Some(vin) = &vehicle.vin {
        let folded = vin.as_str().to_lowercase();
        terms.add(&folded, EXACT_ID, MatchedBy::Vin);
        for len in VIN_TAILS {
            terms.add(&folded[folded.len() - len..], ID_FRAGMENT, MatchedBy::Vin);
        }
    }
    terms.into_vec()
}

/// Whether a plate's character at `start` begins a run of digits or of letters.
fn starts_a_group(plate: &str, start: usize) -> bool {
    let before = plate[..start].chars().next_back();
    let here = plate[start..].chars().next();
    match (before, here) {
        (Some(b), Some(h)) => b.is_ascii_digit() != h.is_ascii_digit(),
        _ => false,
    }
}

/// The characters a folded name is sorted by, in code-point order (the order
/// SQLite compares text in); anything else sorts with the nearest one below.
const SORT_ALPHABET: &str =
    " 0123456789abcdefghijklmnopqrstuvwxyz«»абвгдежзийклмнопрстуфхцчшщъыьэюя";
/// Characters packed into one sort key: 7 bits each fill an i64.
const KEY_CHARS: usize = 9;

/// The first 18 characters of a folded name as two integers whose order is
/// the names' order. Search terms carry them, so a page of hits is ranked
/// and sorted by name without reading a single client row.
pub fn name_sort_keys(folded_name: &str) -> (i64, i64) {
    let codes: Vec<i64> = folded_name
        .chars()
        .take(2 * KEY_CHARS)
        .map(sort_code)
        .collect();
    let pack = |part: &[i64]| {
        (0..KEY_CHARS).fold(0i64, |key, i| {
            (key << 7) | part.get(i).copied().unwrap_or(0)
        })
    };
    let (first, second) = codes.split_at(codes.len().min(KEY_CHARS));
    (pack(first), pack(second))
}

fn sort_code(c: char) -> i64 {
    SORT_ALPHABET
        .chars()
        .take_while(|known| *known <= c)
        .count() as i64
}

/// A word of a query: it matches a term that starts with any of its spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord(pub Vec<String>);

impl QueryWord {
    /// The spellings of a word that follows another: it may also be a patronymic.
    pub fn with_patronymic(&self) -> Vec<String> {
        let mut all = self.0.clone();
        all.extend(self.0.iter().map(|s| patronymic_term(s)));
        all
    }
}

/// A way to read a query: every word must match a term of the same client.
pub type QueryPlan = Vec<QueryWord>;

/// What the operator typed, as the plans the database tries. No plans: list all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub plans: Vec<QueryPlan>,
}

impl SearchQuery {
    pub fn parse(input: &str) -> SearchQuery {
        if looks_like_phone(input) {
            let digits: String = input.chars().filter(char::is_ascii_digit).collect();
            return SearchQuery {
                plans: vec![vec![QueryWord(vec![digits])]],
            };
        }
        let folded = fold(input);
        let tokens: Vec<&str> = folded
            .split(' ')
            .map(trim_word)
            .filter(|t| !t.is_empty())
            .collect();
        let compact: String = tokens.concat();
        let mut plans = Vec::new();
        if compact.is_empty() {
            return SearchQuery { plans };
        }
        let has_digit = compact.chars().any(|c| c.is_ascii_digit());
        // "а 123 вс 77" and "912 345 67 89" are one plate and one phone typed
        // with spaces: read them whole, and skip the costly word-by-word plan.
        let spaced_identifier = has_digit && tokens.iter().all(|t| t.chars().count() <= 4);
        if tokens.len() == 1 || !spaced_identifier {
            plans.push(tokens.iter().map(|t| spellings(t)).collect());
        }
        if tokens.len() > 1 && has_digit {
            plans.push(vec![spellings(&compact)]);
        }
        SearchQuery { plans }
    }

    pub fn is_all(&self) -> bool {
        self.plans.is_empty()
    }
}

fn looks_like_phone(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().\u{a0}".contains(c))
}

/// A typed word and the other way it may be stored: a plate in Cyrillic.
fn spellings(token: &str) -> QueryWord {
    let mut all = vec![token.to_owned()];
    if token.chars().any(|c| c.is_ascii_digit()) {
        let plate = fold_plate_query(token);
        if !plate.is_empty() && plate != token {
            all.push(plate);
        }
    }
    QueryWord(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(words: &[&[&str]]) -> QueryPlan {
        words
            .iter()
            .map(|w| QueryWord(w.iter().map(|s| (*s).to_owned()).collect()))
            .collect()
    }

    #[test]
    fn sort_keys_keep_the_order_of_names() {
        let mut names = vec![
            "иванова анна",
            "иванов петр",
            "иванов александр сергеевич",
            "иванов александр петрович",
            "smith john",
            "ооо «ромашка»",
            "абрамов",
            "иванов",
        ];
        let mut by_keys = names.clone();
        by_keys.sort_by_key(|n| name_sort_keys(n));
        names.sort();
        // Names equal in their first 18 characters may come in any order.
        let cut = |v: &Vec<&str>| {
            v.iter()
                .map(|n| n.chars().take(18).collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(cut(&by_keys), cut(&names));
        assert!(name_sort_keys("яяяяяяяяяяяяяяяяяя").0 > 0);
    }

    #[test]
    fn folds_cyrillic_case_and_yo() {
        assert_eq!(fold("  Семёнов   ПЁТР "), "семенов петр");
        assert_eq!(fold("ALEXEY"), "alexey");
    }

    #[test]
    fn reads_queries() {
        let cases: Vec<(&str, Vec<QueryPlan>)> = vec![
            ("", vec![]),
            ("  «» ", vec![]),
            ("Семёнов", vec![plan(&[&["семенов"]])]),
            ("Иванов, Пётр", vec![plan(&[&["иванов"], &["петр"]])]),
            ("6789", vec![plan(&[&["6789"]])]),
            ("+7 (912) 345-67", vec![plan(&[&["791234567"]])]),
            ("a123bc", vec![plan(&[&["a123bc", "а123вс"]])]),
            ("а 123 вс 77", vec![plan(&[&["а123вс77"]])]),
            (
                "иванов 912",
                vec![plan(&[&["иванов"], &["912"]]), plan(&[&["иванов912"]])],
            ),
        ];
        for (input, plans) in cases {
            assert_eq!(SearchQuery::parse(input).plans, plans, "input {input:?}");
        }
    }

    #[test]
    fn phone_terms_hold_both_forms_and_tails() -> Result<(), crate::domain::phone::PhoneInvalid> {
        let mut terms = Terms::default();
        terms.phone(&Phone::parse("+7 912 345 67 89")?);
        let exact: Vec<String> = terms
            .0
            .iter()
            .filter(|t| t.weight == EXACT_ID)
            .map(|t| t.term.clone())
            .collect();
        assert_eq!(exact, ["79123456789", "89123456789", "9123456789"]);
        assert!(terms.0.iter().any(|t| t.term == "6789"));
        assert!(!terms.0.iter().any(|t| t.term == "789"));
        Ok(())
    }
}
