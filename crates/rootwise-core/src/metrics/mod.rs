//! CX metrics: what customers said in surveys (NPS, CSAT, CES), how long
//! their contacts took to resolve (TTR), retention, churn and lifetime
//! value per period, and whether a problem's fix moved them.
//!
//! - [`model`]: answers, period figures, and the figures computed from them;
//! - [`write`]: add, replace, delete and restore an answer or a period;
//! - [`import`]: survey answers from a CSV file, with a column mapping, a
//!   preview and every row checked first;
//! - [`read`]: one answer, one period, the periods in a range;
//! - [`stats`]: the formulas, as pure functions (intervals included);
//! - [`dashboard`]: the dashboard's figures, trend and the problems that
//!   hurt each measure; a problem's before/after view;
//! - [`export`]: the dashboard's figures as CSV, in the reader's words.
//!
//! Choices:
//! - An answer's kind, CES scale and easy end are fixed once added; the
//!   other fields can be replaced. CES is never mixed across scales: the
//!   5- and 7-point answers are two measures, each as the mean ease on its
//!   own scale (an answer whose easy end is low is turned round).
//! - A figure is never shown bare: each carries its n, its 95% interval
//!   and `thin` when n is under [`stats::THIN_BELOW`].
//! - TTR is computed from the opened and resolved times of a problem's
//!   reports (`problem::set_contact_times`), never typed.
//! - Not here yet: the link from an answer to a journey touchpoint (and a
//!   touchpoint or segment filter) waits for journeys (issue 15).
//!
//! Metrics is an area: it reads problems and actions only through
//! read-only SQL joins and names no other area.

pub mod dashboard;
pub mod export;
pub mod import;
pub mod model;
pub mod read;
pub mod stats;
pub mod write;

pub use dashboard::{dashboard, fix_effects, retention};
pub use export::{dashboard_csv, DashboardColumns, DashboardWords};
pub use model::*;
pub use read::{get_period, get_response, periods, recent_responses};
pub use stats::THIN_BELOW;
pub use write::{
    add_period, add_response, delete_period, delete_response, edit_period, edit_response,
    restore_period, restore_response,
};

/// The entity name of a survey answer in history, trash and change events.
pub const RESPONSE: &str = crate::entity::RESPONSE;
/// The entity name of a period's figures.
pub const PERIOD: &str = crate::entity::PERIOD;
