//! A workspace as a replica: every committed write's changes captured with
//! SQLite's session extension, stamped with a hybrid logical clock, in the
//! `change_log` table, so copies of a workspace (a workshop laptop, the
//! team's copy) can exchange their changes and merge them.
//!
//! Captured: the tables people's work lives in ([`REPLICATED`]). Not
//! captured: what is derived from them and rebuilt after a merge (the
//! search indexes), what belongs to this copy only (`meta`, the replica's
//! identity, the change log itself), and history, which is keyed by a local
//! sequence and so gets its own identity before it travels.

pub mod capture;
pub mod file;
pub mod hlc;

pub use capture::{replica, Replica};
pub use hlc::Hlc;

/// The tables whose rows travel between copies of a workspace, parents
/// before children (the order a merge applies them in).
pub const REPLICATED: &[&str] = &[
    "problems",
    "problem_tags",
    "problem_refs",
    "occurrences",
    "analyses",
    "why_nodes",
    "why_evidence",
    "actions",
    "action_causes",
    "action_comments",
    "personas",
    "persona_pictures",
    "persona_quotes",
    "persona_problems",
    "empathy_maps",
    "empathy_groups",
    "empathy_notes",
    "empathy_note_causes",
    "empathy_votes",
];
