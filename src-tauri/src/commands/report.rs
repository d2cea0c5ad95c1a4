//! The root-cause report: a preview (HTML) and saving it as PDF or HTML,
//! for one problem or for every problem closed in a period. The report
//! itself is `rootwise-report`'s.

use std::sync::Arc;

use chrono::NaiveDate;
use rootwise_core::ids::ProblemId;
use rootwise_core::settings::Language;
use rootwise_core::{time, Error, Result, WorkspaceStatus};
use rootwise_report::{Format, Lang, Paper, RenderOptions};
use serde::Serialize;
use tauri::{AppHandle, State};

use super::export::pick_save_path;
use super::{blocking, read};
use crate::Shared;

/// A saved report: where.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedReport {
    path: String,
}

fn lang(language: Language) -> Lang {
    match language {
        Language::En => Lang::En,
        Language::Ar => Lang::Ar,
    }
}

fn report_error(e: rootwise_report::Error) -> Error {
    match e {
        rootwise_report::Error::Core(e) => e,
        other => Error::Internal(other.to_string()),
    }
}

/// The footer's words: the workspace's file name, the author, today.
fn options(shared: &Shared, paper: Paper) -> RenderOptions {
    let workspace = match shared.status() {
        WorkspaceStatus::Open { file_name, .. } => file_name,
        WorkspaceStatus::Failed { .. } => String::new(),
    };
    RenderOptions {
        paper,
        workspace,
        author: shared.settings().display_name,
        date: time::today_utc(),
    }
}

/// The report of a problem as HTML, to preview.
#[tauri::command]
pub async fn report_preview(
    shared: State<'_, Arc<Shared>>,
    id: ProblemId,
    language: Language,
    paper: Paper,
) -> Result<String> {
    let opts = options(&shared, paper);
    read(&shared, move |ws| {
        let report =
            rootwise_report::gather(ws.conn(), id, lang(language)).map_err(report_error)?;
        Ok(rootwise_report::problem_html(&report, &opts))
    })
    .await
}

/// Asks where, then saves the report of a problem. `None` when cancelled.
#[tauri::command]
pub async fn report_save(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ProblemId,
    language: Language,
    paper: Paper,
    format: Format,
) -> Result<Option<SavedReport>> {
    let opts = options(&shared, paper);
    let title = read(&shared, move |ws| {
        Ok(rootwise_core::problem::get_live(ws.conn(), id)?.title)
    })
    .await?;
    let name = format!(
        "{} report.{}",
        title.chars().take(80).collect::<String>(),
        format.extension()
    );
    let Some(path) = pick_save_path(&app, &name).await? else {
        return Ok(None);
    };
    let bytes = read(&shared, move |ws| {
        let report =
            rootwise_report::gather(ws.conn(), id, lang(language)).map_err(report_error)?;
        Ok(match format {
            Format::Pdf => rootwise_report::problem_pdf(&report, &opts).map_err(report_error)?,
            Format::Html => rootwise_report::problem_html(&report, &opts).into_bytes(),
        })
    })
    .await?;
    save(path, bytes).await
}

fn period(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate)> {
    let day = |field: &str, text: &str| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| Error::invalid(field, rootwise_core::error::Rule::Invalid, None))
    };
    let (from, to) = (day("from", from)?, day("to", to)?);
    if to < from {
        return Err(Error::invalid(
            "to",
            rootwise_core::error::Rule::Invalid,
            None,
        ));
    }
    Ok((from, to))
}

/// The report of the problems closed from `from` to `to` (days), as HTML.
#[tauri::command]
pub async fn report_period_preview(
    shared: State<'_, Arc<Shared>>,
    from: String,
    to: String,
    language: Language,
    paper: Paper,
) -> Result<String> {
    let (from, to) = period(&from, &to)?;
    let opts = options(&shared, paper);
    read(&shared, move |ws| {
        let report = rootwise_report::gather_period(ws.conn(), from, to, lang(language))
            .map_err(report_error)?;
        Ok(rootwise_report::period_html(&report, &opts))
    })
    .await
}

/// Asks where, then saves the report of a period. `None` when cancelled.
#[tauri::command]
pub async fn report_period_save(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    from: String,
    to: String,
    language: Language,
    paper: Paper,
    format: Format,
) -> Result<Option<SavedReport>> {
    let (from, to) = period(&from, &to)?;
    let opts = options(&shared, paper);
    let name = format!("Closed problems {from} to {to}.{}", format.extension());
    let Some(path) = pick_save_path(&app, &name).await? else {
        return Ok(None);
    };
    let bytes = read(&shared, move |ws| {
        let report = rootwise_report::gather_period(ws.conn(), from, to, lang(language))
            .map_err(report_error)?;
        Ok(match format {
            Format::Pdf => rootwise_report::period_pdf(&report, &opts).map_err(report_error)?,
            Format::Html => rootwise_report::period_html(&report, &opts).into_bytes(),
        })
    })
    .await?;
    save(path, bytes).await
}

/// Writes the file whole (a temporary file renamed), off the main thread.
async fn save(path: std::path::PathBuf, bytes: Vec<u8>) -> Result<Option<SavedReport>> {
    blocking(move || {
        let tmp = path.with_extension("part");
        std::fs::write(&tmp, &bytes)?;
        std::fs::rename(&tmp, &path)?;
        Ok(Some(SavedReport {
            path: path.display().to_string(),
        }))
    })
    .await
}
