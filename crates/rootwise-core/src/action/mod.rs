//! Corrective actions: owned, dated, and checked for effect until the
//! problem stops recurring.
//!
//! - [`model`]: actions, their kinds, priorities and statuses, comments;
//! - [`write`]: create, edit, the checked status moves (a result, a
//!   reason), comments, the recurrence watch;
//! - [`import`]: actions from a CSV file, all rows or none;
//! - [`export`]: the table as CSV or iCalendar, in the reader's words;
//! - [`read`]: one action with its page, a problem's;
//! - [`table`]: the filtered, sorted, paged table and its filter choices;
//! - [`overview`]: the overview's figures;
//! - [`reminder`]: overdue actions and checks due.
//!
//! What crosses into other areas (a failed check reopening causes and the
//! problem, a report after a fix, the before/after effect) is composed in
//! `workflow`.
//!
//! An action is finished only when its effectiveness check shows it worked
//! (or it is cancelled with a reason). A check that finds it did not work
//! reopens the action and the root causes it addressed. A problem with
//! unfinished actions closes only with a reason, kept in its history.

pub mod export;
pub mod import;
pub mod model;
pub mod overview;
pub mod read;
pub mod reminder;
pub mod table;
pub mod write;

pub use export::{export, CsvColumns, ExportFile, ExportFormat, ExportOutcome, ExportWords};
pub use import::{ApplyEdit, ImportIssue, ImportOutcome};
pub use model::*;
pub use overview::{overview, Overview, OwnerLoad, WeekProgress};
pub use read::{detail, for_problem, get, root_causes};
pub use reminder::{reminder, Reminder};
pub use table::{
    owners, problems, query, ActionPage, ActionProblem, ActionQuery, ActionSort, DueFilter,
};
pub use write::{add_comment, create, delete, open_count, restore};
// A status move may reopen causes and the problem, and an import applies
// such moves: callers outside the crate go through `workflow`.
pub(crate) use import::import_csv;
pub(crate) use write::edit;

/// The entity name of an action in history, trash and change events.
pub const ENTITY: &str = crate::entity::ACTION;
