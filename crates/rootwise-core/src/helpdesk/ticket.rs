//! The common ticket record every parser produces, the formats, and how a
//! cell becomes a time, a duration, a satisfaction score or tags.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::csv_rows::{ImportIssue, Records};

crate::text_enum! {
    /// The layout of an exported file.
    pub enum HelpdeskFormat {
        /// Zendesk's CSV export of tickets (times in the account's zone).
        ZendeskCsv = "zendesk_csv",
        /// Zendesk's JSON export: one `{"ticket": {...}}` per line, UTC.
        ZendeskJson = "zendesk_json",
        /// Freshdesk's CSV export of tickets.
        FreshdeskCsv = "freshdesk_csv",
        /// Any other CSV, read through a column mapping.
        Csv = "csv",
    }
}

impl HelpdeskFormat {
    /// The name used on the command line (`zendesk-csv`, ...).
    pub fn cli_name(self) -> &'static str {
        match self {
            HelpdeskFormat::ZendeskCsv => "zendesk-csv",
            HelpdeskFormat::ZendeskJson => "zendesk-json",
            HelpdeskFormat::FreshdeskCsv => "freshdesk-csv",
            HelpdeskFormat::Csv => "csv",
        }
    }

    /// The format for a command-line name or a stored code.
    pub fn from_name(name: &str) -> Option<Self> {
        let code = name.trim().to_lowercase().replace('-', "_");
        Self::parse(&code)
    }

    /// Whether this is a CSV layout (read through a column mapping).
    pub fn is_csv(self) -> bool {
        self != HelpdeskFormat::ZendeskJson
    }
}

/// A customer's satisfaction with a ticket, on the CSAT scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Satisfaction {
    /// 1 to 5 (good is 5, bad is 1; see [`satisfaction`]).
    pub score: u8,
}

/// One help-desk ticket, whatever the file's layout. Texts are exactly as
/// in the file; codes (status, priority, channel, type) are the help
/// desk's own words, mapped later.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Ticket {
    /// The help desk's ticket id.
    pub reference: String,
    /// The subject.
    pub subject: String,
    /// The first message or description.
    pub description: String,
    /// The help desk's status ("Solved", "open", ...).
    pub status: String,
    /// The help desk's priority.
    pub priority: String,
    /// The channel or source ("web", "Email", ...).
    pub channel: String,
    /// The ticket type (problem, incident, question, task, ...).
    pub ticket_type: String,
    /// When it was created (UTC).
    pub created_at: Option<DateTime<Utc>>,
    /// When it was solved or resolved (UTC).
    pub solved_at: Option<DateTime<Utc>>,
    /// Tags.
    pub tags: Vec<String>,
    /// The customer's rating, if they gave one.
    pub satisfaction: Option<Satisfaction>,
    /// The requester (name, email or id).
    pub requester: String,
    /// The organization or company.
    pub organization: String,
    /// The problem ticket this one is an incident of (Zendesk).
    pub problem_ref: Option<String>,
    /// Custom fields: name (type suffix dropped) and value.
    pub custom_fields: Vec<(String, String)>,
}

/// One row of a file, parsed: the ticket and whatever rule it broke (a
/// row with issues is a bad row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketRow {
    /// The row (CSV: as a spreadsheet numbers it; JSON: the line).
    pub row: u32,
    /// The ticket, as far as it could be read.
    pub ticket: Ticket,
    /// The broken rules, by column.
    pub issues: Vec<ImportIssue>,
}

/// A header as matched: trimmed and lower case.
pub fn header_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The format of a file from its text: JSON lines when the first thing
/// in it is `{`; else the CSV header's columns decide (Freshdesk's `Ticket
/// ID`, Zendesk's `Id` with `Subject` and `Via` or `Requester`, or a
/// `Summation column`); any other CSV needs a mapping.
pub fn detect_format(text: &str) -> HelpdeskFormat {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('{') {
        return HelpdeskFormat::ZendeskJson;
    }
    let Some(header) = Records::new(text).next() else {
        return HelpdeskFormat::Csv;
    };
    let keys: Vec<String> = header.fields.iter().map(|h| header_key(h)).collect();
    let has = |k: &str| keys.iter().any(|h| h == k);
    if has("ticket id") && (has("created time") || has("source")) {
        HelpdeskFormat::FreshdeskCsv
    } else if has("summation column")
        || (has("id") && has("subject") && (has("via") || has("requester") || has("created at")))
    {
        HelpdeskFormat::ZendeskCsv
    } else {
        HelpdeskFormat::Csv
    }
}

/// A time zone by its IANA name ("Asia/Riyadh").
pub fn time_zone(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

/// A cell as a time: RFC 3339 or ISO 8601 with an offset is taken as
/// written; a local time (`2026-03-01 14:05`, with `T` or a space, seconds
/// optional, or `2026/03/01 ...`) is in the account's zone `tz`; a bare
/// day is its midnight there. `None` when it doesn't parse.
pub fn parse_time(value: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(t.with_timezone(&Utc));
    }
    for f in [
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%dT%H:%M:%S%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(v, f) {
            return Some(t.with_timezone(&Utc));
        }
    }
    let v = v.strip_suffix(" UTC").map_or(v, str::trim);
    let local_formats = [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
        "%d %b %Y %H:%M:%S",
        "%d %b %Y %H:%M",
        "%b %d, %Y %H:%M",
        "%a, %d %b %Y at %I:%M %p",
    ];
    let naive = local_formats
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(v, f).ok())
        .or_else(|| {
            ["%Y-%m-%d", "%Y/%m/%d"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(v, f).ok())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })?;
    local_to_utc(naive, tz)
}

/// A wall-clock time in `tz` as UTC: the earlier of two readings in the
/// hour a clock goes back, the first valid minute after a gap.
pub fn local_to_utc(naive: NaiveDateTime, tz: Tz) -> Option<DateTime<Utc>> {
    (0..=2)
        .find_map(|h| {
            tz.from_local_datetime(&(naive + Duration::hours(h)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
}

/// A duration cell: `hh:mm:ss` (or `hh:mm`), else a decimal number of
/// `unit` (hours for Freshdesk, minutes for Zendesk). `None` when empty or
/// not a duration.
pub fn parse_duration(value: &str, unit_minutes: f64) -> Option<Duration> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if v.contains(':') {
        let parts: Vec<&str> = v.split(':').collect();
        let nums: Option<Vec<i64>> = parts.iter().map(|p| p.trim().parse::<i64>().ok()).collect();
        let nums = nums?;
        if nums.iter().any(|n| *n < 0) {
            return None;
        }
        return match nums.as_slice() {
            [h, m] if *m < 60 => Some(Duration::minutes(h.checked_mul(60)?.checked_add(*m)?)),
            [h, m, s] if *m < 60 && *s < 60 => Some(Duration::seconds(
                h.checked_mul(3600)?.checked_add(m * 60 + s)?,
            )),
            _ => None,
        };
    }
    let n: f64 = v.replace(',', ".").parse().ok()?;
    if !n.is_finite() || !(0.0..=1e7).contains(&n) {
        return None;
    }
    Some(Duration::seconds((n * unit_minutes * 60.0).round() as i64))
}

/// A satisfaction cell on the CSAT scale (1-5). Zendesk's good is 5 and
/// bad is 1 ("offered", "unoffered" and the like are no rating);
/// Freshdesk's five faces run from "extremely unhappy" (1) to "extremely
/// happy" (5), its three-point answers are 1, 3 and 5 ("not good", "just
/// okay", "awesome"; "unhappy", "neutral", "happy" when three-point); a
/// number 1-5 is itself. `None` for anything else.
pub fn satisfaction(value: &str) -> Option<Satisfaction> {
    let v = value.trim().to_lowercase();
    let v = v.trim_start_matches("satisfaction:").trim();
    let score = match v {
        "good"
        | "good, i'm satisfied"
        | "awesome"
        | "extremely happy"
        | "very happy"
        | "very satisfied" => 5,
        "happy" | "satisfied" => 4,
        "neutral" | "just okay" | "okay" => 3,
        "unhappy" | "dissatisfied" => 2,
        "bad"
        | "bad, i'm unsatisfied"
        | "not good"
        | "extremely unhappy"
        | "very unhappy"
        | "very dissatisfied" => 1,
        other => match other.parse::<u8>() {
            Ok(n @ 1..=5) => n,
            _ => return None,
        },
    };
    Some(Satisfaction { score })
}

/// Tags from a cell: comma-separated when it holds a comma (Freshdesk),
/// else space-separated (Zendesk).
pub fn split_tags(value: &str) -> Vec<String> {
    let parts: Vec<&str> = if value.contains(',') {
        value.split(',').collect()
    } else {
        value.split_whitespace().collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A custom field's name without Zendesk's type suffix (`Category [list]`
/// is `Category`), or `None` when the header has no such suffix.
pub fn custom_field_name(header: &str) -> Option<&str> {
    let h = header.trim();
    let open = h.rfind(" [")?;
    h.ends_with(']').then(|| h[..open].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_the_account_zone_and_with_offsets() {
        let riyadh = time_zone("Asia/Riyadh").unwrap_or(Tz::UTC);
        let t = parse_time("2026-03-01 14:05", riyadh).map(|t| t.to_rfc3339());
        assert_eq!(t.as_deref(), Some("2026-03-01T11:05:00+00:00"));
        let t = parse_time("2026-03-01T14:05:00Z", riyadh).map(|t| t.to_rfc3339());
        assert_eq!(t.as_deref(), Some("2026-03-01T14:05:00+00:00"));
        assert!(parse_time("01/03/2026", riyadh).is_none());
        assert!(parse_time("yesterday", riyadh).is_none());
        // A time inside the spring-forward gap moves to the first valid hour.
        let ny = time_zone("America/New_York").unwrap_or(Tz::UTC);
        assert!(parse_time("2026-03-08 02:30", ny).is_some());
        assert!(time_zone("Mars/Olympus").is_none());
    }

    #[test]
    fn durations_scores_tags_and_custom_fields() {
        assert_eq!(
            parse_duration("01:30:00", 60.0),
            Some(Duration::minutes(90))
        );
        assert_eq!(parse_duration("1.5", 60.0), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("90", 1.0), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("1:75:00", 60.0), None);
        assert_eq!(satisfaction("Good").map(|s| s.score), Some(5));
        assert_eq!(satisfaction("bad").map(|s| s.score), Some(1));
        assert_eq!(satisfaction("Offered"), None);
        assert_eq!(satisfaction("Extremely Unhappy").map(|s| s.score), Some(1));
        assert_eq!(satisfaction("4").map(|s| s.score), Some(4));
        assert_eq!(split_tags("billing vip  "), vec!["billing", "vip"]);
        assert_eq!(
            split_tags("فواتير, late payment"),
            vec!["فواتير", "late payment"]
        );
        assert_eq!(custom_field_name(" Category [list] "), Some("Category"));
        assert_eq!(custom_field_name("Subject"), None);
    }

    #[test]
    fn formats_are_told_apart_by_their_headers() {
        assert_eq!(
            detect_format("{\"ticket\":{}}\n"),
            HelpdeskFormat::ZendeskJson
        );
        assert_eq!(
            detect_format("Summation column,Id,Subject\n"),
            HelpdeskFormat::ZendeskCsv
        );
        assert_eq!(
            detect_format(" ID ,Subject,Status,Via,Requester\n"),
            HelpdeskFormat::ZendeskCsv
        );
        assert_eq!(
            detect_format("Ticket ID,Subject,Source,Created time\n"),
            HelpdeskFormat::FreshdeskCsv
        );
        assert_eq!(detect_format("Title,Date\n"), HelpdeskFormat::Csv);
        assert_eq!(
            HelpdeskFormat::from_name("zendesk-json"),
            Some(HelpdeskFormat::ZendeskJson)
        );
    }
}
