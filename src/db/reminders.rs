//! SQL for reminders: the visits to remind of, the outbox with its history,
//! the call list, templates, gateway settings and Telegram chats.
//!
//! Every status change goes through [`transition`], which changes a row only
//! while it still has the status the caller read: a dispatcher that lost a
//! race to another desk changes nothing.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::db::clients::damaged;
use crate::db::parse_id;
use crate::domain::client::{ReminderChannel, full_name};
use crate::domain::ids::{AppointmentId, ClientId};
use crate::domain::reminder::outbox::OutboxStatus;
use crate::domain::reminder::queue::{
    CallOutcome, CallReason, CallTask, GatewayKind, OutboxFilter, OutboxMessage, OutboxStep,
};
use crate::domain::reminder::rules::ReminderKind;
use crate::error::Result;

// ---- visits ---------------------------------------------------------------

/// An awaited visit with everything a reminder about it needs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct Visit {
    pub seq: i64,
    pub id: String,
    pub client_id: String,
    pub kind: String,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub short_name: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub reminder_channels: String,
    pub telegram_chat: Option<String>,
    pub car: Option<String>,
    pub plate: Option<String>,
    pub mechanic: String,
    pub starts_at: NaiveDateTime,
}

impl Visit {
    /// How a reminder addresses the client: «Иван Петрович» for a person
    /// (the name and patronymic, as Russians address one politely), the
    /// company's short name for a company.
    pub fn addressed_as(&self) -> String {
        if self.kind == "company" {
            let short = self.short_name.trim();
            return if short.is_empty() {
                &self.full_name
            } else {
                short
            }
            .to_owned();
        }
        let polite = full_name("", &self.name, &self.patronymic);
        if polite.trim().is_empty() {
            full_name(&self.surname, &self.name, &self.patronymic)
        } else {
            polite
        }
    }

    pub fn channels(&self) -> Vec<ReminderChannel> {
        self.reminder_channels
            .split(',')
            .filter_map(|name| ReminderChannel::parse(name.trim()))
            .collect()
    }
}

const VISIT_ROW: &str = "SELECT a.seq, a.id, a.client_id, c.kind, c.surname, c.name,
        c.patronymic, c.short_name, c.full_name,
        (SELECT p.e164 FROM client_phones p WHERE p.client_id = a.client_id
         ORDER BY p.is_primary DESC, p.position LIMIT 1) AS phone,
        c.email, c.reminder_channels,
        (SELECT t.chat_id FROM telegram_chats t WHERE t.client_id = a.client_id) AS telegram_chat,
        trim(ifnull(v.make, '') || ' ' || ifnull(v.model, '')) AS car, v.plate,
        e.name AS mechanic, a.starts_at
     FROM appointments a JOIN clients c ON c.id = a.client_id
     JOIN employees e ON e.id = a.mechanic_id
     LEFT JOIN vehicles v ON v.id = a.vehicle_id";

/// Planned and confirmed visits starting in `from..to`, in time order.
pub(crate) async fn awaited_visits(
    conn: &mut SqliteConnection,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<Visit>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{VISIT_ROW} WHERE a.status IN ('planned', 'confirmed')
           AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.seq"
    )))
    .bind(from)
    .bind(to)
    .fetch_all(&mut *conn)
    .await?)
}

/// One visit by its appointment's row, whatever its status.
pub(crate) async fn visit(conn: &mut SqliteConnection, seq: i64) -> Result<Option<Visit>> {
    Ok(
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{VISIT_ROW} WHERE a.seq = ?")))
            .bind(seq)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// The names of a visit's services, in their order.
pub(crate) async fn service_names(conn: &mut SqliteConnection, seq: i64) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT s.name FROM appointment_services x JOIN services s ON s.id = x.service_id
         WHERE x.appointment_seq = ? ORDER BY x.position",
    )
    .bind(seq)
    .fetch_all(&mut *conn)
    .await?)
}

// ---- the outbox -----------------------------------------------------------

/// A message the planner puts in the outbox.
pub(crate) struct NewMessage<'a> {
    pub appointment_seq: i64,
    pub visit_at: NaiveDateTime,
    pub kind: ReminderKind,
    pub channel: ReminderChannel,
    pub gateway: GatewayKind,
    pub recipient: &'a str,
    pub subject: Option<&'a str>,
    pub body: &'a str,
    pub due_at: NaiveDateTime,
}

/// Puts a message in the outbox unless the visit already has one of this
/// kind on this channel; `true` when it was added.
pub(crate) async fn insert_message(
    conn: &mut SqliteConnection,
    message: &NewMessage<'_>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO reminder_outbox (appointment_seq, visit_at, kind, channel, gateway,
             recipient, subject, body, status, due_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
         ON CONFLICT (appointment_seq, visit_at, kind, channel) DO NOTHING
         RETURNING id",
    )
    .bind(message.appointment_seq)
    .bind(message.visit_at)
    .bind(message.kind.as_str())
    .bind(message.channel.as_str())
    .bind(message.gateway.as_str())
    .bind(message.recipient)
    .bind(message.subject)
    .bind(message.body)
    .bind(message.due_at)
    .bind(now)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(id) = id else { return Ok(false) };
    let detail = format!("{} → {}", message.gateway.as_str(), message.recipient);
    step(conn, id, now, OutboxStatus::Pending, "planned", &detail).await?;
    Ok(true)
}

/// Appends a step to a message's history.
pub(crate) async fn step(
    conn: &mut SqliteConnection,
    id: i64,
    at: DateTime<Utc>,
    status: OutboxStatus,
    event: &str,
    detail: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO reminder_outbox_events (outbox_id, at, status, event, detail)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(at)
    .bind(status.as_str())
    .bind(event)
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The fields a status change may set besides the status.
#[derive(Debug, Default)]
pub(crate) struct Change<'a> {
    pub due_at: Option<NaiveDateTime>,
    pub provider_id: Option<&'a str>,
    pub last_error: Option<&'a str>,
    /// Sets the claim (`Some(Some(..))`) or clears it (`Some(None)`).
    pub claimed_by: Option<Option<&'a str>>,
    pub add_attempt: bool,
    pub next_poll_at: Option<Option<NaiveDateTime>>,
    pub add_poll: bool,
}

/// Moves a message from `from` to `to` with its step in history; `false`
/// when the row no longer has `from` (another dispatcher got there first).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn transition(
    conn: &mut SqliteConnection,
    id: i64,
    from: OutboxStatus,
    to: OutboxStatus,
    event: &str,
    detail: &str,
    change: &Change<'_>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new("UPDATE reminder_outbox SET status = ");
    sql.push_bind(to.as_str())
        .push(", updated_at = ")
        .push_bind(now);
    if let Some(due_at) = change.due_at {
        sql.push(", due_at = ").push_bind(due_at);
    }
    if let Some(provider_id) = change.provider_id {
        sql.push(", provider_id = ")
            .push_bind(provider_id.to_owned());
    }
    if let Some(error) = change.last_error {
        sql.push(", last_error = ").push_bind(error.to_owned());
    }
    if let Some(claim) = change.claimed_by {
        sql.push(", claimed_by = ")
            .push_bind(claim.map(str::to_owned))
            .push(", claimed_at = ")
            .push_bind(claim.map(|_| now));
    }
    if change.add_attempt {
        sql.push(", attempts = attempts + 1");
    }
    if let Some(next) = change.next_poll_at {
        sql.push(", next_poll_at = ").push_bind(next);
    }
    if change.add_poll {
        sql.push(", polls = polls + 1");
    }
    sql.push(" WHERE id = ")
        .push_bind(id)
        .push(" AND status = ")
        .push_bind(from.as_str());
    let done = sql.build().execute(&mut *conn).await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    step(conn, id, now, to, event, detail).await?;
    Ok(true)
}

/// A message as the dispatcher handles it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct Queued {
    pub id: i64,
    pub appointment_seq: i64,
    pub visit_at: NaiveDateTime,
    pub kind: String,
    pub channel: String,
    pub gateway: String,
    pub recipient: String,
    pub subject: Option<String>,
    pub body: String,
    pub status: String,
    pub attempts: i64,
    pub provider_id: Option<String>,
    pub polls: i64,
}

impl Queued {
    pub fn channel(&self) -> Result<ReminderChannel> {
        ReminderChannel::parse(&self.channel)
            .ok_or_else(|| damaged(format!("outbox channel {:?}", self.channel)))
    }

    pub fn gateway(&self) -> Result<GatewayKind> {
        GatewayKind::parse(&self.gateway)
            .ok_or_else(|| damaged(format!("outbox gateway {:?}", self.gateway)))
    }

    pub fn kind(&self) -> Result<ReminderKind> {
        ReminderKind::parse(&self.kind)
            .ok_or_else(|| damaged(format!("outbox kind {:?}", self.kind)))
    }

    pub fn attempts(&self) -> u32 {
        u32::try_from(self.attempts).unwrap_or(u32::MAX)
    }
}

const QUEUED_ROW: &str = "SELECT o.id, o.appointment_seq, o.visit_at, o.kind, o.channel,
        o.gateway, o.recipient, o.subject, o.body, o.status, o.attempts, o.provider_id, o.polls
     FROM reminder_outbox o";

pub(crate) async fn queued(conn: &mut SqliteConnection, id: i64) -> Result<Option<Queued>> {
    Ok(
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{QUEUED_ROW} WHERE o.id = ?")))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// Pending messages whose visit no longer is what they were written for:
/// moved, cancelled, or no longer awaited.
pub(crate) async fn stale_pending(conn: &mut SqliteConnection) -> Result<Vec<Queued>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{QUEUED_ROW} JOIN appointments a ON a.seq = o.appointment_seq
         WHERE o.status = 'pending'
           AND (a.status NOT IN ('planned', 'confirmed') OR a.starts_at <> o.visit_at)"
    )))
    .fetch_all(&mut *conn)
    .await?)
}

/// Pending messages due by `now`, their visit still awaited at the time they
/// were written for, oldest first.
pub(crate) async fn due(
    conn: &mut SqliteConnection,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<Queued>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{QUEUED_ROW} JOIN appointments a ON a.seq = o.appointment_seq
         WHERE o.status = 'pending' AND o.due_at <= ?
           AND a.status IN ('planned', 'confirmed') AND a.starts_at = o.visit_at
         ORDER BY o.due_at, o.id LIMIT ?"
    )))
    .bind(now)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?)
}

/// Messages claimed before `cutoff` and still in `sending`: their dispatcher died.
pub(crate) async fn abandoned(
    conn: &mut SqliteConnection,
    cutoff: DateTime<Utc>,
) -> Result<Vec<Queued>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{QUEUED_ROW} WHERE o.status = 'sending' AND o.claimed_at < ? ORDER BY o.id"
    )))
    .bind(cutoff)
    .fetch_all(&mut *conn)
    .await?)
}

/// Sent messages whose delivery report is due.
pub(crate) async fn polls_due(
    conn: &mut SqliteConnection,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<Queued>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{QUEUED_ROW} WHERE o.status = 'sent' AND o.next_poll_at IS NOT NULL
           AND o.next_poll_at <= ? ORDER BY o.next_poll_at LIMIT ?"
    )))
    .bind(now)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?)
}

/// Messages of a visit on any channel, for choosing the next channel.
pub(crate) async fn channels_tried(
    conn: &mut SqliteConnection,
    appointment_seq: i64,
    visit_at: NaiveDateTime,
    kind: ReminderKind,
) -> Result<Vec<ReminderChannel>> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT channel FROM reminder_outbox
         WHERE appointment_seq = ? AND visit_at = ? AND kind = ?",
    )
    .bind(appointment_seq)
    .bind(visit_at)
    .bind(kind.as_str())
    .fetch_all(&mut *conn)
    .await?;
    Ok(names
        .iter()
        .filter_map(|name| ReminderChannel::parse(name))
        .collect())
}

/// Final failures not yet announced on the desktop, marked announced.
pub(crate) async fn take_unannounced_failures(
    conn: &mut SqliteConnection,
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "UPDATE reminder_outbox SET failure_noticed_at = ?
         WHERE status = 'failed' AND failure_noticed_at IS NULL RETURNING id",
    )
    .bind(now)
    .fetch_all(&mut *conn)
    .await?)
}

#[derive(sqlx::FromRow)]
struct MessageRow {
    id: i64,
    appointment_id: String,
    client_id: String,
    kind_of_client: String,
    surname: String,
    name: String,
    patronymic: String,
    short_name: String,
    full_name: String,
    visit_at: NaiveDateTime,
    kind: String,
    channel: String,
    gateway: String,
    recipient: String,
    subject: Option<String>,
    body: String,
    status: String,
    due_at: NaiveDateTime,
    attempts: i64,
    last_error: Option<String>,
    updated_at: DateTime<Utc>,
}

const MESSAGE_ROW: &str = "SELECT o.id, a.id AS appointment_id, a.client_id,
        c.kind AS kind_of_client, c.surname, c.name, c.patronymic, c.short_name, c.full_name,
        o.visit_at, o.kind, o.channel, o.gateway, o.recipient, o.subject, o.body, o.status,
        o.due_at, o.attempts, o.last_error, o.updated_at
     FROM reminder_outbox o JOIN appointments a ON a.seq = o.appointment_seq
     JOIN clients c ON c.id = a.client_id";

/// The reminders screen's list; `today` is the shop's date.
pub(crate) async fn messages(
    conn: &mut SqliteConnection,
    filter: OutboxFilter,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<OutboxMessage>> {
    let day = |date: NaiveDate| {
        let start = date.and_time(chrono::NaiveTime::MIN);
        (start, start + chrono::TimeDelta::days(1))
    };
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(MESSAGE_ROW);
    match filter {
        OutboxFilter::Today | OutboxFilter::Tomorrow => {
            let date = if filter == OutboxFilter::Today {
                today
            } else {
                today.succ_opt().unwrap_or(today)
            };
            let (start, end) = day(date);
            sql.push(" WHERE o.due_at >= ")
                .push_bind(start)
                .push(" AND o.due_at < ")
                .push_bind(end)
                .push(" ORDER BY o.due_at, o.id");
        }
        OutboxFilter::Failed => {
            sql.push(" WHERE o.status = 'failed' ORDER BY o.visit_at DESC, o.id DESC");
        }
        OutboxFilter::All => {
            sql.push(" ORDER BY o.due_at DESC, o.id DESC");
        }
    }
    sql.push(" LIMIT ").push_bind(limit);
    let rows: Vec<MessageRow> = sql.build_query_as().fetch_all(&mut *conn).await?;
    rows.into_iter().map(message_of).collect()
}

pub(crate) async fn message(conn: &mut SqliteConnection, id: i64) -> Result<Option<OutboxMessage>> {
    let row: Option<MessageRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{MESSAGE_ROW} WHERE o.id = ?")))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    row.map(message_of).transpose()
}

fn message_of(row: MessageRow) -> Result<OutboxMessage> {
    let client_name = crate::domain::client::display_name(
        crate::db::clients::parse_kind(&row.kind_of_client)?,
        [&row.surname, &row.name, &row.patronymic],
        [&row.short_name, &row.full_name],
    );
    Ok(OutboxMessage {
        id: row.id,
        appointment: parse_id::<AppointmentId>(&row.appointment_id)?,
        client: parse_id::<ClientId>(&row.client_id)?,
        client_name,
        visit_at: row.visit_at,
        kind: ReminderKind::parse(&row.kind)
            .ok_or_else(|| damaged(format!("outbox kind {:?}", row.kind)))?,
        channel: ReminderChannel::parse(&row.channel)
            .ok_or_else(|| damaged(format!("outbox channel {:?}", row.channel)))?,
        gateway: GatewayKind::parse(&row.gateway)
            .ok_or_else(|| damaged(format!("outbox gateway {:?}", row.gateway)))?,
        recipient: row.recipient,
        subject: row.subject,
        text: row.body,
        status: status_of(&row.status)?,
        due_at: row.due_at,
        attempts: u32::try_from(row.attempts).unwrap_or(0),
        last_error: row.last_error,
        updated_at: row.updated_at,
    })
}

pub(crate) fn status_of(text: &str) -> Result<OutboxStatus> {
    OutboxStatus::parse(text).ok_or_else(|| damaged(format!("outbox status {text:?}")))
}

pub(crate) async fn steps(conn: &mut SqliteConnection, id: i64) -> Result<Vec<OutboxStep>> {
    let rows: Vec<(DateTime<Utc>, String, String, String)> = sqlx::query_as(
        "SELECT at, status, event, detail FROM reminder_outbox_events
         WHERE outbox_id = ? ORDER BY seq",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(at, status, event, detail)| {
            Ok(OutboxStep {
                at,
                status: status_of(&status)?,
                event,
                detail,
            })
        })
        .collect()
}

/// How many messages of each status, for a test or a summary.
pub(crate) async fn status_counts(conn: &mut SqliteConnection) -> Result<Vec<(OutboxStatus, u32)>> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, count(*) FROM reminder_outbox GROUP BY status")
            .fetch_all(&mut *conn)
            .await?;
    rows.into_iter()
        .map(|(status, count)| Ok((status_of(&status)?, u32::try_from(count).unwrap_or(0))))
        .collect()
}

// ---- the call list ---------------------------------------------------------

pub(crate) struct NewCall<'a> {
    pub appointment_seq: i64,
    pub visit_at: NaiveDateTime,
    pub reason: CallReason,
    pub detail: &'a str,
    pub due_on: NaiveDate,
}

/// Puts a visit on the call list unless it is there; `true` when added.
pub(crate) async fn insert_call(
    conn: &mut SqliteConnection,
    call: &NewCall<'_>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO call_tasks (appointment_seq, visit_at, reason, detail, due_on,
             created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (appointment_seq, visit_at) DO NOTHING",
    )
    .bind(call.appointment_seq)
    .bind(call.visit_at)
    .bind(call.reason.as_str())
    .bind(call.detail)
    .bind(call.due_on)
    .bind(now)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A visit already on the list because the client prefers a call gets the
/// failed reminder's reason only when it is still open; otherwise the
/// failure reopens it.
pub(crate) async fn reopen_call_for_failure(
    conn: &mut SqliteConnection,
    call: &NewCall<'_>,
    now: DateTime<Utc>,
) -> Result<()> {
    if insert_call(conn, call, now).await? {
        return Ok(());
    }
    sqlx::query(
        "UPDATE call_tasks SET reason = ?, detail = ?, outcome = NULL, updated_at = ?
         WHERE appointment_seq = ? AND visit_at = ? AND outcome IS NULL",
    )
    .bind(call.reason.as_str())
    .bind(call.detail)
    .bind(now)
    .bind(call.appointment_seq)
    .bind(call.visit_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct CallRow {
    id: i64,
    appointment_seq: i64,
    visit_at: NaiveDateTime,
    reason: String,
    detail: String,
    due_on: NaiveDate,
    outcome: Option<String>,
    attempts: i64,
    retry_at: Option<NaiveDateTime>,
}

/// The calls about visits on `day` whose appointment is still at the time
/// the call was planned for, in visit order; done calls too (their outcome
/// shows).
pub(crate) async fn calls_for_visits_on(
    conn: &mut SqliteConnection,
    day: NaiveDate,
) -> Result<Vec<CallTask>> {
    let start = day.and_time(chrono::NaiveTime::MIN);
    let end = start + chrono::TimeDelta::days(1);
    let rows: Vec<CallRow> = sqlx::query_as(
        "SELECT t.id, t.appointment_seq, t.visit_at, t.reason, t.detail, t.due_on, t.outcome,
                t.attempts, t.retry_at
         FROM call_tasks t JOIN appointments a ON a.seq = t.appointment_seq
         WHERE t.visit_at >= ? AND t.visit_at < ? AND a.starts_at = t.visit_at
           AND (a.status IN ('planned', 'confirmed') OR t.outcome IS NOT NULL)
         ORDER BY t.visit_at, t.id",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&mut *conn)
    .await?;
    let mut calls = Vec::with_capacity(rows.len());
    for row in rows {
        calls.push(call_of(conn, row).await?);
    }
    Ok(calls)
}

pub(crate) async fn call(conn: &mut SqliteConnection, id: i64) -> Result<Option<CallTask>> {
    let row: Option<CallRow> = sqlx::query_as(
        "SELECT id, appointment_seq, visit_at, reason, detail, due_on, outcome, attempts, retry_at
         FROM call_tasks WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(row) => Ok(Some(call_of(conn, row).await?)),
        None => Ok(None),
    }
}

async fn call_of(conn: &mut SqliteConnection, row: CallRow) -> Result<CallTask> {
    let visit = visit(conn, row.appointment_seq)
        .await?
        .ok_or_else(|| damaged(format!("call {} without its appointment", row.id)))?;
    let services = service_names(conn, row.appointment_seq).await?;
    let client_name = crate::domain::client::display_name(
        crate::db::clients::parse_kind(&visit.kind)?,
        [&visit.surname, &visit.name, &visit.patronymic],
        [&visit.short_name, &visit.full_name],
    );
    Ok(CallTask {
        id: row.id,
        appointment: parse_id(&visit.id)?,
        client: parse_id(&visit.client_id)?,
        client_name,
        phone: visit.phone.clone().unwrap_or_default(),
        car: visit.car.clone().unwrap_or_default(),
        plate: visit.plate.clone(),
        services,
        mechanic: visit.mechanic.clone(),
        visit_at: row.visit_at,
        reason: CallReason::parse(&row.reason)
            .ok_or_else(|| damaged(format!("call reason {:?}", row.reason)))?,
        detail: row.detail,
        due_on: row.due_on,
        outcome: row
            .outcome
            .as_deref()
            .map(|text| {
                CallOutcome::parse(text).ok_or_else(|| damaged(format!("call outcome {text:?}")))
            })
            .transpose()?,
        attempts: u32::try_from(row.attempts).unwrap_or(0),
        retry_at: row.retry_at,
    })
}

/// Records a call's outcome: a closing one ends it, «no answer» counts the
/// attempt and sets when to try again.
pub(crate) async fn set_call_outcome(
    conn: &mut SqliteConnection,
    id: i64,
    outcome: CallOutcome,
    retry_at: Option<NaiveDateTime>,
    now: DateTime<Utc>,
) -> Result<()> {
    let done = if outcome.closes_call() {
        sqlx::query(
            "UPDATE call_tasks SET outcome = ?, retry_at = NULL, updated_at = ? WHERE id = ?",
        )
        .bind(outcome.as_str())
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?
    } else {
        sqlx::query(
            "UPDATE call_tasks SET attempts = attempts + 1, retry_at = ?, updated_at = ?
             WHERE id = ?",
        )
        .bind(retry_at)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?
    };
    crate::db::one_row(done, "call", id)
}

/// The appointment row a call is about.
pub(crate) async fn call_appointment(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<AppointmentId> {
    let raw: Option<String> = sqlx::query_scalar(
        "SELECT a.id FROM call_tasks t JOIN appointments a ON a.seq = t.appointment_seq
         WHERE t.id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let raw = raw.ok_or_else(|| crate::error::Error::not_found("call", id))?;
    parse_id(&raw)
}

// ---- templates and gateways ----------------------------------------------

/// A channel's stored template: (subject, body).
pub(crate) async fn template(
    conn: &mut SqliteConnection,
    channel: ReminderChannel,
) -> Result<Option<(String, String)>> {
    Ok(
        sqlx::query_as("SELECT subject, body FROM reminder_templates WHERE channel = ?")
            .bind(channel.as_str())
            .fetch_optional(&mut *conn)
            .await?,
    )
}

pub(crate) async fn set_template(
    conn: &mut SqliteConnection,
    channel: ReminderChannel,
    subject: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO reminder_templates (channel, subject, body, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (channel) DO UPDATE SET subject = excluded.subject, body = excluded.body,
             updated_at = excluded.updated_at",
    )
    .bind(channel.as_str())
    .bind(subject)
    .bind(body)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A gateway's stored settings: (enabled, settings JSON).
pub(crate) async fn gateway(
    conn: &mut SqliteConnection,
    kind: GatewayKind,
) -> Result<Option<(bool, String)>> {
    Ok(
        sqlx::query_as("SELECT enabled, settings FROM reminder_gateways WHERE kind = ?")
            .bind(kind.as_str())
            .fetch_optional(&mut *conn)
            .await?,
    )
}

pub(crate) async fn set_gateway(
    conn: &mut SqliteConnection,
    kind: GatewayKind,
    enabled: bool,
    settings: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO reminder_gateways (kind, enabled, settings, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind) DO UPDATE SET enabled = excluded.enabled,
             settings = excluded.settings, updated_at = excluded.updated_at",
    )
    .bind(kind.as_str())
    .bind(enabled)
    .bind(settings)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

// ---- Telegram --------------------------------------------------------------

pub(crate) async fn insert_link_code(
    conn: &mut SqliteConnection,
    code: &str,
    client: ClientId,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("INSERT INTO telegram_link_codes (code, client_id, created_at) VALUES (?, ?, ?)")
        .bind(code)
        .bind(client.to_string())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Binds the chat that came with `code` to the code's client; `None` for a
/// code we never gave out.
pub(crate) async fn bind_chat(
    conn: &mut SqliteConnection,
    code: &str,
    chat_id: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Option<ClientId>> {
    let client: Option<String> =
        sqlx::query_scalar("SELECT client_id FROM telegram_link_codes WHERE code = ?")
            .bind(code)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(client) = client else {
        return Ok(None);
    };
    sqlx::query(
        "INSERT INTO telegram_chats (client_id, chat_id, name, bound_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (client_id) DO UPDATE SET chat_id = excluded.chat_id,
             name = excluded.name, bound_at = excluded.bound_at",
    )
    .bind(&client)
    .bind(chat_id)
    .bind(name)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(Some(parse_id(&client)?))
}

pub(crate) async fn telegram_chat(
    conn: &mut SqliteConnection,
    client: ClientId,
) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT chat_id FROM telegram_chats WHERE client_id = ?")
            .bind(client.to_string())
            .fetch_optional(&mut *conn)
            .await?,
    )
}
