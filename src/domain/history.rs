//! A client's history: one timeline of everything that happened with the
//! client and their cars. Each domain appends its own kinds of entries (visits,
//! appointments, repair orders, documents, payments and reminders as those
//! arrive); the client card shows them in one list and in sections by kind.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::client::VehicleBrief;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum HistoryKind {
    ClientCreated,
    ClientUpdated,
    ClientArchived,
    ClientRestored,
    /// Another client record was merged into this one; `detail` names it.
    ClientMerged,
    VehicleAdded,
    /// A car came from another owner; `detail` names the previous owner.
    VehicleReceived,
    /// A car went to another owner; `detail` names the new owner.
    VehicleHandedOver,
    OdometerRecorded,
    ConsentGranted,
    ConsentWithdrawn,
    Imported,
    Visit,
    Appointment,
    RepairOrder,
    Document,
    Payment,
    Reminder,
    /// A counter sale: parts bought without a repair.
    Sale,
}

impl HistoryKind {
    pub const ALL: [HistoryKind; 19] = [
        HistoryKind::ClientCreated,
        HistoryKind::ClientUpdated,
        HistoryKind::ClientArchived,
        HistoryKind::ClientRestored,
        HistoryKind::ClientMerged,
        HistoryKind::VehicleAdded,
        HistoryKind::VehicleReceived,
        HistoryKind::VehicleHandedOver,
        HistoryKind::OdometerRecorded,
        HistoryKind::ConsentGranted,
        HistoryKind::ConsentWithdrawn,
        HistoryKind::Imported,
        HistoryKind::Visit,
        HistoryKind::Appointment,
        HistoryKind::RepairOrder,
        HistoryKind::Document,
        HistoryKind::Payment,
        HistoryKind::Reminder,
        HistoryKind::Sale,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HistoryKind::ClientCreated => "client_created",
            HistoryKind::ClientUpdated => "client_updated",
            HistoryKind::ClientArchived => "client_archived",
            HistoryKind::ClientRestored => "client_restored",
            HistoryKind::ClientMerged => "client_merged",
            HistoryKind::VehicleAdded => "vehicle_added",
            HistoryKind::VehicleReceived => "vehicle_received",
            HistoryKind::VehicleHandedOver => "vehicle_handed_over",
            HistoryKind::OdometerRecorded => "odometer_recorded",
            HistoryKind::ConsentGranted => "consent_granted",
            HistoryKind::ConsentWithdrawn => "consent_withdrawn",
            HistoryKind::Imported => "imported",
            HistoryKind::Visit => "visit",
            HistoryKind::Appointment => "appointment",
            HistoryKind::RepairOrder => "repair_order",
            HistoryKind::Document => "document",
            HistoryKind::Payment => "payment",
            HistoryKind::Reminder => "reminder",
            HistoryKind::Sale => "sale",
        }
    }

    pub fn parse(text: &str) -> Option<HistoryKind> {
        HistoryKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub kind: HistoryKind,
    pub vehicle: Option<VehicleBrief>,
    /// A short fact for the line: a name, a number, a mileage. Not translated.
    pub detail: String,
}
