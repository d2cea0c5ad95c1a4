//! The hub's PostgreSQL: the connection pool and the schema's migrations.

use deadpool_postgres::{Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// What can fail between the hub and its database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
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
    /// Something the hub was asked is wrong (a name taken, one unknown).
    #[error("{0}")]
    Refused(String),
}

/// A pool on the database named by `url` (a libpq connection string or a
/// `postgres://` URL).
pub fn pool(url: &str, size: usize) -> Result<Pool, DbError> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_owned());
    cfg.manager = Some(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    cfg.pool = Some(deadpool_postgres::PoolConfig::new(size));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

/// Brings the schema up to date (each migration once, in order).
pub async fn migrate(pool: &Pool) -> Result<(), DbError> {
    let mut client = pool.get().await?;
    let client: &mut tokio_postgres::Client = &mut client;
    embedded::migrations::runner().run_async(client).await?;
    Ok(())
}
