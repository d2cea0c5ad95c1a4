//! Reports that cross into actions: the recurrence watch, and merging a
//! duplicate problem into the one that stays.

use crate::error::{Error, Result};
use crate::ids::ProblemId;
use crate::problem::{self, NewOccurrence, Occurrence, Problem};
use crate::store::Writer;
use crate::{action, analysis, journey};

/// Logs a further report of a live problem; a report on or after the day
/// one of its fixes was done flags that action "recurred after fix" (the
/// recurrence watch, [`action::write::note_recurrence`]).
pub fn log_occurrence(
    w: &mut Writer<'_>,
    problem: ProblemId,
    input: &NewOccurrence,
) -> Result<Occurrence> {
    let occurrence = problem::log_occurrence(w, problem, input)?;
    action::write::note_recurrence(w, problem, occurrence.occurred_on)?;
    Ok(occurrence)
}

/// Merges `duplicate` into `survivor`: its first report becomes an
/// occurrence of the survivor, its occurrences, references and tags move
/// over, its analyses now explain the survivor and its actions serve it
/// (and the journey touchpoints it happens at now show the survivor), a
/// duplicate reported after one of the survivor's fixes counts as a
/// recurrence, and it goes to the trash with a pointer to the survivor.
pub fn merge(w: &mut Writer<'_>, duplicate: ProblemId, survivor: ProblemId) -> Result<Problem> {
    if duplicate == survivor {
        return Err(Error::Conflict(
            "a problem cannot be merged into itself".into(),
        ));
    }
    let start = problem::write::merge_reports(w, duplicate, survivor)?;
    analysis::write::move_to_problem(w, duplicate, survivor)?;
    action::write::move_to_problem(w, duplicate, survivor)?;
    journey::write::move_problem_links(w, duplicate, survivor)?;
    action::write::note_recurrence(w, survivor, start.latest)?;
    problem::write::merge_finish(w, duplicate, survivor, start)
}
