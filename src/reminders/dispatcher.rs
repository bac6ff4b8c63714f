//! The dispatcher: one pass recovers messages a dead dispatcher left in
//! `sending`, plans, sends what is due and polls delivery reports. The app
//! runs passes on a timer; `remzona reminders run` runs one.
//!
//! Exactly once, with any number of dispatchers on one database: a message is
//! claimed (`pending` → `sending`) in a committed write transaction before
//! the network call, so no other dispatcher can take it; its outcome is
//! written only if the row is still in `sending`. A claim older than the
//! lease belongs to a dispatcher that died: the provider is asked about it
//! by our id, and where that is impossible the message is never sent again
//! and the visit goes to the call list.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::Arc;

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use sqlx::SqliteConnection;

use crate::Remzona;
use crate::appointments::zone;
use crate::db::reminders::{self as store, Change, NewCall, Queued};
use crate::domain::reminder::outbox::{Backoff, OutboxEvent, OutboxStatus, Recovery, next_status};
use crate::domain::reminder::queue::{CallReason, GatewayKind, PassReport};
use crate::domain::reminder::rules::out_of_quiet;
use crate::error::Result;
use crate::reminders::gateway::{Gateway, MessageRef, OutgoingMessage, SendOutcome, StatusOutcome};
use crate::reminders::planner::{self, Reach, Routes};
use crate::reminders::settings;

/// What a message left by a dead dispatcher is marked with when the
/// provider cannot be asked about it.
const UNCERTAIN: &str = "отправка прервалась: неизвестно, ушло ли сообщение; \
    повторно не отправляется, клиенту лучше позвонить";

/// Sends and polls through a set of gateways.
pub struct Dispatcher {
    gateways: HashMap<GatewayKind, Arc<dyn Gateway>>,
    /// Names this dispatcher's claims (process and a random part).
    identity: String,
    /// A claim older than this belongs to a dispatcher that died; far longer
    /// than a request may take.
    pub lease: TimeDelta,
    pub backoff: Backoff,
    /// Messages claimed at once.
    pub batch: i64,
    /// Requests under way at once.
    pub concurrency: usize,
    /// Polls of one message's delivery before it rests as sent.
    pub max_polls: i64,
}

impl Dispatcher {
    pub fn new(gateways: Vec<Arc<dyn Gateway>>) -> Dispatcher {
        let identity = format!("{}-{}", std::process::id(), uuid::Uuid::now_v7().simple());
        Dispatcher {
            gateways: gateways.into_iter().map(|g| (g.kind(), g)).collect(),
            identity,
            lease: TimeDelta::minutes(2),
            backoff: Backoff::default(),
            batch: 32,
            concurrency: 8,
            max_polls: 24,
        }
    }

    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// The channels each gateway carries, in the order routes prefer them.
    pub fn routes(&self) -> Routes {
        let carriers = GatewayKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let gateway = self.gateways.get(&kind)?;
                Some((kind, gateway.channels().to_vec()))
            })
            .collect();
        Routes::new(carriers)
    }

    /// One full pass: recover, plan, send what is due, poll.
    pub async fn run_pass(&self, shop: &Remzona) -> Result<PassReport> {
        let mut report = PassReport {
            recovered: self.recover(shop).await?,
            ..PassReport::default()
        };
        let planned = self.plan(shop).await?;
        report.planned = planned.messages;
        report.calls = planned.calls;
        report.cancelled = planned.cancelled;
        loop {
            let claimed = self.claim(shop).await?;
            if claimed.is_empty() {
                break;
            }
            self.send_all(shop, claimed, &mut report).await?;
        }
        self.poll(shop, &mut report).await?;
        Ok(report)
    }

    /// Plans in one write transaction.
    pub async fn plan(&self, shop: &Remzona) -> Result<planner::Planned> {
        let mut tx = shop.db().begin_write().await?;
        let now = zone(&mut tx).await?.to_local(shop.now());
        let planned = planner::plan_pass(&mut tx, &self.routes(), now, shop.now()).await?;
        tx.commit().await?;
        Ok(planned)
    }

    /// What a pass would do now, written nowhere: the planning is rolled
    /// back, nothing is claimed or sent.
    pub async fn dry_run(&self, shop: &Remzona) -> Result<DryRun> {
        let mut tx = shop.db().begin_write().await?;
        let now = zone(&mut tx).await?.to_local(shop.now());
        let planned = planner::plan_pass(&mut tx, &self.routes(), now, shop.now()).await?;
        let due = store::due(&mut tx, now, i64::MAX).await?;
        tx.rollback().await?;
        Ok(DryRun {
            planned,
            due: due
                .into_iter()
                .map(|q| (q.id, q.channel, q.recipient, q.body))
                .collect(),
        })
    }

    /// Claims the next batch of due messages in a committed transaction.
    async fn claim(&self, shop: &Remzona) -> Result<Vec<Queued>> {
        let stamp = shop.now();
        let mut tx = shop.db().begin_write().await?;
        let now = zone(&mut tx).await?.to_local(stamp);
        let mut claimed = Vec::new();
        for message in store::due(&mut tx, now, self.batch).await? {
            if !self.gateways.contains_key(&message.gateway()?) {
                // Its gateway was switched off: the message waits for it.
                continue;
            }
            let change = Change {
                claimed_by: Some(Some(&self.identity)),
                add_attempt: true,
                ..Change::default()
            };
            let detail = format!("попытка {}", message.attempts() + 1);
            let (from, claim) = (OutboxStatus::Pending, &OutboxEvent::Claim);
            let written = apply(&mut tx, &message, from, claim, &detail, &change, stamp).await?;
            if written.is_some() {
                claimed.push(message);
            }
        }
        tx.commit().await?;
        Ok(claimed)
    }

    /// Sends a claimed batch, `concurrency` requests at a time, recording
    /// each group's outcomes in one transaction as soon as they are in: the
    /// less a crash leaves unrecorded, the less recovery has to ask about.
    async fn send_all(
        &self,
        shop: &Remzona,
        claimed: Vec<Queued>,
        report: &mut PassReport,
    ) -> Result<()> {
        for chunk in claimed.chunks(self.concurrency.max(1)) {
            let mut tasks = tokio::task::JoinSet::new();
            for message in chunk {
                let gateway = self.gateway_of(message)?;
                let outgoing = outgoing(message)?;
                let id = message.id;
                tasks.spawn(async move { (id, gateway.send(&outgoing).await) });
            }
            let mut outcomes = Vec::with_capacity(chunk.len());
            while let Some(joined) = tasks.join_next().await {
                // A panicking adapter leaves its message claimed: the lease
                // recovers it like a crash.
                if let Ok(outcome) = joined {
                    outcomes.push(outcome);
                }
            }
            let stamp = shop.now();
            let mut tx = shop.db().begin_write().await?;
            let now = zone(&mut tx).await?.to_local(stamp);
            for (id, outcome) in outcomes {
                if let Some(message) = chunk.iter().find(|m| m.id == id) {
                    self.record(&mut tx, message, outcome, now, stamp, report)
                        .await?;
                }
            }
            tx.commit().await?;
        }
        Ok(())
    }

    async fn record(
        &self,
        conn: &mut SqliteConnection,
        message: &Queued,
        outcome: SendOutcome,
        now: NaiveDateTime,
        stamp: DateTime<Utc>,
        report: &mut PassReport,
    ) -> Result<()> {
        match outcome {
            SendOutcome::Accepted { provider_id } => {
                let event = OutboxEvent::Accepted {
                    provider_id: provider_id.clone(),
                };
                let change = Change {
                    provider_id: Some(&provider_id),
                    claimed_by: Some(None),
                    next_poll_at: Some(self.first_poll(message, now)?),
                    ..Change::default()
                };
                let from = OutboxStatus::Sending;
                if apply(conn, message, from, &event, &provider_id, &change, stamp)
                    .await?
                    .is_some()
                {
                    report.sent += 1;
                }
            }
            SendOutcome::Refused(failure) => {
                let jitter = jitter_permille(message.id, message.attempts());
                let (event, retry_at) = self.backoff.after_failure(
                    failure.class,
                    failure.error.clone(),
                    message.attempts(),
                    now,
                    jitter,
                );
                // The provider's own «wait this long» wins over a shorter backoff.
                let retry_at = retry_at.map(|at| {
                    failure
                        .retry_after
                        .and_then(|wait| TimeDelta::from_std(wait).ok())
                        .map_or(at, |wait| at.max(now + wait))
                });
                self.fail(
                    conn,
                    message,
                    event,
                    retry_at,
                    &failure.error,
                    stamp,
                    report,
                )
                .await?;
            }
        }
        Ok(())
    }

    /// Applies a failure: back to `pending` for a retry, or `failed` and on
    /// to the next channel.
    #[allow(clippy::too_many_arguments)]
    async fn fail(
        &self,
        conn: &mut SqliteConnection,
        message: &Queued,
        event: OutboxEvent,
        retry_at: Option<NaiveDateTime>,
        error: &str,
        stamp: DateTime<Utc>,
        report: &mut PassReport,
    ) -> Result<()> {
        let change = Change {
            due_at: retry_at,
            last_error: Some(error),
            claimed_by: Some(None),
            ..Change::default()
        };
        let detail = match retry_at {
            Some(at) => format!("{error}; повтор в {}", at.format("%H:%M")),
            None => error.to_owned(),
        };
        let from = OutboxStatus::Sending;
        let Some(to) = apply(conn, message, from, &event, &detail, &change, stamp).await? else {
            return Ok(());
        };
        if to == OutboxStatus::Failed {
            report.failed += 1;
            self.fall_back(conn, message, error, stamp).await?;
        } else {
            report.retried += 1;
        }
        Ok(())
    }

    /// After a final failure: the next channel in the client's order, or the
    /// call list.
    async fn fall_back(
        &self,
        conn: &mut SqliteConnection,
        message: &Queued,
        error: &str,
        stamp: DateTime<Utc>,
    ) -> Result<()> {
        let Some(visit) = store::visit(conn, message.appointment_seq).await? else {
            return Ok(());
        };
        if visit.starts_at != message.visit_at {
            return Ok(());
        }
        let kind = message.kind()?;
        let tried =
            store::channels_tried(conn, message.appointment_seq, message.visit_at, kind).await?;
        let now = zone(conn).await?.to_local(stamp);
        match planner::reach(conn, &self.routes(), &visit, &tried).await? {
            Reach::Message {
                channel,
                gateway,
                recipient,
            } => {
                let rules = settings::rules(conn).await?;
                let shop = settings::shop_contacts(conn).await?;
                let due = out_of_quiet(&rules, now);
                planner::queue_message(
                    conn, &shop, &visit, kind, channel, gateway, &recipient, due, stamp,
                )
                .await?;
            }
            Reach::Call(_) => {
                self.call_about(conn, message, &visit, error, now, stamp)
                    .await?;
            }
        }
        Ok(())
    }

    async fn call_about(
        &self,
        conn: &mut SqliteConnection,
        message: &Queued,
        visit: &store::Visit,
        error: &str,
        now: NaiveDateTime,
        stamp: DateTime<Utc>,
    ) -> Result<()> {
        let call = NewCall {
            appointment_seq: message.appointment_seq,
            visit_at: message.visit_at,
            reason: CallReason::Failed,
            detail: error,
            due_on: now.date().min(visit.starts_at.date()),
        };
        store::reopen_call_for_failure(conn, &call, stamp).await
    }

    /// Resolves messages left in `sending` by a dispatcher that died.
    async fn recover(&self, shop: &Remzona) -> Result<u32> {
        let stamp = shop.now();
        let abandoned = {
            let mut conn = shop.db().read().await?;
            store::abandoned(&mut conn, stamp - self.lease).await?
        };
        let mut recovered = 0;
        for message in abandoned {
            let Some(recovery) = self.ask_about(&message).await? else {
                continue;
            };
            let mut tx = shop.db().begin_write().await?;
            let now = zone(&mut tx).await?.to_local(stamp);
            if self
                .apply_recovery(&mut tx, &message, recovery, now, stamp)
                .await?
            {
                recovered += 1;
            }
            tx.commit().await?;
        }
        Ok(recovered)
    }

    /// What became of an abandoned message; `None` when it cannot be known
    /// now (the gateway is switched off, or did not answer).
    async fn ask_about(&self, message: &Queued) -> Result<Option<Recovery>> {
        let kind = message.gateway()?;
        if !kind.knows_our_id() {
            return Ok(Some(Recovery::Failed {
                error: UNCERTAIN.to_owned(),
            }));
        }
        let Some(gateway) = self.gateways.get(&kind) else {
            return Ok(None);
        };
        let reference = reference(message)?;
        Ok(match gateway.status(&reference).await {
            StatusOutcome::NotFound => Some(Recovery::Unknown),
            StatusOutcome::Waiting { provider_id } => Some(Recovery::Accepted {
                provider_id: provider_id.unwrap_or_else(|| message.id.to_string()),
            }),
            StatusOutcome::Delivered => Some(Recovery::Delivered),
            StatusOutcome::Undelivered { error } => Some(Recovery::Failed { error }),
            StatusOutcome::Unanswered(_) => None,
        })
    }

    async fn apply_recovery(
        &self,
        conn: &mut SqliteConnection,
        message: &Queued,
        recovery: Recovery,
        now: NaiveDateTime,
        stamp: DateTime<Utc>,
    ) -> Result<bool> {
        let event = OutboxEvent::Recovered(recovery.clone());
        let (detail, provider_id, error) = match &recovery {
            Recovery::Unknown => (
                "шлюз не получал сообщение: отправится снова".to_owned(),
                None,
                None,
            ),
            Recovery::Accepted { provider_id } => {
                (provider_id.clone(), Some(provider_id.as_str()), None)
            }
            Recovery::Delivered => ("доставлено".to_owned(), None, None),
            Recovery::Failed { error } => (error.clone(), None, Some(error.as_str())),
        };
        let change = Change {
            provider_id,
            last_error: error,
            claimed_by: Some(None),
            due_at: matches!(recovery, Recovery::Unknown).then_some(now),
            next_poll_at: matches!(recovery, Recovery::Accepted { .. })
                .then(|| self.first_poll(message, now))
                .transpose()?,
            ..Change::default()
        };
        let from = OutboxStatus::Sending;
        let changed = apply(conn, message, from, &event, &detail, &change, stamp)
            .await?
            .is_some();
        if changed
            && let Recovery::Failed { error } = &recovery
            && let Some(visit) = store::visit(conn, message.appointment_seq).await?
        {
            // Never another channel: the first message may have gone out.
            self.call_about(conn, message, &visit, error, now, stamp)
                .await?;
        }
        Ok(changed)
    }

    /// Asks the providers about sent messages whose report is due.
    async fn poll(&self, shop: &Remzona, report: &mut PassReport) -> Result<()> {
        let due = {
            let mut conn = shop.db().read().await?;
            let now = zone(&mut conn).await?.to_local(shop.now());
            store::polls_due(&mut conn, now, self.batch * 4).await?
        };
        for message in due {
            let Some(gateway) = self.gateways.get(&message.gateway()?) else {
                continue;
            };
            let answer = gateway.status(&reference(&message)?).await;
            let stamp = shop.now();
            let mut tx = shop.db().begin_write().await?;
            let now = zone(&mut tx).await?.to_local(stamp);
            self.apply_poll(&mut tx, &message, answer, now, stamp, report)
                .await?;
            tx.commit().await?;
        }
        Ok(())
    }

    async fn apply_poll(
        &self,
        conn: &mut SqliteConnection,
        message: &Queued,
        answer: StatusOutcome,
        now: NaiveDateTime,
        stamp: DateTime<Utc>,
        report: &mut PassReport,
    ) -> Result<()> {
        let (event, detail) = match answer {
            StatusOutcome::Delivered => (OutboxEvent::Delivered, "доставлено".to_owned()),
            StatusOutcome::Undelivered { error } => (OutboxEvent::Undelivered, error),
            StatusOutcome::Waiting { .. }
            | StatusOutcome::NotFound
            | StatusOutcome::Unanswered(_) => {
                let next = self.next_poll(message, now);
                let change = Change {
                    next_poll_at: Some(next),
                    add_poll: true,
                    ..Change::default()
                };
                store::transition(
                    conn,
                    message.id,
                    OutboxStatus::Sent,
                    OutboxStatus::Sent,
                    "poll",
                    "ещё не доставлено",
                    &change,
                    stamp,
                )
                .await?;
                return Ok(());
            }
        };
        let failed = event == OutboxEvent::Undelivered;
        let change = Change {
            next_poll_at: Some(None),
            last_error: failed.then_some(detail.as_str()),
            ..Change::default()
        };
        let from = OutboxStatus::Sent;
        let to = apply(conn, message, from, &event, &detail, &change, stamp).await?;
        if to == Some(OutboxStatus::Delivered) {
            report.delivered += 1;
        }
        if to == Some(OutboxStatus::Failed) {
            report.failed += 1;
            self.fall_back(conn, message, &detail, stamp).await?;
        }
        Ok(())
    }

    /// The first delivery poll, for gateways that report delivery.
    fn first_poll(&self, message: &Queued, now: NaiveDateTime) -> Result<Option<NaiveDateTime>> {
        Ok(message
            .gateway()?
            .reports_delivery()
            .then(|| now + TimeDelta::minutes(1)))
    }

    /// Polls every 1, 2, 4 … up to 30 minutes; none after `max_polls` or once
    /// the visit has begun (the report no longer changes anything).
    fn next_poll(&self, message: &Queued, now: NaiveDateTime) -> Option<NaiveDateTime> {
        if message.polls + 1 >= self.max_polls || now >= message.visit_at {
            return None;
        }
        let minutes = 1_i64 << message.polls.clamp(0, 5);
        Some(now + TimeDelta::minutes(minutes.min(30)))
    }

    fn gateway_of(&self, message: &Queued) -> Result<Arc<dyn Gateway>> {
        let kind = message.gateway()?;
        self.gateways.get(&kind).cloned().ok_or_else(|| {
            crate::db::clients::damaged(format!(
                "no gateway {} for a claimed message",
                kind.as_str()
            ))
        })
    }
}

/// What a dry run found.
#[derive(Debug, Clone, Default)]
pub struct DryRun {
    pub planned: planner::Planned,
    /// Due messages: (id, channel, recipient, text).
    pub due: Vec<(i64, String, String, String)>,
}

/// Applies `event` to a message read with status `from`: the status the
/// state machine gives, written with its step only if the row still has
/// `from` (another dispatcher may have moved it). `Some(to)` when written.
async fn apply(
    conn: &mut SqliteConnection,
    message: &Queued,
    from: OutboxStatus,
    event: &OutboxEvent,
    detail: &str,
    change: &Change<'_>,
    stamp: DateTime<Utc>,
) -> Result<Option<OutboxStatus>> {
    let to = next_status(from, event).map_err(|e| crate::db::clients::damaged(e.to_string()))?;
    let written = store::transition(
        conn,
        message.id,
        from,
        to,
        event.name(),
        detail,
        change,
        stamp,
    )
    .await?;
    Ok(written.then_some(to))
}

fn outgoing(message: &Queued) -> Result<OutgoingMessage> {
    Ok(OutgoingMessage {
        our_id: message.id,
        channel: message.channel()?,
        recipient: message.recipient.clone(),
        subject: message.subject.clone(),
        text: message.body.clone(),
    })
}

fn reference(message: &Queued) -> Result<MessageRef> {
    Ok(MessageRef {
        our_id: message.id,
        provider_id: message.provider_id.clone(),
        channel: message.channel()?,
        recipient: message.recipient.clone(),
    })
}

/// A spread of 0..=1000 for the backoff, different per message and attempt
/// and per process, so desks that failed together come back apart.
fn jitter_permille(id: i64, attempts: u32) -> u16 {
    let hash = std::collections::hash_map::RandomState::new().hash_one((id, attempts));
    u16::try_from(hash % 1001).unwrap_or(500)
}
