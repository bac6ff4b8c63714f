//! The car use cases: add a car to a client, edit it, record the odometer,
//! hand it over to another owner. A car keeps its history when it changes hands.

use sqlx::SqliteConnection;

use crate::Remzona;
use crate::db::{catalogue, clients, history, vehicles as store};
use crate::domain::client::Duplicates;
use crate::domain::history::HistoryKind;
use crate::domain::ids::{ClientId, VehicleId};
use crate::domain::validation::{FieldIssue, Issues};
use crate::domain::vehicle::{
    MAX_REASON, MakeModels, ValidVehicle, Vehicle, VehicleDetails, VehicleDraft, check_odometer,
};
use crate::error::{ConflictReason, Error, Result};

impl Remzona {
    pub fn validate_vehicle(&self, draft: &VehicleDraft) -> Vec<FieldIssue> {
        match draft.validate(self.today()) {
            Ok(_) => Vec::new(),
            Err(issues) => issues.into_vec(),
        }
    }

    /// Adds a car to `owner`. A VIN already on record is refused (the car
    /// exists: hand it over instead); a plate on record needs confirmation.
    pub async fn create_vehicle(
        &self,
        owner: ClientId,
        draft: &VehicleDraft,
        duplicates: Duplicates,
    ) -> Result<Vehicle> {
        let vehicle = draft.validate(self.today())?;
        let id = VehicleId::new();
        let now = self.now();
        let mut tx = self.db.begin_write().await?;
        clients::refuse_merged(&mut tx, owner).await?;
        check_driver(&mut tx, &vehicle, owner).await?;
        refuse_duplicates(&mut tx, &vehicle, None, duplicates).await?;
        store::insert(&mut tx, id, owner, &vehicle, now).await?;
        catalogue::remember_model(&mut tx, &vehicle.make, &vehicle.model).await?;
        history::append(&mut tx, owner, now, HistoryKind::VehicleAdded, Some(id), "").await?;
        tx.commit().await?;
        self.vehicle(id).await
    }

    pub async fn update_vehicle(
        &self,
        id: VehicleId,
        draft: &VehicleDraft,
        duplicates: Duplicates,
    ) -> Result<Vehicle> {
        let vehicle = draft.validate(self.today())?;
        let now = self.now();
        let mut tx = self.db.begin_write().await?;
        let owner = store::owner_of(&mut tx, id).await?;
        check_driver(&mut tx, &vehicle, owner).await?;
        refuse_duplicates(&mut tx, &vehicle, Some(id), duplicates).await?;
        if let Some(km) = vehicle.odometer_km {
            record_reading(&mut tx, id, owner, km, &vehicle.odometer_reason, now).await?;
        }
        store::update(&mut tx, id, &vehicle, now).await?;
        catalogue::remember_model(&mut tx, &vehicle.make, &vehicle.model).await?;
        tx.commit().await?;
        self.vehicle(id).await
    }

    /// Records an odometer reading. A reading below the last one needs a
    /// reason (a replaced instrument cluster, a typo corrected).
    pub async fn record_odometer(&self, id: VehicleId, km: u32, reason: &str) -> Result<Vehicle> {
        let mut issues = Issues::default();
        let reason = issues.line("odometerReason", reason, MAX_REASON);
        issues.into_result(())?;
        let mut tx = self.db.begin_write().await?;
        let owner = store::owner_of(&mut tx, id).await?;
        record_reading(&mut tx, id, owner, km, &reason, self.now()).await?;
        tx.commit().await?;
        self.vehicle(id).await
    }

    /// Hands the car over to `new_owner`; both clients' histories say so.
    pub async fn transfer_vehicle(&self, id: VehicleId, new_owner: ClientId) -> Result<Vehicle> {
        let now = self.now();
        let mut tx = self.db.begin_write().await?;
        clients::refuse_merged(&mut tx, new_owner).await?;
        if store::owner_of(&mut tx, id).await? == new_owner {
            return Err(Error::Conflict(ConflictReason::SameOwner));
        }
        let old_owner = store::transfer(&mut tx, id, new_owner, now).await?;
        let old_name = clients::client_ref(&mut tx, old_owner).await?.display_name;
        let new_name = clients::client_ref(&mut tx, new_owner).await?.display_name;
        history::append(
            &mut tx,
            old_owner,
            now,
            HistoryKind::VehicleHandedOver,
            Some(id),
            &new_name,
        )
        .await?;
        history::append(
            &mut tx,
            new_owner,
            now,
            HistoryKind::VehicleReceived,
            Some(id),
            &old_name,
        )
        .await?;
        tx.commit().await?;
        self.vehicle(id).await
    }

    pub async fn vehicle(&self, id: VehicleId) -> Result<Vehicle> {
        store::get(&mut *self.db.read().await?, id).await
    }

    pub async fn vehicle_details(&self, id: VehicleId) -> Result<VehicleDetails> {
        store::details(&mut *self.db.read().await?, id).await
    }

    pub async fn count_vehicles(&self) -> Result<i64> {
        store::count(&mut *self.db.read().await?).await
    }

    /// The make/model catalogue for the car window's pickers.
    pub async fn vehicle_catalogue(&self) -> Result<Vec<MakeModels>> {
        catalogue::makes(&mut *self.db.read().await?).await
    }

    /// Hides a make (or one of its models) from the pickers, or shows it again.
    pub async fn hide_catalogue_entry(
        &self,
        make: &str,
        model: Option<&str>,
        hidden: bool,
    ) -> Result<()> {
        let mut tx = self.db.begin_write().await?;
        catalogue::hide_model(&mut tx, make, model, hidden).await?;
        Ok(tx.commit().await?)
    }
}

async fn record_reading(
    conn: &mut SqliteConnection,
    id: VehicleId,
    owner: ClientId,
    km: u32,
    reason: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let last = store::last_odometer(conn, id).await?;
    if last == Some(km) {
        return Ok(());
    }
    if let Err(issue) = check_odometer(last, km, reason) {
        let mut issues = Issues::default();
        issues.add_limit("odometerKm", issue, last.unwrap_or(0) as usize);
        return Err(issues.into());
    }
    store::record_odometer(conn, id, km, reason, now).await?;
    let detail = format!("{km} km");
    history::append(
        conn,
        owner,
        now,
        HistoryKind::OdometerRecorded,
        Some(id),
        &detail,
    )
    .await
}

async fn check_driver(
    conn: &mut SqliteConnection,
    vehicle: &ValidVehicle,
    owner: ClientId,
) -> Result<()> {
    match vehicle.driver_contact_id {
        Some(contact) if !store::contact_belongs_to(conn, contact, owner).await? => {
            Err(Error::Conflict(ConflictReason::DriverNotAContact))
        }
        _ => Ok(()),
    }
}

async fn refuse_duplicates(
    conn: &mut SqliteConnection,
    vehicle: &ValidVehicle,
    except: Option<VehicleId>,
    duplicates: Duplicates,
) -> Result<()> {
    let found = store::find_duplicates(conn, vehicle, except).await?;
    let stop = found
        .iter()
        .any(|d| d.blocking || duplicates == Duplicates::Refuse);
    if stop {
        Err(Error::Duplicates(found))
    } else {
        Ok(())
    }
}
