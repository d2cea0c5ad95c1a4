//! Writing actions: create, edit one field at a time, the status moves that
//! need more (a check's result, a reason), comments, delete and restore,
//! and the recurrence watch. Every write records history.

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;
use rusqlite::types::Value;

use super::model::{
    Action, ActionEdit, ActionKind, ActionStatus, CheckResult, Comment, NewAction, Priority,
};
use super::read::get;
use super::ENTITY;
use crate::change::ChangeOp;
use crate::error::{Checks, Error, Result, Rule};
use crate::ids::{ActionId, CommentId, ProblemId, WhyId};
use crate::store::Writer;
use crate::write::{self as v, write_field};
use crate::{time, trash};

/// Longest title.
pub const TITLE_MAX: usize = 300;
/// Longest description.
pub const DESCRIPTION_MAX: usize = 20_000;
/// Longest owner name.
pub const OWNER_MAX: usize = v::SHORT_TEXT_MAX;
/// Longest description of how the effect will be judged, and of the result.
pub const CHECK_TEXT_MAX: usize = 5_000;
/// Longest cancel reason, or reason for closing a problem with open actions.
pub const REASON_MAX: usize = v::REASON_MAX;
/// Longest comment.
pub const COMMENT_MAX: usize = 5_000;
/// Most root causes one action names.
pub const CAUSES_MAX: usize = 50;
/// Days after an action is done that its effect is checked, unless the
/// user chose a day.
pub const CHECK_AFTER_DAYS: i64 = 30;
/// Latest year a due day may fall in.
pub const LATEST_YEAR: i32 = 2200;

fn day_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn day_value(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::Text(d.to_string()))
}

/// A due day: not before the day the action was created, nor absurdly far.
fn due_day(
    field: &str,
    day: NaiveDate,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<NaiveDate> {
    if day < time::earliest_day(created) {
        return Err(Error::invalid(field, Rule::BeforeCreated, None));
    }
    if day.year() > LATEST_YEAR {
        return Err(Error::invalid(field, Rule::OutOfRange, None));
    }
    Ok(day)
}

/// The root causes named by id: live causes in a live analysis of
/// `problem`, without repeats.
fn causes(w: &Writer<'_>, problem: ProblemId, ids: &[String]) -> Result<Vec<WhyId>> {
    let mut out: Vec<WhyId> = Vec::new();
    let invalid = || Error::invalid("causeIds", Rule::Invalid, None);
    for raw in ids {
        let id: WhyId = raw.parse().map_err(|_| invalid())?;
        let owner: Option<String> = w
            .tx()
            .query_row(
                "SELECT a.problem_id FROM why_nodes n JOIN analyses a ON a.id = n.analysis_id
                 WHERE n.id = ?1 AND n.deleted_at IS NULL AND a.deleted_at IS NULL",
                [id],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        if owner.as_deref() != Some(problem.to_string().as_str()) {
            return Err(invalid());
        }
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.len() > CAUSES_MAX {
        return Err(Error::invalid(
            "causeIds",
            Rule::TooMany,
            Some(CAUSES_MAX as u32),
        ));
    }
    Ok(out)
}

fn cause_list_text(ids: &[WhyId]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn set_causes(w: &Writer<'_>, id: ActionId, ids: &[WhyId]) -> Result<()> {
    w.tx()
        .execute("DELETE FROM action_causes WHERE action_id = ?1", [id])?;
    let mut stmt = w
        .tx()
        .prepare_cached("INSERT INTO action_causes (action_id, why_id) VALUES (?1, ?2)")?;
    for cause in ids {
        stmt.execute(params![id, cause])?;
    }
    Ok(())
}

/// Creates an action for a live problem.
pub fn create(w: &mut Writer<'_>, input: &NewAction) -> Result<Action> {
    create_as(w, input, false)
}

/// Creates an action, marked as sample data or not.
pub(crate) fn create_as(w: &mut Writer<'_>, input: &NewAction, sample: bool) -> Result<Action> {
    let problem_id: ProblemId = input
        .problem_id
        .parse()
        .map_err(|_| Error::invalid("problemId", Rule::Required, None))?;
    v::require_live(
        w.tx(),
        "problems",
        crate::entity::PROBLEM,
        &problem_id.to_string(),
    )?;
    let title = v::line("title", &input.title, TITLE_MAX, true);
    let description = v::text(
        "description",
        input.description.as_deref().unwrap_or_default(),
        DESCRIPTION_MAX,
        false,
    );
    let owner = v::line(
        "owner",
        input.owner.as_deref().unwrap_or_default(),
        OWNER_MAX,
        false,
    );
    let due = input
        .due_on
        .map(|d| due_day("dueOn", d, w.now()))
        .transpose();
    let method = v::text(
        "checkMethod",
        input.check_method.as_deref().unwrap_or_default(),
        CHECK_TEXT_MAX,
        false,
    );
    let cause_ids = causes(
        w,
        problem_id,
        input.cause_ids.as_deref().unwrap_or_default(),
    );
    let mut c = Checks::new();
    c.note(&title);
    c.note(&description);
    c.note(&owner);
    c.note(&due);
    c.note(&method);
    c.note(&cause_ids);
    c.finish()?;
    let (title, description, owner, due, method, cause_ids) =
        (title?, description?, owner?, due?, method?, cause_ids?);
    let priority = input.priority.unwrap_or(Priority::Medium);

    let id = ActionId::new();
    let now = time::to_text(w.now());
    w.tx().execute(
        "INSERT INTO actions (id, problem_id, title, description, kind, owner, due_on, priority,
            priority_rank, check_method, sample, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            id,
            problem_id,
            title,
            description,
            input.kind,
            owner,
            day_text(due),
            priority,
            priority.rank() as i64,
            method,
            sample,
            now
        ],
    )?;
    set_causes(w, id, &cause_ids)?;
    let key = id.to_string();
    w.record(ENTITY, &key, ChangeOp::Create, None, None, None)?;
    for (field, value) in [
        ("title", Some(title)),
        ("problem", Some(problem_id.to_string())),
        ("kind", Some(input.kind.as_str().to_owned())),
        ("owner", Some(owner).filter(|o| !o.is_empty())),
        ("dueOn", day_text(due)),
        ("priority", Some(priority.as_str().to_owned())),
        (
            "causeIds",
            Some(cause_list_text(&cause_ids)).filter(|c| !c.is_empty()),
        ),
    ] {
        if let Some(value) = value {
            w.record(
                ENTITY,
                &key,
                ChangeOp::Create,
                Some(field),
                None,
                Some(&value),
            )?;
        }
    }
    // The problem's record shows that work on it has started.
    let a = get(w.tx(), id)?;
    w.record(
        crate::entity::PROBLEM,
        &problem_id.to_string(),
        ChangeOp::Update,
        Some("actions"),
        None,
        Some(&a.title),
    )?;
    get(w.tx(), id)
}

/// Changes one field of a live action, or moves its status.
pub(crate) fn edit(w: &mut Writer<'_>, id: ActionId, edit: &ActionEdit) -> Result<Action> {
    let before = get(w.tx(), id)?;
    live(w, id)?;
    let key = id.to_string();
    let set = |w: &mut Writer<'_>,
               field: &str,
               column: &str,
               old: Option<String>,
               new: Option<String>,
               value: Value|
     -> Result<bool> {
        write_field(
            w,
            ("actions", ENTITY, &key),
            (field, column),
            (old.as_deref(), new.as_deref()),
            value,
        )
    };
    match edit {
        ActionEdit::Title(t) => {
            let t = v::line("title", t, TITLE_MAX, true)?;
            set(
                w,
                "title",
                "title",
                Some(before.title.clone()),
                Some(t.clone()),
                Value::Text(t),
            )?;
        }
        ActionEdit::Description(t) => {
            let t = v::text("description", t, DESCRIPTION_MAX, false)?;
            set(
                w,
                "description",
                "description",
                Some(before.description.clone()),
                Some(t.clone()),
                Value::Text(t),
            )?;
        }
        ActionEdit::Kind(k) => {
            set(
                w,
                "kind",
                "kind",
                Some(before.kind.as_str().into()),
                Some(k.as_str().into()),
                Value::Text(k.as_str().into()),
            )?;
        }
        ActionEdit::CauseIds(ids) => {
            let ids = causes(w, before.problem_id, ids)?;
            let (old, new) = (cause_list_text(&before.cause_ids), cause_list_text(&ids));
            if old != new {
                set_causes(w, id, &ids)?;
                touch(w, id)?;
                w.record(
                    ENTITY,
                    &key,
                    ChangeOp::Update,
                    Some("causeIds"),
                    Some(&old),
                    Some(&new),
                )?;
            }
        }
        ActionEdit::Owner(t) => {
            let t = v::line("owner", t, OWNER_MAX, false)?;
            set(
                w,
                "owner",
                "owner",
                Some(before.owner.clone()),
                Some(t.clone()),
                Value::Text(t),
            )?;
        }
        ActionEdit::DueOn(d) => {
            let d = d
                .map(|d| due_day("dueOn", d, before.created_at))
                .transpose()?;
            set(
                w,
                "dueOn",
                "due_on",
                day_text(before.due_on),
                day_text(d),
                day_value(d),
            )?;
        }
        ActionEdit::Priority(p) => {
            if set(
                w,
                "priority",
                "priority",
                Some(before.priority.as_str().into()),
                Some(p.as_str().into()),
                Value::Text(p.as_str().into()),
            )? {
                w.tx().execute(
                    "UPDATE actions SET priority_rank = ?1 WHERE id = ?2",
                    params![p.rank() as i64, id],
                )?;
            }
        }
        ActionEdit::CheckMethod(t) => {
            let t = v::text("checkMethod", t, CHECK_TEXT_MAX, false)?;
            set(
                w,
                "checkMethod",
                "check_method",
                Some(before.check_method.clone()),
                Some(t.clone()),
                Value::Text(t),
            )?;
        }
        ActionEdit::CheckDueOn(d) => {
            let d = d
                .map(|d| due_day("checkDueOn", d, before.created_at))
                .transpose()?;
            set(
                w,
                "checkDueOn",
                "check_due_on",
                day_text(before.check_due_on),
                day_text(d),
                day_value(d),
            )?;
        }
        ActionEdit::Status(to) => {
            if matches!(
                to,
                ActionStatus::VerifiedEffective
                    | ActionStatus::NotEffective
                    | ActionStatus::Cancelled
            ) {
                // These need a check's result or a reason: see Check and Cancel.
                return Err(Error::invalid("status", Rule::Required, None));
            }
            move_status(w, &before, *to)?;
            if *to == ActionStatus::Done && before.status != ActionStatus::Done {
                mark_done(w, &before)?;
            }
        }
        ActionEdit::Check { result, notes } => {
            let notes = v::text("checkNotes", notes, CHECK_TEXT_MAX, true)?;
            let to = match result {
                CheckResult::Effective => ActionStatus::VerifiedEffective,
                CheckResult::NotEffective => ActionStatus::NotEffective,
            };
            let rechecked = before.status == to;
            if !rechecked
                && !matches!(
                    before.status,
                    ActionStatus::Done | ActionStatus::VerifiedEffective
                )
            {
                return Err(Error::invalid("status", Rule::Transition, None));
            }
            move_status(w, &before, to)?;
            let today = w.now().date_naive();
            set(
                w,
                "checkResult",
                "check_result",
                before.check_result.map(|r| r.as_str().to_owned()),
                Some(result.as_str().to_owned()),
                Value::Text(result.as_str().into()),
            )?;
            set(
                w,
                "checkNotes",
                "check_notes",
                Some(before.check_notes.clone()),
                Some(notes.clone()),
                Value::Text(notes),
            )?;
            set(
                w,
                "checkedOn",
                "checked_on",
                day_text(before.checked_on),
                Some(today.to_string()),
                Value::Text(today.to_string()),
            )?;
        }
        ActionEdit::Cancel { reason } => {
            let reason = v::text("cancelReason", reason, REASON_MAX, true)?;
            if !before.status.can_move_to(ActionStatus::Cancelled)
                || before.status == ActionStatus::Cancelled
            {
                return Err(Error::invalid("status", Rule::Transition, None));
            }
            move_status(w, &before, ActionStatus::Cancelled)?;
            set(
                w,
                "cancelReason",
                "cancel_reason",
                Some(before.cancel_reason.clone()),
                Some(reason.clone()),
                Value::Text(reason),
            )?;
        }
    }
    get(w.tx(), id)
}

fn live(w: &Writer<'_>, id: ActionId) -> Result<()> {
    let deleted: Option<String> =
        w.tx()
            .query_row("SELECT deleted_at FROM actions WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
    if deleted.is_some() {
        return Err(Error::NotFound {
            entity: ENTITY,
            id: id.to_string(),
        });
    }
    Ok(())
}

fn touch(w: &Writer<'_>, id: ActionId) -> Result<()> {
    w.tx().execute(
        "UPDATE actions SET updated_at = ?1 WHERE id = ?2",
        params![time::to_text(w.now()), id],
    )?;
    Ok(())
}

/// Moves the status (and the `active` mark) if the move is allowed.
fn move_status(w: &mut Writer<'_>, before: &Action, to: ActionStatus) -> Result<()> {
    if !before.status.can_move_to(to) {
        return Err(Error::invalid("status", Rule::Transition, None));
    }
    if write_field(
        w,
        ("actions", ENTITY, &before.id.to_string()),
        ("status", "status"),
        (Some(before.status.as_str()), Some(to.as_str())),
        Value::Text(to.as_str().into()),
    )? {
        w.tx().execute(
            "UPDATE actions SET active = ?1 WHERE id = ?2",
            params![to.is_active(), before.id],
        )?;
    }
    Ok(())
}

/// Done: the day is kept, the effectiveness check falls due 30 days later
/// unless a later day was chosen, and a fresh watch for recurrence starts.
fn mark_done(w: &mut Writer<'_>, before: &Action) -> Result<()> {
    let key = before.id.to_string();
    let today = w.now().date_naive();
    let check_due = match before.check_due_on {
        Some(d) if d >= today => d,
        _ => today + Duration::days(CHECK_AFTER_DAYS),
    };
    let fields: [(&str, &str, Option<String>, Option<String>); 6] = [
        (
            "doneOn",
            "done_on",
            day_text(before.done_on),
            Some(today.to_string()),
        ),
        (
            "checkDueOn",
            "check_due_on",
            day_text(before.check_due_on),
            Some(check_due.to_string()),
        ),
        (
            "recurredOn",
            "recurred_on",
            day_text(before.recurred_on),
            None,
        ),
        (
            "checkResult",
            "check_result",
            before.check_result.map(|r| r.as_str().to_owned()),
            None,
        ),
        (
            "checkNotes",
            "check_notes",
            Some(before.check_notes.clone()),
            Some(String::new()),
        ),
        ("checkedOn", "checked_on", day_text(before.checked_on), None),
    ];
    write_fields(w, &key, fields)
}

/// Writes several optional text columns of one action, with history.
fn write_fields<'f>(
    w: &mut Writer<'_>,
    key: &str,
    fields: impl IntoIterator<Item = (&'f str, &'f str, Option<String>, Option<String>)>,
) -> Result<()> {
    for (field, column, old, new) in fields {
        let value = new.clone().map_or(Value::Null, Value::Text);
        write_field(
            w,
            ("actions", ENTITY, key),
            (field, column),
            (old.as_deref(), new.as_deref()),
            value,
        )?;
    }
    Ok(())
}

/// Adds a comment to a live action.
pub fn add_comment(w: &mut Writer<'_>, id: ActionId, body: &str) -> Result<Comment> {
    live(w, id)?;
    let body = v::text("body", body, COMMENT_MAX, true)?;
    let comment = Comment {
        id: CommentId::new(),
        action_id: id,
        body,
        author: w.author().to_owned(),
        created_at: w.now(),
    };
    w.tx().execute(
        "INSERT INTO action_comments (id, action_id, body, author, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            comment.id,
            id,
            comment.body,
            comment.author,
            time::to_text(comment.created_at)
        ],
    )?;
    touch(w, id)?;
    w.record(
        ENTITY,
        &id.to_string(),
        ChangeOp::Update,
        Some("comment"),
        None,
        Some(&comment.body),
    )?;
    Ok(comment)
}

/// Moves an action to the trash.
pub fn delete(w: &mut Writer<'_>, id: ActionId) -> Result<()> {
    trash::mark_deleted(w, ENTITY, &id.to_string())
}

/// Brings an action back from the trash.
pub fn restore(w: &mut Writer<'_>, id: ActionId) -> Result<Action> {
    trash::mark_restored(w, ENTITY, &id.to_string())?;
    get(w.tx(), id)
}

/// The recurrence watch: a report of `problem` on `day` after one of its
/// corrective or preventive actions was done flags that action "recurred
/// after fix" and makes its effectiveness check due now. A fix already
/// verified effective goes back to done, its check to be made again.
pub(crate) fn note_recurrence(
    w: &mut Writer<'_>,
    problem: ProblemId,
    day: NaiveDate,
) -> Result<()> {
    let watched: Vec<ActionId> = {
        let mut stmt = w.tx().prepare_cached(
            "SELECT id FROM actions
             WHERE problem_id = ?1 AND deleted_at IS NULL AND kind <> ?2
               AND status IN ('done', 'verified_effective')
               AND done_on IS NOT NULL AND done_on <= ?3 AND recurred_on IS NULL",
        )?;
        let rows = stmt.query_map(
            params![problem, ActionKind::Containment, day.to_string()],
            |r| r.get(0),
        )?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let today = w.now().date_naive();
    for id in watched {
        let before = get(w.tx(), id)?;
        let key = id.to_string();
        let mut fields: Vec<(&str, &str, Option<String>, Option<String>)> =
            vec![("recurredOn", "recurred_on", None, Some(day.to_string()))];
        if before.check_due_on.is_none_or(|d| d > today) {
            fields.push((
                "checkDueOn",
                "check_due_on",
                day_text(before.check_due_on),
                Some(today.to_string()),
            ));
        }
        if before.status == ActionStatus::VerifiedEffective {
            move_status(w, &before, ActionStatus::Done)?;
            fields.extend([
                (
                    "checkResult",
                    "check_result",
                    before.check_result.map(|r| r.as_str().to_owned()),
                    None,
                ),
                ("checkedOn", "checked_on", day_text(before.checked_on), None),
            ]);
        }
        write_fields(w, &key, fields)?;
    }
    Ok(())
}

/// How many unfinished (active) live actions a problem has.
pub fn open_count(conn: &rusqlite::Connection, problem: ProblemId) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM actions WHERE problem_id = ?1 AND deleted_at IS NULL AND active = 1",
        [problem],
        |r| r.get(0),
    )?)
}

/// Moves every action of problem `from` to problem `to` (a merge), with a
/// history entry on each.
pub(crate) fn move_to_problem(w: &mut Writer<'_>, from: ProblemId, to: ProblemId) -> Result<()> {
    v::move_to_problem(w, "actions", ENTITY, from, to)
}
