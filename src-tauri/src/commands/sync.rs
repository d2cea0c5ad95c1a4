//! Copies of a workspace: exporting the changes another copy has not seen,
//! merging a change file, making a copy for a workshop laptop, and the
//! review of what merges overwrote.

use std::sync::Arc;

use rootwise_core::change::{ChangeEvent, ChangeOp};
use rootwise_core::sync::copy::{self, CopiesStatus};
use rootwise_core::sync::merge::{merge_file, MergeSummary};
use rootwise_core::sync::review::{self, ReviewItem};
use rootwise_core::sync::{file, replica, Replica};
use rootwise_core::{Error, Result};
use serde::Serialize;
use tauri::{AppHandle, State};

use super::export::pick_save_path;
use super::{announce, blocking, pick_file, read, write};
use crate::Shared;

/// The extension of a change file.
const EXTENSION: &str = "rootwise-changes";
/// The largest change file read, in bytes.
const CHANGE_FILE_MAX: u64 = 1 << 30;
/// "Merge changes…" reads this file instead of asking (end-to-end tests).
const CHANGES_FILE_ENV: &str = "ROOTWISE_CHANGES_FILE";

/// This copy, the copies it knows and how many review entries wait.
#[tauri::command]
pub async fn copies_status(shared: State<'_, Arc<Shared>>) -> Result<CopiesStatus> {
    read(&shared, |ws| copy::status(ws.conn())).await
}

/// Names this copy.
#[tauri::command]
pub async fn copy_rename(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    name: String,
) -> Result<Replica> {
    let renamed = read(&shared, move |ws| copy::set_name(ws.conn(), &name)).await?;
    announce_copies(&app);
    Ok(renamed)
}

/// Tells the UI that what is known of the copies changed.
fn announce_copies(app: &AppHandle) {
    announce(app, &ChangeEvent::new("copies", "", ChangeOp::Update));
}

/// Tells the UI that anything in the workspace may have changed (a merge).
fn announce_workspace(app: &AppHandle) {
    announce(app, &ChangeEvent::new("workspace", "", ChangeOp::Update));
}

/// A written change file: where, and how many changes it holds.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedChanges {
    path: String,
    count: u32,
}

/// A file name from a copy's name: letters and digits kept, the rest dashes.
fn slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug.trim_matches('-').to_owned();
    if slug.is_empty() {
        "rootwise".into()
    } else {
        slug
    }
}

/// Writes the changes copy `for_replica` has not seen (all of this
/// copy's changes when `None`) to a file the user picks.
#[tauri::command]
pub async fn changes_export(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    for_replica: Option<String>,
) -> Result<Option<ExportedChanges>> {
    let (bytes, count, me) = read(&shared, move |ws| {
        let me = replica(ws.conn())?;
        let bytes = copy::export_for(ws.conn(), for_replica.as_deref())?;
        let (manifest, _) = file::read(&bytes, &me.workspace_id)?;
        Ok((bytes, manifest.count, me))
    })
    .await?;
    let today = rootwise_core::time::today_utc();
    let name = format!("{}-{today}.{EXTENSION}", slug(&me.name));
    let Some(path) = pick_save_path(&app, &name).await? else {
        return Ok(None);
    };
    let target = path.clone();
    blocking(move || {
        let tmp = target.with_extension("part");
        std::fs::write(&tmp, &bytes)?;
        std::fs::rename(&tmp, &target)?;
        Ok(())
    })
    .await?;
    Ok(Some(ExportedChanges {
        path: path.display().to_string(),
        count,
    }))
}

/// Asks for a change file and merges it: all of it or, when anything is
/// wrong with it, nothing. `None` when the user cancelled.
#[tauri::command]
pub async fn changes_merge(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
) -> Result<Option<MergeSummary>> {
    let Some(path) = pick_file(&app, CHANGES_FILE_ENV, "Rootwise changes", &[EXTENSION]).await?
    else {
        return Ok(None);
    };
    let shared = Arc::clone(&shared);
    let author = shared.settings().display_name;
    let merged = blocking(move || {
        let size = std::fs::metadata(&path)?.len();
        if size > CHANGE_FILE_MAX {
            return Err(Error::ChangeFileDamaged {
                reason: format!("it is {size} bytes, more than a change file can be"),
            });
        }
        let bytes = std::fs::read(&path)?;
        shared.with_workspace(|ws| merge_file(ws, &author, &bytes))
    })
    .await?;
    for change in &merged.changes {
        announce(&app, change);
    }
    Ok(Some(merged.summary))
}

/// A copy written for a workshop: where, and who it is.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CopiedWorkspace {
    path: String,
    replica: Replica,
}

/// Writes a copy of the workspace for a workshop laptop, named `name`, to
/// a file the user picks. `None` when the user cancelled.
#[tauri::command]
pub async fn workspace_copy(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    name: String,
) -> Result<Option<CopiedWorkspace>> {
    let suggested = format!("{}.db", slug(&name));
    let Some(path) = pick_save_path(&app, &suggested).await? else {
        return Ok(None);
    };
    let shared = Arc::clone(&shared);
    let made = blocking(move || {
        shared.with_workspace(|ws| {
            if ws.path().is_some_and(|open| open == path) {
                return Err(Error::Conflict(
                    "a copy cannot replace the workspace it is made from".into(),
                ));
            }
            // Made beside the chosen file, then moved over it (the dialog
            // already asked whether to replace one that is there).
            let tmp = path.with_extension("part");
            if tmp.exists() {
                std::fs::remove_file(&tmp)?;
            }
            let replica = copy::copy_for_workshop(ws, &tmp, &name)?;
            std::fs::rename(&tmp, &path)?;
            Ok(Some(CopiedWorkspace {
                path: path.display().to_string(),
                replica,
            }))
        })
    })
    .await?;
    announce_copies(&app);
    Ok(made)
}

/// What merges overwrote; open entries only unless `all`.
#[tauri::command]
pub async fn merge_review_list(
    shared: State<'_, Arc<Shared>>,
    all: bool,
) -> Result<Vec<ReviewItem>> {
    read(&shared, move |ws| review::list(ws.conn(), all)).await
}

/// Brings back the version a merge set aside.
#[tauri::command]
pub async fn merge_review_bring_back(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: i64,
) -> Result<()> {
    write(&app, &shared, move |w| review::bring_back(w, id)).await?;
    announce_workspace(&app);
    Ok(())
}

/// Leaves an entry as merged.
#[tauri::command]
pub async fn merge_review_dismiss(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: i64,
) -> Result<()> {
    write(&app, &shared, move |w| review::dismiss(w, id)).await?;
    announce_copies(&app);
    Ok(())
}
