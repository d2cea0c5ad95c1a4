//! Persona types.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::{PersonaId, ProblemId, QuoteId};
pub use crate::refs::MapRef;
use crate::vocab::{Channel, Status};

crate::text_enum! {
    /// Where a customer's words were heard.
    pub enum QuoteSource {
        /// An interview.
        Interview = "interview",
        /// A recorded call.
        CallRecording = "call_recording",
        /// A recording of a session with the product.
        SessionRecording = "session_recording",
        /// A survey answer.
        Survey = "survey",
        /// A written review.
        WrittenReview = "written_review",
        /// A support ticket (its reference is required).
        SupportTicket = "support_ticket",
    }
}

/// A kind of customer, built from what real customers said. Only the name
/// is required; a picture and demographics are optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Persona {
    /// Its id.
    pub id: PersonaId,
    /// What the team calls this persona.
    pub name: String,
    /// Their role and responsibilities.
    pub role: String,
    /// The customer segment.
    pub segment: String,
    /// Their goals and motivations.
    pub goals: String,
    /// What hurts them.
    pub pain_points: String,
    /// What makes them act.
    pub triggers: String,
    /// What they fear.
    pub fears: String,
    /// The channels they prefer.
    pub channels: Vec<Channel>,
    /// A short story of their day with the product.
    pub story: String,
    /// Optional demographics.
    pub demographics: String,
    /// Whether a picture is stored.
    pub has_picture: bool,
    /// Part of the removable sample workspace.
    pub sample: bool,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// The text fields of a persona, for creating one. Only the name is needed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewPersona {
    /// What the team calls this persona.
    pub name: String,
    /// Their role and responsibilities.
    #[ts(optional)]
    pub role: Option<String>,
    /// The customer segment.
    #[ts(optional)]
    pub segment: Option<String>,
    /// Their goals and motivations.
    #[ts(optional)]
    pub goals: Option<String>,
    /// What hurts them.
    #[ts(optional)]
    pub pain_points: Option<String>,
    /// What makes them act.
    #[ts(optional)]
    pub triggers: Option<String>,
    /// What they fear.
    #[ts(optional)]
    pub fears: Option<String>,
    /// The channels they prefer.
    #[ts(optional)]
    pub channels: Option<Vec<Channel>>,
    /// A short story.
    #[ts(optional)]
    pub story: Option<String>,
    /// Optional demographics.
    #[ts(optional)]
    pub demographics: Option<String>,
}

/// One change to one field of a persona.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum PersonaEdit {
    /// A new name.
    Name(String),
    /// Role and responsibilities.
    Role(String),
    /// Segment.
    Segment(String),
    /// Goals and motivations.
    Goals(String),
    /// Pain points.
    PainPoints(String),
    /// Triggers.
    Triggers(String),
    /// Fears.
    Fears(String),
    /// Preferred channels.
    Channels(Vec<Channel>),
    /// The short story.
    Story(String),
    /// Demographics.
    Demographics(String),
}

/// A customer's words, with where and when they were heard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// Its id.
    pub id: QuoteId,
    /// The persona it speaks for.
    pub persona_id: PersonaId,
    /// The words, as said.
    pub text: String,
    /// Where they were heard.
    pub source: QuoteSource,
    /// A ticket number, a recording's name (required for a ticket).
    pub reference: String,
    /// The day they were said.
    pub said_on: NaiveDate,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// A quote as the user enters it, to add or to replace one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuoteInput {
    /// The words, as said.
    pub text: String,
    /// Where they were heard.
    pub source: QuoteSource,
    /// A ticket number or other reference (required for a support ticket).
    #[ts(optional)]
    pub reference: Option<String>,
    /// The day they were said (not in the future).
    pub said_on: NaiveDate,
}

/// A problem as a persona's page names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkedProblem {
    /// The problem.
    pub id: ProblemId,
    /// Its title.
    pub title: String,
    /// Where it stands.
    pub status: Status,
}

/// A persona as a problem's page or a picker names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonaRef {
    /// The persona.
    pub id: PersonaId,
    /// Its name.
    pub name: String,
    /// Its segment.
    pub segment: String,
}

/// A persona as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonaCard {
    /// The persona.
    pub persona: Persona,
    /// Its most recent quote.
    pub lead_quote: Option<Quote>,
    /// How many quotes it has.
    pub quote_count: u32,
    /// How many live problems are linked.
    pub problem_count: u32,
    /// How many live empathy maps it has.
    pub map_count: u32,
}

/// A persona with everything its page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonaDetail {
    /// The persona.
    pub persona: Persona,
    /// Its quotes, most recent first.
    pub quotes: Vec<Quote>,
    /// The live problems that hurt it.
    pub problems: Vec<LinkedProblem>,
    /// Its live empathy maps, most recent first.
    pub maps: Vec<MapRef>,
}

/// A stored picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// `image/png` or `image/jpeg`.
    pub mime: &'static str,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}
