//! Empathy maps: the board, notes, groups, votes, the private round.

use std::sync::Arc;

use rootwise_core::action::CauseRef;
use rootwise_core::empathy::{
    self, Area, EmpathyMap, MapEdit, NewMap, NewNote, Note, NoteEdit, NoteGroup, NoteRef,
};
use rootwise_core::ids::{GroupId, MapId, NoteId, WhyId};
use rootwise_core::persona::MapRef;
use rootwise_core::workflow::{self, Board};
use rootwise_core::Result;
use tauri::{AppHandle, State};

use super::{read, write};
use crate::Shared;

/// Every live map, most recent first.
#[tauri::command]
pub async fn map_list(shared: State<'_, Arc<Shared>>) -> Result<Vec<MapRef>> {
    read(&shared, |ws| empathy::list_maps(ws.conn())).await
}

/// A map's board: the map, its persona, notes, groups and votes.
#[tauri::command]
pub async fn map_board(shared: State<'_, Arc<Shared>>, id: MapId) -> Result<Board> {
    read(&shared, move |ws| workflow::board(ws.conn(), id)).await
}

/// Starts a map.
#[tauri::command]
pub async fn map_create(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    input: NewMap,
) -> Result<EmpathyMap> {
    write(&app, &shared, move |w| empathy::create_map(w, &input)).await
}

/// Changes one thing about a map (its phase included).
#[tauri::command]
pub async fn map_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: MapId,
    edit: MapEdit,
) -> Result<EmpathyMap> {
    write(&app, &shared, move |w| empathy::edit_map(w, id, &edit)).await
}

/// Moves a map to the trash.
#[tauri::command]
pub async fn map_delete(app: AppHandle, shared: State<'_, Arc<Shared>>, id: MapId) -> Result<()> {
    write(&app, &shared, move |w| empathy::delete_map(w, id)).await
}

/// Adds a note.
#[tauri::command]
pub async fn note_add(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    input: NewNote,
) -> Result<Note> {
    write(&app, &shared, move |w| empathy::add_note(w, &input)).await
}

/// Changes one thing about a note: text, colour, author, place, group,
/// problem, causes.
#[tauri::command]
pub async fn note_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: NoteId,
    edit: NoteEdit,
) -> Result<Note> {
    write(&app, &shared, move |w| empathy::edit_note(w, id, &edit)).await
}

/// Moves a note to the trash.
#[tauri::command]
pub async fn note_delete(app: AppHandle, shared: State<'_, Arc<Shared>>, id: NoteId) -> Result<()> {
    write(&app, &shared, move |w| empathy::delete_note(w, id)).await
}

/// Brings a note back from the trash (undo).
#[tauri::command]
pub async fn note_restore(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: NoteId,
) -> Result<Note> {
    write(&app, &shared, move |w| empathy::restore_note(w, id)).await
}

/// The causes a note supports.
#[tauri::command]
pub async fn note_causes(shared: State<'_, Arc<Shared>>, id: NoteId) -> Result<Vec<CauseRef>> {
    read(&shared, move |ws| empathy::note_causes(ws.conn(), id)).await
}

/// The notes that support a cause.
#[tauri::command]
pub async fn why_notes(shared: State<'_, Arc<Shared>>, why_id: WhyId) -> Result<Vec<NoteRef>> {
    read(&shared, move |ws| empathy::notes_for_why(ws.conn(), why_id)).await
}

/// Groups notes of one area under a label.
#[tauri::command]
pub async fn group_create(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    map_id: MapId,
    area: Area,
    label: String,
    note_ids: Vec<NoteId>,
) -> Result<NoteGroup> {
    write(&app, &shared, move |w| {
        empathy::create_group(w, map_id, area, &label, &note_ids)
    })
    .await
}

/// Renames a group.
#[tauri::command]
pub async fn group_rename(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: GroupId,
    label: String,
) -> Result<NoteGroup> {
    write(&app, &shared, move |w| empathy::rename_group(w, id, &label)).await
}

/// Dissolves a group; its notes stay, ungrouped.
#[tauri::command]
pub async fn group_dissolve(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: GroupId,
) -> Result<()> {
    write(&app, &shared, move |w| empathy::dissolve_group(w, id)).await
}

/// Puts one of a participant's dots on a note.
#[tauri::command]
pub async fn note_vote(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: NoteId,
    voter: String,
) -> Result<Note> {
    write(&app, &shared, move |w| empathy::vote(w, id, &voter)).await
}

/// Takes back one of a participant's dots.
#[tauri::command]
pub async fn note_unvote(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: NoteId,
    voter: String,
) -> Result<Note> {
    write(&app, &shared, move |w| empathy::unvote(w, id, &voter)).await
}
