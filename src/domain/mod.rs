//! The shop's vocabulary as types. Pure: no IO, no SQL, no clock reads.

pub mod catalogue;
pub mod client;
pub mod consent;
pub mod email;
pub mod history;
pub mod ids;
pub mod money;
pub mod phone;
pub mod plate;
pub mod requisites;
pub mod search;
pub mod validation;
pub mod vehicle;
pub mod vin;
