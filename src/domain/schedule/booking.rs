//! The rules an appointment must satisfy. The database layer loads the
//! mechanic's working time and the busy time of the mechanic and the bay
//! (without the appointment being moved) and calls these inside its write
//! transaction, so a check and the write see the same data.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::domain::ids::ServiceCategoryId;
use crate::domain::schedule::interval::{Interval, IntervalSet};
use crate::domain::schedule::staff::{bay_fits, has_skills};

/// Why an appointment cannot be booked as asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "reason", rename_all = "camelCase")]
pub enum BookingConflict {
    #[error("the appointment would start in the past")]
    InThePast,
    /// Not wholly inside one stretch of the mechanic's working time: before or
    /// after the shift, on a day off, or across a break.
    #[error("the appointment is outside the mechanic's working hours")]
    OutsideShift,
    /// `with` is the busy block in the way (adjacent appointments merged).
    #[error("the mechanic is busy from {} to {}", with.start(), with.end())]
    MechanicBusy { with: Interval },
    #[error("the bay is busy from {} to {}", with.start(), with.end())]
    BayBusy { with: Interval },
    #[error("the mechanic lacks skills the work needs")]
    MissingSkills { missing: Vec<ServiceCategoryId> },
    #[error("the bay is not equipped for this work")]
    BayNotFit,
    /// The chosen person is archived or is not a mechanic.
    #[error("this person is not an active mechanic")]
    NotBookable,
    /// "Any mechanic" was asked and nobody with the skills is free then.
    #[error("no mechanic with the skills is free at this time")]
    NoMechanicFree,
    /// "Any bay" was asked and no bay fit for the work is free then.
    #[error("no bay fit for the work is free at this time")]
    NoBayFree,
    /// The appointment's status no longer allows changing it (no-show, cancelled).
    #[error("a closed appointment cannot be moved")]
    Closed,
}

/// Checks the time of an appointment: not in the past (`now` in shop time),
/// inside the mechanic's working time, clear of the mechanic's and the bay's
/// other appointments. Touching neighbours (one ends 10:00, this starts
/// 10:00) are fine.
pub fn check_booking(
    candidate: Interval,
    now: NaiveDateTime,
    mechanic_working: &IntervalSet,
    mechanic_busy: &IntervalSet,
    bay_busy: Option<&IntervalSet>,
) -> Result<(), BookingConflict> {
    if candidate.start() < now {
        return Err(BookingConflict::InThePast);
    }
    if !mechanic_working.contains(candidate) {
        return Err(BookingConflict::OutsideShift);
    }
    if let Some(with) = mechanic_busy.first_overlap(candidate) {
        return Err(BookingConflict::MechanicBusy { with });
    }
    match bay_busy.and_then(|busy| busy.first_overlap(candidate)) {
        Some(with) => Err(BookingConflict::BayBusy { with }),
        None => Ok(()),
    }
}

/// Checks who and where: the mechanic has every needed skill and the bay (if
/// any) is fit for the work.
pub fn check_fit(
    needed: &BTreeSet<ServiceCategoryId>,
    mechanic_skills: &BTreeSet<ServiceCategoryId>,
    bay_fit_for: Option<&BTreeSet<ServiceCategoryId>>,
) -> Result<(), BookingConflict> {
    if !has_skills(mechanic_skills, needed) {
        let missing = needed.difference(mechanic_skills).copied().collect();
        return Err(BookingConflict::MissingSkills { missing });
    }
    match bay_fit_for {
        Some(fit_for) if !bay_fits(fit_for, needed) => Err(BookingConflict::BayNotFit),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::interval::tests::{at, iv};

    fn set(spans: &[(&str, &str)]) -> IntervalSet {
        spans.iter().map(|(start, end)| iv(start, end)).collect()
    }

    #[test]
    fn booking_checks() {
        // 09:00–13:00 and 14:00–18:00 with a lunch break; booked 10:00–11:00 and 15:00–16:00.
        let working = set(&[
            ("2026-11-30 09:00", "2026-11-30 13:00"),
            ("2026-11-30 14:00", "2026-11-30 18:00"),
        ]);
        let busy = set(&[
            ("2026-11-30 10:00", "2026-11-30 11:00"),
            ("2026-11-30 15:00", "2026-11-30 16:00"),
        ]);
        let bay = set(&[("2026-11-30 11:30", "2026-11-30 12:30")]);
        let now = at("2026-11-30 08:00");
        let table = [
            (("2026-11-30 09:00", "2026-11-30 10:00"), Ok(())),
            (("2026-11-30 11:00", "2026-11-30 11:30"), Ok(())),
            (("2026-11-30 16:00", "2026-11-30 18:00"), Ok(())),
            (
                ("2026-11-30 09:30", "2026-11-30 10:30"),
                Err(BookingConflict::MechanicBusy {
                    with: iv("2026-11-30 10:00", "2026-11-30 11:00"),
                }),
            ),
            (
                ("2026-11-30 10:59", "2026-11-30 11:30"),
                Err(BookingConflict::MechanicBusy {
                    with: iv("2026-11-30 10:00", "2026-11-30 11:00"),
                }),
            ),
            (
                ("2026-11-30 14:00", "2026-11-30 17:00"),
                Err(BookingConflict::MechanicBusy {
                    with: iv("2026-11-30 15:00", "2026-11-30 16:00"),
                }),
            ),
            (
                ("2026-11-30 11:00", "2026-11-30 12:00"),
                Err(BookingConflict::BayBusy {
                    with: iv("2026-11-30 11:30", "2026-11-30 12:30"),
                }),
            ),
            (
                ("2026-11-30 12:30", "2026-11-30 13:30"),
                Err(BookingConflict::OutsideShift),
            ),
            (
                ("2026-11-30 17:00", "2026-11-30 18:15"),
                Err(BookingConflict::OutsideShift),
            ),
            (
                ("2026-11-30 08:30", "2026-11-30 09:30"),
                Err(BookingConflict::OutsideShift),
            ),
            (
                ("2026-12-01 09:00", "2026-12-01 10:00"),
                Err(BookingConflict::OutsideShift),
            ),
            (
                ("2026-11-30 07:00", "2026-11-30 07:30"),
                Err(BookingConflict::InThePast),
            ),
        ];
        for ((start, end), expected) in table {
            let result = check_booking(iv(start, end), now, &working, &busy, Some(&bay));
            assert_eq!(result, expected, "{start}–{end}");
        }
        // Without a bay only the mechanic counts.
        let no_bay = check_booking(
            iv("2026-11-30 11:00", "2026-11-30 12:00"),
            now,
            &working,
            &busy,
            None,
        );
        assert_eq!(no_bay, Ok(()));
    }

    #[test]
    fn a_night_shift_books_across_midnight() {
        let working = set(&[("2026-11-30 20:00", "2026-12-01 08:00")]);
        let booked = check_booking(
            iv("2026-11-30 23:00", "2026-12-01 01:00"),
            at("2026-11-30 12:00"),
            &working,
            &IntervalSet::new(),
            None,
        );
        assert_eq!(booked, Ok(()));
    }

    #[test]
    fn fit_checks() {
        let ids = |ids: &[u32]| -> BTreeSet<ServiceCategoryId> {
            ids.iter().copied().map(ServiceCategoryId).collect()
        };
        let table = [
            // (needed, skills, bay, result)
            (ids(&[1]), ids(&[1, 2]), None, Ok(())),
            (ids(&[1]), ids(&[1]), Some(ids(&[])), Ok(())),
            (ids(&[1]), ids(&[1]), Some(ids(&[1, 5])), Ok(())),
            (
                ids(&[1]),
                ids(&[1]),
                Some(ids(&[5])),
                Err(BookingConflict::BayNotFit),
            ),
            (
                ids(&[1, 2, 3]),
                ids(&[2]),
                None,
                Err(BookingConflict::MissingSkills {
                    missing: vec![ServiceCategoryId(1), ServiceCategoryId(3)],
                }),
            ),
        ];
        for (needed, skills, bay, expected) in table {
            assert_eq!(
                check_fit(&needed, &skills, bay.as_ref()),
                expected,
                "{needed:?}"
            );
        }
    }

    #[test]
    fn conflicts_serialise_with_a_reason() {
        let busy = BookingConflict::MechanicBusy {
            with: iv("2026-11-30 10:00", "2026-11-30 11:00"),
        };
        assert_eq!(
            serde_json::to_value(&busy).expect("json"),
            serde_json::json!({
                "reason": "mechanicBusy",
                "with": {"start": "2026-11-30T10:00:00", "end": "2026-11-30T11:00:00"}
            })
        );
        assert_eq!(
            busy.to_string(),
            "the mechanic is busy from 2026-11-30 10:00:00 to 2026-11-30 11:00:00"
        );
    }
}
