//! SQL for repair orders: the order with its intake and frozen pricing, its
//! work and part lines, payments, its append-only history, the stock
//! documents it posted, and the documents issued from it.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::SqliteConnection;

use crate::db::clients::damaged;
use crate::db::parse_id;
use crate::domain::ids::{
    AppointmentId, ClientId, IssuedDocumentId, OrderLineId, PaymentId, ProductId, RepairOrderId,
    ServiceId, VehicleId,
};
use crate::domain::money::Money;
use crate::domain::order::intake::Intake;
use crate::domain::order::line::{Discount, PartLine, Percent, WorkBilling, WorkLine};
use crate::domain::order::payment::{OrderPayment, PaymentKind, PaymentMethod};
use crate::domain::order::snapshot::DocumentKind;
use crate::domain::order::status::OrderStatus;
use crate::domain::order::terms::{OrderTerms, Warranty};
use crate::domain::order::totals::{ClientDiscount, DiscountScope, Pricing};
use crate::domain::order::vat::{VatMode, VatRate};
use crate::domain::quantity::{Quantity, Unit};
use crate::domain::schedule::EmployeeId;
use crate::error::{Error, Result};

/// An order's own columns, read back.
#[derive(Debug, Clone)]
pub(crate) struct OrderHeader {
    pub seq: i64,
    pub id: RepairOrderId,
    pub year: i32,
    pub number: i64,
    pub status: OrderStatus,
    pub client: ClientId,
    pub vehicle: VehicleId,
    pub appointment: Option<AppointmentId>,
    pub intake: Intake,
    pub terms: OrderTerms,
    pub pricing: Pricing,
    pub accepted_at: DateTime<Utc>,
    pub issued_at: Option<DateTime<Utc>>,
}

/// A new order to store.
pub(crate) struct NewOrder<'a> {
    pub id: RepairOrderId,
    pub year: i32,
    pub number: i64,
    pub client: ClientId,
    pub vehicle: VehicleId,
    pub appointment_seq: Option<i64>,
    pub intake: &'a Intake,
    pub terms: &'a OrderTerms,
    pub pricing: &'a Pricing,
    pub now: DateTime<Utc>,
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| damaged(format!("order json: {e}")))
}

fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| damaged(format!("order {what}: {e}")))
}

pub(crate) async fn insert_order(conn: &mut SqliteConnection, order: &NewOrder<'_>) -> Result<i64> {
    let intake = order.intake;
    let warranty = order.terms.warranty;
    Ok(sqlx::query_scalar(
        "INSERT INTO repair_orders (id, year, number, status, client_id, vehicle_id,
             appointment_seq, odometer_km, fuel_quarters, checklist, belongings, complaints,
             client_parts, damage, photos, handed_over_by, promised_on, promised_at,
             warranty_days, warranty_km, vat_mode, client_discount_bp, discount_scope,
             accepted_at, created_at, updated_at)
         VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING seq",
    )
    .bind(order.id.to_string())
    .bind(order.year)
    .bind(order.number)
    .bind(order.client.to_string())
    .bind(order.vehicle.to_string())
    .bind(order.appointment_seq)
    .bind(intake.odometer_km.map(i64::from))
    .bind(i64::from(intake.fuel_quarters))
    .bind(to_json(&intake.checklist)?)
    .bind(&intake.belongings)
    .bind(&intake.complaints)
    .bind(to_json(&intake.client_parts)?)
    .bind(to_json(&intake.damage)?)
    .bind(to_json(&intake.photos)?)
    .bind(&intake.handed_over_by)
    .bind(order.terms.promised_on)
    .bind(order.terms.promised_at)
    .bind(warranty.and_then(|w| w.days).map(i64::from))
    .bind(warranty.and_then(|w| w.km).map(i64::from))
    .bind(to_json(&order.pricing.vat)?)
    .bind(i64::from(
        order.pricing.client_discount.percent.basis_points(),
    ))
    .bind(order.pricing.client_discount.applies_to.as_str())
    .bind(order.now)
    .bind(order.now)
    .bind(order.now)
    .fetch_one(&mut *conn)
    .await?)
}

#[derive(sqlx::FromRow)]
struct OrderRow {
    seq: i64,
    id: String,
    year: i64,
    number: i64,
    status: String,
    client_id: String,
    vehicle_id: String,
    appointment_id: Option<String>,
    odometer_km: Option<i64>,
    fuel_quarters: i64,
    checklist: String,
    belongings: String,
    complaints: String,
    client_parts: String,
    damage: String,
    photos: String,
    handed_over_by: String,
    promised_on: Option<NaiveDate>,
    promised_at: Option<NaiveTime>,
    warranty_days: Option<i64>,
    warranty_km: Option<i64>,
    vat_mode: String,
    client_discount_bp: i64,
    discount_scope: String,
    accepted_at: DateTime<Utc>,
    issued_at: Option<DateTime<Utc>>,
}

const ORDER_ROW: &str = "SELECT o.seq, o.id, o.year, o.number, o.status, o.client_id,
        o.vehicle_id, a.id AS appointment_id, o.odometer_km, o.fuel_quarters, o.checklist,
        o.belongings, o.complaints, o.client_parts, o.damage, o.photos, o.handed_over_by,
        o.promised_on,
        o.promised_at, o.warranty_days, o.warranty_km, o.vat_mode, o.client_discount_bp,
        o.discount_scope, o.accepted_at, o.issued_at
     FROM repair_orders o LEFT JOIN appointments a ON a.seq = o.appointment_seq";

impl OrderRow {
    fn header(self) -> Result<OrderHeader> {
        let status = OrderStatus::parse(&self.status)
            .ok_or_else(|| damaged(format!("order status {:?}", self.status)))?;
        let scope = DiscountScope::parse(&self.discount_scope)
            .ok_or_else(|| damaged(format!("discount scope {:?}", self.discount_scope)))?;
        let percent = u32::try_from(self.client_discount_bp)
            .ok()
            .and_then(Percent::from_basis_points)
            .ok_or_else(|| damaged("client discount".into()))?;
        let warranty =
            (self.warranty_days.is_some() || self.warranty_km.is_some()).then(|| Warranty {
                days: self.warranty_days.and_then(|d| u32::try_from(d).ok()),
                km: self.warranty_km.and_then(|k| u32::try_from(k).ok()),
            });
        Ok(OrderHeader {
            seq: self.seq,
            id: parse_id(&self.id)?,
            year: i32::try_from(self.year).map_err(|_| damaged("order year".into()))?,
            number: self.number,
            status,
            client: parse_id(&self.client_id)?,
            vehicle: parse_id(&self.vehicle_id)?,
            appointment: self.appointment_id.as_deref().map(parse_id).transpose()?,
            intake: Intake {
                odometer_km: self.odometer_km.and_then(|km| u32::try_from(km).ok()),
                fuel_quarters: u8::try_from(self.fuel_quarters).unwrap_or(0),
                checklist: from_json(&self.checklist, "checklist")?,
                belongings: self.belongings,
                complaints: self.complaints,
                client_parts: from_json(&self.client_parts, "client parts")?,
                damage: from_json(&self.damage, "damage")?,
                photos: from_json(&self.photos, "photos")?,
                handed_over_by: self.handed_over_by,
            },
            terms: OrderTerms {
                promised_on: self.promised_on,
                promised_at: self.promised_at,
                warranty,
            },
            pricing: Pricing {
                vat: from_json::<VatMode>(&self.vat_mode, "vat mode")?,
                client_discount: ClientDiscount {
                    percent,
                    applies_to: scope,
                },
            },
            accepted_at: self.accepted_at,
            issued_at: self.issued_at,
        })
    }
}

pub(crate) async fn order(conn: &mut SqliteConnection, id: RepairOrderId) -> Result<OrderHeader> {
    let row: OrderRow = sqlx::query_as(sqlx::AssertSqlSafe(format!("{ORDER_ROW} WHERE o.id = ?")))
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::not_found("repair order", id))?;
    row.header()
}

/// The orders of a client, oldest first.
pub(crate) async fn orders_of_client(
    conn: &mut SqliteConnection,
    client: ClientId,
) -> Result<Vec<OrderHeader>> {
    let rows: Vec<OrderRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ORDER_ROW} WHERE o.client_id = ? ORDER BY o.accepted_at, o.seq"
    )))
    .bind(client.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(OrderRow::header).collect()
}

/// The newest orders first, optionally of one status.
pub(crate) async fn recent(
    conn: &mut SqliteConnection,
    status: Option<OrderStatus>,
    limit: u32,
) -> Result<Vec<OrderHeader>> {
    let rows: Vec<OrderRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ORDER_ROW} WHERE ?1 IS NULL OR o.status = ?1 ORDER BY o.accepted_at DESC, o.seq DESC
         LIMIT ?2"
    )))
    .bind(status.map(OrderStatus::as_str))
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(OrderRow::header).collect()
}

/// Whether an appointment already became an order.
pub(crate) async fn appointment_taken(conn: &mut SqliteConnection, seq: i64) -> Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT seq FROM repair_orders WHERE appointment_seq = ?")
            .bind(seq)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(found.is_some())
}

pub(crate) async fn set_status(
    conn: &mut SqliteConnection,
    seq: i64,
    status: OrderStatus,
    issued_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("UPDATE repair_orders SET status = ?, issued_at = ?, updated_at = ? WHERE seq = ?")
        .bind(status.as_str())
        .bind(issued_at)
        .bind(now)
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) async fn set_intake(
    conn: &mut SqliteConnection,
    seq: i64,
    intake: &Intake,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE repair_orders SET odometer_km = ?, fuel_quarters = ?, checklist = ?,
             belongings = ?, complaints = ?, client_parts = ?, damage = ?, photos = ?,
             handed_over_by = ?, updated_at = ?
         WHERE seq = ?",
    )
    .bind(intake.odometer_km.map(i64::from))
    .bind(i64::from(intake.fuel_quarters))
    .bind(to_json(&intake.checklist)?)
    .bind(&intake.belongings)
    .bind(&intake.complaints)
    .bind(to_json(&intake.client_parts)?)
    .bind(to_json(&intake.damage)?)
    .bind(to_json(&intake.photos)?)
    .bind(&intake.handed_over_by)
    .bind(now)
    .bind(seq)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn set_terms(
    conn: &mut SqliteConnection,
    seq: i64,
    terms: &OrderTerms,
    now: DateTime<Utc>,
) -> Result<()> {
    let warranty = terms.warranty;
    sqlx::query(
        "UPDATE repair_orders SET promised_on = ?, promised_at = ?, warranty_days = ?,
             warranty_km = ?, updated_at = ? WHERE seq = ?",
    )
    .bind(terms.promised_on)
    .bind(terms.promised_at)
    .bind(warranty.and_then(|w| w.days).map(i64::from))
    .bind(warranty.and_then(|w| w.km).map(i64::from))
    .bind(now)
    .bind(seq)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn touch(conn: &mut SqliteConnection, seq: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE repair_orders SET updated_at = ? WHERE seq = ?")
        .bind(now)
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

// ---- lines ----------------------------------------------------------------

fn discount_columns(discount: Option<Discount>) -> (Option<&'static str>, Option<i64>) {
    match discount {
        None => (None, None),
        Some(Discount::Percent(p)) => (Some("percent"), Some(i64::from(p.basis_points()))),
        Some(Discount::Amount(m)) => (Some("amount"), Some(m.kopecks())),
    }
}

fn discount_of(kind: Option<&str>, value: Option<i64>) -> Result<Option<Discount>> {
    match (kind, value) {
        (None, _) | (_, None) => Ok(None),
        (Some("percent"), Some(bp)) => u32::try_from(bp)
            .ok()
            .and_then(Percent::from_basis_points)
            .map(|p| Some(Discount::Percent(p)))
            .ok_or_else(|| damaged("line discount".into())),
        (Some("amount"), Some(kopecks)) => Ok(Some(Discount::Amount(Money::from_kopecks(kopecks)))),
        (Some(other), _) => Err(damaged(format!("discount kind {other:?}"))),
    }
}

fn vat_of(text: Option<&str>) -> Result<Option<VatRate>> {
    text.map(|t| VatRate::parse(t).ok_or_else(|| damaged(format!("vat rate {t:?}"))))
        .transpose()
}

/// The columns an insert and an update of a work line write, in the order
/// `bind_work` binds them.
const WORK_COLUMNS: &str = "service_id, code, name, billing, quantity, price, mechanic_id,
    discount_kind, discount_value, vat_rate";

type Query = sqlx::query::Query<'static, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>;

fn bind_work(query: Query, line: &WorkLine) -> Query {
    let (kind, value) = discount_columns(line.discount);
    query
        .bind(line.service_id.to_string())
        .bind(line.code.clone())
        .bind(line.name.clone())
        .bind(line.billing.as_str())
        .bind(line.quantity.milli())
        .bind(line.price.kopecks())
        .bind(line.mechanic_id.map(|m| i64::from(m.0)))
        .bind(kind)
        .bind(value)
        .bind(line.vat_rate.map(VatRate::as_str))
}

pub(crate) async fn insert_work(
    conn: &mut SqliteConnection,
    order_seq: i64,
    id: OrderLineId,
    line: &WorkLine,
) -> Result<()> {
    let sql = format!(
        "INSERT INTO order_works (id, order_seq, {WORK_COLUMNS})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .bind(order_seq);
    bind_work(query, line).execute(&mut *conn).await?;
    Ok(())
}

pub(crate) async fn update_work(
    conn: &mut SqliteConnection,
    order_seq: i64,
    id: OrderLineId,
    line: &WorkLine,
) -> Result<()> {
    let sql = format!(
        "UPDATE order_works SET {} WHERE id = ? AND order_seq = ?",
        crate::db::assignments(WORK_COLUMNS)
    );
    let done = bind_work(sqlx::query(sqlx::AssertSqlSafe(sql)), line)
        .bind(id.to_string())
        .bind(order_seq)
        .execute(&mut *conn)
        .await?;
    crate::db::one_row(done, "work line", id)
}

pub(crate) async fn delete_line(
    conn: &mut SqliteConnection,
    order_seq: i64,
    id: OrderLineId,
    parts: bool,
) -> Result<()> {
    let sql = if parts {
        "DELETE FROM order_parts WHERE id = ? AND order_seq = ?"
    } else {
        "DELETE FROM order_works WHERE id = ? AND order_seq = ?"
    };
    let done = sqlx::query(sql)
        .bind(id.to_string())
        .bind(order_seq)
        .execute(&mut *conn)
        .await?;
    crate::db::one_row(done, if parts { "part line" } else { "work line" }, id)
}

#[derive(sqlx::FromRow)]
struct WorkRow {
    id: String,
    service_id: String,
    code: String,
    name: String,
    billing: String,
    quantity: i64,
    price: i64,
    mechanic_id: Option<i64>,
    discount_kind: Option<String>,
    discount_value: Option<i64>,
    vat_rate: Option<String>,
    mechanic: Option<String>,
}

/// The work lines in the order they were added, with the mechanic's name.
pub(crate) async fn works(
    conn: &mut SqliteConnection,
    order_seq: i64,
) -> Result<Vec<(OrderLineId, WorkLine, String)>> {
    let rows: Vec<WorkRow> = sqlx::query_as(
        "SELECT w.id, w.service_id, w.code, w.name, w.billing, w.quantity, w.price,
             w.mechanic_id, w.discount_kind, w.discount_value, w.vat_rate, e.name AS mechanic
         FROM order_works w LEFT JOIN employees e ON e.id = w.mechanic_id
         WHERE w.order_seq = ? ORDER BY w.seq",
    )
    .bind(order_seq)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let line = WorkLine {
                service_id: parse_id::<ServiceId>(&row.service_id)?,
                code: row.code,
                name: row.name,
                billing: WorkBilling::parse(&row.billing)
                    .ok_or_else(|| damaged(format!("billing {:?}", row.billing)))?,
                quantity: Quantity::from_milli(row.quantity),
                price: Money::from_kopecks(row.price),
                mechanic_id: row.mechanic_id.map(EmployeeId::from_row),
                discount: discount_of(row.discount_kind.as_deref(), row.discount_value)?,
                vat_rate: vat_of(row.vat_rate.as_deref())?,
            };
            Ok((parse_id(&row.id)?, line, row.mechanic.unwrap_or_default()))
        })
        .collect()
}

/// The columns an insert and an update of a part line write, in the order
/// `bind_part` binds them.
const PART_COLUMNS: &str = "product_seq, name, article, brand, unit, quantity, price,
    discount_kind, discount_value, vat_rate";

fn bind_part(query: Query, product_seq: i64, line: &PartLine) -> Query {
    let (kind, value) = discount_columns(line.discount);
    query
        .bind(product_seq)
        .bind(line.name.clone())
        .bind(line.article.clone())
        .bind(line.brand.clone())
        .bind(line.unit.as_str())
        .bind(line.quantity.milli())
        .bind(line.price.kopecks())
        .bind(kind)
        .bind(value)
        .bind(line.vat_rate.map(VatRate::as_str))
}

pub(crate) async fn insert_part(
    conn: &mut SqliteConnection,
    order_seq: i64,
    id: OrderLineId,
    product_seq: i64,
    line: &PartLine,
) -> Result<()> {
    let sql = format!(
        "INSERT INTO order_parts (id, order_seq, {PART_COLUMNS})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .bind(order_seq);
    bind_part(query, product_seq, line)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) async fn update_part(
    conn: &mut SqliteConnection,
    order_seq: i64,
    id: OrderLineId,
    product_seq: i64,
    line: &PartLine,
) -> Result<()> {
    let sql = format!(
        "UPDATE order_parts SET {} WHERE id = ? AND order_seq = ?",
        crate::db::assignments(PART_COLUMNS)
    );
    let done = bind_part(sqlx::query(sqlx::AssertSqlSafe(sql)), product_seq, line)
        .bind(id.to_string())
        .bind(order_seq)
        .execute(&mut *conn)
        .await?;
    crate::db::one_row(done, "part line", id)
}

#[derive(sqlx::FromRow)]
struct PartRow {
    id: String,
    product_id: String,
    product_seq: i64,
    name: String,
    article: String,
    brand: Option<String>,
    unit: String,
    quantity: i64,
    price: i64,
    discount_kind: Option<String>,
    discount_value: Option<i64>,
    vat_rate: Option<String>,
}

/// A stored part line with its product's row number (for the stock).
pub(crate) struct StoredPart {
    pub id: OrderLineId,
    pub product_seq: i64,
    pub line: PartLine,
}

pub(crate) async fn parts(conn: &mut SqliteConnection, order_seq: i64) -> Result<Vec<StoredPart>> {
    let rows: Vec<PartRow> = sqlx::query_as(
        "SELECT l.id, p.id AS product_id, l.product_seq, l.name, l.article, l.brand, l.unit,
             l.quantity, l.price, l.discount_kind, l.discount_value, l.vat_rate
         FROM order_parts l JOIN products p ON p.seq = l.product_seq
         WHERE l.order_seq = ? ORDER BY l.seq",
    )
    .bind(order_seq)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(StoredPart {
                id: parse_id(&row.id)?,
                product_seq: row.product_seq,
                line: PartLine {
                    product_id: parse_id::<ProductId>(&row.product_id)?,
                    name: row.name,
                    article: row.article,
                    brand: row.brand,
                    unit: Unit::parse(&row.unit)
                        .ok_or_else(|| damaged(format!("unit {:?}", row.unit)))?,
                    quantity: Quantity::from_milli(row.quantity),
                    price: Money::from_kopecks(row.price),
                    discount: discount_of(row.discount_kind.as_deref(), row.discount_value)?,
                    vat_rate: vat_of(row.vat_rate.as_deref())?,
                },
            })
        })
        .collect()
}

// ---- payments -------------------------------------------------------------

pub(crate) struct StoredPayment {
    pub id: PaymentId,
    pub payment: OrderPayment,
    pub comment: String,
    pub paid_at: DateTime<Utc>,
}

pub(crate) async fn insert_payment(
    conn: &mut SqliteConnection,
    order_seq: i64,
    id: PaymentId,
    payment: &OrderPayment,
    comment: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO order_payments (id, order_seq, kind, method, amount, comment, paid_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id.to_string())
    .bind(order_seq)
    .bind(payment.kind.as_str())
    .bind(payment.method.as_str())
    .bind(payment.amount.kopecks())
    .bind(comment)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The order's payments in the order they were made.
pub(crate) async fn payments(
    conn: &mut SqliteConnection,
    order_seq: i64,
) -> Result<Vec<StoredPayment>> {
    let rows: Vec<(String, String, String, i64, String, DateTime<Utc>)> = sqlx::query_as(
        "SELECT id, kind, method, amount, comment, paid_at FROM order_payments
         WHERE order_seq = ? ORDER BY seq",
    )
    .bind(order_seq)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(id, kind, method, amount, comment, paid_at)| {
            Ok(StoredPayment {
                id: parse_id(&id)?,
                payment: OrderPayment {
                    kind: PaymentKind::parse(&kind)
                        .ok_or_else(|| damaged(format!("payment kind {kind:?}")))?,
                    method: PaymentMethod::parse(&method)
                        .ok_or_else(|| damaged(format!("payment method {method:?}")))?,
                    amount: Money::from_kopecks(amount),
                },
                comment,
                paid_at,
            })
        })
        .collect()
}

// ---- history --------------------------------------------------------------

pub(crate) async fn record<T: Serialize>(
    conn: &mut SqliteConnection,
    order_seq: i64,
    at: DateTime<Utc>,
    kind: &str,
    detail: &T,
) -> Result<()> {
    sqlx::query("INSERT INTO order_events (order_seq, at, kind, detail) VALUES (?, ?, ?, ?)")
        .bind(order_seq)
        .bind(at)
        .bind(kind)
        .bind(to_json(detail)?)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The order's history, oldest first: when, what kind, and its JSON detail.
pub(crate) async fn events(
    conn: &mut SqliteConnection,
    order_seq: i64,
) -> Result<Vec<(DateTime<Utc>, String, serde_json::Value)>> {
    let rows: Vec<(DateTime<Utc>, String, String)> = sqlx::query_as(
        "SELECT at, kind, detail FROM order_events WHERE order_seq = ? ORDER BY seq",
    )
    .bind(order_seq)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(at, kind, detail)| Ok((at, kind, from_json(&detail, "event")?)))
        .collect()
}

// ---- stock ----------------------------------------------------------------

pub(crate) async fn link_stock_document(
    conn: &mut SqliteConnection,
    order_seq: i64,
    document_seq: i64,
    consume: bool,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO order_stock_documents (order_seq, document_seq, direction) VALUES (?, ?, ?)",
    )
    .bind(order_seq)
    .bind(document_seq)
    .bind(if consume { "consume" } else { "return" })
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What the order's stock documents took out, net, per product row
/// (positive = consumed and not returned), with the cost it went out at.
pub(crate) async fn consumed(
    conn: &mut SqliteConnection,
    order_seq: i64,
) -> Result<Vec<(i64, i64, Option<i64>)>> {
    Ok(sqlx::query_as(
        "SELECT l.product_seq, -sum(l.quantity), max(l.price) FROM order_stock_documents o
         JOIN stock_lines l ON l.document_seq = o.document_seq
         WHERE o.order_seq = ? GROUP BY l.product_seq HAVING sum(l.quantity) <> 0
         ORDER BY l.product_seq",
    )
    .bind(order_seq)
    .fetch_all(&mut *conn)
    .await?)
}

// ---- issued documents -----------------------------------------------------

/// The number and newest version of a kind already issued for the order.
pub(crate) async fn last_issued(
    conn: &mut SqliteConnection,
    order_seq: i64,
    kind: DocumentKind,
) -> Result<Option<(i32, i64, u32)>> {
    let row: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT year, number, version FROM issued_documents
         WHERE order_seq = ? AND kind = ? ORDER BY version DESC LIMIT 1",
    )
    .bind(order_seq)
    .bind(kind.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(year, number, version)| {
        (
            i32::try_from(year).unwrap_or_default(),
            number,
            u32::try_from(version).unwrap_or_default(),
        )
    }))
}

pub(crate) struct NewIssued<'a> {
    pub id: IssuedDocumentId,
    pub order_seq: i64,
    pub kind: DocumentKind,
    pub year: i32,
    pub number: i64,
    pub version: u32,
    pub display: &'a str,
    pub snapshot: &'a str,
    pub issued_at: DateTime<Utc>,
}

pub(crate) async fn insert_issued(conn: &mut SqliteConnection, doc: &NewIssued<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO issued_documents (id, order_seq, kind, year, number, version, display,
             snapshot, issued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(doc.id.to_string())
    .bind(doc.order_seq)
    .bind(doc.kind.as_str())
    .bind(doc.year)
    .bind(doc.number)
    .bind(i64::from(doc.version))
    .bind(doc.display)
    .bind(doc.snapshot)
    .bind(doc.issued_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An issued document as stored: its snapshot still JSON.
pub(crate) struct StoredIssued {
    pub id: IssuedDocumentId,
    pub order: RepairOrderId,
    pub kind: DocumentKind,
    pub display: String,
    pub version: u32,
    pub snapshot: String,
    pub issued_at: DateTime<Utc>,
}

type IssuedRow = (String, String, String, String, i64, String, DateTime<Utc>);

const ISSUED_ROW: &str = "SELECT d.id, o.id, d.kind, d.display, d.version, d.snapshot, d.issued_at
     FROM issued_documents d JOIN repair_orders o ON o.seq = d.order_seq";

fn stored_issued(row: IssuedRow) -> Result<StoredIssued> {
    let (id, order, kind, display, version, snapshot, issued_at) = row;
    Ok(StoredIssued {
        id: parse_id(&id)?,
        order: parse_id(&order)?,
        kind: DocumentKind::parse(&kind).ok_or_else(|| damaged(format!("kind {kind:?}")))?,
        display,
        version: u32::try_from(version).unwrap_or_default(),
        snapshot,
        issued_at,
    })
}

pub(crate) async fn issued(
    conn: &mut SqliteConnection,
    id: IssuedDocumentId,
) -> Result<StoredIssued> {
    let row: IssuedRow =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{ISSUED_ROW} WHERE d.id = ?")))
            .bind(id.to_string())
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| Error::not_found("issued document", id))?;
    stored_issued(row)
}

/// Every version of every document of the order, in the order issued.
pub(crate) async fn issued_of_order(
    conn: &mut SqliteConnection,
    order_seq: i64,
) -> Result<Vec<StoredIssued>> {
    let rows: Vec<IssuedRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ISSUED_ROW} WHERE d.order_seq = ? ORDER BY d.seq"
    )))
    .bind(order_seq)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(stored_issued).collect()
}

/// A document in a list: no snapshot, the order's number and car.
pub(crate) struct IssuedBrief {
    pub id: IssuedDocumentId,
    pub order: RepairOrderId,
    pub order_year: i32,
    pub order_number: i64,
    pub vehicle: VehicleId,
    pub kind: DocumentKind,
    pub display: String,
    pub version: u32,
    pub issued_at: DateTime<Utc>,
}

type BriefRow = (
    String,
    String,
    i64,
    i64,
    String,
    String,
    String,
    i64,
    DateTime<Utc>,
);

const BRIEF_ROW: &str = "SELECT d.id, o.id, o.year, o.number, o.vehicle_id, d.kind, d.display,
            d.version, d.issued_at
     FROM issued_documents d JOIN repair_orders o ON o.seq = d.order_seq";

fn issued_brief(row: BriefRow) -> Result<IssuedBrief> {
    let (id, order, year, number, vehicle, kind, display, version, issued_at) = row;
    Ok(IssuedBrief {
        id: parse_id(&id)?,
        order: parse_id(&order)?,
        order_year: i32::try_from(year).map_err(|_| damaged(format!("order year {year}")))?,
        order_number: number,
        vehicle: parse_id(&vehicle)?,
        kind: DocumentKind::parse(&kind).ok_or_else(|| damaged(format!("kind {kind:?}")))?,
        display,
        version: u32::try_from(version).unwrap_or_default(),
        issued_at,
    })
}

/// Whose documents a list shows.
pub(crate) enum IssuedOf {
    /// The client's orders, whichever car.
    Client(ClientId),
    /// The car's orders, whoever owned it.
    Vehicle(VehicleId),
}

/// Every document issued for a client's or a car's orders, newest first.
pub(crate) async fn issued_of(
    conn: &mut SqliteConnection,
    of: IssuedOf,
) -> Result<Vec<IssuedBrief>> {
    let (column, id) = match of {
        IssuedOf::Client(client) => ("client_id", client.to_string()),
        IssuedOf::Vehicle(vehicle) => ("vehicle_id", vehicle.to_string()),
    };
    let rows: Vec<BriefRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{BRIEF_ROW} WHERE o.{column} = ? ORDER BY d.issued_at DESC, d.seq DESC"
    )))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(issued_brief).collect()
}

/// The order an appointment became, if it did.
pub(crate) async fn order_of_appointment(
    conn: &mut SqliteConnection,
    appointment: AppointmentId,
) -> Result<Option<RepairOrderId>> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT o.id FROM repair_orders o JOIN appointments a ON a.seq = o.appointment_seq
         WHERE a.id = ?",
    )
    .bind(appointment.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    found.map(|id| parse_id(&id)).transpose()
}
