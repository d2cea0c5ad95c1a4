//! Journey maps: the list with reviews due, a map's grid, and the writes
//! on maps, stages, touchpoints and lane cards; the pain overlay and a
//! touchpoint's problems.

use std::sync::Arc;

use chrono::NaiveDate;
use rootwise_core::action::{Action, NewAction};
use rootwise_core::ids::{CardId, JourneyId, NoteId, ProblemId, QuoteId, StageId, TouchpointId};
use rootwise_core::journey::{
    self, Card, JourneyCard, JourneyEdit, JourneyGrid, JourneyMap, Lane, MarkdownLabels,
    MatchOutcome, NewJourney, NewTouchpoint, PainQuery, Stage, Touchpoint, TouchpointEdit,
    TouchpointPain, TouchpointProblem,
};
use rootwise_core::{workflow, Result};
use tauri::{AppHandle, State};

use super::export::save_bytes;
use super::{read, write};
use crate::Shared;

/// Every live map with its counts and when its review is due (`today` is
/// the user's calendar day).
#[tauri::command]
pub async fn journey_list(
    shared: State<'_, Arc<Shared>>,
    today: NaiveDate,
) -> Result<Vec<JourneyCard>> {
    read(&shared, move |ws| journey::list_maps(ws.conn(), today)).await
}

/// A map as its grid: stages, touchpoints, lane cards and the curve.
#[tauri::command]
pub async fn journey_grid(shared: State<'_, Arc<Shared>>, id: JourneyId) -> Result<JourneyGrid> {
    read(&shared, move |ws| journey::grid(ws.conn(), id)).await
}

/// Each touchpoint's problems, reports in the period, highest severity
/// and whether every problem has a verified fix.
#[tauri::command]
pub async fn journey_pain(
    shared: State<'_, Arc<Shared>>,
    id: JourneyId,
    query: PainQuery,
) -> Result<Vec<TouchpointPain>> {
    read(&shared, move |ws| {
        journey::pain_overlay(ws.conn(), id, &query)
    })
    .await
}

/// A touchpoint's problems.
#[tauri::command]
pub async fn touchpoint_problems(
    shared: State<'_, Arc<Shared>>,
    id: TouchpointId,
) -> Result<Vec<TouchpointProblem>> {
    read(&shared, move |ws| {
        journey::touchpoint_problems(ws.conn(), id)
    })
    .await
}

/// Creates a map (with the starting stages in a language, when asked).
#[tauri::command]
pub async fn journey_create(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    input: NewJourney,
) -> Result<JourneyMap> {
    write(&app, &shared, move |w| journey::create_map(w, &input)).await
}

/// Changes one field of a map.
#[tauri::command]
pub async fn journey_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: JourneyId,
    edit: JourneyEdit,
) -> Result<JourneyMap> {
    write(&app, &shared, move |w| journey::edit_map(w, id, &edit)).await
}

/// Records that the map was reviewed today.
#[tauri::command]
pub async fn journey_reviewed(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: JourneyId,
) -> Result<JourneyMap> {
    write(&app, &shared, move |w| journey::mark_reviewed(w, id)).await
}

/// Pins an empathy note to a touchpoint, or unpins it.
#[tauri::command]
pub async fn touchpoint_pin_note(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: TouchpointId,
    note_id: NoteId,
    pinned: bool,
) -> Result<()> {
    write(&app, &shared, move |w| {
        if pinned {
            journey::pin_note(w, id, note_id)
        } else {
            journey::unpin_note(w, id, note_id)
        }
    })
    .await
}

/// Pins a persona's quote to a touchpoint, or unpins it.
#[tauri::command]
pub async fn touchpoint_pin_quote(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: TouchpointId,
    quote_id: QuoteId,
    pinned: bool,
) -> Result<()> {
    write(&app, &shared, move |w| {
        if pinned {
            journey::pin_quote(w, id, quote_id)
        } else {
            journey::unpin_quote(w, id, quote_id)
        }
    })
    .await
}

/// Makes a future ("to be") map named `name` from a current one: its
/// personas, stages, touchpoints with their emotions, and cards.
#[tauri::command]
pub async fn journey_future(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: JourneyId,
    name: String,
) -> Result<JourneyMap> {
    write(&app, &shared, move |w| {
        journey::future_from_current(w, id, &name)
    })
    .await
}

/// What linking problems by their journey stage text would do: how many
/// would be linked, how many name nothing on the map.
#[tauri::command]
pub async fn journey_match_preview(
    shared: State<'_, Arc<Shared>>,
    id: JourneyId,
) -> Result<MatchOutcome> {
    read(&shared, move |ws| {
        journey::preview_matching_problems(ws.conn(), id)
    })
    .await
}

/// Links the problems whose journey stage text names a touchpoint or
/// stage of the map (their text stays as it was).
#[tauri::command]
pub async fn journey_match_link(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: JourneyId,
) -> Result<MatchOutcome> {
    write(&app, &shared, move |w| {
        journey::link_matching_problems(w, id)
    })
    .await
}

/// Makes a corrective action on a problem from an opportunity card; the
/// card remembers it.
#[tauri::command]
pub async fn card_make_action(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: CardId,
    input: NewAction,
) -> Result<Action> {
    write(&app, &shared, move |w| {
        workflow::action_from_opportunity(w, id, &input)
    })
    .await
}

/// Moves a map to the trash (all of it comes back with it).
#[tauri::command]
pub async fn journey_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: JourneyId,
) -> Result<()> {
    write(&app, &shared, move |w| journey::delete_map(w, id)).await
}

/// Adds a stage before `before` (at the end without).
#[tauri::command]
pub async fn stage_add(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    map_id: JourneyId,
    name: String,
    before: Option<StageId>,
) -> Result<Stage> {
    write(&app, &shared, move |w| {
        journey::add_stage(w, map_id, &name, before)
    })
    .await
}

/// Renames a stage.
#[tauri::command]
pub async fn stage_rename(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: StageId,
    name: String,
) -> Result<Stage> {
    write(&app, &shared, move |w| journey::rename_stage(w, id, &name)).await
}

/// Moves a stage before `before` (to the end without).
#[tauri::command]
pub async fn stage_move(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: StageId,
    before: Option<StageId>,
) -> Result<Stage> {
    write(&app, &shared, move |w| journey::move_stage(w, id, before)).await
}

/// Moves a stage to the trash; one with touchpoints only when
/// `with_touchpoints` (they go, and come back, with it).
#[tauri::command]
pub async fn stage_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: StageId,
    with_touchpoints: bool,
) -> Result<()> {
    write(&app, &shared, move |w| {
        journey::delete_stage(w, id, with_touchpoints)
    })
    .await
}

/// Adds a touchpoint at the end of its stage.
#[tauri::command]
pub async fn touchpoint_add(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    input: NewTouchpoint,
) -> Result<Touchpoint> {
    write(&app, &shared, move |w| journey::add_touchpoint(w, &input)).await
}

/// Changes one field of a touchpoint.
#[tauri::command]
pub async fn touchpoint_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: TouchpointId,
    edit: TouchpointEdit,
) -> Result<Touchpoint> {
    write(&app, &shared, move |w| {
        journey::edit_touchpoint(w, id, &edit)
    })
    .await
}

/// Moves a touchpoint into `stage`, before `before` (to its end without).
#[tauri::command]
pub async fn touchpoint_move(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: TouchpointId,
    stage_id: StageId,
    before: Option<TouchpointId>,
) -> Result<Touchpoint> {
    write(&app, &shared, move |w| {
        journey::move_touchpoint(w, id, stage_id, before)
    })
    .await
}

/// Moves a touchpoint to the trash.
#[tauri::command]
pub async fn touchpoint_delete(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: TouchpointId,
) -> Result<()> {
    write(&app, &shared, move |w| journey::delete_touchpoint(w, id)).await
}

/// Links a problem to a touchpoint.
#[tauri::command]
pub async fn touchpoint_link_problem(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: TouchpointId,
    problem_id: ProblemId,
    linked: bool,
) -> Result<()> {
    write(&app, &shared, move |w| {
        if linked {
            journey::link_problem(w, id, problem_id)
        } else {
            journey::unlink_problem(w, id, problem_id)
        }
    })
    .await
}

/// Adds a text card to a stage's lane.
#[tauri::command]
pub async fn card_add(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    stage_id: StageId,
    lane: Lane,
    text: String,
) -> Result<Card> {
    write(&app, &shared, move |w| {
        journey::add_card(w, stage_id, lane, &text)
    })
    .await
}

/// Changes a card's text.
#[tauri::command]
pub async fn card_edit(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: CardId,
    text: String,
) -> Result<Card> {
    write(&app, &shared, move |w| journey::edit_card(w, id, &text)).await
}

/// Moves a card to the cell of `stage_id` and `lane`, before `before` (a
/// card of that cell) or last.
#[tauri::command]
pub async fn card_move(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: CardId,
    stage_id: StageId,
    lane: Lane,
    before: Option<CardId>,
) -> Result<Card> {
    write(&app, &shared, move |w| {
        journey::move_card(w, id, (stage_id, lane), before)
    })
    .await
}

/// Moves a card to the trash.
#[tauri::command]
pub async fn card_delete(app: AppHandle, shared: State<'_, Arc<Shared>>, id: CardId) -> Result<()> {
    write(&app, &shared, move |w| journey::delete_card(w, id)).await
}

/// The map's content as Markdown in the reader's words, saved where the
/// user picks; the path, or nothing when cancelled.
#[tauri::command]
pub async fn journey_markdown(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    id: JourneyId,
    labels: MarkdownLabels,
    name: String,
) -> Result<Option<String>> {
    let text = read(&shared, move |ws| journey::markdown(ws.conn(), id, &labels)).await?;
    save_bytes(&app, &name, text.into_bytes()).await
}

/// How many live maps are due for review as of `today` (the reminder's
/// figure).
#[tauri::command]
pub async fn journey_reviews_due(shared: State<'_, Arc<Shared>>, today: NaiveDate) -> Result<u32> {
    read(&shared, move |ws| journey::reviews_due(ws.conn(), today)).await
}
