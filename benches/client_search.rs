//! How fast the client list answers the search box, on shops of realistic size.
//! `cargo bench --bench client_search` prints the median and 95th percentile of
//! each query; the figures go into the notes of the change that moves them.

use std::sync::Arc;
use std::time::{Duration, Instant};

use remzona::{Remzona, SystemClock};

const QUERIES: &[(&str, &str)] = &[
    ("everything (first 200)", ""),
    ("surname prefix", "иванов"),
    ("name + patronymic", "сергей петрович"),
    ("phone fragment", "912 345"),
    ("last 4 digits", "6789"),
    ("full phone", "+7 912 001-23-45"),
    ("no match", "несуществующий"),
];
const ROUNDS: usize = 40;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[index]
}

async fn bench(size: usize) -> remzona::Result<()> {
    let dir = tempfile::tempdir()?;
    let shop = Remzona::open(&dir.path().join("bench.sqlite3"), Arc::new(SystemClock)).await?;
    let started = Instant::now();
    shop.seed_demo(size).await?;
    println!(
        "\n{size} clients (seeded in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    for (label, query) in QUERIES {
        let mut times = Vec::with_capacity(ROUNDS);
        let mut found = 0;
        for _ in 0..ROUNDS {
            let start = Instant::now();
            found = shop.search_clients(query, 200).await?.total;
            times.push(start.elapsed());
        }
        times.sort();
        println!(
            "  {label:<24} {found:>6} found   median {:>7.2} ms   p95 {:>7.2} ms",
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3,
        );
    }
    shop.close().await;
    Ok(())
}

fn main() -> remzona::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    for size in [10_000, 50_000] {
        runtime.block_on(bench(size))?;
    }
    Ok(())
}
