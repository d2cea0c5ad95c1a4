//! The problem log: every customer problem, its recurrences and its
//! evidence. Support leads log problems from real tickets; every other area
//! links to them.
//!
//! - [`model`]: the types, the enums and the status rules;
//! - [`validate`]: the rules every input meets (the UI is not the only guard);
//! - [`write`]: create, edit, delete, restore, the problem's half of a
//!   merge;
//! - [`occurrence`]: further reports of the same problem, weekly counts;
//! - [`read`]: one problem, its detail, the filtered and sorted list,
//!   suggestions from earlier values.
//!
//! Closing with open actions, the recurrence watch after a report and the
//! whole merge cross into other areas: they are composed in `workflow`.

pub(crate) mod bulk;
pub mod model;
pub mod occurrence;
pub mod read;
pub mod validate;
pub mod write;

pub use model::*;
pub use occurrence::{
    occurrences, set_contact_times, weekly_counts, NewOccurrence, Occurrence, WeekCount,
};
pub use read::{
    closed_between, detail, get_live, list, query, suggestions, MergedProblem, ProblemDetail,
    ProblemPage, ProblemQuery, ProblemSort, SuggestField,
};
pub use validate::{validate_title, TITLE_MAX};
pub use write::{close_with_reason, create, delete, rename, restore};
// Editing (closing) and logging reports cross into actions: callers outside
// the crate go through `workflow`.
pub(crate) use occurrence::log_occurrence;
pub(crate) use write::edit;

/// The entity name used in history, trash, search and change events.
pub const ENTITY: &str = crate::entity::PROBLEM;
