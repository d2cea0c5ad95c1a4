//! Rootwise desktop shell: thin Tauri commands over `rootwise-core`.
//!
//! Commands parse, call the core on a blocking thread, map the error, and
//! after every committed write emit one `workspace-changed` event per
//! change. The workspace file comes from `--workspace PATH`, else
//! `ROOTWISE_WORKSPACE`, else `$XDG_DATA_HOME/rootwise/workspace.db`.

mod commands;
pub mod paths;
mod state;

use std::sync::Arc;

use tauri::Manager;

pub use state::Shared;

/// Name of the event emitted after every committed write.
pub const CHANGE_EVENT: &str = "workspace-changed";

/// Builds and runs the app.
pub fn run() {
    let app = tauri::Builder::default()
        // Must come first: a second launch focuses the running window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let args: Vec<String> = std::env::args().skip(1).collect();
            let workspace = paths::workspace_path(
                &args,
                std::env::var_os("ROOTWISE_WORKSPACE"),
                app.path().data_dir().ok(),
            )
            .ok_or("no workspace path: pass --workspace PATH or set ROOTWISE_WORKSPACE")?;
            let config_dir = app.path().app_config_dir()?;
            let shared = Arc::new(Shared::start(&workspace, &config_dir));
            if let Some(window) = app.get_webview_window("main") {
                window.set_title(&shared.window_title())?;
            }
            app.manage(shared);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace::workspace_status,
            commands::workspace::workspace_open,
            commands::problem::problem_list,
            commands::problem::problem_get,
            commands::problem::problem_create,
            commands::problem::problem_edit,
            commands::problem::problem_delete,
            commands::problem::problem_restore,
            commands::problem::problem_merge,
            commands::problem::problem_suggestions,
            commands::problem::occurrence_log,
            commands::problem::sample_load,
            commands::problem::sample_remove,
            commands::problem::sample_count,
            commands::analysis::analysis_list,
            commands::analysis::analysis_get,
            commands::analysis::analysis_create,
            commands::analysis::analysis_edit,
            commands::analysis::analysis_delete,
            commands::analysis::analysis_search,
            commands::analysis::why_add,
            commands::analysis::why_edit,
            commands::analysis::why_move,
            commands::analysis::why_delete,
            commands::analysis::why_restore,
            commands::analysis::evidence_add,
            commands::analysis::evidence_edit,
            commands::analysis::evidence_remove,
            commands::persona::persona_list,
            commands::persona::persona_get,
            commands::persona::persona_create,
            commands::persona::persona_edit,
            commands::persona::persona_delete,
            commands::persona::persona_duplicate,
            commands::persona::persona_picture_pick,
            commands::persona::persona_picture_clear,
            commands::persona::persona_picture,
            commands::persona::quote_add,
            commands::persona::quote_edit,
            commands::persona::quote_delete,
            commands::persona::persona_link_problem,
            commands::persona::problem_personas,
            commands::persona::problem_maps,
            commands::persona::problem_notes,
            commands::empathy::map_list,
            commands::empathy::map_board,
            commands::empathy::map_create,
            commands::empathy::map_edit,
            commands::empathy::map_delete,
            commands::empathy::note_add,
            commands::empathy::note_edit,
            commands::empathy::note_delete,
            commands::empathy::note_restore,
            commands::empathy::note_causes,
            commands::empathy::why_notes,
            commands::empathy::group_create,
            commands::empathy::group_rename,
            commands::empathy::group_dissolve,
            commands::empathy::note_vote,
            commands::empathy::note_unvote,
            commands::action::action_list,
            commands::action::action_for_problem,
            commands::action::action_get,
            commands::action::action_create,
            commands::action::action_edit,
            commands::action::action_delete,
            commands::action::action_comment,
            commands::action::action_owners,
            commands::action::action_problems,
            commands::action::action_overview,
            commands::action::action_effect,
            commands::action::action_root_causes,
            commands::action::problem_close,
            commands::action::reminder_check,
            commands::action::notify,
            commands::action::action_import,
            commands::export::export_save,
            commands::trash::trash_list,
            commands::trash::trash_restore,
            commands::trash::history_list,
            commands::settings::settings_get,
            commands::settings::settings_update,
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("Rootwise could not start: {e}");
            std::process::exit(1);
        }
    }
}
