//! The rules that span areas, composed from each area's own narrow
//! functions. Areas never call each other (nor this module); the shell
//! calls these entry points wherever a write or a read crosses areas.
//!
//! - [`reports`]: a report logged after a fix flags the action (the
//!   recurrence watch); merging moves a duplicate's reports, analyses and
//!   actions to the survivor;
//! - [`closing`]: a problem with unfinished actions closes only with a
//!   reason;
//! - [`root_cause`]: confirming a problem's first root cause moves it to
//!   "root cause found";
//! - [`check`]: a failed effectiveness check sends the causes the action
//!   addressed back to hypotheses and the problem back to investigating
//!   (by hand or from an imported file);
//! - [`effect`]: a problem's reports per week before and after each fix;
//! - [`board`]: an empathy map with its persona;
//! - [`journey`]: an opportunity on a journey map becomes a corrective
//!   action (merging problems moves their touchpoint links: [`reports`]).

pub mod board;
pub mod check;
pub mod closing;
pub mod effect;
pub mod journey;
pub mod reports;
pub mod root_cause;

pub use board::{board, Board};
pub use check::{edit_action, import_actions};
pub use closing::edit_problem;
pub use effect::{effect, ActionEffect, ProblemEffect, EFFECT_SPAN_MAX, EFFECT_WEEKS};
pub use journey::action_from_opportunity;
pub use reports::{log_occurrence, merge};
pub use root_cause::{add_why, edit_why, restore_why};
