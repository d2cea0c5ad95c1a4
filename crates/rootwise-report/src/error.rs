//! The crate's one error type.

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading the workspace failed.
    #[error(transparent)]
    Core(#[from] rootwise_core::Error),
    /// The typesetter refused the document (a bug in the template, never
    /// the user's text, which goes in as data).
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// The report's data could not be encoded.
    #[error("encoding the report's data failed: {0}")]
    Encode(#[from] serde_json::Error),
}

/// The crate's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
