//! Reading a file into a [`Table`]: a header row and data rows of trimmed text,
//! each row knowing its line in the file so messages can point at it.
//!
//! CSV comes in whatever Excel, 1С or another program wrote: UTF-8 with or
//! without a BOM, Windows-1251, UTF-16 ("Unicode text"); `;`, `,` or tab
//! separated. Spreadsheets are read with calamine; numbers come out the way
//! Excel shows them (a phone stored as a number is `79123456789`, not
//! `7.9123456789e10`), dates as `YYYY-MM-DD`.

use std::path::Path;

use calamine::{Data, Range, Reader, Sheets};
use serde::Serialize;

/// A table read from a file: header row + data rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Table {
    pub headers: Vec<String>,
    /// Every row has exactly `headers.len()` cells.
    pub rows: Vec<TableRow>,
    /// `UTF-8`, `Windows-1251`, `UTF-16LE`/`UTF-16BE` (CSV) or `XLSX` (any spreadsheet).
    pub encoding: String,
    /// `;`, `,` or a tab for CSV; `None` for spreadsheets.
    pub delimiter: Option<String>,
}

/// One data row. `line` is the 1-based line (CSV) or row (spreadsheet) number
/// in the file where the row starts, for messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TableRow {
    pub line: u32,
    pub cells: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    /// The extension (lower case, without the dot; empty when there is none).
    #[error(
        "unsupported file type: {0:?} (expected .csv, .txt, .xlsx, .xlsm, .xls, .xlsb or .ods)"
    )]
    UnsupportedFormat(String),
    /// No row with any text in it.
    #[error("the file has no data")]
    Empty,
    #[error("cannot read the spreadsheet: {0}")]
    Xlsx(String),
    #[error("cannot read the CSV file: {0}")]
    Csv(String),
}

/// Reads a CSV (`.csv`, `.txt`) or spreadsheet (`.xlsx`, `.xlsm`, `.xls`,
/// `.xlsb`, `.ods`) file, by its extension. Of a workbook, the first worksheet
/// with any text in it is read. A file with a header row and no data gives a
/// table without rows; one with no text at all is [`TableError::Empty`].
pub fn read_table(path: &Path) -> Result<Table, TableError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase();
    match extension.as_str() {
        "csv" | "txt" | "tsv" => read_csv_bytes(&std::fs::read(path)?),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_spreadsheet(path, &extension),
        _ => Err(TableError::UnsupportedFormat(extension)),
    }
}

/// Reads CSV text. Encoding: a BOM decides; else valid UTF-8 is UTF-8 and
/// anything else is Windows-1251 (what Russian Excel writes). The delimiter is
/// the most frequent of `;` `,` tab (outside quotes) in the header line, `;`
/// winning ties. Cells are trimmed, fully empty rows skipped, and the first
/// non-empty row is the header.
pub fn read_csv_bytes(bytes: &[u8]) -> Result<Table, TableError> {
    let (text, encoding) = decode(bytes);
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(&text);
    for record in reader.records() {
        let record = record.map_err(|e| TableError::Csv(e.to_string()))?;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        rows.push(TableRow {
            line,
            cells: record.iter().map(clean_cell).collect(),
        });
    }
    let delimiter = match delimiter {
        b'\t' => "\t".to_owned(),
        other => char::from(other).to_string(),
    };
    build(rows, encoding, Some(delimiter))
}

/// Line numbers of records from their byte offsets. The csv crate's own line
/// numbers drift: a record's position is where the previous record's
/// terminator stopped, so a CRLF's `\n` and skipped empty lines come before
/// the record itself.
struct LineCounter<'t> {
    text: &'t [u8],
    /// Bytes counted so far, and the newlines among them.
    offset: usize,
    newlines: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            newlines: 0,
        }
    }

    /// The 1-based line of the record whose position is `byte` (offsets only grow).
    fn line_at(&mut self, byte: u64) -> u32 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.offset {
            let skipped = self.text.get(self.offset..start).unwrap_or_default();
            self.newlines += skipped.iter().filter(|b| **b == b'\n').count();
            self.offset = start;
        }
        u32::try_from(self.newlines + 1).unwrap_or(u32::MAX)
    }
}

/// Decodes the bytes, naming the encoding found.
fn decode(bytes: &[u8]) -> (String, String) {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = bytes.get(bom_length..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(body);
        return (text.into_owned(), encoding.name().to_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), "UTF-8".to_owned()),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
            (text.into_owned(), "Windows-1251".to_owned())
        }
    }
}

const DELIMITERS: [u8; 3] = [b';', b',', b'\t'];

/// Counts the candidate delimiters outside quotes in the first line that has
/// any text (a line of only delimiters is an empty row Excel wrote).
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    let mut has_text = false;
    for ch in text.chars() {
        match ch {
            '"' => {
                in_quotes = !in_quotes;
                has_text = true;
            }
            '\n' | '\r' if !in_quotes => {
                if has_text {
                    break;
                }
                counts = [0; 3];
            }
            _ if in_quotes => {}
            _ => {
                if let Some(index) = DELIMITERS.iter().position(|d| char::from(*d) == ch) {
                    if let Some(count) = counts.get_mut(index) {
                        *count += 1;
                    }
                } else if !ch.is_whitespace() {
                    has_text = true;
                }
            }
        }
    }
    // `max_by_key` keeps the last of equal maxima, so walk from the least preferred.
    DELIMITERS
        .iter()
        .zip(counts)
        .rev()
        .max_by_key(|(_, count)| *count)
        .map_or(b';', |(delimiter, _)| *delimiter)
}

/// Trims a cell, including the non-breaking spaces Excel and 1С like.
fn clean_cell(cell: &str) -> String {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .to_owned()
}

/// Drops empty rows, takes the first row as the header and gives every row
/// the same width.
fn build(
    rows: Vec<TableRow>,
    encoding: String,
    delimiter: Option<String>,
) -> Result<Table, TableError> {
    let mut rows = rows.into_iter().filter_map(|mut row| {
        while row.cells.last().is_some_and(String::is_empty) {
            row.cells.pop();
        }
        (!row.cells.is_empty()).then_some(row)
    });
    let header = rows.next().ok_or(TableError::Empty)?;
    let mut rows: Vec<TableRow> = rows.collect();
    let width = rows
        .iter()
        .map(|row| row.cells.len())
        .chain([header.cells.len()])
        .max()
        .unwrap_or_default();
    let mut headers = header.cells;
    headers.resize(width, String::new());
    for row in &mut rows {
        row.cells.resize(width, String::new());
    }
    Ok(Table {
        headers,
        rows,
        encoding,
        delimiter,
    })
}

fn read_spreadsheet(path: &Path, extension: &str) -> Result<Table, TableError> {
    let xlsx_error = |e: calamine::Error| TableError::Xlsx(e.to_string());
    let mut workbook = match extension {
        "xls" => Sheets::Xls(
            calamine::open_workbook(path).map_err(|e| xlsx_error(calamine::Error::Xls(e)))?,
        ),
        "xlsb" => Sheets::Xlsb(
            calamine::open_workbook(path).map_err(|e| xlsx_error(calamine::Error::Xlsb(e)))?,
        ),
        "ods" => Sheets::Ods(
            calamine::open_workbook(path).map_err(|e| xlsx_error(calamine::Error::Ods(e)))?,
        ),
        _ => Sheets::Xlsx(
            calamine::open_workbook(path).map_err(|e| xlsx_error(calamine::Error::Xlsx(e)))?,
        ),
    };
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(xlsx_error)?;
        match build(range_rows(&range), "XLSX".to_owned(), None) {
            Ok(table) => return Ok(table),
            Err(TableError::Empty) => continue,
            Err(other) => return Err(other),
        }
    }
    Err(TableError::Empty)
}

/// The rows of a worksheet as text, numbered as Excel numbers them.
fn range_rows(range: &Range<Data>) -> Vec<TableRow> {
    let Some((first_row, _)) = range.start() else {
        return Vec::new();
    };
    range
        .rows()
        .zip(first_row..)
        .map(|(cells, row)| TableRow {
            line: row.saturating_add(1),
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect()
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => clean_cell(text),
        Data::Int(number) => number.to_string(),
        Data::Float(number) => number_text(*number),
        Data::Bool(true) => "TRUE".to_owned(),
        Data::Bool(false) => "FALSE".to_owned(),
        Data::DateTime(datetime) if datetime.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = datetime.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else if datetime.as_f64() < 1.0 {
                // A time of day without a date.
                format!("{hour:02}:{minute:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}")
            }
        }
        Data::DateTime(duration) => number_text(duration.as_f64()),
        Data::DateTimeIso(text) => text.strip_suffix("T00:00:00").unwrap_or(text).to_owned(),
        Data::DurationIso(text) => text.clone(),
        // `#N/A`, `#DIV/0!`…: nothing a client card can use.
        Data::Error(_) => String::new(),
    }
}

/// Excel keeps 15 significant digits; whole numbers have no fraction.
const EXCEL_DIGITS: i32 = 15;

/// A number the way Excel shows it in a General cell, without exponents.
pub(crate) fn number_text(number: f64) -> String {
    if !number.is_finite() {
        return String::new();
    }
    if number.fract() == 0.0 && number.abs() < 1e15 {
        // Exact: |number| < 2^53.
        #[allow(clippy::cast_possible_truncation)]
        return (number as i64).to_string();
    }
    let magnitude = if number == 0.0 {
        0
    } else {
        #[allow(clippy::cast_possible_truncation)]
        let exponent = number.abs().log10().floor() as i32;
        exponent
    };
    let decimals = usize::try_from(EXCEL_DIGITS - 1 - magnitude).unwrap_or(0);
    let text = format!("{number:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn cells(table: &Table) -> Vec<(u32, Vec<&str>)> {
        table
            .rows
            .iter()
            .map(|row| (row.line, row.cells.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn utf8_with_bom_and_semicolons() -> TestResult {
        let text = "\u{feff}ФИО;Телефон;Госномер\r\nИванов Иван;+7 912 345-67-89;А123ВС77\r\n";
        let table = read_csv_bytes(text.as_bytes())?;
        assert_eq!(table.encoding, "UTF-8");
        assert_eq!(table.delimiter.as_deref(), Some(";"));
        assert_eq!(table.headers, ["ФИО", "Телефон", "Госномер"]);
        assert_eq!(
            cells(&table),
            [(2, vec!["Иванов Иван", "+7 912 345-67-89", "А123ВС77"])]
        );
        Ok(())
    }

    #[test]
    fn utf8_without_bom_and_commas() -> TestResult {
        let text = "Last name,First name,Phone\nIvanov,Ivan,89123456789\nPetrov,Petr,\n";
        let table = read_csv_bytes(text.as_bytes())?;
        assert_eq!(table.encoding, "UTF-8");
        assert_eq!(table.delimiter.as_deref(), Some(","));
        assert_eq!(table.headers, ["Last name", "First name", "Phone"]);
        assert_eq!(
            cells(&table),
            [
                (2, vec!["Ivanov", "Ivan", "89123456789"]),
                (3, vec!["Petrov", "Petr", ""])
            ]
        );
        Ok(())
    }

    #[test]
    fn windows_1251_with_semicolons() -> TestResult {
        let text = "Фамилия;Имя;Телефон\r\nЁжиков;Пётр;8(912)345-67-89\r\n";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err());
        let table = read_csv_bytes(&bytes)?;
        assert_eq!(table.encoding, "Windows-1251");
        assert_eq!(table.delimiter.as_deref(), Some(";"));
        assert_eq!(table.headers, ["Фамилия", "Имя", "Телефон"]);
        assert_eq!(
            cells(&table),
            [(2, vec!["Ёжиков", "Пётр", "8(912)345-67-89"])]
        );
        Ok(())
    }

    #[test]
    fn utf16_unicode_text_with_tabs() -> TestResult {
        // What Excel's "Unicode text" writes: UTF-16LE with a BOM, tab separated.
        let text = "ФИО\tТелефон\r\nИванов\t79123456789\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let table = read_csv_bytes(&bytes)?;
        assert_eq!(table.encoding, "UTF-16LE");
        assert_eq!(table.delimiter.as_deref(), Some("\t"));
        assert_eq!(cells(&table), [(2, vec!["Иванов", "79123456789"])]);
        Ok(())
    }

    #[test]
    fn tabs() -> TestResult {
        let text = "ФИО\tТелефон\tАдрес\nИванов; Иван\t79123456789\tМосква, Тверская, 1\n";
        let table = read_csv_bytes(text.as_bytes())?;
        assert_eq!(table.delimiter.as_deref(), Some("\t"));
        assert_eq!(
            cells(&table),
            [(
                2,
                vec!["Иванов; Иван", "79123456789", "Москва, Тверская, 1"]
            )]
        );
        Ok(())
    }

    #[test]
    fn quoted_cells_empty_lines_and_line_numbers() -> TestResult {
        let text = concat!(
            "\n",                                          // 1: empty
            ";;;\n",                                       // 2: Excel's empty row
            "\"ФИО\";\"Адрес\";Заметки\n",                 // 3: header
            "Иванов;\"г. Москва; ул. Ленина, 1\";\"две\n", // 4: a cell spanning
            "строки, \"\"важно\"\"\"\n",                   // 5
            "\n",                                          // 6: empty
            "  Петров  ;  ;\n",                            // 7
            " ; ; \n",                                     // 8: blank cells only
            "Сидоров;Тверь;\"a\r\nb\r\nc\"\r\n",           // 9-11
            "Козлов;;\n",                                  // 12
        );
        let table = read_csv_bytes(text.as_bytes())?;
        assert_eq!(table.delimiter.as_deref(), Some(";"));
        assert_eq!(table.headers, ["ФИО", "Адрес", "Заметки"]);
        assert_eq!(
            cells(&table),
            [
                (
                    4,
                    vec![
                        "Иванов",
                        "г. Москва; ул. Ленина, 1",
                        "две\nстроки, \"важно\""
                    ]
                ),
                (7, vec!["Петров", "", ""]),
                (9, vec!["Сидоров", "Тверь", "a\r\nb\r\nc"]),
                (12, vec!["Козлов", "", ""]),
            ]
        );
        Ok(())
    }

    #[test]
    fn delimiter_counts_only_outside_quotes_and_prefers_semicolons() {
        assert_eq!(detect_delimiter("\"a,b,c\";d\n1,2,3"), b';');
        assert_eq!(detect_delimiter("a;b,c\n"), b';');
        assert_eq!(detect_delimiter("a,b,c;d\n"), b',');
        assert_eq!(detect_delimiter("a\tb\tc,d;e\n"), b'\t');
        assert_eq!(detect_delimiter("only\n"), b';');
    }

    #[test]
    fn ragged_rows_get_the_header_width() -> TestResult {
        let table = read_csv_bytes("a;b\n1\n1;2;3\n".as_bytes())?;
        assert_eq!(table.headers, ["a", "b", ""]);
        assert_eq!(
            cells(&table),
            [(2, vec!["1", "", ""]), (3, vec!["1", "2", "3"])]
        );
        Ok(())
    }

    #[test]
    fn empty_files_are_errors() -> TestResult {
        assert!(matches!(read_csv_bytes(b""), Err(TableError::Empty)));
        assert!(matches!(
            read_csv_bytes("\u{feff}\r\n;;\r\n".as_bytes()),
            Err(TableError::Empty)
        ));
        let header_only = read_csv_bytes("ФИО;Телефон\n".as_bytes())?;
        assert!(header_only.rows.is_empty());
        Ok(())
    }

    #[test]
    fn unknown_extensions_are_refused() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("clients.docx");
        std::fs::write(&path, b"x")?;
        assert!(matches!(
            read_table(&path),
            Err(TableError::UnsupportedFormat(ext)) if ext == "docx"
        ));
        let csv = dir.path().join("CLIENTS.CSV");
        std::fs::write(&csv, "ФИО\nИванов\n")?;
        assert_eq!(read_table(&csv)?.rows.len(), 1);
        Ok(())
    }

    #[test]
    fn numbers_as_excel_shows_them() {
        assert_eq!(number_text(79123456789.0), "79123456789");
        assert_eq!(number_text(1.6), "1.6");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(-5.0), "-5");
        assert_eq!(number_text(0.0), "0");
        assert_eq!(number_text(120000.5), "120000.5");
    }
}
