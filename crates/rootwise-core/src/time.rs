//! Timestamps: UTC, stored as RFC 3339 text with millisecond precision.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::error::{Error, Result};

/// Formats a timestamp the way the store keeps it: RFC 3339, UTC, millis.
///
/// The fixed width keeps text order equal to time order, so SQL can sort on
/// the column directly.
pub fn to_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses a timestamp read back from the store.
pub fn from_text(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| Error::Internal(format!("bad timestamp {s:?} in the store: {e}")))
}

/// The current time, truncated to what the store keeps (milliseconds), so a
/// value returned from a write equals the value read back later.
pub fn now() -> DateTime<Utc> {
    let t = Utc::now();
    from_text(&to_text(t)).unwrap_or(t)
}

/// Parses a day stored as `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| Error::Internal(format!("bad date {s:?} in the store: {e}")))
}

/// The latest date that is "today" anywhere on earth (UTC+14). A date the
/// user picks as "today" in their own time zone is never after it, so
/// "not in the future" accepts it wherever the user is.
pub fn latest_today() -> chrono::NaiveDate {
    (Utc::now() + chrono::Duration::hours(14)).date_naive()
}

/// The earliest calendar day that `t` falls on anywhere on earth (UTC-12):
/// a day the user picks as "the day it was created" in their own time zone
/// is never before it.
pub fn earliest_day(t: DateTime<Utc>) -> chrono::NaiveDate {
    (t - chrono::Duration::hours(12)).date_naive()
}

/// Today in UTC.
pub fn today_utc() -> chrono::NaiveDate {
    Utc::now().date_naive()
}

fn bad_column(idx: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
}

/// Reads a timestamp column.
pub(crate) fn column_stamp(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = r.get(idx)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| bad_column(idx, e))
}

/// Reads a day column (`YYYY-MM-DD`), which may be NULL.
pub(crate) fn column_opt_day(
    r: &rusqlite::Row<'_>,
    idx: usize,
) -> rusqlite::Result<Option<chrono::NaiveDate>> {
    let text: Option<String> = r.get(idx)?;
    text.map(|t| chrono::NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|e| bad_column(idx, e)))
        .transpose()
}

/// Reads a day column (`YYYY-MM-DD`).
pub(crate) fn column_day(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<chrono::NaiveDate> {
    column_opt_day(r, idx)?.ok_or(rusqlite::Error::InvalidColumnType(
        idx,
        "day".into(),
        rusqlite::types::Type::Null,
    ))
}

/// Reads a JSON list of text (participants, channels).
pub(crate) fn column_list<T: serde::de::DeserializeOwned>(
    r: &rusqlite::Row<'_>,
    idx: usize,
) -> rusqlite::Result<Vec<T>> {
    let text: String = r.get(idx)?;
    serde_json::from_str(&text).map_err(|e| bad_column(idx, e))
}

/// The Monday of the week `day` falls in.
pub fn week_start(day: chrono::NaiveDate) -> chrono::NaiveDate {
    use chrono::Datelike;
    day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_sorts_as_text() {
        let a = now();
        let b = a + chrono::Duration::milliseconds(1);
        assert_eq!(from_text(&to_text(a)).ok(), Some(a));
        assert!(to_text(a) < to_text(b));
        assert!(to_text(a).ends_with('Z'));
    }

    #[test]
    fn rejects_garbage() {
        assert!(from_text("yesterday").is_err());
    }
}
