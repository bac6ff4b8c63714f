//! Every validator against real-world good and bad input, as operators type or
//! paste it: one table per validator, each row an input and either the
//! normalised value or the issue code the form would show.

use remzona::domain::email::Email;
use remzona::domain::phone::Phone;
use remzona::domain::plate::{Plate, fold_plate_query};
use remzona::domain::requisites::{
    parse_bik, parse_corr_account, parse_inn, parse_kpp, parse_ogrn, parse_settlement_account,
};
use remzona::domain::validation::IssueCode::{self, *};
use remzona::domain::vin::{Vin, check_digit};

type Expect = Result<&'static str, IssueCode>;

/// Runs one table through a parser that yields the normalised text.
fn check<T>(
    rows: &[(&str, Expect)],
    parse: impl Fn(&str) -> Result<T, IssueCode>,
    text: impl Fn(&T) -> &str,
) {
    for (input, expected) in rows {
        let got = parse(input);
        assert_eq!(
            got.as_ref().map(&text).map_err(|e| *e),
            *expected,
            "input {input:?}"
        );
    }
}

fn check_strings(rows: &[(&str, Expect)], parse: fn(&str) -> Result<String, IssueCode>) {
    check(rows, parse, String::as_str);
}

/// Sber's БИК and the БИК of banks whose own accounts appear below.
const SBER_BIK: &str = "044525225";
const ALFA_BIK: &str = "044525593";
const TBANK_BIK: &str = "044525974";
const VTB_BIK: &str = "044525187";
const SBER_SPB_BIK: &str = "044030653";

const INN: &[(&str, Expect)] = &[
    ("7707083893", Ok("7707083893")), // ПАО Сбербанк
    (" 7707 083 893 ", Ok("7707083893")),
    ("7707\u{a0}083\u{a0}893", Ok("7707083893")),
    ("7728168971", Ok("7728168971")), // АО «Альфа-Банк»
    ("7702070139", Ok("7702070139")), // Банк ВТБ (ПАО)
    ("7710140679", Ok("7710140679")), // АО «ТБанк»
    ("7736050003", Ok("7736050003")), // ПАО «Газпром»
    ("7707049388", Ok("7707049388")), // ПАО «Ростелеком»
    ("500100732259", Ok("500100732259")),
    ("5001 0073 2259", Ok("500100732259")),
    ("774301390267", Ok("774301390267")),
    ("7707083894", Err(InnChecksum)),
    ("7707083839", Err(InnChecksum)),
    ("1234567890", Err(InnChecksum)),
    ("500100732258", Err(InnChecksum)),
    ("500100732269", Err(InnChecksum)),
    ("123456789012", Err(InnChecksum)),
    ("0000000000", Err(InnInvalid)),
    ("770708389", Err(InnInvalid)),
    ("77070838931", Err(InnInvalid)),
    ("7707O83893", Err(InnInvalid)),
    ("7707-083-893", Err(InnInvalid)),
    ("ИНН 7707083893", Err(InnInvalid)),
    ("", Err(InnInvalid)),
];

const KPP: &[(&str, Expect)] = &[
    ("773601001", Ok("773601001")), // ПАО Сбербанк
    ("7736 01 001", Ok("773601001")),
    ("770201001", Ok("770201001")),
    ("7736ab001", Ok("7736AB001")),
    ("77360100", Err(KppInvalid)),
    ("7736010011", Err(KppInvalid)),
    ("7736АБ001", Err(KppInvalid)),
    ("7736-01-001", Err(KppInvalid)),
    ("", Err(KppInvalid)),
];

const OGRN: &[(&str, Expect)] = &[
    ("1027700132195", Ok("1027700132195")), // ПАО Сбербанк
    ("1027739609391", Ok("1027739609391")), // Банк ВТБ (ПАО)
    ("1027700067328", Ok("1027700067328")), // АО «Альфа-Банк»
    ("1 02 77 00 13219 5", Ok("1027700132195")),
    ("304500116000157", Ok("304500116000157")),
    ("318774600034811", Ok("318774600034811")),
    ("1027700132194", Err(OgrnChecksum)),
    ("304500116000158", Err(OgrnChecksum)),
    ("2027700132195", Err(OgrnInvalid)),
    ("404500116000157", Err(OgrnInvalid)),
    ("102770013219", Err(OgrnInvalid)),
    ("10277001321950", Err(OgrnInvalid)),
    ("1027700I32195", Err(OgrnInvalid)),
];

const BIK: &[(&str, Expect)] = &[
    (SBER_BIK, Ok("044525225")),
    (TBANK_BIK, Ok("044525974")),
    ("04 45 25 593", Ok("044525593")),
    ("017003983", Ok("017003983")), // the Treasury's БИК: state clients pay through it
    ("04452522", Err(BikInvalid)),
    ("0445252250", Err(BikInvalid)),
    ("O44525225", Err(BikInvalid)),
];

/// `(БИК, account, expected)`: the key of an account depends on its bank.
type AccountRow = (Option<&'static str>, &'static str, Expect);

const SETTLEMENT_ACCOUNT: &[AccountRow] = &[
    (
        Some(SBER_BIK),
        "40702810938000000001",
        Ok("40702810938000000001"),
    ),
    (
        Some(SBER_BIK),
        "40702 810 9 3800 0012345",
        Ok("40702810938000012345"),
    ),
    (
        Some(ALFA_BIK),
        "40702810801850000001",
        Ok("40702810801850000001"),
    ),
    (
        Some(TBANK_BIK),
        "40702810610000000001",
        Ok("40702810610000000001"),
    ),
    (
        Some(VTB_BIK),
        "40702810700000000001",
        Ok("40702810700000000001"),
    ),
    (
        Some(SBER_SPB_BIK),
        "40817810255000000001",
        Ok("40817810255000000001"),
    ),
    (None, "40702810038000000001", Ok("40702810038000000001")),
    (
        Some("12345"),
        "40702810038000000001",
        Ok("40702810038000000001"),
    ),
    (Some(SBER_BIK), "40702810038000000001", Err(AccountChecksum)),
    (Some(SBER_BIK), "40702810938000000010", Err(AccountChecksum)),
    (Some(ALFA_BIK), "40702810938000000001", Err(AccountChecksum)),
    (Some(SBER_BIK), "4070281093800000000", Err(AccountInvalid)),
    (Some(SBER_BIK), "407028109380000000011", Err(AccountInvalid)),
    (None, "40702-810-9-38000000001", Err(AccountInvalid)),
    (None, "4O702810938000000001", Err(AccountInvalid)),
    (None, "", Err(AccountInvalid)),
];

const CORR_ACCOUNT: &[AccountRow] = &[
    (
        Some(SBER_BIK),
        "30101810400000000225",
        Ok("30101810400000000225"),
    ),
    (
        Some(SBER_BIK),
        "3010 1810 4000 0000 0225",
        Ok("30101810400000000225"),
    ),
    (
        Some(ALFA_BIK),
        "30101810200000000593",
        Ok("30101810200000000593"),
    ),
    (
        Some(TBANK_BIK),
        "30101810145250000974",
        Ok("30101810145250000974"),
    ),
    (
        Some(VTB_BIK),
        "30101810700000000187",
        Ok("30101810700000000187"),
    ),
    (
        Some(SBER_SPB_BIK),
        "30101810500000000653",
        Ok("30101810500000000653"),
    ),
    (None, "30101810400000000226", Ok("30101810400000000226")),
    (Some(SBER_BIK), "30101810400000000226", Err(AccountChecksum)),
    (Some(SBER_BIK), "30101810500000000653", Err(AccountChecksum)),
    (
        Some(SBER_SPB_BIK),
        "30101810400000000225",
        Err(AccountChecksum),
    ),
    (Some(SBER_BIK), "40702810938000000001", Err(AccountInvalid)),
    (Some(SBER_BIK), "3010181040000000022", Err(AccountInvalid)),
    (None, "30101-810-4-00000000225", Err(AccountInvalid)),
    (None, "301018104000000002250", Err(AccountInvalid)),
    (Some(SBER_BIK), "З0101810400000000225", Err(AccountInvalid)), // Cyrillic З for 3
];

const VIN: &[(&str, Expect)] = &[
    ("1M8GDM9AXKP042788", Ok("1M8GDM9AXKP042788")),
    ("1m8gdm9axkp042788", Ok("1M8GDM9AXKP042788")),
    ("1HGCM82633A004352", Ok("1HGCM82633A004352")),
    ("JHMCM56557C404453", Ok("JHMCM56557C404453")),
    ("XTA210740Y1234567", Ok("XTA210740Y1234567")),
    (" XTA 21074 0Y1234567 ", Ok("XTA210740Y1234567")),
    ("XTA-210740-Y1234567", Ok("XTA210740Y1234567")),
    ("ХТА210740У1234567", Ok("XTA210740Y1234567")),
    ("хта210740у1234567", Ok("XTA210740Y1234567")),
    ("WVWZZZ1JZXW000001", Ok("WVWZZZ1JZXW000001")),
    ("Z94CB41AAER123456", Ok("Z94CB41AAER123456")),
    ("", Err(VinInvalid)),
    ("1M8GDM9AXKP04278", Err(VinInvalid)),
    ("1M8GDM9AXKP0427888", Err(VinInvalid)),
    ("VIN 1M8GDM9AXKP042788", Err(VinInvalid)),
    ("1M8GDM9AXKP04278*", Err(VinInvalid)),
    ("ЖTA210740Y1234567", Err(VinInvalid)),
    ("IM8GDM9AXKP042788", Err(VinForbiddenLetter)),
    ("1M8GDM9AXKP04278O", Err(VinForbiddenLetter)),
    ("ХТА210740У123456О", Err(VinForbiddenLetter)),
    ("1M8GDM9AXKQ042788", Err(VinForbiddenLetter)),
];

/// `(VIN, does its 9th character match the North-American check digit)`.
const VIN_CHECK_DIGIT: &[(&str, bool)] = &[
    ("1M8GDM9AXKP042788", true),
    ("1HGCM82633A004352", true),
    ("JHMCM56557C404453", true),
    ("1M8GDM9A1KP042788", false),
    ("XTA210740Y1234567", false),
    ("WVWZZZ1JZXW000001", false),
];

const PLATE: &[(&str, Expect)] = &[
    ("А123ВС77", Ok("А123ВС77")),
    ("a123bc77", Ok("А123ВС77")),
    ("а 123 вс 77", Ok("А123ВС77")),
    ("A 123 BC 77", Ok("А123ВС77")),
    ("а123Bс77", Ok("А123ВС77")),
    ("а-123-вс-77", Ok("А123ВС77")),
    ("х777хх777", Ok("Х777ХХ777")),
    ("ам 123 77", Ok("АМ12377")),
    ("ат 1234 50", Ok("АТ123450")),
    ("1234 ав 77", Ok("1234АВ77")),
    ("123ABZ02", Ok("123АВZ02")),
    ("", Err(PlateInvalid)),
    ("А12", Err(PlateInvalid)),
    ("АВСЕКМ", Err(PlateInvalid)),
    ("Б123ВС77", Err(PlateInvalid)),
    ("А123ЖЗ77", Err(PlateInvalid)),
    ("Ё123ВС77", Err(PlateInvalid)),
    ("А123ВС/77", Err(PlateInvalid)),
    ("А123ВС77 01234", Err(PlateInvalid)),
    ("А123ВС77 RUS!", Err(PlateInvalid)),
];

/// `(plate, how it is printed, is it one of the Russian formats)`.
const PLATE_DISPLAY: &[(&str, &str, bool)] = &[
    ("a123bc77", "А 123 ВС 77", true),
    ("А123ВС777", "А 123 ВС 777", true),
    ("АМ12377", "АМ12377", true),
    ("АТ1234750", "АТ1234750", true),
    ("1234АВ77", "1234АВ77", true),
    ("123ABZ02", "123АВZ02", false),
    ("А123ВС7777", "А123ВС7777", false),
];

const PHONE: &[(&str, Expect)] = &[
    ("8 (912) 345-67-89", Ok("+79123456789")),
    ("+7 912 3456789", Ok("+79123456789")),
    ("9123456789", Ok("+79123456789")),
    ("89123456789", Ok("+79123456789")),
    ("+7(912)345-67-89", Ok("+79123456789")),
    ("8.912.345.67.89", Ok("+79123456789")),
    ("+7 912 345\u{2013}67\u{2013}89", Ok("+79123456789")),
    ("8 (495) 123-45-67", Ok("+74951234567")),
    ("8\u{a0}812\u{a0}123-45-67", Ok("+78121234567")),
    ("+7 727 123 4567", Ok("+77271234567")),
    ("+375 29 123-45-67", Ok("+375291234567")),
    ("", Err(PhoneInvalid)),
    ("12345", Err(PhoneInvalid)),
    ("912345678", Err(PhoneInvalid)),
    ("891234567890", Err(PhoneInvalid)),
    ("+7 012 345 67 89", Err(PhoneInvalid)),
    ("1123456789", Err(PhoneInvalid)),
    ("8 912 345 67 8a", Err(PhoneInvalid)),
    ("++79123456789", Err(PhoneInvalid)),
    ("+1234567", Err(PhoneInvalid)),
    ("тел. 89123456789", Err(PhoneInvalid)),
];

const EMAIL: &[(&str, Expect)] = &[
    ("ivanov@mail.ru", Ok("ivanov@mail.ru")),
    (
        "  Ivan.Petrov+cars@Yandex.RU ",
        Ok("Ivan.Petrov+cars@yandex.ru"),
    ),
    ("info@автосервис.рф", Ok("info@автосервис.рф")),
    ("shop@xn--80aswg.xn--p1ai", Ok("shop@xn--80aswg.xn--p1ai")),
    ("ivanov@mail", Err(EmailInvalid)),
    ("ivanov@@mail.ru", Err(EmailInvalid)),
    ("ivanov mail.ru", Err(EmailInvalid)),
    ("ivanov@mail..ru", Err(EmailInvalid)),
    ("ivanov,petrov@mail.ru", Err(EmailInvalid)),
];

#[test]
fn inn() {
    check_strings(INN, parse_inn);
}

#[test]
fn kpp() {
    check_strings(KPP, parse_kpp);
}

#[test]
fn ogrn() {
    check_strings(OGRN, parse_ogrn);
}

#[test]
fn bik() {
    check_strings(BIK, parse_bik);
}

fn check_accounts(rows: &[AccountRow], parse: fn(&str, Option<&str>) -> Result<String, IssueCode>) {
    for (bik, input, expected) in rows {
        let got = parse(input, *bik);
        assert_eq!(
            got.as_deref().map_err(|e| *e),
            *expected,
            "input {input:?}, БИК {bik:?}"
        );
    }
}

#[test]
fn settlement_account() {
    check_accounts(SETTLEMENT_ACCOUNT, parse_settlement_account);
}

#[test]
fn corr_account() {
    check_accounts(CORR_ACCOUNT, parse_corr_account);
}

#[test]
fn vin() {
    check(VIN, Vin::parse, Vin::as_str);
}

#[test]
fn vin_check_digit() {
    for (input, matches) in VIN_CHECK_DIGIT {
        let vin = Vin::parse(input).expect("a valid VIN");
        assert_eq!(vin.check_digit_matches(), *matches, "input {input:?}");
        assert_eq!(vin.as_str().chars().nth(8) == check_digit(input), *matches);
    }
}

#[test]
fn plate() {
    check(PLATE, Plate::parse, Plate::as_str);
}

#[test]
fn plate_display_and_format() {
    for (input, display, russian) in PLATE_DISPLAY {
        let plate = Plate::parse(input).expect("a valid plate");
        assert_eq!(plate.display(), *display, "input {input:?}");
        assert_eq!(plate.is_russian_format(), *russian, "input {input:?}");
    }
}

#[test]
fn plate_search_folds_like_the_stored_plate() {
    let plate = Plate::parse("a 123 bc 77").expect("a valid plate");
    let key = plate.as_str().to_lowercase();
    for query in ["A123", "а123вс", "123 BC", "bc-77", "А123ВС77"] {
        assert!(key.contains(&fold_plate_query(query)), "query {query:?}");
    }
}

#[test]
fn phone() {
    let parse = |input: &str| Phone::parse(input).map_err(|_| PhoneInvalid);
    check(PHONE, parse, Phone::as_e164);
}

#[test]
fn email() {
    let parse = |input: &str| Email::parse(input).map_err(|_| EmailInvalid);
    check(EMAIL, parse, Email::as_str);
}
