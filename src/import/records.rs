//! Turning table rows into clients with their cars: drafts of raw text that the
//! core validates and normalises when it saves them. Numbers that must become
//! numbers here (year, odometer, engine volume, discount) are read leniently;
//! what cannot be read is left out of the draft and reported as an
//! [`ImportProblem`], so one bad cell never loses a whole client.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use crate::domain::catalogue::BUILT_IN;
use crate::domain::client::{ClientDraft, ClientKind, ContactDraft, PhoneInput, parse_date};
use crate::domain::plate::fold_plate_query;
use crate::domain::requisites::parse_inn;
use crate::domain::search::fold;
use crate::domain::validation::IssueCode;
use crate::domain::vehicle::{
    FIRST_YEAR, Fuel, MAX_ENGINE_CC, MAX_ODOMETER_KM, MIN_ENGINE_CC, VehicleDraft,
};
use crate::import::mapping::{ImportColumn, header_of};
use crate::import::table::{Table, TableRow};

/// One client with the cars found for it in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRecord {
    /// Every file line that contributed, ascending.
    pub lines: Vec<u32>,
    pub client: ClientDraft,
    /// The lead source's name as written; the core maps it to a lead source.
    pub lead_source: Option<String>,
    /// Each car with the line it came from.
    pub vehicles: Vec<(u32, VehicleDraft)>,
}

/// A cell that could not be read and was left out of its draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportProblem {
    pub line: u32,
    /// The column's header text.
    pub column: String,
    pub value: String,
    pub issue: IssueCode,
}

/// Latest year accepted from a file; the core checks the real bound (next year).
const LAST_YEAR: u32 = 2100;
/// Engine volumes below this are litres ("1.6"), from [`MIN_ENGINE_CC`] on cm³.
const MAX_LITRES: f64 = 20.0;
const MAX_DISCOUNT: f64 = 100.0;

/// Groups the rows into clients. Rows of one client (one row per car is
/// common) share its first phone, else its ИНН, else (for a row with neither)
/// its full name; the first row gives the client's data, later rows add phones,
/// contact persons and cars. A row with car columns only belongs to the client
/// above it. A row is a company when it has an organisation name or an ИНН (or
/// its name starts with a legal form: ООО, ИП…).
pub fn to_records(
    table: &Table,
    mapping: &[ImportColumn],
) -> (Vec<ImportRecord>, Vec<ImportProblem>) {
    let mut grouper = Grouper::default();
    let mut problems = Vec::new();
    for row in &table.rows {
        let cells = Cells {
            row,
            headers: &table.headers,
            mapping,
        };
        let client = read_client(&cells, &mut problems);
        let vehicle = read_vehicle(&cells, &mut problems);
        grouper.add(row.line, client, vehicle);
    }
    (grouper.records, problems)
}

/// One row's cells, looked up by meaning.
struct Cells<'a> {
    row: &'a TableRow,
    headers: &'a [String],
    mapping: &'a [ImportColumn],
}

impl<'a> Cells<'a> {
    /// The non-empty cells of a column, with their column index.
    fn all(&self, column: ImportColumn) -> impl Iterator<Item = (usize, &'a str)> + use<'a> {
        let row = self.row;
        self.mapping
            .iter()
            .enumerate()
            .filter(move |(_, c)| **c == column)
            .filter_map(move |(index, _)| {
                let cell = row.cells.get(index)?.trim();
                (!cell.is_empty()).then_some((index, cell))
            })
    }

    fn first(&self, column: ImportColumn) -> Option<(usize, &'a str)> {
        self.all(column).next()
    }

    fn text(&self, column: ImportColumn) -> &'a str {
        self.first(column).map_or("", |(_, cell)| cell)
    }

    fn problem(
        &self,
        problems: &mut Vec<ImportProblem>,
        index: usize,
        value: &str,
        issue: IssueCode,
    ) {
        let header = self.headers.get(index).map_or("", String::as_str);
        let column = if header.is_empty() {
            self.mapping.get(index).map_or("", |c| header_of(*c))
        } else {
            header
        };
        problems.push(ImportProblem {
            line: self.row.line,
            column: column.to_owned(),
            value: value.to_owned(),
            issue,
        });
    }
}

/// The client part of one row.
struct RowClient {
    draft: ClientDraft,
    lead_source: Option<String>,
    /// Phone keys (digits, Russian numbers as 7XXXXXXXXXX) in draft order.
    phone_keys: Vec<String>,
    inn: Option<String>,
    /// Folded full name; empty when there is none.
    name_key: String,
    /// Whether the row names or reaches anyone (else it continues the row above).
    identifies: bool,
}

fn read_client(cells: &Cells<'_>, problems: &mut Vec<ImportProblem>) -> RowClient {
    use ImportColumn as C;
    let mut draft = ClientDraft::default();

    let full_name = cells.text(C::FullName);
    let company_name = cells.text(C::CompanyName);
    let inn_cell = cells.first(C::Inn);
    let is_company = !company_name.is_empty() || inn_cell.is_some() || has_legal_form(full_name);

    let (mut surname, mut name, mut patronymic) = (
        cells.text(C::Surname).to_owned(),
        cells.text(C::Name).to_owned(),
        cells.text(C::Patronymic).to_owned(),
    );
    if surname.is_empty() && name.is_empty() && patronymic.is_empty() {
        (surname, name, patronymic) = split_full_name(full_name);
    }
    let person_name = [surname.as_str(), name.as_str(), patronymic.as_str()]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");

    let inn = inn_cell.and_then(|(index, value)| {
        let inn = read_inn(value);
        if inn.is_none() {
            cells.problem(problems, index, value, IssueCode::InnInvalid);
        }
        inn
    });

    if is_company {
        draft.kind = ClientKind::Company;
        draft.company.short_name = [company_name, full_name, person_name.as_str()]
            .into_iter()
            .find(|n| !n.is_empty())
            .unwrap_or_default()
            .to_owned();
        draft.company.inn = inn.clone().unwrap_or_default();
        draft.company.kpp = read_kpp(cells.text(C::Kpp));
        draft.company.ogrn = excel_integer(cells.text(C::Ogrn)).replace(char::is_whitespace, "");
        let contact = match cells.text(C::ContactPerson) {
            // "Организация; ФИО": the person is the company's contact.
            "" if !company_name.is_empty() && !person_name.is_empty() => person_name.clone(),
            "" if !company_name.is_empty() && !full_name.is_empty() => full_name.to_owned(),
            other => other.to_owned(),
        };
        if !contact.is_empty() {
            draft.contacts.push(ContactDraft {
                name: contact,
                ..ContactDraft::default()
            });
        }
    } else {
        draft.surname = surname;
        draft.name = name;
        draft.patronymic = patronymic;
        if let Some((index, value)) = cells.first(C::BirthDate) {
            match read_date(value) {
                Some(date) => draft.birth_date = date,
                None => cells.problem(problems, index, value, IssueCode::DateInvalid),
            }
        }
    }

    let mut phone_keys = Vec::new();
    for (index, value) in cells.all(C::Phone) {
        if looks_scientific(value) {
            // "7,91235E+10": Excel already lost the last digits.
            cells.problem(problems, index, value, IssueCode::PhoneInvalid);
            continue;
        }
        for number in split_list(value, &[',', ';', '/', '\n', '\r']) {
            let number = excel_integer(number);
            let key = phone_key(number);
            if key.is_empty() || phone_keys.contains(&key) {
                continue;
            }
            draft.phones.push(PhoneInput {
                number: number.to_owned(),
                label: String::new(),
                primary: phone_keys.is_empty(),
            });
            phone_keys.push(key);
        }
    }

    let mut emails = cells
        .all(C::Email)
        .flat_map(|(_, value)| split_list(value, &[',', ';', ' ', '\n', '\r']));
    draft.email = emails.next().unwrap_or_default().to_owned();
    let other_emails: Vec<&str> = emails.collect();

    draft.address = cells.text(C::Address).to_owned();
    let mut notes: Vec<String> = cells.all(C::Notes).map(|(_, n)| n.to_owned()).collect();
    if !other_emails.is_empty() {
        notes.push(format!("E-mail: {}", other_emails.join(", ")));
    }
    draft.notes = notes.join("\n");

    if let Some((index, value)) = cells.first(C::Discount) {
        match read_discount(value) {
            Some(percent) => draft.discount_percent = percent,
            None => cells.problem(problems, index, value, IssueCode::OutOfRange),
        }
    }
    for (_, value) in cells.all(C::Tags) {
        for tag in split_list(value, &[',', ';', '\n', '\r']) {
            if !draft.tags.iter().any(|known| fold(known) == fold(tag)) {
                draft.tags.push(tag.to_owned());
            }
        }
    }
    let lead_source = cells.first(C::LeadSource).map(|(_, s)| s.to_owned());

    let display_name = if is_company {
        draft.company.short_name.clone()
    } else {
        person_name
    };
    let identifies = !display_name.is_empty()
        || inn_cell.is_some()
        || !phone_keys.is_empty()
        || !draft.email.is_empty();
    RowClient {
        name_key: fold(&display_name),
        draft,
        lead_source,
        phone_keys,
        inn,
        identifies,
    }
}

/// "Иванов Иван Иванович": surname, name, the rest is the patronymic
/// ("Оглы" and other two-word patronymics stay whole). One word is a surname.
fn split_full_name(full_name: &str) -> (String, String, String) {
    let mut words = full_name.split_whitespace();
    let surname = words.next().unwrap_or_default().to_owned();
    let name = words.next().unwrap_or_default().to_owned();
    let patronymic = words.collect::<Vec<_>>().join(" ");
    (surname, name, patronymic)
}

const LEGAL_FORMS: [&str; 14] = [
    "ооо", "оао", "зао", "пао", "ао", "ип", "нко", "ано", "гуп", "муп", "фгуп", "гбу", "мбу", "тоо",
];

/// "ООО «Ромашка»", "ИП Иванов И.И.", "АО "Транс"": a company written in a name column.
fn has_legal_form(name: &str) -> bool {
    let first = name
        .split(|c: char| c.is_whitespace() || matches!(c, '"' | '«' | '“' | '\''))
        .next()
        .unwrap_or_default();
    first != name.trim() && LEGAL_FORMS.contains(&fold(first).as_str())
}

/// A cell as Excel mangles whole numbers: "79123456789.0" → "79123456789".
fn excel_integer(value: &str) -> &str {
    let value = value.trim();
    // Only ".0": "120.000" is a thousands separator, not a float.
    match value.strip_suffix(".0") {
        Some(whole) if !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()) => whole,
        _ => value,
    }
}

/// "7,91235E+10", "7.9123456789e10".
fn looks_scientific(value: &str) -> bool {
    let Some((mantissa, exponent)) = value.trim().split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

/// Trimmed non-empty items of a list separated by any of `separators`.
fn split_list<'v>(value: &'v str, separators: &'v [char]) -> impl Iterator<Item = &'v str> + 'v {
    value
        .split(separators)
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// The digits of a phone, Russian numbers as `7XXXXXXXXXX`; empty when the
/// cell is no phone at all ("-", "нет").
fn phone_key(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    match (digits.len(), digits.as_bytes().first()) {
        (11, Some(b'8')) => format!("7{}", digits.get(1..).unwrap_or_default()),
        (10, Some(b'9')) => format!("7{digits}"),
        _ => digits,
    }
}

/// The digits of an ИНН of 10 or 12 digits. An ИНН that Excel kept as a
/// number lost its leading zero (regions 01–09); it is restored when the
/// control digits then match.
fn read_inn(value: &str) -> Option<String> {
    let digits: String = excel_integer(value)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match digits.len() {
        10 | 12 => Some(digits),
        9 | 11 => {
            let padded = format!("0{digits}");
            parse_inn(&padded).ok().map(|_| padded)
        }
        _ => None,
    }
}

/// The КПП as written, restoring the leading zero a number-typed cell lost.
fn read_kpp(value: &str) -> String {
    let kpp: String = excel_integer(value)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if kpp.len() == 8 && kpp.chars().all(|c| c.is_ascii_digit()) {
        format!("0{kpp}")
    } else {
        kpp
    }
}

/// A date the core accepts (`YYYY-MM-DD`, `DD.MM.YYYY`), also from
/// "01/02/1980", "1.2.1980" or a spreadsheet's "1980-02-01 00:00".
fn read_date(value: &str) -> Option<String> {
    let first = value.split_whitespace().next().unwrap_or_default();
    let candidates = [first.to_owned(), first.replace(['/', '-'], ".")];
    candidates
        .iter()
        .find_map(|text| parse_date(text))
        .map(|date| date.format("%Y-%m-%d").to_string())
}

/// "5%", "5", "5,0" → 5.
fn read_discount(value: &str) -> Option<u32> {
    let number = value.trim().trim_end_matches('%').trim().replace(',', ".");
    let percent: f64 = number.parse().ok()?;
    if !(0.0..=MAX_DISCOUNT).contains(&percent) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rounded = percent.round() as u32;
    Some(rounded)
}

fn read_vehicle(cells: &Cells<'_>, problems: &mut Vec<ImportProblem>) -> Option<VehicleDraft> {
    use ImportColumn as C;
    let plate = cells.text(C::Plate);
    let vin = cells.text(C::Vin);
    let make = cells.text(C::Make);
    let model = cells.text(C::Model);
    if [plate, vin, make, model].iter().all(|v| v.is_empty()) {
        return None;
    }
    let (make, model) = split_make_model(make, model);
    let mut vehicle = VehicleDraft {
        plate: plate.to_owned(),
        vin: vin.to_owned(),
        make,
        model,
        colour: cells.text(C::Colour).to_owned(),
        ..VehicleDraft::default()
    };
    let mut number =
        |column: ImportColumn, read: fn(&str) -> Option<u32>, issue: IssueCode| -> Option<u32> {
            let (index, value) = cells.first(column)?;
            let parsed = read(value);
            if parsed.is_none() {
                cells.problem(problems, index, value, issue);
            }
            parsed
        };
    vehicle.year = number(C::Year, read_year, IssueCode::OutOfRange);
    vehicle.odometer_km = number(C::Odometer, read_odometer, IssueCode::OutOfRange);
    vehicle.engine_volume_cc = number(C::EngineVolume, read_engine_volume, IssueCode::OutOfRange);
    // An unknown fuel is a value outside its set: reported as out of range.
    vehicle.fuel = cells.first(C::Fuel).and_then(|(index, value)| {
        let fuel = read_fuel(value);
        if fuel.is_none() {
            cells.problem(problems, index, value, IssueCode::OutOfRange);
        }
        fuel
    });
    Some(vehicle)
}

/// "2015", "2015 г.", "2015.0", "2015-06-01", "06.2015" → 2015.
fn read_year(value: &str) -> Option<u32> {
    let year: u32 = value
        .split(|c: char| !c.is_ascii_digit())
        .find(|run| run.len() == 4)?
        .parse()
        .ok()?;
    (FIRST_YEAR..=LAST_YEAR).contains(&year).then_some(year)
}

/// The number a cell starts with, ignoring spaces inside it; `.` and `,` are
/// both decimal separators unless they group thousands ("120.000"). Returns the
/// number and the text after it.
fn leading_number(value: &str, thousands: bool) -> Option<(f64, String)> {
    let compact: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '’')
        .collect();
    let end = compact
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(compact.len());
    let (number, rest) = compact.split_at(end);
    let number = number.trim_end_matches(['.', ',']);
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = number.split(['.', ',']).collect();
    let grouped_thousands = groups.len() > 1
        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.iter().skip(1).all(|g| g.len() == 3);
    let plain = if thousands && grouped_thousands {
        number.replace(['.', ','], "")
    } else if groups.len() <= 2 {
        number.replace(',', ".")
    } else {
        return None;
    };
    let parsed: f64 = plain.parse().ok()?;
    Some((parsed, rest.to_lowercase()))
}

/// "120 000 км", "120000", "120.000", "120 тыс. км" → 120000.
fn read_odometer(value: &str) -> Option<u32> {
    let (number, rest) = leading_number(excel_integer(value), true)?;
    if rest.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let unit = rest.replace("км", "").replace("km", "");
    let factor = if unit.starts_with('т') || unit.starts_with('k') {
        1000.0
    } else {
        1.0
    };
    let km = (number * factor).round();
    if !(0.0..=f64::from(MAX_ODOMETER_KM)).contains(&km) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let km = km as u32;
    Some(km)
}

/// "1.6", "1,6 л", "2.0 TDI" (litres) → 1600…; "1596", "1596 см³" → 1596.
fn read_engine_volume(value: &str) -> Option<u32> {
    let (number, _) = leading_number(value, false)?;
    let cc = if number < MAX_LITRES {
        (number * 1000.0).round()
    } else {
        number.round()
    };
    if !(f64::from(MIN_ENGINE_CC)..=f64::from(MAX_ENGINE_CC)).contains(&cc) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let cc = cc as u32;
    Some(cc)
}

/// Russian and English names of fuels, as shops write them.
fn read_fuel(value: &str) -> Option<Fuel> {
    let text = fold(value);
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_word = |options: &[&str]| words.iter().any(|w| options.contains(w));
    let has_start = |options: &[&str]| {
        words
            .iter()
            .any(|w| options.iter().any(|option| w.starts_with(option)))
    };
    if has_start(&["гибрид", "hybrid"]) || has_word(&["hev", "phev"]) {
        Some(Fuel::Hybrid)
    } else if has_start(&["электр", "electr"]) || has_word(&["ev", "bev"]) {
        Some(Fuel::Electric)
    } else if has_start(&["газ", "пропан", "метан", "lpg", "cng", "gas"])
        || has_word(&["гбо", "суг", "кпг"])
    {
        // "Бензин/газ" is a car on gas equipment.
        if has_start(&["gasoline"]) && !has_start(&["газ", "пропан", "метан", "lpg", "cng"])
        {
            Some(Fuel::Petrol)
        } else {
            Some(Fuel::Gas)
        }
    } else if has_start(&["дизел", "diesel", "солярк"])
        || has_word(&["дт", "dt", "tdi", "cdi", "crdi"])
    {
        Some(Fuel::Diesel)
    } else if has_start(&["бенз", "petrol", "аи", "ai", "gasoline", "benz"])
        || has_word(&["92", "95", "98", "100"])
    {
        Some(Fuel::Petrol)
    } else {
        None
    }
}

/// Russian spellings and abbreviations of catalogue makes.
const MAKE_ALIASES: &[(&str, &str)] = &[
    ("ваз", "LADA"),
    ("лада", "LADA"),
    ("vaz", "LADA"),
    ("киа", "Kia"),
    ("хендай", "Hyundai"),
    ("хендэ", "Hyundai"),
    ("хундай", "Hyundai"),
    ("хюндай", "Hyundai"),
    ("хэндай", "Hyundai"),
    ("хенде", "Hyundai"),
    ("тойота", "Toyota"),
    ("рено", "Renault"),
    ("фольксваген", "Volkswagen"),
    ("vw", "Volkswagen"),
    ("шкода", "Skoda"),
    ("škoda", "Skoda"),
    ("ниссан", "Nissan"),
    ("шевроле", "Chevrolet"),
    ("мицубиси", "Mitsubishi"),
    ("митсубиси", "Mitsubishi"),
    ("мицубиши", "Mitsubishi"),
    ("форд", "Ford"),
    ("хавал", "Haval"),
    ("хавейл", "Haval"),
    ("чери", "Chery"),
    ("черри", "Chery"),
    ("джили", "Geely"),
    ("чанган", "Changan"),
    ("мазда", "Mazda"),
    ("дэу", "Daewoo"),
    ("део", "Daewoo"),
    ("опель", "Opel"),
    ("мерседес", "Mercedes-Benz"),
    ("mercedes", "Mercedes-Benz"),
    ("мерседес бенц", "Mercedes-Benz"),
    ("бмв", "BMW"),
    ("ауди", "Audi"),
    ("лексус", "Lexus"),
    ("хонда", "Honda"),
    ("субару", "Subaru"),
    ("сузуки", "Suzuki"),
    ("вольво", "Volvo"),
    ("ленд ровер", "Land Rover"),
    ("лэнд ровер", "Land Rover"),
    ("пежо", "Peugeot"),
    ("ситроен", "Citroen"),
    ("citroën", "Citroen"),
    ("уаз", "UAZ"),
    ("газ", "GAZ"),
    ("москвич", "Moskvich"),
    ("грейт волл", "Great Wall"),
    ("датсун", "Datsun"),
    ("лифан", "Lifan"),
    ("инфинити", "Infiniti"),
    ("порше", "Porsche"),
    ("джип", "Jeep"),
    ("фиат", "Fiat"),
    ("тесла", "Tesla"),
];

/// Words of a make or model for comparing: folded, `-` as a space.
fn words_of(text: &str) -> Vec<String> {
    fold(&text.replace('-', " "))
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every spelling of every catalogue make: (its words, the catalogue make).
static MAKE_SPELLINGS: LazyLock<Vec<(Vec<String>, &'static str)>> = LazyLock::new(make_spellings);

fn make_spellings() -> Vec<(Vec<String>, &'static str)> {
    let built_in = BUILT_IN.iter().map(|m| (words_of(m.make), m.make));
    let aliases = MAKE_ALIASES.iter().filter_map(|(alias, make)| {
        BUILT_IN
            .iter()
            .find(|m| m.make == *make)
            .map(|m| (words_of(alias), m.make))
    });
    built_in.chain(aliases).collect()
}

/// The catalogue make a text starts with (longest spelling first), and the rest.
fn known_make_prefix(text: &str) -> Option<(&'static str, String)> {
    let words = words_of(text);
    let (spelling, make) = MAKE_SPELLINGS
        .iter()
        .filter(|(spelling, _)| !spelling.is_empty() && words.starts_with(spelling))
        .max_by_key(|(spelling, _)| spelling.len())?;
    // Keep the rest as written: drop the make's words from the original text,
    // where "Mercedes-Benz" is two words and "Rio-X" stays one.
    let mut to_skip = spelling.len();
    let mut rest: Vec<String> = Vec::new();
    for token in text.split_whitespace() {
        if to_skip == 0 {
            rest.push(token.to_owned());
            continue;
        }
        let parts: Vec<&str> = token.split('-').filter(|p| !p.is_empty()).collect();
        if parts.len() <= to_skip {
            to_skip -= parts.len();
        } else {
            rest.push(parts.get(to_skip..).unwrap_or_default().join("-"));
            to_skip = 0;
        }
    }
    Some((make, rest.join(" ")))
}

/// The catalogue's spelling of a model of `make`, if it has it.
fn catalogue_model(make: &str, model: &str) -> Option<&'static str> {
    let key = words_of(model);
    BUILT_IN
        .iter()
        .find(|m| m.make == make)?
        .models
        .iter()
        .find(|known| words_of(known) == key)
        .copied()
}

/// Make and model from the make and model cells. A model cell may hold the
/// make too ("Kia Rio"): a known make is split off; an unknown first word is
/// taken for the make; a lone model known under one make gets that make.
fn split_make_model(make: &str, model: &str) -> (String, String) {
    let (make, model) = if make.is_empty() {
        if let Some((known, rest)) = known_make_prefix(model) {
            (known.to_owned(), rest)
        } else if let Some(known) = unique_make_of_model(model) {
            (known.to_owned(), model.to_owned())
        } else {
            match model.split_once(char::is_whitespace) {
                Some((first, rest)) => (first.to_owned(), rest.trim().to_owned()),
                None => (String::new(), model.to_owned()),
            }
        }
    } else {
        match known_make_prefix(make) {
            Some((known, rest)) if rest.is_empty() => {
                // "Kia" + "Kia Rio": the model repeats the make.
                let model = match known_make_prefix(model) {
                    Some((repeated, rest)) if repeated == known => rest,
                    _ => model.to_owned(),
                };
                (known.to_owned(), model)
            }
            _ => (make.to_owned(), model.to_owned()),
        }
    };
    let model = catalogue_model(&make, &model).map_or(model, str::to_owned);
    (make, model)
}

/// The make of a model name that only one catalogue make has.
fn unique_make_of_model(model: &str) -> Option<&'static str> {
    let key = words_of(model);
    if key.is_empty() {
        return None;
    }
    let mut makes = BUILT_IN
        .iter()
        .filter(|m| m.models.iter().any(|known| words_of(known) == key));
    let make = makes.next()?;
    makes.next().is_none().then_some(make.make)
}

/// Collects rows into records.
#[derive(Default)]
struct Grouper {
    records: Vec<ImportRecord>,
    /// Per record: phone keys, ИНН and folded name seen so far.
    by_phone: HashMap<String, usize>,
    by_inn: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// Phone keys of each record, to add only new phones.
    phones: Vec<Vec<String>>,
}

impl Grouper {
    fn add(&mut self, line: u32, row: RowClient, vehicle: Option<VehicleDraft>) {
        let index = if row.identifies {
            self.find(&row)
        } else {
            self.records.len().checked_sub(1)
        };
        let index = match index {
            Some(index) => {
                self.merge(index, line, row);
                index
            }
            None => self.push(line, row),
        };
        if let (Some(vehicle), Some(record)) = (vehicle, self.records.get_mut(index)) {
            add_vehicle(record, line, vehicle);
        }
    }

    fn find(&self, row: &RowClient) -> Option<usize> {
        let by_phone = row.phone_keys.iter().find_map(|k| self.by_phone.get(k));
        let by_inn = || row.inn.as_ref().and_then(|inn| self.by_inn.get(inn));
        let by_name = || {
            (row.phone_keys.is_empty() && row.inn.is_none() && !row.name_key.is_empty())
                .then(|| self.by_name.get(&row.name_key))
                .flatten()
        };
        by_phone.or_else(by_inn).or_else(by_name).copied()
    }

    fn push(&mut self, line: u32, row: RowClient) -> usize {
        let index = self.records.len();
        for key in &row.phone_keys {
            self.by_phone.entry(key.clone()).or_insert(index);
        }
        if let Some(inn) = &row.inn {
            self.by_inn.entry(inn.clone()).or_insert(index);
        }
        if !row.name_key.is_empty() {
            self.by_name.insert(row.name_key.clone(), index);
        }
        self.phones.push(row.phone_keys);
        self.records.push(ImportRecord {
            lines: vec![line],
            client: row.draft,
            lead_source: row.lead_source,
            vehicles: Vec::new(),
        });
        index
    }

    fn merge(&mut self, index: usize, line: u32, row: RowClient) {
        let (Some(record), Some(known)) = (self.records.get_mut(index), self.phones.get_mut(index))
        else {
            return;
        };
        if !record.lines.contains(&line) {
            record.lines.push(line);
        }
        for (phone, key) in row.draft.phones.into_iter().zip(row.phone_keys) {
            if known.contains(&key) {
                continue;
            }
            let primary = record.client.phones.is_empty();
            record.client.phones.push(PhoneInput { primary, ..phone });
            self.by_phone.entry(key.clone()).or_insert(index);
            known.push(key);
        }
        if record.client.kind == ClientKind::Company {
            for contact in row.draft.contacts {
                let seen = record
                    .client
                    .contacts
                    .iter()
                    .any(|c| fold(&c.name) == fold(&contact.name));
                if !seen {
                    record.client.contacts.push(contact);
                }
            }
        }
    }
}

/// Adds a car to a record; the same car (by VIN, else plate) on several rows
/// is one car, its blanks filled from the later rows and the highest reading kept.
fn add_vehicle(record: &mut ImportRecord, line: u32, vehicle: VehicleDraft) {
    let key = vehicle_key(&vehicle);
    let same = record
        .vehicles
        .iter_mut()
        .find(|(_, known)| key.is_some() && vehicle_key(known) == key);
    let Some((_, known)) = same else {
        record.vehicles.push((line, vehicle));
        return;
    };
    let fill = |target: &mut String, source: String| {
        if target.is_empty() {
            *target = source;
        }
    };
    fill(&mut known.vin, vehicle.vin);
    fill(&mut known.plate, vehicle.plate);
    fill(&mut known.make, vehicle.make);
    fill(&mut known.model, vehicle.model);
    fill(&mut known.colour, vehicle.colour);
    known.year = known.year.or(vehicle.year);
    known.engine_volume_cc = known.engine_volume_cc.or(vehicle.engine_volume_cc);
    known.fuel = known.fuel.or(vehicle.fuel);
    known.odometer_km = known.odometer_km.max(vehicle.odometer_km);
}

fn vehicle_key(vehicle: &VehicleDraft) -> Option<String> {
    let vin: String = vehicle
        .vin
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_uppercase();
    if !vin.is_empty() {
        return Some(format!("vin:{vin}"));
    }
    let plate = fold_plate_query(&vehicle.plate);
    (!plate.is_empty()).then(|| format!("plate:{plate}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::mapping::suggest_mapping;

    fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: rows
                .iter()
                .zip(2..)
                .map(|(cells, line)| TableRow {
                    line,
                    cells: cells.iter().map(|c| (*c).to_owned()).collect(),
                })
                .collect(),
            encoding: "UTF-8".to_owned(),
            delimiter: Some(";".to_owned()),
        }
    }

    fn import(headers: &[&str], rows: &[&[&str]]) -> (Vec<ImportRecord>, Vec<ImportProblem>) {
        let table = table(headers, rows);
        let mapping = suggest_mapping(&table.headers);
        to_records(&table, &mapping)
    }

    fn numbers(client: &ClientDraft) -> Vec<(&str, bool)> {
        client
            .phones
            .iter()
            .map(|p| (p.number.as_str(), p.primary))
            .collect()
    }

    #[test]
    fn rows_of_one_client_become_one_record() {
        let (records, problems) = import(
            &[
                "ФИО",
                "Телефон",
                "Госномер",
                "Автомобиль",
                "Пробег",
                "Объём двигателя",
            ],
            &[
                &[
                    "Иванов Иван Иванович",
                    "8 (912) 345-67-89",
                    "А123ВС77",
                    "Kia Rio",
                    "120 000 км",
                    "1,6",
                ],
                &["", "", "В456ОР77", "Лада Гранта", "", ""],
                &[
                    "Иванов Иван Иванович",
                    "+7 912 345 67 89, 8-900-000-00-00",
                    "А123ВС77",
                    "Kia Rio",
                    "121000",
                    "",
                ],
                &["Петров Пётр", "79001112233.0", "", "", "", ""],
            ],
        );
        assert_eq!(problems, []);
        assert_eq!(records.len(), 2);
        let ivanov = &records[0];
        assert_eq!(ivanov.lines, [2, 3, 4]);
        assert_eq!(ivanov.client.kind, ClientKind::Person);
        assert_eq!(
            (
                ivanov.client.surname.as_str(),
                ivanov.client.name.as_str(),
                ivanov.client.patronymic.as_str()
            ),
            ("Иванов", "Иван", "Иванович")
        );
        assert_eq!(
            numbers(&ivanov.client),
            [("8 (912) 345-67-89", true), ("8-900-000-00-00", false)]
        );
        type Car<'a> = (u32, &'a str, &'a str, &'a str, Option<u32>, Option<u32>);
        let cars: Vec<Car<'_>> = ivanov
            .vehicles
            .iter()
            .map(|(line, v)| {
                (
                    *line,
                    v.plate.as_str(),
                    v.make.as_str(),
                    v.model.as_str(),
                    v.odometer_km,
                    v.engine_volume_cc,
                )
            })
            .collect();
        assert_eq!(
            cars,
            [
                (2, "А123ВС77", "Kia", "Rio", Some(121_000), Some(1600)),
                (3, "В456ОР77", "LADA", "Гранта", None, None),
            ]
        );
        let petrov = &records[1];
        assert_eq!(petrov.lines, [5]);
        assert_eq!(
            (petrov.client.surname.as_str(), petrov.client.name.as_str()),
            ("Петров", "Пётр")
        );
        assert_eq!(numbers(&petrov.client), [("79001112233", true)]);
        assert!(petrov.vehicles.is_empty());
    }

    #[test]
    fn several_phones_in_one_cell_and_several_phone_columns() {
        let (records, _) = import(
            &["ФИО", "Телефон", "Телефон 2"],
            &[&[
                "Сидорова Анна",
                "89123456789; +7 (900) 123-45-67 / 8 912 345 67 89\n9001234568",
                "-",
            ]],
        );
        assert_eq!(
            numbers(&records[0].client),
            [
                ("89123456789", true),
                ("+7 (900) 123-45-67", false),
                ("9001234568", false)
            ]
        );
    }

    #[test]
    fn companies_by_inn_or_organisation() {
        let (records, problems) = import(
            &[
                "Контрагент",
                "ИНН",
                "КПП",
                "Телефон",
                "Адрес",
                "Контактное лицо",
                "Госномер",
            ],
            &[
                &[
                    "ООО «Ромашка»",
                    "7707083893",
                    "77070100.0",
                    "84951234567",
                    "Москва",
                    "Сергей",
                    "Е001КХ77",
                ],
                &[
                    "Ромашка",
                    "7707083893",
                    "",
                    "84957654321",
                    "",
                    "Олег",
                    "Е002КХ77",
                ],
                &["Иванов Иван", "", "", "89120000000", "", "", ""],
                &["ИП Кузнецов К.К.", "", "", "89121111111", "", "", ""],
                &["Транс", "12345", "", "89122222222", "", "", ""],
            ],
        );
        assert_eq!(records.len(), 4);
        let romashka = &records[0].client;
        assert_eq!(romashka.kind, ClientKind::Company);
        assert_eq!(romashka.company.short_name, "ООО «Ромашка»");
        assert_eq!(romashka.company.inn, "7707083893");
        assert_eq!(romashka.company.kpp, "077070100");
        assert_eq!(romashka.address, "Москва");
        assert_eq!(records[0].lines, [2, 3]);
        assert_eq!(records[0].vehicles.len(), 2);
        assert_eq!(
            numbers(romashka),
            [("84951234567", true), ("84957654321", false)]
        );
        let contacts: Vec<&str> = romashka.contacts.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(contacts, ["Сергей", "Олег"]);
        assert_eq!(records[1].client.kind, ClientKind::Person);
        assert_eq!(records[2].client.kind, ClientKind::Company);
        assert_eq!(records[2].client.company.short_name, "ИП Кузнецов К.К.");
        assert_eq!(records[3].client.kind, ClientKind::Company);
        assert_eq!(records[3].client.company.inn, "");
        assert_eq!(
            problems,
            [ImportProblem {
                line: 6,
                column: "ИНН".to_owned(),
                value: "12345".to_owned(),
                issue: IssueCode::InnInvalid
            }]
        );
    }

    #[test]
    fn organisation_with_a_person_makes_the_person_its_contact() {
        let (records, _) = import(
            &["Организация", "Фамилия", "Имя", "Телефон"],
            &[&["АО Транс", "Петров", "Пётр", "89120000000"]],
        );
        let client = &records[0].client;
        assert_eq!(client.kind, ClientKind::Company);
        assert_eq!(client.company.short_name, "АО Транс");
        assert_eq!(client.contacts.len(), 1);
        assert_eq!(client.contacts[0].name, "Петров Пётр");
    }

    #[test]
    fn inn_without_its_leading_zero_is_restored() {
        // 0274062111 is a valid ИНН of an organisation in Bashkortostan.
        assert_eq!(read_inn("274062111"), Some("0274062111".to_owned()));
        assert_eq!(read_inn("7707083893.0"), Some("7707083893".to_owned()));
        assert_eq!(read_inn("500100732259"), Some("500100732259".to_owned()));
        assert_eq!(read_inn("123456789"), None);
        assert_eq!(read_inn("ИНН отсутствует"), None);
    }

    #[test]
    fn bad_numbers_are_problems_on_their_line() {
        let (records, problems) = import(
            &[
                "ФИО",
                "Телефон",
                "Госномер",
                "Марка",
                "Модель",
                "Год выпуска",
                "Пробег",
                "Объём двигателя",
                "Топливо",
                "Скидка",
                "Дата рождения",
            ],
            &[
                &[
                    "Иванов Иван",
                    "89123456789",
                    "А123ВС77",
                    "Kia",
                    "Rio",
                    "2015 г.",
                    "120000",
                    "1596",
                    "АИ-95",
                    "5%",
                    "01.02.1980",
                ],
                &[
                    "Петров Пётр",
                    "7,91235E+10",
                    "В456ОР77",
                    "Лада",
                    "Веста",
                    "в прошлом году",
                    "сто тысяч",
                    "много",
                    "керосин",
                    "-5",
                    "31.02.1980",
                ],
            ],
        );
        let first = &records[0];
        assert_eq!(first.client.discount_percent, 5);
        assert_eq!(first.client.birth_date, "1980-02-01");
        let (_, car) = &first.vehicles[0];
        assert_eq!(car.year, Some(2015));
        assert_eq!(car.odometer_km, Some(120_000));
        assert_eq!(car.engine_volume_cc, Some(1596));
        assert_eq!(car.fuel, Some(Fuel::Petrol));
        let second = &records[1];
        assert!(second.client.phones.is_empty());
        assert_eq!(second.client.birth_date, "");
        assert_eq!(second.vehicles[0].1.make, "LADA");
        assert_eq!(second.vehicles[0].1.model, "Веста");
        assert_eq!(second.vehicles[0].1.year, None);
        let found: Vec<(u32, &str, &str, IssueCode)> = problems
            .iter()
            .map(|p| (p.line, p.column.as_str(), p.value.as_str(), p.issue))
            .collect();
        assert_eq!(
            found,
            [
                (3, "Дата рождения", "31.02.1980", IssueCode::DateInvalid),
                (3, "Телефон", "7,91235E+10", IssueCode::PhoneInvalid),
                (3, "Скидка", "-5", IssueCode::OutOfRange),
                (3, "Год выпуска", "в прошлом году", IssueCode::OutOfRange),
                (3, "Пробег", "сто тысяч", IssueCode::OutOfRange),
                (3, "Объём двигателя", "много", IssueCode::OutOfRange),
                (3, "Топливо", "керосин", IssueCode::OutOfRange),
            ]
        );
    }

    #[test]
    fn rows_with_only_cars_belong_to_the_client_above() {
        let (records, _) = import(
            &["Фамилия", "Имя", "Телефон", "VIN", "Марка", "Модель"],
            &[
                &[
                    "Смирнов",
                    "Олег",
                    "89120000001",
                    "XTA21099043576182",
                    "ВАЗ",
                    "21099",
                ],
                &[
                    "",
                    "",
                    "",
                    "Z94CB41AAGR323020",
                    "Hyundai",
                    "Hyundai Solaris",
                ],
                &["Смирнова", "Ольга", "", "", "Renault", "Logan"],
                &["Смирнова", "Ольга", "", "", "Renault", "Sandero"],
            ],
        );
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].lines, [2, 3]);
        let cars: Vec<(&str, &str)> = records[0]
            .vehicles
            .iter()
            .map(|(_, v)| (v.make.as_str(), v.model.as_str()))
            .collect();
        assert_eq!(cars, [("LADA", "21099"), ("Hyundai", "Solaris")]);
        // No phone: rows of the same name are one client.
        assert_eq!(records[1].lines, [4, 5]);
        assert_eq!(records[1].vehicles.len(), 2);
    }

    #[test]
    fn person_fields() {
        let (records, _) = import(
            &[
                "ФИО",
                "Телефон",
                "E-mail",
                "Метки",
                "Источник",
                "Заметки",
                "Комментарий",
                "Скидка, %",
            ],
            &[&[
                "Орлова",
                "9123456789",
                "a@example.ru, b@example.ru",
                "VIP; такси, vip",
                "Авито",
                "Хороший клиент",
                "Звонить после 18",
                "5,0",
            ]],
        );
        let record = &records[0];
        let client = &record.client;
        assert_eq!(
            (client.surname.as_str(), client.name.as_str()),
            ("Орлова", "")
        );
        assert_eq!(client.email, "a@example.ru");
        assert_eq!(client.tags, ["VIP", "такси"]);
        assert_eq!(client.discount_percent, 5);
        assert_eq!(
            client.notes,
            "Хороший клиент\nЗвонить после 18\nE-mail: b@example.ru"
        );
        assert_eq!(record.lead_source.as_deref(), Some("Авито"));
    }

    #[test]
    fn lenient_numbers() {
        assert_eq!(read_year("2015"), Some(2015));
        assert_eq!(read_year("2015.0"), Some(2015));
        assert_eq!(read_year("2015-06-01"), Some(2015));
        assert_eq!(read_year("06.2015"), Some(2015));
        assert_eq!(read_year("15"), None);
        assert_eq!(read_year("1850"), None);
        assert_eq!(read_odometer("120 000 км"), Some(120_000));
        assert_eq!(read_odometer("120000 km"), Some(120_000));
        assert_eq!(read_odometer("120\u{a0}000"), Some(120_000));
        assert_eq!(read_odometer("120000.0"), Some(120_000));
        assert_eq!(read_odometer("120.000"), Some(120_000));
        assert_eq!(read_odometer("1,200,000"), Some(1_200_000));
        assert_eq!(read_odometer("120 тыс. км"), Some(120_000));
        assert_eq!(read_odometer("85,5 тыс"), Some(85_500));
        assert_eq!(read_odometer("99999999"), None);
        assert_eq!(read_odometer("12O000"), None);
        assert_eq!(read_engine_volume("1.6"), Some(1600));
        assert_eq!(read_engine_volume("1,6 л"), Some(1600));
        assert_eq!(read_engine_volume("2.0 TDI"), Some(2000));
        assert_eq!(read_engine_volume("1596"), Some(1596));
        assert_eq!(read_engine_volume("1 596 см³"), Some(1596));
        assert_eq!(read_engine_volume("35"), None);
        assert_eq!(read_discount("5%"), Some(5));
        assert_eq!(read_discount("5"), Some(5));
        assert_eq!(read_discount("5,0"), Some(5));
        assert_eq!(read_discount("150"), None);
        assert_eq!(read_date("1980-02-01"), Some("1980-02-01".to_owned()));
        assert_eq!(read_date("01/02/1980"), Some("1980-02-01".to_owned()));
        assert_eq!(read_date("1980-02-01 00:00"), Some("1980-02-01".to_owned()));
        assert_eq!(excel_integer("79123456789.0"), "79123456789");
        assert_eq!(excel_integer("1.6"), "1.6");
        assert_eq!(excel_integer("120.000"), "120.000");
        assert!(looks_scientific("7,91235E+10"));
        assert!(!looks_scientific("e-mail"));
    }

    #[test]
    fn fuels() {
        let cases = [
            ("Бензин", Some(Fuel::Petrol)),
            ("АИ-95", Some(Fuel::Petrol)),
            ("petrol", Some(Fuel::Petrol)),
            ("Gasoline", Some(Fuel::Petrol)),
            ("дизель", Some(Fuel::Diesel)),
            ("ДТ", Some(Fuel::Diesel)),
            ("Diesel", Some(Fuel::Diesel)),
            ("газ", Some(Fuel::Gas)),
            ("Бензин/газ", Some(Fuel::Gas)),
            ("пропан", Some(Fuel::Gas)),
            ("метан", Some(Fuel::Gas)),
            ("ГБО", Some(Fuel::Gas)),
            ("LPG", Some(Fuel::Gas)),
            ("CNG", Some(Fuel::Gas)),
            ("Гибрид", Some(Fuel::Hybrid)),
            ("hybrid", Some(Fuel::Hybrid)),
            ("электро", Some(Fuel::Electric)),
            ("Электричество", Some(Fuel::Electric)),
            ("electric", Some(Fuel::Electric)),
            ("EV", Some(Fuel::Electric)),
            ("керосин", None),
        ];
        for (text, fuel) in cases {
            assert_eq!(read_fuel(text), fuel, "{text}");
        }
    }

    #[test]
    fn makes_and_models() {
        let split = |make: &str, model: &str| split_make_model(make, model);
        let pair = |make: &str, model: &str| (make.to_owned(), model.to_owned());
        assert_eq!(split("", "Kia Rio"), pair("Kia", "Rio"));
        assert_eq!(split("", "KIA RIO X"), pair("Kia", "Rio X"));
        assert_eq!(
            split("", "Land Rover Discovery"),
            pair("Land Rover", "Discovery")
        );
        assert_eq!(
            split("", "Mercedes-Benz E200"),
            pair("Mercedes-Benz", "E200")
        );
        assert_eq!(split("", "Kia-Rio"), pair("Kia", "Rio"));
        assert_eq!(split("", "Kia Rio-X"), pair("Kia", "Rio X"));
        assert_eq!(split("", "Мерседес E200"), pair("Mercedes-Benz", "E200"));
        assert_eq!(split("", "Camry"), pair("Toyota", "Camry"));
        assert_eq!(split("", "Iveco Daily"), pair("Iveco", "Daily"));
        assert_eq!(split("", "Непонятно"), pair("", "Непонятно"));
        assert_eq!(split("kia", "rio"), pair("Kia", "Rio"));
        assert_eq!(split("Kia", "Kia Rio"), pair("Kia", "Rio"));
        assert_eq!(split("Iveco", "Daily"), pair("Iveco", "Daily"));
    }

    #[test]
    fn the_same_car_on_several_rows_is_one_car() {
        let (records, _) = import(
            &["ФИО", "Телефон", "Госномер", "Марка", "Пробег", "Цвет"],
            &[
                &["Иванов", "89120000000", "а123вс77", "Kia", "100000", ""],
                &[
                    "Иванов",
                    "89120000000",
                    "А 123 ВС 77",
                    "Kia",
                    "110000",
                    "белый",
                ],
            ],
        );
        let cars = &records[0].vehicles;
        assert_eq!(cars.len(), 1);
        assert_eq!(cars[0].1.odometer_km, Some(110_000));
        assert_eq!(cars[0].1.colour, "белый");
    }
}
