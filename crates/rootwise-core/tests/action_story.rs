//! A manager tracks what comes out of a root-cause session: actions with
//! owners and dates, status moves that need a check's result or a reason,
//! the recurrence watch, closing the loop on the problem, the table, the
//! overview, the reminder and the before/after figures.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, NaiveDate};
use rootwise_core::action::{
    self, ActionEdit, ActionKind, ActionQuery, ActionSort, ActionStatus, CheckResult, DueFilter,
    NewAction, Priority,
};
use rootwise_core::analysis::{self, NewAnalysis, NewWhy, WhyEdit, WhyStatus};
use rootwise_core::error::{Error, Rule};
use rootwise_core::ids::{ActionId, ProblemId, WhyId};
use rootwise_core::problem::{self, NewOccurrence, NewProblem, ProblemEdit, Status};
use rootwise_core::{history, time, trash, workflow, Workspace};

struct Fixture {
    ws: Workspace,
    problem: ProblemId,
    root: WhyId,
}

fn today() -> NaiveDate {
    time::today_utc()
}

/// A problem with an analysis whose confirmed root cause is `root`.
fn fixture() -> Fixture {
    let mut ws = Workspace::open_in_memory().unwrap();
    let problem = ws
        .write("Huda", |w| {
            problem::create(
                w,
                &NewProblem {
                    title: "تتأخر المبالغ المستردة ثلاثة أسابيع".into(),
                    reported_on: Some(today() - Duration::days(40)),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap()
        .value
        .id;
    let a = ws
        .write("Huda", |w| {
            analysis::create_analysis(
                w,
                &NewAnalysis {
                    problem_id: problem.to_string(),
                    title: "لماذا تتأخر المبالغ المستردة؟".into(),
                    ..NewAnalysis::default()
                },
            )
        })
        .unwrap()
        .value
        .id;
    let root = ws
        .write("Huda", |w| {
            let n = workflow::add_why(
                w,
                a,
                &NewWhy {
                    text: "لا توجد خطوة تتحقق من إرسال نموذج الاسترداد".into(),
                    ..NewWhy::default()
                },
            )?;
            workflow::edit_why(w, n.id, &WhyEdit::RootCause(true))?;
            workflow::edit_why(w, n.id, &WhyEdit::Status(WhyStatus::Confirmed))
        })
        .unwrap()
        .value
        .id;
    Fixture { ws, problem, root }
}

fn new_action(problem: ProblemId, title: &str, kind: ActionKind) -> NewAction {
    NewAction {
        problem_id: problem.to_string(),
        title: title.into(),
        kind,
        description: None,
        cause_ids: None,
        owner: None,
        due_on: None,
        priority: None,
        check_method: None,
    }
}

fn create(ws: &mut Workspace, input: NewAction) -> action::Action {
    ws.write("Huda", |w| action::create(w, &input))
        .unwrap()
        .value
}

fn edit(ws: &mut Workspace, id: ActionId, e: ActionEdit) -> Result<action::Action, Error> {
    ws.write("Huda", |w| workflow::edit_action(w, id, &e))
        .map(|c| c.value)
}

fn rules(e: &Error) -> Vec<(String, Rule)> {
    match e {
        Error::InvalidInput(list) => list.iter().map(|f| (f.field.clone(), f.rule)).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn count(ws: &Workspace) -> u32 {
    ws.conn()
        .query_row("SELECT count(*) FROM actions", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn bad_input_is_refused_with_every_rule_and_nothing_is_written() {
    let mut f = fixture();
    let mut input = new_action(f.problem, "  ", ActionKind::Corrective);
    input.owner = Some("م".repeat(500));
    input.due_on = Some(today() - Duration::days(3));
    input.cause_ids = Some(vec!["not-an-id".into()]);
    let err =
        f.ws.write("Huda", |w| action::create(w, &input))
            .unwrap_err();
    assert_eq!(
        rules(&err),
        vec![
            ("title".into(), Rule::Required),
            ("owner".into(), Rule::TooLong),
            ("dueOn".into(), Rule::BeforeCreated),
            ("causeIds".into(), Rule::Invalid),
        ]
    );
    assert_eq!(count(&f.ws), 0);

    // A cause from another problem's analysis is refused too.
    let other = fixture();
    let mut input = new_action(f.problem, "Check the form", ActionKind::Corrective);
    input.cause_ids = Some(vec![other.root.to_string()]);
    let err =
        f.ws.write("Huda", |w| action::create(w, &input))
            .unwrap_err();
    assert_eq!(rules(&err), vec![("causeIds".into(), Rule::Invalid)]);

    // A due day absurdly far ahead, and one set later before creation.
    let a = create(
        &mut f.ws,
        new_action(f.problem, "Check the form", ActionKind::Corrective),
    );
    let err = edit(
        &mut f.ws,
        a.id,
        ActionEdit::DueOn(Some(NaiveDate::from_ymd_opt(2400, 1, 1).unwrap())),
    )
    .unwrap_err();
    assert_eq!(rules(&err), vec![("dueOn".into(), Rule::OutOfRange)]);
    let err = edit(
        &mut f.ws,
        a.id,
        ActionEdit::DueOn(Some(today() - Duration::days(2))),
    )
    .unwrap_err();
    assert_eq!(rules(&err), vec![("dueOn".into(), Rule::BeforeCreated)]);
    assert_eq!(action::get(f.ws.conn(), a.id).unwrap().due_on, None);
}

#[test]
fn an_action_is_created_with_its_fields_history_and_flags() {
    let mut f = fixture();
    let mut input = new_action(
        f.problem,
        "أضف خطوة تحقق من إرسال النموذج",
        ActionKind::Corrective,
    );
    input.owner = Some("  سارة  ".into());
    input.due_on = Some(today() + Duration::days(7));
    input.priority = Some(Priority::High);
    input.cause_ids = Some(vec![f.root.to_string(), f.root.to_string()]);
    input.check_method = Some("Late refunds per week fall below two".into());
    let a = create(&mut f.ws, input);
    assert_eq!(a.owner, "سارة");
    assert_eq!(a.cause_ids, vec![f.root]);
    assert_eq!(a.status, ActionStatus::Open);
    assert_eq!(a.priority, Priority::High);
    assert_eq!(a.problem_title, "تتأخر المبالغ المستردة ثلاثة أسابيع");
    let fields: Vec<String> = history::for_entity(f.ws.conn(), "action", &a.id.to_string())
        .unwrap()
        .into_iter()
        .filter_map(|h| h.field)
        .collect();
    for field in ["title", "problem", "kind", "owner", "dueOn", "causeIds"] {
        assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
    }
    let detail = action::detail(f.ws.conn(), a.id, today()).unwrap();
    assert_eq!(detail.causes.len(), 1);
    assert!(detail.causes[0].root_cause);
    assert!(!detail.flags.no_root_cause);

    // A corrective action without a root cause is allowed, with a warning.
    let b = create(
        &mut f.ws,
        new_action(f.problem, "Retrain the team", ActionKind::Corrective),
    );
    assert!(
        action::detail(f.ws.conn(), b.id, today())
            .unwrap()
            .flags
            .no_root_cause
    );
    let c = create(
        &mut f.ws,
        new_action(
            f.problem,
            "Refund the waiting customers now",
            ActionKind::Containment,
        ),
    );
    assert!(
        !action::detail(f.ws.conn(), c.id, today())
            .unwrap()
            .flags
            .no_root_cause
    );
}

#[test]
fn status_moves_follow_the_workflow_and_need_a_result_or_a_reason() {
    let mut f = fixture();
    let a = create(
        &mut f.ws,
        new_action(f.problem, "Check the form", ActionKind::Corrective),
    );
    // Straight to verified, or through the plain status edit, is refused.
    let err = edit(
        &mut f.ws,
        a.id,
        ActionEdit::Check {
            result: CheckResult::Effective,
            notes: "fine".into(),
        },
    )
    .unwrap_err();
    assert_eq!(rules(&err), vec![("status".into(), Rule::Transition)]);
    let err = edit(
        &mut f.ws,
        a.id,
        ActionEdit::Status(ActionStatus::VerifiedEffective),
    )
    .unwrap_err();
    assert_eq!(rules(&err), vec![("status".into(), Rule::Required)]);

    edit(
        &mut f.ws,
        a.id,
        ActionEdit::Status(ActionStatus::InProgress),
    )
    .unwrap();
    let done = edit(&mut f.ws, a.id, ActionEdit::Status(ActionStatus::Done)).unwrap();
    assert_eq!(done.done_on, Some(today()));
    assert_eq!(done.check_due_on, Some(today() + Duration::days(30)));

    // The check needs notes.
    let err = edit(
        &mut f.ws,
        a.id,
        ActionEdit::Check {
            result: CheckResult::Effective,
            notes: "   ".into(),
        },
    )
    .unwrap_err();
    assert_eq!(rules(&err), vec![("checkNotes".into(), Rule::Required)]);
    let verified = edit(
        &mut f.ws,
        a.id,
        ActionEdit::Check {
            result: CheckResult::Effective,
            notes: "Two late refunds in four weeks, down from nine".into(),
        },
    )
    .unwrap();
    assert_eq!(verified.status, ActionStatus::VerifiedEffective);
    assert_eq!(verified.check_result, Some(CheckResult::Effective));
    assert_eq!(verified.checked_on, Some(today()));
    assert_eq!(action::open_count(f.ws.conn(), f.problem).unwrap(), 0);

    // Cancelling needs a reason and only from an unfinished status.
    let b = create(
        &mut f.ws,
        new_action(f.problem, "Buy a new scanner", ActionKind::Preventive),
    );
    let err = edit(&mut f.ws, b.id, ActionEdit::Cancel { reason: " ".into() }).unwrap_err();
    assert_eq!(rules(&err), vec![("cancelReason".into(), Rule::Required)]);
    let cancelled = edit(
        &mut f.ws,
        b.id,
        ActionEdit::Cancel {
            reason: "The supplier already fixed the scanners".into(),
        },
    )
    .unwrap();
    assert_eq!(cancelled.status, ActionStatus::Cancelled);
    let err = edit(&mut f.ws, b.id, ActionEdit::Status(ActionStatus::Done)).unwrap_err();
    assert_eq!(rules(&err), vec![("status".into(), Rule::Transition)]);
    // A cancelled action reopens.
    assert_eq!(
        edit(&mut f.ws, b.id, ActionEdit::Status(ActionStatus::Open))
            .unwrap()
            .status,
        ActionStatus::Open
    );
}

#[test]
fn a_failed_check_reopens_the_action_its_root_cause_and_the_problem() {
    let mut f = fixture();
    assert_eq!(
        problem::get_live(f.ws.conn(), f.problem).unwrap().status,
        Status::RootCauseFound
    );
    let mut input = new_action(f.problem, "Check the form", ActionKind::Corrective);
    input.cause_ids = Some(vec![f.root.to_string()]);
    let a = create(&mut f.ws, input);
    edit(&mut f.ws, a.id, ActionEdit::Status(ActionStatus::Done)).unwrap();
    let failed = edit(
        &mut f.ws,
        a.id,
        ActionEdit::Check {
            result: CheckResult::NotEffective,
            notes: "Still nine late refunds a week".into(),
        },
    )
    .unwrap();
    assert_eq!(failed.status, ActionStatus::NotEffective);
    assert!(failed.status.is_active(), "not effective means open again");
    let root = analysis::get_why(f.ws.conn(), f.root).unwrap();
    assert_eq!(root.status, WhyStatus::Hypothesis);
    assert!(root.root_cause, "the mark stays; the certainty goes");
    assert_eq!(
        problem::get_live(f.ws.conn(), f.problem).unwrap().status,
        Status::Investigating
    );
    let h = history::for_entity(f.ws.conn(), "problem", &f.problem.to_string()).unwrap();
    assert!(h
        .iter()
        .any(|e| e.field.as_deref() == Some("status")
            && e.new_value.as_deref() == Some("investigating")));
    // It can be worked on again.
    assert_eq!(
        edit(
            &mut f.ws,
            a.id,
            ActionEdit::Status(ActionStatus::InProgress)
        )
        .unwrap()
        .status,
        ActionStatus::InProgress
    );
}

#[test]
fn a_problem_with_open_actions_closes_only_with_a_reason() {
    let mut f = fixture();
    let a = create(
        &mut f.ws,
        new_action(f.problem, "Check the form", ActionKind::Corrective),
    );
    let err =
        f.ws.write("Huda", |w| {
            workflow::edit_problem(w, f.problem, &ProblemEdit::Status(Status::Closed))
        })
        .unwrap_err();
    assert_eq!(rules(&err), vec![("status".into(), Rule::OpenActions)]);
    let err =
        f.ws.write("Huda", |w| problem::close_with_reason(w, f.problem, "  "))
            .unwrap_err();
    assert_eq!(rules(&err), vec![("closeReason".into(), Rule::Required)]);

    let closed =
        f.ws.write("Huda", |w| {
            problem::close_with_reason(w, f.problem, "The product line was retired")
        })
        .unwrap()
        .value;
    assert_eq!(closed.status, Status::Closed);
    let h = history::for_entity(f.ws.conn(), "problem", &f.problem.to_string()).unwrap();
    let reason = h
        .iter()
        .find(|e| e.field.as_deref() == Some("closeReason"))
        .unwrap();
    assert_eq!(
        reason.new_value.as_deref(),
        Some("The product line was retired")
    );

    // Once every action is finished, closing needs no reason.
    let mut g = fixture();
    let b = create(
        &mut g.ws,
        new_action(g.problem, "Check the form", ActionKind::Corrective),
    );
    edit(&mut g.ws, b.id, ActionEdit::Status(ActionStatus::Done)).unwrap();
    let err =
        g.ws.write("Huda", |w| {
            workflow::edit_problem(w, g.problem, &ProblemEdit::Status(Status::Closed))
        })
        .unwrap_err();
    assert_eq!(
        rules(&err),
        vec![("status".into(), Rule::OpenActions)],
        "done is not finished until checked"
    );
    edit(
        &mut g.ws,
        b.id,
        ActionEdit::Check {
            result: CheckResult::Effective,
            notes: "No late refunds since".into(),
        },
    )
    .unwrap();
    g.ws.write("Huda", |w| {
        workflow::edit_problem(w, g.problem, &ProblemEdit::Status(Status::Closed))
    })
    .unwrap();
    assert_eq!(
        action::get(f.ws.conn(), a.id).unwrap().status,
        ActionStatus::Open,
        "closing with a reason leaves the action as it was"
    );
}

fn log(ws: &mut Workspace, p: ProblemId, day: NaiveDate) {
    ws.write("Huda", |w| {
        workflow::log_occurrence(
            w,
            p,
            &NewOccurrence {
                occurred_on: Some(day),
                ..NewOccurrence::default()
            },
        )
    })
    .unwrap();
}

#[test]
fn a_report_after_the_fix_flags_it_and_makes_the_check_due_now() {
    let mut f = fixture();
    let fix = create(
        &mut f.ws,
        new_action(f.problem, "Check the form", ActionKind::Corrective),
    );
    let stopgap = create(
        &mut f.ws,
        new_action(f.problem, "Refund by hand", ActionKind::Containment),
    );
    let later = create(
        &mut f.ws,
        new_action(f.problem, "Audit other queues", ActionKind::Preventive),
    );
    for id in [fix.id, stopgap.id] {
        edit(&mut f.ws, id, ActionEdit::Status(ActionStatus::Done)).unwrap();
    }
    // A report dated before the fix was done does not count.
    log(&mut f.ws, f.problem, today() - Duration::days(5));
    assert_eq!(action::get(f.ws.conn(), fix.id).unwrap().recurred_on, None);

    log(&mut f.ws, f.problem, today());
    let fix = action::detail(f.ws.conn(), fix.id, today()).unwrap();
    assert_eq!(fix.action.recurred_on, Some(today()));
    assert_eq!(fix.action.check_due_on, Some(today()));
    assert!(fix.flags.recurred && fix.flags.check_due);
    let h = history::for_entity(f.ws.conn(), "action", &fix.action.id.to_string()).unwrap();
    assert!(h.iter().any(|e| e.field.as_deref() == Some("recurredOn")));
    // Containment is expected to be followed by reports; an action not yet
    // done is not watched.
    assert_eq!(
        action::get(f.ws.conn(), stopgap.id).unwrap().recurred_on,
        None
    );
    assert_eq!(
        action::get(f.ws.conn(), later.id).unwrap().recurred_on,
        None
    );
    assert_eq!(
        action::reminder(f.ws.conn(), today()).unwrap().checks_due,
        1
    );

    // The manager records that the fix did not work.
    edit(
        &mut f.ws,
        fix.action.id,
        ActionEdit::Check {
            result: CheckResult::NotEffective,
            notes: "Reported again the same week".into(),
        },
    )
    .unwrap();
    let failed = action::detail(f.ws.conn(), fix.action.id, today()).unwrap();
    assert_eq!(failed.action.status, ActionStatus::NotEffective);
    assert_eq!(failed.action.check_result, Some(CheckResult::NotEffective));
    assert!(failed.flags.recurred && !failed.flags.check_due);

    // A fix already verified goes back to done, its check due again.
    let mut g = fixture();
    let b = create(
        &mut g.ws,
        new_action(g.problem, "Check the form", ActionKind::Corrective),
    );
    edit(&mut g.ws, b.id, ActionEdit::Status(ActionStatus::Done)).unwrap();
    edit(
        &mut g.ws,
        b.id,
        ActionEdit::Check {
            result: CheckResult::Effective,
            notes: "Quiet for a month".into(),
        },
    )
    .unwrap();
    log(&mut g.ws, g.problem, today());
    let b = action::detail(g.ws.conn(), b.id, today()).unwrap();
    assert_eq!(b.action.status, ActionStatus::Done);
    assert_eq!(b.action.check_result, None);
    assert!(b.flags.recurred && b.flags.check_due);
}

#[test]
fn the_table_filters_sorts_and_pages() {
    let mut f = fixture();
    let day = |n: i64| today() + Duration::days(n);
    let specs: [(&str, ActionKind, &str, Option<i64>, Priority); 5] = [
        ("A", ActionKind::Corrective, "Sara", Some(1), Priority::Low),
        (
            "B",
            ActionKind::Preventive,
            "Omar",
            Some(10),
            Priority::Urgent,
        ),
        ("C", ActionKind::Containment, "Sara", None, Priority::High),
        ("D", ActionKind::Corrective, "", Some(3), Priority::Medium),
        (
            "E",
            ActionKind::Corrective,
            "Sara",
            Some(0),
            Priority::Medium,
        ),
    ];
    let mut ids = std::collections::HashMap::new();
    for (title, kind, owner, due, priority) in specs {
        let mut input = new_action(f.problem, title, kind);
        input.owner = Some(owner.into());
        input.due_on = due.map(day);
        input.priority = Some(priority);
        ids.insert(title, create(&mut f.ws, input).id);
    }
    edit(&mut f.ws, ids["E"], ActionEdit::Status(ActionStatus::Done)).unwrap();
    let titles = |q: ActionQuery| -> (Vec<String>, u32) {
        let page = action::query(f.ws.conn(), &q).unwrap();
        (
            page.items.into_iter().map(|r| r.action.title).collect(),
            page.total,
        )
    };
    let q = ActionQuery::default;
    assert_eq!(
        titles(q()).0,
        vec!["E", "A", "D", "B", "C"],
        "due first, undated last"
    );
    assert_eq!(
        titles(ActionQuery {
            sort: ActionSort::Priority,
            ..q()
        })
        .0,
        vec!["B", "C", "E", "D", "A"]
    );
    assert_eq!(
        titles(ActionQuery {
            owner: Some("Sara".into()),
            kinds: vec![ActionKind::Corrective],
            ..q()
        })
        .0,
        vec!["E", "A"]
    );
    assert_eq!(
        titles(ActionQuery {
            owner: Some(String::new()),
            ..q()
        })
        .0,
        vec!["D"]
    );
    assert_eq!(
        titles(ActionQuery {
            statuses: vec![ActionStatus::Done],
            ..q()
        })
        .0,
        vec!["E"]
    );
    // Five days from now, A (due tomorrow) and D (in 3 days) are overdue;
    // E is done, so it is not.
    assert_eq!(
        titles(ActionQuery {
            due: Some(DueFilter::Overdue),
            today: Some(day(5)),
            ..q()
        })
        .0,
        vec!["A", "D"]
    );
    assert_eq!(
        titles(ActionQuery {
            due: Some(DueFilter::NoDate),
            ..q()
        })
        .0,
        vec!["C"]
    );
    let week = titles(ActionQuery {
        due: Some(DueFilter::ThisWeek),
        ..q()
    })
    .0;
    assert!(!week.contains(&"E".to_string()) && !week.contains(&"B".to_string()));
    let (page, total) = titles(ActionQuery {
        offset: 1,
        limit: 2,
        ..q()
    });
    assert_eq!((page, total), (vec!["A".into(), "D".into()], 5));
    let other = fixture();
    assert_eq!(
        titles(ActionQuery {
            problem_id: Some(other.problem.to_string()),
            ..q()
        })
        .1,
        0
    );
    let flags = action::query(
        f.ws.conn(),
        &ActionQuery {
            today: Some(day(5)),
            ..q()
        },
    )
    .unwrap();
    let a = flags.items.iter().find(|r| r.action.title == "A").unwrap();
    assert!(a.flags.overdue && a.flags.no_root_cause);
    assert_eq!(
        action::owners(f.ws.conn()).unwrap(),
        vec!["Sara".to_string(), "Omar".to_string()]
    );
    let problems = action::problems(f.ws.conn()).unwrap();
    assert_eq!(
        problems.iter().map(|p| (p.id, p.open)).collect::<Vec<_>>(),
        vec![(f.problem, 5)],
        "the problem filter offers the problems with actions"
    );
}

#[test]
fn the_overview_and_the_reminder_count_what_needs_attention() {
    let mut f = fixture();
    let mut input = new_action(f.problem, "Late one", ActionKind::Corrective);
    input.owner = Some("Sara".into());
    input.due_on = Some(today());
    let late = create(&mut f.ws, input);
    let mut input = new_action(f.problem, "Done one", ActionKind::Corrective);
    input.owner = Some("Omar".into());
    input.due_on = Some(today() + Duration::days(1));
    let done = create(&mut f.ws, input);
    edit(&mut f.ws, done.id, ActionEdit::Status(ActionStatus::Done)).unwrap();
    edit(
        &mut f.ws,
        done.id,
        ActionEdit::CheckDueOn(Some(today() + Duration::days(2))),
    )
    .unwrap();
    create(
        &mut f.ws,
        new_action(f.problem, "Undated", ActionKind::Preventive),
    );

    let tomorrow = today() + Duration::days(1);
    let o = action::overview(f.ws.conn(), tomorrow).unwrap();
    assert_eq!((o.open, o.overdue, o.awaiting_check), (2, 1, 1));
    assert_eq!(o.weeks.len(), 12);
    assert_eq!(o.weeks.iter().map(|w| w.completed).sum::<u32>(), 1);
    assert!(o.weeks.iter().map(|w| w.planned).sum::<u32>() >= 1);
    let sara = o.by_owner.iter().find(|x| x.owner == "Sara").unwrap();
    assert_eq!((sara.open, sara.overdue), (1, 1));
    assert!(o.by_owner.iter().any(|x| x.owner.is_empty() && x.open == 1));
    assert_eq!(o.checks_due.len(), 1, "due within the week");
    assert_eq!(o.checks_due[0].action.id, done.id);

    let r = action::reminder(f.ws.conn(), tomorrow).unwrap();
    assert_eq!((r.overdue, r.checks_due), (1, 0));
    let r = action::reminder(f.ws.conn(), today() + Duration::days(3)).unwrap();
    assert_eq!((r.overdue, r.checks_due), (1, 1));
    let late = action::detail(f.ws.conn(), late.id, tomorrow).unwrap();
    assert!(late.flags.overdue && !late.flags.check_due);
}

#[test]
fn the_effect_compares_reports_before_and_after_each_fix() {
    let mut f = fixture();
    // Reports every six days back to 48 days ago, and the problem's own
    // first report 40 days ago.
    for n in 1..=8 {
        log(&mut f.ws, f.problem, today() - Duration::days(n * 6));
    }
    let a = create(
        &mut f.ws,
        new_action(f.problem, "Check the form", ActionKind::Corrective),
    );
    edit(&mut f.ws, a.id, ActionEdit::Status(ActionStatus::Done)).unwrap();
    log(&mut f.ws, f.problem, today());
    let e = workflow::effect(f.ws.conn(), f.problem, today()).unwrap();
    assert_eq!(e.actions.len(), 1);
    let x = &e.actions[0];
    // Ten reports from the earliest one, 48 days before, to the fix's own
    // day (one that day): seven weeks.
    assert!((x.before_per_week - 10.0 / 7.0).abs() < 1e-9, "{x:?}");
    assert_eq!(
        (x.after_per_week, x.weeks_after),
        (None, 0),
        "not measured on the day it was done"
    );
    assert!(e.weeks.len() >= 12);
    assert_eq!(e.weeks.iter().map(|w| w.count).sum::<u32>(), 10);

    // Two weeks later: the fix's day and after are counted over two weeks.
    f.ws.conn()
        .execute(
            "UPDATE actions SET done_on = ?1 WHERE id = ?2",
            rusqlite::params![(today() - Duration::days(14)).to_string(), a.id],
        )
        .unwrap();
    let x = workflow::effect(f.ws.conn(), f.problem, today())
        .unwrap()
        .actions
        .remove(0);
    assert_eq!(x.weeks_after, 2);
    // Days -12, -6 and today fall after it: 1.5 a week over two weeks;
    // seven reports over the five weeks from day -48 fall before.
    assert_eq!(x.after_per_week, Some(1.5));
    assert!((x.before_per_week - 7.0 / 5.0).abs() < 1e-9, "{x:?}");
}

#[test]
fn a_fix_done_the_day_a_problem_was_reported_counts_that_days_reports_before_it() {
    let mut f = fixture();
    // A week ago the problem was first reported, twice more that day, and
    // a fix was done that same day; one report came the day after.
    let day = today() - Duration::days(7);
    f.ws.conn()
        .execute(
            "UPDATE problems SET reported_on = ?1 WHERE id = ?2",
            rusqlite::params![day.to_string(), f.problem],
        )
        .unwrap();
    log(&mut f.ws, f.problem, day);
    log(&mut f.ws, f.problem, day);
    let a = create(
        &mut f.ws,
        new_action(f.problem, "Hold the refund batch", ActionKind::Containment),
    );
    edit(&mut f.ws, a.id, ActionEdit::Status(ActionStatus::Done)).unwrap();
    f.ws.conn()
        .execute(
            "UPDATE actions SET done_on = ?1 WHERE id = ?2",
            rusqlite::params![day.to_string(), a.id],
        )
        .unwrap();
    log(&mut f.ws, f.problem, day + Duration::days(1));

    // Seen on the day: three reports a week before it, not zero.
    let x = workflow::effect(f.ws.conn(), f.problem, day)
        .unwrap()
        .actions
        .remove(0);
    assert!((x.before_per_week - 3.0).abs() < 1e-9, "{x:?}");
    assert_eq!((x.after_per_week, x.weeks_after), (None, 0));

    // Seen today: one report in the week since.
    let x = workflow::effect(f.ws.conn(), f.problem, today())
        .unwrap()
        .actions
        .remove(0);
    assert!((x.before_per_week - 3.0).abs() < 1e-9, "{x:?}");
    assert_eq!((x.after_per_week, x.weeks_after), (Some(1.0), 1));
}

#[test]
fn comments_history_trash_and_merge() {
    let mut f = fixture();
    let a = create(
        &mut f.ws,
        new_action(f.problem, "Check the form", ActionKind::Corrective),
    );
    let err =
        f.ws.write("Omar", |w| action::add_comment(w, a.id, "   "))
            .unwrap_err();
    assert_eq!(rules(&err), vec![("body".into(), Rule::Required)]);
    f.ws.write("Omar", |w| {
        action::add_comment(w, a.id, "سأبدأ يوم الأحد\nبعد اجتماع الفريق")
    })
    .unwrap();
    let d = action::detail(f.ws.conn(), a.id, today()).unwrap();
    assert_eq!(d.comments.len(), 1);
    assert_eq!(d.comments[0].author, "Omar");
    assert!(d.comments[0].body.contains('\n'));

    f.ws.write("Omar", |w| action::delete(w, a.id)).unwrap();
    assert!(action::detail(f.ws.conn(), a.id, today()).is_err());
    assert_eq!(action::open_count(f.ws.conn(), f.problem).unwrap(), 0);
    let items = trash::list(f.ws.conn()).unwrap();
    assert!(items
        .iter()
        .any(|i| i.entity == "action" && i.label == "Check the form"));
    f.ws.write("Omar", |w| trash::restore(w, "action", &a.id.to_string()))
        .unwrap();
    assert!(action::detail(f.ws.conn(), a.id, today()).is_ok());

    // Merging problems moves the duplicate's actions to the survivor.
    let dup =
        f.ws.write("Omar", |w| {
            problem::create(
                w,
                &NewProblem {
                    title: "Refund late again".into(),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap()
        .value
        .id;
    let moved = create(
        &mut f.ws,
        new_action(dup, "Call the bank", ActionKind::Containment),
    );
    // The survivor's fix was done before the duplicate was reported.
    edit(&mut f.ws, a.id, ActionEdit::Status(ActionStatus::Done)).unwrap();
    f.ws.write("Omar", |w| workflow::merge(w, dup, f.problem))
        .unwrap();
    assert_eq!(
        action::get(f.ws.conn(), moved.id).unwrap().problem_id,
        f.problem
    );
    assert_eq!(
        action::for_problem(f.ws.conn(), f.problem, today())
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        action::get(f.ws.conn(), a.id).unwrap().recurred_on,
        Some(today()),
        "the merged duplicate is a report after the fix"
    );
}

#[test]
fn an_import_takes_every_row_or_none_and_names_each_broken_rule() {
    let mut f = fixture();
    let problem_title = "تتأخر المبالغ المستردة ثلاثة أسابيع";
    let long_owner = "م".repeat(500);
    let past = (today() - Duration::days(10)).to_string();
    let bad = format!(
        "Title,Problem,Status,Owner,Due\r\n\
         Review refunds daily,{problem_title},in progress,سارة,\r\n\
         Call the bank,{problem_title},finished,Omar,\r\n\
         \"Audit, then report\",{problem_title},open,{long_owner},{past}\r\n\
         ,No such problem,open,,\r\n"
    );
    let out =
        f.ws.write("Huda", |w| workflow::import_actions(w, &bad))
            .unwrap()
            .value;
    assert_eq!(out.imported, 0);
    let found: Vec<(u32, &str, Rule)> = out
        .issues
        .iter()
        .map(|i| (i.row, i.column.as_str(), i.rule))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, "Status", Rule::Invalid),
            (4, "Owner", Rule::TooLong),
            (4, "Due", Rule::BeforeCreated),
            (5, "Title", Rule::Required),
            (5, "Problem", Rule::Invalid),
        ]
    );
    assert_eq!(out.issues[0].value, "finished");
    assert_eq!(count(&f.ws), 0, "nothing is imported while a row is broken");

    let good = format!(
        "\u{feff}title,problem,kind,status,priority,owner,due,check_notes,cancel_reason\n\
         Review refunds daily,{problem_title},corrective,In progress,high,سارة,{}\n\
         Call the bank,{},containment,verified-effective,,Omar,,Bank confirmed the fix,\n\
         Buy scanners,{problem_title},preventive,cancelled,low,,,,Not needed\n",
        today() + Duration::days(3),
        f.problem
    );
    let out =
        f.ws.write("Huda", |w| workflow::import_actions(w, &good))
            .unwrap()
            .value;
    assert_eq!((out.imported, out.issues.len()), (3, 0));
    let rows = action::for_problem(f.ws.conn(), f.problem, today()).unwrap();
    let status = |t: &str| {
        rows.iter()
            .find(|r| r.action.title == t)
            .map(|r| r.action.status)
            .unwrap()
    };
    assert_eq!(status("Review refunds daily"), ActionStatus::InProgress);
    assert_eq!(status("Call the bank"), ActionStatus::VerifiedEffective);
    assert_eq!(status("Buy scanners"), ActionStatus::Cancelled);

    // A header without the required columns is refused as a whole.
    let out =
        f.ws.write("Huda", |w| workflow::import_actions(w, "name,owner\nx,y\n"))
            .unwrap()
            .value;
    assert_eq!(
        out.issues
            .iter()
            .map(|i| (i.row, i.column.as_str()))
            .collect::<Vec<_>>(),
        vec![(1, "title"), (1, "problem")]
    );
}

#[test]
fn an_export_holds_every_matching_action_across_pages() {
    use rootwise_core::action::{ExportFormat, ExportWords};
    let mut ws = Workspace::open_in_memory().unwrap();
    rootwise_core::generate::actions(&mut ws, 2_345, 7).unwrap();
    let open = action::query(
        ws.conn(),
        &ActionQuery {
            statuses: vec![ActionStatus::Open],
            limit: 1,
            ..ActionQuery::default()
        },
    )
    .unwrap()
    .total;
    assert!(
        open > 0 && open < 2_345,
        "the filter leaves some out: {open}"
    );
    let words = ExportWords::default();
    let now = chrono::Utc::now();

    let all = action::export(
        ws.conn(),
        &ActionQuery::default(),
        ExportFormat::Csv,
        &words,
        now,
    )
    .unwrap();
    assert_eq!(all.rows, 2_345);
    let text = String::from_utf8(all.contents).unwrap();
    // A header and a record per action (the generated titles hold no line breaks).
    assert_eq!(text.matches("\r\n").count(), 2_345 + 1);

    // The filters apply, the page does not.
    let filtered = ActionQuery {
        statuses: vec![ActionStatus::Open],
        offset: 100,
        limit: 5,
        ..ActionQuery::default()
    };
    let some = action::export(ws.conn(), &filtered, ExportFormat::Csv, &words, now).unwrap();
    assert_eq!(some.rows as u32, open);

    let calendar = action::export(ws.conn(), &filtered, ExportFormat::Ics, &words, now).unwrap();
    let ics = String::from_utf8(calendar.contents).unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), calendar.events);
}
