//! The hub's HTTP service: push and pull for each team workspace (the
//! protocol is [`rootwise_core::sync::hub`]), with the token and the
//! membership checked on every request.
//!
//! Routes (JSON bodies; errors are `{ "code", "message" }` with a status):
//! - `GET  /v1/health`: up, and the schema version it knows.
//! - `GET  /v1/workspaces`: the workspaces the token's user belongs to.
//! - `POST /v1/workspaces/{id}/push`: store changes (each once).
//! - `GET  /v1/workspaces/{id}/pull?after=N&limit=M`: the changes after
//!   cursor N, at most M (and about [`PAGE_BYTES`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine as _;
use deadpool_postgres::Pool;
use rootwise_core::sync::hub::{PullAnswer, PushAnswer, PushRequest, WireChange, PROTOCOL};
use rootwise_core::sync::Hlc;
use rootwise_core::SCHEMA_VERSION;
use serde::{Deserialize, Serialize};

use crate::admin::token_hash;
use crate::codes;
use crate::db::HubError;

/// The most changes one pull answers with.
pub const PAGE_MAX: u32 = 1000;
/// About the most bytes of changesets one pull answers with (at least one
/// change, however large).
pub const PAGE_BYTES: usize = 8 * 1024 * 1024;
/// The largest request body taken, by default.
pub const BODY_LIMIT: usize = 32 * 1024 * 1024;

/// The service's state.
#[derive(Clone)]
pub struct Hub {
    pool: Pool,
}

impl Hub {
    /// A hub over `pool` (migrated: see [`crate::db::migrate`]).
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }
}

/// The routes, with a body limit of `body_limit` bytes.
pub fn router(hub: Hub, body_limit: usize) -> Router {
    Router::new()
        .route("/v1/health", get(health))
        .route("/v1/workspaces", get(workspaces))
        .route("/v1/workspaces/{id}/push", post(push))
        .route("/v1/workspaces/{id}/pull", get(pull))
        .layer(DefaultBodyLimit::max(body_limit))
        .with_state(Arc::new(hub))
}

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    fn bad(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, codes::BAD_REQUEST, message)
    }
}

/// An error's body.
#[derive(Debug, Serialize, Deserialize)]
pub struct ErrorBody {
    /// One of [`crate::codes`].
    pub code: String,
    /// For people and logs.
    pub message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(ErrorBody {
                code: self.code.to_owned(),
                message: self.message,
            }),
        )
            .into_response()
    }
}

impl From<HubError> for ApiError {
    fn from(e: HubError) -> Self {
        eprintln!("rootwise-hub: {e}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            codes::INTERNAL,
            "the hub's database failed",
        )
    }
}

impl From<tokio_postgres::Error> for ApiError {
    fn from(e: tokio_postgres::Error) -> Self {
        HubError::from(e).into()
    }
}

impl From<deadpool_postgres::PoolError> for ApiError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        HubError::from(e).into()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Self::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                codes::TOO_LARGE,
                "the request is larger than the hub takes",
            )
        } else {
            Self::bad(r.body_text())
        }
    }
}

/// The user the request's token belongs to.
async fn user(hub: &Hub, headers: &HeaderMap) -> Result<i64, ApiError> {
    let refused = || {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            codes::TOKEN_REFUSED,
            "the token is missing, unknown or revoked",
        )
    };
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(refused)?;
    let client = hub.pool.get().await?;
    let row = client
        .query_opt(
            "SELECT user_id FROM tokens WHERE hash = $1 AND revoked_at IS NULL",
            &[&token_hash(token)],
        )
        .await?;
    row.map(|r| r.get(0)).ok_or_else(refused)
}

/// The user, if a member of `workspace`.
async fn member(hub: &Hub, headers: &HeaderMap, workspace: &str) -> Result<i64, ApiError> {
    let user = user(hub, headers).await?;
    let client = hub.pool.get().await?;
    let row = client
        .query_opt(
            "SELECT 1 FROM members WHERE workspace_id = $1 AND user_id = $2",
            &[&workspace, &user],
        )
        .await?;
    match row {
        Some(_) => Ok(user),
        None => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            codes::NOT_MEMBER,
            "not a member of this workspace",
        )),
    }
}

/// `GET /v1/health`'s answer.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Health {
    /// Always true.
    pub ok: bool,
    /// The protocol's version.
    pub protocol: u32,
    /// The newest workspace schema the hub takes changes of.
    pub schema_version: u32,
}

async fn health() -> Json<Health> {
    Json(Health {
        ok: true,
        protocol: PROTOCOL,
        schema_version: SCHEMA_VERSION,
    })
}

/// One workspace a user belongs to.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct WorkspaceEntry {
    /// The Rootwise workspace id.
    pub id: String,
    /// Its name on the hub.
    pub name: String,
}

async fn workspaces(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
) -> Result<Json<Vec<WorkspaceEntry>>, ApiError> {
    let user = user(&hub, &headers).await?;
    let client = hub.pool.get().await?;
    let rows = client
        .query(
            "SELECT w.id, w.name FROM workspaces w JOIN members m ON m.workspace_id = w.id
             WHERE m.user_id = $1 ORDER BY w.name",
            &[&user],
        )
        .await?;
    Ok(Json(
        rows.iter()
            .map(|r| WorkspaceEntry {
                id: r.get(0),
                name: r.get(1),
            })
            .collect(),
    ))
}

async fn holds(
    client: &impl deadpool_postgres::GenericClient,
    workspace: &str,
) -> Result<BTreeMap<String, String>, ApiError> {
    let rows = client
        .query(
            "SELECT replica_id, hlc FROM holds WHERE workspace_id = $1",
            &[&workspace],
        )
        .await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

fn json<T: Serialize>(value: &T) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(value).map_err(|e| ApiError::bad(e.to_string()))
}

async fn push(
    State(hub): State<Arc<Hub>>,
    Path(workspace): Path<String>,
    headers: HeaderMap,
    body: Result<Json<PushRequest>, JsonRejection>,
) -> Result<Json<PushAnswer>, ApiError> {
    let user = member(&hub, &headers, &workspace).await?;
    let Json(request) = body?;
    if request.workspace_id != workspace {
        return Err(ApiError::bad("the changes belong to another workspace"));
    }
    if request.schema_version > SCHEMA_VERSION {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            codes::CLIENT_TOO_NEW,
            format!(
                "the app's workspace schema is version {}; this hub takes up to {SCHEMA_VERSION}: update the hub",
                request.schema_version
            ),
        ));
    }
    // Checked whole before anything is stored.
    let mut changes = Vec::with_capacity(request.changes.len());
    for c in &request.changes {
        let hlc = Hlc::parse(&c.hlc).map_err(|_| ApiError::bad("a change has no valid stamp"))?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&c.changeset)
            .map_err(|_| ApiError::bad("a change's changeset is not base64"))?;
        changes.push((hlc, bytes, c));
    }
    let schema = i32::try_from(request.schema_version).unwrap_or(i32::MAX);

    let mut client = hub.pool.get().await?;
    let tx = client.transaction().await?;
    // One push at a time per workspace: the log's order is its commit order.
    tx.query_one(
        "SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE",
        &[&workspace],
    )
    .await?;
    // One statement for the whole batch (the workspace's lock is held for
    // as short a time as can be), in stamp order so the log's order
    // follows the clocks.
    let mut stamps = Vec::with_capacity(changes.len());
    let mut replicas = Vec::with_capacity(changes.len());
    let mut authors = Vec::with_capacity(changes.len());
    let mut bodies = Vec::with_capacity(changes.len());
    let mut knews = Vec::with_capacity(changes.len());
    let mut histories = Vec::with_capacity(changes.len());
    let mut trashes = Vec::with_capacity(changes.len());
    for (hlc, bytes, c) in changes {
        stamps.push(hlc.to_text());
        replicas.push(hlc.replica.clone());
        authors.push(c.author.clone());
        bodies.push(bytes);
        knews.push(json(&c.knew)?);
        histories.push(json(&c.history)?);
        trashes.push(json(&c.in_trash)?);
    }
    let insert = tx
        .prepare_cached(
            "INSERT INTO changes (workspace_id, hlc, replica_id, author, changeset, knew, history,
                                  in_trash, schema_version, pushed_by)
             SELECT $1, h, r, a, c, k, hi, t, $9, $10
             FROM unnest($2::text[], $3::text[], $4::text[], $5::bytea[], $6::jsonb[], $7::jsonb[],
                         $8::jsonb[]) AS u (h, r, a, c, k, hi, t)
             ORDER BY h
             ON CONFLICT (workspace_id, hlc) DO NOTHING
             RETURNING replica_id, hlc",
        )
        .await?;
    let added = tx
        .query(
            &insert,
            &[
                &workspace, &stamps, &replicas, &authors, &bodies, &knews, &histories, &trashes,
                &schema, &user,
            ],
        )
        .await?;
    let mut latest: BTreeMap<String, String> = BTreeMap::new();
    for row in &added {
        let (replica, stamp): (String, String) = (row.get(0), row.get(1));
        let slot = latest.entry(replica).or_default();
        if stamp > *slot {
            *slot = stamp;
        }
    }
    let hold = tx
        .prepare_cached(
            "INSERT INTO holds (workspace_id, replica_id, hlc) VALUES ($1, $2, $3)
             ON CONFLICT (workspace_id, replica_id)
             DO UPDATE SET hlc = GREATEST(holds.hlc, excluded.hlc)",
        )
        .await?;
    for (replica, stamp) in &latest {
        tx.execute(&hold, &[&workspace, replica, stamp]).await?;
    }
    let accepted = u32::try_from(added.len()).unwrap_or(u32::MAX);
    let mut answer = PushAnswer {
        accepted,
        already_here: u32::try_from(stamps.len()).unwrap_or(u32::MAX) - accepted,
        ..PushAnswer::default()
    };
    answer.holds = holds(&tx, &workspace).await?;
    tx.commit().await?;
    Ok(Json(answer))
}

/// A column the hub wrote from checked data, read back.
fn from_db<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    serde_json::from_value(value).map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            codes::INTERNAL,
            format!("a stored change cannot be read: {e}"),
        )
    })
}

/// A pull's query.
#[derive(Debug, Deserialize)]
struct PullQuery {
    #[serde(default)]
    after: i64,
    limit: Option<u32>,
}

async fn pull(
    State(hub): State<Arc<Hub>>,
    Path(workspace): Path<String>,
    headers: HeaderMap,
    query: Result<Query<PullQuery>, QueryRejection>,
) -> Result<Json<PullAnswer>, ApiError> {
    member(&hub, &headers, &workspace).await?;
    let Query(query) = query.map_err(|r| ApiError::bad(r.body_text()))?;
    let limit = query.limit.unwrap_or(PAGE_MAX).clamp(1, PAGE_MAX);
    let client = hub.pool.get().await?;
    let rows = client
        .query(
            "SELECT seq, hlc, author, changeset, knew, history, in_trash, schema_version
             FROM changes WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            &[&workspace, &query.after, &(i64::from(limit) + 1)],
        )
        .await?;
    let mut answer = PullAnswer {
        next: query.after,
        ..PullAnswer::default()
    };
    let mut bytes = 0;
    for (i, row) in rows.iter().enumerate() {
        let changeset: Vec<u8> = row.get(3);
        if i >= limit as usize || (i > 0 && bytes + changeset.len() > PAGE_BYTES) {
            answer.more = true;
            break;
        }
        bytes += changeset.len();
        answer.changes.push(WireChange {
            hlc: row.get(1),
            author: row.get(2),
            changeset: base64::engine::general_purpose::STANDARD.encode(&changeset),
            knew: from_db(row.get(4))?,
            history: from_db(row.get(5))?,
            in_trash: from_db(row.get(6))?,
        });
        answer.next = row.get(0);
        let schema: i32 = row.get(7);
        answer.schema_version = answer
            .schema_version
            .max(u32::try_from(schema).unwrap_or_default());
    }
    answer.holds = holds(&client, &workspace).await?;
    answer.epoch = client.query_one("SELECT epoch FROM hub", &[]).await?.get(0);
    Ok(Json(answer))
}

/// A certificate chain and its private key, PEM files: the hub then speaks
/// HTTPS itself (rustls), with no reverse proxy in front.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    /// The certificate chain, leaf first.
    pub cert: std::path::PathBuf,
    /// The certificate's private key (PKCS #8, PKCS #1 or SEC1).
    pub key: std::path::PathBuf,
}

/// The TLS set-up for a certificate and its key: refused, naming the
/// files, when either cannot be read or used.
pub async fn tls_config(
    files: &TlsFiles,
) -> Result<axum_server::tls_rustls::RustlsConfig, HubError> {
    // One process, one provider: installing it again is a harmless
    // refusal. ring, as the app's client uses, rather than aws-lc (a C
    // build and megabytes more): rustls 0.23.48 deprecates ring's provider
    // for lacking post-quantum key exchange; X25519 and the NIST curves
    // remain.
    #[allow(deprecated)]
    let provider = rustls::crypto::ring::default_provider();
    let _ = provider.install_default();
    axum_server::tls_rustls::RustlsConfig::from_pem_file(&files.cert, &files.key)
        .await
        .map_err(|e| HubError::Tls {
            cert: files.cert.display().to_string(),
            key: files.key.display().to_string(),
            reason: e.to_string(),
        })
}

/// Serves `app` on `listener`, over TLS when given its set-up
/// ([`tls_config`]), until `shutdown` resolves (requests in flight are let
/// finish, for up to ten seconds under TLS).
pub async fn serve(
    listener: std::net::TcpListener,
    app: Router,
    tls: Option<axum_server::tls_rustls::RustlsConfig>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), HubError> {
    listener.set_nonblocking(true)?;
    let Some(config) = tls else {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await?;
        return Ok(());
    };
    let handle = axum_server::Handle::new();
    let stop = handle.clone();
    tokio::spawn(async move {
        shutdown.await;
        stop.graceful_shutdown(Some(std::time::Duration::from_secs(10)));
    });
    axum_server::from_tcp_rustls(listener, config)?
        .handle(handle)
        .serve(app.into_make_service())
        .await?;
    Ok(())
}
