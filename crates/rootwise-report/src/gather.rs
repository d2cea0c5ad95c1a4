//! Reading a report's data through rootwise-core's public reads.

use chrono::NaiveDate;
use rootwise_core::ids::ProblemId;
use rootwise_core::{action, analysis, empathy, persona, problem, time, workflow};
use rusqlite::Connection;

use crate::error::Result;
use crate::labels::Lang;
use crate::model::{CxMeasure, PeriodReport, PersonaQuotes, ProblemReport};

/// Everything the report of `problem_id` shows, as of today (UTC).
pub fn gather(conn: &Connection, problem_id: ProblemId, lang: Lang) -> Result<ProblemReport> {
    gather_on(conn, problem_id, lang, time::today_utc())
}

/// Everything the report of `problem_id` shows, as of `today`.
pub fn gather_on(
    conn: &Connection,
    problem_id: ProblemId,
    lang: Lang,
    today: NaiveDate,
) -> Result<ProblemReport> {
    let problem = problem::get_live(conn, problem_id)?;
    let effect = workflow::effect(conn, problem_id, today)?;
    let mut analyses = Vec::new();
    let mut cause_notes = Vec::new();
    for summary in analysis::for_problem(conn, problem_id)? {
        let tree = analysis::tree(conn, summary.analysis.id)?;
        for node in tree.nodes.iter().filter(|n| n.root_cause) {
            let notes = empathy::notes_for_why(conn, node.id)?;
            if !notes.is_empty() {
                cause_notes.push((node.id, notes));
            }
        }
        analyses.push(tree);
    }
    let personas = persona::for_problem(conn, problem_id)?
        .into_iter()
        .map(|p| {
            let detail = persona::detail(conn, p.id)?;
            Ok(PersonaQuotes {
                persona: detail.persona,
                quotes: detail.quotes,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let notes = empathy::notes_for_problem(conn, problem_id)?;
    let actions = action::for_problem(conn, problem_id, today)?
        .into_iter()
        .map(|row| row.action)
        .collect();
    Ok(ProblemReport {
        lang,
        today,
        problem,
        closed_at: None,
        effect,
        cx: cx_measures(conn, problem_id, today)?,
        analyses,
        cause_notes,
        personas,
        notes,
        actions,
    })
}

/// The reports of every problem closed between `from` and `to` (UTC days,
/// both included), earliest closed first.
pub fn gather_period(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    lang: Lang,
) -> Result<PeriodReport> {
    let today = time::today_utc();
    let problems = problem::closed_between(conn, from, to)?
        .into_iter()
        .map(|(id, closed_at)| {
            let mut report = gather_on(conn, id, lang, today)?;
            report.closed_at = Some(closed_at);
            Ok(report)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(PeriodReport {
        lang,
        from,
        to,
        problems,
    })
}

/// The customer experience measures of the answers linked to the problem,
/// over the last year: each with its 95% interval and how many answers it
/// rests on (none when no answer is linked).
fn cx_measures(
    conn: &Connection,
    problem_id: ProblemId,
    today: NaiveDate,
) -> Result<Vec<CxMeasure>> {
    use rootwise_core::metrics::{self, DashboardQuery, Granularity, Measure};
    let from = today - chrono::Duration::days(365);
    let board = metrics::dashboard(
        conn,
        &DashboardQuery {
            from,
            to: today,
            channel: None,
            problem_id: Some(problem_id),
            granularity: Granularity::Month,
            touchpoint_id: None,
            segment: None,
        },
    )?;
    Ok(board
        .figures
        .iter()
        .filter_map(|f| {
            let value = f.figure.value?;
            let (name, unit) = match f.measure {
                Measure::Nps => ("NPS", ""),
                Measure::Csat => ("CSAT", "%"),
                Measure::Ces5 => ("CES", "/5"),
                Measure::Ces7 => ("CES", "/7"),
            };
            Some(CxMeasure {
                name: name.to_owned(),
                value,
                unit: unit.to_owned(),
                low: f.figure.low,
                high: f.figure.high,
                n: f.figure.n,
                thin: f.figure.thin,
                from,
                to: today,
            })
        })
        .collect())
}
