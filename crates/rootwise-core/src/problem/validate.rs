//! The rules every problem input meets. They run in the core, so a bad
//! value is refused whatever sent it; the UI shows the same messages beside
//! the fields.

use crate::error::{Error, Result, Rule};
pub use crate::write::{
    line, past_date, score, text, EARLIEST_YEAR, REFERENCE_MAX, SHORT_TEXT_MAX,
};

/// Longest title, in characters.
pub const TITLE_MAX: usize = 300;
/// Longest description.
pub const DESCRIPTION_MAX: usize = 20_000;
/// Longest tag.
pub const TAG_MAX: usize = 50;
/// Most tags on one problem.
pub const TAGS_MAX: usize = 30;
/// Most references on one problem.
pub const REFERENCES_MAX: usize = 50;
/// Longest occurrence note.
pub const NOTE_MAX: usize = 5_000;
/// Customer satisfaction: lowest and highest answer.
pub const CSAT_RANGE: (u8, u8) = (1, 5);
/// Net Promoter answer: lowest and highest.
pub const NPS_RANGE: (u8, u8) = (0, 10);
/// Customer effort score: lowest and highest answer.
pub const CES_RANGE: (u8, u8) = (1, 7);
/// Largest estimate of customers affected.
pub const CUSTOMERS_MAX: u32 = 1_000_000_000;

/// Checks a title and returns it as it will be stored: outer whitespace
/// trimmed, everything else exactly as typed.
pub fn validate_title(title: &str) -> Result<String> {
    line("title", title, TITLE_MAX, true)
}

/// Tags: trimmed, empty ones dropped, duplicates (ignoring case) dropped.
pub fn tags(values: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let tag = line("tags", value, TAG_MAX, false)?;
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
        let reference = line("references", value, REFERENCE_MAX, false)?;
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
    use crate::time;
    use chrono::NaiveDate;

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
