//! Empathy maps: what a persona says, thinks, does and feels, their pains
//! and gains, on sticky notes from a workshop.
//!
//! - [`model`]: maps, areas, notes, groups, votes, the board;
//! - [`write`]: maps, notes (add, edit, move, group, link to causes and
//!   a problem), groups, dot votes, the private-writing round;
//! - [`read`]: the board, the list, a cause's or a problem's notes.
//!
//! A note written during a private-writing round stays hidden (on the
//! board and everywhere else) until the round is revealed. Each
//! participant has a set number of dots to vote with.

pub mod model;
pub mod read;
pub mod write;

pub use model::*;
pub use read::{
    get_group, get_map, get_note, list_maps, map_board, note_causes, notes_for_problem,
    notes_for_why,
};
pub use write::{
    add_note, create_group, create_map, delete_map, delete_note, dissolve_group, edit_map,
    edit_note, rename_group, restore_map, restore_note, unvote, vote,
};

/// The entity name of a map in history, trash and change events.
pub const MAP: &str = crate::entity::MAP;
/// The entity name of a note.
pub const NOTE: &str = crate::entity::NOTE;
/// The entity name of a group of notes.
pub const GROUP: &str = crate::entity::GROUP;
