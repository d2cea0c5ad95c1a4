//! The change file: what one copy of a workspace hands another. It holds
//! the changes the other side has not seen and refuses, whole, a file that
//! is not one, comes from another workspace or a newer Rootwise, or was cut
//! short or altered.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use rootwise_core::problem::{self, NewProblem};
use rootwise_core::sync::capture::{changes, replay};
use rootwise_core::sync::file::{export, read, Seen};
use rootwise_core::sync::replica;
use rootwise_core::{Error, Workspace, SCHEMA_VERSION};

fn log(ws: &mut Workspace, title: &str) {
    ws.write("Rana", |w| {
        problem::create(
            w,
            &NewProblem {
                title: title.into(),
                ..NewProblem::default()
            },
        )
    })
    .unwrap();
}

/// A second copy of `ws`'s workspace (as "copy for a workshop" will make).
fn copy_of(ws: &Workspace) -> Workspace {
    let copy = Workspace::open_in_memory().unwrap();
    let id = replica(ws.conn()).unwrap().workspace_id;
    copy.conn()
        .execute("UPDATE replica SET workspace_id = ?1", [id])
        .unwrap();
    copy
}

#[test]
fn a_change_file_carries_what_the_other_side_has_not_seen_and_replays_there() {
    let mut ws = Workspace::open_in_memory().unwrap();
    for title in [
        "Refund never arrives",
        "لا يصل رمز التحقق",
        "Agent hung up twice",
    ] {
        log(&mut ws, title);
    }
    let me = replica(ws.conn()).unwrap();
    let bytes = export(ws.conn(), &Seen::new()).unwrap();
    let (manifest, all) = read(&bytes, &me.workspace_id).unwrap();
    assert_eq!(
        (manifest.count, manifest.schema_version),
        (3, SCHEMA_VERSION)
    );
    assert_eq!(manifest.replica_id, me.replica_id);
    let log_now = changes(ws.conn()).unwrap();
    assert_eq!(
        all.iter()
            .map(|c| (c.hlc.clone(), c.author.clone(), c.changeset.clone()))
            .collect::<Vec<_>>(),
        log_now
    );

    // The other side has seen the first change: the rest only.
    let seen: Seen = [(me.replica_id.clone(), all[0].hlc.clone())]
        .into_iter()
        .collect();
    let (manifest, rest) = read(&export(ws.conn(), &seen).unwrap(), &me.workspace_id).unwrap();
    assert_eq!(manifest.count, 2);
    assert_eq!(rest, all[1..].to_vec());

    // Replayed on another copy, the problems are there.
    let copy = copy_of(&ws);
    for change in &all {
        replay(copy.conn(), &change.changeset).unwrap();
    }
    let titles: Vec<String> = copy
        .conn()
        .prepare("SELECT title FROM problems ORDER BY title")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        titles,
        vec![
            "Agent hung up twice",
            "Refund never arrives",
            "لا يصل رمز التحقق"
        ]
    );
}

#[test]
fn a_file_that_is_not_one_from_elsewhere_newer_cut_or_altered_is_refused() {
    let mut ws = Workspace::open_in_memory().unwrap();
    log(&mut ws, "Refund never arrives");
    log(&mut ws, "The invoice is sent twice");
    let workspace = replica(ws.conn()).unwrap().workspace_id;
    let good = export(ws.conn(), &Seen::new()).unwrap();
    assert!(read(&good, &workspace).is_ok());
    let damaged = |bytes: &[u8]| {
        matches!(
            read(bytes, &workspace),
            Err(Error::ChangeFileDamaged { .. })
        )
    };

    assert!(damaged(b""));
    assert!(damaged(b"SQLite format 3\0 something else entirely"));
    assert!(damaged(&good[..good.len() - 7]), "cut short");
    let mut flipped = good.clone();
    let last = flipped.len() - 3;
    flipped[last] ^= 0x40;
    assert!(damaged(&flipped), "a byte changed");
    let text = String::from_utf8_lossy(&good).into_owned();
    let recount = text.replacen("\"count\":2", "\"count\":1", 1);
    assert!(
        damaged(recount.as_bytes()),
        "a manifest that lies about its changes"
    );

    let other = Workspace::open_in_memory().unwrap();
    let other_id = replica(other.conn()).unwrap().workspace_id;
    assert!(matches!(
        read(&good, &other_id),
        Err(Error::ChangeFileForeign)
    ));

    let newer = text.replacen(
        &format!("\"schemaVersion\":{SCHEMA_VERSION}"),
        &format!("\"schemaVersion\":{}", SCHEMA_VERSION + 1),
        1,
    );
    assert!(matches!(
        read(newer.as_bytes(), &workspace),
        Err(Error::ChangeFileTooNew { found, supported }) if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION
    ));
}
