//! Corrective actions, the problem's close-with-reason, and reminders.

use std::io::Write as _;
use std::sync::Arc;

use chrono::NaiveDate;
use rootwise_core::action::{
    self, Action, ActionDetail, ActionEdit, ActionPage, ActionProblem, ActionQuery, ActionRow,
    CauseRef, Comment, ExportFormat, ExportOutcome, ExportWords, ImportOutcome, NewAction,
    Overview, Reminder,
};
use rootwise_core::error::Rule;
use rootwise_core::ids::{ActionId, ProblemId};
use rootwise_core::problem::{self, Problem};
use rootwise_core::workflow::{self, ProblemEffect};
use rootwise_core::{Error, Result};
use tauri::{AppHandle, State};
use tauri_plugin_notification::NotificationExt;

use super::export::save_bytes;
use super::{blocking, pick_file, read, read_text, write};
use crate::Shared;

/// One page of the actions table.
#[tauri::command]
pub async fn action_list(shared: State<'_, Arc<Shared>>, query: ActionQuery) -> Result<ActionPage> {
    read(&shared, move |ws| action::query(ws.conn(), &query)).await
}

/// Every action matching the table's filters as a CSV or calendar file,
/// written by the core in the reader's words and saved where the user
/// picks. A calendar with no dated action is not written.
#[tauri::command]
pub async fn action_export(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    filters: ActionQuery,
    format: ExportFormat,
    words: ExportWords,
    name: String,
) -> Result<ExportOutcome> {
    let file = read(&shared, move |ws| {
        action::export(ws.conn(), &filters, format, &words, chrono::Utc::now())
    })
    .await?;
    if format == ExportFormat::Ics && file.events == 0 {
        return Ok(ExportOutcome::NoDates);
    }
    Ok(match save_bytes(&app, &name, file.contents).await? {
        Some(path) => ExportOutcome::Saved { path },
        None => ExportOutcome::Cancelled,
    })
}

/// A problem's actions.
#[tauri::command]
pub async fn action_for_problem(
    shared: State<'_, Arc<Shared>>,
    problem_id: ProblemId,
    today: NaiveDate,
) -> Result<Vec<ActionRow>> {
    read(&shared, move |ws| {
        action::for_problem(ws.conn(), problem_id, today)
    })
    .await
}

/// One action with its causes and comments.
#[tauri::command]
pub async fn action_get(
    shared: State<'_, Arc<Shared>>,
    id: ActionId,
    today: NaiveDate,
) -> Result<ActionDetail> {
    read(&shared, move |ws| action::detail(ws.conn(), id, today)).await
}

/// Creates an action.
#[tauri::command]
pub async fn action_create(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    input: NewAction,
) -> Result<Action> {
    write(&app, &shared, move |w| action::create(w, &input)).await
}

/// Changes one field of an action or moves its status.
#[tauri::command]
pub async fn action_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ActionId,
    edit: ActionEdit,
) -> Result<Action> {
    write(&app, &shared, move |w| workflow::edit_action(w, id, &edit)).await
}

/// Moves an action to the trash.
#[tauri::command]
pub async fn action_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ActionId,
) -> Result<()> {
    write(&app, &shared, move |w| action::delete(w, id)).await
}

/// Adds a comment to an action.
#[tauri::command]
pub async fn action_comment(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ActionId,
    body: String,
) -> Result<Comment> {
    write(&app, &shared, move |w| action::add_comment(w, id, &body)).await
}

/// The people who own actions, most first.
#[tauri::command]
pub async fn action_owners(shared: State<'_, Arc<Shared>>) -> Result<Vec<String>> {
    read(&shared, move |ws| action::owners(ws.conn())).await
}

/// The problems that have actions (the table's problem filter).
#[tauri::command]
pub async fn action_problems(shared: State<'_, Arc<Shared>>) -> Result<Vec<ActionProblem>> {
    read(&shared, move |ws| action::problems(ws.conn())).await
}

/// The overview's figures.
#[tauri::command]
pub async fn action_overview(shared: State<'_, Arc<Shared>>, today: NaiveDate) -> Result<Overview> {
    read(&shared, move |ws| action::overview(ws.conn(), today)).await
}

/// Reports per week before and after each of a problem's done actions.
#[tauri::command]
pub async fn action_effect(
    shared: State<'_, Arc<Shared>>,
    problem_id: ProblemId,
    today: NaiveDate,
) -> Result<ProblemEffect> {
    read(&shared, move |ws| {
        workflow::effect(ws.conn(), problem_id, today)
    })
    .await
}

/// The root causes a problem's actions can address.
#[tauri::command]
pub async fn action_root_causes(
    shared: State<'_, Arc<Shared>>,
    problem_id: ProblemId,
) -> Result<Vec<CauseRef>> {
    read(&shared, move |ws| {
        action::root_causes(ws.conn(), problem_id)
    })
    .await
}

/// Closes a problem, giving the reason (needed while actions are open).
#[tauri::command]
pub async fn problem_close(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ProblemId,
    reason: String,
) -> Result<Problem> {
    write(&app, &shared, move |w| {
        problem::close_with_reason(w, id, &reason)
    })
    .await
}

/// What a reminder would say today.
#[tauri::command]
pub async fn reminder_check(shared: State<'_, Arc<Shared>>, today: NaiveDate) -> Result<Reminder> {
    read(&shared, move |ws| action::reminder(ws.conn(), today)).await
}

/// Longest notification title or body accepted.
const NOTIFY_MAX: usize = 500;

/// Shows one desktop notification (the UI writes it in the user's
/// language). With `ROOTWISE_NOTIFY_LOG` set, each notification is also
/// appended to that file as a JSON line, so tests can read what was shown.
#[tauri::command]
pub async fn notify(app: AppHandle, title: String, body: String) -> Result<()> {
    if title.chars().count() > NOTIFY_MAX || body.chars().count() > NOTIFY_MAX {
        return Err(Error::invalid(
            "body",
            Rule::TooLong,
            Some(NOTIFY_MAX as u32),
        ));
    }
    if let Some(path) = std::env::var_os("ROOTWISE_NOTIFY_LOG") {
        let line = serde_json::json!({ "title": title, "body": body }).to_string();
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        writeln!(file, "{line}")?;
    }
    // No notification service (a bare session, a test display) is not an
    // error the user can act on: the reminder is also shown in the app.
    if let Err(e) = app
        .notification()
        .builder()
        .title(&title)
        .body(&body)
        .show()
    {
        eprintln!("Rootwise: could not show a notification: {e}");
    }
    Ok(())
}

/// Largest CSV file imported, in bytes.
const IMPORT_MAX: u64 = 16 << 20;

/// The environment variable that names the file to import instead of
/// asking in the native dialog (end-to-end tests only).
const IMPORT_FILE_ENV: &str = "ROOTWISE_IMPORT_FILE";

/// Asks for a CSV file in the native open dialog and imports its actions:
/// all rows, or none with every broken rule. Nothing when cancelled.
#[tauri::command]
pub async fn action_import(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
) -> Result<Option<ImportOutcome>> {
    let path = pick_file(&app, IMPORT_FILE_ENV, "CSV", &["csv", "txt"]).await?;
    let Some(path) = path else {
        return Ok(None);
    };
    let text = blocking(move || read_text(&path, IMPORT_MAX)).await?;
    write(&app, &shared, move |w| workflow::import_actions(w, &text))
        .await
        .map(Some)
}
