//! Russian company requisites: ИНН, КПП, ОГРН/ОГРНИП, БИК and bank accounts.
//! Operators paste them from invoices and e-mails, so spaces (including the
//! no-break ones that office software inserts) are ignored. Every number but the
//! КПП carries control digits; checking them catches a mistyped digit at the
//! desk instead of on a returned payment.

use crate::domain::validation::IssueCode;

/// Weights of the single control digit of an organisation's ИНН.
const INN10_WEIGHTS: [u32; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
/// Weights of the two control digits of a person's ИНН (11th, then 12th).
const INN12_WEIGHTS_11: [u32; 10] = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
/// Weights of the bank account key, repeated over БИК part + account.
const ACCOUNT_WEIGHTS: [u32; 3] = [7, 1, 3];
const ACCOUNT_LEN: usize = 20;

/// Validates an ИНН: 10 digits for an organisation, 12 for an entrepreneur or a person.
pub fn parse_inn(input: &str) -> Result<String, IssueCode> {
    let inn = compact(input);
    let digits = digits_of(&inn)
        .filter(|d| matches!(d.len(), 10 | 12) && d.iter().any(|&x| x != 0))
        .ok_or(IssueCode::InnInvalid)?;
    if inn_controls_match(&digits) {
        Ok(inn)
    } else {
        Err(IssueCode::InnChecksum)
    }
}

/// Validates a КПП: 4 digits of the tax office, 2 reason characters (digits,
/// or Latin letters since 2019), 3 digits of the record number.
pub fn parse_kpp(input: &str) -> Result<String, IssueCode> {
    let kpp = compact(input).to_uppercase();
    let bytes = kpp.as_bytes();
    let shape_ok = bytes.len() == 9
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            4 | 5 => b.is_ascii_digit() || b.is_ascii_uppercase(),
            _ => b.is_ascii_digit(),
        });
    if shape_ok {
        Ok(kpp)
    } else {
        Err(IssueCode::KppInvalid)
    }
}

/// Validates an ОГРН (13 digits, starts with 1 or 5) or an ОГРНИП
/// (15 digits, starts with 3); the last digit is the number's remainder.
pub fn parse_ogrn(input: &str) -> Result<String, IssueCode> {
    let ogrn = compact(input);
    let digits = digits_of(&ogrn).ok_or(IssueCode::OgrnInvalid)?;
    let modulus = match (digits.len(), digits.first()) {
        (13, Some(1 | 5)) => 11,
        (15, Some(3)) => 13,
        _ => return Err(IssueCode::OgrnInvalid),
    };
    let (body, control) = digits.split_at(digits.len() - 1);
    if number_of(body) % modulus % 10 == u64::from(control[0]) {
        Ok(ogrn)
    } else {
        Err(IssueCode::OgrnChecksum)
    }
}

/// Validates a Russian БИК: 9 digits starting with 0. Banks' БИК start with 04;
/// the Treasury's (like 017003983) with 01 or 02 — state and municipal
/// clients (schools, the police garage) pay through the Treasury.
pub fn parse_bik(input: &str) -> Result<String, IssueCode> {
    let bik = compact(input);
    match digits_of(&bik) {
        Some(digits) if digits.len() == 9 && bik.starts_with('0') => Ok(bik),
        _ => Err(IssueCode::BikInvalid),
    }
}

/// Validates a расчётный счёт. The control key depends on the bank, so it is
/// checked only when the bank's БИК is known and valid; a wrong БИК is reported
/// on its own field rather than blamed on the account.
pub fn parse_settlement_account(input: &str, bik: Option<&str>) -> Result<String, IssueCode> {
    let account = account_digits(input)?;
    match valid_bik(bik) {
        Some(bik) => keyed(account, &bik[6..]),
        None => Ok(account),
    }
}

/// Validates a корреспондентский счёт: the bank's account at the Bank of
/// Russia, which always starts with 301; its key uses the БИК's 5th–6th digits.
pub fn parse_corr_account(input: &str, bik: Option<&str>) -> Result<String, IssueCode> {
    let account = account_digits(input)?;
    if !account.starts_with("301") {
        return Err(IssueCode::AccountInvalid);
    }
    match valid_bik(bik) {
        Some(bik) => keyed(account, &format!("0{}", &bik[4..6])),
        None => Ok(account),
    }
}

/// Removes every kind of whitespace, including U+00A0 from word processors.
fn compact(input: &str) -> String {
    input.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The digit values, or `None` when anything but ASCII digits is present.
fn digits_of(text: &str) -> Option<Vec<u32>> {
    text.chars().map(|c| c.to_digit(10)).collect()
}

/// At most 14 digits are passed here, which fits a `u64` with room to spare.
fn number_of(digits: &[u32]) -> u64 {
    digits
        .iter()
        .fold(0, |number, &d| number * 10 + u64::from(d))
}

/// The ИНН control digit: the weighted sum modulo 11, then modulo 10.
fn inn_control(digits: &[u32], weights: &[u32]) -> u32 {
    let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    sum % 11 % 10
}

fn inn_controls_match(d: &[u32]) -> bool {
    match d.len() {
        10 => inn_control(&d[..9], &INN10_WEIGHTS) == d[9],
        12 => {
            inn_control(&d[..10], &INN12_WEIGHTS_11) == d[10]
                && inn_control(&d[..11], &INN12_WEIGHTS_12) == d[11]
        }
        _ => false,
    }
}

fn account_digits(input: &str) -> Result<String, IssueCode> {
    let account = compact(input);
    match digits_of(&account) {
        Some(digits) if digits.len() == ACCOUNT_LEN => Ok(account),
        _ => Err(IssueCode::AccountInvalid),
    }
}

/// A bank's БИК, the only kind the account keys are defined for; Treasury
/// accounts follow other rules and are checked for their format only.
fn valid_bik(bik: Option<&str>) -> Option<String> {
    bik.and_then(|bik| parse_bik(bik).ok())
        .filter(|bik| bik.starts_with("04"))
}

/// Checks the account key: the 3-digit bank part followed by the 20 account
/// digits, weighted 7, 1, 3, …, must sum to a multiple of 10.
fn keyed(account: String, bank_part: &str) -> Result<String, IssueCode> {
    let sum: u32 = bank_part
        .chars()
        .chain(account.chars())
        .filter_map(|c| c.to_digit(10))
        .zip(ACCOUNT_WEIGHTS.iter().cycle())
        .map(|(d, w)| d * w)
        .sum();
    if sum.is_multiple_of(10) {
        Ok(account)
    } else {
        Err(IssueCode::AccountChecksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IssueCode::*;

    type Row = (&'static str, Result<&'static str, IssueCode>);

    fn check(parse: impl Fn(&str) -> Result<String, IssueCode>, rows: &[Row]) {
        for (input, expected) in rows {
            let got = parse(input);
            assert_eq!(got.as_deref().map_err(|e| *e), *expected, "input {input:?}");
        }
    }

    #[test]
    fn inn_of_organisations_and_people() {
        check(
            parse_inn,
            &[
                ("7707083893", Ok("7707083893")), // Сбербанк
                (" 7707 083 893 ", Ok("7707083893")),
                ("7707\u{a0}083\u{a0}893", Ok("7707083893")),
                ("7728168971", Ok("7728168971")), // Альфа-Банк
                ("500100732259", Ok("500100732259")),
                ("7707083894", Err(InnChecksum)),
                ("500100732250", Err(InnChecksum)),
                ("500100732269", Err(InnChecksum)),
                ("0000000000", Err(InnInvalid)),
                ("000000000000", Err(InnInvalid)),
                ("770708389", Err(InnInvalid)),
                ("77070838931", Err(InnInvalid)),
                ("7707-083-893", Err(InnInvalid)),
                ("", Err(InnInvalid)),
            ],
        );
    }

    #[test]
    fn kpp_with_digits_or_latin_letters() {
        check(
            parse_kpp,
            &[
                ("773601001", Ok("773601001")),
                ("7736 01 001", Ok("773601001")),
                ("7736ab001", Ok("7736AB001")),
                ("77360100", Err(KppInvalid)),
                ("7736010011", Err(KppInvalid)),
                ("7736АБ001", Err(KppInvalid)),
                ("A73601001", Err(KppInvalid)),
            ],
        );
    }

    #[test]
    fn ogrn_and_ogrnip() {
        check(
            parse_ogrn,
            &[
                ("1027700132195", Ok("1027700132195")),
                ("1 02 77 00 13219 5", Ok("1027700132195")),
                ("304500116000157", Ok("304500116000157")),
                ("1027700132194", Err(OgrnChecksum)),
                ("304500116000158", Err(OgrnChecksum)),
                ("2027700132195", Err(OgrnInvalid)),
                ("104500116000157", Err(OgrnInvalid)),
                ("102770013219", Err(OgrnInvalid)),
                ("1027700I32195", Err(OgrnInvalid)),
            ],
        );
    }

    #[test]
    fn bik_of_russian_banks() {
        check(
            parse_bik,
            &[
                ("044525225", Ok("044525225")),
                ("04 45 25 225", Ok("044525225")),
                ("017003983", Ok("017003983")),
                ("04452522", Err(BikInvalid)),
                ("04452522O", Err(BikInvalid)),
            ],
        );
    }

    #[test]
    fn settlement_account_keyed_by_the_bank() {
        let sber = |input: &str| parse_settlement_account(input, Some("044525225"));
        check(
            sber,
            &[
                ("40702810938000000001", Ok("40702810938000000001")),
                ("40702 810 9 3800 0000001", Ok("40702810938000000001")),
                ("40702810038000000001", Err(AccountChecksum)),
                ("4070281093800000000", Err(AccountInvalid)),
            ],
        );
        let unknown_bank = |input: &str| parse_settlement_account(input, None);
        check(
            unknown_bank,
            &[("40702810038000000001", Ok("40702810038000000001"))],
        );
        let bad_bik = |input: &str| parse_settlement_account(input, Some("12345"));
        check(
            bad_bik,
            &[("40702810038000000001", Ok("40702810038000000001"))],
        );
    }

    #[test]
    fn corr_account_keyed_by_the_bank() {
        let sber = |input: &str| parse_corr_account(input, Some("044525225"));
        check(
            sber,
            &[
                ("30101810400000000225", Ok("30101810400000000225")),
                ("30101810500000000225", Err(AccountChecksum)),
                ("40702810938000000001", Err(AccountInvalid)),
                ("3010181040000000022", Err(AccountInvalid)),
            ],
        );
        let unknown_bank = |input: &str| parse_corr_account(input, None);
        check(
            unknown_bank,
            &[("30101810500000000225", Ok("30101810500000000225"))],
        );
    }
}
