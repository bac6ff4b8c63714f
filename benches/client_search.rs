//! How fast one search box answers on a big shop: 100 000 clients with about
//! 150 000 cars. `cargo bench --bench client_search` prints p50/p95 per kind of
//! query (names, phone tails, plates in both alphabets, VIN tails, ИНН) and the
//! database size; the figures go into the notes of the change that moves them.
//!
//! The seeded database is kept in `target/bench-data/` between runs (seeding
//! takes a while); delete it to start over.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use remzona::clients::SearchOptions;
use remzona::demo::{DemoClient, SeedPlan, demo_clients};
use remzona::domain::client::ClientKind;
use remzona::{Remzona, SystemClock};

const CLIENTS: usize = 100_000;
const SEED: u64 = 2026;
/// Queries per kind, spread over the whole base.
const SAMPLES: usize = 200;
/// What a picker or the list asks for.
const PAGE: u32 = 50;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[index]
}

/// Latin look-alikes of a Cyrillic plate, as an operator in the wrong layout types it.
fn latin(plate: &str) -> String {
    plate
        .chars()
        .map(|c| match c {
            'А' => 'a',
            'В' => 'b',
            'Е' => 'e',
            'К' => 'k',
            'М' => 'm',
            'Н' => 'h',
            'О' => 'o',
            'Р' => 'p',
            'С' => 'c',
            'Т' => 't',
            'У' => 'y',
            'Х' => 'x',
            other => other,
        })
        .collect()
}

type Kind = (&'static str, fn(&DemoClient) -> Option<String>);

const KINDS: &[Kind] = &[
    ("surname", |c| {
        (c.client.kind == ClientKind::Person).then(|| c.client.surname.clone())
    }),
    ("surname + name", |c| {
        (c.client.kind == ClientKind::Person)
            .then(|| format!("{} {}", c.client.surname, c.client.name))
    }),
    ("phone, last 4 digits", |c| {
        let digits: String = c
            .client
            .phones
            .first()?
            .number
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        Some(digits[digits.len() - 4..].to_owned())
    }),
    ("phone, full", |c| {
        Some(c.client.phones.first()?.number.clone())
    }),
    ("plate, Cyrillic", |c| {
        Some(c.vehicles.first()?.plate.clone())
    }),
    ("plate, Latin lower case", |c| {
        Some(latin(&c.vehicles.first()?.plate).to_lowercase())
    }),
    ("plate, spaced", |c| {
        let p: Vec<char> = c.vehicles.first()?.plate.chars().collect();
        Some(format!(
            "{} {} {} {}",
            p[0],
            p[1..4].iter().collect::<String>(),
            p[4..6].iter().collect::<String>(),
            p[6..].iter().collect::<String>()
        ))
    }),
    ("plate, digits + letters", |c| {
        Some(c.vehicles.first()?.plate.chars().skip(1).take(5).collect())
    }),
    ("VIN, last 6", |c| {
        let vin = &c.vehicles.first()?.vin;
        Some(vin[vin.len() - 6..].to_owned())
    }),
    ("VIN, full", |c| Some(c.vehicles.first()?.vin.clone())),
    ("company ИНН", |c| {
        (c.client.kind == ClientKind::Company).then(|| c.client.company.inn.clone())
    }),
];

async fn open_seeded(path: &std::path::Path) -> remzona::Result<Remzona> {
    let fresh = !path.exists();
    let shop = Remzona::open(path, Arc::new(SystemClock)).await?;
    if fresh {
        let started = Instant::now();
        shop.seed_demo(SeedPlan {
            clients: CLIENTS,
            seed: SEED,
        })
        .await?;
        println!("seeded in {:.0} s", started.elapsed().as_secs_f64());
    }
    Ok(shop)
}

async fn run() -> remzona::Result<()> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("crm-{CLIENTS}-{SEED}.sqlite3"));
    let shop = open_seeded(&path).await?;
    println!(
        "{} clients, {} cars",
        shop.count_clients().await?,
        shop.count_vehicles().await?
    );
    let demo = demo_clients(CLIENTS, SEED);
    let options = SearchOptions {
        limit: PAGE,
        include_archived: false,
    };
    // Warm the page cache as a desk that has been open for a while would be.
    shop.search_clients("", options).await?;
    for (label, make) in KINDS {
        let queries: Vec<String> = demo
            .iter()
            .step_by(97)
            .filter_map(make)
            .take(SAMPLES)
            .collect();
        let mut times = Vec::with_capacity(queries.len());
        let mut hits = 0;
        for query in &queries {
            let start = Instant::now();
            let found = shop.search_clients(query, options).await?;
            times.push(start.elapsed());
            hits += usize::from(!found.items.is_empty());
        }
        times.sort();
        println!(
            "  {label:<26} {:>4} queries, {:>3}% found   p50 {:>6.2} ms   p95 {:>6.2} ms",
            queries.len(),
            hits * 100 / queries.len().max(1),
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3,
        );
    }
    let start = Instant::now();
    let all = shop
        .search_clients(
            "",
            SearchOptions {
                limit: 200,
                include_archived: false,
            },
        )
        .await?;
    println!(
        "  {:<26} first 200 of {} in {:.2} ms",
        "empty box (the list)",
        all.total,
        start.elapsed().as_secs_f64() * 1e3
    );
    shop.close().await;
    // Closed: the WAL is checkpointed into the file, so this is its real size.
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
