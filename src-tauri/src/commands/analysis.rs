//! 5-Whys analyses and their why-trees.

use std::sync::Arc;

use rootwise_core::analysis::{
    self, Analysis, AnalysisEdit, AnalysisSummary, AnalysisTree, Evidence, NewAnalysis,
    NewEvidence, NewWhy, WhyEdit, WhyHit, WhyNode,
};
use rootwise_core::ids::{AnalysisId, EvidenceId, ProblemId, WhyId};
use rootwise_core::{workflow, Result};
use tauri::{AppHandle, State};

use super::{read, write};
use crate::Shared;

/// Most analyses one list call returns.
const LIST_MAX: u32 = 1_000;

/// Live analyses: those of one problem, or all of them (latest first).
#[tauri::command]
pub async fn analysis_list(
    shared: State<'_, Arc<Shared>>,
    problem_id: Option<ProblemId>,
) -> Result<Vec<AnalysisSummary>> {
    read(&shared, move |ws| match problem_id {
        Some(p) => analysis::for_problem(ws.conn(), p),
        None => analysis::list(ws.conn(), LIST_MAX),
    })
    .await
}

/// One analysis with its tree and the checks.
#[tauri::command]
pub async fn analysis_get(shared: State<'_, Arc<Shared>>, id: AnalysisId) -> Result<AnalysisTree> {
    read(&shared, move |ws| analysis::tree(ws.conn(), id)).await
}

/// Starts an analysis of a problem.
#[tauri::command]
pub async fn analysis_create(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    input: NewAnalysis,
) -> Result<Analysis> {
    write(&app, &shared, move |w| analysis::create_analysis(w, &input)).await
}

/// Changes one field of an analysis.
#[tauri::command]
pub async fn analysis_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: AnalysisId,
    edit: AnalysisEdit,
) -> Result<Analysis> {
    write(&app, &shared, move |w| {
        analysis::edit_analysis(w, id, &edit)
    })
    .await
}

/// Moves an analysis to the trash.
#[tauri::command]
pub async fn analysis_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: AnalysisId,
) -> Result<()> {
    write(&app, &shared, move |w| analysis::delete_analysis(w, id)).await
}

/// Causes whose text or evidence match a search.
#[tauri::command]
pub async fn analysis_search(
    shared: State<'_, Arc<Shared>>,
    text: String,
    limit: u32,
) -> Result<Vec<WhyHit>> {
    read(&shared, move |ws| {
        analysis::search(ws.conn(), &text, limit.min(LIST_MAX))
    })
    .await
}

/// Adds a cause to an analysis.
#[tauri::command]
pub async fn why_add(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    analysis_id: AnalysisId,
    input: NewWhy,
) -> Result<WhyNode> {
    write(&app, &shared, move |w| {
        workflow::add_why(w, analysis_id, &input)
    })
    .await
}

/// Changes one field of a cause.
#[tauri::command]
pub async fn why_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: WhyId,
    edit: WhyEdit,
) -> Result<WhyNode> {
    write(&app, &shared, move |w| workflow::edit_why(w, id, &edit)).await
}

/// Moves a cause and its subtree to a new place.
#[tauri::command]
pub async fn why_move(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: WhyId,
    parent_id: Option<WhyId>,
    position: u32,
) -> Result<WhyNode> {
    write(&app, &shared, move |w| {
        analysis::move_why(w, id, parent_id, position)
    })
    .await
}

/// Moves a cause and its subtree to the trash; `undo` keeps it out of the
/// trash list (it undoes its creation).
#[tauri::command]
pub async fn why_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: WhyId,
    undo: bool,
) -> Result<()> {
    write(&app, &shared, move |w| analysis::delete_why(w, id, undo)).await
}

/// Brings a cause back with its subtree.
#[tauri::command]
pub async fn why_restore(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: WhyId,
) -> Result<WhyNode> {
    write(&app, &shared, move |w| workflow::restore_why(w, id)).await
}

/// Adds evidence to a cause.
#[tauri::command]
pub async fn evidence_add(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    why_id: WhyId,
    input: NewEvidence,
) -> Result<Evidence> {
    write(&app, &shared, move |w| {
        analysis::add_evidence(w, why_id, &input)
    })
    .await
}

/// Changes a piece of evidence.
#[tauri::command]
pub async fn evidence_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: EvidenceId,
    input: NewEvidence,
) -> Result<Evidence> {
    write(&app, &shared, move |w| {
        analysis::edit_evidence(w, id, &input)
    })
    .await
}

/// Removes a piece of evidence.
#[tauri::command]
pub async fn evidence_remove(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: EvidenceId,
) -> Result<WhyNode> {
    write(&app, &shared, move |w| analysis::remove_evidence(w, id)).await
}
