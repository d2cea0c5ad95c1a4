//! The report names statuses, channels, severities and kinds exactly as the
//! app does (`ui/src/i18n/`), in both languages.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use rootwise_core::action::{ActionKind, ActionStatus, CheckResult, Priority};
use rootwise_core::analysis::{AnalysisStatus, CauseCategory, CheckKind, WhyStatus};
use rootwise_core::empathy::Area;
use rootwise_core::persona::QuoteSource;
use rootwise_core::vocab::{Channel, Severity, Status};
use rootwise_report::labels::{label, EnumLabel, Lang, LABELS};
use serde_json::Value;

fn strings(file: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/i18n")
        .join(file);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn check<T: EnumLabel + Copy>(
    all: &[T],
    stored: impl Fn(T) -> &'static str,
    prefix: &str,
    file: &str,
) {
    for (lang, suffix) in [(Lang::En, "en"), (Lang::Ar, "ar")] {
        let json = strings(&format!("{file}{suffix}.json"));
        for v in all {
            let mut at = &json;
            for part in prefix.split('.') {
                at = &at[part];
            }
            let app = at[stored(*v)]
                .as_str()
                .unwrap_or_else(|| panic!("{prefix}.{} missing", stored(*v)));
            assert_eq!(v.label(lang), app, "{prefix}.{} in {suffix}", stored(*v));
        }
    }
}

#[test]
fn enumerations_use_the_apps_words() {
    check(Status::ALL, Status::as_str, "problem.status", "");
    check(Severity::ALL, Severity::as_str, "problem.severity", "");
    check(Channel::ALL, Channel::as_str, "problem.channel", "");
    check(WhyStatus::ALL, WhyStatus::as_str, "why.status", "");
    check(
        AnalysisStatus::ALL,
        AnalysisStatus::as_str,
        "why.analysisStatus",
        "",
    );
    check(
        CauseCategory::ALL,
        CauseCategory::as_str,
        "why.category",
        "",
    );
    check(CheckKind::ALL, CheckKind::as_str, "why.check", "");
    check(ActionKind::ALL, ActionKind::as_str, "actions.kind", "");
    check(
        ActionStatus::ALL,
        ActionStatus::as_str,
        "actions.status",
        "",
    );
    check(
        CheckResult::ALL,
        CheckResult::as_str,
        "actions.checkResult",
        "",
    );
    check(Priority::ALL, Priority::as_str, "actions.priority", "");
    check(
        QuoteSource::ALL,
        QuoteSource::as_str,
        "personas.source",
        "areas/personas.",
    );
    check(Area::ALL, Area::as_str, "personas.area", "areas/personas.");
}

#[test]
fn every_report_word_has_both_languages_and_a_unique_key() {
    let mut keys: Vec<_> = LABELS.iter().map(|l| l.0).collect();
    keys.sort_unstable();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n, "a key is declared twice");
    for (k, en, ar) in LABELS {
        assert!(!en.is_empty() && !ar.is_empty(), "{k}");
        assert!(
            ar.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)),
            "{k} is not Arabic"
        );
        assert_eq!(label(Lang::En, k), *en);
    }
}
