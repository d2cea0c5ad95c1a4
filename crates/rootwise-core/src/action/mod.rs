//! Corrective actions: owned, dated, and checked for effect until the
//! problem stops recurring.
//!
//! - [`model`]: actions, their kinds, priorities and statuses, comments;
//! - [`write`]: create, edit, the checked status moves (a result, a
//!   reason), comments, the recurrence watch;
//! - [`import`]: actions from a CSV file, all rows or none;
//! - [`read`]: one action, a problem's, the filtered table, the overview,
//!   the reminder, and reports per week before and after each fix.
//!
//! An action is finished only when its effectiveness check shows it worked
//! (or it is cancelled with a reason). A check that finds it did not work
//! reopens the action and the root causes it addressed. A problem with
//! unfinished actions closes only with a reason, kept in its history.

pub mod import;
pub mod model;
pub mod read;
pub mod write;

pub use import::{import_csv, ImportIssue, ImportOutcome};
pub use model::*;
pub use read::{
    detail, effect, for_problem, get, overview, owners, problems, query, reminder, root_causes,
    ActionEffect, ActionPage, ActionProblem, ActionQuery, ActionSort, DueFilter, Overview,
    OwnerLoad, ProblemEffect, Reminder, WeekProgress,
};
pub use write::{add_comment, create, delete, edit, open_count, restore};

/// The entity name of an action in history, trash and change events.
pub const ENTITY: &str = "action";
