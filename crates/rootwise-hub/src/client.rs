//! The HTTP transport the app syncs through ([`Transport`] over `ureq`,
//! blocking: run it off the UI thread). Errors come back as the core's hub
//! errors, so the app can say what went wrong in the user's language.

use std::time::Duration;

use rootwise_core::sync::hub::{PullAnswer, PushAnswer, PushRequest, Transport, PROTOCOL};
use rootwise_core::{Error, Result};
use serde::Deserialize;

use crate::codes;

/// How long a request may take before the hub counts as unreachable.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A hub at an address, reached with a token.
pub struct HttpTransport {
    base: String,
    token: String,
    agent: ureq::Agent,
}

/// An error's body, as the hub writes it.
#[derive(Debug, Deserialize)]
struct ErrorBody {
    code: String,
    message: String,
}

/// A workspace the token's user belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct HubWorkspace {
    /// The Rootwise workspace id.
    pub id: String,
    /// Its name on the hub.
    pub name: String,
}

impl HttpTransport {
    /// A transport to the hub at `address` (`http://host:port` or
    /// `https://...`; a trailing slash is fine) with `token`. An
    /// `https://` hub's certificate must chain to a public certificate
    /// authority.
    pub fn new(address: &str, token: &str) -> Result<Self> {
        Self::build(address, token, None)
    }

    /// A transport that trusts only `certificate` (PEM), the authority
    /// of an `https://` hub whose certificate a team made itself.
    pub fn trusting(address: &str, token: &str, certificate: &[u8]) -> Result<Self> {
        let root =
            ureq::tls::Certificate::from_pem(certificate).map_err(|e| Error::HubUnreachable {
                reason: format!("the certificate to trust cannot be read: {e}"),
            })?;
        Self::build(address, token, Some(root))
    }

    fn build(
        address: &str,
        token: &str,
        root: Option<ureq::tls::Certificate<'static>>,
    ) -> Result<Self> {
        let base = address.trim().trim_end_matches('/').to_owned();
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(Error::HubUnreachable {
                reason: format!("{base} is not an http:// or https:// address"),
            });
        }
        let mut config = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false);
        if let Some(root) = root {
            config = config.tls_config(
                ureq::tls::TlsConfig::builder()
                    .root_certs(ureq::tls::RootCerts::new_with_certs(&[root]))
                    .build(),
            );
        }
        let agent: ureq::Agent = config.build().into();
        Ok(Self {
            base,
            token: token.trim().to_owned(),
            agent,
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/v{PROTOCOL}{path}", self.base)
    }

    /// The workspaces the token's user belongs to (checks the address and
    /// the token: what "Connect" does first).
    pub fn workspaces(&mut self) -> Result<Vec<HubWorkspace>> {
        let response = self
            .agent
            .get(&self.url("/workspaces"))
            .header("Authorization", &format!("Bearer {}", self.token))
            .call()
            .map_err(unreachable)?;
        read(response)
    }
}

fn unreachable(e: ureq::Error) -> Error {
    Error::HubUnreachable {
        reason: e.to_string(),
    }
}

/// The answer's body, or the hub's refusal as a core error.
fn read<T: serde::de::DeserializeOwned>(
    mut response: ureq::http::Response<ureq::Body>,
) -> Result<T> {
    let status = response.status().as_u16();
    if (200..300).contains(&status) {
        return response
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_json()
            .map_err(|e| Error::HubRefused {
                reason: format!("its answer cannot be read: {e}"),
            });
    }
    let body: Option<ErrorBody> = response.body_mut().read_json().ok();
    let (code, message) = body
        .map(|b| (b.code, b.message))
        .unwrap_or_else(|| (String::new(), format!("HTTP {status}")));
    Err(match (status, code.as_str()) {
        (401, _) | (_, codes::TOKEN_REFUSED) => Error::HubTokenRefused,
        (403, _) | (_, codes::NOT_MEMBER) => Error::HubNotMember,
        (_, codes::CLIENT_TOO_NEW) => Error::HubTooOld { reason: message },
        (502..=504, _) => Error::HubUnreachable { reason: message },
        _ => Error::HubRefused { reason: message },
    })
}

impl Transport for HttpTransport {
    fn push(&mut self, request: &PushRequest) -> Result<PushAnswer> {
        let response = self
            .agent
            .post(&self.url(&format!("/workspaces/{}/push", request.workspace_id)))
            .header("Authorization", &format!("Bearer {}", self.token))
            .send_json(request)
            .map_err(unreachable)?;
        read(response)
    }

    fn pull(&mut self, workspace_id: &str, after: i64, limit: u32) -> Result<PullAnswer> {
        let response = self
            .agent
            .get(&self.url(&format!("/workspaces/{workspace_id}/pull")))
            .query("after", after.to_string())
            .query("limit", limit.to_string())
            .header("Authorization", &format!("Bearer {}", self.token))
            .call()
            .map_err(unreachable)?;
        read(response)
    }
}
