//! Importing help-desk exports (Zendesk CSV and JSON, Freshdesk CSV, any
//! CSV through a column mapping) as problems and their occurrences.

pub mod encoding;
pub mod ticket;
