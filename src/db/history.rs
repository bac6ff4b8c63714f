//! SQL for the client history (an append-only event log) and consent records.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::db::clients::damaged;
use crate::db::parse_id;
use crate::domain::client::VehicleBrief;
use crate::domain::consent::{ConsentRecord, ConsentTopic, ValidConsent};
use crate::domain::history::{HistoryEntry, HistoryKind};
use crate::domain::ids::{ClientId, VehicleId};
use crate::error::Result;

pub(crate) async fn append(
    conn: &mut SqliteConnection,
    client: ClientId,
    at: DateTime<Utc>,
    kind: HistoryKind,
    vehicle: Option<VehicleId>,
    detail: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO client_events (client_id, at, kind, vehicle_id, detail) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(client.to_string())
    .bind(at)
    .bind(kind.as_str())
    .bind(vehicle.map(|v| v.to_string()))
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct EventRow {
    at: DateTime<Utc>,
    kind: String,
    detail: String,
    vehicle_id: Option<String>,
    plate: Option<String>,
    vin: Option<String>,
    make: Option<String>,
    model: Option<String>,
    year: Option<i64>,
}

/// The client's history, newest first.
pub(crate) async fn of_client(
    conn: &mut SqliteConnection,
    client: ClientId,
) -> Result<Vec<HistoryEntry>> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT e.at, e.kind, e.detail, e.vehicle_id, v.plate, v.vin, v.make, v.model, v.year
         FROM client_events e LEFT JOIN vehicles v ON v.id = e.vehicle_id
         WHERE e.client_id = ? ORDER BY e.at DESC, e.seq DESC",
    )
    .bind(client.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let kind = HistoryKind::parse(&row.kind)
                .ok_or_else(|| damaged(format!("unknown history kind {:?}", row.kind)))?;
            let vehicle = match row.vehicle_id {
                Some(id) => Some(VehicleBrief {
                    id: parse_id(&id)?,
                    plate: row.plate,
                    vin: row.vin,
                    make: row.make.unwrap_or_default(),
                    model: row.model.unwrap_or_default(),
                    year: row.year.and_then(|y| u16::try_from(y).ok()),
                }),
                None => None,
            };
            Ok(HistoryEntry {
                at: row.at,
                kind,
                vehicle,
                detail: row.detail,
            })
        })
        .collect()
}

pub(crate) async fn record_consent(
    conn: &mut SqliteConnection,
    client: ClientId,
    consent: &ValidConsent,
    at: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO consents (client_id, topic, granted, document_version, recorded_by, note, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(client.to_string())
    .bind(consent.topic.as_str())
    .bind(consent.granted)
    .bind(&consent.document_version)
    .bind(&consent.recorded_by)
    .bind(&consent.note)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Every consent record of the client, oldest first.
pub(crate) async fn consents(
    conn: &mut SqliteConnection,
    client: ClientId,
) -> Result<Vec<ConsentRecord>> {
    let rows: Vec<(String, bool, String, String, String, DateTime<Utc>)> = sqlx::query_as(
        "SELECT topic, granted, document_version, recorded_by, note, recorded_at
         FROM consents WHERE client_id = ? ORDER BY recorded_at, seq",
    )
    .bind(client.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(
            |(topic, granted, document_version, recorded_by, note, recorded_at)| {
                Ok(ConsentRecord {
                    topic: ConsentTopic::parse(&topic)
                        .ok_or_else(|| damaged(format!("unknown consent topic {topic:?}")))?,
                    granted,
                    document_version,
                    recorded_by,
                    note,
                    recorded_at,
                })
            },
        )
        .collect()
}
