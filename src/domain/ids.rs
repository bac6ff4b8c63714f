//! Newtype identifiers: a `ClientId` can never be passed where another entity's
//! id is wanted. They are UUIDv7 (time-ordered), so rows created on different
//! desks never collide when a multi-desk back end arrives.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! entity_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(transparent)]
        pub struct $name(#[cfg_attr(feature = "specta", specta(type = String))] Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

entity_id!(
    /// A client of the shop: a private person or a company.
    ClientId
);

entity_id!(
    /// A car, whoever owns it now: its history stays with it when it changes hands.
    VehicleId
);

entity_id!(
    /// A contact person of a company client (a manager, an accountant, a driver).
    ContactId
);

entity_id!(
    /// An item of the nomenclature: a part or a material.
    ProductId
);

entity_id!(
    /// A stock movement document: a receipt, a write-off, an inventory, a sale.
    StockDocId
);

entity_id!(
    /// A counter sale (продажа без ремонта).
    SaleId
);

entity_id!(
    /// Money received from or returned to a client.
    PaymentId
);

entity_id!(
    /// An entry of the price list of services (работа, услуга).
    ServiceId
);

entity_id!(
    /// A service package such as «ТО-1».
    PackageId
);

/// An entry of a short, shop-local editable list: a small number rather than a UUID.
macro_rules! list_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl $name {
            /// From a database rowid; one beyond `u32` means a damaged file and
            /// then simply matches nothing.
            pub fn from_row(raw: i64) -> Self {
                Self(u32::try_from(raw).unwrap_or(u32::MAX))
            }
        }
    };
}

list_id!(
    /// Where clients heard of the shop.
    LeadSourceId
);

list_id!(
    /// A manufacturer of parts (MAHLE, BOSCH, Лукойл…).
    BrandId
);

list_id!(
    /// A node of the product category tree.
    CategoryId
);

list_id!(
    /// A supplier the shop buys parts from.
    SupplierId
);

list_id!(
    /// A warehouse; a shop starts with one, «Основной склад».
    WarehouseId
);

list_id!(
    /// A category of the price list of services; also a mechanic's skill.
    ServiceCategoryId
);

entity_id!(
    /// A booked visit: a client's car, the work asked for, a mechanic and a time.
    AppointmentId
);

entity_id!(
    /// A repair order (заказ-наряд).
    RepairOrderId
);

entity_id!(
    /// A work or part line of a repair order.
    OrderLineId
);

entity_id!(
    /// A document issued from a repair order, one version of it.
    IssuedDocumentId
);
