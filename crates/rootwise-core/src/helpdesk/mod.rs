//! Importing help-desk exports (Zendesk CSV and JSON, Freshdesk CSV, any
//! CSV through a column mapping) as problems and their occurrences.
//!
//! This module composes areas (problems, metrics, the actions' recurrence
//! watch) as `workflow` does; no area calls it.
//!
//! - [`encoding`]: UTF-8, UTF-16 or Windows-1256, detected or chosen;
//! - [`ticket`]: the common ticket record, formats, cell parsing;
//! - [`parse`]: each layout's rows as tickets, the column mapping;
//! - [`maps`]: channel, severity and status tables, saved mappings;
//! - [`source`]: the file, read pass after pass, never held whole;
//! - [`import`]: check (preview, groups, bad rows) and import.

pub mod encoding;
pub mod import;
pub mod maps;
pub mod parse;
pub mod source;
pub mod ticket;

pub use encoding::TextEncoding;
pub use import::{
    check, import, Becomes, GroupReason, HelpdeskCheck, HelpdeskImport, HelpdeskProgress,
    ImportOptions, PreviewTicket, SuggestedGroup,
};
pub use maps::{
    delete_mapping, get_mapping, list_mappings, mapping_by_name, save_mapping, ChannelRow,
    SavedMapping, SeverityRow, StatusRow, ValueMaps,
};
pub use parse::TicketColumns;
pub use source::TicketFile;
pub use ticket::{HelpdeskFormat, Satisfaction, Ticket};
