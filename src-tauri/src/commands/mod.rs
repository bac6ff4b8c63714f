//! Tauri commands: thin adapters from IPC to the core, one module per domain.

// `ApiError` is built once per failed call and serialised straight away at the
// IPC edge; boxing it would only add an allocation.
#![allow(clippy::result_large_err)]

pub mod app;
pub mod clients;
pub mod imports;
pub mod orders;
pub mod pricelist;
pub mod product_imports;
pub mod products;
pub mod reminders;
pub mod schedule;
pub mod stock;
pub mod vehicles;
