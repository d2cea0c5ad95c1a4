//! The change feed: what a committed write touched, for the shell to
//! broadcast as one `workspace-changed` event per change.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

crate::text_enum! {
    /// What happened to an entity.
    pub enum ChangeOp {
        /// The entity was created.
        Create = "create",
        /// One or more of its fields changed.
        Update = "update",
        /// It was moved to the trash.
        Delete = "delete",
        /// It came back from the trash.
        Restore = "restore",
    }
}

/// One committed change: the payload of the `workspace-changed` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangeEvent {
    /// The entity kind, e.g. `problem`, `settings`, `workspace`.
    pub entity: String,
    /// The entity's id (empty for singletons such as settings).
    pub id: String,
    /// What happened.
    pub op: ChangeOp,
}

impl ChangeEvent {
    /// Builds a change event.
    pub fn new(entity: &str, id: impl ToString, op: ChangeOp) -> Self {
        Self {
            entity: entity.to_owned(),
            id: id.to_string(),
            op,
        }
    }
}
