//! Maps: create, edit (title, persona, problem, day, participants, dots
//! per person, the private-writing round and its reveal), delete, restore.

use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension};

use super::*;
use crate::change::ChangeOp;
use crate::empathy::model::{EmpathyMap, MapEdit, NewMap, Phase};
use crate::empathy::read::get_map;
use crate::empathy::{MAP, NOTE};
use crate::error::{Checks, Error, Result, Rule};
use crate::ids::{MapId, PersonaId};
use crate::store::Writer;
use crate::write::{self as v, list_text, participants, write_field};
use crate::{time, trash};

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
    let title = v::line("title", &input.title, TITLE_MAX, true);
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
            let t = v::line("title", t, TITLE_MAX, true)?;
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
    let m = get_map(w.tx(), id)?;
    trash::mark_deleted(w, MAP, &id.to_string())?;
    // The persona's history says it lost the map, as it says it gained it.
    w.record(
        crate::entity::PERSONA,
        &m.persona_id.to_string(),
        ChangeOp::Update,
        Some("maps"),
        Some(&m.title),
        None,
    )
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
    w.record(
        crate::entity::PERSONA,
        &m.persona_id.to_string(),
        ChangeOp::Update,
        Some("maps"),
        None,
        Some(&m.title),
    )?;
    get_map(w.tx(), id)
}
