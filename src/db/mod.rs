//! The database layer: the only place that speaks SQL. Everything SQLite-specific
//! stays behind these functions so a PostgreSQL back end can be added for shops
//! with several desks.

pub mod appointments;
pub mod catalogue;
pub mod clients;
pub mod history;
pub mod orders;
pub mod pricelist;
pub mod products;
pub mod reminders;
pub mod search;
pub mod staff;
pub mod stock;
pub mod vehicles;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::error::{Error, Result};

pub(crate) type Tx = Transaction<'static, Sqlite>;

/// How long a writer waits for another before giving up: long enough for a
/// backup or a bulk import running beside the operator's work.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_CONNECTIONS: u32 = 4;
const MMAP_SIZE: u64 = 1 << 30;
/// Negative: in KiB rather than pages.
const CACHE_SIZE_KIB: i64 = -32 * 1024;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// An open shop database: WAL, foreign keys on, migrations applied.
#[derive(Debug, Clone)]
pub struct Db {
    pool: SqlitePool,
    path: PathBuf,
}

impl Db {
    /// Opens (creating when missing) the database file and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Db> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            // A big shop's file is a few hundred MB: reading it through a memory
            // map and a 32 MB page cache per connection keeps a search over
            // scattered rows in memory instead of in read() calls.
            .pragma("mmap_size", MMAP_SIZE.to_string())
            .pragma("cache_size", CACHE_SIZE_KIB.to_string());
        let pool = SqlitePoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Db {
            pool,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A write transaction that takes the write lock at once, so that a check
    /// ("is this phone taken?") and the write after it see the same data.
    pub(crate) async fn begin_write(&self) -> Result<Tx> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// A connection for reads that span several queries.
    pub(crate) async fn read(&self) -> Result<sqlx::pool::PoolConnection<Sqlite>> {
        Ok(self.pool.acquire().await?)
    }

    /// Writes a consistent copy of the live database to `out` (which must not exist).
    pub async fn backup_to(&self, out: &Path) -> Result<()> {
        if out.exists() {
            return Err(Error::Io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} already exists; choose a new file name", out.display()),
            )));
        }
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let target = out.to_string_lossy().into_owned();
        sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Closes every connection, checkpointing the WAL into the main file.
    pub async fn close(self) {
        self.pool.close().await;
    }

    /// The schema version: the newest applied migration.
    pub async fn schema_version(&self) -> Result<i64> {
        let version: Option<i64> =
            sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success = 1")
                .fetch_one(&self.pool)
                .await?;
        Ok(version.unwrap_or(0))
    }
}

/// `NotFound` when a statement that targets one row by id changed none.
pub(crate) fn one_row(
    done: sqlx::sqlite::SqliteQueryResult,
    entity: &'static str,
    id: impl ToString,
) -> Result<()> {
    if done.rows_affected() == 0 {
        return Err(Error::not_found(entity, id));
    }
    Ok(())
}

/// `a = ?, b = ?` for an UPDATE that binds the columns of an INSERT's list, in
/// the same order, so both statements share one `bind_fields`.
pub(crate) fn assignments(columns: &str) -> String {
    columns
        .split(',')
        .map(|column| format!("{} = ?", column.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads an id column back into its newtype; a malformed one means a damaged file.
pub(crate) fn parse_id<T: FromStr>(raw: &str) -> Result<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    raw.parse()
        .map_err(|e: T::Err| Error::Database(sqlx::Error::Decode(Box::new(e))))
}
