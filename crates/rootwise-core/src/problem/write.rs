//! Writing problems: create, edit one field at a time, delete, restore,
//! merge. Every write records history and keeps the search index current.

use rusqlite::{params, OptionalExtension};

use super::model::{NewProblem, Problem, ProblemEdit, Severity, Status};
use super::read::get_live;
use super::validate as v;
use super::ENTITY;
use crate::change::ChangeOp;
use crate::error::{Checks, Error, Result, Rule};
use crate::ids::{OccurrenceId, ProblemId};
use crate::store::Writer;
use crate::{search, time, trash};

fn opt_text(value: Option<&String>) -> String {
    value.map(String::as_str).unwrap_or_default().to_owned()
}

/// A validated new problem, every field as it will be stored.
struct Valid {
    title: String,
    description: String,
    customer: String,
    segment: String,
    journey_stage: String,
    owner: String,
    tags: Vec<String>,
    references: Vec<String>,
    reported_on: chrono::NaiveDate,
    csat: Option<u8>,
    nps: Option<u8>,
    ces: Option<u8>,
    customers_affected: Option<u32>,
}

/// Checks every field of a new problem, reporting all broken rules at once.
fn check(input: &NewProblem) -> Result<Valid> {
    let text = |field: &str, value: Option<&String>, max: usize| {
        v::text(field, &opt_text(value), max, false)
    };
    let line = |field: &str, value: Option<&String>, max: usize| {
        v::line(field, &opt_text(value), max, false)
    };
    let title = v::validate_title(&input.title);
    let description = text(
        "description",
        input.description.as_ref(),
        v::DESCRIPTION_MAX,
    );
    let customer = line("customer", input.customer.as_ref(), v::SHORT_TEXT_MAX);
    let segment = line("segment", input.segment.as_ref(), v::SHORT_TEXT_MAX);
    let journey_stage = line(
        "journeyStage",
        input.journey_stage.as_ref(),
        v::SHORT_TEXT_MAX,
    );
    let owner = line("owner", input.owner.as_ref(), v::SHORT_TEXT_MAX);
    let tags = v::tags(input.tags.as_deref().unwrap_or_default());
    let references = v::references(input.references.as_deref().unwrap_or_default());
    let reported_on = v::past_date(
        "reportedOn",
        input.reported_on.unwrap_or_else(time::today_utc),
    );
    let csat = v::score("csat", input.csat, v::CSAT_RANGE.0, v::CSAT_RANGE.1);
    let nps = v::score("nps", input.nps, v::NPS_RANGE.0, v::NPS_RANGE.1);
    let ces = v::score("ces", input.ces, v::CES_RANGE.0, v::CES_RANGE.1);
    let customers_affected = v::customers(input.customers_affected);

    let mut c = Checks::new();
    c.note(&title);
    c.note(&description);
    c.note(&customer);
    c.note(&segment);
    c.note(&journey_stage);
    c.note(&owner);
    c.note(&tags);
    c.note(&references);
    c.note(&reported_on);
    c.note(&csat);
    c.note(&nps);
    c.note(&ces);
    c.note(&customers_affected);
    c.finish()?;
    Ok(Valid {
        title: title?,
        description: description?,
        customer: customer?,
        segment: segment?,
        journey_stage: journey_stage?,
        owner: owner?,
        tags: tags?,
        references: references?,
        reported_on: reported_on?,
        csat: csat?,
        nps: nps?,
        ces: ces?,
        customers_affected: customers_affected?,
    })
}

/// Logs a new problem.
pub fn create(w: &mut Writer<'_>, input: &NewProblem) -> Result<Problem> {
    create_as(w, input, false)
}

/// Logs a new problem, marked as sample data or not.
pub(crate) fn create_as(w: &mut Writer<'_>, input: &NewProblem, sample: bool) -> Result<Problem> {
    let p = check(input)?;
    let id = ProblemId::new();
    let now = time::to_text(w.now());
    let day = p.reported_on.to_string();
    let severity = input.severity.unwrap_or(Severity::Medium);
    w.tx().execute(
        "INSERT INTO problems (id, title, description, customer, segment, channel, journey_stage,
            severity, severity_rank, status, status_rank, owner, reported_on, csat, nps, ces,
            customers_affected, sample, occurrence_count, first_seen, last_seen, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            1, ?13, ?13, ?19, ?19)",
        params![
            id,
            p.title,
            p.description,
            p.customer,
            p.segment,
            input.channel,
            p.journey_stage,
            severity,
            severity.rank() as i64,
            Status::New,
            Status::New.rank() as i64,
            p.owner,
            day,
            p.csat,
            p.nps,
            p.ces,
            p.customers_affected,
            sample,
            now
        ],
    )?;
    write_tags(w, id, &p.tags)?;
    write_references(w, id, &p.references)?;
    let key = id.to_string();
    w.record(ENTITY, &key, ChangeOp::Create, None, None, None)?;
    // Every field it starts with, under the names its edits use: the
    // history reads as what was reported, not only the title.
    let text = |value: &str| (!value.is_empty()).then(|| value.to_owned());
    let fields: [(&str, Option<String>); 16] = [
        ("title", Some(p.title.clone())),
        ("description", text(&p.description)),
        ("customer", text(&p.customer)),
        ("segment", text(&p.segment)),
        ("channel", input.channel.map(|c| c.as_str().to_owned())),
        ("journeyStage", text(&p.journey_stage)),
        ("severity", Some(severity.as_str().to_owned())),
        ("status", Some(Status::New.as_str().to_owned())),
        ("owner", text(&p.owner)),
        ("reportedOn", Some(day.clone())),
        ("tags", (!p.tags.is_empty()).then(|| list_text(&p.tags))),
        (
            "references",
            (!p.references.is_empty()).then(|| list_text(&p.references)),
        ),
        ("csat", num(p.csat)),
        ("nps", num(p.nps)),
        ("ces", num(p.ces)),
        ("customersAffected", num(p.customers_affected)),
    ];
    for (field, value) in fields {
        let Some(value) = value else { continue };
        w.record(
            ENTITY,
            &key,
            ChangeOp::Create,
            Some(field),
            None,
            Some(&value),
        )?;
    }
    reindex(w, id)?;
    get_live(w.tx(), id)
}

fn write_tags(w: &Writer<'_>, id: ProblemId, tags: &[String]) -> Result<()> {
    w.tx()
        .execute("DELETE FROM problem_tags WHERE problem_id = ?1", [id])?;
    let mut stmt = w
        .tx()
        .prepare_cached("INSERT INTO problem_tags (problem_id, tag) VALUES (?1, ?2)")?;
    for tag in tags {
        stmt.execute(params![id, tag])?;
    }
    Ok(())
}

fn write_references(w: &Writer<'_>, id: ProblemId, refs: &[String]) -> Result<()> {
    w.tx()
        .execute("DELETE FROM problem_refs WHERE problem_id = ?1", [id])?;
    let mut stmt = w.tx().prepare_cached(
        "INSERT INTO problem_refs (problem_id, position, reference) VALUES (?1, ?2, ?3)",
    )?;
    for (i, reference) in refs.iter().enumerate() {
        stmt.execute(params![id, i as i64, reference])?;
    }
    Ok(())
}

fn list_text(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_default()
}

fn num<T: ToString>(v: Option<T>) -> Option<String> {
    v.map(|x| x.to_string())
}

/// Changes one field of a live problem, recording the old and new value.
pub(crate) fn edit(w: &mut Writer<'_>, id: ProblemId, edit: &ProblemEdit) -> Result<Problem> {
    let before = get_live(w.tx(), id)?;
    // (history field, SQL column, old text, new text, SQL value)
    let (field, column, old, new, value): (
        &str,
        Option<&str>,
        Option<String>,
        Option<String>,
        rusqlite::types::Value,
    ) = {
        use rusqlite::types::Value;
        let text = |s: &String| Value::Text(s.clone());
        let opt_int = |n: Option<i64>| n.map(Value::Integer).unwrap_or(Value::Null);
        match edit {
            ProblemEdit::Title(t) => {
                let t = v::validate_title(t)?;
                (
                    "title",
                    Some("title"),
                    Some(before.title.clone()),
                    Some(t.clone()),
                    text(&t),
                )
            }
            ProblemEdit::Description(t) => {
                let t = v::text("description", t, v::DESCRIPTION_MAX, false)?;
                (
                    "description",
                    Some("description"),
                    Some(before.description.clone()),
                    Some(t.clone()),
                    text(&t),
                )
            }
            ProblemEdit::Customer(t) => {
                let t = v::line("customer", t, v::SHORT_TEXT_MAX, false)?;
                (
                    "customer",
                    Some("customer"),
                    Some(before.customer.clone()),
                    Some(t.clone()),
                    text(&t),
                )
            }
            ProblemEdit::Segment(t) => {
                let t = v::line("segment", t, v::SHORT_TEXT_MAX, false)?;
                (
                    "segment",
                    Some("segment"),
                    Some(before.segment.clone()),
                    Some(t.clone()),
                    text(&t),
                )
            }
            ProblemEdit::JourneyStage(t) => {
                let t = v::line("journeyStage", t, v::SHORT_TEXT_MAX, false)?;
                (
                    "journeyStage",
                    Some("journey_stage"),
                    Some(before.journey_stage.clone()),
                    Some(t.clone()),
                    text(&t),
                )
            }
            ProblemEdit::Owner(t) => {
                let t = v::line("owner", t, v::SHORT_TEXT_MAX, false)?;
                (
                    "owner",
                    Some("owner"),
                    Some(before.owner.clone()),
                    Some(t.clone()),
                    text(&t),
                )
            }
            ProblemEdit::Channel(c) => (
                "channel",
                Some("channel"),
                before.channel.map(|c| c.as_str().to_owned()),
                c.map(|c| c.as_str().to_owned()),
                c.map(|c| Value::Text(c.as_str().into()))
                    .unwrap_or(Value::Null),
            ),
            ProblemEdit::Severity(s) => (
                "severity",
                Some("severity"),
                Some(before.severity.as_str().into()),
                Some(s.as_str().into()),
                Value::Text(s.as_str().into()),
            ),
            ProblemEdit::Status(s) => {
                if !before.status.can_move_to(*s) {
                    return Err(Error::invalid("status", Rule::Transition, None));
                }
                (
                    "status",
                    Some("status"),
                    Some(before.status.as_str().into()),
                    Some(s.as_str().into()),
                    Value::Text(s.as_str().into()),
                )
            }
            ProblemEdit::Tags(list) => {
                let list = v::tags(list)?;
                let changed = list != before.tags;
                if changed {
                    write_tags(w, id, &list)?;
                }
                (
                    "tags",
                    None,
                    Some(list_text(&before.tags)),
                    Some(list_text(&list)),
                    Value::Null,
                )
            }
            ProblemEdit::References(list) => {
                let list = v::references(list)?;
                if list != before.references {
                    write_references(w, id, &list)?;
                }
                (
                    "references",
                    None,
                    Some(list_text(&before.references)),
                    Some(list_text(&list)),
                    Value::Null,
                )
            }
            ProblemEdit::ReportedOn(d) => {
                let d = v::past_date("reportedOn", *d)?;
                (
                    "reportedOn",
                    Some("reported_on"),
                    Some(before.reported_on.to_string()),
                    Some(d.to_string()),
                    Value::Text(d.to_string()),
                )
            }
            ProblemEdit::Csat(n) => {
                let n = v::score("csat", *n, v::CSAT_RANGE.0, v::CSAT_RANGE.1)?;
                (
                    "csat",
                    Some("csat"),
                    num(before.csat),
                    num(n),
                    opt_int(n.map(i64::from)),
                )
            }
            ProblemEdit::Nps(n) => {
                let n = v::score("nps", *n, v::NPS_RANGE.0, v::NPS_RANGE.1)?;
                (
                    "nps",
                    Some("nps"),
                    num(before.nps),
                    num(n),
                    opt_int(n.map(i64::from)),
                )
            }
            ProblemEdit::Ces(n) => {
                let n = v::score("ces", *n, v::CES_RANGE.0, v::CES_RANGE.1)?;
                (
                    "ces",
                    Some("ces"),
                    num(before.ces),
                    num(n),
                    opt_int(n.map(i64::from)),
                )
            }
            ProblemEdit::CustomersAffected(n) => {
                let n = v::customers(*n)?;
                (
                    "customersAffected",
                    Some("customers_affected"),
                    num(before.customers_affected),
                    num(n),
                    opt_int(n.map(i64::from)),
                )
            }
        }
    };
    if old == new {
        return Ok(before);
    }
    // The rank columns move in the same statement as the value they order.
    let rank = match edit {
        ProblemEdit::Severity(s) => Some(("severity_rank", s.rank() as i64)),
        ProblemEdit::Status(s) => Some(("status_rank", s.rank() as i64)),
        _ => None,
    };
    match (column, rank) {
        (Some(column), Some((rank_column, rank))) => {
            w.tx().execute(
                &format!("UPDATE problems SET {column} = ?1, {rank_column} = ?3 WHERE id = ?2"),
                params![value, id, rank],
            )?;
        }
        (Some(column), None) => {
            w.tx().execute(
                &format!("UPDATE problems SET {column} = ?1 WHERE id = ?2"),
                params![value, id],
            )?;
        }
        (None, _) => {}
    }
    let now = time::to_text(w.now());
    w.tx().execute(
        "UPDATE problems SET updated_at = ?1 WHERE id = ?2",
        params![now, id],
    )?;
    if matches!(edit, ProblemEdit::ReportedOn(_)) {
        super::occurrence::refresh_stats(w, id)?;
    }
    let key = id.to_string();
    w.record(
        ENTITY,
        &key,
        ChangeOp::Update,
        Some(field),
        old.as_deref(),
        new.as_deref(),
    )?;
    reindex(w, id)?;
    get_live(w.tx(), id)
}

/// Changes a problem's title (shorthand for an edit of the title).
pub fn rename(w: &mut Writer<'_>, id: ProblemId, title: &str) -> Result<Problem> {
    edit(w, id, &ProblemEdit::Title(title.to_owned()))
}

/// Moves a problem to the trash.
pub fn delete(w: &mut Writer<'_>, id: ProblemId) -> Result<()> {
    let key = id.to_string();
    trash::mark_deleted(w, ENTITY, &key)?;
    search::remove(w, search::PROBLEMS, rowid(w, id)?)
}

/// Brings a problem back from the trash.
pub fn restore(w: &mut Writer<'_>, id: ProblemId) -> Result<Problem> {
    trash::mark_restored(w, ENTITY, &id.to_string())?;
    reindex(w, id)?;
    get_live(w.tx(), id)
}

/// Closes a problem that still has unfinished actions. The reason is
/// required and goes into the problem's history, just before the status
/// change. A problem without open actions closes the same way, reason kept.
pub fn close_with_reason(w: &mut Writer<'_>, id: ProblemId, reason: &str) -> Result<Problem> {
    let before = get_live(w.tx(), id)?;
    let reason = v::text("closeReason", reason, crate::write::REASON_MAX, true)?;
    if !before.status.can_move_to(Status::Closed) || before.status == Status::Closed {
        return Err(Error::invalid("status", Rule::Transition, None));
    }
    w.record(
        ENTITY,
        &id.to_string(),
        ChangeOp::Update,
        Some("closeReason"),
        None,
        Some(&reason),
    )?;
    w.tx().execute(
        "UPDATE problems SET status = ?1, status_rank = ?2, updated_at = ?3 WHERE id = ?4",
        params![
            Status::Closed,
            Status::Closed.rank() as i64,
            time::to_text(w.now()),
            id
        ],
    )?;
    w.record(
        ENTITY,
        &id.to_string(),
        ChangeOp::Update,
        Some("status"),
        Some(before.status.as_str()),
        Some(Status::Closed.as_str()),
    )?;
    get_live(w.tx(), id)
}

/// What the first half of a merge leaves for the second: see
/// [`merge_reports`] and [`merge_finish`].
#[derive(Debug)]
pub(crate) struct MergeStart {
    /// The survivor as it was before the merge.
    keep: Problem,
    /// Its references after the merge.
    refs: Vec<String>,
    /// Its tags after the merge.
    tags: Vec<String>,
    /// The duplicate's latest report, for the survivor's recurrence watch.
    pub(crate) latest: chrono::NaiveDate,
}

/// The problem's part of merging `duplicate` into `survivor` (the whole
/// merge, with the duplicate's analyses and actions and the recurrence
/// watch, is `workflow::merge`): its first report becomes an occurrence of
/// the survivor, its occurrences, references and tags move over. Then
/// [`merge_finish`] records it and trashes the duplicate.
pub(crate) fn merge_reports(
    w: &mut Writer<'_>,
    duplicate: ProblemId,
    survivor: ProblemId,
) -> Result<MergeStart> {
    if duplicate == survivor {
        return Err(Error::Conflict(
            "a problem cannot be merged into itself".into(),
        ));
    }
    let dup = get_live(w.tx(), duplicate)?;
    let keep = get_live(w.tx(), survivor)?;
    let now = time::to_text(w.now());

    // The duplicate's own first report is a customer report of the survivor.
    w.tx().execute(
        "INSERT INTO occurrences (id, problem_id, occurred_on, channel, ticket_ref, note, author, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            OccurrenceId::new(),
            survivor,
            dup.reported_on.to_string(),
            dup.channel,
            dup.references.first().cloned().unwrap_or_default(),
            dup.title,
            w.author().to_owned(),
            now
        ],
    )?;
    // The duplicate's latest report, for the survivor's recurrence watch.
    let latest: Option<String> = w.tx().query_row(
        "SELECT max(occurred_on) FROM occurrences WHERE problem_id = ?1",
        [duplicate],
        |r| r.get(0),
    )?;
    let latest = latest
        .map(|d| time::parse_day(&d))
        .transpose()?
        .map_or(dup.reported_on, |d| d.max(dup.reported_on));
    w.tx().execute(
        "UPDATE occurrences SET problem_id = ?1 WHERE problem_id = ?2",
        params![survivor, duplicate],
    )?;
    let mut refs = keep.references.clone();
    refs.extend(dup.references.iter().cloned());
    let refs = v::references(&refs)
        .or_else(|_| Ok::<_, Error>(refs.into_iter().take(v::REFERENCES_MAX).collect()))?;
    let mut tags = keep.tags.clone();
    tags.extend(dup.tags.iter().cloned());
    let tags = v::tags(&tags).unwrap_or_else(|_| keep.tags.clone());
    if refs != keep.references {
        write_references(w, survivor, &refs)?;
    }
    if tags != keep.tags {
        write_tags(w, survivor, &tags)?;
    }
    w.tx().execute(
        "UPDATE problems SET merged_into = ?1, updated_at = ?2 WHERE id = ?3",
        params![survivor, now, duplicate],
    )?;
    w.tx().execute(
        "UPDATE problems SET updated_at = ?1 WHERE id = ?2",
        params![now, survivor],
    )?;
    // Both counts follow the reports: the duplicate's moved away (a copy
    // merging this recomputes both, and must find what this one has).
    super::occurrence::refresh_stats(w, survivor)?;
    super::occurrence::refresh_stats(w, duplicate)?;
    Ok(MergeStart {
        keep,
        refs,
        tags,
        latest,
    })
}

/// The end of a merge: history on both problems, the duplicate to the
/// trash with a pointer to the survivor, the survivor reindexed.
pub(crate) fn merge_finish(
    w: &mut Writer<'_>,
    duplicate: ProblemId,
    survivor: ProblemId,
    start: MergeStart,
) -> Result<Problem> {
    let MergeStart {
        keep, refs, tags, ..
    } = start;
    let (dup_key, keep_key) = (duplicate.to_string(), survivor.to_string());
    w.record(
        ENTITY,
        &dup_key,
        ChangeOp::Update,
        Some("mergedInto"),
        None,
        Some(&keep_key),
    )?;
    w.record(
        ENTITY,
        &keep_key,
        ChangeOp::Update,
        Some("mergedFrom"),
        None,
        Some(&dup_key),
    )?;
    if refs != keep.references {
        w.record(
            ENTITY,
            &keep_key,
            ChangeOp::Update,
            Some("references"),
            Some(&list_text(&keep.references)),
            Some(&list_text(&refs)),
        )?;
    }
    if tags != keep.tags {
        w.record(
            ENTITY,
            &keep_key,
            ChangeOp::Update,
            Some("tags"),
            Some(&list_text(&keep.tags)),
            Some(&list_text(&tags)),
        )?;
    }
    delete(w, duplicate)?;
    reindex(w, survivor)?;
    get_live(w.tx(), survivor)
}

/// Rebuilds a problem's search document from everything searchable about
/// it: title, description, customer, tags, references, occurrence notes
/// and ticket references.
pub(crate) fn reindex(w: &Writer<'_>, id: ProblemId) -> Result<()> {
    let (rowid, body): (i64, String) = w
        .tx()
        .prepare_cached(
            "SELECT p.rowid, p.title || char(10) || p.description || char(10) || p.customer || char(10) ||
                coalesce((SELECT group_concat(tag, ' ') FROM problem_tags WHERE problem_id = p.id), '') || char(10) ||
                coalesce((SELECT group_concat(reference, ' ') FROM problem_refs WHERE problem_id = p.id), '') || char(10) ||
                coalesce((SELECT group_concat(ticket_ref || ' ' || note, char(10)) FROM occurrences WHERE problem_id = p.id), '')
             FROM problems p WHERE p.id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    search::index(w, search::PROBLEMS, rowid, &body)
}

/// The SQLite rowid of a problem (the key of its search document).
fn rowid(w: &Writer<'_>, id: ProblemId) -> Result<i64> {
    w.tx()
        .query_row("SELECT rowid FROM problems WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: ENTITY,
            id: id.to_string(),
        })
}
