//! The committed TypeScript bindings must match the Rust types.
//! `UPDATE_BINDINGS=1 cargo test -p rootwise-report --test bindings` (or
//! `make bindings`) rewrites them.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings/report")
}

fn read_all(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".ts") {
                files.insert(name, std::fs::read_to_string(entry.path()).unwrap());
            }
        }
    }
    files
}

#[test]
fn committed_bindings_are_fresh() {
    let fresh_dir = tempfile::tempdir().unwrap();
    rootwise_report::bindings::export_all(fresh_dir.path()).unwrap();
    let fresh = read_all(fresh_dir.path());
    assert!(fresh.contains_key("Paper.ts") && fresh.contains_key("rules.ts"));

    let dir = committed_dir();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for name in read_all(&dir).keys() {
            if !fresh.contains_key(name) {
                std::fs::remove_file(dir.join(name)).unwrap();
            }
        }
        for (name, text) in &fresh {
            std::fs::write(dir.join(name), text).unwrap();
        }
        return;
    }
    let committed = read_all(&dir);
    let stale: Vec<&String> = fresh
        .iter()
        .filter(|(name, text)| committed.get(*name) != Some(text))
        .map(|(name, _)| name)
        .chain(committed.keys().filter(|name| !fresh.contains_key(*name)))
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings/report is stale ({stale:?}); run `make bindings` and commit the result"
    );
}
