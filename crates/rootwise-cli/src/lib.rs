//! Rootwise from a terminal: the merge features of [`rootwise_core::sync`]
//! (change files, merging them, workshop copies, the copies a workspace
//! knows) without the desktop shell.
//!
//! Every command is a function returning the JSON it prints, or a
//! [`Failure`] that prints as `{"error": {code, message, details}}`, so
//! the binary (`main.rs`) only parses arguments and prints, and the same
//! functions can be called in-process.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use rootwise_core::sync::file::Manifest;
use rootwise_core::sync::{copy, file, merge, replica};
use rootwise_core::{Error, Workspace};
use serde_json::{json, Value};

/// The largest change file read, in bytes (as the desktop shell).
pub const CHANGE_FILE_MAX: u64 = 1 << 30;

/// The first line of every change file (`rootwise_core::sync::file`
/// keeps its own copy private; this one only serves to count what a
/// refused file held).
const CHANGE_FILE_MAGIC: &[u8] = b"ROOTWISE-CHANGES\n";

/// The author of a merge when neither `--author` nor `$USER` names one.
pub const DEFAULT_AUTHOR: &str = "rootwise-cli";

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "rootwise-cli",
    version,
    about = "Rootwise from a terminal: change files, merges, workshop copies and help-desk imports",
    long_about = "Rootwise from a terminal: change files, merges and workshop copies.\n\n\
                  Every command prints one line of JSON on standard output. On failure it \
                  prints {\"error\": {\"code\", \"message\", \"details\"}} and exits with 1 \
                  (2 for a mistake in the arguments)."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The command groups.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Change files: export what another copy has not seen, merge one in,
    /// list the copies this one knows.
    #[command(subcommand)]
    Changes(ChangesCommand),
    /// Whole workspaces.
    #[command(subcommand)]
    Workspace(WorkspaceCommand),
    /// Imports a help desk's export (Zendesk CSV or JSON, Freshdesk CSV,
    /// any CSV through a saved mapping) as problems and their reports,
    /// through the same core code as the app's wizard.
    Import(ImportArgs),
}

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The workspace.
    #[command(flatten)]
    pub workspace: WorkspaceArg,
    /// The layout: zendesk-csv, zendesk-json, freshdesk-csv or csv
    /// [default: detected].
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// A column mapping saved in the workspace by this name.
    #[arg(long, value_name = "NAME")]
    pub mapping: Option<String>,
    /// The account's time zone for local times (IANA name) [default: the
    /// mapping's, else UTC].
    #[arg(long, value_name = "TZ")]
    pub time_zone: Option<String>,
    /// Check only: print what would be imported, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Import the good rows when some are bad (else nothing is imported
    /// and the command fails).
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// Who imports, for history [default: $USER, else "rootwise-cli"].
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// The exported file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// `rootwise-cli changes …`.
#[derive(Debug, Subcommand)]
pub enum ChangesCommand {
    /// Writes a change file: the changes copy `--since-replica` is not
    /// known to have, or every change this copy holds.
    Export(ExportArgs),
    /// Merges a change file into the workspace: all of it, or nothing
    /// when anything is wrong with it.
    Merge(MergeArgs),
    /// This copy, the copies it knows (the one it was made from first) and
    /// how many changes each has not been sent.
    Peers(PeersArgs),
}

/// `rootwise-cli workspace …`.
#[derive(Debug, Subcommand)]
pub enum WorkspaceCommand {
    /// Makes a copy of the workspace for a workshop laptop: the same
    /// workspace under a new copy id that knows it was made from this one.
    Copy(CopyArgs),
}

/// The workspace every command works on.
#[derive(Debug, Args)]
pub struct WorkspaceArg {
    /// The workspace file (it must exist).
    #[arg(long, value_name = "PATH")]
    pub workspace: PathBuf,
}

/// Arguments of `changes export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The workspace.
    #[command(flatten)]
    pub workspace: WorkspaceArg,
    /// Only what this copy is not known to have (its id: see `changes
    /// peers`). Without it, every change this workspace holds.
    #[arg(long, value_name = "ID")]
    pub since_replica: Option<String>,
    /// Where to write the change file (replaced if it exists).
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
}

/// Arguments of `changes merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The workspace.
    #[command(flatten)]
    pub workspace: WorkspaceArg,
    /// Who merges, for history [default: $USER, else "rootwise-cli"].
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// The change file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Arguments of `changes peers`.
#[derive(Debug, Args)]
pub struct PeersArgs {
    /// The workspace.
    #[command(flatten)]
    pub workspace: WorkspaceArg,
}

/// Arguments of `workspace copy`.
#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The workspace.
    #[command(flatten)]
    pub workspace: WorkspaceArg,
    /// The copy's name ("Workshop laptop").
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// Where to write the copy (it must not exist).
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
}

/// A failed command: the core's error and, for a merge, how many changes
/// of the file were not applied (all of them: a merge is all or nothing).
#[derive(Debug)]
pub struct Failure {
    /// What went wrong.
    pub error: Error,
    /// For a merge: the number of changes the file's manifest announces
    /// (`Some(None)` when the file has no readable manifest); `None` for
    /// the other commands.
    pub refused: Option<Option<u32>>,
    /// For an import refused for its rows: the summary (bad rows listed).
    pub summary: Option<Box<Value>>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Self {
            error,
            refused: None,
            summary: None,
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Error::Io(error).into()
    }
}

impl Failure {
    /// What is printed: `{"error": {code, message, details}}`, plus
    /// `"refused"` for a merge.
    pub fn to_json(&self) -> Value {
        let mut out = json!({ "error": self.error.payload() });
        if let Some(refused) = self.refused {
            out["refused"] = json!(refused);
        }
        if let Some(summary) = &self.summary {
            out["refused"] = (**summary).clone();
        }
        out
    }
}

/// Runs a parsed command.
pub fn run(cli: Cli) -> Result<Value, Failure> {
    match cli.command {
        Command::Changes(ChangesCommand::Export(a)) => {
            export_changes(&a.workspace.workspace, a.since_replica.as_deref(), &a.out)
        }
        Command::Changes(ChangesCommand::Merge(a)) => {
            let author = a.author.unwrap_or_else(default_author);
            merge_changes(&a.workspace.workspace, &author, &a.file)
        }
        Command::Changes(ChangesCommand::Peers(a)) => peers(&a.workspace.workspace),
        Command::Workspace(WorkspaceCommand::Copy(a)) => {
            copy_workspace(&a.workspace.workspace, &a.name, &a.out)
        }
        Command::Import(a) => import_tickets(&a),
    }
}

/// `import`: checks (`--dry-run`) or imports a help-desk export and
/// returns the summary: `{format, problemsCreated, reportsAdded,
/// alreadyImported, csatAnswers, skipped, badRows: [{row, column, rule,
/// value}], badRowCount}`. A refused file (bad rows without
/// `--skip-bad-rows`, a mapping that doesn't fit) is a failure
/// (`invalid_input`, field `file`) whose details list nothing more: the
/// summary is printed under `"refused"`.
pub fn import_tickets(a: &ImportArgs) -> Result<Value, Failure> {
    use rootwise_core::error::Rule;
    use rootwise_core::helpdesk::{self, HelpdeskFormat, ImportOptions};
    let mut ws = open_existing(&a.workspace.workspace)?;
    let format = match a.format.as_deref() {
        None => None,
        Some(name) => Some(
            HelpdeskFormat::from_name(name)
                .ok_or_else(|| Error::invalid("format", Rule::Invalid, None))?,
        ),
    };
    let mut options = ImportOptions {
        file_name: a
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        format,
        skip_bad_rows: a.skip_bad_rows,
        ..ImportOptions::default()
    };
    if let Some(name) = &a.mapping {
        let saved = helpdesk::mapping_by_name(ws.conn(), name)?;
        options.format = options.format.or(Some(saved.format));
        options.columns = Some(saved.columns);
        options.values = saved.values;
        options.time_zone = saved.time_zone;
    }
    if let Some(tz) = &a.time_zone {
        options.time_zone = Some(tz.clone());
    }
    let check = helpdesk::check(ws.conn(), a.file.as_path(), &options)?;
    let bad = json!(check.issues);
    if a.dry_run {
        return Ok(json!({
            "dryRun": true,
            "format": check.format.cli_name(),
            "encoding": check.encoding,
            "problemsCreated": check.problems,
            "reportsAdded": check.reports,
            "alreadyImported": check.already_imported,
            "csatAnswers": check.csat_answers,
            "skipped": check.rows - check.good,
            "badRows": bad,
            "badRowCount": check.issue_count,
        }));
    }
    let author = a.author.clone().unwrap_or_else(default_author);
    let never = std::sync::atomic::AtomicBool::new(false);
    let done = helpdesk::import(
        &mut ws,
        &author,
        a.file.as_path(),
        &options,
        &mut |_| {},
        &never,
    )?
    .value;
    let summary = json!({
        "format": check.format.cli_name(),
        "encoding": check.encoding,
        "problemsCreated": done.problems_created,
        "reportsAdded": done.reports_added,
        "alreadyImported": done.already_imported,
        "csatAnswers": done.csat_answers,
        "skipped": done.skipped,
        "badRows": json!(done.issues),
        "badRowCount": done.issue_count,
    });
    if done.refused {
        let mut failure = Failure::from(Error::invalid("file", Rule::Invalid, None));
        failure.summary = Some(Box::new(summary));
        return Err(failure);
    }
    Ok(summary)
}

/// `$USER`, else [`DEFAULT_AUTHOR`].
pub fn default_author() -> String {
    std::env::var("USER")
        .ok()
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| DEFAULT_AUTHOR.to_owned())
}

/// Opens an existing workspace: unlike [`Workspace::open`], a path where
/// nothing is is an error (`not_found`, entity `workspace`), not a new
/// empty workspace.
pub fn open_existing(path: &Path) -> Result<Workspace, Error> {
    if !path.exists() {
        return Err(Error::NotFound {
            entity: "workspace",
            id: path.display().to_string(),
        });
    }
    Workspace::open(path)
}

/// `changes export`: writes the change file for copy `since_replica`
/// (every change of this workspace when `None`) to `out`, through a
/// temporary file in the same folder moved over it, and returns
/// `{path, count, replicaId}` (`replicaId`: the copy that wrote it).
pub fn export_changes(
    workspace: &Path,
    since_replica: Option<&str>,
    out: &Path,
) -> Result<Value, Failure> {
    let ws = open_existing(workspace)?;
    let me = replica(ws.conn())?;
    if let Some(id) = since_replica {
        let known = copy::peers(ws.conn())?.iter().any(|p| p.replica_id == id);
        if !known {
            // The core sends everything to a copy it never heard of; say
            // so, as a typo would otherwise go unnoticed.
            eprintln!(
                "rootwise-cli: this workspace has never exchanged changes with copy {id}; \
                 exporting every change it holds (see `rootwise-cli changes peers`)"
            );
        }
    }
    let bytes = copy::export_for(ws.conn(), since_replica)?;
    let (manifest, _) = file::read(&bytes, &me.workspace_id)?;
    write_atomically(out, &bytes)?;
    Ok(json!({
        "path": out.display().to_string(),
        "count": manifest.count,
        "replicaId": me.replica_id,
    }))
}

/// Writes `bytes` to `out` through a temporary file in the same folder
/// that replaces `out` only once it is complete and on disk.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let folder = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".rootwise-changes-")
        .suffix(".part")
        .tempfile_in(folder)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(out).map_err(|e| e.error)?;
    Ok(())
}

/// `changes merge`: merges the change file at `file` into `workspace` as
/// `author` and returns the merge summary with `"refused": 0`. On failure
/// nothing of the file is applied and [`Failure::refused`] says how many
/// changes it held.
pub fn merge_changes(workspace: &Path, author: &str, file: &Path) -> Result<Value, Failure> {
    let bytes = read_change_file(file)?;
    let refused = |error: Error| Failure {
        error,
        refused: Some(announced_count(&bytes)),
        summary: None,
    };
    let mut ws = open_existing(workspace).map_err(refused)?;
    let merged = merge::merge_file(&mut ws, author, &bytes).map_err(refused)?;
    let mut out = serde_json::to_value(&merged.summary)
        .map_err(|e| refused(Error::Internal(e.to_string())))?;
    out["refused"] = json!(0);
    Ok(out)
}

/// Reads a change file, refusing one larger than [`CHANGE_FILE_MAX`].
fn read_change_file(path: &Path) -> Result<Vec<u8>, Failure> {
    let unreadable = |e: std::io::Error| Failure {
        error: Error::Io(e),
        refused: Some(None),
        summary: None,
    };
    let mut f = File::open(path).map_err(unreadable)?;
    let size = f.metadata().map_err(unreadable)?.len();
    if size > CHANGE_FILE_MAX {
        return Err(Failure {
            error: Error::ChangeFileDamaged {
                reason: format!("it is {size} bytes, more than a change file can be"),
            },
            refused: Some(None),
            summary: None,
        });
    }
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).map_err(unreadable)?;
    Ok(bytes)
}

/// The number of changes a change file's manifest announces, if it has a
/// readable one (whether the rest is intact or not).
pub fn announced_count(bytes: &[u8]) -> Option<u32> {
    let rest = bytes.strip_prefix(CHANGE_FILE_MAGIC)?;
    let line = rest.split(|b| *b == b'\n').next()?;
    serde_json::from_slice::<Manifest>(line)
        .ok()
        .map(|m| m.count)
}

/// `changes peers`: this copy, the copies it knows and what waits for
/// review ([`copy::status`]).
pub fn peers(workspace: &Path) -> Result<Value, Failure> {
    let ws = open_existing(workspace)?;
    let status = copy::status(ws.conn())?;
    serde_json::to_value(&status).map_err(|e| Error::Internal(e.to_string()).into())
}

/// `workspace copy`: makes a copy of `workspace` for a workshop laptop,
/// named `name`, at `out` (which must not exist), and returns the new
/// copy's identity. The copy is made in a temporary folder beside `out`
/// and moved there once complete.
pub fn copy_workspace(workspace: &Path, name: &str, out: &Path) -> Result<Value, Failure> {
    let ws = open_existing(workspace)?;
    if out.exists() {
        return Err(Error::Conflict(format!("{} already exists", out.display())).into());
    }
    let folder = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".rootwise-copy-")
        .tempdir_in(folder)?;
    let made_at = tmp.path().join("copy.db");
    let made = copy::copy_for_workshop(&ws, &made_at, name)?;
    if out.exists() {
        return Err(Error::Conflict(format!("{} already exists", out.display())).into());
    }
    std::fs::rename(&made_at, out)?;
    serde_json::to_value(&made).map_err(|e| Error::Internal(e.to_string()).into())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn workspace_with_a_problem(path: &Path) -> Workspace {
        let mut ws = Workspace::open(path).unwrap();
        ws.write("Karim", |w| {
            rootwise_core::problem::create(
                w,
                &rootwise_core::problem::NewProblem {
                    title: "Refund never arrives".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
        ws
    }

    #[test]
    fn the_count_of_a_change_file_is_read_from_its_manifest_even_when_cut_short() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace_with_a_problem(&dir.path().join("a.db"));
        let bytes = copy::export_for(ws.conn(), None).unwrap();
        let me = replica(ws.conn()).unwrap();
        let (manifest, _) = file::read(&bytes, &me.workspace_id).unwrap();
        assert!(manifest.count > 0);
        assert_eq!(announced_count(&bytes), Some(manifest.count));
        assert_eq!(
            announced_count(&bytes[..bytes.len() - 3]),
            Some(manifest.count)
        );
        assert_eq!(announced_count(b"ROOTWISE-CHANGES\n{\"count\": 3"), None);
        assert_eq!(announced_count(b"something else\n"), None);
    }

    #[test]
    fn commands_run_in_process() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.db");
        let b = dir.path().join("b.db");
        drop(workspace_with_a_problem(&a));
        drop(workspace_with_a_problem(&b));
        let file = dir.path().join("a.rootwise-changes");
        let exported = export_changes(&a, None, &file).unwrap();
        assert_eq!(exported["count"], 1);

        let failure = merge_changes(&b, "Karim", &file).unwrap_err();
        assert_eq!(
            failure.error.code(),
            rootwise_core::error::ErrorCode::ChangeFileForeign
        );
        let printed = failure.to_json();
        assert_eq!(printed["error"]["code"], "change_file_foreign");
        assert_eq!(printed["refused"], 1);

        let copy = dir.path().join("copy.db");
        let made = copy_workspace(&a, "Laptop", &copy).unwrap();
        let status = peers(&copy).unwrap();
        assert_eq!(status["replica"], made);
        let merged = merge_changes(&copy, "Mona", &file).unwrap();
        assert_eq!(
            (merged["alreadyHere"].clone(), merged["refused"].clone()),
            (1.into(), 0.into())
        );
    }
}
