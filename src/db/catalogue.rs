//! SQL for the editable lists: lead sources and the make/model catalogue,
//! and the small key-value `meta` table.

use sqlx::SqliteConnection;

use crate::db::one_row;
use crate::domain::client::LeadSource;
use crate::domain::ids::LeadSourceId;
use crate::domain::vehicle::MakeModels;
use crate::error::Result;

pub(crate) async fn lead_sources(
    conn: &mut SqliteConnection,
    with_archived: bool,
) -> Result<Vec<LeadSource>> {
    let rows: Vec<(i64, String, bool)> = sqlx::query_as(
        "SELECT id, name, archived FROM lead_sources WHERE ? OR archived = 0 ORDER BY position, name",
    )
    .bind(with_archived)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, archived)| LeadSource {
            id: lead_source_id(id),
            name,
            archived,
        })
        .collect())
}

pub(crate) async fn lead_source_by_name(
    conn: &mut SqliteConnection,
    name: &str,
) -> Result<Option<LeadSourceId>> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM lead_sources WHERE name = ?")
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(lead_source_id))
}

/// Adds a source at the end of the list, or brings an archived one back.
pub(crate) async fn add_lead_source(
    conn: &mut SqliteConnection,
    name: &str,
) -> Result<LeadSourceId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO lead_sources (name, position)
         VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM lead_sources))
         ON CONFLICT (name) DO UPDATE SET archived = 0
         RETURNING id",
    )
    .bind(name)
    .fetch_one(&mut *conn)
    .await?;
    Ok(lead_source_id(id))
}

pub(crate) async fn rename_lead_source(
    conn: &mut SqliteConnection,
    id: LeadSourceId,
    name: &str,
) -> Result<()> {
    let done = sqlx::query("UPDATE lead_sources SET name = ? WHERE id = ?")
        .bind(name)
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    one_row(done, "lead source", id)
}

/// Archived sources leave the picker; clients keep the source they had.
pub(crate) async fn archive_lead_source(
    conn: &mut SqliteConnection,
    id: LeadSourceId,
    archived: bool,
) -> Result<()> {
    let done = sqlx::query("UPDATE lead_sources SET archived = ? WHERE id = ?")
        .bind(archived)
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    one_row(done, "lead source", id)
}

pub(crate) async fn lead_source_exists(
    conn: &mut SqliteConnection,
    id: LeadSourceId,
) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM lead_sources WHERE id = ?")
        .bind(i64::from(id.0))
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

/// Every visible make with its visible models, in catalogue order.
pub(crate) async fn makes(conn: &mut SqliteConnection) -> Result<Vec<MakeModels>> {
    let rows: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT mk.name, md.name FROM vehicle_makes mk
         LEFT JOIN vehicle_models md ON md.make = mk.name AND md.hidden = 0
         WHERE mk.hidden = 0 ORDER BY mk.position, mk.name, md.name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut makes: Vec<MakeModels> = Vec::new();
    for (make, model) in rows {
        if makes.last().is_none_or(|last| last.make != make) {
            makes.push(MakeModels {
                make,
                models: Vec::new(),
            });
        }
        if let (Some(model), Some(last)) = (model, makes.last_mut()) {
            last.models.push(model);
        }
    }
    Ok(makes)
}

/// Remembers a make and model typed by hand, so the next car can pick them.
pub(crate) async fn remember_model(
    conn: &mut SqliteConnection,
    make: &str,
    model: &str,
) -> Result<()> {
    if make.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO vehicle_makes (name, position)
         VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM vehicle_makes))
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(make)
    .execute(&mut *conn)
    .await?;
    if !model.is_empty() {
        sqlx::query("INSERT INTO vehicle_models (make, name) VALUES (?, ?) ON CONFLICT DO NOTHING")
            .bind(make)
            .bind(model)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Hides (or shows again) a make, or one model of it, in the pickers.
pub(crate) async fn hide_model(
    conn: &mut SqliteConnection,
    make: &str,
    model: Option<&str>,
    hidden: bool,
) -> Result<()> {
    let done = match model {
        Some(model) => {
            sqlx::query("UPDATE vehicle_models SET hidden = ? WHERE make = ? AND name = ?")
                .bind(hidden)
                .bind(make)
                .bind(model)
                .execute(&mut *conn)
                .await?
        }
        None => {
            sqlx::query("UPDATE vehicle_makes SET hidden = ? WHERE name = ?")
                .bind(hidden)
                .bind(make)
                .execute(&mut *conn)
                .await?
        }
    };
    one_row(done, "make", make)
}

pub(crate) async fn meta(conn: &mut SqliteConnection, key: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT value FROM meta WHERE key = ?")
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?)
}

pub(crate) async fn set_meta(conn: &mut SqliteConnection, key: &str, value: &str) -> Result<()> {
    sqlx::query("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) fn lead_source_id(raw: i64) -> LeadSourceId {
    LeadSourceId::from_row(raw)
}
