//! The shop's vocabulary as types. Pure: no IO, no SQL, no clock reads.

pub mod article;
pub mod catalogue;
pub mod client;
pub mod consent;
pub mod email;
pub mod history;
pub mod ids;
pub mod money;
pub mod order;
pub mod phone;
pub mod plate;
pub mod pricelist;
pub mod product;
pub mod quantity;
pub mod reminder;
pub mod requisites;
pub mod schedule;
pub mod search;
pub mod stock;
pub mod validation;
pub mod vehicle;
pub mod vin;
pub mod words;
