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
