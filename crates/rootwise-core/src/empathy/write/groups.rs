//! Groups of notes: create, rename, dissolve; placing a note in a group.

use rusqlite::params;
use rusqlite::types::Value;

use super::*;
use crate::change::ChangeOp;
use crate::empathy::model::{Area, Note, NoteEdit, NoteGroup};
use crate::empathy::read::{get_group, get_note};
use crate::empathy::{GROUP, NOTE};
use crate::error::{Error, Result, Rule};
use crate::ids::{GroupId, MapId, NoteId};
use crate::store::Writer;
use crate::time;
use crate::write::{self as v, write_field};

pub(super) fn live_group(w: &Writer<'_>, map: MapId, raw: &str) -> Result<NoteGroup> {
    let invalid = || Error::invalid("groupId", Rule::Invalid, None);
    let id: GroupId = raw.parse().map_err(|_| invalid())?;
    let g = get_group(w.tx(), id).map_err(|_| invalid())?;
    let live: bool = w.tx().query_row(
        "SELECT deleted_at IS NULL FROM empathy_groups WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if g.map_id != map || !live {
        return Err(invalid());
    }
    Ok(g)
}

/// Places a note just after the last other member of `group`, so the
/// order of an area keeps each group's notes together.
fn place_in_group(w: &Writer<'_>, note: NoteId, group: GroupId) -> Result<()> {
    let last: Option<f64> = w.tx().query_row(
        "SELECT max(position) FROM empathy_notes
         WHERE group_id = ?1 AND id <> ?2 AND deleted_at IS NULL",
        params![group, note],
        |r| r.get(0),
    )?;
    let Some(last) = last else {
        return Ok(());
    };
    let next: Option<f64> = w.tx().query_row(
        "SELECT min(n.position) FROM empathy_notes n JOIN empathy_notes me ON me.id = ?2
         WHERE n.map_id = me.map_id AND n.area = me.area AND n.deleted_at IS NULL
           AND n.id <> ?2 AND n.position > ?1",
        params![last, note],
        |r| r.get(0),
    )?;
    let pos = next.map_or(last + 1.0, |n| (last + n) / 2.0);
    w.tx().execute(
        "UPDATE empathy_notes SET position = ?1 WHERE id = ?2",
        params![pos, note],
    )?;
    Ok(())
}

pub(super) fn set_group(w: &mut Writer<'_>, note: &Note, group: Option<GroupId>) -> Result<bool> {
    if let Some(g) = group.filter(|g| note.group_id != Some(*g)) {
        place_in_group(w, note.id, g)?;
    }
    let (old, new) = (
        note.group_id.map(|g| g.to_string()),
        group.map(|g| g.to_string()),
    );
    write_field(
        w,
        ("empathy_notes", NOTE, &note.id.to_string()),
        ("group", "group_id"),
        (old.as_deref(), new.as_deref()),
        new.clone().map_or(Value::Null, Value::Text),
    )
}

/// Groups notes of one area of a live map under a label. Notes from
/// another area move into the group's area.
pub fn create_group(
    w: &mut Writer<'_>,
    map: MapId,
    area: Area,
    label: &str,
    notes: &[NoteId],
) -> Result<NoteGroup> {
    live_map(w, map)?;
    let label = v::line("label", label, LABEL_MAX, true)?;
    let id = GroupId::new();
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO empathy_groups (id, map_id, area, label, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id, map, area, label, now],
    )?;
    w.record(
        GROUP,
        &id.to_string(),
        ChangeOp::Create,
        Some("label"),
        None,
        Some(&label),
    )?;
    for note in notes {
        let n = live_note(w, *note)?;
        if n.map_id != map {
            return Err(Error::invalid("notes", Rule::Invalid, None));
        }
        edit_note(w, *note, &NoteEdit::Group(Some(id.to_string())))?;
    }
    touch_map(w, map)?;
    get_group(w.tx(), id)
}

/// Renames a group.
pub fn rename_group(w: &mut Writer<'_>, id: GroupId, label: &str) -> Result<NoteGroup> {
    let g = get_group(w.tx(), id)?;
    live_map(w, g.map_id)?;
    let label = v::line("label", label, LABEL_MAX, true)?;
    write_field(
        w,
        ("empathy_groups", GROUP, &id.to_string()),
        ("label", "label"),
        (Some(&g.label), Some(&label)),
        Value::Text(label.clone()),
    )?;
    get_group(w.tx(), id)
}

/// Dissolves a group: its notes stay where they are, ungrouped.
pub fn dissolve_group(w: &mut Writer<'_>, id: GroupId) -> Result<()> {
    let g = get_group(w.tx(), id)?;
    live_map(w, g.map_id)?;
    let members: Vec<NoteId> = {
        let mut stmt = w
            .tx()
            .prepare_cached("SELECT id FROM empathy_notes WHERE group_id = ?1")?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for note in members {
        let n = get_note(w.tx(), note)?;
        set_group(w, &n, None)?;
    }
    let now = time::to_text(w.now());
    w.tx().execute(
        "UPDATE empathy_groups SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2",
        params![now, id],
    )?;
    w.record(
        GROUP,
        &id.to_string(),
        ChangeOp::Delete,
        Some("label"),
        Some(&g.label),
        None,
    )?;
    touch_map(w, g.map_id)
}
