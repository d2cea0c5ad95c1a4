//! A support lead logs problems, renames one, deletes it, finds it in the
//! trash and restores it; history, search and the change feed follow.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use rootwise_core::change::{ChangeEvent, ChangeOp};
use rootwise_core::error::{ErrorCode, Rule};
use rootwise_core::problem::{self, NewProblem};
use rootwise_core::{history, search, trash, Workspace};

fn new(title: &str) -> NewProblem {
    NewProblem {
        title: title.into(),
        ..NewProblem::default()
    }
}

#[test]
fn log_rename_delete_restore() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("ws.db")).unwrap();

    let committed = ws
        .write("Huda", |w| {
            problem::create(w, &new("  الفاتورة تُرسل مرتين للعميل نفسه  "))
        })
        .unwrap();
    let p = committed.value;
    assert_eq!(p.title, "الفاتورة تُرسل مرتين للعميل نفسه");
    assert_eq!(p.created_at, p.updated_at);
    assert_eq!(
        committed.changes,
        vec![ChangeEvent::new("problem", p.id, ChangeOp::Create)]
    );

    // Search ignores diacritics both ways.
    let hits = search::search(ws.conn(), "ترسل الفاتوره", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, p.id.to_string());

    let renamed = ws
        .write("Omar", |w| {
            problem::rename(w, p.id, "Invoice sent twice to the same customer")
        })
        .unwrap()
        .value;
    assert!(renamed.updated_at >= p.updated_at);
    assert!(search::search(ws.conn(), "الفاتورة", 10)
        .unwrap()
        .is_empty());
    assert_eq!(
        search::search(ws.conn(), "invoice TWI", 10).unwrap().len(),
        1
    );

    let deleted = ws.write("Omar", |w| problem::delete(w, p.id)).unwrap();
    assert_eq!(deleted.changes[0].op, ChangeOp::Delete);
    assert_eq!(problem::list(ws.conn(), 0, 10).unwrap().total, 0);
    assert!(search::search(ws.conn(), "invoice", 10).unwrap().is_empty());
    let err = problem::get_live(ws.conn(), p.id).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);

    let in_trash = trash::list(ws.conn()).unwrap();
    assert_eq!(in_trash.len(), 1);
    assert_eq!(in_trash[0].label, "Invoice sent twice to the same customer");
    assert_eq!(in_trash[0].deleted_by, "Omar");

    let again = ws.write("Omar", |w| problem::delete(w, p.id)).unwrap_err();
    assert_eq!(again.code(), ErrorCode::Conflict);

    ws.write("Huda", |w| trash::restore(w, "problem", &p.id.to_string()))
        .unwrap();
    assert!(trash::list(ws.conn()).unwrap().is_empty());
    assert_eq!(problem::list(ws.conn(), 0, 10).unwrap().total, 1);
    assert_eq!(search::search(ws.conn(), "invoice", 10).unwrap().len(), 1);

    let h = history::for_entity(ws.conn(), "problem", &p.id.to_string()).unwrap();
    let summary: Vec<(ChangeOp, Option<&str>, &str)> = h
        .iter()
        .map(|e| (e.op, e.field.as_deref(), e.author.as_str()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (ChangeOp::Create, None, "Huda"),
            (ChangeOp::Create, Some("title"), "Huda"),
            (ChangeOp::Create, Some("severity"), "Huda"),
            (ChangeOp::Create, Some("status"), "Huda"),
            (ChangeOp::Create, Some("reportedOn"), "Huda"),
            (ChangeOp::Update, Some("title"), "Omar"),
            (ChangeOp::Delete, Some("deleted_at"), "Omar"),
            (ChangeOp::Restore, Some("deleted_at"), "Huda"),
        ]
    );
    let rename = &h[5];
    assert_eq!(
        rename.old_value.as_deref(),
        Some("الفاتورة تُرسل مرتين للعميل نفسه")
    );
    assert_eq!(
        rename.new_value.as_deref(),
        Some("Invoice sent twice to the same customer")
    );
}

#[test]
fn text_is_stored_exactly_as_typed() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let tricky = [
        "<script>alert('x')</script>",
        "Robert'); DROP TABLE problems;--",
        "\u{200F}العميل قال: \"the app crashed\" 😡",
        "الطلب رقم ١٢٣ lost — again",
    ];
    for t in tricky {
        ws.write("Test", |w| problem::create(w, &new(t))).unwrap();
    }
    let page = problem::list(ws.conn(), 0, 10).unwrap();
    let mut titles: Vec<_> = page.items.iter().map(|p| p.title.as_str()).collect();
    titles.sort();
    let mut expected = tricky.to_vec();
    expected.sort();
    assert_eq!(titles, expected);
    assert_eq!(search::search(ws.conn(), "crashed", 10).unwrap().len(), 1);
}

#[test]
fn bad_titles_are_rejected_by_the_core_and_nothing_is_written() {
    let mut ws = Workspace::open_in_memory().unwrap();
    for (title, rule) in [("", Rule::Required), (" \n\t ", Rule::Required)] {
        let err = ws
            .write("T", |w| problem::create(w, &new(title)))
            .unwrap_err();
        let first = err.field_error().unwrap();
        assert_eq!((first.field.as_str(), first.rule), ("title", rule));
    }
    let long = "x".repeat(10_000);
    let err = ws
        .write("T", |w| problem::create(w, &new(&long)))
        .unwrap_err();
    assert_eq!(err.payload().details.limit, Some(300));
    assert_eq!(problem::list(ws.conn(), 0, 10).unwrap().total, 0);
    let n: u32 = ws
        .conn()
        .query_row("SELECT count(*) FROM history", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn list_pages_newest_first() {
    let mut ws = Workspace::open_in_memory().unwrap();
    ws.write("T", |w| {
        for i in 0..25 {
            problem::create(w, &new(&format!("problem {i}")))?;
        }
        Ok(())
    })
    .unwrap();
    let first = problem::list(ws.conn(), 0, 10).unwrap();
    assert_eq!(first.total, 25);
    assert_eq!(first.items.len(), 10);
    assert_eq!(first.items[0].title, "problem 24");
    let last = problem::list(ws.conn(), 20, 10).unwrap();
    assert_eq!(last.items.len(), 5);
    assert_eq!(last.items[4].title, "problem 0");
}

#[test]
fn unknown_ids_are_not_found() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let err = ws
        .write("T", |w| trash::restore(w, "problem", "nope"))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let err = ws
        .write("T", |w| trash::restore(w, "spaceship", "x"))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

/// The period report lists the problems whose last move to "closed" fell in
/// the period, not those closed and reopened, nor those still open.
#[test]
fn problems_closed_between_two_days() {
    use rootwise_core::problem::{closed_between, NewProblem, ProblemEdit, Status};
    let mut ws = rootwise_core::Workspace::open_in_memory().unwrap();
    let mut make = |title: &str, moves: &[Status]| {
        let moves = moves.to_vec();
        ws.write("Mona", |w| {
            let p = rootwise_core::problem::create(
                w,
                &NewProblem {
                    title: title.into(),
                    ..NewProblem::default()
                },
            )?;
            for s in moves {
                rootwise_core::workflow::edit_problem(w, p.id, &ProblemEdit::Status(s))?;
            }
            Ok(p.id)
        })
        .unwrap()
        .value
    };
    let closed = make("Closed today", &[Status::Closed]);
    let _reopened = make("Reopened", &[Status::Closed, Status::Investigating]);
    let _open = make("Still open", &[Status::Investigating]);
    let today = rootwise_core::time::today_utc();
    let found = closed_between(ws.conn(), today - chrono::Duration::days(1), today).unwrap();
    assert_eq!(
        found.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        vec![closed]
    );
    let earlier = closed_between(
        ws.conn(),
        today - chrono::Duration::days(30),
        today - chrono::Duration::days(1),
    )
    .unwrap();
    assert!(earlier.is_empty());
}
