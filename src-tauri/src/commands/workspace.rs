//! Which workspace is open.

use std::path::PathBuf;
use std::sync::Arc;

use rootwise_core::change::{ChangeEvent, ChangeOp};
use rootwise_core::{Result, WorkspaceStatus};
use tauri::{AppHandle, Manager, State};

use super::{announce, blocking};
use crate::Shared;

/// The open workspace, or why the last open failed.
#[tauri::command]
pub async fn workspace_status(shared: State<'_, Arc<Shared>>) -> Result<WorkspaceStatus> {
    Ok(shared.status())
}

/// Opens (or creates) the workspace at a path the user chose.
#[tauri::command]
pub async fn workspace_open(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    path: PathBuf,
) -> Result<WorkspaceStatus> {
    let opener = Arc::clone(&shared);
    let opened = path.clone();
    let status = blocking(move || opener.open(&opened)).await?;
    if matches!(status, WorkspaceStatus::Open { .. }) {
        super::remember_folder(&app, &path);
    }
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&shared.window_title());
    }
    if let WorkspaceStatus::Open { path, .. } = &status {
        announce(&app, &ChangeEvent::new("workspace", path, ChangeOp::Update));
        // The workspace opened may have a hub of its own.
        if let Some(engine) = app.try_state::<Arc<crate::hub::HubSync>>() {
            engine.reset();
            engine.sync_now();
        }
    }
    Ok(status)
}

/// Where the workspace dialogs start: the folder used last, else the
/// user's documents folder, and the path a new workspace is offered there
/// (never the folder the app happened to be started from).
#[tauri::command]
pub async fn workspace_dialog_start(app: AppHandle) -> Result<(Option<String>, Option<String>)> {
    let folder = super::dialog_start(&app);
    let new_file = folder.as_deref().map(|dir| {
        rootwise_core::store::workspace_in_folder(dir)
            .display()
            .to_string()
    });
    Ok((folder.map(|dir| dir.display().to_string()), new_file))
}
