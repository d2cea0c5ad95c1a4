//! Problem types and the status rules.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::ProblemId;
pub use crate::vocab::{Channel, Severity, Status};

impl Status {
    /// Whether the status may move from `self` to `to`: forward to any later
    /// status; back to investigating or actions in progress when a fix did
    /// not hold; a closed problem only reopens (back to investigating).
    pub fn can_move_to(self, to: Status) -> bool {
        if self == to {
            return true;
        }
        match (self, to) {
            (Status::Closed, Status::Investigating) => true,
            (Status::Closed, _) => false,
            (_, Status::Investigating | Status::ActionsInProgress) => true,
            _ => to > self,
        }
    }
}

/// A customer problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Its id.
    pub id: ProblemId,
    /// One line that says what goes wrong for the customer.
    pub title: String,
    /// The long story, in any language.
    pub description: String,
    /// The customer or account.
    pub customer: String,
    /// The customer segment.
    pub segment: String,
    /// Where the customer reached us, if known.
    pub channel: Option<Channel>,
    /// The journey stage where it happens.
    pub journey_stage: String,
    /// How badly it hurts.
    pub severity: Severity,
    /// Where it stands.
    pub status: Status,
    /// Who owns it.
    pub owner: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Help-desk ticket ids or links.
    pub references: Vec<String>,
    /// The day it was first reported.
    pub reported_on: NaiveDate,
    /// Customer satisfaction, 1-5.
    pub csat: Option<u8>,
    /// Net Promoter answer, 0-10.
    pub nps: Option<u8>,
    /// Customer effort score, 1-7.
    pub ces: Option<u8>,
    /// Estimated number of customers affected.
    pub customers_affected: Option<u32>,
    /// Reports in all: the first one and every further occurrence.
    pub occurrence_count: u32,
    /// The first day it was seen.
    pub first_seen: NaiveDate,
    /// The last day it was seen.
    pub last_seen: NaiveDate,
    /// The problem this one was merged into, if it was.
    pub merged_into: Option<ProblemId>,
    /// Part of the removable sample workspace.
    pub sample: bool,
    /// When it was logged.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// What the user fills in to log a problem; only the title is required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct NewProblem {
    /// The title (required, at most 300 characters).
    pub title: String,
    /// The description.
    #[ts(optional)]
    pub description: Option<String>,
    /// The customer or account.
    #[ts(optional)]
    pub customer: Option<String>,
    /// The segment.
    #[ts(optional)]
    pub segment: Option<String>,
    /// The channel.
    #[ts(optional)]
    pub channel: Option<Channel>,
    /// The journey stage.
    #[ts(optional)]
    pub journey_stage: Option<String>,
    /// The severity (medium when left out).
    #[ts(optional)]
    pub severity: Option<Severity>,
    /// The owner.
    #[ts(optional)]
    pub owner: Option<String>,
    /// Tags.
    #[ts(optional)]
    pub tags: Option<Vec<String>>,
    /// Ticket ids or links.
    #[ts(optional)]
    pub references: Option<Vec<String>>,
    /// The day it was reported (today when left out; never in the future).
    #[ts(optional)]
    pub reported_on: Option<NaiveDate>,
    /// CSAT, 1-5.
    #[ts(optional)]
    pub csat: Option<u8>,
    /// NPS answer, 0-10.
    #[ts(optional)]
    pub nps: Option<u8>,
    /// CES, 1-7.
    #[ts(optional)]
    pub ces: Option<u8>,
    /// Estimated customers affected.
    #[ts(optional)]
    pub customers_affected: Option<u32>,
}

/// One edit of one field, as made in place on the detail screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum ProblemEdit {
    /// New title.
    Title(String),
    /// New description.
    Description(String),
    /// New customer.
    Customer(String),
    /// New segment.
    Segment(String),
    /// New channel (or none).
    Channel(Option<Channel>),
    /// New journey stage.
    JourneyStage(String),
    /// New severity.
    Severity(Severity),
    /// New status (see [`Status::can_move_to`]).
    Status(Status),
    /// New owner.
    Owner(String),
    /// The whole tag list.
    Tags(Vec<String>),
    /// The whole reference list.
    References(Vec<String>),
    /// New reported date.
    ReportedOn(NaiveDate),
    /// New CSAT (or none).
    Csat(Option<u8>),
    /// New NPS answer (or none).
    Nps(Option<u8>),
    /// New CES (or none).
    Ces(Option<u8>),
    /// New estimate of customers affected (or none).
    CustomersAffected(Option<u32>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_moves_forward_reopens_and_falls_back() {
        use Status::*;
        assert!(New.can_move_to(Investigating));
        assert!(
            New.can_move_to(Closed),
            "a duplicate or non-issue may close at once"
        );
        assert!(
            Monitoring.can_move_to(ActionsInProgress),
            "the fix did not hold"
        );
        assert!(Monitoring.can_move_to(Investigating));
        assert!(Closed.can_move_to(Investigating), "reopen");
        assert!(!Closed.can_move_to(New));
        assert!(!Closed.can_move_to(Monitoring));
        assert!(!RootCauseFound.can_move_to(New));
        assert!(!Monitoring.can_move_to(RootCauseFound));
    }

    #[test]
    fn enums_round_trip_their_text() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(*c));
            assert_eq!(
                serde_json::to_value(c).ok(),
                Some(serde_json::json!(c.as_str()))
            );
        }
        assert_eq!(
            Status::parse("root_cause_found"),
            Some(Status::RootCauseFound)
        );
        assert_eq!(Severity::parse("urgent"), None);
    }

    #[test]
    fn an_edit_travels_as_field_and_value() {
        let edit: ProblemEdit =
            serde_json::from_str(r#"{"field":"nps","value":9}"#).unwrap_or(ProblemEdit::Nps(None));
        assert_eq!(edit, ProblemEdit::Nps(Some(9)));
        let edit: ProblemEdit = serde_json::from_str(r#"{"field":"channel","value":null}"#)
            .unwrap_or(ProblemEdit::Title(String::new()));
        assert_eq!(edit, ProblemEdit::Channel(None));
    }
}
