//! The rules every problem input meets. They run in the core, so a bad
//! value is refused whatever sent it; the UI shows the same messages beside
//! the fields.

use chrono::NaiveDate;

use crate::error::{Error, Result, Rule};
use crate::time;

/// Longest title, in characters.
pub const TITLE_MAX: usize = 300;
/// Longest description.
pub const DESCRIPTION_MAX: usize = 20_000;
/// Longest customer, segment, journey stage or owner.
pub const SHORT_TEXT_MAX: usize = 200;
/// Longest tag.
pub const TAG_MAX: usize = 50;
/// Most tags on one problem.
pub const TAGS_MAX: usize = 30;
/// Longest reference (a ticket id or a link).
pub const REFERENCE_MAX: usize = 500;
/// Most references on one problem.
pub const REFERENCES_MAX: usize = 50;
/// Longest occurrence note.
pub const NOTE_MAX: usize = 5_000;
/// Largest estimate of customers affected.
pub const CUSTOMERS_MAX: u32 = 1_000_000_000;
/// Earliest reported date accepted.
pub const EARLIEST_YEAR: i32 = 1970;

/// A piece of text, outer whitespace trimmed, within `max` characters.
pub fn text(field: &str, value: &str, max: usize, required: bool) -> Result<String> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(Error::invalid(field, Rule::Required, None));
    }
    if value.chars().count() > max {
        return Err(Error::invalid(field, Rule::TooLong, Some(max as u32)));
    }
    Ok(value.to_owned())
}

/// Checks a title and returns it as it will be stored: outer whitespace
/// trimmed, everything else exactly as typed.
pub fn validate_title(title: &str) -> Result<String> {
    text("title", title, TITLE_MAX, true)
}

/// Tags: trimmed, empty ones dropped, duplicates (ignoring case) dropped.
pub fn tags(values: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let tag = text("tags", value, TAG_MAX, false)?;
        if !tag.is_empty() && !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag);
        }
    }
    if out.len() > TAGS_MAX {
        return Err(Error::invalid("tags", Rule::TooMany, Some(TAGS_MAX as u32)));
    }
    Ok(out)
}

/// References: trimmed, empty ones and exact duplicates dropped, in order.
pub fn references(values: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let reference = text("references", value, REFERENCE_MAX, false)?;
        if !reference.is_empty() && !out.contains(&reference) {
            out.push(reference);
        }
    }
    if out.len() > REFERENCES_MAX {
        return Err(Error::invalid(
            "references",
            Rule::TooMany,
            Some(REFERENCES_MAX as u32),
        ));
    }
    Ok(out)
}

/// A date that is not in the future (anywhere on earth) nor absurdly old.
pub fn past_date(field: &str, date: NaiveDate) -> Result<NaiveDate> {
    if date > time::latest_today() {
        return Err(Error::invalid(field, Rule::InFuture, None));
    }
    if chrono::Datelike::year(&date) < EARLIEST_YEAR {
        return Err(Error::invalid(field, Rule::OutOfRange, None));
    }
    Ok(date)
}

/// A score within `low..=high`.
pub fn score(field: &str, value: Option<u8>, low: u8, high: u8) -> Result<Option<u8>> {
    match value {
        Some(v) if v < low || v > high => {
            Err(Error::invalid(field, Rule::OutOfRange, Some(high as u32)))
        }
        v => Ok(v),
    }
}

/// The estimate of customers affected.
pub fn customers(value: Option<u32>) -> Result<Option<u32>> {
    match value {
        Some(v) if v > CUSTOMERS_MAX => Err(Error::invalid(
            "customersAffected",
            Rule::OutOfRange,
            Some(CUSTOMERS_MAX),
        )),
        v => Ok(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(r: Result<impl std::fmt::Debug>) -> Option<Rule> {
        r.err().and_then(|e| e.field_error().map(|f| f.rule))
    }

    #[test]
    fn title_rules() {
        assert_eq!(rule(validate_title("   ")), Some(Rule::Required));
        assert_eq!(
            rule(validate_title(&"م".repeat(TITLE_MAX + 1))),
            Some(Rule::TooLong)
        );
        assert_eq!(
            validate_title(&"م".repeat(TITLE_MAX))
                .map(|t| t.chars().count())
                .ok(),
            Some(300)
        );
        assert_eq!(validate_title("  a  b  ").ok().as_deref(), Some("a  b"));
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated_ignoring_case() {
        let got = tags(&[
            "Billing ".into(),
            "billing".into(),
            "".into(),
            "فواتير".into(),
        ])
        .ok();
        assert_eq!(got, Some(vec!["Billing".to_string(), "فواتير".to_string()]));
        let many: Vec<String> = (0..31).map(|i| format!("t{i}")).collect();
        assert_eq!(rule(tags(&many)), Some(Rule::TooMany));
        assert_eq!(rule(tags(&["x".repeat(51)])), Some(Rule::TooLong));
    }

    #[test]
    fn a_reference_of_ten_thousand_characters_is_refused() {
        assert_eq!(rule(references(&["r".repeat(10_000)])), Some(Rule::TooLong));
        assert_eq!(
            references(&[
                " ZD-1 ".into(),
                "ZD-1".into(),
                "https://help.example/t/2".into()
            ])
            .ok(),
            Some(vec![
                "ZD-1".to_string(),
                "https://help.example/t/2".to_string()
            ])
        );
    }

    #[test]
    fn dates_and_scores() {
        let future = time::latest_today() + chrono::Duration::days(1);
        assert_eq!(rule(past_date("reportedOn", future)), Some(Rule::InFuture));
        assert!(past_date("reportedOn", time::today_utc()).is_ok());
        assert_eq!(
            rule(past_date(
                "reportedOn",
                NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default()
            )),
            Some(Rule::OutOfRange)
        );
        assert_eq!(rule(score("nps", Some(11), 0, 10)), Some(Rule::OutOfRange));
        assert_eq!(score("nps", Some(0), 0, 10).ok(), Some(Some(0)));
        assert_eq!(rule(score("csat", Some(0), 1, 5)), Some(Rule::OutOfRange));
        assert_eq!(
            rule(customers(Some(CUSTOMERS_MAX + 1))),
            Some(Rule::OutOfRange)
        );
    }
}
