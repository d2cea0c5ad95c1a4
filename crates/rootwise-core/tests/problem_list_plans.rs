//! The problem list answers exactly as the plain SQL it replaced, whichever
//! way it reads a page (walking a sort index, reading the matches, from the
//! tag rows, ranking matches in memory): every filter, sort, search and
//! page on a generated workspace with edited, trashed and rarely tagged
//! problems, compared with the straightforward query.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use chrono::Duration;
use rootwise_core::problem::{self, Channel, ProblemQuery, ProblemSort, Severity, Status};
use rootwise_core::{generate, search, time, Workspace};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

/// The list query as version 2 wrote it: one SQL statement for the total,
/// one for the page, the planner left to itself. Returns (rowids, total).
fn reference(conn: &Connection, q: &ProblemQuery) -> (Vec<i64>, u32) {
    let mut values: Vec<Value> = Vec::new();
    let mark = |values: &mut Vec<Value>, v: Value| {
        values.push(v);
        format!("?{}", values.len())
    };
    let mut wheres = vec!["p.deleted_at IS NULL".to_owned()];
    if !q.statuses.is_empty() {
        let m: Vec<_> = q
            .statuses
            .iter()
            .map(|s| mark(&mut values, Value::Integer(s.rank() as i64)))
            .collect();
        wheres.push(format!("p.status_rank IN ({})", m.join(", ")));
    }
    if !q.severities.is_empty() {
        let m: Vec<_> = q
            .severities
            .iter()
            .map(|s| mark(&mut values, Value::Integer(s.rank() as i64)))
            .collect();
        wheres.push(format!("p.severity_rank IN ({})", m.join(", ")));
    }
    if !q.channels.is_empty() {
        let m: Vec<_> = q
            .channels
            .iter()
            .map(|c| mark(&mut values, Value::Text(c.as_str().into())))
            .collect();
        wheres.push(format!("p.channel IN ({})", m.join(", ")));
    }
    if let Some(owner) = q.owner.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        let m = mark(&mut values, Value::Text(owner.into()));
        wheres.push(format!("p.owner = {m}"));
    }
    if let Some(tag) = q.tag.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let m = mark(&mut values, Value::Text(tag.into()));
        wheres.push(format!(
            "EXISTS (SELECT 1 FROM problem_tags t WHERE t.problem_id = p.id AND t.tag = {m})"
        ));
    }
    if let Some(from) = q.reported_from {
        let m = mark(&mut values, Value::Text(from.to_string()));
        wheres.push(format!("p.reported_on >= {m}"));
    }
    if let Some(to) = q.reported_to {
        let m = mark(&mut values, Value::Text(to.to_string()));
        wheres.push(format!("p.reported_on <= {m}"));
    }
    let fts = q.text.as_deref().and_then(search::to_fts_query);
    let relevance = fts.is_some() && q.sort == ProblemSort::Relevance;
    let from = match &fts {
        Some(fts) if relevance => {
            let m = mark(&mut values, Value::Text(fts.clone()));
            format!(
                "FROM problem_search s JOIN problems p ON p.rowid = s.rowid
                 WHERE problem_search MATCH {m} AND"
            )
        }
        Some(fts) => {
            let m = mark(&mut values, Value::Text(fts.clone()));
            wheres.push(format!(
                "p.rowid IN (SELECT rowid FROM problem_search WHERE problem_search MATCH {m})"
            ));
            "FROM problems p WHERE".to_owned()
        }
        None => "FROM problems p WHERE".to_owned(),
    };
    let where_sql = wheres.join(" AND ");
    let total: u32 = conn
        .query_row(
            &format!("SELECT count(*) {from} {where_sql}"),
            params_from_iter(values.iter()),
            |r| r.get(0),
        )
        .unwrap();
    let dir = if q.descending { "DESC" } else { "ASC" };
    let order = match q.sort {
        ProblemSort::Relevance if relevance => {
            let dir = if q.descending { "ASC" } else { "DESC" };
            format!("s.rank {dir}, p.reported_on DESC, p.id DESC")
        }
        ProblemSort::Reported | ProblemSort::Relevance => {
            format!("p.reported_on {dir}, p.id {dir}")
        }
        ProblemSort::Updated => format!("p.updated_at {dir}, p.id {dir}"),
        ProblemSort::LastSeen => format!("p.last_seen {dir}, p.id {dir}"),
        ProblemSort::Severity => format!("p.severity_rank {dir}, p.reported_on DESC"),
        ProblemSort::Status => format!("p.status_rank {dir}, p.reported_on DESC"),
        ProblemSort::Title => format!("p.title COLLATE NOCASE {dir}, p.id {dir}"),
        ProblemSort::Occurrences => {
            format!("p.occurrence_count {dir}, p.last_seen {dir}, p.id {dir}")
        }
    };
    let limit = q.limit.clamp(1, problem::read::PAGE_MAX);
    let l = mark(&mut values, Value::Integer(limit.into()));
    let o = mark(&mut values, Value::Integer(q.offset.into()));
    let mut stmt = conn
        .prepare(&format!(
            "SELECT p.rowid {from} {where_sql} ORDER BY {order} LIMIT {l} OFFSET {o}"
        ))
        .unwrap();
    let rowids = stmt
        .query_map(params_from_iter(values.iter()), |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<i64>>>()
        .unwrap();
    (rowids, total)
}

/// What a page must agree on: the sort keys of each row in order, and the
/// rows themselves where the sort fully orders them (severity and status
/// sorts leave rows with the same rank and day in no set order).
fn keys(conn: &Connection, sort: ProblemSort, rowids: &[i64]) -> Vec<String> {
    rowids
        .iter()
        .map(|rowid| {
            let (sev, status, reported, id): (i64, i64, String, String) = conn
                .query_row(
                    "SELECT severity_rank, status_rank, reported_on, id FROM problems WHERE rowid = ?1",
                    [rowid],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .unwrap();
            match sort {
                ProblemSort::Severity => format!("{sev} {reported}"),
                ProblemSort::Status => format!("{status} {reported}"),
                _ => id,
            }
        })
        .collect()
}

fn rowids_of(conn: &Connection, page: &problem::ProblemPage) -> Vec<i64> {
    page.items
        .iter()
        .map(|p| {
            conn.query_row("SELECT rowid FROM problems WHERE id = ?1", [p.id], |r| {
                r.get(0)
            })
            .unwrap()
        })
        .collect()
}

#[test]
fn every_way_of_reading_a_page_matches_the_plain_query() {
    let mut ws = Workspace::open_in_memory().unwrap();
    generate::problems_with(&mut ws, 1_500, 2, 11).unwrap();
    let conn = ws.conn();
    // Move some problems along the workflow, change owners and severities,
    // trash a few, and give a handful a rare tag: raw writes, so the tag
    // rows' copies of the filters must follow through the schema alone.
    conn.execute_batch(
        "UPDATE problems SET status = 'investigating', status_rank = 1 WHERE rowid % 5 = 1;
         UPDATE problems SET status = 'closed', status_rank = 5 WHERE rowid % 7 = 2;
         UPDATE problems SET severity = 'critical', severity_rank = 3 WHERE rowid % 11 = 3;
         UPDATE problems SET owner = 'Nadia' WHERE rowid % 13 = 4;
         UPDATE problems SET reported_on = '2020-01-01' WHERE rowid % 17 = 5;
         UPDATE problems SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE rowid % 19 = 6;
         INSERT INTO problem_tags (problem_id, tag)
             SELECT id, 'rare' FROM problems WHERE rowid % 250 = 7;",
    )
    .unwrap();
    // The problems trashed here stay in the search index (the app takes
    // them out): the list must leave them out all the same.
    let today = time::today_utc();

    let texts = [
        None,
        Some("refu"),
        Some("الفاتوره ضريبه"),
        Some("ZD-10042"),
        Some("courier parcel"),
        Some("nothing-matches-this"),
    ];
    let tags = [None, Some("فواتير"), Some("rare"), Some("no-such-tag")];
    let filters: Vec<ProblemQuery> = vec![
        ProblemQuery::default(),
        ProblemQuery {
            statuses: vec![Status::New],
            ..ProblemQuery::default()
        },
        ProblemQuery {
            statuses: vec![Status::Closed, Status::Investigating],
            severities: vec![Severity::Critical],
            ..ProblemQuery::default()
        },
        ProblemQuery {
            channels: vec![Channel::Phone, Channel::Email],
            severities: vec![Severity::High, Severity::Critical],
            owner: Some("Omar Haddad".into()),
            ..ProblemQuery::default()
        },
        ProblemQuery {
            owner: Some("Nadia".into()),
            ..ProblemQuery::default()
        },
        ProblemQuery {
            reported_from: Some(today - Duration::days(180)),
            ..ProblemQuery::default()
        },
        ProblemQuery {
            reported_to: Some(today - Duration::days(600)),
            severities: vec![Severity::Low],
            ..ProblemQuery::default()
        },
    ];
    let sorts = [
        ProblemSort::Reported,
        ProblemSort::Updated,
        ProblemSort::LastSeen,
        ProblemSort::Severity,
        ProblemSort::Status,
        ProblemSort::Title,
        ProblemSort::Occurrences,
        ProblemSort::Relevance,
    ];
    let pages = [(0, 20), (0, 100), (35, 10), (400, 50)];

    let mut checked = 0;
    for text in texts {
        for tag in tags {
            for (f, filter) in filters.iter().enumerate() {
                for (s, sort) in sorts.iter().enumerate() {
                    // Every sort with the plain filters; a rotating few
                    // sorts, directions and pages with the others.
                    if f > 0 && (s + f) % 3 != 0 {
                        continue;
                    }
                    for (i, (offset, limit)) in pages.iter().enumerate() {
                        let q = ProblemQuery {
                            text: text.map(str::to_owned),
                            tag: tag.map(str::to_owned),
                            sort: *sort,
                            descending: (i + s) % 2 == 0,
                            offset: *offset,
                            limit: *limit,
                            ..filter.clone()
                        };
                        let (want, want_total) = reference(conn, &q);
                        let page = problem::query(conn, &q).unwrap();
                        let got = rowids_of(conn, &page);
                        assert_eq!(page.total, want_total, "total of {q:?}");
                        assert_eq!(
                            keys(conn, *sort, &got),
                            keys(conn, *sort, &want),
                            "page of {q:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 500, "checked {checked} queries");
}

#[test]
fn tag_rows_follow_their_problem() {
    let mut ws = Workspace::open_in_memory().unwrap();
    generate::problems_with(&mut ws, 30, 0, 5).unwrap();
    let conn = ws.conn();
    conn.execute_batch(
        "UPDATE problems SET status = 'monitoring', status_rank = 4, severity = 'low', severity_rank = 0,
             channel = 'chat', owner = 'Rami', reported_on = '2025-02-03', deleted_at = '2026-01-01T00:00:00.000Z'
         WHERE rowid = 3;
         INSERT OR IGNORE INTO problem_tags (problem_id, tag) SELECT id, 'late' FROM problems WHERE rowid = 3;",
    )
    .unwrap();
    let stale: i64 = conn
        .query_row(
            "SELECT count(*) FROM problem_tags t JOIN problems p ON p.id = t.problem_id
             WHERE t.deleted_at IS NOT p.deleted_at OR t.reported_on <> p.reported_on
                OR t.status_rank <> p.status_rank OR t.severity_rank <> p.severity_rank
                OR t.channel IS NOT p.channel OR t.owner <> p.owner",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stale, 0, "every tag row carries its problem's filters");
}
