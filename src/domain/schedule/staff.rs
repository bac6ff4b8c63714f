//! The people and the bays the schedule books: who does what work, and which
//! bay (пост, подъёмник) is fit for it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::domain::ids::ServiceCategoryId;
use crate::domain::schedule::ids::{BayId, EmployeeId};
use crate::domain::validation::{IssueCode, Issues};

pub const MAX_STAFF_NAME: usize = 100;
pub const MAX_BAY_NAME: usize = 50;

/// What a person does at the shop; one person may have several roles (the
/// owner who manages and repairs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// Приёмщик: takes cars in and books appointments.
    Operator,
    /// Gets booked for work.
    Mechanic,
    Manager,
}

/// A calendar colour, `#rrggbb` in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct Colour(String);

impl Colour {
    /// `#1E88E5` or `1e88e5`: what a colour input sends or a person types.
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.trim();
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        (hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Colour(format!("#{}", hex.to_ascii_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A bay with no listed categories is a general one: any work fits. Otherwise
/// it must be fit for every category of the work, since the car stays on one
/// bay for the whole appointment.
pub fn bay_fits(
    fit_for: &BTreeSet<ServiceCategoryId>,
    needed: &BTreeSet<ServiceCategoryId>,
) -> bool {
    fit_for.is_empty() || needed.is_subset(fit_for)
}

/// A mechanic must have every skill the chosen services need (none: anyone).
pub fn has_skills(
    skills: &BTreeSet<ServiceCategoryId>,
    needed: &BTreeSet<ServiceCategoryId>,
) -> bool {
    needed.is_subset(skills)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Staff {
    pub id: EmployeeId,
    pub name: String,
    pub roles: BTreeSet<Role>,
    /// The service categories this person does (for a mechanic).
    pub skills: BTreeSet<ServiceCategoryId>,
    pub colour: Colour,
    /// Former employees stay for the history but are never booked.
    pub active: bool,
}

impl Staff {
    /// Whether the finder may offer this person for the work.
    pub fn bookable_for(&self, needed: &BTreeSet<ServiceCategoryId>) -> bool {
        self.active && self.roles.contains(&Role::Mechanic) && has_skills(&self.skills, needed)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Bay {
    pub id: BayId,
    pub name: String,
    /// The categories of work the bay is equipped for; empty: any work.
    pub fit_for: BTreeSet<ServiceCategoryId>,
    pub active: bool,
}

impl Bay {
    pub fn fits(&self, needed: &BTreeSet<ServiceCategoryId>) -> bool {
        self.active && bay_fits(&self.fit_for, needed)
    }
}

/// What the staff form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StaffDraft {
    pub name: String,
    pub roles: Vec<Role>,
    pub skills: Vec<ServiceCategoryId>,
    pub colour: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidStaff {
    pub name: String,
    pub roles: BTreeSet<Role>,
    pub skills: BTreeSet<ServiceCategoryId>,
    pub colour: Colour,
    pub active: bool,
}

impl StaffDraft {
    pub fn validate(&self) -> Result<ValidStaff, Issues> {
        let mut issues = Issues::default();
        let name = issues.line("name", &self.name, MAX_STAFF_NAME);
        if name.is_empty() {
            issues.add("name", IssueCode::Required);
        }
        if self.roles.is_empty() {
            issues.add("roles", IssueCode::Required);
        }
        let colour = match Colour::parse(&self.colour) {
            Some(colour) => colour,
            None if self.colour.trim().is_empty() => {
                issues.add("colour", IssueCode::Required);
                Colour(String::new())
            }
            None => {
                // The closest existing code: not a value the field accepts.
                issues.add("colour", IssueCode::UnknownValue);
                Colour(String::new())
            }
        };
        issues.into_result(ValidStaff {
            name,
            roles: self.roles.iter().copied().collect(),
            skills: self.skills.iter().copied().collect(),
            colour,
            active: self.active,
        })
    }
}

/// What the bay form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BayDraft {
    pub name: String,
    pub fit_for: Vec<ServiceCategoryId>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidBay {
    pub name: String,
    pub fit_for: BTreeSet<ServiceCategoryId>,
    pub active: bool,
}

impl BayDraft {
    pub fn validate(&self) -> Result<ValidBay, Issues> {
        let mut issues = Issues::default();
        let name = issues.line("name", &self.name, MAX_BAY_NAME);
        if name.is_empty() {
            issues.add("name", IssueCode::Required);
        }
        issues.into_result(ValidBay {
            name,
            fit_for: self.fit_for.iter().copied().collect(),
            active: self.active,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::IssueCode::{Required, TooLong, UnknownValue};

    fn skills(ids: &[u32]) -> BTreeSet<ServiceCategoryId> {
        ids.iter().copied().map(ServiceCategoryId).collect()
    }

    #[test]
    fn colours_are_normalised() {
        let table = [
            ("#1E88E5", Some("#1e88e5")),
            (" 1e88e5 ", Some("#1e88e5")),
            ("#1e88e", None),
            ("#1e88eg", None),
            ("", None),
        ];
        for (text, expected) in table {
            assert_eq!(
                Colour::parse(text).as_ref().map(Colour::as_str),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn skills_and_bays_fit_the_work() {
        let table = [
            // (have, needed, mechanic has the skills, bay fits)
            (&[1, 2][..], &[1][..], true, true),
            (&[1, 2], &[1, 2], true, true),
            (&[1], &[1, 3], false, false),
            (&[], &[1], false, true),
            (&[], &[], true, true),
            (&[4], &[], true, true),
        ];
        for (have, needed, mechanic, bay) in table {
            assert_eq!(
                has_skills(&skills(have), &skills(needed)),
                mechanic,
                "{have:?} {needed:?}"
            );
            assert_eq!(
                bay_fits(&skills(have), &skills(needed)),
                bay,
                "{have:?} {needed:?}"
            );
        }
    }

    #[test]
    fn only_active_mechanics_are_bookable() {
        let mut person = Staff {
            id: EmployeeId(1),
            name: "Сидоров Пётр".into(),
            roles: [Role::Manager].into(),
            skills: skills(&[1]),
            colour: Colour::parse("#43a047").expect("a colour"),
            active: true,
        };
        assert!(!person.bookable_for(&skills(&[1])));
        person.roles.insert(Role::Mechanic);
        assert!(person.bookable_for(&skills(&[1])));
        assert!(!person.bookable_for(&skills(&[2])));
        person.active = false;
        assert!(!person.bookable_for(&skills(&[1])));
    }

    fn fields(result: Result<impl std::fmt::Debug, Issues>) -> Vec<(String, IssueCode)> {
        result
            .err()
            .map(|issues| {
                issues
                    .into_vec()
                    .into_iter()
                    .map(|i| (i.field, i.issue))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn staff_and_bay_drafts() {
        assert_eq!(
            fields(StaffDraft::default().validate()),
            [
                ("name".into(), Required),
                ("roles".into(), Required),
                ("colour".into(), Required)
            ]
        );
        let draft = StaffDraft {
            name: "  Иванов   Иван ".into(),
            roles: vec![Role::Mechanic, Role::Mechanic],
            skills: vec![ServiceCategoryId(3), ServiceCategoryId(1)],
            colour: "red".into(),
            active: true,
        };
        assert_eq!(fields(draft.validate()), [("colour".into(), UnknownValue)]);
        let valid = StaffDraft {
            colour: "#E53935".into(),
            ..draft
        }
        .validate()
        .expect("a valid draft");
        assert_eq!(valid.name, "Иванов Иван");
        assert_eq!(valid.roles, [Role::Mechanic].into());
        assert_eq!(valid.skills, skills(&[1, 3]));
        assert_eq!(valid.colour.as_str(), "#e53935");

        let long = BayDraft {
            name: "П".repeat(MAX_BAY_NAME + 1),
            ..BayDraft::default()
        };
        assert_eq!(fields(long.validate()), [("name".into(), TooLong)]);
        let bay = BayDraft {
            name: "Пост 2 (развал)".into(),
            fit_for: vec![ServiceCategoryId(7)],
            active: true,
        }
        .validate()
        .expect("a valid bay");
        assert_eq!(bay.fit_for, skills(&[7]));
    }
}
