//! The hub's PostgreSQL: the connection pool and the schema's migrations.

use deadpool_postgres::{Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// What can go wrong in the hub's service and its command line.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    /// PostgreSQL said no.
    #[error("database: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    /// No connection could be had.
    #[error("database pool: {0}")]
    Pool(#[from] deadpool_postgres::PoolError),
    /// The pool could not be built from the settings.
    #[error("database settings: {0}")]
    Settings(#[from] deadpool_postgres::CreatePoolError),
    /// A migration failed.
    #[error("database migration: {0}")]
    Migration(#[from] refinery::Error),
    /// Listening or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// No database was named.
    #[error("no database: pass --database or set ROOTWISE_HUB_DATABASE")]
    NoDatabase,
    /// A certificate without its key, or a key without its certificate.
    #[error("TLS needs both --tls-cert and --tls-key")]
    TlsHalf,
    /// The certificate or its key could not be read or used.
    #[error("TLS certificate {cert} with key {key}: {reason}")]
    Tls {
        /// The certificate's file.
        cert: String,
        /// The key's file.
        key: String,
        /// What was wrong.
        reason: String,
    },
    /// The system gave no randomness for a token or an id.
    #[error("no randomness: {0}")]
    NoRandomness(String),
    /// A user without a name.
    #[error("a user needs a name")]
    NameRequired,
    /// The name is taken.
    #[error("a user named {0} exists")]
    UserExists(String),
    /// No such user.
    #[error("no user is named {0}")]
    NoSuchUser(String),
    /// Not a Rootwise workspace id.
    #[error("{0} is not a workspace id")]
    BadWorkspaceId(String),
    /// The workspace exists already.
    #[error("the workspace {0} exists")]
    WorkspaceExists(String),
    /// No such workspace.
    #[error("no workspace {0}")]
    NoSuchWorkspace(String),
    /// The user was not a member.
    #[error("{user} was not a member of {workspace}")]
    NotAMember {
        /// The user.
        user: String,
        /// The workspace.
        workspace: String,
    },
}

/// A pool on the database named by `url` (a libpq connection string or a
/// `postgres://` URL).
pub fn pool(url: &str, size: usize) -> Result<Pool, HubError> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_owned());
    cfg.manager = Some(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    cfg.pool = Some(deadpool_postgres::PoolConfig::new(size));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

/// Brings the schema up to date (each migration once, in order).
pub async fn migrate(pool: &Pool) -> Result<(), HubError> {
    let mut client = pool.get().await?;
    let client: &mut tokio_postgres::Client = &mut client;
    embedded::migrations::runner().run_async(client).await?;
    Ok(())
}
