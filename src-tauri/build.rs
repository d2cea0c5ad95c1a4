//! Declares the app's own commands so each window's capability can allow
//! exactly the ones it uses. The names come from `src/commands/list.rs`,
//! the one list the registration and the UI's types are derived from too.

macro_rules! app_commands {
    ($($area:ident { $($name:ident),+ $(,)? })+) => {
        const COMMANDS: &[&str] = &[$($(stringify!($name)),+),+];
    };
}
include!("src/commands/list.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/commands/list.rs");
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        eprintln!("tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
