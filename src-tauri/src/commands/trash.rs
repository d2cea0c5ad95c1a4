//! The trash, and the history of any entity.

use std::sync::Arc;

use rootwise_core::trash::{self, TrashItem};
use rootwise_core::Result;
use tauri::{AppHandle, State};

use super::{read, write};
use crate::Shared;

/// Everything in the trash, most recently deleted first.
#[tauri::command]
pub async fn trash_list(shared: State<'_, Arc<Shared>>) -> Result<Vec<TrashItem>> {
    read(&shared, |ws| trash::list(ws.conn())).await
}

/// Restores a trashed entity.
#[tauri::command]
pub async fn trash_restore(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    entity: String,
    id: String,
) -> Result<()> {
    write(&app, &shared, move |w| trash::restore(w, &entity, &id)).await
}

/// The history of one entity (an action, a cause, an analysis…), oldest
/// first.
#[tauri::command]
pub async fn history_list(
    shared: State<'_, Arc<Shared>>,
    entity: String,
    id: String,
) -> Result<Vec<rootwise_core::history::HistoryEntry>> {
    read(&shared, move |ws| {
        rootwise_core::history::for_entity(ws.conn(), &entity, &id)
    })
    .await
}
