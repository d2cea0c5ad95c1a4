//! Rootwise core: the domain types, the rules and the SQLite store.
//!
//! This crate has no Tauri dependency. The desktop shell (`src-tauri`) is a
//! thin adapter over it, and the tests here run on temporary SQLite files.
//!
//! Areas own their types, rules and SQL: [`problem`], [`analysis`],
//! [`action`], [`persona`], [`empathy`]. They never call each other: they
//! share [`write`] (field writes, text checks, shared limits), [`refs`]
//! (how one area names another's rows), [`vocab`] (the problem's enums
//! other areas show), [`entity`] (entity names), and the rules that span
//! areas are composed in [`workflow`]. [`history`], [`trash`], [`search`]
//! and [`settings`] serve every area. The [`store`] opens a workspace file
//! and runs every write through [`store::Workspace::write`], which wraps it
//! in a transaction, stamps the author and time, and collects the
//! [`change::ChangeEvent`]s the shell broadcasts after the commit.

pub mod action;
pub mod analysis;
pub mod bindings;
#[macro_use]
pub mod text_enum;
pub mod change;
pub mod csv_rows;
pub mod empathy;
pub mod entity;
pub mod error;
pub mod generate;
pub mod helpdesk;
pub mod history;
pub mod ids;
pub mod journey;
pub mod metrics;
pub mod persona;
pub mod problem;
pub mod refs;
pub mod rowset;
pub mod rules;
pub mod sample;
pub mod search;
pub mod settings;
pub mod store;
pub mod sync;
pub mod time;
pub mod trash;
pub mod vocab;
pub mod workflow;
pub mod write;

pub use error::{Error, ErrorPayload, Result};
pub use store::{Workspace, WorkspaceStatus, SCHEMA_VERSION};
