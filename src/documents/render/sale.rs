//! Товарный чек: the paper a counter sale gives the buyer — who sold, what,
//! how many, at what price, the total in figures and in words, and the
//! seller's signature. It is drawn from the sale as recorded: the stock
//! document's number and the prices and discounts stored with its lines.

use chrono::NaiveDate;

use super::{
    Align, Column, Document, DocumentError, Fonts, Image, KeyValues, Signature, Table, TextStyle,
    document_error, frame, long_date, money, quantity, short_date,
};
use crate::Remzona;
use crate::appointments::zone;
use crate::db::{clients, stock as stock_store};
use crate::domain::client::ClientKind;
use crate::domain::ids::StockDocId;
use crate::domain::money::Money;
use crate::domain::order::snapshot::ShopRequisites;
use crate::domain::stock::{PaymentMethod, SaleLine, StockDocKind};
use crate::domain::words::amount_in_words;
use crate::error::{ConflictReason, Error, Result};

/// Everything a товарный чек prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleReceipt {
    pub shop: ShopRequisites,
    /// The stock document's number: `ПР-26-00001`.
    pub number: String,
    /// The shop's date of the sale.
    pub date: NaiveDate,
    /// The buyer when the sale names a client.
    pub buyer: Option<Buyer>,
    pub lines: Vec<SaleLine>,
    pub total: Money,
    /// What the discounts took off the lines' full prices.
    pub discount: Money,
    pub payment_method: PaymentMethod,
    pub comment: String,
}

/// The client a sale names: a person's full name, or a company's with its
/// ИНН (a company's accountant files the чек by it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buyer {
    pub name: String,
    pub inn: String,
}

impl Remzona {
    /// The товарный чек of a counter sale, as a PDF. `doc` is the sale's
    /// stock document; any other kind is refused (`NotASale`).
    pub async fn render_sale_receipt(&self, doc: StockDocId) -> Result<Vec<u8>> {
        let receipt = self.sale_receipt(doc).await?;
        self.render_receipt_of_sale(&receipt)
    }

    /// The PDF of a чек's data already read.
    pub fn render_receipt_of_sale(&self, receipt: &SaleReceipt) -> Result<Vec<u8>> {
        let fonts = Fonts::shared().map_err(document_error)?;
        let logo = self.logo_image(&receipt.shop.logo);
        render(receipt, fonts, logo.as_ref()).map_err(document_error)
    }

    /// What the товарный чек of the sale recorded with `doc` prints.
    pub async fn sale_receipt(&self, doc: StockDocId) -> Result<SaleReceipt> {
        let shop = self.shop_requisites().await?;
        let mut conn = self.db().read().await?;
        let document = stock_store::document(&mut conn, doc).await?;
        let sale_id = match document.kind {
            StockDocKind::Sale => stock_store::sale_of_document(&mut conn, doc).await?,
            _ => None,
        };
        let Some(sale_id) = sale_id else {
            return Err(Error::Conflict(ConflictReason::NotASale));
        };
        let sale = stock_store::sale(&mut conn, sale_id).await?;
        let date = zone(&mut conn).await?.to_local(sale.created_at).date();
        let buyer = match (
            stock_store::frozen_buyer(&mut conn, sale_id).await?,
            &sale.client,
        ) {
            (Some((name, inn)), _) => Some(Buyer { name, inn }),
            // Sold before buyers were frozen: the client as now.
            (None, Some(client)) => Some(buyer(&mut conn, client.id).await?),
            (None, None) => None,
        };
        Ok(SaleReceipt {
            shop,
            number: sale.number,
            date,
            buyer,
            lines: sale.lines,
            total: sale.total,
            discount: sale.discount,
            payment_method: sale.payment_method,
            comment: sale.comment,
        })
    }
}

/// The buyer as a чек names it: a company's full name with its ИНН, or the
/// person's name. Frozen with the sale when it is made.
pub(crate) async fn buyer(
    conn: &mut sqlx::SqliteConnection,
    id: crate::domain::ids::ClientId,
) -> Result<Buyer> {
    let client = clients::get(conn, id).await?;
    let company = &client.company;
    Ok(match client.kind {
        ClientKind::Company if !company.full_name.is_empty() => Buyer {
            name: company.full_name.clone(),
            inn: company.inn.clone(),
        },
        ClientKind::Company => Buyer {
            name: client.display_name,
            inn: company.inn.clone(),
        },
        ClientKind::Person => Buyer {
            name: client.display_name,
            inn: String::new(),
        },
    })
}

/// Draws the товарный чек.
pub fn render(
    receipt: &SaleReceipt,
    fonts: &Fonts,
    logo: Option<&Image>,
) -> std::result::Result<Vec<u8>, DocumentError> {
    let title = format!(
        "Товарный чек № {} от {}",
        receipt.number,
        long_date(receipt.date)
    );
    let mut doc = Document::new(&title, fonts);
    let id_line = format!(
        "Товарный чек № {} от {}",
        receipt.number,
        short_date(receipt.date)
    );
    frame(&mut doc, &receipt.shop, logo, id_line);
    doc.title(&title);
    doc.advance(2.0);
    parties(&mut doc, receipt);
    doc.table(&lines_table(receipt))?;
    doc.advance(1.0);
    doc.ensure_space(30.0);
    doc.table(&totals(receipt))?;
    summary(&mut doc, receipt)?;
    seller_signature(&mut doc);
    doc.finish()
}

/// «Продавец ____ / ____» over the left half: across the whole width the
/// name line would run to the right margin.
fn seller_signature(doc: &mut Document<'_>) {
    doc.advance(6.0);
    doc.ensure_space(30.0);
    let seller = Signature {
        party: "Продавец".to_owned(),
        role: String::new(),
        name: String::new(),
        stamp: true,
    };
    let (x, y) = (doc.left(), doc.cursor());
    let height = doc.signature_at(&seller, x, y, doc.content_width() / 2.0);
    doc.set_cursor(y + height + 2.0);
}

/// The seller (the letterhead already has its requisites) and the buyer.
fn parties(doc: &mut Document<'_>, receipt: &SaleReceipt) {
    let mut block = KeyValues::new(24.0).row("Продавец", &receipt.shop.name);
    if let Some(buyer) = &receipt.buyer {
        block = block.row("Покупатель", &buyer.name);
        if !buyer.inn.is_empty() {
            block = block.row("ИНН покупателя", &buyer.inn);
        }
    }
    if !receipt.comment.trim().is_empty() {
        block = block.row("Примечание", receipt.comment.trim());
    }
    doc.key_values(&block);
    doc.advance(2.0);
}

/// A discount column only when a line has one: otherwise price × quantity is
/// the sum and the column would be a row of dashes.
fn lines_table(receipt: &SaleReceipt) -> Table {
    let discounted = receipt.lines.iter().any(|l| l.discount_basis_points > 0);
    let mut columns = vec![
        Column::fixed("№", 8.0, Align::Right),
        Column::fixed("Артикул", 26.0, Align::Left),
        Column::flex("Наименование", 1.0, Align::Left),
        Column::fixed("Ед.", 10.0, Align::Left),
        Column::fixed("Кол-во", 16.0, Align::Right),
        Column::fixed("Цена, ₽", 22.0, Align::Right),
    ];
    if discounted {
        columns.push(Column::fixed("Скидка, ₽", 20.0, Align::Right));
    }
    columns.push(Column::fixed("Сумма, ₽", 24.0, Align::Right));
    let mut table = Table::new(columns);
    for (i, line) in receipt.lines.iter().enumerate() {
        let name = match &line.brand {
            Some(brand) if !brand.is_empty() => format!("{} {brand}", line.name),
            _ => line.name.clone(),
        };
        let mut cells = vec![
            (i + 1).to_string(),
            line.article.clone(),
            name,
            line.unit.short_ru().to_owned(),
            quantity(line.quantity),
            money(line.price),
        ];
        if discounted {
            cells.push(line_discount(line));
        }
        cells.push(money(line.amount));
        table.row(cells);
    }
    table
}

/// What the line's discount took off, to the kopeck: its full price less
/// the stored sum.
fn line_discount(line: &SaleLine) -> String {
    let full = line.price.times(line.quantity).ok();
    match full.and_then(|full| full.checked_sub(line.amount).ok()) {
        Some(off) if off > Money::ZERO => money(off),
        _ => "—".to_owned(),
    }
}

/// The totals under the table, aligned with its «Сумма» column.
fn totals(receipt: &SaleReceipt) -> Table {
    let mut table = Table::new(vec![
        Column::flex("", 1.0, Align::Left),
        Column::fixed("", 24.0, Align::Right),
    ]);
    if receipt.discount > Money::ZERO {
        let full = receipt.total.checked_add(receipt.discount).ok();
        table.total("Без скидки:", full.map(money).unwrap_or_default());
        table.total("Скидка:", format!("−{}", money(receipt.discount)));
    }
    table.grand_total("Итого, ₽:", money(receipt.total));
    table.without_header()
}

/// «Всего наименований 3 на сумму 4 150,00 ₽», the sum in words and how it
/// was paid.
fn summary(
    doc: &mut Document<'_>,
    receipt: &SaleReceipt,
) -> std::result::Result<(), DocumentError> {
    let words = amount_in_words(receipt.total)
        .map_err(|_| DocumentError::Layout("a sale's total is negative".to_owned()))?;
    doc.advance(3.0);
    doc.paragraph(
        &format!(
            "Всего наименований {} на сумму {} ₽.",
            receipt.lines.len(),
            money(receipt.total)
        ),
        TextStyle::regular(9.0),
        Align::Left,
    );
    doc.paragraph(
        &format!("Сумма прописью: {words}."),
        TextStyle::bold(9.0),
        Align::Left,
    );
    doc.paragraph(
        &format!("Оплачено {}.", method(receipt.payment_method)),
        TextStyle::regular(9.0),
        Align::Left,
    );
    Ok(())
}

fn method(m: PaymentMethod) -> &'static str {
    match m {
        PaymentMethod::Cash => "наличными",
        PaymentMethod::Card => "банковской картой",
        PaymentMethod::Transfer => "безналичным переводом",
    }
}
