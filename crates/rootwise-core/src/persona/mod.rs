//! Personas: kinds of customers, built from what real customers said.
//!
//! - [`model`]: personas, quotes with their source, links;
//! - [`write`]: create, edit, duplicate as a template, the picture,
//!   quotes, links to problems, delete and restore;
//! - [`read`]: one, the list, a page's detail, a problem's personas;
//! - [`picture`]: the checks a picture passes before it is kept.
//!
//! Quotes are the heart of a persona; a picture and demographics are
//! optional. A picture is stored in the workspace, never referenced from
//! disk, and only after its own header shows it is a PNG or JPEG.

pub mod model;
pub mod picture;
pub mod read;
pub mod write;

pub use model::*;
pub use read::{detail, for_problem, get, get_quote, list, maps_for_problem};
pub use write::{
    add_quote, clear_picture, create, delete, delete_quote, duplicate, edit, edit_quote,
    link_problem, restore, restore_quote, set_picture, unlink_problem,
};

/// The entity name of a persona in history, trash and change events.
pub const ENTITY: &str = crate::entity::PERSONA;
/// The entity name of a quote.
pub const QUOTE: &str = crate::entity::QUOTE;
