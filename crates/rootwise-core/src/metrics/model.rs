//! Metrics types: survey answers, period figures, and the figures computed
//! from them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::{PeriodId, ProblemId, ResponseId, TouchpointId};
use crate::vocab::Channel;

crate::text_enum! {
    /// Which survey question an answer is to.
    pub enum SurveyKind {
        /// Net Promoter Score: how likely to recommend, 0-10.
        Nps = "nps",
        /// Customer satisfaction, 1-5.
        Csat = "csat",
        /// Customer effort score, on a 5- or 7-point scale.
        Ces = "ces",
    }
}

crate::text_enum! {
    /// Which end of a CES scale means "easy".
    pub enum CesEasy {
        /// 1 is very easy.
        Low = "low",
        /// The top of the scale is very easy.
        High = "high",
    }
}

crate::text_enum! {
    /// A measure the dashboard shows. CES is kept apart per scale (5 and 7
    /// points are never mixed), as the ease on its own scale: an answer on
    /// a scale whose easy end is low is turned round (`scale + 1 - score`),
    /// so a higher mean is always easier.
    pub enum Measure {
        /// NPS, -100..100.
        Nps = "nps",
        /// CSAT, % of 4-5 answers.
        Csat = "csat",
        /// CES on a 5-point scale: mean ease, 1..5.
        Ces5 = "ces5",
        /// CES on a 7-point scale: mean ease, 1..7.
        Ces7 = "ces7",
    }
}

crate::text_enum! {
    /// How a trend is bucketed.
    pub enum Granularity {
        /// Weeks starting on Monday.
        Week = "week",
        /// Calendar months.
        Month = "month",
    }
}

crate::text_enum! {
    /// What the numbers say about a fix: the 95% interval of the difference
    /// (after - before) lies above zero, straddles it, or lies below it.
    pub enum Verdict {
        /// The whole interval of the difference is above zero.
        Improved = "improved",
        /// The interval of the difference contains zero.
        NoClearChange = "no_clear_change",
        /// The whole interval of the difference is below zero.
        Worse = "worse",
        /// No answers before or after: nothing to compare.
        NoData = "no_data",
    }
}

/// A customer's answer to one survey question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SurveyResponse {
    /// Its id.
    pub id: ResponseId,
    /// Which question.
    pub kind: SurveyKind,
    /// The score, on the kind's scale.
    pub score: u8,
    /// For CES: 5 or 7 points.
    pub ces_scale: Option<u8>,
    /// For CES: which end is easy.
    pub ces_easy: Option<CesEasy>,
    /// The day the customer answered.
    pub responded_on: NaiveDate,
    /// Where the customer answered.
    pub channel: Option<Channel>,
    /// What the customer wrote.
    pub comment: String,
    /// A ticket id or link.
    pub ticket_ref: String,
    /// The customer.
    pub customer: String,
    /// The problem the answer is about, when known.
    pub problem_id: Option<ProblemId>,
    /// The journey touchpoint the answer is about, when known.
    pub touchpoint_id: Option<TouchpointId>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// An answer as the user enters it, to add one or to replace one's fields.
/// Kind, CES scale and easy end are fixed once added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResponseInput {
    /// Which question.
    pub kind: SurveyKind,
    /// The score, on the kind's scale.
    pub score: u8,
    /// For CES: 5 or 7 points (required for CES, refused otherwise).
    #[ts(optional)]
    pub ces_scale: Option<u8>,
    /// For CES: which end is easy (required for CES, refused otherwise).
    #[ts(optional)]
    pub ces_easy: Option<CesEasy>,
    /// The day the customer answered (not in the future).
    pub responded_on: NaiveDate,
    /// Where the customer answered.
    #[ts(optional)]
    pub channel: Option<Channel>,
    /// What the customer wrote.
    #[ts(optional)]
    pub comment: Option<String>,
    /// A ticket id or link.
    #[ts(optional)]
    pub ticket_ref: Option<String>,
    /// The customer.
    #[ts(optional)]
    pub customer: Option<String>,
    /// The problem the answer is about (a live one).
    #[ts(optional)]
    pub problem_id: Option<ProblemId>,
    /// The journey touchpoint the answer is about (a live one).
    #[serde(default)]
    #[ts(optional)]
    pub touchpoint_id: Option<TouchpointId>,
}

/// Customers over one period, for retention, churn and lifetime value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodFigures {
    /// Its id.
    pub id: PeriodId,
    /// The first day of the period.
    pub period_start: NaiveDate,
    /// The last day of the period.
    pub period_end: NaiveDate,
    /// Customers at the start.
    pub customers_start: u32,
    /// Customers at the end.
    pub customers_end: u32,
    /// Customers gained during the period.
    pub customers_new: u32,
    /// Average revenue per customer over the period.
    pub revenue_per_customer: Option<f64>,
    /// Margin on that revenue, 0..1.
    pub margin: Option<f64>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// Period figures as the user enters them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodInput {
    /// The first day of the period.
    pub period_start: NaiveDate,
    /// The last day of the period (not before the first, not in the future).
    pub period_end: NaiveDate,
    /// Customers at the start.
    pub customers_start: u32,
    /// Customers at the end (at most start plus new).
    pub customers_end: u32,
    /// Customers gained during the period.
    pub customers_new: u32,
    /// Average revenue per customer over the period (0 or more).
    #[ts(optional)]
    pub revenue_per_customer: Option<f64>,
    /// Margin on that revenue, 0..1.
    #[ts(optional)]
    pub margin: Option<f64>,
}

/// One figure: its value, its 95% interval, how many answers it rests on,
/// and whether that is too few to trust (`n` under [`super::THIN_BELOW`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// The value (NPS -100..100, CSAT and rates in %, CES on its scale);
    /// `None` without answers.
    pub value: Option<f64>,
    /// The 95% interval's low end.
    pub low: Option<f64>,
    /// The 95% interval's high end.
    pub high: Option<f64>,
    /// How many answers (or customers at the start) it rests on.
    pub n: u32,
    /// `n` is under 30: shown, never bare.
    pub thin: bool,
}

/// Time to resolution over the resolved contacts: median and 90th
/// percentile, in hours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TtrFigure {
    /// The median, in hours.
    pub median_hours: Option<f64>,
    /// The 90th percentile (nearest rank), in hours.
    pub p90_hours: Option<f64>,
    /// How many resolved contacts.
    pub n: u32,
    /// `n` is under 30.
    pub thin: bool,
}

/// Retention, churn and lifetime value of one period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionFigures {
    /// The period.
    pub period: PeriodFigures,
    /// CRR = (end - new) / start, in %, with its Wilson interval.
    pub retention: Figure,
    /// Churn = lost / start, in %, with its Wilson interval.
    pub churn: Figure,
    /// CLV = revenue x margin x (1 / churn), when revenue, margin and a
    /// churn above zero are known.
    pub lifetime_value: Option<f64>,
}

/// One measure's figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeasureFigure {
    /// The measure.
    pub measure: Measure,
    /// Its figure.
    pub figure: Figure,
}

/// The figures of one bucket of a trend.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    /// The first day of the week or month.
    pub start: NaiveDate,
    /// Each measure's figure in it.
    pub figures: Vec<MeasureFigure>,
    /// Time to resolution of the contacts opened in it.
    pub ttr: TtrFigure,
}

/// A problem that hurts a measure, by the negative answers linked to it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HurtingProblem {
    /// The problem.
    pub problem_id: ProblemId,
    /// Its title.
    pub title: String,
    /// Negative answers linked to it (NPS detractors, CSAT 1-3, CES in the
    /// hard half of its scale).
    pub negative: u32,
    /// The measure over every answer linked to it.
    pub figure: Figure,
}

/// The problems that hurt one measure most.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeasureHurts {
    /// The measure.
    pub measure: Measure,
    /// The problems, the most negative answers first.
    pub problems: Vec<HurtingProblem>,
}

/// What the dashboard asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardQuery {
    /// The first day.
    pub from: NaiveDate,
    /// The last day (included).
    pub to: NaiveDate,
    /// Only answers (and contacts) from this channel.
    #[ts(optional)]
    pub channel: Option<Channel>,
    /// Only answers (and contacts) about this problem.
    #[ts(optional)]
    pub problem_id: Option<ProblemId>,
    /// Only answers about this journey touchpoint, or about the problems
    /// linked to it (and those problems' contacts).
    #[serde(default)]
    #[ts(optional)]
    pub touchpoint_id: Option<TouchpointId>,
    /// Only answers (and contacts) about problems of this customer segment
    /// (as the problems name it, without regard to case).
    #[serde(default)]
    #[ts(optional)]
    pub segment: Option<String>,
    /// The trend's buckets.
    pub granularity: Granularity,
}

/// The dashboard's figures for a period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// Each measure over the whole period.
    pub figures: Vec<MeasureFigure>,
    /// Time to resolution over the whole period.
    pub ttr: TtrFigure,
    /// The trend, oldest bucket first; buckets without answers are kept.
    pub trend: Vec<TrendPoint>,
    /// The problems that hurt each measure most.
    pub hurts: Vec<MeasureHurts>,
    /// Retention, churn and lifetime value of the periods inside the range.
    pub retention: Vec<RetentionFigures>,
}

/// One measure before and after one fix.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The measure.
    pub measure: Measure,
    /// In the weeks before the fix.
    pub before: Figure,
    /// In the weeks after.
    pub after: Figure,
    /// after - before, with its 95% interval (MOVER, from both intervals).
    pub difference: Figure,
    /// What that says.
    pub verdict: Verdict,
}

/// A problem's measures around one corrective action's done day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FixEffect {
    /// The action.
    pub action_id: String,
    /// Its title.
    pub title: String,
    /// The day it was done.
    pub done_on: NaiveDate,
    /// Each measure before and after.
    pub measures: Vec<Comparison>,
    /// Time to resolution before.
    pub ttr_before: TtrFigure,
    /// Time to resolution after.
    pub ttr_after: TtrFigure,
}
