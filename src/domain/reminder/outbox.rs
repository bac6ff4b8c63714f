//! A queued message's life: its states and the events that move it, retries
//! with exponential backoff and jitter, and which gateway answers are worth a
//! retry. The database stores the status; the dispatcher and the delivery
//! poller apply events through [`next_status`] and never set a status by hand.
//!
//! ```text
//!            Claim              Accepted            Delivered
//!  pending ─────────▶ sending ───────────▶ sent ─────────────▶ delivered
//!   │   ▲                │                  │
//!   │   └────────────────┤ TransientFailure │ Undelivered
//!   │                    │                  ▼
//!   │ Cancel             └────────────────▶ failed ──▶ pending
//!   ▼                      PermanentFailure       Retry (by the operator)
//!  cancelled
//! ```
//!
//! A row is claimed (`sending`) in a committed transaction before the network
//! call. A row found in `sending` after a restart is resolved by asking the
//! gateway about our id ([`Recovery`]), never by sending again blindly; and a
//! `sending` row cannot be cancelled, since the message may already be out.

use chrono::{NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OutboxStatus {
    /// Waiting for its time (or for a retry).
    Pending,
    /// Claimed by the dispatcher: the network call may be under way.
    Sending,
    /// The gateway accepted it; its delivery status is polled where the
    /// gateway has one (for e-mail the row rests here).
    Sent,
    Delivered,
    /// Failed for good: the call list and the next channel take over.
    Failed,
    Cancelled,
}

impl OutboxStatus {
    pub const ALL: [OutboxStatus; 6] = [
        OutboxStatus::Pending,
        OutboxStatus::Sending,
        OutboxStatus::Sent,
        OutboxStatus::Delivered,
        OutboxStatus::Failed,
        OutboxStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sending => "sending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Delivered => "delivered",
            OutboxStatus::Failed => "failed",
            OutboxStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<OutboxStatus> {
        OutboxStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
    }

    /// No event of the dispatcher moves the message any more (the operator
    /// may still send a failed one again).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            OutboxStatus::Delivered | OutboxStatus::Failed | OutboxStatus::Cancelled
        )
    }
}

/// What the gateway says about a message left in `sending` by a crash, asked
/// by our own id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovery {
    /// The gateway never got it: back to `pending`. Sending it again is safe
    /// only through a gateway that takes our id and refuses a second message
    /// with it (SMSC's `id`); the dispatcher must not recover other gateways'
    /// rows this way.
    Unknown,
    Accepted {
        provider_id: String,
    },
    Delivered,
    Failed {
        error: String,
    },
}

/// What happens to a queued message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutboxEvent {
    /// `pending` → `sending`, committed before the network call.
    Claim,
    /// `sending` → `sent`: the gateway took it and named it.
    Accepted { provider_id: String },
    /// `sent` → `delivered`.
    Delivered,
    /// `sent` → `failed`: the gateway reports it could not be delivered.
    Undelivered,
    /// `sending` → `pending`, to be retried at [`Backoff::retry_at`]. When no
    /// retry is left the failure is final: [`Backoff::after_failure`] gives a
    /// [`OutboxEvent::PermanentFailure`] instead.
    TransientFailure { error: String },
    /// `sending` → `failed`.
    PermanentFailure { error: String },
    /// `pending` → `cancelled` (the visit was cancelled or moved, or the
    /// operator cancelled it).
    Cancel,
    /// `failed` → `pending`: the operator corrected the client's address
    /// and sends it again.
    Retry,
    /// A row found in `sending` after a restart.
    Recovered(Recovery),
}

impl OutboxEvent {
    /// The event's name, as an [`InvalidTransition`] reports it.
    pub fn name(&self) -> &'static str {
        match self {
            OutboxEvent::Claim => "claim",
            OutboxEvent::Accepted { .. } => "accepted",
            OutboxEvent::Delivered => "delivered",
            OutboxEvent::Undelivered => "undelivered",
            OutboxEvent::TransientFailure { .. } => "transient_failure",
            OutboxEvent::PermanentFailure { .. } => "permanent_failure",
            OutboxEvent::Cancel => "cancel",
            OutboxEvent::Retry => "retry",
            OutboxEvent::Recovered(Recovery::Unknown) => "recovered_unknown",
            OutboxEvent::Recovered(Recovery::Accepted { .. }) => "recovered_accepted",
            OutboxEvent::Recovered(Recovery::Delivered) => "recovered_delivered",
            OutboxEvent::Recovered(Recovery::Failed { .. }) => "recovered_failed",
        }
    }
}

/// An event that does not apply to the message's status: a bug, or a race
/// another desk won (the row was claimed or cancelled meanwhile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an outbox message in `{}` cannot take `{event}`", .from.as_str())]
pub struct InvalidTransition {
    pub from: OutboxStatus,
    pub event: &'static str,
}

/// The status after `event`, or why it does not apply.
pub fn next_status(
    from: OutboxStatus,
    event: &OutboxEvent,
) -> Result<OutboxStatus, InvalidTransition> {
    use OutboxEvent as E;
    use OutboxStatus as S;
    match (from, event) {
        (S::Pending, E::Claim) => Ok(S::Sending),
        (S::Pending, E::Cancel) => Ok(S::Cancelled),
        (S::Sending, E::Accepted { .. }) => Ok(S::Sent),
        (S::Sending, E::TransientFailure { .. }) => Ok(S::Pending),
        (S::Sending, E::PermanentFailure { .. }) => Ok(S::Failed),
        (S::Sending, E::Recovered(recovery)) => Ok(match recovery {
            Recovery::Unknown => S::Pending,
            Recovery::Accepted { .. } => S::Sent,
            Recovery::Delivered => S::Delivered,
            Recovery::Failed { .. } => S::Failed,
        }),
        (S::Sent, E::Delivered) => Ok(S::Delivered),
        (S::Sent, E::Undelivered) => Ok(S::Failed),
        (S::Failed, E::Retry) => Ok(S::Pending),
        _ => Err(InvalidTransition {
            from,
            event: event.name(),
        }),
    }
}

/// Retries with exponential backoff and "equal jitter": the n-th retry waits
/// `min(cap, first × factorⁿ⁻¹)`, half of it fixed and up to the other half
/// spread by the jitter, so the desks that failed together do not all come
/// back together, yet none comes back sooner than half the delay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub first: TimeDelta,
    /// Below 1 counts as 1: delays never shrink.
    pub factor: u32,
    pub cap: TimeDelta,
    /// Attempts in all, the first one included.
    pub max_attempts: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            first: TimeDelta::minutes(1),
            factor: 2,
            cap: TimeDelta::minutes(30),
            max_attempts: 6,
        }
    }
}

/// The upper bound of `jitter_permille`; larger values count as this.
pub const JITTER_PERMILLE_MAX: u16 = 1000;

impl Backoff {
    /// The delay before the retry after `attempts_made` attempts (0 counts as
    /// 1), without jitter: `min(cap, first × factor^(attempts_made − 1))`.
    pub fn delay(&self, attempts_made: u32) -> TimeDelta {
        let exponent = attempts_made.saturating_sub(1);
        let growth = i64::from(self.factor.max(1).saturating_pow(exponent));
        let cap = self.cap.num_milliseconds().max(0);
        let millis = self
            .first
            .num_milliseconds()
            .max(0)
            .saturating_mul(growth)
            .min(cap);
        TimeDelta::try_milliseconds(millis).unwrap_or(TimeDelta::zero())
    }

    /// When to try again after `attempts_made` attempts that failed
    /// transiently, with `jitter_permille` (0..=1000, drawn by the caller)
    /// spreading the second half of the delay; `None` when the attempts are
    /// used up and the failure is final. Saturates at the latest time.
    pub fn retry_at(
        &self,
        attempts_made: u32,
        now: NaiveDateTime,
        jitter_permille: u16,
    ) -> Option<NaiveDateTime> {
        if attempts_made >= self.max_attempts {
            return None;
        }
        let delay = self.delay(attempts_made).num_milliseconds();
        let fixed = delay / 2;
        let spread = i128::from(delay - fixed)
            * i128::from(jitter_permille.min(JITTER_PERMILLE_MAX))
            / i128::from(JITTER_PERMILLE_MAX);
        let millis = fixed.saturating_add(i64::try_from(spread).unwrap_or(i64::MAX));
        Some(
            TimeDelta::try_milliseconds(millis)
                .and_then(|wait| now.checked_add_signed(wait))
                .unwrap_or(NaiveDateTime::MAX),
        )
    }

    /// The event for an attempt that failed with `error` (the
    /// `attempts_made`-th attempt, counted with it) and, for a retry, when:
    /// a transient failure with attempts left is retried; a permanent one,
    /// or a transient one with none left, fails the message.
    pub fn after_failure(
        &self,
        class: FailureClass,
        error: String,
        attempts_made: u32,
        now: NaiveDateTime,
        jitter_permille: u16,
    ) -> (OutboxEvent, Option<NaiveDateTime>) {
        let retry = match class {
            FailureClass::Transient => self.retry_at(attempts_made, now, jitter_permille),
            FailureClass::Permanent => None,
        };
        match retry {
            Some(at) => (OutboxEvent::TransientFailure { error }, Some(at)),
            None => (OutboxEvent::PermanentFailure { error }, None),
        }
    }
}

/// Whether a failed send is worth trying again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FailureClass {
    /// Network trouble, an overloaded gateway, a rate limit: retry later.
    Transient,
    /// A bad number, a stop-list, bad credentials, no funds: fail at once.
    Permanent,
}

/// An HTTP status of a failed request: 408 (timeout), 429 (too many
/// requests) and 5xx are transient; any other is permanent.
pub fn classify_http(status: u16) -> FailureClass {
    match status {
        408 | 429 | 500..=599 => FailureClass::Transient,
        _ => FailureClass::Permanent,
    }
}

/// SMS.ru's per-number `status_code` of a refused message: 220 (the service
/// is temporarily unavailable, retry later) is transient; 202 (a bad number),
/// 231/232 (a duplicate) and any code not known are permanent. 100 is
/// success and is not a failure to classify.
pub fn classify_smsru(status_code: i64) -> FailureClass {
    match status_code {
        220 => FailureClass::Transient,
        _ => FailureClass::Permanent,
    }
}

/// SMSC.ru's `error_code`: 9 (flood, too many identical messages) is
/// transient; 1 (parameters), 2 (login), 3 (no funds), 4 (IP blocked), 6
/// (forbidden), 7 (phone format), 8 (undeliverable) and any other are
/// permanent.
pub fn classify_smsc(error_code: i64) -> FailureClass {
    match error_code {
        9 => FailureClass::Transient,
        _ => FailureClass::Permanent,
    }
}

/// The Telegram Bot API's `error_code`, which follows HTTP: 429 (too many
/// requests; the caller also honours `retry_after`) and 5xx are transient;
/// 403 (the client blocked the bot), 400 (a bad chat) and others are
/// permanent.
pub fn classify_telegram(error_code: i64) -> FailureClass {
    u16::try_from(error_code).map_or(FailureClass::Permanent, classify_http)
}

/// Where a sent message is, as the gateway's status report says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeliveryState {
    /// Not final yet: poll again.
    Waiting,
    Delivered,
    Failed,
}

/// SMS.ru's `status_code` from `sms/status`: 103 delivered; 104–108 and 150
/// failed; 100–102 (queued, passed on, in transit) waiting. A code not known
/// also counts as waiting: an unfamiliar answer must not start a fallback
/// message to a client who may have got the first; the poller's own limit
/// ends the polling.
pub fn smsru_delivery(status_code: i64) -> DeliveryState {
    match status_code {
        103 => DeliveryState::Delivered,
        104..=108 | 150 => DeliveryState::Failed,
        _ => DeliveryState::Waiting,
    }
}

/// SMSC.ru's `status` from `status.php`: -1 (waiting to be sent) and 0
/// (handed to the operator) waiting; 1 (delivered) and 2 (read) delivered; 3
/// (expired) and 20 and above failed. Other codes count as waiting, as in
/// [`smsru_delivery`].
pub fn smsc_delivery(status: i64) -> DeliveryState {
    match status {
        1 | 2 => DeliveryState::Delivered,
        3 | 20.. => DeliveryState::Failed,
        _ => DeliveryState::Waiting,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OutboxStatus::{Cancelled, Delivered, Failed, Pending, Sending, Sent};

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").expect("a test date and time")
    }

    fn events() -> [OutboxEvent; 12] {
        [
            OutboxEvent::Claim,
            OutboxEvent::Accepted {
                provider_id: "202611-1".into(),
            },
            OutboxEvent::Delivered,
            OutboxEvent::Undelivered,
            OutboxEvent::TransientFailure {
                error: "timeout".into(),
            },
            OutboxEvent::PermanentFailure {
                error: "bad number".into(),
            },
            OutboxEvent::Cancel,
            OutboxEvent::Recovered(Recovery::Unknown),
            OutboxEvent::Recovered(Recovery::Accepted {
                provider_id: "202611-1".into(),
            }),
            OutboxEvent::Recovered(Recovery::Delivered),
            OutboxEvent::Recovered(Recovery::Failed {
                error: "undeliverable".into(),
            }),
            OutboxEvent::Retry,
        ]
    }

    #[test]
    fn every_status_under_every_event() {
        // Columns in the order of `events()`: claim, accepted, delivered,
        // undelivered, transient, permanent, cancel, recovered unknown /
        // accepted / delivered / failed, retry. `None`: the event does not apply.
        let table: [(OutboxStatus, [Option<OutboxStatus>; 12]); 6] = [
            (
                Pending,
                [
                    Some(Sending),
                    None,
                    None,
                    None,
                    None,
                    None,
                    Some(Cancelled),
                    None,
                    None,
                    None,
                    None,
                    None,
                ],
            ),
            (
                Sending,
                [
                    None,
                    Some(Sent),
                    None,
                    None,
                    Some(Pending),
                    Some(Failed),
                    // The network call may have happened: no cancelling now.
                    None,
                    Some(Pending),
                    Some(Sent),
                    Some(Delivered),
                    Some(Failed),
                    None,
                ],
            ),
            (
                Sent,
                [
                    None,
                    None,
                    Some(Delivered),
                    Some(Failed),
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                ],
            ),
            (Delivered, [None; 12]),
            (
                Failed,
                [
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    Some(Pending),
                ],
            ),
            (Cancelled, [None; 12]),
        ];
        assert_eq!(
            table.map(|(from, _)| from),
            OutboxStatus::ALL,
            "every status has a row"
        );
        for (from, row) in table {
            for (event, expected) in events().iter().zip(row) {
                let found = next_status(from, event);
                match expected {
                    Some(to) => assert_eq!(found, Ok(to), "{from:?} on {event:?}"),
                    None => assert_eq!(
                        found,
                        Err(InvalidTransition {
                            from,
                            event: event.name()
                        }),
                        "{from:?} on {event:?}"
                    ),
                }
            }
            // The operator's retry aside, a final status never moves.
            let moves = row
                .iter()
                .zip(events())
                .filter(|(to, event)| to.is_some() && *event != OutboxEvent::Retry)
                .count();
            assert_eq!(from.is_final(), moves == 0, "{from:?}");
        }
    }

    #[test]
    fn statuses_and_events_as_text() {
        for status in OutboxStatus::ALL {
            assert_eq!(OutboxStatus::parse(status.as_str()), Some(status));
            assert_eq!(
                serde_json::to_value(status).expect("serialises"),
                serde_json::Value::from(status.as_str())
            );
        }
        assert_eq!(OutboxStatus::parse("queued"), None);
        let mut names: Vec<&str> = events().iter().map(OutboxEvent::name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), events().len(), "event names are distinct");
        let error = next_status(Sending, &OutboxEvent::Cancel).expect_err("refused");
        assert_eq!(
            error.to_string(),
            "an outbox message in `sending` cannot take `cancel`"
        );
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let backoff = Backoff::default();
        let now = at("2026-12-02 10:00:00");
        // (attempts made, jitter ‰, retry at); the delays are 1, 2, 4, 8, 16 minutes.
        let table = [
            (0, 1000, Some("2026-12-02 10:01:00")),
            (1, 1000, Some("2026-12-02 10:01:00")),
            (1, 0, Some("2026-12-02 10:00:30")),
            (1, 500, Some("2026-12-02 10:00:45")),
            (2, 1000, Some("2026-12-02 10:02:00")),
            (2, 0, Some("2026-12-02 10:01:00")),
            (3, 1000, Some("2026-12-02 10:04:00")),
            (4, 1000, Some("2026-12-02 10:08:00")),
            (5, 1000, Some("2026-12-02 10:16:00")),
            (5, 0, Some("2026-12-02 10:08:00")),
            // Jitter above 1000 counts as 1000.
            (5, 65535, Some("2026-12-02 10:16:00")),
            // The sixth attempt was the last.
            (6, 1000, None),
            (7, 0, None),
            (u32::MAX, 0, None),
        ];
        for (attempts, jitter, expected) in table {
            assert_eq!(
                backoff.retry_at(attempts, now, jitter),
                expected.map(at),
                "{attempts} attempts, {jitter}‰"
            );
        }

        let long = Backoff {
            max_attempts: u32::MAX,
            ..Backoff::default()
        };
        let delays = [
            (1, 1),
            (5, 16),
            (6, 30),
            (7, 30),
            (40, 30),
            (u32::MAX - 1, 30),
        ];
        for (attempts, minutes) in delays {
            assert_eq!(
                long.delay(attempts),
                TimeDelta::minutes(minutes),
                "{attempts}"
            );
        }
        for attempts in 1..100 {
            let delay = long.delay(attempts);
            for jitter in [0, 1, 333, 999, 1000] {
                let wait = long.retry_at(attempts, now, jitter).expect("a retry") - now;
                assert!(wait * 2 >= delay && wait <= delay, "{attempts}, {jitter}‰");
            }
            assert_eq!(long.retry_at(attempts, now, 0), Some(now + delay / 2));
            assert_eq!(long.retry_at(attempts, now, 1000), Some(now + delay));
        }
    }

    #[test]
    fn backoff_never_overflows() {
        let huge = Backoff {
            first: TimeDelta::MAX,
            factor: u32::MAX,
            cap: TimeDelta::MAX,
            max_attempts: u32::MAX,
        };
        let now = at("2026-12-02 10:00:00");
        assert_eq!(huge.delay(u32::MAX - 1), TimeDelta::MAX);
        assert_eq!(huge.retry_at(3, now, 1000), Some(NaiveDateTime::MAX));
        assert_eq!(
            huge.retry_at(3, NaiveDateTime::MAX, 0),
            Some(NaiveDateTime::MAX)
        );

        let odd = Backoff {
            first: TimeDelta::seconds(-5),
            factor: 0,
            cap: TimeDelta::minutes(30),
            max_attempts: 3,
        };
        assert_eq!(odd.retry_at(2, now, 1000), Some(now));
        let flat = Backoff {
            factor: 0,
            ..Backoff::default()
        };
        assert_eq!(flat.delay(5), TimeDelta::minutes(1));
        let odd_second = Backoff {
            first: TimeDelta::milliseconds(1),
            ..Backoff::default()
        };
        // One millisecond: no half of it is lost to rounding at full jitter.
        assert_eq!(
            odd_second.retry_at(1, now, 1000),
            Some(now + TimeDelta::milliseconds(1))
        );
        assert_eq!(odd_second.retry_at(1, now, 0), Some(now));
    }

    #[test]
    fn failures_become_events() {
        let backoff = Backoff::default();
        let now = at("2026-12-02 10:00:00");
        let error = || "220: сервис временно недоступен".to_owned();
        let table = [
            (
                FailureClass::Transient,
                1,
                true,
                Some("2026-12-02 10:01:00"),
            ),
            (
                FailureClass::Transient,
                5,
                true,
                Some("2026-12-02 10:16:00"),
            ),
            (FailureClass::Transient, 6, false, None),
            (FailureClass::Permanent, 1, false, None),
        ];
        for (class, attempts, retried, when) in table {
            let (event, retry) = backoff.after_failure(class, error(), attempts, now, 1000);
            let expected = if retried {
                OutboxEvent::TransientFailure { error: error() }
            } else {
                OutboxEvent::PermanentFailure { error: error() }
            };
            assert_eq!(
                (event, retry),
                (expected, when.map(at)),
                "{class:?} {attempts}"
            );
        }
    }

    #[test]
    fn gateway_failures() {
        use FailureClass::{Permanent, Transient};
        let http = [
            (408, Transient),
            (429, Transient),
            (500, Transient),
            (502, Transient),
            (503, Transient),
            (504, Transient),
            (599, Transient),
            (400, Permanent),
            (401, Permanent),
            (403, Permanent),
            (404, Permanent),
            (422, Permanent),
            (499, Permanent),
            (600, Permanent),
            (302, Permanent),
        ];
        for (status, expected) in http {
            assert_eq!(classify_http(status), expected, "HTTP {status}");
        }
        // SMS.ru: 220 retry later; 202 bad number; 231/232 duplicate.
        let smsru = [
            (220, Transient),
            (202, Permanent),
            (231, Permanent),
            (232, Permanent),
            (999, Permanent),
            (-1, Permanent),
        ];
        for (code, expected) in smsru {
            assert_eq!(classify_smsru(code), expected, "SMS.ru {code}");
        }
        // SMSC.ru: 1 parameters, 2 auth, 3 no funds, 4 IP blocked, 6 forbidden,
        // 7 phone format, 8 undeliverable, 9 flood/duplicate.
        let smsc = [
            (9, Transient),
            (1, Permanent),
            (2, Permanent),
            (3, Permanent),
            (4, Permanent),
            (6, Permanent),
            (7, Permanent),
            (8, Permanent),
            (5, Permanent),
            (0, Permanent),
        ];
        for (code, expected) in smsc {
            assert_eq!(classify_smsc(code), expected, "SMSC {code}");
        }
        // Telegram: 429 with retry_after; 403 blocked by the user; 400 bad request.
        let telegram = [
            (429, Transient),
            (500, Transient),
            (502, Transient),
            (403, Permanent),
            (400, Permanent),
            (401, Permanent),
            (404, Permanent),
            (-429, Permanent),
            (65_536 + 429, Permanent),
        ];
        for (code, expected) in telegram {
            assert_eq!(classify_telegram(code), expected, "Telegram {code}");
        }
    }

    #[test]
    fn delivery_reports() {
        use DeliveryState::{Delivered, Failed, Waiting};
        // SMS.ru sms/status: 103 delivered, 104–108/150 failed, 100–102 on the way.
        let smsru = [
            (100, Waiting),
            (101, Waiting),
            (102, Waiting),
            (103, Delivered),
            (104, Failed),
            (105, Failed),
            (106, Failed),
            (107, Failed),
            (108, Failed),
            (150, Failed),
            (109, Waiting),
            (-1, Waiting),
        ];
        for (code, expected) in smsru {
            assert_eq!(smsru_delivery(code), expected, "SMS.ru {code}");
        }
        // SMSC.ru status.php: -1 waiting, 0 handed to the operator, 1 delivered,
        // 2 read, 3 expired, 20+ failed.
        let smsc = [
            (-1, Waiting),
            (0, Waiting),
            (1, Delivered),
            (2, Delivered),
            (3, Failed),
            (20, Failed),
            (22, Failed),
            (25, Failed),
            (4, Waiting),
            (19, Waiting),
            (-3, Waiting),
        ];
        for (code, expected) in smsc {
            assert_eq!(smsc_delivery(code), expected, "SMSC {code}");
        }
    }
}
