//! A failed effectiveness check reopens what the action was meant to fix.

use crate::action::{self, Action, ActionEdit, CheckResult, ImportOutcome};
use crate::analysis::{self, WhyEdit, WhyStatus};
use crate::error::Result;
use crate::ids::{ActionId, WhyId};
use crate::problem::{self, ProblemEdit, Status as ProblemStatus};
use crate::store::Writer;

/// Changes one field of a live action or moves its status
/// ([`action::edit`]). A check that finds it not effective (not a repeat
/// of the same finding) sends its confirmed root causes back to hypotheses
/// and its problem back to investigating.
pub fn edit_action(w: &mut Writer<'_>, id: ActionId, edit: &ActionEdit) -> Result<Action> {
    let before = match edit {
        ActionEdit::Check {
            result: CheckResult::NotEffective,
            ..
        } => Some(action::get(w.tx(), id)?),
        _ => None,
    };
    let after = action::edit(w, id, edit)?;
    match before {
        Some(before) if before.status != action::ActionStatus::NotEffective => {
            reopen_causes(w, &before)?;
            action::get(w.tx(), id)
        }
        _ => Ok(after),
    }
}

/// Imports actions from CSV text ([`action::import_csv`]), each row's
/// status reached through [`edit_action`].
pub fn import_actions(w: &mut Writer<'_>, text: &str) -> Result<ImportOutcome> {
    action::import_csv(w, text, edit_action)
}

/// An action that did not work reopens what it was meant to fix: its
/// confirmed root causes go back to hypotheses, and the problem goes back
/// to "investigating". Both are recorded in their own history.
fn reopen_causes(w: &mut Writer<'_>, before: &Action) -> Result<()> {
    for cause in &before.cause_ids {
        let node = analysis::get_why(w.tx(), *cause)?;
        if node.status == WhyStatus::Confirmed && live_cause(w, *cause)? {
            analysis::edit_why(w, *cause, &WhyEdit::Status(WhyStatus::Hypothesis))?;
        }
    }
    let problem = problem::get_live(w.tx(), before.problem_id)?;
    if problem.status > ProblemStatus::Investigating {
        problem::edit(
            w,
            before.problem_id,
            &ProblemEdit::Status(ProblemStatus::Investigating),
        )?;
    }
    Ok(())
}

fn live_cause(w: &Writer<'_>, id: WhyId) -> Result<bool> {
    Ok(w.tx().query_row(
        "SELECT count(*) FROM why_nodes n JOIN analyses a ON a.id = n.analysis_id
         WHERE n.id = ?1 AND n.deleted_at IS NULL AND a.deleted_at IS NULL",
        [id],
        |r| r.get::<_, i64>(0),
    )? > 0)
}
