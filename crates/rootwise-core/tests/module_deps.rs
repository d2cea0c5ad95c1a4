//! Areas never depend on each other (nor on `workflow`, which composes
//! them): every path an area's source names through `crate::` (or
//! `super::super::`) must lead to its own area or a shared module. So no
//! circle of areas can come back.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

/// The areas: each owns its types, rules and SQL.
const AREAS: &[&str] = &[
    "problem", "analysis", "action", "persona", "empathy", "metrics", "journey",
];
/// Modules an area may not name besides the other areas.
const ABOVE_AREAS: &[&str] = &["workflow", "helpdesk"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without comments (doc comments may name other areas).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i + 2..]
            .find("*/")
            .map_or("", |j| &rest[i + 2 + j + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The first-level modules a source names through `crate::` or
/// `super::super::`, `crate::{a, b::c}` groups included.
fn crate_modules(text: &str) -> Vec<String> {
    let text = strip_comments(text);
    let compact: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let compact = compact.replace(":: ", "::").replace(" ::", "::");
    let mut found = Vec::new();
    for prefix in ["crate::", "super::super::"] {
        let mut from = 0;
        while let Some(i) = compact[from..].find(prefix) {
            let at = from + i + prefix.len();
            from = at;
            // `$crate::` inside a macro is the same crate; `foo_crate::` is not.
            let before = compact[..at - prefix.len()].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let after = &compact[at..];
            if let Some(group) = after.strip_prefix('{') {
                let mut depth = 0;
                let mut start = 0;
                for (k, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => {
                            found.push(ident_at(&group[start..k]));
                            break;
                        }
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            found.push(ident_at(&group[start..k]));
                            start = k + 1;
                        }
                        _ => {}
                    }
                }
            } else {
                found.push(ident_at(after));
            }
        }
    }
    found.retain(|m| !m.is_empty());
    found
}

fn violations() -> Vec<String> {
    let mut bad = Vec::new();
    for area in AREAS {
        let mut files = Vec::new();
        rust_files(&src().join(area), &mut files);
        assert!(!files.is_empty(), "no sources for area {area}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for module in crate_modules(&text) {
                let other_area = AREAS.contains(&module.as_str()) && module != *area;
                if other_area || ABOVE_AREAS.contains(&module.as_str()) {
                    bad.push(format!(
                        "{} names crate::{module}",
                        file.strip_prefix(src()).unwrap_or(&file).display()
                    ));
                }
            }
        }
    }
    bad
}

#[test]
fn no_area_depends_on_another_area_or_the_workflow() {
    let bad = violations();
    assert!(
        bad.is_empty(),
        "areas must not call each other; compose cross-area rules in `workflow` \
         and share helpers through `write`, `refs`, `vocab`, `entity`:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_check_sees_every_way_of_naming_a_module() {
    let text = "use crate::problem::{self, Status};\n\
                use crate::{search, action::CauseRef, time};\n\
                use crate::{\n    persona::{self, MapRef},\n    trash,\n};\n\
                fn f() { crate::analysis::get_why(); super::super::empathy::x(); }\n\
                // crate::workflow in a comment does not count\n\
                macro_rules! m { () => { $crate::workflow::x() } }\n";
    assert_eq!(
        crate_modules(text),
        [
            "problem", "search", "action", "time", "persona", "trash", "analysis", "workflow",
            "empathy"
        ]
    );
}
