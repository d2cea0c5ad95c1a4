//! What a report holds: everything recorded about a problem, read through
//! rootwise-core's public API, before it is put into words.

use chrono::{DateTime, NaiveDate, Utc};
use rootwise_core::action::Action;
use rootwise_core::analysis::AnalysisTree;
use rootwise_core::empathy::NoteRef;
use rootwise_core::ids::WhyId;
use rootwise_core::persona::{Persona, Quote};
use rootwise_core::problem::Problem;
use rootwise_core::workflow::ProblemEffect;
use serde::Serialize;

use crate::labels::Lang;

/// The report of one problem.
#[derive(Debug, Clone, Serialize)]
pub struct ProblemReport {
    /// The reader's language.
    pub lang: Lang,
    /// The day the report counts from (overdue, weeks after a fix).
    pub today: NaiveDate,
    /// The problem statement.
    pub problem: Problem,
    /// When the problem was last closed, for a period's report.
    pub closed_at: Option<DateTime<Utc>>,
    /// Reports per week and the fixes done (the chart on the problem page).
    pub effect: ProblemEffect,
    /// Customer-experience measures with their intervals; empty until the
    /// measures are recorded (nothing is rendered then).
    pub cx: Vec<CxMeasure>,
    /// Each analysis with its why-tree and checks, latest session first.
    pub analyses: Vec<AnalysisTree>,
    /// Empathy notes that support a cause, by cause.
    pub cause_notes: Vec<(WhyId, Vec<NoteRef>)>,
    /// The personas linked to the problem, each with its quotes.
    pub personas: Vec<PersonaQuotes>,
    /// Empathy notes linked to the problem.
    pub notes: Vec<NoteRef>,
    /// The problem's live actions, the unfinished first, then by due day.
    pub actions: Vec<Action>,
}

/// A persona and what its customers said.
#[derive(Debug, Clone, Serialize)]
pub struct PersonaQuotes {
    /// The persona.
    pub persona: Persona,
    /// Its sourced quotes.
    pub quotes: Vec<Quote>,
}

/// One customer-experience measure (NPS, CSAT, CES, …) over an interval.
/// The slot for issue 16's measures: the report draws a table of them
/// when there are any and nothing otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CxMeasure {
    /// Its name as the team calls it (`NPS`, `CSAT`…).
    pub name: String,
    /// The value measured.
    pub value: f64,
    /// Its unit or scale, as shown after the value (`%`, `/5`…).
    pub unit: String,
    /// The 95% interval's ends, when there are enough answers for one.
    pub low: Option<f64>,
    /// See `low`.
    pub high: Option<f64>,
    /// How many answers it rests on.
    pub n: u32,
    /// Under 30 answers: marked as thin, never shown bare.
    pub thin: bool,
    /// The first day of the answers counted.
    pub from: NaiveDate,
    /// The last day of the answers counted.
    pub to: NaiveDate,
}

/// The report of every problem closed in a period.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodReport {
    /// The reader's language.
    pub lang: Lang,
    /// The first day of the period.
    pub from: NaiveDate,
    /// The last day of the period.
    pub to: NaiveDate,
    /// One report per problem, earliest closed first.
    pub problems: Vec<ProblemReport>,
}
