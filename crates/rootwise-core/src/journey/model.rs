//! Journey map types: maps, stages, touchpoints, lane cards, the grid the
//! map screen draws, the list, and the pain overlay.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::{
    ActionId, CardId, JourneyId, NoteId, PersonaId, ProblemId, QuoteId, StageId, TouchpointId,
};
use crate::settings::Language;
use crate::vocab::{Channel, Severity, Status};

crate::text_enum! {
    /// Whether a map shows the journey as it is or as it should be.
    pub enum JourneyState {
        /// The journey as it is today ("as is").
        Current = "current",
        /// The journey as it should become ("to be").
        Future = "future",
    }
}

crate::text_enum! {
    /// A row of the grid: what is noted for each stage.
    pub enum Lane {
        /// What the customer does.
        Actions = "actions",
        /// What they expect.
        Expectations = "expectations",
        /// What they think.
        Thoughts = "thoughts",
        /// How they feel.
        Emotions = "emotions",
        /// What drives them.
        Motivations = "motivations",
        /// What blocks them.
        Obstacles = "obstacles",
        /// What the team could do better (may become corrective actions).
        Opportunities = "opportunities",
    }
}

crate::text_enum! {
    /// How the pain overlay orders touchpoints.
    pub enum PainSort {
        /// As on the map: stage by stage, in order.
        MapOrder = "map_order",
        /// Most pain first: occurrences in the period, then highest
        /// severity, then linked problems.
        Pain = "pain",
    }
}

/// A customer journey map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JourneyMap {
    /// Its id.
    pub id: JourneyId,
    /// What the team calls it.
    pub name: String,
    /// As is, or to be.
    pub state: JourneyState,
    /// The current map a future map was made from.
    pub made_from: Option<JourneyId>,
    /// Months between reviews.
    pub review_months: u32,
    /// When it was last marked reviewed.
    pub reviewed_at: Option<DateTime<Utc>>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// A new map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewJourney {
    /// Its name (required).
    pub name: String,
    /// As is (the default) or to be.
    #[ts(optional)]
    pub state: Option<JourneyState>,
    /// The personas it is about.
    #[ts(optional)]
    pub persona_ids: Option<Vec<PersonaId>>,
    /// Months between reviews ([`super::write::REVIEW_MONTHS_DEFAULT`]
    /// when absent).
    #[ts(optional)]
    pub review_months: Option<u32>,
    /// Start with the default stages in this language; no stages when
    /// absent.
    #[ts(optional)]
    pub starting_stages: Option<Language>,
}

/// One change to one field of a map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum JourneyEdit {
    /// A new name.
    Name(String),
    /// As is or to be.
    State(JourneyState),
    /// Months between reviews.
    ReviewMonths(u32),
    /// The personas it is about (replaces the list).
    PersonaIds(Vec<PersonaId>),
}

/// A stage of a map, in order across.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Stage {
    /// Its id.
    pub id: StageId,
    /// The map.
    pub map_id: JourneyId,
    /// Its name.
    pub name: String,
    /// Its place (fractional: sort by it, then by id).
    pub position: f64,
}

/// A touchpoint under a stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Touchpoint {
    /// Its id.
    pub id: TouchpointId,
    /// The map.
    pub map_id: JourneyId,
    /// The stage it sits under.
    pub stage_id: StageId,
    /// Its name.
    pub name: String,
    /// Its place within the stage.
    pub position: f64,
    /// The channel, if one.
    pub channel: Option<Channel>,
    /// Whether the brand meets the customer directly (not through a
    /// partner, a review site, word of mouth).
    pub direct: bool,
    /// The team that owns it.
    pub owner_team: String,
    /// How the customer feels there now (−2..+2).
    pub emotion_current: Option<i8>,
    /// How they should feel (−2..+2).
    pub emotion_target: Option<i8>,
}

/// A new touchpoint, last in its stage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewTouchpoint {
    /// The stage it goes under.
    pub stage_id: StageId,
    /// Its name (required).
    pub name: String,
    /// The channel.
    #[ts(optional)]
    pub channel: Option<Channel>,
    /// Direct (the default) or indirect.
    #[ts(optional)]
    pub direct: Option<bool>,
    /// The owner team.
    #[ts(optional)]
    pub owner_team: Option<String>,
    /// The emotion now (−2..+2).
    #[ts(optional)]
    pub emotion_current: Option<i8>,
    /// The emotion aimed for (−2..+2).
    #[ts(optional)]
    pub emotion_target: Option<i8>,
}

/// One change to one field of a touchpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum TouchpointEdit {
    /// A new name.
    Name(String),
    /// The channel (none clears it).
    Channel(Option<Channel>),
    /// Direct or indirect.
    Direct(bool),
    /// The owner team.
    OwnerTeam(String),
    /// The emotion now (none clears it).
    EmotionCurrent(Option<i8>),
    /// The emotion aimed for (none clears it).
    EmotionTarget(Option<i8>),
}

/// A text card in one cell (a stage crossed with a lane).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// Its id.
    pub id: CardId,
    /// The map.
    pub map_id: JourneyId,
    /// The stage (the column).
    pub stage_id: StageId,
    /// The lane (the row).
    pub lane: Lane,
    /// Its place in the cell.
    pub position: f64,
    /// Its text.
    pub text: String,
    /// The corrective actions it became (opportunities only), live ones.
    pub action_ids: Vec<ActionId>,
}

/// A persona a map is about, as the map names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JourneyPersona {
    /// The persona.
    pub id: PersonaId,
    /// Its name.
    pub name: String,
}

/// An empathy note pinned to a touchpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PinnedNote {
    /// The note.
    pub id: NoteId,
    /// Its text.
    pub text: String,
}

/// A persona's quote pinned to a touchpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PinnedQuote {
    /// The quote.
    pub id: QuoteId,
    /// The words.
    pub text: String,
    /// The persona who said them.
    pub persona_name: String,
}

/// A touchpoint with what the grid shows on it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GridTouchpoint {
    /// The touchpoint (its emotions are the curve's points).
    pub touchpoint: Touchpoint,
    /// The live problems linked to it.
    pub problem_ids: Vec<ProblemId>,
    /// Live empathy notes pinned to it.
    pub notes: Vec<PinnedNote>,
    /// Live quotes pinned to it.
    pub quotes: Vec<PinnedQuote>,
}

/// One cell: a stage's cards in one lane, in order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GridCell {
    /// The lane.
    pub lane: Lane,
    /// Its cards, in order.
    pub cards: Vec<Card>,
}

/// A stage with its touchpoints and its column of cells.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GridStage {
    /// The stage.
    pub stage: Stage,
    /// Its touchpoints, in order.
    pub touchpoints: Vec<GridTouchpoint>,
    /// One cell per lane, in the lanes' order (empty ones included).
    pub cells: Vec<GridCell>,
}

/// One point of the emotion curve, in the map's order of touchpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CurvePoint {
    /// The touchpoint.
    pub touchpoint_id: TouchpointId,
    /// The emotion now.
    pub current: Option<i8>,
    /// The emotion aimed for.
    pub target: Option<i8>,
}

/// A whole map, shaped for the grid: stages across, lanes down,
/// touchpoints as columns inside each stage.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JourneyGrid {
    /// The map.
    pub map: JourneyMap,
    /// The live personas it is about.
    pub personas: Vec<JourneyPersona>,
    /// The lanes, in order (the grid's rows).
    pub lanes: Vec<Lane>,
    /// The live stages, in order.
    pub stages: Vec<GridStage>,
    /// The emotion curve across every touchpoint, in order.
    pub curve: Vec<CurvePoint>,
}

/// A map as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JourneyCard {
    /// The map.
    pub map: JourneyMap,
    /// The live personas it is about.
    pub personas: Vec<JourneyPersona>,
    /// Live stages.
    pub stage_count: u32,
    /// Live touchpoints.
    pub touchpoint_count: u32,
    /// The day it is due for review.
    pub review_due_on: NaiveDate,
    /// Whether that day has come.
    pub review_due: bool,
}

/// A problem linked to a touchpoint, as the touchpoint's panel lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TouchpointProblem {
    /// The problem.
    pub id: ProblemId,
    /// Its title.
    pub title: String,
    /// Where it stands.
    pub status: Status,
    /// How badly it hurts.
    pub severity: Severity,
}

/// A touchpoint a problem is linked to, as the problem's page names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TouchpointRef {
    /// The touchpoint.
    pub id: TouchpointId,
    /// Its name.
    pub name: String,
    /// Its stage's name.
    pub stage_name: String,
    /// The map.
    pub map_id: JourneyId,
    /// The map's name.
    pub map_name: String,
}

/// What the pain overlay covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PainQuery {
    /// The first day of the period (inclusive).
    pub from: NaiveDate,
    /// The last day of the period (inclusive).
    pub to: NaiveDate,
    /// The order (map order when absent).
    #[ts(optional)]
    pub sort: Option<PainSort>,
}

/// The pain at one touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TouchpointPain {
    /// The touchpoint.
    pub touchpoint_id: TouchpointId,
    /// Its stage.
    pub stage_id: StageId,
    /// Live problems linked to it.
    pub problems: u32,
    /// Their reports in the period (a problem's first report counts, on
    /// the day it was reported, like every later one).
    pub occurrences: u32,
    /// The highest severity among them (none without problems).
    pub highest_severity: Option<Severity>,
    /// Every linked problem has a corrective action verified effective
    /// (false without problems).
    pub all_fixed: bool,
    /// Occurrences relative to the map's most painful touchpoint, 0..1
    /// (the heat scale).
    pub heat: f64,
}

/// How many problems a match of journey stage texts linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchOutcome {
    /// Problems newly linked to a touchpoint.
    pub linked: u32,
    /// Problems with a journey stage text that names nothing on the map
    /// (left as they were).
    pub unmatched: u32,
}
