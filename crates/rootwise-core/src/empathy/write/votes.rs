//! Dot votes: each participant has the map's number of dots.

use rusqlite::params;

use super::*;
use crate::change::ChangeOp;
use crate::empathy::model::{EmpathyMap, Note};
use crate::empathy::read::{get_map, get_note};
use crate::empathy::NOTE;
use crate::error::{Error, Result, Rule};
use crate::ids::{NoteId, VoteId};
use crate::store::Writer;
use crate::time;
use crate::write::{self as v};

/// A note back from the trash brings its dots back; a participant who
/// spent them elsewhere meanwhile would then have more than the map
/// allows, so their surplus dots on this note are taken back (recorded).
pub(super) fn drop_votes_over_allowance(
    w: &mut Writer<'_>,
    map: &EmpathyMap,
    note: NoteId,
) -> Result<()> {
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

/// The voter's name, checked against the map's participants.
fn voter(map: &EmpathyMap, name: &str) -> Result<String> {
    let name = v::line("voter", name, v::SHORT_TEXT_MAX, true)?;
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
