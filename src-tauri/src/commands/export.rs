//! Saving an export (Markdown, SVG, PNG) to a file the user picks in the
//! native save dialog. The UI never gets a file-system scope: it hands the
//! bytes over and Rust writes them where the user said.
//!
//! End-to-end tests cannot click a native dialog, so when
//! `ROOTWISE_EXPORT_DIR` is set the file goes straight into that folder
//! under its suggested name.

use std::path::{Path, PathBuf};

use rootwise_core::{Error, Result};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Largest export accepted, in bytes.
const EXPORT_MAX: usize = 64 << 20;

/// The environment variable that bypasses the dialog (tests only).
const EXPORT_DIR_ENV: &str = "ROOTWISE_EXPORT_DIR";

/// A safe file name: no folders, no control characters, not empty.
fn file_name(suggested: &str) -> String {
    let name: String = suggested
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let name = name.trim().trim_start_matches('.').to_owned();
    if name.is_empty() {
        "export".into()
    } else {
        name
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// so a failed write never leaves half a file behind.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| Error::Internal(format!("{} has no folder", path.display())))?;
    let tmp = dir.join(format!(
        ".{}.part",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("export")
    ));
    std::fs::write(&tmp, bytes)?;
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    Ok(())
}

/// Asks where to save `name` (a file type filter from its extension) and
/// writes the contents there. `base64` says the contents are binary,
/// base64-encoded. Returns the path written, or nothing when cancelled.
#[tauri::command]
pub async fn export_save(
    app: AppHandle,
    name: String,
    contents: String,
    base64: bool,
) -> Result<Option<String>> {
    let bytes = if base64 {
        decode_base64(&contents)?
    } else {
        contents.into_bytes()
    };
    if bytes.len() > EXPORT_MAX {
        return Err(Error::Conflict("the export is too large to save".into()));
    }
    save_bytes(&app, &name, bytes).await
}

/// Asks where to save `name` in the native save dialog (a file type
/// filter from its extension; straight into `ROOTWISE_EXPORT_DIR` when
/// set) and writes `bytes` there atomically. Returns the path written, or
/// nothing when the user cancelled.
pub(crate) async fn save_bytes(
    app: &AppHandle,
    name: &str,
    bytes: Vec<u8>,
) -> Result<Option<String>> {
    let Some(path) = pick_save_path(app, name).await? else {
        return Ok(None);
    };
    let target = path.clone();
    tauri::async_runtime::spawn_blocking(move || write_atomically(&target, &bytes))
        .await
        .map_err(|e| Error::Internal(format!("background task failed: {e}")))??;
    Ok(Some(path.display().to_string()))
}

/// Asks where to save a file suggested as `name` (a file type filter from
/// its extension) in the native save dialog, or, when `ROOTWISE_EXPORT_DIR`
/// is set (end-to-end tests), names it in that folder. Remembers the
/// folder. `None` when the user cancelled.
pub(crate) async fn pick_save_path(app: &AppHandle, name: &str) -> Result<Option<PathBuf>> {
    let name = file_name(name);
    let path: Option<PathBuf> = match std::env::var_os(EXPORT_DIR_ENV).filter(|d| !d.is_empty()) {
        Some(dir) => Some(PathBuf::from(dir).join(&name)),
        None => {
            let extension = Path::new(&name)
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_owned();
            let mut dialog = app.dialog().file().set_file_name(&name);
            if let Some(dir) = super::dialog_start(app) {
                dialog = dialog.set_directory(dir);
            }
            if !extension.is_empty() {
                dialog = dialog.add_filter(extension.to_uppercase(), &[extension.as_str()]);
            }
            tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
                .await
                .map_err(|e| Error::Internal(format!("save dialog failed: {e}")))?
                .map(|p| p.into_path())
                .transpose()
                .map_err(|e| Error::Internal(format!("unusable path: {e}")))?
        }
    };
    if let Some(path) = &path {
        super::remember_folder(app, path);
    }
    Ok(path)
}

/// Decodes standard base64 (with or without padding, line breaks ignored).
fn decode_base64(text: &str) -> Result<Vec<u8>> {
    use base64::engine::{general_purpose, DecodePaddingMode, GeneralPurpose};
    use base64::{alphabet, Engine};
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &alphabet::STANDARD,
        general_purpose::PAD.with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let clean: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    LENIENT
        .decode(clean)
        .map_err(|e| Error::Internal(format!("the export is not valid base64: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_folders_and_hidden_dots() {
        assert_eq!(file_name("../../etc/passwd"), "-..-etc-passwd");
        assert_eq!(file_name("تحليل: التأخير.md"), "تحليل- التأخير.md");
        assert_eq!(file_name("  "), "export");
    }

    #[test]
    fn base64_round_trips() {
        assert_eq!(decode_base64("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("aGVsbG8h").unwrap(), b"hello!");
        assert_eq!(decode_base64("").unwrap(), b"");
        assert_eq!(decode_base64("aGVs\nbG8").unwrap(), b"hello");
        assert!(decode_base64("a$==").is_err());
    }

    #[test]
    fn writes_whole_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        write_atomically(&path, "# عنوان".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# عنوان");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
