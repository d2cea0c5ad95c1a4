//! The TypeScript bindings of every type that crosses to the UI.
//!
//! They are generated into `ui/src/bindings/`, with the rules the UI
//! applies (limits, enumerations, status moves: [`crate::rules`]) in
//! `rules.ts`, and committed; the test
//! `tests/bindings.rs` fails when the committed files are stale
//! (`make bindings` rewrites them).

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

use crate::{
    action, analysis, change, empathy, error, helpdesk, history, journey, metrics, persona,
    problem, search, settings, store, sync, trash, workflow,
};

/// Writes every binding (and what it depends on) and `rules.ts` into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir);
    error::ErrorPayload::export_all(&cfg)?;
    change::ChangeEvent::export_all(&cfg)?;
    metrics::SurveyResponse::export_all(&cfg)?;
    metrics::ResponseInput::export_all(&cfg)?;
    metrics::PeriodFigures::export_all(&cfg)?;
    metrics::PeriodInput::export_all(&cfg)?;
    metrics::Dashboard::export_all(&cfg)?;
    metrics::DashboardQuery::export_all(&cfg)?;
    metrics::FixEffect::export_all(&cfg)?;
    metrics::Verdict::export_all(&cfg)?;
    metrics::import::ColumnMapping::export_all(&cfg)?;
    metrics::import::ImportCheck::export_all(&cfg)?;
    metrics::import::ImportProgress::export_all(&cfg)?;
    metrics::import::ResponseImport::export_all(&cfg)?;
    helpdesk::ImportOptions::export_all(&cfg)?;
    helpdesk::HelpdeskCheck::export_all(&cfg)?;
    helpdesk::HelpdeskImport::export_all(&cfg)?;
    helpdesk::HelpdeskProgress::export_all(&cfg)?;
    helpdesk::PreviewTicket::export_all(&cfg)?;
    helpdesk::SuggestedGroup::export_all(&cfg)?;
    helpdesk::Becomes::export_all(&cfg)?;
    helpdesk::GroupReason::export_all(&cfg)?;
    helpdesk::TicketColumns::export_all(&cfg)?;
    helpdesk::ValueMaps::export_all(&cfg)?;
    helpdesk::ChannelRow::export_all(&cfg)?;
    helpdesk::SeverityRow::export_all(&cfg)?;
    helpdesk::StatusRow::export_all(&cfg)?;
    helpdesk::SavedMapping::export_all(&cfg)?;
    helpdesk::TextEncoding::export_all(&cfg)?;
    helpdesk::HelpdeskFormat::export_all(&cfg)?;
    metrics::DashboardWords::export_all(&cfg)?;
    persona::Persona::export_all(&cfg)?;
    persona::NewPersona::export_all(&cfg)?;
    persona::PersonaEdit::export_all(&cfg)?;
    persona::Quote::export_all(&cfg)?;
    persona::QuoteInput::export_all(&cfg)?;
    persona::QuoteSource::export_all(&cfg)?;
    persona::PersonaCard::export_all(&cfg)?;
    persona::PersonaDetail::export_all(&cfg)?;
    persona::PersonaRef::export_all(&cfg)?;
    persona::LinkedProblem::export_all(&cfg)?;
    persona::MapRef::export_all(&cfg)?;
    empathy::EmpathyMap::export_all(&cfg)?;
    empathy::NewMap::export_all(&cfg)?;
    empathy::MapEdit::export_all(&cfg)?;
    empathy::Note::export_all(&cfg)?;
    empathy::NewNote::export_all(&cfg)?;
    empathy::NoteEdit::export_all(&cfg)?;
    empathy::NoteGroup::export_all(&cfg)?;
    empathy::VoteCount::export_all(&cfg)?;
    workflow::Board::export_all(&cfg)?;
    empathy::NoteRef::export_all(&cfg)?;
    empathy::Area::export_all(&cfg)?;
    empathy::NoteColour::export_all(&cfg)?;
    empathy::Phase::export_all(&cfg)?;
    journey::JourneyMap::export_all(&cfg)?;
    journey::NewJourney::export_all(&cfg)?;
    journey::JourneyEdit::export_all(&cfg)?;
    journey::JourneyState::export_all(&cfg)?;
    journey::Lane::export_all(&cfg)?;
    journey::Stage::export_all(&cfg)?;
    journey::Touchpoint::export_all(&cfg)?;
    journey::NewTouchpoint::export_all(&cfg)?;
    journey::TouchpointEdit::export_all(&cfg)?;
    journey::Card::export_all(&cfg)?;
    journey::JourneyGrid::export_all(&cfg)?;
    journey::JourneyCard::export_all(&cfg)?;
    journey::TouchpointProblem::export_all(&cfg)?;
    journey::TouchpointRef::export_all(&cfg)?;
    journey::PainQuery::export_all(&cfg)?;
    journey::PainSort::export_all(&cfg)?;
    journey::TouchpointPain::export_all(&cfg)?;
    journey::MatchOutcome::export_all(&cfg)?;
    journey::MarkdownLabels::export_all(&cfg)?;
    action::Action::export_all(&cfg)?;
    action::NewAction::export_all(&cfg)?;
    action::ActionEdit::export_all(&cfg)?;
    action::ActionRow::export_all(&cfg)?;
    action::ActionDetail::export_all(&cfg)?;
    action::ActionPage::export_all(&cfg)?;
    action::ActionQuery::export_all(&cfg)?;
    action::Overview::export_all(&cfg)?;
    action::Reminder::export_all(&cfg)?;
    workflow::ProblemEffect::export_all(&cfg)?;
    action::CauseRef::export_all(&cfg)?;
    action::ImportOutcome::export_all(&cfg)?;
    action::ExportWords::export_all(&cfg)?;
    action::ExportFormat::export_all(&cfg)?;
    action::ExportOutcome::export_all(&cfg)?;
    action::ActionProblem::export_all(&cfg)?;
    analysis::Analysis::export_all(&cfg)?;
    analysis::NewAnalysis::export_all(&cfg)?;
    analysis::AnalysisEdit::export_all(&cfg)?;
    analysis::AnalysisTree::export_all(&cfg)?;
    analysis::AnalysisSummary::export_all(&cfg)?;
    analysis::NewWhy::export_all(&cfg)?;
    analysis::WhyEdit::export_all(&cfg)?;
    analysis::NewEvidence::export_all(&cfg)?;
    analysis::WhyHit::export_all(&cfg)?;
    analysis::CauseCategory::export_all(&cfg)?;
    history::HistoryEntry::export_all(&cfg)?;
    problem::Problem::export_all(&cfg)?;
    problem::NewProblem::export_all(&cfg)?;
    problem::ProblemPage::export_all(&cfg)?;
    problem::ProblemQuery::export_all(&cfg)?;
    problem::ProblemDetail::export_all(&cfg)?;
    problem::ProblemEdit::export_all(&cfg)?;
    problem::SuggestField::export_all(&cfg)?;
    problem::NewOccurrence::export_all(&cfg)?;
    search::SearchHit::export_all(&cfg)?;
    settings::Settings::export_all(&cfg)?;
    store::WorkspaceStatus::export_all(&cfg)?;
    trash::TrashItem::export_all(&cfg)?;
    sync::Replica::export_all(&cfg)?;
    sync::copy::CopiesStatus::export_all(&cfg)?;
    sync::merge::MergeSummary::export_all(&cfg)?;
    sync::hub::HubStatus::export_all(&cfg)?;
    sync::hub::SyncSummary::export_all(&cfg)?;
    sync::review::ReviewItem::export_all(&cfg)?;
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(crate::rules::FILE), crate::rules::typescript())?;
    Ok(())
}

/// Compares the freshly generated files in `fresh` with the committed ones
/// in `committed` (top-level `.ts` files); with `update`, makes `committed`
/// equal to `fresh` first. Returns the names that differ (none after an
/// update). Shared by every crate that generates bindings.
pub fn compare_or_update(
    fresh: &Path,
    committed: &Path,
    update: bool,
) -> std::io::Result<Vec<String>> {
    let read_all = |dir: &Path| -> std::io::Result<std::collections::BTreeMap<String, String>> {
        let mut files = std::collections::BTreeMap::new();
        if dir.exists() {
            for entry in std::fs::read_dir(dir)? {
                let entry = entry?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".ts") && entry.file_type()?.is_file() {
                    files.insert(name, std::fs::read_to_string(entry.path())?);
                }
            }
        }
        Ok(files)
    };
    let new = read_all(fresh)?;
    if update {
        std::fs::create_dir_all(committed)?;
        for name in read_all(committed)?.keys() {
            if !new.contains_key(name) {
                std::fs::remove_file(committed.join(name))?;
            }
        }
        for (name, text) in &new {
            std::fs::write(committed.join(name), text)?;
        }
    }
    let old = read_all(committed)?;
    Ok(new
        .iter()
        .filter(|(name, text)| old.get(*name) != Some(*text))
        .map(|(name, _)| name.clone())
        .chain(old.keys().filter(|name| !new.contains_key(*name)).cloned())
        .collect())
}
