//! What the shell holds: the open workspace (or why it failed to open) and
//! the user's settings.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use rootwise_core::settings::{RecentFolder, Settings, SettingsFile};
use rootwise_core::{Error, Result, Workspace, WorkspaceStatus};

/// The workspace slot: the open workspace, or the failure to report.
struct Slot {
    workspace: Option<Workspace>,
    status: WorkspaceStatus,
}

/// State shared by all commands.
pub struct Shared {
    slot: Mutex<Slot>,
    settings_file: SettingsFile,
    settings: Mutex<Settings>,
    recent_folder: RecentFolder,
    import: ImportSlot,
}

/// A file picked for an import wizard, kept while the user maps its
/// columns and previews it; never sent to the page.
#[derive(Debug, Clone)]
pub struct PickedFile {
    /// The file's name (no folder), to show.
    pub name: String,
    /// What is kept of it.
    pub content: PickedContent,
}

/// What an import wizard keeps of its file.
#[derive(Debug, Clone)]
pub enum PickedContent {
    /// The text, read once (a survey export: small, checked to be UTF-8).
    Text(Arc<str>),
    /// Where it is (a help-desk export: read a buffer at a time on every
    /// pass, since it may hold years of tickets).
    Path(Arc<Path>),
}

impl PickedFile {
    /// The file's text (an error when it is kept by path).
    pub fn text(&self) -> Result<&str> {
        match &self.content {
            PickedContent::Text(text) => Ok(text),
            PickedContent::Path(_) => Err(Error::Conflict(
                "no file is being imported; pick it again".into(),
            )),
        }
    }

    /// Where the file is (an error when only its text is kept).
    pub fn path(&self) -> Result<&Path> {
        match &self.content {
            PickedContent::Path(path) => Ok(path),
            PickedContent::Text(_) => Err(Error::Conflict(
                "no file is being imported; pick it again".into(),
            )),
        }
    }
}

/// The import wizard's file and its Cancel button. One wizard runs at a
/// time (it is modal); picking a file replaces the one kept.
#[derive(Debug, Default)]
pub struct ImportSlot {
    file: Mutex<Option<PickedFile>>,
    cancel: Arc<AtomicBool>,
}

impl ImportSlot {
    /// Keeps a newly picked file.
    pub fn keep(&self, file: PickedFile) {
        *lock(&self.file) = Some(file);
    }

    /// The kept file; an error when none is (the wizard was closed).
    pub fn file(&self) -> Result<PickedFile> {
        lock(&self.file)
            .clone()
            .ok_or_else(|| Error::Conflict("no file is being imported; pick it again".into()))
    }

    /// Forgets the kept file.
    pub fn clear(&self) {
        *lock(&self.file) = None;
    }

    /// A fresh cancel flag for an import about to start.
    pub fn start(&self) -> Arc<AtomicBool> {
        self.cancel.store(false, Ordering::SeqCst);
        Arc::clone(&self.cancel)
    }

    /// Asks the running import to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves the data as consistent as the
    // database transaction left it; keep serving rather than poisoning.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn os_user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "Rootwise user".to_owned())
}

impl Shared {
    /// Opens the workspace (a failure is kept to show, not fatal) and loads
    /// the settings.
    pub fn start(workspace: &Path, config_dir: &Path) -> Self {
        let slot = match Workspace::open(workspace).and_then(|ws| {
            let status = WorkspaceStatus::of(&ws)?;
            Ok((ws, status))
        }) {
            Ok((ws, status)) => Slot {
                workspace: Some(ws),
                status,
            },
            Err(e) => {
                eprintln!("Rootwise: {e}");
                Slot {
                    workspace: None,
                    status: WorkspaceStatus::failed(workspace, &e),
                }
            }
        };
        let settings_file = SettingsFile::in_dir(config_dir);
        let settings = settings_file.load(&os_user_name()).unwrap_or_else(|e| {
            eprintln!("Rootwise: settings could not be read ({e}); using defaults");
            Settings {
                display_name: os_user_name(),
                ..Settings::default()
            }
        });
        Self {
            slot: Mutex::new(slot),
            settings_file,
            settings: Mutex::new(settings),
            recent_folder: RecentFolder::in_dir(config_dir),
            import: ImportSlot::default(),
        }
    }

    /// The folder file dialogs start in (the one used last).
    pub fn recent_folder(&self) -> &RecentFolder {
        &self.recent_folder
    }

    /// The import wizard's file and Cancel button.
    pub fn import(&self) -> &ImportSlot {
        &self.import
    }

    /// The workspace status.
    pub fn status(&self) -> WorkspaceStatus {
        lock(&self.slot).status.clone()
    }

    /// "workspace.db — Rootwise", or just "Rootwise" when nothing is open.
    pub fn window_title(&self) -> String {
        match &lock(&self.slot).status {
            WorkspaceStatus::Open { file_name, .. } => format!("{file_name} — Rootwise"),
            WorkspaceStatus::Failed { .. } => "Rootwise".to_owned(),
        }
    }

    /// Opens another workspace. On failure the current one stays open.
    pub fn open(&self, path: &Path) -> Result<WorkspaceStatus> {
        let ws = Workspace::open(path)?;
        let status = WorkspaceStatus::of(&ws)?;
        let mut slot = lock(&self.slot);
        slot.workspace = Some(ws);
        slot.status = status.clone();
        Ok(status)
    }

    /// Runs `f` with the open workspace.
    pub fn with_workspace<T>(&self, f: impl FnOnce(&mut Workspace) -> Result<T>) -> Result<T> {
        let mut slot = lock(&self.slot);
        let ws = slot.workspace.as_mut().ok_or(Error::WorkspaceClosed)?;
        f(ws)
    }

    /// The current settings.
    pub fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    /// Validates, saves and adopts new settings.
    pub fn update_settings(&self, settings: Settings) -> Result<Settings> {
        let mut current = lock(&self.settings);
        let saved = self.settings_file.save(settings)?;
        *current = saved.clone();
        Ok(saved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rootwise_core::problem::{self, NewProblem};

    #[test]
    fn a_bad_workspace_is_reported_not_fatal_and_another_can_be_opened() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.db");
        std::fs::write(&bad, "not sqlite at all, not even close").unwrap();
        let shared = Shared::start(&bad, &dir.path().join("config"));
        match shared.status() {
            WorkspaceStatus::Failed { path, error } => {
                assert_eq!(path, bad.display().to_string());
                assert_eq!(error.code, rootwise_core::error::ErrorCode::NotADatabase);
            }
            other => panic!("expected a failure, got {other:?}"),
        }
        assert_eq!(shared.window_title(), "Rootwise");
        let err = shared.with_workspace(|_| Ok(())).unwrap_err();
        assert!(matches!(err, Error::WorkspaceClosed));

        let good = dir.path().join("good.db");
        assert!(matches!(
            shared.open(&good).unwrap(),
            WorkspaceStatus::Open { .. }
        ));
        assert_eq!(shared.window_title(), "good.db — Rootwise");
        shared
            .with_workspace(|ws| {
                ws.write("T", |w| {
                    problem::create(
                        w,
                        &NewProblem {
                            title: "ok".into(),
                            ..NewProblem::default()
                        },
                    )
                })
                .map(|_| ())
            })
            .unwrap();

        // A failed open keeps the workspace that is open.
        assert!(shared.open(&bad).is_err());
        assert_eq!(shared.window_title(), "good.db — Rootwise");
    }

    #[test]
    fn a_folder_given_as_the_workspace_is_reported_as_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("team");
        std::fs::create_dir(&folder).unwrap();
        let shared = Shared::start(&folder, &dir.path().join("config"));
        match shared.status() {
            WorkspaceStatus::Failed { path, error } => {
                assert_eq!(path, folder.display().to_string());
                assert_eq!(error.code, rootwise_core::error::ErrorCode::IsAFolder);
                assert_eq!(
                    error.details.suggested_path,
                    Some(folder.join("workspace.db").display().to_string())
                );
            }
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn settings_default_to_the_os_user_and_persist() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("ws.db");
        let shared = Shared::start(&ws, &dir.path().join("config"));
        assert!(!shared.settings().display_name.is_empty());
        let mut s = shared.settings();
        s.display_name = "Rana".into();
        shared.update_settings(s).unwrap();
        let again = Shared::start(&ws, &dir.path().join("config"));
        assert_eq!(again.settings().display_name, "Rana");
    }
}
