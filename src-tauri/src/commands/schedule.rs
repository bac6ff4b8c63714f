//! Staff, bays, shifts, appointments, the free-time finder and the notices.

use chrono::{NaiveDate, NaiveDateTime};
use remzona::domain::ids::AppointmentId;
use remzona::domain::schedule::appointment::{
    Appointment, AppointmentDetails, AppointmentDraft, AppointmentMove, AppointmentStatus, Notice,
    ScheduleSettings, ScheduleSettingsDraft,
};
use remzona::domain::schedule::view::{
    ExceptionClearing, ExceptionPaint, FreeQuery, PatternPaint, ScheduleView, ShiftChange,
    ShiftPlan, SlotOffer, SlotQuery, StaffDays,
};
use remzona::domain::schedule::zone::{ZoneChoice, russian_zones};
use remzona::domain::schedule::{Bay, BayDraft, BayId, EmployeeId, FreeAt, Staff, StaffDraft};
use remzona::domain::validation::FieldIssue;
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn staff_list(state: State<'_, AppState>, with_inactive: bool) -> ApiResult<Vec<Staff>> {
    Ok(state.shop.staff(with_inactive).await?)
}

/// Adds a person (`id` = null) or changes one.
#[tauri::command]
#[specta::specta]
pub async fn staff_save(
    state: State<'_, AppState>,
    id: Option<EmployeeId>,
    draft: StaffDraft,
) -> ApiResult<Staff> {
    Ok(state.shop.save_staff(id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn bays_list(state: State<'_, AppState>, with_inactive: bool) -> ApiResult<Vec<Bay>> {
    Ok(state.shop.bays(with_inactive).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn bays_save(
    state: State<'_, AppState>,
    id: Option<BayId>,
    draft: BayDraft,
) -> ApiResult<Bay> {
    Ok(state.shop.save_bay(id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn shifts_plan(state: State<'_, AppState>, employee: EmployeeId) -> ApiResult<ShiftPlan> {
    Ok(state.shop.shift_plan(employee).await?)
}

/// The days `from..=to` of every active mechanic, or of one.
#[tauri::command]
#[specta::specta]
pub async fn shifts_days(
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
    employee: Option<EmployeeId>,
) -> ApiResult<Vec<StaffDays>> {
    Ok(state.shop.shift_days(from, to, employee).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn shifts_paint_pattern(
    state: State<'_, AppState>,
    paint: PatternPaint,
) -> ApiResult<ShiftChange> {
    Ok(state.shop.paint_pattern(&paint).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn shifts_delete_pattern(state: State<'_, AppState>, id: u32) -> ApiResult<ShiftChange> {
    Ok(state.shop.delete_pattern(id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn shifts_paint_exception(
    state: State<'_, AppState>,
    paint: ExceptionPaint,
) -> ApiResult<ShiftChange> {
    Ok(state.shop.paint_exception(&paint).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn shifts_clear_exceptions(
    state: State<'_, AppState>,
    clearing: ExceptionClearing,
) -> ApiResult<ShiftChange> {
    Ok(state.shop.clear_exceptions(&clearing).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn schedule_settings_get(state: State<'_, AppState>) -> ApiResult<ScheduleSettings> {
    Ok(state.shop.schedule_settings().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn schedule_settings_set(
    state: State<'_, AppState>,
    draft: ScheduleSettingsDraft,
) -> ApiResult<ScheduleSettings> {
    Ok(state.shop.set_schedule_settings(&draft).await?)
}

/// Everything the calendar draws for `from..=to`.
#[tauri::command]
#[specta::specta]
pub async fn schedule_load(
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<ScheduleView> {
    Ok(state.shop.schedule(from, to).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointments_get(
    state: State<'_, AppState>,
    id: AppointmentId,
) -> ApiResult<AppointmentDetails> {
    Ok(state.shop.appointment(id).await?)
}

#[tauri::command]
#[specta::specta]
pub fn appointments_validate(
    state: State<'_, AppState>,
    draft: AppointmentDraft,
) -> ApiResult<Vec<FieldIssue>> {
    Ok(state.shop.validate_appointment(&draft))
}

#[tauri::command]
#[specta::specta]
pub async fn appointments_create(
    state: State<'_, AppState>,
    draft: AppointmentDraft,
) -> ApiResult<Appointment> {
    Ok(state.shop.create_appointment(&draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointments_update(
    state: State<'_, AppState>,
    id: AppointmentId,
    draft: AppointmentDraft,
) -> ApiResult<Appointment> {
    Ok(state.shop.update_appointment(id, &draft).await?)
}

/// A drag or a resize on the calendar.
#[tauri::command]
#[specta::specta]
pub async fn appointments_move(
    state: State<'_, AppState>,
    id: AppointmentId,
    to: AppointmentMove,
) -> ApiResult<Appointment> {
    Ok(state.shop.move_appointment(id, &to).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointments_set_status(
    state: State<'_, AppState>,
    id: AppointmentId,
    status: AppointmentStatus,
) -> ApiResult<Appointment> {
    Ok(state.shop.set_appointment_status(id, status).await?)
}

/// The nearest free times for the work.
#[tauri::command]
#[specta::specta]
pub async fn finder_slots(
    state: State<'_, AppState>,
    query: SlotQuery,
) -> ApiResult<Vec<SlotOffer>> {
    Ok(state.shop.find_slots(&query).await?)
}

/// Who is free for the whole work from a start.
#[tauri::command]
#[specta::specta]
pub async fn finder_free_at(state: State<'_, AppState>, query: FreeQuery) -> ApiResult<FreeAt> {
    Ok(state.shop.free_mechanics(&query).await?)
}

/// The zones a shop may choose, west to east.
#[tauri::command]
#[specta::specta]
pub fn schedule_zones() -> Vec<ZoneChoice> {
    russian_zones()
}

/// The shop's time now (the UI never trusts the webview's clock for rules).
#[tauri::command]
#[specta::specta]
pub async fn schedule_now(state: State<'_, AppState>) -> ApiResult<NaiveDateTime> {
    Ok(state.shop.local_now().await?)
}

/// The desktop notices due now; each is returned once, ever.
#[tauri::command]
#[specta::specta]
pub async fn notices_take_due(state: State<'_, AppState>) -> ApiResult<Vec<Notice>> {
    Ok(state.shop.take_due_notices().await?)
}
