//! Remzona's core: the domain, the database, and (in later versions) documents
//! and reminders. It never depends on Tauri; the desktop shell and the `remzona`
//! CLI are both thin callers of [`Remzona`], the one API surface.

pub mod appointments;
pub mod clients;
pub mod clock;
pub mod consents;
pub mod db;
pub mod demo;
pub mod documents;
pub mod domain;
pub mod error;
pub mod import;
pub mod imports;
pub mod media;
pub mod orders;
pub mod paperwork;
pub mod paths;
pub mod pricelist;
pub mod product_imports;
pub mod products;
pub mod reminders;
pub mod staff;
pub mod stock;
pub mod vehicles;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use clock::{Clock, FixedClock, ShiftedClock, SystemClock};
pub use db::Db;
pub use error::{Error, ErrorCode, Result};

/// An open shop: its database and the clock every rule reads time from.
#[derive(Clone)]
pub struct Remzona {
    db: Db,
    clock: Arc<dyn Clock>,
    /// Files the database refers to by name (intake photos, the logo):
    /// `media/` next to the database file.
    media: PathBuf,
}

impl Remzona {
    /// Opens the shop database at `path` (creating and migrating it as needed).
    pub async fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Remzona> {
        let db = Db::open(path).await?;
        let media = media::folder_beside(path);
        let shop = Remzona { db, clock, media };
        shop.refresh_search_index().await?;
        Ok(shop)
    }

    /// The same shop seen through another clock: the demo seed writes a
    /// month of history at the times it happened.
    pub fn with_clock(&self, clock: Arc<dyn Clock>) -> Remzona {
        Remzona {
            db: self.db.clone(),
            clock,
            media: self.media.clone(),
        }
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Writes a consistent copy of the database to `out`.
    pub async fn backup(&self, out: &Path) -> Result<()> {
        self.db.backup_to(out).await
    }

    pub async fn close(self) {
        self.db.close().await;
    }
}
