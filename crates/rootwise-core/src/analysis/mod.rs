//! 5-Whys analyses: branching why-trees with evidence, root causes, and
//! checks that push back on weak reasoning.
//!
//! - [`model`]: analyses, causes (why nodes), evidence, the tree;
//! - [`write`]: create, edit, move (never under its own descendant),
//!   delete with the subtree and restore, evidence;
//! - [`read`]: one analysis with its tree and checks, lists, search;
//! - [`checks`]: the push-back checks, shown beside a cause, never blocking.
//!
//! A cause whose parent is `None` answers the problem statement itself.
//! Confirming the first root cause of a problem moves the problem to
//! "root cause found": `workflow::root_cause` composes that rule.

pub mod checks;
pub mod model;
pub mod read;
pub mod write;

pub use checks::{CheckKind, NodeCheck};
pub use model::*;
pub use read::{for_problem, get_analysis, get_why, list, search, tree};
pub use write::{
    add_evidence, create_analysis, delete_analysis, delete_why, edit_analysis, edit_evidence,
    move_why, remove_evidence, restore_analysis,
};
// Adding, editing and restoring a cause may move the problem: callers
// outside the crate go through `workflow`.
pub(crate) use write::{add_why, edit_why, restore_why};

/// The entity name of an analysis in history, trash and change events.
pub const ANALYSIS: &str = crate::entity::ANALYSIS;

/// The entity name of a cause (why node).
pub const WHY: &str = crate::entity::WHY;
