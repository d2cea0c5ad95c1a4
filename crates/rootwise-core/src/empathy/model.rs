//! Empathy-map types.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::{GroupId, MapId, NoteId, PersonaId, ProblemId, WhyId};

crate::text_enum! {
    /// An area of the board: the four quadrants around the persona, and
    /// pains and gains below.
    pub enum Area {
        /// What they say.
        Says = "says",
        /// What they think.
        Thinks = "thinks",
        /// What they do.
        Does = "does",
        /// What they feel.
        Feels = "feels",
        /// What hurts, what they fear.
        Pains = "pains",
        /// What they hope to gain.
        Gains = "gains",
    }
}

crate::text_enum! {
    /// A sticky note's colour.
    pub enum NoteColour {
        /// Yellow (the default).
        Yellow = "yellow",
        /// Pink.
        Pink = "pink",
        /// Blue.
        Blue = "blue",
        /// Green.
        Green = "green",
        /// Orange.
        Orange = "orange",
        /// Purple.
        Purple = "purple",
    }
}

crate::text_enum! {
    /// Whether new notes show at once or stay hidden until revealed.
    pub enum Phase {
        /// New notes show at once.
        Open = "open",
        /// Private writing: new notes stay hidden until the round is revealed.
        Private = "private",
    }
}

/// An empathy map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EmpathyMap {
    /// Its id.
    pub id: MapId,
    /// The persona it is about.
    pub persona_id: PersonaId,
    /// That persona's name.
    pub persona_name: String,
    /// The problem it is about, if any.
    pub problem_id: Option<ProblemId>,
    /// That problem's title.
    pub problem_title: Option<String>,
    /// Its title.
    pub title: String,
    /// The day of the workshop.
    pub held_on: NaiveDate,
    /// Who took part.
    pub participants: Vec<String>,
    /// How many dots each participant may place.
    pub votes_per_person: u8,
    /// Open, or a private-writing round.
    pub phase: Phase,
    /// Part of the removable sample workspace.
    pub sample: bool,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// What the user fills in to start a map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewMap {
    /// The persona it is about.
    #[ts(type = "string")]
    pub persona_id: String,
    /// Its title.
    pub title: String,
    /// The problem it is about.
    #[ts(optional, type = "string")]
    pub problem_id: Option<String>,
    /// The day of the workshop (today when absent).
    #[ts(optional)]
    pub held_on: Option<NaiveDate>,
    /// Who takes part.
    #[ts(optional)]
    pub participants: Option<Vec<String>>,
    /// Dots per participant (3 when absent).
    #[ts(optional)]
    pub votes_per_person: Option<u8>,
}

/// One change to a map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum MapEdit {
    /// A new title.
    Title(String),
    /// The day of the workshop.
    HeldOn(NaiveDate),
    /// Who takes part.
    Participants(Vec<String>),
    /// The problem it is about, or none.
    #[ts(type = "string | null")]
    Problem(Option<String>),
    /// Dots per participant.
    VotesPerPerson(u8),
    /// Starts a private-writing round, or reveals it (every hidden note
    /// shows).
    Phase(Phase),
}

/// A sticky note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// Its id.
    pub id: NoteId,
    /// The map it is on.
    pub map_id: MapId,
    /// The area it is in.
    pub area: Area,
    /// Its place in the area (ascending).
    pub position: f64,
    /// What it says.
    pub text: String,
    /// Its colour.
    pub colour: NoteColour,
    /// Who wrote it.
    pub author: String,
    /// The group it is in.
    pub group_id: Option<GroupId>,
    /// The problem it is evidence of.
    pub problem_id: Option<ProblemId>,
    /// Written in a private round not yet revealed.
    pub hidden: bool,
    /// The causes (why nodes) it supports.
    pub cause_ids: Vec<WhyId>,
    /// Dots it has received.
    pub votes: u32,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// What the user fills in to add a note. Only the map, area and text are
/// needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewNote {
    /// The map it goes on.
    #[ts(type = "string")]
    pub map_id: String,
    /// The area it goes in.
    pub area: Area,
    /// What it says.
    pub text: String,
    /// Its colour (yellow when absent).
    #[ts(optional)]
    pub colour: Option<NoteColour>,
    /// Who wrote it.
    #[ts(optional)]
    pub author: Option<String>,
    /// A group of the same area to put it in.
    #[ts(optional, type = "string")]
    pub group_id: Option<String>,
}

/// One change to a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum NoteEdit {
    /// New text.
    Text(String),
    /// A new colour.
    Colour(NoteColour),
    /// A new author.
    Author(String),
    /// Moves it to an area, before another note of that area (or last).
    /// Leaving its area takes it out of its group.
    Move {
        /// The area it goes to.
        area: Area,
        /// The note it goes before; last when absent.
        #[ts(optional, type = "string")]
        before: Option<String>,
    },
    /// Puts it in a group (moving it to the group's area), or out of one.
    #[ts(type = "string | null")]
    Group(Option<String>),
    /// The problem it is evidence of, or none.
    #[ts(type = "string | null")]
    Problem(Option<String>),
    /// The causes it supports.
    #[ts(type = "string[]")]
    CauseIds(Vec<String>),
}

/// A named cluster of notes in one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteGroup {
    /// Its id.
    pub id: GroupId,
    /// The map it is on.
    pub map_id: MapId,
    /// Its area.
    pub area: Area,
    /// Its label.
    pub label: String,
}

/// How many dots one participant put on one note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteCount {
    /// The note.
    pub note_id: NoteId,
    /// The participant.
    pub voter: String,
    /// Their dots on it.
    pub count: u32,
}

/// A map's side of the board: the map, its notes, groups and votes (the
/// board with its persona is `workflow::Board`).
#[derive(Debug, Clone, PartialEq)]
pub struct MapBoard {
    /// The map.
    pub map: EmpathyMap,
    /// Its live notes, by area and position.
    pub notes: Vec<Note>,
    /// Its groups.
    pub groups: Vec<NoteGroup>,
    /// The dots placed, by note and participant.
    pub votes: Vec<VoteCount>,
}

/// A note as a why node's or a problem's page names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteRef {
    /// The note.
    pub id: NoteId,
    /// What it says.
    pub text: String,
    /// Its area.
    pub area: Area,
    /// Who wrote it.
    pub author: String,
    /// Its map.
    pub map_id: MapId,
    /// That map's title.
    pub map_title: String,
    /// The persona of that map.
    pub persona_name: String,
}
