//! The team hub: connecting the open workspace to a hub, opening a team
//! workspace from one, the sync state, "Sync now" and disconnecting. The
//! syncing itself runs in the background ([`crate::hub`]).

use std::sync::Arc;

use rootwise_core::change::{ChangeEvent, ChangeOp};
use rootwise_core::sync::hub::{self, HubLink, HubStatus};
use rootwise_core::sync::replica;
use rootwise_core::{Error, Result, Workspace, WorkspaceStatus};
use rootwise_hub::client::{HttpTransport, HubWorkspace};
use tauri::{AppHandle, Manager, State};

use super::export::pick_save_path;
use super::{announce, blocking};
use crate::hub::HubSync;
use crate::Shared;

fn announce_hub(app: &AppHandle) {
    announce(app, &ChangeEvent::new("hub", "", ChangeOp::Update));
}

/// Where syncing with the hub stands for the open workspace.
#[tauri::command]
pub async fn hub_status(
    shared: State<'_, Arc<Shared>>,
    engine: State<'_, Arc<HubSync>>,
) -> Result<HubStatus> {
    let (shared, engine) = (Arc::clone(&shared), Arc::clone(&engine));
    blocking(move || engine.status(&shared)).await
}

/// The team workspaces the token's user belongs to on the hub at `address`
/// (checks both before anything is saved).
#[tauri::command]
pub async fn hub_workspaces(address: String, token: String) -> Result<Vec<HubWorkspace>> {
    let link = HubLink::new(&address, &token)?;
    blocking(move || HttpTransport::new(&link.address, &link.token)?.workspaces()).await
}

/// Connects the open workspace to the hub: the hub must hold it and the
/// token's user must be a member. Then it syncs.
#[tauri::command]
pub async fn hub_connect(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    engine: State<'_, Arc<HubSync>>,
    address: String,
    token: String,
) -> Result<HubStatus> {
    let link = HubLink::new(&address, &token)?;
    let (shared, engine) = (Arc::clone(&shared), Arc::clone(&engine));
    let status = blocking(move || {
        let workspace_id = shared.with_workspace(|ws| Ok(replica(ws.conn())?.workspace_id))?;
        let listed = HttpTransport::new(&link.address, &link.token)?.workspaces()?;
        if !listed.iter().any(|w| w.id == workspace_id) {
            return Err(Error::HubNotMember);
        }
        engine.links().set(&workspace_id, Some(link))?;
        engine.reset();
        engine.sync_now();
        engine.status(&shared)
    })
    .await?;
    announce_hub(&app);
    Ok(status)
}

/// Opens team workspace `workspace_id` from the hub as a new local copy:
/// asks where to keep it (a new file), makes it, opens it and syncs.
/// `None` when the user cancels the dialog.
#[tauri::command]
pub async fn hub_join(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    engine: State<'_, Arc<HubSync>>,
    address: String,
    token: String,
    workspace_id: String,
    name: String,
) -> Result<Option<WorkspaceStatus>> {
    let link = HubLink::new(&address, &token)?;
    let file = if name.trim().is_empty() {
        "Team workspace.db".to_owned()
    } else {
        format!("{}.db", name.trim())
    };
    let Some(path) = pick_save_path(&app, &file).await? else {
        return Ok(None);
    };
    let (opener, engine) = (Arc::clone(&shared), Arc::clone(&engine));
    let status = blocking(move || {
        let listed = HttpTransport::new(&link.address, &link.token)?.workspaces()?;
        if !listed.iter().any(|w| w.id == workspace_id) {
            return Err(Error::HubNotMember);
        }
        if path.exists() {
            return Err(Error::HubJoinNeedsNewFile { path: path.clone() });
        }
        {
            let mut ws = Workspace::open(&path)?;
            hub::adopt(&mut ws, &workspace_id)?;
        }
        engine.links().set(&workspace_id, Some(link))?;
        let status = opener.open(&path)?;
        engine.reset();
        engine.sync_now();
        Ok(status)
    })
    .await?;
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&shared.window_title());
    }
    if let WorkspaceStatus::Open { path, .. } = &status {
        announce(&app, &ChangeEvent::new("workspace", path, ChangeOp::Update));
    }
    announce_hub(&app);
    Ok(Some(status))
}

/// Syncs now.
#[tauri::command]
pub async fn hub_sync_now(engine: State<'_, Arc<HubSync>>) -> Result<()> {
    engine.sync_now();
    Ok(())
}

/// Disconnects the open workspace from its hub (its changes stay here; a
/// later connect sends what the hub lacks).
#[tauri::command]
pub async fn hub_disconnect(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    engine: State<'_, Arc<HubSync>>,
) -> Result<HubStatus> {
    let (shared, engine) = (Arc::clone(&shared), Arc::clone(&engine));
    let status = blocking(move || {
        let workspace_id = shared.with_workspace(|ws| Ok(replica(ws.conn())?.workspace_id))?;
        engine.links().set(&workspace_id, None)?;
        engine.reset();
        engine.status(&shared)
    })
    .await?;
    announce_hub(&app);
    Ok(status)
}
