//! The free-time finder, for both ways a client asks: "when is the nearest
//! free time?" ([`nearest_slots`]) and "who is free at ten?" ([`free_at`]).
//!
//! Everything is set arithmetic on sorted intervals. For each mechanic the
//! free time is `working ∩ window − busy`; the start times that fit the
//! duration form a set of grid-aligned intervals (a grid point `p` of
//! `[first, last + step)` is a valid start); the same is done once per bay,
//! and a mechanic's valid starts are intersected with the starts at which some
//! fitting bay is free. A sweep then walks the mechanics' start sets in time
//! order and stops after `limit` slots, so the cost is linear in the number of
//! intervals, never in minutes.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::domain::ids::ServiceCategoryId;
use crate::domain::pricelist::SLOT_MINUTES;
use crate::domain::schedule::ids::{BayId, EmployeeId};
use crate::domain::schedule::interval::{Interval, IntervalSet};
use crate::domain::schedule::staff::{bay_fits, has_skills};

/// What the receptionist asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SlotRequest {
    /// The chosen services' durations added up.
    pub duration_minutes: u32,
    /// The earliest start, in shop time; the caller passes no earlier than now.
    pub from: NaiveDateTime,
    /// Every slot ends by this time.
    pub until: NaiveDateTime,
    pub needed_skills: BTreeSet<ServiceCategoryId>,
    /// Only this mechanic; `None`: anyone with the skills.
    pub mechanic: Option<EmployeeId>,
    pub limit: u32,
    /// Starts are multiples of this from midnight; 0 means the 15-minute grid.
    pub step_minutes: u32,
}

/// One mechanic's time as the database layer loads it for the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MechanicAvailability {
    pub id: EmployeeId,
    pub skills: BTreeSet<ServiceCategoryId>,
    /// From [`crate::domain::schedule::working_time_in`].
    pub working: IntervalSet,
    /// Existing appointments.
    pub busy: IntervalSet,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BayAvailability {
    pub id: BayId,
    /// Empty: any work.
    pub fit_for: BTreeSet<ServiceCategoryId>,
    pub busy: IntervalSet,
}

/// A time the client can be offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Slot {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub mechanic: EmployeeId,
    /// `None` only when the shop keeps no bays.
    pub bay: Option<BayId>,
}

/// The mechanics free for a whole appointment at one start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FreeAt {
    /// Least loaded that day first: the one the desk should pick.
    pub mechanics: Vec<EmployeeId>,
    /// A fitting free bay for whichever of them is booked; `None` when the
    /// shop keeps no bays.
    pub bay: Option<BayId>,
}

/// The first `limit` start times on the grid, earliest first, one slot per
/// time. When several mechanics fit the same time the least loaded that day
/// gets it (the work is spread), then the one listed first; each slot gets a
/// free bay fit for the work if the shop keeps bays (none free: no slot).
pub fn nearest_slots(
    request: &SlotRequest,
    mechanics: &[MechanicAvailability],
    bays: &[BayAvailability],
) -> Vec<Slot> {
    let step = grid_step(request.step_minutes);
    let length = TimeDelta::minutes(i64::from(request.duration_minutes));
    let Some(window) = Interval::new(grid_ceil(request.from, step), request.until) else {
        return Vec::new();
    };
    if length.is_zero() || request.limit == 0 {
        return Vec::new();
    }
    let needed = &request.needed_skills;
    let bay_starts =
        (!bays.is_empty()).then(|| fitting_bay_starts(bays, needed, window, length, step));
    let mut cursors: Vec<Cursor> = mechanics
        .iter()
        .filter(|m| request.mechanic.is_none_or(|id| id == m.id))
        .filter(|m| has_skills(&m.skills, needed))
        .map(|m| {
            let free = m.working.clip(window).subtract(&m.busy);
            let own = starts(&free, length, step).collect::<IntervalSet>();
            let valid = match &bay_starts {
                Some(bay_starts) => own.intersect(bay_starts),
                None => own,
            };
            Cursor::new(m, valid)
        })
        .collect();
    sweep(&mut cursors, request.limit as usize, step, |start| {
        let slot = Interval::lasting(start, length);
        if bays.is_empty() {
            return Some((slot, None));
        }
        pick_bay(bays, needed, slot).map(|bay| (slot, Some(bay)))
    })
}

/// Who could take the work starting at `start`, and in which bay.
pub fn free_at(
    start: NaiveDateTime,
    duration_minutes: u32,
    needed_skills: &BTreeSet<ServiceCategoryId>,
    mechanics: &[MechanicAvailability],
    bays: &[BayAvailability],
) -> FreeAt {
    let nobody = FreeAt {
        mechanics: Vec::new(),
        bay: None,
    };
    let Some(slot) = Interval::starting_at(start, duration_minutes) else {
        return nobody;
    };
    let bay = pick_bay(bays, needed_skills, slot);
    if bay.is_none() && !bays.is_empty() {
        return nobody;
    }
    let mut free: Vec<(TimeDelta, usize, EmployeeId)> = mechanics
        .iter()
        .enumerate()
        .filter(|(_, m)| has_skills(&m.skills, needed_skills))
        .filter(|(_, m)| m.working.contains(slot) && m.busy.first_overlap(slot).is_none())
        .map(|(order, m)| (load_on_day(m, start), order, m.id))
        .collect();
    free.sort_unstable();
    FreeAt {
        mechanics: free.into_iter().map(|(_, _, id)| id).collect(),
        bay,
    }
}

/// A mechanic's valid starts, walked in time order.
struct Cursor<'a> {
    mechanic: &'a MechanicAvailability,
    starts: IntervalSet,
    index: usize,
    next: Option<NaiveDateTime>,
}

impl<'a> Cursor<'a> {
    fn new(mechanic: &'a MechanicAvailability, starts: IntervalSet) -> Cursor<'a> {
        let next = starts.as_slice().first().map(|span| span.start());
        Cursor {
            mechanic,
            starts,
            index: 0,
            next,
        }
    }

    fn advance(&mut self, step: TimeDelta) {
        let Some(current) = self.next else { return };
        let following = current + step;
        self.next = match self.starts.as_slice().get(self.index) {
            Some(span) if following < span.end() => Some(following),
            _ => {
                self.index += 1;
                self.starts
                    .as_slice()
                    .get(self.index)
                    .map(|span| span.start())
            }
        };
    }
}

/// Takes the earliest start any cursor offers, gives it to the preferred
/// mechanic, moves every cursor past it; `place` finds the slot's interval and
/// bay (or `None` to skip the time).
fn sweep(
    cursors: &mut [Cursor],
    limit: usize,
    step: TimeDelta,
    place: impl Fn(NaiveDateTime) -> Option<(Interval, Option<BayId>)>,
) -> Vec<Slot> {
    let mut slots = Vec::with_capacity(limit.min(64));
    while slots.len() < limit {
        let Some(start) = cursors.iter().filter_map(|c| c.next).min() else {
            break;
        };
        let chosen = cursors
            .iter()
            .enumerate()
            .filter(|(_, c)| c.next == Some(start))
            .min_by_key(|(order, c)| (load_on_day(c.mechanic, start), *order))
            .map(|(_, c)| c.mechanic.id);
        if let (Some(mechanic), Some((slot, bay))) = (chosen, place(start)) {
            slots.push(Slot {
                start: slot.start(),
                end: slot.end(),
                mechanic,
                bay,
            });
        }
        for cursor in cursors.iter_mut().filter(|c| c.next == Some(start)) {
            cursor.advance(step);
        }
    }
    slots
}

/// The grid points at which `length` fits inside one interval of `free`, as
/// intervals `[first, last + step)` with grid-aligned ends (sorted; adjacent
/// ones may touch, which collecting into a set merges).
fn starts(
    free: &IntervalSet,
    length: TimeDelta,
    step: TimeDelta,
) -> impl Iterator<Item = Interval> + '_ {
    free.iter().filter_map(move |span| {
        let first = grid_ceil(span.start(), step);
        let last = grid_floor(span.end() - length, step);
        Interval::new(first, last + step)
    })
}

/// The starts at which at least one bay fit for the work is free for its
/// whole length. Each bay's starts are computed alone before the union, so two
/// bays free one after the other never pass for one bay free for both spans.
fn fitting_bay_starts(
    bays: &[BayAvailability],
    needed: &BTreeSet<ServiceCategoryId>,
    window: Interval,
    length: TimeDelta,
    step: TimeDelta,
) -> IntervalSet {
    let window = IntervalSet::single(window);
    let mut all = Vec::new();
    for bay in bays.iter().filter(|bay| bay_fits(&bay.fit_for, needed)) {
        all.extend(starts(&window.subtract(&bay.busy), length, step));
    }
    IntervalSet::from_intervals(all)
}

/// A free bay fit for the work, the most specialised first so general bays
/// stay free for work only they can take; then the one listed first.
pub fn pick_bay(
    bays: &[BayAvailability],
    needed: &BTreeSet<ServiceCategoryId>,
    slot: Interval,
) -> Option<BayId> {
    bays.iter()
        .enumerate()
        .filter(|(_, bay)| bay_fits(&bay.fit_for, needed))
        .filter(|(_, bay)| bay.busy.first_overlap(slot).is_none())
        .min_by_key(|(order, bay)| (bay.fit_for.is_empty(), bay.fit_for.len(), *order))
        .map(|(_, bay)| bay.id)
}

/// The booked time of the calendar day of `at`.
fn load_on_day(mechanic: &MechanicAvailability, at: NaiveDateTime) -> TimeDelta {
    let day = Interval::lasting(at.date().and_time(NaiveTime::MIN), TimeDelta::days(1));
    mechanic.busy.covered_in(day)
}

const GRID_ORIGIN: NaiveDateTime = DateTime::UNIX_EPOCH.naive_utc();

fn grid_step(minutes: u32) -> TimeDelta {
    let minutes = if minutes == 0 { SLOT_MINUTES } else { minutes };
    TimeDelta::minutes(i64::from(minutes))
}

/// The grid counts from midnight (of 1 January 1970, which is the same for any
/// step that divides a day, as 5, 10, 15, 20, 30 and 60 do).
fn grid_floor(at: NaiveDateTime, step: TimeDelta) -> NaiveDateTime {
    let seconds = (at - GRID_ORIGIN).num_seconds();
    let step = step.num_seconds().max(1);
    GRID_ORIGIN + TimeDelta::seconds(seconds - seconds.rem_euclid(step))
}

fn grid_ceil(at: NaiveDateTime, step: TimeDelta) -> NaiveDateTime {
    match grid_floor(at, step) {
        floor if floor == at => at,
        floor => floor + step,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::interval::tests::{at, iv};

    const DAY: &str = "2026-11-30";

    /// `"11:00"` on the scenario's day, or a full `"2026-12-01 01:00"`.
    fn t(text: &str) -> NaiveDateTime {
        if text.len() == 5 {
            at(&format!("{DAY} {text}"))
        } else {
            at(text)
        }
    }

    fn set(spans: &[(&str, &str)]) -> IntervalSet {
        spans
            .iter()
            .map(|(start, end)| Interval::new(t(start), t(end)).expect("a test interval"))
            .collect()
    }

    fn skills(ids: &[u32]) -> BTreeSet<ServiceCategoryId> {
        ids.iter().copied().map(ServiceCategoryId).collect()
    }

    /// Engine work is skill 1, diagnostics 2, tyres 3.
    fn mechanics() -> Vec<MechanicAvailability> {
        vec![
            MechanicAvailability {
                id: EmployeeId(1),
                skills: skills(&[1, 2]),
                working: set(&[("09:00", "13:00"), ("14:00", "18:00")]),
                busy: set(&[("09:00", "11:00")]),
            },
            MechanicAvailability {
                id: EmployeeId(2),
                skills: skills(&[2]),
                working: set(&[("09:00", "18:00")]),
                busy: set(&[("09:00", "09:30"), ("12:00", "15:00")]),
            },
            MechanicAvailability {
                id: EmployeeId(3),
                skills: skills(&[3]),
                working: set(&[("10:00", "16:00")]),
                busy: IntervalSet::new(),
            },
        ]
    }

    fn bay(id: u32, fit_for: &[u32], busy: &[(&str, &str)]) -> BayAvailability {
        BayAvailability {
            id: BayId(id),
            fit_for: skills(fit_for),
            busy: set(busy),
        }
    }

    fn request(minutes: u32, from: &str, needed: &[u32], limit: u32) -> SlotRequest {
        SlotRequest {
            duration_minutes: minutes,
            from: t(from),
            until: t("2026-12-01 00:00"),
            needed_skills: skills(needed),
            mechanic: None,
            limit,
            step_minutes: 15,
        }
    }

    fn only(mechanic: u32, request: SlotRequest) -> SlotRequest {
        SlotRequest {
            mechanic: Some(EmployeeId(mechanic)),
            ..request
        }
    }

    struct Case {
        name: &'static str,
        request: SlotRequest,
        bays: Vec<BayAvailability>,
        /// (start, mechanic, bay)
        expected: &'static [(&'static str, u32, Option<u32>)],
    }

    fn check(cases: Vec<Case>) {
        let people = mechanics();
        for case in cases {
            let found = nearest_slots(&case.request, &people, &case.bays);
            let length = TimeDelta::minutes(i64::from(case.request.duration_minutes));
            let expected: Vec<Slot> = case
                .expected
                .iter()
                .map(|&(start, mechanic, bay)| Slot {
                    start: t(start),
                    end: t(start) + length,
                    mechanic: EmployeeId(mechanic),
                    bay: bay.map(BayId),
                })
                .collect();
            assert_eq!(found, expected, "{}", case.name);
        }
    }

    #[test]
    fn nearest_slots_scenarios() {
        check(vec![
            Case {
                name: "a chosen mechanic: after his morning job, around the lunch break",
                request: only(1, request(60, "09:00", &[], 6)),
                bays: vec![],
                expected: &[
                    ("11:00", 1, None),
                    ("11:15", 1, None),
                    ("11:30", 1, None),
                    ("11:45", 1, None),
                    ("12:00", 1, None),
                    ("14:00", 1, None),
                ],
            },
            Case {
                name: "anyone with the skill: the only skilled one is busy until 11",
                request: request(60, "09:00", &[1], 2),
                bays: vec![],
                expected: &[("11:00", 1, None), ("11:15", 1, None)],
            },
            Case {
                name: "anyone with the skill: whoever frees up first",
                request: request(30, "09:00", &[2], 3),
                bays: vec![],
                expected: &[("09:30", 2, None), ("09:45", 2, None), ("10:00", 2, None)],
            },
            Case {
                name: "both free: the less loaded that day gets it",
                request: request(30, "11:00", &[2], 1),
                bays: vec![],
                expected: &[("11:00", 1, None)],
            },
            Case {
                name: "no skills needed: anyone, input order breaks ties",
                request: request(60, "10:00", &[], 2),
                bays: vec![],
                expected: &[("10:00", 3, None), ("10:15", 3, None)],
            },
            Case {
                name: "a start off the grid is rounded up to it",
                request: only(2, request(30, "09:07", &[], 2)),
                bays: vec![],
                expected: &[("09:30", 2, None), ("09:45", 2, None)],
            },
            Case {
                name: "a chosen mechanic without the skill: nothing",
                request: only(2, request(30, "09:00", &[1], 3)),
                bays: vec![],
                expected: &[],
            },
            Case {
                name: "slots end by the window's end",
                request: SlotRequest {
                    until: t("17:30"),
                    ..only(1, request(60, "16:00", &[], 10))
                },
                bays: vec![],
                expected: &[("16:00", 1, None), ("16:15", 1, None), ("16:30", 1, None)],
            },
            Case {
                name: "the engine bay is busy until 12:30, the general one all day",
                request: request(60, "09:00", &[1], 2),
                bays: vec![
                    bay(1, &[1], &[("11:00", "12:30")]),
                    bay(2, &[], &[("08:00", "20:00")]),
                ],
                expected: &[("14:00", 1, Some(1)), ("14:15", 1, Some(1))],
            },
            Case {
                name: "all bays busy: no slot",
                request: request(30, "09:00", &[], 5),
                bays: vec![
                    bay(1, &[1], &[("08:00", "20:00")]),
                    bay(2, &[], &[("08:00", "20:00")]),
                ],
                expected: &[],
            },
            Case {
                name: "no bay fit for the work: no slot",
                request: request(30, "09:00", &[3], 5),
                bays: vec![bay(1, &[1], &[])],
                expected: &[],
            },
            Case {
                name: "a specialised bay is taken before a general one",
                request: request(30, "11:00", &[1], 1),
                bays: vec![bay(1, &[], &[]), bay(2, &[1, 2], &[]), bay(3, &[1], &[])],
                expected: &[("11:00", 1, Some(3))],
            },
            Case {
                name: "two bays free one after the other are not one free bay",
                request: only(3, request(120, "10:00", &[], 1)),
                bays: vec![
                    bay(1, &[], &[("12:00", "20:00")]),
                    bay(2, &[], &[("08:00", "12:00"), ("14:00", "20:00")]),
                ],
                expected: &[("10:00", 3, Some(1))],
            },
            Case {
                name: "the limit: nothing asked, nothing given",
                request: request(30, "09:00", &[], 0),
                bays: vec![],
                expected: &[],
            },
            Case {
                name: "a zero duration finds nothing",
                request: request(0, "09:00", &[], 3),
                bays: vec![],
                expected: &[],
            },
        ]);
    }

    #[test]
    fn the_sweep_respects_every_bay_alone() {
        // Bay 1 is free 10–12 only, bay 2 is free 12–14 only: a 3-hour job at
        // 10:00 would need both, so the first start is when one bay is free for 3 hours.
        let people = mechanics();
        let bays = [
            bay(1, &[], &[("08:00", "10:00"), ("12:00", "20:00")]),
            bay(2, &[], &[("08:00", "12:00"), ("14:00", "15:00")]),
        ];
        let found = nearest_slots(&only(3, request(60, "10:00", &[], 20)), &people, &bays);
        let starts: Vec<NaiveDateTime> = found.iter().map(|slot| slot.start).collect();
        let expected: Vec<NaiveDateTime> = [
            "10:00", "10:15", "10:30", "10:45", "11:00", "12:00", "12:15", "12:30", "12:45",
            "13:00", "15:00",
        ]
        .iter()
        .map(|s| t(s))
        .collect();
        assert_eq!(starts, expected);
        let bays_used: Vec<Option<BayId>> = found.iter().map(|slot| slot.bay).collect();
        assert_eq!(&bays_used[..5], &[Some(BayId(1)); 5]);
        assert_eq!(&bays_used[5..], &[Some(BayId(2)); 6]);
    }

    #[test]
    fn a_night_shift_is_searched_across_midnight() {
        let night = [MechanicAvailability {
            id: EmployeeId(7),
            skills: skills(&[]),
            working: set(&[("20:00", "2026-12-01 08:00")]),
            busy: set(&[("20:00", "22:00"), ("2026-12-01 01:00", "2026-12-01 02:00")]),
        }];
        let ask = SlotRequest {
            until: t("2026-12-02 00:00"),
            ..request(180, "18:00", &[], 3)
        };
        let found: Vec<(NaiveDateTime, NaiveDateTime)> = nearest_slots(&ask, &night, &[])
            .iter()
            .map(|slot| (slot.start, slot.end))
            .collect();
        assert_eq!(
            found,
            [
                (t("22:00"), t("2026-12-01 01:00")),
                (t("2026-12-01 02:00"), t("2026-12-01 05:00")),
                (t("2026-12-01 02:15"), t("2026-12-01 05:15")),
            ]
        );
        let long = SlotRequest {
            duration_minutes: 240,
            limit: 1,
            ..ask
        };
        let long = nearest_slots(&long, &night, &[]);
        assert_eq!(
            long.first().map(|slot| slot.start),
            Some(t("2026-12-01 02:00"))
        );
    }

    #[test]
    fn who_is_free_at_a_time() {
        let people = mechanics();
        let ids = |ids: &[u32]| ids.iter().copied().map(EmployeeId).collect::<Vec<_>>();
        let table = [
            // (start, minutes, skills, bays, mechanics, bay)
            ("11:00", 60, &[2][..], vec![], ids(&[1, 2]), None),
            ("12:30", 60, &[], vec![], ids(&[3]), None),
            ("12:00", 60, &[], vec![], ids(&[3, 1]), None), // 3 has nothing booked today
            ("09:00", 30, &[2], vec![], ids(&[]), None),
            ("17:30", 60, &[], vec![], ids(&[]), None),
            (
                "11:00",
                60,
                &[],
                vec![bay(4, &[], &[("08:00", "20:00")])],
                ids(&[]),
                None,
            ),
            (
                "11:00",
                60,
                &[2],
                vec![bay(4, &[], &[("08:00", "11:00")]), bay(5, &[3], &[])],
                ids(&[1, 2]),
                Some(BayId(4)),
            ),
        ];
        for (start, minutes, needed, bays, mechanics, bay) in table {
            let found = free_at(t(start), minutes, &skills(needed), &people, &bays);
            assert_eq!(
                found,
                FreeAt { mechanics, bay },
                "{start} {minutes} {needed:?}"
            );
        }
    }

    #[test]
    fn the_grid_counts_from_midnight() {
        let step = grid_step(15);
        let table = [
            ("09:00", "09:00", "09:00"),
            ("09:01", "09:00", "09:15"),
            ("09:14", "09:00", "09:15"),
            ("23:50", "23:45", "2026-12-01 00:00"),
        ];
        for (time, floor, ceil) in table {
            assert_eq!(grid_floor(t(time), step), t(floor), "{time}");
            assert_eq!(grid_ceil(t(time), step), t(ceil), "{time}");
        }
        assert_eq!(grid_step(0), TimeDelta::minutes(15));
        assert_eq!(
            iv("2026-11-30 09:00", "2026-11-30 10:00").duration(),
            TimeDelta::hours(1)
        );
    }
}
