//! Personas, their quotes, picture and links to problems.

use std::sync::Arc;

use rootwise_core::empathy::{self, NoteRef};
use rootwise_core::ids::{PersonaId, ProblemId, QuoteId};
use rootwise_core::persona::{
    self, picture, MapRef, NewPersona, Persona, PersonaCard, PersonaDetail, PersonaEdit,
    PersonaRef, Quote, QuoteInput,
};
use rootwise_core::{Error, Result};
use tauri::{AppHandle, State};

use super::{pick_file, read, write};
use crate::Shared;

/// Every live persona, with its lead quote and counts.
#[tauri::command]
pub async fn persona_list(shared: State<'_, Arc<Shared>>) -> Result<Vec<PersonaCard>> {
    read(&shared, |ws| persona::list(ws.conn())).await
}

/// One persona with its quotes, problems and maps.
#[tauri::command]
pub async fn persona_get(shared: State<'_, Arc<Shared>>, id: PersonaId) -> Result<PersonaDetail> {
    read(&shared, move |ws| persona::detail(ws.conn(), id)).await
}

/// Creates a persona.
#[tauri::command]
pub async fn persona_create(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    input: NewPersona,
) -> Result<Persona> {
    write(&app, &shared, move |w| persona::create(w, &input)).await
}

/// Changes one field of a persona.
#[tauri::command]
pub async fn persona_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: PersonaId,
    edit: PersonaEdit,
) -> Result<Persona> {
    write(&app, &shared, move |w| persona::edit(w, id, &edit)).await
}

/// Moves a persona to the trash.
#[tauri::command]
pub async fn persona_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: PersonaId,
) -> Result<()> {
    write(&app, &shared, move |w| persona::delete(w, id)).await
}

/// Copies a persona's profile into a new persona (a template).
#[tauri::command]
pub async fn persona_duplicate(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: PersonaId,
    name: String,
) -> Result<Persona> {
    write(&app, &shared, move |w| persona::duplicate(w, id, &name)).await
}

/// The environment variable that names the picture to use instead of
/// asking in the native dialog (end-to-end tests only).
const PICTURE_FILE_ENV: &str = "ROOTWISE_PICTURE_FILE";

/// Asks for a PNG or JPEG in the native open dialog and stores it as the
/// persona's picture. `None` when cancelled; a file too large or not a
/// picture is refused with its rule and the persona is unchanged.
#[tauri::command]
pub async fn persona_picture_pick(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: PersonaId,
) -> Result<Option<Persona>> {
    let Some(path) =
        pick_file(&app, PICTURE_FILE_ENV, "PNG, JPEG", &["png", "jpg", "jpeg"]).await?
    else {
        return Ok(None);
    };
    let bytes = tauri::async_runtime::spawn_blocking(move || -> Result<Vec<u8>> {
        picture::check_size(std::fs::metadata(&path)?.len())?;
        Ok(std::fs::read(&path)?)
    })
    .await
    .map_err(|e| Error::Internal(format!("background task failed: {e}")))??;
    write(&app, &shared, move |w| persona::set_picture(w, id, &bytes))
        .await
        .map(Some)
}

/// Removes a persona's picture.
#[tauri::command]
pub async fn persona_picture_clear(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: PersonaId,
) -> Result<Persona> {
    write(&app, &shared, move |w| persona::clear_picture(w, id)).await
}

/// A persona's picture as a `data:` URL, if it has one.
#[tauri::command]
pub async fn persona_picture(
    shared: State<'_, Arc<Shared>>,
    id: PersonaId,
) -> Result<Option<String>> {
    read(&shared, move |ws| {
        Ok(persona::read::picture(ws.conn(), id)?.map(|p| picture::data_url(&p)))
    })
    .await
}

/// Adds a customer's words to a persona.
#[tauri::command]
pub async fn quote_add(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    persona_id: PersonaId,
    input: QuoteInput,
) -> Result<Quote> {
    write(&app, &shared, move |w| {
        persona::add_quote(w, persona_id, &input)
    })
    .await
}

/// Replaces a quote's words, source, reference and day.
#[tauri::command]
pub async fn quote_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: QuoteId,
    input: QuoteInput,
) -> Result<Quote> {
    write(&app, &shared, move |w| persona::edit_quote(w, id, &input)).await
}

/// Moves a quote to the trash.
#[tauri::command]
pub async fn quote_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: QuoteId,
) -> Result<()> {
    write(&app, &shared, move |w| persona::delete_quote(w, id)).await
}

/// Links a persona to a problem that hurts it, or removes the link.
#[tauri::command]
pub async fn persona_link_problem(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    persona_id: PersonaId,
    problem_id: ProblemId,
    linked: bool,
) -> Result<()> {
    write(&app, &shared, move |w| {
        if linked {
            persona::link_problem(w, persona_id, problem_id)
        } else {
            persona::unlink_problem(w, persona_id, problem_id)
        }
    })
    .await
}

/// The personas a problem hurts.
#[tauri::command]
pub async fn problem_personas(
    shared: State<'_, Arc<Shared>>,
    problem_id: ProblemId,
) -> Result<Vec<PersonaRef>> {
    read(&shared, move |ws| {
        persona::for_problem(ws.conn(), problem_id)
    })
    .await
}

/// The empathy maps about a problem.
#[tauri::command]
pub async fn problem_maps(
    shared: State<'_, Arc<Shared>>,
    problem_id: ProblemId,
) -> Result<Vec<MapRef>> {
    read(&shared, move |ws| {
        persona::maps_for_problem(ws.conn(), problem_id)
    })
    .await
}

/// The notes that are evidence of a problem.
#[tauri::command]
pub async fn problem_notes(
    shared: State<'_, Arc<Shared>>,
    problem_id: ProblemId,
) -> Result<Vec<NoteRef>> {
    read(&shared, move |ws| {
        empathy::notes_for_problem(ws.conn(), problem_id)
    })
    .await
}
