//! The planner: puts the coming visits' reminders in the outbox, or the
//! visits on the operator's call list, and cancels the messages of visits
//! that moved or were cancelled. Idempotent: the outbox's unique key and the
//! call list's make a second pass add nothing.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use sqlx::SqliteConnection;

use crate::db::history;
use crate::db::reminders::{self as store, Change, NewCall, NewMessage, Visit};
use crate::domain::client::ReminderChannel;
use crate::domain::consent::{allowed_channels, current_states};
use crate::domain::ids::ClientId;
use crate::domain::reminder::outbox::{OutboxEvent, OutboxStatus, next_status};
use crate::domain::reminder::queue::{CallReason, GatewayKind};
use crate::domain::reminder::rules::{ReminderKind, ReminderRules, plan};
use crate::domain::reminder::template::ReminderValues;
use crate::error::Result;
use crate::reminders::settings::{self, ShopContacts};

/// Visits this far ahead are planned: the day-before reminder of the day
/// after tomorrow, and a second reminder up to 48 hours before.
const HORIZON: TimeDelta = TimeDelta::days(3);

/// Which gateway carries each channel, in the dispatcher's order of
/// preference (SMSC before SMS.ru for SMS; the bot before SMSC for Telegram).
#[derive(Debug, Clone, Default)]
pub struct Routes {
    carriers: Vec<(GatewayKind, Vec<ReminderChannel>)>,
}

impl Routes {
    pub fn new(carriers: Vec<(GatewayKind, Vec<ReminderChannel>)>) -> Routes {
        Routes { carriers }
    }

    fn carries(&self, gateway: GatewayKind, channel: ReminderChannel) -> bool {
        self.carriers
            .iter()
            .any(|(kind, channels)| *kind == gateway && channels.contains(&channel))
    }

    /// The gateway and the address for `channel` to this visit's client, if
    /// the shop has set one up and the client has the address it needs.
    pub(crate) fn route(
        &self,
        channel: ReminderChannel,
        visit: &Visit,
    ) -> Option<(GatewayKind, String)> {
        let phone = visit
            .phone
            .as_deref()
            .map(|e164| e164.trim_start_matches('+').to_owned())
            .filter(|digits| !digits.is_empty());
        let email = visit.email.clone().filter(|email| !email.trim().is_empty());
        let candidates: &[GatewayKind] = match channel {
            ReminderChannel::Call => &[],
            ReminderChannel::Email => &[GatewayKind::Smtp],
            ReminderChannel::Sms => &[GatewayKind::Smsc, GatewayKind::SmsRu],
            ReminderChannel::Viber | ReminderChannel::Voice => &[GatewayKind::Smsc],
            ReminderChannel::Telegram => &[GatewayKind::TelegramBot, GatewayKind::Smsc],
        };
        candidates.iter().find_map(|&gateway| {
            if !self.carries(gateway, channel) {
                return None;
            }
            let recipient = match gateway {
                GatewayKind::Smtp => email.clone(),
                GatewayKind::TelegramBot => visit.telegram_chat.clone(),
                GatewayKind::Smsc | GatewayKind::SmsRu => phone.clone(),
            }?;
            Some((gateway, recipient))
        })
    }
}

/// How a visit's client is to be reminded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reach {
    Message {
        channel: ReminderChannel,
        gateway: GatewayKind,
        recipient: String,
    },
    Call(CallReason),
}

/// The first channel of the client's order that is allowed and set up,
/// skipping `tried`; the call list when none is.
pub(crate) async fn reach(
    conn: &mut SqliteConnection,
    routes: &Routes,
    visit: &Visit,
    tried: &[ReminderChannel],
) -> Result<Reach> {
    let client: ClientId = crate::db::parse_id(&visit.client_id)?;
    let preferred = visit.channels();
    let allowed = allowed_channels(
        &preferred,
        &current_states(&history::consents(conn, client).await?),
    );
    for channel in allowed.iter().copied().filter(|c| !tried.contains(c)) {
        if channel == ReminderChannel::Call {
            return Ok(Reach::Call(CallReason::PrefersCall));
        }
        if let Some((gateway, recipient)) = routes.route(channel, visit) {
            return Ok(Reach::Message {
                channel,
                gateway,
                recipient,
            });
        }
    }
    let refused = preferred
        .iter()
        .any(|channel| *channel != ReminderChannel::Call && !allowed.contains(channel));
    let reason = if refused || allowed.is_empty() {
        CallReason::NoConsent
    } else {
        CallReason::NoChannel
    };
    Ok(Reach::Call(reason))
}

/// What a pass of the planner did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Planned {
    pub messages: u32,
    pub calls: u32,
    pub cancelled: u32,
}

/// One planning pass at the shop's `now`, inside the caller's transaction.
pub(crate) async fn plan_pass(
    conn: &mut SqliteConnection,
    routes: &Routes,
    now: NaiveDateTime,
    stamp: chrono::DateTime<chrono::Utc>,
) -> Result<Planned> {
    let mut done = Planned {
        cancelled: cancel_stale(conn, stamp).await?,
        ..Planned::default()
    };
    let rules = settings::rules(conn).await?;
    let shop = settings::shop_contacts(conn).await?;
    for visit in store::awaited_visits(conn, now, now + HORIZON).await? {
        plan_visit(conn, routes, &rules, &shop, &visit, now, stamp, &mut done).await?;
    }
    Ok(done)
}

#[allow(clippy::too_many_arguments)]
async fn plan_visit(
    conn: &mut SqliteConnection,
    routes: &Routes,
    rules: &ReminderRules,
    shop: &ShopContacts,
    visit: &Visit,
    now: NaiveDateTime,
    stamp: chrono::DateTime<chrono::Utc>,
    done: &mut Planned,
) -> Result<()> {
    let times = plan(rules, visit.starts_at, now);
    let Some(&(_, first_at)) = times.first() else {
        return Ok(());
    };
    match reach(conn, routes, visit, &[]).await? {
        Reach::Call(reason) => {
            let call = NewCall {
                appointment_seq: visit.seq,
                visit_at: visit.starts_at,
                reason,
                detail: "",
                due_on: call_day(first_at.date(), visit.starts_at.date()),
            };
            if store::insert_call(conn, &call, stamp).await? {
                done.calls += 1;
            }
        }
        Reach::Message {
            channel,
            gateway,
            recipient,
        } => {
            for (kind, at) in times {
                let added = queue_message(
                    conn, shop, visit, kind, channel, gateway, &recipient, at, stamp,
                )
                .await?;
                done.messages += u32::from(added);
            }
        }
    }
    Ok(())
}

/// The day of a call: the day the reminder would have gone, never after the
/// visit's own day.
fn call_day(reminder_day: NaiveDate, visit_day: NaiveDate) -> NaiveDate {
    reminder_day.min(visit_day)
}

/// Renders the channel's text for the visit and puts it in the outbox.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn queue_message(
    conn: &mut SqliteConnection,
    shop: &ShopContacts,
    visit: &Visit,
    kind: ReminderKind,
    channel: ReminderChannel,
    gateway: GatewayKind,
    recipient: &str,
    due_at: NaiveDateTime,
    stamp: chrono::DateTime<chrono::Utc>,
) -> Result<bool> {
    let template = settings::valid_template(conn, channel).await?;
    let values = values_of(conn, shop, visit).await?;
    let rendered = settings::preview(&template, &values);
    let message = NewMessage {
        appointment_seq: visit.seq,
        visit_at: visit.starts_at,
        kind,
        channel,
        gateway,
        recipient,
        subject: rendered.subject.as_deref(),
        body: &rendered.text,
        due_at,
    };
    store::insert_message(conn, &message, stamp).await
}

pub(crate) async fn values_of(
    conn: &mut SqliteConnection,
    shop: &ShopContacts,
    visit: &Visit,
) -> Result<ReminderValues> {
    Ok(ReminderValues {
        client: visit.addressed_as(),
        date: visit.starts_at.date(),
        time: visit.starts_at.time(),
        car: visit.car.clone().unwrap_or_default(),
        plate: visit
            .plate
            .as_deref()
            .map(|plate| {
                crate::domain::plate::Plate::parse(plate)
                    .map_or_else(|_| plate.to_owned(), |parsed| parsed.display())
            })
            .unwrap_or_default(),
        services: store::service_names(conn, visit.seq).await?,
        mechanic: visit.mechanic.clone(),
        shop: shop.name.clone(),
        address: shop.address.clone(),
        phone: shop.phone.clone(),
    })
}

/// Cancels the pending messages of visits that moved, were cancelled, or
/// are no longer awaited.
async fn cancel_stale(
    conn: &mut SqliteConnection,
    stamp: chrono::DateTime<chrono::Utc>,
) -> Result<u32> {
    let mut cancelled = 0;
    for message in store::stale_pending(conn).await? {
        let to = next_status(OutboxStatus::Pending, &OutboxEvent::Cancel)
            .map_err(|e| crate::db::clients::damaged(e.to_string()))?;
        let changed = store::transition(
            conn,
            message.id,
            OutboxStatus::Pending,
            to,
            "cancel",
            "визит перенесён или отменён",
            &Change::default(),
            stamp,
        )
        .await?;
        cancelled += u32::from(changed);
    }
    Ok(cancelled)
}
