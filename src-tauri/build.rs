//! Declares the app's own commands so each window's capability can allow
//! exactly the ones it uses.

const COMMANDS: &[&str] = &[
    "workspace_status",
    "workspace_open",
    "problem_list",
    "problem_get",
    "problem_create",
    "problem_edit",
    "problem_delete",
    "problem_restore",
    "problem_merge",
    "problem_suggestions",
    "occurrence_log",
    "sample_load",
    "sample_remove",
    "sample_count",
    "analysis_list",
    "analysis_get",
    "analysis_create",
    "analysis_edit",
    "analysis_delete",
    "analysis_search",
    "why_add",
    "why_edit",
    "why_move",
    "why_delete",
    "why_restore",
    "evidence_add",
    "evidence_edit",
    "evidence_remove",
    "action_list",
    "action_for_problem",
    "action_get",
    "action_create",
    "action_edit",
    "action_delete",
    "action_comment",
    "action_owners",
    "action_problems",
    "action_overview",
    "action_effect",
    "action_root_causes",
    "problem_close",
    "reminder_check",
    "notify",
    "action_import",
    "export_save",
    "trash_list",
    "trash_restore",
    "history_list",
    "settings_get",
    "settings_update",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        eprintln!("tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
