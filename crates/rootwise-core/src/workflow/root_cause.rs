//! A confirmed root cause moves its problem to "root cause found".

use rusqlite::OptionalExtension;

use crate::analysis::{self, NewWhy, WhyEdit, WhyNode};
use crate::error::{Error, Result};
use crate::ids::{AnalysisId, WhyId};
use crate::problem::{self, ProblemEdit, Status as ProblemStatus};
use crate::store::Writer;

/// Adds a cause to an analysis ([`analysis::add_why`]); a cause added as a
/// confirmed root cause moves its problem on.
pub fn add_why(w: &mut Writer<'_>, analysis: AnalysisId, input: &NewWhy) -> Result<WhyNode> {
    let node = analysis::add_why(w, analysis, input)?;
    after_cause_change(w, node.id)?;
    analysis::get_why(w.tx(), node.id)
}

/// Changes one field of a cause ([`analysis::edit_why`]). Confirming the
/// first root cause of a problem that is new or under investigation moves
/// the problem to "root cause found" (recorded in its history).
pub fn edit_why(w: &mut Writer<'_>, id: WhyId, edit: &WhyEdit) -> Result<WhyNode> {
    analysis::edit_why(w, id, edit)?;
    after_cause_change(w, id)?;
    analysis::get_why(w.tx(), id)
}

/// Brings a trashed cause back ([`analysis::restore_why`]); a confirmed
/// root cause brought back moves its problem on.
pub fn restore_why(w: &mut Writer<'_>, id: WhyId) -> Result<WhyNode> {
    analysis::restore_why(w, id)?;
    after_cause_change(w, id)?;
    analysis::get_why(w.tx(), id)
}

/// The first confirmed root cause of a problem moves it to "root cause
/// found", when it is not past that already.
fn after_cause_change(w: &mut Writer<'_>, id: WhyId) -> Result<()> {
    let row: Option<(String, String)> = w
        .tx()
        .query_row(
            "SELECT p.id, p.status FROM why_nodes n
             JOIN analyses a ON a.id = n.analysis_id
             JOIN problems p ON p.id = a.problem_id
             WHERE n.id = ?1 AND n.root_cause = 1 AND n.status = 'confirmed'
               AND n.deleted_at IS NULL AND a.deleted_at IS NULL AND p.deleted_at IS NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((problem_id, status)) = row else {
        return Ok(());
    };
    let status = ProblemStatus::parse(&status)
        .ok_or_else(|| Error::Internal(format!("unknown problem status {status}")))?;
    if status < ProblemStatus::RootCauseFound {
        problem::edit(
            w,
            problem_id.parse()?,
            &ProblemEdit::Status(ProblemStatus::RootCauseFound),
        )?;
    }
    Ok(())
}
