//! What a persona's, a map's and an analysis's history tells, and that every
//! field history can record is listed in `history::FIELDS` (the UI labels
//! each one in both languages).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use rootwise_core::analysis::{self, NewAnalysis};
use rootwise_core::change::ChangeOp;
use rootwise_core::empathy::{self, NewMap};
use rootwise_core::persona::{self, NewPersona, QuoteInput, QuoteSource};
use rootwise_core::problem::{self, NewProblem};
use rootwise_core::{history, sample, time, trash, Workspace};

/// (op, field, old, new) of each entry, oldest first.
fn changes(
    ws: &Workspace,
    entity: &str,
    id: &str,
) -> Vec<(ChangeOp, String, Option<String>, Option<String>)> {
    history::for_entity(ws.conn(), entity, id)
        .unwrap()
        .into_iter()
        .map(|e| (e.op, e.field.unwrap_or_default(), e.old_value, e.new_value))
        .collect()
}

#[test]
fn a_persona_history_tells_its_quotes_and_maps_coming_and_going() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let (persona, quote, map) = ws
        .write("Huda", |w| {
            let persona = persona::create(
                w,
                &NewPersona {
                    name: "Nadia".into(),
                    ..NewPersona::default()
                },
            )?;
            let quote = persona::add_quote(
                w,
                persona.id,
                &QuoteInput {
                    text: "I sent it three times".into(),
                    source: QuoteSource::Interview,
                    reference: None,
                    said_on: time::today_utc(),
                },
            )?;
            let map = empathy::create_map(
                w,
                &NewMap {
                    persona_id: persona.id.to_string(),
                    title: "Returns workshop".into(),
                    problem_id: None,
                    held_on: None,
                    participants: None,
                    votes_per_person: None,
                },
            )?;
            Ok((persona, quote, map))
        })
        .unwrap()
        .value;
    ws.write("Omar", |w| {
        persona::delete_quote(w, quote.id)?;
        empathy::delete_map(w, map.id)
    })
    .unwrap();
    ws.write("Omar", |w| {
        trash::restore(w, "quote", &quote.id.to_string())?;
        trash::restore(w, "empathy_map", &map.id.to_string())
    })
    .unwrap();

    let seen: Vec<_> = changes(&ws, "persona", &persona.id.to_string())
        .into_iter()
        .filter(|(_, field, _, _)| field == "quotes" || field == "maps")
        .collect();
    let text = |s: &str| Some(s.to_owned());
    assert_eq!(
        seen,
        vec![
            (
                ChangeOp::Update,
                "quotes".into(),
                None,
                text("I sent it three times")
            ),
            (
                ChangeOp::Update,
                "maps".into(),
                None,
                text("Returns workshop")
            ),
            (
                ChangeOp::Update,
                "quotes".into(),
                text("I sent it three times"),
                None
            ),
            (
                ChangeOp::Update,
                "maps".into(),
                text("Returns workshop"),
                None
            ),
            (
                ChangeOp::Update,
                "quotes".into(),
                None,
                text("I sent it three times")
            ),
            (
                ChangeOp::Update,
                "maps".into(),
                None,
                text("Returns workshop")
            ),
        ]
    );
}

#[test]
fn an_analysis_history_tells_every_field_it_started_with() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let analysis = ws
        .write("Huda", |w| {
            let p = problem::create(
                w,
                &NewProblem {
                    title: "Refunds are late".into(),
                    ..NewProblem::default()
                },
            )?;
            analysis::create_analysis(
                w,
                &NewAnalysis {
                    problem_id: p.id.to_string(),
                    title: "Why: refunds are late".into(),
                    facilitator: Some("Huda".into()),
                    participants: Some(vec!["Omar".into(), "Mona".into()]),
                    ..NewAnalysis::default()
                },
            )
        })
        .unwrap()
        .value;
    let fields: Vec<String> = changes(&ws, "analysis", &analysis.id.to_string())
        .into_iter()
        .map(|(_, field, _, _)| field)
        .collect();
    assert_eq!(
        fields,
        [
            "",
            "title",
            "problem",
            "facilitator",
            "participants",
            "heldOn"
        ]
    );
}

#[test]
fn every_field_the_sample_workspace_records_is_listed() {
    let mut ws = Workspace::open_in_memory().unwrap();
    ws.write("Huda", sample::load).unwrap();
    ws.write("Huda", sample::remove).unwrap();
    let mut stmt = ws
        .conn()
        .prepare("SELECT DISTINCT entity, field FROM history WHERE field IS NOT NULL")
        .unwrap();
    let pairs: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        pairs.len() > 20,
        "the sample records many fields: {pairs:?}"
    );
    for (entity, field) in pairs {
        assert!(
            history::is_known_field(&entity, &field),
            "{entity}.{field} is recorded but not listed in history::FIELDS"
        );
    }
}

#[test]
fn a_new_problem_s_history_holds_every_field_it_was_reported_with() {
    use rootwise_core::problem::Channel;
    let mut ws = Workspace::open_in_memory().unwrap();
    let p = ws
        .write("Huda", |w| {
            problem::create(
                w,
                &NewProblem {
                    title: "لا يصل رمز التحقق".into(),
                    customer: Some("شركة الأفق".into()),
                    channel: Some(Channel::Phone),
                    tags: Some(vec!["sms".into()]),
                    nps: Some(3),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap()
        .value;
    let created: Vec<(String, Option<String>)> = changes(&ws, "problem", &p.id.to_string())
        .into_iter()
        .filter(|(op, field, _, _)| *op == ChangeOp::Create && !field.is_empty())
        .map(|(_, field, _, new)| (field, new))
        .collect();
    for expected in [
        ("title", "لا يصل رمز التحقق"),
        ("customer", "شركة الأفق"),
        ("channel", "phone"),
        ("tags", r#"["sms"]"#),
        ("nps", "3"),
        ("severity", "medium"),
        ("status", "new"),
    ] {
        assert!(
            created.contains(&(expected.0.to_owned(), Some(expected.1.to_owned()))),
            "{expected:?} in {created:?}"
        );
    }
    // Fields left empty are not listed as set.
    assert!(!created
        .iter()
        .any(|(field, _)| field == "segment" || field == "csat"));
}
