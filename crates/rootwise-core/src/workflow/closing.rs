//! Closing a problem that still has unfinished actions.

use crate::action;
use crate::error::{Error, Result, Rule};
use crate::ids::ProblemId;
use crate::problem::{self, Problem, ProblemEdit, Status};
use crate::store::Writer;

/// Changes one field of a live problem (see [`problem::edit`]); moving it
/// to "closed" while it has unfinished actions is refused (`open_actions`):
/// such a problem closes only with a reason
/// ([`problem::close_with_reason`]).
pub fn edit_problem(w: &mut Writer<'_>, id: ProblemId, edit: &ProblemEdit) -> Result<Problem> {
    if let ProblemEdit::Status(Status::Closed) = edit {
        let before = problem::get_live(w.tx(), id)?;
        if before.status.can_move_to(Status::Closed)
            && before.status != Status::Closed
            && action::open_count(w.tx(), id)? > 0
        {
            return Err(Error::invalid("status", Rule::OpenActions, None));
        }
    }
    problem::edit(w, id, edit)
}
