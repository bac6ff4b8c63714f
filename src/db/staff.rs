//! SQL for the staff, the bays, and the shift patterns and exceptions.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::db::clients::damaged;
use crate::domain::ids::ServiceCategoryId;
use crate::domain::schedule::{
    Bay, BayId, Colour, EmployeeId, ExceptionKind, PatternAssignment, Role, ShiftException,
    ShiftPattern, Staff, ValidBay, ValidStaff,
};
use crate::error::{Error, Result};

// ---- staff ----------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct StaffRow {
    id: i64,
    name: String,
    colour: String,
    active: bool,
}

/// Everyone, in calendar order; former employees only when asked.
pub(crate) async fn staff(conn: &mut SqliteConnection, with_inactive: bool) -> Result<Vec<Staff>> {
    let rows: Vec<StaffRow> = sqlx::query_as(
        "SELECT id, name, colour, active FROM employees
         WHERE active = 1 OR ? ORDER BY position, name, id",
    )
    .bind(with_inactive)
    .fetch_all(&mut *conn)
    .await?;
    let roles: Vec<(i64, String)> = sqlx::query_as("SELECT employee_id, role FROM employee_roles")
        .fetch_all(&mut *conn)
        .await?;
    let skills: Vec<(i64, i64)> =
        sqlx::query_as("SELECT employee_id, category_id FROM employee_skills")
            .fetch_all(&mut *conn)
            .await?;
    let mut roles_of: HashMap<i64, BTreeSet<Role>> = HashMap::new();
    for (id, role) in roles {
        roles_of.entry(id).or_default().insert(parse_role(&role)?);
    }
    let mut skills_of: HashMap<i64, BTreeSet<ServiceCategoryId>> = HashMap::new();
    for (id, category) in skills {
        skills_of
            .entry(id)
            .or_default()
            .insert(ServiceCategoryId::from_row(category));
    }
    rows.into_iter()
        .map(|row| {
            Ok(Staff {
                id: EmployeeId::from_row(row.id),
                colour: Colour::parse(&row.colour)
                    .ok_or_else(|| damaged(format!("bad colour {:?}", row.colour)))?,
                name: row.name,
                roles: roles_of.remove(&row.id).unwrap_or_default(),
                skills: skills_of.remove(&row.id).unwrap_or_default(),
                active: row.active,
            })
        })
        .collect()
}

pub(crate) async fn employee(conn: &mut SqliteConnection, id: EmployeeId) -> Result<Staff> {
    staff(conn, true)
        .await?
        .into_iter()
        .find(|person| person.id == id)
        .ok_or_else(|| Error::not_found("employee", id))
}

pub(crate) async fn save_employee(
    conn: &mut SqliteConnection,
    id: Option<EmployeeId>,
    valid: &ValidStaff,
    now: DateTime<Utc>,
) -> Result<EmployeeId> {
    let id = match id {
        Some(id) => {
            let done =
                sqlx::query("UPDATE employees SET name = ?, colour = ?, active = ? WHERE id = ?")
                    .bind(&valid.name)
                    .bind(valid.colour.as_str())
                    .bind(valid.active)
                    .bind(i64::from(id.0))
                    .execute(&mut *conn)
                    .await?;
            crate::db::one_row(done, "employee", id)?;
            id
        }
        None => {
            let row: i64 = sqlx::query_scalar(
                "INSERT INTO employees (name, colour, active, position, created_at)
                 VALUES (?, ?, ?, (SELECT ifnull(max(position), 0) + 1 FROM employees), ?)
                 RETURNING id",
            )
            .bind(&valid.name)
            .bind(valid.colour.as_str())
            .bind(valid.active)
            .bind(now)
            .fetch_one(&mut *conn)
            .await?;
            EmployeeId::from_row(row)
        }
    };
    let key = i64::from(id.0);
    sqlx::query("DELETE FROM employee_roles WHERE employee_id = ?")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    for role in &valid.roles {
        sqlx::query("INSERT INTO employee_roles (employee_id, role) VALUES (?, ?)")
            .bind(key)
            .bind(role_str(*role))
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM employee_skills WHERE employee_id = ?")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    for skill in &valid.skills {
        sqlx::query("INSERT INTO employee_skills (employee_id, category_id) VALUES (?, ?)")
            .bind(key)
            .bind(i64::from(skill.0))
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// Whether a category id exists, so a stale form cannot store a dangling skill.
pub(crate) async fn unknown_categories(
    conn: &mut SqliteConnection,
    ids: &BTreeSet<ServiceCategoryId>,
) -> Result<bool> {
    for id in ids {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM service_categories WHERE id = ?")
                .bind(i64::from(id.0))
                .fetch_optional(&mut *conn)
                .await?;
        if found.is_none() {
            return Ok(true);
        }
    }
    Ok(false)
}

fn role_str(role: Role) -> &'static str {
    match role {
        Role::Operator => "operator",
        Role::Mechanic => "mechanic",
        Role::Manager => "manager",
    }
}

fn parse_role(text: &str) -> Result<Role> {
    match text {
        "operator" => Ok(Role::Operator),
        "mechanic" => Ok(Role::Mechanic),
        "manager" => Ok(Role::Manager),
        other => Err(damaged(format!("unknown role {other:?}"))),
    }
}

// ---- bays -----------------------------------------------------------------

pub(crate) async fn bays(conn: &mut SqliteConnection, with_inactive: bool) -> Result<Vec<Bay>> {
    let rows: Vec<(i64, String, bool)> = sqlx::query_as(
        "SELECT id, name, active FROM bays WHERE active = 1 OR ? ORDER BY position, name, id",
    )
    .bind(with_inactive)
    .fetch_all(&mut *conn)
    .await?;
    let fits: Vec<(i64, i64)> = sqlx::query_as("SELECT bay_id, category_id FROM bay_categories")
        .fetch_all(&mut *conn)
        .await?;
    let mut fit_of: HashMap<i64, BTreeSet<ServiceCategoryId>> = HashMap::new();
    for (bay, category) in fits {
        fit_of
            .entry(bay)
            .or_default()
            .insert(ServiceCategoryId::from_row(category));
    }
    Ok(rows
        .into_iter()
        .map(|(id, name, active)| Bay {
            id: BayId::from_row(id),
            name,
            fit_for: fit_of.remove(&id).unwrap_or_default(),
            active,
        })
        .collect())
}

pub(crate) async fn bay(conn: &mut SqliteConnection, id: BayId) -> Result<Bay> {
    bays(conn, true)
        .await?
        .into_iter()
        .find(|bay| bay.id == id)
        .ok_or_else(|| Error::not_found("bay", id))
}

/// The bay of this name in any case (SQLite's `lower` knows only ASCII; a
/// shop has a handful of bays).
pub(crate) async fn bay_named(conn: &mut SqliteConnection, name: &str) -> Result<Option<BayId>> {
    let wanted = name.to_lowercase();
    Ok(bays(conn, true)
        .await?
        .into_iter()
        .find(|bay| bay.name.to_lowercase() == wanted)
        .map(|bay| bay.id))
}

pub(crate) async fn save_bay(
    conn: &mut SqliteConnection,
    id: Option<BayId>,
    valid: &ValidBay,
) -> Result<BayId> {
    let id = match id {
        Some(id) => {
            let done = sqlx::query("UPDATE bays SET name = ?, active = ? WHERE id = ?")
                .bind(&valid.name)
                .bind(valid.active)
                .bind(i64::from(id.0))
                .execute(&mut *conn)
                .await?;
            crate::db::one_row(done, "bay", id)?;
            id
        }
        None => {
            let row: i64 = sqlx::query_scalar(
                "INSERT INTO bays (name, active, position)
                 VALUES (?, ?, (SELECT ifnull(max(position), 0) + 1 FROM bays)) RETURNING id",
            )
            .bind(&valid.name)
            .bind(valid.active)
            .fetch_one(&mut *conn)
            .await?;
            BayId::from_row(row)
        }
    };
    sqlx::query("DELETE FROM bay_categories WHERE bay_id = ?")
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    for category in &valid.fit_for {
        sqlx::query("INSERT INTO bay_categories (bay_id, category_id) VALUES (?, ?)")
            .bind(i64::from(id.0))
            .bind(i64::from(category.0))
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

// ---- shifts ---------------------------------------------------------------

/// The shift rules of one person, as the expansion functions take them.
#[derive(Debug, Clone, Default)]
pub(crate) struct ShiftRules {
    pub patterns: Vec<PatternAssignment>,
    pub exceptions: Vec<ShiftException>,
}

/// A stored pattern with its row id, for the editor.
pub(crate) struct StoredPattern {
    pub id: i64,
    pub employee: EmployeeId,
    pub assignment: PatternAssignment,
}

pub(crate) struct StoredException {
    pub id: i64,
    pub employee: EmployeeId,
    pub exception: ShiftException,
}

const FIRST_DAY: NaiveDate = NaiveDate::from_ymd_opt(1, 1, 1).expect("a valid date");
const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date");

pub(crate) async fn patterns(
    conn: &mut SqliteConnection,
    employee: Option<EmployeeId>,
) -> Result<Vec<StoredPattern>> {
    let rows: Vec<(i64, i64, NaiveDate, String)> = sqlx::query_as(
        "SELECT id, employee_id, starts_on, pattern FROM shift_patterns
         WHERE ?1 IS NULL OR employee_id = ?1 ORDER BY employee_id, starts_on, id",
    )
    .bind(employee.map(|e| i64::from(e.0)))
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(id, employee, from, json)| {
            let pattern: ShiftPattern = serde_json::from_str(&json)
                .map_err(|e| damaged(format!("shift pattern {id}: {e}")))?;
            Ok(StoredPattern {
                id,
                employee: EmployeeId::from_row(employee),
                assignment: PatternAssignment { from, pattern },
            })
        })
        .collect()
}

/// Exceptions touching `from..=to` (all of them when the range is `None`).
pub(crate) async fn exceptions(
    conn: &mut SqliteConnection,
    employee: Option<EmployeeId>,
    range: Option<(NaiveDate, NaiveDate)>,
) -> Result<Vec<StoredException>> {
    // Dates are compared as text: the bounds must be four-digit years too.
    let (from, to) = range.unwrap_or((FIRST_DAY, LAST_DAY));
    let rows: Vec<(i64, i64, NaiveDate, NaiveDate, String, String)> = sqlx::query_as(
        "SELECT id, employee_id, first_day, last_day, kind, note FROM shift_exceptions
         WHERE (?1 IS NULL OR employee_id = ?1) AND last_day >= ?2 AND first_day <= ?3
         ORDER BY employee_id, id",
    )
    .bind(employee.map(|e| i64::from(e.0)))
    .bind(from)
    .bind(to)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(id, employee, from, to, json, note)| {
            let kind: ExceptionKind = serde_json::from_str(&json)
                .map_err(|e| damaged(format!("shift exception {id}: {e}")))?;
            Ok(StoredException {
                id,
                employee: EmployeeId::from_row(employee),
                exception: ShiftException {
                    from,
                    to,
                    kind,
                    note,
                },
            })
        })
        .collect()
}

/// Everyone's rules for the days `from..=to` (the day before included: a
/// night shift reaches into the next day).
pub(crate) async fn rules(
    conn: &mut SqliteConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<EmployeeId, ShiftRules>> {
    let mut rules: HashMap<EmployeeId, ShiftRules> = HashMap::new();
    for stored in patterns(conn, None).await? {
        rules
            .entry(stored.employee)
            .or_default()
            .patterns
            .push(stored.assignment);
    }
    let from = from.pred_opt().unwrap_or(from);
    for stored in exceptions(conn, None, Some((from, to))).await? {
        rules
            .entry(stored.employee)
            .or_default()
            .exceptions
            .push(stored.exception);
    }
    Ok(rules)
}

/// Sets the pattern from its first day; one already starting that day is replaced.
pub(crate) async fn put_pattern(
    conn: &mut SqliteConnection,
    employee: EmployeeId,
    assignment: &PatternAssignment,
    now: DateTime<Utc>,
) -> Result<()> {
    let json = serde_json::to_string(&assignment.pattern)
        .map_err(|e| damaged(format!("shift pattern: {e}")))?;
    sqlx::query("DELETE FROM shift_patterns WHERE employee_id = ? AND starts_on = ?")
        .bind(i64::from(employee.0))
        .bind(assignment.from)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO shift_patterns (employee_id, starts_on, pattern, created_at) VALUES (?, ?, ?, ?)",
    )
    .bind(i64::from(employee.0))
    .bind(assignment.from)
    .bind(json)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn delete_pattern(conn: &mut SqliteConnection, id: i64) -> Result<EmployeeId> {
    let employee: Option<i64> =
        sqlx::query_scalar("DELETE FROM shift_patterns WHERE id = ? RETURNING employee_id")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    employee
        .map(EmployeeId::from_row)
        .ok_or_else(|| Error::not_found("shift pattern", id))
}

pub(crate) async fn insert_exception(
    conn: &mut SqliteConnection,
    employee: EmployeeId,
    exception: &ShiftException,
    now: DateTime<Utc>,
) -> Result<()> {
    let json = serde_json::to_string(&exception.kind)
        .map_err(|e| damaged(format!("shift exception: {e}")))?;
    sqlx::query(
        "INSERT INTO shift_exceptions (employee_id, first_day, last_day, kind, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(i64::from(employee.0))
    .bind(exception.from)
    .bind(exception.to)
    .bind(json)
    .bind(&exception.note)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn delete_exception(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let done = sqlx::query("DELETE FROM shift_exceptions WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    crate::db::one_row(done, "shift exception", id)
}
