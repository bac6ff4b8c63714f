//! SQL for the nomenclature: products with their numbers, barcodes and
//! characteristics, the number and word indexes, brands, categories and
//! suppliers, and the product search.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::db::search::{PREFIX_END, push_seqs};
use crate::db::{one_row, parse_id};
use crate::domain::article::{article_key, product_words, query_words};
use crate::domain::ids::{BrandId, CategoryId, ProductId, SupplierId, WarehouseId};
use crate::domain::money::Money;
use crate::domain::product::{
    Attribute, Brand, CATEGORY_SEPARATOR, Category, NumberKind, PriceRule, Product,
    ProductListItem, ProductMatch, ProductNumber, ProductSearch, StockLevel, Supplier,
    SupplierDraft, ValidProduct, VatRate, sale_price_of,
};
use crate::domain::quantity::{Quantity, Unit};
use crate::domain::search::fold;
use crate::error::{Error, Result};

/// Products sharing one number read at most: a family of analogues is a
/// handful, a popular OEM number a few dozen.
const EXACT_CANDIDATES: i64 = 300;
/// Rows of the leading word's range read at most before the other words are
/// checked: bounds the work for a short, common first word.
const LEAD_SCAN: i64 = 4_000;
/// A number fragment shorter than this matches too much to be a prefix.
const MIN_NUMBER_PREFIX: usize = 3;

/// The stored row of a product, as far as the code needs it to check a line.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct ProductRow {
    pub seq: i64,
    pub id: String,
    pub name: String,
    pub article: String,
    pub brand: Option<String>,
    pub unit: String,
    pub purchase_price: Option<i64>,
    pub fixed_price: Option<i64>,
    pub markup_bp: Option<i64>,
    pub vat: String,
    pub min_stock: Option<i64>,
    pub archived: bool,
}

const PRODUCT_ROW: &str = "SELECT p.seq, p.id, p.name, p.article, b.name AS brand, p.unit,
        p.purchase_price, p.fixed_price, p.markup_bp, p.vat, p.min_stock, p.archived
     FROM products p LEFT JOIN brands b ON b.id = p.brand_id";

impl ProductRow {
    pub fn unit(&self) -> Unit {
        Unit::parse(&self.unit).unwrap_or(Unit::Piece)
    }

    pub fn product_id(&self) -> Result<ProductId> {
        parse_id(&self.id)
    }

    pub fn price_rule(&self) -> PriceRule {
        match (self.fixed_price, self.markup_bp) {
            (Some(price), _) => PriceRule::Fixed(Money::from_kopecks(price)),
            (None, Some(bp)) => PriceRule::Markup(bp),
            (None, None) => PriceRule::Unset,
        }
    }

    pub fn purchase(&self) -> Option<Money> {
        self.purchase_price.map(Money::from_kopecks)
    }

    pub fn sale_price(&self) -> Option<Money> {
        sale_price_of(self.price_rule(), self.purchase())
    }
}

pub(crate) async fn row_by_id(conn: &mut SqliteConnection, id: ProductId) -> Result<ProductRow> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{PRODUCT_ROW} WHERE p.id = ?")))
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::not_found("product", id))
}

/// The product with this article of this brand (brand `None`: no brand).
pub(crate) async fn find_by_article(
    conn: &mut SqliteConnection,
    key: &str,
    brand: Option<BrandId>,
) -> Result<Option<(i64, ProductId)>> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT seq, id FROM products WHERE article_key = ? AND ifnull(brand_id, 0) = ?",
    )
    .bind(key)
    .bind(brand.map_or(0, |b| i64::from(b.0)))
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|(seq, id)| Ok((seq, parse_id(&id)?))).transpose()
}

/// The id of a brand by name, adding it to the list when new.
pub(crate) async fn brand_id(conn: &mut SqliteConnection, name: &str) -> Result<BrandId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO brands (name, name_key) VALUES (?, ?)
         ON CONFLICT (name_key) DO UPDATE SET archived = 0
         RETURNING id",
    )
    .bind(name)
    .bind(article_key(name))
    .fetch_one(&mut *conn)
    .await?;
    Ok(BrandId::from_row(id))
}

const PRODUCT_COLUMNS: &str = "name, name_key, article, article_key, brand_id, category_id, unit,
    purchase_price, fixed_price, markup_bp, vat, min_stock, supplier_id, notes, updated_at";

fn bind_product<'q>(
    query: sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments>,
    product: &'q ValidProduct,
    brand: Option<BrandId>,
    now: DateTime<Utc>,
) -> sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments> {
    let (fixed, markup) = match product.price_rule {
        PriceRule::Unset => (None, None),
        PriceRule::Fixed(price) => (Some(price.kopecks()), None),
        PriceRule::Markup(bp) => (None, Some(bp)),
    };
    query
        .bind(&product.name)
        .bind(fold(&product.name))
        .bind(&product.article)
        .bind(&product.article_key)
        .bind(brand.map(|b| i64::from(b.0)))
        .bind(product.category_id.map(|c| i64::from(c.0)))
        .bind(product.unit.as_str())
        .bind(product.purchase_price.map(Money::kopecks))
        .bind(fixed)
        .bind(markup)
        .bind(product.vat.as_str())
        .bind(product.min_stock.map(Quantity::milli))
        .bind(product.supplier_id.map(|s| i64::from(s.0)))
        .bind(&product.notes)
        .bind(now)
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    id: ProductId,
    product: &ValidProduct,
    brand: Option<BrandId>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let sql = format!(
        "INSERT INTO products (id, created_at, {PRODUCT_COLUMNS})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq"
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .bind(now);
    let seq: i64 = sqlx::Row::get(
        &bind_product(query, product, brand, now)
            .fetch_one(&mut *conn)
            .await?,
        0,
    );
    write_children(conn, seq, product).await?;
    Ok(seq)
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    seq: i64,
    product: &ValidProduct,
    brand: Option<BrandId>,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = format!(
        "UPDATE products SET {} WHERE seq = ?",
        crate::db::assignments(PRODUCT_COLUMNS)
    );
    let done = bind_product(sqlx::query(sqlx::AssertSqlSafe(sql)), product, brand, now)
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    one_row(done, "product", seq)?;
    for table in [
        "product_numbers",
        "product_barcodes",
        "product_attributes",
        "product_keys",
        "product_words",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE product_seq = ?"
        )))
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    }
    write_children(conn, seq, product).await
}

/// Numbers, barcodes and characteristics, and the index rows they give.
async fn write_children(
    conn: &mut SqliteConnection,
    seq: i64,
    product: &ValidProduct,
) -> Result<()> {
    for (position, number) in product.numbers.iter().enumerate() {
        sqlx::query(
            "INSERT INTO product_numbers (product_seq, position, kind, brand, number)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(seq)
        .bind(position as i64)
        .bind(number.kind.as_str())
        .bind(&number.brand)
        .bind(&number.number)
        .execute(&mut *conn)
        .await?;
        insert_key(conn, &number.key, seq, number.kind.as_str()).await?;
    }
    for (position, barcode) in product.barcodes.iter().enumerate() {
        sqlx::query(
            "INSERT INTO product_barcodes (product_seq, position, barcode) VALUES (?, ?, ?)",
        )
        .bind(seq)
        .bind(position as i64)
        .bind(barcode)
        .execute(&mut *conn)
        .await?;
        insert_key(conn, barcode, seq, "barcode").await?;
    }
    for (position, attribute) in product.attributes.iter().enumerate() {
        sqlx::query(
            "INSERT INTO product_attributes (product_seq, position, name, value) VALUES (?, ?, ?, ?)",
        )
        .bind(seq)
        .bind(position as i64)
        .bind(&attribute.name)
        .bind(&attribute.value)
        .execute(&mut *conn)
        .await?;
    }
    if !product.article_key.is_empty() {
        insert_key(conn, &product.article_key, seq, "article").await?;
    }
    let texts = [
        product.name.as_str(),
        product.brand.as_deref().unwrap_or(""),
    ]
    .into_iter()
    .chain(product.attributes.iter().map(|a| a.value.as_str()));
    for word in product_words(texts) {
        sqlx::query("INSERT OR IGNORE INTO product_words (word, product_seq) VALUES (?, ?)")
            .bind(word)
            .bind(seq)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn insert_key(conn: &mut SqliteConnection, key: &str, seq: i64, kind: &str) -> Result<()> {
    sqlx::query("INSERT OR IGNORE INTO product_keys (key, product_seq, kind) VALUES (?, ?, ?)")
        .bind(key)
        .bind(seq)
        .bind(kind)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) async fn set_archived(
    conn: &mut SqliteConnection,
    id: ProductId,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let done = sqlx::query("UPDATE products SET archived = ?, updated_at = ? WHERE id = ?")
        .bind(archived)
        .bind(now)
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    one_row(done, "product", id)
}

/// Sets the purchase price a receipt brought (a markup price follows it).
pub(crate) async fn set_purchase_price(
    conn: &mut SqliteConnection,
    seq: i64,
    price: Money,
) -> Result<()> {
    sqlx::query("UPDATE products SET purchase_price = ? WHERE seq = ?")
        .bind(price.kopecks())
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct CardRow {
    category_id: Option<i64>,
    supplier_id: Option<i64>,
    notes: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// Everything the product window shows.
pub(crate) async fn product(conn: &mut SqliteConnection, id: ProductId) -> Result<Product> {
    let row = row_by_id(conn, id).await?;
    let card: CardRow = sqlx::query_as(
        "SELECT category_id, supplier_id, notes, created_at, updated_at FROM products WHERE seq = ?",
    )
    .bind(row.seq)
    .fetch_one(&mut *conn)
    .await?;
    let numbers: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT kind, brand, number FROM product_numbers WHERE product_seq = ? ORDER BY position",
    )
    .bind(row.seq)
    .fetch_all(&mut *conn)
    .await?;
    let barcodes: Vec<String> = sqlx::query_scalar(
        "SELECT barcode FROM product_barcodes WHERE product_seq = ? ORDER BY position",
    )
    .bind(row.seq)
    .fetch_all(&mut *conn)
    .await?;
    let attributes: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, value FROM product_attributes WHERE product_seq = ? ORDER BY position",
    )
    .bind(row.seq)
    .fetch_all(&mut *conn)
    .await?;
    let stock = stock_of(conn, row.seq).await?;
    let category = match card.category_id {
        Some(category) => categories(conn, true)
            .await?
            .into_iter()
            .find(|c| i64::from(c.id.0) == category),
        None => None,
    };
    let supplier = match card.supplier_id {
        Some(supplier) => suppliers(conn, true)
            .await?
            .into_iter()
            .find(|s| i64::from(s.id.0) == supplier),
        None => None,
    };
    let on_hand = Quantity::from_milli(stock.iter().map(|s| s.on_hand.milli()).sum());
    Ok(Product {
        id,
        name: row.name.clone(),
        article: row.article.clone(),
        brand: row.brand.clone(),
        category,
        unit: row.unit(),
        numbers: numbers
            .into_iter()
            .map(|(kind, brand, number)| ProductNumber {
                kind: NumberKind::parse(&kind).unwrap_or(NumberKind::Cross),
                brand,
                number,
            })
            .collect(),
        barcodes,
        attributes: attributes
            .into_iter()
            .map(|(name, value)| Attribute { name, value })
            .collect(),
        purchase_price: row.purchase(),
        fixed_price: row.fixed_price.map(Money::from_kopecks),
        markup_basis_points: row.markup_bp.and_then(|bp| u32::try_from(bp).ok()),
        price: row.sale_price(),
        vat: VatRate::parse(&row.vat).unwrap_or(VatRate::Without),
        min_stock: row.min_stock.map(Quantity::from_milli),
        supplier,
        notes: card.notes,
        archived: row.archived,
        stock,
        on_hand,
        created_at: card.created_at,
        updated_at: card.updated_at,
    })
}

async fn stock_of(conn: &mut SqliteConnection, seq: i64) -> Result<Vec<StockLevel>> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT w.id, w.name, s.on_hand FROM stock_levels s
         JOIN warehouses w ON w.id = s.warehouse_id
         WHERE s.product_seq = ? ORDER BY w.id",
    )
    .bind(seq)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, warehouse, on_hand)| StockLevel {
            warehouse_id: WarehouseId::from_row(id),
            warehouse,
            on_hand: Quantity::from_milli(on_hand),
        })
        .collect())
}

/// A hit of the search before the rows are read.
#[derive(Debug, Clone, Copy)]
struct Hit {
    seq: i64,
    matched_by: ProductMatch,
    /// Lower ranks first: exact numbers, then number prefixes, then names.
    rank: u8,
}

/// The product list and the pickers: by a number in any spelling (analogues
/// included), a barcode, or words of the name, brand and characteristics.
pub(crate) async fn search(
    conn: &mut SqliteConnection,
    search: &ProductSearch,
) -> Result<Vec<ProductListItem>> {
    let limit = usize::try_from(search.limit.clamp(1, 500)).unwrap_or(50);
    let categories = match search.category_id {
        Some(root) => Some(subtree(conn, root).await?),
        None => None,
    };
    if search.query.trim().is_empty() {
        return list_page(conn, search, categories.as_deref(), limit).await;
    }
    // Twice the page: enough after archived and filtered products drop out.
    let candidates = i64::try_from(limit * 2).unwrap_or(100);
    let mut hits = number_hits(conn, &article_key(&search.query), candidates).await?;
    // A number typed in full is what the operator meant: its words (`OC`,
    // `90`) would only add noise, and scanning them costs time.
    if !hits.iter().any(|hit| hit.rank < PREFIX_RANK) {
        hits.extend(word_hits(conn, &query_words(&search.query), candidates).await?);
    }
    let mut seen = std::collections::HashSet::new();
    hits.retain(|hit| seen.insert(hit.seq));
    let rows = rows_of(conn, hits.iter().map(|h| h.seq)).await?;
    let mut items: Vec<(u8, ProductListItem, i64)> = Vec::new();
    for hit in &hits {
        let Some(row) = rows.get(&hit.seq) else {
            continue;
        };
        if !keeps(row, search, categories.as_deref()) {
            continue;
        }
        items.push((
            hit.rank,
            list_item(row, hit.matched_by)?,
            row.category_id.unwrap_or(0),
        ));
    }
    // Best match first; then what is in stock; then by name.
    items
        .sort_by_cached_key(|(rank, item, _)| (*rank, item.on_hand.milli() <= 0, fold(&item.name)));
    items.truncate(limit);
    let mut items: Vec<ProductListItem> = items.into_iter().map(|(_, item, _)| item).collect();
    fill_matched_numbers(conn, &mut items, &search.query).await?;
    Ok(items)
}

/// Ranks: the product's own article, another of its numbers, a number
/// prefix, a name.
const PREFIX_RANK: u8 = 2;
const NAME_RANK: u8 = 3;

async fn number_hits(conn: &mut SqliteConnection, key: &str, candidates: i64) -> Result<Vec<Hit>> {
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let exact: Vec<(i64, String)> =
        sqlx::query_as("SELECT product_seq, kind FROM product_keys WHERE key = ? LIMIT ?")
            .bind(key)
            .bind(EXACT_CANDIDATES)
            .fetch_all(&mut *conn)
            .await?;
    let mut hits: Vec<Hit> = exact
        .iter()
        .map(|(seq, kind)| {
            let matched_by = match_of(kind);
            let rank = if matched_by == ProductMatch::Article {
                0
            } else {
                1
            };
            Hit {
                seq: *seq,
                matched_by,
                rank,
            }
        })
        .collect();
    hits.sort_by_key(|h| h.rank);
    if key.chars().count() >= MIN_NUMBER_PREFIX {
        let prefixed: Vec<(i64, String)> = sqlx::query_as(
            "SELECT product_seq, kind FROM product_keys WHERE key > ? AND key < ? LIMIT ?",
        )
        .bind(key)
        .bind(format!("{key}{PREFIX_END}"))
        .bind(candidates)
        .fetch_all(&mut *conn)
        .await?;
        hits.extend(prefixed.iter().map(|(seq, kind)| Hit {
            seq: *seq,
            matched_by: match_of(kind),
            rank: PREFIX_RANK,
        }));
    }
    Ok(hits)
}

fn match_of(kind: &str) -> ProductMatch {
    match kind {
        "article" => ProductMatch::Article,
        "oem" => ProductMatch::Oem,
        "barcode" => ProductMatch::Barcode,
        _ => ProductMatch::Cross,
    }
}

/// Products having a word starting with each query word. The rarest word
/// leads the scan; the others are checked per candidate. When even the rarest
/// word is common, its first `LEAD_SCAN` rows are plenty for a page.
async fn word_hits(
    conn: &mut SqliteConnection,
    words: &[String],
    candidates: i64,
) -> Result<Vec<Hit>> {
    let Some(lead) = rarest(conn, words).await? else {
        return Ok(Vec::new());
    };
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT DISTINCT w.product_seq FROM
             (SELECT product_seq FROM product_words WHERE word >= ",
    );
    sql.push_bind(lead.clone())
        .push(" AND word < ")
        .push_bind(format!("{lead}{PREFIX_END}"))
        .push(" LIMIT ")
        .push_bind(LEAD_SCAN)
        .push(") w WHERE 1");
    for word in words.iter().filter(|w| *w != lead) {
        sql.push(
            " AND EXISTS (SELECT 1 FROM product_words x WHERE x.product_seq = w.product_seq AND x.word >= ",
        )
        .push_bind(word.clone())
        .push(" AND x.word < ")
        .push_bind(format!("{word}{PREFIX_END}"))
        .push(")");
    }
    sql.push(" LIMIT ").push_bind(candidates);
    let seqs: Vec<i64> = sql.build_query_scalar().fetch_all(&mut *conn).await?;
    Ok(seqs
        .into_iter()
        .map(|seq| Hit {
            seq,
            matched_by: ProductMatch::Name,
            rank: NAME_RANK,
        })
        .collect())
}

/// The query word with the fewest products (counted up to `LEAD_SCAN`).
async fn rarest<'w>(
    conn: &mut SqliteConnection,
    words: &'w [String],
) -> Result<Option<&'w String>> {
    if words.len() < 2 {
        return Ok(words.first());
    }
    let mut best: Option<(i64, &String)> = None;
    for word in words {
        let count: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM (SELECT 1 FROM product_words WHERE word >= ? AND word < ? LIMIT ?)",
        )
        .bind(word)
        .bind(format!("{word}{PREFIX_END}"))
        .bind(LEAD_SCAN)
        .fetch_one(&mut *conn)
        .await?;
        if best.is_none_or(|(fewest, _)| count < fewest) {
            best = Some((count, word));
        }
    }
    Ok(best.map(|(_, word)| word))
}

#[derive(Debug, sqlx::FromRow)]
struct ListRow {
    #[sqlx(flatten)]
    row: ProductRow,
    category_id: Option<i64>,
    on_hand: i64,
}

const LIST_ROW: &str = "SELECT p.seq, p.id, p.name, p.article, b.name AS brand, p.unit,
        p.purchase_price, p.fixed_price, p.markup_bp, p.vat, p.min_stock, p.archived,
        p.category_id,
        ifnull((SELECT sum(s.on_hand) FROM stock_levels s WHERE s.product_seq = p.seq), 0)
            AS on_hand
     FROM products p LEFT JOIN brands b ON b.id = p.brand_id";

async fn rows_of(
    conn: &mut SqliteConnection,
    seqs: impl Iterator<Item = i64>,
) -> Result<HashMap<i64, ListRow>> {
    let seqs: Vec<i64> = seqs.collect();
    if seqs.is_empty() {
        return Ok(HashMap::new());
    }
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(format!("{LIST_ROW} WHERE p.seq IN ("));
    push_seqs(&mut sql, seqs.into_iter());
    let rows: Vec<ListRow> = sql.build_query_as().fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(|r| (r.row.seq, r)).collect())
}

fn keeps(row: &ListRow, search: &ProductSearch, categories: Option<&[i64]>) -> bool {
    (search.include_archived || !row.row.archived)
        && categories.is_none_or(|list| row.category_id.is_some_and(|c| list.contains(&c)))
        && (!search.low_stock_only || is_low(row))
}

fn is_low(row: &ListRow) -> bool {
    row.row.min_stock.is_some_and(|min| row.on_hand < min)
}

fn list_item(row: &ListRow, matched_by: ProductMatch) -> Result<ProductListItem> {
    Ok(ProductListItem {
        id: row.row.product_id()?,
        name: row.row.name.clone(),
        article: row.row.article.clone(),
        brand: row.row.brand.clone(),
        unit: row.row.unit(),
        price: row.row.sale_price(),
        purchase_price: row.row.purchase(),
        on_hand: Quantity::from_milli(row.on_hand),
        min_stock: row.row.min_stock.map(Quantity::from_milli),
        low: is_low(row),
        archived: row.row.archived,
        matched_by,
        matched_number: None,
    })
}

/// The list without a query: by name, filtered.
async fn list_page(
    conn: &mut SqliteConnection,
    search: &ProductSearch,
    categories: Option<&[i64]>,
    limit: usize,
) -> Result<Vec<ProductListItem>> {
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
        "SELECT * FROM ({LIST_ROW} WHERE (p.archived = 0 OR "
    ));
    sql.push_bind(search.include_archived).push(")");
    if let Some(list) = categories {
        sql.push(" AND p.category_id IN (");
        push_seqs(&mut sql, list.iter().copied());
    }
    sql.push(" ORDER BY p.name_key) AS l");
    if search.low_stock_only {
        sql.push(" WHERE l.min_stock IS NOT NULL AND l.on_hand < l.min_stock");
    }
    sql.push(" LIMIT ").push_bind(limit as i64);
    let rows: Vec<ListRow> = sql.build_query_as().fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| list_item(row, ProductMatch::Name))
        .collect()
}

/// Shows which printed number a product was found by.
async fn fill_matched_numbers(
    conn: &mut SqliteConnection,
    items: &mut [ProductListItem],
    query: &str,
) -> Result<()> {
    let key = article_key(query);
    let wanted: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| matches!(item.matched_by, ProductMatch::Oem | ProductMatch::Cross))
        .map(|(i, _)| i)
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT p.id, n.brand, n.number FROM product_numbers n JOIN products p ON p.seq = n.product_seq
         WHERE p.id IN (",
    );
    let mut list = sql.separated(", ");
    for i in &wanted {
        list.push_bind(items[*i].id.to_string());
    }
    sql.push(")");
    let numbers: Vec<(String, String, String)> = sql.build_query_as().fetch_all(&mut *conn).await?;
    for i in wanted {
        let id = items[i].id.to_string();
        items[i].matched_number = numbers
            .iter()
            .find(|(owner, _, number)| *owner == id && article_key(number).starts_with(&key))
            .map(|(_, brand, number)| {
                if brand.is_empty() {
                    number.clone()
                } else {
                    format!("{brand} {number}")
                }
            });
    }
    Ok(())
}

/// A category and every category under it.
async fn subtree(conn: &mut SqliteConnection, root: CategoryId) -> Result<Vec<i64>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "WITH RECURSIVE tree(id) AS (
             SELECT ?
             UNION SELECT c.id FROM product_categories c JOIN tree t ON c.parent_id = t.id)
         SELECT id FROM tree",
    )
    .bind(i64::from(root.0))
    .fetch_all(&mut *conn)
    .await?;
    Ok(ids)
}

pub(crate) async fn brands(conn: &mut SqliteConnection) -> Result<Vec<Brand>> {
    let rows: Vec<(i64, String, bool, i64)> = sqlx::query_as(
        "SELECT b.id, b.name, b.archived,
                (SELECT count(*) FROM products p WHERE p.brand_id = b.id) AS products
         FROM brands b ORDER BY b.name_key",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, archived, products)| Brand {
            id: BrandId::from_row(id),
            name,
            archived,
            products: u32::try_from(products).unwrap_or(u32::MAX),
        })
        .collect())
}

pub(crate) async fn rename_brand(
    conn: &mut SqliteConnection,
    id: BrandId,
    name: &str,
) -> Result<()> {
    let done = sqlx::query("UPDATE brands SET name = ?, name_key = ? WHERE id = ?")
        .bind(name)
        .bind(article_key(name))
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    one_row(done, "brand", id)
}

pub(crate) async fn set_brand_archived(
    conn: &mut SqliteConnection,
    id: BrandId,
    archived: bool,
) -> Result<()> {
    let done = sqlx::query("UPDATE brands SET archived = ? WHERE id = ?")
        .bind(archived)
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    one_row(done, "brand", id)
}

/// Every category with its full path, tree order.
pub(crate) async fn categories(
    conn: &mut SqliteConnection,
    with_archived: bool,
) -> Result<Vec<Category>> {
    let rows: Vec<(i64, Option<i64>, String, bool)> = sqlx::query_as(
        "SELECT id, parent_id, name, archived FROM product_categories ORDER BY position, name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let by_id: HashMap<i64, &(i64, Option<i64>, String, bool)> =
        rows.iter().map(|row| (row.0, row)).collect();
    let path_of = |mut id: i64| {
        let mut names = Vec::new();
        while let Some((_, parent, name, _)) = by_id.get(&id) {
            names.push(name.as_str());
            match parent {
                Some(parent) if names.len() < 16 => id = *parent,
                _ => break,
            }
        }
        names.reverse();
        names.join(CATEGORY_SEPARATOR)
    };
    let mut list: Vec<Category> = rows
        .iter()
        .filter(|row| with_archived || !row.3)
        .map(|(id, parent, name, archived)| Category {
            id: CategoryId::from_row(*id),
            parent_id: parent.map(CategoryId::from_row),
            name: name.clone(),
            path: path_of(*id),
            archived: *archived,
        })
        .collect();
    list.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(list)
}

pub(crate) async fn add_category(
    conn: &mut SqliteConnection,
    parent: Option<CategoryId>,
    name: &str,
) -> Result<CategoryId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO product_categories (parent_id, name, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM product_categories
                          WHERE ifnull(parent_id, 0) = ifnull(?1, 0)))
         ON CONFLICT DO UPDATE SET archived = 0
         RETURNING id",
    )
    .bind(parent.map(|p| i64::from(p.0)))
    .bind(name)
    .fetch_one(&mut *conn)
    .await?;
    Ok(CategoryId::from_row(id))
}

pub(crate) async fn rename_category(
    conn: &mut SqliteConnection,
    id: CategoryId,
    name: &str,
) -> Result<()> {
    let done = sqlx::query("UPDATE product_categories SET name = ? WHERE id = ?")
        .bind(name)
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    one_row(done, "category", id)
}

pub(crate) async fn set_category_archived(
    conn: &mut SqliteConnection,
    id: CategoryId,
    archived: bool,
) -> Result<()> {
    let done = sqlx::query("UPDATE product_categories SET archived = ? WHERE id = ?")
        .bind(archived)
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    one_row(done, "category", id)
}

/// The category a `Фильтры / Масляные` path names, creating missing levels.
pub(crate) async fn category_by_path(
    conn: &mut SqliteConnection,
    path: &str,
) -> Result<Option<CategoryId>> {
    let mut parent: Option<CategoryId> = None;
    for name in path
        .split(['/', '\\', '>'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let existing: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM product_categories WHERE ifnull(parent_id, 0) = ? AND lower(name) = lower(?)",
        )
        .bind(parent.map_or(0, |p| i64::from(p.0)))
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
        parent = Some(match existing {
            Some(id) => CategoryId::from_row(id),
            None => add_category(conn, parent, name).await?,
        });
    }
    Ok(parent)
}

pub(crate) async fn suppliers(
    conn: &mut SqliteConnection,
    with_archived: bool,
) -> Result<Vec<Supplier>> {
    let rows: Vec<(i64, String, String, String, String, String, bool)> = sqlx::query_as(
        "SELECT id, name, inn, phone, email, notes, archived FROM suppliers
         WHERE ? OR archived = 0 ORDER BY name",
    )
    .bind(with_archived)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, inn, phone, email, notes, archived)| Supplier {
            id: SupplierId::from_row(id),
            name,
            inn,
            phone,
            email,
            notes,
            archived,
        })
        .collect())
}

pub(crate) async fn save_supplier(
    conn: &mut SqliteConnection,
    id: Option<SupplierId>,
    supplier: &SupplierDraft,
) -> Result<SupplierId> {
    let query = match id {
        Some(id) => sqlx::query_scalar(
            "UPDATE suppliers SET name = ?, inn = ?, phone = ?, email = ?, notes = ? WHERE id = ? RETURNING id",
        )
        .bind(&supplier.name)
        .bind(&supplier.inn)
        .bind(&supplier.phone)
        .bind(&supplier.email)
        .bind(&supplier.notes)
        .bind(i64::from(id.0)),
        None => sqlx::query_scalar(
            "INSERT INTO suppliers (name, inn, phone, email, notes) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (name) DO UPDATE SET archived = 0 RETURNING id",
        )
        .bind(&supplier.name)
        .bind(&supplier.inn)
        .bind(&supplier.phone)
        .bind(&supplier.email)
        .bind(&supplier.notes),
    };
    let saved: Option<i64> = query.fetch_optional(&mut *conn).await?;
    saved
        .map(SupplierId::from_row)
        .ok_or_else(|| Error::not_found("supplier", id.map_or(0, |i| i.0)))
}

pub(crate) async fn set_supplier_archived(
    conn: &mut SqliteConnection,
    id: SupplierId,
    archived: bool,
) -> Result<()> {
    let done = sqlx::query("UPDATE suppliers SET archived = ? WHERE id = ?")
        .bind(archived)
        .bind(i64::from(id.0))
        .execute(&mut *conn)
        .await?;
    one_row(done, "supplier", id)
}

/// All products for an export, in name order, with the texts the export writes.
pub(crate) async fn all_ids(conn: &mut SqliteConnection) -> Result<Vec<ProductId>> {
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM products ORDER BY name_key")
        .fetch_all(&mut *conn)
        .await?;
    ids.iter().map(|id| parse_id(id)).collect()
}

pub(crate) async fn count(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM products")
        .fetch_one(&mut *conn)
        .await?)
}

// ---------------------------------------------------------------------------
// Many products at once: the import and the export of the nomenclature.

/// Binds per statement of a batch insert, well below SQLite's 32 766.
const MAX_BINDS: usize = 30_000;

/// A product as stored, with its numbers, barcodes and characteristics: what
/// an import merges a row of a file into, and what an export writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredProduct {
    pub seq: i64,
    pub name: String,
    pub article: String,
    pub brand: Option<String>,
    pub category_id: Option<CategoryId>,
    pub unit: Unit,
    pub purchase_price: Option<Money>,
    pub price_rule: PriceRule,
    pub vat: VatRate,
    pub min_stock: Option<Quantity>,
    pub supplier_id: Option<SupplierId>,
    pub notes: String,
    pub numbers: Vec<ProductNumber>,
    pub barcodes: Vec<String>,
    pub attributes: Vec<Attribute>,
}

#[derive(sqlx::FromRow)]
struct StoredRow {
    seq: i64,
    name: String,
    article: String,
    brand: Option<String>,
    category_id: Option<i64>,
    unit: String,
    purchase_price: Option<i64>,
    fixed_price: Option<i64>,
    markup_bp: Option<i64>,
    vat: String,
    min_stock: Option<i64>,
    supplier_id: Option<i64>,
    notes: String,
}

const STORED_ROW: &str = "SELECT p.seq, p.name, p.article, b.name AS brand, p.category_id,
        p.unit, p.purchase_price, p.fixed_price, p.markup_bp, p.vat, p.min_stock,
        p.supplier_id, p.notes
     FROM products p LEFT JOIN brands b ON b.id = p.brand_id";

/// Brand ids by their `name_key` (`MANN-FILTER` and `Mann Filter` are one brand).
pub(crate) async fn brand_ids(conn: &mut SqliteConnection) -> Result<HashMap<String, BrandId>> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT name_key, id FROM brands")
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(key, id)| (key, BrandId::from_row(id)))
        .collect())
}

/// The `seq` of every product with an article, by (article key, brand id or 0).
pub(crate) async fn article_index(
    conn: &mut SqliteConnection,
) -> Result<HashMap<(String, i64), i64>> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT article_key, ifnull(brand_id, 0), seq FROM products WHERE article_key <> ''",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(key, brand, seq)| ((key, brand), seq))
        .collect())
}

/// The products with these `seq`s, or (`None`) every product in name order.
pub(crate) async fn stored_products(
    conn: &mut SqliteConnection,
    seqs: Option<&[i64]>,
) -> Result<Vec<StoredProduct>> {
    let mut rows: Vec<StoredRow> = Vec::new();
    let mut numbers: Vec<(i64, String, String, String)> = Vec::new();
    let mut barcodes: Vec<(i64, String)> = Vec::new();
    let mut attributes: Vec<(i64, String, String)> = Vec::new();
    const NUMBERS: &str = "SELECT product_seq, kind, brand, number FROM product_numbers";
    const BARCODES: &str = "SELECT product_seq, barcode FROM product_barcodes";
    const ATTRIBUTES: &str = "SELECT product_seq, name, value FROM product_attributes";
    const ORDER: &str = " ORDER BY product_seq, position";
    match seqs {
        None => {
            let sql = format!("{STORED_ROW} ORDER BY p.name_key, p.seq");
            rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .fetch_all(&mut *conn)
                .await?;
            numbers = sqlx::query_as(sqlx::AssertSqlSafe(format!("{NUMBERS}{ORDER}")))
                .fetch_all(&mut *conn)
                .await?;
            barcodes = sqlx::query_as(sqlx::AssertSqlSafe(format!("{BARCODES}{ORDER}")))
                .fetch_all(&mut *conn)
                .await?;
            attributes = sqlx::query_as(sqlx::AssertSqlSafe(format!("{ATTRIBUTES}{ORDER}")))
                .fetch_all(&mut *conn)
                .await?;
        }
        Some(seqs) => {
            for chunk in seqs.chunks(MAX_BINDS) {
                let mut sql: QueryBuilder<Sqlite> =
                    QueryBuilder::new(format!("{STORED_ROW} WHERE p.seq IN ("));
                push_seqs(&mut sql, chunk.iter().copied());
                rows.extend(
                    sql.build_query_as::<StoredRow>()
                        .fetch_all(&mut *conn)
                        .await?,
                );
                let mut sql: QueryBuilder<Sqlite> =
                    QueryBuilder::new(format!("{NUMBERS} WHERE product_seq IN ("));
                push_seqs(&mut sql, chunk.iter().copied());
                sql.push(ORDER);
                numbers.extend(sql.build_query_as().fetch_all(&mut *conn).await?);
                let mut sql: QueryBuilder<Sqlite> =
                    QueryBuilder::new(format!("{BARCODES} WHERE product_seq IN ("));
                push_seqs(&mut sql, chunk.iter().copied());
                sql.push(ORDER);
                barcodes.extend(sql.build_query_as().fetch_all(&mut *conn).await?);
                let mut sql: QueryBuilder<Sqlite> =
                    QueryBuilder::new(format!("{ATTRIBUTES} WHERE product_seq IN ("));
                push_seqs(&mut sql, chunk.iter().copied());
                sql.push(ORDER);
                attributes.extend(sql.build_query_as().fetch_all(&mut *conn).await?);
            }
        }
    }
    let mut numbers_of: HashMap<i64, Vec<ProductNumber>> = HashMap::new();
    for (seq, kind, brand, number) in numbers {
        numbers_of.entry(seq).or_default().push(ProductNumber {
            kind: NumberKind::parse(&kind).unwrap_or(NumberKind::Cross),
            brand,
            number,
        });
    }
    let mut barcodes_of: HashMap<i64, Vec<String>> = HashMap::new();
    for (seq, barcode) in barcodes {
        barcodes_of.entry(seq).or_default().push(barcode);
    }
    let mut attributes_of: HashMap<i64, Vec<Attribute>> = HashMap::new();
    for (seq, name, value) in attributes {
        attributes_of
            .entry(seq)
            .or_default()
            .push(Attribute { name, value });
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let price_rule = match (row.fixed_price, row.markup_bp) {
                (Some(price), _) => PriceRule::Fixed(Money::from_kopecks(price)),
                (None, Some(bp)) => PriceRule::Markup(bp),
                (None, None) => PriceRule::Unset,
            };
            StoredProduct {
                seq: row.seq,
                name: row.name,
                article: row.article,
                brand: row.brand,
                category_id: row.category_id.map(CategoryId::from_row),
                unit: Unit::parse(&row.unit).unwrap_or(Unit::Piece),
                purchase_price: row.purchase_price.map(Money::from_kopecks),
                price_rule,
                vat: VatRate::parse(&row.vat).unwrap_or(VatRate::Without),
                min_stock: row.min_stock.map(Quantity::from_milli),
                supplier_id: row.supplier_id.map(SupplierId::from_row),
                notes: row.notes,
                numbers: numbers_of.remove(&row.seq).unwrap_or_default(),
                barcodes: barcodes_of.remove(&row.seq).unwrap_or_default(),
                attributes: attributes_of.remove(&row.seq).unwrap_or_default(),
            }
        })
        .collect())
}

/// The `seq` the next new product gets; call it inside the write transaction.
pub(crate) async fn next_seq(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT ifnull(max(seq), 0) + 1 FROM products")
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// A product an import writes.
pub(crate) struct ImportedProduct<'a> {
    pub seq: i64,
    /// A new product's id; `None` updates the product `seq`.
    pub new_id: Option<ProductId>,
    pub product: &'a ValidProduct,
    pub brand: Option<BrandId>,
    /// False for an update that leaves the numbers, barcodes, characteristics,
    /// name, brand and article as they are: its child and index rows stay.
    pub children: bool,
}

/// Writes a batch of an import in a few statements: the new products' rows,
/// the changed rows of existing ones, and for all of them the numbers,
/// barcodes, characteristics and index rows — the same rows [`insert`] and
/// [`update`] write one product at a time (see `write_children`).
pub(crate) async fn write_imported(
    conn: &mut SqliteConnection,
    batch: &[ImportedProduct<'_>],
    now: DateTime<Utc>,
) -> Result<()> {
    let new: Vec<(&ImportedProduct<'_>, ProductId)> = batch
        .iter()
        .filter_map(|p| p.new_id.map(|id| (p, id)))
        .collect();
    let product_binds = PRODUCT_COLUMNS.split(',').count();
    for chunk in new.chunks(MAX_BINDS / (product_binds + 3)) {
        let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
            "INSERT INTO products (seq, id, created_at, {PRODUCT_COLUMNS}) "
        ));
        sql.push_values(chunk, |mut row, (imported, id)| {
            row.push_bind(imported.seq)
                .push_bind(id.to_string())
                .push_bind(now);
            push_product(&mut row, imported, now);
        });
        sql.build().execute(&mut *conn).await?;
    }
    let updated: Vec<&ImportedProduct<'_>> = batch.iter().filter(|p| p.new_id.is_none()).collect();
    // `UPDATE … FROM (VALUES …)`: one statement per chunk; `column1` is the seq.
    let assignments: Vec<String> = PRODUCT_COLUMNS
        .split(',')
        .map(str::trim)
        .zip(2..)
        .map(|(column, index)| format!("{column} = v.column{index}"))
        .collect();
    for chunk in updated.chunks(MAX_BINDS / (product_binds + 1)) {
        let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
            "UPDATE products SET {} FROM (",
            assignments.join(", ")
        ));
        sql.push_values(chunk, |mut row, imported| {
            row.push_bind(imported.seq);
            push_product(&mut row, imported, now);
        });
        sql.push(") AS v WHERE products.seq = v.column1");
        let done = sql.build().execute(&mut *conn).await?;
        if done.rows_affected() != chunk.len() as u64 {
            return Err(Error::not_found(
                "product",
                chunk.first().map_or(0, |p| p.seq),
            ));
        }
    }
    let rewritten: Vec<i64> = updated
        .iter()
        .filter(|p| p.children)
        .map(|p| p.seq)
        .collect();
    for chunk in rewritten.chunks(MAX_BINDS) {
        for table in [
            "product_numbers",
            "product_barcodes",
            "product_attributes",
            "product_keys",
            "product_words",
        ] {
            let mut sql: QueryBuilder<Sqlite> =
                QueryBuilder::new(format!("DELETE FROM {table} WHERE product_seq IN ("));
            push_seqs(&mut sql, chunk.iter().copied());
            sql.build().execute(&mut *conn).await?;
        }
    }
    write_many_children(conn, batch).await
}

/// The values of [`PRODUCT_COLUMNS`], as [`bind_product`] binds them.
fn push_product(
    row: &mut sqlx::query_builder::Separated<'_, Sqlite, &'static str>,
    imported: &ImportedProduct<'_>,
    now: DateTime<Utc>,
) {
    let product = imported.product;
    let (fixed, markup) = match product.price_rule {
        PriceRule::Unset => (None, None),
        PriceRule::Fixed(price) => (Some(price.kopecks()), None),
        PriceRule::Markup(bp) => (None, Some(bp)),
    };
    row.push_bind(product.name.as_str())
        .push_bind(fold(&product.name))
        .push_bind(product.article.as_str())
        .push_bind(product.article_key.as_str())
        .push_bind(imported.brand.map(|b| i64::from(b.0)))
        .push_bind(product.category_id.map(|c| i64::from(c.0)))
        .push_bind(product.unit.as_str())
        .push_bind(product.purchase_price.map(Money::kopecks))
        .push_bind(fixed)
        .push_bind(markup)
        .push_bind(product.vat.as_str())
        .push_bind(product.min_stock.map(Quantity::milli))
        .push_bind(product.supplier_id.map(|s| i64::from(s.0)))
        .push_bind(product.notes.as_str())
        .push_bind(now);
}

/// `write_children` for a batch of products.
async fn write_many_children(
    conn: &mut SqliteConnection,
    batch: &[ImportedProduct<'_>],
) -> Result<()> {
    let mut numbers: Vec<(i64, i64, &str, &str, &str)> = Vec::new();
    let mut barcodes: Vec<(i64, i64, &str)> = Vec::new();
    let mut attributes: Vec<(i64, i64, &str, &str)> = Vec::new();
    let mut keys: Vec<(&str, i64, &str)> = Vec::new();
    let mut words: Vec<(String, i64)> = Vec::new();
    for imported in batch.iter().filter(|p| p.new_id.is_some() || p.children) {
        let (seq, product) = (imported.seq, imported.product);
        for (position, number) in (0..).zip(&product.numbers) {
            let kind = number.kind.as_str();
            numbers.push((seq, position, kind, &number.brand, &number.number));
            keys.push((&number.key, seq, kind));
        }
        for (position, barcode) in (0..).zip(&product.barcodes) {
            barcodes.push((seq, position, barcode));
            keys.push((barcode, seq, "barcode"));
        }
        for (position, attribute) in (0..).zip(&product.attributes) {
            attributes.push((seq, position, &attribute.name, &attribute.value));
        }
        if !product.article_key.is_empty() {
            keys.push((&product.article_key, seq, "article"));
        }
        let texts = [
            product.name.as_str(),
            product.brand.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .chain(product.attributes.iter().map(|a| a.value.as_str()));
        words.extend(product_words(texts).into_iter().map(|word| (word, seq)));
    }
    for chunk in numbers.chunks(MAX_BINDS / 5) {
        let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO product_numbers (product_seq, position, kind, brand, number) ",
        );
        sql.push_values(chunk, |mut row, (seq, position, kind, brand, number)| {
            row.push_bind(*seq)
                .push_bind(*position)
                .push_bind(*kind)
                .push_bind(*brand)
                .push_bind(*number);
        });
        sql.build().execute(&mut *conn).await?;
    }
    for chunk in barcodes.chunks(MAX_BINDS / 3) {
        let mut sql: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT INTO product_barcodes (product_seq, position, barcode) ");
        sql.push_values(chunk, |mut row, (seq, position, barcode)| {
            row.push_bind(*seq).push_bind(*position).push_bind(*barcode);
        });
        sql.build().execute(&mut *conn).await?;
    }
    for chunk in attributes.chunks(MAX_BINDS / 4) {
        let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO product_attributes (product_seq, position, name, value) ",
        );
        sql.push_values(chunk, |mut row, (seq, position, name, value)| {
            row.push_bind(*seq)
                .push_bind(*position)
                .push_bind(*name)
                .push_bind(*value);
        });
        sql.build().execute(&mut *conn).await?;
    }
    for chunk in keys.chunks(MAX_BINDS / 3) {
        let mut sql: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT OR IGNORE INTO product_keys (key, product_seq, kind) ");
        sql.push_values(chunk, |mut row, (key, seq, kind)| {
            row.push_bind(*key).push_bind(*seq).push_bind(*kind);
        });
        sql.build().execute(&mut *conn).await?;
    }
    for chunk in words.chunks(MAX_BINDS / 2) {
        let mut sql: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT OR IGNORE INTO product_words (word, product_seq) ");
        sql.push_values(chunk, |mut row, (word, seq)| {
            row.push_bind(word.as_str()).push_bind(*seq);
        });
        sql.build().execute(&mut *conn).await?;
    }
    Ok(())
}
