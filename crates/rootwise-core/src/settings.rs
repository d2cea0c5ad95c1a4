//! The user's settings: display name (the author of history entries),
//! language and theme. They belong to the person, not the workspace, so
//! they live in a small JSON file in the app's config folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result, Rule};
use crate::store::AUTHOR_MAX;

/// The languages Rootwise speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English, left to right.
    En,
    /// Arabic, right to left.
    Ar,
}

/// Colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The user's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// The name stamped on the history entries this user writes.
    pub display_name: String,
    /// The chosen language; `None` until the user picks one (the UI then
    /// follows the system's language).
    pub language: Option<Language>,
    /// The chosen theme.
    pub theme: Theme,
    /// Desktop reminders of overdue actions and due checks (on start, then
    /// hourly).
    pub reminders: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            display_name: String::new(),
            language: None,
            theme: Theme::System,
            reminders: true,
        }
    }
}

impl Settings {
    /// Checks the settings and returns them as they will be stored.
    pub fn validate(mut self) -> Result<Self> {
        let name = self.display_name.trim();
        if name.is_empty() {
            return Err(Error::invalid("displayName", Rule::Required, None));
        }
        if name.chars().count() > AUTHOR_MAX {
            return Err(Error::invalid(
                "displayName",
                Rule::TooLong,
                Some(AUTHOR_MAX as u32),
            ));
        }
        self.display_name = name.to_owned();
        Ok(self)
    }
}

/// Where the settings live and how they are read and written.
#[derive(Debug, Clone)]
pub struct SettingsFile {
    path: PathBuf,
}

impl SettingsFile {
    /// The settings file inside a config folder.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join("settings.json"),
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the settings. A missing file gives the defaults with
    /// `default_name` as display name. A file that cannot be understood is
    /// moved aside (never overwritten) and the defaults are used.
    pub fn load(&self, default_name: &str) -> Result<Settings> {
        let fallback = || Settings {
            display_name: default_name.trim().to_owned(),
            ..Settings::default()
        };
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(fallback()),
            Err(e) => return Err(e.into()),
        };
        match serde_json::from_str::<Settings>(&text) {
            Ok(mut s) => {
                if s.display_name.trim().is_empty() {
                    s.display_name = fallback().display_name;
                }
                Ok(s)
            }
            Err(_) => {
                let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
                let aside = self.path.with_extension(format!("json.unreadable-{stamp}"));
                std::fs::rename(&self.path, aside)?;
                Ok(fallback())
            }
        }
    }

    /// Validates and writes the settings atomically (temporary file, then
    /// rename), creating the folder if needed.
    pub fn save(&self, settings: Settings) -> Result<Settings> {
        let settings = settings.validate()?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_string_pretty(&settings)
            .map_err(|e| Error::Internal(format!("settings did not serialise: {e}")))?;
        let tmp = self.path.with_extension("json.tmp");
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, &self.path)?;
        Ok(settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FieldError;

    #[test]
    fn missing_file_gives_defaults_with_the_given_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        let s = file.load("  mona ").unwrap();
        assert_eq!(s.display_name, "mona");
        assert_eq!(s.language, None);
        assert_eq!(s.theme, Theme::System);
    }

    #[test]
    fn saves_and_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(&dir.path().join("nested"));
        let saved = file
            .save(Settings {
                display_name: " سارة الأحمد ".into(),
                language: Some(Language::Ar),
                theme: Theme::Dark,
                reminders: false,
            })
            .unwrap();
        assert_eq!(saved.display_name, "سارة الأحمد");
        assert!(!saved.reminders);
        assert_eq!(file.load("x").unwrap(), saved);
    }

    #[test]
    fn rejects_empty_and_long_names_and_keeps_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        file.save(Settings {
            display_name: "Omar".into(),
            ..Settings::default()
        })
        .unwrap();
        let empty = file.save(Settings {
            display_name: " ".into(),
            ..Settings::default()
        });
        assert_eq!(
            empty.unwrap_err().field_error(),
            Some(&FieldError::new("displayName", Rule::Required, None))
        );
        let long = file.save(Settings {
            display_name: "x".repeat(101),
            ..Settings::default()
        });
        assert_eq!(
            long.unwrap_err().field_error(),
            Some(&FieldError::new("displayName", Rule::TooLong, Some(100)))
        );
        assert_eq!(file.load("x").unwrap().display_name, "Omar");
    }

    #[test]
    fn an_unreadable_file_is_moved_aside_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        std::fs::write(file.path(), "{ not json").unwrap();
        let s = file.load("Lina").unwrap();
        assert_eq!(s.display_name, "Lina");
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("unreadable"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(
            std::fs::read_to_string(kept[0].path()).unwrap(),
            "{ not json"
        );
    }

    #[test]
    fn unknown_and_missing_fields_are_tolerated() {
        let s: Settings = serde_json::from_str(r#"{"displayName":"A","future":1}"#).unwrap();
        assert_eq!(s.theme, Theme::System);
    }
}
