//! SQL for clients: their row, phones, contact persons and tags.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::db::search;
use crate::db::{assignments, one_row, parse_id};
use crate::domain::client::{
    Client, ClientKind, ClientPhone, ClientRef, Company, ContactPerson, Duplicate, DuplicateField,
    LeadSource, ReminderChannel, ValidClient, display_name,
};
use crate::domain::email::Email;
use crate::domain::ids::{ClientId, ContactId};
use crate::domain::phone::Phone;
use crate::error::{ConflictReason, Error, Result};

const COLUMNS: &str = "kind, surname, name, patronymic, birth_date, full_name, short_name, inn,
    kpp, ogrn, legal_address, postal_address, bank_account, bank_name, bik, corr_account,
    email, address, uses_telegram, uses_viber, notes, lead_source_id, discount_percent,
    reminder_channels, search_name, updated_at";

/// Inserts a client with phones, contacts, tags and search terms; returns its `seq`.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    id: ClientId,
    client: &ValidClient,
    now: DateTime<Utc>,
) -> Result<i64> {
    let sql = format!(
        "INSERT INTO clients ({COLUMNS}, id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING seq"
    );
    let seq: i64 = bind_fields(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)), client, now)
        .bind(id.to_string())
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    write_children(conn, id, client).await?;
    search::index_client(conn, seq, client).await?;
    Ok(seq)
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: ClientId,
    client: &ValidClient,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = format!(
        "UPDATE clients SET {} WHERE id = ? RETURNING seq",
        assignments(COLUMNS)
    );
    let seq: Option<i64> = bind_fields(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)), client, now)
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    let seq = seq.ok_or_else(|| Error::not_found("client", id))?;
    write_children(conn, id, client).await?;
    search::index_client(conn, seq, client).await
}

type ScalarQuery =
    sqlx::query::QueryScalar<'static, sqlx::Sqlite, i64, sqlx::sqlite::SqliteArguments>;

/// Binds the columns in the order of [`COLUMNS`].
fn bind_fields(query: ScalarQuery, client: &ValidClient, now: DateTime<Utc>) -> ScalarQuery {
    let c = &client.company;
    let channels: Vec<&str> = client
        .reminder_channels
        .iter()
        .map(|ch| ch.as_str())
        .collect();
    query
        .bind(client.kind.as_str())
        .bind(client.surname.clone())
        .bind(client.name.clone())
        .bind(client.patronymic.clone())
        .bind(client.birth_date)
        .bind(c.full_name.clone())
        .bind(c.short_name.clone())
        .bind(c.inn.clone())
        .bind(c.kpp.clone())
        .bind(c.ogrn.clone())
        .bind(c.legal_address.clone())
        .bind(c.postal_address.clone())
        .bind(c.bank_account.clone())
        .bind(c.bank_name.clone())
        .bind(c.bik.clone())
        .bind(c.corr_account.clone())
        .bind(client.email.as_ref().map(|email| email.as_str().to_owned()))
        .bind(client.address.clone())
        .bind(client.uses_telegram)
        .bind(client.uses_viber)
        .bind(client.notes.clone())
        .bind(client.lead_source_id.map(|id| i64::from(id.0)))
        .bind(i64::from(client.discount_percent))
        .bind(channels.join(","))
        .bind(client.search_name())
        .bind(now)
}

async fn write_children(
    conn: &mut SqliteConnection,
    id: ClientId,
    client: &ValidClient,
) -> Result<()> {
    let key = id.to_string();
    sqlx::query("DELETE FROM client_phones WHERE client_id = ?")
        .bind(&key)
        .execute(&mut *conn)
        .await?;
    for (position, phone) in client.phones.iter().enumerate() {
        sqlx::query(
            "INSERT INTO client_phones (client_id, position, e164, label, is_primary)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(&key)
        .bind(position as i64)
        .bind(phone.number.as_e164())
        .bind(&phone.label)
        .bind(phone.primary)
        .execute(&mut *conn)
        .await?;
    }
    write_contacts(conn, &key, &client.contacts).await?;
    sqlx::query("DELETE FROM client_tags WHERE client_id = ?")
        .bind(&key)
        .execute(&mut *conn)
        .await?;
    for (position, tag) in client.tags.iter().enumerate() {
        sqlx::query("INSERT INTO client_tags (client_id, position, tag) VALUES (?, ?, ?)")
            .bind(&key)
            .bind(position as i64)
            .bind(tag)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Contacts keep their ids across edits, so a car's driver survives a rename;
/// a contact removed from the form is deleted (its cars lose the driver).
async fn write_contacts(
    conn: &mut SqliteConnection,
    key: &str,
    contacts: &[ContactPerson],
) -> Result<()> {
    let keep: Vec<String> = contacts.iter().map(|c| c.id.to_string()).collect();
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT id FROM client_contacts WHERE client_id = ?")
            .bind(key)
            .fetch_all(&mut *conn)
            .await?;
    for gone in stored.iter().filter(|id| !keep.contains(id)) {
        sqlx::query("DELETE FROM client_contacts WHERE id = ?")
            .bind(gone)
            .execute(&mut *conn)
            .await?;
    }
    for (position, contact) in contacts.iter().enumerate() {
        sqlx::query(
            "INSERT INTO client_contacts (id, client_id, position, name, role, e164, email)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name,
                 role = excluded.role, e164 = excluded.e164, email = excluded.email
             WHERE client_contacts.client_id = excluded.client_id",
        )
        .bind(contact.id.to_string())
        .bind(key)
        .bind(position as i64)
        .bind(&contact.name)
        .bind(&contact.position)
        .bind(contact.phone.as_ref().map(|p| p.as_e164().to_owned()))
        .bind(&contact.email)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The clients other than `except` that already have one of this client's
/// phones (their own or a contact's) or its ИНН.
pub(crate) async fn find_duplicates(
    conn: &mut SqliteConnection,
    client: &ValidClient,
    except: Option<ClientId>,
) -> Result<Vec<Duplicate>> {
    let except = except.map(|id| id.to_string()).unwrap_or_default();
    let mut found = Vec::new();
    let phones = client
        .phones
        .iter()
        .map(|p| &p.number)
        .chain(client.contacts.iter().filter_map(|c| c.phone.as_ref()));
    for phone in phones {
        let owner: Option<String> = sqlx::query_scalar(
            "SELECT c.id FROM clients c
             WHERE c.id <> ?1 AND c.merged_into IS NULL AND (
                 c.id IN (SELECT client_id FROM client_phones WHERE e164 = ?2)
                 OR c.id IN (SELECT client_id FROM client_contacts WHERE e164 = ?2))
             ORDER BY c.archived_at IS NOT NULL, c.created_at LIMIT 1",
        )
        .bind(&except)
        .bind(phone.as_e164())
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(owner) = owner {
            push_duplicate(
                conn,
                &mut found,
                DuplicateField::Phone,
                phone.as_e164(),
                &owner,
            )
            .await?;
        }
    }
    if !client.company.inn.is_empty() {
        let owner: Option<String> = sqlx::query_scalar(
            "SELECT id FROM clients WHERE inn = ? AND id <> ? AND merged_into IS NULL
             ORDER BY created_at LIMIT 1",
        )
        .bind(&client.company.inn)
        .bind(&except)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(owner) = owner {
            push_duplicate(
                conn,
                &mut found,
                DuplicateField::Inn,
                &client.company.inn,
                &owner,
            )
            .await?;
        }
    }
    Ok(found)
}

async fn push_duplicate(
    conn: &mut SqliteConnection,
    found: &mut Vec<Duplicate>,
    field: DuplicateField,
    value: &str,
    owner: &str,
) -> Result<()> {
    let existing = client_ref(conn, parse_id(owner)?).await?;
    found.push(Duplicate {
        field,
        value: value.to_owned(),
        existing,
        vehicle: None,
        blocking: false,
    });
    Ok(())
}

pub(crate) async fn client_ref(conn: &mut SqliteConnection, id: ClientId) -> Result<ClientRef> {
    let row: Option<(String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT kind, surname, name, patronymic, short_name, full_name FROM clients WHERE id = ?",
    )
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let (kind, surname, name, patronymic, short_name, full_name) =
        row.ok_or_else(|| Error::not_found("client", id))?;
    let kind = parse_kind(&kind)?;
    Ok(ClientRef {
        id,
        kind,
        display_name: display_name(
            kind,
            [&surname, &name, &patronymic],
            [&short_name, &full_name],
        ),
    })
}

pub(crate) fn parse_kind(text: &str) -> Result<ClientKind> {
    ClientKind::parse(text).ok_or_else(|| damaged(format!("unknown client kind {text:?}")))
}

pub(crate) fn damaged(message: String) -> Error {
    Error::Database(sqlx::Error::Protocol(message))
}

/// Refuses to write into a client that was merged into another one.
pub(crate) async fn refuse_merged(conn: &mut SqliteConnection, id: ClientId) -> Result<()> {
    let merged: Option<Option<String>> =
        sqlx::query_scalar("SELECT merged_into FROM clients WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    match merged {
        None => Err(Error::not_found("client", id)),
        Some(Some(_)) => Err(Error::Conflict(ConflictReason::MergedClient)),
        Some(None) => Ok(()),
    }
}

pub(crate) async fn seq_of(conn: &mut SqliteConnection, id: ClientId) -> Result<i64> {
    let seq: Option<i64> = sqlx::query_scalar("SELECT seq FROM clients WHERE id = ?")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    seq.ok_or_else(|| Error::not_found("client", id))
}

#[derive(sqlx::FromRow)]
struct ClientRow {
    id: String,
    kind: String,
    surname: String,
    name: String,
    patronymic: String,
    birth_date: Option<NaiveDate>,
    full_name: String,
    short_name: String,
    inn: String,
    kpp: String,
    ogrn: String,
    legal_address: String,
    postal_address: String,
    bank_account: String,
    bank_name: String,
    bik: String,
    corr_account: String,
    email: Option<String>,
    address: String,
    uses_telegram: bool,
    uses_viber: bool,
    notes: String,
    lead_source_id: Option<i64>,
    lead_source_name: Option<String>,
    lead_source_archived: Option<bool>,
    discount_percent: i64,
    reminder_channels: String,
    archived_at: Option<DateTime<Utc>>,
    merged_into: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct PhoneRow {
    e164: String,
    label: String,
    is_primary: bool,
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    id: String,
    name: String,
    role: String,
    e164: Option<String>,
    email: Option<String>,
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: ClientId) -> Result<Client> {
    let row: Option<ClientRow> = sqlx::query_as(
        "SELECT c.*, s.name AS lead_source_name, s.archived AS lead_source_archived
         FROM clients c LEFT JOIN lead_sources s ON s.id = c.lead_source_id
         WHERE c.id = ?",
    )
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let row = row.ok_or_else(|| Error::not_found("client", id))?;
    let key = id.to_string();
    let phones: Vec<PhoneRow> = sqlx::query_as(
        "SELECT e164, label, is_primary FROM client_phones WHERE client_id = ? ORDER BY position",
    )
    .bind(&key)
    .fetch_all(&mut *conn)
    .await?;
    let contacts: Vec<ContactRow> = sqlx::query_as(
        "SELECT id, name, role, e164, email FROM client_contacts WHERE client_id = ? ORDER BY position",
    )
    .bind(&key)
    .fetch_all(&mut *conn)
    .await?;
    let tags: Vec<String> =
        sqlx::query_scalar("SELECT tag FROM client_tags WHERE client_id = ? ORDER BY position")
            .bind(&key)
            .fetch_all(&mut *conn)
            .await?;
    client_from_rows(row, phones, contacts, tags)
}

fn client_from_rows(
    row: ClientRow,
    phones: Vec<PhoneRow>,
    contacts: Vec<ContactRow>,
    tags: Vec<String>,
) -> Result<Client> {
    let kind = parse_kind(&row.kind)?;
    let company = Company {
        full_name: row.full_name,
        short_name: row.short_name,
        inn: row.inn,
        kpp: row.kpp,
        ogrn: row.ogrn,
        legal_address: row.legal_address,
        postal_address: row.postal_address,
        bank_account: row.bank_account,
        bank_name: row.bank_name,
        bik: row.bik,
        corr_account: row.corr_account,
    };
    let contacts = contacts
        .into_iter()
        .map(|c| {
            Ok(ContactPerson {
                id: parse_id::<ContactId>(&c.id)?,
                name: c.name,
                position: c.role,
                phone: c.e164.map(Phone::from_stored),
                email: c.email,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let lead_source = match (row.lead_source_id, row.lead_source_name) {
        (Some(id), Some(name)) => Some(LeadSource {
            id: crate::db::catalogue::lead_source_id(id),
            name,
            archived: row.lead_source_archived.unwrap_or(false),
        }),
        _ => None,
    };
    Ok(Client {
        id: parse_id(&row.id)?,
        kind,
        display_name: display_name(
            kind,
            [&row.surname, &row.name, &row.patronymic],
            [&company.short_name, &company.full_name],
        ),
        surname: row.surname,
        name: row.name,
        patronymic: row.patronymic,
        birth_date: row.birth_date,
        company,
        phones: phones
            .into_iter()
            .map(|p| ClientPhone {
                number: Phone::from_stored(p.e164),
                label: p.label,
                primary: p.is_primary,
            })
            .collect(),
        email: row.email,
        address: row.address,
        uses_telegram: row.uses_telegram,
        uses_viber: row.uses_viber,
        notes: row.notes,
        lead_source,
        discount_percent: u32::try_from(row.discount_percent).unwrap_or(0),
        reminder_channels: parse_channels(&row.reminder_channels),
        tags,
        contacts,
        archived_at: row.archived_at,
        merged_into: row.merged_into.as_deref().map(parse_id).transpose()?,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

fn parse_channels(text: &str) -> Vec<ReminderChannel> {
    text.split(',').filter_map(ReminderChannel::parse).collect()
}

/// A stored client as its validated form, to rebuild search terms or merge.
pub(crate) fn as_valid(client: &Client) -> ValidClient {
    ValidClient {
        kind: client.kind,
        surname: client.surname.clone(),
        name: client.name.clone(),
        patronymic: client.patronymic.clone(),
        birth_date: client.birth_date,
        company: client.company.clone(),
        phones: client.phones.clone(),
        email: client.email.as_deref().and_then(|e| Email::parse(e).ok()),
        address: client.address.clone(),
        uses_telegram: client.uses_telegram,
        uses_viber: client.uses_viber,
        notes: client.notes.clone(),
        lead_source_id: client.lead_source.as_ref().map(|s| s.id),
        discount_percent: client.discount_percent,
        reminder_channels: client.reminder_channels.clone(),
        tags: client.tags.clone(),
        contacts: client.contacts.clone(),
    }
}

/// Archives (or with `None` restores) a client; archived clients leave the
/// lists and pickers but keep their history.
pub(crate) async fn set_archived(
    conn: &mut SqliteConnection,
    id: ClientId,
    at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<()> {
    let done = sqlx::query("UPDATE clients SET archived_at = ?, updated_at = ? WHERE id = ?")
        .bind(at)
        .bind(now)
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    one_row(done, "client", id)?;
    let seq = seq_of(conn, id).await?;
    search::refresh_owner(conn, seq).await
}

pub(crate) async fn count(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM clients WHERE merged_into IS NULL")
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// Every client id, for rebuilding the search index.
pub(crate) async fn all_ids(conn: &mut SqliteConnection) -> Result<Vec<ClientId>> {
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM clients WHERE merged_into IS NULL")
        .fetch_all(&mut *conn)
        .await?;
    ids.iter().map(|id| parse_id(id)).collect()
}

/// The client's standing discount in percent (0 when none).
pub(crate) async fn discount_percent(conn: &mut SqliteConnection, id: ClientId) -> Result<u32> {
    let percent: Option<i64> =
        sqlx::query_scalar("SELECT discount_percent FROM clients WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    let percent = percent.ok_or_else(|| Error::not_found("client", id))?;
    Ok(u32::try_from(percent).unwrap_or(0))
}
