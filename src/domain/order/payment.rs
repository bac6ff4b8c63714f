//! Money paid for an order: advances (предоплата), final payments (окончательный
//! расчёт), partial payments of either, and refunds — by cash, card or bank
//! transfer — and the balance they leave: what is still owed (долг) or paid
//! beyond the total (переплата, which stays with the client as a prepayment).
//!
//! Every amount is positive; the kind gives the direction. A refund may never
//! return more than had been paid by then: the shop cannot refund money it
//! never received, and checking the running sum (not only the final one)
//! catches a refund recorded before the payment it refunds.

use serde::{Deserialize, Serialize};

pub use crate::domain::stock::PaymentMethod;

use crate::domain::money::{Money, MoneyOverflow};
use crate::domain::order::status::OrderStatus;
use crate::domain::validation::{IssueCode, Issues};

/// A hundred million rubles in one payment is a typo.
pub const MAX_PAYMENT_KOPECKS: i64 = 10_000_000_000;
pub const MAX_PAYMENT_COMMENT: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    /// Аванс: before the work is done.
    Advance,
    /// Окончательный расчёт: at or after handover (may still be partial).
    Final,
    /// Возврат: money given back to the client.
    Refund,
}

impl PaymentKind {
    pub const ALL: [PaymentKind; 3] = [
        PaymentKind::Advance,
        PaymentKind::Final,
        PaymentKind::Refund,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentKind::Advance => "advance",
            PaymentKind::Final => "final",
            PaymentKind::Refund => "refund",
        }
    }

    pub fn parse(text: &str) -> Option<PaymentKind> {
        PaymentKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// A payment recorded against an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OrderPayment {
    pub kind: PaymentKind,
    pub method: PaymentMethod,
    /// Always above zero; a refund's direction is its kind.
    pub amount: Money,
}

/// The payment mark a заказ-наряд carries (оплачен / аванс / к оплате).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PaymentMark {
    /// Не оплачен: nothing paid, something due.
    Unpaid,
    /// Частично (аванс): some paid, some still due.
    Partial,
    /// Оплачен: paid exactly (a free order is paid too).
    Paid,
    /// Переплата: paid beyond the total; the rest is the client's prepayment.
    Overpaid,
}

/// Where the money of an order (or of all a client's orders) stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Balance {
    /// What the order costs (its grand total).
    pub total: Money,
    /// Advances and final payments.
    pub received: Money,
    pub refunded: Money,
    /// Received − refunded.
    pub paid: Money,
    /// Still owed by the client; zero when paid up.
    pub debt: Money,
    /// Paid beyond the total: the client's money held by the shop.
    pub prepayment: Money,
}

impl Balance {
    /// The balance of `total` against money received and refunded.
    pub fn new(total: Money, received: Money, refunded: Money) -> Result<Balance, MoneyOverflow> {
        let paid = received.checked_sub(refunded)?;
        let due = total.checked_sub(paid)?;
        Ok(Balance {
            total,
            received,
            refunded,
            paid,
            debt: due.max(Money::ZERO),
            prepayment: Money::ZERO.checked_sub(due)?.max(Money::ZERO),
        })
    }

    /// Two balances as one, as a client's card sums their orders: an
    /// overpayment on one order covers a debt on another.
    pub fn combine(self, other: Balance) -> Result<Balance, MoneyOverflow> {
        Balance::new(
            self.total.checked_add(other.total)?,
            self.received.checked_add(other.received)?,
            self.refunded.checked_add(other.refunded)?,
        )
    }

    pub fn mark(&self) -> PaymentMark {
        if self.prepayment > Money::ZERO {
            PaymentMark::Overpaid
        } else if self.debt == Money::ZERO {
            PaymentMark::Paid
        } else if self.paid == Money::ZERO {
            PaymentMark::Unpaid
        } else {
            PaymentMark::Partial
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    /// `index` is the payment's place in the list given.
    #[error("payment {index}: the amount must be above zero")]
    NotPositive { index: usize },
    /// `paid` is what had been paid (net of refunds) before this refund.
    #[error("payment {index}: a refund larger than the {paid} paid")]
    RefundExceedsPaid { index: usize, paid: Money },
    /// A cancelled order takes no more money; it can only give some back.
    #[error("a cancelled order accepts refunds only")]
    OrderCancelled,
    #[error("the sums do not fit")]
    Overflow,
}

impl From<MoneyOverflow> for PaymentError {
    fn from(_: MoneyOverflow) -> Self {
        PaymentError::Overflow
    }
}

/// The balance of an order costing `total_due` after `payments` (in the order
/// they were made).
pub fn balance(total_due: Money, payments: &[OrderPayment]) -> Result<Balance, PaymentError> {
    let mut received = Money::ZERO;
    let mut refunded = Money::ZERO;
    for (index, payment) in payments.iter().enumerate() {
        if payment.amount <= Money::ZERO {
            return Err(PaymentError::NotPositive { index });
        }
        if payment.kind == PaymentKind::Refund {
            let paid = received.checked_sub(refunded)?;
            if payment.amount > paid {
                return Err(PaymentError::RefundExceedsPaid { index, paid });
            }
            refunded = refunded.checked_add(payment.amount)?;
        } else {
            received = received.checked_add(payment.amount)?;
        }
    }
    Ok(Balance::new(total_due, received, refunded)?)
}

/// The client's standing over all their orders' balances.
pub fn client_balance<'a>(
    orders: impl IntoIterator<Item = &'a Balance>,
) -> Result<Balance, PaymentError> {
    orders
        .into_iter()
        .try_fold(Balance::default(), |sum, order| sum.combine(*order))
        .map_err(PaymentError::from)
}

/// Whether an order in `status` takes a payment of `kind`: any, except that a
/// cancelled order only gives money back. Issued orders take payments (a
/// company pays its invoice after the car is gone).
pub fn check_accepts(status: OrderStatus, kind: PaymentKind) -> Result<(), PaymentError> {
    if status == OrderStatus::Cancelled && kind != PaymentKind::Refund {
        return Err(PaymentError::OrderCancelled);
    }
    Ok(())
}

/// What the payment window sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PaymentDraft {
    pub kind: PaymentKind,
    pub method: PaymentMethod,
    /// `1 234,50`.
    pub amount: String,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPayment {
    pub payment: OrderPayment,
    pub comment: String,
}

impl PaymentDraft {
    /// Checks the typed amount; `paid` is what the order has been paid so far
    /// (net of refunds), the most a refund may return — `out_of_range` on
    /// `amount` then quotes it in `detail`.
    pub fn validate(&self, paid: Money) -> Result<ValidPayment, Issues> {
        let mut issues = Issues::default();
        let amount = self.amount(paid, &mut issues);
        let comment = issues.text("comment", &self.comment, MAX_PAYMENT_COMMENT);
        let Some(amount) = amount else {
            return Err(issues);
        };
        issues.into_result(ValidPayment {
            payment: OrderPayment {
                kind: self.kind,
                method: self.method,
                amount,
            },
            comment,
        })
    }

    fn amount(&self, paid: Money, issues: &mut Issues) -> Option<Money> {
        if self.amount.trim().is_empty() {
            issues.add("amount", IssueCode::Required);
            return None;
        }
        let Some(amount) = Money::parse(&self.amount) else {
            issues.add("amount", IssueCode::NumberInvalid);
            return None;
        };
        if !(1..=MAX_PAYMENT_KOPECKS).contains(&amount.kopecks()) {
            let max_rubles = (MAX_PAYMENT_KOPECKS / 100) as usize;
            issues.add_limit("amount", IssueCode::OutOfRange, max_rubles);
            return None;
        }
        if self.kind == PaymentKind::Refund && amount > paid {
            issues.add_detail("amount", IssueCode::OutOfRange, paid.to_string());
            return None;
        }
        Some(amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PaymentKind::{Advance, Final, Refund};
    use PaymentMethod::{Card, Cash, Transfer};

    fn pay(kind: PaymentKind, method: PaymentMethod, kopecks: i64) -> OrderPayment {
        OrderPayment {
            kind,
            method,
            amount: Money::from_kopecks(kopecks),
        }
    }

    /// `(paid, debt, prepayment, mark)`.
    type Expected = Result<(i64, i64, i64, PaymentMark), PaymentError>;

    fn check(total: i64, payments: &[OrderPayment], expected: Expected) {
        let got = balance(Money::from_kopecks(total), payments).map(|b| {
            (
                b.paid.kopecks(),
                b.debt.kopecks(),
                b.prepayment.kopecks(),
                b.mark(),
            )
        });
        assert_eq!(got, expected, "{total} {payments:?}");
    }

    #[test]
    fn balances() {
        use PaymentMark::*;
        let table: Vec<(i64, Vec<OrderPayment>, Expected)> = vec![
            (10_000, vec![], Ok((0, 10_000, 0, Unpaid))),
            (0, vec![], Ok((0, 0, 0, Paid))),
            (
                10_000,
                vec![pay(Advance, Cash, 3_000)],
                Ok((3_000, 7_000, 0, Partial)),
            ),
            (
                10_000,
                vec![pay(Advance, Cash, 3_000), pay(Final, Card, 7_000)],
                Ok((10_000, 0, 0, Paid)),
            ),
            (
                10_000,
                vec![
                    pay(Advance, Cash, 3_000),
                    pay(Final, Card, 3_000),
                    pay(Final, Transfer, 4_000),
                ],
                Ok((10_000, 0, 0, Paid)),
            ),
            // Overpaid: the rest is the client's prepayment.
            (
                10_000,
                vec![pay(Final, Cash, 12_000)],
                Ok((12_000, 0, 2_000, Overpaid)),
            ),
            // ... until it is refunded.
            (
                10_000,
                vec![pay(Final, Cash, 12_000), pay(Refund, Cash, 2_000)],
                Ok((10_000, 0, 0, Paid)),
            ),
            // A cancelled order's advance given back in full.
            (
                0,
                vec![pay(Advance, Card, 5_000), pay(Refund, Card, 5_000)],
                Ok((0, 0, 0, Paid)),
            ),
            (
                10_000,
                vec![pay(Advance, Card, 5_000), pay(Refund, Card, 1_000)],
                Ok((4_000, 6_000, 0, Partial)),
            ),
            (
                10_000,
                vec![pay(Advance, Card, 5_000), pay(Refund, Card, 5_000)],
                Ok((0, 10_000, 0, Unpaid)),
            ),
            // Refused.
            (
                10_000,
                vec![pay(Refund, Cash, 1)],
                Err(PaymentError::RefundExceedsPaid {
                    index: 0,
                    paid: Money::ZERO,
                }),
            ),
            (
                10_000,
                vec![pay(Advance, Cash, 3_000), pay(Refund, Cash, 3_001)],
                Err(PaymentError::RefundExceedsPaid {
                    index: 1,
                    paid: Money::from_kopecks(3_000),
                }),
            ),
            // The running sum counts: a refund before the payment it refunds.
            (
                10_000,
                vec![
                    pay(Advance, Cash, 1_000),
                    pay(Refund, Cash, 2_000),
                    pay(Final, Cash, 5_000),
                ],
                Err(PaymentError::RefundExceedsPaid {
                    index: 1,
                    paid: Money::from_kopecks(1_000),
                }),
            ),
            (
                10_000,
                vec![
                    pay(Advance, Cash, 1_000),
                    pay(Refund, Cash, 600),
                    pay(Refund, Cash, 500),
                ],
                Err(PaymentError::RefundExceedsPaid {
                    index: 2,
                    paid: Money::from_kopecks(400),
                }),
            ),
            (
                10_000,
                vec![pay(Final, Cash, 0)],
                Err(PaymentError::NotPositive { index: 0 }),
            ),
            (
                10_000,
                vec![pay(Advance, Cash, 10), pay(Refund, Cash, -5)],
                Err(PaymentError::NotPositive { index: 1 }),
            ),
            (
                10_000,
                vec![pay(Final, Cash, i64::MAX), pay(Final, Cash, 1)],
                Err(PaymentError::Overflow),
            ),
            (
                -1,
                vec![pay(Final, Cash, i64::MAX)],
                Err(PaymentError::Overflow),
            ),
        ];
        for (total, payments, expected) in table {
            check(total, &payments, expected);
        }
    }

    #[test]
    fn a_clients_balance_nets_its_orders() {
        let debt = balance(Money::from_kopecks(10_000), &[pay(Advance, Cash, 4_000)]).expect("ok");
        let over = balance(Money::from_kopecks(5_000), &[pay(Final, Card, 7_000)]).expect("ok");
        let both = client_balance([&debt, &over]).expect("ok");
        assert_eq!(
            (both.total, both.paid, both.debt, both.prepayment),
            (
                Money::from_kopecks(15_000),
                Money::from_kopecks(11_000),
                Money::from_kopecks(4_000),
                Money::ZERO
            )
        );
        let none = client_balance([]).expect("ok");
        assert_eq!(none.mark(), PaymentMark::Paid);
    }

    #[test]
    fn cancelled_orders_only_refund() {
        for kind in PaymentKind::ALL {
            assert_eq!(check_accepts(OrderStatus::Issued, kind), Ok(()));
            let expected = match kind {
                Refund => Ok(()),
                _ => Err(PaymentError::OrderCancelled),
            };
            assert_eq!(
                check_accepts(OrderStatus::Cancelled, kind),
                expected,
                "{kind:?}"
            );
        }
    }

    /// The amount in kopecks, or the first issue's code and detail.
    type DraftOutcome = Result<i64, (IssueCode, Option<&'static str>)>;

    fn draft(kind: PaymentKind, amount: &str) -> PaymentDraft {
        PaymentDraft {
            kind,
            method: Cash,
            amount: amount.into(),
            comment: " чек 42 ".into(),
        }
    }

    #[test]
    fn payments_from_the_form() {
        use IssueCode::*;
        let paid = Money::from_kopecks(50_000);
        let table: Vec<(PaymentDraft, DraftOutcome)> = vec![
            (draft(Advance, "1 000"), Ok(100_000)),
            (draft(Final, "0,01"), Ok(1)),
            (draft(Refund, "500"), Ok(50_000)),
            (draft(Refund, "500,01"), Err((OutOfRange, Some("500.00")))),
            (draft(Final, ""), Err((Required, None))),
            (draft(Final, "0"), Err((OutOfRange, None))),
            (draft(Final, "-10"), Err((OutOfRange, None))),
            (draft(Final, "100000000,01"), Err((OutOfRange, None))),
            (draft(Final, "1,001"), Err((NumberInvalid, None))),
        ];
        for (draft, expected) in table {
            let got = draft
                .validate(paid)
                .map(|valid| valid.payment.amount.kopecks())
                .map_err(|issues| {
                    let first = &issues.as_slice()[0];
                    assert_eq!(first.field, "amount");
                    (first.issue, first.detail.clone())
                });
            let expected = expected.map_err(|(code, detail)| (code, detail.map(str::to_owned)));
            assert_eq!(got, expected, "{draft:?}");
        }
        let valid = draft(Advance, "10").validate(paid).expect("valid");
        assert_eq!(valid.comment, "чек 42");
    }

    #[test]
    fn kinds_round_trip() {
        for kind in PaymentKind::ALL {
            assert_eq!(PaymentKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(PaymentKind::parse("gift"), None);
    }
}
