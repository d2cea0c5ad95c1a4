//! Analysis and why-tree types.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::checks::NodeCheck;
use crate::ids::{AnalysisId, EvidenceId, ProblemId, WhyId};
use crate::vocab::Status as ProblemStatus;

crate::text_enum! {
    /// Where an analysis stands.
    pub enum AnalysisStatus {
        /// The team is still asking why.
        Draft = "draft",
        /// The tree is written; the team checks it.
        InReview = "in_review",
        /// Agreed: the root causes are known.
        Concluded = "concluded",
    }
}

crate::text_enum! {
    /// What the team knows about a cause.
    pub enum WhyStatus {
        /// Proposed, not yet checked.
        Hypothesis = "hypothesis",
        /// Checked against evidence: it is true.
        Confirmed = "confirmed",
        /// Checked: it is not the cause.
        RuledOut = "ruled_out",
    }
}

impl WhyStatus {
    /// The next status in the cycle hypothesis → confirmed → ruled out.
    pub fn next(self) -> Self {
        match self {
            WhyStatus::Hypothesis => WhyStatus::Confirmed,
            WhyStatus::Confirmed => WhyStatus::RuledOut,
            WhyStatus::RuledOut => WhyStatus::Hypothesis,
        }
    }
}

crate::text_enum! {
    /// What kind of cause it is.
    pub enum CauseCategory {
        /// People: skills, training, authority, staffing.
        People = "people",
        /// A process or a procedure.
        Process = "process",
        /// The product or a system.
        Product = "product",
        /// A policy or a rule.
        Policy = "policy",
        /// The environment: place, time, tools, load.
        Environment = "environment",
        /// A partner or supplier.
        Partner = "partner",
        /// Anything else.
        Other = "other",
    }
}

/// A 5-Whys analysis of a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Its id.
    pub id: AnalysisId,
    /// The problem it analyses.
    pub problem_id: ProblemId,
    /// A short title.
    pub title: String,
    /// Who ran the session.
    pub facilitator: String,
    /// Who took part.
    pub participants: Vec<String>,
    /// The day of the session.
    pub held_on: NaiveDate,
    /// Where it stands.
    pub status: AnalysisStatus,
    /// What the team concluded.
    pub summary: String,
    /// Part of the removable sample workspace.
    pub sample: bool,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// What a new analysis starts with. Only the problem and title are needed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewAnalysis {
    /// The problem it analyses.
    #[ts(type = "string")]
    pub problem_id: String,
    /// A short title.
    pub title: String,
    /// Who runs the session.
    #[ts(optional)]
    pub facilitator: Option<String>,
    /// Who takes part.
    #[ts(optional)]
    pub participants: Option<Vec<String>>,
    /// The day of the session (today when absent).
    #[ts(optional)]
    pub held_on: Option<NaiveDate>,
    /// A summary.
    #[ts(optional)]
    pub summary: Option<String>,
}

/// One change to one field of an analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum AnalysisEdit {
    /// A new title.
    Title(String),
    /// A new facilitator.
    Facilitator(String),
    /// The participants.
    Participants(Vec<String>),
    /// The day of the session.
    HeldOn(NaiveDate),
    /// A new status.
    Status(AnalysisStatus),
    /// A new summary.
    Summary(String),
}

/// One piece of evidence for a cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// Its id.
    pub id: EvidenceId,
    /// What was seen or learned.
    pub note: String,
    /// Where it comes from: a ticket, a link, a log.
    pub reference: String,
    /// Who added it.
    pub author: String,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

/// Evidence as the user enters it: a note, a reference, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewEvidence {
    /// What was seen or learned.
    pub note: String,
    /// Where it comes from.
    pub reference: String,
}

/// One cause in a why-tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WhyNode {
    /// Its id.
    pub id: WhyId,
    /// The analysis it belongs to.
    pub analysis_id: AnalysisId,
    /// The cause it explains; none when it answers the problem statement.
    pub parent_id: Option<WhyId>,
    /// Its place among its siblings, from 0.
    pub position: u32,
    /// The cause, phrased as a statement.
    pub text: String,
    /// What the team knows about it.
    pub status: WhyStatus,
    /// What kind of cause it is.
    pub category: Option<CauseCategory>,
    /// Marked as a root cause.
    pub root_cause: bool,
    /// Needed together with its siblings that carry the same mark (AND).
    pub joint: bool,
    /// The corrective action the team means to create, if recorded.
    pub action_intent: Option<String>,
    /// Its evidence, in the order added.
    pub evidence: Vec<Evidence>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// A new cause.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewWhy {
    /// The cause it explains; absent for an answer to the problem statement.
    #[ts(optional, type = "string")]
    pub parent_id: Option<String>,
    /// Where among the siblings it goes (the end when absent).
    #[ts(optional)]
    pub position: Option<u32>,
    /// The cause (may start empty and be typed in later).
    pub text: String,
    /// Its status (hypothesis when absent).
    #[ts(optional)]
    pub status: Option<WhyStatus>,
    /// Its category.
    #[ts(optional)]
    pub category: Option<CauseCategory>,
}

/// One change to one field of a cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum WhyEdit {
    /// New text.
    Text(String),
    /// A new status.
    Status(WhyStatus),
    /// A category, or none.
    Category(Option<CauseCategory>),
    /// Marked as a root cause or not.
    RootCause(bool),
    /// Needed together with its marked siblings or not.
    Joint(bool),
    /// The corrective action the team means to create, or none.
    ActionIntent(Option<String>),
}

/// A problem as an analysis shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProblemStatement {
    /// The problem's id.
    pub id: ProblemId,
    /// Its title: the statement the tree explains.
    pub title: String,
    /// Its description.
    pub description: String,
    /// Its status.
    pub status: ProblemStatus,
}

/// An analysis with its whole tree and the checks that push back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnalysisTree {
    /// The analysis.
    pub analysis: Analysis,
    /// The problem it explains (the root of the tree).
    pub problem: ProblemStatement,
    /// Every live node, depth first: each parent before its children,
    /// siblings in order.
    pub nodes: Vec<WhyNode>,
    /// What the checks found, node by node.
    pub checks: Vec<NodeCheck>,
}

/// An analysis in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnalysisSummary {
    /// The analysis.
    pub analysis: Analysis,
    /// The title of the problem it analyses.
    pub problem_title: String,
    /// How many causes its tree holds.
    pub node_count: u32,
    /// How many of them are marked root causes.
    pub root_cause_count: u32,
    /// How many of those are confirmed.
    pub confirmed_root_cause_count: u32,
}

/// A cause that matched a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WhyHit {
    /// The analysis it belongs to.
    pub analysis_id: AnalysisId,
    /// The analysis title.
    pub analysis_title: String,
    /// The problem title.
    pub problem_title: String,
    /// The cause.
    pub why_id: WhyId,
    /// Its text.
    pub text: String,
    /// Its status.
    pub status: WhyStatus,
    /// Whether it is a root cause.
    pub root_cause: bool,
}
