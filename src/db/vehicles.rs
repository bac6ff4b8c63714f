//! SQL for cars, their owners and odometer readings.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::db::clients::{client_ref, damaged, seq_of};
use crate::db::{assignments, parse_id, search};
use crate::domain::client::{ClientRef, Duplicate, DuplicateField, VehicleBrief};
use crate::domain::ids::{ClientId, ContactId, VehicleId};
use crate::domain::plate::Plate;
use crate::domain::vehicle::{
    ContactRef, Fuel, OdometerReading, Ownership, ValidVehicle, Vehicle, VehicleDetails,
};
use crate::domain::vin::Vin;
use crate::error::{Error, Result};

const COLUMNS: &str = "driver_contact_id, vin, plate, make, model, year, engine_number,
    engine_volume_cc, fuel, colour, notes, updated_at";

type Args = sqlx::sqlite::SqliteArguments;
type ScalarQuery = sqlx::query::QueryScalar<'static, sqlx::Sqlite, i64, Args>;

fn bind_fields(query: ScalarQuery, vehicle: &ValidVehicle, now: DateTime<Utc>) -> ScalarQuery {
    query
        .bind(vehicle.driver_contact_id.map(|id| id.to_string()))
        .bind(vehicle.vin.as_ref().map(|v| v.as_str().to_owned()))
        .bind(vehicle.plate.as_ref().map(|p| p.as_str().to_owned()))
        .bind(vehicle.make.clone())
        .bind(vehicle.model.clone())
        .bind(vehicle.year.map(i64::from))
        .bind(vehicle.engine_number.clone())
        .bind(vehicle.engine_volume_cc.map(i64::from))
        .bind(vehicle.fuel.map(Fuel::as_str))
        .bind(vehicle.colour.clone())
        .bind(vehicle.notes.clone())
        .bind(now)
}

/// Inserts a car for `owner`, opens its ownership and records the first reading.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    id: VehicleId,
    owner: ClientId,
    vehicle: &ValidVehicle,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = format!(
        "INSERT INTO vehicles ({COLUMNS}, id, owner_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq"
    );
    let seq: i64 = bind_fields(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)), vehicle, now)
        .bind(id.to_string())
        .bind(owner.to_string())
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO vehicle_owners (vehicle_id, client_id, since) VALUES (?, ?, ?)")
        .bind(id.to_string())
        .bind(owner.to_string())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    if let Some(km) = vehicle.odometer_km {
        record_odometer(conn, id, km, "", now).await?;
    }
    let owner_seq = seq_of(conn, owner).await?;
    search::index_vehicle(conn, owner_seq, seq, vehicle).await
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: VehicleId,
    vehicle: &ValidVehicle,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = format!(
        "UPDATE vehicles SET {} WHERE id = ? RETURNING seq",
        assignments(COLUMNS)
    );
    let seq: Option<i64> = bind_fields(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)), vehicle, now)
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    let seq = seq.ok_or_else(|| Error::not_found("vehicle", id))?;
    let owner_seq: i64 = sqlx::query_scalar(
        "SELECT c.seq FROM vehicles v JOIN clients c ON c.id = v.owner_id WHERE v.seq = ?",
    )
    .bind(seq)
    .fetch_one(&mut *conn)
    .await?;
    search::index_vehicle(conn, owner_seq, seq, vehicle).await
}

pub(crate) async fn record_odometer(
    conn: &mut SqliteConnection,
    id: VehicleId,
    km: u32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO odometer_readings (vehicle_id, km, read_at, reason) VALUES (?, ?, ?, ?)",
    )
    .bind(id.to_string())
    .bind(i64::from(km))
    .bind(now)
    .bind(reason)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn last_odometer(
    conn: &mut SqliteConnection,
    id: VehicleId,
) -> Result<Option<u32>> {
    let km: Option<i64> = sqlx::query_scalar(
        "SELECT km FROM odometer_readings WHERE vehicle_id = ? ORDER BY read_at DESC, rowid DESC LIMIT 1",
    )
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(km.and_then(|km| u32::try_from(km).ok()))
}

/// Hands the car to `new_owner`: closes the current ownership, opens a new one
/// and moves its search terms. Its readings and history stay with the car.
pub(crate) async fn transfer(
    conn: &mut SqliteConnection,
    id: VehicleId,
    new_owner: ClientId,
    now: DateTime<Utc>,
) -> Result<ClientId> {
    let (seq, old_owner): (i64, String) =
        sqlx::query_as("SELECT seq, owner_id FROM vehicles WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| Error::not_found("vehicle", id))?;
    let old_owner: ClientId = parse_id(&old_owner)?;
    let from_seq = seq_of(conn, old_owner).await?;
    let to_seq = seq_of(conn, new_owner).await?;
    sqlx::query("UPDATE vehicle_owners SET until = ? WHERE vehicle_id = ? AND until IS NULL")
        .bind(now)
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO vehicle_owners (vehicle_id, client_id, since) VALUES (?, ?, ?)")
        .bind(id.to_string())
        .bind(new_owner.to_string())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    // A driver is a contact of the old owner: they do not come with the car.
    sqlx::query(
        "UPDATE vehicles SET owner_id = ?, driver_contact_id = NULL, updated_at = ? WHERE id = ?",
    )
    .bind(new_owner.to_string())
    .bind(now)
    .bind(id.to_string())
    .execute(&mut *conn)
    .await?;
    search::move_vehicle_terms(conn, Some(seq), from_seq, to_seq).await?;
    Ok(old_owner)
}

/// Another car with this VIN (blocking) or this plate (a warning: plates are re-issued).
pub(crate) async fn find_duplicates(
    conn: &mut SqliteConnection,
    vehicle: &ValidVehicle,
    except: Option<VehicleId>,
) -> Result<Vec<Duplicate>> {
    let except = except.map(|id| id.to_string()).unwrap_or_default();
    let mut found = Vec::new();
    let checks = [
        (
            DuplicateField::Vin,
            vehicle.vin.as_ref().map(Vin::as_str),
            "vin",
        ),
        (
            DuplicateField::Plate,
            vehicle.plate.as_ref().map(Plate::as_str),
            "plate",
        ),
    ];
    for (field, value, column) in checks {
        let Some(value) = value else { continue };
        let sql = format!("SELECT id FROM vehicles WHERE {column} = ? AND id <> ? LIMIT 1");
        let other: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(value)
            .bind(&except)
            .fetch_optional(&mut *conn)
            .await?;
        if let Some(other) = other {
            let car = get(conn, parse_id(&other)?).await?;
            found.push(Duplicate {
                field,
                value: value.to_owned(),
                existing: car.owner.clone(),
                vehicle: Some(brief_of(&car)),
                blocking: field == DuplicateField::Vin,
            });
        }
    }
    Ok(found)
}

pub(crate) fn brief_of(car: &Vehicle) -> VehicleBrief {
    VehicleBrief {
        id: car.id,
        plate: car.plate.clone(),
        vin: car.vin.clone(),
        make: car.make.clone(),
        model: car.model.clone(),
        year: car.year,
    }
}

#[derive(sqlx::FromRow)]
struct VehicleRow {
    id: String,
    owner_id: String,
    driver_contact_id: Option<String>,
    driver_name: Option<String>,
    vin: Option<String>,
    plate: Option<String>,
    make: String,
    model: String,
    year: Option<i64>,
    engine_number: String,
    engine_volume_cc: Option<i64>,
    fuel: Option<String>,
    colour: String,
    notes: String,
    odometer_km: Option<i64>,
    odometer_at: Option<DateTime<Utc>>,
    odometer_reason: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT v.*, d.name AS driver_name,
        o.km AS odometer_km, o.read_at AS odometer_at, o.reason AS odometer_reason
    FROM vehicles v
    LEFT JOIN client_contacts d ON d.id = v.driver_contact_id
    LEFT JOIN odometer_readings o ON o.rowid = (
        SELECT rowid FROM odometer_readings WHERE vehicle_id = v.id
        ORDER BY read_at DESC, rowid DESC LIMIT 1)";

pub(crate) async fn get(conn: &mut SqliteConnection, id: VehicleId) -> Result<Vehicle> {
    let sql = format!("{SELECT} WHERE v.id = ?");
    let row: Option<VehicleRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    let row = row.ok_or_else(|| Error::not_found("vehicle", id))?;
    let owner = client_ref(conn, parse_id(&row.owner_id)?).await?;
    vehicle_from_row(row, owner)
}

/// The cars a client owns now, newest first.
pub(crate) async fn of_client(
    conn: &mut SqliteConnection,
    owner: &ClientRef,
) -> Result<Vec<Vehicle>> {
    let sql = format!("{SELECT} WHERE v.owner_id = ? ORDER BY v.created_at DESC");
    let rows: Vec<VehicleRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(owner.id.to_string())
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|row| vehicle_from_row(row, owner.clone()))
        .collect()
}

fn vehicle_from_row(row: VehicleRow, owner: ClientRef) -> Result<Vehicle> {
    let vin = row.vin.as_deref().and_then(|v| Vin::parse(v).ok());
    let plate = row.plate.as_deref().and_then(|p| Plate::parse(p).ok());
    let driver = match (row.driver_contact_id, row.driver_name) {
        (Some(id), Some(name)) => Some(ContactRef {
            id: parse_id::<ContactId>(&id)?,
            name,
        }),
        _ => None,
    };
    let fuel = match row.fuel.as_deref() {
        Some(text) => {
            Some(Fuel::parse(text).ok_or_else(|| damaged(format!("unknown fuel {text:?}")))?)
        }
        None => None,
    };
    let odometer = match (row.odometer_km, row.odometer_at) {
        (Some(km), Some(read_at)) => Some(OdometerReading {
            km: u32::try_from(km).unwrap_or(0),
            read_at,
            reason: row.odometer_reason.unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(Vehicle {
        id: parse_id(&row.id)?,
        owner,
        driver,
        vin_check_warning: vin
            .as_ref()
            .is_some_and(|v| v.is_north_american() && !v.check_digit_matches()),
        vin: row.vin,
        plate_display: plate.as_ref().map(Plate::display),
        plate: row.plate,
        make: row.make,
        model: row.model,
        year: row.year.and_then(|y| u16::try_from(y).ok()),
        engine_number: row.engine_number,
        engine_volume_cc: row.engine_volume_cc.and_then(|cc| u32::try_from(cc).ok()),
        fuel,
        colour: row.colour,
        notes: row.notes,
        odometer,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

pub(crate) async fn details(conn: &mut SqliteConnection, id: VehicleId) -> Result<VehicleDetails> {
    let vehicle = get(conn, id).await?;
    let owner_rows: Vec<(String, DateTime<Utc>, Option<DateTime<Utc>>)> = sqlx::query_as(
        "SELECT client_id, since, until FROM vehicle_owners WHERE vehicle_id = ? ORDER BY since DESC, rowid DESC",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let mut owners = Vec::with_capacity(owner_rows.len());
    for (client, since, until) in owner_rows {
        owners.push(Ownership {
            owner: client_ref(conn, parse_id(&client)?).await?,
            since,
            until,
        });
    }
    let readings: Vec<(i64, DateTime<Utc>, String)> = sqlx::query_as(
        "SELECT km, read_at, reason FROM odometer_readings WHERE vehicle_id = ?
         ORDER BY read_at DESC, rowid DESC",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(VehicleDetails {
        vehicle,
        owners,
        readings: readings
            .into_iter()
            .map(|(km, read_at, reason)| OdometerReading {
                km: u32::try_from(km).unwrap_or(0),
                read_at,
                reason,
            })
            .collect(),
    })
}

/// A stored car as its validated form, to rebuild its search terms.
pub(crate) fn as_valid(car: &Vehicle) -> ValidVehicle {
    ValidVehicle {
        vin: car.vin.as_deref().and_then(|v| Vin::parse(v).ok()),
        plate: car.plate.as_deref().and_then(|p| Plate::parse(p).ok()),
        make: car.make.clone(),
        model: car.model.clone(),
        year: car.year,
        engine_number: car.engine_number.clone(),
        engine_volume_cc: car.engine_volume_cc,
        fuel: car.fuel,
        colour: car.colour.clone(),
        odometer_km: None,
        odometer_reason: String::new(),
        driver_contact_id: car.driver.as_ref().map(|d| d.id),
        notes: car.notes.clone(),
    }
}

pub(crate) async fn seq_of_vehicle(conn: &mut SqliteConnection, id: VehicleId) -> Result<i64> {
    let seq: Option<i64> = sqlx::query_scalar("SELECT seq FROM vehicles WHERE id = ?")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    seq.ok_or_else(|| Error::not_found("vehicle", id))
}

/// Whether `contact` is a contact person of `owner` (a driver must be).
pub(crate) async fn contact_belongs_to(
    conn: &mut SqliteConnection,
    contact: ContactId,
    owner: ClientId,
) -> Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM client_contacts WHERE id = ? AND client_id = ?")
            .bind(contact.to_string())
            .bind(owner.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    Ok(found.is_some())
}

pub(crate) async fn owner_of(conn: &mut SqliteConnection, id: VehicleId) -> Result<ClientId> {
    let owner: Option<String> = sqlx::query_scalar("SELECT owner_id FROM vehicles WHERE id = ?")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    parse_id(&owner.ok_or_else(|| Error::not_found("vehicle", id))?)
}

pub(crate) async fn count(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM vehicles")
        .fetch_one(&mut *conn)
        .await?)
}
