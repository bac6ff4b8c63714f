//! The price list of services (прайс-лист работ): what the shop does, how long
//! it takes by the standard (нормо-часы) and what it costs — a fixed price or
//! the standard hours at the hourly rate of its category or of the shop.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{PackageId, ProductId, ServiceCategoryId, ServiceId};
use crate::domain::money::Money;
use crate::domain::product::{positive_quantity, price};
use crate::domain::quantity::{MILLI, Quantity, Unit};
use crate::domain::validation::{IssueCode, Issues};

pub const MAX_SERVICE_CODE: usize = 20;
pub const MAX_SERVICE_NAME: usize = 200;
pub const MAX_SERVICE_NOTES: usize = 1000;
pub const MAX_CATEGORY_NAME: usize = 80;
/// 100 standard hours: a bigger number is a typo.
pub const MAX_HOURS_MILLI: i64 = 100_000;
/// Two working weeks of one bay.
pub const MAX_DURATION_MINUTES: u32 = 10 * 24 * 60;
/// The schedule's grid: durations are whole quarters of an hour.
pub const SLOT_MINUTES: u32 = 15;
pub const MAX_PACKAGE_ITEMS: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ServiceCategory {
    pub id: ServiceCategoryId,
    pub name: String,
    /// Its own hourly rate; `None` uses the shop's.
    pub hourly_rate: Option<Money>,
    pub archived: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ServiceCategoryDraft {
    pub name: String,
    /// Empty: the shop's hourly rate.
    pub hourly_rate: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidServiceCategory {
    pub name: String,
    pub hourly_rate: Option<Money>,
}

impl ServiceCategoryDraft {
    pub fn validate(&self) -> Result<ValidServiceCategory, Issues> {
        let mut issues = Issues::default();
        let name = issues.line("name", &self.name, MAX_CATEGORY_NAME);
        if name.is_empty() {
            issues.add("name", IssueCode::Required);
        }
        let hourly_rate = price(&self.hourly_rate, "hourlyRate", &mut issues);
        issues.into_result(ValidServiceCategory { name, hourly_rate })
    }
}

/// What the service window sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ServiceDraft {
    pub code: String,
    pub name: String,
    pub category_id: Option<ServiceCategoryId>,
    /// Нормо-часы: `1,5`.
    pub standard_hours: String,
    /// A fixed price; empty: the standard hours at the hourly rate.
    pub price: String,
    /// Minutes the schedule books; empty: the standard hours rounded up to 15 minutes.
    pub duration_minutes: String,
    /// The skills (service categories) a mechanic needs besides the service's own category.
    pub extra_skills: Vec<ServiceCategoryId>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidService {
    pub code: String,
    pub name: String,
    pub category_id: ServiceCategoryId,
    pub standard_hours: Quantity,
    pub fixed_price: Option<Money>,
    pub duration_minutes: u32,
    pub extra_skills: Vec<ServiceCategoryId>,
    pub notes: String,
}

impl ServiceDraft {
    pub fn validate(&self) -> Result<ValidService, Issues> {
        let mut issues = Issues::default();
        let code = issues.line("code", &self.code, MAX_SERVICE_CODE);
        if code.is_empty() {
            issues.add("code", IssueCode::Required);
        }
        let name = issues.line("name", &self.name, MAX_SERVICE_NAME);
        if name.is_empty() {
            issues.add("name", IssueCode::Required);
        }
        if self.category_id.is_none() {
            issues.add("categoryId", IssueCode::Required);
        }
        let standard_hours = self.hours(&mut issues);
        let fixed_price = price(&self.price, "price", &mut issues);
        if fixed_price.is_none() && self.price.trim().is_empty() && standard_hours.milli() == 0 {
            issues.add("standardHours", IssueCode::Required);
        }
        let duration_minutes = self.duration(standard_hours, &mut issues);
        let notes = issues.text("notes", &self.notes, MAX_SERVICE_NOTES);
        let mut extra_skills = self.extra_skills.clone();
        extra_skills.retain(|skill| Some(*skill) != self.category_id);
        extra_skills.sort();
        extra_skills.dedup();
        issues.into_result(ValidService {
            code,
            name,
            category_id: self.category_id.unwrap_or(ServiceCategoryId(0)),
            standard_hours,
            fixed_price,
            duration_minutes,
            extra_skills,
            notes,
        })
    }

    fn hours(&self, issues: &mut Issues) -> Quantity {
        if self.standard_hours.trim().is_empty() {
            return Quantity::ZERO;
        }
        match Quantity::parse(&self.standard_hours) {
            None => issues.add("standardHours", IssueCode::NumberInvalid),
            Some(hours) if !(0..=MAX_HOURS_MILLI).contains(&hours.milli()) => issues.add_limit(
                "standardHours",
                IssueCode::OutOfRange,
                (MAX_HOURS_MILLI / MILLI) as usize,
            ),
            Some(hours) => return hours,
        }
        Quantity::ZERO
    }

    fn duration(&self, hours: Quantity, issues: &mut Issues) -> u32 {
        let typed = self.duration_minutes.trim();
        if typed.is_empty() {
            return duration_for_hours(hours);
        }
        match typed.parse::<u32>() {
            Ok(minutes) if (1..=MAX_DURATION_MINUTES).contains(&minutes) => minutes,
            Ok(_) => {
                issues.add_limit(
                    "durationMinutes",
                    IssueCode::OutOfRange,
                    MAX_DURATION_MINUTES as usize,
                );
                SLOT_MINUTES
            }
            Err(_) => {
                issues.add("durationMinutes", IssueCode::NumberInvalid);
                SLOT_MINUTES
            }
        }
    }
}

/// The standard hours rounded up to the schedule's 15-minute grid (at least one slot).
pub fn duration_for_hours(hours: Quantity) -> u32 {
    let minutes = (hours.milli().max(0) as u64 * 60).div_ceil(MILLI as u64);
    let slot = u64::from(SLOT_MINUTES);
    let rounded = (minutes.div_ceil(slot) * slot).max(slot);
    u32::try_from(rounded).unwrap_or(MAX_DURATION_MINUTES)
}

/// The price of a service in effect: fixed, or hours × rate to the kopeck.
pub fn service_price(fixed: Option<Money>, hours: Quantity, rate: Money) -> Money {
    fixed.unwrap_or_else(|| rate.times(hours).unwrap_or(Money::ZERO))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SkillRef {
    pub id: ServiceCategoryId,
    pub name: String,
}

/// An entry of the price list, with its price in effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Service {
    pub id: ServiceId,
    pub code: String,
    pub name: String,
    pub category_id: ServiceCategoryId,
    pub category: String,
    pub standard_hours: Quantity,
    pub fixed_price: Option<Money>,
    /// The hourly rate the price is computed with (the category's or the shop's).
    pub hourly_rate: Money,
    pub price: Money,
    pub duration_minutes: u32,
    /// Every skill a mechanic needs: the category first, then the extra ones.
    pub skills: Vec<SkillRef>,
    pub notes: String,
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ServiceSearch {
    pub query: String,
    pub category_id: Option<ServiceCategoryId>,
    pub include_archived: bool,
    pub limit: u32,
}

impl Default for ServiceSearch {
    fn default() -> Self {
        ServiceSearch {
            query: String::new(),
            category_id: None,
            include_archived: false,
            limit: 200,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PackageProductDraft {
    pub product_id: ProductId,
    pub quantity: String,
}

/// A service package such as «ТО-1»: services with the parts they usually consume.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PackageDraft {
    pub code: String,
    pub name: String,
    pub services: Vec<ServiceId>,
    pub products: Vec<PackageProductDraft>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPackage {
    pub code: String,
    pub name: String,
    pub services: Vec<ServiceId>,
    /// Quantities are checked against each product's unit by the use case.
    pub products: Vec<(ProductId, String)>,
}

impl PackageDraft {
    pub fn validate(&self) -> Result<ValidPackage, Issues> {
        let mut issues = Issues::default();
        let code = issues.line("code", &self.code, MAX_SERVICE_CODE);
        if code.is_empty() {
            issues.add("code", IssueCode::Required);
        }
        let name = issues.line("name", &self.name, MAX_SERVICE_NAME);
        if name.is_empty() {
            issues.add("name", IssueCode::Required);
        }
        if self.services.is_empty() {
            issues.add("services", IssueCode::Required);
        }
        if self.services.len() + self.products.len() > MAX_PACKAGE_ITEMS {
            issues.add_limit("services", IssueCode::TooMany, MAX_PACKAGE_ITEMS);
        }
        let mut services = self.services.clone();
        let mut seen = std::collections::HashSet::new();
        services.retain(|id| seen.insert(*id));
        issues.into_result(ValidPackage {
            code,
            name,
            services,
            products: self
                .products
                .iter()
                .map(|line| (line.product_id, line.quantity.clone()))
                .collect(),
        })
    }
}

/// Checks a package line's quantity against its product's unit.
pub fn package_quantity(text: &str, unit: Unit, index: usize, issues: &mut Issues) -> Quantity {
    positive_quantity(text, unit, &format!("products.{index}.quantity"), issues)
        .unwrap_or(Quantity::ZERO)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PackageProduct {
    pub product_id: ProductId,
    pub name: String,
    pub article: String,
    pub brand: Option<String>,
    pub unit: Unit,
    pub quantity: Quantity,
    pub price: Option<Money>,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Package {
    pub id: PackageId,
    pub code: String,
    pub name: String,
    pub services: Vec<Service>,
    pub products: Vec<PackageProduct>,
    /// Services plus parts at their sale prices.
    pub price: Money,
    /// The services' durations added up.
    pub duration_minutes: u32,
    pub archived: bool,
}

/// Shop-wide pricing of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PricingSettings {
    /// The price of one standard hour where the category sets none.
    pub hourly_rate: Money,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_up_to_the_grid() {
        let table = [
            (0, 15),
            (250, 15),
            (500, 30),
            (1_000, 60),
            (1_100, 75),
            (3_000, 180),
        ];
        for (hours_milli, minutes) in table {
            assert_eq!(
                duration_for_hours(Quantity::from_milli(hours_milli)),
                minutes
            );
        }
    }

    #[test]
    fn a_service_is_priced_by_hours_or_fixed() {
        let rate = Money::from_kopecks(250_000);
        assert_eq!(
            service_price(None, Quantity::from_milli(1_500), rate),
            Money::from_kopecks(375_000)
        );
        assert_eq!(
            service_price(Some(Money::from_kopecks(150_000)), Quantity::ZERO, rate),
            Money::from_kopecks(150_000)
        );
    }

    #[test]
    fn a_service_needs_a_code_a_name_a_category_and_a_price() {
        let issues = ServiceDraft::default().validate().err().map(|i| {
            i.into_vec()
                .into_iter()
                .map(|i| i.field)
                .collect::<Vec<_>>()
        });
        assert_eq!(
            issues,
            Some(vec![
                "code".to_owned(),
                "name".to_owned(),
                "categoryId".to_owned(),
                "standardHours".to_owned()
            ])
        );
        let valid = ServiceDraft {
            code: "ТО-01".into(),
            name: "Замена масла".into(),
            category_id: Some(ServiceCategoryId(2)),
            standard_hours: "0,4".into(),
            extra_skills: vec![
                ServiceCategoryId(2),
                ServiceCategoryId(5),
                ServiceCategoryId(5),
            ],
            ..ServiceDraft::default()
        }
        .validate()
        .expect("valid");
        assert_eq!(valid.duration_minutes, 30);
        assert_eq!(valid.extra_skills, vec![ServiceCategoryId(5)]);
    }
}
