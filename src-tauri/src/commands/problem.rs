//! Customer problems.

use std::sync::Arc;

use rootwise_core::problem::{self, NewProblem, Problem, ProblemPage};
use rootwise_core::Result;
use tauri::{AppHandle, State};

use super::{read, write};
use crate::Shared;

/// Largest page the UI may ask for.
const MAX_PAGE: u32 = 1_000;

/// One page of live problems, newest first.
#[tauri::command]
pub async fn problem_list(
    shared: State<'_, Arc<Shared>>,
    offset: Option<u32>,
    limit: Option<u32>,
) -> Result<ProblemPage> {
    let (offset, limit) = (offset.unwrap_or(0), limit.unwrap_or(200).min(MAX_PAGE));
    read(&shared, move |ws| problem::list(ws.conn(), offset, limit)).await
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
