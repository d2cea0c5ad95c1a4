//! The dashboard's figures and a problem's before/after view, read from
//! the answers' indexes grouped by day and score (never the rows), then
//! tallied here and turned into figures by [`super::stats`].

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::types::Value;
use rusqlite::Connection;

use super::model::{
    CesEasy, Comparison, Dashboard, DashboardQuery, FixEffect, Granularity, HurtingProblem,
    Measure, MeasureFigure, MeasureHurts, RetentionFigures, SurveyKind, TrendPoint, TtrFigure,
};
use super::stats;
use crate::error::{Error, Result};
use crate::ids::ProblemId;
use crate::time;

/// Problems listed per measure as hurting it most.
pub const HURTS_LISTED: usize = 5;
/// Weeks before and after a fix the before/after view compares, unless
/// asked for another span.
pub const FIX_WEEKS: u32 = 8;
/// Longest span before and after a fix, in weeks.
pub const FIX_WEEKS_MAX: u32 = 52;
/// Longest dashboard range, in days (about five years).
pub const RANGE_DAYS_MAX: i64 = 1_830;

/// The running counts behind every measure's figure.
#[derive(Debug, Clone, Default)]
struct Tally {
    /// NPS detractors, passives, promoters.
    nps: [u32; 3],
    /// CSAT satisfied (4-5) and all.
    csat: (u32, u32),
    /// CES on 5 and on 7 points: n, sum and sum of squares of ease, hard.
    ces: [(u32, f64, f64, u32); 2],
}

impl Tally {
    fn add(
        &mut self,
        kind: SurveyKind,
        scale: Option<u8>,
        easy: Option<CesEasy>,
        score: u8,
        n: u32,
    ) {
        match kind {
            SurveyKind::Nps => {
                let bucket = match score {
                    0..=6 => 0,
                    7 | 8 => 1,
                    _ => 2,
                };
                self.nps[bucket] += n;
            }
            SurveyKind::Csat => {
                if score >= 4 {
                    self.csat.0 += n;
                }
                self.csat.1 += n;
            }
            SurveyKind::Ces => {
                let (Some(scale), Some(easy)) = (scale, easy) else {
                    return;
                };
                let slot = usize::from(scale == 7);
                let ease = stats::ease(score, scale, easy);
                let e = f64::from(ease);
                let c = &mut self.ces[slot];
                c.0 += n;
                c.1 += e * f64::from(n);
                c.2 += e * e * f64::from(n);
                if stats::is_hard(ease, scale) {
                    c.3 += n;
                }
            }
        }
    }

    fn figure(&self, measure: Measure) -> super::Figure {
        match measure {
            Measure::Nps => stats::nps(self.nps[2], self.nps[1], self.nps[0]),
            Measure::Csat => stats::csat(self.csat.0, self.csat.1),
            Measure::Ces5 | Measure::Ces7 => {
                let c = self.ces[usize::from(measure == Measure::Ces7)];
                stats::mean(c.0, c.1, c.2)
            }
        }
    }

    fn negative(&self, measure: Measure) -> u32 {
        match measure {
            Measure::Nps => self.nps[0],
            Measure::Csat => self.csat.1 - self.csat.0,
            Measure::Ces5 => self.ces[0].3,
            Measure::Ces7 => self.ces[1].3,
        }
    }

    fn figures(&self) -> Vec<MeasureFigure> {
        Measure::ALL
            .iter()
            .map(|&measure| MeasureFigure {
                measure,
                figure: self.figure(measure),
            })
            .collect()
    }
}

/// Answers counted together: a day, a question, a score and the problem
/// (none when read from the daily counts), `n` of them.
#[derive(Debug, Clone, Copy)]
struct Group {
    day: NaiveDate,
    kind: SurveyKind,
    scale: Option<u8>,
    easy: Option<CesEasy>,
    score: u8,
    problem: Option<ProblemId>,
    n: u32,
}

impl Group {
    fn add_to(&self, tally: &mut Tally) {
        tally.add(self.kind, self.scale, self.easy, self.score, self.n);
    }
}

/// Where groups are read from: the daily counts (a channel or all of
/// them), or the answers themselves (a problem's, or those linked to any
/// problem).
enum Source {
    Daily,
    Answers { linked_only: bool },
}

/// The segment `q` asks for, trimmed; none when blank.
fn segment_of(q: &DashboardQuery) -> Option<&str> {
    q.segment
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The live problems of the segment bound at `?n`, without regard to case.
fn segment_problems(n: usize) -> String {
    format!(
        "SELECT id FROM problems WHERE deleted_at IS NULL AND trim(segment) = ?{n} COLLATE NOCASE"
    )
}

/// Whether `q` narrows the answers to some of them (a problem, a
/// touchpoint, a segment): they are then read one by one, never from the
/// daily counts.
fn narrowed(q: &DashboardQuery) -> bool {
    q.problem_id.is_some() || q.touchpoint_id.is_some() || segment_of(q).is_some()
}

/// The statement reading `source` for `q`'s range, channel and problem.
fn source_sql(q: &DashboardQuery, source: Source) -> (String, Vec<Value>) {
    let mut args = vec![
        Value::Text(q.from.to_string()),
        Value::Text(q.to.to_string()),
    ];
    let mut sql = match source {
        Source::Daily => String::from(
            "SELECT day, kind, nullif(ces_scale, 0), nullif(ces_easy, ''), score, NULL, n
             FROM survey_daily WHERE day BETWEEN ?1 AND ?2 AND n > 0",
        ),
        Source::Answers { linked_only } => {
            let mut sql = String::from(
                "SELECT responded_on, kind, ces_scale, ces_easy, score, problem_id, 1
                 FROM survey_responses
                 WHERE deleted_at IS NULL AND responded_on BETWEEN ?1 AND ?2",
            );
            if linked_only {
                sql.push_str(" AND problem_id IS NOT NULL");
            }
            if let Some(problem) = q.problem_id {
                args.push(Value::Text(problem.to_string()));
                sql.push_str(&format!(
                    " AND problem_id = ?{} AND problem_id IS NOT NULL",
                    args.len()
                ));
            }
            if let Some(touchpoint) = q.touchpoint_id {
                args.push(Value::Text(touchpoint.to_string()));
                let n = args.len();
                sql.push_str(&format!(
                    " AND (touchpoint_id = ?{n} OR problem_id IN
                        (SELECT problem_id FROM journey_touchpoint_problems WHERE touchpoint_id = ?{n}))"
                ));
            }
            if let Some(segment) = segment_of(q) {
                args.push(Value::Text(segment.to_owned()));
                sql.push_str(&format!(
                    " AND problem_id IN ({})",
                    segment_problems(args.len())
                ));
            }
            sql
        }
    };
    if let Some(channel) = q.channel {
        args.push(Value::Text(channel.as_str().to_owned()));
        sql.push_str(&format!(" AND channel = ?{}", args.len()));
    }
    (sql, args)
}

fn text_at<'a>(r: &'a rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<&'a str> {
    r.get_ref(idx)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Days read as text, parsed once per run of equal days (rows come in
/// day order, or in runs of days).
#[derive(Default)]
struct Days(Option<([u8; 10], NaiveDate)>);

impl Days {
    fn parse(&mut self, text: &str) -> Result<NaiveDate> {
        let key: [u8; 10] = text.as_bytes().try_into().unwrap_or([0; 10]);
        match self.0 {
            Some((k, day)) if k == key => Ok(day),
            _ => {
                let day = time::parse_day(text)?;
                self.0 = Some((key, day));
                Ok(day)
            }
        }
    }
}

/// Calls `f` with every group `source` holds for `q`, in the order read.
/// Days are parsed once per run of equal days.
fn each_group(
    conn: &Connection,
    q: &DashboardQuery,
    source: Source,
    mut f: impl FnMut(Group),
) -> Result<()> {
    let (sql, args) = source_sql(q, source);
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    let mut days = Days::default();
    while let Some(r) = rows.next()? {
        let day = days.parse(text_at(r, 0)?)?;
        let problem = match r.get_ref(5)? {
            rusqlite::types::ValueRef::Null => None,
            _ => Some(text_at(r, 5)?.parse::<ProblemId>()?),
        };
        f(Group {
            day,
            kind: r.get(1)?,
            scale: r.get(2)?,
            easy: r.get(3)?,
            score: r.get(4)?,
            problem,
            n: r.get(6)?,
        });
    }
    Ok(())
}

/// The first day of the bucket `day` falls in.
fn bucket(day: NaiveDate, granularity: Granularity) -> NaiveDate {
    match granularity {
        Granularity::Week => time::week_start(day),
        Granularity::Month => day.with_day(1).unwrap_or(day),
    }
}

fn next_bucket(start: NaiveDate, granularity: Granularity) -> NaiveDate {
    match granularity {
        Granularity::Week => start + Duration::weeks(1),
        Granularity::Month => start
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX),
    }
}

/// Resolution times in hours of the contacts opened in `from..=to`, with
/// the day each was opened, through the optional channel and problem.
fn resolutions(conn: &Connection, q: &DashboardQuery) -> Result<Vec<(NaiveDate, f64)>> {
    let mut sql = String::from(
        "SELECT substr(o.opened_at, 1, 10),
                round((julianday(o.resolved_at) - julianday(o.opened_at)) * 86400.0) / 3600.0
         FROM occurrences o
         WHERE o.opened_at IS NOT NULL AND o.resolved_at IS NOT NULL
           AND o.opened_at >= ?1 AND o.opened_at < ?2
           -- A pair a merge left out of order is left out (see the migration);
           -- stamps are UTC RFC 3339 of one width, so text order is time order.
           AND o.resolved_at >= o.opened_at
           AND o.problem_id NOT IN (SELECT id FROM problems WHERE deleted_at IS NOT NULL)",
    );
    let mut args = vec![
        Value::Text(q.from.to_string()),
        Value::Text((q.to + Duration::days(1)).to_string()),
    ];
    if let Some(channel) = q.channel {
        args.push(Value::Text(channel.as_str().to_owned()));
        sql.push_str(&format!(" AND o.channel = ?{}", args.len()));
    }
    if let Some(problem) = q.problem_id {
        args.push(Value::Text(problem.to_string()));
        sql.push_str(&format!(" AND o.problem_id = ?{}", args.len()));
    }
    if let Some(touchpoint) = q.touchpoint_id {
        args.push(Value::Text(touchpoint.to_string()));
        sql.push_str(&format!(
            " AND o.problem_id IN
                (SELECT problem_id FROM journey_touchpoint_problems WHERE touchpoint_id = ?{})",
            args.len()
        ));
    }
    if let Some(segment) = segment_of(q) {
        args.push(Value::Text(segment.to_owned()));
        sql.push_str(&format!(
            " AND o.problem_id IN ({})",
            segment_problems(args.len())
        ));
    }
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    let (mut days, mut out) = (Days::default(), Vec::new());
    while let Some(r) = rows.next()? {
        out.push((days.parse(text_at(r, 0)?)?, r.get::<_, f64>(1)?));
    }
    Ok(out)
}

fn check_range(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to < from {
        return Err(Error::invalid("to", crate::error::Rule::BeforeStart, None));
    }
    if (to - from).num_days() > RANGE_DAYS_MAX {
        return Err(Error::invalid(
            "to",
            crate::error::Rule::OutOfRange,
            Some(RANGE_DAYS_MAX as u32),
        ));
    }
    Ok(())
}

/// The dashboard: each measure over the range with its trend, time to
/// resolution, the problems that hurt each measure most, and the periods'
/// retention, churn and lifetime value.
pub fn dashboard(conn: &Connection, q: &DashboardQuery) -> Result<Dashboard> {
    check_range(q.from, q.to)?;
    let mut buckets: BTreeMap<NaiveDate, (Tally, Vec<f64>)> = BTreeMap::new();
    let mut start = bucket(q.from, q.granularity);
    while start <= q.to {
        buckets.insert(start, Default::default());
        start = next_bucket(start, q.granularity);
    }
    let mut total = Tally::default();
    let mut per_problem: HashMap<ProblemId, Tally> = HashMap::new();
    let mut count = |g: Group, per_problem: &mut HashMap<ProblemId, Tally>| {
        g.add_to(&mut total);
        if let Some((tally, _)) = buckets.get_mut(&bucket(g.day, q.granularity)) {
            g.add_to(tally);
        }
        if let Some(problem) = g.problem {
            g.add_to(per_problem.entry(problem).or_default());
        }
    };
    if narrowed(q) {
        // A problem's, a touchpoint's or a segment's answers: read them,
        // for everything (a touchpoint's own answers need no problem).
        let linked_only = q.problem_id.is_some();
        each_group(conn, q, Source::Answers { linked_only }, |g| {
            count(g, &mut per_problem);
        })?;
    } else {
        each_group(conn, q, Source::Daily, |g| count(g, &mut per_problem))?;
        each_group(conn, q, Source::Answers { linked_only: true }, |g| {
            if let Some(problem) = g.problem {
                g.add_to(per_problem.entry(problem).or_default());
            }
        })?;
    }

    let mut all_hours = Vec::new();
    for (day, hours) in resolutions(conn, q)? {
        all_hours.push(hours);
        if let Some((_, list)) = buckets.get_mut(&bucket(day, q.granularity)) {
            list.push(hours);
        }
    }

    let trend = buckets
        .into_iter()
        .map(|(start, (tally, hours))| TrendPoint {
            start,
            figures: tally.figures(),
            ttr: stats::ttr(hours),
        })
        .collect();

    Ok(Dashboard {
        figures: total.figures(),
        ttr: stats::ttr(all_hours),
        trend,
        hurts: hurts(conn, &per_problem)?,
        retention: retention(conn, q.from, q.to)?,
    })
}

/// The problems with the most negative answers for each measure.
fn hurts(conn: &Connection, per_problem: &HashMap<ProblemId, Tally>) -> Result<Vec<MeasureHurts>> {
    let mut title =
        conn.prepare_cached("SELECT title FROM problems WHERE id = ?1 AND deleted_at IS NULL")?;
    let mut out = Vec::with_capacity(Measure::ALL.len());
    for &measure in Measure::ALL {
        let mut ranked: Vec<(ProblemId, u32)> = per_problem
            .iter()
            .map(|(id, t)| (*id, t.negative(measure)))
            .filter(|(_, negative)| *negative > 0)
            .collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut problems = Vec::with_capacity(HURTS_LISTED);
        for (id, negative) in ranked {
            if problems.len() == HURTS_LISTED {
                break;
            }
            let found: Option<String> =
                rusqlite::OptionalExtension::optional(title.query_row([id], |r| r.get(0)))?;
            // A problem in the trash is not offered for a click-through.
            if let Some(title) = found {
                problems.push(HurtingProblem {
                    problem_id: id,
                    title,
                    negative,
                    figure: per_problem
                        .get(&id)
                        .map(|t| t.figure(measure))
                        .unwrap_or_default(),
                });
            }
        }
        out.push(MeasureHurts { measure, problems });
    }
    Ok(out)
}

/// Retention, churn and lifetime value of every live period inside the
/// range.
pub fn retention(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<RetentionFigures>> {
    Ok(super::read::periods(conn, Some(from), Some(to))?
        .into_iter()
        .map(|period| {
            let (retention, churn) = stats::retention(
                period.customers_start,
                period.customers_end,
                period.customers_new,
            );
            let lifetime_value = period
                .revenue_per_customer
                .zip(period.margin)
                .and_then(|(revenue, margin)| stats::lifetime_value(revenue, margin, churn.value));
            RetentionFigures {
                period,
                retention,
                churn,
                lifetime_value,
            }
        })
        .collect())
}

/// Each measure and time to resolution of a problem in the `weeks` weeks
/// before and after each of its done actions (cancelled ones left out; the
/// done day itself in neither), with the verdict on each difference.
pub fn fix_effects(conn: &Connection, problem: ProblemId, weeks: u32) -> Result<Vec<FixEffect>> {
    let weeks = weeks.clamp(1, FIX_WEEKS_MAX);
    let span = Duration::weeks(i64::from(weeks));
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, done_on FROM actions
         WHERE problem_id = ?1 AND deleted_at IS NULL AND done_on IS NOT NULL
           AND status <> 'cancelled'
         ORDER BY done_on, id",
    )?;
    let actions: Vec<(String, String, String)> = stmt
        .query_map([problem], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut done = Vec::with_capacity(actions.len());
    for (id, title, day) in actions {
        done.push((id, title, time::parse_day(&day)?));
    }
    let (Some(first), Some(last)) = (
        done.iter().map(|a| a.2).min(),
        done.iter().map(|a| a.2).max(),
    ) else {
        return Ok(Vec::new());
    };
    let q = DashboardQuery {
        from: first - span,
        to: last + span,
        channel: None,
        problem_id: Some(problem),
        granularity: Granularity::Week,
        touchpoint_id: None,
        segment: None,
    };
    let mut days: Vec<Group> = Vec::new();
    each_group(conn, &q, Source::Answers { linked_only: true }, |g| {
        days.push(g)
    })?;
    let contacts = resolutions(conn, &q)?;

    Ok(done
        .into_iter()
        .map(|(action_id, title, done_on)| {
            let before = |day: NaiveDate| day >= done_on - span && day < done_on;
            let after = |day: NaiveDate| day > done_on && day <= done_on + span;
            let tally = |inside: &dyn Fn(NaiveDate) -> bool| {
                let mut t = Tally::default();
                for g in days.iter().filter(|g| inside(g.day)) {
                    g.add_to(&mut t);
                }
                t
            };
            let hours = |inside: &dyn Fn(NaiveDate) -> bool| -> TtrFigure {
                stats::ttr(
                    contacts
                        .iter()
                        .filter(|(day, _)| inside(*day))
                        .map(|(_, h)| *h)
                        .collect(),
                )
            };
            let (b, a) = (tally(&before), tally(&after));
            let measures = Measure::ALL
                .iter()
                .map(|&measure| {
                    let (before, after) = (b.figure(measure), a.figure(measure));
                    let difference = stats::difference(&before, &after);
                    Comparison {
                        measure,
                        before,
                        after,
                        verdict: stats::verdict(&difference),
                        difference,
                    }
                })
                .collect();
            FixEffect {
                action_id,
                title,
                done_on,
                measures,
                ttr_before: hours(&before),
                ttr_after: hours(&after),
            }
        })
        .collect())
}
