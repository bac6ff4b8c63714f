//! How fast the product search answers on a big parts store: 200 000
//! products with about 600 000 cross and OEM numbers. `cargo bench --bench
//! product_search` prints p50/p95 per kind of query (articles in any spelling,
//! cross and OEM numbers, barcodes, name words, brands) and the database size.
//!
//! The seeded database is kept in `target/bench-data/` between runs; delete it
//! to start over.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use remzona::demo::parts::{PartSeed, demo_parts};
use remzona::domain::product::ProductSearch;
use remzona::{Remzona, SystemClock};

const PRODUCTS: usize = 200_000;
const SEED: u64 = 2026;
const SAMPLES: usize = 300;
/// What a picker or the list asks for.
const PAGE: u32 = 50;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[index]
}

fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

type Kind = (&'static str, fn(&PartSeed) -> Option<String>);

const KINDS: &[Kind] = &[
    ("article as printed", |p| Some(p.article.clone())),
    ("article, squeezed lower", |p| Some(squeeze(&p.article))),
    ("article, first 5 chars", |p| {
        Some(squeeze(&p.article).chars().take(5).collect())
    }),
    ("cross number", |p| p.cross.first().map(|(_, n)| n.clone())),
    ("OEM number", |p| p.oem.first().map(|(_, n)| squeeze(n))),
    ("barcode", |p| p.barcode.clone()),
    ("name, first word", |p| {
        p.name.split_whitespace().next().map(str::to_owned)
    }),
    ("name, two word stems", |p| {
        let words: Vec<String> = p
            .name
            .split_whitespace()
            .take(2)
            .map(|w| w.chars().take(5).collect())
            .collect();
        Some(words.join(" "))
    }),
    ("name word + brand", |p| {
        let word = p.name.split_whitespace().next()?;
        Some(format!("{word} {}", p.brand))
    }),
    ("brand alone", |p| Some(p.brand.to_owned())),
];

async fn open_seeded(path: &std::path::Path) -> remzona::Result<Remzona> {
    let fresh = !path.exists();
    let shop = Remzona::open(path, Arc::new(SystemClock)).await?;
    if fresh {
        let started = Instant::now();
        shop.seed_catalogue(PRODUCTS, SEED).await?;
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "seeded {PRODUCTS} products in {seconds:.0} s ({:.0} products/s)",
            PRODUCTS as f64 / seconds
        );
    }
    Ok(shop)
}

/// Reads the file once, as a desk that has been working for a while has it in
/// the OS page cache; the first touch of a cold disk is not what is measured.
fn warm_page_cache(path: &std::path::Path) -> std::io::Result<()> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut buffer = vec![0u8; 1 << 20];
    while file.read(&mut buffer)? > 0 {}
    Ok(())
}

async fn run() -> remzona::Result<()> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("products-{PRODUCTS}-{SEED}.sqlite3"));
    let shop = open_seeded(&path).await?;
    let parts = demo_parts(PRODUCTS, SEED);
    let numbers: usize = parts.iter().map(|p| p.cross.len() + p.oem.len()).sum();
    let cross: usize = parts.iter().map(|p| p.cross.len()).sum();
    println!("{PRODUCTS} products, {numbers} numbers ({cross} cross, the rest OEM)");
    let search = |query: &str| ProductSearch {
        query: query.to_owned(),
        limit: PAGE,
        ..ProductSearch::default()
    };
    warm_page_cache(&path)?;
    shop.search_products(&search("")).await?;
    let mut all = Vec::new();
    for (label, make) in KINDS {
        let queries: Vec<String> = parts
            .iter()
            .step_by(PRODUCTS / SAMPLES)
            .filter_map(make)
            .take(SAMPLES)
            .collect();
        let mut times = Vec::with_capacity(queries.len());
        let mut hits = 0;
        for query in &queries {
            let start = Instant::now();
            let found = shop.search_products(&search(query)).await?;
            times.push(start.elapsed());
            hits += usize::from(!found.is_empty());
        }
        all.extend_from_slice(&times);
        times.sort();
        println!(
            "  {label:<26} {:>4} queries, {:>3}% found   p50 {:>6.2} ms   p95 {:>6.2} ms",
            queries.len(),
            hits * 100 / queries.len().max(1),
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3,
        );
    }
    all.sort();
    println!(
        "  {:<26} {:>4} queries                p50 {:>6.2} ms   p95 {:>6.2} ms",
        "all kinds together",
        all.len(),
        percentile(&all, 0.5).as_secs_f64() * 1e3,
        percentile(&all, 0.95).as_secs_f64() * 1e3,
    );
    let start = Instant::now();
    let list = shop.search_products(&search("")).await?;
    println!(
        "  {:<26} first {} by name in {:.2} ms",
        "empty box (the list)",
        list.len(),
        start.elapsed().as_secs_f64() * 1e3
    );
    shop.close().await;
    println!(
        "database file {:.0} MB",
        std::fs::metadata(&path)?.len() as f64 / 1e6
    );
    Ok(())
}

fn main() -> remzona::Result<()> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(run())
}
