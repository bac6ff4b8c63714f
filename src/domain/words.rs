//! Numbers and amounts in Russian words (сумма прописью), as a счёт prints the
//! total: «Одна тысяча двести тридцать четыре рубля 50 копеек».
//!
//! The conventions of Russian accounting documents:
//!
//! - rubles are written in words, kopecks as two digits (`05 копеек`);
//! - the first letter is capital, the rest lower case;
//! - the unit agrees with the number: thousands and kopecks are feminine
//!   (`одна тысяча`, `две тысячи`, `21 копейка`), rubles and millions masculine
//!   (`один рубль`, `два миллиона`); the plural form follows the last two
//!   digits (`21 рубль`, `22 рубля`, `25 рублей`, but `11`–`14 рублей`);
//! - zero is «Ноль рублей 00 копеек».
//!
//! A negative amount is refused ([`NegativeAmount`]) rather than written as
//! «минус …»: a document never states a negative sum in words (a refund is
//! printed as a positive amount on its own document), so one reaching here is
//! a caller's bug that must not end up on paper.

use crate::domain::money::Money;

/// The grammatical gender a number agrees with: `один рубль`, `одна тысяча`,
/// `одно место`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Masculine,
    Feminine,
    Neuter,
}

/// The three forms a Russian noun takes after a number: for 1 (`рубль`),
/// for 2–4 (`рубля`) and for 5–20 and 0 (`рублей`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Forms {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
}

impl Forms {
    pub const fn new(one: &'static str, few: &'static str, many: &'static str) -> Forms {
        Forms { one, few, many }
    }

    /// The form that follows `n`: the last two digits decide (11–14 are
    /// always `many`), then the last one.
    pub fn of(self, n: u64) -> &'static str {
        if (11..=14).contains(&(n % 100)) {
            return self.many;
        }
        match n % 10 {
            1 => self.one,
            2..=4 => self.few,
            _ => self.many,
        }
    }
}

pub const RUBLES: Forms = Forms::new("рубль", "рубля", "рублей");
pub const KOPECKS: Forms = Forms::new("копейка", "копейки", "копеек");

/// A negative amount cannot be written out on a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a negative amount cannot be written in words")]
pub struct NegativeAmount;

/// The amount as a счёт writes it: rubles in words, kopecks in two digits,
/// first letter capital. `1 234,50` → «Одна тысяча двести тридцать четыре
/// рубля 50 копеек».
pub fn amount_in_words(amount: Money) -> Result<String, NegativeAmount> {
    let kopecks = u64::try_from(amount.kopecks()).map_err(|_| NegativeAmount)?;
    let (rubles, rest) = (kopecks / 100, kopecks % 100);
    let words = number_in_words(rubles, Gender::Masculine);
    Ok(format!(
        "{} {} {rest:02} {}",
        capitalised(&words),
        RUBLES.of(rubles),
        KOPECKS.of(rest)
    ))
}

/// `n` in lower-case Russian words agreeing with `gender` in its last
/// group: `number_in_words(2, Feminine)` is «две», `2 001` masculine is «две
/// тысячи один». Zero is «ноль».
pub fn number_in_words(n: u64, gender: Gender) -> String {
    if n == 0 {
        return "ноль".to_owned();
    }
    let mut words: Vec<&'static str> = Vec::new();
    for (power, scale) in SCALES.iter().enumerate().rev() {
        let group = n / 1000_u64.pow(power as u32) % 1000;
        if group == 0 {
            continue;
        }
        let group_gender = scale.as_ref().map_or(gender, |s| s.gender);
        push_group(group, group_gender, &mut words);
        if let Some(scale) = scale {
            words.push(scale.forms.of(group));
        }
    }
    words.join(" ")
}

/// A power of a thousand and how it is named.
struct Scale {
    forms: Forms,
    gender: Gender,
}

/// Index = the power of a thousand; the units (power 0) take the caller's gender.
/// `u64` ends in the quintillions (18 446 744 073 709 551 615).
const SCALES: [Option<Scale>; 7] = [
    None,
    Some(Scale {
        forms: Forms::new("тысяча", "тысячи", "тысяч"),
        gender: Gender::Feminine,
    }),
    Some(Scale {
        forms: Forms::new("миллион", "миллиона", "миллионов"),
        gender: Gender::Masculine,
    }),
    Some(Scale {
        forms: Forms::new("миллиард", "миллиарда", "миллиардов"),
        gender: Gender::Masculine,
    }),
    Some(Scale {
        forms: Forms::new("триллион", "триллиона", "триллионов"),
        gender: Gender::Masculine,
    }),
    Some(Scale {
        forms: Forms::new("квадриллион", "квадриллиона", "квадриллионов"),
        gender: Gender::Masculine,
    }),
    Some(Scale {
        forms: Forms::new("квинтиллион", "квинтиллиона", "квинтиллионов"),
        gender: Gender::Masculine,
    }),
];

const HUNDREDS: [&str; 10] = [
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
];

const TENS: [&str; 10] = [
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
];

const TEENS: [&str; 10] = [
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
];

const UNITS: [&str; 10] = [
    "",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
];

/// Words of a group of three digits (1..=999).
fn push_group(group: u64, gender: Gender, words: &mut Vec<&'static str>) {
    let (hundreds, tens, units) = (group / 100, group / 10 % 10, group % 10);
    words.push(HUNDREDS[hundreds as usize]);
    if tens == 1 {
        words.push(TEENS[units as usize]);
    } else {
        words.push(TENS[tens as usize]);
        words.push(unit_word(units, gender));
    }
    words.retain(|word| !word.is_empty());
}

/// Only one and two change with gender: один/одна/одно, два/две/два.
fn unit_word(digit: u64, gender: Gender) -> &'static str {
    match (digit, gender) {
        (1, Gender::Feminine) => "одна",
        (1, Gender::Neuter) => "одно",
        (2, Gender::Feminine) => "две",
        _ => UNITS[digit as usize],
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_number(n: u64, gender: Gender, expected: &str) {
        assert_eq!(number_in_words(n, gender), expected, "{n} {gender:?}");
    }

    fn check_amount(kopecks: i64, expected: &str) {
        assert_eq!(
            amount_in_words(Money::from_kopecks(kopecks)).as_deref(),
            Ok(expected),
            "{kopecks} kopecks"
        );
    }

    #[test]
    fn numbers_in_words() {
        use Gender::*;
        let table: &[(u64, Gender, &str)] = &[
            (0, Masculine, "ноль"),
            (1, Masculine, "один"),
            (1, Feminine, "одна"),
            (1, Neuter, "одно"),
            (2, Masculine, "два"),
            (2, Feminine, "две"),
            (2, Neuter, "два"),
            (5, Masculine, "пять"),
            (10, Masculine, "десять"),
            (11, Masculine, "одиннадцать"),
            (11, Feminine, "одиннадцать"),
            (12, Feminine, "двенадцать"),
            (14, Masculine, "четырнадцать"),
            (19, Masculine, "девятнадцать"),
            (20, Masculine, "двадцать"),
            (21, Masculine, "двадцать один"),
            (21, Feminine, "двадцать одна"),
            (22, Feminine, "двадцать две"),
            (40, Masculine, "сорок"),
            (99, Masculine, "девяносто девять"),
            (100, Masculine, "сто"),
            (101, Masculine, "сто один"),
            (110, Masculine, "сто десять"),
            (111, Masculine, "сто одиннадцать"),
            (112, Feminine, "сто двенадцать"),
            (200, Masculine, "двести"),
            (999, Masculine, "девятьсот девяносто девять"),
            (1_000, Masculine, "одна тысяча"),
            (1_001, Masculine, "одна тысяча один"),
            (2_000, Masculine, "две тысячи"),
            (2_002, Feminine, "две тысячи две"),
            (4_000, Masculine, "четыре тысячи"),
            (5_000, Masculine, "пять тысяч"),
            (11_000, Masculine, "одиннадцать тысяч"),
            (12_000, Masculine, "двенадцать тысяч"),
            (14_000, Masculine, "четырнадцать тысяч"),
            (21_000, Masculine, "двадцать одна тысяча"),
            (22_000, Masculine, "двадцать две тысячи"),
            (25_000, Masculine, "двадцать пять тысяч"),
            (100_000, Masculine, "сто тысяч"),
            (111_111, Masculine, "сто одиннадцать тысяч сто одиннадцать"),
            (1_000_000, Masculine, "один миллион"),
            (1_000_000, Feminine, "один миллион"),
            (2_000_000, Masculine, "два миллиона"),
            (2_000_001, Masculine, "два миллиона один"),
            (2_000_001, Feminine, "два миллиона одна"),
            (5_000_000, Masculine, "пять миллионов"),
            (11_000_000, Masculine, "одиннадцать миллионов"),
            (21_001_000, Masculine, "двадцать один миллион одна тысяча"),
            (1_000_000_000, Masculine, "один миллиард"),
            (3_000_000_000, Masculine, "три миллиарда"),
            (
                1_234_567_890,
                Masculine,
                "один миллиард двести тридцать четыре миллиона пятьсот шестьдесят семь тысяч восемьсот девяносто",
            ),
            (1_000_000_000_000, Masculine, "один триллион"),
            (
                u64::MAX,
                Masculine,
                "восемнадцать квинтиллионов четыреста сорок шесть квадриллионов семьсот сорок четыре триллиона семьдесят три миллиарда семьсот девять миллионов пятьсот пятьдесят одна тысяча шестьсот пятнадцать",
            ),
        ];
        for &(n, gender, expected) in table {
            check_number(n, gender, expected);
        }
    }

    #[test]
    fn amounts_in_words_as_on_an_invoice() {
        let table: &[(i64, &str)] = &[
            (0, "Ноль рублей 00 копеек"),
            (1, "Ноль рублей 01 копейка"),
            (2, "Ноль рублей 02 копейки"),
            (5, "Ноль рублей 05 копеек"),
            (11, "Ноль рублей 11 копеек"),
            (12, "Ноль рублей 12 копеек"),
            (21, "Ноль рублей 21 копейка"),
            (22, "Ноль рублей 22 копейки"),
            (99, "Ноль рублей 99 копеек"),
            (100, "Один рубль 00 копеек"),
            (200, "Два рубля 00 копеек"),
            (500, "Пять рублей 00 копеек"),
            (1_100, "Одиннадцать рублей 00 копеек"),
            (1_200, "Двенадцать рублей 00 копеек"),
            (1_900, "Девятнадцать рублей 00 копеек"),
            (2_100, "Двадцать один рубль 00 копеек"),
            (2_201, "Двадцать два рубля 01 копейка"),
            (10_100, "Сто один рубль 00 копеек"),
            (11_100, "Сто одиннадцать рублей 00 копеек"),
            (100_000, "Одна тысяча рублей 00 копеек"),
            (200_000, "Две тысячи рублей 00 копеек"),
            (500_000, "Пять тысяч рублей 00 копеек"),
            (2_100_000, "Двадцать одна тысяча рублей 00 копеек"),
            (
                123_450,
                "Одна тысяча двести тридцать четыре рубля 50 копеек",
            ),
            (100_000_000, "Один миллион рублей 00 копеек"),
            (200_000_105, "Два миллиона один рубль 05 копеек"),
            (
                123_456_789_012,
                "Один миллиард двести тридцать четыре миллиона пятьсот шестьдесят семь тысяч восемьсот девяносто рублей 12 копеек",
            ),
            (
                i64::MAX,
                "Девяносто два квадриллиона двести тридцать три триллиона семьсот двадцать миллиардов триста шестьдесят восемь миллионов пятьсот сорок семь тысяч семьсот пятьдесят восемь рублей 07 копеек",
            ),
        ];
        for &(kopecks, expected) in table {
            check_amount(kopecks, expected);
        }
    }

    #[test]
    fn negative_amounts_are_refused() {
        for kopecks in [-1, -100, i64::MIN] {
            assert_eq!(
                amount_in_words(Money::from_kopecks(kopecks)),
                Err(NegativeAmount)
            );
        }
    }

    #[test]
    fn plural_forms_follow_the_last_two_digits() {
        let table: &[(u64, &str)] = &[
            (0, "рублей"),
            (1, "рубль"),
            (2, "рубля"),
            (4, "рубля"),
            (5, "рублей"),
            (11, "рублей"),
            (12, "рублей"),
            (14, "рублей"),
            (21, "рубль"),
            (101, "рубль"),
            (111, "рублей"),
            (112, "рублей"),
            (1_001, "рубль"),
            (1_000_000, "рублей"),
        ];
        for &(n, expected) in table {
            assert_eq!(RUBLES.of(n), expected, "{n}");
        }
    }
}
