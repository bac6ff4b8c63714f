//! Shift patterns and exceptions as the forms send them: times typed as text
//! («9:00», «18.00», a break «13:00–14:00»), checked into the schedule's types
//! with every problem named by its field (`days.0.start`, `hours.breaks.1`).
//!
//! The codes are the existing ones that come closest: a time that is not a
//! time is `date_invalid`, a break outside its shift or a too long range is
//! `out_of_range`.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::client::parse_date;
use crate::domain::schedule::shift::{
    Break, DayTemplate, ExceptionKind, PatternAssignment, ShiftException, ShiftPattern,
};
use crate::domain::validation::{IssueCode, Issues};

/// The longest rotation: four weeks.
pub const MAX_CYCLE_DAYS: usize = 28;
pub const MAX_BREAKS: usize = 4;
/// One exception covers at most a year (a long sick leave is entered again).
pub const MAX_EXCEPTION_DAYS: usize = 366;
pub const MAX_EXCEPTION_NOTE: usize = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DayTemplateDraft {
    pub start: String,
    pub end: String,
    /// «13:00–14:00» each; blank rows are ignored.
    pub breaks: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum PatternType {
    /// Seven days, Monday first.
    #[default]
    Weekly,
    Cycle,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PatternDraft {
    /// The first day of the pattern (and day 0 of a cycle).
    pub from: String,
    pub kind: PatternType,
    /// `None`: a day off.
    pub days: Vec<Option<DayTemplateDraft>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ExceptionType {
    #[default]
    DayOff,
    Vacation,
    SickLeave,
    ExtraShift,
    ChangedHours,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExceptionDraft {
    pub from: String,
    /// Empty: the same day as `from`.
    pub to: String,
    pub kind: ExceptionType,
    /// The hours of an extra shift or changed hours; ignored otherwise.
    pub hours: Option<DayTemplateDraft>,
    pub note: String,
}

impl DayTemplateDraft {
    pub fn validate(&self) -> Result<DayTemplate, Issues> {
        let mut issues = Issues::default();
        let start = time_field("start", &self.start, &mut issues);
        let end = time_field("end", &self.end, &mut issues);
        let typed: Vec<(usize, &String)> = self
            .breaks
            .iter()
            .enumerate()
            .filter(|(_, text)| !text.trim().is_empty())
            .collect();
        if typed.len() > MAX_BREAKS {
            issues.add_limit("breaks", IssueCode::TooMany, MAX_BREAKS);
        }
        let mut template = DayTemplate::new(
            start.unwrap_or(NaiveTime::MIN),
            end.unwrap_or(NaiveTime::MIN),
        );
        for (index, text) in typed {
            let field = format!("breaks.{index}");
            match parse_break(text) {
                None => issues.add(field, IssueCode::DateInvalid),
                // Where the shift's own ends are wrong its breaks cannot be judged.
                Some(pause)
                    if start.is_some() && end.is_some() && !template.holds_break(&pause) =>
                {
                    issues.add(field, IssueCode::OutOfRange);
                }
                Some(pause) => template.breaks.push(pause),
            }
        }
        issues.into_result(template)
    }
}

impl From<&DayTemplate> for DayTemplateDraft {
    fn from(template: &DayTemplate) -> Self {
        DayTemplateDraft {
            start: format_time(template.start),
            end: format_time(template.end),
            breaks: template
                .breaks
                .iter()
                .map(|pause| format!("{}–{}", format_time(pause.start), format_time(pause.end)))
                .collect(),
        }
    }
}

impl PatternDraft {
    pub fn validate(&self) -> Result<PatternAssignment, Issues> {
        let mut issues = Issues::default();
        let from = date_field("from", &self.from, &mut issues);
        self.check_day_count(&mut issues);
        let days: Vec<Option<DayTemplate>> = self
            .days
            .iter()
            .enumerate()
            .map(|(index, day)| {
                let draft = day.as_ref()?;
                draft
                    .validate()
                    .map_err(|found| issues.absorb(&format!("days.{index}."), found))
                    .ok()
            })
            .collect();
        if !self.days.is_empty() && self.days.iter().all(Option::is_none) {
            issues.add("days", IssueCode::Required);
        }
        let pattern = match self.kind {
            PatternType::Weekly => {
                <[Option<DayTemplate>; 7]>::try_from(days)
                    .ok()
                    .map(|days| ShiftPattern::Weekly {
                        days: Box::new(days),
                    })
            }
            PatternType::Cycle => Some(ShiftPattern::Cycle { days }),
        };
        match (from, pattern) {
            (Some(from), Some(pattern)) if issues.is_empty() => {
                Ok(PatternAssignment { from, pattern })
            }
            _ => Err(issues),
        }
    }

    fn check_day_count(&self, issues: &mut Issues) {
        match self.kind {
            PatternType::Weekly if self.days.len() != 7 => {
                issues.add_limit("days", IssueCode::OutOfRange, 7);
            }
            PatternType::Cycle if self.days.is_empty() => issues.add("days", IssueCode::Required),
            PatternType::Cycle if self.days.len() > MAX_CYCLE_DAYS => {
                issues.add_limit("days", IssueCode::TooMany, MAX_CYCLE_DAYS);
            }
            _ => {}
        }
    }
}

impl From<&PatternAssignment> for PatternDraft {
    fn from(assignment: &PatternAssignment) -> Self {
        let (kind, days) = match &assignment.pattern {
            ShiftPattern::Weekly { days } => (PatternType::Weekly, days.as_slice()),
            ShiftPattern::Cycle { days } => (PatternType::Cycle, days.as_slice()),
        };
        PatternDraft {
            from: assignment.from.format("%Y-%m-%d").to_string(),
            kind,
            days: days
                .iter()
                .map(|day| day.as_ref().map(DayTemplateDraft::from))
                .collect(),
        }
    }
}

impl ExceptionDraft {
    pub fn validate(&self) -> Result<ShiftException, Issues> {
        let mut issues = Issues::default();
        let from = date_field("from", &self.from, &mut issues);
        let to = match self.to.trim() {
            "" => from,
            _ => date_field("to", &self.to, &mut issues),
        };
        if let (Some(from), Some(to)) = (from, to) {
            check_range(from, to, &mut issues);
        }
        let kind = self.kind(&mut issues);
        let note = issues.text("note", &self.note, MAX_EXCEPTION_NOTE);
        match (from, to, kind) {
            (Some(from), Some(to), Some(kind)) if issues.is_empty() => Ok(ShiftException {
                from,
                to,
                kind,
                note,
            }),
            _ => Err(issues),
        }
    }

    fn kind(&self, issues: &mut Issues) -> Option<ExceptionKind> {
        let mut hours = || -> Option<DayTemplate> {
            let Some(draft) = &self.hours else {
                issues.add("hours", IssueCode::Required);
                return None;
            };
            draft
                .validate()
                .map_err(|found| issues.absorb("hours.", found))
                .ok()
        };
        match self.kind {
            ExceptionType::DayOff => Some(ExceptionKind::DayOff),
            ExceptionType::Vacation => Some(ExceptionKind::Vacation),
            ExceptionType::SickLeave => Some(ExceptionKind::SickLeave),
            ExceptionType::ExtraShift => hours().map(ExceptionKind::ExtraShift),
            ExceptionType::ChangedHours => hours().map(ExceptionKind::ChangedHours),
        }
    }
}

impl From<&ShiftException> for ExceptionDraft {
    fn from(exception: &ShiftException) -> Self {
        let (kind, hours) = match &exception.kind {
            ExceptionKind::DayOff => (ExceptionType::DayOff, None),
            ExceptionKind::Vacation => (ExceptionType::Vacation, None),
            ExceptionKind::SickLeave => (ExceptionType::SickLeave, None),
            ExceptionKind::ExtraShift(hours) => (ExceptionType::ExtraShift, Some(hours)),
            ExceptionKind::ChangedHours(hours) => (ExceptionType::ChangedHours, Some(hours)),
        };
        ExceptionDraft {
            from: exception.from.format("%Y-%m-%d").to_string(),
            to: exception.to.format("%Y-%m-%d").to_string(),
            kind,
            hours: hours.map(DayTemplateDraft::from),
            note: exception.note.clone(),
        }
    }
}

fn check_range(from: NaiveDate, to: NaiveDate, issues: &mut Issues) {
    let days = (to - from).num_days() + 1;
    if days < 1 {
        // The end before the start: most likely the two were swapped.
        issues.add("to", IssueCode::DateInvalid);
    } else if days > MAX_EXCEPTION_DAYS as i64 {
        issues.add_limit("to", IssueCode::OutOfRange, MAX_EXCEPTION_DAYS);
    }
}

fn date_field(field: &str, text: &str, issues: &mut Issues) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        issues.add(field, IssueCode::Required);
        return None;
    }
    let date = parse_date(text);
    if date.is_none() {
        issues.add(field, IssueCode::DateInvalid);
    }
    date
}

fn time_field(field: &str, text: &str, issues: &mut Issues) -> Option<NaiveTime> {
    if text.trim().is_empty() {
        issues.add(field, IssueCode::Required);
        return None;
    }
    let time = parse_time(text);
    if time.is_none() {
        issues.add(field, IssueCode::DateInvalid);
    }
    time
}

/// A time of day as people type it: `9:00`, `09:00`, `9.30`, `0930`, `9`;
/// `24:00` is midnight (a shift "until 24:00" ends at the next day's 00:00).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    let (hours, minutes) = match text.split_once([':', '.']) {
        Some(parts) => parts,
        None if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) => text.split_at(2),
        None => (text, "00"),
    };
    let digits = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(hours, 1..=2) || !digits(minutes, 2..=2) {
        return None;
    }
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if (hours, minutes) == (24, 0) {
        return Some(NaiveTime::MIN);
    }
    NaiveTime::from_hms_opt(hours, minutes, 0)
}

/// `13:00–14:00`, with an en or em dash or a hyphen, spaces allowed.
pub fn parse_break(text: &str) -> Option<Break> {
    let (start, end) = text.split_once(['–', '—', '-'])?;
    Some(Break {
        start: parse_time(start)?,
        end: parse_time(end)?,
    })
}

fn format_time(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::shift::tests::{date, hours, time};
    use crate::domain::validation::IssueCode::{DateInvalid, OutOfRange, Required, TooMany};

    fn issues<T: std::fmt::Debug>(result: Result<T, Issues>) -> Vec<(String, IssueCode)> {
        result
            .expect_err("expected issues")
            .into_vec()
            .into_iter()
            .map(|issue| (issue.field, issue.issue))
            .collect()
    }

    fn day(start: &str, end: &str, breaks: &[&str]) -> DayTemplateDraft {
        DayTemplateDraft {
            start: start.into(),
            end: end.into(),
            breaks: breaks.iter().map(|text| (*text).to_owned()).collect(),
        }
    }

    #[test]
    fn times_as_people_type_them() {
        let table = [
            ("9:00", Some("09:00")),
            (" 09:30 ", Some("09:30")),
            ("18.00", Some("18:00")),
            ("0930", Some("09:30")),
            ("9", Some("09:00")),
            ("24:00", Some("00:00")),
            ("23:59", Some("23:59")),
            ("24:30", None),
            ("25:00", None),
            ("9:60", None),
            ("9:5", None),
            ("9 утра", None),
            ("1ё2", None),
            ("", None),
        ];
        for (text, expected) in table {
            assert_eq!(parse_time(text), expected.map(time), "{text}");
        }
        assert_eq!(
            parse_break("13:00–14:00"),
            Some(Break {
                start: time("13:00"),
                end: time("14:00")
            })
        );
        assert_eq!(
            parse_break("13 - 14.30"),
            Some(Break {
                start: time("13:00"),
                end: time("14:30")
            })
        );
        assert_eq!(parse_break("13:00"), None);
    }

    #[test]
    fn day_templates_from_text() {
        assert_eq!(
            day("9:00", "18:00", &["13:00–14:00", ""]).validate(),
            Ok(hours("09:00", "18:00", &[("13:00", "14:00")]))
        );
        assert_eq!(
            day("20:00", "8:00", &["0:00-0:30"]).validate(),
            Ok(hours("20:00", "08:00", &[("00:00", "00:30")]))
        );
        let table: [(DayTemplateDraft, &[(&str, IssueCode)]); 5] = [
            (day("", "", &[]), &[("start", Required), ("end", Required)]),
            (day("9:00", "ночь", &[]), &[("end", DateInvalid)]),
            (
                day("9:00", "18:00", &["обед", "19:00–20:00", "12:00–12:00"]),
                &[
                    ("breaks.0", DateInvalid),
                    ("breaks.1", OutOfRange),
                    ("breaks.2", OutOfRange),
                ],
            ),
            (
                day("20:00", "08:00", &["07:30–08:30"]),
                &[("breaks.0", OutOfRange)],
            ),
            (
                day(
                    "9:00",
                    "18:00",
                    &["10-11", "12-13", "14-15", "16-17", "17-18"],
                ),
                &[("breaks", TooMany)],
            ),
        ];
        for (draft, expected) in table {
            let expected: Vec<(String, IssueCode)> = expected
                .iter()
                .map(|(field, code)| ((*field).to_owned(), *code))
                .collect();
            assert_eq!(issues(draft.validate()), expected, "{draft:?}");
        }
    }

    #[test]
    fn patterns_from_drafts() {
        let five_two = PatternDraft {
            from: "02.11.2026".into(),
            kind: PatternType::Weekly,
            days: (0..7)
                .map(|weekday| (weekday < 5).then(|| day("9:00", "18:00", &["13:00-14:00"])))
                .collect(),
        };
        let valid = five_two.validate().expect("a valid pattern");
        assert_eq!(valid.from, date("2026-11-02"));
        assert_eq!(
            valid.pattern,
            ShiftPattern::five_two(hours("09:00", "18:00", &[("13:00", "14:00")]))
        );
        assert_eq!(PatternDraft::from(&valid).validate(), Ok(valid));

        let table: [(PatternDraft, &[(&str, IssueCode)]); 5] = [
            (
                PatternDraft::default(),
                &[("from", Required), ("days", OutOfRange)],
            ),
            (
                PatternDraft {
                    from: "2026-11-31".into(),
                    kind: PatternType::Cycle,
                    days: vec![],
                },
                &[("from", DateInvalid), ("days", Required)],
            ),
            (
                PatternDraft {
                    from: "2026-11-30".into(),
                    kind: PatternType::Cycle,
                    days: vec![None, None],
                },
                &[("days", Required)],
            ),
            (
                PatternDraft {
                    from: "2026-11-30".into(),
                    kind: PatternType::Cycle,
                    days: vec![
                        Some(day("8:00", "", &[])),
                        Some(day("20:00", "8:00", &["9:00-10:00"])),
                        None,
                    ],
                },
                &[("days.0.end", Required), ("days.1.breaks.0", OutOfRange)],
            ),
            (
                PatternDraft {
                    from: "2026-11-30".into(),
                    kind: PatternType::Cycle,
                    days: vec![Some(day("8:00", "20:00", &[])); MAX_CYCLE_DAYS + 1],
                },
                &[("days", TooMany)],
            ),
        ];
        for (draft, expected) in table {
            let expected: Vec<(String, IssueCode)> = expected
                .iter()
                .map(|(field, code)| ((*field).to_owned(), *code))
                .collect();
            assert_eq!(issues(draft.validate()), expected, "{draft:?}");
        }
    }

    #[test]
    fn exceptions_from_drafts() {
        let vacation = ExceptionDraft {
            from: "14.12.2026".into(),
            to: "27.12.2026".into(),
            kind: ExceptionType::Vacation,
            hours: None,
            note: " ежегодный ".into(),
        };
        let valid = vacation.validate().expect("a valid vacation");
        assert_eq!(
            (valid.from, valid.to),
            (date("2026-12-14"), date("2026-12-27"))
        );
        assert_eq!(
            (valid.kind.clone(), valid.note.as_str()),
            (ExceptionKind::Vacation, "ежегодный")
        );
        assert_eq!(ExceptionDraft::from(&valid).validate(), Ok(valid));

        let extra = ExceptionDraft {
            from: "2026-11-28".into(),
            kind: ExceptionType::ExtraShift,
            hours: Some(day("10:00", "16:00", &[])),
            ..ExceptionDraft::default()
        };
        let valid = extra.validate().expect("a valid extra shift");
        assert_eq!(valid.to, date("2026-11-28"));
        assert_eq!(
            valid.kind,
            ExceptionKind::ExtraShift(hours("10:00", "16:00", &[]))
        );
        assert_eq!(ExceptionDraft::from(&valid).validate(), Ok(valid));

        let table: [(ExceptionDraft, &[(&str, IssueCode)]); 4] = [
            (ExceptionDraft::default(), &[("from", Required)]),
            (
                ExceptionDraft {
                    from: "2026-12-10".into(),
                    to: "2026-12-01".into(),
                    ..ExceptionDraft::default()
                },
                &[("to", DateInvalid)],
            ),
            (
                ExceptionDraft {
                    from: "2026-01-01".into(),
                    to: "2027-06-01".into(),
                    kind: ExceptionType::SickLeave,
                    ..ExceptionDraft::default()
                },
                &[("to", OutOfRange)],
            ),
            (
                ExceptionDraft {
                    from: "2026-12-01".into(),
                    kind: ExceptionType::ChangedHours,
                    hours: Some(day("10:00", "", &["11:00–12:00"])),
                    ..ExceptionDraft::default()
                },
                &[("hours.end", Required)],
            ),
        ];
        for (draft, expected) in table {
            let expected: Vec<(String, IssueCode)> = expected
                .iter()
                .map(|(field, code)| ((*field).to_owned(), *code))
                .collect();
            assert_eq!(issues(draft.validate()), expected, "{draft:?}");
        }
        let no_hours = ExceptionDraft {
            from: "2026-12-01".into(),
            kind: ExceptionType::ExtraShift,
            ..ExceptionDraft::default()
        };
        assert_eq!(
            issues(no_hours.validate()),
            [("hours".to_owned(), Required)]
        );
    }
}
