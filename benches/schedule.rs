//! The schedule on a shop packed to the limit: 20 mechanics working 08:00–20:00
//! every day, two weeks of short jobs (about 5 000 appointments) booked
//! through the real rules. `cargo bench --bench schedule` prints p50/p95
//! of loading a week for the calendar (and the size of the answer that crosses
//! IPC), of the free-time finder both ways, and of booking and moving.
//!
//! The seeded database is kept in `target/bench-data/` between runs; delete it
//! to start over. The clock stands at Monday 30 November 2026, 08:00 Moscow.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use remzona::demo::demo_clients;
use remzona::demo::schedule::SchedulePlan;
use remzona::domain::client::Duplicates;
use remzona::domain::pricelist::ServiceSearch;
use remzona::domain::schedule::view::{FreeQuery, SlotQuery};
use remzona::{FixedClock, Remzona};

const MECHANICS: usize = 20;
const SEED: u64 = 2026;
const SAMPLES: usize = 300;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[index]
}

fn report(label: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "  {label:<44} {:>4} runs   p50 {:>7.2} ms   p95 {:>7.2} ms",
        times.len(),
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
    );
}

async fn open_seeded(path: &std::path::Path) -> remzona::Result<Remzona> {
    let fresh = !path.exists();
    let clock = FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 30, 5, 0, 0)
            .single()
            .expect("a valid instant"),
    );
    let shop = Remzona::open(path, Arc::new(clock)).await?;
    if fresh {
        let started = Instant::now();
        for demo in demo_clients(600, SEED) {
            let client = shop.create_client(&demo.client, Duplicates::Allow).await?;
            for car in &demo.vehicles {
                shop.create_vehicle(client.id, car, Duplicates::Allow)
                    .await?;
            }
        }
        shop.seed_catalogue(0, SEED).await?;
        let plan = SchedulePlan {
            mechanics: MECHANICS,
            days_before: 0,
            days_after: 13,
            load_percent: 100,
            general_bays: MECHANICS,
            every_day: true,
            max_minutes: 45,
            seed: SEED,
        };
        let outcome = shop.seed_schedule(plan).await?;
        println!(
            "seeded in {:.0} s: {outcome:?}",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(shop)
}

async fn run() -> remzona::Result<()> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("schedule-{MECHANICS}-{SEED}.sqlite3"));
    let shop = open_seeded(&path).await?;
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
    let sunday = NaiveDate::from_ymd_opt(2026, 12, 6).expect("a date");

    let week = shop.schedule(monday, sunday).await?;
    let fortnight = shop
        .schedule(
            monday,
            NaiveDate::from_ymd_opt(2026, 12, 13).expect("a date"),
        )
        .await?;
    let payload = serde_json::to_vec(&week)
        .map(|bytes| bytes.len())
        .unwrap_or(0);
    println!(
        "{} mechanics; {} appointments in the week, {} in two weeks; the week's answer is {} KB of JSON",
        week.mechanics.len(),
        week.appointments.len(),
        fortnight.appointments.len(),
        payload / 1024
    );

    let mut times = Vec::new();
    for _ in 0..100 {
        let start = Instant::now();
        shop.schedule(monday, sunday).await?;
        times.push(start.elapsed());
    }
    report("load a week for the calendar", times);

    let mut times = Vec::new();
    for _ in 0..100 {
        let start = Instant::now();
        shop.schedule(monday, monday).await?;
        times.push(start.elapsed());
    }
    report("load a day for the calendar", times);

    let services = shop
        .search_services(&ServiceSearch {
            limit: 500,
            ..ServiceSearch::default()
        })
        .await?;
    let now = shop.local_now().await?;
    let mut any = Vec::new();
    let mut one = Vec::new();
    let mut who = Vec::new();
    let mut found = 0;
    for index in 0..SAMPLES {
        let service = &services[index * 7 % services.len()];
        let query = SlotQuery {
            services: vec![service.id],
            duration_minutes: 0,
            mechanic: None,
            from: now,
            limit: 8,
            exclude: None,
        };
        let start = Instant::now();
        let slots = shop.find_slots(&query).await?;
        any.push(start.elapsed());
        found += usize::from(!slots.is_empty());
        let mechanic = week.mechanics[index % week.mechanics.len()].id;
        let start = Instant::now();
        shop.find_slots(&SlotQuery {
            mechanic: Some(mechanic),
            ..query.clone()
        })
        .await?;
        one.push(start.elapsed());
        let start = Instant::now();
        shop.free_mechanics(&FreeQuery {
            services: vec![service.id],
            duration_minutes: 0,
            start: monday
                .and_hms_opt(10 + (index % 7) as u32, 0, 0)
                .expect("a time"),
            exclude: None,
        })
        .await?;
        who.push(start.elapsed());
    }
    println!(
        "  the finder found times for {found} of {SAMPLES} services (the rest need skills nobody has)"
    );
    report("finder: nearest 8 times, any mechanic", any);
    report("finder: nearest 8 times, one mechanic", one);
    report("finder: who is free at a time", who);
    Ok(())
}

fn main() -> remzona::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run())
}
