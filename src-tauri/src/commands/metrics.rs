//! CX metrics: survey answers, period figures, the dashboard, a problem's
//! before/after view, the survey CSV import wizard and the dashboard's CSV.

use std::sync::Arc;

use chrono::NaiveDate;
use rootwise_core::ids::{PeriodId, ProblemId, ResponseId};
use rootwise_core::journey::{self, TouchpointRef};
use rootwise_core::metrics::import::{
    self, ColumnMapping, ImportCheck, ImportProgress, ResponseImport,
};
use rootwise_core::metrics::{
    self, Dashboard, DashboardQuery, DashboardWords, FixEffect, PeriodFigures, PeriodInput,
    ResponseInput, SurveyResponse,
};
use rootwise_core::Result;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use super::export::save_bytes;
use super::{blocking, committed_to, pick_file, read, read_text, write};
use crate::state::{PickedContent, PickedFile};
use crate::Shared;

/// The dashboard of a range.
#[tauri::command]
pub async fn metrics_dashboard(
    shared: State<'_, Arc<Shared>>,
    query: DashboardQuery,
) -> Result<Dashboard> {
    read(&shared, move |ws| metrics::dashboard(ws.conn(), &query)).await
}

/// A problem's measures in the `weeks` weeks before and after each fix.
#[tauri::command]
pub async fn metrics_fix_effects(
    shared: State<'_, Arc<Shared>>,
    problem_id: ProblemId,
    weeks: u32,
) -> Result<Vec<FixEffect>> {
    read(&shared, move |ws| {
        metrics::fix_effects(ws.conn(), problem_id, weeks)
    })
    .await
}

/// The answers added last, or a problem's answers.
#[tauri::command]
pub async fn response_recent(
    shared: State<'_, Arc<Shared>>,
    problem_id: Option<ProblemId>,
    limit: u32,
) -> Result<Vec<SurveyResponse>> {
    read(&shared, move |ws| {
        metrics::recent_responses(ws.conn(), problem_id, limit)
    })
    .await
}

/// Adds one survey answer.
#[tauri::command]
pub async fn response_add(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    input: ResponseInput,
) -> Result<SurveyResponse> {
    write(&app, &shared, move |w| metrics::add_response(w, &input)).await
}

/// Replaces an answer's fields (its kind and CES scale stay).
#[tauri::command]
pub async fn response_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ResponseId,
    input: ResponseInput,
) -> Result<SurveyResponse> {
    write(&app, &shared, move |w| {
        metrics::edit_response(w, id, &input)
    })
    .await
}

/// Moves an answer to the trash.
#[tauri::command]
pub async fn response_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ResponseId,
) -> Result<()> {
    write(&app, &shared, move |w| metrics::delete_response(w, id)).await
}

/// Every live period's figures, the earliest first.
#[tauri::command]
pub async fn period_list(shared: State<'_, Arc<Shared>>) -> Result<Vec<PeriodFigures>> {
    read(&shared, |ws| metrics::periods(ws.conn(), None, None)).await
}

/// Adds a period's customer figures.
#[tauri::command]
pub async fn period_add(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    input: PeriodInput,
) -> Result<PeriodFigures> {
    write(&app, &shared, move |w| metrics::add_period(w, &input)).await
}

/// Replaces a period's figures.
#[tauri::command]
pub async fn period_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: PeriodId,
    input: PeriodInput,
) -> Result<PeriodFigures> {
    write(&app, &shared, move |w| metrics::edit_period(w, id, &input)).await
}

/// Moves a period's figures to the trash.
#[tauri::command]
pub async fn period_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: PeriodId,
) -> Result<()> {
    write(&app, &shared, move |w| metrics::delete_period(w, id)).await
}

/// Every live journey touchpoint, map by map: what the dashboard's filter
/// and an answer can name.
#[tauri::command]
pub async fn touchpoint_choices(shared: State<'_, Arc<Shared>>) -> Result<Vec<TouchpointRef>> {
    read(&shared, |ws| journey::all_touchpoints(ws.conn())).await
}

/// Largest survey file imported, in bytes (a year of answers with comments).
const SURVEY_FILE_MAX: u64 = 256 << 20;

/// The environment variable that names the survey file to import instead of
/// asking in the native dialog (end-to-end tests only).
const SURVEY_FILE_ENV: &str = "ROOTWISE_SURVEY_FILE";

/// A survey file picked for the import wizard: its name and header.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PickedSurveyFile {
    name: String,
    headers: Vec<String>,
}

/// Asks for a survey CSV in the native open dialog and keeps it for the
/// wizard; its header. Nothing when the user cancels.
#[tauri::command]
pub async fn survey_import_pick(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
) -> Result<Option<PickedSurveyFile>> {
    let Some(path) = pick_file(&app, SURVEY_FILE_ENV, "CSV", &["csv", "txt"]).await? else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = blocking(move || read_text(&path, SURVEY_FILE_MAX)).await?;
    let headers = import::headers(&text);
    shared.import().keep(PickedFile {
        name: name.clone(),
        content: PickedContent::Text(text.into()),
    });
    Ok(Some(PickedSurveyFile { name, headers }))
}

/// Checks every row of the kept file under `mapping`: the preview and
/// every broken rule. Writes nothing.
#[tauri::command]
pub async fn survey_import_check(
    shared: State<'_, Arc<Shared>>,
    mapping: ColumnMapping,
) -> Result<ImportCheck> {
    let file = shared.import().file()?;
    read(&shared, move |ws| {
        import::check(ws.conn(), file.text()?, &mapping)
    })
    .await
}

/// Imports the kept file's answers in one transaction, telling `progress`
/// as it goes; all rows, or the good ones when `skip_bad_rows`. Cancel
/// (`survey_import_cancel`) leaves nothing.
#[tauri::command]
pub async fn survey_import_run(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    mapping: ColumnMapping,
    skip_bad_rows: bool,
    progress: Channel<ImportProgress>,
) -> Result<ResponseImport> {
    let file = shared.import().file()?;
    let cancel = shared.import().start();
    let author = shared.settings().display_name;
    let worker = Arc::clone(&shared);
    let committed = blocking(move || {
        worker.with_workspace(|ws| {
            let mut tell = |p: ImportProgress| {
                // The page may have gone (the window closed): the import goes on.
                let _ = progress.send(p);
            };
            import::import(
                ws,
                &author,
                file.text()?,
                &mapping,
                skip_bad_rows,
                &mut tell,
                &cancel,
            )
        })
    })
    .await?;
    let outcome = committed_to(&app, committed);
    if outcome.imported > 0 {
        shared.import().clear();
    }
    Ok(outcome)
}

/// Asks the running survey import to stop; it leaves nothing behind.
#[tauri::command]
pub fn survey_import_cancel(shared: State<'_, Arc<Shared>>) {
    shared.import().cancel();
}

/// The dashboard's figures of `query`'s range as CSV in the reader's
/// words, saved where the user picks; the path, or nothing when cancelled.
#[tauri::command]
pub async fn metrics_export_csv(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    query: DashboardQuery,
    words: DashboardWords,
    name: String,
) -> Result<Option<String>> {
    let (from, to): (NaiveDate, NaiveDate) = (query.from, query.to);
    let bytes = read(&shared, move |ws| {
        let dashboard = metrics::dashboard(ws.conn(), &query)?;
        metrics::dashboard_csv(&dashboard, from, to, &words)
    })
    .await?;
    save_bytes(&app, &name, bytes).await
}
