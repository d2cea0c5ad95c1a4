//! Customer journey maps: every touchpoint where a customer meets the
//! brand, stage by stage, with what they do, expect, think, feel, are
//! driven and blocked by, and where the logged problems concentrate.
//!
//! - [`model`]: maps, stages, touchpoints, lane cards, the grid, the list,
//!   the pain overlay's figures;
//! - [`write`]: create (with the bilingual starting stages), edit, reorder,
//!   delete and restore every part; links to problems, pinned notes and
//!   quotes; a future map made from a current one; review marks;
//! - [`read`]: the whole map as a grid in one call, the list with reviews
//!   due, a touchpoint's problems, a problem's touchpoints;
//! - [`pain`]: the pain overlay (problems, occurrences in a period, highest
//!   severity, verified fixes per touchpoint);
//! - [`export`]: a map's content as Markdown.
//!
//! Order is kept by fractional positions (as on empathy notes): a move
//! rewrites one row's `position`, so moves on two copies merge without
//! renumbering each other's rows; ties sort by id.
//!
//! A stage deleted with its touchpoints stamps them `deleted_with` the
//! stage, and restoring the stage brings exactly those back. A map in the
//! trash hides everything on it without stamping it, so restoring the map
//! brings it all back as it was.
//!
//! Opportunities become corrective actions through
//! `workflow::action_from_opportunity`, which records the link here.

pub mod export;
pub mod model;
pub mod pain;
pub mod read;
pub mod write;

pub use export::{grid_markdown, markdown, MarkdownLabels};
pub use model::*;
pub use pain::pain_overlay;
pub use read::{
    all_touchpoints, get_card, get_map, get_stage, get_touchpoint, grid, list_maps, match_key,
    preview_matching_problems, review_due_on, reviews_due, touchpoint_problems,
    touchpoints_for_problem,
};
pub use write::{
    add_card, add_stage, add_touchpoint, create_map, delete_card, delete_map, delete_stage,
    delete_touchpoint, edit_card, edit_map, edit_touchpoint, future_from_current,
    link_matching_problems, link_problem, mark_reviewed, move_card, move_stage, move_touchpoint,
    pin_note, pin_quote, rename_stage, restore_card, restore_map, restore_stage,
    restore_touchpoint, starting_stages, unlink_problem, unpin_note, unpin_quote,
};

/// The entity name of a map in history, trash and change events.
pub const JOURNEY: &str = crate::entity::JOURNEY;
/// The entity name of a stage.
pub const STAGE: &str = crate::entity::STAGE;
/// The entity name of a touchpoint.
pub const TOUCHPOINT: &str = crate::entity::TOUCHPOINT;
/// The entity name of a lane card.
pub const CARD: &str = crate::entity::CARD;
