//! What the schedule screens ask for and get back: a week (or month) of
//! shifts and appointments in one answer, the shift editor's entries, and the
//! finder's questions.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::ids::{AppointmentId, ServiceId};
use crate::domain::schedule::appointment::{Appointment, ScheduleSettings};
use crate::domain::schedule::draft::{ExceptionDraft, PatternDraft};
use crate::domain::schedule::ids::{BayId, EmployeeId};
use crate::domain::schedule::shift::DayShift;
use crate::domain::schedule::staff::{Bay, Staff};

/// One person's days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StaffDays {
    pub employee: EmployeeId,
    pub days: Vec<DayShift>,
}

/// Everything the calendar draws for `from..=to`, loaded in one call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ScheduleView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Active mechanics in calendar order.
    pub mechanics: Vec<Staff>,
    pub bays: Vec<Bay>,
    pub shifts: Vec<StaffDays>,
    /// Every status; the calendar fades those that hold no time.
    pub appointments: Vec<Appointment>,
    pub settings: ScheduleSettings,
    /// Shop time, from the injected clock.
    pub now: NaiveDateTime,
}

/// A pattern in the shift editor's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PatternEntry {
    pub id: u32,
    pub employee: EmployeeId,
    pub draft: PatternDraft,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExceptionEntry {
    pub id: u32,
    pub employee: EmployeeId,
    pub draft: ExceptionDraft,
}

/// One person's patterns and exceptions, for editing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ShiftPlan {
    pub patterns: Vec<PatternEntry>,
    pub exceptions: Vec<ExceptionEntry>,
}

/// A painted change for several people at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PatternPaint {
    pub employees: Vec<EmployeeId>,
    pub pattern: PatternDraft,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExceptionPaint {
    pub employees: Vec<EmployeeId>,
    pub exception: ExceptionDraft,
}

/// Back to the pattern for these people and days: their exceptions there go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExceptionClearing {
    pub employees: Vec<EmployeeId>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// What a shift change did: appointments it left outside working time, for
/// the operator to move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ShiftChange {
    pub outside_shift: Vec<Appointment>,
}

/// "When is the nearest free time?"
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SlotQuery {
    pub services: Vec<ServiceId>,
    /// 0: the services' durations added up.
    pub duration_minutes: u32,
    /// `None`: anyone with the skills.
    pub mechanic: Option<EmployeeId>,
    /// Not before this; the past is skipped.
    pub from: NaiveDateTime,
    /// How many options to list (at most 50).
    pub limit: u32,
    /// The appointment being moved: its own time counts as free.
    pub exclude: Option<AppointmentId>,
}

/// "Who is free at this time?"
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FreeQuery {
    pub services: Vec<ServiceId>,
    pub duration_minutes: u32,
    pub start: NaiveDateTime,
    pub exclude: Option<AppointmentId>,
}

/// A finder's answer with the duration it searched for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SlotOffer {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub mechanic: EmployeeId,
    pub bay: Option<BayId>,
}
