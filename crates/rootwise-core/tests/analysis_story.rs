//! A support lead runs a 5-Whys session on a problem: branches, evidence,
//! root causes, moves, deletes and restores; the checks push back, search
//! finds causes, and the problem moves to "root cause found".
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use rootwise_core::analysis::{
    self, AnalysisEdit, AnalysisStatus, CauseCategory, CheckKind, NewAnalysis, NewEvidence, NewWhy,
    WhyEdit, WhyNode, WhyStatus,
};
use rootwise_core::error::{ErrorCode, Rule};
use rootwise_core::ids::{AnalysisId, ProblemId, WhyId};
use rootwise_core::problem::{self, NewProblem, Status};
use rootwise_core::{history, search, trash, workflow, Workspace};

fn workspace() -> (Workspace, ProblemId, AnalysisId) {
    let mut ws = Workspace::open_in_memory().unwrap();
    let p = ws
        .write("Huda", |w| {
            problem::create(
                w,
                &NewProblem {
                    title: "Refunds reach customers three weeks late".into(),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap()
        .value;
    let a = ws
        .write("Huda", |w| {
            analysis::create_analysis(
                w,
                &NewAnalysis {
                    problem_id: p.id.to_string(),
                    title: "Why refunds are late".into(),
                    facilitator: Some("Huda".into()),
                    participants: Some(vec![
                        "Omar".into(),
                        "  ".into(),
                        "Lina".into(),
                        "Omar".into(),
                    ]),
                    ..NewAnalysis::default()
                },
            )
        })
        .unwrap()
        .value;
    assert_eq!(a.participants, vec!["Omar".to_string(), "Lina".to_string()]);
    assert_eq!(a.status, AnalysisStatus::Draft);
    (ws, p.id, a.id)
}

fn add(ws: &mut Workspace, a: AnalysisId, parent: Option<WhyId>, text: &str) -> WhyNode {
    ws.write("Huda", |w| {
        workflow::add_why(
            w,
            a,
            &NewWhy {
                parent_id: parent.map(|p| p.to_string()),
                text: text.into(),
                ..NewWhy::default()
            },
        )
    })
    .unwrap()
    .value
}

fn edit(ws: &mut Workspace, id: WhyId, e: WhyEdit) -> WhyNode {
    ws.write("Omar", |w| workflow::edit_why(w, id, &e))
        .unwrap()
        .value
}

fn texts(ws: &Workspace, a: AnalysisId) -> Vec<(String, Option<String>)> {
    let tree = analysis::tree(ws.conn(), a).unwrap();
    let by_id: std::collections::HashMap<_, _> =
        tree.nodes.iter().map(|n| (n.id, n.text.clone())).collect();
    tree.nodes
        .iter()
        .map(|n| (n.text.clone(), n.parent_id.map(|p| by_id[&p].clone())))
        .collect()
}

fn checks_on(ws: &Workspace, a: AnalysisId, id: WhyId) -> Vec<CheckKind> {
    analysis::tree(ws.conn(), a)
        .unwrap()
        .checks
        .into_iter()
        .filter(|c| c.node_id == id)
        .map(|c| c.kind)
        .collect()
}

#[test]
fn a_branching_tree_reads_depth_first_in_sibling_order() {
    let (mut ws, _, a) = workspace();
    let top = add(&mut ws, a, None, "Refunds wait for a weekly batch");
    let other = add(&mut ws, a, None, "Bank transfers take five days");
    let child = add(
        &mut ws,
        a,
        Some(top.id),
        "The batch needs a manager's sign-off",
    );
    // Insert at the front of the top level.
    let first = ws
        .write("Huda", |w| {
            workflow::add_why(
                w,
                a,
                &NewWhy {
                    text: "Customers ask through the wrong form".into(),
                    position: Some(0),
                    ..NewWhy::default()
                },
            )
        })
        .unwrap()
        .value;
    let tree = analysis::tree(ws.conn(), a).unwrap();
    let ids: Vec<WhyId> = tree.nodes.iter().map(|n| n.id).collect();
    assert_eq!(ids, vec![first.id, top.id, child.id, other.id]);
    let positions: Vec<u32> = tree.nodes.iter().map(|n| n.position).collect();
    assert_eq!(positions, vec![0, 1, 0, 2]);
    assert_eq!(
        tree.problem.title,
        "Refunds reach customers three weeks late"
    );
}

#[test]
fn moving_under_its_own_descendant_is_refused_and_changes_nothing() {
    let (mut ws, _, a) = workspace();
    let top = add(&mut ws, a, None, "Refunds wait for a weekly batch");
    let child = add(&mut ws, a, Some(top.id), "The batch needs a sign-off");
    let grandchild = add(&mut ws, a, Some(child.id), "Policy asks for two signatures");
    let before = texts(&ws, a);
    for target in [top.id, child.id, grandchild.id] {
        let err = ws
            .write("Omar", |w| analysis::move_why(w, top.id, Some(target), 0))
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert_eq!(err.field_error().unwrap().field, "parentId");
    }
    assert_eq!(texts(&ws, a), before);

    // A legal move: the grandchild becomes a top-level cause, first.
    let moved = ws
        .write("Omar", |w| analysis::move_why(w, grandchild.id, None, 0))
        .unwrap()
        .value;
    assert_eq!((moved.parent_id, moved.position), (None, 0));
    let tree = analysis::tree(ws.conn(), a).unwrap();
    assert_eq!(tree.nodes[0].id, grandchild.id);
    assert_eq!(tree.nodes[1].position, 1);
    // Recorded, with where it came from.
    let h = history::for_entity(ws.conn(), analysis::WHY, &grandchild.id.to_string()).unwrap();
    let place = h
        .iter()
        .find(|e| e.field.as_deref() == Some("place"))
        .unwrap();
    assert_eq!(
        place.old_value.as_deref(),
        Some(format!("{}#0", child.id).as_str())
    );
    assert_eq!(place.new_value.as_deref(), Some("problem#0"));
}

#[test]
fn a_cause_from_another_analysis_cannot_be_a_parent() {
    let (mut ws, p, a) = workspace();
    let other = ws
        .write("Huda", |w| {
            analysis::create_analysis(
                w,
                &NewAnalysis {
                    problem_id: p.to_string(),
                    title: "Second look".into(),
                    ..NewAnalysis::default()
                },
            )
        })
        .unwrap()
        .value;
    let foreign = add(&mut ws, other.id, None, "Elsewhere");
    let err = ws
        .write("Huda", |w| {
            workflow::add_why(
                w,
                a,
                &NewWhy {
                    parent_id: Some(foreign.id.to_string()),
                    text: "Bad parent".into(),
                    ..NewWhy::default()
                },
            )
        })
        .unwrap_err();
    assert_eq!(err.field_error().unwrap().rule, Rule::Invalid);
}

#[test]
fn deleting_a_node_trashes_its_subtree_and_restoring_brings_it_back_in_place() {
    let (mut ws, _, a) = workspace();
    let first = add(&mut ws, a, None, "Refunds wait for a weekly batch");
    let child = add(&mut ws, a, Some(first.id), "The batch needs a sign-off");
    let grandchild = add(&mut ws, a, Some(child.id), "تتطلب السياسة توقيعين");
    let second = add(&mut ws, a, None, "Bank transfers take five days");
    let before = texts(&ws, a);

    ws.write("Omar", |w| analysis::delete_why(w, first.id, false))
        .unwrap();
    let tree = analysis::tree(ws.conn(), a).unwrap();
    assert_eq!(tree.nodes.len(), 1);
    assert_eq!((tree.nodes[0].id, tree.nodes[0].position), (second.id, 0));
    assert!(analysis::get_why(ws.conn(), grandchild.id).is_err());
    assert!(analysis::search(ws.conn(), "توقيعين", 10)
        .unwrap()
        .is_empty());
    // The trash shows the node the user deleted, not each descendant.
    let items: Vec<_> = trash::list(ws.conn())
        .unwrap()
        .into_iter()
        .filter(|i| i.entity == analysis::WHY)
        .collect();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].label, "Refunds wait for a weekly batch");

    ws.write("Omar", |w| {
        trash::restore(w, analysis::WHY, &first.id.to_string())
    })
    .unwrap();
    assert_eq!(texts(&ws, a), before);
    assert_eq!(analysis::search(ws.conn(), "توقيعين", 10).unwrap().len(), 1);
    assert!(trash::list(ws.conn()).unwrap().is_empty());
}

#[test]
fn undoing_a_creation_keeps_it_out_of_the_trash_and_redo_restores_it() {
    let (mut ws, _, a) = workspace();
    let n = add(&mut ws, a, None, "");
    ws.write("Omar", |w| analysis::delete_why(w, n.id, true))
        .unwrap();
    assert!(trash::list(ws.conn()).unwrap().is_empty());
    assert!(analysis::tree(ws.conn(), a).unwrap().nodes.is_empty());
    ws.write("Omar", |w| workflow::restore_why(w, n.id))
        .unwrap();
    assert_eq!(analysis::tree(ws.conn(), a).unwrap().nodes.len(), 1);
    // Deleted for real later, it does show in the trash.
    ws.write("Omar", |w| analysis::delete_why(w, n.id, false))
        .unwrap();
    assert_eq!(trash::list(ws.conn()).unwrap().len(), 1);
}

#[test]
fn a_child_of_a_trashed_node_cannot_be_restored_alone() {
    let (mut ws, _, a) = workspace();
    let top = add(&mut ws, a, None, "Top");
    let child = add(&mut ws, a, Some(top.id), "Child");
    ws.write("Omar", |w| analysis::delete_why(w, child.id, false))
        .unwrap();
    ws.write("Omar", |w| analysis::delete_why(w, top.id, false))
        .unwrap();
    let err = ws
        .write("Omar", |w| workflow::restore_why(w, child.id))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    ws.write("Omar", |w| workflow::restore_why(w, top.id))
        .unwrap();
    ws.write("Omar", |w| workflow::restore_why(w, child.id))
        .unwrap();
    assert_eq!(analysis::tree(ws.conn(), a).unwrap().nodes.len(), 2);
}

#[test]
fn confirming_the_first_root_cause_moves_the_problem_to_root_cause_found() {
    let (mut ws, p, a) = workspace();
    let top = add(&mut ws, a, None, "Refunds wait for a weekly batch");
    let root = add(
        &mut ws,
        a,
        Some(top.id),
        "Policy requires sign-off for every refund",
    );
    edit(&mut ws, root.id, WhyEdit::RootCause(true));
    assert_eq!(
        problem::get_live(ws.conn(), p).unwrap().status,
        Status::New,
        "a hypothesis is not enough"
    );
    let committed = ws
        .write("Omar", |w| {
            workflow::edit_why(w, root.id, &WhyEdit::Status(WhyStatus::Confirmed))
        })
        .unwrap();
    assert!(committed
        .changes
        .iter()
        .any(|c| c.entity == "problem" && c.id == p.to_string()));
    assert_eq!(
        problem::get_live(ws.conn(), p).unwrap().status,
        Status::RootCauseFound
    );
    let h = history::for_entity(ws.conn(), "problem", &p.to_string()).unwrap();
    let change = h
        .iter()
        .rfind(|e| e.field.as_deref() == Some("status"))
        .unwrap();
    assert_eq!(
        (
            change.old_value.as_deref(),
            change.new_value.as_deref(),
            change.author.as_str()
        ),
        (Some("new"), Some("root_cause_found"), "Omar")
    );

    // A problem already further along is left alone.
    ws.write("Omar", |w| {
        workflow::edit_problem(w, p, &problem::ProblemEdit::Status(Status::Monitoring))
    })
    .unwrap();
    let other = add(&mut ws, a, None, "Second root cause");
    edit(&mut ws, other.id, WhyEdit::Status(WhyStatus::Confirmed));
    edit(&mut ws, other.id, WhyEdit::RootCause(true));
    assert_eq!(
        problem::get_live(ws.conn(), p).unwrap().status,
        Status::Monitoring
    );
}

#[test]
fn checks_push_back_on_weak_reasoning() {
    let (mut ws, _, a) = workspace();
    let top = add(&mut ws, a, None, "Refunds wait for a weekly batch");
    let open = add(&mut ws, a, None, "Bank transfers take five days");
    let blame = add(
        &mut ws,
        a,
        Some(top.id),
        "Human error: the agent forgot the form",
    );
    let arabic = add(&mut ws, a, Some(top.id), "إهمال موظف الحسابات");
    let echo = add(&mut ws, a, Some(open.id), "The bank transfers take days");
    let ruled = add(&mut ws, a, Some(open.id), "The bank is closed on Fridays");
    edit(&mut ws, ruled.id, WhyEdit::Status(WhyStatus::RuledOut));
    edit(&mut ws, blame.id, WhyEdit::RootCause(true));
    edit(&mut ws, arabic.id, WhyEdit::RootCause(true));

    assert_eq!(
        checks_on(&ws, a, top.id),
        vec![],
        "a branch with children is not open"
    );
    assert_eq!(
        checks_on(&ws, a, blame.id),
        vec![
            CheckKind::RootUnconfirmed,
            CheckKind::RootWithoutEvidence,
            CheckKind::BlamesPerson,
            CheckKind::NoCorrectiveAction
        ]
    );
    assert!(checks_on(&ws, a, arabic.id).contains(&CheckKind::BlamesPerson));
    assert_eq!(
        checks_on(&ws, a, echo.id),
        vec![CheckKind::RepeatsParent, CheckKind::OpenBranch]
    );
    assert_eq!(
        checks_on(&ws, a, ruled.id),
        vec![],
        "ruled out ends a branch"
    );

    // Fixing the reasoning clears the checks.
    edit(
        &mut ws,
        blame.id,
        WhyEdit::Text("No step checks that the refund form was sent".into()),
    );
    edit(&mut ws, blame.id, WhyEdit::Status(WhyStatus::Confirmed));
    ws.write("Omar", |w| {
        analysis::add_evidence(
            w,
            blame.id,
            &NewEvidence {
                note: "12 of 40 late refunds had no form".into(),
                reference: "TCK-4411".into(),
            },
        )
    })
    .unwrap();
    assert_eq!(
        checks_on(&ws, a, blame.id),
        vec![CheckKind::NoCorrectiveAction]
    );

    // A corrective action that names the root cause answers the last one.
    let problem_id = analysis::get_analysis(ws.conn(), a).unwrap().problem_id;
    ws.write("Omar", |w| {
        rootwise_core::action::create(
            w,
            &rootwise_core::action::NewAction {
                problem_id: problem_id.to_string(),
                title: "Add a sent-form check to the refund queue".into(),
                kind: rootwise_core::action::ActionKind::Corrective,
                description: None,
                cause_ids: Some(vec![blame.id.to_string()]),
                owner: None,
                due_on: None,
                priority: None,
                check_method: None,
            },
        )
    })
    .unwrap();
    assert_eq!(checks_on(&ws, a, blame.id), vec![]);
}

#[test]
fn evidence_is_validated_searchable_and_recorded() {
    let (mut ws, _, a) = workspace();
    let n = add(&mut ws, a, None, "Refunds wait for a weekly batch");
    let err = ws
        .write("Omar", |w| {
            analysis::add_evidence(
                w,
                n.id,
                &NewEvidence {
                    note: "  ".into(),
                    reference: "".into(),
                },
            )
        })
        .unwrap_err();
    assert_eq!(err.field_error().unwrap().rule, Rule::Required);
    let err = ws
        .write("Omar", |w| {
            analysis::add_evidence(
                w,
                n.id,
                &NewEvidence {
                    note: "x".repeat(6_000),
                    reference: "r".repeat(10_000),
                },
            )
        })
        .unwrap_err();
    let rules: Vec<_> = match &err {
        rootwise_core::Error::InvalidInput(f) => {
            f.iter().map(|e| (e.field.clone(), e.rule)).collect()
        }
        _ => panic!("{err:?}"),
    };
    assert_eq!(
        rules,
        vec![
            ("note".into(), Rule::TooLong),
            ("reference".into(), Rule::TooLong)
        ]
    );

    let e = ws
        .write("Omar", |w| {
            analysis::add_evidence(
                w,
                n.id,
                &NewEvidence {
                    note: "سجل الدفعات يُظهر انتظار ٧ أيام".into(),
                    reference: "<script>alert(1)</script>".into(),
                },
            )
        })
        .unwrap()
        .value;
    assert_eq!(
        e.reference, "<script>alert(1)</script>",
        "stored exactly as typed"
    );
    assert_eq!(e.author, "Omar");
    let hits = analysis::search(ws.conn(), "الدفعات", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].why_id, n.id);
    assert_eq!(hits[0].analysis_title, "Why refunds are late");
    // The global search finds causes too.
    let all = search::search(ws.conn(), "سجل الدفعات", 10).unwrap();
    assert!(all
        .iter()
        .any(|h| h.entity == "why" && h.id == n.id.to_string()));

    ws.write("Omar", |w| {
        analysis::edit_evidence(
            w,
            e.id,
            &NewEvidence {
                note: "Batch log shows 7 days".into(),
                reference: "LOG-7".into(),
            },
        )
    })
    .unwrap();
    assert!(analysis::search(ws.conn(), "الدفعات", 10)
        .unwrap()
        .is_empty());
    ws.write("Omar", |w| analysis::remove_evidence(w, e.id))
        .unwrap();
    assert!(analysis::get_why(ws.conn(), n.id)
        .unwrap()
        .evidence
        .is_empty());
    let h = history::for_entity(ws.conn(), analysis::WHY, &n.id.to_string()).unwrap();
    let ev: Vec<_> = h
        .iter()
        .filter(|e| e.field.as_deref() == Some("evidence"))
        .map(|e| (e.old_value.clone(), e.new_value.clone()))
        .collect();
    assert_eq!(ev.len(), 3, "add, edit and remove recorded: {ev:?}");
    assert_eq!(ev[2], (Some("Batch log shows 7 days (LOG-7)".into()), None));
}

#[test]
fn editing_analysis_and_node_fields_validates_and_records() {
    let (mut ws, _, a) = workspace();
    let err = ws
        .write("Omar", |w| {
            analysis::edit_analysis(w, a, &AnalysisEdit::Title("  ".into()))
        })
        .unwrap_err();
    assert_eq!(err.field_error().unwrap().rule, Rule::Required);
    let err = ws
        .write("Omar", |w| {
            analysis::edit_analysis(
                w,
                a,
                &AnalysisEdit::HeldOn(chrono::NaiveDate::from_ymd_opt(2999, 1, 1).unwrap()),
            )
        })
        .unwrap_err();
    assert_eq!(err.field_error().unwrap().rule, Rule::InFuture);
    let done = ws
        .write("Omar", |w| {
            analysis::edit_analysis(w, a, &AnalysisEdit::Status(AnalysisStatus::Concluded))
        })
        .unwrap()
        .value;
    assert_eq!(done.status, AnalysisStatus::Concluded);

    let n = add(&mut ws, a, None, "Refunds wait");
    let err = ws
        .write("Omar", |w| {
            workflow::edit_why(w, n.id, &WhyEdit::Text("y".repeat(2_001)))
        })
        .unwrap_err();
    assert_eq!(err.field_error().unwrap().rule, Rule::TooLong);
    let n = edit(
        &mut ws,
        n.id,
        WhyEdit::Category(Some(CauseCategory::Policy)),
    );
    let n2 = edit(&mut ws, n.id, WhyEdit::Joint(true));
    let n3 = edit(
        &mut ws,
        n.id,
        WhyEdit::ActionIntent(Some("Let team leads approve refunds under 50".into())),
    );
    assert_eq!(n.category, Some(CauseCategory::Policy));
    assert!(n2.joint);
    assert_eq!(
        n3.action_intent.as_deref(),
        Some("Let team leads approve refunds under 50")
    );
    let h = history::for_entity(ws.conn(), analysis::WHY, &n.id.to_string()).unwrap();
    let fields: Vec<_> = h.iter().filter_map(|e| e.field.clone()).collect();
    for f in ["category", "joint", "actionIntent"] {
        assert!(
            fields.contains(&f.to_string()),
            "{f} recorded in {fields:?}"
        );
    }
    // An unchanged value records nothing.
    let len = h.len();
    edit(&mut ws, n.id, WhyEdit::Joint(true));
    assert_eq!(
        history::for_entity(ws.conn(), analysis::WHY, &n.id.to_string())
            .unwrap()
            .len(),
        len
    );
}

#[test]
fn trashing_an_analysis_hides_its_tree_and_restoring_brings_it_back() {
    let (mut ws, p, a) = workspace();
    let n = add(&mut ws, a, None, "Refunds wait for a weekly batch");
    ws.write("Omar", |w| analysis::delete_analysis(w, a))
        .unwrap();
    assert!(analysis::for_problem(ws.conn(), p).unwrap().is_empty());
    assert_eq!(
        analysis::tree(ws.conn(), a).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert!(analysis::search(ws.conn(), "weekly", 10)
        .unwrap()
        .is_empty());
    let err = ws
        .write("Omar", |w| {
            workflow::add_why(
                w,
                a,
                &NewWhy {
                    text: "late".into(),
                    ..NewWhy::default()
                },
            )
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    ws.write("Omar", |w| {
        trash::restore(w, analysis::ANALYSIS, &a.to_string())
    })
    .unwrap();
    assert_eq!(analysis::tree(ws.conn(), a).unwrap().nodes[0].id, n.id);
    assert_eq!(analysis::search(ws.conn(), "weekly", 10).unwrap().len(), 1);
}

#[test]
fn merging_problems_moves_their_analyses_to_the_survivor() {
    let (mut ws, dup, a) = workspace();
    let keep = ws
        .write("Huda", |w| {
            problem::create(
                w,
                &NewProblem {
                    title: "Late refunds".into(),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap()
        .value;
    ws.write("Huda", |w| workflow::merge(w, dup, keep.id))
        .unwrap();
    let moved = analysis::for_problem(ws.conn(), keep.id).unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].analysis.id, a);
    assert_eq!(moved[0].problem_title, "Late refunds");
    let h = history::for_entity(ws.conn(), analysis::ANALYSIS, &a.to_string()).unwrap();
    assert!(h.iter().any(|e| e.field.as_deref() == Some("problem")
        && e.new_value.as_deref() == Some(keep.id.to_string().as_str())));
}

#[test]
fn an_analysis_needs_a_live_problem_and_reports_every_broken_rule() {
    let (mut ws, p, _) = workspace();
    let err = ws
        .write("Huda", |w| {
            analysis::create_analysis(
                w,
                &NewAnalysis {
                    problem_id: p.to_string(),
                    title: "".into(),
                    facilitator: Some("f".repeat(500)),
                    held_on: Some(chrono::NaiveDate::from_ymd_opt(2999, 1, 1).unwrap()),
                    ..NewAnalysis::default()
                },
            )
        })
        .unwrap_err();
    let fields: Vec<String> = match err {
        rootwise_core::Error::InvalidInput(f) => f.into_iter().map(|e| e.field).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(fields, vec!["title", "facilitator", "heldOn"]);
    ws.write("Huda", |w| problem::delete(w, p)).unwrap();
    let err = ws
        .write("Huda", |w| {
            analysis::create_analysis(
                w,
                &NewAnalysis {
                    problem_id: p.to_string(),
                    title: "t".into(),
                    ..NewAnalysis::default()
                },
            )
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}
