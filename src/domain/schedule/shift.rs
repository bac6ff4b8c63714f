//! Mechanics' working time: a shift pattern in force from a date (5/2, 2/2,
//! day/night, any weekly template) plus dated exceptions (day off, vacation,
//! sick leave, an extra shift, changed hours), expanded into concrete
//! intervals of local time. A shift belongs to the day it starts on, so a
//! night shift 22:00–08:00 of 30 November ends on 1 December.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::domain::schedule::interval::{Interval, IntervalSet};

/// A pause inside a shift; like the shift, an end at or before the start is the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Break {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// The hours of one working day. `end <= start` means the shift ends the next
/// day: 20:00–08:00 is a night shift, 08:00–08:00 a full day (сутки).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DayTemplate {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub breaks: Vec<Break>,
}

impl DayTemplate {
    pub fn new(start: NaiveTime, end: NaiveTime) -> DayTemplate {
        DayTemplate {
            start,
            end,
            breaks: Vec::new(),
        }
    }

    pub fn with_break(mut self, start: NaiveTime, end: NaiveTime) -> DayTemplate {
        self.breaks.push(Break { start, end });
        self
    }

    /// From the start to the end, breaks included; at most a day.
    pub fn length(&self) -> TimeDelta {
        match since(self.start, self.end) {
            zero if zero.is_zero() => TimeDelta::days(1),
            length => length,
        }
    }

    /// The whole shift started on `date`, breaks included.
    pub fn span_on(&self, date: NaiveDate) -> Interval {
        Interval::lasting(date.and_time(self.start), self.length())
    }

    /// The breaks placed on the shift started on `date`: a break is counted from
    /// the shift's start, so 02:00 in a 22:00–08:00 shift is the next morning.
    pub fn breaks_on(&self, date: NaiveDate) -> IntervalSet {
        let shift_start = date.and_time(self.start);
        self.breaks
            .iter()
            .filter_map(|pause| {
                let start = shift_start + since(self.start, pause.start);
                Interval::new(start, start + since(pause.start, pause.end))
            })
            .collect()
    }

    /// Whether a break lies within the shift and lasts a while; breaks that do
    /// not are harmless to the expansion but are a typo in a form.
    pub fn holds_break(&self, pause: &Break) -> bool {
        let length = since(pause.start, pause.end);
        !length.is_zero() && since(self.start, pause.start) + length <= self.length()
    }

    /// The shift of `date` minus its breaks.
    pub fn working_on(&self, date: NaiveDate) -> IntervalSet {
        IntervalSet::single(self.span_on(date)).subtract(&self.breaks_on(date))
    }
}

/// How long after `from` the clock next shows `to`: `[0, 24 h)`.
fn since(from: NaiveTime, to: NaiveTime) -> TimeDelta {
    let delta = to - from;
    if delta < TimeDelta::zero() {
        delta + TimeDelta::days(1)
    } else {
        delta
    }
}

/// Which days are worked, and the hours of each.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ShiftPattern {
    /// Monday to Sunday: 5/2 and any custom week. Boxed: seven templates
    /// inline would make every pattern that large.
    Weekly { days: Box<[Option<DayTemplate>; 7]> },
    /// A rotation counted from the day the pattern applies from: 2/2 is
    /// `[work, work, off, off]`, «сутки через трое» `[24 h, off, off, off]`.
    Cycle { days: Vec<Option<DayTemplate>> },
}

impl ShiftPattern {
    /// Monday to Friday.
    pub fn five_two(day: DayTemplate) -> ShiftPattern {
        ShiftPattern::Weekly {
            days: Box::new(std::array::from_fn(|weekday| {
                (weekday < 5).then(|| day.clone())
            })),
        }
    }

    pub fn two_two(day: DayTemplate) -> ShiftPattern {
        ShiftPattern::Cycle {
            days: vec![Some(day.clone()), Some(day), None, None],
        }
    }

    /// A day shift, a night shift, two days off.
    pub fn day_night(day: DayTemplate, night: DayTemplate) -> ShiftPattern {
        ShiftPattern::Cycle {
            days: vec![Some(day), Some(night), None, None],
        }
    }

    /// «Сутки через трое»: one full-day shift, three days off.
    pub fn one_in_four(day: DayTemplate) -> ShiftPattern {
        ShiftPattern::Cycle {
            days: vec![Some(day), None, None, None],
        }
    }

    /// The hours of `date` under this pattern applied from `applied_from`.
    pub fn template_for(&self, applied_from: NaiveDate, date: NaiveDate) -> Option<&DayTemplate> {
        match self {
            ShiftPattern::Weekly { days } => {
                days[date.weekday().num_days_from_monday() as usize].as_ref()
            }
            ShiftPattern::Cycle { days } if days.is_empty() => None,
            ShiftPattern::Cycle { days } => {
                let elapsed = (date - applied_from).num_days();
                let index = elapsed.rem_euclid(days.len() as i64) as usize;
                days.get(index).and_then(Option::as_ref)
            }
        }
    }
}

/// A pattern in force from `from` until the next assignment's `from`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PatternAssignment {
    /// Also day 0 of a cycle.
    pub from: NaiveDate,
    pub pattern: ShiftPattern,
}

/// What an exception does to its days.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", content = "hours", rename_all = "camelCase")]
pub enum ExceptionKind {
    /// Отгул: no work that day.
    DayOff,
    Vacation,
    SickLeave,
    /// A shift added to whatever the day has (usually a day off).
    ExtraShift(DayTemplate),
    /// Hours that replace the day's.
    ChangedHours(DayTemplate),
}

impl ExceptionKind {
    pub fn day_kind(&self) -> DayKind {
        match self {
            ExceptionKind::DayOff => DayKind::DayOff,
            ExceptionKind::Vacation => DayKind::Vacation,
            ExceptionKind::SickLeave => DayKind::SickLeave,
            ExceptionKind::ExtraShift(_) => DayKind::ExtraShift,
            ExceptionKind::ChangedHours(_) => DayKind::ChangedHours,
        }
    }
}

/// An exception to the pattern for the days `from..=to` (one day: `from == to`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ShiftException {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub kind: ExceptionKind,
    pub note: String,
}

impl ShiftException {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// What the calendar labels a day with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum DayKind {
    /// Before the first pattern: nobody has said when this person works.
    NoSchedule,
    /// A working day of the pattern.
    Working,
    /// A rest day of the pattern.
    Off,
    DayOff,
    Vacation,
    SickLeave,
    ExtraShift,
    ChangedHours,
}

/// One person's day for the calendar: its label and the working intervals of
/// the shift that starts on it (a night shift reaches into the next day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DayShift {
    pub date: NaiveDate,
    pub kind: DayKind,
    pub intervals: IntervalSet,
    /// The note of the exception that decided the day («по заявлению»).
    pub note: String,
}

impl DayShift {
    fn new(date: NaiveDate, kind: DayKind, intervals: IntervalSet) -> DayShift {
        DayShift {
            date,
            kind,
            intervals,
            note: String::new(),
        }
    }

    fn apply(&mut self, exception: &ShiftException) {
        self.intervals = match &exception.kind {
            ExceptionKind::DayOff | ExceptionKind::Vacation | ExceptionKind::SickLeave => {
                IntervalSet::new()
            }
            ExceptionKind::ChangedHours(hours) => hours.working_on(self.date),
            ExceptionKind::ExtraShift(hours) => self.intervals.union(&hours.working_on(self.date)),
        };
        self.kind = exception.kind.day_kind();
        self.note.clone_from(&exception.note);
    }
}

/// The day under the pattern in force, then every exception covering it in
/// list order: later entries act on what earlier ones left, so an extra shift
/// entered during a vacation makes that one day a working day.
pub fn day_shift(
    assignments: &[PatternAssignment],
    exceptions: &[ShiftException],
    date: NaiveDate,
) -> DayShift {
    let mut day = pattern_day(assignments, date);
    for exception in exceptions.iter().filter(|e| e.covers(date)) {
        day.apply(exception);
    }
    day
}

fn pattern_day(assignments: &[PatternAssignment], date: NaiveDate) -> DayShift {
    // `max_by_key` keeps the last of equal keys: a later entry for the same
    // date corrects an earlier one.
    let current = assignments
        .iter()
        .filter(|a| a.from <= date)
        .max_by_key(|a| a.from);
    let Some(assignment) = current else {
        return DayShift::new(date, DayKind::NoSchedule, IntervalSet::new());
    };
    match assignment.pattern.template_for(assignment.from, date) {
        Some(hours) => DayShift::new(date, DayKind::Working, hours.working_on(date)),
        None => DayShift::new(date, DayKind::Off, IntervalSet::new()),
    }
}

/// The days `from..=to` for the calendar.
pub fn day_shifts(
    assignments: &[PatternAssignment],
    exceptions: &[ShiftException],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<DayShift> {
    from.iter_days()
        .take_while(|date| *date <= to)
        .map(|date| day_shift(assignments, exceptions, date))
        .collect()
}

/// The working time of the shifts that start on `from..=to` (breaks removed);
/// the last one may run past `to`.
pub fn working_time(
    assignments: &[PatternAssignment],
    exceptions: &[ShiftException],
    from: NaiveDate,
    to: NaiveDate,
) -> IntervalSet {
    day_shifts(assignments, exceptions, from, to)
        .into_iter()
        .flat_map(|day| day.intervals.as_slice().to_vec())
        .collect()
}

/// The working time inside `window`, including the end of a night shift that
/// started the day before: what the finder and the booking check need.
pub fn working_time_in(
    assignments: &[PatternAssignment],
    exceptions: &[ShiftException],
    window: Interval,
) -> IntervalSet {
    // A shift lasts at most a day, so only the day before can reach in.
    let first = window.start().date();
    let first = first.checked_sub_days(Days::new(1)).unwrap_or(first);
    working_time(assignments, exceptions, first, window.end().date()).clip(window)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::schedule::interval::tests::iv;

    pub(crate) fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
    }

    pub(crate) fn time(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").expect("a test time")
    }

    /// `hours("09:00", "18:00", &[("13:00", "14:00")])`.
    pub(crate) fn hours(start: &str, end: &str, breaks: &[(&str, &str)]) -> DayTemplate {
        breaks.iter().fold(
            DayTemplate::new(time(start), time(end)),
            |day, (from, to)| day.with_break(time(from), time(to)),
        )
    }

    pub(crate) fn from(day: &str, pattern: ShiftPattern) -> PatternAssignment {
        PatternAssignment {
            from: date(day),
            pattern,
        }
    }

    fn exception(from: &str, to: &str, kind: ExceptionKind) -> ShiftException {
        ShiftException {
            from: date(from),
            to: date(to),
            kind,
            note: String::new(),
        }
    }

    type Expected<'a> = (&'a str, DayKind, &'a [(&'a str, &'a str)]);

    /// Compares each listed day's label and working intervals.
    fn check(assignments: &[PatternAssignment], exceptions: &[ShiftException], days: &[Expected]) {
        for (day, kind, intervals) in days {
            let actual = day_shift(assignments, exceptions, date(day));
            let expected: IntervalSet = intervals.iter().map(|(s, e)| iv(s, e)).collect();
            assert_eq!(
                (actual.kind, &actual.intervals),
                (*kind, &expected),
                "{day}"
            );
        }
    }

    fn office() -> DayTemplate {
        hours("09:00", "18:00", &[("13:00", "14:00")])
    }

    #[test]
    fn five_two_across_month_and_year_ends() {
        use DayKind::{Off, Working};
        let plan = [from("2026-11-02", ShiftPattern::five_two(office()))];
        check(
            &plan,
            &[],
            &[
                (
                    "2026-11-27",
                    Working,
                    &[
                        ("2026-11-27 09:00", "2026-11-27 13:00"),
                        ("2026-11-27 14:00", "2026-11-27 18:00"),
                    ],
                ),
                ("2026-11-28", Off, &[]),
                ("2026-11-29", Off, &[]),
                (
                    "2026-11-30",
                    Working,
                    &[
                        ("2026-11-30 09:00", "2026-11-30 13:00"),
                        ("2026-11-30 14:00", "2026-11-30 18:00"),
                    ],
                ),
                (
                    "2026-12-01",
                    Working,
                    &[
                        ("2026-12-01 09:00", "2026-12-01 13:00"),
                        ("2026-12-01 14:00", "2026-12-01 18:00"),
                    ],
                ),
                (
                    "2026-12-31",
                    Working,
                    &[
                        ("2026-12-31 09:00", "2026-12-31 13:00"),
                        ("2026-12-31 14:00", "2026-12-31 18:00"),
                    ],
                ),
                (
                    "2027-01-01",
                    Working,
                    &[
                        ("2027-01-01 09:00", "2027-01-01 13:00"),
                        ("2027-01-01 14:00", "2027-01-01 18:00"),
                    ],
                ),
                ("2027-01-02", Off, &[]),
                ("2027-01-03", Off, &[]),
                (
                    "2027-01-04",
                    Working,
                    &[
                        ("2027-01-04 09:00", "2027-01-04 13:00"),
                        ("2027-01-04 14:00", "2027-01-04 18:00"),
                    ],
                ),
            ],
        );
        let month = working_time(&plan, &[], date("2026-11-01"), date("2026-11-30"));
        // November 2026 has 21 working days of 8 hours.
        assert_eq!(month.total(), TimeDelta::hours(21 * 8));
        assert_eq!(month.len(), 21 * 2);
        let turn = working_time(&plan, &[], date("2026-12-28"), date("2027-01-08"));
        assert_eq!(turn.total(), TimeDelta::hours(10 * 8));
    }

    #[test]
    fn two_two_counts_from_its_date_across_months() {
        let plan = [from(
            "2026-11-28",
            ShiftPattern::two_two(hours("08:00", "20:00", &[])),
        )];
        let table = [
            ("2026-11-27", false), // before the pattern: no schedule
            ("2026-11-28", true),
            ("2026-11-29", true),
            ("2026-11-30", false),
            ("2026-12-01", false),
            ("2026-12-02", true),
            ("2026-12-03", true),
            ("2026-12-04", false),
            ("2026-12-30", true), // 32 days on: day 0 of the cycle
            ("2026-12-31", true),
            ("2027-01-01", false),
            ("2027-01-02", false),
            ("2027-01-03", true),
        ];
        for (day, works) in table {
            let shift = day_shift(&plan, &[], date(day));
            assert_eq!(!shift.intervals.is_empty(), works, "{day}");
        }
        assert_eq!(
            day_shift(&plan, &[], date("2026-11-27")).kind,
            DayKind::NoSchedule
        );
        assert_eq!(day_shift(&plan, &[], date("2026-11-30")).kind, DayKind::Off);
    }

    #[test]
    fn night_shifts_cross_midnight_month_and_year_ends() {
        use DayKind::{Off, Working};
        let day = hours("08:00", "20:00", &[("12:00", "12:30")]);
        let night = hours("20:00", "08:00", &[("23:30", "00:30"), ("04:00", "04:30")]);
        // The rotation restarts on 30 December so that a night falls on New Year's Eve.
        let plan = [
            from(
                "2026-11-29",
                ShiftPattern::day_night(day.clone(), night.clone()),
            ),
            from("2026-12-30", ShiftPattern::day_night(day, night)),
        ];
        check(
            &plan,
            &[],
            &[
                (
                    "2026-11-29",
                    Working,
                    &[
                        ("2026-11-29 08:00", "2026-11-29 12:00"),
                        ("2026-11-29 12:30", "2026-11-29 20:00"),
                    ],
                ),
                (
                    "2026-11-30",
                    Working,
                    &[
                        ("2026-11-30 20:00", "2026-11-30 23:30"),
                        ("2026-12-01 00:30", "2026-12-01 04:00"),
                        ("2026-12-01 04:30", "2026-12-01 08:00"),
                    ],
                ),
                ("2026-12-01", Off, &[]),
                ("2026-12-02", Off, &[]),
                (
                    "2026-12-03",
                    Working,
                    &[
                        ("2026-12-03 08:00", "2026-12-03 12:00"),
                        ("2026-12-03 12:30", "2026-12-03 20:00"),
                    ],
                ),
                (
                    "2026-12-31",
                    Working,
                    &[
                        ("2026-12-31 20:00", "2026-12-31 23:30"),
                        ("2027-01-01 00:30", "2027-01-01 04:00"),
                        ("2027-01-01 04:30", "2027-01-01 08:00"),
                    ],
                ),
            ],
        );
        // The first of December starts with the end of the night before.
        let first = working_time_in(&plan, &[], iv("2026-12-01 00:00", "2026-12-02 00:00"));
        assert_eq!(
            first,
            [
                iv("2026-12-01 00:30", "2026-12-01 04:00"),
                iv("2026-12-01 04:30", "2026-12-01 08:00")
            ]
            .into_iter()
            .collect()
        );
    }

    #[test]
    fn a_full_day_shift_and_its_rest() {
        let plan = [from(
            "2026-11-30",
            ShiftPattern::one_in_four(hours("08:00", "08:00", &[])),
        )];
        let days = working_time(&plan, &[], date("2026-11-30"), date("2026-12-07"));
        assert_eq!(
            days,
            [
                iv("2026-11-30 08:00", "2026-12-01 08:00"),
                iv("2026-12-04 08:00", "2026-12-05 08:00")
            ]
            .into_iter()
            .collect()
        );
    }

    #[test]
    fn a_pattern_change_mid_month() {
        use DayKind::{Off, Working};
        let plan = [
            from(
                "2026-11-02",
                ShiftPattern::five_two(hours("09:00", "18:00", &[])),
            ),
            from(
                "2026-11-18",
                ShiftPattern::two_two(hours("08:00", "20:00", &[])),
            ),
        ];
        check(
            &plan,
            &[],
            &[
                (
                    "2026-11-16",
                    Working,
                    &[("2026-11-16 09:00", "2026-11-16 18:00")],
                ),
                (
                    "2026-11-17",
                    Working,
                    &[("2026-11-17 09:00", "2026-11-17 18:00")],
                ),
                (
                    "2026-11-18",
                    Working,
                    &[("2026-11-18 08:00", "2026-11-18 20:00")],
                ),
                (
                    "2026-11-19",
                    Working,
                    &[("2026-11-19 08:00", "2026-11-19 20:00")],
                ),
                ("2026-11-20", Off, &[]),
                ("2026-11-21", Off, &[]),
                (
                    "2026-11-22",
                    Working,
                    &[("2026-11-22 08:00", "2026-11-22 20:00")],
                ),
            ],
        );
        // The order of the history does not matter; the latest start wins.
        let reversed = [plan[1].clone(), plan[0].clone()];
        assert_eq!(
            working_time(&reversed, &[], date("2026-11-01"), date("2026-11-30")),
            working_time(&plan, &[], date("2026-11-01"), date("2026-11-30"))
        );
    }

    #[test]
    fn each_exception_overrides_the_pattern() {
        let plan = [from("2026-11-02", ShiftPattern::five_two(office()))];
        let evening = hours("18:00", "21:00", &[]);
        let short = hours("10:00", "15:00", &[("12:00", "12:30")]);
        let saturday = hours("10:00", "16:00", &[]);
        let table: [(&str, ExceptionKind, Expected); 6] = [
            (
                "2026-11-30",
                ExceptionKind::DayOff,
                ("2026-11-30", DayKind::DayOff, &[]),
            ),
            (
                "2026-11-30",
                ExceptionKind::Vacation,
                ("2026-11-30", DayKind::Vacation, &[]),
            ),
            (
                "2026-11-30",
                ExceptionKind::SickLeave,
                ("2026-11-30", DayKind::SickLeave, &[]),
            ),
            (
                "2026-11-30",
                ExceptionKind::ChangedHours(short),
                (
                    "2026-11-30",
                    DayKind::ChangedHours,
                    &[
                        ("2026-11-30 10:00", "2026-11-30 12:00"),
                        ("2026-11-30 12:30", "2026-11-30 15:00"),
                    ],
                ),
            ),
            (
                "2026-11-28",
                ExceptionKind::ExtraShift(saturday),
                (
                    "2026-11-28",
                    DayKind::ExtraShift,
                    &[("2026-11-28 10:00", "2026-11-28 16:00")],
                ),
            ),
            (
                "2026-11-30",
                ExceptionKind::ExtraShift(evening),
                (
                    "2026-11-30",
                    DayKind::ExtraShift,
                    &[
                        ("2026-11-30 09:00", "2026-11-30 13:00"),
                        ("2026-11-30 14:00", "2026-11-30 21:00"),
                    ],
                ),
            ),
        ];
        for (day, kind, expected) in table {
            let exceptions = [exception(day, day, kind)];
            check(&plan, &exceptions, &[expected]);
            // The neighbours keep the pattern.
            check(
                &plan,
                &exceptions,
                &[(
                    "2026-12-01",
                    DayKind::Working,
                    &[
                        ("2026-12-01 09:00", "2026-12-01 13:00"),
                        ("2026-12-01 14:00", "2026-12-01 18:00"),
                    ],
                )],
            );
        }
    }

    #[test]
    fn vacations_span_days_and_leave_the_night_before_alone() {
        use DayKind::{Vacation, Working};
        let plan = [from(
            "2026-11-29",
            ShiftPattern::Cycle {
                days: vec![Some(hours("20:00", "08:00", &[]))],
            },
        )];
        let mut leave = exception("2026-12-01", "2026-12-03", ExceptionKind::Vacation);
        leave.note = "по заявлению".into();
        let called_in = exception(
            "2026-12-02",
            "2026-12-02",
            ExceptionKind::ExtraShift(hours("09:00", "13:00", &[])),
        );
        let exceptions = [leave, called_in];
        check(
            &plan,
            &exceptions,
            &[
                (
                    "2026-11-30",
                    Working,
                    &[("2026-11-30 20:00", "2026-12-01 08:00")],
                ),
                ("2026-12-01", Vacation, &[]),
                (
                    "2026-12-02",
                    DayKind::ExtraShift,
                    &[("2026-12-02 09:00", "2026-12-02 13:00")],
                ),
                ("2026-12-03", Vacation, &[]),
                (
                    "2026-12-04",
                    Working,
                    &[("2026-12-04 20:00", "2026-12-05 08:00")],
                ),
            ],
        );
        let days = day_shifts(&plan, &exceptions, date("2026-11-30"), date("2026-12-04"));
        assert_eq!(days.len(), 5);
        assert_eq!(days[1].note, "по заявлению");
    }

    #[test]
    fn breaks_outside_their_shift_change_nothing() {
        let odd = hours("09:00", "12:00", &[("13:00", "14:00"), ("10:00", "10:00")]);
        assert_eq!(
            odd.working_on(date("2026-11-30")),
            IntervalSet::single(iv("2026-11-30 09:00", "2026-11-30 12:00"))
        );
        assert_eq!(odd.length(), TimeDelta::hours(3));
        assert_eq!(
            ShiftPattern::Cycle { days: vec![] }
                .template_for(date("2026-11-30"), date("2026-12-01")),
            None
        );
    }
}
