//! Identifiers of the schedule's short, shop-local lists: employees and bays.
//! Small numbers like `crate::domain::ids`' list ids; they will move there when
//! the database layer arrives.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! schedule_id {
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

schedule_id!(
    /// A person of the shop: a receptionist (приёмщик), a mechanic, a manager.
    EmployeeId
);

schedule_id!(
    /// A bay or a lift (пост).
    BayId
);
