//! What each column of an imported file means, guessed from its header.

use serde::{Deserialize, Serialize};

/// What a column means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportColumn {
    Ignore,
    /// "Иванов Иван Иванович" in one cell.
    FullName,
    Surname,
    Name,
    Patronymic,
    CompanyName,
    Inn,
    Kpp,
    Ogrn,
    /// May appear several times: each becomes a phone.
    Phone,
    Email,
    Address,
    BirthDate,
    Notes,
    LeadSource,
    Discount,
    /// Comma or semicolon separated.
    Tags,
    /// The name of a company's contact person.
    ContactPerson,
    Plate,
    Vin,
    Make,
    /// May hold "Kia Rio" when there is no make column.
    Model,
    Year,
    Odometer,
    Colour,
    /// "1.6" litres or "1596" cm³.
    EngineVolume,
    Fuel,
}

/// Header names by column, Russian first, then English. The first name of each
/// column is its canonical header, the one [`header_of`] gives and exports use.
/// Matching folds case and `ё` and ignores spaces and punctuation.
pub const HEADER_SYNONYMS: &[(ImportColumn, &[&str])] = &[
    (
        ImportColumn::FullName,
        &[
            "ФИО",
            "Клиент",
            "Контрагент",
            "Ф.И.О.",
            "Покупатель",
            "Заказчик",
            "Владелец",
            "Полное имя",
            "Full name",
            "Client",
            "Customer",
            "Owner",
        ],
    ),
    (
        ImportColumn::Surname,
        &["Фамилия", "Surname", "Last name", "Family name"],
    ),
    (
        ImportColumn::Name,
        &["Имя", "First name", "Given name", "Name"],
    ),
    (
        ImportColumn::Patronymic,
        &["Отчество", "Middle name", "Patronymic"],
    ),
    (
        ImportColumn::CompanyName,
        &[
            "Организация",
            "Компания",
            "Наименование",
            "Юрлицо",
            "Юр. лицо",
            "Company",
            "Company name",
            "Organization",
            "Organisation",
        ],
    ),
    (ImportColumn::Inn, &["ИНН", "INN", "TIN", "Tax ID"]),
    (ImportColumn::Kpp, &["КПП", "KPP"]),
    (ImportColumn::Ogrn, &["ОГРН", "ОГРНИП", "OGRN"]),
    (
        ImportColumn::Phone,
        &[
            "Телефон",
            "Тел.",
            "Тел",
            "Мобильный",
            "Мобильный телефон",
            "Сотовый",
            "Номер телефона",
            "Телефоны",
            "Phone",
            "Phone number",
            "Mobile",
            "Telephone",
            "Tel",
        ],
    ),
    (
        ImportColumn::Email,
        &[
            "E-mail",
            "Email",
            "Почта",
            "Эл. почта",
            "Электронная почта",
            "Е-mail",
            "Mail",
        ],
    ),
    (
        ImportColumn::Address,
        &["Адрес", "Адрес клиента", "Address"],
    ),
    (
        ImportColumn::BirthDate,
        &[
            "Дата рождения",
            "День рождения",
            "ДР",
            "Birth date",
            "Birthday",
            "Date of birth",
            "DOB",
        ],
    ),
    (
        ImportColumn::Notes,
        &[
            "Заметки",
            "Комментарий",
            "Комментарии",
            "Примечание",
            "Примечания",
            "Заметка",
            "Notes",
            "Note",
            "Comment",
            "Comments",
        ],
    ),
    (
        ImportColumn::LeadSource,
        &[
            "Источник",
            "Откуда узнал",
            "Откуда узнали",
            "Источник клиента",
            "Рекламный источник",
            "Lead source",
            "Source",
        ],
    ),
    (
        ImportColumn::Discount,
        &["Скидка, %", "Скидка", "Discount", "Discount, %"],
    ),
    (
        ImportColumn::Tags,
        &["Метки", "Теги", "Тэги", "Метка", "Tags", "Labels"],
    ),
    (
        ImportColumn::ContactPerson,
        &["Контактное лицо", "Контакт", "Contact person", "Contact"],
    ),
    (
        ImportColumn::Plate,
        &[
            "Госномер",
            "Гос. номер",
            "Гос номер",
            "Номер авто",
            "Номер автомобиля",
            "Гос.рег.знак",
            "Госрегзнак",
            "Регистрационный знак",
            "ГРЗ",
            "Plate",
            "License plate",
            "Licence plate",
            "Plate number",
            "Registration",
        ],
    ),
    (ImportColumn::Vin, &["VIN", "VIN-код", "Вин", "VIN code"]),
    (
        ImportColumn::Make,
        &["Марка", "Марка авто", "Марка автомобиля", "Make", "Brand"],
    ),
    (
        ImportColumn::Model,
        &[
            "Модель",
            "Автомобиль",
            "Авто",
            "Машина",
            "Модель авто",
            "Модель автомобиля",
            "Model",
            "Car",
            "Vehicle",
        ],
    ),
    (
        ImportColumn::Year,
        &["Год выпуска", "Год", "Год авто", "Year", "Model year"],
    ),
    (
        ImportColumn::Odometer,
        &["Пробег, км", "Пробег", "Одометр", "Mileage", "Odometer"],
    ),
    (ImportColumn::Colour, &["Цвет", "Colour", "Color"]),
    (
        ImportColumn::EngineVolume,
        &[
            "Объём двигателя, см³",
            "Объём двигателя",
            "Объем ДВС",
            "Двигатель",
            "Engine",
            "Engine volume",
            "Engine size",
            "Displacement",
        ],
    ),
    (
        ImportColumn::Fuel,
        &["Топливо", "Тип топлива", "Fuel", "Fuel type"],
    ),
];

/// Synonyms this short are matched only whole, never as the start of a header
/// (`Имя` must not claim `Имя контакта`).
const MIN_PREFIX_CHARS: usize = 4;

/// The canonical Russian header of a column; empty for [`ImportColumn::Ignore`].
pub fn header_of(column: ImportColumn) -> &'static str {
    HEADER_SYNONYMS
        .iter()
        .find(|(known, _)| *known == column)
        .and_then(|(_, names)| names.first().copied())
        .unwrap_or_default()
}

/// Guesses the meaning of each header. `Имя`/`Name` is the whole name unless
/// the file also has a surname column; `ФИО`-like columns are ignored when it
/// has separate name parts. Unknown headers are ignored.
pub fn suggest_mapping(headers: &[String]) -> Vec<ImportColumn> {
    let mut mapping: Vec<ImportColumn> = headers.iter().map(|h| column_of(h)).collect();
    let has_surname = mapping.contains(&ImportColumn::Surname);
    for (column, header) in mapping.iter_mut().zip(headers) {
        match *column {
            ImportColumn::Name if !has_surname => *column = ImportColumn::FullName,
            ImportColumn::FullName if has_surname => *column = ImportColumn::Ignore,
            _ => {}
        }
        // "Name" next to "Company" is the company's name, not a person's.
        if *column == ImportColumn::FullName
            && normalise(header) == "name"
            && mapping_has_company_context(headers)
        {
            *column = ImportColumn::CompanyName;
        }
    }
    mapping
}

fn mapping_has_company_context(headers: &[String]) -> bool {
    headers.iter().any(|h| {
        matches!(
            column_of(h),
            ImportColumn::Inn | ImportColumn::Kpp | ImportColumn::Ogrn
        )
    }) && !headers.iter().any(|h| {
        matches!(
            column_of(h),
            ImportColumn::FullName | ImportColumn::CompanyName | ImportColumn::Surname
        )
    })
}

/// The column a header names on its own, before looking at the other headers.
fn column_of(header: &str) -> ImportColumn {
    column_by_synonyms(header, HEADER_SYNONYMS).unwrap_or(ImportColumn::Ignore)
}

/// The column of `synonyms` a header names: an exact synonym (also with a
/// number after it: "Телефон 2"), else the longest synonym of at least
/// [`MIN_PREFIX_CHARS`] the header starts with. `None` for an unknown header
/// and for another program's identifiers ("Client ID").
pub(crate) fn column_by_synonyms<C: Copy>(header: &str, synonyms: &[(C, &[&str])]) -> Option<C> {
    let key = normalise(header);
    if key.is_empty() {
        return None;
    }
    // "Телефон 2", "Phone1": numbered copies of a column.
    let unnumbered = key.trim_end_matches(|c: char| c.is_ascii_digit());
    let mut best: Option<(usize, C)> = None;
    for (column, names) in synonyms {
        for name in *names {
            let synonym = normalise(name);
            if synonym == key || (!unnumbered.is_empty() && synonym == unnumbered) {
                return Some(*column);
            }
            let length = synonym.chars().count();
            if length >= MIN_PREFIX_CHARS
                && key.starts_with(&synonym)
                && best.is_none_or(|(longest, _)| length > longest)
            {
                best = Some((length, *column));
            }
        }
    }
    // "Client ID", "Phone ID": identifiers of the other program, not data.
    if key.ends_with("id") {
        return None;
    }
    best.map(|(_, column)| column)
}

/// Lower case, `ё` as `е`, letters and digits only.
pub(crate) fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::ImportColumn::*;
    use super::*;

    fn suggest(headers: &[&str]) -> Vec<ImportColumn> {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        suggest_mapping(&headers)
    }

    #[test]
    fn one_c_export() {
        assert_eq!(
            suggest(&["Контрагент", "ИНН", "Телефон", "Адрес"]),
            [FullName, Inn, Phone, Address]
        );
    }

    #[test]
    fn remonline_like_export() {
        assert_eq!(
            suggest(&["Имя", "Телефон", "Email", "Автомобиль", "Гос. номер", "VIN"]),
            [FullName, Phone, Email, Model, Plate, Vin]
        );
    }

    #[test]
    fn english_export() {
        assert_eq!(
            suggest(&[
                "Last name",
                "First name",
                "Phone",
                "Email",
                "Plate",
                "VIN",
                "Make",
                "Model",
                "Year"
            ]),
            [Surname, Name, Phone, Email, Plate, Vin, Make, Model, Year]
        );
    }

    #[test]
    fn spelling_variants() {
        assert_eq!(
            suggest(&[
                "Фамилия",
                "ИМЯ",
                "отчество",
                "ФИО",
                "Тел. 2",
                "Телефон мобильный",
                "Эл. почта",
                "Гос.рег.знак",
                "VIN-код",
                "Объем двигателя",
                "Скидка, %",
                "Дата рождения (дд.мм.гггг)",
                "Откуда узнал?",
                "Пробег, км",
                "Что-то своё",
                "Client ID",
                "",
            ]),
            [
                Surname,
                Name,
                Patronymic,
                Ignore,
                Phone,
                Phone,
                Email,
                Plate,
                Vin,
                EngineVolume,
                Discount,
                BirthDate,
                LeadSource,
                Odometer,
                Ignore,
                Ignore,
                Ignore,
            ]
        );
    }

    #[test]
    fn name_next_to_requisites_is_a_company() {
        assert_eq!(
            suggest(&["Name", "INN", "KPP", "Phone"]),
            [CompanyName, Inn, Kpp, Phone]
        );
        assert_eq!(suggest(&["Name", "Phone"]), [FullName, Phone]);
    }

    #[test]
    fn every_column_has_one_canonical_header_that_maps_back() {
        let columns: Vec<ImportColumn> = HEADER_SYNONYMS.iter().map(|(c, _)| *c).collect();
        for (index, column) in columns.iter().enumerate() {
            assert!(!columns[..index].contains(column), "{column:?} twice");
        }
        assert_eq!(header_of(Ignore), "");
        assert_eq!(header_of(Discount), "Скидка, %");
        assert_eq!(header_of(EngineVolume), "Объём двигателя, см³");
        // An exported file (name parts, never ФИО) maps back column for column.
        let exported: Vec<ImportColumn> =
            columns.iter().copied().filter(|c| *c != FullName).collect();
        let headers: Vec<String> = exported.iter().map(|c| header_of(*c).to_owned()).collect();
        assert_eq!(suggest_mapping(&headers), exported);
        // Each synonym on its own maps to its column, except the name rules.
        for (column, names) in HEADER_SYNONYMS {
            for name in *names {
                let expected = match (column, *name) {
                    (Name, _) => FullName,
                    _ => *column,
                };
                assert_eq!(suggest(&[name]), [expected], "{name}");
            }
        }
    }
}
