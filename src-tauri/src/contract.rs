//! What the UI and the capability derive from the one command list
//! (`commands/list.rs`): the TypeScript union of command names and the main
//! window's `allow-…` permissions. The test below fails when either is
//! stale; `UPDATE_BINDINGS=1` (`make bindings`) rewrites them.

/// The TypeScript module that names every command, so the UI's `invoke`
/// accepts only these and its test stand-in is keyed by them.
pub fn commands_ts(names: &[&str]) -> String {
    let mut ts = String::from(
        "// Generated from src-tauri/src/commands/list.rs by `make bindings`. Do not edit.\n\n\
         /** Every command the desktop shell registers. */\n\
         export const COMMAND_NAMES = [\n",
    );
    for name in names {
        ts.push_str(&format!("  \"{name}\",\n"));
    }
    ts.push_str(
        "] as const;\n\n\
         /** The name of a command the desktop shell registers. */\n\
         export type CommandName = (typeof COMMAND_NAMES)[number];\n",
    );
    ts
}

/// The permission Tauri generates for an app command.
pub fn permission(name: &str) -> String {
    format!("allow-{}", name.replace('_', "-"))
}

/// Whether a capability entry is one of the app's own command permissions
/// (plugins' and core's carry a `prefix:`).
fn is_command_permission(entry: &str) -> bool {
    entry.starts_with("allow-") && !entry.contains(':')
}

/// The capability with its command permissions replaced by exactly the
/// listed commands' (in the list's order, first), other entries kept.
pub fn capability_with_commands(
    capability: &serde_json::Value,
    names: &[&str],
) -> Option<serde_json::Value> {
    let mut capability = capability.clone();
    let entries = capability.get_mut("permissions")?.as_array_mut()?;
    let others: Vec<serde_json::Value> = entries
        .iter()
        .filter(|entry| !entry.as_str().is_some_and(is_command_permission))
        .cloned()
        .collect();
    *entries = names
        .iter()
        .map(|name| serde_json::Value::String(permission(name)))
        .chain(others)
        .collect();
    Some(capability)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::collections::HashSet;
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::COMMAND_NAMES;

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
    }

    fn updating() -> bool {
        std::env::var_os("UPDATE_BINDINGS").is_some()
    }

    /// Writes `fresh` when updating; otherwise fails if `path` differs.
    fn check(path: &Path, fresh: &str) {
        if updating() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, fresh).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{} is stale; run `make bindings` and commit the result",
            path.display()
        );
    }

    #[test]
    fn names_are_unique_snake_case() {
        let mut seen = HashSet::new();
        for name in COMMAND_NAMES {
            assert!(seen.insert(name), "{name} is listed twice");
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name} is not snake_case"
            );
        }
        assert!(COMMAND_NAMES.contains(&"problem_list"));
    }

    #[test]
    fn ui_command_names_are_fresh() {
        let path = root().join("../ui/src/bindings/shell/commands.ts");
        check(&path, &commands_ts(COMMAND_NAMES));
    }

    #[test]
    fn capability_allows_exactly_the_listed_commands() {
        let path = root().join("capabilities/main.json");
        let text = std::fs::read_to_string(&path).unwrap();
        let capability: serde_json::Value = serde_json::from_str(&text).unwrap();
        let fresh = capability_with_commands(&capability, COMMAND_NAMES).unwrap();
        let fresh = format!("{}\n", serde_json::to_string_pretty(&fresh).unwrap());
        check(&path, &fresh);
    }

    #[test]
    fn capability_rewrite_keeps_plugin_permissions() {
        let capability = serde_json::json!({
            "identifier": "w",
            "permissions": ["allow-old-command", "dialog:allow-open", "allow-problem-list"]
        });
        let fresh = capability_with_commands(&capability, &["problem_list", "why_add"]).unwrap();
        assert_eq!(
            fresh["permissions"],
            serde_json::json!(["allow-problem-list", "allow-why-add", "dialog:allow-open"])
        );
    }
}

/// The production CSP with `style-src` allowing the app's own styles and,
/// by hash, exactly the stylesheets of the report's HTML (shown in the
/// report dialog's preview frame, which the policy governs too).
pub fn csp_with_report_styles(csp: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let hashes: Vec<String> = rootwise_report::html::stylesheets()
        .iter()
        .map(|css| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD
                    .encode(sha2::Sha256::digest(css.as_bytes()))
            )
        })
        .collect();
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|directive| {
            if directive.starts_with("style-src ") {
                format!("style-src 'self' {}", hashes.join(" "))
            } else {
                directive.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod csp_tests {
    use super::csp_with_report_styles;

    #[test]
    fn the_content_security_policy_allows_exactly_the_reports_stylesheets() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tauri.conf.json");
        let text = std::fs::read_to_string(&path).unwrap();
        let conf: serde_json::Value = serde_json::from_str(&text).unwrap();
        let csp = conf["app"]["security"]["csp"].as_str().unwrap().to_owned();
        let wanted = csp_with_report_styles(&csp);
        assert!(!wanted.contains("unsafe-inline"));
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            // Only that line changes: the file keeps its order and layout.
            let quoted = |v: &str| serde_json::to_string(v).unwrap();
            let out = text.replacen(
                &format!("\"csp\": {}", quoted(&csp)),
                &format!("\"csp\": {}", quoted(&wanted)),
                1,
            );
            std::fs::write(&path, out).unwrap();
            return;
        }
        assert_eq!(
            csp, wanted,
            "the CSP's style-src is stale (the report's stylesheet changed); run `make bindings`"
        );
    }
}
