//! The rules the UI must apply the same way the core does, generated into
//! `ui/src/bindings/rules.ts` next to the types: every user-facing limit
//! ([`LIMITS`](limits)), every enumeration's values in order (`ENUMS`) and
//! the status moves of problems and actions (`MOVES`). Everything is read
//! from the Rust constants and functions, never retyped; `tests/bindings.rs`
//! fails when the committed file is stale.

use crate::action::{self, ActionStatus};
use crate::vocab::Status;
use crate::{
    analysis, change, empathy, journey, metrics, persona, problem, store, workflow, write,
};

/// The generated file's name in the bindings folder.
pub const FILE: &str = "rules.ts";

/// A value of the generated constants: a number, a text, a list or an
/// object whose keys keep their order.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A whole number.
    Number(i64),
    /// A text.
    Text(String),
    /// A list.
    List(Vec<Value>),
    /// An object, keys in order.
    Object(Vec<(String, Value)>),
}

fn n(v: impl TryInto<i64>) -> Value {
    Value::Number(v.try_into().unwrap_or(i64::MAX))
}

fn obj(entries: Vec<(&str, Value)>) -> Value {
    Value::Object(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

fn range((low, high): (u8, u8)) -> Value {
    obj(vec![("min", n(low)), ("max", n(high))])
}

fn texts<'a>(values: impl IntoIterator<Item = &'a str>) -> Value {
    Value::List(
        values
            .into_iter()
            .map(|s| Value::Text(s.to_owned()))
            .collect(),
    )
}

/// Every user-facing limit, grouped per area: text maxima per field (in
/// characters), list counts, number ranges, page sizes and periods.
pub fn limits() -> Value {
    use problem::validate as pv;
    let short = write::SHORT_TEXT_MAX;
    let mut persona_fields: Vec<(&str, Value)> = persona::write::TEXT_FIELDS
        .iter()
        .map(|(field, _, max)| (*field, n(*max)))
        .collect();
    persona_fields.extend([
        ("quote", n(persona::write::QUOTE_MAX)),
        ("quoteReference", n(persona::write::REFERENCE_MAX)),
        ("pictureBytes", n(persona::picture::PICTURE_MAX_BYTES)),
        ("pictureSide", n(persona::picture::PICTURE_MAX_SIDE)),
    ]);
    obj(vec![
        (
            "shared",
            obj(vec![
                ("shortText", n(short)),
                ("reference", n(write::REFERENCE_MAX)),
                ("reason", n(write::REASON_MAX)),
                ("participants", n(write::PARTICIPANTS_MAX)),
                ("earliestYear", n(write::EARLIEST_YEAR)),
                ("author", n(store::AUTHOR_MAX)),
            ]),
        ),
        (
            "problem",
            obj(vec![
                ("title", n(pv::TITLE_MAX)),
                ("description", n(pv::DESCRIPTION_MAX)),
                ("customer", n(short)),
                ("segment", n(short)),
                ("journeyStage", n(short)),
                ("owner", n(short)),
                ("tag", n(pv::TAG_MAX)),
                ("tags", n(pv::TAGS_MAX)),
                ("reference", n(pv::REFERENCE_MAX)),
                ("references", n(pv::REFERENCES_MAX)),
                ("customersAffected", n(pv::CUSTOMERS_MAX)),
                ("csat", range(pv::CSAT_RANGE)),
                ("nps", range(pv::NPS_RANGE)),
                ("ces", range(pv::CES_RANGE)),
                ("earliestYear", n(pv::EARLIEST_YEAR)),
                ("closeReason", n(write::REASON_MAX)),
                ("occurrenceTicketRef", n(pv::REFERENCE_MAX)),
                ("occurrenceNote", n(pv::NOTE_MAX)),
                ("pageSize", n(problem::ProblemQuery::default().limit)),
                ("pageMax", n(problem::read::PAGE_MAX)),
                ("sparklineWeeks", n(problem::read::SPARKLINE_WEEKS)),
            ]),
        ),
        (
            "analysis",
            obj(vec![
                ("title", n(analysis::write::TITLE_MAX)),
                ("facilitator", n(short)),
                ("participant", n(short)),
                ("participants", n(analysis::write::PARTICIPANTS_MAX)),
                ("summary", n(analysis::write::SUMMARY_MAX)),
                ("whyText", n(analysis::write::WHY_TEXT_MAX)),
                ("actionIntent", n(analysis::write::ACTION_INTENT_MAX)),
                ("evidenceNote", n(analysis::write::EVIDENCE_NOTE_MAX)),
                (
                    "evidenceReference",
                    n(analysis::write::EVIDENCE_REFERENCE_MAX),
                ),
                ("earliestYear", n(write::EARLIEST_YEAR)),
            ]),
        ),
        (
            "action",
            obj(vec![
                ("title", n(action::write::TITLE_MAX)),
                ("description", n(action::write::DESCRIPTION_MAX)),
                ("owner", n(action::write::OWNER_MAX)),
                ("checkMethod", n(action::write::CHECK_TEXT_MAX)),
                ("checkNotes", n(action::write::CHECK_TEXT_MAX)),
                ("cancelReason", n(action::write::REASON_MAX)),
                ("comment", n(action::write::COMMENT_MAX)),
                ("causes", n(action::write::CAUSES_MAX)),
                ("checkAfterDays", n(action::write::CHECK_AFTER_DAYS)),
                ("latestYear", n(action::write::LATEST_YEAR)),
                ("pageSize", n(action::ActionQuery::default().limit)),
                ("pageMax", n(action::table::PAGE_MAX)),
                ("problemsListed", n(action::table::PROBLEMS_LISTED)),
                ("overviewWeeks", n(action::overview::OVERVIEW_WEEKS)),
                ("checksListed", n(action::overview::CHECKS_LISTED)),
                ("importRows", n(action::import::IMPORT_ROWS_MAX)),
                ("importIssuesListed", n(action::import::ISSUES_LISTED)),
                ("effectWeeks", n(workflow::EFFECT_WEEKS)),
                ("effectSpanMax", n(workflow::EFFECT_SPAN_MAX)),
            ]),
        ),
        ("persona", obj(persona_fields)),
        (
            "empathy",
            obj(vec![
                ("title", n(empathy::write::TITLE_MAX)),
                ("participant", n(short)),
                ("participants", n(write::PARTICIPANTS_MAX)),
                ("note", n(empathy::write::NOTE_MAX)),
                ("author", n(short)),
                ("label", n(empathy::write::LABEL_MAX)),
                ("voter", n(short)),
                ("votes", n(empathy::write::VOTES_MAX)),
                ("causes", n(empathy::write::CAUSES_MAX)),
                ("earliestYear", n(write::EARLIEST_YEAR)),
            ]),
        ),
        (
            "metrics",
            obj(vec![
                ("nps", range(metrics::write::NPS_SCALE)),
                ("csat", range(metrics::write::CSAT_SCALE)),
                (
                    "cesScales",
                    Value::List(metrics::write::CES_SCALES.iter().map(|s| n(*s)).collect()),
                ),
                ("comment", n(metrics::write::COMMENT_MAX)),
                ("ticketRef", n(metrics::write::TICKET_MAX)),
                ("customer", n(metrics::write::CUSTOMER_MAX)),
                ("thinBelow", n(metrics::THIN_BELOW)),
                ("hurtsListed", n(metrics::dashboard::HURTS_LISTED)),
                ("fixWeeks", n(metrics::dashboard::FIX_WEEKS)),
                ("fixWeeksMax", n(metrics::dashboard::FIX_WEEKS_MAX)),
                ("rangeDaysMax", n(metrics::dashboard::RANGE_DAYS_MAX)),
                ("importRows", n(metrics::import::IMPORT_ROWS_MAX)),
                ("importIssuesListed", n(crate::csv_rows::ISSUES_LISTED)),
                ("previewRows", n(metrics::import::PREVIEW_ROWS)),
                ("earliestYear", n(write::EARLIEST_YEAR)),
            ]),
        ),
        (
            "journey",
            obj(vec![
                ("name", n(journey::write::NAME_MAX)),
                ("ownerTeam", n(journey::write::OWNER_TEAM_MAX)),
                ("card", n(journey::write::CARD_MAX)),
                (
                    "emotion",
                    obj(vec![
                        ("min", n(journey::write::EMOTION_RANGE.0)),
                        ("max", n(journey::write::EMOTION_RANGE.1)),
                    ]),
                ),
                ("reviewMonths", n(journey::write::REVIEW_MONTHS_DEFAULT)),
                ("reviewMonthsMax", n(journey::write::REVIEW_MONTHS_MAX)),
                ("personas", n(journey::write::PERSONAS_MAX)),
            ]),
        ),
        (
            "helpdesk",
            obj(vec![
                ("mappingName", n(crate::helpdesk::maps::MAPPING_NAME_MAX)),
                ("previewRows", n(crate::helpdesk::import::PREVIEW_ROWS)),
                ("importRows", n(crate::helpdesk::import::IMPORT_ROWS_MAX)),
                ("issuesListed", n(crate::csv_rows::ISSUES_LISTED)),
                ("groupsListed", n(crate::helpdesk::import::GROUPS_LISTED)),
                (
                    "groupTicketsListed",
                    n(crate::helpdesk::import::GROUP_TICKETS_LISTED),
                ),
            ]),
        ),
        (
            "copies",
            obj(vec![("name", n(crate::sync::copy::NAME_MAX))]),
        ),
    ])
}

macro_rules! enum_values {
    ($($key:literal => $ty:ty),+ $(,)?) => {
        obj(vec![$(($key, texts(<$ty>::ALL.iter().map(|v| v.as_str())))),+])
    };
}

/// Every enumeration's stored values, in declaration order (the order
/// they sort in).
pub fn enums() -> Value {
    enum_values! {
        "problemStatus" => Status,
        "severity" => crate::vocab::Severity,
        "channel" => crate::vocab::Channel,
        "problemSort" => problem::ProblemSort,
        "suggestField" => problem::SuggestField,
        "analysisStatus" => analysis::AnalysisStatus,
        "whyStatus" => analysis::WhyStatus,
        "causeCategory" => analysis::CauseCategory,
        "checkKind" => analysis::CheckKind,
        "actionKind" => action::ActionKind,
        "priority" => action::Priority,
        "actionStatus" => ActionStatus,
        "checkResult" => action::CheckResult,
        "dueFilter" => action::DueFilter,
        "actionSort" => action::ActionSort,
        "quoteSource" => persona::QuoteSource,
        "area" => empathy::Area,
        "noteColour" => empathy::NoteColour,
        "phase" => empathy::Phase,
        "changeOp" => change::ChangeOp,
        "weekStart" => crate::settings::WeekStart,
        "numerals" => crate::settings::Numerals,
        "reviewKind" => crate::sync::review::ReviewKind,
        "surveyKind" => metrics::SurveyKind,
        "cesEasy" => metrics::CesEasy,
        "measure" => metrics::Measure,
        "granularity" => metrics::Granularity,
        "verdict" => metrics::Verdict,
        "journeyState" => journey::JourneyState,
        "lane" => journey::Lane,
        "painSort" => journey::PainSort,
        "helpdeskFormat" => crate::helpdesk::HelpdeskFormat,
        "textEncoding" => crate::helpdesk::TextEncoding,
        "becomes" => crate::helpdesk::Becomes,
        "groupReason" => crate::helpdesk::GroupReason,
    }
}

fn moves<T: Copy + PartialEq>(
    all: &[T],
    name: impl Fn(T) -> &'static str,
    can: impl Fn(T, T) -> bool,
) -> Value {
    Value::Object(
        all.iter()
            .map(|from| {
                let to = all
                    .iter()
                    .filter(|to| *to != from && can(*from, **to))
                    .map(|to| name(*to));
                (name(*from).to_owned(), texts(to))
            })
            .collect(),
    )
}

/// For each status of a problem and of an action, the statuses it may
/// move to (itself left out), from `can_move_to`.
pub fn status_moves() -> Value {
    obj(vec![
        (
            "problem",
            moves(Status::ALL, Status::as_str, Status::can_move_to),
        ),
        (
            "action",
            moves(
                ActionStatus::ALL,
                ActionStatus::as_str,
                ActionStatus::can_move_to,
            ),
        ),
    ])
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

fn render(value: &Value, indent: usize, out: &mut String) {
    let pad = "  ".repeat(indent + 1);
    let close = "  ".repeat(indent);
    match value {
        Value::Number(v) => out.push_str(&v.to_string()),
        Value::Text(t) => out.push_str(&quoted(t)),
        Value::List(items) => {
            let inline: Vec<String> = items
                .iter()
                .map(|item| {
                    let mut s = String::new();
                    render(item, indent + 1, &mut s);
                    s
                })
                .collect();
            out.push('[');
            out.push_str(&inline.join(", "));
            out.push(']');
        }
        Value::Object(entries) => {
            out.push_str("{\n");
            for (key, item) in entries {
                out.push_str(&pad);
                if is_identifier(key) {
                    out.push_str(key);
                } else {
                    out.push_str(&quoted(key));
                }
                out.push_str(": ");
                render(item, indent + 1, out);
                out.push_str(",\n");
            }
            out.push_str(&close);
            out.push('}');
        }
    }
}

/// Every field history can record, per entity ([`crate::history::FIELDS`]):
/// the UI has a translated label for each.
pub fn history_fields() -> Value {
    Value::Object(
        crate::history::FIELDS
            .iter()
            .map(|(entity, fields)| ((*entity).to_owned(), texts(fields.iter().copied())))
            .collect(),
    )
}

/// The text of `rules.ts`.
pub fn typescript() -> String {
    let mut out = String::from(
        "// This file was generated from the Rust core (crates/rootwise-core/src/rules.rs).\n\
         // Do not edit this file manually: `make bindings` rewrites it.\n\n",
    );
    for (name, doc, value) in [
        (
            "LIMITS",
            "Every user-facing limit per area: text maxima in characters, counts, ranges, page sizes, periods.",
            limits(),
        ),
        (
            "ENUMS",
            "Every enumeration's values, in the order they sort in.",
            enums(),
        ),
        (
            "MOVES",
            "For each status of a problem or an action, the statuses it may move to.",
            status_moves(),
        ),
        (
            "HISTORY_FIELDS",
            "Every field a history entry can name, per entity; each has a translated label.",
            history_fields(),
        ),
    ] {
        out.push_str(&format!("/** {doc} */\nexport const {name} = "));
        render(&value, 0, &mut out);
        out.push_str(" as const;\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_follow_can_move_to() {
        let text = typescript();
        assert!(text.contains("    closed: [\"investigating\"],"));
        assert!(text.contains("    cancelled: [\"open\"],"));
        assert!(text.contains("    title: 300,"));
        assert!(text.starts_with("// This file was generated"));
    }

    #[test]
    fn keys_that_are_not_identifiers_are_quoted() {
        let mut out = String::new();
        render(&obj(vec![("a-b", n(1)), ("ok", texts(["x"]))]), 0, &mut out);
        assert_eq!(out, "{\n  \"a-b\": 1,\n  ok: [\"x\"],\n}");
    }
}
