//! Use cases of stock: receipts, write-offs, inventories and counter sales.
//! Each is one transaction that numbers the document, checks and changes the
//! on-hand quantities and stores the document's lines, so the levels always
//! equal the sum of the ledger.

use std::collections::HashMap;

use chrono::{Datelike, Local};
use sqlx::SqliteConnection;

use crate::Remzona;
use crate::db::products::{self as catalogue, ProductRow};
use crate::db::stock::{self as store, MAIN_WAREHOUSE, NewDocument, NewLine, NewSale, NewSaleLine};
use crate::db::{clients, history};
use crate::domain::client::parse_date;
use crate::domain::history::HistoryKind;
use crate::domain::ids::{PaymentId, ProductId, SaleId, StockDocId, WarehouseId};
use crate::domain::money::Money;
use crate::domain::product::{percent, positive_quantity, price, quantity};
use crate::domain::quantity::Quantity;
use crate::domain::stock::{
    InventoryDraft, MAX_COMMENT, MAX_INVOICE_NUMBER, MAX_LINES, ProductMovement, ReceiptDraft,
    Sale, SaleDraft, StockDocKind, StockDocSummary, StockDocument, StockSettings, Warehouse,
    WriteOffDraft, document_number,
};
use crate::domain::validation::{IssueCode, Issues};
use crate::error::{Error, Result};

const ALLOW_NEGATIVE: &str = "allow_negative_stock";
const MAX_WAREHOUSE_NAME: usize = 80;
/// How many movements the product window shows.
const MOVEMENTS_SHOWN: u32 = 200;

/// A checked line before it is stored: which product, how much it changes.
struct Movement {
    row: ProductRow,
    /// The line's index in the draft, for messages.
    index: usize,
    delta: Quantity,
    price: Option<Money>,
    amount: Money,
}

impl Remzona {
    /// Приходная накладная: parts come in at purchase prices; each product's
    /// purchase price becomes the one of this receipt.
    pub async fn receive_stock(&self, draft: &ReceiptDraft) -> Result<StockDocument> {
        let mut issues = Issues::default();
        let invoice_number =
            issues.line("invoiceNumber", &draft.invoice_number, MAX_INVOICE_NUMBER);
        let invoice_date = match draft.invoice_date.trim() {
            "" => None,
            typed => parse_date(typed).or_else(|| {
                issues.add("invoiceDate", IssueCode::DateInvalid);
                None
            }),
        };
        let comment = issues.text("comment", &draft.comment, MAX_COMMENT);
        check_line_count(draft.lines.len(), &mut issues);
        let mut tx = self.db().begin_write().await?;
        let warehouse = warehouse_or_main(&mut tx, draft.warehouse_id).await?;
        let mut moves = Vec::new();
        for (index, line) in draft.lines.iter().enumerate() {
            let Some(row) = line_product(&mut tx, line.product_id, index, &mut issues).await?
            else {
                continue;
            };
            let field = format!("lines.{index}.");
            let qty = positive_quantity(
                &line.quantity,
                row.unit(),
                &format!("{field}quantity"),
                &mut issues,
            );
            let unit_price =
                price(&line.price, &format!("{field}price"), &mut issues).or(row.purchase());
            if let Some(qty) = qty {
                let amount = amount_of(unit_price, qty)?;
                moves.push(Movement {
                    row,
                    index,
                    delta: qty,
                    price: unit_price,
                    amount,
                });
            }
        }
        if !issues.is_empty() {
            return Err(issues.into());
        }
        for (line, movement) in draft.lines.iter().zip(&moves) {
            if let (false, Some(price)) = (line.price.trim().is_empty(), movement.price) {
                catalogue::set_purchase_price(&mut tx, movement.row.seq, price).await?;
            }
        }
        let header = Header {
            kind: StockDocKind::Receipt,
            warehouse,
            supplier: draft.supplier_id,
            client: None,
            invoice_number: &invoice_number,
            invoice_date,
            comment: &comment,
        };
        let Posted { id, .. } = self.post(&mut tx, header, &moves).await?;
        tx.commit().await?;
        self.stock_document(id).await
    }

    /// Списание: parts leave the stock for a stated reason, valued at cost.
    pub async fn write_off_stock(&self, draft: &WriteOffDraft) -> Result<StockDocument> {
        let mut issues = Issues::default();
        let reason = issues.text("reason", &draft.reason, MAX_COMMENT);
        if reason.is_empty() {
            issues.add("reason", IssueCode::Required);
        }
        check_line_count(draft.lines.len(), &mut issues);
        let mut tx = self.db().begin_write().await?;
        let warehouse = warehouse_or_main(&mut tx, draft.warehouse_id).await?;
        let mut moves = Vec::new();
        for (index, line) in draft.lines.iter().enumerate() {
            let Some(row) = line_product(&mut tx, line.product_id, index, &mut issues).await?
            else {
                continue;
            };
            let field = format!("lines.{index}.quantity");
            if let Some(qty) = positive_quantity(&line.quantity, row.unit(), &field, &mut issues) {
                let cost = row.purchase();
                let amount = amount_of(cost, qty)?;
                moves.push(Movement {
                    row,
                    index,
                    delta: qty.negated(),
                    price: cost,
                    amount,
                });
            }
        }
        if !issues.is_empty() {
            return Err(issues.into());
        }
        let header = Header::plain(StockDocKind::WriteOff, warehouse, &reason);
        let Posted { id, .. } = self.post(&mut tx, header, &moves).await?;
        tx.commit().await?;
        self.stock_document(id).await
    }

    /// Инвентаризация: each counted quantity replaces the recorded one; the
    /// document keeps the differences. Lines without a difference are not stored.
    pub async fn count_inventory(&self, draft: &InventoryDraft) -> Result<StockDocument> {
        let mut issues = Issues::default();
        let comment = issues.text("comment", &draft.comment, MAX_COMMENT);
        check_line_count(draft.lines.len(), &mut issues);
        let mut tx = self.db().begin_write().await?;
        let warehouse = warehouse_or_main(&mut tx, draft.warehouse_id).await?;
        let mut moves = Vec::new();
        for (index, line) in draft.lines.iter().enumerate() {
            let Some(row) = line_product(&mut tx, line.product_id, index, &mut issues).await?
            else {
                continue;
            };
            let field = format!("lines.{index}.counted");
            let counted = quantity(&line.counted, row.unit(), &field, &mut issues);
            if counted.is_none() && line.counted.trim().is_empty() {
                issues.add(field, IssueCode::Required);
            }
            let Some(counted) = counted else { continue };
            let recorded = store::on_hand(&mut tx, row.seq, warehouse).await?;
            let delta = counted.checked_sub(recorded).unwrap_or(Quantity::ZERO);
            if delta != Quantity::ZERO {
                let cost = row.purchase();
                let amount = amount_of(cost, delta)?;
                moves.push(Movement {
                    row,
                    index,
                    delta,
                    price: cost,
                    amount,
                });
            }
        }
        if !issues.is_empty() {
            return Err(issues.into());
        }
        let header = Header::plain(StockDocKind::Inventory, warehouse, &comment);
        // An inventory states what is there: it may never be refused for going below zero.
        let Posted { id, .. } = self
            .post_allowing_negative(&mut tx, header, &moves, true)
            .await?;
        tx.commit().await?;
        self.stock_document(id).await
    }

    /// A counter sale: the stock goes out, the money comes in, and the sale
    /// is recorded for its receipt — all in one transaction.
    pub async fn sell(&self, draft: &SaleDraft) -> Result<Sale> {
        let mut issues = Issues::default();
        let comment = issues.text("comment", &draft.comment, MAX_COMMENT);
        check_line_count(draft.lines.len(), &mut issues);
        let mut tx = self.db().begin_write().await?;
        let warehouse = warehouse_or_main(&mut tx, draft.warehouse_id).await?;
        let client_discount = match draft.client_id {
            Some(client) => {
                clients::refuse_merged(&mut tx, client).await?;
                i64::from(clients::discount_percent(&mut tx, client).await?) * 100
            }
            None => 0,
        };
        let mut moves = Vec::new();
        let mut sale_lines = Vec::new();
        for (index, line) in draft.lines.iter().enumerate() {
            let Some(row) = line_product(&mut tx, line.product_id, index, &mut issues).await?
            else {
                continue;
            };
            let field = format!("lines.{index}.");
            let qty = positive_quantity(
                &line.quantity,
                row.unit(),
                &format!("{field}quantity"),
                &mut issues,
            );
            let unit_price = price(&line.price, &format!("{field}price"), &mut issues);
            let unit_price = match (unit_price, line.price.trim().is_empty()) {
                (Some(typed), _) => Some(typed),
                (None, true) => row.sale_price().or_else(|| {
                    issues.add(format!("{field}price"), IssueCode::Required);
                    None
                }),
                (None, false) => None,
            };
            let discount = match line.discount_percent.trim() {
                "" => Some(client_discount),
                typed => {
                    percent(typed, &format!("{field}discountPercent"), &mut issues).filter(|bp| {
                        let fits = *bp <= 10_000;
                        if !fits {
                            issues.add_limit(
                                format!("{field}discountPercent"),
                                IssueCode::OutOfRange,
                                100,
                            );
                        }
                        fits
                    })
                }
            };
            let (Some(qty), Some(unit_price), Some(discount)) = (qty, unit_price, discount) else {
                continue;
            };
            let gross = unit_price.times(qty).map_err(|_| overflow())?;
            let off = gross.percent(discount).map_err(|_| overflow())?;
            let amount = gross.checked_sub(off).map_err(|_| overflow())?;
            sale_lines.push(NewSaleLine {
                product_seq: row.seq,
                quantity: qty,
                price: unit_price,
                discount_bp: discount,
                amount,
            });
            moves.push(Movement {
                row,
                index,
                delta: qty.negated(),
                price: Some(unit_price),
                amount,
            });
        }
        if !issues.is_empty() {
            return Err(issues.into());
        }
        let header = Header {
            client: draft.client_id,
            ..Header::plain(StockDocKind::Sale, warehouse, &comment)
        };
        // A sale is known by its stock document's number.
        let Posted {
            seq: doc_seq,
            number,
            ..
        } = self.post(&mut tx, header, &moves).await?;
        let total = Money::sum(sale_lines.iter().map(|l| l.amount)).map_err(|_| overflow())?;
        let gross = sale_lines
            .iter()
            .map(|l| l.price.times(l.quantity))
            .collect::<std::result::Result<Vec<_>, _>>()
            .and_then(Money::sum)
            .map_err(|_| overflow())?;
        let id = SaleId::new();
        let now = self.now();
        let buyer = match draft.client_id {
            Some(client) => {
                let buyer = crate::documents::render::sale::buyer(&mut tx, client).await?;
                Some((buyer.name, buyer.inn))
            }
            None => None,
        };
        let sale = NewSale {
            id,
            number: &number,
            stock_doc_seq: doc_seq,
            client: draft.client_id,
            method: draft.payment_method,
            comment: &comment,
            total,
            discount: gross.checked_sub(total).map_err(|_| overflow())?,
            created_at: now,
            buyer,
        };
        let sale_seq = store::insert_sale(&mut tx, &sale, &sale_lines).await?;
        store::insert_payment(
            &mut tx,
            PaymentId::new(),
            draft.client_id,
            Some(sale_seq),
            draft.payment_method,
            total,
            now,
        )
        .await?;
        if let Some(client) = draft.client_id {
            let detail = format!("{number} · {total}");
            history::append(&mut tx, client, now, HistoryKind::Sale, None, &detail).await?;
        }
        tx.commit().await?;
        self.sale(id).await
    }

    async fn post(
        &self,
        conn: &mut SqliteConnection,
        header: Header<'_>,
        moves: &[Movement],
    ) -> Result<Posted> {
        let allow = self.stock_settings_in(conn).await?.allow_negative_stock;
        self.post_allowing_negative(conn, header, moves, allow)
            .await
    }

    /// Numbers and stores a document and changes the stock by its lines,
    /// refusing (unless `allow_negative`) a line that takes more than there is.
    async fn post_allowing_negative(
        &self,
        conn: &mut SqliteConnection,
        header: Header<'_>,
        moves: &[Movement],
        allow_negative: bool,
    ) -> Result<Posted> {
        if !allow_negative {
            refuse_shortage(conn, header.warehouse, moves).await?;
        }
        let now = self.now();
        let year = now.with_timezone(&Local).year();
        let n = store::next_number(conn, header.kind.series(), year).await?;
        let number = document_number(header.kind.series(), year, n);
        let total = Money::sum(moves.iter().map(|m| m.amount)).map_err(|_| overflow())?;
        let id = StockDocId::new();
        let doc = NewDocument {
            id,
            kind: header.kind,
            number: &number,
            warehouse: header.warehouse,
            supplier: header.supplier,
            client: header.client,
            invoice_number: header.invoice_number,
            invoice_date: header.invoice_date,
            comment: header.comment,
            total,
            created_at: now,
        };
        let seq = store::insert_document(conn, &doc).await?;
        let lines: Vec<NewLine> = moves
            .iter()
            .map(|m| NewLine {
                product_seq: m.row.seq,
                quantity: m.delta,
                price: m.price,
                amount: m.amount,
            })
            .collect();
        store::insert_lines(conn, seq, &lines).await?;
        for movement in moves {
            store::change_stock(conn, movement.row.seq, header.warehouse, movement.delta).await?;
        }
        Ok(Posted { id, seq, number })
    }

    pub async fn stock_document(&self, id: StockDocId) -> Result<StockDocument> {
        let mut conn = self.db().read().await?;
        store::document(&mut conn, id).await
    }

    /// The id of the stock document printed as `number` (`ПР-26-00001`).
    pub async fn stock_document_id(&self, number: &str) -> Result<StockDocId> {
        let mut conn = self.db().read().await?;
        store::document_by_number(&mut conn, number.trim())
            .await?
            .ok_or_else(|| Error::not_found("stock document", number))
    }

    pub async fn stock_documents(
        &self,
        kind: Option<StockDocKind>,
        limit: u32,
    ) -> Result<Vec<StockDocSummary>> {
        let mut conn = self.db().read().await?;
        store::documents(&mut conn, kind, limit.clamp(1, 1000)).await
    }

    pub async fn product_movements(&self, id: ProductId) -> Result<Vec<ProductMovement>> {
        let mut conn = self.db().read().await?;
        store::movements(&mut conn, id, MOVEMENTS_SHOWN).await
    }

    pub async fn sale(&self, id: SaleId) -> Result<Sale> {
        let mut conn = self.db().read().await?;
        store::sale(&mut conn, id).await
    }

    pub async fn warehouses(&self, with_archived: bool) -> Result<Vec<Warehouse>> {
        let mut conn = self.db().read().await?;
        store::warehouses(&mut conn, with_archived).await
    }

    pub async fn add_warehouse(&self, name: &str) -> Result<WarehouseId> {
        let name = warehouse_name(name)?;
        let mut tx = self.db().begin_write().await?;
        let id = store::add_warehouse(&mut tx, &name).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn rename_warehouse(&self, id: WarehouseId, name: &str) -> Result<()> {
        let name = warehouse_name(name)?;
        let mut tx = self.db().begin_write().await?;
        store::rename_warehouse(&mut tx, id, &name).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A warehouse that still holds parts cannot be archived: move or write them off first.
    pub async fn archive_warehouse(&self, id: WarehouseId, archived: bool) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        if archived && (id == MAIN_WAREHOUSE || store::warehouse_holds_stock(&mut tx, id).await?) {
            let mut issues = Issues::default();
            issues.add("warehouse", IssueCode::Unavailable);
            return Err(issues.into());
        }
        store::set_warehouse_archived(&mut tx, id, archived).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn stock_settings(&self) -> Result<StockSettings> {
        let mut conn = self.db().read().await?;
        self.stock_settings_in(&mut conn).await
    }

    async fn stock_settings_in(&self, conn: &mut SqliteConnection) -> Result<StockSettings> {
        let allow = store::setting(conn, ALLOW_NEGATIVE).await?;
        Ok(StockSettings {
            allow_negative_stock: allow.as_deref() == Some("true"),
        })
    }

    pub async fn set_stock_settings(&self, settings: StockSettings) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        let value = if settings.allow_negative_stock {
            "true"
        } else {
            "false"
        };
        store::set_setting(&mut tx, ALLOW_NEGATIVE, value).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether every stock level equals the sum of its product's movements.
    pub async fn stock_matches_ledger(
        &self,
        id: ProductId,
        warehouse: WarehouseId,
    ) -> Result<bool> {
        let mut conn = self.db().read().await?;
        let row = catalogue::row_by_id(&mut conn, id).await?;
        let level = store::on_hand(&mut conn, row.seq, warehouse).await?;
        let ledger = store::ledger_total(&mut conn, row.seq, warehouse).await?;
        Ok(level == ledger)
    }
}

/// A document just stored.
struct Posted {
    id: StockDocId,
    seq: i64,
    number: String,
}

/// The header fields of a document to post.
struct Header<'a> {
    kind: StockDocKind,
    warehouse: WarehouseId,
    supplier: Option<crate::domain::ids::SupplierId>,
    client: Option<crate::domain::ids::ClientId>,
    invoice_number: &'a str,
    invoice_date: Option<chrono::NaiveDate>,
    comment: &'a str,
}

impl<'a> Header<'a> {
    fn plain(kind: StockDocKind, warehouse: WarehouseId, comment: &'a str) -> Header<'a> {
        Header {
            kind,
            warehouse,
            supplier: None,
            client: None,
            invoice_number: "",
            invoice_date: None,
            comment,
        }
    }
}

fn check_line_count(count: usize, issues: &mut Issues) {
    if count == 0 {
        issues.add("lines", IssueCode::Required);
    } else if count > MAX_LINES {
        issues.add_limit("lines", IssueCode::TooMany, MAX_LINES);
    }
}

/// The line's product, or an `unavailable` issue when it is archived or unknown.
async fn line_product(
    conn: &mut SqliteConnection,
    id: ProductId,
    index: usize,
    issues: &mut Issues,
) -> Result<Option<ProductRow>> {
    match catalogue::row_by_id(conn, id).await {
        Ok(row) if !row.archived => Ok(Some(row)),
        Ok(_) | Err(Error::NotFound { .. }) => {
            issues.add(format!("lines.{index}.productId"), IssueCode::Unavailable);
            Ok(None)
        }
        Err(other) => Err(other),
    }
}

async fn warehouse_or_main(
    conn: &mut SqliteConnection,
    id: Option<WarehouseId>,
) -> Result<WarehouseId> {
    store::active_warehouse(conn, id.unwrap_or(MAIN_WAREHOUSE)).await
}

/// Refuses lines that would take a product below zero; the same product on
/// several lines is added up first. The issue quotes what is on hand.
async fn refuse_shortage(
    conn: &mut SqliteConnection,
    warehouse: WarehouseId,
    moves: &[Movement],
) -> Result<()> {
    let mut net: HashMap<i64, (i64, usize)> = HashMap::new();
    for movement in moves {
        let entry = net.entry(movement.row.seq).or_insert((0, movement.index));
        entry.0 += movement.delta.milli();
        entry.1 = movement.index;
    }
    let mut issues = Issues::default();
    let mut products: Vec<_> = net
        .into_iter()
        .filter(|(_, (delta, _))| *delta < 0)
        .collect();
    products.sort_by_key(|(_, (_, index))| *index);
    for (seq, (delta, index)) in products {
        let on_hand = store::on_hand(conn, seq, warehouse).await?;
        if on_hand.milli() + delta < 0 {
            issues.add_detail(
                format!("lines.{index}.quantity"),
                IssueCode::NotEnoughStock,
                on_hand.to_string(),
            );
        }
    }
    Ok(issues.into_result(())?)
}

fn amount_of(price: Option<Money>, qty: Quantity) -> Result<Money> {
    let magnitude = Quantity::from_milli(qty.milli().abs());
    price.map_or(Ok(Money::ZERO), |p| {
        p.times(magnitude).map_err(|_| overflow())
    })
}

/// A sum beyond any real shop's totals: reported on the lines, never wrapped.
fn overflow() -> Error {
    let mut issues = Issues::default();
    issues.add("lines", IssueCode::OutOfRange);
    Error::Validation(issues)
}

fn warehouse_name(name: &str) -> Result<String> {
    let mut issues = Issues::default();
    let name = issues.line("name", name, MAX_WAREHOUSE_NAME);
    if name.is_empty() {
        issues.add("name", IssueCode::Required);
    }
    Ok(issues.into_result(name)?)
}
