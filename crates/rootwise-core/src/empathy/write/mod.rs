//! Writing empathy maps, one file per entity: [`maps`] (and the
//! private-writing round), [`notes`] (add, edit, move, group, link),
//! [`groups`], [`votes`]. Every write records history.

use rusqlite::params;

use super::model::{EmpathyMap, Note};
use super::read::{get_map, get_note};
use crate::error::{Error, Result, Rule};
use crate::ids::{MapId, NoteId, ProblemId};
use crate::store::Writer;
use crate::time;
use crate::write as v;

pub mod groups;
pub mod maps;
pub mod notes;
pub mod votes;

pub use groups::{create_group, dissolve_group, rename_group};
pub(crate) use maps::create_map_as;
pub use maps::{create_map, delete_map, edit_map, restore_map};
pub use notes::{add_note, delete_note, edit_note, restore_note};
pub use votes::{unvote, vote};

/// Longest map title.
pub const TITLE_MAX: usize = 300;

/// Longest note.
pub const NOTE_MAX: usize = 1_000;

/// Longest group label.
pub const LABEL_MAX: usize = 200;

/// Most dots a participant may be given.
pub const VOTES_MAX: u8 = 20;

/// Most causes one note supports.
pub const CAUSES_MAX: usize = 50;

pub(super) fn live_map(w: &Writer<'_>, id: MapId) -> Result<EmpathyMap> {
    let m = get_map(w.tx(), id)?;
    let trashed: bool = w.tx().query_row(
        "SELECT m.deleted_at IS NOT NULL OR p.deleted_at IS NOT NULL
         FROM empathy_maps m JOIN personas p ON p.id = m.persona_id WHERE m.id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if trashed {
        return Err(Error::Conflict(format!("map {id} is in the trash")));
    }
    Ok(m)
}

pub(super) fn live_note(w: &Writer<'_>, id: NoteId) -> Result<Note> {
    let n = get_note(w.tx(), id)?;
    let trashed: bool = w.tx().query_row(
        "SELECT deleted_at IS NOT NULL FROM empathy_notes WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if trashed {
        return Err(Error::Conflict(format!("note {id} is in the trash")));
    }
    live_map(w, n.map_id)?;
    Ok(n)
}

pub(super) fn touch_map(w: &Writer<'_>, id: MapId) -> Result<()> {
    w.tx().execute(
        "UPDATE empathy_maps SET updated_at = ?1 WHERE id = ?2",
        params![time::to_text(w.now()), id],
    )?;
    Ok(())
}

pub(super) fn live_problem(
    w: &Writer<'_>,
    field: &str,
    raw: Option<&str>,
) -> Result<Option<ProblemId>> {
    let Some(raw) = raw.filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    let invalid = || Error::invalid(field, Rule::Invalid, None);
    let id: ProblemId = raw.parse().map_err(|_| invalid())?;
    if !v::is_live(w.tx(), "problems", &id.to_string()).unwrap_or(false) {
        return Err(invalid());
    }
    Ok(Some(id))
}
