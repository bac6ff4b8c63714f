//! Intake (приёмка): what the operator writes down when the car is handed to
//! the shop — odometer, fuel, the completeness checklist, the client's
//! belongings and complaints, parts the client brought, and the damage marked
//! on the body diagram (with photos). It all goes into the acceptance act.
//!
//! A damage mark's place is a view of the car and a point in that view's box
//! in thousandths from its top-left corner (`x`, `y` in `0..=1000`): integers,
//! so a stored mark compares and prints exactly. The views and kinds are the
//! ones the body diagram of the documents draws (`snake_case` on the wire).

use serde::{Deserialize, Serialize};

use crate::domain::quantity::Quantity;
use crate::domain::validation::{IssueCode, Issues};

pub const MAX_COMPLAINTS: usize = 2000;
pub const MAX_BELONGINGS: usize = 1000;
pub const MAX_DAMAGE_MARKS: usize = 100;
pub const MAX_DAMAGE_NOTE: usize = 200;
pub const MAX_CLIENT_PARTS: usize = 50;
pub const MAX_CLIENT_PART_NAME: usize = 200;
pub const MAX_PHOTOS: usize = 40;
pub const MAX_PHOTO_PATH: usize = 255;
pub const MAX_KEYS: u8 = 10;
pub const MAX_CHECKLIST_OTHER: usize = 300;
/// Ten million kilometres is a typo.
pub const MAX_ODOMETER_KM: u32 = 9_999_999;
/// A full tank in quarters.
pub const FULL_TANK: u8 = 4;
/// The coordinate range of a mark: thousandths of the view's box.
pub const PER_MILLE: u16 = 1000;
pub const MAX_ODOMETER_REASON: usize = 200;
pub const MAX_HANDED_OVER_BY: usize = 200;

/// A view of the body diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum BodyView {
    Top,
    Left,
    Right,
    Front,
    Rear,
}

/// What a damage mark records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DamageKind {
    Scratch,
    Dent,
    Chip,
    Crack,
    Corrosion,
    Other,
}

impl DamageKind {
    /// The word the acceptance act's text list uses.
    pub fn label_ru(self) -> &'static str {
        match self {
            DamageKind::Scratch => "царапина",
            DamageKind::Dent => "вмятина",
            DamageKind::Chip => "скол",
            DamageKind::Crack => "трещина",
            DamageKind::Corrosion => "коррозия",
            DamageKind::Other => "другое",
        }
    }
}

/// A spot marked on the body diagram.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DamageMark {
    pub view: BodyView,
    /// Thousandths of the view's width from its left edge.
    pub x: u16,
    /// Thousandths of the view's height from its top edge.
    pub y: u16,
    pub kind: DamageKind,
    pub note: String,
}

/// The completeness checklist of the acceptance act.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct Checklist {
    /// How many keys were handed over.
    pub keys: u8,
    /// СТС (свидетельство о регистрации ТС).
    pub registration_certificate: bool,
    pub spare_wheel: bool,
    pub jack: bool,
    pub tools: bool,
    pub first_aid_kit: bool,
    pub extinguisher: bool,
    pub warning_triangle: bool,
    pub head_unit: bool,
    pub mats: bool,
    pub other: String,
}

/// A part the client brought, as the operator types it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientPartDraft {
    pub name: String,
    pub description: String,
    /// `2`, `1,5`; empty: one.
    pub quantity: String,
}

/// A part the client brought: the order lists it with its exact name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientPart {
    pub name: String,
    pub description: String,
    pub quantity: Quantity,
}

/// What the intake window sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct IntakeDraft {
    /// Km; empty when the odometer cannot be read.
    pub odometer: String,
    /// Needed only when the reading is below the car's last one.
    pub odometer_reason: String,
    /// 0 (empty) to 4 (full).
    pub fuel_quarters: u8,
    pub checklist: Checklist,
    pub belongings: String,
    /// Причина обращения.
    pub complaints: String,
    pub client_parts: Vec<ClientPartDraft>,
    pub damage: Vec<DamageMark>,
    /// File names of photos already copied into the app's data folder.
    pub photos: Vec<String>,
    /// Who handed the car over when not the client in person (a company's
    /// driver): a name, perhaps with a phone. Empty: the client.
    pub handed_over_by: String,
}

/// An intake that passed its checks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Intake {
    pub odometer_km: Option<u32>,
    pub fuel_quarters: u8,
    pub checklist: Checklist,
    pub belongings: String,
    pub complaints: String,
    pub client_parts: Vec<ClientPart>,
    pub damage: Vec<DamageMark>,
    pub photos: Vec<String>,
    /// Empty: the client in person.
    #[serde(default)]
    pub handed_over_by: String,
}

/// The checked intake and the reason for a lower odometer reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidIntake {
    pub intake: Intake,
    pub odometer_reason: String,
}

impl IntakeDraft {
    /// All problems at once; fields are named as in the draft (`odometer`,
    /// `fuelQuarters`, `checklist.keys`, `damage.1.x`, `clientParts.0.name`,
    /// `photos.2`).
    pub fn validate(&self) -> Result<ValidIntake, Issues> {
        let mut issues = Issues::default();
        let odometer_km = match self.odometer.trim() {
            "" => None,
            typed => {
                let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
                match digits.parse::<u32>() {
                    Ok(km) if km <= MAX_ODOMETER_KM => Some(km),
                    Ok(_) => {
                        issues.add_limit(
                            "odometer",
                            IssueCode::OutOfRange,
                            MAX_ODOMETER_KM as usize,
                        );
                        None
                    }
                    Err(_) => {
                        issues.add("odometer", IssueCode::NumberInvalid);
                        None
                    }
                }
            }
        };
        let odometer_reason =
            issues.line("odometerReason", &self.odometer_reason, MAX_ODOMETER_REASON);
        if self.fuel_quarters > FULL_TANK {
            issues.add_limit("fuelQuarters", IssueCode::OutOfRange, FULL_TANK.into());
        }
        let checklist = self.checklist(&mut issues);
        let belongings = issues.text("belongings", &self.belongings, MAX_BELONGINGS);
        let complaints = issues.text("complaints", &self.complaints, MAX_COMPLAINTS);
        let client_parts = self.client_parts(&mut issues);
        let damage = self.damage(&mut issues);
        let photos = self.photos(&mut issues);
        let handed_over_by = issues.line("handedOverBy", &self.handed_over_by, MAX_HANDED_OVER_BY);
        issues.into_result(ValidIntake {
            intake: Intake {
                odometer_km,
                fuel_quarters: self.fuel_quarters.min(FULL_TANK),
                checklist,
                belongings,
                complaints,
                client_parts,
                damage,
                photos,
                handed_over_by,
            },
            odometer_reason,
        })
    }

    fn checklist(&self, issues: &mut Issues) -> Checklist {
        if self.checklist.keys > MAX_KEYS {
            issues.add_limit("checklist.keys", IssueCode::OutOfRange, MAX_KEYS.into());
        }
        Checklist {
            other: issues.line(
                "checklist.other",
                &self.checklist.other,
                MAX_CHECKLIST_OTHER,
            ),
            ..self.checklist.clone()
        }
    }

    fn client_parts(&self, issues: &mut Issues) -> Vec<ClientPart> {
        if self.client_parts.len() > MAX_CLIENT_PARTS {
            issues.add_limit("clientParts", IssueCode::TooMany, MAX_CLIENT_PARTS);
        }
        let mut parts = Vec::new();
        for (index, part) in self.client_parts.iter().enumerate() {
            let field = format!("clientParts.{index}.");
            let name = issues.line(&format!("{field}name"), &part.name, MAX_CLIENT_PART_NAME);
            if name.is_empty() {
                issues.add(format!("{field}name"), IssueCode::Required);
            }
            let description = issues.line(
                &format!("{field}description"),
                &part.description,
                MAX_CLIENT_PART_NAME,
            );
            let quantity = match part.quantity.trim() {
                "" => Some(Quantity::whole(1)),
                typed => match Quantity::parse(typed) {
                    Some(q) if q.milli() > 0 => Some(q),
                    _ => {
                        issues.add(format!("{field}quantity"), IssueCode::NumberInvalid);
                        None
                    }
                },
            };
            if let Some(quantity) = quantity {
                parts.push(ClientPart {
                    name,
                    description,
                    quantity,
                });
            }
        }
        parts
    }

    fn damage(&self, issues: &mut Issues) -> Vec<DamageMark> {
        if self.damage.len() > MAX_DAMAGE_MARKS {
            issues.add_limit("damage", IssueCode::TooMany, MAX_DAMAGE_MARKS);
        }
        self.damage
            .iter()
            .enumerate()
            .map(|(index, mark)| {
                for (axis, value) in [("x", mark.x), ("y", mark.y)] {
                    if value > PER_MILLE {
                        issues.add_limit(
                            format!("damage.{index}.{axis}"),
                            IssueCode::OutOfRange,
                            PER_MILLE.into(),
                        );
                    }
                }
                DamageMark {
                    note: issues.line(&format!("damage.{index}.note"), &mark.note, MAX_DAMAGE_NOTE),
                    ..mark.clone()
                }
            })
            .collect()
    }

    /// A photo is a plain relative file name inside the data folder: no
    /// absolute path, no `..`, no empty name.
    fn photos(&self, issues: &mut Issues) -> Vec<String> {
        if self.photos.len() > MAX_PHOTOS {
            issues.add_limit("photos", IssueCode::TooMany, MAX_PHOTOS);
        }
        let mut kept = Vec::new();
        for (index, photo) in self.photos.iter().enumerate() {
            let field = format!("photos.{index}");
            let path = photo.trim();
            let safe = !path.is_empty()
                && !path.starts_with('/')
                && !path.starts_with('\\')
                && !path.contains(':')
                && path
                    .split(['/', '\\'])
                    .all(|part| !part.is_empty() && part != "..");
            if !safe {
                issues.add(field, IssueCode::UnknownValue);
            } else if path.chars().count() > MAX_PHOTO_PATH {
                issues.add_limit(field, IssueCode::TooLong, MAX_PHOTO_PATH);
            } else {
                kept.push(path.to_owned());
            }
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(draft: &IntakeDraft) -> Vec<(String, IssueCode)> {
        match draft.validate() {
            Ok(_) => Vec::new(),
            Err(issues) => issues
                .into_vec()
                .into_iter()
                .map(|issue| (issue.field, issue.issue))
                .collect(),
        }
    }

    fn mark(x: u16, y: u16) -> DamageMark {
        DamageMark {
            view: BodyView::Left,
            x,
            y,
            kind: DamageKind::Scratch,
            note: "  задний   бампер ".into(),
        }
    }

    #[test]
    fn a_full_intake_is_cleaned() {
        let draft = IntakeDraft {
            odometer: "123 456".into(),
            fuel_quarters: 2,
            complaints: "  стук спереди\r\n".into(),
            client_parts: vec![ClientPartDraft {
                name: "Масло 5W-30".into(),
                quantity: "4".into(),
                ..ClientPartDraft::default()
            }],
            damage: vec![mark(0, 1000)],
            photos: vec!["photos/2026/a.jpg".into()],
            ..IntakeDraft::default()
        };
        let valid = draft.validate().expect("valid").intake;
        assert_eq!(valid.odometer_km, Some(123_456));
        assert_eq!(valid.complaints, "стук спереди");
        assert_eq!(valid.damage[0].note, "задний бампер");
        assert_eq!(valid.client_parts[0].quantity, Quantity::whole(4));
    }

    #[test]
    fn every_problem_is_named() {
        let draft = IntakeDraft {
            odometer: "12a".into(),
            fuel_quarters: 5,
            checklist: Checklist {
                keys: 11,
                ..Checklist::default()
            },
            client_parts: vec![ClientPartDraft::default()],
            damage: vec![mark(1001, 5)],
            photos: vec![
                "../etc/passwd".into(),
                "/abs.jpg".into(),
                "C:\\x.jpg".into(),
            ],
            ..IntakeDraft::default()
        };
        assert_eq!(
            fields(&draft),
            vec![
                ("odometer".into(), IssueCode::NumberInvalid),
                ("fuelQuarters".into(), IssueCode::OutOfRange),
                ("checklist.keys".into(), IssueCode::OutOfRange),
                ("clientParts.0.name".into(), IssueCode::Required),
                ("damage.0.x".into(), IssueCode::OutOfRange),
                ("photos.0".into(), IssueCode::UnknownValue),
                ("photos.1".into(), IssueCode::UnknownValue),
                ("photos.2".into(), IssueCode::UnknownValue),
            ]
        );
    }
}
