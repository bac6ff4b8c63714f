//! Writing a table of text to CSV or XLSX, the way Russian Excel opens it
//! without questions.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, XlsxError};
use serde::{Deserialize, Serialize};

use crate::import::table::TableError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

/// The sheet of an exported workbook of clients.
pub const SHEET_NAME: &str = "Клиенты";

/// Column widths in characters, for fitting columns to their text.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// Writes a header row and rows. CSV: UTF-8 with a BOM, `;`, CRLF, quoted
/// where needed. XLSX: one sheet named `sheet` ([`SHEET_NAME`] for clients),
/// bold frozen header, fitted widths, every cell text (phones, ИНН and
/// articles like `0 986 452 044` must not turn into numbers).
pub fn write_table(
    path: &Path,
    format: ExportFormat,
    sheet: &str,
    headers: &[&str],
    rows: &[Vec<String>],
) -> Result<(), TableError> {
    match format {
        ExportFormat::Csv => {
            let bytes = csv_bytes(headers, rows)?;
            std::fs::write(path, bytes)?;
            Ok(())
        }
        ExportFormat::Xlsx => write_xlsx(path, sheet, headers, rows).map_err(|e| match e {
            XlsxError::IoError(io) => TableError::Io(io),
            other => TableError::Xlsx(other.to_string()),
        }),
    }
}

fn csv_bytes(headers: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, TableError> {
    let csv_error = |e: csv::Error| TableError::Csv(e.to_string());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    writer.write_record(headers).map_err(csv_error)?;
    for row in rows {
        writer.write_record(row).map_err(csv_error)?;
    }
    let body = writer
        .into_inner()
        .map_err(|e| TableError::Csv(e.error().to_string()))?;
    let mut bytes = Vec::with_capacity(body.len() + 3);
    bytes.write_all(b"\xEF\xBB\xBF")?;
    bytes.extend(body);
    Ok(bytes)
}

fn write_xlsx(
    path: &Path,
    sheet_name: &str,
    headers: &[&str],
    rows: &[Vec<String>],
) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name)?;
    let bold = Format::new().set_bold().set_num_format("@");
    let text = Format::new().set_num_format("@");
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for (col, header) in (0..).zip(headers) {
        sheet.write_string_with_format(0, col, *header, &bold)?;
    }
    for (row, cells) in (1..).zip(rows) {
        let row: RowNum = row;
        for (col, cell) in (0..).zip(cells) {
            let col: ColNum = col;
            sheet.write_string_with_format(row, col, cell, &text)?;
            let width = cell.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            match widths.get_mut(usize::from(col)) {
                Some(known) => *known = (*known).max(width),
                None => widths.push(width),
            }
        }
    }
    for (col, width) in (0..).zip(widths) {
        let col: ColNum = col;
        // A little air for the bold header and the filter arrow.
        let width = width.clamp(MIN_WIDTH, MAX_WIDTH) + 2;
        sheet.set_column_width(col, u32::try_from(width).unwrap_or(u32::MAX))?;
        sheet.set_column_format(col, &text)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use crate::import::mapping::{ImportColumn, header_of, suggest_mapping};
    use crate::import::records::to_records;
    use crate::import::table::{read_csv_bytes, read_table};

    fn sample() -> (Vec<&'static str>, Vec<Vec<String>>) {
        let headers = vec![
            header_of(ImportColumn::Surname),
            header_of(ImportColumn::Name),
            header_of(ImportColumn::Phone),
            header_of(ImportColumn::Inn),
            header_of(ImportColumn::Notes),
            header_of(ImportColumn::Plate),
        ];
        let rows = vec![
            vec![
                "Ёлкин".to_owned(),
                "Пётр".to_owned(),
                "79123456789".to_owned(),
                "0274062111".to_owned(),
                "Звонить; после \"обеда\"\nи вечером".to_owned(),
                "А123ВС77".to_owned(),
            ],
            vec![
                "Иванов".to_owned(),
                "Иван".to_owned(),
                "+7 900 000-00-00".to_owned(),
                String::new(),
                String::new(),
                String::new(),
            ],
        ];
        (headers, rows)
    }

    #[test]
    fn csv_is_excel_friendly_and_reads_back() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("clients.csv");
        let (headers, rows) = sample();
        write_table(&path, ExportFormat::Csv, SHEET_NAME, &headers, &rows)?;
        let bytes = std::fs::read(&path)?;
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = std::str::from_utf8(&bytes)?;
        assert!(text.starts_with("\u{feff}Фамилия;Имя;Телефон;ИНН;Заметки;Госномер\r\n"));
        assert!(text.contains("\"Звонить; после \"\"обеда\"\"\nи вечером\""));
        let table = read_csv_bytes(&bytes)?;
        assert_eq!(table.encoding, "UTF-8");
        assert_eq!(table.headers, headers);
        assert_eq!(table.rows[0].cells, rows[0]);
        assert_eq!(table.rows[1].line, 4, "the note spans lines 2 and 3");
        Ok(())
    }

    #[test]
    fn xlsx_round_trip_keeps_text() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("clients.xlsx");
        let (headers, rows) = sample();
        write_table(&path, ExportFormat::Xlsx, SHEET_NAME, &headers, &rows)?;
        let table = read_table(&path)?;
        assert_eq!(table.encoding, "XLSX");
        assert_eq!(table.delimiter, None);
        assert_eq!(table.headers, headers);
        let lines: Vec<u32> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3]);
        assert_eq!(table.rows[0].cells, rows[0]);
        assert_eq!(table.rows[1].cells, rows[1]);
        // And what we export maps back column for column.
        let mapping = suggest_mapping(&table.headers);
        assert_eq!(
            mapping,
            [
                ImportColumn::Surname,
                ImportColumn::Name,
                ImportColumn::Phone,
                ImportColumn::Inn,
                ImportColumn::Notes,
                ImportColumn::Plate
            ]
        );
        let (records, problems) = to_records(&table, &mapping);
        assert_eq!(problems, []);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].client.company.inn, "0274062111");
        Ok(())
    }

    #[test]
    fn numbers_and_dates_typed_in_excel_read_as_text() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("from excel.xlsx");
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        let date = Format::new().set_num_format("dd.mm.yyyy");
        // An empty first row and column: lines are the sheet's own row numbers.
        sheet.write_string(1, 1, "Телефон")?;
        sheet.write_string(1, 2, "Объём двигателя")?;
        sheet.write_string(1, 3, "Дата рождения")?;
        sheet.write_string(1, 4, "Пробег")?;
        sheet.write_number(2, 1, 79123456789.0)?;
        sheet.write_number(2, 2, 1.6)?;
        sheet.write_number_with_format(2, 3, 29252.0, &date)?;
        sheet.write_number(2, 4, 120000)?;
        sheet.write_string(4, 1, "89001234567")?;
        workbook.save(&path)?;

        let table = read_table(&path)?;
        assert_eq!(
            table.headers,
            ["Телефон", "Объём двигателя", "Дата рождения", "Пробег"]
        );
        let rows: Vec<(u32, Vec<&str>)> = table
            .rows
            .iter()
            .map(|r| (r.line, r.cells.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            rows,
            [
                (3, vec!["79123456789", "1.6", "1980-02-01", "120000"]),
                (5, vec!["89001234567", "", "", ""]),
            ]
        );
        Ok(())
    }

    #[test]
    fn first_non_empty_sheet_is_read() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("two sheets.xlsx");
        let mut workbook = Workbook::new();
        workbook.add_worksheet().set_name("Пусто")?;
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "ФИО")?;
        sheet.write_string(1, 0, "Иванов")?;
        workbook.save(&path)?;
        let table = read_table(&path)?;
        assert_eq!(table.headers, ["ФИО"]);
        assert_eq!(table.rows.len(), 1);
        Ok(())
    }

    #[test]
    fn broken_spreadsheets_are_errors() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("broken.xlsx");
        std::fs::write(&path, b"not a zip")?;
        assert!(matches!(read_table(&path), Err(TableError::Xlsx(_))));
        let missing = dir.path().join("missing.csv");
        assert!(matches!(read_table(&missing), Err(TableError::Io(_))));
        Ok(())
    }
}
