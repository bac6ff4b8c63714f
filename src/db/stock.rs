//! SQL for stock: on-hand levels, the ledger of stock documents, counter
//! sales with their payments, warehouses, document numbering and settings.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::db::clients::client_ref;
use crate::db::{one_row, parse_id};
use crate::domain::ids::{
    ClientId, PaymentId, ProductId, SaleId, StockDocId, SupplierId, WarehouseId,
};
use crate::domain::money::Money;
use crate::domain::quantity::{Quantity, Unit};
use crate::domain::stock::{
    PaymentMethod, ProductMovement, Sale, SaleLine, StockDocKind, StockDocSummary, StockDocument,
    StockLine, Warehouse,
};
use crate::error::{Error, Result};

/// The main warehouse every shop starts with (created by the migration).
pub(crate) const MAIN_WAREHOUSE: WarehouseId = WarehouseId(1);

pub(crate) async fn on_hand(
    conn: &mut SqliteConnection,
    product_seq: i64,
    warehouse: WarehouseId,
) -> Result<Quantity> {
    let on_hand: Option<i64> = sqlx::query_scalar(
        "SELECT on_hand FROM stock_levels WHERE product_seq = ? AND warehouse_id = ?",
    )
    .bind(product_seq)
    .bind(i64::from(warehouse.0))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(Quantity::from_milli(on_hand.unwrap_or(0)))
}

/// Adds `delta` to the warehouse's stock of the product.
pub(crate) async fn change_stock(
    conn: &mut SqliteConnection,
    product_seq: i64,
    warehouse: WarehouseId,
    delta: Quantity,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO stock_levels (product_seq, warehouse_id, on_hand) VALUES (?, ?, ?)
         ON CONFLICT (product_seq, warehouse_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand",
    )
    .bind(product_seq)
    .bind(i64::from(warehouse.0))
    .bind(delta.milli())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The next number of a series in a year; call inside the transaction that
/// stores the document, so a number is never given twice or skipped.
pub(crate) async fn next_number(
    conn: &mut SqliteConnection,
    series: &str,
    year: i32,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO document_counters (series, year, last) VALUES (?, ?, 1)
         ON CONFLICT (series, year) DO UPDATE SET last = last + 1
         RETURNING last",
    )
    .bind(series)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?)
}

/// The header of a stock document to store.
pub(crate) struct NewDocument<'a> {
    pub id: StockDocId,
    pub kind: StockDocKind,
    pub number: &'a str,
    pub warehouse: WarehouseId,
    pub supplier: Option<SupplierId>,
    pub client: Option<ClientId>,
    pub invoice_number: &'a str,
    pub invoice_date: Option<NaiveDate>,
    pub comment: &'a str,
    pub total: Money,
    pub created_at: DateTime<Utc>,
}

pub(crate) async fn insert_document(
    conn: &mut SqliteConnection,
    doc: &NewDocument<'_>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO stock_documents (id, kind, number, warehouse_id, supplier_id, client_id,
             invoice_number, invoice_date, comment, total, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
    )
    .bind(doc.id.to_string())
    .bind(doc.kind.as_str())
    .bind(doc.number)
    .bind(i64::from(doc.warehouse.0))
    .bind(doc.supplier.map(|s| i64::from(s.0)))
    .bind(doc.client.map(|c| c.to_string()))
    .bind(doc.invoice_number)
    .bind(doc.invoice_date)
    .bind(doc.comment)
    .bind(doc.total.kopecks())
    .bind(doc.created_at)
    .fetch_one(&mut *conn)
    .await?)
}

/// A line of a stock document to store.
pub(crate) struct NewLine {
    pub product_seq: i64,
    pub quantity: Quantity,
    pub price: Option<Money>,
    pub amount: Money,
}

pub(crate) async fn insert_lines(
    conn: &mut SqliteConnection,
    doc_seq: i64,
    lines: &[NewLine],
) -> Result<()> {
    for (position, line) in lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO stock_lines (document_seq, position, product_seq, quantity, price, amount)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(doc_seq)
        .bind(position as i64)
        .bind(line.product_seq)
        .bind(line.quantity.milli())
        .bind(line.price.map(Money::kopecks))
        .bind(line.amount.kopecks())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct DocumentRow {
    seq: i64,
    id: String,
    kind: String,
    number: String,
    created_at: DateTime<Utc>,
    warehouse_id: i64,
    warehouse: String,
    supplier: Option<String>,
    client_id: Option<String>,
    invoice_number: String,
    invoice_date: Option<NaiveDate>,
    comment: String,
    total: i64,
}

#[derive(sqlx::FromRow)]
struct LineRow {
    product_id: String,
    name: String,
    article: String,
    brand: Option<String>,
    unit: String,
    quantity: i64,
    price: Option<i64>,
    amount: i64,
}

fn kind_of(text: &str) -> Result<StockDocKind> {
    StockDocKind::parse(text).ok_or_else(|| {
        Error::Database(sqlx::Error::Decode(
            format!("unknown stock document kind {text:?}").into(),
        ))
    })
}

pub(crate) async fn document(conn: &mut SqliteConnection, id: StockDocId) -> Result<StockDocument> {
    let row: DocumentRow = sqlx::query_as(
        "SELECT d.seq, d.id, d.kind, d.number, d.created_at, d.warehouse_id, w.name AS warehouse,
                s.name AS supplier, d.client_id, d.invoice_number, d.invoice_date, d.comment, d.total
         FROM stock_documents d
         JOIN warehouses w ON w.id = d.warehouse_id
         LEFT JOIN suppliers s ON s.id = d.supplier_id
         WHERE d.id = ?",
    )
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| Error::not_found("stock document", id))?;
    let lines: Vec<LineRow> = sqlx::query_as(
        "SELECT p.id AS product_id, p.name, p.article, b.name AS brand, p.unit,
                l.quantity, l.price, l.amount
         FROM stock_lines l JOIN products p ON p.seq = l.product_seq
         LEFT JOIN brands b ON b.id = p.brand_id
         WHERE l.document_seq = ? ORDER BY l.position",
    )
    .bind(row.seq)
    .fetch_all(&mut *conn)
    .await?;
    let client = match &row.client_id {
        Some(client) => Some(client_ref(conn, parse_id(client)?).await?),
        None => None,
    };
    Ok(StockDocument {
        id: parse_id(&row.id)?,
        kind: kind_of(&row.kind)?,
        number: row.number,
        created_at: row.created_at,
        warehouse_id: WarehouseId::from_row(row.warehouse_id),
        warehouse: row.warehouse,
        supplier: row.supplier,
        invoice_number: row.invoice_number,
        invoice_date: row.invoice_date,
        comment: row.comment,
        client,
        lines: lines
            .into_iter()
            .map(|line| {
                Ok(StockLine {
                    product_id: parse_id(&line.product_id)?,
                    name: line.name,
                    article: line.article,
                    brand: line.brand,
                    unit: Unit::parse(&line.unit).unwrap_or(Unit::Piece),
                    quantity: Quantity::from_milli(line.quantity),
                    price: line.price.map(Money::from_kopecks),
                    amount: Money::from_kopecks(line.amount),
                })
            })
            .collect::<Result<_>>()?,
        total: Money::from_kopecks(row.total),
    })
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: String,
    kind: String,
    number: String,
    created_at: DateTime<Utc>,
    warehouse: String,
    counterparty: Option<String>,
    lines: i64,
    total: i64,
}

#[derive(sqlx::FromRow)]
struct MovementRow {
    id: String,
    kind: String,
    number: String,
    created_at: DateTime<Utc>,
    warehouse: String,
    quantity: i64,
    price: Option<i64>,
}

/// The journal of stock documents, newest first.
pub(crate) async fn documents(
    conn: &mut SqliteConnection,
    kind: Option<StockDocKind>,
    limit: u32,
) -> Result<Vec<StockDocSummary>> {
    let rows: Vec<SummaryRow> =
        sqlx::query_as(
            "SELECT d.id, d.kind, d.number, d.created_at, w.name AS warehouse,
                    coalesce(s.name,
                             (SELECT CASE c.kind WHEN 'company' THEN coalesce(nullif(c.short_name, ''), c.full_name)
                                     ELSE trim(c.surname || ' ' || c.name) END
                              FROM clients c WHERE c.id = d.client_id),
                             nullif(d.comment, '')) AS counterparty,
                    (SELECT count(*) FROM stock_lines l WHERE l.document_seq = d.seq) AS lines,
                    d.total
             FROM stock_documents d
             JOIN warehouses w ON w.id = d.warehouse_id
             LEFT JOIN suppliers s ON s.id = d.supplier_id
             WHERE ?1 IS NULL OR d.kind = ?1
             ORDER BY d.seq DESC LIMIT ?2",
        )
        .bind(kind.map(StockDocKind::as_str))
        .bind(i64::from(limit))
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(StockDocSummary {
                id: parse_id(&row.id)?,
                kind: kind_of(&row.kind)?,
                number: row.number,
                created_at: row.created_at,
                warehouse: row.warehouse,
                counterparty: row.counterparty,
                lines: u32::try_from(row.lines).unwrap_or(0),
                total: Money::from_kopecks(row.total),
            })
        })
        .collect()
}

/// A product's movements, newest first.
pub(crate) async fn movements(
    conn: &mut SqliteConnection,
    product: ProductId,
    limit: u32,
) -> Result<Vec<ProductMovement>> {
    let rows: Vec<MovementRow> = sqlx::query_as(
        "SELECT d.id, d.kind, d.number, d.created_at, w.name AS warehouse, l.quantity, l.price
             FROM stock_lines l
             JOIN stock_documents d ON d.seq = l.document_seq
             JOIN warehouses w ON w.id = d.warehouse_id
             WHERE l.product_seq = (SELECT seq FROM products WHERE id = ?)
             ORDER BY l.document_seq DESC, l.position LIMIT ?",
    )
    .bind(product.to_string())
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(ProductMovement {
                document_id: parse_id(&row.id)?,
                kind: kind_of(&row.kind)?,
                number: row.number,
                created_at: row.created_at,
                warehouse: row.warehouse,
                quantity: Quantity::from_milli(row.quantity),
                price: row.price.map(Money::from_kopecks),
            })
        })
        .collect()
}

/// A counter sale to store, with its stock document already stored.
pub(crate) struct NewSale<'a> {
    pub id: SaleId,
    pub number: &'a str,
    pub stock_doc_seq: i64,
    pub client: Option<ClientId>,
    pub method: PaymentMethod,
    pub comment: &'a str,
    pub total: Money,
    pub discount: Money,
    pub created_at: DateTime<Utc>,
    /// The buyer's name and ИНН as the чек prints them, frozen at the sale.
    pub buyer: Option<(String, String)>,
}

/// A sale line to store.
pub(crate) struct NewSaleLine {
    pub product_seq: i64,
    pub quantity: Quantity,
    pub price: Money,
    pub discount_bp: i64,
    pub amount: Money,
}

pub(crate) async fn insert_sale(
    conn: &mut SqliteConnection,
    sale: &NewSale<'_>,
    lines: &[NewSaleLine],
) -> Result<i64> {
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO sales (id, number, stock_doc_seq, client_id, payment_method, comment, total,
             discount, created_at, buyer_name, buyer_inn)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
    )
    .bind(sale.id.to_string())
    .bind(sale.number)
    .bind(sale.stock_doc_seq)
    .bind(sale.client.map(|c| c.to_string()))
    .bind(sale.method.as_str())
    .bind(sale.comment)
    .bind(sale.total.kopecks())
    .bind(sale.discount.kopecks())
    .bind(sale.created_at)
    .bind(sale.buyer.as_ref().map(|(name, _)| name.as_str()))
    .bind(sale.buyer.as_ref().map(|(_, inn)| inn.as_str()))
    .fetch_one(&mut *conn)
    .await?;
    for (position, line) in lines.iter().enumerate() {
        // The product's name, article, brand and unit are copied as sold.
        sqlx::query(
            "INSERT INTO sale_lines (sale_seq, position, product_seq, quantity, price, discount_bp,
                 amount, name, article, brand, unit)
             SELECT ?, ?, p.seq, ?, ?, ?, ?, p.name, p.article, b.name, p.unit
             FROM products p LEFT JOIN brands b ON b.id = p.brand_id
             WHERE p.seq = ?",
        )
        .bind(seq)
        .bind(position as i64)
        .bind(line.quantity.milli())
        .bind(line.price.kopecks())
        .bind(line.discount_bp)
        .bind(line.amount.kopecks())
        .bind(line.product_seq)
        .execute(&mut *conn)
        .await?;
    }
    Ok(seq)
}

/// Records money received (positive) or returned (negative).
pub(crate) async fn insert_payment(
    conn: &mut SqliteConnection,
    id: PaymentId,
    client: Option<ClientId>,
    sale_seq: Option<i64>,
    method: PaymentMethod,
    amount: Money,
    paid_at: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO payments (id, client_id, sale_seq, method, amount, paid_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(id.to_string())
    .bind(client.map(|c| c.to_string()))
    .bind(sale_seq)
    .bind(method.as_str())
    .bind(amount.kopecks())
    .bind(paid_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SaleRow {
    seq: i64,
    number: String,
    created_at: DateTime<Utc>,
    client_id: Option<String>,
    warehouse: String,
    payment_method: String,
    comment: String,
    total: i64,
    discount: i64,
    stock_doc_id: String,
    payment_id: String,
}

#[derive(sqlx::FromRow)]
struct SaleLineRow {
    product_id: String,
    name: String,
    article: String,
    brand: Option<String>,
    unit: String,
    quantity: i64,
    price: i64,
    discount_bp: i64,
    amount: i64,
}

/// The buyer's name and ИНН frozen with the sale; `None` for a sale without
/// a buyer or one written before buyers were frozen.
pub(crate) async fn frozen_buyer(
    conn: &mut SqliteConnection,
    id: SaleId,
) -> Result<Option<(String, String)>> {
    let row: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT buyer_name, buyer_inn FROM sales WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.and_then(|(name, inn)| Some((name?, inn.unwrap_or_default()))))
}

pub(crate) async fn sale(conn: &mut SqliteConnection, id: SaleId) -> Result<Sale> {
    let row: SaleRow = sqlx::query_as(
        "SELECT s.seq, s.number, s.created_at, s.client_id, w.name AS warehouse, s.payment_method,
                s.comment, s.total, s.discount, d.id AS stock_doc_id,
                (SELECT p.id FROM payments p WHERE p.sale_seq = s.seq ORDER BY p.seq LIMIT 1)
                    AS payment_id
         FROM sales s
         JOIN stock_documents d ON d.seq = s.stock_doc_seq
         JOIN warehouses w ON w.id = d.warehouse_id
         WHERE s.id = ?",
    )
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| Error::not_found("sale", id))?;
    let lines: Vec<SaleLineRow> = sqlx::query_as(
        "SELECT p.id AS product_id, l.name, l.article, l.brand, l.unit,
                l.quantity, l.price, l.discount_bp, l.amount
         FROM sale_lines l JOIN products p ON p.seq = l.product_seq
         WHERE l.sale_seq = ? ORDER BY l.position",
    )
    .bind(row.seq)
    .fetch_all(&mut *conn)
    .await?;
    let client = match &row.client_id {
        Some(client) => Some(client_ref(conn, parse_id(client)?).await?),
        None => None,
    };
    Ok(Sale {
        id,
        number: row.number,
        created_at: row.created_at,
        client,
        warehouse: row.warehouse,
        payment_method: PaymentMethod::parse(&row.payment_method).unwrap_or(PaymentMethod::Cash),
        comment: row.comment,
        lines: lines
            .into_iter()
            .map(|line| {
                Ok(SaleLine {
                    product_id: parse_id(&line.product_id)?,
                    name: line.name,
                    article: line.article,
                    brand: line.brand,
                    unit: Unit::parse(&line.unit).unwrap_or(Unit::Piece),
                    quantity: Quantity::from_milli(line.quantity),
                    price: Money::from_kopecks(line.price),
                    discount_basis_points: u32::try_from(line.discount_bp).unwrap_or(0),
                    amount: Money::from_kopecks(line.amount),
                })
            })
            .collect::<Result<_>>()?,
        total: Money::from_kopecks(row.total),
        discount: Money::from_kopecks(row.discount),
        stock_document_id: parse_id(&row.stock_doc_id)?,
        payment_id: parse_id(&row.payment_id)?,
    })
}

/// The sale recorded with a stock document; `None` for any other document.
pub(crate) async fn sale_of_document(
    conn: &mut SqliteConnection,
    doc: StockDocId,
) -> Result<Option<SaleId>> {
    let id: Option<String> = sqlx::query_scalar(
        "SELECT s.id FROM sales s JOIN stock_documents d ON d.seq = s.stock_doc_seq
         WHERE d.id = ?",
    )
    .bind(doc.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    id.as_deref().map(parse_id).transpose()
}

/// A stock document by its printed number (`ПР-26-00001`).
pub(crate) async fn document_by_number(
    conn: &mut SqliteConnection,
    number: &str,
) -> Result<Option<StockDocId>> {
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM stock_documents WHERE number = ?")
        .bind(number)
        .fetch_optional(&mut *conn)
        .await?;
    id.as_deref().map(parse_id).transpose()
}

pub(crate) async fn warehouses(
    conn: &mut SqliteConnection,
    with_archived: bool,
) -> Result<Vec<Warehouse>> {
    let rows: Vec<(i64, String, bool)> = sqlx::query_as(
        "SELECT id, name, archived FROM warehouses WHERE ? OR archived = 0 ORDER BY id",
    )
    .bind(with_archived)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, archived)| Warehouse {
            id: WarehouseId::from_row(id),
            name,
            archived,
        })
        .collect())
}

/// An active warehouse's id, or `NotFound`.
pub(crate) async fn active_warehouse(
    conn: &mut SqliteConnection,
    id: WarehouseId,
) -> Result<WarehouseId> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM warehouses WHERE id = ? AND archived = 0")
            .bind(i64::from(id.0))
            .fetch_optional(&mut *conn)
            .await?;
    found
        .map(WarehouseId::from_row)
        .ok_or_else(|| Error::not_found("warehouse", id))
}

pub(crate) async fn add_warehouse(conn: &mut SqliteConnection, name: &str) -> Result<WarehouseId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO warehouses (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET archived = 0 RETURNING id",
    )
    .bind(name)
    .fetch_one(&mut *conn)
    .await?;
    Ok(WarehouseId::from_row(id))
}

pub(crate) async fn rename_warehouse(
    conn: &mut SqliteConnection,
    id: WarehouseId,
    name: &str,
) -> Result<()> {
    let done = sqlx::query("UPDATE warehouses SET name = ? WHERE id = ?")
        .bind(name)
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    one_row(done, "warehouse", id)
}

pub(crate) async fn set_warehouse_archived(
    conn: &mut SqliteConnection,
    id: WarehouseId,
    archived: bool,
) -> Result<()> {
    let done = sqlx::query("UPDATE warehouses SET archived = ? WHERE id = ?")
        .bind(archived)
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    one_row(done, "warehouse", id)
}

/// Total stock of a warehouse, to refuse archiving one that still holds parts.
pub(crate) async fn warehouse_holds_stock(
    conn: &mut SqliteConnection,
    id: WarehouseId,
) -> Result<bool> {
    let any: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM stock_levels WHERE warehouse_id = ? AND on_hand <> 0 LIMIT 1",
    )
    .bind(i64::from(id.0))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(any.is_some())
}

pub(crate) async fn setting(conn: &mut SqliteConnection, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

pub(crate) async fn set_setting(conn: &mut SqliteConnection, key: &str, value: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The sum of all movements of a product in a warehouse: what `stock_levels`
/// must equal (the invariant tests and a repair tool check it).
pub(crate) async fn ledger_total(
    conn: &mut SqliteConnection,
    product_seq: i64,
    warehouse: WarehouseId,
) -> Result<Quantity> {
    let total: i64 = sqlx::query_scalar(
        "SELECT ifnull(sum(l.quantity), 0) FROM stock_lines l
         JOIN stock_documents d ON d.seq = l.document_seq
         WHERE l.product_seq = ? AND d.warehouse_id = ?",
    )
    .bind(product_seq)
    .bind(i64::from(warehouse.0))
    .fetch_one(&mut *conn)
    .await?;
    Ok(Quantity::from_milli(total))
}
