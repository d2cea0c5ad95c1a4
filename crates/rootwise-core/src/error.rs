//! The one error type of Rootwise.
//!
//! Across the boundary to the UI an error is serialised as an
//! [`ErrorPayload`] `{ code, message, details }`: the UI branches on `code`
//! and translates from `details`; `message` is English, for logs.

use std::path::{Path, PathBuf};

use serde::{Serialize, Serializer};
use ts_rs::TS;

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Which validation rule an input broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The value is empty but must not be.
    Required,
    /// The value is longer than `limit` characters.
    TooLong,
    /// The number is outside its allowed range.
    OutOfRange,
    /// The value is not one of the allowed choices or not well formed.
    Invalid,
    /// The date lies in the future.
    InFuture,
    /// The list has more than `limit` items.
    TooMany,
    /// The status cannot move from its current value to this one.
    Transition,
    /// The date lies before the day the item was created.
    BeforeCreated,
    /// The problem still has unfinished actions: closing it needs a reason.
    OpenActions,
    /// The file is larger than `limit` megabytes.
    TooLarge,
    /// The file is not a PNG or JPEG picture.
    NotImage,
    /// The participant has used every vote they have (`limit`).
    NoVotesLeft,
    /// The name is not one of the map's participants.
    NotParticipant,
    /// A survey score outside its question's scale; `limit` is the top of
    /// the scale (10 for NPS, whose scale alone starts at 0; 5 for CSAT;
    /// 5 or 7 for CES).
    OutOfScale,
    /// An end before its start: a contact resolved before it was opened, a
    /// period that ends before it starts.
    BeforeStart,
    /// More customers at the end of a period than at its start plus the
    /// new ones; `limit` is start plus new.
    OverStartPlusNew,
    /// A quoted CSV field not closed before the end of the file, or text
    /// right after a closing quote.
    BrokenQuote,
}

impl Rule {
    fn as_str(self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::TooLong => "too_long",
            Rule::OutOfRange => "out_of_range",
            Rule::Invalid => "invalid",
            Rule::InFuture => "in_future",
            Rule::TooMany => "too_many",
            Rule::Transition => "transition",
            Rule::BeforeCreated => "before_created",
            Rule::OpenActions => "open_actions",
            Rule::TooLarge => "too_large",
            Rule::NotImage => "not_image",
            Rule::NoVotesLeft => "no_votes_left",
            Rule::NotParticipant => "not_participant",
            Rule::OutOfScale => "out_of_scale",
            Rule::BeforeStart => "before_start",
            Rule::OverStartPlusNew => "over_start_plus_new",
            Rule::BrokenQuote => "broken_quote",
        }
    }
}

/// Everything that can go wrong in Rootwise.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The entity does not exist (or the id is malformed).
    #[error("{entity} {id} was not found")]
    NotFound {
        /// Entity kind.
        entity: &'static str,
        /// The id that was asked for.
        id: String,
    },
    /// One or more inputs broke a rule; the UI shows each beside its field.
    #[error("invalid input: {}", describe(.0))]
    InvalidInput(Vec<FieldError>),
    /// The write conflicts with the current state.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The workspace was written by a newer Rootwise; it was left untouched.
    #[error("{} was written by a newer version of Rootwise (schema version {found}); this version supports up to {supported}. The file was left untouched.", path.display())]
    SchemaTooNew {
        /// The workspace file.
        path: PathBuf,
        /// The schema version found in the file.
        found: u32,
        /// The newest schema version this binary knows.
        supported: u32,
    },
    /// The file is not an SQLite database at all.
    #[error("{} is not a SQLite database; it was left untouched", path.display())]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },
    /// The path is a folder, not a workspace file. A workspace can be
    /// created inside it, at `suggested`.
    #[error("{} is a folder, not a workspace file; a new workspace can be created inside it as {}", path.display(), suggested.display())]
    IsAFolder {
        /// The folder.
        path: PathBuf,
        /// Where a workspace inside it goes ([`crate::store::workspace_in_folder`]).
        suggested: PathBuf,
    },
    /// The file is an SQLite database, but some other program's.
    #[error("{} is a SQLite database but not a Rootwise workspace; it was left untouched", path.display())]
    NotAWorkspace {
        /// The file.
        path: PathBuf,
    },
    /// The workspace (or its folder) cannot be written.
    #[error("{} cannot be written: {reason}", path.display())]
    NotWritable {
        /// The file.
        path: PathBuf,
        /// What the operating system or SQLite said.
        reason: String,
    },
    /// No workspace is open (the last open failed).
    #[error("no workspace is open")]
    WorkspaceClosed,
    /// A change file that is not one, or is cut short or altered since it
    /// was written: nothing of it is applied.
    #[error("the change file cannot be used: {reason}")]
    ChangeFileDamaged {
        /// What is wrong with it (for logs; the UI has its own sentence).
        reason: String,
    },
    /// A change file from another workspace.
    #[error("the change file belongs to another workspace")]
    ChangeFileForeign,
    /// A change file whose changes build on changes this copy has not
    /// received yet: nothing of it is applied.
    #[error("the change file needs changes this copy has not received yet: {reason}")]
    ChangeFileNeedsEarlier {
        /// What is missing (for logs; the UI has its own sentence).
        reason: String,
    },
    /// A change file written by a newer Rootwise.
    #[error("the change file was written by a newer version of Rootwise (schema version {found}; this version supports up to {supported})")]
    ChangeFileTooNew {
        /// The schema version of the copy that wrote it.
        found: u32,
        /// The newest schema version this binary knows.
        supported: u32,
    },
    /// The team hub cannot be reached (offline, a wrong address, the hub
    /// down): changes wait and go with the next sync.
    #[error("the team hub cannot be reached: {reason}")]
    HubUnreachable {
        /// What the network said (for logs; the UI has its own sentence).
        reason: String,
    },
    /// The hub refused the token: unknown, mistyped or revoked.
    #[error("the team hub refused the token")]
    HubTokenRefused,
    /// The token's user is not a member of this workspace on the hub.
    #[error("this workspace is not shared with this token's user on the team hub")]
    HubNotMember,
    /// The hub is older than this workspace's schema: the hub needs updating.
    #[error("the team hub is older than this version of Rootwise: {reason}")]
    HubTooOld {
        /// What the hub said.
        reason: String,
    },
    /// The hub refused for another reason.
    #[error("the team hub refused: {reason}")]
    HubRefused {
        /// What the hub said.
        reason: String,
    },
    /// Opening a team workspace from the hub needs a new file: this one
    /// exists (and may hold other work), so it was left untouched.
    #[error("{} exists; a team workspace from the hub goes into a new file", path.display())]
    HubJoinNeedsNewFile {
        /// The file chosen.
        path: PathBuf,
    },
    /// An emotion on a journey's curve outside −2..+2.
    #[error("{field} is scored from -2 to +2; {value} is outside")]
    EmotionOutOfRange {
        /// The field (`emotionCurrent` or `emotionTarget`).
        field: String,
        /// The value given.
        value: i64,
    },
    /// A journey stage that still has touchpoints is deleted without
    /// saying they go too: nothing changed; asked again with them, they go
    /// to the trash with the stage and come back with it.
    #[error("the stage has {count} touchpoints; they go to the trash with it only when asked")]
    StageHasTouchpoints {
        /// Its live touchpoints.
        count: u32,
    },
    /// A future journey map is made from a current map only.
    #[error("a future journey map can only be made from a current one")]
    JourneyNotCurrent,
    /// Only a card of the opportunities lane becomes a corrective action.
    #[error("only an opportunity card can become a corrective action")]
    NotAnOpportunity,
    /// SQLite failed.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// A file could not be read or written.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// A bug or an impossible state.
    #[error("internal error: {0}")]
    Internal(String),
}

/// One broken validation rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// The field, as named in the UI types (camelCase).
    pub field: String,
    /// The rule it broke.
    pub rule: Rule,
    /// The limit involved, if any (maximum length or count, range end).
    pub limit: Option<u32>,
}

impl FieldError {
    /// A broken rule on `field`.
    pub fn new(field: &str, rule: Rule, limit: Option<u32>) -> Self {
        Self {
            field: field.to_owned(),
            rule,
            limit,
        }
    }
}

fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| match e.limit {
            Some(l) => format!("{} {} (limit {l})", e.field, e.rule.as_str()),
            None => format!("{} {}", e.field, e.rule.as_str()),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Collects every broken rule of a form, so the UI can show them all at once.
#[derive(Debug, Default)]
pub struct Checks(Vec<FieldError>);

impl Checks {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Notes a broken rule.
    pub fn fail(&mut self, field: &str, rule: Rule, limit: Option<u32>) {
        self.0.push(FieldError::new(field, rule, limit));
    }

    /// Notes the broken rules of a check's result, if it failed.
    pub fn note<T>(&mut self, result: &Result<T>) {
        if let Err(Error::InvalidInput(errors)) = result {
            self.0.extend(errors.iter().cloned());
        }
    }

    /// `Ok` when nothing failed, else all the errors.
    pub fn finish(self) -> Result<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Error::InvalidInput(self.0))
        }
    }
}

impl Error {
    /// A validation error on one field.
    pub fn invalid(field: &str, rule: Rule, limit: Option<u32>) -> Self {
        Error::InvalidInput(vec![FieldError::new(field, rule, limit)])
    }

    /// The first broken rule, for an invalid-input error.
    pub fn field_error(&self) -> Option<&FieldError> {
        match self {
            Error::InvalidInput(errors) => errors.first(),
            _ => None,
        }
    }

    /// The stable code the UI branches on.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::Conflict(_) => ErrorCode::Conflict,
            Error::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            Error::NotADatabase { .. } => ErrorCode::NotADatabase,
            Error::NotAWorkspace { .. } => ErrorCode::NotAWorkspace,
            Error::IsAFolder { .. } => ErrorCode::IsAFolder,
            Error::NotWritable { .. } => ErrorCode::NotWritable,
            Error::WorkspaceClosed => ErrorCode::WorkspaceClosed,
            Error::ChangeFileDamaged { .. } => ErrorCode::ChangeFileDamaged,
            Error::ChangeFileForeign => ErrorCode::ChangeFileForeign,
            Error::ChangeFileNeedsEarlier { .. } => ErrorCode::ChangeFileNeedsEarlier,
            Error::ChangeFileTooNew { .. } => ErrorCode::ChangeFileTooNew,
            Error::HubUnreachable { .. } => ErrorCode::HubUnreachable,
            Error::HubTokenRefused => ErrorCode::HubTokenRefused,
            Error::HubNotMember => ErrorCode::HubNotMember,
            Error::HubTooOld { .. } => ErrorCode::HubTooOld,
            Error::HubRefused { .. } => ErrorCode::HubRefused,
            Error::HubJoinNeedsNewFile { .. } => ErrorCode::HubJoinNeedsNewFile,
            Error::EmotionOutOfRange { .. } => ErrorCode::EmotionOutOfRange,
            Error::StageHasTouchpoints { .. } => ErrorCode::StageHasTouchpoints,
            Error::JourneyNotCurrent => ErrorCode::JourneyNotCurrent,
            Error::NotAnOpportunity => ErrorCode::NotAnOpportunity,
            Error::Database(_) => ErrorCode::Database,
            Error::Migration(_) => ErrorCode::Database,
            Error::Io(_) => ErrorCode::Io,
            Error::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The structured details the UI needs to write its own message.
    pub fn details(&self) -> ErrorDetails {
        let mut d = ErrorDetails::default();
        let path = |p: &Path| Some(p.display().to_string());
        match self {
            Error::NotFound { entity, id } => {
                d.entity = Some((*entity).to_owned());
                d.id = Some(id.clone());
            }
            Error::InvalidInput(errors) => {
                if let Some(first) = errors.first() {
                    d.field = Some(first.field.clone());
                    d.rule = Some(first.rule);
                    d.limit = first.limit;
                }
                d.fields = Some(errors.clone());
            }
            Error::SchemaTooNew {
                path: p,
                found,
                supported,
            } => {
                d.path = path(p);
                d.found = Some(*found);
                d.supported = Some(*supported);
            }
            Error::NotADatabase { path: p } | Error::NotAWorkspace { path: p } => {
                d.path = path(p);
            }
            Error::NotWritable { path: p, .. } | Error::HubJoinNeedsNewFile { path: p } => {
                d.path = path(p);
            }
            Error::ChangeFileTooNew { found, supported } => {
                d.found = Some(*found);
                d.supported = Some(*supported);
            }
            Error::IsAFolder { path: p, suggested } => {
                d.path = path(p);
                d.suggested_path = path(suggested);
            }
            Error::EmotionOutOfRange { field, .. } => {
                d.field = Some(field.clone());
                d.limit = Some(2);
            }
            Error::StageHasTouchpoints { count } => d.count = Some(*count),
            _ => {}
        }
        d
    }

    /// The payload sent across the boundary.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code(),
            message: self.to_string(),
            details: self.details(),
        }
    }
}

/// Stable error codes, one per kind of failure the UI treats differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// See [`Error::NotFound`].
    NotFound,
    /// See [`Error::InvalidInput`].
    InvalidInput,
    /// See [`Error::Conflict`].
    Conflict,
    /// See [`Error::SchemaTooNew`].
    SchemaTooNew,
    /// See [`Error::NotADatabase`].
    NotADatabase,
    /// See [`Error::NotAWorkspace`].
    NotAWorkspace,
    /// See [`Error::IsAFolder`].
    IsAFolder,
    /// See [`Error::NotWritable`].
    NotWritable,
    /// See [`Error::WorkspaceClosed`].
    WorkspaceClosed,
    /// See [`Error::ChangeFileDamaged`].
    ChangeFileDamaged,
    /// See [`Error::ChangeFileForeign`].
    ChangeFileForeign,
    /// See [`Error::ChangeFileTooNew`].
    ChangeFileTooNew,
    /// See [`Error::ChangeFileNeedsEarlier`].
    ChangeFileNeedsEarlier,
    /// See [`Error::HubUnreachable`].
    HubUnreachable,
    /// See [`Error::HubTokenRefused`].
    HubTokenRefused,
    /// See [`Error::HubNotMember`].
    HubNotMember,
    /// See [`Error::HubTooOld`].
    HubTooOld,
    /// See [`Error::HubRefused`].
    HubRefused,
    /// See [`Error::HubJoinNeedsNewFile`].
    HubJoinNeedsNewFile,
    /// See [`Error::EmotionOutOfRange`].
    EmotionOutOfRange,
    /// See [`Error::StageHasTouchpoints`].
    StageHasTouchpoints,
    /// See [`Error::JourneyNotCurrent`].
    JourneyNotCurrent,
    /// See [`Error::NotAnOpportunity`].
    NotAnOpportunity,
    /// SQLite or a migration failed.
    Database,
    /// A file could not be read or written.
    Io,
    /// A bug.
    Internal,
}

/// The parts of an error a translated message is built from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetails {
    /// The file concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub path: Option<String>,
    /// Where a workspace would go instead (inside a folder given as one).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub suggested_path: Option<String>,
    /// The invalid field.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// The broken rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rule: Option<Rule>,
    /// The limit involved.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub limit: Option<u32>,
    /// Schema version found in a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub found: Option<u32>,
    /// Newest schema version supported.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub supported: Option<u32>,
    /// Entity kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub entity: Option<String>,
    /// Entity id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub id: Option<String>,
    /// How many items are concerned (the touchpoints of a stage).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub count: Option<u32>,
    /// Every broken rule, for invalid input (the first is also in
    /// `field`, `rule` and `limit`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fields: Option<Vec<FieldError>>,
}

/// What every failed command returns to the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorPayload {
    /// What kind of failure; the UI branches on it.
    pub code: ErrorCode,
    /// An English description, for logs.
    pub message: String,
    /// What a translated message is built from.
    pub details: ErrorDetails,
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_message_details() {
        let err = Error::SchemaTooNew {
            path: PathBuf::from("/tmp/ws.db"),
            found: 9,
            supported: 1,
        };
        let json = serde_json::to_value(&err).unwrap_or_default();
        assert_eq!(json["code"], "schema_too_new");
        assert_eq!(json["details"]["found"], 9);
        assert_eq!(json["details"]["supported"], 1);
        assert_eq!(json["details"]["path"], "/tmp/ws.db");
        let message = json["message"].as_str().unwrap_or_default();
        assert!(message.contains("/tmp/ws.db") && message.contains('9') && message.contains('1'));
        assert!(
            json["details"].get("field").is_none(),
            "absent details are left out"
        );
    }

    #[test]
    fn invalid_input_names_field_rule_and_limit() {
        let json = serde_json::to_value(Error::invalid("title", Rule::TooLong, Some(300)))
            .unwrap_or_default();
        assert_eq!(json["code"], "invalid_input");
        assert_eq!(json["details"]["field"], "title");
        assert_eq!(json["details"]["rule"], "too_long");
        assert_eq!(json["details"]["limit"], 300);
        assert_eq!(json["details"]["fields"][0]["field"], "title");
    }

    #[test]
    fn checks_collect_every_broken_rule() {
        let mut checks = Checks::new();
        checks.fail("title", Rule::Required, None);
        checks.note(&Err::<(), _>(Error::invalid(
            "nps",
            Rule::OutOfRange,
            Some(10),
        )));
        checks.note(&Ok::<_, Error>(3));
        let err = checks.finish().unwrap_err();
        let json = serde_json::to_value(&err).unwrap_or_default();
        assert_eq!(json["details"]["fields"].as_array().map(Vec::len), Some(2));
        assert!(err.to_string().contains("nps out_of_range (limit 10)"));
        assert!(Checks::new().finish().is_ok());
    }
}
