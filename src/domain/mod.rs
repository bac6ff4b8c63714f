//! The shop's vocabulary as types. Pure: no IO, no SQL, no clock reads.

pub mod client;
pub mod email;
pub mod ids;
pub mod money;
pub mod phone;
pub mod search;
pub mod validation;
