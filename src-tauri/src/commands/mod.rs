//! Tauri commands, one module per area. Each command is a thin adapter:
//! it runs the core on a blocking thread and maps nothing but the types.

pub mod action;
pub mod analysis;
pub mod empathy;
pub mod export;
pub mod helpdesk;
pub mod hub;
pub mod journey;
pub mod metrics;
pub mod persona;
pub mod problem;
pub mod report;
pub mod settings;
pub mod sync;
pub mod trash;
pub mod workspace;

use std::sync::Arc;

use rootwise_core::change::ChangeEvent;
use rootwise_core::store::Writer;
use rootwise_core::{Error, Result, Workspace};
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::{Shared, CHANGE_EVENT};

/// Runs blocking work off the main thread.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| Error::Internal(format!("background task failed: {e}")))?
}

/// Reads from the open workspace.
pub(crate) async fn read<T: Send + 'static>(
    shared: &Arc<Shared>,
    f: impl FnOnce(&Workspace) -> Result<T> + Send + 'static,
) -> Result<T> {
    let shared = Arc::clone(shared);
    blocking(move || shared.with_workspace(|ws| f(ws))).await
}

/// Writes to the open workspace as the current user, then announces every
/// committed change.
pub(crate) async fn write<T: Send + 'static>(
    app: &AppHandle,
    shared: &Arc<Shared>,
    f: impl FnOnce(&mut Writer<'_>) -> Result<T> + Send + 'static,
) -> Result<T> {
    let shared = Arc::clone(shared);
    let author = shared.settings().display_name;
    let committed = blocking(move || shared.with_workspace(|ws| ws.write(&author, f))).await?;
    Ok(committed_to(app, committed))
}

/// Announces a committed write's changes (and tells the hub's sync that
/// there is something to send); its value.
pub(crate) fn committed_to<T>(app: &AppHandle, committed: rootwise_core::store::Committed<T>) -> T {
    for change in &announced(&committed.changes) {
        announce(app, change);
    }
    if !committed.changes.is_empty() {
        if let Some(engine) = app.try_state::<Arc<crate::hub::HubSync>>() {
            engine.wrote();
        }
    }
    committed.value
}

/// Most events one write announces one by one; a bulk write (an import of
/// 50,000 tickets) announces one event per kind of entity and operation
/// instead, since pages refresh by kind, not by row.
const EVENTS_ONE_BY_ONE: usize = 64;

/// The events to announce for a write's `changes`.
fn announced(changes: &[ChangeEvent]) -> Vec<ChangeEvent> {
    if changes.len() <= EVENTS_ONE_BY_ONE {
        return changes.to_vec();
    }
    let mut kinds: Vec<ChangeEvent> = Vec::new();
    for change in changes {
        if !kinds
            .iter()
            .any(|k| k.entity == change.entity && k.op == change.op)
        {
            kinds.push(ChangeEvent {
                entity: change.entity.clone(),
                id: String::new(),
                op: change.op,
            });
        }
    }
    kinds
}

/// Emits one `workspace-changed` event.
pub(crate) fn announce(app: &AppHandle, change: &ChangeEvent) {
    if let Err(e) = app.emit(CHANGE_EVENT, change) {
        eprintln!("Rootwise: could not announce a change: {e}");
    }
}

/// Reads a picked file as UTF-8 text, refusing one larger than `max`
/// bytes or not UTF-8 (errors on the field `file`).
pub(crate) fn read_text(path: &std::path::Path, max: u64) -> Result<String> {
    if std::fs::metadata(path)?.len() > max {
        return Err(Error::invalid(
            "file",
            rootwise_core::error::Rule::TooLong,
            None,
        ));
    }
    String::from_utf8(std::fs::read(path)?)
        .map_err(|_| Error::invalid("file", rootwise_core::error::Rule::Invalid, None))
}

/// Asks for one file in the native open dialog, filtered to `extensions`.
/// When the environment variable `env` names a file (end-to-end tests,
/// which cannot click a native dialog), that file is used instead.
/// `None` when the user cancels.
pub(crate) async fn pick_file(
    app: &AppHandle,
    env: &str,
    filter: &str,
    extensions: &[&str],
) -> Result<Option<std::path::PathBuf>> {
    if let Some(p) = std::env::var_os(env).filter(|p| !p.is_empty()) {
        return Ok(Some(std::path::PathBuf::from(p)));
    }
    let mut dialog = app.dialog().file().add_filter(filter, extensions);
    if let Some(dir) = dialog_start(app) {
        dialog = dialog.set_directory(dir);
    }
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|e| Error::Internal(format!("open dialog failed: {e}")))?
        .map(|p| p.into_path())
        .transpose()
        .map_err(|e| Error::Internal(format!("unusable path: {e}")))?;
    if let Some(path) = &picked {
        remember_folder(app, path);
    }
    Ok(picked)
}

/// Where a file dialog opens: the folder used last, else the user's
/// documents folder (never the folder the app happened to start from).
pub(crate) fn dialog_start(app: &AppHandle) -> Option<std::path::PathBuf> {
    let documents = app
        .path()
        .document_dir()
        .or_else(|_| app.path().home_dir())
        .ok();
    app.state::<Arc<Shared>>().recent_folder().start(documents)
}

/// Remembers the folder of a file the user just picked or saved to; a
/// failure only costs the convenience, so it is reported and ignored.
pub(crate) fn remember_folder(app: &AppHandle, file: &std::path::Path) {
    let shared = app.state::<Arc<Shared>>();
    if let Err(e) = shared.recent_folder().remember(file) {
        eprintln!("Rootwise: the folder used could not be remembered ({e})");
    }
}

#[cfg(test)]
mod tests {
    use rootwise_core::change::{ChangeEvent, ChangeOp};

    use super::{announced, EVENTS_ONE_BY_ONE};

    #[test]
    fn a_bulk_write_announces_one_event_per_kind() {
        let few: Vec<ChangeEvent> = (0..3)
            .map(|i| ChangeEvent::new("problem", i, ChangeOp::Create))
            .collect();
        assert_eq!(announced(&few), few);
        let mut many: Vec<ChangeEvent> = (0..EVENTS_ONE_BY_ONE * 10)
            .map(|i| ChangeEvent::new("problem", i, ChangeOp::Create))
            .collect();
        many.push(ChangeEvent::new("problem", "x", ChangeOp::Update));
        many.push(ChangeEvent::new("survey_response", "y", ChangeOp::Create));
        assert_eq!(
            announced(&many),
            vec![
                ChangeEvent::new("problem", "", ChangeOp::Create),
                ChangeEvent::new("problem", "", ChangeOp::Update),
                ChangeEvent::new("survey_response", "", ChangeOp::Create),
            ]
        );
    }
}
