//! What the tests put into a shop through the core before the app opens it:
//! mechanics and their shifts, clients, cars, the oil change and bookings.

use chrono::{Days, NaiveDate};
use remzona::Remzona;
use remzona::domain::client::{ClientDraft, Duplicates, PhoneInput};
use remzona::domain::ids::{ClientId, ServiceCategoryId, ServiceId, VehicleId};
use remzona::domain::pricelist::ServiceDraft;
use remzona::domain::schedule::appointment::AppointmentDraft;
use remzona::domain::schedule::draft::{DayTemplateDraft, PatternDraft, PatternType};
use remzona::domain::schedule::view::PatternPaint;
use remzona::domain::schedule::{EmployeeId, Role, StaffDraft};
use remzona::domain::vehicle::VehicleDraft;

use crate::Result;

/// Maintenance, the service category these mechanics are skilled in.
pub const MAINTENANCE: ServiceCategoryId = ServiceCategoryId(2);

/// A mechanic skilled in maintenance, with no shifts yet.
pub async fn mechanic(shop: &Remzona, name: &str, colour: &str) -> Result<EmployeeId> {
    Ok(shop
        .save_staff(
            None,
            &StaffDraft {
                name: name.into(),
                roles: vec![Role::Mechanic],
                skills: vec![MAINTENANCE],
                colour: colour.into(),
                active: true,
            },
        )
        .await?
        .id)
}

/// `employees` work 08:00–20:00 every day, from a week ago on.
pub async fn every_day(shop: &Remzona, employees: Vec<EmployeeId>) -> Result<()> {
    let today = shop.local_now().await?.date();
    shop.paint_pattern(&PatternPaint {
        employees,
        pattern: PatternDraft {
            from: (today - Days::new(7)).to_string(),
            kind: PatternType::Cycle,
            days: vec![Some(DayTemplateDraft {
                start: "8:00".into(),
                end: "20:00".into(),
                breaks: vec![],
            })],
        },
    })
    .await?;
    Ok(())
}

/// Петров Сергей, a mechanic working 08:00–20:00 every day.
pub async fn petrov_every_day(shop: &Remzona) -> Result<EmployeeId> {
    let id = mechanic(shop, "Петров Сергей", "#1e88e5").await?;
    every_day(shop, vec![id]).await?;
    Ok(id)
}

/// «ТО-1 Замена масла в двигателе», an hour of maintenance at `price` (empty:
/// none set).
pub async fn oil_change(shop: &Remzona, price: &str) -> Result<ServiceId> {
    Ok(shop
        .create_service(&ServiceDraft {
            code: "ТО-1".into(),
            name: "Замена масла в двигателе".into(),
            category_id: Some(MAINTENANCE),
            standard_hours: "1".into(),
            price: price.into(),
            ..ServiceDraft::default()
        })
        .await?
        .id)
}

/// A person's draft with a surname, a name and one phone.
pub fn person(surname: &str, name: &str, phone: &str) -> ClientDraft {
    ClientDraft {
        surname: surname.into(),
        name: name.into(),
        phones: vec![PhoneInput {
            number: phone.into(),
            ..PhoneInput::default()
        }],
        ..ClientDraft::default()
    }
}

pub async fn client(shop: &Remzona, draft: &ClientDraft) -> Result<ClientId> {
    Ok(shop.create_client(draft, Duplicates::Refuse).await?.id)
}

/// Иванов's Kia Rio, А123ВС77.
pub fn kia_rio() -> VehicleDraft {
    VehicleDraft {
        plate: "А123ВС77".into(),
        make: "Kia".into(),
        model: "Rio".into(),
        ..VehicleDraft::default()
    }
}

pub async fn car(shop: &Remzona, owner: ClientId, draft: &VehicleDraft) -> Result<VehicleId> {
    Ok(shop
        .create_vehicle(owner, draft, Duplicates::Refuse)
        .await?
        .id)
}

/// `client` booked for `service` with `mechanic` on `day` at `time`.
pub fn visit(
    client: ClientId,
    service: ServiceId,
    mechanic: EmployeeId,
    day: NaiveDate,
    time: &str,
) -> AppointmentDraft {
    AppointmentDraft {
        client: Some(client),
        services: vec![service],
        mechanic: Some(mechanic),
        date: day.format("%d.%m.%Y").to_string(),
        time: time.into(),
        ..AppointmentDraft::default()
    }
}

pub async fn book(shop: &Remzona, draft: &AppointmentDraft) -> Result<()> {
    shop.create_appointment(draft).await?;
    Ok(())
}
