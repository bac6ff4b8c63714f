//! Importing clients with their cars from CSV or a spreadsheet, and exporting
//! them. The file layer (`crate::import`) reads the table and makes drafts;
//! here every draft is validated, duplicates against the shop are found, and
//! the whole file is written in one transaction — or nothing is, when any row
//! has a problem.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;
use sqlx::SqliteConnection;

use crate::Remzona;
use crate::db::{catalogue, clients as client_store, history, vehicles as vehicle_store};
use crate::domain::client::{Duplicate, ValidClient};
use crate::domain::history::HistoryKind;
use crate::domain::ids::{ClientId, VehicleId};
use crate::domain::validation::{FieldIssue, IssueCode};
use crate::domain::vehicle::ValidVehicle;
use crate::error::{Error, Result};
use crate::import::{
    ExportFormat, ImportColumn, ImportProblem, ImportRecord, SHEET_NAME, Table, TableError,
    header_of, read_table, suggest_mapping, to_records, write_table,
};

/// Rows shown in the mapping preview.
const PREVIEW_ROWS: usize = 20;
/// How often the progress callback hears from a running import.
const PROGRESS_EVERY: usize = 200;

/// What the import window shows before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub headers: Vec<String>,
    /// The first rows of the file, as read.
    pub sample: Vec<Vec<String>>,
    /// The mapping used: the one given, or the one guessed from the headers.
    pub mapping: Vec<ImportColumn>,
    pub encoding: String,
    pub delimiter: Option<String>,
    pub rows: u32,
    pub plan: ImportPlan,
}

/// What an import would do (or did).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportPlan {
    pub clients: u32,
    pub vehicles: u32,
    /// Rows that cannot be imported as they are; while there are any, nothing is.
    pub problems: Vec<RowProblem>,
    /// Clients or cars already in the shop: they are skipped, never doubled.
    pub duplicates: Vec<RowDuplicate>,
}

/// A problem of one line of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    pub line: u32,
    /// The column's header in the file, when the problem is in one column.
    pub column: String,
    pub value: String,
    pub issue: IssueCode,
    pub max: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RowDuplicate {
    pub line: u32,
    pub duplicate: Duplicate,
}

/// Progress of a running import, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// False when the file had problems: then nothing was written.
    pub imported: bool,
    pub plan: ImportPlan,
}

/// A record that passed validation, with the lines it came from.
struct Checked {
    first_line: u32,
    client: ValidClient,
    lead_source: Option<String>,
    vehicles: Vec<(u32, ValidVehicle)>,
}

impl From<TableError> for Error {
    fn from(error: TableError) -> Self {
        match error {
            TableError::Io(io) => Error::Io(io),
            other => Error::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                other.to_string(),
            )),
        }
    }
}

impl Remzona {
    /// Reads the file and shows what importing it would do, writing nothing.
    pub async fn preview_import(
        &self,
        path: &Path,
        mapping: Option<Vec<ImportColumn>>,
    ) -> Result<ImportPreview> {
        let table = read_table(path)?;
        let mapping = mapping_for(&table, mapping);
        let (plan, _) = self.plan_import(&table, &mapping).await?;
        Ok(ImportPreview {
            sample: table
                .rows
                .iter()
                .take(PREVIEW_ROWS)
                .map(|r| r.cells.clone())
                .collect(),
            headers: table.headers.clone(),
            mapping,
            encoding: table.encoding.clone(),
            delimiter: table.delimiter.clone(),
            rows: table.rows.len() as u32,
            plan,
        })
    }

    /// Imports the file: all of it in one transaction, or nothing when any
    /// row has a problem. Clients and cars already in the shop are skipped.
    pub async fn run_import(
        &self,
        path: &Path,
        mapping: Option<Vec<ImportColumn>>,
        progress: &(dyn Fn(ImportProgress) + Send + Sync),
    ) -> Result<ImportReport> {
        let table = read_table(path)?;
        let mapping = mapping_for(&table, mapping);
        let (plan, records) = self.plan_import(&table, &mapping).await?;
        if !plan.problems.is_empty() {
            return Ok(ImportReport {
                imported: false,
                plan,
            });
        }
        let skip: HashSet<u32> = plan.duplicates.iter().map(|d| d.line).collect();
        let total = records.len() as u32;
        let now = self.now();
        let mut tx = self.db.begin_write().await?;
        for (done, record) in records.iter().enumerate() {
            if done % PROGRESS_EVERY == 0 {
                progress(ImportProgress {
                    done: done as u32,
                    total,
                });
            }
            write_record(&mut tx, record, &skip, now).await?;
        }
        tx.commit().await?;
        progress(ImportProgress { done: total, total });
        Ok(ImportReport {
            imported: true,
            plan,
        })
    }

    /// Validates every record and looks for duplicates in the shop and in the file.
    async fn plan_import(
        &self,
        table: &Table,
        mapping: &[ImportColumn],
    ) -> Result<(ImportPlan, Vec<Checked>)> {
        let today = self.today();
        let (records, unread) = to_records(table, mapping);
        let mut plan = ImportPlan {
            problems: unread.into_iter().map(RowProblem::from).collect(),
            ..ImportPlan::default()
        };
        let mut checked = Vec::with_capacity(records.len());
        for record in &records {
            if let Some(ok) =
                check_record(record, today, mapping, &table.headers, &mut plan.problems)
            {
                checked.push(ok);
            }
        }
        let mut conn = self.db.read().await?;
        find_duplicates(&mut conn, &checked, &mut plan).await?;
        refuse_repeats_in_file(&checked, &mut plan.problems);
        let skipped: HashSet<u32> = plan.duplicates.iter().map(|d| d.line).collect();
        for record in &checked {
            if !skipped.contains(&record.first_line) {
                plan.clients += 1;
            }
            plan.vehicles += record
                .vehicles
                .iter()
                .filter(|(line, _)| !skipped.contains(line))
                .count() as u32;
        }
        plan.problems.sort_by_key(|p| p.line);
        Ok((plan, checked))
    }

    /// Writes every client with its cars to `path`: one row per car (a client
    /// without cars gets one row), columns named so the file imports back.
    pub async fn export_clients(&self, path: &Path, format: ExportFormat) -> Result<usize> {
        let mut conn = self.db.read().await?;
        let ids = client_store::all_ids(&mut conn).await?;
        let columns = EXPORT_COLUMNS;
        let headers: Vec<&str> = columns.iter().map(|c| header_of(*c)).collect();
        let mut rows = Vec::with_capacity(ids.len());
        for id in ids {
            let client = client_store::get(&mut conn, id).await?;
            let owner = client_store::client_ref(&mut conn, id).await?;
            let cars = vehicle_store::of_client(&mut conn, &owner).await?;
            if cars.is_empty() {
                rows.push(export_row(&client, None));
            }
            for car in &cars {
                rows.push(export_row(&client, Some(car)));
            }
        }
        drop(conn);
        let count = rows.len();
        write_table(path, format, SHEET_NAME, &headers, &rows)?;
        Ok(count)
    }
}

fn mapping_for(table: &Table, mapping: Option<Vec<ImportColumn>>) -> Vec<ImportColumn> {
    match mapping {
        Some(given) if given.len() == table.headers.len() => given,
        _ => suggest_mapping(&table.headers),
    }
}

impl From<ImportProblem> for RowProblem {
    fn from(problem: ImportProblem) -> Self {
        RowProblem {
            line: problem.line,
            column: problem.column,
            value: problem.value,
            issue: problem.issue,
            max: None,
        }
    }
}

fn check_record(
    record: &ImportRecord,
    today: chrono::NaiveDate,
    mapping: &[ImportColumn],
    headers: &[String],
    problems: &mut Vec<RowProblem>,
) -> Option<Checked> {
    let first_line = record.lines.first().copied().unwrap_or(0);
    let client = record
        .client
        .validate(today)
        .map_err(|issues| {
            for issue in issues.into_vec() {
                problems.push(problem_at(first_line, &issue, mapping, headers));
            }
        })
        .ok();
    let mut vehicles = Vec::with_capacity(record.vehicles.len());
    for (line, draft) in &record.vehicles {
        match draft.validate(today) {
            Ok(vehicle) => vehicles.push((*line, vehicle)),
            Err(issues) => {
                for issue in issues.into_vec() {
                    problems.push(problem_at(*line, &issue, mapping, headers));
                }
            }
        }
    }
    Some(Checked {
        first_line,
        client: client?,
        lead_source: record.lead_source.clone(),
        vehicles,
    })
}

/// A validation issue of a draft, pointed at the file's column where it can be.
fn problem_at(
    line: u32,
    issue: &FieldIssue,
    mapping: &[ImportColumn],
    headers: &[String],
) -> RowProblem {
    let column = column_of_field(&issue.field)
        .and_then(|wanted| mapping.iter().position(|c| *c == wanted))
        .and_then(|index| headers.get(index))
        .cloned()
        .unwrap_or_default();
    RowProblem {
        line,
        column,
        value: String::new(),
        issue: issue.issue,
        max: issue.max,
    }
}

fn column_of_field(field: &str) -> Option<ImportColumn> {
    let head = field.split('.').next().unwrap_or(field);
    Some(match (head, field) {
        (_, "company.inn") => ImportColumn::Inn,
        (_, "company.kpp") => ImportColumn::Kpp,
        (_, "company.ogrn") => ImportColumn::Ogrn,
        ("company", _) => ImportColumn::CompanyName,
        ("surname", _) => ImportColumn::Surname,
        ("name", _) => ImportColumn::Name,
        ("patronymic", _) => ImportColumn::Patronymic,
        ("phones", _) => ImportColumn::Phone,
        ("email", _) => ImportColumn::Email,
        ("address", _) => ImportColumn::Address,
        ("birthDate", _) => ImportColumn::BirthDate,
        ("notes", _) => ImportColumn::Notes,
        ("discountPercent", _) => ImportColumn::Discount,
        ("tags", _) => ImportColumn::Tags,
        ("contacts", _) => ImportColumn::ContactPerson,
        ("plate", _) => ImportColumn::Plate,
        ("vin", _) => ImportColumn::Vin,
        ("make", _) => ImportColumn::Make,
        ("model", _) => ImportColumn::Model,
        ("year", _) => ImportColumn::Year,
        ("odometerKm", _) => ImportColumn::Odometer,
        ("colour", _) => ImportColumn::Colour,
        ("engineVolumeCc", _) => ImportColumn::EngineVolume,
        _ => return None,
    })
}

/// Clients whose phone or ИНН the shop has, and cars whose VIN or plate it
/// has, are reported and skipped.
async fn find_duplicates(
    conn: &mut SqliteConnection,
    records: &[Checked],
    plan: &mut ImportPlan,
) -> Result<()> {
    for record in records {
        for duplicate in client_store::find_duplicates(conn, &record.client, None).await? {
            plan.duplicates.push(RowDuplicate {
                line: record.first_line,
                duplicate,
            });
        }
        for (line, vehicle) in &record.vehicles {
            for duplicate in vehicle_store::find_duplicates(conn, vehicle, None).await? {
                plan.duplicates.push(RowDuplicate {
                    line: *line,
                    duplicate,
                });
            }
        }
    }
    Ok(())
}

/// The same VIN twice in one file is a mistake in the file, not a second car.
fn refuse_repeats_in_file(records: &[Checked], problems: &mut Vec<RowProblem>) {
    let mut seen = HashSet::new();
    for (line, vehicle) in records.iter().flat_map(|r| r.vehicles.iter()) {
        if let Some(vin) = &vehicle.vin
            && !seen.insert(vin.as_str().to_owned())
        {
            problems.push(RowProblem {
                line: *line,
                column: String::from("VIN"),
                value: vin.as_str().to_owned(),
                issue: IssueCode::Repeated,
                max: None,
            });
        }
    }
}

async fn write_record(
    conn: &mut SqliteConnection,
    record: &Checked,
    skip: &HashSet<u32>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    if skip.contains(&record.first_line) {
        return Ok(());
    }
    let mut client = record.client.clone();
    if let Some(name) = &record.lead_source {
        client.lead_source_id = Some(match catalogue::lead_source_by_name(conn, name).await? {
            Some(id) => id,
            None => catalogue::add_lead_source(conn, name).await?,
        });
    }
    let id = ClientId::new();
    client_store::insert(conn, id, &client, now).await?;
    history::append(conn, id, now, HistoryKind::Imported, None, "").await?;
    for (line, vehicle) in &record.vehicles {
        if skip.contains(line) {
            continue;
        }
        let car = VehicleId::new();
        vehicle_store::insert(conn, car, id, vehicle, now).await?;
        catalogue::remember_model(conn, &vehicle.make, &vehicle.model).await?;
        history::append(conn, id, now, HistoryKind::VehicleAdded, Some(car), "").await?;
    }
    Ok(())
}

const EXPORT_COLUMNS: &[ImportColumn] = &[
    ImportColumn::Surname,
    ImportColumn::Name,
    ImportColumn::Patronymic,
    ImportColumn::CompanyName,
    ImportColumn::Inn,
    ImportColumn::Kpp,
    ImportColumn::Ogrn,
    ImportColumn::Phone,
    ImportColumn::Email,
    ImportColumn::Address,
    ImportColumn::BirthDate,
    ImportColumn::LeadSource,
    ImportColumn::Discount,
    ImportColumn::Tags,
    ImportColumn::ContactPerson,
    ImportColumn::Notes,
    ImportColumn::Plate,
    ImportColumn::Vin,
    ImportColumn::Make,
    ImportColumn::Model,
    ImportColumn::Year,
    ImportColumn::Odometer,
    ImportColumn::Colour,
    ImportColumn::EngineVolume,
    ImportColumn::Fuel,
];

fn export_row(
    client: &crate::domain::client::Client,
    car: Option<&crate::domain::vehicle::Vehicle>,
) -> Vec<String> {
    let phones: Vec<&str> = client.phones.iter().map(|p| p.number.as_e164()).collect();
    let text = |v: Option<String>| v.unwrap_or_default();
    vec![
        client.surname.clone(),
        client.name.clone(),
        client.patronymic.clone(),
        client.company.short_name.clone(),
        client.company.inn.clone(),
        client.company.kpp.clone(),
        client.company.ogrn.clone(),
        phones.join(", "),
        text(client.email.clone()),
        if client.address.is_empty() {
            client.company.legal_address.clone()
        } else {
            client.address.clone()
        },
        text(client.birth_date.map(|d| d.format("%d.%m.%Y").to_string())),
        text(client.lead_source.as_ref().map(|s| s.name.clone())),
        client.discount_percent.to_string(),
        client.tags.join(", "),
        client
            .contacts
            .first()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        client.notes.clone(),
        text(car.and_then(|c| c.plate.clone())),
        text(car.and_then(|c| c.vin.clone())),
        text(car.map(|c| c.make.clone())),
        text(car.map(|c| c.model.clone())),
        text(car.and_then(|c| c.year).map(|y| y.to_string())),
        text(
            car.and_then(|c| c.odometer.as_ref())
                .map(|o| o.km.to_string()),
        ),
        text(car.map(|c| c.colour.clone())),
        text(
            car.and_then(|c| c.engine_volume_cc)
                .map(|cc| cc.to_string()),
        ),
        text(car.and_then(|c| c.fuel).map(|f| f.as_str().to_owned())),
    ]
}
