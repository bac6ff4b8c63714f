//! Use cases of appointments: booking, editing, moving and closing them with
//! no double booking, the calendar's week, the free-time finder, and the
//! desktop notices.
//!
//! Every write checks the time inside its `BEGIN IMMEDIATE` transaction: the
//! check and the write see the same appointments, so two desks (or two quick
//! clicks) can never both take one slot.

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use sqlx::SqliteConnection;

use crate::Remzona;
use crate::db::appointments::{self as store, AppointmentFields, BusyTime};
use crate::db::history;
use crate::db::staff::{self as staff_store, ShiftRules, rules};
use crate::db::stock::{set_setting, setting};
use crate::domain::history::HistoryKind;
use crate::domain::ids::{AppointmentId, ServiceCategoryId, ServiceId};
use crate::domain::schedule::appointment::{
    Appointment, AppointmentChange, AppointmentDetails, AppointmentDraft, AppointmentMove,
    AppointmentStatus, Awaited, MAX_DURATION_MINUTES, Notice, Placement, ScheduleSettings,
    ScheduleSettingsDraft, due_notices,
};
use crate::domain::schedule::draft::parse_time;
use crate::domain::schedule::finder::pick_bay;
use crate::domain::schedule::view::{FreeQuery, ScheduleView, ShiftChange, SlotOffer, SlotQuery};
use crate::domain::schedule::{
    BayAvailability, BayId, BookingConflict, EmployeeId, FreeAt, Interval, IntervalSet,
    MechanicAvailability, Role, ShopZone, SlotRequest, Staff, check_booking, check_fit, free_at,
    nearest_slots, working_time_in,
};
use crate::domain::validation::{IssueCode, Issues};
use crate::error::Result;
use crate::staff::{check_span, mechanics, staff_days};

/// How far ahead the finder looks for the nearest free time, step by step.
const FINDER_REACH_DAYS: [u64; 2] = [3, 31];
const MAX_SLOTS: u32 = 50;
/// How far past a shift change its effect on appointments is reported.
const SHIFT_CHANGE_REACH_DAYS: u64 = 120;

const OPENS: &str = "schedule_opens";
const CLOSES: &str = "schedule_closes";
const NOTIFY_BEFORE: &str = "notify_before_minutes";
const LATE_AFTER: &str = "late_after_minutes";
const ZONE: &str = "shop_zone";

/// Whether a booking may lie in the past: only the demo's history does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Booking {
    FromNow,
    PastToo,
}

/// Where an appointment is to go, before the mechanic and bay are settled.
struct Wanted {
    span: Interval,
    needed: BTreeSet<ServiceCategoryId>,
    mechanic: Option<EmployeeId>,
    bay: Option<BayId>,
    /// Its start is unchanged: an appointment under way may be stretched.
    start_kept: bool,
}

impl Remzona {
    pub async fn schedule_settings(&self) -> Result<ScheduleSettings> {
        let mut conn = self.db().read().await?;
        read_settings(&mut conn).await
    }

    pub async fn set_schedule_settings(
        &self,
        draft: &ScheduleSettingsDraft,
    ) -> Result<ScheduleSettings> {
        let valid = draft.validate()?;
        let mut tx = self.db().begin_write().await?;
        set_setting(&mut tx, OPENS, &valid.opens.format("%H:%M").to_string()).await?;
        set_setting(&mut tx, CLOSES, &valid.closes.format("%H:%M").to_string()).await?;
        set_setting(
            &mut tx,
            NOTIFY_BEFORE,
            &valid.notify_before_minutes.to_string(),
        )
        .await?;
        set_setting(&mut tx, LATE_AFTER, &valid.late_after_minutes.to_string()).await?;
        set_setting(&mut tx, ZONE, &valid.zone).await?;
        tx.commit().await?;
        Ok(valid)
    }

    /// The shop's time zone.
    pub async fn shop_zone(&self) -> Result<ShopZone> {
        let mut conn = self.db().read().await?;
        zone(&mut conn).await
    }

    /// The shop's time now.
    pub async fn local_now(&self) -> Result<NaiveDateTime> {
        let mut conn = self.db().read().await?;
        Ok(zone(&mut conn).await?.to_local(self.now()))
    }

    /// Everything the calendar shows for the days `from..=to`, in one read.
    pub async fn schedule(&self, from: NaiveDate, to: NaiveDate) -> Result<ScheduleView> {
        check_span(from, to)?;
        let mut conn = self.db().read().await?;
        let now = zone(&mut conn).await?.to_local(self.now());
        let people = mechanics(staff_store::staff(&mut conn, false).await?);
        let bays = staff_store::bays(&mut conn, false).await?;
        let rules = rules(&mut conn, from, to).await?;
        let shifts = staff_days(&people, &rules, from, to);
        let appointments = store::in_window(&mut conn, days_window(from, to)).await?;
        Ok(ScheduleView {
            from,
            to,
            mechanics: people,
            bays,
            shifts,
            appointments,
            settings: read_settings(&mut conn).await?,
            now,
        })
    }

    async fn appointment_itself(&self, id: AppointmentId) -> Result<Appointment> {
        let mut conn = self.db().read().await?;
        store::get(&mut conn, id).await
    }

    pub async fn appointment(&self, id: AppointmentId) -> Result<AppointmentDetails> {
        let mut conn = self.db().read().await?;
        let appointment = store::get(&mut conn, id).await?;
        let seq = store::seq_of(&mut conn, id).await?;
        Ok(AppointmentDetails {
            appointment,
            history: store::history(&mut conn, seq).await?,
        })
    }

    pub fn validate_appointment(
        &self,
        draft: &AppointmentDraft,
    ) -> Vec<crate::domain::validation::FieldIssue> {
        draft
            .validate()
            .err()
            .map(Issues::into_vec)
            .unwrap_or_default()
    }

    /// Books an appointment. "Any mechanic" gets the least loaded free one
    /// with the skills, "any bay" the most specialised free bay that fits.
    pub async fn create_appointment(&self, draft: &AppointmentDraft) -> Result<Appointment> {
        let id = self.book(draft, Booking::FromNow).await?;
        self.appointment_itself(id).await
    }

    /// Books and returns the new id; the demo seed books past visits too.
    pub(crate) async fn book(
        &self,
        draft: &AppointmentDraft,
        when: Booking,
    ) -> Result<AppointmentId> {
        let valid = draft.validate()?;
        let mut tx = self.db().begin_write().await?;
        let now = zone(&mut tx).await?.to_local(self.now());
        check_client_and_car(&mut tx, valid.client, valid.vehicle).await?;
        let (services, needed, minutes) = services_plan(&mut tx, &valid.services).await?;
        let span = span_of(valid.start, valid.minutes(minutes))?;
        let wanted = Wanted {
            span,
            needed,
            mechanic: valid.mechanic,
            bay: valid.bay,
            start_kept: when == Booking::PastToo,
        };
        let (mechanic, bay) = place(&mut tx, &wanted, None, now).await?;
        let id = AppointmentId::new();
        let fields = AppointmentFields {
            client: valid.client,
            vehicle: valid.vehicle,
            mechanic,
            bay,
            span,
            status: valid.status,
            source: valid.source,
            comment: &valid.comment,
        };
        let seq = store::insert(&mut tx, id, &fields, self.now()).await?;
        store::set_services(&mut tx, seq, &services).await?;
        let at = placement(&mut tx, span, mechanic, bay).await?;
        store::record(
            &mut tx,
            seq,
            self.now(),
            &AppointmentChange::Created { at: at.clone() },
        )
        .await?;
        let detail = client_detail(&at, &services_names(&mut tx, &services).await?);
        history::append(
            &mut tx,
            valid.client,
            self.now(),
            HistoryKind::Appointment,
            valid.vehicle,
            &detail,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Saves the window's changes: the placement is checked again only when
    /// it changed (or the appointment takes time again after a cancellation).
    pub async fn update_appointment(
        &self,
        id: AppointmentId,
        draft: &AppointmentDraft,
    ) -> Result<Appointment> {
        let valid = draft.validate()?;
        let mut tx = self.db().begin_write().await?;
        let now = zone(&mut tx).await?.to_local(self.now());
        let seq = store::seq_of(&mut tx, id).await?;
        let before = store::get(&mut tx, id).await?;
        check_client_and_car(&mut tx, valid.client, valid.vehicle).await?;
        let (services, needed, minutes) = services_plan(&mut tx, &valid.services).await?;
        let span = span_of(valid.start, valid.minutes(minutes))?;
        let moved = span.start() != before.start
            || span.end() != before.end
            || valid.mechanic.is_some_and(|m| m != before.mechanic)
            || valid.bay != before.bay
            || needed_changed(&before, &valid.services);
        let revived = valid.status.holds_time() && !before.status.holds_time();
        let (mechanic, bay) = if valid.status.holds_time() && (moved || revived) {
            let wanted = Wanted {
                span,
                needed,
                mechanic: valid.mechanic,
                bay: valid.bay,
                start_kept: span.start() == before.start,
            };
            place(&mut tx, &wanted, Some(seq), now).await?
        } else {
            (valid.mechanic.unwrap_or(before.mechanic), valid.bay)
        };
        let fields = AppointmentFields {
            client: valid.client,
            vehicle: valid.vehicle,
            mechanic,
            bay,
            span,
            status: valid.status,
            source: valid.source,
            comment: &valid.comment,
        };
        store::update(&mut tx, seq, &fields, self.now()).await?;
        store::set_services(&mut tx, seq, &services).await?;
        self.record_changes(&mut tx, seq, &before, &fields).await?;
        tx.commit().await?;
        self.appointment_itself(id).await
    }

    /// A drag or a resize on the calendar. A rescheduled appointment that
    /// gets a new time is planned again.
    pub async fn move_appointment(
        &self,
        id: AppointmentId,
        to: &AppointmentMove,
    ) -> Result<Appointment> {
        let Some(span) = Interval::new(to.start, to.end) else {
            let mut issues = Issues::default();
            issues.add("end", IssueCode::DateInvalid);
            return Err(issues.into());
        };
        if span.duration() > TimeDelta::minutes(i64::from(MAX_DURATION_MINUTES)) {
            let mut issues = Issues::default();
            issues.add_limit("end", IssueCode::OutOfRange, MAX_DURATION_MINUTES as usize);
            return Err(issues.into());
        }
        let mut tx = self.db().begin_write().await?;
        let now = zone(&mut tx).await?.to_local(self.now());
        let seq = store::seq_of(&mut tx, id).await?;
        let before = store::get(&mut tx, id).await?;
        if matches!(
            before.status,
            AppointmentStatus::Cancelled | AppointmentStatus::NoShow
        ) {
            return Err(BookingConflict::Closed.into());
        }
        let wanted = Wanted {
            span,
            needed: needed_by(&mut tx, &before).await?,
            mechanic: Some(to.mechanic),
            bay: before.bay,
            start_kept: span.start() == before.start,
        };
        // The old bay if it is free then; else any free bay that fits.
        let placed = match place(&mut tx, &wanted, Some(seq), now).await {
            Err(crate::Error::Booking(BookingConflict::BayBusy { .. })) => {
                let anywhere = Wanted {
                    bay: None,
                    ..wanted
                };
                place(&mut tx, &anywhere, Some(seq), now).await?
            }
            other => other?,
        };
        let status = match before.status {
            AppointmentStatus::Rescheduled => AppointmentStatus::Planned,
            kept => kept,
        };
        let fields = AppointmentFields {
            mechanic: placed.0,
            bay: placed.1,
            span,
            status,
            ..AppointmentFields::of(&before)
        };
        store::update(&mut tx, seq, &fields, self.now()).await?;
        self.record_changes(&mut tx, seq, &before, &fields).await?;
        tx.commit().await?;
        self.appointment_itself(id).await
    }

    /// Confirmed, arrived, no-show, cancelled, rescheduled. Taking time again
    /// (e.g. a cancellation undone) is checked like a new booking.
    pub async fn set_appointment_status(
        &self,
        id: AppointmentId,
        status: AppointmentStatus,
    ) -> Result<Appointment> {
        let mut tx = self.db().begin_write().await?;
        let now = zone(&mut tx).await?.to_local(self.now());
        let seq = store::seq_of(&mut tx, id).await?;
        let before = store::get(&mut tx, id).await?;
        if status == before.status {
            return Ok(before);
        }
        let span = span_of(before.start, before.minutes())?;
        if status.holds_time() && !before.status.holds_time() {
            let wanted = Wanted {
                span,
                needed: needed_by(&mut tx, &before).await?,
                mechanic: Some(before.mechanic),
                bay: before.bay,
                start_kept: true,
            };
            place(&mut tx, &wanted, Some(seq), now).await?;
        }
        let fields = AppointmentFields {
            span,
            status,
            ..AppointmentFields::of(&before)
        };
        store::update(&mut tx, seq, &fields, self.now()).await?;
        self.record_changes(&mut tx, seq, &before, &fields).await?;
        tx.commit().await?;
        self.appointment_itself(id).await
    }

    /// The nearest free times for the work, earliest first.
    pub async fn find_slots(&self, query: &SlotQuery) -> Result<Vec<SlotOffer>> {
        let mut conn = self.db().read().await?;
        let now = zone(&mut conn).await?.to_local(self.now());
        let (_, needed, minutes) = services_plan(&mut conn, &query.services).await?;
        let minutes = match query.duration_minutes {
            0 => minutes,
            typed => typed,
        };
        if minutes == 0 || minutes > MAX_DURATION_MINUTES {
            let mut issues = Issues::default();
            issues.add("services", IssueCode::Required);
            return Err(issues.into());
        }
        let from = query.from.max(now);
        let except = match query.exclude {
            Some(id) => Some(store::seq_of(&mut conn, id).await?),
            None => None,
        };
        let limit = query.limit.clamp(1, MAX_SLOTS);
        let reach = FINDER_REACH_DAYS[FINDER_REACH_DAYS.len() - 1];
        let Some(whole) = Interval::new(from, from + Days::new(reach)) else {
            return Ok(Vec::new());
        };
        let roster = Roster::load(&mut conn, whole).await?;
        // Most answers lie in the next days: look there first and read the
        // whole month only when the shop is that full.
        let mut found = Vec::new();
        for days in FINDER_REACH_DAYS {
            let until = from + Days::new(days);
            let Some(window) = Interval::new(from, until) else {
                return Ok(Vec::new());
            };
            let (people, bays) = roster.availability(&mut conn, window, except).await?;
            let request = SlotRequest {
                duration_minutes: minutes,
                from,
                until,
                needed_skills: needed.clone(),
                mechanic: query.mechanic,
                limit,
                step_minutes: 0,
            };
            found = nearest_slots(&request, &people, &bays);
            if found.len() >= limit as usize {
                break;
            }
        }
        Ok(found
            .into_iter()
            .map(|slot| SlotOffer {
                start: slot.start,
                end: slot.end,
                mechanic: slot.mechanic,
                bay: slot.bay,
            })
            .collect())
    }

    /// The mechanics free for the whole work from `start`, least loaded first.
    pub async fn free_mechanics(&self, query: &FreeQuery) -> Result<FreeAt> {
        let mut conn = self.db().read().await?;
        let (_, needed, minutes) = services_plan(&mut conn, &query.services).await?;
        let minutes = match query.duration_minutes {
            0 => minutes,
            typed => typed,
        };
        let span = span_of(query.start, minutes)?;
        let except = match query.exclude {
            Some(id) => Some(store::seq_of(&mut conn, id).await?),
            None => None,
        };
        let (people, bays) = availability(&mut conn, day_of(span), except).await?;
        Ok(free_at(query.start, minutes, &needed, &people, &bays))
    }

    /// The desktop notices due now that were never delivered; each is
    /// recorded as delivered in the same transaction, so a notice is shown
    /// once even if two windows ask.
    pub async fn take_due_notices(&self) -> Result<Vec<Notice>> {
        let mut tx = self.db().begin_write().await?;
        let now = zone(&mut tx).await?.to_local(self.now());
        let settings = read_settings(&mut tx).await?;
        let ahead = TimeDelta::minutes(i64::from(settings.notify_before_minutes) + 1);
        let Some(window) = Interval::new(now - TimeDelta::days(1), now + ahead) else {
            return Ok(Vec::new());
        };
        let names = names_of(&staff_store::staff(&mut tx, true).await?);
        let mut notices = Vec::new();
        for (seq, appointment) in store::awaited_starting_in(&mut tx, window).await? {
            let awaited = Awaited {
                start: appointment.start,
                status: appointment.status,
            };
            for kind in due_notices(awaited, now, &settings) {
                if !store::mark_delivered(&mut tx, seq, kind, appointment.start, self.now()).await?
                {
                    continue;
                }
                notices.push(Notice {
                    kind,
                    appointment: appointment.id,
                    start: appointment.start,
                    minutes: minutes_between(now, appointment.start),
                    client: appointment.client.name.clone(),
                    vehicle: vehicle_text(&appointment),
                    mechanic: names
                        .get(&appointment.mechanic)
                        .cloned()
                        .unwrap_or_default(),
                });
            }
        }
        tx.commit().await?;
        Ok(notices)
    }

    /// The time-holding appointments of `people` from `from` (or today, if
    /// later) that their shifts no longer cover.
    pub(crate) async fn outside_shift(
        &self,
        conn: &mut SqliteConnection,
        people: &[EmployeeId],
        from: NaiveDate,
        to: Option<NaiveDate>,
    ) -> Result<ShiftChange> {
        let now = zone(conn).await?.to_local(self.now());
        let from = from.max(now.date());
        let to = to.unwrap_or(from + Days::new(SHIFT_CHANGE_REACH_DAYS));
        if to < from {
            return Ok(ShiftChange {
                outside_shift: Vec::new(),
            });
        }
        let window = days_window(from, to);
        let rules = rules(conn, from, to).await?;
        let outside_shift = store::in_window(conn, window)
            .await?
            .into_iter()
            .filter(|a| a.status.holds_time() && a.start >= now && people.contains(&a.mechanic))
            .filter(|a| {
                let Some(span) = Interval::new(a.start, a.end) else {
                    return false;
                };
                let rules = rules.get(&a.mechanic).cloned().unwrap_or_default();
                !working_time_in(&rules.patterns, &rules.exceptions, span).contains(span)
            })
            .collect();
        Ok(ShiftChange { outside_shift })
    }

    async fn record_changes(
        &self,
        conn: &mut SqliteConnection,
        seq: i64,
        before: &Appointment,
        after: &AppointmentFields<'_>,
    ) -> Result<()> {
        let now = self.now();
        let before_span = span_of(before.start, before.minutes())?;
        if before_span != after.span || before.mechanic != after.mechanic || before.bay != after.bay
        {
            let from = placement(conn, before_span, before.mechanic, before.bay).await?;
            let to = placement(conn, after.span, after.mechanic, after.bay).await?;
            store::record(conn, seq, now, &AppointmentChange::Moved { from, to }).await?;
        }
        if before.status != after.status {
            let change = AppointmentChange::StatusChanged {
                from: before.status,
                to: after.status,
            };
            store::record(conn, seq, now, &change).await?;
        }
        let edited = before.client.id != after.client
            || before.vehicle.as_ref().map(|v| v.id) != after.vehicle
            || before.comment != after.comment
            || before.source != after.source;
        if edited {
            store::record(conn, seq, now, &AppointmentChange::Edited).await?;
        }
        Ok(())
    }
}

/// Settles the mechanic and the bay, or says why the time cannot be had.
async fn place(
    conn: &mut SqliteConnection,
    wanted: &Wanted,
    except: Option<i64>,
    now: NaiveDateTime,
) -> Result<(EmployeeId, Option<BayId>)> {
    let span = wanted.span;
    if !wanted.start_kept && span.start() < now {
        return Err(BookingConflict::InThePast.into());
    }
    // The whole day: "any mechanic" prefers the least loaded that day.
    let window = day_of(span);
    let (people, bays) = availability(conn, window, except).await?;
    let mechanic = match wanted.mechanic {
        Some(id) => {
            let person = staff_store::employee(conn, id).await?;
            if !person.active || !person.roles.contains(&Role::Mechanic) {
                return Err(BookingConflict::NotBookable.into());
            }
            check_fit(&wanted.needed, &person.skills, None)?;
            // The day's availability already holds this mechanic's working
            // and busy time: an active mechanic is always among `people`.
            let (working, busy) = people
                .iter()
                .find(|p| p.id == id)
                .map(|p| (p.working.clone(), p.busy.clone()))
                .unwrap_or_default();
            let since = if wanted.start_kept {
                NaiveDateTime::MIN
            } else {
                now
            };
            check_booking(span, since, &working, &busy, None)?;
            id
        }
        None => {
            let minutes = u32::try_from(span.duration().num_minutes()).unwrap_or(0);
            let free = free_at(span.start(), minutes, &wanted.needed, &people, &[]);
            *free
                .mechanics
                .first()
                .ok_or(BookingConflict::NoMechanicFree)?
        }
    };
    let bay = match wanted.bay {
        Some(id) => {
            let bay = staff_store::bay(conn, id).await?;
            if !bay.fits(&wanted.needed) {
                return Err(BookingConflict::BayNotFit.into());
            }
            let busy = bays.iter().find(|b| b.id == id).map(|b| &b.busy);
            if let Some(with) = busy.and_then(|busy| busy.first_overlap(span)) {
                return Err(BookingConflict::BayBusy { with }.into());
            }
            Some(id)
        }
        None if bays.is_empty() => None,
        None => Some(pick_bay(&bays, &wanted.needed, span).ok_or(BookingConflict::NoBayFree)?),
    };
    Ok((mechanic, bay))
}

/// Who can be booked and where: the active mechanics with their shift rules
/// and the active bays, read once per question.
struct Roster {
    people: Vec<Staff>,
    rules: HashMap<EmployeeId, ShiftRules>,
    bays: Vec<crate::domain::schedule::Bay>,
}

impl Roster {
    /// The roster for questions about `window` (and the night before it).
    async fn load(conn: &mut SqliteConnection, window: Interval) -> Result<Roster> {
        Ok(Roster {
            people: mechanics(staff_store::staff(conn, false).await?),
            rules: rules(conn, window.start().date(), window.end().date()).await?,
            bays: staff_store::bays(conn, false).await?,
        })
    }

    /// Every mechanic's working and busy time in `window`, and every bay's
    /// busy time; `window` must lie within the one the roster was loaded for.
    async fn availability(
        &self,
        conn: &mut SqliteConnection,
        window: Interval,
        except: Option<i64>,
    ) -> Result<(Vec<MechanicAvailability>, Vec<BayAvailability>)> {
        let BusyTime {
            mechanics: mut busy,
            bays: mut bay_busy,
        } = store::busy(conn, window, except).await?;
        let people = self
            .people
            .iter()
            .map(|person| {
                let rules = self.rules.get(&person.id).cloned().unwrap_or_default();
                MechanicAvailability {
                    id: person.id,
                    working: working_time_in(&rules.patterns, &rules.exceptions, window),
                    busy: busy.remove(&person.id).unwrap_or_default(),
                    skills: person.skills.clone(),
                }
            })
            .collect();
        let bays = self
            .bays
            .iter()
            .map(|bay| BayAvailability {
                id: bay.id,
                busy: bay_busy.remove(&bay.id).unwrap_or_else(IntervalSet::new),
                fit_for: bay.fit_for.clone(),
            })
            .collect();
        Ok((people, bays))
    }
}

/// Every active mechanic's working and busy time in `window`, and every
/// active bay's busy time.
async fn availability(
    conn: &mut SqliteConnection,
    window: Interval,
    except: Option<i64>,
) -> Result<(Vec<MechanicAvailability>, Vec<BayAvailability>)> {
    Roster::load(conn, window)
        .await?
        .availability(conn, window, except)
        .await
}

/// The services with their minutes, the skills they need, and the minutes added up.
async fn services_plan(
    conn: &mut SqliteConnection,
    services: &[ServiceId],
) -> Result<(Vec<(ServiceId, u32)>, BTreeSet<ServiceCategoryId>, u32)> {
    let needs = store::service_needs(conn, services).await?;
    let total = needs.iter().map(|(_, minutes, _)| *minutes).sum();
    let skills = needs
        .iter()
        .flat_map(|(_, _, skills)| skills.iter().copied())
        .collect();
    let list = needs
        .into_iter()
        .map(|(id, minutes, _)| (id, minutes))
        .collect();
    Ok((list, skills, total))
}

/// The skills an appointment's services need.
async fn needed_by(
    conn: &mut SqliteConnection,
    appointment: &Appointment,
) -> Result<BTreeSet<ServiceCategoryId>> {
    let ids: Vec<ServiceId> = appointment.services.iter().map(|s| s.id).collect();
    Ok(services_plan(conn, &ids).await?.1)
}

fn needed_changed(before: &Appointment, services: &[ServiceId]) -> bool {
    let old: Vec<ServiceId> = before.services.iter().map(|s| s.id).collect();
    old != services
}

async fn check_client_and_car(
    conn: &mut SqliteConnection,
    client: crate::domain::ids::ClientId,
    vehicle: Option<crate::domain::ids::VehicleId>,
) -> Result<()> {
    crate::db::clients::refuse_merged(conn, client).await?;
    if let Some(vehicle) = vehicle {
        crate::db::vehicles::get(conn, vehicle).await?;
    }
    Ok(())
}

fn span_of(start: NaiveDateTime, minutes: u32) -> Result<Interval> {
    Interval::starting_at(start, minutes).ok_or_else(|| {
        let mut issues = Issues::default();
        issues.add("durationMinutes", IssueCode::Required);
        issues.into()
    })
}

/// Midnight to midnight around the span.
fn day_of(span: Interval) -> Interval {
    days_window(span.start().date(), span.end().date())
}

/// From the first day's midnight to the midnight after the last day.
fn days_window(from: NaiveDate, to: NaiveDate) -> Interval {
    let start = from.and_time(NaiveTime::MIN);
    let end = (to + Days::new(1)).and_time(NaiveTime::MIN);
    Interval::new(start, end).unwrap_or_else(|| Interval::lasting(start, TimeDelta::days(1)))
}

async fn placement(
    conn: &mut SqliteConnection,
    span: Interval,
    mechanic: EmployeeId,
    bay: Option<BayId>,
) -> Result<Placement> {
    let mechanic = staff_store::employee(conn, mechanic).await?.name;
    let bay = match bay {
        Some(id) => Some(staff_store::bay(conn, id).await?.name),
        None => None,
    };
    Ok(Placement {
        start: span.start(),
        end: span.end(),
        mechanic,
        bay,
    })
}

async fn services_names(
    conn: &mut SqliteConnection,
    services: &[(ServiceId, u32)],
) -> Result<Vec<String>> {
    let mut names = Vec::with_capacity(services.len());
    for (id, _) in services {
        let name: Option<String> = sqlx::query_scalar("SELECT name FROM services WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&mut *conn)
            .await?;
        names.extend(name);
    }
    Ok(names)
}

/// The client history's line: «30.11.2026 10:00–11:30 · Петров И. · ТО-1».
fn client_detail(at: &Placement, services: &[String]) -> String {
    let mut parts = vec![
        format!(
            "{}–{}",
            at.start.format("%d.%m.%Y %H:%M"),
            at.end.format("%H:%M")
        ),
        at.mechanic.clone(),
    ];
    if !services.is_empty() {
        parts.push(services.join(", "));
    }
    parts.join(" · ")
}

fn names_of(staff: &[Staff]) -> HashMap<EmployeeId, String> {
    staff.iter().map(|p| (p.id, p.name.clone())).collect()
}

fn vehicle_text(appointment: &Appointment) -> String {
    let Some(vehicle) = &appointment.vehicle else {
        return String::new();
    };
    match &vehicle.plate {
        Some(plate) => format!("{} {}", vehicle.name, plate),
        None => vehicle.name.clone(),
    }
}

fn minutes_between(now: NaiveDateTime, start: NaiveDateTime) -> i32 {
    let seconds = (start - now).num_seconds();
    // Round towards the nearer minute so 29:40 reads «30 мин».
    i32::try_from((seconds + 30).div_euclid(60)).unwrap_or(0)
}

async fn read_settings(conn: &mut SqliteConnection) -> Result<ScheduleSettings> {
    let defaults = ScheduleSettings::default();
    let time = |text: Option<String>, default: NaiveTime| {
        text.as_deref().and_then(parse_time).unwrap_or(default)
    };
    let minutes =
        |text: Option<String>, default: u32| text.and_then(|t| t.parse().ok()).unwrap_or(default);
    Ok(ScheduleSettings {
        opens: time(setting(conn, OPENS).await?, defaults.opens),
        closes: time(setting(conn, CLOSES).await?, defaults.closes),
        notify_before_minutes: minutes(
            setting(conn, NOTIFY_BEFORE).await?,
            defaults.notify_before_minutes,
        ),
        late_after_minutes: minutes(
            setting(conn, LATE_AFTER).await?,
            defaults.late_after_minutes,
        ),
        zone: setting(conn, ZONE)
            .await?
            .filter(|name| ShopZone::from_iana(name).is_some())
            .unwrap_or(defaults.zone),
    })
}

pub(crate) async fn zone(conn: &mut SqliteConnection) -> Result<ShopZone> {
    Ok(setting(conn, ZONE)
        .await?
        .as_deref()
        .and_then(ShopZone::from_iana)
        .unwrap_or_default())
}
