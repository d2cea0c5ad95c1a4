//! Users, tokens, workspaces and members: what the `rootwise-hub` command
//! line does. A token is 256 random bits, shown once when it is made; the
//! hub keeps only its SHA-256.

use base64::Engine as _;
use deadpool_postgres::Pool;
use sha2::{Digest, Sha256};

use crate::db::HubError;

/// The prefix of every token (so one is recognised in a config file).
pub const TOKEN_PREFIX: &str = "rwh_";

/// A new token: the prefix and 32 random bytes in URL-safe base64.
pub fn new_token() -> Result<String, HubError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| HubError::NoRandomness(e.to_string()))?;
    Ok(format!(
        "{TOKEN_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    ))
}

/// What the hub stores of a token.
pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.trim().as_bytes()).to_vec()
}

/// Adds a user and returns their first token.
pub async fn user_add(pool: &Pool, name: &str) -> Result<String, HubError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(HubError::NameRequired);
    }
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let taken = tx
        .query_opt("SELECT 1 FROM users WHERE name = $1", &[&name])
        .await?;
    if taken.is_some() {
        return Err(HubError::UserExists(name.to_owned()));
    }
    let row = tx
        .query_one(
            "INSERT INTO users (name) VALUES ($1) RETURNING id",
            &[&name],
        )
        .await?;
    let id: i64 = row.get(0);
    let token = new_token()?;
    tx.execute(
        "INSERT INTO tokens (user_id, hash) VALUES ($1, $2)",
        &[&id, &token_hash(&token)],
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

async fn user_id(client: &tokio_postgres::Client, name: &str) -> Result<i64, HubError> {
    client
        .query_opt("SELECT id FROM users WHERE name = $1", &[&name.trim()])
        .await?
        .map(|r| r.get(0))
        .ok_or_else(|| HubError::NoSuchUser(name.to_owned()))
}

/// A new token for an existing user (their others keep working).
pub async fn token_add(pool: &Pool, user: &str) -> Result<String, HubError> {
    let client = pool.get().await?;
    let id = user_id(&client, user).await?;
    let token = new_token()?;
    client
        .execute(
            "INSERT INTO tokens (user_id, hash) VALUES ($1, $2)",
            &[&id, &token_hash(&token)],
        )
        .await?;
    Ok(token)
}

/// Revokes every token of `user`: they stop working at once (every
/// request checks). Returns how many were revoked.
pub async fn tokens_revoke(pool: &Pool, user: &str) -> Result<u64, HubError> {
    let client = pool.get().await?;
    let id = user_id(&client, user).await?;
    Ok(client
        .execute(
            "UPDATE tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
            &[&id],
        )
        .await?)
}

/// Revokes one token.
pub async fn token_revoke(pool: &Pool, token: &str) -> Result<bool, HubError> {
    let client = pool.get().await?;
    Ok(client
        .execute(
            "UPDATE tokens SET revoked_at = now() WHERE hash = $1 AND revoked_at IS NULL",
            &[&token_hash(token)],
        )
        .await?
        == 1)
}

/// Adds a team workspace. `id`: the Rootwise workspace id its copies
/// share (shown in the app under Settings → Team); a new one if `None`,
/// for a team starting from nothing. Returns the id.
pub async fn workspace_add(pool: &Pool, name: &str, id: Option<&str>) -> Result<String, HubError> {
    let id = match id {
        Some(id) => {
            let id = id.trim();
            if id.is_empty()
                || id.len() > 64
                || !id.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
            {
                return Err(HubError::BadWorkspaceId(id.to_owned()));
            }
            id.to_owned()
        }
        None => uuid::Uuid::now_v7().to_string(),
    };
    let client = pool.get().await?;
    let added = client
        .execute(
            "INSERT INTO workspaces (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
            &[&id, &name.trim()],
        )
        .await?;
    if added == 0 {
        return Err(HubError::WorkspaceExists(id));
    }
    Ok(id)
}

/// Makes `user` a member of `workspace`.
pub async fn member_add(pool: &Pool, workspace: &str, user: &str) -> Result<(), HubError> {
    let client = pool.get().await?;
    let id = user_id(&client, user).await?;
    let known = client
        .query_opt("SELECT 1 FROM workspaces WHERE id = $1", &[&workspace])
        .await?;
    if known.is_none() {
        return Err(HubError::NoSuchWorkspace(workspace.to_owned()));
    }
    client
        .execute(
            "INSERT INTO members (workspace_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&workspace, &id],
        )
        .await?;
    Ok(())
}

/// Takes `user` out of `workspace` (their next request is refused).
pub async fn member_remove(pool: &Pool, workspace: &str, user: &str) -> Result<bool, HubError> {
    let client = pool.get().await?;
    let id = user_id(&client, user).await?;
    Ok(client
        .execute(
            "DELETE FROM members WHERE workspace_id = $1 AND user_id = $2",
            &[&workspace, &id],
        )
        .await?
        == 1)
}

/// The workspaces: id, name, members and changes held.
pub async fn workspaces(pool: &Pool) -> Result<Vec<(String, String, i64, i64)>, HubError> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT w.id, w.name,
                    (SELECT count(*) FROM members m WHERE m.workspace_id = w.id),
                    (SELECT count(*) FROM changes c WHERE c.workspace_id = w.id)
             FROM workspaces w ORDER BY w.name",
            &[],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect())
}

/// Gives the hub a new epoch, after its database was restored from a
/// backup: every client then pulls from the beginning again (and pushes
/// what the restored log lacks), instead of trusting its cursor.
pub async fn restored(pool: &Pool) -> Result<String, HubError> {
    let client = pool.get().await?;
    Ok(client
        .query_one(
            "UPDATE hub SET epoch = gen_random_uuid()::text RETURNING epoch",
            &[],
        )
        .await?
        .get(0))
}
