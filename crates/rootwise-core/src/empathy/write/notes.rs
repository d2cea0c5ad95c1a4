//! Notes: add, edit (text, author, colour, area and place, group, the
//! causes it supports, the problem), delete, restore.

use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension};

use super::groups::{live_group, set_group};
use super::votes::drop_votes_over_allowance;
use super::*;
use crate::change::ChangeOp;
use crate::empathy::model::{Area, NewNote, Note, NoteEdit, Phase};
use crate::empathy::read::{get_map, get_note};
use crate::empathy::NOTE;
use crate::error::{Checks, Error, Result, Rule};
use crate::ids::{MapId, NoteId, WhyId};
use crate::store::Writer;
use crate::write::{self as v, write_field};
use crate::{time, trash};

/// The position for a note placed in `area` before `before` (or last).
fn position(w: &Writer<'_>, map: MapId, area: Area, before: Option<&Note>) -> Result<f64> {
    let pos: Option<f64> = match before {
        None => w.tx().query_row(
            "SELECT max(position) + 1 FROM empathy_notes
             WHERE map_id = ?1 AND area = ?2 AND deleted_at IS NULL",
            params![map, area],
            |r| r.get(0),
        )?,
        Some(next) => {
            let prev: Option<f64> = w.tx().query_row(
                "SELECT max(position) FROM empathy_notes
                 WHERE map_id = ?1 AND area = ?2 AND deleted_at IS NULL AND position < ?3",
                params![map, area, next.position],
                |r| r.get(0),
            )?;
            Some(prev.map_or(next.position - 1.0, |p| (p + next.position) / 2.0))
        }
    };
    Ok(pos.unwrap_or(1.0))
}

/// Adds a note to a live map. In a private-writing round it stays hidden
/// until the round is revealed. An empty note is refused.
pub fn add_note(w: &mut Writer<'_>, input: &NewNote) -> Result<Note> {
    let map_id: MapId = input
        .map_id
        .parse()
        .map_err(|_| Error::invalid("mapId", Rule::Required, None))?;
    let map = live_map(w, map_id)?;
    let text = v::text("text", &input.text, NOTE_MAX, true);
    let author = v::line(
        "author",
        input.author.as_deref().unwrap_or_default(),
        v::SHORT_TEXT_MAX,
        false,
    );
    let group = input
        .group_id
        .as_deref()
        .map(|g| live_group(w, map_id, g))
        .transpose();
    let mut c = Checks::new();
    c.note(&text);
    c.note(&author);
    c.note(&group);
    c.finish()?;
    let (text, author, group) = (text?, author?, group?);
    let area = group.as_ref().map_or(input.area, |g| g.area);
    let colour = input.colour.unwrap_or(crate::empathy::NoteColour::Yellow);
    let hidden = map.phase == Phase::Private;

    let id = NoteId::new();
    let now = time::to_text(w.now());
    let pos = position(w, map_id, area, None)?;
    w.tx().execute(
        "INSERT INTO empathy_notes (id, map_id, area, position, text, colour, author, group_id,
            hidden, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            id,
            map_id,
            area,
            pos,
            text,
            colour,
            author,
            group.as_ref().map(|g| g.id),
            hidden,
            now
        ],
    )?;
    touch_map(w, map_id)?;
    let key = id.to_string();
    w.record(NOTE, &key, ChangeOp::Create, None, None, None)?;
    for (field, value) in [
        ("text", Some(text)),
        ("area", Some(area.as_str().to_owned())),
        ("colour", Some(colour.as_str().to_owned())),
        ("author", Some(author).filter(|a| !a.is_empty())),
        ("hidden", hidden.then(|| "true".to_owned())),
    ] {
        if let Some(value) = value {
            w.record(
                NOTE,
                &key,
                ChangeOp::Create,
                Some(field),
                None,
                Some(&value),
            )?;
        }
    }
    get_note(w.tx(), id)
}

fn cause_list_text(ids: &[WhyId]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Live causes in live analyses, without repeats. A cause already linked
/// (`kept`) stays acceptable after it went to the trash, so the other links
/// can still be edited.
fn causes(w: &Writer<'_>, ids: &[String], kept: &[WhyId]) -> Result<Vec<WhyId>> {
    let invalid = || Error::invalid("causeIds", Rule::Invalid, None);
    let mut out: Vec<WhyId> = Vec::new();
    for raw in ids {
        let id: WhyId = raw.parse().map_err(|_| invalid())?;
        if kept.contains(&id) {
            if !out.contains(&id) {
                out.push(id);
            }
            continue;
        }
        let live: Option<bool> = w
            .tx()
            .query_row(
                "SELECT n.deleted_at IS NULL AND a.deleted_at IS NULL
                 FROM why_nodes n JOIN analyses a ON a.id = n.analysis_id WHERE n.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        if live != Some(true) {
            return Err(invalid());
        }
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.len() > CAUSES_MAX {
        return Err(Error::invalid(
            "causeIds",
            Rule::TooMany,
            Some(CAUSES_MAX as u32),
        ));
    }
    Ok(out)
}

/// Changes one thing about a live note: text, colour, author, its place,
/// its group, the problem and causes it is evidence of.
pub fn edit_note(w: &mut Writer<'_>, id: NoteId, edit: &NoteEdit) -> Result<Note> {
    let before = live_note(w, id)?;
    let key = id.to_string();
    let target = ("empathy_notes", NOTE, key.as_str());
    match edit {
        NoteEdit::Text(t) => {
            let t = v::text("text", t, NOTE_MAX, true)?;
            write_field(
                w,
                target,
                ("text", "text"),
                (Some(&before.text), Some(&t)),
                Value::Text(t.clone()),
            )?;
        }
        NoteEdit::Colour(c) => {
            write_field(
                w,
                target,
                ("colour", "colour"),
                (Some(before.colour.as_str()), Some(c.as_str())),
                Value::Text(c.as_str().into()),
            )?;
        }
        NoteEdit::Author(a) => {
            let a = v::line("author", a, v::SHORT_TEXT_MAX, false)?;
            write_field(
                w,
                target,
                ("author", "author"),
                (Some(&before.author), Some(&a)),
                Value::Text(a.clone()),
            )?;
        }
        NoteEdit::Move { area, before: next } => {
            let next = match next.as_deref() {
                Some(raw) => {
                    let next_id: NoteId = raw
                        .parse()
                        .map_err(|_| Error::invalid("before", Rule::Invalid, None))?;
                    if next_id == id {
                        return get_note(w.tx(), id);
                    }
                    let n = live_note(w, next_id)
                        .map_err(|_| Error::invalid("before", Rule::Invalid, None))?;
                    if n.map_id != before.map_id || n.area != *area {
                        return Err(Error::invalid("before", Rule::Invalid, None));
                    }
                    Some(n)
                }
                None => None,
            };
            let pos = position(w, before.map_id, *area, next.as_ref())?;
            w.tx().execute(
                "UPDATE empathy_notes SET position = ?1 WHERE id = ?2",
                params![pos, id],
            )?;
            if *area == before.area {
                w.record(
                    NOTE,
                    &key,
                    ChangeOp::Update,
                    Some("position"),
                    Some(&before.position.to_string()),
                    Some(&pos.to_string()),
                )?;
            }
            write_field(
                w,
                target,
                ("area", "area"),
                (Some(before.area.as_str()), Some(area.as_str())),
                Value::Text(area.as_str().into()),
            )?;
            // A group of another area no longer holds it; joining the group
            // of the note it was dropped before keeps the cluster together.
            let group = next.as_ref().and_then(|n| n.group_id);
            if *area != before.area || group != before.group_id {
                set_group(w, &before, group)?;
            }
        }
        NoteEdit::Group(g) => {
            let group = g
                .as_deref()
                .map(|g| live_group(w, before.map_id, g))
                .transpose()?;
            let mut current = before.clone();
            if let Some(g) = &group {
                if g.area != before.area {
                    current = edit_note(
                        w,
                        id,
                        &NoteEdit::Move {
                            area: g.area,
                            before: None,
                        },
                    )?;
                }
            }
            set_group(w, &current, group.map(|g| g.id))?;
        }
        NoteEdit::Problem(p) => {
            let p = live_problem(w, "problemId", p.as_deref())?;
            let (old, new) = (
                before.problem_id.map(|p| p.to_string()),
                p.map(|p| p.to_string()),
            );
            write_field(
                w,
                target,
                ("problem", "problem_id"),
                (old.as_deref(), new.as_deref()),
                new.clone().map_or(Value::Null, Value::Text),
            )?;
        }
        NoteEdit::CauseIds(ids) => {
            let ids = causes(w, ids, &before.cause_ids)?;
            let (old, new) = (cause_list_text(&before.cause_ids), cause_list_text(&ids));
            if old != new {
                w.tx()
                    .execute("DELETE FROM empathy_note_causes WHERE note_id = ?1", [id])?;
                let mut stmt = w.tx().prepare_cached(
                    "INSERT INTO empathy_note_causes (note_id, why_id) VALUES (?1, ?2)",
                )?;
                for cause in &ids {
                    stmt.execute(params![id, cause])?;
                }
                drop(stmt);
                write_field(
                    w,
                    target,
                    ("causeIds", "updated_at"),
                    (Some(&old), Some(&new)),
                    Value::Text(time::to_text(w.now())),
                )?;
                // Each cause's own history shows the evidence it gained or lost.
                for cause in ids.iter().filter(|c| !before.cause_ids.contains(c)) {
                    w.record(
                        crate::entity::WHY,
                        &cause.to_string(),
                        ChangeOp::Update,
                        Some("notes"),
                        None,
                        Some(&before.text),
                    )?;
                }
                for cause in before.cause_ids.iter().filter(|c| !ids.contains(c)) {
                    w.record(
                        crate::entity::WHY,
                        &cause.to_string(),
                        ChangeOp::Update,
                        Some("notes"),
                        Some(&before.text),
                        None,
                    )?;
                }
            }
        }
    }
    touch_map(w, before.map_id)?;
    get_note(w.tx(), id)
}

/// Moves a note to the trash (undo restores it, votes and links intact).
pub fn delete_note(w: &mut Writer<'_>, id: NoteId) -> Result<()> {
    let n = get_note(w.tx(), id)?;
    trash::mark_deleted(w, NOTE, &id.to_string())?;
    touch_map(w, n.map_id)
}

/// Brings a note back, if its map is live. A note whose group was
/// dissolved meanwhile comes back ungrouped.
pub fn restore_note(w: &mut Writer<'_>, id: NoteId) -> Result<Note> {
    let n = get_note(w.tx(), id)?;
    live_map(w, n.map_id)?;
    trash::mark_restored(w, NOTE, &id.to_string())?;
    let map = get_map(w.tx(), n.map_id)?;
    drop_votes_over_allowance(w, &map, id)?;
    if n.hidden && map.phase == Phase::Open {
        write_field(
            w,
            ("empathy_notes", NOTE, &id.to_string()),
            ("hidden", "hidden"),
            (Some("true"), Some("false")),
            Value::Integer(0),
        )?;
    }
    if let Some(g) = n.group_id {
        let live: bool = w.tx().query_row(
            "SELECT deleted_at IS NULL FROM empathy_groups WHERE id = ?1",
            [g],
            |r| r.get(0),
        )?;
        if !live {
            set_group(w, &n, None)?;
        }
    }
    touch_map(w, n.map_id)?;
    get_note(w.tx(), id)
}
