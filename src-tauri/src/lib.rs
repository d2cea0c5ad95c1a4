//! Rootwise desktop shell: thin Tauri commands over `rootwise-core`.
//!
//! Commands parse, call the core on a blocking thread, map the error, and
//! after every committed write emit one `workspace-changed` event per
//! change. The workspace file comes from `--workspace PATH`, else
//! `ROOTWISE_WORKSPACE`, else `$XDG_DATA_HOME/rootwise/workspace.db`.

mod commands;
#[cfg(test)]
mod contract;
mod hub;
pub mod paths;
mod state;

use std::sync::Arc;

use tauri::Manager;

pub use state::Shared;

/// Name of the event emitted after every committed write.
pub const CHANGE_EVENT: &str = "workspace-changed";

/// Declares [`COMMAND_NAMES`] and the handler that dispatches them, from the
/// one list in `commands/list.rs`.
macro_rules! app_commands {
    ($($area:ident { $($name:ident),+ $(,)? })+) => {
        /// Every command the shell registers, in the list's order.
        pub const COMMAND_NAMES: &[&str] = &[$($(stringify!($name)),+),+];

        /// The handler for every command in the list.
        fn invoke_handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($(commands::$area::$name),+),+]
        }
    };
}
include!("commands/list.rs");

/// Builds and runs the app.
pub fn run() {
    // A second launch on the same workspace focuses the running window; a
    // launch on another workspace (`--workspace`, `ROOTWISE_WORKSPACE`)
    // opens a window of its own, so two workspaces can be open side by side.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut single = tauri_plugin_single_instance::Builder::new().callback(|app, _args, _cwd| {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.set_focus();
        }
    });
    if let Some(chosen) = paths::workspace_path(&args, std::env::var_os("ROOTWISE_WORKSPACE"), None)
    {
        single = single.dbus_id(paths::instance_id(&chosen));
    }
    let app = tauri::Builder::default()
        // Must come first.
        .plugin(single.build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .setup(move |app| {
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
            let engine = hub::HubSync::start(
                app.handle().clone(),
                Arc::clone(&shared),
                rootwise_core::sync::hub::HubLinks::in_dir(&config_dir),
            );
            app.manage(shared);
            app.manage(engine);
            Ok(())
        })
        .invoke_handler(invoke_handler())
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("Rootwise could not start: {e}");
            std::process::exit(1);
        }
    }
}
