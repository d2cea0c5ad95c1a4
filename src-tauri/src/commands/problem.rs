//! The problem log.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use rootwise_core::ids::{OccurrenceId, ProblemId};
use rootwise_core::problem::{
    self, NewOccurrence, NewProblem, Occurrence, Problem, ProblemDetail, ProblemEdit, ProblemPage,
    ProblemQuery, SuggestField,
};
use rootwise_core::{sample, workflow, Result};
use tauri::{AppHandle, State};

use super::{read, write};
use crate::Shared;

/// The problems matching a query: filtered, sorted, one page.
#[tauri::command]
pub async fn problem_list(
    shared: State<'_, Arc<Shared>>,
    query: ProblemQuery,
) -> Result<ProblemPage> {
    read(&shared, move |ws| problem::query(ws.conn(), &query)).await
}

/// One problem with its occurrences, weekly counts and history.
#[tauri::command]
pub async fn problem_get(shared: State<'_, Arc<Shared>>, id: ProblemId) -> Result<ProblemDetail> {
    read(&shared, move |ws| problem::detail(ws.conn(), id)).await
}

/// Logs a new problem.
#[tauri::command]
pub async fn problem_create(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    input: NewProblem,
) -> Result<Problem> {
    write(&app, &shared, move |w| problem::create(w, &input)).await
}

/// Changes one field of a problem.
#[tauri::command]
pub async fn problem_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ProblemId,
    edit: ProblemEdit,
) -> Result<Problem> {
    write(&app, &shared, move |w| workflow::edit_problem(w, id, &edit)).await
}

/// Moves a problem to the trash.
#[tauri::command]
pub async fn problem_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ProblemId,
) -> Result<()> {
    write(&app, &shared, move |w| problem::delete(w, id)).await
}

/// Brings a problem back from the trash.
#[tauri::command]
pub async fn problem_restore(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ProblemId,
) -> Result<Problem> {
    write(&app, &shared, move |w| problem::restore(w, id)).await
}

/// Merges a duplicate into the problem that survives.
#[tauri::command]
pub async fn problem_merge(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    duplicate: ProblemId,
    survivor: ProblemId,
) -> Result<Problem> {
    write(&app, &shared, move |w| {
        workflow::merge(w, duplicate, survivor)
    })
    .await
}

/// Earlier values of a free-text field, most used first.
#[tauri::command]
pub async fn problem_suggestions(
    shared: State<'_, Arc<Shared>>,
    field: SuggestField,
) -> Result<Vec<String>> {
    read(&shared, move |ws| problem::suggestions(ws.conn(), field)).await
}

/// Logs a further customer report of a problem.
#[tauri::command]
pub async fn occurrence_log(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    problem_id: ProblemId,
    input: NewOccurrence,
) -> Result<Occurrence> {
    write(&app, &shared, move |w| {
        workflow::log_occurrence(w, problem_id, &input)
    })
    .await
}

/// Sets when a report's customer contact was opened and resolved (time to
/// resolution comes from them); either may be cleared.
#[tauri::command]
pub async fn occurrence_times(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: OccurrenceId,
    opened_at: Option<DateTime<Utc>>,
    resolved_at: Option<DateTime<Utc>>,
) -> Result<Occurrence> {
    write(&app, &shared, move |w| {
        problem::set_contact_times(w, id, opened_at, resolved_at)
    })
    .await
}

/// Loads the sample problems; returns how many.
#[tauri::command]
pub async fn sample_load(app: AppHandle, shared: State<'_, Arc<Shared>>) -> Result<u32> {
    write(&app, &shared, sample::load).await
}

/// Moves every sample problem to the trash; returns how many.
#[tauri::command]
pub async fn sample_remove(app: AppHandle, shared: State<'_, Arc<Shared>>) -> Result<u32> {
    write(&app, &shared, sample::remove).await
}

/// How many sample problems the workspace has.
#[tauri::command]
pub async fn sample_count(shared: State<'_, Arc<Shared>>) -> Result<u32> {
    read(&shared, |ws| sample::count(ws.conn())).await
}
