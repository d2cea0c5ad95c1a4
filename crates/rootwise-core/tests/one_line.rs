//! Pasted lines in a one-line field (a title, a name, an owner) are stored
//! as one line: line breaks and tabs become single spaces, whoever writes
//! them (a form, an edit, a CSV import). Multi-line fields keep their lines.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use rootwise_core::action::{self, ActionKind, NewAction};
use rootwise_core::analysis::{self, NewAnalysis};
use rootwise_core::empathy::{self, NewMap};
use rootwise_core::persona::{self, NewPersona, PersonaEdit};
use rootwise_core::problem::{self, NewProblem};
use rootwise_core::{workflow, Workspace};

const PASTED: &str = "line1\nline2\r\n\tline3\t";

#[test]
fn one_line_fields_turn_breaks_and_tabs_into_spaces_on_every_write() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let (p, a, persona, map) = ws
        .write("Huda", |w| {
            let p = problem::create(
                w,
                &NewProblem {
                    title: PASTED.into(),
                    description: Some("first\nsecond".into()),
                    customer: Some("ACME\tLtd".into()),
                    tags: Some(vec!["a\nb".into()]),
                    ..NewProblem::default()
                },
            )?;
            let a = action::create(
                w,
                &NewAction {
                    problem_id: p.id.to_string(),
                    title: "Call\tthe bank".into(),
                    kind: ActionKind::Corrective,
                    description: Some("keep\nthese lines".into()),
                    cause_ids: None,
                    owner: Some("Omar\n".into()),
                    due_on: None,
                    priority: None,
                    check_method: None,
                },
            )?;
            let persona = persona::create(
                w,
                &NewPersona {
                    name: "Nadia\nthe shop owner".into(),
                    goals: Some("one\ntwo".into()),
                    ..NewPersona::default()
                },
            )?;
            let map = empathy::create_map(
                w,
                &NewMap {
                    persona_id: persona.id.to_string(),
                    title: "Returns\n\nworkshop".into(),
                    problem_id: None,
                    held_on: None,
                    participants: Some(vec!["Mona\tK".into()]),
                    votes_per_person: None,
                },
            )?;
            Ok((p, a, persona, map))
        })
        .unwrap()
        .value;
    assert_eq!(p.title, "line1 line2 line3");
    assert_eq!(
        p.description, "first\nsecond",
        "a multi-line field keeps its lines"
    );
    assert_eq!(p.customer, "ACME Ltd");
    assert_eq!(p.tags, vec!["a b".to_owned()]);
    assert_eq!(a.title, "Call the bank");
    assert_eq!(a.description, "keep\nthese lines");
    assert_eq!(a.owner, "Omar");
    assert_eq!(persona.name, "Nadia the shop owner");
    assert_eq!(persona.goals, "one\ntwo");
    assert_eq!(map.title, "Returns workshop");
    assert_eq!(map.participants, vec!["Mona K".to_owned()]);

    let (renamed, analysis, persona) = ws
        .write("Huda", |w| {
            let renamed = problem::rename(w, p.id, "a\tb\nc")?;
            let analysis = analysis::create_analysis(
                w,
                &NewAnalysis {
                    problem_id: p.id.to_string(),
                    title: "Why:\n  refunds are late".into(),
                    ..NewAnalysis::default()
                },
            )?;
            let persona =
                persona::edit(w, persona.id, &PersonaEdit::Role("Owner\r\nBuyer".into()))?;
            Ok((renamed, analysis, persona))
        })
        .unwrap()
        .value;
    assert_eq!(renamed.title, "a b c");
    assert_eq!(analysis.title, "Why: refunds are late");
    assert_eq!(persona.role, "Owner Buyer");

    // An import cannot store them either.
    let csv = format!(
        "title,problem,kind,owner,description\n\"Review\nrefunds\tdaily\",{},corrective,Sara\t,\"two\nlines\"\n",
        p.id
    );
    let out = ws
        .write("Huda", |w| workflow::import_actions(w, &csv))
        .unwrap()
        .value;
    assert_eq!((out.imported, out.issues.len()), (1, 0), "{:?}", out.issues);
    let imported = action::for_problem(ws.conn(), p.id, rootwise_core::time::today_utc())
        .unwrap()
        .into_iter()
        .find(|row| row.action.title.starts_with("Review"))
        .expect("the imported action");
    assert_eq!(imported.action.title, "Review refunds daily");
    assert_eq!(imported.action.owner, "Sara");
    assert_eq!(imported.action.description, "two\nlines");
}
