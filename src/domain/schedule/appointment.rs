//! An appointment (запись): who comes, with which car, for what work, to which
//! mechanic and bay, when; its status and how it was booked. The form sends an
//! [`AppointmentDraft`]; the rules of time live in [`super::booking`].

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::client::parse_date;
use crate::domain::ids::{AppointmentId, ClientId, ServiceId, VehicleId};
use crate::domain::schedule::draft::parse_time;
use crate::domain::schedule::ids::{BayId, EmployeeId};
use crate::domain::schedule::zone::ShopZone;
use crate::domain::validation::{IssueCode, Issues};

pub const MAX_COMMENT: usize = 1000;
pub const MAX_SERVICES: usize = 50;
/// One visit lasts at most a day; longer work is several appointments.
pub const MAX_DURATION_MINUTES: u32 = 24 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    /// Запланирован: booked, not yet confirmed by the client.
    #[default]
    Planned,
    Confirmed,
    /// Приехал: the car is at the shop.
    Arrived,
    NoShow,
    Cancelled,
    /// Перенесён: the client asked to move it; the time is free until it is
    /// moved to a new one.
    Rescheduled,
}

impl AppointmentStatus {
    pub const ALL: [AppointmentStatus; 6] = [
        AppointmentStatus::Planned,
        AppointmentStatus::Confirmed,
        AppointmentStatus::Arrived,
        AppointmentStatus::NoShow,
        AppointmentStatus::Cancelled,
        AppointmentStatus::Rescheduled,
    ];

    /// Whether the appointment keeps its mechanic and bay busy.
    pub fn holds_time(self) -> bool {
        matches!(
            self,
            AppointmentStatus::Planned | AppointmentStatus::Confirmed | AppointmentStatus::Arrived
        )
    }

    /// Whether the client is still expected: notices go out only for these.
    pub fn awaited(self) -> bool {
        matches!(
            self,
            AppointmentStatus::Planned | AppointmentStatus::Confirmed
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentStatus::Planned => "planned",
            AppointmentStatus::Confirmed => "confirmed",
            AppointmentStatus::Arrived => "arrived",
            AppointmentStatus::NoShow => "no_show",
            AppointmentStatus::Cancelled => "cancelled",
            AppointmentStatus::Rescheduled => "rescheduled",
        }
    }

    pub fn parse(text: &str) -> Option<AppointmentStatus> {
        AppointmentStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
    }
}

/// How the appointment was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum BookingSource {
    #[default]
    Phone,
    WalkIn,
    Online,
}

impl BookingSource {
    pub const ALL: [BookingSource; 3] = [
        BookingSource::Phone,
        BookingSource::WalkIn,
        BookingSource::Online,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BookingSource::Phone => "phone",
            BookingSource::WalkIn => "walk_in",
            BookingSource::Online => "online",
        }
    }

    pub fn parse(text: &str) -> Option<BookingSource> {
        BookingSource::ALL
            .into_iter()
            .find(|source| source.as_str() == text)
    }
}

/// What the appointment window sends. The date and time are typed text (the
/// finder fills them; the operator may correct them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AppointmentDraft {
    pub client: Option<ClientId>,
    pub vehicle: Option<VehicleId>,
    pub services: Vec<ServiceId>,
    /// Minutes; 0 means the services' durations added up.
    pub duration_minutes: u32,
    /// `None`: any mechanic with the skills who is free then.
    pub mechanic: Option<EmployeeId>,
    /// `None`: any free bay fit for the work (when the shop keeps bays).
    pub bay: Option<BayId>,
    /// `2026-11-30` or `30.11.2026`.
    pub date: String,
    /// `10:00`, `10.30`, `1030`.
    pub time: String,
    pub status: AppointmentStatus,
    pub source: BookingSource,
    pub comment: String,
}

/// A draft that passed the field checks; the services' minutes and skills are
/// looked up by the database layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAppointment {
    pub client: ClientId,
    pub vehicle: Option<VehicleId>,
    pub services: Vec<ServiceId>,
    pub duration_minutes: u32,
    pub mechanic: Option<EmployeeId>,
    pub bay: Option<BayId>,
    pub start: NaiveDateTime,
    pub status: AppointmentStatus,
    pub source: BookingSource,
    pub comment: String,
}

impl ValidAppointment {
    /// The duration asked for, else the services' own.
    pub fn minutes(&self, services_minutes: u32) -> u32 {
        match self.duration_minutes {
            0 => services_minutes,
            typed => typed,
        }
    }
}

impl AppointmentDraft {
    pub fn validate(&self) -> Result<ValidAppointment, Issues> {
        let mut issues = Issues::default();
        if self.client.is_none() {
            issues.add("client", IssueCode::Required);
        }
        if self.services.is_empty() && self.duration_minutes == 0 {
            issues.add("services", IssueCode::Required);
        }
        if self.services.len() > MAX_SERVICES {
            issues.add_limit("services", IssueCode::TooMany, MAX_SERVICES);
        }
        if self.duration_minutes > MAX_DURATION_MINUTES {
            issues.add_limit(
                "durationMinutes",
                IssueCode::OutOfRange,
                MAX_DURATION_MINUTES as usize,
            );
        }
        let date = required(&self.date, "date", parse_date, &mut issues);
        let time = required(&self.time, "time", parse_time, &mut issues);
        let comment = issues.text("comment", &self.comment, MAX_COMMENT);
        let (Some(client), Some(date), Some(time)) = (self.client, date, time) else {
            return Err(issues);
        };
        issues.into_result(ValidAppointment {
            client,
            vehicle: self.vehicle,
            services: self.services.clone(),
            duration_minutes: self.duration_minutes,
            mechanic: self.mechanic,
            bay: self.bay,
            start: date.and_time(time),
            status: self.status,
            source: self.source,
            comment,
        })
    }
}

fn required<T>(
    text: &str,
    field: &str,
    parse: impl Fn(&str) -> Option<T>,
    issues: &mut Issues,
) -> Option<T> {
    let text = text.trim();
    if text.is_empty() {
        issues.add(field, IssueCode::Required);
        return None;
    }
    let value = parse(text);
    if value.is_none() {
        issues.add(field, IssueCode::DateInvalid);
    }
    value
}

/// A service as the appointment lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AppointmentService {
    pub id: ServiceId,
    pub code: String,
    pub name: String,
    pub minutes: u32,
}

/// The client as the calendar block and the window show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AppointmentClient {
    pub id: ClientId,
    pub name: String,
    /// The main phone as stored (`+79161234567`), empty when none.
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AppointmentVehicle {
    pub id: VehicleId,
    /// `Kia Rio`.
    pub name: String,
    /// Canonical Cyrillic plate, when the car has one.
    pub plate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Appointment {
    pub id: AppointmentId,
    pub client: AppointmentClient,
    pub vehicle: Option<AppointmentVehicle>,
    pub services: Vec<AppointmentService>,
    pub mechanic: EmployeeId,
    pub bay: Option<BayId>,
    /// Shop time.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub status: AppointmentStatus,
    pub source: BookingSource,
    pub comment: String,
    pub created_at: DateTime<Utc>,
}

impl Appointment {
    pub fn minutes(&self) -> u32 {
        u32::try_from((self.end - self.start).num_minutes()).unwrap_or(0)
    }
}

/// A drag on the calendar: the new time and mechanic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AppointmentMove {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub mechanic: EmployeeId,
}

/// Where and when an appointment is, as its history records it (names as
/// they were then, so the history reads right after a rename).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Placement {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub mechanic: String,
    pub bay: Option<String>,
}

/// One change in an appointment's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum AppointmentChange {
    Created {
        at: Placement,
    },
    Moved {
        from: Placement,
        to: Placement,
    },
    StatusChanged {
        from: AppointmentStatus,
        to: AppointmentStatus,
    },
    /// Client, car, services or comment changed.
    Edited,
    /// The operator called the client about the visit (the call list).
    Called {
        outcome: crate::domain::reminder::queue::CallOutcome,
    },
}

impl AppointmentChange {
    pub fn kind(&self) -> &'static str {
        match self {
            AppointmentChange::Created { .. } => "created",
            AppointmentChange::Moved { .. } => "moved",
            AppointmentChange::StatusChanged { .. } => "status_changed",
            AppointmentChange::Edited => "edited",
            AppointmentChange::Called { .. } => "called",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AppointmentEvent {
    pub at: DateTime<Utc>,
    pub change: AppointmentChange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AppointmentDetails {
    pub appointment: Appointment,
    /// Oldest first.
    pub history: Vec<AppointmentEvent>,
}

/// The calendar's frame, the notices' timing and the shop's time zone, from Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ScheduleSettings {
    pub opens: NaiveTime,
    pub closes: NaiveTime,
    /// A notice this many minutes before each awaited appointment; 0: none.
    pub notify_before_minutes: u32,
    /// A notice when the client is this late; 0: none.
    pub late_after_minutes: u32,
    /// The shop's IANA zone (`Europe/Moscow`): what «now» and «today» are.
    pub zone: String,
}

/// The zone of a shop that has not chosen one.
pub const DEFAULT_ZONE: &str = "Europe/Moscow";

impl Default for ScheduleSettings {
    fn default() -> Self {
        ScheduleSettings {
            opens: NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default(),
            closes: NaiveTime::from_hms_opt(21, 0, 0).unwrap_or_default(),
            notify_before_minutes: 30,
            late_after_minutes: 15,
            zone: DEFAULT_ZONE.to_owned(),
        }
    }
}

/// What the settings form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ScheduleSettingsDraft {
    pub opens: String,
    pub closes: String,
    pub notify_before_minutes: u32,
    pub late_after_minutes: u32,
    /// An IANA name from the list of Russian zones.
    pub zone: String,
}

/// A notice may come at most a day ahead, a late one at most 4 hours after.
pub const MAX_NOTIFY_BEFORE: u32 = 24 * 60;
pub const MAX_LATE_AFTER: u32 = 4 * 60;

impl ScheduleSettingsDraft {
    pub fn validate(&self) -> Result<ScheduleSettings, Issues> {
        let mut issues = Issues::default();
        let opens = required(&self.opens, "opens", parse_time, &mut issues);
        let closes = required(&self.closes, "closes", parse_time, &mut issues);
        if let (Some(opens), Some(closes)) = (opens, closes)
            && closes <= opens
            && closes != NaiveTime::MIN
        {
            issues.add("closes", IssueCode::OutOfRange);
        }
        if self.notify_before_minutes > MAX_NOTIFY_BEFORE {
            issues.add_limit(
                "notifyBeforeMinutes",
                IssueCode::OutOfRange,
                MAX_NOTIFY_BEFORE as usize,
            );
        }
        if self.late_after_minutes > MAX_LATE_AFTER {
            issues.add_limit(
                "lateAfterMinutes",
                IssueCode::OutOfRange,
                MAX_LATE_AFTER as usize,
            );
        }
        let zone = self.zone.trim();
        if zone.is_empty() {
            issues.add("zone", IssueCode::Required);
        } else if ShopZone::from_iana(zone).is_none() {
            issues.add("zone", IssueCode::UnknownValue);
        }
        let (Some(opens), Some(closes)) = (opens, closes) else {
            return Err(issues);
        };
        issues.into_result(ScheduleSettings {
            opens,
            closes,
            notify_before_minutes: self.notify_before_minutes,
            late_after_minutes: self.late_after_minutes,
            zone: zone.to_owned(),
        })
    }
}

/// What a desktop notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// «Через 30 мин: …».
    Upcoming,
    /// The client has not arrived.
    Late,
}

impl NoticeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Upcoming => "upcoming",
            NoticeKind::Late => "late",
        }
    }
}

/// An awaited appointment as the notice rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Awaited {
    pub start: NaiveDateTime,
    pub status: AppointmentStatus,
}

/// How long after it falls due a late notice is still worth showing: the app
/// opened at noon should not announce every client late since the morning.
pub const LATE_NOTICE_REACH_MINUTES: i64 = 60;

/// The notices due for an appointment at `now` (shop time): the upcoming one
/// from `notify_before` minutes ahead until the start, the late one from
/// `late_after` minutes past the start for an hour.
pub fn due_notices(
    appointment: Awaited,
    now: NaiveDateTime,
    settings: &ScheduleSettings,
) -> Vec<NoticeKind> {
    if !appointment.status.awaited() {
        return Vec::new();
    }
    let start = appointment.start;
    let mut due = Vec::new();
    let before = TimeDelta::minutes(i64::from(settings.notify_before_minutes));
    if settings.notify_before_minutes > 0 && start - before <= now && now < start {
        due.push(NoticeKind::Upcoming);
    }
    let late = TimeDelta::minutes(i64::from(settings.late_after_minutes));
    let reach = TimeDelta::minutes(LATE_NOTICE_REACH_MINUTES);
    if settings.late_after_minutes > 0 && start + late <= now && now < start + late + reach {
        due.push(NoticeKind::Late);
    }
    due
}

/// A notice for the shell to show, with what its text needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub kind: NoticeKind,
    pub appointment: AppointmentId,
    pub start: NaiveDateTime,
    /// Whole minutes until the start (negative: late by).
    pub minutes: i32,
    pub client: String,
    /// `Kia Rio А123ВС77`, empty without a car.
    pub vehicle: String,
    pub mechanic: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::interval::tests::at;

    fn settings() -> ScheduleSettings {
        ScheduleSettings::default()
    }

    #[test]
    fn notices_fall_due_in_their_windows() {
        let start = at("2026-11-30 10:00");
        let awaited = Awaited {
            start,
            status: AppointmentStatus::Planned,
        };
        let table = [
            ("2026-11-30 09:29", vec![]),
            ("2026-11-30 09:30", vec![NoticeKind::Upcoming]),
            ("2026-11-30 09:59", vec![NoticeKind::Upcoming]),
            ("2026-11-30 10:00", vec![]),
            ("2026-11-30 10:14", vec![]),
            ("2026-11-30 10:15", vec![NoticeKind::Late]),
            ("2026-11-30 11:14", vec![NoticeKind::Late]),
            ("2026-11-30 11:15", vec![]),
        ];
        for (now, expected) in table {
            assert_eq!(
                due_notices(awaited, at(now), &settings()),
                expected,
                "{now}"
            );
        }
    }

    #[test]
    fn only_awaited_appointments_are_announced() {
        for status in AppointmentStatus::ALL {
            let awaited = Awaited {
                start: at("2026-11-30 10:00"),
                status,
            };
            let due = due_notices(awaited, at("2026-11-30 09:45"), &settings());
            assert_eq!(!due.is_empty(), status.awaited(), "{status:?}");
        }
    }

    #[test]
    fn zero_minutes_turn_notices_off() {
        let quiet = ScheduleSettings {
            notify_before_minutes: 0,
            late_after_minutes: 0,
            ..settings()
        };
        let awaited = Awaited {
            start: at("2026-11-30 10:00"),
            status: AppointmentStatus::Confirmed,
        };
        assert!(due_notices(awaited, at("2026-11-30 09:59"), &quiet).is_empty());
        assert!(due_notices(awaited, at("2026-11-30 12:00"), &quiet).is_empty());
    }

    #[test]
    fn a_draft_names_every_bad_field() {
        let draft = AppointmentDraft {
            date: "31.02.2026".into(),
            time: "25:00".into(),
            duration_minutes: MAX_DURATION_MINUTES + 1,
            ..AppointmentDraft::default()
        };
        let issues = draft.validate().expect_err("bad draft");
        let fields: Vec<&str> = issues.as_slice().iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["client", "durationMinutes", "date", "time"]);
    }

    #[test]
    fn a_good_draft_reads_the_typed_time() {
        let draft = AppointmentDraft {
            client: Some(ClientId::new()),
            duration_minutes: 90,
            date: "30.11.2026".into(),
            time: "9.30".into(),
            ..AppointmentDraft::default()
        };
        let valid = draft.validate().expect("valid");
        assert_eq!(valid.start, at("2026-11-30 09:30"));
        assert_eq!(valid.minutes(60), 90);
    }

    #[test]
    fn statuses_round_trip_and_say_whether_they_hold_time() {
        for status in AppointmentStatus::ALL {
            assert_eq!(AppointmentStatus::parse(status.as_str()), Some(status));
        }
        let holding: Vec<_> = AppointmentStatus::ALL
            .into_iter()
            .filter(|s| s.holds_time())
            .collect();
        assert_eq!(
            holding,
            [
                AppointmentStatus::Planned,
                AppointmentStatus::Confirmed,
                AppointmentStatus::Arrived
            ]
        );
    }

    #[test]
    fn settings_need_the_close_after_the_open() {
        let draft = ScheduleSettingsDraft {
            opens: "20:00".into(),
            closes: "9:00".into(),
            notify_before_minutes: 30,
            late_after_minutes: 15,
            zone: "Europe/Berlin".into(),
        };
        let issues = draft.validate().expect_err("closes before it opens");
        let fields: Vec<&str> = issues.as_slice().iter().map(|i| i.field.as_str()).collect();
        assert_eq!(
            fields,
            ["closes", "zone"],
            "and a zone outside Russia is refused"
        );
        let good = ScheduleSettingsDraft {
            opens: "8:00".into(),
            closes: "24:00".into(),
            zone: "Asia/Novosibirsk".into(),
            ..draft
        };
        assert_eq!(good.validate().expect("valid").zone, "Asia/Novosibirsk");
    }
}
