//! The Rootwise team hub.
//!
//! - [`server`] (feature `server`): an axum service over PostgreSQL that
//!   keeps each team workspace's changes in an append-only log, answers
//!   pushes and pulls ([`rootwise_core::sync::hub`] is the protocol), and
//!   checks a hashed token and the membership on every request.
//! - [`admin`] (feature `server`): users, tokens, workspaces and members,
//!   for the `rootwise-hub` command line.
//! - [`client`] (feature `client`): the HTTP transport the app syncs
//!   through; no server, no PostgreSQL.

#[cfg(feature = "server")]
pub mod admin;
#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "server")]
pub mod db;
#[cfg(feature = "server")]
pub mod server;

/// The error codes the hub answers with (JSON `{ "code", "message" }`),
/// shared by the server and the client.
pub mod codes {
    /// No token, or one the hub does not know or has revoked (401).
    pub const TOKEN_REFUSED: &str = "token_refused";
    /// The token's user is not a member of the workspace, or it does not
    /// exist (403).
    pub const NOT_MEMBER: &str = "not_member";
    /// The client's schema is newer than the hub knows (409).
    pub const CLIENT_TOO_NEW: &str = "client_too_new";
    /// The request itself is wrong (400).
    pub const BAD_REQUEST: &str = "bad_request";
    /// The body is larger than the hub takes (413).
    pub const TOO_LARGE: &str = "too_large";
    /// Something failed on the hub (500).
    pub const INTERNAL: &str = "internal";
}
