//! Syncing with the team hub in the background: a thread of its own that
//! syncs on start, a few seconds after writes (debounced), on a timer, and
//! when asked ("Sync now"). It holds the workspace only for each database
//! step (the core's `sync_with`), never across a request, so the app stays
//! responsive while the hub is slow or away. Offline, changes wait in the
//! workspace's change log and go with the next sync that reaches the hub.
//!
//! Every change of state is announced as a `hub` change event; changes that
//! arrive from the hub as a `workspace` one, so open screens refresh.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rootwise_core::change::{ChangeEvent, ChangeOp};
use rootwise_core::sync::hub::{self, HubLink, HubLinks, HubState, HubStatus};
use rootwise_core::sync::replica;
use rootwise_core::{Error, Result};
use rootwise_hub::client::HttpTransport;
use tauri::AppHandle;

use crate::Shared;

/// How often a connected app syncs when nothing else asks it to.
const INTERVAL: Duration = Duration::from_secs(30);
/// Overrides [`INTERVAL`], in milliseconds (end-to-end tests).
const INTERVAL_ENV: &str = "ROOTWISE_SYNC_INTERVAL_MS";

fn interval() -> Duration {
    std::env::var(INTERVAL_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(INTERVAL, Duration::from_millis)
}
/// How long after the last write a sync waits (writes in a burst go together).
const DEBOUNCE: Duration = Duration::from_secs(2);
/// Changes asked for per pull.
const PAGE: u32 = 500;

/// What wakes the sync thread.
enum Poke {
    /// Sync now ("Sync now", connecting, opening a workspace).
    Now,
    /// Something was written: sync once writes pause.
    Wrote,
}

/// The sync engine: the thread's mailbox and what it last knew.
pub struct HubSync {
    poke: Mutex<Sender<Poke>>,
    status: Mutex<Option<HubStatus>>,
    links: HubLinks,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl HubSync {
    /// Starts the thread; it syncs once at once if the open workspace is
    /// connected.
    pub fn start(app: AppHandle, shared: Arc<Shared>, links: HubLinks) -> Arc<Self> {
        let (tx, rx) = mpsc::channel();
        let engine = Arc::new(Self {
            poke: Mutex::new(tx),
            status: Mutex::new(None),
            links,
        });
        let worker = Arc::clone(&engine);
        let spawned = std::thread::Builder::new()
            .name("rootwise-hub-sync".into())
            .spawn(move || worker.run(&app, &shared, &rx));
        if let Err(e) = spawned {
            eprintln!("Rootwise: the hub sync could not start: {e}");
        }
        engine.sync_now();
        engine
    }

    /// Asks for a sync now.
    pub fn sync_now(&self) {
        let _ = lock(&self.poke).send(Poke::Now);
    }

    /// Tells the engine something was written.
    pub fn wrote(&self) {
        let _ = lock(&self.poke).send(Poke::Wrote);
    }

    /// The links file.
    pub fn links(&self) -> &HubLinks {
        &self.links
    }

    /// The status of the open workspace's hub.
    pub fn status(&self, shared: &Shared) -> Result<HubStatus> {
        let (workspace_id, link, waiting) = shared.with_workspace(|ws| {
            let id = replica(ws.conn())?.workspace_id;
            let link = self.links.get(&id)?;
            let waiting = match &link {
                Some(l) => hub::waiting(ws.conn(), &l.key(&id))?,
                None => 0,
            };
            Ok((id, link, waiting))
        })?;
        let last = lock(&self.status).clone();
        Ok(match (link, last) {
            (None, _) => HubStatus {
                workspace_id,
                address: None,
                state: HubState::Off,
                waiting: 0,
                last_sync: None,
                last_pulled: 0,
                last_pushed: 0,
                error: None,
            },
            (Some(link), Some(last))
                if last.workspace_id == workspace_id
                    && last.address.as_deref() == Some(&link.address) =>
            {
                HubStatus { waiting, ..last }
            }
            (Some(link), _) => HubStatus {
                workspace_id,
                address: Some(link.address),
                state: HubState::Idle,
                waiting,
                last_sync: None,
                last_pulled: 0,
                last_pushed: 0,
                error: None,
            },
        })
    }

    /// Forgets what was known of the last sync (a new link, or none).
    pub fn reset(&self) {
        *lock(&self.status) = None;
    }

    fn run(&self, app: &AppHandle, shared: &Shared, rx: &Receiver<Poke>) {
        let every = interval();
        loop {
            match rx.recv_timeout(every) {
                Ok(Poke::Now) | Err(RecvTimeoutError::Timeout) => {}
                Ok(Poke::Wrote) => loop {
                    // Writes in a burst go together.
                    match rx.recv_timeout(DEBOUNCE) {
                        Ok(Poke::Now) | Err(RecvTimeoutError::Timeout) => break,
                        Ok(Poke::Wrote) => {}
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                },
                Err(RecvTimeoutError::Disconnected) => return,
            }
            self.sync_once(app, shared);
        }
    }

    /// One sync of the open workspace, if it is connected.
    fn sync_once(&self, app: &AppHandle, shared: &Shared) {
        let found = shared.with_workspace(|ws| {
            let id = replica(ws.conn())?.workspace_id;
            Ok((id.clone(), self.links.get(&id)?))
        });
        let Ok((workspace_id, Some(link))) = found else {
            return;
        };
        let mut status = self.status(shared).unwrap_or_else(|_| HubStatus {
            workspace_id: workspace_id.clone(),
            address: Some(link.address.clone()),
            state: HubState::Idle,
            waiting: 0,
            last_sync: None,
            last_pulled: 0,
            last_pushed: 0,
            error: None,
        });
        status.state = HubState::Syncing;
        self.publish(app, status.clone());

        let author = shared.settings().display_name;
        let result = sync(shared, &link, &workspace_id, &author);
        match result {
            Ok(summary) => {
                status.state = HubState::Idle;
                status.error = None;
                status.last_sync = Some(chrono::Utc::now());
                status.last_pulled = summary.pulled;
                status.last_pushed = summary.pushed;
                if summary.pulled > 0 {
                    super::commands::announce(
                        app,
                        &ChangeEvent::new("workspace", "", ChangeOp::Update),
                    );
                }
            }
            Err(e) => {
                status.state = match e {
                    Error::HubUnreachable { .. } => HubState::Offline,
                    _ => HubState::Error,
                };
                status.error = Some(e.payload());
            }
        }
        if let Ok(waiting) =
            shared.with_workspace(|ws| hub::waiting(ws.conn(), &link.key(&workspace_id)))
        {
            status.waiting = waiting;
        }
        self.publish(app, status);
    }

    fn publish(&self, app: &AppHandle, status: HubStatus) {
        *lock(&self.status) = Some(status);
        super::commands::announce(app, &ChangeEvent::new("hub", "", ChangeOp::Update));
    }
}

/// One sync through HTTP, the workspace held only for each database step.
fn sync(
    shared: &Shared,
    link: &HubLink,
    workspace_id: &str,
    author: &str,
) -> Result<hub::SyncSummary> {
    let mut transport = HttpTransport::new(&link.address, &link.token)?;
    hub::sync_with(
        &mut |step| shared.with_workspace(|ws| step(ws)),
        author,
        &link.key(workspace_id),
        &mut transport,
        PAGE,
    )
}
