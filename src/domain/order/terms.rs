//! The order's terms besides its money: when the car is promised back and the
//! warranty on the works — both written into the заказ-наряд under the rules
//! for car repair services.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::client::parse_date;
use crate::domain::schedule::draft::parse_time;
use crate::domain::validation::{IssueCode, Issues};

/// Three years: a longer warranty on repair works is a typo.
pub const MAX_WARRANTY_DAYS: u32 = 1096;
/// The odometer limit of a works warranty.
pub const MAX_WARRANTY_KM: u32 = 200_000;

/// The warranty on the works: «30 дней или 1 000 км», whichever comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Warranty {
    pub days: Option<u32>,
    pub km: Option<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OrderTerms {
    /// The promised completion date; `None` until the operator can say.
    pub promised_on: Option<NaiveDate>,
    /// An hour on that date, when promised to the hour.
    pub promised_at: Option<NaiveTime>,
    /// `None`: the shop's standard warranty.
    pub warranty: Option<Warranty>,
}

/// What the order window sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OrderTermsDraft {
    /// `2026-12-01` or `01.12.2026`; empty: not promised yet.
    pub promised_date: String,
    /// `18:00`; empty: by the end of the day.
    pub promised_time: String,
    pub warranty_days: String,
    pub warranty_km: String,
}

impl OrderTermsDraft {
    /// `accepted_on` is the day the order was taken: the car cannot be
    /// promised before it (`out_of_range` on `promisedDate`).
    pub fn validate(&self, accepted_on: NaiveDate) -> Result<OrderTerms, Issues> {
        let mut issues = Issues::default();
        let promised_on = self.promised_on(accepted_on, &mut issues);
        let promised_at = self.promised_at(&mut issues);
        if promised_at.is_some() && self.promised_date.trim().is_empty() {
            issues.add("promisedDate", IssueCode::Required);
        }
        let days = whole(
            "warrantyDays",
            &self.warranty_days,
            MAX_WARRANTY_DAYS,
            &mut issues,
        );
        let km = whole(
            "warrantyKm",
            &self.warranty_km,
            MAX_WARRANTY_KM,
            &mut issues,
        );
        let warranty = (days.is_some() || km.is_some()).then_some(Warranty { days, km });
        issues.into_result(OrderTerms {
            promised_on,
            promised_at,
            warranty,
        })
    }

    fn promised_on(&self, accepted_on: NaiveDate, issues: &mut Issues) -> Option<NaiveDate> {
        let text = self.promised_date.trim();
        if text.is_empty() {
            return None;
        }
        match parse_date(text) {
            None => issues.add("promisedDate", IssueCode::DateInvalid),
            Some(date) if date < accepted_on => issues.add("promisedDate", IssueCode::OutOfRange),
            Some(date) => return Some(date),
        }
        None
    }

    fn promised_at(&self, issues: &mut Issues) -> Option<NaiveTime> {
        let text = self.promised_time.trim();
        if text.is_empty() {
            return None;
        }
        let time = parse_time(text);
        if time.is_none() {
            issues.add("promisedTime", IssueCode::DateInvalid);
        }
        time
    }
}

/// An optional whole number up to `max`, spaces allowed (`1 000`).
fn whole(field: &str, text: &str, max: u32, issues: &mut Issues) -> Option<u32> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        return None;
    }
    match digits.parse::<u32>() {
        Ok(n) if n <= max => return Some(n),
        Ok(_) => issues.add_limit(field, IssueCode::OutOfRange, max as usize),
        Err(_) if digits.bytes().all(|b| b.is_ascii_digit()) => {
            issues.add_limit(field, IssueCode::OutOfRange, max as usize)
        }
        Err(_) => issues.add(field, IssueCode::NumberInvalid),
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).expect("a date")
    }

    fn draft(date: &str, time: &str, days: &str, km: &str) -> OrderTermsDraft {
        OrderTermsDraft {
            promised_date: date.into(),
            promised_time: time.into(),
            warranty_days: days.into(),
            warranty_km: km.into(),
        }
    }

    fn check(draft: OrderTermsDraft, expected: Result<OrderTerms, Vec<(&str, IssueCode)>>) {
        let got = draft.validate(day(1)).map_err(|issues| {
            issues
                .into_vec()
                .into_iter()
                .map(|i| (i.field, i.issue))
                .collect::<Vec<_>>()
        });
        let expected =
            expected.map_err(|list| list.into_iter().map(|(f, c)| (f.to_owned(), c)).collect());
        assert_eq!(got, expected, "{draft:?}");
    }

    #[test]
    fn terms_from_the_form() {
        use IssueCode::*;
        let terms =
            |on: Option<u32>, at: Option<(u32, u32)>, warranty: Option<Warranty>| OrderTerms {
                promised_on: on.map(day),
                promised_at: at.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)),
                warranty,
            };
        let warranty = |days, km| Some(Warranty { days, km });
        let table = vec![
            (draft("", "", "", ""), Ok(terms(None, None, None))),
            (
                draft("2026-12-03", "18:00", "30", "1 000"),
                Ok(terms(
                    Some(3),
                    Some((18, 0)),
                    warranty(Some(30), Some(1_000)),
                )),
            ),
            (
                draft("01.12.2026", "", "", "500"),
                Ok(terms(Some(1), None, warranty(None, Some(500)))),
            ),
            (
                draft("2026-12-02", "", "1096", ""),
                Ok(terms(Some(2), None, warranty(Some(1_096), None))),
            ),
            (
                draft("30.11.2026", "", "", ""),
                Err(vec![("promisedDate", OutOfRange)]),
            ),
            (
                draft("завтра", "", "", ""),
                Err(vec![("promisedDate", DateInvalid)]),
            ),
            (
                draft("", "18:00", "", ""),
                Err(vec![("promisedDate", Required)]),
            ),
            (
                draft("2026-12-03", "25:00", "", ""),
                Err(vec![("promisedTime", DateInvalid)]),
            ),
            (
                draft("", "", "1097", "200001"),
                Err(vec![
                    ("warrantyDays", OutOfRange),
                    ("warrantyKm", OutOfRange),
                ]),
            ),
            (
                draft("", "", "99999999999", "-5"),
                Err(vec![
                    ("warrantyDays", OutOfRange),
                    ("warrantyKm", NumberInvalid),
                ]),
            ),
        ];
        for (draft, expected) in table {
            check(draft, expected);
        }
    }
}
