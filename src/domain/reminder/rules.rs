//! When reminders go out: the shop's rules (a reminder the day before inside a
//! sending window, an optional second one some hours before the visit, quiet
//! hours, the shortest lead worth a message) and the send time they give for a
//! visit. Times are the shop's wall clock; `now` is always passed in.
//!
//! The rules of [`send_at`], in short:
//!
//! - a moment is *allowed* when it is inside the day's sending window and not
//!   in the quiet hours; quiet hours may wrap midnight (21:00–09:00);
//! - the day-before reminder goes at the first allowed moment from the day
//!   before's window start (or from `now`, when that is later): booked a week
//!   ahead it goes at 10:00 the day before; booked at 15:00 for tomorrow it goes
//!   at once; booked after the window closed it goes in the next window, which
//!   is the visit's own day;
//! - the second reminder goes `N` hours before the visit, or at once when that
//!   moment has passed, moved out of the quiet hours to their end; it ignores
//!   the sending window (an early visit is reminded of early);
//! - either is dropped (`None`) unless it leaves at least `min_lead_minutes`
//!   before the visit: too late for a message, the operator calls instead. So
//!   booked at 20:30 for 09:00 tomorrow gets no automatic reminder: the next
//!   window opens at 10:00, after the visit.
//!
//! [`plan`] puts both together and keeps only the earlier of two messages that
//! would go out less than the lead apart (a client booked in the morning for noon
//! gets one message at 10:00, not two).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::domain::schedule::draft::parse_time;
use crate::domain::validation::{IssueCode, Issues};

/// The second reminder comes at most two days before the visit.
pub const MAX_SECOND_HOURS_BEFORE: u32 = 48;
/// The shortest lead may be set up to a day.
pub const MAX_MIN_LEAD_MINUTES: u32 = 24 * 60;

/// The shop's rules of when reminders go out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderRules {
    /// A reminder the day before the visit.
    pub day_before: bool,
    /// The sending window of a day: `window_start` ≤ t < `window_end`, never
    /// across midnight.
    pub window_start: NaiveTime,
    pub window_end: NaiveTime,
    /// A second reminder this many hours before the visit; `None`: none.
    pub second_hours_before: Option<u32>,
    /// No messages from `quiet_start` until `quiet_end` (may wrap midnight);
    /// equal times: no quiet hours.
    pub quiet_start: NaiveTime,
    pub quiet_end: NaiveTime,
    /// A reminder must go out at least this long before the visit.
    pub min_lead_minutes: u32,
}

impl Default for ReminderRules {
    fn default() -> Self {
        ReminderRules {
            day_before: true,
            window_start: hm(10, 0),
            window_end: hm(20, 0),
            second_hours_before: None,
            quiet_start: hm(21, 0),
            quiet_end: hm(9, 0),
            min_lead_minutes: 60,
        }
    }
}

fn hm(hours: u32, minutes: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hours, minutes, 0).unwrap_or_default()
}

/// What the settings form sends: times as typed text («10:00», «20.00»).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReminderRulesDraft {
    pub day_before: bool,
    pub window_start: String,
    pub window_end: String,
    pub second_hours_before: Option<u32>,
    pub quiet_start: String,
    pub quiet_end: String,
    pub min_lead_minutes: u32,
}

impl ReminderRulesDraft {
    /// Every problem at once: blank times are `required`, text that is not a
    /// time is `date_invalid`; `out_of_range` for a window that does not end
    /// after it starts (`windowEnd`), a window wholly inside the quiet hours
    /// (`quietStart`), hours outside 1..=48 (`secondHoursBefore`), and a lead
    /// above a day or longer than the second reminder's hours, which would
    /// never let it go out (`minLeadMinutes`, `max` holding the bound).
    pub fn validate(&self) -> Result<ReminderRules, Issues> {
        let mut issues = Issues::default();
        let window_start = time_field("windowStart", &self.window_start, &mut issues);
        let window_end = time_field("windowEnd", &self.window_end, &mut issues);
        let quiet_start = time_field("quietStart", &self.quiet_start, &mut issues);
        let quiet_end = time_field("quietEnd", &self.quiet_end, &mut issues);
        if let (Some(start), Some(end)) = (window_start, window_end)
            && end <= start
        {
            issues.add("windowEnd", IssueCode::OutOfRange);
        }
        if let Some(hours) = self.second_hours_before
            && !(1..=MAX_SECOND_HOURS_BEFORE).contains(&hours)
        {
            issues.add_limit(
                "secondHoursBefore",
                IssueCode::OutOfRange,
                MAX_SECOND_HOURS_BEFORE as usize,
            );
        }
        let second_minutes = self
            .second_hours_before
            .filter(|hours| (1..=MAX_SECOND_HOURS_BEFORE).contains(hours))
            .map(|hours| hours * 60);
        let lead_max = second_minutes.map_or(MAX_MIN_LEAD_MINUTES, |minutes| {
            minutes.min(MAX_MIN_LEAD_MINUTES)
        });
        if self.min_lead_minutes > lead_max {
            issues.add_limit("minLeadMinutes", IssueCode::OutOfRange, lead_max as usize);
        }
        let (Some(window_start), Some(window_end), Some(quiet_start), Some(quiet_end)) =
            (window_start, window_end, quiet_start, quiet_end)
        else {
            return Err(issues);
        };
        let rules = ReminderRules {
            day_before: self.day_before,
            window_start,
            window_end,
            second_hours_before: self.second_hours_before,
            quiet_start,
            quiet_end,
            min_lead_minutes: self.min_lead_minutes,
        };
        if window_start < window_end
            && first_allowed_on(&rules, NaiveDate::default(), None).is_none()
        {
            issues.add("quietStart", IssueCode::OutOfRange);
        }
        issues.into_result(rules)
    }
}

impl From<&ReminderRules> for ReminderRulesDraft {
    fn from(rules: &ReminderRules) -> Self {
        let text = |time: NaiveTime| time.format("%H:%M").to_string();
        ReminderRulesDraft {
            day_before: rules.day_before,
            window_start: text(rules.window_start),
            window_end: text(rules.window_end),
            second_hours_before: rules.second_hours_before,
            quiet_start: text(rules.quiet_start),
            quiet_end: text(rules.quiet_end),
            min_lead_minutes: rules.min_lead_minutes,
        }
    }
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

/// Which reminder of a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// In the sending window the day before.
    DayBefore,
    /// `second_hours_before` hours before the visit.
    HoursBefore,
}

impl ReminderKind {
    pub const ALL: [ReminderKind; 2] = [ReminderKind::DayBefore, ReminderKind::HoursBefore];

    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::DayBefore => "day_before",
            ReminderKind::HoursBefore => "hours_before",
        }
    }

    pub fn parse(text: &str) -> Option<ReminderKind> {
        ReminderKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// Whether `at` falls in the quiet hours (`quiet_start` ≤ t < `quiet_end`,
/// wrapping midnight when the start is the later time).
pub fn is_quiet(rules: &ReminderRules, at: NaiveDateTime) -> bool {
    let (start, end, time) = (rules.quiet_start, rules.quiet_end, at.time());
    if start <= end {
        start <= time && time < end
    } else {
        time >= start || time < end
    }
}

/// `at` itself when it is not quiet, else the end of the quiet hours it is in
/// (the same morning, or the next one for a moment after `quiet_start`).
pub fn out_of_quiet(rules: &ReminderRules, at: NaiveDateTime) -> NaiveDateTime {
    if !is_quiet(rules, at) {
        return at;
    }
    if at.time() < rules.quiet_end {
        at.date().and_time(rules.quiet_end)
    } else {
        at.date()
            .succ_opt()
            .map_or(NaiveDateTime::MAX, |next| next.and_time(rules.quiet_end))
    }
}

/// When a reminder of `kind` for a visit at `visit` should go out, judged at
/// `now`; `None` when it should not go out at all (switched off, or too late:
/// less than `min_lead_minutes` before the visit). See the module's rules.
pub fn send_at(
    rules: &ReminderRules,
    kind: ReminderKind,
    visit: NaiveDateTime,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    let at = match kind {
        ReminderKind::DayBefore if rules.day_before => {
            let opens = visit.date().pred_opt()?.and_time(rules.window_start);
            next_allowed(rules, opens.max(now))?
        }
        ReminderKind::DayBefore => return None,
        ReminderKind::HoursBefore => {
            let hours = rules.second_hours_before?;
            let due = visit.checked_sub_signed(TimeDelta::try_hours(i64::from(hours))?)?;
            out_of_quiet(rules, due.max(now))
        }
    };
    let lead = TimeDelta::try_minutes(i64::from(rules.min_lead_minutes))?;
    (at.checked_add_signed(lead)? <= visit).then_some(at)
}

/// The reminders of a visit with their times, in the order they go out. Two
/// messages about one visit less than `min_lead_minutes` apart are one too
/// many: only the earlier is kept (the day-before one when they coincide), as
/// when a client booked in the morning for noon would get both at 10:00.
pub fn plan(
    rules: &ReminderRules,
    visit: NaiveDateTime,
    now: NaiveDateTime,
) -> Vec<(ReminderKind, NaiveDateTime)> {
    let mut planned: Vec<(ReminderKind, NaiveDateTime)> = ReminderKind::ALL
        .into_iter()
        .filter_map(|kind| Some((kind, send_at(rules, kind, visit, now)?)))
        .collect();
    // Stable: at the same moment the day-before one stays first.
    planned.sort_by_key(|(_, at)| *at);
    if let [(_, first), (_, second)] = planned[..]
        && (second - first).num_minutes() < i64::from(rules.min_lead_minutes)
    {
        planned.truncate(1);
    }
    planned
}

/// The first moment from `from` on that is inside a day's window and not
/// quiet. Every day's allowed moments are the same, so when neither `from`'s
/// own day nor the next one has any, none ever will.
fn next_allowed(rules: &ReminderRules, from: NaiveDateTime) -> Option<NaiveDateTime> {
    let today = from.date();
    first_allowed_on(rules, today, Some(from))
        .or_else(|| first_allowed_on(rules, today.succ_opt()?, None))
}

/// The first allowed moment of `day`, not before `from`.
fn first_allowed_on(
    rules: &ReminderRules,
    day: NaiveDate,
    from: Option<NaiveDateTime>,
) -> Option<NaiveDateTime> {
    let opens = day.and_time(rules.window_start);
    let closes = day.and_time(rules.window_end);
    let start = from.map_or(opens, |from| from.max(opens));
    // The quiet hours run without a break up to `out_of_quiet`, so when that
    // is past the window's end the rest of the window is quiet.
    let at = out_of_quiet(rules, start);
    (at < closes).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::IssueCode::{DateInvalid, OutOfRange, Required};
    use ReminderKind::{DayBefore, HoursBefore};

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a test date and time")
    }

    fn time(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").expect("a test time")
    }

    fn second(hours: u32) -> ReminderRules {
        ReminderRules {
            second_hours_before: Some(hours),
            ..ReminderRules::default()
        }
    }

    fn quiet(start: &str, end: &str) -> ReminderRules {
        ReminderRules {
            quiet_start: time(start),
            quiet_end: time(end),
            ..ReminderRules::default()
        }
    }

    /// (what, rules, kind, visit, now, expected send time).
    type Case = (
        &'static str,
        ReminderRules,
        ReminderKind,
        &'static str,
        &'static str,
        Option<&'static str>,
    );

    fn check(table: &[Case]) {
        for (what, rules, kind, visit, now, expected) in table {
            assert_eq!(
                send_at(rules, *kind, at(visit), at(now)),
                expected.map(at),
                "{what}"
            );
        }
    }

    #[test]
    fn day_before() {
        let rules = ReminderRules::default();
        let off = ReminderRules {
            day_before: false,
            ..ReminderRules::default()
        };
        // Monday's window overlaps the quiet hours until 11:00.
        let late_morning = ReminderRules {
            quiet_end: time("11:00"),
            ..ReminderRules::default()
        };
        // A window wholly inside the quiet hours (rules that failed validation).
        let all_quiet = quiet("09:00", "21:00");
        let long_lead = ReminderRules {
            min_lead_minutes: 24 * 60,
            ..ReminderRules::default()
        };
        check(&[
            (
                "booked a week ahead: the day before at the window's start",
                rules,
                DayBefore,
                "2026-12-03 14:00",
                "2026-11-26 12:00",
                Some("2026-12-02 10:00"),
            ),
            (
                "booked the day before, before the window opens",
                rules,
                DayBefore,
                "2026-12-03 14:00",
                "2026-12-02 08:15",
                Some("2026-12-02 10:00"),
            ),
            (
                "booked the day before inside the window: at once",
                rules,
                DayBefore,
                "2026-12-03 14:00",
                "2026-12-02 15:40",
                Some("2026-12-02 15:40"),
            ),
            (
                "the window's last minute still counts",
                rules,
                DayBefore,
                "2026-12-03 14:00",
                "2026-12-02 19:59",
                Some("2026-12-02 19:59"),
            ),
            (
                "the window has closed: the visit's own morning",
                rules,
                DayBefore,
                "2026-12-03 14:00",
                "2026-12-02 20:00",
                Some("2026-12-03 10:00"),
            ),
            (
                "booked 20:30 for 09:00 tomorrow: the next window opens after the visit",
                rules,
                DayBefore,
                "2026-12-03 09:00",
                "2026-12-02 20:30",
                None,
            ),
            (
                "booked late at night for 11:00: 10:00 leaves exactly the lead",
                rules,
                DayBefore,
                "2026-12-03 11:00",
                "2026-12-02 23:30",
                Some("2026-12-03 10:00"),
            ),
            (
                "booked late at night for 10:30: 10:00 is too late",
                rules,
                DayBefore,
                "2026-12-03 10:30",
                "2026-12-02 23:30",
                None,
            ),
            (
                "booked the same morning for the afternoon: when the window opens",
                rules,
                DayBefore,
                "2026-12-03 15:00",
                "2026-12-03 08:00",
                Some("2026-12-03 10:00"),
            ),
            (
                "booked at noon for the afternoon: at once",
                rules,
                DayBefore,
                "2026-12-03 15:00",
                "2026-12-03 12:00",
                Some("2026-12-03 12:00"),
            ),
            (
                "booked 40 minutes ahead: the operator calls",
                rules,
                DayBefore,
                "2026-12-03 15:00",
                "2026-12-03 14:20",
                None,
            ),
            (
                "a walk-in booked for now",
                rules,
                DayBefore,
                "2026-12-03 15:00",
                "2026-12-03 15:00",
                None,
            ),
            (
                "a visit already past",
                rules,
                DayBefore,
                "2026-12-03 15:00",
                "2026-12-04 11:00",
                None,
            ),
            (
                "a visit on Monday is reminded of on Sunday",
                rules,
                DayBefore,
                "2026-11-30 09:00",
                "2026-11-27 18:00",
                Some("2026-11-29 10:00"),
            ),
            (
                "a visit on the 1st of January: the 31st of December",
                rules,
                DayBefore,
                "2027-01-01 12:00",
                "2026-12-20 10:00",
                Some("2026-12-31 10:00"),
            ),
            (
                "the window starts inside the quiet hours: when they end",
                late_morning,
                DayBefore,
                "2026-12-03 14:00",
                "2026-12-01 10:00",
                Some("2026-12-02 11:00"),
            ),
            (
                "quiet hours wrapping midnight, booked after they start",
                late_morning,
                DayBefore,
                "2026-12-03 14:00",
                "2026-12-02 22:00",
                Some("2026-12-03 11:00"),
            ),
            (
                "quiet hours wrapping midnight, booked before they end",
                late_morning,
                DayBefore,
                "2026-12-03 14:00",
                "2026-12-03 02:00",
                Some("2026-12-03 11:00"),
            ),
            (
                "quiet hours inside the window, booked in them",
                quiet("13:00", "15:00"),
                DayBefore,
                "2026-12-03 14:00",
                "2026-12-02 13:30",
                Some("2026-12-02 15:00"),
            ),
            (
                "quiet until the window closes: the visit's own day",
                quiet("18:00", "09:00"),
                DayBefore,
                "2026-12-03 14:00",
                "2026-12-02 18:30",
                Some("2026-12-03 10:00"),
            ),
            (
                "no allowed moment at all",
                all_quiet,
                DayBefore,
                "2026-12-03 14:00",
                "2026-11-20 10:00",
                None,
            ),
            (
                "no quiet hours",
                quiet("00:00", "00:00"),
                DayBefore,
                "2026-12-03 14:00",
                "2026-12-02 11:00",
                Some("2026-12-02 11:00"),
            ),
            (
                "a lead of a day: the day-before at 10:00 for a 10:00 visit",
                long_lead,
                DayBefore,
                "2026-12-03 10:00",
                "2026-11-20 10:00",
                Some("2026-12-02 10:00"),
            ),
            (
                "a lead of a day: 10:00 is too late for a 09:59 visit",
                long_lead,
                DayBefore,
                "2026-12-03 09:59",
                "2026-11-20 10:00",
                None,
            ),
            (
                "switched off",
                off,
                DayBefore,
                "2026-12-03 14:00",
                "2026-11-20 10:00",
                None,
            ),
        ]);
        let earliest = NaiveDate::MIN.and_time(time("12:00"));
        assert_eq!(send_at(&rules, DayBefore, earliest, earliest), None);
    }

    #[test]
    fn hours_before() {
        let rules = second(2);
        let short_lead = ReminderRules {
            min_lead_minutes: 15,
            ..second(2)
        };
        check(&[
            (
                "2 h before an afternoon visit",
                rules,
                HoursBefore,
                "2026-12-03 14:00",
                "2026-12-01 12:00",
                Some("2026-12-03 12:00"),
            ),
            (
                "not set up",
                ReminderRules::default(),
                HoursBefore,
                "2026-12-03 14:00",
                "2026-12-01 12:00",
                None,
            ),
            (
                "10:00 visit: 08:00 is quiet, 09:00 still leaves an hour",
                rules,
                HoursBefore,
                "2026-12-03 10:00",
                "2026-12-01 12:00",
                Some("2026-12-03 09:00"),
            ),
            (
                "09:30 visit: 07:30 is quiet, 09:00 leaves only 30 minutes",
                rules,
                HoursBefore,
                "2026-12-03 09:30",
                "2026-12-01 12:00",
                None,
            ),
            (
                "09:30 visit with a 15-minute lead: 09:00",
                short_lead,
                HoursBefore,
                "2026-12-03 09:30",
                "2026-12-01 12:00",
                Some("2026-12-03 09:00"),
            ),
            (
                "outside the window but not quiet: 20:30 for a 22:30 visit",
                rules,
                HoursBefore,
                "2026-12-03 22:30",
                "2026-12-01 12:00",
                Some("2026-12-03 20:30"),
            ),
            (
                "an evening visit whose moment is quiet: too late after the quiet hours",
                rules,
                HoursBefore,
                "2026-12-03 23:30",
                "2026-12-01 12:00",
                None,
            ),
            (
                "a visit just after midnight: 22:30 is quiet until after the visit",
                rules,
                HoursBefore,
                "2026-12-04 00:30",
                "2026-12-01 12:00",
                None,
            ),
            (
                "24 h before a late visit: 21:30 the evening before is quiet, so 09:00",
                second(24),
                HoursBefore,
                "2026-12-03 21:30",
                "2026-12-01 12:00",
                Some("2026-12-03 09:00"),
            ),
            (
                "the moment has passed, still an hour and a half ahead: at once",
                rules,
                HoursBefore,
                "2026-12-03 14:00",
                "2026-12-03 12:30",
                Some("2026-12-03 12:30"),
            ),
            (
                "the moment has passed and it is quiet: when the quiet hours end",
                second(12),
                HoursBefore,
                "2026-12-03 13:00",
                "2026-12-03 06:00",
                Some("2026-12-03 09:00"),
            ),
            (
                "the moment has passed, less than the lead is left",
                rules,
                HoursBefore,
                "2026-12-03 14:00",
                "2026-12-03 13:10",
                None,
            ),
            (
                "exactly the lead is left",
                rules,
                HoursBefore,
                "2026-12-03 14:00",
                "2026-12-03 13:00",
                Some("2026-12-03 13:00"),
            ),
            (
                "quiet hours inside the day",
                ReminderRules {
                    second_hours_before: Some(3),
                    ..quiet("13:00", "15:00")
                },
                HoursBefore,
                "2026-12-03 17:00",
                "2026-12-01 12:00",
                Some("2026-12-03 15:00"),
            ),
            (
                "no quiet hours at all: 2 h before an early visit",
                ReminderRules {
                    second_hours_before: Some(2),
                    ..quiet("00:00", "00:00")
                },
                HoursBefore,
                "2026-12-03 07:00",
                "2026-12-01 12:00",
                Some("2026-12-03 05:00"),
            ),
        ]);
        let earliest = NaiveDate::MIN.and_time(time("00:30"));
        assert_eq!(send_at(&rules, HoursBefore, earliest, earliest), None);
    }

    #[test]
    fn quiet_hours() {
        let wrapping = ReminderRules::default();
        let daytime = quiet("13:00", "15:00");
        let none = quiet("09:00", "09:00");
        let table = [
            (wrapping, "2026-12-02 20:59", false, "2026-12-02 20:59"),
            (wrapping, "2026-12-02 21:00", true, "2026-12-03 09:00"),
            (wrapping, "2026-12-02 23:59", true, "2026-12-03 09:00"),
            (wrapping, "2026-12-03 00:00", true, "2026-12-03 09:00"),
            (wrapping, "2026-12-03 08:59", true, "2026-12-03 09:00"),
            (wrapping, "2026-12-03 09:00", false, "2026-12-03 09:00"),
            (wrapping, "2026-12-31 22:00", true, "2027-01-01 09:00"),
            (daytime, "2026-12-02 12:59", false, "2026-12-02 12:59"),
            (daytime, "2026-12-02 13:00", true, "2026-12-02 15:00"),
            (daytime, "2026-12-02 14:59", true, "2026-12-02 15:00"),
            (daytime, "2026-12-02 15:00", false, "2026-12-02 15:00"),
            (daytime, "2026-12-02 23:00", false, "2026-12-02 23:00"),
            (none, "2026-12-02 09:00", false, "2026-12-02 09:00"),
            (none, "2026-12-02 03:00", false, "2026-12-02 03:00"),
        ];
        for (rules, moment, expected_quiet, expected_out) in table {
            assert_eq!(is_quiet(&rules, at(moment)), expected_quiet, "{moment}");
            assert_eq!(
                out_of_quiet(&rules, at(moment)),
                at(expected_out),
                "{moment}"
            );
        }
        let last = NaiveDate::MAX.and_time(time("22:00"));
        assert_eq!(out_of_quiet(&wrapping, last), NaiveDateTime::MAX);
    }

    #[test]
    fn plan_of_a_visit() {
        /// (what, rules, visit, now, the reminders with their times).
        type Planned = (
            &'static str,
            ReminderRules,
            &'static str,
            &'static str,
            &'static [(ReminderKind, &'static str)],
        );
        let table: [Planned; 9] = [
            (
                "both, booked ahead",
                second(2),
                "2026-12-03 14:00",
                "2026-11-26 12:00",
                &[
                    (DayBefore, "2026-12-02 10:00"),
                    (HoursBefore, "2026-12-03 12:00"),
                ],
            ),
            (
                "none set up but the day-before one",
                ReminderRules::default(),
                "2026-12-03 14:00",
                "2026-11-26 12:00",
                &[(DayBefore, "2026-12-02 10:00")],
            ),
            (
                "booked in the morning for noon: both at 10:00, sent once",
                second(2),
                "2026-12-03 12:00",
                "2026-12-03 08:00",
                &[(DayBefore, "2026-12-03 10:00")],
            ),
            (
                "booked in the morning for 12:30: 10:00 and 10:30 are too close",
                second(2),
                "2026-12-03 12:30",
                "2026-12-03 08:00",
                &[(DayBefore, "2026-12-03 10:00")],
            ),
            (
                "booked in the morning for the evening: both on the day",
                second(2),
                "2026-12-03 18:00",
                "2026-12-03 08:00",
                &[
                    (DayBefore, "2026-12-03 10:00"),
                    (HoursBefore, "2026-12-03 16:00"),
                ],
            ),
            (
                "booked 20:30 for 10:00: only the second, at 09:00",
                second(2),
                "2026-12-03 10:00",
                "2026-12-02 20:30",
                &[(HoursBefore, "2026-12-03 09:00")],
            ),
            (
                "a second reminder 48 h ahead goes before the day-before one",
                second(48),
                "2026-12-03 14:00",
                "2026-11-26 12:00",
                &[
                    (HoursBefore, "2026-12-01 14:00"),
                    (DayBefore, "2026-12-02 10:00"),
                ],
            ),
            (
                "48 h ahead, booked the day before: both would go at once",
                second(48),
                "2026-12-03 14:00",
                "2026-12-02 12:00",
                &[(DayBefore, "2026-12-02 12:00")],
            ),
            (
                "too late for either",
                second(2),
                "2026-12-03 14:00",
                "2026-12-03 13:30",
                &[],
            ),
        ];
        for (what, rules, visit, now, expected) in table {
            let expected: Vec<_> = expected
                .iter()
                .map(|(kind, when)| (*kind, at(when)))
                .collect();
            assert_eq!(plan(&rules, at(visit), at(now)), expected, "{what}");
        }
    }

    #[test]
    fn kinds_as_text() {
        for kind in ReminderKind::ALL {
            assert_eq!(ReminderKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).expect("serialises"),
                serde_json::Value::from(kind.as_str())
            );
        }
        assert_eq!(ReminderKind::parse("weekly"), None);
    }

    fn draft() -> ReminderRulesDraft {
        ReminderRulesDraft::from(&ReminderRules::default())
    }

    fn issues(draft: &ReminderRulesDraft) -> Vec<(String, IssueCode, Option<u32>)> {
        match draft.validate() {
            Ok(_) => Vec::new(),
            Err(found) => found
                .into_vec()
                .into_iter()
                .map(|issue| (issue.field, issue.issue, issue.max))
                .collect(),
        }
    }

    #[test]
    fn rules_from_drafts() {
        assert_eq!(draft().validate(), Ok(ReminderRules::default()));
        assert_eq!(
            ReminderRulesDraft {
                window_start: " 9.30 ".into(),
                window_end: "1900".into(),
                second_hours_before: Some(3),
                quiet_start: "22".into(),
                quiet_end: "8:00".into(),
                min_lead_minutes: 30,
                ..draft()
            }
            .validate(),
            Ok(ReminderRules {
                day_before: true,
                window_start: time("09:30"),
                window_end: time("19:00"),
                second_hours_before: Some(3),
                quiet_start: time("22:00"),
                quiet_end: time("08:00"),
                min_lead_minutes: 30,
            })
        );
        /// (what, draft, the issues: field, code, max).
        type Invalid = (
            &'static str,
            ReminderRulesDraft,
            &'static [(&'static str, IssueCode, Option<u32>)],
        );
        let table: [Invalid; 13] = [
            (
                "all blank",
                ReminderRulesDraft::default(),
                &[
                    ("windowStart", Required, None),
                    ("windowEnd", Required, None),
                    ("quietStart", Required, None),
                    ("quietEnd", Required, None),
                ],
            ),
            (
                "not times",
                ReminderRulesDraft {
                    window_start: "утром".into(),
                    quiet_end: "25:00".into(),
                    ..draft()
                },
                &[
                    ("windowStart", DateInvalid, None),
                    ("quietEnd", DateInvalid, None),
                ],
            ),
            (
                "the window ends before it starts",
                ReminderRulesDraft {
                    window_start: "20:00".into(),
                    window_end: "10:00".into(),
                    ..draft()
                },
                &[("windowEnd", OutOfRange, None)],
            ),
            (
                "an empty window",
                ReminderRulesDraft {
                    window_end: "10:00".into(),
                    ..draft()
                },
                &[("windowEnd", OutOfRange, None)],
            ),
            (
                "a window until midnight would cross it",
                ReminderRulesDraft {
                    window_end: "24:00".into(),
                    ..draft()
                },
                &[("windowEnd", OutOfRange, None)],
            ),
            (
                "the whole window is quiet",
                ReminderRulesDraft {
                    quiet_start: "09:00".into(),
                    quiet_end: "21:00".into(),
                    ..draft()
                },
                &[("quietStart", OutOfRange, None)],
            ),
            (
                "quiet hours exactly as long as the window",
                ReminderRulesDraft {
                    quiet_start: "19:00".into(),
                    quiet_end: "20:00".into(),
                    window_start: "19:00".into(),
                    ..draft()
                },
                &[("quietStart", OutOfRange, None)],
            ),
            (
                "quiet hours wrapping midnight that cover the window",
                ReminderRulesDraft {
                    quiet_start: "08:00".into(),
                    quiet_end: "07:00".into(),
                    ..draft()
                },
                &[("quietStart", OutOfRange, None)],
            ),
            (
                "no second reminder hours",
                ReminderRulesDraft {
                    second_hours_before: Some(0),
                    ..draft()
                },
                &[("secondHoursBefore", OutOfRange, Some(48))],
            ),
            (
                "a second reminder three days ahead",
                ReminderRulesDraft {
                    second_hours_before: Some(72),
                    ..draft()
                },
                &[("secondHoursBefore", OutOfRange, Some(48))],
            ),
            (
                "a lead longer than a day",
                ReminderRulesDraft {
                    min_lead_minutes: 24 * 60 + 1,
                    ..draft()
                },
                &[("minLeadMinutes", OutOfRange, Some(24 * 60))],
            ),
            (
                "a lead that would stop every second reminder",
                ReminderRulesDraft {
                    second_hours_before: Some(1),
                    min_lead_minutes: 61,
                    ..draft()
                },
                &[("minLeadMinutes", OutOfRange, Some(60))],
            ),
            (
                "every problem at once",
                ReminderRulesDraft {
                    window_start: "".into(),
                    window_end: "x".into(),
                    second_hours_before: Some(49),
                    min_lead_minutes: 5000,
                    ..draft()
                },
                &[
                    ("windowStart", Required, None),
                    ("windowEnd", DateInvalid, None),
                    ("secondHoursBefore", OutOfRange, Some(48)),
                    ("minLeadMinutes", OutOfRange, Some(24 * 60)),
                ],
            ),
        ];
        for (what, draft, expected) in table {
            let expected: Vec<_> = expected
                .iter()
                .map(|(field, code, max)| ((*field).to_owned(), *code, *max))
                .collect();
            assert_eq!(issues(&draft), expected, "{what}");
        }
        let valid = [
            (
                "a lead equal to the second reminder's hours",
                Some(1),
                60,
                "21:00",
                "09:00",
            ),
            (
                "quiet hours overlapping the window's start",
                None,
                60,
                "21:00",
                "11:00",
            ),
            (
                "quiet hours overlapping the window's end",
                None,
                60,
                "19:00",
                "09:00",
            ),
            ("no quiet hours", Some(48), 24 * 60, "00:00", "00:00"),
        ];
        for (what, hours, lead, start, end) in valid {
            let draft = ReminderRulesDraft {
                second_hours_before: hours,
                min_lead_minutes: lead,
                quiet_start: start.into(),
                quiet_end: end.into(),
                ..draft()
            };
            let rules = draft.validate().expect(what);
            assert_eq!(ReminderRulesDraft::from(&rules), draft, "{what}");
        }
    }
}
