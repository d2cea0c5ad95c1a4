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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
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
