//! The file layer of importing clients with their cars and exporting clients,
//! and of importing and exporting products (see [`ProductColumn`]).
//! Pure of the database: a file becomes a [`Table`], the operator confirms a
//! mapping (guessed by [`suggest_mapping`]), and [`to_records`] turns the rows
//! into client and car drafts for the core to validate and save. Exports go
//! the other way through [`write_table`], with [`header_of`] headers that
//! import back as the same columns.
//!
//! ```text
//! read_table(path) → Table → suggest_mapping(&table.headers) → (operator edits)
//!     → to_records(&table, &mapping) → (Vec<ImportRecord>, Vec<ImportProblem>)
//! ```

mod export;
mod mapping;
mod products;
mod records;
mod table;

pub use export::{ExportFormat, SHEET_NAME, write_table};
pub use mapping::{HEADER_SYNONYMS, ImportColumn, header_of, suggest_mapping};
pub use products::{
    PRODUCT_HEADER_SYNONYMS, PRODUCTS_SHEET_NAME, ProductColumn, ProductRecord, attributes_cell,
    barcodes_cell, numbers_cell, parse_attributes, parse_numbers, product_header_of,
    split_barcodes, suggest_product_mapping, to_product_records,
};
pub use records::{ImportProblem, ImportRecord, to_records};
pub use table::{Table, TableError, TableRow, read_csv_bytes, read_table};
