//! SQL for clients and their phones.

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteArguments;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::db::{Db, parse_id};
use crate::domain::client::{
    Client, ClientListItem, ClientPhone, ClientRef, ClientSearchResult, ValidClient, full_name,
};
use crate::domain::ids::ClientId;
use crate::domain::phone::Phone;
use crate::domain::search::SearchQuery;
use crate::error::{Error, Result};

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    id: ClientId,
    client: &ValidClient,
    now: DateTime<Utc>,
) -> Result<()> {
    let query = sqlx::query(
        "INSERT INTO clients (surname, name, patronymic, email, notes,
                              search_name, search_phones, search_text, updated_at,
                              id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    bind_fields(query, client, now)
        .bind(id.to_string())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    insert_phones(conn, id, &client.phones).await
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: ClientId,
    client: &ValidClient,
    now: DateTime<Utc>,
) -> Result<()> {
    let query = sqlx::query(
        "UPDATE clients SET surname = ?, name = ?, patronymic = ?, email = ?, notes = ?,
                search_name = ?, search_phones = ?, search_text = ?, updated_at = ?
         WHERE id = ?",
    );
    let updated = bind_fields(query, client, now)
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    if updated.rows_affected() == 0 {
        return Err(Error::not_found("client", id));
    }
    sqlx::query("DELETE FROM client_phones WHERE client_id = ?")
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    insert_phones(conn, id, &client.phones).await
}

type SqliteQuery = sqlx::query::Query<'static, Sqlite, SqliteArguments>;

/// Binds the client's columns in the order both INSERT and UPDATE list them.
fn bind_fields(query: SqliteQuery, client: &ValidClient, now: DateTime<Utc>) -> SqliteQuery {
    query
        .bind(client.surname.clone())
        .bind(client.name.clone())
        .bind(client.patronymic.clone())
        .bind(client.email.as_ref().map(|email| email.as_str().to_owned()))
        .bind(client.notes.clone())
        .bind(client.search_name())
        .bind(client.search_phones())
        .bind(client.search_text())
        .bind(now)
}

async fn insert_phones(
    conn: &mut SqliteConnection,
    id: ClientId,
    phones: &[ClientPhone],
) -> Result<()> {
    for (position, phone) in phones.iter().enumerate() {
        sqlx::query(
            "INSERT INTO client_phones (client_id, position, e164, label, is_primary)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(id.to_string())
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(phone.number.as_e164())
        .bind(&phone.label)
        .bind(phone.primary)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The first of `phones` that belongs to a client other than `except`, with its owner.
pub(crate) async fn find_phone_owner(
    conn: &mut SqliteConnection,
    phones: &[&Phone],
    except: Option<ClientId>,
) -> Result<Option<(Phone, ClientRef)>> {
    let except = except.map(|id| id.to_string()).unwrap_or_default();
    for phone in phones {
        let row: Option<(String, String, String, String)> = sqlx::query_as(
            "SELECT c.id, c.surname, c.name, c.patronymic
             FROM client_phones p JOIN clients c ON c.id = p.client_id
             WHERE p.e164 = ? AND c.id <> ?
             ORDER BY c.created_at LIMIT 1",
        )
        .bind(phone.as_e164())
        .bind(&except)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some((id, surname, name, patronymic)) = row {
            let owner = ClientRef {
                id: parse_id(&id)?,
                full_name: full_name(&surname, &name, &patronymic),
            };
            return Ok(Some(((*phone).clone(), owner)));
        }
    }
    Ok(None)
}

#[derive(sqlx::FromRow)]
struct ClientRow {
    id: String,
    surname: String,
    name: String,
    patronymic: String,
    email: Option<String>,
    notes: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct PhoneRow {
    e164: String,
    label: String,
    is_primary: bool,
}

pub(crate) async fn get(db: &Db, id: ClientId) -> Result<Client> {
    let row: Option<ClientRow> = sqlx::query_as(
        "SELECT id, surname, name, patronymic, email, notes, created_at, updated_at
         FROM clients WHERE id = ?",
    )
    .bind(id.to_string())
    .fetch_optional(db.pool())
    .await?;
    let row = row.ok_or_else(|| Error::not_found("client", id))?;
    let phones: Vec<PhoneRow> = sqlx::query_as(
        "SELECT e164, label, is_primary FROM client_phones WHERE client_id = ? ORDER BY position",
    )
    .bind(id.to_string())
    .fetch_all(db.pool())
    .await?;
    Ok(Client {
        id: parse_id(&row.id)?,
        full_name: full_name(&row.surname, &row.name, &row.patronymic),
        surname: row.surname,
        name: row.name,
        patronymic: row.patronymic,
        phones: phones
            .into_iter()
            .map(|p| ClientPhone {
                number: Phone::from_stored(p.e164),
                label: p.label,
                primary: p.is_primary,
            })
            .collect(),
        email: row.email,
        notes: row.notes,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

#[derive(sqlx::FromRow)]
struct ListRow {
    id: String,
    surname: String,
    name: String,
    patronymic: String,
    email: Option<String>,
    notes: String,
    created_at: DateTime<Utc>,
    primary_phone: Option<String>,
    phone_count: i64,
}

/// Clients matching `query`, best matches first: an exact phone, then a
/// phone ending, then names starting with the first word, then by name.
pub(crate) async fn search(db: &Db, query: &SearchQuery, limit: u32) -> Result<ClientSearchResult> {
    let mut page: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT c.id, c.surname, c.name, c.patronymic, c.email, c.notes, c.created_at,
                (SELECT p.e164 FROM client_phones p WHERE p.client_id = c.id AND p.is_primary = 1)
                    AS primary_phone,
                (SELECT count(*) FROM client_phones p WHERE p.client_id = c.id) AS phone_count
         FROM clients c WHERE ",
    );
    push_filter(&mut page, query);
    page.push(" ORDER BY ");
    push_ranking(&mut page, query);
    // The index on (search_name, id) lets an unfiltered list stop after `limit` rows.
    page.push("c.search_name, c.id LIMIT ")
        .push_bind(i64::from(limit));
    let rows: Vec<ListRow> = page.build_query_as().fetch_all(db.pool()).await?;
    let shown = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    // Counting costs a scan: only needed when the page is full.
    let total = if shown < limit {
        shown
    } else {
        let mut count: QueryBuilder<Sqlite> =
            QueryBuilder::new("SELECT count(*) FROM clients c WHERE ");
        push_filter(&mut count, query);
        let counted: i64 = count.build_query_scalar().fetch_one(db.pool()).await?;
        u32::try_from(counted).unwrap_or(u32::MAX).max(shown)
    };
    let items = rows
        .into_iter()
        .map(list_item)
        .collect::<Result<Vec<_>>>()?;
    Ok(ClientSearchResult { items, total })
}

/// The WHERE condition: every word somewhere in the client's text, or the digits in a phone.
fn push_filter(sql: &mut QueryBuilder<Sqlite>, query: &SearchQuery) {
    match query {
        SearchQuery::All => {
            sql.push("1 = 1");
        }
        SearchQuery::PhoneDigits(digits) => {
            sql.push("instr(c.search_phones, ")
                .push_bind(digits.clone())
                .push(") > 0");
        }
        SearchQuery::Words(words) => {
            for (index, word) in words.iter().enumerate() {
                if index > 0 {
                    sql.push(" AND ");
                }
                sql.push("instr(c.search_text, ")
                    .push_bind(word.clone())
                    .push(") > 0");
            }
        }
    }
}

/// The leading ORDER BY terms that put the best matches first.
fn push_ranking(sql: &mut QueryBuilder<Sqlite>, query: &SearchQuery) {
    match query {
        SearchQuery::All => {}
        SearchQuery::PhoneDigits(digits) => {
            sql.push("instr(c.search_phones, ")
                .push_bind(format!(" {digits} "))
                .push(") > 0 DESC, instr(c.search_phones, ")
                .push_bind(format!("{digits} "))
                .push(") > 0 DESC, ");
        }
        SearchQuery::Words(words) => {
            let first = words.first().cloned().unwrap_or_default();
            sql.push("substr(c.search_name, 1, ")
                .push_bind(i64::try_from(first.chars().count()).unwrap_or(0))
                .push(") = ")
                .push_bind(first)
                .push(" DESC, ");
        }
    }
}

fn list_item(row: ListRow) -> Result<ClientListItem> {
    Ok(ClientListItem {
        id: parse_id(&row.id)?,
        full_name: full_name(&row.surname, &row.name, &row.patronymic),
        primary_phone: row.primary_phone,
        other_phones: u32::try_from(row.phone_count.saturating_sub(1)).unwrap_or(0),
        email: row.email,
        notes: row.notes,
        created_at: row.created_at,
    })
}

pub(crate) async fn count(db: &Db) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM clients")
        .fetch_one(db.pool())
        .await?)
}
