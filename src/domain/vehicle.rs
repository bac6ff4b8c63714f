//! Cars: identified by VIN and plate, described by make, model and engine,
//! with odometer readings over time and the owners they have had.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::client::ClientRef;
use crate::domain::ids::{ContactId, VehicleId};
use crate::domain::plate::Plate;
use crate::domain::validation::{IssueCode, Issues};
use crate::domain::vin::Vin;

pub const MAX_MAKE: usize = 60;
pub const MAX_MODEL: usize = 80;
pub const MAX_ENGINE_NUMBER: usize = 30;
pub const MAX_COLOUR: usize = 40;
pub const MAX_VEHICLE_NOTES: usize = 2000;
pub const MAX_REASON: usize = 300;
pub const FIRST_YEAR: u32 = 1900;
pub const MIN_ENGINE_CC: u32 = 50;
pub const MAX_ENGINE_CC: u32 = 20_000;
/// No car on the road has driven further; a longer number is a typo.
pub const MAX_ODOMETER_KM: u32 = 3_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Fuel {
    Petrol,
    Diesel,
    /// LPG or CNG, often alongside petrol.
    Gas,
    Hybrid,
    Electric,
}

impl Fuel {
    pub const ALL: [Fuel; 5] = [
        Fuel::Petrol,
        Fuel::Diesel,
        Fuel::Gas,
        Fuel::Hybrid,
        Fuel::Electric,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Fuel::Petrol => "petrol",
            Fuel::Diesel => "diesel",
            Fuel::Gas => "gas",
            Fuel::Hybrid => "hybrid",
            Fuel::Electric => "electric",
        }
    }

    pub fn parse(text: &str) -> Option<Fuel> {
        Fuel::ALL.into_iter().find(|fuel| fuel.as_str() == text)
    }
}

/// What the car window sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VehicleDraft {
    pub vin: String,
    pub plate: String,
    pub make: String,
    pub model: String,
    pub year: Option<u32>,
    pub engine_number: String,
    pub engine_volume_cc: Option<u32>,
    pub fuel: Option<Fuel>,
    pub colour: String,
    /// A new odometer reading; ignored when equal to the last one.
    pub odometer_km: Option<u32>,
    /// Required when the reading is below the last one (a replaced instrument cluster…).
    pub odometer_reason: String,
    /// For a company's car: the contact person who drives it.
    pub driver_contact_id: Option<ContactId>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidVehicle {
    pub vin: Option<Vin>,
    pub plate: Option<Plate>,
    pub make: String,
    pub model: String,
    pub year: Option<u16>,
    pub engine_number: String,
    pub engine_volume_cc: Option<u32>,
    pub fuel: Option<Fuel>,
    pub colour: String,
    pub odometer_km: Option<u32>,
    pub odometer_reason: String,
    pub driver_contact_id: Option<ContactId>,
    pub notes: String,
}

impl VehicleDraft {
    /// Checks every field; `today` bounds the model year (next year's models
    /// are sold from the summer before).
    pub fn validate(&self, today: NaiveDate) -> Result<ValidVehicle, Issues> {
        let mut issues = Issues::default();
        let vin = optional(&self.vin, Vin::parse, "vin", &mut issues);
        let plate = optional(&self.plate, Plate::parse, "plate", &mut issues);
        if self.vin.trim().is_empty() && self.plate.trim().is_empty() {
            issues.add("plate", IssueCode::Required);
        }
        // The make may be unknown (a car imported by its VIN only); the plate
        // or the VIN is what identifies a car.
        let make = issues.line("make", &self.make, MAX_MAKE);
        let last_year = u32::try_from(today.year()).unwrap_or(FIRST_YEAR) + 1;
        let year = self.year.filter(|year| {
            let fits = (FIRST_YEAR..=last_year).contains(year);
            if !fits {
                issues.add_limit("year", IssueCode::OutOfRange, last_year as usize);
            }
            fits
        });
        let engine_volume_cc = self.engine_volume_cc.filter(|cc| {
            let fits = (MIN_ENGINE_CC..=MAX_ENGINE_CC).contains(cc);
            if !fits {
                issues.add_limit(
                    "engineVolumeCc",
                    IssueCode::OutOfRange,
                    MAX_ENGINE_CC as usize,
                );
            }
            fits
        });
        let odometer_km = self.odometer_km.filter(|km| {
            let fits = *km <= MAX_ODOMETER_KM;
            if !fits {
                issues.add_limit(
                    "odometerKm",
                    IssueCode::OutOfRange,
                    MAX_ODOMETER_KM as usize,
                );
            }
            fits
        });
        let model = issues.line("model", &self.model, MAX_MODEL);
        let engine_number = issues
            .line("engineNumber", &self.engine_number, MAX_ENGINE_NUMBER)
            .to_uppercase();
        let colour = issues.line("colour", &self.colour, MAX_COLOUR);
        let odometer_reason = issues.line("odometerReason", &self.odometer_reason, MAX_REASON);
        let notes = issues.text("notes", &self.notes, MAX_VEHICLE_NOTES);
        issues.into_result(ValidVehicle {
            vin,
            plate,
            make,
            model,
            year: year.and_then(|y| u16::try_from(y).ok()),
            engine_number,
            engine_volume_cc,
            fuel: self.fuel,
            colour,
            odometer_km,
            odometer_reason,
            driver_contact_id: self.driver_contact_id,
            notes,
        })
    }
}

fn optional<T>(
    input: &str,
    parse: impl Fn(&str) -> Result<T, IssueCode>,
    field: &str,
    issues: &mut Issues,
) -> Option<T> {
    if input.trim().is_empty() {
        return None;
    }
    parse(input).map_err(|issue| issues.add(field, issue)).ok()
}

/// Whether a new odometer reading may be recorded after `last`.
pub fn check_odometer(last: Option<u32>, km: u32, reason: &str) -> Result<(), IssueCode> {
    match last {
        Some(last) if km < last && reason.trim().is_empty() => Err(IssueCode::OdometerDecreased),
        _ => Ok(()),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OdometerReading {
    pub km: u32,
    pub read_at: DateTime<Utc>,
    /// Why a reading went down; empty for ordinary readings.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ContactRef {
    pub id: ContactId,
    pub name: String,
}

/// A stored car with its current owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Vehicle {
    pub id: VehicleId,
    pub owner: ClientRef,
    pub driver: Option<ContactRef>,
    pub vin: Option<String>,
    /// A North-American VIN whose 9th character does not match its check digit:
    /// probably misread. A hint to re-read the VIN, never an error; VINs made
    /// elsewhere need not have a check digit and never get it.
    pub vin_check_warning: bool,
    /// Canonical, Cyrillic: `А123ВС77`.
    pub plate: Option<String>,
    /// As printed on screens and papers: `А 123 ВС 77`.
    pub plate_display: Option<String>,
    pub make: String,
    pub model: String,
    pub year: Option<u16>,
    pub engine_number: String,
    pub engine_volume_cc: Option<u32>,
    pub fuel: Option<Fuel>,
    pub colour: String,
    pub notes: String,
    pub odometer: Option<OdometerReading>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One owner of a car and when they owned it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Ownership {
    pub owner: ClientRef,
    pub since: DateTime<Utc>,
    /// Empty for the current owner.
    pub until: Option<DateTime<Utc>>,
}

/// The car window: the car, its owners and every odometer reading, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VehicleDetails {
    pub vehicle: Vehicle,
    pub owners: Vec<Ownership>,
    pub readings: Vec<OdometerReading>,
}

/// A make with its models, for the make/model pickers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MakeModels {
    pub make: String,
    pub models: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
    }

    fn fields(draft: &VehicleDraft) -> Vec<(String, IssueCode)> {
        match draft.validate(today()) {
            Ok(_) => Vec::new(),
            Err(issues) => issues
                .into_vec()
                .into_iter()
                .map(|i| (i.field, i.issue))
                .collect(),
        }
    }

    #[test]
    fn needs_a_plate_or_a_vin() {
        let empty = VehicleDraft::default();
        assert_eq!(fields(&empty), [("plate".to_owned(), IssueCode::Required)]);
        let by_plate = VehicleDraft {
            plate: "a 123 bc 77".into(),
            make: "LADA".into(),
            ..VehicleDraft::default()
        };
        assert_eq!(fields(&by_plate), []);
    }

    #[test]
    fn bounds_year_volume_and_odometer() {
        let draft = VehicleDraft {
            plate: "А123ВС77".into(),
            make: "Kia".into(),
            year: Some(2028),
            engine_volume_cc: Some(16),
            odometer_km: Some(9_999_999),
            ..VehicleDraft::default()
        };
        let issues: Vec<String> = fields(&draft).into_iter().map(|(f, _)| f).collect();
        assert_eq!(issues, ["year", "engineVolumeCc", "odometerKm"]);
    }

    #[test]
    fn odometer_goes_down_only_with_a_reason() {
        assert_eq!(check_odometer(None, 10, ""), Ok(()));
        assert_eq!(check_odometer(Some(100), 120, ""), Ok(()));
        assert_eq!(
            check_odometer(Some(100), 90, " "),
            Err(IssueCode::OdometerDecreased)
        );
        assert_eq!(check_odometer(Some(100), 90, "заменили щиток"), Ok(()));
    }
}
