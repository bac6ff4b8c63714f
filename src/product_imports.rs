//! Importing products from a supplier's price list or the shop's own
//! catalogue (CSV or a spreadsheet), and exporting the nomenclature. The file
//! layer (`crate::import::products`) reads the rows; here each row is matched
//! to the product with the same article and brand, merged into it, validated,
//! and the whole file is written in one transaction — or nothing is, when any
//! row has a problem.
//!
//! **Updates merge.** A row updates only the columns it gives: a column that
//! is not mapped, or a mapped but empty cell, keeps the product's own value
//! (a price list with article, brand, name and price leaves numbers, barcodes,
//! characteristics and the category alone). The exception is a mapped notes
//! column: an empty cell clears the notes, so a catalogue exported and edited
//! in Excel imports back as edited.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Serialize;
use sqlx::SqliteConnection;

use crate::Remzona;
use crate::db::products::{self as store, ImportedProduct, StoredProduct};
use crate::domain::article::article_key;
use crate::domain::ids::{CategoryId, ProductId, SupplierId};
use crate::domain::money::Money;
use crate::domain::product::{
    NumberKind, PriceRule, ProductDraft, ProductNumber, SupplierDraft, ValidProduct, VatRate,
};
use crate::domain::quantity::Quantity;
use crate::domain::search::fold;
use crate::domain::validation::{FieldIssue, IssueCode};
use crate::error::Result;
use crate::import::{
    ExportFormat, PRODUCTS_SHEET_NAME, ProductColumn, ProductRecord, Table, attributes_cell,
    barcodes_cell, numbers_cell, product_header_of, read_table, suggest_product_mapping,
    to_product_records, write_table,
};
use crate::imports::{ImportProgress, RowProblem};

/// Rows shown in the mapping preview.
const PREVIEW_ROWS: usize = 20;
/// Rows written per batch; the progress callback hears after each.
const BATCH: usize = 500;
/// The longest supplier name and category level an import adds (as the lists' own windows allow).
const MAX_SUPPLIER_NAME: usize = 160;
const MAX_CATEGORY_NAME: usize = 80;

/// What the product import window shows before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductImportPreview {
    pub headers: Vec<String>,
    /// The first rows of the file, as read.
    pub sample: Vec<Vec<String>>,
    /// The mapping used: the one given, or the one guessed from the headers.
    pub mapping: Vec<ProductColumn>,
    pub encoding: String,
    pub delimiter: Option<String>,
    pub rows: u32,
    pub plan: ProductImportPlan,
}

/// What a product import would do (or did).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductImportPlan {
    /// Rows that add a new product.
    pub create: u32,
    /// Rows that update the product with the same article and brand.
    pub update: u32,
    /// Rows that cannot be imported as they are; while there are any, nothing is.
    pub problems: Vec<RowProblem>,
}

/// What a product import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductImportReport {
    /// False when the file had problems: then nothing was written.
    pub imported: bool,
    pub plan: ProductImportPlan,
}

/// A row that passed validation, ready to write.
struct Planned {
    /// The product it updates, as stored; `None` adds one.
    existing: Option<StoredProduct>,
    product: ValidProduct,
    /// Set when the row names a category or a supplier (found or added when written).
    category_path: Option<String>,
    supplier: Option<String>,
}

impl Remzona {
    /// Reads the file and shows what importing it would do, writing nothing.
    pub async fn preview_product_import(
        &self,
        path: &Path,
        mapping: Option<Vec<ProductColumn>>,
    ) -> Result<ProductImportPreview> {
        let table = read_table(path)?;
        let mapping = mapping_for(&table, mapping);
        let mut conn = self.db.read().await?;
        let (plan, _) = plan_import(&mut conn, &table, &mapping).await?;
        drop(conn);
        Ok(ProductImportPreview {
            sample: table
                .rows
                .iter()
                .take(PREVIEW_ROWS)
                .map(|r| r.cells.clone())
                .collect(),
            rows: u32::try_from(table.rows.len()).unwrap_or(u32::MAX),
            headers: table.headers,
            mapping,
            encoding: table.encoding,
            delimiter: table.delimiter,
            plan,
        })
    }

    /// Imports the file: every row updates the product with its article and
    /// brand or adds a new one, all in one transaction — or nothing is written
    /// when any row has a problem. `progress` hears after every few hundred rows.
    pub async fn run_product_import(
        &self,
        path: &Path,
        mapping: Option<Vec<ProductColumn>>,
        mut progress: impl FnMut(ImportProgress),
    ) -> Result<ProductImportReport> {
        let table = read_table(path)?;
        let mapping = mapping_for(&table, mapping);
        // Planned inside the write transaction: the matches hold until the commit.
        let mut tx = self.db.begin_write().await?;
        let (plan, mut planned) = plan_import(&mut tx, &table, &mapping).await?;
        if !plan.problems.is_empty() {
            return Ok(ProductImportReport {
                imported: false,
                plan,
            });
        }
        let total = u32::try_from(planned.len()).unwrap_or(u32::MAX);
        progress(ImportProgress { done: 0, total });
        let now = self.now();
        let mut lists = Lists::load(&mut tx).await?;
        let mut next_seq = store::next_seq(&mut tx).await?;
        let mut done: u32 = 0;
        for chunk in planned.chunks_mut(BATCH) {
            for row in chunk.iter_mut() {
                if let Some(path) = &row.category_path {
                    row.product.category_id = lists.category(&mut tx, path).await?;
                }
                if let Some(name) = &row.supplier {
                    row.product.supplier_id = Some(lists.supplier(&mut tx, name).await?);
                }
            }
            let mut batch = Vec::with_capacity(chunk.len());
            for row in chunk.iter() {
                let brand = match &row.product.brand {
                    Some(name) => Some(lists.brand(&mut tx, name).await?),
                    None => None,
                };
                let (seq, new_id, children) = match &row.existing {
                    // A row that changes nothing is not written (its `updated_at` stays).
                    Some(old) if unchanged(&row.product, old) => continue,
                    Some(old) => (old.seq, None, !same_children(&row.product, old)),
                    None => {
                        next_seq += 1;
                        (next_seq - 1, Some(ProductId::new()), true)
                    }
                };
                batch.push(ImportedProduct {
                    seq,
                    new_id,
                    product: &row.product,
                    brand,
                    children,
                });
            }
            store::write_imported(&mut tx, &batch, now).await?;
            done = done.saturating_add(u32::try_from(chunk.len()).unwrap_or(u32::MAX));
            progress(ImportProgress { done, total });
        }
        tx.commit().await?;
        Ok(ProductImportReport {
            imported: true,
            plan,
        })
    }

    /// Writes every product to `path`, one row each, in columns named so the
    /// file imports back as the same products; returns the number of rows.
    pub async fn export_products(&self, path: &Path, format: ExportFormat) -> Result<u32> {
        let mut conn = self.db.read().await?;
        let products = store::stored_products(&mut conn, None).await?;
        let categories: HashMap<CategoryId, String> = store::categories(&mut conn, true)
            .await?
            .into_iter()
            .map(|c| (c.id, c.path))
            .collect();
        let suppliers: HashMap<SupplierId, String> = store::suppliers(&mut conn, true)
            .await?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect();
        drop(conn);
        let headers: Vec<&str> = EXPORT_COLUMNS
            .iter()
            .map(|c| product_header_of(*c))
            .collect();
        let rows: Vec<Vec<String>> = products
            .iter()
            .map(|product| export_row(product, &categories, &suppliers))
            .collect();
        write_table(path, format, PRODUCTS_SHEET_NAME, &headers, &rows)?;
        Ok(u32::try_from(rows.len()).unwrap_or(u32::MAX))
    }
}

fn mapping_for(table: &Table, mapping: Option<Vec<ProductColumn>>) -> Vec<ProductColumn> {
    match mapping {
        Some(given) if given.len() == table.headers.len() => given,
        _ => suggest_product_mapping(&table.headers),
    }
}

/// Reads the rows, matches each to a product by article and brand, merges
/// and validates it; problems carry the file's line and column.
async fn plan_import(
    conn: &mut SqliteConnection,
    table: &Table,
    mapping: &[ProductColumn],
) -> Result<(ProductImportPlan, Vec<Planned>)> {
    let (records, unread) = to_product_records(table, mapping);
    let columns = Columns {
        mapping,
        headers: &table.headers,
    };
    let mut problems: Vec<RowProblem> = unread.into_iter().map(RowProblem::from).collect();
    let brands = store::brand_ids(conn).await?;
    let index = store::article_index(conn).await?;
    // Rows with an article find their product; the same article and brand
    // twice in the file is a mistake in the file, reported on the later line.
    let mut seen: HashSet<(String, String)> = HashSet::with_capacity(records.len());
    let mut matches: Vec<Option<i64>> = Vec::with_capacity(records.len());
    let mut repeated: HashSet<u32> = HashSet::new();
    for record in &records {
        let article = article_key(&record.draft.article);
        if article.is_empty() {
            matches.push(None);
            continue;
        }
        let brand = article_key(&record.draft.brand);
        let brand_id = if brand.is_empty() {
            Some(0)
        } else {
            brands.get(&brand).map(|b| i64::from(b.0))
        };
        matches.push(brand_id.and_then(|b| index.get(&(article.clone(), b)).copied()));
        if !seen.insert((article, brand)) {
            repeated.insert(record.line);
            problems.push(columns.problem(
                record.line,
                ProductColumn::Article,
                &record.draft.article,
                IssueCode::Repeated,
                None,
            ));
        }
    }
    let seqs: Vec<i64> = matches.iter().flatten().copied().collect();
    let stored: HashMap<i64, StoredProduct> = if seqs.is_empty() {
        HashMap::new()
    } else {
        store::stored_products(conn, Some(&seqs))
            .await?
            .into_iter()
            .map(|p| (p.seq, p))
            .collect()
    };
    let mut plan = ProductImportPlan::default();
    let mut planned = Vec::with_capacity(records.len());
    for (record, existing) in records.iter().zip(matches) {
        let existing = existing.and_then(|seq| stored.get(&seq));
        let draft = merged_draft(record, existing);
        let names_ok = check_names(record, &columns, &mut problems);
        match draft.validate() {
            Ok(product) if names_ok && !repeated.contains(&record.line) => {
                match existing {
                    Some(_) => plan.update += 1,
                    None => plan.create += 1,
                }
                planned.push(Planned {
                    existing: existing.cloned(),
                    product,
                    category_path: record.category_path.clone(),
                    supplier: record.supplier.clone(),
                });
            }
            Ok(_) => {}
            Err(issues) => {
                for issue in issues.into_vec() {
                    problems.push(columns.issue(record.line, &issue, &draft));
                }
            }
        }
    }
    problems.sort_by_key(|p| p.line);
    plan.problems = problems;
    Ok((plan, planned))
}

/// The supplier's name and the category's levels must fit their lists.
fn check_names(
    record: &ProductRecord,
    columns: &Columns<'_>,
    problems: &mut Vec<RowProblem>,
) -> bool {
    let mut ok = true;
    if let Some(name) = &record.supplier
        && name.chars().count() > MAX_SUPPLIER_NAME
    {
        problems.push(columns.problem(
            record.line,
            ProductColumn::Supplier,
            name,
            IssueCode::TooLong,
            Some(MAX_SUPPLIER_NAME),
        ));
        ok = false;
    }
    if let Some(path) = &record.category_path
        && path
            .split(crate::domain::product::CATEGORY_SEPARATOR)
            .any(|level| level.chars().count() > MAX_CATEGORY_NAME)
    {
        problems.push(columns.problem(
            record.line,
            ProductColumn::Category,
            path,
            IssueCode::TooLong,
            Some(MAX_CATEGORY_NAME),
        ));
        ok = false;
    }
    ok
}

/// The row's draft; for an existing product, its own values where the row
/// gives none (see the module's notes).
fn merged_draft(record: &ProductRecord, stored: Option<&StoredProduct>) -> ProductDraft {
    use ProductColumn as C;
    let row = &record.draft;
    let Some(old) = stored else {
        return row.clone();
    };
    let has = |column| record.has(column);
    let pick = |column, new: &String, old: String| if has(column) { new.clone() } else { old };
    let numbers_of = |kind: NumberKind, column| -> Vec<ProductNumber> {
        let source = if has(column) {
            &row.numbers
        } else {
            &old.numbers
        };
        source.iter().filter(|n| n.kind == kind).cloned().collect()
    };
    let mut numbers = numbers_of(NumberKind::Oem, C::OemNumbers);
    numbers.extend(numbers_of(NumberKind::Cross, C::CrossNumbers));
    let (sale_price, markup_percent) = if has(C::SalePrice) {
        (row.sale_price.clone(), row.markup_percent.clone())
    } else if has(C::Markup) {
        (String::new(), row.markup_percent.clone())
    } else {
        match old.price_rule {
            PriceRule::Unset => (String::new(), String::new()),
            PriceRule::Fixed(price) => (price.to_string(), String::new()),
            PriceRule::Markup(bp) => (String::new(), percent_text(bp, '.')),
        }
    };
    ProductDraft {
        name: pick(C::Name, &row.name, old.name.clone()),
        article: pick(C::Article, &row.article, old.article.clone()),
        // Matched by the brand's key: the list's own spelling stays.
        brand: old.brand.clone().unwrap_or_default(),
        category_id: if has(C::Category) {
            None
        } else {
            old.category_id
        },
        unit: if has(C::Unit) { row.unit } else { old.unit },
        numbers,
        barcodes: if has(C::Barcode) {
            row.barcodes.clone()
        } else {
            old.barcodes.clone()
        },
        attributes: if has(C::Characteristics) {
            row.attributes.clone()
        } else {
            old.attributes.clone()
        },
        purchase_price: pick(
            C::PurchasePrice,
            &row.purchase_price,
            old.purchase_price
                .map(|m| m.to_string())
                .unwrap_or_default(),
        ),
        sale_price,
        markup_percent,
        vat: if has(C::Vat) { row.vat } else { old.vat },
        min_stock: pick(
            C::MinStock,
            &row.min_stock,
            old.min_stock.map(|q| q.to_string()).unwrap_or_default(),
        ),
        supplier_id: if has(C::Supplier) {
            None
        } else {
            old.supplier_id
        },
        notes: pick(C::Notes, &row.notes, old.notes.clone()),
    }
}

/// Whether writing `product` over `old` would change nothing.
fn unchanged(product: &ValidProduct, old: &StoredProduct) -> bool {
    same_children(product, old)
        && product.article == old.article
        && product.category_id == old.category_id
        && product.unit == old.unit
        && product.purchase_price == old.purchase_price
        && product.price_rule == old.price_rule
        && product.vat == old.vat
        && product.min_stock == old.min_stock
        && product.supplier_id == old.supplier_id
        && product.notes == old.notes
}

/// Whether the numbers, barcodes and characteristics, and the number and
/// word index rows (from the article, name, brand and characteristics), stay.
fn same_children(product: &ValidProduct, old: &StoredProduct) -> bool {
    product.name == old.name
        && product.brand == old.brand
        && article_key(&product.article) == article_key(&old.article)
        && product.barcodes == old.barcodes
        && product.attributes == old.attributes
        && product.numbers.len() == old.numbers.len()
        && product.numbers.iter().zip(&old.numbers).all(|(new, old)| {
            new.kind == old.kind && new.brand == old.brand && new.number == old.number
        })
}

/// Basis points as a percentage: `1250` → `12.5` (with `decimal` as the point).
fn percent_text(basis_points: i64, decimal: char) -> String {
    let whole = basis_points / 100;
    let fraction = (basis_points % 100).abs();
    match fraction {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}{decimal}{}", f / 10),
        f => format!("{whole}{decimal}{f:02}"),
    }
}

/// Where a problem of a row is in the file.
struct Columns<'a> {
    mapping: &'a [ProductColumn],
    headers: &'a [String],
}

impl Columns<'_> {
    /// The column's header in the file (its first one), else its canonical name.
    fn header(&self, column: ProductColumn) -> String {
        self.mapping
            .iter()
            .position(|c| *c == column)
            .and_then(|index| self.headers.get(index))
            .filter(|header| !header.is_empty())
            .map_or_else(|| product_header_of(column).to_owned(), Clone::clone)
    }

    fn problem(
        &self,
        line: u32,
        column: ProductColumn,
        value: &str,
        issue: IssueCode,
        max: Option<usize>,
    ) -> RowProblem {
        RowProblem {
            line,
            column: self.header(column),
            value: value.to_owned(),
            issue,
            max: max.map(|m| u32::try_from(m).unwrap_or(u32::MAX)),
        }
    }

    /// A validation issue of the row's (merged) draft, with the value it is about.
    fn issue(&self, line: u32, issue: &FieldIssue, draft: &ProductDraft) -> RowProblem {
        use ProductColumn as C;
        let mut parts = issue.field.split('.');
        let head = parts.next().unwrap_or_default();
        let item = parts.next().and_then(|i| i.parse::<usize>().ok());
        let (column, value) = match head {
            "name" => (C::Name, draft.name.clone()),
            "article" => (C::Article, draft.article.clone()),
            "brand" => (C::Brand, draft.brand.clone()),
            "purchasePrice" => (C::PurchasePrice, draft.purchase_price.clone()),
            "salePrice" => (C::SalePrice, draft.sale_price.clone()),
            "markupPercent" => (C::Markup, draft.markup_percent.clone()),
            "minStock" => (C::MinStock, draft.min_stock.clone()),
            "notes" => (C::Notes, String::new()),
            "barcodes" => (
                C::Barcode,
                item.and_then(|i| draft.barcodes.get(i))
                    .cloned()
                    .unwrap_or_default(),
            ),
            "attributes" => (
                C::Characteristics,
                item.and_then(|i| draft.attributes.get(i))
                    .map(|a| attributes_cell(std::slice::from_ref(a)))
                    .unwrap_or_default(),
            ),
            _ => match item.and_then(|i| draft.numbers.get(i)) {
                Some(number) => (
                    number_column(number.kind),
                    numbers_cell(std::slice::from_ref(number)),
                ),
                None if self.mapping.contains(&C::CrossNumbers) => (C::CrossNumbers, String::new()),
                None => (C::OemNumbers, String::new()),
            },
        };
        RowProblem {
            line,
            column: self.header(column),
            value,
            issue: issue.issue,
            max: issue.max,
        }
    }
}

fn number_column(kind: NumberKind) -> ProductColumn {
    match kind {
        NumberKind::Oem => ProductColumn::OemNumbers,
        NumberKind::Cross => ProductColumn::CrossNumbers,
    }
}

/// Brands, categories and suppliers an import names, found or added once each.
struct Lists {
    brands: HashMap<String, crate::domain::ids::BrandId>,
    categories: HashMap<String, Option<CategoryId>>,
    /// By folded name: `ООО Деталь` and `ооо деталь` are one supplier.
    suppliers: HashMap<String, SupplierId>,
}

impl Lists {
    async fn load(conn: &mut SqliteConnection) -> Result<Lists> {
        let suppliers = store::suppliers(conn, true)
            .await?
            .into_iter()
            .map(|s| (fold(&s.name), s.id))
            .collect();
        Ok(Lists {
            brands: HashMap::new(),
            categories: HashMap::new(),
            suppliers,
        })
    }

    async fn brand(
        &mut self,
        conn: &mut SqliteConnection,
        name: &str,
    ) -> Result<crate::domain::ids::BrandId> {
        let key = article_key(name);
        if let Some(id) = self.brands.get(&key) {
            return Ok(*id);
        }
        let id = store::brand_id(conn, name).await?;
        self.brands.insert(key, id);
        Ok(id)
    }

    async fn category(
        &mut self,
        conn: &mut SqliteConnection,
        path: &str,
    ) -> Result<Option<CategoryId>> {
        let key = fold(path);
        if let Some(id) = self.categories.get(&key) {
            return Ok(*id);
        }
        let id = store::category_by_path(conn, path).await?;
        self.categories.insert(key, id);
        Ok(id)
    }

    async fn supplier(&mut self, conn: &mut SqliteConnection, name: &str) -> Result<SupplierId> {
        let key = fold(name);
        if let Some(id) = self.suppliers.get(&key) {
            return Ok(*id);
        }
        let draft = SupplierDraft {
            name: name.to_owned(),
            ..SupplierDraft::default()
        };
        let id = store::save_supplier(conn, None, &draft).await?;
        self.suppliers.insert(key, id);
        Ok(id)
    }
}

/// The columns of an export, in the order of a price list.
const EXPORT_COLUMNS: &[ProductColumn] = &[
    ProductColumn::Article,
    ProductColumn::Brand,
    ProductColumn::Name,
    ProductColumn::Category,
    ProductColumn::Unit,
    ProductColumn::PurchasePrice,
    ProductColumn::SalePrice,
    ProductColumn::Markup,
    ProductColumn::Vat,
    ProductColumn::MinStock,
    ProductColumn::Barcode,
    ProductColumn::OemNumbers,
    ProductColumn::CrossNumbers,
    ProductColumn::Characteristics,
    ProductColumn::Supplier,
    ProductColumn::Notes,
];

fn export_row(
    product: &StoredProduct,
    categories: &HashMap<CategoryId, String>,
    suppliers: &HashMap<SupplierId, String>,
) -> Vec<String> {
    let (sale_price, markup) = match product.price_rule {
        PriceRule::Unset => (String::new(), String::new()),
        PriceRule::Fixed(price) => (money_cell(price), String::new()),
        PriceRule::Markup(bp) => (String::new(), percent_text(bp, ',')),
    };
    let oem: Vec<ProductNumber> = product
        .numbers
        .iter()
        .filter(|n| n.kind == NumberKind::Oem)
        .cloned()
        .collect();
    let cross: Vec<ProductNumber> = product
        .numbers
        .iter()
        .filter(|n| n.kind == NumberKind::Cross)
        .cloned()
        .collect();
    vec![
        product.article.clone(),
        product.brand.clone().unwrap_or_default(),
        product.name.clone(),
        product
            .category_id
            .and_then(|id| categories.get(&id).cloned())
            .unwrap_or_default(),
        product.unit.short_ru().to_owned(),
        product.purchase_price.map(money_cell).unwrap_or_default(),
        sale_price,
        markup,
        vat_cell(product.vat),
        product.min_stock.map(quantity_cell).unwrap_or_default(),
        barcodes_cell(&product.barcodes),
        numbers_cell(&oem),
        numbers_cell(&cross),
        attributes_cell(&product.attributes),
        product
            .supplier_id
            .and_then(|id| suppliers.get(&id).cloned())
            .unwrap_or_default(),
        product.notes.clone(),
    ]
}

/// `650`, `1234,50`: what Russian Excel reads as a number.
fn money_cell(money: Money) -> String {
    let kopecks = money.kopecks();
    if kopecks % 100 == 0 {
        (kopecks / 100).to_string()
    } else {
        money.to_string().replace('.', ",")
    }
}

fn quantity_cell(quantity: Quantity) -> String {
    quantity.to_string().replace('.', ",")
}

fn vat_cell(vat: VatRate) -> String {
    match vat.percent() {
        None => "Без НДС".to_owned(),
        Some(percent) => format!("{percent}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_of_an_export_read_back() {
        assert_eq!(money_cell(Money::from_kopecks(65_000)), "650");
        assert_eq!(money_cell(Money::from_kopecks(123_450)), "1234,50");
        assert_eq!(
            Money::parse(&money_cell(Money::from_kopecks(5))),
            Some(Money::from_kopecks(5))
        );
        assert_eq!(percent_text(3000, ','), "30");
        assert_eq!(percent_text(1250, ','), "12,5");
        assert_eq!(percent_text(1205, '.'), "12.05");
        for rate in VatRate::ALL {
            assert_eq!(VatRate::from_label(&vat_cell(rate)), Some(rate));
        }
        assert_eq!(quantity_cell(Quantity::from_milli(1500)), "1,5");
    }
}
