//! The search index and the client list. Terms come from `domain::search`;
//! here they are stored and looked up by prefix, one index range per spelling.

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::db::parse_id;
use crate::domain::client::{
    ClientKind, ClientListItem, ClientSearchResult, MatchedBy, ValidClient, VehicleBrief,
    display_name,
};
use crate::domain::ids::{ClientId, VehicleId};
use crate::domain::search::{
    QueryPlan, QueryWord, SearchQuery, SearchTerm, client_terms, name_sort_keys, vehicle_terms,
};
use crate::domain::vehicle::ValidVehicle;
use crate::error::Result;

/// Bumped whenever `domain::search` changes what it stores: the index is then
/// rebuilt on the next start.
pub(crate) const INDEX_VERSION: &str = "3";

/// Sorts after every character a term can hold, closing a prefix range.
pub(crate) const PREFIX_END: char = '\u{10FFFF}';

pub(crate) async fn index_client(
    conn: &mut SqliteConnection,
    client_seq: i64,
    client: &ValidClient,
) -> Result<()> {
    sqlx::query("DELETE FROM search_terms WHERE client_seq = ? AND vehicle_seq = 0")
        .bind(client_seq)
        .execute(&mut *conn)
        .await?;
    let owner = owner_keys(conn, client_seq).await?;
    insert_terms(conn, client_seq, 0, &client_terms(client), owner).await?;
    // The name may have changed: the cars' terms sort by it too.
    set_owner_keys(conn, client_seq, owner).await
}

pub(crate) async fn index_vehicle(
    conn: &mut SqliteConnection,
    client_seq: i64,
    vehicle_seq: i64,
    vehicle: &ValidVehicle,
) -> Result<()> {
    // A car's terms always sit under its current owner (see `move_vehicle_terms`),
    // so both halves of the owner index narrow the delete.
    sqlx::query("DELETE FROM search_terms WHERE client_seq = ? AND vehicle_seq = ?")
        .bind(client_seq)
        .bind(vehicle_seq)
        .execute(&mut *conn)
        .await?;
    let owner = owner_keys(conn, client_seq).await?;
    insert_terms(
        conn,
        client_seq,
        vehicle_seq,
        &vehicle_terms(vehicle),
        owner,
    )
    .await
}

/// Moves every car term of one client to another (a car changed hands, or two
/// clients were merged).
pub(crate) async fn move_vehicle_terms(
    conn: &mut SqliteConnection,
    vehicle_seq: Option<i64>,
    from_client: i64,
    to_client: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE search_terms SET client_seq = ?1
         WHERE client_seq = ?2 AND vehicle_seq <> 0 AND (?3 IS NULL OR vehicle_seq = ?3)",
    )
    .bind(to_client)
    .bind(from_client)
    .bind(vehicle_seq)
    .execute(&mut *conn)
    .await?;
    refresh_owner(conn, to_client).await
}

/// What every term of a client carries: its name order and whether it is listed.
#[derive(Debug, Clone, Copy)]
struct OwnerKeys {
    name_key: i64,
    name_key2: i64,
    listed: bool,
}

async fn owner_keys(conn: &mut SqliteConnection, client_seq: i64) -> Result<OwnerKeys> {
    let (search_name, archived): (String, bool) =
        sqlx::query_as("SELECT search_name, archived_at IS NOT NULL FROM clients WHERE seq = ?")
            .bind(client_seq)
            .fetch_one(&mut *conn)
            .await?;
    let (name_key, name_key2) = name_sort_keys(&search_name);
    Ok(OwnerKeys {
        name_key,
        name_key2,
        listed: !archived,
    })
}

async fn set_owner_keys(
    conn: &mut SqliteConnection,
    client_seq: i64,
    owner: OwnerKeys,
) -> Result<()> {
    sqlx::query(
        "UPDATE search_terms SET name_key = ?, name_key2 = ?, listed = ?
         WHERE client_seq = ? AND (name_key, name_key2, listed) IS NOT (?, ?, ?)",
    )
    .bind(owner.name_key)
    .bind(owner.name_key2)
    .bind(owner.listed)
    .bind(client_seq)
    .bind(owner.name_key)
    .bind(owner.name_key2)
    .bind(owner.listed)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Copies the client's name order and listed flag onto all its terms (its
/// own and its cars'), after an archive or a hand-over.
pub(crate) async fn refresh_owner(conn: &mut SqliteConnection, client_seq: i64) -> Result<()> {
    let owner = owner_keys(conn, client_seq).await?;
    set_owner_keys(conn, client_seq, owner).await
}

pub(crate) async fn drop_client_terms(conn: &mut SqliteConnection, client_seq: i64) -> Result<()> {
    sqlx::query("DELETE FROM search_terms WHERE client_seq = ?")
        .bind(client_seq)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn insert_terms(
    conn: &mut SqliteConnection,
    client_seq: i64,
    vehicle_seq: i64,
    terms: &[SearchTerm],
    owner: OwnerKeys,
) -> Result<()> {
    // One statement per batch: thousands of single inserts would dominate imports.
    for chunk in terms.chunks(150) {
        let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT OR IGNORE INTO search_terms
                 (term, client_seq, vehicle_seq, weight, matched_by, name_key, name_key2, listed) ",
        );
        sql.push_values(chunk, |mut row, term| {
            row.push_bind(term.term.clone())
                .push_bind(client_seq)
                .push_bind(vehicle_seq)
                .push_bind(i64::from(term.weight))
                .push_bind(term.matched_by.code())
                .push_bind(owner.name_key)
                .push_bind(owner.name_key2)
                .push_bind(owner.listed);
        });
        sql.build().execute(&mut *conn).await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct HitRow {
    seq: i64,
    rank: Option<i64>,
    vehicle_seq: Option<i64>,
    matched_by: Option<i64>,
    total: i64,
}

/// One page of clients matching `query`, best first: exact phones, plates,
/// VINs and ИНН, then names, then fragments, then contacts and tags; within a
/// rank by name.
pub(crate) async fn search(
    conn: &mut SqliteConnection,
    query: &SearchQuery,
    limit: u32,
    include_archived: bool,
) -> Result<ClientSearchResult> {
    let hits: Vec<HitRow> = if query.is_all() {
        list_page(conn, limit, include_archived).await?
    } else {
        let mut sql = ranked_hits(query, include_archived);

        sql.push(" LIMIT ").push_bind(i64::from(limit));

        sql.build_query_as().fetch_all(&mut *conn).await?
    };
    let total = match hits.first() {
        Some(first) => u32::try_from(first.total).unwrap_or(u32::MAX),
        None => 0,
    };
    let items = hydrate(conn, &hits).await?;
    Ok(ClientSearchResult { items, total })
}

async fn list_page(
    conn: &mut SqliteConnection,
    limit: u32,
    include_archived: bool,
) -> Result<Vec<HitRow>> {
    // The index on (search_name, id) lets the page stop after `limit` rows;
    // counting is a separate, cheap scan of the same index.
    let mut rows: Vec<HitRow> = sqlx::query_as(
        "SELECT seq, NULL AS rank, NULL AS vehicle_seq, NULL AS matched_by, 0 AS total
         FROM clients WHERE merged_into IS NULL AND (?1 OR archived_at IS NULL)
         ORDER BY search_name, id LIMIT ?2",
    )
    .bind(include_archived)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    let total: i64 = if rows.len() < limit as usize {
        rows.len() as i64
    } else {
        sqlx::query_scalar(
            "SELECT count(*) FROM clients WHERE merged_into IS NULL AND (?1 OR archived_at IS NULL)",
        )
        .bind(include_archived)
        .fetch_one(&mut *conn)
        .await?
    };
    for row in &mut rows {
        row.total = total;
    }
    Ok(rows)
}

/// Every plan's matches, the best rank per client, in list order. The terms
/// carry the name order and the listed flag, so no client row is read here.
fn ranked_hits(query: &SearchQuery, include_archived: bool) -> QueryBuilder<Sqlite> {
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new("WITH hits AS (");
    for (index, plan) in query.plans.iter().enumerate() {
        if index > 0 {
            sql.push(" UNION ALL ");
        }
        push_plan(&mut sql, plan, include_archived);
    }
    // SQLite takes the bare columns of a MIN() aggregate from the row holding the minimum.
    sql.push(
        "), best AS (SELECT client_seq, MIN(rank) AS rank, vehicle_seq, matched_by,
                            name_key, name_key2
                     FROM hits GROUP BY client_seq)
         SELECT client_seq AS seq, rank, vehicle_seq, matched_by, count(*) OVER () AS total
         FROM best ORDER BY rank, name_key, name_key2, client_seq",
    );
    sql
}

/// One word finds the candidates with their rank; every other word must match
/// a term of the same client. The lead is the first word of three letters or
/// more: people type the surname first, and surnames are far more varied than
/// first names. Only the other words may also be patronymics.
fn push_plan(sql: &mut QueryBuilder<Sqlite>, plan: &QueryPlan, include_archived: bool) {
    let letters = |word: &&QueryWord| word.0.iter().map(|s| s.chars().count()).min().unwrap_or(0);
    let Some(lead) = plan
        .iter()
        .find(|word| letters(word) >= 3)
        .or_else(|| plan.iter().max_by_key(letters))
    else {
        return;
    };
    sql.push("SELECT client_seq, weight * 2 + (term NOT IN (");
    let mut spellings = sql.separated(", ");
    for spelling in &lead.0 {
        spellings.push_bind(spelling.clone());
    }
    sql.push(")) AS rank, vehicle_seq, matched_by, name_key, name_key2 FROM search_terms WHERE ");
    push_prefixes(sql, &lead.0);
    if !include_archived {
        sql.push(" AND listed = 1");
    }
    for word in plan.iter().filter(|word| !std::ptr::eq(*word, lead)) {
        // The unary plus keeps SQLite from driving the search by this (larger)
        // set through the owner index: it stays a membership test.
        sql.push(" AND +client_seq IN (SELECT client_seq FROM search_terms WHERE ");
        push_prefixes(sql, &word.with_patronymic());
        sql.push(")");
    }
}

fn push_prefixes(sql: &mut QueryBuilder<Sqlite>, spellings: &[String]) {
    sql.push("(");
    for (index, spelling) in spellings.iter().enumerate() {
        if index > 0 {
            sql.push(" OR ");
        }
        sql.push("(term >= ")
            .push_bind(spelling.clone())
            .push(" AND term < ")
            .push_bind(format!("{spelling}{PREFIX_END}"))
            .push(")");
    }
    sql.push(")");
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    seq: i64,
    id: String,
    kind: String,
    surname: String,
    name: String,
    patronymic: String,
    short_name: String,
    full_name: String,
    inn: String,
    email: Option<String>,
    notes: String,
    archived_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    primary_phone: Option<String>,
    phone_count: i64,
    tags: Option<String>,
}

#[derive(sqlx::FromRow)]
struct BriefRow {
    seq: i64,
    owner_seq: i64,
    id: String,
    plate: Option<String>,
    vin: Option<String>,
    make: String,
    model: String,
    year: Option<i64>,
}

/// The list rows of a page of hits, in the hits' order.
async fn hydrate(conn: &mut SqliteConnection, hits: &[HitRow]) -> Result<Vec<ClientListItem>> {
    if hits.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT c.seq, c.id, c.kind, c.surname, c.name, c.patronymic, c.short_name, c.full_name,
                c.inn, c.email, c.notes, c.archived_at, c.created_at,
                (SELECT p.e164 FROM client_phones p WHERE p.client_id = c.id AND p.is_primary = 1)
                    AS primary_phone,
                (SELECT count(*) FROM client_phones p WHERE p.client_id = c.id) AS phone_count,
                (SELECT group_concat(t.tag, char(31)) FROM client_tags t WHERE t.client_id = c.id)
                    AS tags
         FROM clients c WHERE c.seq IN (",
    );
    push_seqs(&mut sql, hits.iter().map(|h| h.seq));
    let rows: Vec<ItemRow> = sql.build_query_as().fetch_all(&mut *conn).await?;
    let mut cars: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT v.seq, c.seq AS owner_seq, v.id, v.plate, v.vin, v.make, v.model, v.year
         FROM vehicles v JOIN clients c ON c.id = v.owner_id WHERE c.seq IN (",
    );
    push_seqs(&mut cars, hits.iter().map(|h| h.seq));
    let cars: Vec<BriefRow> = cars.build_query_as().fetch_all(&mut *conn).await?;
    hits.iter()
        .filter_map(|hit| rows.iter().find(|r| r.seq == hit.seq).map(|row| (hit, row)))
        .map(|(hit, row)| list_item(hit, row, &cars))
        .collect()
}

pub(crate) fn push_seqs(sql: &mut QueryBuilder<Sqlite>, seqs: impl Iterator<Item = i64>) {
    let mut list = sql.separated(", ");
    for seq in seqs {
        list.push_bind(seq);
    }
    sql.push(")");
}

fn list_item(hit: &HitRow, row: &ItemRow, cars: &[BriefRow]) -> Result<ClientListItem> {
    let kind = ClientKind::parse(&row.kind).unwrap_or_default();
    let vehicles = cars
        .iter()
        .filter(|car| car.owner_seq == row.seq)
        .map(brief)
        .collect::<Result<Vec<_>>>()?;
    let matched_vehicle = hit
        .vehicle_seq
        .filter(|seq| *seq != 0)
        .and_then(|seq| cars.iter().find(|car| car.seq == seq))
        .map(|car| parse_id::<VehicleId>(&car.id))
        .transpose()?;
    Ok(ClientListItem {
        id: parse_id::<ClientId>(&row.id)?,
        kind,
        display_name: display_name(
            kind,
            [&row.surname, &row.name, &row.patronymic],
            [&row.short_name, &row.full_name],
        ),
        inn: row.inn.clone(),
        primary_phone: row.primary_phone.clone(),
        other_phones: u32::try_from(row.phone_count.saturating_sub(1)).unwrap_or(0),
        email: row.email.clone(),
        notes: row.notes.clone(),
        tags: row
            .tags
            .as_deref()
            .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
            .unwrap_or_default(),
        archived: row.archived_at.is_some(),
        vehicles,
        matched_by: hit
            .matched_by
            .filter(|_| hit.rank.is_some())
            .map(MatchedBy::from_code),
        matched_vehicle,
        created_at: row.created_at,
    })
}

fn brief(row: &BriefRow) -> Result<VehicleBrief> {
    Ok(VehicleBrief {
        id: parse_id(&row.id)?,
        plate: row.plate.clone(),
        vin: row.vin.clone(),
        make: row.make.clone(),
        model: row.model.clone(),
        year: row.year.and_then(|y| u16::try_from(y).ok()),
    })
}
