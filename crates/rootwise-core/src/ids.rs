//! Entity ids: UUID v7 (time-ordered), stored as TEXT, one newtype per
//! entity so a `ProblemId` can never be passed where another id is meant.

use std::fmt;
use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS)]
        #[serde(transparent)]
        #[ts(type = "string")]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh, time-ordered id (UUID v7).
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// The underlying UUID.
            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0.hyphenated())
            }
        }

        impl FromStr for $name {
            type Err = crate::error::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self).map_err(|_| crate::error::Error::NotFound {
                    entity: stringify!($name),
                    id: s.to_owned(),
                })
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.to_string()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                Uuid::parse_str(text)
                    .map(Self)
                    .map_err(|e| FromSqlError::Other(Box::new(e)))
            }
        }
    };
}

id_newtype!(
    /// Identifies a customer problem.
    ProblemId
);

id_newtype!(
    /// Identifies one further report of a problem.
    OccurrenceId
);

id_newtype!(
    /// Identifies a 5-Whys analysis.
    AnalysisId
);

id_newtype!(
    /// Identifies one cause (a "why") in an analysis tree.
    WhyId
);

id_newtype!(
    /// Identifies one piece of evidence for a cause.
    EvidenceId
);

id_newtype!(
    /// Identifies a corrective action.
    ActionId
);

id_newtype!(
    /// Identifies a comment on an action.
    CommentId
);

id_newtype!(
    /// Identifies a persona.
    PersonaId
);

id_newtype!(
    /// Identifies a customer's quote on a persona.
    QuoteId
);

id_newtype!(
    /// Identifies an empathy map.
    MapId
);

id_newtype!(
    /// Identifies a sticky note on an empathy map.
    NoteId
);

id_newtype!(
    /// Identifies a group of notes on an empathy map.
    GroupId
);

id_newtype!(
    /// Identifies one dot vote.
    VoteId
);

id_newtype!(
    /// Identifies a customer's survey answer.
    ResponseId
);

id_newtype!(
    /// Identifies the customer figures of one period.
    PeriodId
);

id_newtype!(
    /// Identifies a customer journey map.
    JourneyId
);

id_newtype!(
    /// Identifies a stage of a journey map.
    StageId
);

id_newtype!(
    /// Identifies a touchpoint of a journey map.
    TouchpointId
);

id_newtype!(
    /// Identifies a text card in a journey map's lane.
    CardId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_v7_and_time_ordered() {
        let a = ProblemId::new();
        let b = ProblemId::new();
        assert_eq!(a.as_uuid().get_version_num(), 7);
        assert!(a < b, "v7 ids sort by creation time");
        assert!(a.to_string() < b.to_string(), "and so does their text");
    }

    #[test]
    fn parses_its_own_text_and_rejects_garbage() {
        let a = ProblemId::new();
        assert_eq!(a.to_string().parse::<ProblemId>().ok(), Some(a));
        let err = "not-an-id".parse::<ProblemId>().err();
        assert!(matches!(err, Some(crate::Error::NotFound { .. })));
    }

    #[test]
    fn serialises_as_a_plain_string() {
        let a = ProblemId::new();
        let json = serde_json::to_string(&a).unwrap_or_default();
        assert_eq!(json, format!("\"{a}\""));
    }
}

id_newtype!(
    /// Identifies a saved column mapping of help-desk imports.
    ImportMappingId
);
