//! The empathy board with the persona in its middle: a map's notes,
//! groups and votes from the empathy area, the persona from its own.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::empathy::{self, EmpathyMap, Note, NoteGroup, VoteCount};
use crate::error::Result;
use crate::ids::MapId;
use crate::persona::{self, Persona};

/// Everything the board shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Board {
    /// The map.
    pub map: EmpathyMap,
    /// The persona in the middle.
    pub persona: Persona,
    /// Its live notes, by area and position.
    pub notes: Vec<Note>,
    /// Its groups.
    pub groups: Vec<NoteGroup>,
    /// The dots placed, by note and participant.
    pub votes: Vec<VoteCount>,
}

/// A live map with its persona, notes, groups and votes.
pub fn board(conn: &Connection, id: MapId) -> Result<Board> {
    let empathy::MapBoard {
        map,
        notes,
        groups,
        votes,
    } = empathy::map_board(conn, id)?;
    let persona = persona::get(conn, map.persona_id)?;
    Ok(Board {
        map,
        persona,
        notes,
        groups,
        votes,
    })
}
