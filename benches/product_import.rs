//! How fast a big supplier's price list loads: 100 000 parts with their cross
//! numbers from a CSV file. `cargo bench --bench product_import` writes the
//! file, imports it into a fresh database (every row a new product), imports
//! it again (every row matches a product and changes nothing, so nothing is
//! written), then imports the same list with new prices (every row an update
//! that is written), and prints rows per second of each; the figures go into
//! the notes of the change that moves them.
//!
//! The file and the database are written to `target/bench-data/` and
//! replaced on every run.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use remzona::demo::parts::{PartSeed, PartUnit, demo_parts};
use remzona::domain::product::{NumberKind, ProductNumber};
use remzona::import::{ExportFormat, ProductColumn, numbers_cell, product_header_of, write_table};
use remzona::{Remzona, SystemClock};

const PARTS: usize = 100_000;
const SEED: u64 = 7;

const COLUMNS: [ProductColumn; 8] = [
    ProductColumn::Article,
    ProductColumn::Brand,
    ProductColumn::Name,
    ProductColumn::Category,
    ProductColumn::Unit,
    ProductColumn::PurchasePrice,
    ProductColumn::SalePrice,
    ProductColumn::CrossNumbers,
];

fn rubles(kopecks: i64) -> String {
    format!("{},{:02}", kopecks / 100, kopecks % 100)
}

/// A row of the price list; `rise` is the price change in percent.
fn row(part: &PartSeed, rise: i64) -> Vec<String> {
    let unit = match part.unit {
        PartUnit::Piece => "шт",
        PartUnit::Litre => "л",
        PartUnit::Kilogram => "кг",
        PartUnit::Metre => "м",
        PartUnit::Set => "компл",
    };
    let cross: Vec<ProductNumber> = part
        .cross
        .iter()
        .map(|(brand, number)| ProductNumber {
            kind: NumberKind::Cross,
            brand: (*brand).to_owned(),
            number: number.clone(),
        })
        .collect();
    vec![
        part.article.clone(),
        part.brand.to_owned(),
        part.name.clone(),
        format!("{} / {}", part.category.0, part.category.1),
        unit.to_owned(),
        rubles(part.purchase_kopecks * (100 + rise) / 100),
        rubles(part.sale_kopecks * (100 + rise) / 100),
        numbers_cell(&cross),
    ]
}

async fn import(shop: &Remzona, file: &std::path::Path, label: &str) -> remzona::Result<()> {
    let start = Instant::now();
    let mut last = 0;
    let report = shop
        .run_product_import(file, None, |p| last = p.done)
        .await?;
    let seconds = start.elapsed().as_secs_f64();
    assert!(
        report.imported,
        "the price list has problems: {:?}",
        report.plan.problems.iter().take(5).collect::<Vec<_>>()
    );
    let rows = report.plan.create + report.plan.update;
    assert_eq!(last, rows, "the progress reached the end");
    println!(
        "  {label:<28} {rows:>7} rows ({} new, {} updated) in {seconds:>6.2} s   {:>8.0} rows/s",
        report.plan.create,
        report.plan.update,
        f64::from(rows) / seconds
    );
    Ok(())
}

async fn run() -> remzona::Result<()> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir)?;
    let file = dir.join(format!("price-list-{PARTS}-{SEED}.csv"));
    let dearer = dir.join(format!("price-list-{PARTS}-{SEED}-new-prices.csv"));
    let start = Instant::now();
    let parts = demo_parts(PARTS, SEED);
    let headers: Vec<&str> = COLUMNS.iter().map(|c| product_header_of(*c)).collect();
    let rows: Vec<Vec<String>> = parts.iter().map(|p| row(p, 0)).collect();
    write_table(&file, ExportFormat::Csv, "Прайс", &headers, &rows)?;
    let rows: Vec<Vec<String>> = parts.iter().map(|p| row(p, 7)).collect();
    write_table(&dearer, ExportFormat::Csv, "Прайс", &headers, &rows)?;
    println!(
        "price lists: {PARTS} parts, {:.0} MB, written in {:.1} s",
        std::fs::metadata(&file)?.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );

    let db = dir.join(format!("product-import-{PARTS}.sqlite3"));
    for stale in ["", "-wal", "-shm"] {
        let path = PathBuf::from(format!("{}{stale}", db.display()));
        if path.exists() {
            std::fs::remove_file(path)?;
        }
    }
    let shop = Remzona::open(&db, Arc::new(SystemClock)).await?;
    let start = Instant::now();
    let preview = shop.preview_product_import(&file, None).await?;
    println!(
        "  {:<28} {:>7} rows in {:>6.2} s",
        "preview (read + check)",
        preview.rows,
        start.elapsed().as_secs_f64()
    );
    import(&shop, &file, "import into an empty shop").await?;
    import(&shop, &file, "the same file again").await?;
    import(&shop, &dearer, "new prices (7 % dearer)").await?;
    shop.close().await;
    println!(
        "database file {:.0} MB",
        std::fs::metadata(&db)?.len() as f64 / 1e6
    );
    Ok(())
}

fn main() -> remzona::Result<()> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(run())
}
