//! Help-desk import: the wizard's file, its check and import with progress
//! and Cancel, and the column mappings saved by name.

use std::sync::Arc;

use rootwise_core::helpdesk::{
    self, HelpdeskCheck, HelpdeskFormat, HelpdeskImport, HelpdeskProgress, ImportOptions,
    SavedMapping, TicketColumns, ValueMaps,
};
use rootwise_core::ids::ImportMappingId;
use rootwise_core::{Error, Result};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use super::{blocking, committed_to, pick_file, read, write};
use crate::state::{PickedContent, PickedFile};
use crate::Shared;

/// Largest export imported, in bytes (a few years of a busy help desk).
const TICKET_FILE_MAX: u64 = 512 << 20;

/// The environment variable that names the export to import instead of
/// asking in the native dialog (end-to-end tests only; a symbolic link is
/// followed, so the wizard shows the real file's name).
const TICKET_FILE_ENV: &str = "ROOTWISE_TICKET_FILE";

/// A help-desk export picked for the wizard.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PickedTicketFile {
    name: String,
    size: u64,
}

/// Asks for a help-desk export in the native open dialog and keeps it for
/// the wizard; its name and size. Nothing when the user cancels.
#[tauri::command]
pub async fn helpdesk_import_pick(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
) -> Result<Option<PickedTicketFile>> {
    let Some(path) = pick_file(&app, TICKET_FILE_ENV, "CSV, JSON", &["csv", "json", "txt"]).await?
    else {
        return Ok(None);
    };
    let (name, path, size) = blocking(move || {
        let path = std::fs::canonicalize(&path)?;
        let size = std::fs::metadata(&path)?.len();
        if size > TICKET_FILE_MAX {
            return Err(Error::invalid(
                "file",
                rootwise_core::error::Rule::TooLong,
                None,
            ));
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Readable now, so the wizard's first check is not the one to say so.
        drop(std::fs::File::open(&path)?);
        Ok((name, path, size))
    })
    .await?;
    shared.import().keep(PickedFile {
        name: name.clone(),
        content: PickedContent::Path(path.into()),
    });
    Ok(Some(PickedTicketFile { name, size }))
}

/// The kept file under `options` (its name for history).
fn kept(shared: &Shared, mut options: ImportOptions) -> Result<(PickedFile, ImportOptions)> {
    let file = shared.import().file()?;
    options.file_name = file.name.clone();
    Ok((file, options))
}

/// Checks every ticket of the kept file under `options`: the format,
/// mapping and tables used, the preview, the suggested groups and every
/// bad row. Writes nothing.
#[tauri::command]
pub async fn helpdesk_import_check(
    shared: State<'_, Arc<Shared>>,
    options: ImportOptions,
) -> Result<HelpdeskCheck> {
    let (file, options) = kept(&shared, options)?;
    read(&shared, move |ws| {
        helpdesk::check(ws.conn(), file.path()?, &options)
    })
    .await
}

/// Imports the kept file in one transaction, telling `progress` as it
/// goes. Cancel (`helpdesk_import_cancel`) leaves nothing.
#[tauri::command]
pub async fn helpdesk_import_run(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    options: ImportOptions,
    progress: Channel<HelpdeskProgress>,
) -> Result<HelpdeskImport> {
    let (file, options) = kept(&shared, options)?;
    let cancel = shared.import().start();
    let author = shared.settings().display_name;
    let worker = Arc::clone(&shared);
    let committed = blocking(move || {
        worker.with_workspace(|ws| {
            let mut tell = |p: HelpdeskProgress| {
                // The page may have gone (the window closed): the import goes on.
                let _ = progress.send(p);
            };
            helpdesk::import(ws, &author, file.path()?, &options, &mut tell, &cancel)
        })
    })
    .await?;
    let outcome = committed_to(&app, committed);
    if outcome.problems_created + outcome.reports_added > 0 {
        shared.import().clear();
    }
    Ok(outcome)
}

/// Asks the running help-desk import to stop; it leaves nothing behind.
#[tauri::command]
pub fn helpdesk_import_cancel(shared: State<'_, Arc<Shared>>) {
    shared.import().cancel();
}

/// The saved column mappings, by name.
#[tauri::command]
pub async fn helpdesk_mapping_list(shared: State<'_, Arc<Shared>>) -> Result<Vec<SavedMapping>> {
    read(&shared, |ws| helpdesk::list_mappings(ws.conn())).await
}

/// Saves the wizard's mapping under `name` (replacing the one of that name).
#[tauri::command]
pub async fn helpdesk_mapping_save(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    name: String,
    format: HelpdeskFormat,
    columns: TicketColumns,
    values: ValueMaps,
    time_zone: Option<String>,
) -> Result<SavedMapping> {
    write(&app, &shared, move |w| {
        helpdesk::save_mapping(w, &name, format, &columns, &values, time_zone.as_deref())
    })
    .await
}

/// Moves a saved mapping to the trash.
#[tauri::command]
pub async fn helpdesk_mapping_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: ImportMappingId,
) -> Result<()> {
    write(&app, &shared, move |w| helpdesk::delete_mapping(w, id)).await
}
