//! Writing empathy maps: maps, notes (add, edit, move, group, link),
//! groups, dot votes, the private-writing round, delete and restore.
//! Every write records history.

use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension};

use super::model::{Area, EmpathyMap, MapEdit, NewMap, NewNote, Note, NoteEdit, NoteGroup, Phase};
use super::read::{get_group, get_map, get_note};
use super::{GROUP, MAP, NOTE};
use crate::change::ChangeOp;
use crate::error::{Checks, Error, Result, Rule};
use crate::ids::{GroupId, MapId, NoteId, PersonaId, ProblemId, VoteId, WhyId};
use crate::store::Writer;
use crate::write::{self as v, list_text, participants, write_field};
use crate::{time, trash};

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

fn live_map(w: &Writer<'_>, id: MapId) -> Result<EmpathyMap> {
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

fn live_note(w: &Writer<'_>, id: NoteId) -> Result<Note> {
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

fn touch_map(w: &Writer<'_>, id: MapId) -> Result<()> {
    w.tx().execute(
        "UPDATE empathy_maps SET updated_at = ?1 WHERE id = ?2",
        params![time::to_text(w.now()), id],
    )?;
    Ok(())
}

fn live_persona(w: &Writer<'_>, raw: &str) -> Result<PersonaId> {
    let invalid = || Error::invalid("personaId", Rule::Required, None);
    let id: PersonaId = raw.parse().map_err(|_| invalid())?;
    let live: Option<bool> = w
        .tx()
        .query_row(
            "SELECT deleted_at IS NULL FROM personas WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    if live != Some(true) {
        return Err(invalid());
    }
    Ok(id)
}

fn live_problem(w: &Writer<'_>, field: &str, raw: Option<&str>) -> Result<Option<ProblemId>> {
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

fn votes_per_person(n: u8) -> Result<u8> {
    if (1..=VOTES_MAX).contains(&n) {
        Ok(n)
    } else {
        Err(Error::invalid(
            "votesPerPerson",
            Rule::OutOfRange,
            Some(u32::from(VOTES_MAX)),
        ))
    }
}

/// Starts an empathy map for a live persona.
pub fn create_map(w: &mut Writer<'_>, input: &NewMap) -> Result<EmpathyMap> {
    create_map_as(w, input, false)
}

/// Starts a map, marked as sample data or not.
pub(crate) fn create_map_as(
    w: &mut Writer<'_>,
    input: &NewMap,
    sample: bool,
) -> Result<EmpathyMap> {
    let persona_id = live_persona(w, &input.persona_id);
    let title = v::text("title", &input.title, TITLE_MAX, true);
    let problem_id = live_problem(w, "problemId", input.problem_id.as_deref());
    let held_on = v::past_date("heldOn", input.held_on.unwrap_or_else(time::today_utc));
    let people = participants(input.participants.as_deref().unwrap_or_default());
    let votes = votes_per_person(input.votes_per_person.unwrap_or(3));
    let mut c = Checks::new();
    c.note(&persona_id);
    c.note(&title);
    c.note(&problem_id);
    c.note(&held_on);
    c.note(&people);
    c.note(&votes);
    c.finish()?;
    let (persona_id, title, problem_id, held_on, people, votes) =
        (persona_id?, title?, problem_id?, held_on?, people?, votes?);

    let id = MapId::new();
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO empathy_maps (id, persona_id, problem_id, title, held_on, participants,
            votes_per_person, sample, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            persona_id,
            problem_id,
            title,
            held_on.to_string(),
            list_text(&people),
            votes,
            sample,
            now
        ],
    )?;
    let key = id.to_string();
    w.record(MAP, &key, ChangeOp::Create, None, None, None)?;
    for (field, value) in [
        ("title", Some(title)),
        ("persona", Some(persona_id.to_string())),
        ("problem", problem_id.map(|p| p.to_string())),
        ("heldOn", Some(held_on.to_string())),
        (
            "participants",
            Some(list_text(&people)).filter(|_| !people.is_empty()),
        ),
    ] {
        if let Some(value) = value {
            w.record(MAP, &key, ChangeOp::Create, Some(field), None, Some(&value))?;
        }
    }
    w.record(
        crate::entity::PERSONA,
        &persona_id.to_string(),
        ChangeOp::Update,
        Some("maps"),
        None,
        Some(&get_map(w.tx(), id)?.title),
    )?;
    get_map(w.tx(), id)
}

/// Changes one field of a live map. Setting the phase back to open
/// reveals every note written in the private round.
pub fn edit_map(w: &mut Writer<'_>, id: MapId, edit: &MapEdit) -> Result<EmpathyMap> {
    let before = live_map(w, id)?;
    let key = id.to_string();
    let target = ("empathy_maps", MAP, key.as_str());
    match edit {
        MapEdit::Title(t) => {
            let t = v::text("title", t, TITLE_MAX, true)?;
            write_field(
                w,
                target,
                ("title", "title"),
                (Some(&before.title), Some(&t)),
                Value::Text(t.clone()),
            )?;
        }
        MapEdit::HeldOn(d) => {
            let d = v::past_date("heldOn", *d)?.to_string();
            write_field(
                w,
                target,
                ("heldOn", "held_on"),
                (Some(&before.held_on.to_string()), Some(&d)),
                Value::Text(d.clone()),
            )?;
        }
        MapEdit::Participants(list) => {
            let (old, new) = (
                list_text(&before.participants),
                list_text(&participants(list)?),
            );
            write_field(
                w,
                target,
                ("participants", "participants"),
                (Some(&old), Some(&new)),
                Value::Text(new.clone()),
            )?;
        }
        MapEdit::Problem(p) => {
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
        MapEdit::VotesPerPerson(n) => {
            let n = votes_per_person(*n)?;
            write_field(
                w,
                target,
                ("votesPerPerson", "votes_per_person"),
                (
                    Some(&before.votes_per_person.to_string()),
                    Some(&n.to_string()),
                ),
                Value::Integer(i64::from(n)),
            )?;
        }
        MapEdit::Phase(phase) => {
            let changed = write_field(
                w,
                target,
                ("phase", "phase"),
                (Some(before.phase.as_str()), Some(phase.as_str())),
                Value::Text(phase.as_str().into()),
            )?;
            if changed && *phase == Phase::Open {
                reveal(w, id)?;
            }
        }
    }
    get_map(w.tx(), id)
}

/// Shows every note hidden in a private round, recording each.
fn reveal(w: &mut Writer<'_>, map: MapId) -> Result<()> {
    let hidden: Vec<String> = {
        let mut stmt = w.tx().prepare_cached(
            // Notes deleted during the round are revealed too, so one
            // restored later is not left face down.
            "SELECT id FROM empathy_notes WHERE map_id = ?1 AND hidden = 1",
        )?;
        let rows = stmt.query_map([map], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in hidden {
        write_field(
            w,
            ("empathy_notes", NOTE, &id),
            ("hidden", "hidden"),
            (Some("true"), Some("false")),
            Value::Integer(0),
        )?;
    }
    Ok(())
}

/// Moves a map to the trash; its notes go with it.
pub fn delete_map(w: &mut Writer<'_>, id: MapId) -> Result<()> {
    trash::mark_deleted(w, MAP, &id.to_string())
}

/// Brings a map back, if its persona is live.
pub fn restore_map(w: &mut Writer<'_>, id: MapId) -> Result<EmpathyMap> {
    let m = get_map(w.tx(), id)?;
    if !v::is_live(w.tx(), "personas", &m.persona_id.to_string()).unwrap_or(false) {
        return Err(Error::Conflict(format!(
            "the persona of map {id} is in the trash"
        )));
    }
    trash::mark_restored(w, MAP, &id.to_string())?;
    get_map(w.tx(), id)
}

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

fn live_group(w: &Writer<'_>, map: MapId, raw: &str) -> Result<NoteGroup> {
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

/// Adds a note to a live map. In a private-writing round it stays hidden
/// until the round is revealed. An empty note is refused.
pub fn add_note(w: &mut Writer<'_>, input: &NewNote) -> Result<Note> {
    let map_id: MapId = input
        .map_id
        .parse()
        .map_err(|_| Error::invalid("mapId", Rule::Required, None))?;
    let map = live_map(w, map_id)?;
    let text = v::text("text", &input.text, NOTE_MAX, true);
    let author = v::text(
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
    let colour = input.colour.unwrap_or(super::NoteColour::Yellow);
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
            let a = v::text("author", a, v::SHORT_TEXT_MAX, false)?;
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

fn set_group(w: &mut Writer<'_>, note: &Note, group: Option<GroupId>) -> Result<bool> {
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

/// A note back from the trash brings its dots back; a participant who
/// spent them elsewhere meanwhile would then have more than the map
/// allows, so their surplus dots on this note are taken back (recorded).
fn drop_votes_over_allowance(w: &mut Writer<'_>, map: &EmpathyMap, note: NoteId) -> Result<()> {
    let over: Vec<(String, i64)> = {
        let mut stmt = w.tx().prepare_cached(
            "SELECT v.voter, count(*) - ?3 FROM empathy_votes v JOIN empathy_notes n ON n.id = v.note_id
             WHERE v.map_id = ?1 AND n.deleted_at IS NULL
               AND v.voter IN (SELECT voter FROM empathy_votes WHERE note_id = ?2)
             GROUP BY v.voter HAVING count(*) > ?3",
        )?;
        let rows = stmt.query_map(params![map.id, note, map.votes_per_person], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (voter, surplus) in over {
        for _ in 0..surplus {
            let removed = w.tx().execute(
                "DELETE FROM empathy_votes WHERE id = (
                    SELECT id FROM empathy_votes WHERE note_id = ?1 AND voter = ?2
                    ORDER BY created_at DESC, id DESC LIMIT 1)",
                params![note, voter],
            )?;
            if removed > 0 {
                w.record(
                    NOTE,
                    &note.to_string(),
                    ChangeOp::Update,
                    Some("vote"),
                    Some(&voter),
                    None,
                )?;
            }
        }
    }
    Ok(())
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
    let label = v::text("label", label, LABEL_MAX, true)?;
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
    let label = v::text("label", label, LABEL_MAX, true)?;
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

/// The voter's name, checked against the map's participants.
fn voter(map: &EmpathyMap, name: &str) -> Result<String> {
    let name = v::text("voter", name, v::SHORT_TEXT_MAX, true)?;
    if !map.participants.is_empty() && !map.participants.contains(&name) {
        return Err(Error::invalid("voter", Rule::NotParticipant, None));
    }
    Ok(name)
}

/// Puts one of `voter`'s dots on a shown note. Refused once they have
/// placed as many as the map allows.
pub fn vote(w: &mut Writer<'_>, note: NoteId, name: &str) -> Result<Note> {
    let n = live_note(w, note)?;
    let map = get_map(w.tx(), n.map_id)?;
    let name = voter(&map, name)?;
    if n.hidden {
        return Err(Error::Conflict(format!(
            "note {note} is hidden until revealed"
        )));
    }
    let used: u32 = w.tx().query_row(
        "SELECT count(*) FROM empathy_votes v JOIN empathy_notes n ON n.id = v.note_id
         WHERE v.map_id = ?1 AND v.voter = ?2 AND n.deleted_at IS NULL",
        params![map.id, name],
        |r| r.get(0),
    )?;
    if used >= u32::from(map.votes_per_person) {
        return Err(Error::invalid(
            "voter",
            Rule::NoVotesLeft,
            Some(u32::from(map.votes_per_person)),
        ));
    }
    w.tx().execute(
        "INSERT INTO empathy_votes (id, map_id, note_id, voter, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![VoteId::new(), map.id, note, name, time::to_text(w.now())],
    )?;
    w.record(
        NOTE,
        &note.to_string(),
        ChangeOp::Update,
        Some("vote"),
        None,
        Some(&name),
    )?;
    touch_map(w, map.id)?;
    get_note(w.tx(), note)
}

/// Takes back one of `voter`'s dots from a note (nothing if they had none).
pub fn unvote(w: &mut Writer<'_>, note: NoteId, name: &str) -> Result<Note> {
    let n = live_note(w, note)?;
    let removed = w.tx().execute(
        "DELETE FROM empathy_votes WHERE id = (
            SELECT id FROM empathy_votes WHERE note_id = ?1 AND voter = ?2
            ORDER BY created_at DESC, id DESC LIMIT 1)",
        params![note, name.trim()],
    )?;
    if removed > 0 {
        w.record(
            NOTE,
            &note.to_string(),
            ChangeOp::Update,
            Some("vote"),
            Some(name.trim()),
            None,
        )?;
        touch_map(w, n.map_id)?;
    }
    get_note(w.tx(), note)
}
