//! Corrective-action types and the status rules.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::{ActionId, CommentId, ProblemId, WhyId};
pub use crate::refs::CauseRef;

crate::text_enum! {
    /// What an action is meant to do.
    pub enum ActionKind {
        /// Stop the bleeding now, before the cause is removed.
        Containment = "containment",
        /// Remove the root cause.
        Corrective = "corrective",
        /// Stop it happening elsewhere or in future.
        Preventive = "preventive",
    }
}

crate::text_enum! {
    /// How urgent an action is, lowest first.
    pub enum Priority {
        /// Low.
        Low = "low",
        /// Medium.
        Medium = "medium",
        /// High.
        High = "high",
        /// Urgent.
        Urgent = "urgent",
    }
}

crate::text_enum! {
    /// Where an action stands. Done is not the end: an action is finished
    /// when its check shows it worked (verified effective) or it is
    /// cancelled with a reason.
    pub enum ActionStatus {
        /// Agreed, not started.
        Open = "open",
        /// Someone is on it.
        InProgress = "in_progress",
        /// Carried out; waiting for its effectiveness check.
        Done = "done",
        /// The check showed it worked.
        VerifiedEffective = "verified_effective",
        /// The check showed it did not work: the action and its root causes
        /// are open again.
        NotEffective = "not_effective",
        /// Dropped, with a reason.
        Cancelled = "cancelled",
    }
}

impl ActionStatus {
    /// Whether an action in this status still needs work or its check.
    pub fn is_active(self) -> bool {
        !matches!(
            self,
            ActionStatus::VerifiedEffective | ActionStatus::Cancelled
        )
    }

    /// Whether the status may move from `self` to `to`:
    /// open → in progress → done → verified effective or not effective;
    /// not effective reopens (open, in progress, done again); anything
    /// unfinished may be cancelled; a cancelled action reopens; a verified
    /// fix can still turn out not effective, or go back to done when the
    /// problem recurs and its check is due again.
    pub fn can_move_to(self, to: ActionStatus) -> bool {
        use ActionStatus::*;
        if self == to {
            return true;
        }
        matches!(
            (self, to),
            (Open, InProgress | Done | Cancelled)
                | (InProgress, Open | Done | Cancelled)
                | (
                    Done,
                    InProgress | VerifiedEffective | NotEffective | Cancelled
                )
                | (VerifiedEffective, NotEffective | Done)
                | (NotEffective, Open | InProgress | Done | Cancelled)
                | (Cancelled, Open)
        )
    }
}

crate::text_enum! {
    /// What the effectiveness check found.
    pub enum CheckResult {
        /// The problem stopped: the action worked.
        Effective = "effective",
        /// The problem goes on: the action did not work.
        NotEffective = "not_effective",
    }
}

/// A corrective action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// Its id.
    pub id: ActionId,
    /// The problem it serves.
    pub problem_id: ProblemId,
    /// The problem's title (for lists and exports).
    pub problem_title: String,
    /// What is to be done, in a line.
    pub title: String,
    /// More about it.
    pub description: String,
    /// Containment, corrective or preventive.
    pub kind: ActionKind,
    /// The root causes (why nodes) it addresses.
    pub cause_ids: Vec<WhyId>,
    /// Who carries it out (empty when nobody is named).
    pub owner: String,
    /// The day it is due.
    pub due_on: Option<NaiveDate>,
    /// How urgent it is.
    pub priority: Priority,
    /// Where it stands.
    pub status: ActionStatus,
    /// Why it was cancelled.
    pub cancel_reason: String,
    /// How its effect will be judged.
    pub check_method: String,
    /// When its effect will be judged.
    pub check_due_on: Option<NaiveDate>,
    /// What the check found.
    pub check_result: Option<CheckResult>,
    /// Notes on the check's result.
    pub check_notes: String,
    /// The day the check was recorded.
    pub checked_on: Option<NaiveDate>,
    /// The day it was last marked done.
    pub done_on: Option<NaiveDate>,
    /// The day the problem was first reported again after it was done:
    /// the fix may not be working.
    pub recurred_on: Option<NaiveDate>,
    /// Part of the removable sample workspace.
    pub sample: bool,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// What the user fills in to create an action. Only the problem, title
/// and kind are needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewAction {
    /// The problem it serves.
    #[ts(type = "string")]
    pub problem_id: String,
    /// What is to be done.
    pub title: String,
    /// Containment, corrective or preventive.
    pub kind: ActionKind,
    /// More about it.
    #[ts(optional)]
    pub description: Option<String>,
    /// The root causes it addresses.
    #[ts(optional, type = "string[]")]
    pub cause_ids: Option<Vec<String>>,
    /// Who carries it out.
    #[ts(optional)]
    pub owner: Option<String>,
    /// The day it is due.
    #[ts(optional)]
    pub due_on: Option<NaiveDate>,
    /// How urgent it is (medium when absent).
    #[ts(optional)]
    pub priority: Option<Priority>,
    /// How its effect will be judged.
    #[ts(optional)]
    pub check_method: Option<String>,
}

/// One change to one field of an action. Status changes that need more
/// (a reason, a check's result) have their own variants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum ActionEdit {
    /// A new title.
    Title(String),
    /// A new description.
    Description(String),
    /// A new kind.
    Kind(ActionKind),
    /// The root causes it addresses.
    #[ts(type = "string[]")]
    CauseIds(Vec<String>),
    /// A new owner (empty for nobody).
    Owner(String),
    /// A new due day, or none.
    DueOn(Option<NaiveDate>),
    /// A new priority.
    Priority(Priority),
    /// How its effect will be judged.
    CheckMethod(String),
    /// When its effect will be judged.
    CheckDueOn(Option<NaiveDate>),
    /// Open, in progress or done. Verified, not effective and cancelled
    /// go through [`ActionEdit::Check`] and [`ActionEdit::Cancel`].
    Status(ActionStatus),
    /// Records the effectiveness check: verified effective or not
    /// effective, with notes on what was found.
    Check {
        /// What the check found.
        result: CheckResult,
        /// What was looked at and seen.
        notes: String,
    },
    /// Cancels the action, with a reason.
    Cancel {
        /// Why it was dropped.
        reason: String,
    },
}

/// A comment on an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    /// Its id.
    pub id: CommentId,
    /// The action it is on.
    pub action_id: ActionId,
    /// What was said.
    pub body: String,
    /// Who said it.
    pub author: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// Something about an action a manager should look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionFlags {
    /// Past its due day and not done.
    pub overdue: bool,
    /// Its effectiveness check is due (today or earlier) and not recorded.
    pub check_due: bool,
    /// The problem came back after it was done.
    pub recurred: bool,
    /// A corrective action that names no root cause.
    pub no_root_cause: bool,
}

/// An action as the table, the board and the lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionRow {
    /// The action.
    pub action: Action,
    /// What to look at.
    pub flags: ActionFlags,
}

/// One action with everything its page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionDetail {
    /// The action.
    pub action: Action,
    /// What to look at (as of `today`).
    pub flags: ActionFlags,
    /// The root causes it addresses, with their text and analysis.
    pub causes: Vec<CauseRef>,
    /// Its comments, oldest first.
    pub comments: Vec<Comment>,
}
