//! The problem log as a support lead uses it: logging with every field,
//! rejected input, edits in place with history, status moves, occurrences,
//! filters and search, merging duplicates, suggestions.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, NaiveDate};
use rootwise_core::change::ChangeOp;
use rootwise_core::error::{ErrorCode, Rule};
use rootwise_core::problem::{
    self, Channel, NewOccurrence, NewProblem, ProblemEdit, ProblemQuery, ProblemSort, Severity,
    Status, SuggestField,
};
use rootwise_core::{history, time, trash, workflow, Workspace};

fn today() -> NaiveDate {
    time::today_utc()
}

fn full(title: &str) -> NewProblem {
    NewProblem {
        title: title.into(),
        description: Some("يتصل العملاء مرتين في الأسبوع.\nCustomers call twice a week.".into()),
        customer: Some("Northwind".into()),
        segment: Some("Enterprise".into()),
        channel: Some(Channel::Phone),
        journey_stage: Some("Billing".into()),
        severity: Some(Severity::High),
        owner: Some("Huda".into()),
        tags: Some(vec!["billing".into(), "فواتير".into()]),
        references: Some(vec!["ZD-101".into(), "https://help.example/t/101".into()]),
        reported_on: Some(today() - Duration::days(10)),
        csat: Some(2),
        nps: Some(3),
        ces: Some(6),
        customers_affected: Some(120),
    }
}

fn titled(title: &str) -> NewProblem {
    NewProblem {
        title: title.into(),
        ..NewProblem::default()
    }
}

#[test]
fn logs_a_problem_with_every_field() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let p = ws
        .write("Huda", |w| {
            problem::create(w, &full("Invoice shows VAT twice"))
        })
        .unwrap()
        .value;
    assert_eq!(p.status, Status::New);
    assert_eq!(p.severity, Severity::High);
    assert_eq!(p.channel, Some(Channel::Phone));
    assert_eq!(p.tags, vec!["billing", "فواتير"]);
    assert_eq!(p.references, vec!["ZD-101", "https://help.example/t/101"]);
    assert_eq!(p.reported_on, today() - Duration::days(10));
    assert_eq!(
        (p.csat, p.nps, p.ces, p.customers_affected),
        (Some(2), Some(3), Some(6), Some(120))
    );
    assert_eq!(
        (p.occurrence_count, p.first_seen, p.last_seen),
        (1, p.reported_on, p.reported_on)
    );
    assert!(
        p.description.contains('\n'),
        "text is stored exactly as typed"
    );
    let again = problem::get_live(ws.conn(), p.id).unwrap();
    assert_eq!(again, p);
}

#[test]
fn bad_input_is_refused_field_by_field_and_nothing_is_written() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let bad = NewProblem {
        title: "   ".into(),
        nps: Some(11),
        reported_on: Some(today() + Duration::days(3)),
        references: Some(vec!["x".repeat(10_000)]),
        ..full("ignored")
    };
    let err = ws.write("Huda", |w| problem::create(w, &bad)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    let fields = err.payload().details.fields.unwrap();
    let got: Vec<(&str, Rule)> = fields.iter().map(|f| (f.field.as_str(), f.rule)).collect();
    assert_eq!(
        got,
        vec![
            ("title", Rule::Required),
            ("references", Rule::TooLong),
            ("reportedOn", Rule::InFuture),
            ("nps", Rule::OutOfRange),
        ]
    );
    assert_eq!(problem::list(ws.conn(), 0, 10).unwrap().total, 0);
    let title_too_long = ws
        .write("Huda", |w| problem::create(w, &titled(&"ع".repeat(301))))
        .unwrap_err();
    assert_eq!(title_too_long.field_error().unwrap().limit, Some(300));
}

#[test]
fn edits_in_place_record_history_and_reject_bad_values() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let p = ws
        .write("Huda", |w| problem::create(w, &full("Chat drops")))
        .unwrap()
        .value;
    let edits = [
        ProblemEdit::Description("وصف جديد".into()),
        ProblemEdit::Channel(Some(Channel::Chat)),
        ProblemEdit::Severity(Severity::Critical),
        ProblemEdit::Owner("Omar".into()),
        ProblemEdit::Tags(vec!["chat".into(), "Chat".into()]),
        ProblemEdit::References(vec!["ZD-7".into()]),
        ProblemEdit::Nps(Some(0)),
        ProblemEdit::Csat(None),
        ProblemEdit::CustomersAffected(Some(5)),
    ];
    for edit in &edits {
        ws.write("Omar", |w| workflow::edit_problem(w, p.id, edit))
            .unwrap();
    }
    let after = problem::get_live(ws.conn(), p.id).unwrap();
    assert_eq!(after.channel, Some(Channel::Chat));
    assert_eq!(
        after.tags,
        vec!["chat"],
        "case-insensitive duplicates dropped"
    );
    assert_eq!((after.nps, after.csat), (Some(0), None));
    assert!(after.updated_at >= p.updated_at);

    let h = history::for_entity(ws.conn(), "problem", &p.id.to_string()).unwrap();
    let nps = h
        .iter()
        .find(|e| e.field.as_deref() == Some("nps") && e.op == ChangeOp::Update)
        .unwrap();
    assert_eq!(
        (nps.old_value.as_deref(), nps.new_value.as_deref()),
        (Some("3"), Some("0"))
    );
    assert_eq!(nps.author, "Omar");
    let tags = h
        .iter()
        .find(|e| e.field.as_deref() == Some("tags") && e.op == ChangeOp::Update)
        .unwrap();
    assert_eq!(tags.new_value.as_deref(), Some(r#"["chat"]"#));

    // Refused: the old value stays, no history is written.
    let before = h.len();
    for (edit, field, rule) in [
        (ProblemEdit::Nps(Some(11)), "nps", Rule::OutOfRange),
        (ProblemEdit::Ces(Some(0)), "ces", Rule::OutOfRange),
        (
            ProblemEdit::ReportedOn(today() + Duration::days(2)),
            "reportedOn",
            Rule::InFuture,
        ),
        (ProblemEdit::Title(String::new()), "title", Rule::Required),
        (ProblemEdit::Owner("x".repeat(500)), "owner", Rule::TooLong),
    ] {
        let err = ws
            .write("Omar", |w| workflow::edit_problem(w, p.id, &edit))
            .unwrap_err();
        let first = err.field_error().unwrap();
        assert_eq!((first.field.as_str(), first.rule), (field, rule));
    }
    assert_eq!(
        history::for_entity(ws.conn(), "problem", &p.id.to_string())
            .unwrap()
            .len(),
        before
    );
    assert_eq!(problem::get_live(ws.conn(), p.id).unwrap().nps, Some(0));

    // An edit to the same value changes nothing.
    ws.write("Omar", |w| {
        workflow::edit_problem(w, p.id, &ProblemEdit::Owner("Omar".into()))
    })
    .unwrap();
    assert_eq!(
        history::for_entity(ws.conn(), "problem", &p.id.to_string())
            .unwrap()
            .len(),
        before
    );
}

#[test]
fn status_moves_are_recorded_and_a_closed_problem_only_reopens() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let p = ws
        .write("Huda", |w| problem::create(w, &titled("Parcel lost")))
        .unwrap()
        .value;
    for s in [
        Status::Investigating,
        Status::RootCauseFound,
        Status::Monitoring,
        Status::Closed,
    ] {
        ws.write("Huda", |w| {
            workflow::edit_problem(w, p.id, &ProblemEdit::Status(s))
        })
        .unwrap();
    }
    let err = ws
        .write("Huda", |w| {
            workflow::edit_problem(w, p.id, &ProblemEdit::Status(Status::New))
        })
        .unwrap_err();
    assert_eq!(err.field_error().unwrap().rule, Rule::Transition);
    ws.write("Sami", |w| {
        workflow::edit_problem(w, p.id, &ProblemEdit::Status(Status::Investigating))
    })
    .unwrap();
    let h = history::for_entity(ws.conn(), "problem", &p.id.to_string()).unwrap();
    let moves: Vec<(Option<&str>, Option<&str>, &str)> = h
        .iter()
        .filter(|e| e.field.as_deref() == Some("status") && e.op == ChangeOp::Update)
        .map(|e| {
            (
                e.old_value.as_deref(),
                e.new_value.as_deref(),
                e.author.as_str(),
            )
        })
        .collect();
    assert_eq!(moves.len(), 5);
    assert_eq!(
        moves[4],
        (Some("closed"), Some("investigating"), "Sami"),
        "reopened, with author"
    );
}

#[test]
fn occurrences_count_first_and_last_seen_and_weekly() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let start = today() - Duration::days(20);
    let p = ws
        .write("Huda", |w| {
            problem::create(
                w,
                &NewProblem {
                    reported_on: Some(start),
                    ..titled("SMS code late")
                },
            )
        })
        .unwrap()
        .value;
    for (days, note) in [
        (15, "اتصل العميل مرة ثانية"),
        (2, "escalated by phone"),
        (25, "older report"),
    ] {
        ws.write("Lina", |w| {
            workflow::log_occurrence(
                w,
                p.id,
                &NewOccurrence {
                    occurred_on: Some(today() - Duration::days(days)),
                    channel: Some(Channel::Chat),
                    ticket_ref: Some(format!("ZD-{days}")),
                    note: Some(note.into()),
                },
            )
        })
        .unwrap();
    }
    let d = problem::detail(ws.conn(), p.id).unwrap();
    assert_eq!(d.problem.occurrence_count, 4);
    assert_eq!(d.problem.first_seen, today() - Duration::days(25));
    assert_eq!(d.problem.last_seen, today() - Duration::days(2));
    assert_eq!(d.occurrences.len(), 3);
    assert_eq!(d.occurrences[0].note, "escalated by phone", "newest first");
    assert_eq!(d.weekly.len(), 12);
    assert_eq!(d.weekly.iter().map(|w| w.count).sum::<u32>(), 4);
    assert_eq!(
        d.weekly.last().unwrap().week_start,
        problem::occurrence::week_start(today())
    );

    let future = ws
        .write("Lina", |w| {
            workflow::log_occurrence(
                w,
                p.id,
                &NewOccurrence {
                    occurred_on: Some(today() + Duration::days(5)),
                    ..NewOccurrence::default()
                },
            )
        })
        .unwrap_err();
    assert_eq!(future.field_error().unwrap().rule, Rule::InFuture);

    // Occurrence notes and ticket references are searchable.
    let found = problem::query(
        ws.conn(),
        &ProblemQuery {
            text: Some("اتصل العميل".into()),
            ..ProblemQuery::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 1);
    let by_ticket = problem::query(
        ws.conn(),
        &ProblemQuery {
            text: Some("ZD-15".into()),
            ..ProblemQuery::default()
        },
    )
    .unwrap();
    assert_eq!(by_ticket.total, 1);
}

fn seed(ws: &mut Workspace) -> Vec<problem::Problem> {
    let specs = [
        (
            "Refund missing",
            Status::New,
            Severity::High,
            Channel::Email,
            "Omar",
            "refunds",
            5,
        ),
        (
            "الفاتورة مكررة",
            Status::Investigating,
            Severity::Critical,
            Channel::Phone,
            "Huda",
            "فواتير",
            40,
        ),
        (
            "Login loops",
            Status::New,
            Severity::Low,
            Channel::SelfService,
            "Huda",
            "login",
            90,
        ),
        (
            "المندوب لم يحضر",
            Status::Investigating,
            Severity::Medium,
            Channel::InPerson,
            "Omar",
            "delivery",
            2,
        ),
    ];
    specs
        .iter()
        .map(|(title, status, severity, channel, owner, tag, days)| {
            ws.write("Huda", |w| {
                let p = problem::create(
                    w,
                    &NewProblem {
                        title: (*title).into(),
                        severity: Some(*severity),
                        channel: Some(*channel),
                        owner: Some((*owner).into()),
                        tags: Some(vec![(*tag).into()]),
                        reported_on: Some(today() - Duration::days(*days)),
                        ..NewProblem::default()
                    },
                )?;
                if *status != Status::New {
                    workflow::edit_problem(w, p.id, &ProblemEdit::Status(*status))
                } else {
                    Ok(p)
                }
            })
            .unwrap()
            .value
        })
        .collect()
}

fn titles(ws: &Workspace, q: ProblemQuery) -> Vec<String> {
    problem::query(ws.conn(), &q)
        .unwrap()
        .items
        .into_iter()
        .map(|p| p.title)
        .collect()
}

#[test]
fn the_list_filters_sorts_and_searches() {
    let mut ws = Workspace::open_in_memory().unwrap();
    seed(&mut ws);
    let q = ProblemQuery::default;
    assert_eq!(
        titles(&ws, q()),
        vec![
            "المندوب لم يحضر",
            "Refund missing",
            "الفاتورة مكررة",
            "Login loops"
        ],
        "most recently reported first"
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                statuses: vec![Status::Investigating],
                ..q()
            }
        ),
        vec!["المندوب لم يحضر", "الفاتورة مكررة"]
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                sort: ProblemSort::Severity,
                ..q()
            }
        )[0],
        "الفاتورة مكررة",
        "critical first"
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                sort: ProblemSort::Severity,
                descending: false,
                ..q()
            }
        )[0],
        "Login loops"
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                channels: vec![Channel::Phone, Channel::Email],
                ..q()
            }
        ),
        vec!["Refund missing", "الفاتورة مكررة"]
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                owner: Some("Omar".into()),
                ..q()
            }
        )
        .len(),
        2
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                tag: Some("فواتير".into()),
                ..q()
            }
        ),
        vec!["الفاتورة مكررة"]
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                reported_from: Some(today() - Duration::days(50)),
                reported_to: Some(today() - Duration::days(3)),
                ..q()
            }
        ),
        vec!["Refund missing", "الفاتورة مكررة"]
    );
    // Arabic typed without diacritics and with another alef finds the title.
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                text: Some("الفاتوره".into()),
                ..q()
            }
        ),
        vec!["الفاتورة مكررة"]
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                text: Some("refu".into()),
                statuses: vec![Status::New],
                ..q()
            }
        ),
        vec!["Refund missing"]
    );
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                text: Some("فواتير".into()),
                ..q()
            }
        ),
        vec!["الفاتورة مكررة"],
        "tags are searchable"
    );
    let page = problem::query(
        ws.conn(),
        &ProblemQuery {
            limit: 2,
            offset: 2,
            ..q()
        },
    )
    .unwrap();
    assert_eq!((page.total, page.items.len()), (4, 2));
    assert_eq!(
        titles(
            &ws,
            ProblemQuery {
                sort: ProblemSort::Title,
                descending: false,
                ..q()
            }
        )[0],
        "Login loops"
    );
}

#[test]
fn merging_moves_occurrences_references_and_tags_and_trashes_the_duplicate() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let keep = ws
        .write("Huda", |w| {
            problem::create(
                w,
                &NewProblem {
                    references: Some(vec!["ZD-1".into()]),
                    tags: Some(vec!["billing".into()]),
                    ..titled("Invoice VAT shown twice")
                },
            )
        })
        .unwrap()
        .value;
    let dup = ws
        .write("Omar", |w| {
            let d = problem::create(
                w,
                &NewProblem {
                    references: Some(vec!["ZD-2".into(), "ZD-1".into()]),
                    tags: Some(vec!["Billing".into(), "vat".into()]),
                    reported_on: Some(today() - Duration::days(30)),
                    ..titled("VAT line duplicated on invoice")
                },
            )?;
            workflow::log_occurrence(
                w,
                d.id,
                &NewOccurrence {
                    note: Some("again".into()),
                    ..NewOccurrence::default()
                },
            )?;
            Ok(d)
        })
        .unwrap()
        .value;

    let merged = ws
        .write("Huda", |w| workflow::merge(w, dup.id, keep.id))
        .unwrap();
    let survivor = merged.value;
    assert_eq!(survivor.references, vec!["ZD-1", "ZD-2"]);
    assert_eq!(survivor.tags, vec!["billing", "vat"]);
    assert_eq!(
        survivor.occurrence_count, 3,
        "its own report, the duplicate's, and the duplicate's occurrence"
    );
    assert_eq!(survivor.first_seen, today() - Duration::days(30));
    assert!(merged
        .changes
        .iter()
        .any(|c| c.id == dup.id.to_string() && c.op == ChangeOp::Delete));

    let d = problem::detail(ws.conn(), keep.id).unwrap();
    assert_eq!(d.merged_from.len(), 1);
    assert_eq!(d.merged_from[0].title, "VAT line duplicated on invoice");
    assert!(d.occurrences.iter().any(|o| o.note == "again"));

    let in_trash = trash::list(ws.conn()).unwrap();
    assert_eq!(in_trash.len(), 1);
    assert_eq!(in_trash[0].id, dup.id.to_string());
    assert_eq!(problem::list(ws.conn(), 0, 10).unwrap().total, 1);

    let same = ws
        .write("Huda", |w| workflow::merge(w, keep.id, keep.id))
        .unwrap_err();
    assert_eq!(same.code(), ErrorCode::Conflict);
    let gone = ws.write("Huda", |w| workflow::merge(w, dup.id, keep.id));
    assert!(gone.is_err(), "a trashed problem cannot be merged again");

    // The duplicate can be restored; it remembers where it went.
    ws.write("Huda", |w| {
        trash::restore(w, "problem", &dup.id.to_string())
    })
    .unwrap();
    let back = problem::get_live(ws.conn(), dup.id).unwrap();
    assert_eq!(back.merged_into, Some(keep.id));
}

#[test]
fn suggestions_come_from_earlier_values_most_used_first() {
    let mut ws = Workspace::open_in_memory().unwrap();
    seed(&mut ws);
    let owners = problem::suggestions(ws.conn(), SuggestField::Owner).unwrap();
    assert_eq!(owners.len(), 2);
    let tags = problem::suggestions(ws.conn(), SuggestField::Tag).unwrap();
    assert!(tags.contains(&"فواتير".to_string()));
    assert!(problem::suggestions(ws.conn(), SuggestField::Customer)
        .unwrap()
        .is_empty());
}
