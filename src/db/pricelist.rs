//! SQL for the price list: service categories, services with their skills,
//! and service packages.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::db::{one_row, parse_id};
use crate::domain::article::{article_key, query_words};
use crate::domain::ids::{PackageId, ServiceCategoryId, ServiceId};
use crate::domain::money::Money;
use crate::domain::pricelist::{
    Service, ServiceCategory, ServiceSearch, SkillRef, ValidPackage, ValidService,
    ValidServiceCategory, service_price,
};
use crate::domain::quantity::Quantity;
use crate::domain::search::fold;
use crate::error::{Error, Result};

pub(crate) async fn categories(
    conn: &mut SqliteConnection,
    with_archived: bool,
) -> Result<Vec<ServiceCategory>> {
    let rows: Vec<(i64, String, Option<i64>, bool)> = sqlx::query_as(
        "SELECT id, name, hourly_rate, archived FROM service_categories
         WHERE ? OR archived = 0 ORDER BY position, name",
    )
    .bind(with_archived)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, rate, archived)| ServiceCategory {
            id: ServiceCategoryId::from_row(id),
            name,
            hourly_rate: rate.map(Money::from_kopecks),
            archived,
        })
        .collect())
}

pub(crate) async fn save_category(
    conn: &mut SqliteConnection,
    id: Option<ServiceCategoryId>,
    category: &ValidServiceCategory,
) -> Result<ServiceCategoryId> {
    let rate = category.hourly_rate.map(Money::kopecks);
    let saved: Option<i64> =
        match id {
            Some(id) => sqlx::query_scalar(
                "UPDATE service_categories SET name = ?, hourly_rate = ? WHERE id = ? RETURNING id",
            )
            .bind(&category.name)
            .bind(rate)
            .bind(i64::from(id.0))
            .fetch_optional(&mut *conn)
            .await?,
            None => {
                sqlx::query_scalar(
                    "INSERT INTO service_categories (name, hourly_rate, position)
             VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM service_categories))
             ON CONFLICT (name) DO UPDATE SET archived = 0, hourly_rate = excluded.hourly_rate
             RETURNING id",
                )
                .bind(&category.name)
                .bind(rate)
                .fetch_optional(&mut *conn)
                .await?
            }
        };
    saved
        .map(ServiceCategoryId::from_row)
        .ok_or_else(|| Error::not_found("service category", id.map_or(0, |i| i.0)))
}

pub(crate) async fn set_category_archived(
    conn: &mut SqliteConnection,
    id: ServiceCategoryId,
    archived: bool,
) -> Result<()> {
    let done = sqlx::query("UPDATE service_categories SET archived = ? WHERE id = ?")
        .bind(archived)
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    one_row(done, "service category", id)
}

/// The service with this code (any spelling), if any.
pub(crate) async fn seq_by_code(
    conn: &mut SqliteConnection,
    code: &str,
) -> Result<Option<(i64, ServiceId)>> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT seq, id FROM services WHERE code_key = ?")
            .bind(article_key(code))
            .fetch_optional(&mut *conn)
            .await?;
    row.map(|(seq, id)| Ok((seq, parse_id(&id)?))).transpose()
}

pub(crate) async fn seq_of(conn: &mut SqliteConnection, id: ServiceId) -> Result<i64> {
    sqlx::query_scalar("SELECT seq FROM services WHERE id = ?")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::not_found("service", id))
}

const SERVICE_COLUMNS: &str =
    "code, code_key, name, name_key, category_id, hours, fixed_price, duration, notes, updated_at";

pub(crate) async fn save_service(
    conn: &mut SqliteConnection,
    existing: Option<i64>,
    id: ServiceId,
    service: &ValidService,
    now: DateTime<Utc>,
) -> Result<i64> {
    let sql = match existing {
        Some(_) => format!(
            "UPDATE services SET {} WHERE seq = ? RETURNING seq",
            crate::db::assignments(SERVICE_COLUMNS)
        ),
        None => format!(
            "INSERT INTO services ({SERVICE_COLUMNS}, id, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq"
        ),
    };
    let query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(&service.code)
        .bind(article_key(&service.code))
        .bind(&service.name)
        .bind(fold(&service.name))
        .bind(i64::from(service.category_id.0))
        .bind(service.standard_hours.milli())
        .bind(service.fixed_price.map(Money::kopecks))
        .bind(i64::from(service.duration_minutes))
        .bind(&service.notes)
        .bind(now);
    let query = match existing {
        Some(seq) => query.bind(seq),
        None => query.bind(id.to_string()).bind(now),
    };
    let seq: i64 = query
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::not_found("service", id))?;
    sqlx::query("DELETE FROM service_skills WHERE service_seq = ?")
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    for skill in &service.extra_skills {
        sqlx::query("INSERT INTO service_skills (service_seq, category_id) VALUES (?, ?)")
            .bind(seq)
            .bind(i64::from(skill.0))
            .execute(&mut *conn)
            .await?;
    }
    Ok(seq)
}

pub(crate) async fn set_service_archived(
    conn: &mut SqliteConnection,
    id: ServiceId,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let done = sqlx::query("UPDATE services SET archived = ?, updated_at = ? WHERE id = ?")
        .bind(archived)
        .bind(now)
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    one_row(done, "service", id)
}

#[derive(sqlx::FromRow)]
struct ServiceRow {
    seq: i64,
    id: String,
    code: String,
    name: String,
    name_key: String,
    category_id: i64,
    category: String,
    category_rate: Option<i64>,
    hours: i64,
    fixed_price: Option<i64>,
    duration: i64,
    notes: String,
    archived: bool,
}

const SERVICE_ROW: &str = "SELECT s.seq, s.id, s.code, s.name, s.name_key, s.category_id,
        c.name AS category, c.hourly_rate AS category_rate, s.hours, s.fixed_price, s.duration,
        s.notes, s.archived
     FROM services s JOIN service_categories c ON c.id = s.category_id";

/// The price list, filtered; a price list has hundreds of entries, so the
/// words are matched in Rust over the folded names and codes.
pub(crate) async fn services(
    conn: &mut SqliteConnection,
    search: &ServiceSearch,
    shop_rate: Money,
) -> Result<Vec<Service>> {
    let mut sql: QueryBuilder<Sqlite> =
        QueryBuilder::new(format!("{SERVICE_ROW} WHERE (s.archived = 0 OR "));
    sql.push_bind(search.include_archived).push(")");
    if let Some(category) = search.category_id {
        sql.push(" AND s.category_id = ")
            .push_bind(i64::from(category.0));
    }
    sql.push(" ORDER BY c.position, s.name_key");
    let rows: Vec<ServiceRow> = sql.build_query_as().fetch_all(&mut *conn).await?;
    let words = query_words(&search.query);
    let code_key = article_key(&search.query);
    let mut matched: Vec<(bool, &ServiceRow)> = rows
        .iter()
        .filter_map(|row| {
            let exact_code = !code_key.is_empty() && article_key(&row.code).starts_with(&code_key);
            let named = words.iter().all(|w| {
                row.name_key
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|part| part.starts_with(w.as_str()))
            });
            (exact_code || named).then_some((exact_code, row))
        })
        .collect();
    matched.sort_by_key(|(exact, _)| !exact);
    matched.truncate(usize::try_from(search.limit.clamp(1, 2000)).unwrap_or(200));
    let chosen: Vec<&ServiceRow> = matched.into_iter().map(|(_, row)| row).collect();
    hydrate(conn, &chosen, shop_rate).await
}

pub(crate) async fn service(
    conn: &mut SqliteConnection,
    id: ServiceId,
    shop_rate: Money,
) -> Result<Service> {
    let row: ServiceRow =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SERVICE_ROW} WHERE s.id = ?")))
            .bind(id.to_string())
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| Error::not_found("service", id))?;
    let mut list = hydrate(conn, &[&row], shop_rate).await?;
    list.pop().ok_or_else(|| Error::not_found("service", id))
}

async fn hydrate(
    conn: &mut SqliteConnection,
    rows: &[&ServiceRow],
    shop_rate: Money,
) -> Result<Vec<Service>> {
    let skills: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT k.service_seq, c.id, c.name FROM service_skills k
         JOIN service_categories c ON c.id = k.category_id ORDER BY c.position",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut extra: HashMap<i64, Vec<SkillRef>> = HashMap::new();
    for (seq, id, name) in skills {
        extra.entry(seq).or_default().push(SkillRef {
            id: ServiceCategoryId::from_row(id),
            name,
        });
    }
    rows.iter()
        .map(|row| {
            let rate = row.category_rate.map_or(shop_rate, Money::from_kopecks);
            let hours = Quantity::from_milli(row.hours);
            let fixed = row.fixed_price.map(Money::from_kopecks);
            let own = SkillRef {
                id: ServiceCategoryId::from_row(row.category_id),
                name: row.category.clone(),
            };
            let mut skills = vec![own];
            skills.extend(extra.get(&row.seq).cloned().unwrap_or_default());
            Ok(Service {
                id: parse_id(&row.id)?,
                code: row.code.clone(),
                name: row.name.clone(),
                category_id: ServiceCategoryId::from_row(row.category_id),
                category: row.category.clone(),
                standard_hours: hours,
                fixed_price: fixed,
                hourly_rate: rate,
                price: service_price(fixed, hours, rate),
                duration_minutes: u32::try_from(row.duration).unwrap_or(0),
                skills,
                notes: row.notes.clone(),
                archived: row.archived,
            })
        })
        .collect()
}

pub(crate) async fn package_seq_by_code(
    conn: &mut SqliteConnection,
    code: &str,
) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT seq FROM packages WHERE code_key = ?")
            .bind(article_key(code))
            .fetch_optional(&mut *conn)
            .await?,
    )
}

pub(crate) async fn package_seq(conn: &mut SqliteConnection, id: PackageId) -> Result<i64> {
    sqlx::query_scalar("SELECT seq FROM packages WHERE id = ?")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::not_found("package", id))
}

/// Stores a package with its lines; products come as (seq, quantity).
pub(crate) async fn save_package(
    conn: &mut SqliteConnection,
    existing: Option<i64>,
    id: PackageId,
    package: &ValidPackage,
    services: &[i64],
    products: &[(i64, Quantity)],
    now: DateTime<Utc>,
) -> Result<i64> {
    let seq: i64 = match existing {
        Some(seq) => sqlx::query_scalar(
            "UPDATE packages SET code = ?, code_key = ?, name = ?, updated_at = ? WHERE seq = ? RETURNING seq",
        )
        .bind(&package.code)
        .bind(article_key(&package.code))
        .bind(&package.name)
        .bind(now)
        .bind(seq)
        .fetch_one(&mut *conn)
        .await?,
        None => sqlx::query_scalar(
            "INSERT INTO packages (id, code, code_key, name, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING seq",
        )
        .bind(id.to_string())
        .bind(&package.code)
        .bind(article_key(&package.code))
        .bind(&package.name)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?,
    };
    for table in ["package_services", "package_products"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE package_seq = ?"
        )))
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    }
    for (position, service) in services.iter().enumerate() {
        sqlx::query(
            "INSERT INTO package_services (package_seq, position, service_seq) VALUES (?, ?, ?)",
        )
        .bind(seq)
        .bind(position as i64)
        .bind(service)
        .execute(&mut *conn)
        .await?;
    }
    for (position, (product, quantity)) in products.iter().enumerate() {
        sqlx::query(
            "INSERT INTO package_products (package_seq, position, product_seq, quantity) VALUES (?, ?, ?, ?)",
        )
        .bind(seq)
        .bind(position as i64)
        .bind(product)
        .bind(quantity.milli())
        .execute(&mut *conn)
        .await?;
    }
    Ok(seq)
}

pub(crate) async fn set_package_archived(
    conn: &mut SqliteConnection,
    id: PackageId,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let done = sqlx::query("UPDATE packages SET archived = ?, updated_at = ? WHERE id = ?")
        .bind(archived)
        .bind(now)
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    one_row(done, "package", id)
}

/// A package's header and lines: (id, code, name, archived), service ids, (product id, quantity).
pub(crate) struct PackageRows {
    pub id: PackageId,
    pub code: String,
    pub name: String,
    pub archived: bool,
    pub services: Vec<ServiceId>,
    pub products: Vec<(String, Quantity)>,
}

pub(crate) async fn packages(
    conn: &mut SqliteConnection,
    with_archived: bool,
) -> Result<Vec<PackageRows>> {
    let heads: Vec<(i64, String, String, String, bool)> = sqlx::query_as(
        "SELECT seq, id, code, name, archived FROM packages WHERE ? OR archived = 0 ORDER BY code_key",
    )
    .bind(with_archived)
    .fetch_all(&mut *conn)
    .await?;
    let mut list = Vec::new();
    for (seq, id, code, name, archived) in heads {
        let services: Vec<String> = sqlx::query_scalar(
            "SELECT s.id FROM package_services p JOIN services s ON s.seq = p.service_seq
             WHERE p.package_seq = ? ORDER BY p.position",
        )
        .bind(seq)
        .fetch_all(&mut *conn)
        .await?;
        let products: Vec<(String, i64)> = sqlx::query_as(
            "SELECT pr.id, p.quantity FROM package_products p JOIN products pr ON pr.seq = p.product_seq
             WHERE p.package_seq = ? ORDER BY p.position",
        )
        .bind(seq)
        .fetch_all(&mut *conn)
        .await?;
        list.push(PackageRows {
            id: parse_id(&id)?,
            code,
            name,
            archived,
            services: services
                .iter()
                .map(|s| parse_id(s))
                .collect::<Result<_>>()?,
            products: products
                .into_iter()
                .map(|(id, q)| (id, Quantity::from_milli(q)))
                .collect(),
        });
    }
    Ok(list)
}
