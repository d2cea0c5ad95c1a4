//! Which workspace file to open.

use std::ffi::OsString;
use std::path::PathBuf;

/// The workspace path: `--workspace PATH` (or `--workspace=PATH`) wins,
/// then the `ROOTWISE_WORKSPACE` variable, then
/// `<data dir>/rootwise/workspace.db`.
pub fn workspace_path(
    args: &[String],
    env: Option<OsString>,
    data_dir: Option<PathBuf>,
) -> Option<PathBuf> {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--workspace" {
            if let Some(path) = iter.next() {
                return Some(PathBuf::from(path));
            }
        } else if let Some(path) = arg.strip_prefix("--workspace=") {
            return Some(PathBuf::from(path));
        }
    }
    if let Some(path) = env.filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    data_dir.map(|d| rootwise_core::store::workspace_in_folder(&d.join("rootwise")))
}

/// The name a window on `workspace` answers to, so that a second launch on
/// the same file finds it (a D-Bus name: letters, digits, dots).
pub fn instance_id(workspace: &std::path::Path) -> String {
    use std::hash::{Hash, Hasher};
    let absolute = std::path::absolute(workspace).unwrap_or_else(|_| workspace.to_path_buf());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    absolute.hash(&mut hasher);
    format!("org.rootwise.desktop.w{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn each_workspace_has_its_own_window_name() {
        let a = instance_id(std::path::Path::new("/tmp/a.db"));
        assert_eq!(a, instance_id(std::path::Path::new("/tmp/a.db")));
        assert_ne!(a, instance_id(std::path::Path::new("/tmp/b.db")));
        assert!(a.split('.').all(|part| part
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && part.chars().all(|c| c.is_ascii_alphanumeric())));
    }

    #[test]
    fn flag_beats_env_beats_default() {
        let data = Some(PathBuf::from("/home/u/.local/share"));
        let env = Some(OsString::from("/env/ws.db"));
        assert_eq!(
            workspace_path(
                &args(&["--workspace", "/flag/ws.db"]),
                env.clone(),
                data.clone()
            ),
            Some(PathBuf::from("/flag/ws.db"))
        );
        assert_eq!(
            workspace_path(&args(&["--workspace=/eq/ws.db"]), env.clone(), data.clone()),
            Some(PathBuf::from("/eq/ws.db"))
        );
        assert_eq!(
            workspace_path(&args(&[]), env, data.clone()),
            Some(PathBuf::from("/env/ws.db"))
        );
        assert_eq!(
            workspace_path(&args(&["--other"]), Some(OsString::new()), data),
            Some(PathBuf::from("/home/u/.local/share/rootwise/workspace.db"))
        );
        assert_eq!(workspace_path(&args(&[]), None, None), None);
    }
}
