//! The real `rootwise-cli` binary on temporary workspaces: a workshop
//! copy made, changed on both sides and merged back through a change
//! file; files that are refused whole; a missing workspace; the help of
//! every command.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use rootwise_core::ids::ProblemId;
use rootwise_core::problem::{self, NewProblem, ProblemEdit};
use rootwise_core::{workflow, Workspace};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_rootwise-cli");

/// Runs the binary; its exit code and the one line of JSON it printed.
fn cli(args: &[&str]) -> (i32, Value) {
    let out = Command::new(BIN)
        .args(args)
        .env("USER", "cli-test")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().count(),
        1,
        "one line of JSON, got {stdout:?} (stderr {:?})",
        String::from_utf8_lossy(&out.stderr)
    );
    let value = serde_json::from_str(&stdout).unwrap();
    (out.status.code().unwrap(), value)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn new_problem(w: &mut rootwise_core::store::Writer<'_>, title: &str) -> ProblemId {
    problem::create(
        w,
        &NewProblem {
            title: title.into(),
            ..NewProblem::default()
        },
    )
    .unwrap()
    .id
}

/// A team workspace with two problems, written by Karim.
fn team_workspace(path: &Path) -> [ProblemId; 2] {
    let mut ws = Workspace::open(path).unwrap();
    ws.write("Karim", |w| {
        Ok([
            new_problem(w, "Refund never arrives"),
            new_problem(w, "لا يصل رمز التحقق إلى العملاء"),
        ])
    })
    .unwrap()
    .value
}

fn edit(path: &Path, who: &str, id: ProblemId, change: ProblemEdit) {
    let mut ws = Workspace::open(path).unwrap();
    ws.write(who, |w| workflow::edit_problem(w, id, &change))
        .unwrap();
}

fn change_log_rows(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))
        .unwrap()
}

/// Makes sure the next write's clock reading is later than the last one.
fn tick() {
    std::thread::sleep(std::time::Duration::from_millis(3));
}

struct Workshop {
    dir: tempfile::TempDir,
    team: PathBuf,
    laptop: PathBuf,
    problems: [ProblemId; 2],
}

/// The team's workspace and a workshop copy of it made with the CLI.
fn workshop() -> Workshop {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team.db");
    let laptop = dir.path().join("laptop.db");
    let problems = team_workspace(&team);
    let (code, made) = cli(&[
        "workspace",
        "copy",
        "--workspace",
        s(&team),
        "--name",
        "Workshop laptop",
        s(&laptop),
    ]);
    assert_eq!(code, 0, "{made}");
    assert_eq!(made["name"], "Workshop laptop");
    assert!(laptop.is_file());
    // Nothing left beside it from making it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".rootwise"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    Workshop {
        dir,
        team,
        laptop,
        problems,
    }
}

#[test]
fn a_workshop_copy_changed_on_both_sides_merges_back_and_a_second_merge_changes_nothing() {
    let t = workshop();
    let [p1, p2] = t.problems;
    let (code, team_status) = cli(&["changes", "peers", "--workspace", s(&t.team)]);
    assert_eq!(code, 0, "{team_status}");
    let team_id = team_status["replica"]["replicaId"]
        .as_str()
        .unwrap()
        .to_owned();

    // The office edits first, the workshop a little later: the same field
    // of the same problem on both sides, and another problem on the laptop.
    edit(&t.team, "Karim", p1, ProblemEdit::Owner("Karim".into()));
    tick();
    edit(&t.laptop, "Mona", p1, ProblemEdit::Owner("Mona".into()));
    edit(
        &t.laptop,
        "Mona",
        p2,
        ProblemEdit::Title("يصل الرمز بعد انتهاء صلاحيته".into()),
    );

    // The laptop knows where it came from.
    let (code, status) = cli(&["changes", "peers", "--workspace", s(&t.laptop)]);
    assert_eq!(code, 0, "{status}");
    let origin = &status["peers"][0];
    assert_eq!(origin["isOrigin"], true, "{status}");
    assert_eq!(origin["replicaId"], team_id.as_str());
    assert_eq!(status["replica"]["originReplica"], team_id.as_str());
    let own = status["ownChanges"].as_u64().unwrap();
    assert_eq!(own, 2, "{status}");
    assert_eq!(origin["unsent"], own);

    // "Changes since I left".
    let file = t.dir.path().join("out").join("laptop.rootwise-changes");
    std::fs::create_dir(file.parent().unwrap()).unwrap();
    let (code, exported) = cli(&[
        "changes",
        "export",
        "--workspace",
        s(&t.laptop),
        "--since-replica",
        &team_id,
        s(&file),
    ]);
    assert_eq!(code, 0, "{exported}");
    assert_eq!(exported["count"], own);
    assert_eq!(exported["path"], s(&file));
    assert_eq!(exported["replicaId"], status["replica"]["replicaId"]);
    assert!(file.is_file());
    assert_eq!(
        std::fs::read_dir(file.parent().unwrap()).unwrap().count(),
        1,
        "no temporary file left beside it"
    );

    let (code, merged) = cli(&[
        "changes",
        "merge",
        "--workspace",
        s(&t.team),
        "--author",
        "Karim",
        s(&file),
    ]);
    assert_eq!(code, 0, "{merged}");
    assert_eq!(merged["received"], own, "{merged}");
    assert_eq!(merged["applied"], own, "{merged}");
    assert_eq!(merged["alreadyHere"], 0, "{merged}");
    assert_eq!(merged["overwritten"], 1, "{merged}");
    assert_eq!(merged["restored"], 0, "{merged}");
    assert_eq!(merged["parentDeleted"], 0, "{merged}");
    assert_eq!(merged["refused"], 0, "{merged}");
    assert_eq!(merged["fromReplica"], status["replica"]["replicaId"]);
    assert_eq!(merged["fromName"], "Workshop laptop");

    // The later owner won; the laptop's title arrived.
    let team = Workspace::open(&t.team).unwrap();
    assert_eq!(problem::get_live(team.conn(), p1).unwrap().owner, "Mona");
    assert_eq!(
        problem::get_live(team.conn(), p2).unwrap().title,
        "يصل الرمز بعد انتهاء صلاحيته"
    );
    drop(team);

    // The same file again changes nothing.
    let rows = change_log_rows(&t.team);
    let (code, again) = cli(&["changes", "merge", "--workspace", s(&t.team), s(&file)]);
    assert_eq!(code, 0, "{again}");
    assert_eq!(again["applied"], 0, "{again}");
    assert_eq!(again["alreadyHere"], own, "{again}");
    assert_eq!(again["overwritten"], 0, "{again}");
    assert_eq!(again["refused"], 0, "{again}");
    assert_eq!(change_log_rows(&t.team), rows);

    // The team now knows the laptop holds what it sent.
    let (_, team_status) = cli(&["changes", "peers", "--workspace", s(&t.team)]);
    let laptop_peer = team_status["peers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["replicaId"] == status["replica"]["replicaId"])
        .cloned()
        .unwrap();
    assert_eq!(laptop_peer["name"], "Workshop laptop");
}

/// Merges `file` into `target` and checks it was refused whole with `code`.
fn assert_refused(target: &Path, file: &Path, code_name: &str, refused: Value) {
    let rows = change_log_rows(target);
    let (code, out) = cli(&["changes", "merge", "--workspace", s(target), s(file)]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out["error"]["code"], code_name, "{out}");
    assert!(
        out["error"]["message"].as_str().unwrap().len() > 10,
        "{out}"
    );
    assert_eq!(out["refused"], refused, "{out}");
    assert_eq!(change_log_rows(target), rows, "nothing was applied");
}

#[test]
fn a_file_from_another_workspace_or_cut_short_is_refused_whole() {
    let t = workshop();
    let [p1, _] = t.problems;
    edit(&t.laptop, "Mona", p1, ProblemEdit::Owner("Mona".into()));
    let before = Workspace::open(&t.team).unwrap();
    let owner_before = problem::get_live(before.conn(), p1).unwrap().owner;
    drop(before);

    // An unrelated workspace's changes.
    let other = t.dir.path().join("other.db");
    team_workspace(&other);
    let foreign = t.dir.path().join("other.rootwise-changes");
    let (code, exported) = cli(&["changes", "export", "--workspace", s(&other), s(&foreign)]);
    assert_eq!(code, 0, "{exported}");
    let count = exported["count"].as_u64().unwrap();
    assert!(count > 0);
    assert_refused(&t.team, &foreign, "change_file_foreign", count.into());

    // The laptop's changes, cut short on the way.
    let file = t.dir.path().join("laptop.rootwise-changes");
    let (code, exported) = cli(&["changes", "export", "--workspace", s(&t.laptop), s(&file)]);
    assert_eq!(code, 0, "{exported}");
    let count = exported["count"].as_u64().unwrap();
    assert!(count > 0);
    let bytes = std::fs::read(&file).unwrap();
    let cut = t.dir.path().join("cut.rootwise-changes");
    std::fs::write(&cut, &bytes[..bytes.len() - 20]).unwrap();
    assert_refused(&t.team, &cut, "change_file_damaged", count.into());

    // Not a change file at all: nothing to count.
    let junk = t.dir.path().join("junk.rootwise-changes");
    std::fs::write(&junk, "hello\n").unwrap();
    assert_refused(&t.team, &junk, "change_file_damaged", Value::Null);

    let after = Workspace::open(&t.team).unwrap();
    assert_eq!(
        problem::get_live(after.conn(), p1).unwrap().owner,
        owner_before
    );
    drop(after);

    // The intact file still merges.
    let (code, merged) = cli(&["changes", "merge", "--workspace", s(&t.team), s(&file)]);
    assert_eq!(code, 0, "{merged}");
    assert_eq!(merged["refused"], 0);
    assert_eq!(
        merged["applied"].as_u64().unwrap() + merged["alreadyHere"].as_u64().unwrap(),
        count
    );
}

#[test]
fn a_missing_workspace_is_an_error_not_a_new_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere").join("missing.db");
    let out = dir.path().join("out.rootwise-changes");
    let copy = dir.path().join("copy.db");

    // A real change file to merge into nothing.
    let real = dir.path().join("real.db");
    team_workspace(&real);
    let file = dir.path().join("real.rootwise-changes");
    let (code, exported) = cli(&["changes", "export", "--workspace", s(&real), s(&file)]);
    assert_eq!(code, 0, "{exported}");

    let runs: Vec<Vec<&str>> = vec![
        vec!["changes", "export", "--workspace", s(&missing), s(&out)],
        vec!["changes", "merge", "--workspace", s(&missing), s(&file)],
        vec!["changes", "peers", "--workspace", s(&missing)],
        vec![
            "workspace",
            "copy",
            "--workspace",
            s(&missing),
            "--name",
            "Laptop",
            s(&copy),
        ],
    ];
    for args in runs {
        let (code, value) = cli(&args);
        assert_eq!(code, 1, "{args:?}: {value}");
        assert_eq!(value["error"]["code"], "not_found", "{args:?}: {value}");
        assert_eq!(value["error"]["details"]["entity"], "workspace");
        assert_eq!(value["error"]["details"]["id"], s(&missing));
    }
    assert!(!missing.exists());
    assert!(!missing.parent().unwrap().exists());
    assert!(!out.exists());
    assert!(!copy.exists());

    // A merge of a file that is not there: an i/o error, nothing counted.
    let (code, value) = cli(&[
        "changes",
        "merge",
        "--workspace",
        s(&real),
        s(&dir.path().join("absent.rootwise-changes")),
    ]);
    assert_eq!(code, 1, "{value}");
    assert_eq!(value["error"]["code"], "io");
    assert_eq!(value["refused"], Value::Null);
}

#[test]
fn a_copy_never_replaces_a_file() {
    let t = workshop();
    let before = std::fs::read(&t.laptop).unwrap();
    let (code, value) = cli(&[
        "workspace",
        "copy",
        "--workspace",
        s(&t.team),
        "--name",
        "Second laptop",
        s(&t.laptop),
    ]);
    assert_eq!(code, 1, "{value}");
    assert_eq!(value["error"]["code"], "conflict");
    assert_eq!(std::fs::read(&t.laptop).unwrap(), before);
}

#[test]
fn every_command_has_help_and_argument_mistakes_exit_with_2() {
    for args in [
        &["--help"][..],
        &["changes", "--help"],
        &["changes", "export", "--help"],
        &["changes", "merge", "--help"],
        &["changes", "peers", "--help"],
        &["workspace", "--help"],
        &["workspace", "copy", "--help"],
    ] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Usage: rootwise-cli"), "{args:?}: {text}");
    }
    for args in [
        &[][..],
        &["changes", "export", "out.rootwise-changes"],
        &["changes", "merge", "--workspace", "x.db"],
        &["workspace", "copy", "--workspace", "x.db", "out.db"],
        &["changes", "explode"],
    ] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn an_export_for_a_copy_never_heard_of_sends_everything_and_says_so() {
    let t = workshop();
    let (_, status) = cli(&["changes", "peers", "--workspace", s(&t.team)]);
    let all = status["ownChanges"].as_u64().unwrap();
    let file = t.dir.path().join("all.rootwise-changes");
    let out = Command::new(BIN)
        .args([
            "changes",
            "export",
            "--workspace",
            s(&t.team),
            "--since-replica",
            "no-such-copy",
            s(&file),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let exported: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(exported["count"], all);
    let warning = String::from_utf8(out.stderr).unwrap();
    assert!(warning.contains("no-such-copy"), "{warning}");
}

#[test]
fn a_merge_killed_part_way_leaves_the_workspace_as_it_was_or_merged_whole() {
    // A real crash: the process is killed (SIGKILL) at a random moment of a
    // merge of many changes. Each time the workspace is either as it was
    // or merged whole, and SQLite's integrity check passes. (More trials:
    // ROOTWISE_KILL_TRIALS.)
    let t = workshop();
    {
        let mut laptop = Workspace::open(&t.laptop).unwrap();
        for n in 0..400 {
            laptop
                .write("Mona", |w| {
                    new_problem(w, &format!("Finding {n} from the workshop"));
                    workflow::edit_problem(
                        w,
                        t.problems[0],
                        &ProblemEdit::Owner(format!("Owner {n}")),
                    )
                })
                .unwrap();
        }
    }
    let file = t.dir.path().join("many.rootwise-changes");
    let (code, exported) = cli(&["changes", "export", "--workspace", s(&t.laptop), s(&file)]);
    assert_eq!(code, 0, "{exported}");
    let count = exported["count"].as_i64().unwrap();
    let trials: u64 = std::env::var("ROOTWISE_KILL_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6);
    // How long a whole merge takes here, so the kills spread over it.
    let timed = t.dir.path().join("timed.db");
    std::fs::copy(&t.team, &timed).unwrap();
    let start = std::time::Instant::now();
    let (code, merged) = cli(&["changes", "merge", "--workspace", s(&timed), s(&file)]);
    assert_eq!(code, 0, "{merged}");
    // The file holds the team's own first change too, which it already has.
    let applied = merged["applied"].as_i64().unwrap();
    assert_eq!(applied + merged["alreadyHere"].as_i64().unwrap(), count);
    let whole = start.elapsed().as_millis() as u64;
    let (mut before_seen, mut after_seen) = (0, 0);
    for trial in 0..trials {
        let target = t.dir.path().join(format!("target-{trial}.db"));
        std::fs::copy(&t.team, &target).unwrap();
        let before = change_log_rows(&target);
        let mut child = Command::new(BIN)
            .args(["changes", "merge", "--workspace", s(&target), s(&file)])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the merge's run, and a little past it.
        let at = whole * 6 / 5 * (trial + 1) / trials.max(1);
        std::thread::sleep(std::time::Duration::from_millis(at));
        let _ = child.kill();
        let _ = child.wait();
        let conn = rusqlite::Connection::open(&target).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "trial {trial}");
        let rows = change_log_rows(&target);
        assert!(
            rows == before || rows == before + applied,
            "trial {trial}: {rows} log rows, expected {before} or {}",
            before + applied
        );
        let problems: i64 = conn
            .query_row("SELECT count(*) FROM problems", [], |r| r.get(0))
            .unwrap();
        if rows == before {
            before_seen += 1;
            assert_eq!(problems, 2, "trial {trial}: nothing of the file");
        } else {
            after_seen += 1;
            assert_eq!(problems, 402, "trial {trial}: all of the file");
        }
    }
    eprintln!(
        "kill trials over a {whole} ms merge: {before_seen} as before, {after_seen} merged whole"
    );
}

#[test]
fn import_reads_a_help_desk_export_once_and_refuses_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.db");
    rootwise_core::Workspace::open(&ws).unwrap();
    let file = dir.path().join("tickets.csv");
    std::fs::write(
        &file,
        "Id,Subject,Via,Created at,Satisfaction Score\n7,الطلب لم يصل,Email,2026-03-01 10:00,Good\n8,,Chat,2026-03-02 10:00,\n",
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_rootwise-cli");
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(bin)
            .arg("import")
            .arg("--workspace")
            .arg(&ws)
            .args(extra)
            .arg(&file)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.success(), v)
    };
    let (ok, refused) = run(&["--time-zone", "Asia/Riyadh"]);
    assert!(!ok);
    assert_eq!(refused["error"]["code"], "invalid_input");
    assert_eq!(refused["refused"]["badRows"][0]["row"], 3);
    assert_eq!(refused["refused"]["badRows"][0]["column"], "Subject");
    let (ok, dry) = run(&["--dry-run", "--format", "zendesk-csv"]);
    assert!(ok);
    assert_eq!(dry["problemsCreated"], 1);
    let (ok, done) = run(&["--skip-bad-rows"]);
    assert!(ok, "{done}");
    assert_eq!(done["problemsCreated"], 1);
    assert_eq!(done["csatAnswers"], 1);
    assert_eq!(done["skipped"], 1);
    let (ok, again) = run(&["--skip-bad-rows"]);
    assert!(ok);
    assert_eq!(again["problemsCreated"], 0);
    assert_eq!(again["alreadyImported"], 1);
    let (ok, missing) = run(&["--mapping", "nope"]);
    assert!(!ok);
    assert_eq!(missing["error"]["code"], "not_found");
}
