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

crate::text_enum! {
    /// The day a week starts on in calendars (the date field's month grid).
    #[derive(Default)]
    pub enum WeekStart {
        /// The language's custom: Monday in English, Saturday in Arabic.
        #[default]
        Auto = "auto",
        /// Monday.
        Monday = "monday",
        /// Saturday.
        Saturday = "saturday",
        /// Sunday.
        Sunday = "sunday",
    }
}

crate::text_enum! {
    /// The digits numbers and dates are written with in Arabic (English
    /// always uses Western digits).
    #[derive(Default)]
    pub enum Numerals {
        /// Western digits (0123), as most Arabic business software shows them.
        #[default]
        Latin = "latin",
        /// Arabic-Indic digits (٠١٢٣).
        Arabic = "arabic",
    }
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
    /// The first day of the week in calendars.
    pub week_start: WeekStart,
    /// The digits of numbers and dates in Arabic.
    pub numerals: Numerals,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            display_name: String::new(),
            language: None,
            theme: Theme::System,
            reminders: true,
            week_start: WeekStart::Auto,
            numerals: Numerals::Latin,
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

/// The folder the user last saved an export to or picked a file from,
/// kept next to the settings so the next file dialog opens there rather
/// than wherever the app was started from.
#[derive(Debug, Clone)]
pub struct RecentFolder {
    path: PathBuf,
}

impl RecentFolder {
    /// The record inside a config folder.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join("recent-folder"),
        }
    }

    /// Where a file dialog starts: the folder used last if it still
    /// exists, else `fallback` (the user's documents folder).
    pub fn start(&self, fallback: Option<PathBuf>) -> Option<PathBuf> {
        std::fs::read_to_string(&self.path)
            .ok()
            .map(|text| PathBuf::from(text.trim_end_matches('\n')))
            .filter(|dir| dir.is_absolute() && dir.is_dir())
            .or(fallback)
    }

    /// Remembers the folder holding `file` (a file just saved or picked).
    pub fn remember(&self, file: &Path) -> Result<()> {
        let Some(dir) = file.parent().filter(|d| d.is_absolute()) else {
            return Ok(());
        };
        if let Some(config) = self.path.parent() {
            std::fs::create_dir_all(config)?;
        }
        let tmp = self.path.with_extension("tmp");
        std::fs::write(&tmp, dir.to_string_lossy().as_bytes())?;
        std::fs::rename(&tmp, &self.path)?;
        Ok(())
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
                week_start: WeekStart::Sunday,
                numerals: Numerals::Arabic,
            })
            .unwrap();
        assert_eq!(saved.display_name, "سارة الأحمد");
        assert!(!saved.reminders);
        assert_eq!(file.load("x").unwrap(), saved);
    }

    #[test]
    fn file_dialogs_start_in_the_folder_used_last_while_it_exists() {
        let config = tempfile::tempdir().unwrap();
        let documents = tempfile::tempdir().unwrap();
        let recent = RecentFolder::in_dir(&config.path().join("rootwise"));
        let fallback = Some(documents.path().to_path_buf());
        assert_eq!(
            recent.start(fallback.clone()),
            fallback,
            "documents at first"
        );

        let exports = tempfile::tempdir().unwrap();
        let folder = exports.path().join("تقارير الربع الثالث");
        std::fs::create_dir(&folder).unwrap();
        recent.remember(&folder.join("board.png")).unwrap();
        assert_eq!(recent.start(fallback.clone()), Some(folder.clone()));

        // A folder that has gone since: back to the documents folder.
        std::fs::remove_dir(&folder).unwrap();
        assert_eq!(recent.start(fallback.clone()), fallback);
        // A bare file name has no folder to remember.
        recent.remember(Path::new("board.png")).unwrap();
        assert_eq!(recent.start(None), None);
    }

    #[test]
    fn a_file_from_before_the_calendar_settings_loads_with_their_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        std::fs::write(
            file.path(),
            r#"{"displayName":"Huda","language":"ar","theme":"dark","reminders":false}"#,
        )
        .unwrap();
        let s = file.load("x").unwrap();
        assert_eq!(s.display_name, "Huda");
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.week_start, WeekStart::Auto);
        assert_eq!(s.numerals, Numerals::Latin);
        let json = serde_json::to_value(Settings {
            week_start: WeekStart::Saturday,
            numerals: Numerals::Arabic,
            ..s
        })
        .unwrap();
        assert_eq!(json["weekStart"], "saturday");
        assert_eq!(json["numerals"], "arabic");
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
