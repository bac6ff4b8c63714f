//! The life of a repair order: открыт → в работе ⇄ ждёт запчасти → готов →
//! выдан, or отменён at any point before it is issued.
//!
//! An issued order is the signed contract and its documents are frozen, so
//! nothing in it may change ([`ensure_editable`]). A mistake found later is
//! corrected by *reopening* it — an explicit action with a stated reason that
//! the order's history records ([`OrderChange::Reopened`]); the documents then
//! get a new version and keep the issued one. A cancelled order is reopened
//! the same way, for the cancel that was a slip of the hand.
//!
//! The actions and where they lead:
//!
//! | from \ action | start       | wait for parts | finish | issue  | cancel    | reopen |
//! |---------------|-------------|----------------|--------|--------|-----------|--------|
//! | open          | in progress | waiting parts  | ready  | —      | cancelled | —      |
//! | in progress   | —           | waiting parts  | ready  | —      | cancelled | —      |
//! | waiting parts | in progress | —              | ready  | —      | cancelled | —      |
//! | ready         | in progress | waiting parts  | —      | issued | cancelled | —      |
//! | issued        | —           | —              | —      | —      | —         | ready  |
//! | cancelled     | —           | —              | —      | —      | —         | open   |
//!
//! A quick job may be finished straight from «открыт»; only a ready order is
//! issued, so the operator always sees the final sums before handing the car
//! over. Issuing with money still owed is allowed: companies pay invoices later
//! (the balance shows the debt). Reopening an issued order leads to «готов»,
//! where it can be corrected and issued again at once, or sent back to work.

use serde::{Deserialize, Serialize};

/// Longest reason a cancel or a reopening may carry.
pub const MAX_REASON: usize = 500;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Открыт: written, work not started.
    #[default]
    Open,
    /// В работе.
    InProgress,
    /// Ждёт запчасти.
    WaitingParts,
    /// Готов: the work is done, the car waits for the client.
    Ready,
    /// Выдан: the car is back with the client; the order is frozen.
    Issued,
    /// Отменён.
    Cancelled,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 6] = [
        OrderStatus::Open,
        OrderStatus::InProgress,
        OrderStatus::WaitingParts,
        OrderStatus::Ready,
        OrderStatus::Issued,
        OrderStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Open => "open",
            OrderStatus::InProgress => "in_progress",
            OrderStatus::WaitingParts => "waiting_parts",
            OrderStatus::Ready => "ready",
            OrderStatus::Issued => "issued",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<OrderStatus> {
        OrderStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
    }

    /// Whether the lines, prices, client and car may still change.
    pub fn is_editable(self) -> bool {
        !matches!(self, OrderStatus::Issued | OrderStatus::Cancelled)
    }

    /// Where `action` leads from here; `None` when it is not allowed.
    pub fn after(self, action: OrderAction) -> Option<OrderStatus> {
        use OrderAction as A;
        use OrderStatus as S;
        let to = match (self, action) {
            (S::Open | S::WaitingParts | S::Ready, A::Start) => S::InProgress,
            (S::Open | S::InProgress | S::Ready, A::WaitForParts) => S::WaitingParts,
            (S::Open | S::InProgress | S::WaitingParts, A::Finish) => S::Ready,
            (S::Ready, A::Issue) => S::Issued,
            (S::Open | S::InProgress | S::WaitingParts | S::Ready, A::Cancel) => S::Cancelled,
            (S::Issued, A::Reopen) => S::Ready,
            (S::Cancelled, A::Reopen) => S::Open,
            _ => return None,
        };
        Some(to)
    }

    /// The actions allowed from here, for the buttons the order window shows.
    pub fn actions(self) -> Vec<OrderAction> {
        OrderAction::ALL
            .into_iter()
            .filter(|action| self.after(*action).is_some())
            .collect()
    }
}

/// What the operator does to an order's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OrderAction {
    Start,
    WaitForParts,
    Finish,
    Issue,
    Cancel,
    Reopen,
}

impl OrderAction {
    pub const ALL: [OrderAction; 6] = [
        OrderAction::Start,
        OrderAction::WaitForParts,
        OrderAction::Finish,
        OrderAction::Issue,
        OrderAction::Cancel,
        OrderAction::Reopen,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderAction::Start => "start",
            OrderAction::WaitForParts => "wait_for_parts",
            OrderAction::Finish => "finish",
            OrderAction::Issue => "issue",
            OrderAction::Cancel => "cancel",
            OrderAction::Reopen => "reopen",
        }
    }
}

/// An action with what it carries: a cancel may say why, a reopening must.
/// Tagged by the [`OrderAction`]'s own name (`wait_for_parts`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum OrderEvent {
    Start,
    WaitForParts,
    Finish,
    Issue,
    Cancel { reason: String },
    Reopen { reason: String },
}

impl OrderEvent {
    pub fn action(&self) -> OrderAction {
        match self {
            OrderEvent::Start => OrderAction::Start,
            OrderEvent::WaitForParts => OrderAction::WaitForParts,
            OrderEvent::Finish => OrderAction::Finish,
            OrderEvent::Issue => OrderAction::Issue,
            OrderEvent::Cancel { .. } => OrderAction::Cancel,
            OrderEvent::Reopen { .. } => OrderAction::Reopen,
        }
    }
}

/// What the order's history records of a status change.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum OrderChange {
    StatusChanged {
        from: OrderStatus,
        to: OrderStatus,
    },
    Cancelled {
        from: OrderStatus,
        reason: String,
    },
    /// A correction: an issued (or cancelled) order opened again.
    Reopened {
        from: OrderStatus,
        to: OrderStatus,
        reason: String,
    },
}

/// An allowed status change, with its record for the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub from: OrderStatus,
    pub to: OrderStatus,
    pub change: OrderChange,
}

impl Transition {
    /// Reopening an issued order: its documents get a new version and keep
    /// the issued one.
    pub fn starts_new_version(&self) -> bool {
        self.from == OrderStatus::Issued && self.to != OrderStatus::Issued
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatusError {
    #[error("cannot {} an order that is {}", action.as_str(), from.as_str())]
    NotAllowed {
        from: OrderStatus,
        action: OrderAction,
    },
    /// An issued or cancelled order changes only by reopening it.
    #[error("the order is {} and cannot be changed; reopen it first", status.as_str())]
    Locked { status: OrderStatus },
    #[error("reopening an order needs a reason")]
    ReasonRequired,
    #[error("the reason is longer than {max} characters")]
    ReasonTooLong { max: usize },
}

/// Applies `event` to an order in `status`: the new status and the record of
/// the change, or why it is not allowed.
pub fn apply(status: OrderStatus, event: &OrderEvent) -> Result<Transition, StatusError> {
    let action = event.action();
    let to = status.after(action).ok_or(StatusError::NotAllowed {
        from: status,
        action,
    })?;
    let change = match event {
        OrderEvent::Cancel { reason } => OrderChange::Cancelled {
            from: status,
            reason: clean_reason(reason)?,
        },
        OrderEvent::Reopen { reason } => {
            let reason = clean_reason(reason)?;
            if reason.is_empty() {
                return Err(StatusError::ReasonRequired);
            }
            OrderChange::Reopened {
                from: status,
                to,
                reason,
            }
        }
        _ => OrderChange::StatusChanged { from: status, to },
    };
    Ok(Transition {
        from: status,
        to,
        change,
    })
}

/// Refuses any change to the order's content (lines, prices, client, car,
/// terms) once it is issued or cancelled.
pub fn ensure_editable(status: OrderStatus) -> Result<(), StatusError> {
    if status.is_editable() {
        Ok(())
    } else {
        Err(StatusError::Locked { status })
    }
}

fn clean_reason(reason: &str) -> Result<String, StatusError> {
    let cleaned = reason.trim().replace("\r\n", "\n");
    if cleaned.chars().count() > MAX_REASON {
        return Err(StatusError::ReasonTooLong { max: MAX_REASON });
    }
    Ok(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderAction as A;
    use OrderStatus as S;

    fn check(from: OrderStatus, action: OrderAction, expected: Option<OrderStatus>) {
        assert_eq!(from.after(action), expected, "{from:?} {action:?}");
    }

    #[test]
    fn the_transition_table() {
        let table = [
            (
                S::Open,
                [
                    Some(S::InProgress),
                    Some(S::WaitingParts),
                    Some(S::Ready),
                    None,
                    Some(S::Cancelled),
                    None,
                ],
            ),
            (
                S::InProgress,
                [
                    None,
                    Some(S::WaitingParts),
                    Some(S::Ready),
                    None,
                    Some(S::Cancelled),
                    None,
                ],
            ),
            (
                S::WaitingParts,
                [
                    Some(S::InProgress),
                    None,
                    Some(S::Ready),
                    None,
                    Some(S::Cancelled),
                    None,
                ],
            ),
            (
                S::Ready,
                [
                    Some(S::InProgress),
                    Some(S::WaitingParts),
                    None,
                    Some(S::Issued),
                    Some(S::Cancelled),
                    None,
                ],
            ),
            (S::Issued, [None, None, None, None, None, Some(S::Ready)]),
            (S::Cancelled, [None, None, None, None, None, Some(S::Open)]),
        ];
        for (from, row) in table {
            for (action, expected) in A::ALL.into_iter().zip(row) {
                check(from, action, expected);
            }
        }
        assert_eq!(S::Issued.actions(), vec![A::Reopen]);
        assert_eq!(
            S::Ready.actions(),
            vec![A::Start, A::WaitForParts, A::Issue, A::Cancel]
        );
    }

    #[test]
    fn events_produce_records() {
        let reason = |text: &str| text.to_owned();
        let table: Vec<(S, OrderEvent, Result<OrderChange, StatusError>)> = vec![
            (
                S::Open,
                OrderEvent::Start,
                Ok(OrderChange::StatusChanged {
                    from: S::Open,
                    to: S::InProgress,
                }),
            ),
            (
                S::Ready,
                OrderEvent::Issue,
                Ok(OrderChange::StatusChanged {
                    from: S::Ready,
                    to: S::Issued,
                }),
            ),
            (
                S::Open,
                OrderEvent::Issue,
                Err(StatusError::NotAllowed {
                    from: S::Open,
                    action: A::Issue,
                }),
            ),
            (
                S::Issued,
                OrderEvent::Finish,
                Err(StatusError::NotAllowed {
                    from: S::Issued,
                    action: A::Finish,
                }),
            ),
            (
                S::Issued,
                OrderEvent::Cancel {
                    reason: reason("x"),
                },
                Err(StatusError::NotAllowed {
                    from: S::Issued,
                    action: A::Cancel,
                }),
            ),
            (
                S::Open,
                OrderEvent::Cancel {
                    reason: reason("  "),
                },
                Ok(OrderChange::Cancelled {
                    from: S::Open,
                    reason: reason(""),
                }),
            ),
            (
                S::InProgress,
                OrderEvent::Cancel {
                    reason: reason(" Клиент отказался "),
                },
                Ok(OrderChange::Cancelled {
                    from: S::InProgress,
                    reason: reason("Клиент отказался"),
                }),
            ),
            (
                S::Issued,
                OrderEvent::Reopen {
                    reason: reason("Не учли прокладку"),
                },
                Ok(OrderChange::Reopened {
                    from: S::Issued,
                    to: S::Ready,
                    reason: reason("Не учли прокладку"),
                }),
            ),
            (
                S::Cancelled,
                OrderEvent::Reopen {
                    reason: reason("Отменили по ошибке"),
                },
                Ok(OrderChange::Reopened {
                    from: S::Cancelled,
                    to: S::Open,
                    reason: reason("Отменили по ошибке"),
                }),
            ),
            (
                S::Issued,
                OrderEvent::Reopen {
                    reason: reason(" \n "),
                },
                Err(StatusError::ReasonRequired),
            ),
            (
                S::Issued,
                OrderEvent::Reopen {
                    reason: "я".repeat(MAX_REASON + 1),
                },
                Err(StatusError::ReasonTooLong { max: MAX_REASON }),
            ),
            (
                S::Open,
                OrderEvent::Reopen {
                    reason: reason("x"),
                },
                Err(StatusError::NotAllowed {
                    from: S::Open,
                    action: A::Reopen,
                }),
            ),
        ];
        for (from, event, expected) in table {
            assert_eq!(
                apply(from, &event).map(|t| t.change),
                expected,
                "{from:?} {event:?}"
            );
        }
    }

    #[test]
    fn only_reopening_an_issued_order_starts_a_new_version() {
        let reopen = OrderEvent::Reopen {
            reason: "Исправление цены".into(),
        };
        let reopened = apply(S::Issued, &reopen).expect("allowed");
        assert!(reopened.starts_new_version());
        assert_eq!(reopened.to, S::Ready);
        let restored = apply(S::Cancelled, &reopen).expect("allowed");
        assert!(!restored.starts_new_version());
        let issued = apply(S::Ready, &OrderEvent::Issue).expect("allowed");
        assert!(!issued.starts_new_version());
    }

    #[test]
    fn issued_and_cancelled_orders_are_locked() {
        let table = [
            (S::Open, Ok(())),
            (S::InProgress, Ok(())),
            (S::WaitingParts, Ok(())),
            (S::Ready, Ok(())),
            (S::Issued, Err(StatusError::Locked { status: S::Issued })),
            (
                S::Cancelled,
                Err(StatusError::Locked {
                    status: S::Cancelled,
                }),
            ),
        ];
        for (status, expected) in table {
            assert_eq!(ensure_editable(status), expected, "{status:?}");
        }
    }

    #[test]
    fn statuses_round_trip_and_serialise() {
        for status in S::ALL {
            assert_eq!(S::parse(status.as_str()), Some(status));
        }
        assert_eq!(S::parse("closed"), None);
        let json = serde_json::to_string(&OrderEvent::Reopen {
            reason: "ошибка".into(),
        })
        .expect("json");
        assert_eq!(json, r#"{"action":"reopen","reason":"ошибка"}"#);
        let json = serde_json::to_string(&OrderEvent::WaitForParts).expect("json");
        assert_eq!(json, r#"{"action":"wait_for_parts"}"#);
        assert_eq!(
            StatusError::NotAllowed {
                from: S::Issued,
                action: A::Cancel
            }
            .to_string(),
            "cannot cancel an order that is issued"
        );
    }
}
