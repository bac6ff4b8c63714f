//! Integration tests of the core against real temporary SQLite files with the
//! real migrations. One binary, a module per area, to keep link times short.

mod cli;
mod clients;
mod crm;
mod db;
mod docs;
mod documents;
mod fixtures;
mod gateways;
mod import;
mod orders;
mod paperwork;
mod pricelist;
mod product_import;
mod products;
mod reminders;
mod schedule;
mod stock;
mod validators;

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use remzona::{FixedClock, Remzona};
use tempfile::TempDir;

/// A fresh shop in a temporary folder, with a clock fixed at a known instant.
pub struct Shop {
    pub shop: Remzona,
    pub clock: FixedClock,
    pub dir: TempDir,
}

pub async fn open_shop() -> Shop {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
            .single()
            .expect("valid instant"),
    );
    let shop = Remzona::open(&dir.path().join("shop.sqlite3"), Arc::new(clock.clone()))
        .await
        .expect("open shop");
    Shop { shop, clock, dir }
}
