//! SQL for appointments: the rows, their services, their history, the busy
//! time the booking rules read, and the desktop notices already delivered.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::db::clients::{damaged, parse_kind};
use crate::db::parse_id;
use crate::domain::client::display_name;
use crate::domain::ids::{AppointmentId, ClientId, ServiceCategoryId, ServiceId, VehicleId};
use crate::domain::schedule::appointment::{
    Appointment, AppointmentChange, AppointmentClient, AppointmentEvent, AppointmentService,
    AppointmentStatus, AppointmentVehicle, BookingSource, NoticeKind,
};
use crate::domain::schedule::{BayId, EmployeeId, Interval, IntervalSet};
use crate::error::{Error, Result};

const APPOINTMENT_ROW: &str = "SELECT a.seq, a.id, a.client_id, c.kind, c.surname, c.name,
        c.patronymic, c.short_name, c.full_name,
        (SELECT p.e164 FROM client_phones p WHERE p.client_id = a.client_id
         ORDER BY p.is_primary DESC, p.position LIMIT 1) AS phone,
        a.vehicle_id, v.make, v.model, v.plate, a.mechanic_id, a.bay_id, a.starts_at,
        a.ends_at, a.status, a.source, a.comment, a.created_at
     FROM appointments a JOIN clients c ON c.id = a.client_id
     LEFT JOIN vehicles v ON v.id = a.vehicle_id";

#[derive(sqlx::FromRow)]
struct AppointmentRow {
    seq: i64,
    id: String,
    client_id: String,
    kind: String,
    surname: String,
    name: String,
    patronymic: String,
    short_name: String,
    full_name: String,
    phone: Option<String>,
    vehicle_id: Option<String>,
    make: Option<String>,
    model: Option<String>,
    plate: Option<String>,
    mechanic_id: i64,
    bay_id: Option<i64>,
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
    status: String,
    source: String,
    comment: String,
    created_at: DateTime<Utc>,
}

/// What an insert or an update writes: everything but the services.
pub(crate) struct AppointmentFields<'a> {
    pub client: crate::domain::ids::ClientId,
    pub vehicle: Option<crate::domain::ids::VehicleId>,
    pub mechanic: EmployeeId,
    pub bay: Option<BayId>,
    pub span: Interval,
    pub status: AppointmentStatus,
    pub source: BookingSource,
    pub comment: &'a str,
}

impl<'a> AppointmentFields<'a> {
    /// What an appointment has now, for a change of a few fields.
    pub(crate) fn of(appointment: &'a Appointment) -> AppointmentFields<'a> {
        AppointmentFields {
            client: appointment.client.id,
            vehicle: appointment.vehicle.as_ref().map(|v| v.id),
            mechanic: appointment.mechanic,
            bay: appointment.bay,
            span: Interval::new(appointment.start, appointment.end).unwrap_or_else(|| {
                Interval::lasting(appointment.start, chrono::TimeDelta::minutes(1))
            }),
            status: appointment.status,
            source: appointment.source,
            comment: &appointment.comment,
        }
    }
}

/// The columns an insert and an update write, in the order `bind_fields` binds them.
const COLUMNS: &str = "client_id, vehicle_id, mechanic_id, bay_id, starts_at, ends_at, status,
    holds_time, source, comment, updated_at";

type ScalarQuery = sqlx::query::QueryScalar<'static, Sqlite, i64, sqlx::sqlite::SqliteArguments>;

fn bind_fields(
    query: ScalarQuery,
    fields: &AppointmentFields<'_>,
    now: DateTime<Utc>,
) -> ScalarQuery {
    query
        .bind(fields.client.to_string())
        .bind(fields.vehicle.map(|v| v.to_string()))
        .bind(i64::from(fields.mechanic.0))
        .bind(fields.bay.map(|b| i64::from(b.0)))
        .bind(fields.span.start())
        .bind(fields.span.end())
        .bind(fields.status.as_str())
        .bind(fields.status.holds_time())
        .bind(fields.source.as_str())
        .bind(fields.comment.to_owned())
        .bind(now)
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    id: AppointmentId,
    fields: &AppointmentFields<'_>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let sql = format!(
        "INSERT INTO appointments ({COLUMNS}, created_at, id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq"
    );
    let query = bind_fields(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)), fields, now);
    Ok(query
        .bind(now)
        .bind(id.to_string())
        .fetch_one(&mut *conn)
        .await?)
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    seq: i64,
    fields: &AppointmentFields<'_>,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = format!(
        "UPDATE appointments SET {} WHERE seq = ? RETURNING seq",
        crate::db::assignments(COLUMNS)
    );
    let done = bind_fields(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)), fields, now)
        .bind(seq)
        .fetch_optional(&mut *conn)
        .await?;
    done.map(|_| ())
        .ok_or_else(|| Error::not_found("appointment", seq))
}

pub(crate) async fn set_services(
    conn: &mut SqliteConnection,
    seq: i64,
    services: &[(ServiceId, u32)],
) -> Result<()> {
    sqlx::query("DELETE FROM appointment_services WHERE appointment_seq = ?")
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    for (position, (service, minutes)) in services.iter().enumerate() {
        sqlx::query(
            "INSERT INTO appointment_services (appointment_seq, position, service_id, minutes)
             VALUES (?, ?, ?, ?)",
        )
        .bind(seq)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(service.to_string())
        .bind(i64::from(*minutes))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The minutes and the skills the listed services need; an unknown or
/// archived service is `NotFound`.
pub(crate) async fn service_needs(
    conn: &mut SqliteConnection,
    services: &[ServiceId],
) -> Result<Vec<(ServiceId, u32, Vec<ServiceCategoryId>)>> {
    let mut needs = Vec::with_capacity(services.len());
    for service in services {
        let row: Option<(i64, i64, i64)> = sqlx::query_as(
            "SELECT seq, duration, category_id FROM services WHERE id = ? AND archived = 0",
        )
        .bind(service.to_string())
        .fetch_optional(&mut *conn)
        .await?;
        let (seq, minutes, category) = row.ok_or_else(|| Error::not_found("service", service))?;
        let mut skills = vec![ServiceCategoryId::from_row(category)];
        let extra: Vec<i64> =
            sqlx::query_scalar("SELECT category_id FROM service_skills WHERE service_seq = ?")
                .bind(seq)
                .fetch_all(&mut *conn)
                .await?;
        skills.extend(extra.into_iter().map(ServiceCategoryId::from_row));
        needs.push((*service, u32::try_from(minutes).unwrap_or(0), skills));
    }
    Ok(needs)
}

pub(crate) async fn seq_of(conn: &mut SqliteConnection, id: AppointmentId) -> Result<i64> {
    sqlx::query_scalar("SELECT seq FROM appointments WHERE id = ?")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::not_found("appointment", id))
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: AppointmentId) -> Result<Appointment> {
    let mut sql: QueryBuilder<Sqlite> =
        QueryBuilder::new(format!("{APPOINTMENT_ROW} WHERE a.id = "));
    sql.push_bind(id.to_string());
    load(conn, sql)
        .await?
        .pop()
        .ok_or_else(|| Error::not_found("appointment", id))
}

/// Every appointment overlapping `window`, in time order, any status.
pub(crate) async fn in_window(
    conn: &mut SqliteConnection,
    window: Interval,
) -> Result<Vec<Appointment>> {
    let mut sql: QueryBuilder<Sqlite> =
        QueryBuilder::new(format!("{APPOINTMENT_ROW} WHERE a.starts_at < "));
    sql.push_bind(window.end())
        .push(" AND a.ends_at > ")
        .push_bind(window.start())
        .push(" ORDER BY a.starts_at, a.seq");
    load(conn, sql).await
}

/// Awaited appointments starting in `window`: what the notices look at.
pub(crate) async fn awaited_starting_in(
    conn: &mut SqliteConnection,
    window: Interval,
) -> Result<Vec<(i64, Appointment)>> {
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
        "{APPOINTMENT_ROW} WHERE a.status IN ('planned', 'confirmed') AND a.starts_at >= "
    ));
    sql.push_bind(window.start())
        .push(" AND a.starts_at < ")
        .push_bind(window.end())
        .push(" ORDER BY a.starts_at, a.seq");
    let rows: Vec<AppointmentRow> = sql.build_query_as().fetch_all(&mut *conn).await?;
    let seqs: Vec<i64> = rows.iter().map(|row| row.seq).collect();
    let list = hydrate(conn, rows).await?;
    Ok(seqs.into_iter().zip(list).collect())
}

async fn load(
    conn: &mut SqliteConnection,
    mut sql: QueryBuilder<Sqlite>,
) -> Result<Vec<Appointment>> {
    let rows: Vec<AppointmentRow> = sql.build_query_as().fetch_all(&mut *conn).await?;
    hydrate(conn, rows).await
}

async fn hydrate(
    conn: &mut SqliteConnection,
    rows: Vec<AppointmentRow>,
) -> Result<Vec<Appointment>> {
    let mut services = services_of(conn, &rows).await?;
    rows.into_iter()
        .map(|row| {
            let services = services.remove(&row.seq).unwrap_or_default();
            to_appointment(row, services)
        })
        .collect()
}

async fn services_of(
    conn: &mut SqliteConnection,
    rows: &[AppointmentRow],
) -> Result<HashMap<i64, Vec<AppointmentService>>> {
    let mut found: HashMap<i64, Vec<AppointmentService>> = HashMap::new();
    // SQLite binds at most 32 766 parameters; a week holds a few thousand.
    for chunk in rows.chunks(5_000) {
        let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT x.appointment_seq, x.service_id, s.code, s.name, x.minutes
             FROM appointment_services x JOIN services s ON s.id = x.service_id
             WHERE x.appointment_seq IN (",
        );
        let mut list = sql.separated(", ");
        for row in chunk {
            list.push_bind(row.seq);
        }
        sql.push(") ORDER BY x.appointment_seq, x.position");
        let lines: Vec<(i64, String, String, String, i64)> =
            sql.build_query_as().fetch_all(&mut *conn).await?;
        for (seq, id, code, name, minutes) in lines {
            found.entry(seq).or_default().push(AppointmentService {
                id: parse_id(&id)?,
                code,
                name,
                minutes: u32::try_from(minutes).unwrap_or(0),
            });
        }
    }
    Ok(found)
}

fn to_appointment(row: AppointmentRow, services: Vec<AppointmentService>) -> Result<Appointment> {
    let kind = parse_kind(&row.kind)?;
    let vehicle = match row.vehicle_id {
        Some(id) => Some(AppointmentVehicle {
            id: parse_id(&id)?,
            name: [row.make.unwrap_or_default(), row.model.unwrap_or_default()]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            plate: row.plate,
        }),
        None => None,
    };
    Ok(Appointment {
        id: parse_id(&row.id)?,
        client: AppointmentClient {
            id: parse_id(&row.client_id)?,
            name: display_name(
                kind,
                [&row.surname, &row.name, &row.patronymic],
                [&row.short_name, &row.full_name],
            ),
            phone: row.phone.unwrap_or_default(),
        },
        vehicle,
        services,
        mechanic: EmployeeId::from_row(row.mechanic_id),
        bay: row.bay_id.map(BayId::from_row),
        start: row.starts_at,
        end: row.ends_at,
        status: AppointmentStatus::parse(&row.status)
            .ok_or_else(|| damaged(format!("unknown appointment status {:?}", row.status)))?,
        source: BookingSource::parse(&row.source)
            .ok_or_else(|| damaged(format!("unknown booking source {:?}", row.source)))?,
        comment: row.comment,
        created_at: row.created_at,
    })
}

/// Who holds time where in `window`: the time-holding appointments of every
/// mechanic and every bay, `except` the one being moved.
#[derive(Debug, Default)]
pub(crate) struct BusyTime {
    pub mechanics: HashMap<EmployeeId, IntervalSet>,
    pub bays: HashMap<BayId, IntervalSet>,
}

pub(crate) async fn busy(
    conn: &mut SqliteConnection,
    window: Interval,
    except: Option<i64>,
) -> Result<BusyTime> {
    // One row for the whole window: a packed month holds thousands of
    // appointments, and a row through the driver costs more than SQLite's
    // own scan of the covering index, so they come as one text of
    // «mechanic bay start end» records.
    let text: Option<String> = sqlx::query_scalar(
        "SELECT group_concat(mechanic_id || ' ' || ifnull(bay_id, 0) || ' ' || starts_at || ' ' || ends_at, ';')
         FROM appointments
         WHERE holds_time = 1 AND starts_at < ? AND ends_at > ? AND seq IS NOT ?",
    )
    .bind(window.end())
    .bind(window.start())
    .bind(except)
    .fetch_one(&mut *conn)
    .await?;
    let mut mechanics: HashMap<EmployeeId, Vec<Interval>> = HashMap::new();
    let mut bays: HashMap<BayId, Vec<Interval>> = HashMap::new();
    for record in text.as_deref().unwrap_or_default().split(';') {
        let Some((mechanic, bay, span)) = busy_record(record) else {
            continue;
        };
        mechanics.entry(mechanic).or_default().push(span);
        if let Some(bay) = bay {
            bays.entry(bay).or_default().push(span);
        }
    }
    Ok(BusyTime {
        mechanics: mechanics
            .into_iter()
            .map(|(id, spans)| (id, IntervalSet::from_intervals(spans)))
            .collect(),
        bays: bays
            .into_iter()
            .map(|(id, spans)| (id, IntervalSet::from_intervals(spans)))
            .collect(),
    })
}

/// «3 2 2026-11-30 10:00:00 2026-11-30 11:00:00» (bay 0: none).
fn busy_record(record: &str) -> Option<(EmployeeId, Option<BayId>, Interval)> {
    let mut parts = record.splitn(3, ' ');
    let mechanic: i64 = parts.next()?.parse().ok()?;
    let bay: i64 = parts.next()?.parse().ok()?;
    let times = parts.next()?;
    let start = stored_time(times.get(..19)?)?;
    let end = stored_time(times.get(20..39)?)?;
    let bay = (bay != 0).then(|| BayId::from_row(bay));
    Some((
        EmployeeId::from_row(mechanic),
        bay,
        Interval::new(start, end)?,
    ))
}

/// `2026-11-30 10:00:00` as stored, read by position: thousands of these are
/// read per search, and a general parser is several times slower.
fn stored_time(text: &str) -> Option<NaiveDateTime> {
    let number = |range: std::ops::Range<usize>| -> Option<u32> { text.get(range)?.parse().ok() };
    let date = chrono::NaiveDate::from_ymd_opt(
        i32::try_from(number(0..4)?).ok()?,
        number(5..7)?,
        number(8..10)?,
    )?;
    date.and_hms_opt(number(11..13)?, number(14..16)?, number(17..19)?)
}

// ---- history --------------------------------------------------------------

pub(crate) async fn record(
    conn: &mut SqliteConnection,
    seq: i64,
    at: DateTime<Utc>,
    change: &AppointmentChange,
) -> Result<()> {
    let detail =
        serde_json::to_string(change).map_err(|e| damaged(format!("appointment change: {e}")))?;
    sqlx::query(
        "INSERT INTO appointment_events (appointment_seq, at, kind, detail) VALUES (?, ?, ?, ?)",
    )
    .bind(seq)
    .bind(at)
    .bind(change.kind())
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn history(
    conn: &mut SqliteConnection,
    seq: i64,
) -> Result<Vec<AppointmentEvent>> {
    let rows: Vec<(DateTime<Utc>, String)> = sqlx::query_as(
        "SELECT at, detail FROM appointment_events WHERE appointment_seq = ? ORDER BY seq",
    )
    .bind(seq)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(at, detail)| {
            let change = serde_json::from_str(&detail)
                .map_err(|e| damaged(format!("appointment event: {e}")))?;
            Ok(AppointmentEvent { at, change })
        })
        .collect()
}

// ---- notices --------------------------------------------------------------

/// Records a notice as delivered; `false` when it already was.
pub(crate) async fn mark_delivered(
    conn: &mut SqliteConnection,
    seq: i64,
    kind: NoticeKind,
    start: NaiveDateTime,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT OR IGNORE INTO appointment_notices (appointment_seq, kind, starts_at, delivered_at)
         VALUES (?, ?, ?, ?)",
    )
    .bind(seq)
    .bind(kind.as_str())
    .bind(start)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Clients with a car, for the demo to book.
pub(crate) async fn client_cars(
    conn: &mut SqliteConnection,
    limit: i64,
) -> Result<Vec<(ClientId, VehicleId)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT v.owner_id, v.id FROM vehicles v JOIN clients c ON c.id = v.owner_id
         WHERE c.archived_at IS NULL AND c.merged_into IS NULL ORDER BY v.seq LIMIT ?",
    )
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|(client, car)| Ok((parse_id(client)?, parse_id(car)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_records_are_read_by_position() {
        let (mechanic, bay, span) =
            busy_record("3 2 2026-11-30 10:00:00 2026-11-30 11:30:00").expect("a record");
        assert_eq!((mechanic, bay), (EmployeeId(3), Some(BayId(2))));
        assert_eq!(span.start().to_string(), "2026-11-30 10:00:00");
        assert_eq!(span.duration().num_minutes(), 90);
        let (_, bay, _) =
            busy_record("7 0 2026-12-31 23:00:00 2027-01-01 01:00:00").expect("no bay");
        assert_eq!(bay, None);
        for broken in [
            "",
            "3 2",
            "x 2 2026-11-30 10:00:00 2026-11-30 11:00:00",
            "3 2 2026-13-30 10:00:00 2026-11-30 11:00:00",
        ] {
            assert!(busy_record(broken).is_none(), "{broken:?}");
        }
    }
}
