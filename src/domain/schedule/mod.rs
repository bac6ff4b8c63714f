//! The schedule: who works when, where the cars go, and when the next free
//! time is. Pure: the database layer loads shifts, exceptions and appointments
//! and passes them in; the current time comes from the injected clock through
//! [`ShopZone`].
//!
//! Every time here is the shop's local wall-clock time (`NaiveDateTime`):
//! shifts are written in it, the calendar shows it, and with a fixed offset
//! (Russia keeps no daylight saving time) it converts to UTC one to one.
//!
//! - [`interval`]: half-open intervals and sorted, merged interval sets, the
//!   arithmetic everything else is built on;
//! - [`shift`]: day templates, shift patterns, exceptions, their expansion into
//!   working time and the calendar's days;
//! - [`staff`]: roles, skills, colours, bays;
//! - [`appointment`]: appointments, their statuses, history and notices;
//! - [`booking`]: the rules an appointment must satisfy;
//! - [`finder`]: the nearest free times and who is free at a time;
//! - [`draft`]: patterns and exceptions from the forms' text;
//! - [`view`]: what the schedule screens load and ask in one call;
//! - [`zone`]: the shop's UTC offset.

pub mod appointment;
pub mod booking;
pub mod draft;
pub mod finder;
pub mod ids;
pub mod interval;
pub mod shift;
pub mod staff;
pub mod view;
pub mod zone;

pub use booking::{BookingConflict, check_booking, check_fit};
pub use draft::{DayTemplateDraft, ExceptionDraft, ExceptionType, PatternDraft, PatternType};
pub use finder::{
    BayAvailability, FreeAt, MechanicAvailability, Slot, SlotRequest, free_at, nearest_slots,
};
pub use ids::{BayId, EmployeeId};
pub use interval::{Interval, IntervalSet};
pub use shift::{
    Break, DayKind, DayShift, DayTemplate, ExceptionKind, PatternAssignment, ShiftException,
    ShiftPattern, day_shift, day_shifts, working_time, working_time_in,
};
pub use staff::{Bay, BayDraft, Colour, Role, Staff, StaffDraft, ValidBay, ValidStaff};
pub use zone::ShopZone;
