//! The entity names every area writes into history, trash and change
//! events. They live here so that an area can record a change on another
//! area's row (a persona linked to a problem, a note that supports a
//! cause) without calling that area.

/// A problem.
pub const PROBLEM: &str = "problem";
/// An analysis.
pub const ANALYSIS: &str = "analysis";
/// A cause (why node) of an analysis.
pub const WHY: &str = "why";
/// A corrective action.
pub const ACTION: &str = "action";
/// A persona.
pub const PERSONA: &str = "persona";
/// A persona's quote.
pub const QUOTE: &str = "quote";
/// An empathy map.
pub const MAP: &str = "empathy_map";
/// A note on an empathy map.
pub const NOTE: &str = "empathy_note";
/// A group of notes on an empathy map.
pub const GROUP: &str = "empathy_group";
/// A customer's survey answer.
pub const RESPONSE: &str = "survey_response";
/// The customer figures of one period.
pub const PERIOD: &str = "period";
/// A customer journey map.
pub const JOURNEY: &str = "journey_map";
/// A stage of a journey map.
pub const STAGE: &str = "journey_stage";
/// A touchpoint of a journey map.
pub const TOUCHPOINT: &str = "touchpoint";
/// A text card in a journey map's lane.
pub const CARD: &str = "journey_card";
/// A saved column mapping of help-desk imports.
pub const IMPORT_MAPPING: &str = "import_mapping";
