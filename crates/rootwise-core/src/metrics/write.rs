//! Writing survey answers and period figures: add, replace the fields,
//! delete (to the trash) and restore. Every write records history.

use rusqlite::params;
use rusqlite::types::Value;

use super::model::{PeriodFigures, PeriodInput, ResponseInput, SurveyKind, SurveyResponse};
use super::read::{get_period, get_response};
use super::{PERIOD, RESPONSE};
use crate::change::ChangeOp;
use crate::error::{Checks, Error, Result, Rule};
use crate::ids::{PeriodId, ProblemId, ResponseId, TouchpointId};
use crate::store::Writer;
use crate::write::{self as v, write_field};
use crate::{entity, time, trash};

/// Longest comment on an answer.
pub const COMMENT_MAX: usize = 2_000;
/// Longest customer name.
pub const CUSTOMER_MAX: usize = v::SHORT_TEXT_MAX;
/// Longest ticket reference.
pub const TICKET_MAX: usize = v::REFERENCE_MAX;
/// NPS answers: 0..=10.
pub const NPS_SCALE: (u8, u8) = (0, 10);
/// CSAT answers: 1..=5.
pub const CSAT_SCALE: (u8, u8) = (1, 5);
/// The CES scales: 5 or 7 points, from 1.
pub const CES_SCALES: [u8; 2] = [5, 7];

/// The lowest and highest score of a kind of question (for CES, on its
/// scale); `None` for a CES answer without a known scale.
pub fn scale_of(kind: SurveyKind, ces_scale: Option<u8>) -> Option<(u8, u8)> {
    match kind {
        SurveyKind::Nps => Some(NPS_SCALE),
        SurveyKind::Csat => Some(CSAT_SCALE),
        SurveyKind::Ces => ces_scale.filter(|s| CES_SCALES.contains(s)).map(|s| (1, s)),
    }
}

/// An answer's texts, checked and trimmed.
pub(crate) struct CheckedResponse {
    pub(crate) comment: String,
    pub(crate) ticket_ref: String,
    pub(crate) customer: String,
}

/// Checks an answer as the core stores it, every broken rule at once
/// (fields named as in [`ResponseInput`]); the problem is checked apart.
pub(crate) fn check_response(input: &ResponseInput) -> Result<CheckedResponse> {
    let mut c = Checks::new();
    let is_ces = input.kind == SurveyKind::Ces;
    match (is_ces, input.ces_scale) {
        (true, None) => c.fail("cesScale", Rule::Required, None),
        (true, Some(s)) if !CES_SCALES.contains(&s) => c.fail("cesScale", Rule::Invalid, None),
        (false, Some(_)) => c.fail("cesScale", Rule::Invalid, None),
        _ => {}
    }
    match (is_ces, input.ces_easy) {
        (true, None) => c.fail("cesEasy", Rule::Required, None),
        (false, Some(_)) => c.fail("cesEasy", Rule::Invalid, None),
        _ => {}
    }
    if let Some((low, high)) = scale_of(input.kind, input.ces_scale) {
        if input.score < low || input.score > high {
            c.fail("score", Rule::OutOfScale, Some(u32::from(high)));
        }
    }
    c.note(&v::past_date("respondedOn", input.responded_on));
    let text = |field: &str, value: &Option<String>, max: usize, one_line: bool| {
        let value = value.as_deref().unwrap_or_default();
        if one_line {
            v::line(field, value, max, false)
        } else {
            v::text(field, value, max, false)
        }
    };
    let comment = text("comment", &input.comment, COMMENT_MAX, false);
    let ticket_ref = text("ticketRef", &input.ticket_ref, TICKET_MAX, true);
    let customer = text("customer", &input.customer, CUSTOMER_MAX, true);
    c.note(&comment);
    c.note(&ticket_ref);
    c.note(&customer);
    c.finish()?;
    Ok(CheckedResponse {
        comment: comment?,
        ticket_ref: ticket_ref?,
        customer: customer?,
    })
}

fn require_problem(w: &Writer<'_>, problem: Option<ProblemId>) -> Result<()> {
    match problem {
        Some(p) => v::require_live(w.tx(), "problems", entity::PROBLEM, &p.to_string()),
        None => Ok(()),
    }
}

fn require_touchpoint(w: &Writer<'_>, touchpoint: Option<TouchpointId>) -> Result<()> {
    match touchpoint {
        Some(t) => v::require_live(
            w.tx(),
            "journey_touchpoints",
            entity::TOUCHPOINT,
            &t.to_string(),
        ),
        None => Ok(()),
    }
}

/// Stores a checked answer (one prepared statement, reused by imports).
pub(crate) fn insert_response(
    w: &Writer<'_>,
    id: ResponseId,
    input: &ResponseInput,
    checked: &CheckedResponse,
    import_id: Option<&str>,
) -> Result<()> {
    let now = time::to_text(w.now());
    w.tx()
        .prepare_cached(
            "INSERT INTO survey_responses (id, kind, score, ces_scale, ces_easy, responded_on,
                channel, comment, ticket_ref, customer, problem_id, import_id, created_at, updated_at,
                touchpoint_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)",
        )?
        .execute(params![
            id,
            input.kind,
            input.score,
            input.ces_scale,
            input.ces_easy,
            input.responded_on.to_string(),
            input.channel,
            checked.comment,
            checked.ticket_ref,
            checked.customer,
            input.problem_id,
            import_id,
            now,
            input.touchpoint_id
        ])?;
    Ok(())
}

/// The fields history lists for an answer, as text: (field, column, value).
fn response_fields(r: &SurveyResponse) -> [(&'static str, &'static str, Option<String>); 8] {
    let text = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    [
        ("score", "score", Some(r.score.to_string())),
        (
            "respondedOn",
            "responded_on",
            Some(r.responded_on.to_string()),
        ),
        (
            "channel",
            "channel",
            r.channel.map(|c| c.as_str().to_owned()),
        ),
        ("comment", "comment", text(&r.comment)),
        ("ticketRef", "ticket_ref", text(&r.ticket_ref)),
        ("customer", "customer", text(&r.customer)),
        ("problem", "problem_id", r.problem_id.map(|p| p.to_string())),
        (
            "touchpoint",
            "touchpoint_id",
            r.touchpoint_id.map(|t| t.to_string()),
        ),
    ]
}

/// Adds one answer.
pub fn add_response(w: &mut Writer<'_>, input: &ResponseInput) -> Result<SurveyResponse> {
    let checked = check_response(input)?;
    require_problem(w, input.problem_id)?;
    require_touchpoint(w, input.touchpoint_id)?;
    let id = ResponseId::new();
    insert_response(w, id, input, &checked, None)?;
    let added = get_response(w.tx(), id)?;
    let key = id.to_string();
    let kind = match (added.ces_scale, added.ces_easy) {
        (Some(scale), Some(easy)) => format!("ces {scale} {}", easy.as_str()),
        _ => added.kind.as_str().to_owned(),
    };
    w.record(
        RESPONSE,
        &key,
        ChangeOp::Create,
        Some("kind"),
        None,
        Some(&kind),
    )?;
    for (field, _, value) in response_fields(&added) {
        if let Some(value) = value {
            w.record(
                RESPONSE,
                &key,
                ChangeOp::Create,
                Some(field),
                None,
                Some(&value),
            )?;
        }
    }
    Ok(added)
}

fn live_response(w: &Writer<'_>, id: ResponseId) -> Result<SurveyResponse> {
    v::require_live(w.tx(), "survey_responses", RESPONSE, &id.to_string())?;
    get_response(w.tx(), id)
}

/// Replaces a live answer's fields. Its kind, CES scale and easy end stay
/// as added: a different one is refused (`kind` invalid).
pub fn edit_response(
    w: &mut Writer<'_>,
    id: ResponseId,
    input: &ResponseInput,
) -> Result<SurveyResponse> {
    let before = live_response(w, id)?;
    if (input.kind, input.ces_scale, input.ces_easy)
        != (before.kind, before.ces_scale, before.ces_easy)
    {
        return Err(Error::invalid("kind", Rule::Invalid, None));
    }
    let checked = check_response(input)?;
    if input.problem_id != before.problem_id {
        require_problem(w, input.problem_id)?;
    }
    if input.touchpoint_id != before.touchpoint_id {
        require_touchpoint(w, input.touchpoint_id)?;
    }
    let after = SurveyResponse {
        score: input.score,
        responded_on: input.responded_on,
        channel: input.channel,
        comment: checked.comment,
        ticket_ref: checked.ticket_ref,
        customer: checked.customer,
        problem_id: input.problem_id,
        touchpoint_id: input.touchpoint_id,
        ..before.clone()
    };
    let changes = response_fields(&before)
        .into_iter()
        .zip(response_fields(&after))
        .map(|((field, column, old), (_, _, new))| {
            let value = match (field, &new) {
                ("score", _) => Value::Integer(i64::from(after.score)),
                ("comment" | "ticketRef" | "customer", None) => Value::Text(String::new()),
                (_, Some(text)) => Value::Text(text.clone()),
                (_, None) => Value::Null,
            };
            (field, column, old, new, value)
        });
    write_fields(w, ("survey_responses", RESPONSE, &id.to_string()), changes)?;
    get_response(w.tx(), id)
}

/// A changed field: (field, column, old text, new text, stored value).
type FieldChange = (
    &'static str,
    &'static str,
    Option<String>,
    Option<String>,
    Value,
);

/// Writes each changed field of a row with its history entry.
fn write_fields(
    w: &mut Writer<'_>,
    row: (&str, &'static str, &str),
    changes: impl Iterator<Item = FieldChange>,
) -> Result<()> {
    for (field, column, old, new, value) in changes {
        write_field(
            w,
            row,
            (field, column),
            (old.as_deref(), new.as_deref()),
            value,
        )?;
    }
    Ok(())
}

/// Moves an answer to the trash.
pub fn delete_response(w: &mut Writer<'_>, id: ResponseId) -> Result<()> {
    trash::mark_deleted(w, RESPONSE, &id.to_string())
}

/// Brings an answer back from the trash.
pub fn restore_response(w: &mut Writer<'_>, id: ResponseId) -> Result<SurveyResponse> {
    trash::mark_restored(w, RESPONSE, &id.to_string())?;
    get_response(w.tx(), id)
}

/// Checks period figures, every broken rule at once.
fn check_period(input: &PeriodInput) -> Result<()> {
    let mut c = Checks::new();
    c.note(&v::past_date("periodStart", input.period_start));
    c.note(&v::past_date("periodEnd", input.period_end));
    if input.period_end < input.period_start {
        c.fail("periodEnd", Rule::BeforeStart, None);
    }
    let most = u64::from(input.customers_start) + u64::from(input.customers_new);
    if u64::from(input.customers_end) > most {
        c.fail(
            "customersEnd",
            Rule::OverStartPlusNew,
            Some(u32::try_from(most).unwrap_or(u32::MAX)),
        );
    }
    if input
        .revenue_per_customer
        .is_some_and(|r| !r.is_finite() || r < 0.0)
    {
        c.fail("revenuePerCustomer", Rule::OutOfRange, None);
    }
    if input
        .margin
        .is_some_and(|m| !m.is_finite() || !(0.0..=1.0).contains(&m))
    {
        c.fail("margin", Rule::OutOfRange, Some(1));
    }
    c.finish()
}

/// The fields history lists for a period, as text: (field, column, value).
fn period_fields(p: &PeriodInput) -> [(&'static str, &'static str, Option<String>, Value); 7] {
    let day = |field, column, d: chrono::NaiveDate| {
        (
            field,
            column,
            Some(d.to_string()),
            Value::Text(d.to_string()),
        )
    };
    let count = |field, column, n: u32| {
        (
            field,
            column,
            Some(n.to_string()),
            Value::Integer(i64::from(n)),
        )
    };
    let real = |field, column, x: Option<f64>| {
        (
            field,
            column,
            x.map(|x| x.to_string()),
            x.map_or(Value::Null, Value::Real),
        )
    };
    [
        day("periodStart", "period_start", p.period_start),
        day("periodEnd", "period_end", p.period_end),
        count("customersStart", "customers_start", p.customers_start),
        count("customersEnd", "customers_end", p.customers_end),
        count("customersNew", "customers_new", p.customers_new),
        real(
            "revenuePerCustomer",
            "revenue_per_customer",
            p.revenue_per_customer,
        ),
        real("margin", "margin", p.margin),
    ]
}

/// Adds the figures of one period.
pub fn add_period(w: &mut Writer<'_>, input: &PeriodInput) -> Result<PeriodFigures> {
    check_period(input)?;
    let id = PeriodId::new();
    w.tx().execute(
        "INSERT INTO period_figures (id, period_start, period_end, customers_start, customers_end,
            customers_new, revenue_per_customer, margin, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            input.period_start.to_string(),
            input.period_end.to_string(),
            input.customers_start,
            input.customers_end,
            input.customers_new,
            input.revenue_per_customer,
            input.margin,
            time::to_text(w.now())
        ],
    )?;
    let key = id.to_string();
    for (field, _, value, _) in period_fields(input) {
        if let Some(value) = value {
            w.record(
                PERIOD,
                &key,
                ChangeOp::Create,
                Some(field),
                None,
                Some(&value),
            )?;
        }
    }
    get_period(w.tx(), id)
}

fn input_of(p: &PeriodFigures) -> PeriodInput {
    PeriodInput {
        period_start: p.period_start,
        period_end: p.period_end,
        customers_start: p.customers_start,
        customers_end: p.customers_end,
        customers_new: p.customers_new,
        revenue_per_customer: p.revenue_per_customer,
        margin: p.margin,
    }
}

/// Replaces a live period's figures.
pub fn edit_period(w: &mut Writer<'_>, id: PeriodId, input: &PeriodInput) -> Result<PeriodFigures> {
    v::require_live(w.tx(), "period_figures", PERIOD, &id.to_string())?;
    let before = input_of(&get_period(w.tx(), id)?);
    check_period(input)?;
    let changes = period_fields(&before)
        .into_iter()
        .zip(period_fields(input))
        .map(|((field, column, old, _), (_, _, new, value))| (field, column, old, new, value));
    write_fields(w, ("period_figures", PERIOD, &id.to_string()), changes)?;
    get_period(w.tx(), id)
}

/// Moves a period's figures to the trash.
pub fn delete_period(w: &mut Writer<'_>, id: PeriodId) -> Result<()> {
    trash::mark_deleted(w, PERIOD, &id.to_string())
}

/// Brings a period's figures back from the trash.
pub fn restore_period(w: &mut Writer<'_>, id: PeriodId) -> Result<PeriodFigures> {
    trash::mark_restored(w, PERIOD, &id.to_string())?;
    get_period(w.tx(), id)
}
