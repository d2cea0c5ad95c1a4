//! Reading empathy maps: one map, the board, the list, and the notes that
//! are evidence of a cause or a problem.

use rusqlite::{Connection, OptionalExtension, Row};

use super::model::{EmpathyMap, MapBoard, Note, NoteGroup, NoteRef, VoteCount};
use super::{GROUP, MAP, NOTE};
use crate::error::{Error, Result};
use crate::ids::{GroupId, MapId, NoteId, ProblemId, WhyId};
use crate::refs::MapRef;
use crate::refs::{self, CauseRef};
use crate::time::{column_day, column_list, column_stamp};

const MAP_COLUMNS: &str = "m.id, m.persona_id, p.name, m.problem_id, pr.title, m.title,
    m.held_on, m.participants, m.votes_per_person, m.phase, m.sample, m.created_at, m.updated_at";

const MAP_FROM: &str = "empathy_maps m JOIN personas p ON p.id = m.persona_id
    LEFT JOIN problems pr ON pr.id = m.problem_id";

fn map_from(r: &Row<'_>) -> rusqlite::Result<EmpathyMap> {
    Ok(EmpathyMap {
        id: r.get(0)?,
        persona_id: r.get(1)?,
        persona_name: r.get(2)?,
        problem_id: r.get(3)?,
        problem_title: r.get(4)?,
        title: r.get(5)?,
        held_on: column_day(r, 6)?,
        participants: column_list(r, 7)?,
        votes_per_person: r.get(8)?,
        phase: r.get(9)?,
        sample: r.get(10)?,
        created_at: column_stamp(r, 11)?,
        updated_at: column_stamp(r, 12)?,
    })
}

const NOTE_COLUMNS: &str = "n.id, n.map_id, n.area, n.position, n.text, n.colour, n.author,
    n.group_id, n.problem_id, n.hidden, n.created_at, n.updated_at,
    (SELECT count(*) FROM empathy_votes v WHERE v.note_id = n.id),
    (SELECT group_concat(c.why_id) FROM empathy_note_causes c WHERE c.note_id = n.id)";

fn note_from(r: &Row<'_>) -> rusqlite::Result<Note> {
    let causes: Option<String> = r.get(13)?;
    let cause_ids = causes
        .unwrap_or_default()
        .split(',')
        .filter(|c| !c.is_empty())
        .map(|c| {
            c.parse::<WhyId>().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    13,
                    rusqlite::types::Type::Text,
                    Box::new(std::io::Error::other(e.to_string())),
                )
            })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Note {
        id: r.get(0)?,
        map_id: r.get(1)?,
        area: r.get(2)?,
        position: r.get(3)?,
        text: r.get(4)?,
        colour: r.get(5)?,
        author: r.get(6)?,
        group_id: r.get(7)?,
        problem_id: r.get(8)?,
        hidden: r.get(9)?,
        created_at: column_stamp(r, 10)?,
        updated_at: column_stamp(r, 11)?,
        votes: r.get(12)?,
        cause_ids,
    })
}

/// A map, live or trashed.
pub fn get_map(conn: &Connection, id: MapId) -> Result<EmpathyMap> {
    conn.prepare_cached(&format!(
        "SELECT {MAP_COLUMNS} FROM {MAP_FROM} WHERE m.id = ?1"
    ))?
    .query_row([id], map_from)
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: MAP,
        id: id.to_string(),
    })
}

/// A note, live or trashed.
pub fn get_note(conn: &Connection, id: NoteId) -> Result<Note> {
    conn.prepare_cached(&format!(
        "SELECT {NOTE_COLUMNS} FROM empathy_notes n WHERE n.id = ?1"
    ))?
    .query_row([id], note_from)
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: NOTE,
        id: id.to_string(),
    })
}

/// A group, live or dissolved.
pub fn get_group(conn: &Connection, id: GroupId) -> Result<NoteGroup> {
    conn.prepare_cached("SELECT id, map_id, area, label FROM empathy_groups WHERE id = ?1")?
        .query_row([id], |r| {
            Ok(NoteGroup {
                id: r.get(0)?,
                map_id: r.get(1)?,
                area: r.get(2)?,
                label: r.get(3)?,
            })
        })
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: GROUP,
            id: id.to_string(),
        })
}

/// Every live map of a live persona, most recent first.
pub fn list_maps(conn: &Connection) -> Result<Vec<MapRef>> {
    refs::map_refs(conn, "?1 = ?1", "")
}

/// A live map (of a live persona) with its notes, groups and votes.
pub fn map_board(conn: &Connection, id: MapId) -> Result<MapBoard> {
    let map = conn
        .prepare_cached(&format!(
            "SELECT {MAP_COLUMNS} FROM {MAP_FROM}
             WHERE m.id = ?1 AND m.deleted_at IS NULL AND p.deleted_at IS NULL"
        ))?
        .query_row([id], map_from)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: MAP,
            id: id.to_string(),
        })?;
    let notes = {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {NOTE_COLUMNS} FROM empathy_notes n
             WHERE n.map_id = ?1 AND n.deleted_at IS NULL ORDER BY n.area, n.position, n.id"
        ))?;
        let rows = stmt.query_map([id], note_from)?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let groups = {
        let mut stmt = conn.prepare_cached(
            "SELECT id, map_id, area, label FROM empathy_groups
             WHERE map_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(NoteGroup {
                id: r.get(0)?,
                map_id: r.get(1)?,
                area: r.get(2)?,
                label: r.get(3)?,
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let votes = {
        let mut stmt = conn.prepare_cached(
            "SELECT v.note_id, v.voter, count(*) FROM empathy_votes v
             JOIN empathy_notes n ON n.id = v.note_id
             WHERE v.map_id = ?1 AND n.deleted_at IS NULL
             GROUP BY v.note_id, v.voter ORDER BY v.note_id, v.voter",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(VoteCount {
                note_id: r.get(0)?,
                voter: r.get(1)?,
                count: r.get(2)?,
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    Ok(MapBoard {
        map,
        notes,
        groups,
        votes,
    })
}

fn note_refs(conn: &Connection, join: &str, filter: &str, key: &str) -> Result<Vec<NoteRef>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT n.id, n.text, n.area, n.author, m.id, m.title, p.name
         FROM empathy_notes n {join}
         JOIN empathy_maps m ON m.id = n.map_id JOIN personas p ON p.id = m.persona_id
         WHERE {filter} AND n.deleted_at IS NULL AND n.hidden = 0
           AND m.deleted_at IS NULL AND p.deleted_at IS NULL
         ORDER BY m.held_on DESC, m.id, n.area, n.position"
    ))?;
    let rows = stmt.query_map([key], |r| {
        Ok(NoteRef {
            id: r.get(0)?,
            text: r.get(1)?,
            area: r.get(2)?,
            author: r.get(3)?,
            map_id: r.get(4)?,
            map_title: r.get(5)?,
            persona_name: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The shown notes that support a cause, as evidence.
pub fn notes_for_why(conn: &Connection, why: WhyId) -> Result<Vec<NoteRef>> {
    note_refs(
        conn,
        "JOIN empathy_note_causes c ON c.note_id = n.id",
        "c.why_id = ?1",
        &why.to_string(),
    )
}

/// The shown notes linked to a problem.
pub fn notes_for_problem(conn: &Connection, problem: ProblemId) -> Result<Vec<NoteRef>> {
    note_refs(conn, "", "n.problem_id = ?1", &problem.to_string())
}

/// The causes a note supports, with their text and analysis.
pub fn note_causes(conn: &Connection, note: NoteId) -> Result<Vec<CauseRef>> {
    refs::cause_refs(
        conn,
        "JOIN empathy_note_causes c ON c.why_id = n.id",
        "c.note_id = ?1",
        &note.to_string(),
    )
}
