//! The file layer of importing products (a supplier's price list or the
//! shop's own catalogue) and exporting them: what each column means, and
//! turning rows into [`ProductDraft`]s for the core to merge, validate and save.
//!
//! ```text
//! read_table(path) → Table → suggest_product_mapping(&table.headers) → (operator edits)
//!     → to_product_records(&table, &mapping) → (Vec<ProductRecord>, Vec<ImportProblem>)
//! ```
//!
//! Cells stay text where the core reads them exactly (prices, quantities);
//! what only the file layer can read (units, VAT rates, cells holding lists)
//! is read here, and what cannot be read is an [`ImportProblem`].
//!
//! # Cells holding lists
//!
//! * **Barcodes**: several in one cell separated by `,` `;` `/` or line
//!   breaks (spaces inside one code are fine: `4 009026 022469`); the column may
//!   also repeat.
//! * **OEM and cross numbers**: items separated by `;` `,` `|` or line breaks,
//!   each `BRAND NUMBER` or just `NUMBER` — see [`parse_numbers`] for how the
//!   brand is told from the number, and [`numbers_cell`] for what exports write.
//! * **Characteristics**: `Вязкость: 5W-30; Объём: 4 л` — items separated by `;`
//!   or line breaks (not `,`: `1,5 л` and `M12x1,5` are values), name and value by
//!   the first `:` (or `=`).

use serde::{Deserialize, Serialize};

use crate::domain::article::article_key;
use crate::domain::product::{Attribute, NumberKind, ProductDraft, ProductNumber, VatRate};
use crate::domain::quantity::Unit;
use crate::domain::validation::IssueCode;
use crate::import::mapping::column_by_synonyms;
use crate::import::records::ImportProblem;
use crate::import::table::{Table, TableRow};

/// The sheet of an exported workbook of products.
pub const PRODUCTS_SHEET_NAME: &str = "Товары";

/// What a column of a product file means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProductColumn {
    Ignore,
    /// With the brand, what finds the product to update.
    Article,
    Brand,
    Name,
    /// A path: `Фильтры / Масляные` (levels separated by `/`, `\` or `>`).
    Category,
    /// `шт`, `л`, `кг`, `м`, `компл` and their spellings.
    Unit,
    PurchasePrice,
    /// A fixed sale price.
    SalePrice,
    /// A markup over the purchase price, in percent.
    Markup,
    /// `22%`, `Без НДС`…
    Vat,
    MinStock,
    /// May repeat; a cell may hold several codes.
    Barcode,
    /// The car makers' numbers, `VAG 03C 115 561 H; 03C115561J`.
    OemNumbers,
    /// Other brands' analogues, `MANN W 712/73; KNECHT OC 90`.
    CrossNumbers,
    /// `Вязкость: 5W-30; Объём: 4 л`.
    Characteristics,
    /// A supplier by name; a new name adds a supplier.
    Supplier,
    Notes,
}

/// Header names by column, Russian first, then English. The first name of each
/// column is its canonical header, the one [`product_header_of`] gives and
/// exports use. Matching folds case and `ё`, ignores spaces and punctuation,
/// and takes a header starting with a synonym of four or more letters
/// («Цена, руб.», «Наименование товара») as that synonym.
pub const PRODUCT_HEADER_SYNONYMS: &[(ProductColumn, &[&str])] = &[
    (
        ProductColumn::Article,
        &[
            "Артикул",
            "Код товара",
            "Каталожный номер",
            "Номер детали",
            "Код производителя",
            "Артикул производителя",
            "Part number",
            "Part No",
            "Article",
            "SKU",
            "Item number",
        ],
    ),
    (
        ProductColumn::Brand,
        &[
            "Бренд",
            "Производитель",
            "Марка",
            "Изготовитель",
            "Фирма",
            "Brand",
            "Manufacturer",
            "Maker",
            "Make",
        ],
    ),
    (
        ProductColumn::Name,
        &[
            "Наименование",
            "Название",
            "Товар",
            "Номенклатура",
            "Наименование товара",
            "Описание",
            "Name",
            "Description",
            "Product",
            "Product name",
            "Item",
        ],
    ),
    (
        ProductColumn::Category,
        &[
            "Категория",
            "Группа",
            "Группа товаров",
            "Раздел",
            "Category",
            "Group",
        ],
    ),
    (
        ProductColumn::Unit,
        &[
            "Ед. изм.",
            "Единица",
            "Ед.",
            "Единица измерения",
            "Unit",
            "UOM",
        ],
    ),
    (
        ProductColumn::PurchasePrice,
        &[
            "Закупочная цена",
            "Цена закупки",
            "Цена поставщика",
            "Цена закупочная",
            "Закупка",
            "Оптовая цена",
            "Себестоимость",
            "Purchase price",
            "Cost",
            "Cost price",
            "Buy price",
        ],
    ),
    (
        ProductColumn::SalePrice,
        &[
            "Цена",
            "Цена продажи",
            "Розничная цена",
            "Цена розничная",
            "Розница",
            "Price",
            "Retail price",
            "Sale price",
            "Selling price",
        ],
    ),
    (
        ProductColumn::Markup,
        &["Наценка", "Наценка, %", "Markup", "Markup, %"],
    ),
    (
        ProductColumn::Vat,
        &["НДС", "Ставка НДС", "НДС, %", "VAT", "VAT rate"],
    ),
    (
        ProductColumn::MinStock,
        &[
            "Мин. остаток",
            "Минимальный остаток",
            "Неснижаемый остаток",
            "Мин остаток",
            "Min stock",
            "Minimum stock",
            "Reorder point",
        ],
    ),
    (
        ProductColumn::Barcode,
        &[
            "Штрихкод",
            "Штрих-код",
            "Штрихкоды",
            "EAN",
            "EAN-13",
            "GTIN",
            "Barcode",
            "Barcodes",
        ],
    ),
    (
        ProductColumn::OemNumbers,
        &[
            "OEM",
            "OEM-номера",
            "OEM номер",
            "Оригинальный номер",
            "Оригинальные номера",
            "Номер OEM",
            "OE",
            "OE number",
            "OEM numbers",
        ],
    ),
    (
        ProductColumn::CrossNumbers,
        &[
            "Кросс-номера",
            "Кросс",
            "Кроссы",
            "Аналоги",
            "Замены",
            "Cross",
            "Cross numbers",
            "Cross-reference",
            "Analogues",
            "Analogs",
        ],
    ),
    (
        ProductColumn::Characteristics,
        &[
            "Характеристики",
            "Свойства",
            "Параметры",
            "Characteristics",
            "Attributes",
            "Properties",
            "Specifications",
        ],
    ),
    (
        ProductColumn::Supplier,
        &["Поставщик", "Supplier", "Vendor"],
    ),
    (
        ProductColumn::Notes,
        &[
            "Примечание",
            "Примечания",
            "Комментарий",
            "Заметки",
            "Notes",
            "Note",
            "Comment",
        ],
    ),
];

/// The canonical Russian header of a column; empty for [`ProductColumn::Ignore`].
pub fn product_header_of(column: ProductColumn) -> &'static str {
    PRODUCT_HEADER_SYNONYMS
        .iter()
        .find(|(known, _)| *known == column)
        .and_then(|(_, names)| names.first().copied())
        .unwrap_or_default()
}

/// Guesses the meaning of each header; unknown headers are ignored.
pub fn suggest_product_mapping(headers: &[String]) -> Vec<ProductColumn> {
    headers
        .iter()
        .map(|header| {
            column_by_synonyms(header, PRODUCT_HEADER_SYNONYMS).unwrap_or(ProductColumn::Ignore)
        })
        .collect()
}

/// One row of the file as a product draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductRecord {
    pub line: u32,
    /// Brand, category and supplier by name; the core finds their ids.
    pub draft: ProductDraft,
    /// `Фильтры / Масляные`, when the row names a category.
    pub category_path: Option<String>,
    /// The supplier's name, when the row names one.
    pub supplier: Option<String>,
    /// The columns this row gives a value for: a non-empty cell, or a mapped
    /// [`ProductColumn::Notes`] column even when empty. Updating a product
    /// keeps its own value of every other column.
    pub given: Vec<ProductColumn>,
}

impl ProductRecord {
    pub fn has(&self, column: ProductColumn) -> bool {
        self.given.contains(&column)
    }
}

/// Turns every row into a [`ProductRecord`]. A row whose mapped cells are
/// all empty is skipped; a unit or VAT rate that cannot be read is a problem
/// of its row (the draft keeps the default there).
pub fn to_product_records(
    table: &Table,
    mapping: &[ProductColumn],
) -> (Vec<ProductRecord>, Vec<ImportProblem>) {
    let mut records = Vec::with_capacity(table.rows.len());
    let mut problems = Vec::new();
    for row in &table.rows {
        let cells = Cells {
            row,
            headers: &table.headers,
            mapping,
        };
        if let Some(record) = read_row(&cells, &mut problems) {
            records.push(record);
        }
    }
    (records, problems)
}

struct Cells<'a> {
    row: &'a TableRow,
    headers: &'a [String],
    mapping: &'a [ProductColumn],
}

impl<'a> Cells<'a> {
    /// The non-empty cells of a column, with their column index.
    fn all(&self, column: ProductColumn) -> impl Iterator<Item = (usize, &'a str)> + use<'a> {
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

    fn first(&self, column: ProductColumn) -> Option<(usize, &'a str)> {
        self.all(column).next()
    }

    fn text(&self, column: ProductColumn) -> &'a str {
        self.first(column).map_or("", |(_, cell)| cell)
    }

    fn problem(&self, index: usize, value: &str, issue: IssueCode) -> ImportProblem {
        let header = self.headers.get(index).map_or("", String::as_str);
        let column = if header.is_empty() {
            self.mapping
                .get(index)
                .map_or("", |c| product_header_of(*c))
        } else {
            header
        };
        ImportProblem {
            line: self.row.line,
            column: column.to_owned(),
            value: value.to_owned(),
            issue,
        }
    }
}

fn read_row(cells: &Cells<'_>, problems: &mut Vec<ImportProblem>) -> Option<ProductRecord> {
    use ProductColumn as C;
    let mut given: Vec<ProductColumn> = Vec::new();
    for column in cells.mapping {
        if *column != C::Ignore && !given.contains(column) && cells.first(*column).is_some() {
            given.push(*column);
        }
    }
    if given.is_empty() {
        return None;
    }
    if cells.mapping.contains(&C::Notes) && !given.contains(&C::Notes) {
        given.push(C::Notes);
    }
    let mut draft = ProductDraft {
        name: cells.text(C::Name).to_owned(),
        article: cells.text(C::Article).to_owned(),
        brand: cells.text(C::Brand).to_owned(),
        purchase_price: amount(cells.text(C::PurchasePrice)),
        sale_price: amount(cells.text(C::SalePrice)),
        markup_percent: cells.text(C::Markup).to_owned(),
        notes: cells.text(C::Notes).to_owned(),
        ..ProductDraft::default()
    };
    if let Some((index, label)) = cells.first(C::Unit) {
        match Unit::from_label(label) {
            Some(unit) => draft.unit = unit,
            None => problems.push(cells.problem(index, label, IssueCode::UnknownValue)),
        }
    }
    if let Some((index, label)) = cells.first(C::Vat) {
        match VatRate::from_label(label) {
            Some(vat) => draft.vat = vat,
            None => problems.push(cells.problem(index, label, IssueCode::UnknownValue)),
        }
    }
    draft.min_stock = without_unit(cells.text(C::MinStock));
    for (_, cell) in cells.all(C::OemNumbers) {
        draft.numbers.extend(parse_numbers(cell, NumberKind::Oem));
    }
    for (_, cell) in cells.all(C::CrossNumbers) {
        draft.numbers.extend(parse_numbers(cell, NumberKind::Cross));
    }
    for (_, cell) in cells.all(C::Barcode) {
        draft.barcodes.extend(split_barcodes(cell));
    }
    for (_, cell) in cells.all(C::Characteristics) {
        draft.attributes.extend(parse_attributes(cell));
    }
    let category_path = cells
        .first(C::Category)
        .map(|(_, path)| category_path(path))
        .filter(|path| !path.is_empty());
    let supplier = cells
        .first(C::Supplier)
        .map(|(_, name)| name.split_whitespace().collect::<Vec<_>>().join(" "));
    Some(ProductRecord {
        line: cells.row.line,
        draft,
        category_path,
        supplier,
        given,
    })
}

/// An amount as price lists write it: `1 234,50 ₽`, `990 руб.`, `12.5р` — the
/// currency is dropped; the core reads the rest exactly.
fn amount(text: &str) -> String {
    const CURRENCY: [&str; 8] = ["₽", "руб.", "руб", "р.", "р", "rub", "rur", "RUB"];
    let mut rest = text.trim();
    for suffix in CURRENCY {
        if let Some(stripped) = rest.strip_suffix(suffix) {
            rest = stripped.trim_end();
            break;
        }
    }
    rest.to_owned()
}

/// `2 шт` → `2`: a quantity with its unit written after it.
fn without_unit(text: &str) -> String {
    let text = text.trim();
    match text.rsplit_once(char::is_whitespace) {
        Some((number, unit)) if Unit::from_label(unit).is_some() => number.trim().to_owned(),
        _ => text.to_owned(),
    }
}

/// `Фильтры/Масляные`, `Фильтры > Масляные` → `Фильтры / Масляные`.
fn category_path(text: &str) -> String {
    text.split(['/', '\\', '>'])
        .map(|level| level.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|level| !level.is_empty())
        .collect::<Vec<_>>()
        .join(crate::domain::product::CATEGORY_SEPARATOR)
}

/// The codes of a barcode cell.
pub fn split_barcodes(cell: &str) -> Vec<String> {
    cell.split([',', ';', '/', '\n', '\r'])
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The characteristics of a `Вязкость: 5W-30; Объём: 4 л` cell. An item
/// without `:` or `=` is a name without a value (validation asks for it).
pub fn parse_attributes(cell: &str) -> Vec<Attribute> {
    cell.split([';', '\n', '\r'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let (name, value) = item.split_once([':', '=']).unwrap_or((item, ""));
            Attribute {
                name: name.trim().to_owned(),
                value: value.trim().to_owned(),
            }
        })
        .collect()
}

/// The cell an export writes for characteristics; [`parse_attributes`] reads it back.
pub fn attributes_cell(attributes: &[Attribute]) -> String {
    attributes
        .iter()
        .map(|a| format!("{}: {}", a.name, a.value))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Brands of up to four capital letters that price lists print before a
/// number; any other such word right before digits is read as the number's
/// own prefix (`W 712/73`, `OC 90`, `VKBA 3637`).
const SHORT_BRANDS: &[&str] = &[
    "ABRO", "ABS", "AIC", "AKS", "ATE", "AUDI", "AVA", "BERU", "BMW", "BTS", "BYD", "CTR", "DEPO",
    "FAE", "FAG", "FAW", "FEBI", "FIAT", "FORD", "GAZ", "GKN", "GM", "GMB", "GSP", "GWM", "HSB",
    "INA", "JAC", "JEEP", "KIA", "KOYO", "KYB", "LADA", "LUK", "LYNX", "MANN", "MB", "MGM", "MINI",
    "MOOG", "NGK", "NK", "NPS", "NRF", "NSK", "NTK", "NTN", "OPEL", "PMC", "PSA", "RTS", "SAAB",
    "SAT", "SEAT", "SKF", "SNR", "SWAG", "SWF", "TRW", "TYC", "UAZ", "VAG", "VAZ", "VDO", "VEMO",
    "VW", "ZF", "ZIC",
];

/// The longest word read as a number's own letter prefix.
const MAX_PREFIX_CHARS: usize = 4;

/// The numbers of an OEM or cross cell: `MANN W 712/73; KNECHT OC 90`,
/// `W71273, OC90`, `VAG 03C 115 561 H`, `Лада (АвтоВАЗ) 21080-1012005-08`.
///
/// Items are separated by `;` `,` `|` or line breaks. In each item:
///
/// 1. `BRAND: NUMBER` names the brand explicitly (what an export writes when
///    the plain form would be misread; `: NUMBER` is a number without a brand).
/// 2. One word is a number without a brand.
/// 3. Otherwise the words before the first word with a digit are the brand
///    (`Лада (АвтоВАЗ)`, `BLUE PRINT`), the rest is the number — except that
///    the last of those words belongs to the number when it is one to four
///    capital Latin letters right before a word starting with a digit and is
///    not a known short brand ([`SHORT_BRANDS`]): `MANN W 712/73` is MANN's
///    `W 712/73`, `OC 90` has no brand, but `SKF 1234` is SKF's `1234`.
/// 4. With no digit at all, the last word is the number and the others the brand.
pub fn parse_numbers(cell: &str, kind: NumberKind) -> Vec<ProductNumber> {
    cell.split([';', ',', '|', '\n', '\r'])
        .filter_map(|item| {
            let (brand, number) = split_number(item)?;
            Some(ProductNumber {
                kind,
                brand,
                number,
            })
        })
        .collect()
}

/// An item's brand and number; `None` for an empty item.
fn split_number(item: &str) -> Option<(String, String)> {
    let item = item.trim();
    if let Some((brand, number)) = item.split_once(':') {
        let number = words(number);
        return (!number.is_empty()).then(|| (words(brand), number));
    }
    let tokens: Vec<&str> = item.split_whitespace().collect();
    let (brand, number) = match tokens.as_slice() {
        [] => return None,
        [only] => (&[][..], std::slice::from_ref(only)),
        _ => {
            let lead = tokens
                .iter()
                .take_while(|t| !t.chars().any(|c| c.is_ascii_digit()))
                .count();
            // No digit at all: the last word is the number. A letter prefix
            // right before the digits belongs to the number too.
            let last_is_number = lead == tokens.len()
                || lead
                    .checked_sub(1)
                    .and_then(|i| Some((tokens.get(i)?, tokens.get(lead)?)))
                    .is_some_and(|(word, next)| is_prefix(word, next));
            let split = if last_is_number { lead - 1 } else { lead };
            tokens.split_at(split)
        }
    };
    Some((brand.join(" "), number.join(" ")))
}

/// Whether `word`, right before `next`, is a number's letter prefix rather than a brand.
fn is_prefix(word: &str, next: &str) -> bool {
    (1..=MAX_PREFIX_CHARS).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && next.starts_with(|c: char| c.is_ascii_digit())
        && !SHORT_BRANDS.contains(&word)
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cell an export writes for numbers: `BRAND NUMBER; NUMBER; …`, with
/// `BRAND: NUMBER` for an item [`parse_numbers`] would read otherwise, so the
/// cell always imports back to the same brands and numbers.
pub fn numbers_cell(numbers: &[ProductNumber]) -> String {
    numbers
        .iter()
        .map(|n| {
            let brand = words(&n.brand);
            let number = words(&n.number);
            let plain = if brand.is_empty() {
                number.clone()
            } else {
                format!("{brand} {number}")
            };
            let reads_back = split_number(&plain).is_some_and(|(b, num)| {
                article_key(&b) == article_key(&brand) && article_key(&num) == article_key(&number)
            }) && !plain.contains(':');
            if reads_back {
                plain
            } else {
                format!("{brand}: {number}")
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The cell an export writes for barcodes.
pub fn barcodes_cell(barcodes: &[String]) -> String {
    barcodes.join("; ")
}

#[cfg(test)]
mod tests {
    use super::ProductColumn::*;
    use super::*;
    use crate::import::table::read_csv_bytes;

    fn suggest(headers: &[&str]) -> Vec<ProductColumn> {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        suggest_product_mapping(&headers)
    }

    #[test]
    fn headers_of_russian_and_english_price_lists() {
        assert_eq!(
            suggest(&[
                "Код товара",
                "Производитель",
                "Наименование товара",
                "Группа",
                "Ед. изм.",
                "Цена поставщика",
                "Цена, руб.",
                "Остаток",
                "Кросс-номера",
                "ID",
            ]),
            [
                Article,
                Brand,
                Name,
                Category,
                Unit,
                PurchasePrice,
                SalePrice,
                Ignore,
                CrossNumbers,
                Ignore
            ]
        );
        assert_eq!(
            suggest(&[
                "Part number",
                "Manufacturer",
                "Description",
                "Cost",
                "Retail price",
                "VAT",
                "EAN",
                "Barcode 2",
                "OEM",
                "Cross",
                "Supplier",
                "Notes",
            ]),
            [
                Article,
                Brand,
                Name,
                PurchasePrice,
                SalePrice,
                Vat,
                Barcode,
                Barcode,
                OemNumbers,
                CrossNumbers,
                Supplier,
                Notes
            ]
        );
        assert_eq!(
            suggest(&[
                "Артикул",
                "Марка",
                "Товар",
                "Закупочная цена, руб",
                "Розничная цена",
                "Наценка, %",
                "Ставка НДС",
                "Мин. остаток",
                "Штрих-код",
                "Аналоги",
                "Характеристики",
                "Примечание",
            ]),
            [
                Article,
                Brand,
                Name,
                PurchasePrice,
                SalePrice,
                Markup,
                Vat,
                MinStock,
                Barcode,
                CrossNumbers,
                Characteristics,
                Notes
            ]
        );
    }

    #[test]
    fn every_column_has_one_canonical_header_that_maps_back() {
        let columns: Vec<ProductColumn> = PRODUCT_HEADER_SYNONYMS.iter().map(|(c, _)| *c).collect();
        for (index, column) in columns.iter().enumerate() {
            assert!(!columns[..index].contains(column), "{column:?} twice");
        }
        assert_eq!(columns.len(), 16, "every column but Ignore");
        assert_eq!(product_header_of(Ignore), "");
        assert_eq!(product_header_of(SalePrice), "Цена");
        let headers: Vec<String> = columns
            .iter()
            .map(|c| product_header_of(*c).to_owned())
            .collect();
        assert_eq!(suggest_product_mapping(&headers), columns);
        for (column, names) in PRODUCT_HEADER_SYNONYMS {
            for name in *names {
                assert_eq!(suggest(&[name]), [*column], "{name}");
            }
        }
    }

    fn check_numbers(cell: &str, expected: &[(&str, &str)]) {
        let parsed: Vec<(String, String)> = parse_numbers(cell, NumberKind::Cross)
            .into_iter()
            .map(|n| (n.brand, n.number))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(b, n)| ((*b).to_owned(), (*n).to_owned()))
            .collect();
        assert_eq!(parsed, expected, "{cell}");
    }

    #[test]
    fn cross_number_cells() {
        check_numbers(
            "MANN W 712/73; KNECHT OC 90",
            &[("MANN", "W 712/73"), ("KNECHT", "OC 90")],
        );
        check_numbers("W71273, OC90", &[("", "W71273"), ("", "OC90")]);
        check_numbers("W 712/73", &[("", "W 712/73")]);
        check_numbers("OC 90 | HU 719/7 x", &[("", "OC 90"), ("", "HU 719/7 x")]);
        check_numbers("MANN-FILTER CUK 2939", &[("MANN-FILTER", "CUK 2939")]);
        check_numbers("SKF VKBA 3637", &[("SKF", "VKBA 3637")]);
        check_numbers("SKF 1234", &[("SKF", "1234")]);
        check_numbers("VAG 03C 115 561 H", &[("VAG", "03C 115 561 H")]);
        check_numbers("NGK BKR6E-11", &[("NGK", "BKR6E-11")]);
        check_numbers("TRW GDB1550", &[("TRW", "GDB1550")]);
        check_numbers("BOSCH 0 986 452 044", &[("BOSCH", "0 986 452 044")]);
        check_numbers(
            "Лада (АвтоВАЗ) 21080-1012005-08",
            &[("Лада (АвтоВАЗ)", "21080-1012005-08")],
        );
        check_numbers("BLUE PRINT ADG 0212", &[("BLUE PRINT", "ADG 0212")]);
        check_numbers("Hyundai/Kia 26300-35505", &[("Hyundai/Kia", "26300-35505")]);
        check_numbers("MAHLE OCX", &[("MAHLE", "OCX")]);
        check_numbers("555: SE-1381", &[("555", "SE-1381")]);
        check_numbers(": CUK 2939", &[("", "CUK 2939")]);
        check_numbers("  ;\nFEBI   38 482 ;; MAHLE:", &[("FEBI", "38 482")]);
    }

    #[test]
    fn exported_number_cells_read_back() {
        let numbers: Vec<ProductNumber> = [
            ("MANN-FILTER", "W 712/73"),
            ("", "OC 90"),
            ("555", "SE-1381"),
            ("SS20", "SS 1234"),
            ("Лада (АвтоВАЗ)", "21080-1012005-08"),
            ("", "MAHLE OC 90"),
            ("SKF", "VKBA 3637"),
            ("ABC", "123"),
        ]
        .into_iter()
        .map(|(brand, number)| ProductNumber {
            kind: NumberKind::Oem,
            brand: brand.to_owned(),
            number: number.to_owned(),
        })
        .collect();
        let cell = numbers_cell(&numbers);
        assert_eq!(
            cell,
            "MANN-FILTER W 712/73; OC 90; 555: SE-1381; SS20: SS 1234; \
             Лада (АвтоВАЗ) 21080-1012005-08; : MAHLE OC 90; SKF VKBA 3637; ABC: 123"
        );
        assert_eq!(parse_numbers(&cell, NumberKind::Oem), numbers);
    }

    #[test]
    fn characteristics_and_barcodes() {
        let attributes = parse_attributes("Вязкость: 5W-30; Объём: 4 л\nРезьба = M20x1,5; Допуск");
        let pairs: Vec<(&str, &str)> = attributes
            .iter()
            .map(|a| (a.name.as_str(), a.value.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("Вязкость", "5W-30"),
                ("Объём", "4 л"),
                ("Резьба", "M20x1,5"),
                ("Допуск", "")
            ]
        );
        assert_eq!(
            attributes_cell(&attributes[..2]),
            "Вязкость: 5W-30; Объём: 4 л"
        );
        assert_eq!(
            split_barcodes("4 009026 022469, 4009026022476;;/ 96385074"),
            ["4 009026 022469", "4009026022476", "96385074"]
        );
    }

    #[test]
    fn rows_become_drafts_with_the_columns_they_give() -> Result<(), Box<dyn std::error::Error>> {
        let text = "Артикул;Бренд;Наименование;Ед. изм.;Цена;НДС;Мин. остаток;Категория;Примечание;Штрихкод;Штрихкод 2\n\
                    OC 90;MAHLE;Фильтр масляный;шт.;1 234,50 ₽;22%;2 шт;Фильтры/ Масляные ;;4009026022467;\n\
                    W 712/73;MANN;Фильтр;ящик;990;18%;;;;;\n\
                    ;;;;;;;;;;\n\
                    ;;;;;;;;;;4009026022476\n";
        let table = read_csv_bytes(text.as_bytes())?;
        let mapping = suggest_product_mapping(&table.headers);
        let (records, problems) = to_product_records(&table, &mapping);
        let problems: Vec<(u32, &str, &str, IssueCode)> = problems
            .iter()
            .map(|p| (p.line, p.column.as_str(), p.value.as_str(), p.issue))
            .collect();
        assert_eq!(
            problems,
            [
                (3, "Ед. изм.", "ящик", IssueCode::UnknownValue),
                (3, "НДС", "18%", IssueCode::UnknownValue)
            ]
        );
        assert_eq!(records.len(), 3, "the empty row is skipped");
        let first = &records[0];
        assert_eq!(first.line, 2);
        assert_eq!(first.draft.article, "OC 90");
        assert_eq!(first.draft.unit, crate::domain::quantity::Unit::Piece);
        assert_eq!(first.draft.sale_price, "1 234,50");
        assert_eq!(first.draft.vat, VatRate::Vat22);
        assert_eq!(first.draft.min_stock, "2");
        assert_eq!(first.draft.barcodes, ["4009026022467"]);
        assert_eq!(first.category_path.as_deref(), Some("Фильтры / Масляные"));
        assert!(first.has(Notes), "a mapped notes column is always given");
        assert!(first.has(SalePrice) && first.has(MinStock) && !first.has(PurchasePrice));
        let last = &records[2];
        assert_eq!(last.line, 5);
        assert_eq!(last.draft.barcodes, ["4009026022476"]);
        assert_eq!(last.given, [Barcode, Notes]);
        Ok(())
    }
}
