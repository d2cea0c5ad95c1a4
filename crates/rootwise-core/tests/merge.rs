//! Merging copies of a workspace: a facilitator's workshop laptop and the
//! team's copy change the same work offline and exchange change files.
//! Both people's work ends up on both sides, the same way whichever side
//! merges first; what one side overwrote is listed for review and can be
//! brought back; merging a file twice changes nothing.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use rootwise_core::action::{self, ActionEdit, ActionKind, ActionStatus, NewAction};
use rootwise_core::analysis::{self, NewAnalysis, NewWhy};
use rootwise_core::empathy::{self, Area, NewMap, NewNote};
use rootwise_core::ids::{ActionId, NoteId, ProblemId, WhyId};
use rootwise_core::persona::{self, NewPersona, PersonaEdit, QuoteInput, QuoteSource};
use rootwise_core::problem::{self, NewProblem, ProblemEdit};
use rootwise_core::sync::copy::{copy_for_workshop, export_for, peers};
use rootwise_core::sync::merge::{merge_file, merge_file_with, FailAfter, MergeSummary};
use rootwise_core::sync::replica;
use rootwise_core::sync::review::{self, ReviewKind, ReviewState};
use rootwise_core::{history, search, time, trash, workflow, Error, Workspace};

use rusqlite::Connection;

/// Every replicated table's rows, as text, sorted: equal dumps, equal work.
fn dump(conn: &Connection) -> Vec<(String, Vec<String>)> {
    rootwise_core::sync::canonical_dump(conn).unwrap()
}

/// Whether a row is in the trash.
fn trashed(conn: &Connection, table: &str, id: &str) -> bool {
    conn.query_row(
        &format!("SELECT deleted_at IS NOT NULL FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )
    .unwrap()
}

fn integrity(conn: &Connection) -> String {
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

struct Team {
    _dir: tempfile::TempDir,
    office: Workspace,
    laptop: Workspace,
    laptop_path: PathBuf,
    problems: Vec<ProblemId>,
    why: WhyId,
    action: ActionId,
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

/// The team's workspace with three problems, an analysis with one cause
/// and an open action, and a laptop copy made from it for a workshop.
fn team() -> Team {
    let dir = tempfile::tempdir().unwrap();
    let mut office = Workspace::open(&dir.path().join("team.db")).unwrap();
    let (problems, why, action) = office
        .write("Karim", |w| {
            let problems = vec![
                new_problem(w, "Refund never arrives"),
                new_problem(w, "لا يصل رمز التحقق إلى العملاء"),
                new_problem(w, "Agent hung up twice"),
            ];
            let a = analysis::create_analysis(
                w,
                &NewAnalysis {
                    problem_id: problems[0].to_string(),
                    title: "Why do refunds stall?".into(),
                    ..NewAnalysis::default()
                },
            )?;
            let why = workflow::add_why(
                w,
                a.id,
                &NewWhy {
                    text: "The refund form loses the IBAN".into(),
                    ..NewWhy::default()
                },
            )?;
            let action = action::create(
                w,
                &NewAction {
                    problem_id: problems[0].to_string(),
                    title: "Validate the IBAN as it is typed".into(),
                    kind: ActionKind::Corrective,
                    description: None,
                    cause_ids: None,
                    owner: None,
                    due_on: None,
                    priority: None,
                    check_method: None,
                },
            )?;
            Ok((problems, why.id, action.id))
        })
        .unwrap()
        .value;
    let laptop_path = dir.path().join("workshop.db");
    copy_for_workshop(&office, &laptop_path, "Workshop laptop").unwrap();
    let laptop = Workspace::open(&laptop_path).unwrap();
    Team {
        _dir: dir,
        office,
        laptop,
        laptop_path,
        problems,
        why,
        action,
    }
}

/// Exports from `from` what `to` has not seen and merges it into `to`.
fn send(from: &Workspace, to: &mut Workspace, who: &str) -> MergeSummary {
    let to_id = replica(to.conn()).unwrap().replica_id;
    let bytes = export_for(from.conn(), Some(&to_id)).unwrap();
    merge_file(to, who, &bytes).unwrap().summary
}

fn title(ws: &Workspace, id: ProblemId) -> String {
    problem::get_live(ws.conn(), id).unwrap().title
}

/// Makes sure the next write's clock reading is later than the last one
/// on any copy (writes in a test can share a millisecond).
fn tick() {
    std::thread::sleep(std::time::Duration::from_millis(3));
}

#[test]
fn the_workshop_story_both_peoples_work_survives_and_the_overwritten_title_comes_back() {
    let mut t = team();
    let [p1, p2, _p3] = [t.problems[0], t.problems[1], t.problems[2]];
    let laptop_me = replica(t.laptop.conn()).unwrap();
    let office_me = replica(t.office.conn()).unwrap();
    assert_eq!(laptop_me.workspace_id, office_me.workspace_id);
    assert_ne!(laptop_me.replica_id, office_me.replica_id);
    assert_eq!(
        laptop_me.origin_replica.as_deref(),
        Some(office_me.replica_id.as_str())
    );
    assert_eq!(laptop_me.name, "Workshop laptop");

    // Offline: the facilitator edits two problems, adds a cause and runs
    // an empathy-map workshop with a persona.
    let (cause, note) = t
        .laptop
        .write("Mona", |w| {
            workflow::edit_problem(
                w,
                p1,
                &ProblemEdit::Title("Refunds stall at the bank step".into()),
            )?;
            workflow::edit_problem(
                w,
                p2,
                &ProblemEdit::Description("يصل الرمز بعد انتهاء صلاحيته".into()),
            )?;
            Ok(())
        })
        .map(|_| ())
        .and_then(|()| {
            t.laptop.write("Mona", |w| {
                let analysis_id = analysis::get_why(w.tx(), t.why)?.analysis_id;
                let cause = workflow::add_why(
                    w,
                    analysis_id,
                    &NewWhy {
                        parent_id: Some(t.why.to_string()),
                        text: "The bank rejects IBANs with spaces".into(),
                        ..NewWhy::default()
                    },
                )?;
                let persona = persona::create(
                    w,
                    &NewPersona {
                        name: "سلمى، صاحبة متجر".into(),
                        ..NewPersona::default()
                    },
                )?;
                let map = empathy::create_map(
                    w,
                    &NewMap {
                        persona_id: persona.id.to_string(),
                        title: "Refund workshop".into(),
                        problem_id: Some(p1.to_string()),
                        held_on: None,
                        participants: Some(vec!["Mona".into(), "Huda".into()]),
                        votes_per_person: Some(3),
                    },
                )?;
                let note = empathy::add_note(
                    w,
                    &NewNote {
                        map_id: map.id.to_string(),
                        area: Area::Feels,
                        text: "Anxious every time the refund is late".into(),
                        colour: None,
                        author: Some("Huda".into()),
                        group_id: None,
                    },
                )?;
                Ok((cause.id, note.id))
            })
        })
        .unwrap()
        .value;
    tick();

    // Meanwhile at the office: the manager renames the same problem and
    // marks the action done.
    t.office
        .write("Karim", |w| {
            workflow::edit_problem(
                w,
                p1,
                &ProblemEdit::Title("Refund delayed by the bank".into()),
            )?;
            workflow::edit_action(w, t.action, &ActionEdit::Status(ActionStatus::Done))
        })
        .unwrap();

    // "Changes since I left": only the laptop's own changes travel.
    let laptop_writes: u32 = t
        .laptop
        .conn()
        .query_row(
            "SELECT count(*) FROM change_log WHERE replica_id = ?1",
            [&laptop_me.replica_id],
            |r| r.get(0),
        )
        .unwrap();
    let bytes = export_for(t.laptop.conn(), Some(&office_me.replica_id)).unwrap();
    let merged = merge_file(&mut t.office, "Karim", &bytes).unwrap().summary;
    assert_eq!(merged.received, laptop_writes);
    assert_eq!(merged.applied, laptop_writes);
    assert_eq!(merged.from_name, "Workshop laptop");
    assert_eq!(merged.overwritten, 1, "{merged:?}");

    // Both people's work is there; the later title won.
    assert_eq!(title(&t.office, p1), "Refund delayed by the bank");
    assert_eq!(
        problem::get_live(t.office.conn(), p2).unwrap().description,
        "يصل الرمز بعد انتهاء صلاحيته"
    );
    assert_eq!(
        analysis::get_why(t.office.conn(), cause).unwrap().text,
        "The bank rejects IBANs with spaces"
    );
    assert_eq!(
        empathy::get_note(t.office.conn(), note).unwrap().text,
        "Anxious every time the refund is late"
    );
    assert_eq!(
        action::get(t.office.conn(), t.action).unwrap().status,
        ActionStatus::Done
    );
    // Search knows the merged text.
    let hits = search::search(t.office.conn(), "IBANs spaces", 10).unwrap();
    assert!(hits.iter().any(|h| h.id == cause.to_string()), "{hits:?}");
    let hits = search::search(t.office.conn(), "صلاحيته", 10).unwrap();
    assert!(hits.iter().any(|h| h.id == p2.to_string()), "{hits:?}");

    // The title that lost is listed for review, with who wrote each.
    let items = review::list(t.office.conn(), false).unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    let item = &items[0];
    assert_eq!(item.kind, ReviewKind::Overwritten);
    assert_eq!(item.target.id, p1.to_string());
    assert_eq!(item.lost_author, "Mona");
    assert_eq!(item.kept_author, "Karim");
    assert_eq!(item.fields.len(), 1);
    assert_eq!(item.fields[0].field, "title");
    assert_eq!(
        item.fields[0].lost.as_deref(),
        Some("Refunds stall at the bank step")
    );
    assert_eq!(
        item.fields[0].kept.as_deref(),
        Some("Refund delayed by the bank")
    );
    // ... and in the problem's history.
    let h = history::for_entity(t.office.conn(), "problem", &p1.to_string()).unwrap();
    assert!(h.iter().any(|e| e.field.as_deref() == Some("title")
        && e.old_value.as_deref() == Some("Refunds stall at the bank step")
        && e.new_value.as_deref() == Some("Refund delayed by the bank")));

    // Merging the same file twice changes nothing.
    let before = dump(t.office.conn());
    let again = merge_file(&mut t.office, "Karim", &bytes).unwrap().summary;
    assert_eq!(
        (again.applied, again.already_here, again.overwritten),
        (0, laptop_writes, 0)
    );
    assert_eq!(dump(t.office.conn()), before);
    assert_eq!(review::list(t.office.conn(), false).unwrap().len(), 1);

    // The office sends back what the laptop has not seen: the copies agree,
    // with the same winner.
    let back = send(&t.office, &mut t.laptop, "Mona");
    assert!(back.applied >= 1);
    assert_eq!(dump(t.laptop.conn()), dump(t.office.conn()));
    assert_eq!(title(&t.laptop, p1), "Refund delayed by the bank");
    // The laptop's review lists its own title, which lost.
    let on_laptop = review::list(t.laptop.conn(), false).unwrap();
    assert_eq!(on_laptop.len(), 1, "{on_laptop:?}");
    assert_eq!(
        on_laptop[0].fields[0].lost.as_deref(),
        Some("Refunds stall at the bank step")
    );

    // One click brings the facilitator's title back, as a new edit that
    // wins on every copy it reaches.
    tick();
    t.office
        .write("Karim", |w| review::bring_back(w, item.id))
        .unwrap();
    assert_eq!(title(&t.office, p1), "Refunds stall at the bank step");
    let item = &review::list(t.office.conn(), true).unwrap()[0];
    assert_eq!(item.state, ReviewState::BroughtBack);
    assert!(review::list(t.office.conn(), false).unwrap().is_empty());
    send(&t.office, &mut t.laptop, "Mona");
    assert_eq!(title(&t.laptop, p1), "Refunds stall at the bank step");
    assert_eq!(dump(t.laptop.conn()), dump(t.office.conn()));
    assert_eq!(integrity(t.office.conn()), "ok");
    assert_eq!(integrity(t.laptop.conn()), "ok");

    // Each side knows the other and has nothing left to send it.
    let office_peers = peers(t.office.conn()).unwrap();
    assert_eq!(office_peers.len(), 1);
    assert_eq!(office_peers[0].name, "Workshop laptop");
    let laptop_peers = peers(t.laptop.conn()).unwrap();
    assert!(laptop_peers[0].is_origin);
    assert_eq!(laptop_peers[0].unsent, 0, "{laptop_peers:?}");
    let _ = t.laptop_path;
}

#[test]
fn the_same_field_changed_on_both_sides_has_the_same_winner_whichever_side_merges_first() {
    for office_first in [true, false] {
        let mut t = team();
        let p = t.problems[2];
        t.laptop
            .write("Mona", |w| {
                workflow::edit_problem(w, p, &ProblemEdit::Owner("Mona".into()))
            })
            .unwrap();
        tick();
        t.office
            .write("Karim", |w| {
                workflow::edit_problem(w, p, &ProblemEdit::Owner("Karim".into()))
            })
            .unwrap();
        let to_office = export_for(
            t.laptop.conn(),
            Some(&replica(t.office.conn()).unwrap().replica_id),
        )
        .unwrap();
        let to_laptop = export_for(
            t.office.conn(),
            Some(&replica(t.laptop.conn()).unwrap().replica_id),
        )
        .unwrap();
        if office_first {
            merge_file(&mut t.office, "Karim", &to_office).unwrap();
            merge_file(&mut t.laptop, "Mona", &to_laptop).unwrap();
        } else {
            merge_file(&mut t.laptop, "Mona", &to_laptop).unwrap();
            merge_file(&mut t.office, "Karim", &to_office).unwrap();
        }
        for ws in [&t.office, &t.laptop] {
            assert_eq!(problem::get_live(ws.conn(), p).unwrap().owner, "Karim");
        }
        assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
    }
}

#[test]
fn an_edit_after_a_delete_keeps_the_row_and_a_delete_after_an_edit_wins() {
    // The office deletes, then the laptop edits: the edit wins, the problem is back.
    let mut t = team();
    let p = t.problems[1];
    t.office.write("Karim", |w| problem::delete(w, p)).unwrap();
    tick();
    t.laptop
        .write("Mona", |w| {
            workflow::edit_problem(w, p, &ProblemEdit::Owner("Mona".into()))
        })
        .unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        let got = problem::get_live(ws.conn(), p).unwrap();
        assert_eq!(got.owner, "Mona", "the later edit brings it back");
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
    let items = review::list(t.office.conn(), false).unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].kind, ReviewKind::Restored);
    assert_eq!(items[0].lost_author, "Karim");
    // Bringing the delete back moves it to the trash again.
    t.office
        .write("Karim", |w| review::bring_back(w, items[0].id))
        .unwrap();
    assert!(trashed(t.office.conn(), "problems", &p.to_string()));

    // The laptop edits, then the office deletes: the delete wins.
    let mut t = team();
    let p = t.problems[1];
    t.laptop
        .write("Mona", |w| {
            workflow::edit_problem(w, p, &ProblemEdit::Owner("Mona".into()))
        })
        .unwrap();
    tick();
    t.office.write("Karim", |w| problem::delete(w, p)).unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        assert!(trashed(ws.conn(), "problems", &p.to_string()));
        let owner: String = ws
            .conn()
            .query_row(
                "SELECT owner FROM problems WHERE id = ?1",
                [p.to_string()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(owner, "Mona", "the edit is kept, in the trash");
        assert!(trash::list(ws.conn())
            .unwrap()
            .iter()
            .any(|i| i.id == p.to_string()));
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn a_cause_added_under_a_cause_the_other_side_deleted_is_kept_and_its_parent_offered_back() {
    let mut t = team();
    t.office
        .write("Karim", |w| analysis::delete_why(w, t.why, false))
        .unwrap();
    let child = t
        .laptop
        .write("Mona", |w| {
            let analysis_id = analysis::get_why(w.tx(), t.why)?.analysis_id;
            workflow::add_why(
                w,
                analysis_id,
                &NewWhy {
                    parent_id: Some(t.why.to_string()),
                    text: "Spaces are not stripped".into(),
                    ..NewWhy::default()
                },
            )
        })
        .unwrap()
        .value
        .id;
    send(&t.laptop, &mut t.office, "Karim");
    let got = analysis::get_why(t.office.conn(), child).unwrap();
    assert_eq!(got.text, "Spaces are not stripped", "never dropped");
    let items = review::list(t.office.conn(), false).unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].kind, ReviewKind::ParentDeleted);
    assert_eq!(items[0].target.id, child.to_string());
    let parent = items[0].parent.as_ref().unwrap();
    assert_eq!(parent.id, t.why.to_string());
    assert!(parent.in_trash);
    assert_eq!(items[0].lost_author, "Karim");

    // One click brings the parent back, with the new cause under it.
    t.office
        .write("Karim", |w| review::bring_back(w, items[0].id))
        .unwrap();
    assert!(!trashed(t.office.conn(), "why_nodes", &t.why.to_string()));
    send(&t.office, &mut t.laptop, "Mona");
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn votes_on_one_note_from_both_sides_all_count() {
    let mut t = team();
    let (note, _map): (NoteId, _) = t
        .office
        .write("Karim", |w| {
            let persona = persona::create(
                w,
                &NewPersona {
                    name: "Omar, a first-time buyer".into(),
                    ..NewPersona::default()
                },
            )?;
            let map = empathy::create_map(
                w,
                &NewMap {
                    persona_id: persona.id.to_string(),
                    title: "Checkout".into(),
                    problem_id: None,
                    held_on: None,
                    participants: Some(vec!["Mona".into(), "Karim".into()]),
                    votes_per_person: Some(3),
                },
            )?;
            let note = empathy::add_note(
                w,
                &NewNote {
                    map_id: map.id.to_string(),
                    area: Area::Says,
                    text: "Why do I have to type my IBAN twice?".into(),
                    colour: None,
                    author: None,
                    group_id: None,
                },
            )?;
            Ok((note.id, map.id))
        })
        .unwrap()
        .value;
    send(&t.office, &mut t.laptop, "Mona");
    t.laptop
        .write("Mona", |w| empathy::vote(w, note, "Mona"))
        .unwrap();
    t.office
        .write("Karim", |w| empathy::vote(w, note, "Karim"))
        .unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        assert_eq!(empathy::get_note(ws.conn(), note).unwrap().votes, 2);
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn a_quote_added_on_one_side_and_a_rename_on_the_other_both_stay() {
    let mut t = team();
    let p = t
        .office
        .write("Karim", |w| {
            persona::create(
                w,
                &NewPersona {
                    name: "Laila".into(),
                    ..NewPersona::default()
                },
            )
        })
        .unwrap()
        .value
        .id;
    send(&t.office, &mut t.laptop, "Mona");
    let quote = t
        .laptop
        .write("Mona", |w| {
            persona::add_quote(
                w,
                p,
                &QuoteInput {
                    text: "أريد أن أعرف متى يصل المبلغ".into(),
                    source: QuoteSource::Interview,
                    reference: None,
                    said_on: time::today_utc(),
                },
            )
        })
        .unwrap()
        .value
        .id;
    t.office
        .write("Karim", |w| {
            persona::edit(w, p, &PersonaEdit::Name("Laila, small shop owner".into()))
        })
        .unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        let got = persona::get(ws.conn(), p).unwrap();
        assert_eq!(got.name, "Laila, small shop owner");
        assert!(persona::get_quote(ws.conn(), quote).is_ok());
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn an_action_moved_on_both_sides_ends_in_the_later_status_on_both() {
    let mut t = team();
    t.laptop
        .write("Mona", |w| {
            workflow::edit_action(w, t.action, &ActionEdit::Status(ActionStatus::InProgress))
        })
        .unwrap();
    tick();
    t.office
        .write("Karim", |w| {
            workflow::edit_action(w, t.action, &ActionEdit::Status(ActionStatus::Cancelled))
        })
        .err();
    t.office
        .write("Karim", |w| {
            workflow::edit_action(w, t.action, &ActionEdit::Status(ActionStatus::Done))
        })
        .unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        assert_eq!(
            action::get(ws.conn(), t.action).unwrap().status,
            ActionStatus::Done
        );
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
    let items = review::list(t.office.conn(), false).unwrap();
    assert!(
        items
            .iter()
            .any(|i| i.fields.iter().any(|f| f.field == "status")),
        "{items:?}"
    );
}

#[test]
fn a_merge_that_stops_part_way_leaves_the_workspace_as_it_was() {
    let mut t = team();
    for n in 0..6 {
        t.laptop
            .write("Mona", |w| {
                let id = new_problem(w, &format!("Workshop finding {n}"));
                workflow::edit_problem(
                    w,
                    t.problems[0],
                    &ProblemEdit::Owner(format!("Owner {n}")),
                )?;
                Ok(id)
            })
            .unwrap();
    }
    let bytes = export_for(
        t.laptop.conn(),
        Some(&replica(t.office.conn()).unwrap().replica_id),
    )
    .unwrap();
    let before = dump(t.office.conn());
    let log_before: u32 = t
        .office
        .conn()
        .query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))
        .unwrap();
    for stop in 0..6 {
        let err =
            merge_file_with(&mut t.office, "Karim", &bytes, FailAfter(Some(stop))).unwrap_err();
        assert!(matches!(err, Error::Internal(_)));
        assert_eq!(dump(t.office.conn()), before, "stopped after {stop}");
        let log: u32 = t
            .office
            .conn()
            .query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))
            .unwrap();
        assert_eq!(log, log_before);
        assert_eq!(integrity(t.office.conn()), "ok");
    }
    // And then it merges whole.
    let merged = merge_file(&mut t.office, "Karim", &bytes).unwrap().summary;
    assert_eq!(merged.applied, 6);
}

#[test]
fn a_file_that_builds_on_changes_not_received_yet_is_refused_whole() {
    let mut t = team();
    let p = t
        .laptop
        .write("Mona", |w| Ok(new_problem(w, "Created on the laptop")))
        .unwrap()
        .value;
    let first = rootwise_core::sync::capture::latest(t.laptop.conn())
        .unwrap()
        .unwrap();
    t.laptop
        .write("Mona", |w| {
            workflow::edit_problem(w, p, &ProblemEdit::Owner("Mona".into()))
        })
        .unwrap();
    // A file holding the edit but not the creation.
    let mut seen = rootwise_core::sync::file::Seen::new();
    seen.insert(first.replica.clone(), first);
    let bytes = rootwise_core::sync::file::export(t.laptop.conn(), &seen).unwrap();
    let before = dump(t.office.conn());
    let err = merge_file(&mut t.office, "Karim", &bytes).unwrap_err();
    assert!(
        matches!(err, Error::ChangeFileNeedsEarlier { .. }),
        "{err:?}"
    );
    assert_eq!(dump(t.office.conn()), before);
}

#[test]
fn a_copy_for_a_workshop_refuses_a_path_that_exists_and_is_a_workspace_of_its_own() {
    let t = team();
    let err = copy_for_workshop(&t.office, &t.laptop_path, "Again").unwrap_err();
    assert!(matches!(err, Error::Conflict(_)));
    let dir = tempfile::tempdir().unwrap();
    let path: &Path = &dir.path().join("second.db");
    let made = copy_for_workshop(&t.office, path, "  Second\nlaptop ").unwrap();
    assert_eq!(made.name, "Second laptop");
    let second = Workspace::open(path).unwrap();
    assert_eq!(replica(second.conn()).unwrap(), made);
    assert_eq!(dump(second.conn()), dump(t.office.conn()));
    // The office now knows two copies, and was named after its file when
    // the first copy was made (so the copies can say where they came from).
    assert_eq!(peers(t.office.conn()).unwrap().len(), 2);
    assert_eq!(replica(t.office.conn()).unwrap().name, "team");
    assert_eq!(peers(second.conn()).unwrap()[0].name, "team");
}

#[test]
fn a_report_logged_on_a_problem_the_other_side_deleted_leaves_it_in_the_trash_on_both() {
    // Logging a report touches the problem's row (its counters and
    // `updated_at`) but is no edit of the problem: the report is kept, the
    // problem stays in the trash, on both sides. (The side that logged the
    // report used to count it as an edit later than the delete and keep
    // the problem out of the trash.)
    let mut t = team();
    let p = t.problems[1];
    t.office.write("Karim", |w| problem::delete(w, p)).unwrap();
    tick();
    t.laptop
        .write("Mona", |w| {
            workflow::log_occurrence(w, p, &problem::NewOccurrence::default())
        })
        .unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        assert!(trashed(ws.conn(), "problems", &p.to_string()));
        assert_eq!(problem::occurrences(ws.conn(), p).unwrap().len(), 1);
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn a_tag_removed_on_one_side_stays_removed_when_the_other_side_changed_the_problem() {
    // A problem's tag rows carry copies of its owner, status...: a trigger
    // rewrites them when the problem changes. That is no change to the tag
    // itself, so it does not outweigh the other side's removal of the tag.
    let mut t = team();
    let p = t.problems[2];
    t.office
        .write("Karim", |w| {
            workflow::edit_problem(w, p, &ProblemEdit::Tags(vec!["billing".into()]))
        })
        .unwrap();
    send(&t.office, &mut t.laptop, "Mona");
    t.office
        .write("Karim", |w| {
            workflow::edit_problem(w, p, &ProblemEdit::Tags(Vec::new()))
        })
        .unwrap();
    tick();
    t.laptop
        .write("Mona", |w| {
            workflow::edit_problem(w, p, &ProblemEdit::Owner("Mona".into()))
        })
        .unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        let got = problem::get_live(ws.conn(), p).unwrap();
        assert_eq!((got.owner.as_str(), got.tags.len()), ("Mona", 0));
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn a_cause_deleted_by_itself_after_the_other_side_deleted_its_parent_is_deleted_by_itself_on_both()
{
    // The office deletes a cause, which takes its child along; later the
    // laptop deletes the child by itself. The later delete wins on both
    // sides, whole: the child went to the trash by itself (it is listed in
    // the trash), not along with its parent. (The office used to keep the
    // "deleted along with" mark of its own delete under the laptop's.)
    let mut t = team();
    let child = t
        .office
        .write("Karim", |w| {
            let analysis_id = analysis::get_why(w.tx(), t.why)?.analysis_id;
            workflow::add_why(
                w,
                analysis_id,
                &NewWhy {
                    parent_id: Some(t.why.to_string()),
                    text: "Spaces are not stripped".into(),
                    ..NewWhy::default()
                },
            )
        })
        .unwrap()
        .value
        .id;
    send(&t.office, &mut t.laptop, "Mona");
    t.office
        .write("Karim", |w| analysis::delete_why(w, t.why, false))
        .unwrap();
    tick();
    t.laptop
        .write("Mona", |w| analysis::delete_why(w, child, false))
        .unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        let listed = trash::list(ws.conn()).unwrap();
        assert!(
            listed.iter().any(|i| i.id == child.to_string()),
            "{listed:?}"
        );
        assert!(trashed(ws.conn(), "why_nodes", &t.why.to_string()));
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn a_duplicate_merged_into_different_problems_on_each_side_leaves_right_counts_on_both() {
    // The office merges a duplicate into one problem, the laptop (later)
    // into another: the duplicate's report ends up under the laptop's
    // choice on both sides, and the office's choice no longer counts it.
    // (The office used to recompute only the problem the report moved to,
    // not the one it left there, whose count stayed one too high.)
    let mut t = team();
    let [dup, office_pick, laptop_pick] = [t.problems[1], t.problems[0], t.problems[2]];
    t.office
        .write("Karim", |w| {
            workflow::log_occurrence(w, dup, &problem::NewOccurrence::default())
        })
        .unwrap();
    send(&t.office, &mut t.laptop, "Mona");
    t.office
        .write("Karim", |w| workflow::merge(w, dup, office_pick))
        .unwrap();
    tick();
    t.laptop
        .write("Mona", |w| workflow::merge(w, dup, laptop_pick))
        .unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        for p in [office_pick, laptop_pick] {
            let reports = problem::occurrences(ws.conn(), p).unwrap().len();
            let count: u32 = ws
                .conn()
                .query_row(
                    "SELECT occurrence_count FROM problems WHERE id = ?1",
                    [p.to_string()],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(count as usize, 1 + reports, "{p}");
        }
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn a_merged_duplicate_counts_the_same_reports_on_the_copy_that_merged_it_and_the_others() {
    // Merging a duplicate moves its reports to the problem that stays. The
    // copy that did it used to keep the duplicate's old count (and first
    // and last day seen), while every copy receiving the change counts the
    // reports it has left (none): the copies disagreed.
    let mut t = team();
    let [dup, keep] = [t.problems[1], t.problems[0]];
    t.office
        .write("Karim", |w| {
            workflow::log_occurrence(w, dup, &problem::NewOccurrence::default())
        })
        .unwrap();
    send(&t.office, &mut t.laptop, "Mona");
    t.office
        .write("Karim", |w| workflow::merge(w, dup, keep))
        .unwrap();
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        let count: u32 = ws
            .conn()
            .query_row(
                "SELECT occurrence_count FROM problems WHERE id = ?1",
                [dup.to_string()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(count, 1);
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn a_reference_removed_on_one_side_and_rewritten_later_on_the_other_is_there_on_both() {
    // A problem's references are rewritten whole: the rows at positions
    // that stay reach the other copy as updates. The office drops the
    // second reference; later the laptop replaces it. The later write
    // keeps the row on both sides. (The office, having removed the row,
    // used to ignore the update, while the laptop refused the older
    // removal.)
    let mut t = team();
    let p = t.problems[2];
    let refs = |list: &[&str]| ProblemEdit::References(list.iter().map(|r| (*r).into()).collect());
    t.office
        .write("Karim", |w| {
            workflow::edit_problem(w, p, &refs(&["ZD-1", "ZD-2"]))
        })
        .unwrap();
    send(&t.office, &mut t.laptop, "Mona");
    t.office
        .write("Karim", |w| workflow::edit_problem(w, p, &refs(&["ZD-1"])))
        .unwrap();
    tick();
    t.laptop
        .write("Mona", |w| {
            workflow::edit_problem(w, p, &refs(&["ZD-1", "ZD-9"]))
        })
        .unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        assert_eq!(
            problem::get_live(ws.conn(), p).unwrap().references,
            vec!["ZD-1".to_owned(), "ZD-9".to_owned()]
        );
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn a_cause_restored_by_itself_then_deleted_again_is_deleted_by_itself_on_both() {
    // The office deletes a cause with its child; the laptop edits the
    // cause later, which brings it back on both sides, while the child
    // stays in the trash "deleted along with" it. The office restores the
    // child by itself, then deletes it again. Both sides must agree that it
    // went to the trash by itself. (The restore used to keep the "along
    // with" mark on the office's live row; its later delete did not carry
    // the mark, which the laptop cleared.)
    let mut t = team();
    let child = t
        .office
        .write("Karim", |w| {
            let analysis_id = analysis::get_why(w.tx(), t.why)?.analysis_id;
            workflow::add_why(
                w,
                analysis_id,
                &NewWhy {
                    parent_id: Some(t.why.to_string()),
                    text: "Spaces are not stripped".into(),
                    ..NewWhy::default()
                },
            )
        })
        .unwrap()
        .value
        .id;
    send(&t.office, &mut t.laptop, "Mona");
    t.office
        .write("Karim", |w| analysis::delete_why(w, t.why, false))
        .unwrap();
    tick();
    t.laptop
        .write("Mona", |w| {
            workflow::edit_why(
                w,
                t.why,
                &analysis::WhyEdit::Text("The form drops the IBAN".into()),
            )
        })
        .unwrap();
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    assert!(!trashed(t.office.conn(), "why_nodes", &t.why.to_string()));
    assert!(trashed(t.office.conn(), "why_nodes", &child.to_string()));
    tick();
    t.office
        .write("Karim", |w| workflow::restore_why(w, child))
        .unwrap();
    t.office
        .write("Karim", |w| analysis::delete_why(w, child, false))
        .unwrap();
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        let listed = trash::list(ws.conn()).unwrap();
        assert!(
            listed.iter().any(|i| i.id == child.to_string()),
            "{listed:?}"
        );
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn a_cause_added_to_an_analysis_the_other_side_deleted_is_found_by_search_on_neither() {
    // A cause is searchable while it and its analysis are live: deleting an
    // analysis takes its causes out of search. The office deletes the
    // analysis while the laptop adds a cause to it. The merge used to
    // index the new cause at the office (it looked at the cause alone) and
    // leave the laptop's causes of the deleted analysis in its search.
    let mut t = team();
    let analysis_id = analysis::get_why(t.office.conn(), t.why)
        .unwrap()
        .analysis_id;
    t.office
        .write("Karim", |w| analysis::delete_analysis(w, analysis_id))
        .unwrap();
    tick();
    let added = t
        .laptop
        .write("Mona", |w| {
            workflow::add_why(
                w,
                analysis_id,
                &NewWhy {
                    text: "Nobody owns the refund queue".into(),
                    ..NewWhy::default()
                },
            )
        })
        .unwrap()
        .value
        .id;
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        for (word, id) in [("queue", added), ("IBAN", t.why)] {
            let hits = search::search(ws.conn(), word, 10).unwrap();
            assert!(!hits.iter().any(|h| h.id == id.to_string()), "{hits:?}");
        }
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn an_action_deleted_then_moved_with_its_problem_stays_in_the_trash_on_every_copy() {
    // The office deletes an action, then merges its problem into another:
    // the trashed action moves along and stays in the trash. That move is
    // a write made after the delete by someone who had it, not an edit the
    // delete missed: the laptop used to bring the action back.
    let mut t = team();
    let [p0, p1] = [t.problems[0], t.problems[1]];
    t.office
        .write("Karim", |w| action::delete(w, t.action))
        .unwrap();
    tick();
    t.office
        .write("Karim", |w| workflow::merge(w, p0, p1))
        .unwrap();
    send(&t.office, &mut t.laptop, "Mona");
    for ws in [&t.office, &t.laptop] {
        assert!(trashed(ws.conn(), "actions", &t.action.to_string()));
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn a_trashed_action_moved_by_one_side_does_not_undo_the_other_sides_delete() {
    // Both sides delete the same action without knowing of the other (the
    // laptop later); then the office merges the action's problem into
    // another, which moves the action, in its trash, along. The move was
    // made with the row in the trash: it should neither bring the action
    // back on the laptop nor outweigh the laptop's later delete at the
    // office. (Found by the convergence soak: the merge could not tell,
    // from the part of the log it reads, that the office had the row in
    // the trash when it moved it; now the change itself says so.)
    let mut t = team();
    let [p0, p1] = [t.problems[0], t.problems[1]];
    t.office
        .write("Karim", |w| action::delete(w, t.action))
        .unwrap();
    tick();
    t.laptop
        .write("Mona", |w| action::delete(w, t.action))
        .unwrap();
    tick();
    t.office
        .write("Karim", |w| workflow::merge(w, p0, p1))
        .unwrap();
    send(&t.office, &mut t.laptop, "Mona");
    send(&t.laptop, &mut t.office, "Karim");
    for ws in [&t.office, &t.laptop] {
        let by: Option<String> = ws
            .conn()
            .query_row(
                "SELECT deleted_by FROM actions WHERE id = ?1",
                [t.action.to_string()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(by.as_deref(), Some("Mona"), "the later delete, on both");
    }
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
}

#[test]
fn survey_answers_from_both_copies_merge_and_an_edit_against_a_trash_wins_when_later() {
    use rootwise_core::metrics::{self, import, ResponseInput, SurveyKind};
    let mut t = team();
    let answer = |score: u8, problem_id: Option<ProblemId>| ResponseInput {
        kind: SurveyKind::Csat,
        score,
        ces_scale: None,
        ces_easy: None,
        responded_on: time::today_utc(),
        channel: None,
        comment: None,
        ticket_ref: None,
        customer: None,
        problem_id,
        touchpoint_id: None,
    };
    let shared = t
        .office
        .write("Karim", |w| {
            metrics::add_response(w, &answer(2, Some(t.problems[0])))
        })
        .unwrap()
        .value
        .id;
    send(&t.office, &mut t.laptop, "Mona");
    // The laptop imports a file and edits the shared answer; the office
    // adds one by hand and trashes the shared one first.
    let file = "score,day\n5,2026-01-05\n4,2026-01-06\n";
    let mapping = import::ColumnMapping {
        fixed_kind: Some(SurveyKind::Csat),
        score: 0,
        responded_on: 1,
        ..import::ColumnMapping::default()
    };
    let no = std::sync::atomic::AtomicBool::new(false);
    import::import(
        &mut t.laptop,
        "Mona",
        file,
        &mapping,
        false,
        &mut |_| {},
        &no,
    )
    .unwrap();
    let mine = t
        .office
        .write("Karim", |w| {
            metrics::add_response(w, &answer(1, Some(t.problems[1])))
        })
        .unwrap()
        .value
        .id;
    t.office
        .write("Karim", |w| metrics::delete_response(w, shared))
        .unwrap();
    tick();
    t.laptop
        .write("Mona", |w| {
            metrics::edit_response(w, shared, &answer(4, Some(t.problems[0])))
        })
        .unwrap();
    let period = t
        .laptop
        .write("Mona", |w| {
            metrics::add_period(
                w,
                &metrics::PeriodInput {
                    period_start: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                    period_end: chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
                    customers_start: 200,
                    customers_end: 210,
                    customers_new: 30,
                    revenue_per_customer: None,
                    margin: None,
                },
            )
        })
        .unwrap()
        .value
        .id;
    send(&t.laptop, &mut t.office, "Karim");
    send(&t.office, &mut t.laptop, "Mona");
    assert_eq!(dump(t.office.conn()), dump(t.laptop.conn()));
    for ws in [&t.office, &t.laptop] {
        let count: u32 = ws
            .conn()
            .query_row(
                "SELECT count(*) FROM survey_responses WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            count, 4,
            "both copies' answers, the edited one back from the trash"
        );
        assert_eq!(metrics::get_response(ws.conn(), shared).unwrap().score, 4);
        assert!(!trashed(ws.conn(), "survey_responses", &shared.to_string()));
        assert_eq!(metrics::get_response(ws.conn(), mine).unwrap().score, 1);
        assert_eq!(
            metrics::get_period(ws.conn(), period)
                .unwrap()
                .customers_end,
            210
        );
        assert_eq!(integrity(ws.conn()), "ok");
    }
}
