//! Reminders of appointments: the planner that fills the outbox, the
//! dispatcher that sends through the gateways, and the operator's call list.
//! The pure rules live in [`crate::domain::reminder`]; SQL in
//! [`crate::db::reminders`].

pub mod background;
pub mod config;
pub mod dispatcher;
pub mod gateway;
pub mod gateways;
pub mod operator;
pub mod planner;
pub mod secrets;
pub mod settings;
pub mod setup;
